from __future__ import annotations

from decimal import Decimal

import pytest

from rag.normalize import correct_unit_names, normalize_text
from rag.question import understand

VOCABULARY = ["行政运行", "办公费", "卫生健康支出", "事业收入", "医保稽查经费"]


@pytest.mark.parametrize("text, cities, years, items, intent", [
    ("江门医保局2024年三公经费多少", ["江门"], [2024], ["三公经费"], "figure"),
    ("江门市医疗保障局24年公务接待费用", ["江门"], [2024], ["公务接待费"], "figure"),
    ("二〇二四年吴川医保局三公经费", ["吴川"], [2024], ["三公经费"], "figure"),
    ("江门和吴川2024年三公经费对比", ["江门", "吴川"], [2024], ["三公经费"], "compare"),
    ("吴川2024年公务接待费和公务用车购置费哪一项钱多", ["吴川"], [2024], ["公务接待费", "公务用车购置费"], "compare"),
    ("广州2023年公务接待费占三公经费的比例", ["广州"], [2023], ["公务接待费", "三公经费"], "share"),
    ("江门2024年三公经费比上年增加了多少", ["江门"], [2024], ["三公经费"], "change"),
    ("哪个城市三公经费最多", [], [], ["三公经费"], "rank"),
    ("江门医保局2023年整体支出绩效目标是什么", ["江门"], [2023], [], "passage"),
    ("什么是三公经费", [], [], ["三公经费"], "definition"),
])
def test_reads_city_year_item_and_intent(text, cities, years, items, intent):
    question = understand(text, VOCABULARY)
    assert (question.cities, question.years, question.items, question.intent) == (cities, years, items, intent)


def test_aliases_kinds_and_columns():
    question = understand("江门市医保局2024年办公费基本支出多少", VOCABULARY)
    assert question.row_terms == ["办公费"] and question.columns == ["基本支出"] and question.items == []
    assert understand("廉江2023年三公经费决算多少").kinds == ["部门决算"]
    assert understand("江门2024年一般公共预算支出多少").kinds == []  # 一般公共预算 names no report kind
    assert understand("廉江2023年三公经费预算和决算对比").versus_kinds


def test_the_longest_name_wins():
    question = understand("廉江2023年卫生健康支出决算多少", VOCABULARY)
    assert question.row_terms == ["卫生健康支出"] and question.items == []
    assert understand("吴川2024年行政运行支出多少", VOCABULARY).row_terms == ["行政运行"]
    assert understand("江门2024年2101505科目是多少").codes == ["2101505"]
    assert understand("廉江完成了任务的100.1%，2023年参保多少人").codes == []  # a percent, not code 100


@pytest.mark.parametrize("text, fragment", [
    ("", "空"), ("   ", "空"), ("x" * 10000, "太长"), ("What is the weather like?", "中文"),
    ("？？？！！！", "中文"), ("'; DROP TABLE documents; --", "中文"),
])
def test_unreadable_questions_get_a_reason(text, fragment):
    assert fragment in understand(text).problem


def test_places_of_the_gazetteer_are_places_and_other_names_are_noticed():
    beijing = understand("北京医保局三公经费")
    assert (beijing.cities, beijing.units, beijing.unknown_places) == (["北京"], ["医疗保障局"], [])
    assert understand("火星医保局三公经费").unknown_places == ["火星"]
    assert understand("请问江门医保局三公经费").unknown_places == []
    assert understand("哪个医保局公务接待费最少").unknown_places == []


def test_a_units_name_said_in_short_without_its_place_is_its_row():
    from rag.question import subject_spans
    rows = ["广州市医疗救助服务中心", "广州市医疗保险服务中心", "基本支出"]
    assert [key for _, _, _, key in subject_spans("广州医救中心2023年基本支出", rows)] == ["广州市医疗救助服务中心", "基本支出"]


def test_which_one_asked_without_a_superlative_is_no_ranking():
    assert understand("江门医保待遇发放手续费是委托哪家发的").intent != "rank"
    assert understand("哪个城市三公经费最多").intent == "rank"


@pytest.mark.parametrize("text, asked_unit", [
    ("广州医保局执法车用了多少年", "年"), ("执法车车龄多少", "年"),
    ("江门医保局近几年三公经费多少", None),  # which years, not how many
])
def test_a_count_of_years_is_asked_by_how_many_years_not_by_which(text, asked_unit):
    assert understand(text, VOCABULARY).asked_unit == asked_unit


@pytest.mark.parametrize("text, intent, asked_class", [
    ("广州医保局租房子花了七百多万，租的是什么房子", "passage", None),  # the amount sets the scene
    ("吴川医保那笔档案管理的钱是干嘛用的", "passage", None),
    ("大家都说要打分，江门医保局2023年自评评了个什么等级", "passage", None),  # 打分 is not what is asked
    ("我爸退休了，总担心基金不够用。江门医保基金2023年收入多少亿", "figure", "money"),
    ("江门医保局2024年三公经费，是多少", "figure", None),
])
def test_the_clause_that_asks_decides_what_is_wanted(text, intent, asked_class):
    question = understand(text, VOCABULARY)
    assert (question.intent, question.asked_class) == (intent, asked_class)


@pytest.mark.parametrize("text, amounts", [
    ("那5万块法律顾问费干嘛用的", [("5", "5")]),
    ("广州医保租房子花了七百多万", [("700", "800")]),  # 七百多万: 700 to 800万
    ("全年预算七千多万，实际只用了八百多万", [("7000", "8000"), ("800", "900")]),
    ("预算差不多49个亿", [("441000.0", "539000.0")]),  # about: within a tenth
    ("有3.5亿那么多吗", [("35000.0", "35000.0")]),
    ("两亿多的那笔钱", [("20000", "30000")]),
    ("减少了两万六千多万元", [("26000", "27000")]),  # 两万六千: 26,000, not 六千
])
def test_sums_cited_are_read_as_the_range_they_can_be(text, amounts):
    assert [(str(low), str(high)) for low, high in understand(text, VOCABULARY).amounts] == amounts


def test_the_year_a_change_is_measured_from_is_not_a_report_asked():
    question = understand("江门医保局2024年预算比2023年多了多少", VOCABULARY)
    assert (question.years, question.intent) == ([2024], "change")
    both = understand("江门2023年和2024年基本支出比上年增加了多少", VOCABULARY)
    assert (both.years, both.intent) == ([2023, 2024], "compare")  # two years asked: their figures, side by side


@pytest.mark.parametrize("text, years", [
    ("吴川医保2024年办了有没有超过2000件业务", [2024]),  # 2000件: a quantity
    ("廉江2023年救助是不是多于2050人次", [2023]),
    ("江门2024年三公经费2023万元对吗", [2024]),
    ("2023 2024 江门 三公", [2023, 2024]),  # keywords typed apart: two years, not one number
    ("三公 江门 24 预算", [2024]),
])
def test_a_number_with_its_measure_word_is_no_year(text, years):
    assert understand(text, VOCABULARY).years == years


def test_percentage_points_are_a_percent():
    question = understand("吴川机关运行经费涨了多少个百分点", VOCABULARY)
    assert (question.asked_class, question.asked_unit) == ("percent", None)


def test_those_few_is_not_how_many():
    assert understand("廉江医保那几个项目的绩效评价是谁做的", VOCABULARY).asked_class is None


def test_characters_look_alike_only_on_an_uncommon_shared_component():
    from rag.normalize import _looks_alike
    assert _looks_alike("凭", "赁") and _looks_alike("经", "轻")  # 任, 圣
    assert not _looks_alike("员", "费") and not _looks_alike("路", "旅")  # 贝 is too common; nothing shared


@pytest.mark.parametrize("text", ["吴川三公咋多了这么多", "廉江决算里政府性基金那张表怎么是0",
                                  "廉江医保局2023年怎么会冒出0.02万元的其他收入"])
def test_how_come_a_figure_is_so_asks_the_reason(text):
    assert understand(text).asks_reason


def test_money_said_in_a_verb_asks_no_amount():
    question = understand("江门医保待遇发放手续费是委托哪家发钱的")  # 发钱 is how it pays, 哪家 is asked
    assert question.intent == "passage" and not question.asks_amount


def test_how_to_reach_the_department_is_not_in_the_reports_but_calls_it_answered_are():
    assert "联系方式" in understand("江门医保中心服务大厅的咨询电话是多少").problem
    assert "联系方式" in understand("广州医保局官网是哪个").problem
    assert not understand("吴川医保局办公楼在哪个地址").problem  # a report may print where it is (位于…)
    assert not understand("廉江医保局接听电话咨询多少次").problem
    assert not understand("吴川医保局电话网络费预算多少").problem


def test_a_units_rank_is_asked_by_its_level_not_counted():
    for text in ("吴川医保局是什么级别的单位", "廉江医保局几级单位", "江门医保中心是处级还是科级"):
        question = understand(text)
        assert (question.topic, question.intent) == ("级别", "passage"), text


def test_a_unit_said_in_short_is_of_the_place_asked_not_of_another():
    rows = ["广州市医疗保险服务中心", "江海分局", "办公费"]
    assert understand("吴川医保服务中心的办公费", rows).row_terms == ["办公费"]
    assert understand("广州医保服务中心的办公费", rows).row_terms == ["广州市医疗保险服务中心", "办公费"]
    assert understand("江门医保江海分局的办公费", rows).row_terms == ["江海分局", "办公费"]


def test_which_of_two_ways_is_asked_in_words():
    question = understand("江门医保政策研究项目经费是自己做还是委托第三方", ["医保政策研究项目经费"])
    assert question.intent == "passage"
    assert understand("江门医保政策研究项目经费是20万还是30万", ["医保政策研究项目经费"]).intent == "figure"


def test_how_the_report_explains_a_change_asks_its_reason_and_a_term_its_meaning():
    assert understand("廉江三公经费比上年减少了，报告怎么解释").intent == "reason"
    assert understand("江门自评报告怎样解释居民医保参保人数逐年减少").intent == "reason"
    assert understand("吴川2024年三公经费比上年多了，预算说明给的情况是什么").intent == "reason"
    assert understand("医疗救助是个什么制度，报告里怎么解释的").intent != "reason"


def test_places_said_beside_a_unit_named_by_its_place_are_its_sibling_units():
    rows = ["江海分局", "蓬江分局", "新会分局", "人员类"]
    question = understand("江海分局跟蓬江新会比差一截，江海分局基本支出里人员类多少", rows)
    assert question.cities == [] and question.row_terms[:3] == ["江海分局", "蓬江分局", "新会分局"]
    told = understand("我在江海分局上班，跟蓬江新会比差一截。江海分局基本支出里人员类多少", rows)
    assert told.cities == [] and told.row_terms == ["江海分局", "人员类"]  # the others said only of the asker
    assert understand("新会区医保局的基本支出", rows).cities == ["新会"]


def test_a_table_is_pointed_at_by_its_number():
    assert understand("廉江财政拨款收入支出决算总表（表4）的总计是多少").table_number == 4
    assert understand("江门2024年表11里蓬江分局多少").table_number == 11
    assert understand("江门表示2024年三公经费多少").table_number is None


@pytest.mark.parametrize("text, position", [
    ("吴川2024年预算表3最后一行多少", -1),
    ("表5最底下那行是多少", -1),
    ("表3倒数第二行", -2),
    ("表6，表头下面第一行的合计", 0),
    ("表4第12行是什么", 11),
    ("表4的总计是多少", None),
])
def test_a_row_is_pointed_at_by_where_it_is_printed(text, position):
    assert understand(text).row_position == position


def test_a_row_is_said_without_the_支出_that_ends_it():
    from rag.question import row_name_variants
    assert row_name_variants("商品和服务支出") == ["商品和服务支出", "商品和服务"]
    assert row_name_variants("基本支出") == ["基本支出"] and row_name_variants("住房保障支出")[-1] == "住房保障"
    rows = ["工资福利支出", "商品和服务支出"]
    assert understand("广州2023年基本支出里发人的钱（工资福利）和日常运转的钱（商品和服务）分别多少", rows).row_terms == rows
    classes = ["卫生健康支出", "住房保障支出"]
    assert understand("廉江2023年决算里卫生健康这一类花了多少", classes).row_terms == ["卫生健康支出"]
    assert understand("吴川预算中住房保障那块安排了几多钱", classes).row_terms == ["住房保障支出"]
    assert understand("广州市卫生健康委员会2023年三公经费多少", classes).row_terms == []  # another unit's name


def test_what_the_question_says_it_is_not_asking_is_left_out():
    assert understand("江门项目支出的差旅费，不是基本支出里的").reading == "江门项目支出的差旅费，"
    assert understand("江门三公经费是不是比上年多的").reading == "江门三公经费是不是比上年多的"


def test_a_name_said_in_short_after_和_completes_the_one_before():
    rows = ["年初结转和结余", "年末结转和结余"]
    assert understand("廉江年初结转和年末结转结余分别多少", rows).row_terms == rows


@pytest.mark.parametrize("text, stated", [
    ("吴川医保局2024年公务接待费1.5万元里，接待外宾的部分占多少？", {Decimal("1.5")}),
    ("吴川医保服务中心核定事业编制20名，目前实际在岗的有多少人？", {Decimal("20")}),
    ("江门医保局2024年三公经费是17.56万元吗", set()),  # asked to be confirmed: in the clause that asks
    ("江门医保局2024年三公经费多少", set()),  # the year is no figure
    ("网传江门医保局2024年三公经费只有17.56万元，这说法属实吗，具体多少", set()),  # a claim put to be checked
])
def test_figures_stated_outside_the_asking_clause_are_known_not_asked(text, stated):
    assert understand(text).stated == stated


def test_a_particle_ends_a_spoken_sentence_and_what_follows_asks_nothing():
    question = understand("吴川医保那个非税工作经费是多少呀我听人家说挺多的", VOCABULARY)
    assert question.asked_class != "count"  # "多少呀我听人" asks no number of people
    assert understand("廉江医保局那个办事大厅呢就是有多大面积啊几十平方吗", VOCABULARY).asked_class == "area"


def test_a_table_named_in_quotes_names_no_item_column_or_quoted_name():
    question = understand("吴川医保局“部门预算项目支出及其他支出预算表”中，医保基金核算精算等经办经费列了多少？",
                          ["其他支出", "医保基金核算精算等经办经费"])
    assert question.table_named == "部门预算项目支出及其他支出预算表"
    assert "其他支出" not in question.subjects and question.columns == [] and question.quoted == []


def test_why_one_asks_said_after_the_question_mark_is_not_what_is_asked():
    from rag.question import asking_part
    assert asking_part("江门医保局培训费安排了多少？我们想对照一下自己怎么编的") == "江门医保局培训费安排了多少"
    assert asking_part("江门医保局有哪些科室？分别管什么") == "分别管什么"  # a second question is still asked


def test_cantonese_as_typed_in_guangdong_reads_as_mandarin():
    question = understand("吴川医保局24年差旅费系几多？点解咁多嘅")
    assert "差旅费是多少" in question.reading and question.asks_reason
    both = understand("江门同吴川24年嘅办公费边个多啲")  # 同 as "and"; 同比 stays
    assert "江门和吴川" in both.reading and both.cities == ["江门", "吴川"]
    assert "比上年有没有减少" in understand("江门医保局24年三公经费同比有冇减少").reading  # 同比, not 和比
    counted = understand("廉江医保局2023年解除咗幾多間定點藥店嘅資格")  # 间 counts shops: 家
    assert "多少家定点药店" in counted.reading and counted.asked_class == "count"


@pytest.mark.parametrize("text", ["江门2024年三公里的公务接待费多少", "江门2024年三公口径的公务接待费多少",
                                  "江门2024年三公里头那个公务接待费多少"])
def test_an_item_said_to_hold_another_only_says_where_the_other_is_counted(text):
    assert understand(text).subjects == ["公务接待费"]


def test_a_year_typed_apart_without_its_character_is_a_year():
    assert understand("廉江2023 人员经费和公用经费 各多少").years == [2023]


def test_sounds_said_while_thinking_are_not_read_as_words():
    question = understand("那个 嗯 江门二零二四年预算里面 呃 核酸检测费用安排了多少钱")
    assert "嗯" not in question.reading and "呃" not in question.reading and question.years == [2024]


def test_a_particle_after_the_thing_counted_is_not_part_of_it():
    assert understand("廉江医保局有多少辆公务车呀").counted == "公务车"
    assert understand("广州医保局一共有多少辆车啊").counted is None  # 车: one character, matched as said
    assert understand("吴川医保局2024年预算里公车保有几辆").counted == "公车"  # said before, after 里


def test_names_listed_beside_one_said_without_its_ending_are_said_so_too():
    vocabulary = VOCABULARY + ["卫生健康支出", "住房保障支出", "社会保障和就业支出"]
    question = understand("江门医保局2024年卫生健康、社会保障和就业、住房保障分别多少钱", vocabulary)
    assert question.row_terms == ["卫生健康支出", "社会保障和就业支出", "住房保障支出"]


@pytest.mark.parametrize("text", [
    "江门自评“住院费用报销比例≥65%”指标里写了哪两类参保人",  # 比例 inside the quoted name asks no share
    "江门自评“基金支出增长率控制指标”写的是哪三项措施",  # 增长 inside it asks no change
])
def test_a_name_quoted_asks_nothing_and_which_three_asks_names(text):
    assert understand(text, VOCABULARY).intent == "passage"


def test_a_word_replaced_by_the_reports_is_not_replaced_inside_it():
    assert "事业编制名额" in understand("吴川 医保服务中心 事业编制 名额").reading  # not 事业编制制


@pytest.mark.parametrize("text, asked", [("江门2023年共涉及资金多少", ("money", None)),
                                         ("吴川 服务中心 事业编制 名额", ("count", "名")),
                                         ("请问广州那边医保局的编制有多少", ("count", "名")),  # people, said first
                                         ("吴川医保局到底多少编制", ("count", "名")),
                                         ("廉江医保局人员经费有多少", ("money", None))])  # money for people
def test_a_sum_or_count_asked_by_its_noun(text, asked):
    question = understand(text)
    assert (question.asked_class, question.asked_unit) == asked


def test_a_date_said_in_english_is_read_as_the_reports_say_it():
    question = understand("Guangzhou fixed assets at the end of 2022, Jiangmen Jan 2024")
    assert "2022年末" in question.reading and "2024年1月" in question.reading and "固定资产" in question.reading
    assert "2022年末" in understand("Guangzhou cars at ２０２２ end").reading  # full-width digits too


def test_a_date_in_digits_is_a_date_not_the_report_year():
    for typed in ("广州医保局截至2022-12-31的房屋面积", "广州医保局截至2022/12/31的房屋面积"):
        question = understand(typed)
        assert question.as_of == [2022] and question.years == [] and "2022年12月31日" in question.reading


def test_a_row_name_said_inside_a_longer_one_and_again_alone_is_both():
    vocabulary = VOCABULARY + ["医保财政补助资金", "城乡居民医保财政补助资金"]
    question = understand("广州2023年城乡居民医保财政补助资金跟医保财政补助资金哪个多", vocabulary)
    assert sorted(question.row_terms) == ["医保财政补助资金", "城乡居民医保财政补助资金"]


def test_which_part_tells_of_something_is_no_ranking_of_parts():
    assert understand("江门预算的政府采购情况在哪一部分讲的").intent == "outline"
    assert understand("哪个部分讲了江门的绩效目标").intent == "outline"
    assert understand("广州预算里哪个部分的支出最多").intent != "outline"  # spending's parts, ranked


@pytest.mark.parametrize("text", ["广州医保局的三公经费是不是浪费，值不值", "你觉得吴川医保局的预算编得合理吗",
                                  "你觉得江门医保局2024年的办公费是不是花得太多了",
                                  "你觉得吴川医保局2024年三公经费涨了这么多合不合理"])  # a change judged, not asked
def test_a_judgement_asked_alone_is_refused_saying_what_the_reports_hold(text):
    assert "不评价" in understand(text).problem


def test_a_judgement_asked_beside_what_the_report_explains_is_read_for_that():
    question = understand("吴川三公经费增长这么多是乱花钱吗？报告说的原因是什么")
    assert question.problem is None and question.intent == "reason"


def test_pinyin_is_split_into_syllables_and_english_is_not():
    from rag.normalize import _split_syllables
    assert _split_syllables("weihufei") == ("wei", "hu", "fei")
    assert _split_syllables("shangnian") == ("shang", "nian")
    assert _split_syllables("expense") is None


def test_a_subject_said_in_the_askers_own_clause_is_no_subject_asked():
    question = understand("我们单位在做医保部门的预算规模对比，能不能把江门2024年的收入总计报一下", VOCABULARY)
    assert question.items == ["收入总计"]  # 预算规模 (支出合计) is what they do
    kept = understand("我算了一下江门2024年的住房公积金和购房补贴，两项加起来是不是等于住房保障支出",
                      ["住房公积金", "购房补贴", "住房保障支出"])  # a clause naming the report: what is asked
    assert kept.row_terms == ["住房公积金", "购房补贴", "住房保障支出"]


@pytest.mark.parametrize("text", ["廉江医保2023年实际花了多少钱", "廉江医保局2023年一共花了多少钱", "江门医保局2024年打算花多少钱？",
                                  "您好，请问吴川医保局2024年一共打算花多少钱"])
def test_how_much_a_unit_spends_with_no_item_asks_its_total_spending(text):
    assert understand(text).items == ["支出合计"]


def test_an_item_spent_keeps_its_own_name():
    assert understand("江门医保局2024年公务接待费花了多少钱").items == ["公务接待费"]


def test_the_money_of_a_thing_is_the_row_of_its_fee():
    assert understand("广州医保局2023年交给工会的钱有多少", ["工会经费"]).row_terms == ["工会经费"]
    assert understand("江门医保局2024年培训的钱多少", ["培训费"]).row_terms == ["培训费"]
    assert understand("江门医保局2024年培训的钱多少", ["培训费", "培训经费"]).reading.endswith("培训的钱多少")  # which?


def test_a_two_digit_year_glued_to_the_report_kind_is_the_year():
    question = understand("吴川23决算 三公?", VOCABULARY)
    assert question.years == [2023] and question.kinds == ["部门决算"]


def test_a_name_said_without_the_head_the_next_name_ends_with_is_completed():
    question = understand("吴川2024年预算人员/公用经费各多少", VOCABULARY)
    assert question.items == ["人员经费", "公用经费"]
    whole = understand("江门2024年一般公共预算财政拨款收入和政府性基金预算财政拨款收入各多少", VOCABULARY)
    assert "收入预算" not in whole.reading  # a whole name before 和 is not completed


@pytest.mark.parametrize("text, read", [
    ("江门市医疗保险局2024年三公经费", [("医疗保险局", "医疗保障局")]),
    ("吴川医保处有哪几个股室", [("医保处", "医疗保障局")]),
    ("江门医保局的医保处方外流怎么管", []),  # 处方 is a prescription
    ("吴川医保部门的预算处", []),  # no unit: 的 lies between
    ("江门医保局蓬江分局", []),
])
def test_a_held_unit_called_by_a_near_name_is_read_as_it(text, read):
    units = {"医疗保障局": "医疗保障局", "医保局": "医疗保障局"}
    _, corrections = correct_unit_names(text, units, corpus_text="")
    assert [(c.typed, c.read_as) for c in corrections] == read


def test_the_start_of_a_row_name_said_is_kept_whole():
    rows = ["业务用房租赁经费", "办公、业务用房维护维修经费", "医保卡建设运行经费"]
    assert understand("广州2023年光租业务用房就要花多少钱", rows).whole_words == ["业务用房"]


@pytest.mark.parametrize("text, reading", [
    ("填空：廉江医保局有职能股室____个。", "廉江医疗保障局有职能内设机构多少个？"),  # the unit after the blank is asked
    ("江门医保局的三公经费预算为（ ）。", "江门医疗保障局的三公经费预算为多少？"),  # 为 before it: a figure
    ("吴川医保服务中心是______，属正股级。（填空）", "吴川医保服务中心是什么，属正股级？"),  # else what it stands for
])
def test_a_quizs_blank_is_asked_as_the_question_it_leaves(text, reading):
    assert understand(text).reading == reading


def test_a_query_typed_as_keys_and_values_is_read_by_its_values():
    question = understand("ｃｉｔｙ＝吴川 year=2024 kind=预算 month=6 item=人员经费")
    assert question.reading == "吴川2024年预算6月份人员经费"  # the month's number said as a month
    assert (question.cities, question.years) == (["吴川"], [2024])


def test_a_thing_said_to_be_set_aside_is_not_asked():
    assert understand("吴川2024年人员经费以外的公用经费是多少").subjects == ["公用经费"]


def test_a_span_running_into_a_place_typed_right_is_no_typo_of_another_place():
    from rag.normalize import correct_places

    held = frozenset({"江门", "廉江", "吴川"})  # 料江 sounds like 廉江, but its 江 begins 江门
    assert correct_places("听朋友爆料江门医保局2024年差旅费多少", held, "") == ("听朋友爆料江门医保局2024年差旅费多少", [])
    assert correct_places("廉汪医保局2023年住房公积金多少", held, "")[0] == "廉江医保局2023年住房公积金多少"


def test_a_held_place_or_a_domain_word_typed_by_its_initials_is_read_as_it():
    from rag.normalize import read_initials

    held = ("江门", "广州", "吴川")
    assert read_initials("jm医保局2024年预算", held)[0] == "江门医保局2024年预算"
    assert read_initials("GZ医保局", held)[0] == "广州医保局"  # 广州, not 工资: a place first
    assert read_initials("广州城乡居民yb2023年", held)[0] == "广州城乡居民医保2023年"
    assert read_initials("Jiangmen 2024 is", held)[0] == "Jiangmen 2024 is"  # an English sentence's words
    assert read_initials("gz医保局", ("广州", "赣州"))[0] == "gz医保局"  # two places held with those initials


def test_a_space_after_a_question_ends_it_when_another_follows():
    two = understand("吴川2024年预算基本支出和项目支出各是多少 项目支出是不是比上年多了")  # voice input, no punctuation
    assert "各是多少，项目支出" in two.reading
    keywords = understand("广州 医保局 2023 预算 有 多少 台 车")  # keywords typed apart: one question
    assert "，" not in keywords.reading
    why = understand("江门2024年预算为什么 项目支出增加了那么多")  # 为什么 opens the question it asks
    assert "，" not in why.reading


def test_a_blank_left_to_fill_in_a_template_asks_how_much_and_one_at_the_end_is_the_question_mark():
    assert normalize_text("吴川2024年 {基本支出: ?, 项目支出: ?} 哪个多") == "吴川2024年  基本支出多少, 项目支出多少， 哪个多"
    assert normalize_text("江门2023 {目标: ≥4000, 实际值: ?}") == "江门2023  目标: ≥4000, 实际值: ?"


@pytest.mark.parametrize("text, said", [
    ("吴川医保局2024年三公经费是好多钱嘛？", "多少钱嘛"),  # Southwestern Mandarin: how much
    ("江门2023年底职工医保参保有好多万人？", "多少万人"),
    ("广州医保局2023年出国经费咋个一分都没得了？", "怎么一分都没有了"),
    ("好多老人问江门医保局2023年住院报销比例是多少", "好多老人"),  # many, not how many
])
def test_southwestern_mandarin_is_read_as_standard_mandarin(text, said):
    assert said in understand(text).reading


def test_a_chinese_name_in_ascii_single_quotes_is_quoted_and_an_apostrophe_is_not():
    assert "“委托业务费”" in normalize_text("江门2024年项目支出里'委托业务费'安排了多少")
    assert normalize_text("What was Wuchuan 医保局's 2024 budget? It's '三公'") == "What was Wuchuan 医保局's 2024 budget? It's “三公”"


def test_what_ever_said_as_all_什么都_asks_no_words():
    question = understand("吴川医保局2024年预算的邮电费是多少？是不是啥都靠寄")
    assert question.intent == "figure"


def test_a_search_word_after_a_minus_is_left_out():
    question = understand("吴川 医保局 \"三公经费\" -决算 -2023，多少")
    assert question.kinds_said == [] and question.years == [] and "决算" not in question.reading
    assert understand("江门 2023-2024 三公经费 增长 -5%").years == [2023, 2024]  # a range and a sign stay


def test_a_unit_said_only_where_the_asker_says_who_they_are_is_not_asked():
    question = understand("我是卫健委的，江门市医保局2024年预算里办公费多少？")
    assert question.units == ["医疗保障局"] and question.cities == ["江门"]
    assert understand("江门财政局2024年办公费多少").units == ["财政局"]  # asked of that unit


def test_cities_by_their_everyday_names():
    assert understand("侨乡医保局2024年三公经费多少").cities == ["江门"]
    assert understand("港城医保局预算多少").cities == ["湛江"]


def test_a_relative_year_glossed_with_its_number_is_that_year():
    question = understand("廉江医保局去年（2023年）决算里卫生健康支出花了多少")
    assert question.years == [2023] and question.intent == "figure" and "去年" not in question.reading
    assert understand("吴川今年 (2024) 三公经费多少").years == [2024]


def test_duties_asked_in_everyday_words():
    assert understand("港城下面的廉江，医保局平常管些啥？").topic == "职责"
    assert understand("吴川医保局都管哪些事").topic == "职责"


def test_a_name_quoted_where_the_asker_speaks_of_themselves_is_still_asked():
    rows = ["一般行政管理事务", "项目支出"]
    question = understand("我在财政局，我们也叫“一般行政管理事务”，吴川2024年预算里项目支出那栏是多少？", rows)
    assert "一般行政管理事务" in question.row_terms


def test_a_code_or_year_read_out_digit_by_digit_is_in_digits():
    assert normalize_text("科目二一零一五零一是多少") == "科目2101501是多少"
    assert normalize_text("二零二三 决算 经济科目三零二零一") == "2023 决算 经济科目30201"
    assert normalize_text("三百二十一万") == "三百二十一万"  # a number with its magnitudes is read elsewhere
    assert understand("吴川医保局二零二四年预算科目二一零一五零一是多少").codes == ["2101501"]


def test_a_year_said_in_words_or_by_its_last_two_digits_is_that_year():
    assert understand("廉江医保局两千零二十三年决算的年末结余").years == [2023]
    assert understand("吴川二四年预算里印刷费多少").years == [2024]
    assert understand("广州二三年底的车辆数").as_of == understand("广州2023年底的车辆数").as_of == [2023]
    assert normalize_text("二三年前的数") == "二三年前的数"  # two or three years ago: no year
    assert normalize_text("第一二年") == "第一二年"


def test_a_month_counted_is_no_typo_of_a_word_it_sounds_like():
    from rag.normalize import _cuts_a_word
    assert _cuts_a_word("每个月医保", 2) and _cuts_a_word("12月医保", 2) and _cuts_a_word("一个月医保", 2)
    assert _cuts_a_word("接待分别多少", 3) and not _cuts_a_word("江门办工费多少", 2)


def test_a_subject_opening_the_question_in_the_askers_own_clause_is_theirs():
    rows = ["办公费", "差旅费"]
    assert understand("办公费我们单位也在统计，江门2024年差旅费多少", rows).row_terms == ["差旅费"]
    assert understand("我们单位也在统计办公费，江门2024年差旅费多少", rows).row_terms == ["差旅费"]


@pytest.mark.parametrize("text, cities, years, kinds, rows", [
    ("广州的，哦不对，江门的2024年预算里办公费多少", ["江门"], [2024], ["部门预算"], ["办公费"]),
    ("吴川2023年……啊不，2024年预算的办公费", ["吴川"], [2024], ["部门预算"], ["办公费"]),
    ("江门2024年预算，说错了，是决算里的办公费", ["江门"], [2024], ["部门决算"], ["办公费"]),
    ("吴川2024年预算里的差旅费——不对，我问的是办公费", ["吴川"], [2024], ["部门预算"], ["办公费"]),
    ("廉江……不对，吴川2024年预算的差旅费", ["吴川"], [2024], ["部门预算"], ["差旅费"]),
    ("江门的办公费对不对，差旅费呢", ["江门"], [], [], ["办公费", "差旅费"]),  # 对不对 asks: nothing taken back
    ("吴川2024年预算的差旅费，不，是办公费", ["吴川"], [2024], ["部门预算"], ["办公费"]),
])
def test_a_word_the_asker_takes_back_is_not_asked(text, cities, years, kinds, rows):
    question = understand(text, ["办公费", "差旅费"])
    assert (question.cities, question.years, question.kinds, question.row_terms) == (cities, years, kinds, rows)


def test_a_place_the_new_one_lies_in_stays_when_its_districts_are_taken_back():
    question = understand("江门的蓬江、新会两个分局——不对，我只要江海分局——2024年办公费多少", ["办公费"])
    assert "江门" in question.reading and "蓬江" not in question.reading and "新会" not in question.reading


def test_what_is_the_item_of_a_report_said_word_for_word_from_english_is_no_definition():
    question = understand("什么是吴川市医疗保障局2024年拟购置固定资产的用途？", ["办公费"])
    assert question.intent == "passage" and question.cities == ["吴川"]
    assert understand("什么是三公经费", VOCABULARY).intent == "definition"


@pytest.mark.parametrize("text, cities, years", [
    ("吴川2024年预算说三公经费19.5万，那江门医保局2023年自评里办公费多少", ["江门"], [2023]),
    ("江门2024年预算和廉江2023年决算都有办公费，廉江那边是多少", ["廉江"], [2023]),
    ("江门2024年预算和吴川2024年预算的办公费哪个多", ["江门", "吴川"], [2024]),  # weighed: both asked
    ("江门医保局2024年预算里，台山分到多少办公费", ["江门", "台山"], [2024]),  # 台山 within 江门's report
])
def test_places_said_only_before_the_clause_that_asks_set_the_scene(text, cities, years):
    question = understand(text, ["办公费"])
    assert (question.cities, question.years) == (cities, years)


@pytest.mark.parametrize("text, asked", [
    ("医保报销款一般几个工作日到账", ("count", "工作日")),
    ("异地备案审批要多少天", ("count", "天")),
])
def test_days_asked_are_a_count_of_days(text, asked):
    question = understand(text, VOCABULARY)
    assert (question.asked_class, question.asked_unit) == asked  # so a rate (≥90%) does not answer it


@pytest.mark.parametrize("text, items", [
    ("吴川医保局2024年预算支出是多少", ["支出合计"]),  # not the row 国有资本经营预算支出, whose name ends so
    ("廉江2023年决算收入多少", ["收入合计"]),
    ("江门2024年预算收入减去支出是多少", ["收入合计", "支出合计"]),
    ("江门2024年预算政府性基金预算支出多少", ["政府性基金预算支出"]),  # an item named: no report side
])
def test_a_side_of_the_accounts_said_after_the_reports_kind_is_the_reports_total(text, items):
    assert understand(text, VOCABULARY).items == items


@pytest.mark.parametrize("text, asked_class", [
    ("江门 2023 自评 病种数", "count"),  # a count named last, as typed in a search box
    ("廉江 2023 决算 三公经费 预算数", None),  # a column's 预算数 is money, no count
])
def test_a_count_named_last_without_a_question_word_asks_a_count(text, asked_class):
    assert understand(text, VOCABULARY).asked_class == asked_class


def test_a_total_word_after_a_thing_named_is_that_things_not_the_reports():
    assert understand("廉江2023年决算的资产总额", VOCABULARY).items == []  # 资产总额: no 支出合计
    assert understand("江门2024年预算的总额是多少", VOCABULARY).items == ["支出合计"]


@pytest.mark.parametrize("text, said", [
    ("吴川医保局2024年印刷费要几钿？", "多少钱"),  # Wu (Shanghainese): how much money
    ("江门医保局2024年有结余伐？", "有结余吗"),  # 伐 ending a question is 吗
    ("阿拉想问江门2024年项目支出里厢的委托业务费", "我们想问江门2024年项目支出里面"),
])
def test_wu_words_are_read_as_standard_mandarin(text, said):
    assert said in understand(text).reading


def test_an_ordinal_between_a_topics_words_leaves_the_topic_asked():
    assert understand("廉江医保局2023年决算说发现的第一个问题是什么").topic == "存在问题"


def test_a_rate_or_a_count_of_kinds_named_last_says_what_is_asked():
    assert understand("廉江2023年三公经费预算完成率").asked_class == "percent"  # typed as in a search box
    kinds = understand("江门2023自评 日间手术病种数")
    assert (kinds.asked_class, kinds.asked_unit, kinds.counted) == ("count", "种", "病种")


def test_how_a_budget_was_carried_out_names_no_report_kind():
    assert understand("廉江2023年三公经费预算完成了百分之多少").kinds == []  # the 决算 tells it
    assert understand("江门2024年三公经费预算多少").kinds == ["部门预算"]


def test_a_two_digit_year_with_an_apostrophe_is_a_year():
    assert understand("吴川医保局24'年办公费多少").years == [2024]
    assert understand("江门医保局’23年度自评得分").years == [2023]


def test_a_group_named_with_its_report_kind_before_里_only_says_where_the_item_is():
    question = understand("吴川医保局2024年三公经费预算里公务用车购置费多少")
    assert question.subjects == ["公务用车购置费"]
