"""The answer engine over the real corpus (keyword retrieval; the dense path is in test_index.py)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import ROOT
from rag import rank
from rag.answer import AnswerEngine
from rag.evaluate import check, invented_figures, known_figures, load_cases
from rag.index import write_chunks
from rag.ingest import ingest
from rag.llm import LLMPhraser, unsupported_numbers
from rag.parse.text import compact
from rag.question import understand
from rag.settings import load_settings


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    """A store built from corpus/ with the keyword index only (no model needed)."""
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("index"))
    ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    return AnswerEngine(settings, dense=False)


def test_the_headline_figure_with_its_source(engine):
    answer = engine.ask("江门医保局2024年三公经费多少")
    assert answer.found
    figure = answer.figures[0]
    assert (figure.value, figure.unit, figure.table, figure.row, figure.column) == (
        Decimal("17.56"), "万元", 8, "“三公”经费", "合计")
    assert "表8《财政拨款安排的行政经费及“三公”经费预算表》" in answer.answer
    assert "江门市医疗保障局2024年部门预算" in answer.answer
    assert "正文同样载明" in answer.answer  # the prose says the same
    payload = answer.to_json()
    assert payload["figures"][0]["value"] == "17.56" and payload["sources"][0]["kind"] == "table"
    assert payload["sources"][0]["doc"].endswith(".txt") and payload["figures"][0]["line"] == figure.line
    assert [part for part in answer.chart["values"]] == [0.0, 14.82, 2.74]


def test_a_passage_is_quoted_verbatim(engine):
    answer = engine.ask("江门医保局2023年整体支出绩效目标是什么")
    assert answer.found and not answer.figures
    assert "2023年预期达到的部门整体支出总体绩效目标：全市医保系统认真贯彻落实" in answer.answer
    assert "（三）部门整体支出绩效目标情况" in answer.sources[0].section


def test_comparison_shows_both_figures_and_the_difference(engine):
    answer = engine.ask("江门和吴川2024年三公经费对比")
    assert [f.value for f in answer.figures] == [Decimal("17.56"), Decimal("19.50")]
    assert "17.56 − 19.50 = -1.94" in answer.answer


def test_share_shows_its_inputs(engine):
    answer = engine.ask("广州2023年公务接待费占三公经费的比例")
    assert "5.16%（4.42 ÷ 85.72）" in answer.answer


def test_a_share_comes_first_and_a_share_the_report_states_is_not_divided_again(engine):
    answer = engine.ask("江门医保局2024年公务用车运行维护费占三公经费的比例是多少")
    assert [(f"{f.value:f}", f.unit) for f in answer.figures] == [("84.40", "%"), ("14.82", "万元"), ("17.56", "万元")]
    stated = engine.ask("廉江2023年开展绩效自评的项目资金占一般公共预算项目支出总额的比例")
    assert (f"{stated.figures[0].value:f}", stated.figures[0].unit) == ("18.9", "%") and "÷" not in stated.answer


def test_how_much_a_figure_rose_or_fell_answers_the_change_first(engine):
    rose = engine.ask("广州2023年机关运行经费增加多少")
    assert rose.intent == "change" and f"{rose.figures[0].value:f}" == "33189.71"
    against_budget = engine.ask("廉江2023年一般公共预算财政拨款支出比年初预算少了多少")
    assert f"{against_budget.figures[0].value:f}" == "6662.57"


def test_a_definition_is_the_entry_of_the_term_asked(engine):
    answer = engine.ask("广州医保局的名词解释里长期护理保险指什么")
    assert answer.sources[0].line == 764 and answer.sources[0].text.startswith("十三、长期护理保险：")
    aliased = engine.ask("机关运行经费是什么意思")  # the entry "行政经费（机关运行经费）"
    assert "行政经费（机关运行经费）" in aliased.sources[0].text


def test_places_by_nickname_by_a_mistyped_name_and_under_their_city(engine):
    abbreviated = engine.ask("穗2023年三公经费多少")  # the one-character name before a year
    assert abbreviated.found and abbreviated.figures[0].doc.startswith("004_")
    nickname = engine.ask("五邑医保局24年城乡医疗救助预算是多少")
    assert "“五邑”按“江门”理解" in nickname.answer and f"{nickname.figures[0].value:f}" == "340.00"
    mistyped = engine.ask("无川医保局的非税工作经费24年安排了多少")
    assert "“无川”按“吴川”理解" in mistyped.answer and f"{mistyped.figures[0].value:f}" == "137.50"
    last_mistyped = engine.ask("广洲医保局2023年公务用车购置费多少")  # 洲 for 州: its bureau says it is a place
    assert "“广洲”按“广州”理解" in last_mistyped.answer and f"{last_mistyped.figures[0].value:f}" == "36.00"
    under = engine.ask("湛江下面的吴川市医保局2024年三公经费多少")
    assert under.found and under.figures[0].doc.startswith("001_")
    heard = engine.ask("江门一保局2024年三公经费多少")  # voice input: 一保局 for 医保局
    assert "按“医保局”理解" in heard.answer and f"{heard.figures[0].value:f}" == "17.56"
    assert "按“医保局”理解" not in engine.ask("吴川医保机关运行经费2024年多少").answer  # 医保机(关): no 局


def test_branches_listed_with_their_shared_word_are_each_answered(engine):
    answer = engine.ask("江门医保局蓬江、江海、新会三个分局2024年基本支出各是多少")
    assert sorted(f"{f.value:f}" for f in answer.figures) == ["204.19", "236.03", "240.46"]


def test_a_year_said_as_a_date_reads_the_report_that_states_it(engine):
    answer = engine.ask("广州医保局截至2022年底有多少辆车")  # stated by the 2023 budget
    assert f"{answer.figures[0].value:f}" == "16" and answer.figures[0].doc.startswith("004_")


def test_a_passage_asked_of_no_place_is_found_in_any_report(engine):
    answer = engine.ask("职工社会医疗保险实行什么模式")
    assert "统筹基金与个人账户相结合" in answer.sources[0].text


def test_the_funds_books_are_not_the_departments(engine):
    answer = engine.ask("江门2023年医保基金支出是多少亿元")  # the fund's, in the text; not the unit's 26336.8万元
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("89.88", "亿元")


def test_a_rate_of_change_and_a_change_said_as_环比_are_changes(engine):
    rate = engine.ask("江门医保局2023年一般公共预算财政拨款收入同比增长了百分之几")
    assert rate.intent == "change" and (f"{rate.figures[0].value:f}", rate.figures[0].unit) == ("37.51", "%")
    fall = engine.ask("江门医保局23年项目支出环比少了多少")
    assert f"{fall.figures[0].value:f}" == "2444.07"


def test_the_year_end_balance_asked_in_everyday_words(engine):
    answer = engine.ask("廉江医保局23年底还剩多少结转结馀")  # 馀: a variant OpenCC keeps
    assert (answer.figures[0].row, f"{answer.figures[0].value:f}") == ("年末结转和结余", "23.39")


def test_a_years_plans_come_from_the_report_of_the_year_before(engine):
    answer = engine.ask("江门医保局2024年工作重点有哪些")  # written in the 2023 自评
    assert answer.sources[0].doc.startswith("003_") and "2024年工作重点" in answer.sources[0].text


def test_yes_or_no_questions_about_duties_and_coverage_get_the_reports_words(engine):
    duty = engine.ask("广州医保局管不管长护险")  # 长护险: 长期护理保险
    assert duty.intent == "passage" and "长期护理保险制度改革" in duty.answer
    covers = engine.ask("江门医保局公务用车购置费包不包括车辆购置税")  # the 名词解释 of 三公经费 says
    assert covers.intent == "passage" and "含车辆购置税" in covers.sources[0].text


def test_how_much_a_budget_grew_in_percent_is_its_change(engine):
    answer = engine.ask("吴川医保局2024年收入预算增长百分之几")
    assert answer.intent == "change" and (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("55.76", "%")


def test_a_result_is_preferred_to_the_target_written_before_it(engine):
    answer = engine.ask("江门一年做了几次病历专项抽查")  # "…次数4次/年指标实现情况：…共进行病历专项抽查服务16次"
    assert f"{answer.figures[0].value:f}" == "16"


@pytest.mark.parametrize("text, value", [
    ("广州医保局2023年政府采购里工程类的预算有多少", "426.9"),  # "…政府采购预算4,100.27万元，其中：…工程类426.90万元"
    ("江门医保局2024年政府采购当中货物类安排了多少", "28.37"),
    ("江门医保局2024年政府采购一共安排多少", "390.13"),  # the whole, when no part is asked
])
def test_a_part_the_prose_states_of_a_named_item_answers_when_the_question_names_the_part(engine, text, value):
    assert f"{engine.ask(text).figures[0].value:f}" == value


@pytest.mark.parametrize("text, value", [
    ("吴川医保局24年机关运行经费涨了几个点", "4262.11"),  # 几个点: percentage points, not a count
    ("江门23年DIP病种分值库的病种有多少个 好多啊", "7700"),  # 好多啊 remarks; it is no word to find
])
def test_everyday_ways_of_asking_a_rate_or_remarking_on_a_count(engine, text, value):
    assert f"{engine.ask(text).figures[0].value:f}" == value


def test_an_amount_asked_before_why_it_is_so_large_is_the_figure_with_its_reason(engine):
    answer = engine.ask("江门医保局2023年其他收入有多少万元，咋这么多？")
    assert f"{answer.figures[0].value:f}" == "24988.12" and "主要变动情况" in answer.answer  # the report's why
    spoken = engine.ask("江门医保局2023年其他收入咋这么多 到底多少万")  # why first, a space for the comma
    assert f"{spoken.figures[0].value:f}" == "24988.12" and "主要变动情况" in spoken.answer


def test_a_floor_asked_as_such_is_the_target_the_report_states(engine):
    """"按照不低于70%的比例给予医疗救助": 至少 asks that floor, and 比例 without 占 a rate stated, not a share."""
    answer = engine.ask("江门2023年医疗救助对象在定点医疗机构看病，合规费用至少按百分之几的比例救助")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("70", "%")


def test_an_area_asked_in_平方_and_a_city_by_its_one_character_name(engine):
    area = engine.ask("穗医保局房屋有多少平方")
    assert "“穗”按“广州”理解" in area.answer and (f"{area.figures[0].value:f}", area.figures[0].unit) == (
        "10260.22", "平方米")


def test_several_amounts_asked_in_one_list_are_each_answered(engine):
    answer = engine.ask("江门2023年集采药品多少种、耗材多少类")
    assert [(f"{f.value:f}", f.unit) for f in answer.figures] == [("761", "种"), ("23", "类")]
    fund = engine.ask("廉江城乡居民医保基金2023年收入和支出各多少")  # the fund's, said before the 和
    assert [f"{f.value:f}" for f in fund.figures] == ["13.08", "8.13"]


def test_two_things_joined_are_asked_in_the_measure_of_their_own_sentence(engine):
    """"…各多少人？职工医保占比多少？": the joined sentence asks 人, the next one a share."""
    answer = engine.ask("廉江2023年基本医保参保的，城镇职工医保和城乡居民医保分别有多少人？职工医保占比多少？")
    assert [(f"{f.value:f}", f.unit) for f in answer.figures] == [("98126", "人"), ("1362000", "人")]
    assert answer.answer.startswith("城镇职工医保：")  # named without the clause's lead-in (其中)


def test_two_names_of_one_ending_joined_by_和_are_each_asked_and_their_ratio_given(engine):
    answer = engine.ask("广州2023年部门预算中给城乡居民医保基金的补助和给职工医保基金的补助分别多少，差几倍")
    assert [f"{f.value:f}" for f in answer.figures] == ["229975.98", "200.00"]
    assert "229,975.98 ÷ 200.00 ≈ 1149.88倍" in answer.answer


def test_a_figure_asked_per_month_that_the_report_states_per_year_is_not_found(engine):
    answer = engine.ask("江门医保局2024年每个月差旅费多少")
    assert not answer.found and "没有按月计的数字" in answer.answer and "6.94万元" in answer.answer


def test_a_figures_parts_asked_for_are_listed(engine):
    answer = engine.ask("江门2024年三公经费的构成")
    assert "公务用车购置及运行维护支出14.82万元、公务接待费支出2.74万元" in answer.answer


def test_a_mistyped_word_is_not_one_that_cuts_an_everyday_word(engine):
    answer = engine.ask("广州医保三公经费里买车、养车、接待分别多少")  # 接待分(别) is no typo of 接待费
    assert not answer.understood.corrections and [f"{f.value:f}" for f in answer.figures] == ["36.00", "45.30"]


def test_a_tables_note_answers_why_the_table_is_empty(engine):
    answer = engine.ask("吴川医保局24年政府性基金预算支出表是空的吗，怎么说明的")
    assert answer.sources[0].text == "表9《政府性基金预算支出情况表》注：本表本年无发生额。"


def test_a_name_with_its_code_in_brackets_is_asked_by_the_code(engine):
    answer = engine.ask("廉江医保局2023年住房公积金缴费（经济科目30113）多少")  # not 表3's 功能科目 row
    assert (answer.figures[0].table, f"{answer.figures[0].value:f}") == (6, "52.16")


def test_a_code_of_a_fund_subsidy_row_answers_when_the_bureau_is_named_in_full(engine):
    # the row names a 基金, the question the 医疗保障局: the fund's books are opposed to the bureau's
    # in prose only, since every table cell is the bureau's own money
    answer = engine.ask("广州市医疗保障局2023年科目2101201的预算数")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].row) == ("200.00", "财政对职工基本医疗保险基金的补助")


def test_a_row_holding_the_row_named_and_more_of_the_questions_words_is_the_row_meant(engine):
    answer = engine.ask("广州医保局2023年对举报欺诈骗保的人发的奖励金预算安排了多少")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].row) == ("20.00", "欺诈骗取医疗保障基金举报奖励金")
    answer = engine.ask("广州医保局2023年奖励金预算多少")  # the row named alone is still the 奖励金 row
    assert (f"{answer.figures[0].value:f}", answer.figures[0].row) == ("6.32", "奖励金")


def test_people_counted_in_万人_are_a_count_not_money(engine):
    answer = engine.ask("江门2023年底全市参加基本医保的一共多少万人")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("404.54", "万人")


def test_the_unit_itself_and_a_unit_under_it_compared(engine):
    answer = engine.ask("广州医保局本级和医保服务中心2023年的基本支出差多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["2004.49", "17445.62"] and "差额" in answer.answer


def test_a_sum_the_question_cites_points_at_the_passage_that_states_it(engine):
    answer = engine.ask("江门医保局那5万块法律顾问费是干嘛用的")  # 5.00万元 in 江门's 2024 project table
    assert answer.sources[0].text.startswith("医疗保障工作法律顾问费（5.00万元）绩效目标")


def test_figures_printed_only_in_prose_are_found_by_their_words(engine):
    answer = engine.ask("江门2023年医保基金收入多少")
    assert answer.found and answer.figures[0].value == Decimal("93.33") and answer.figures[0].unit == "亿元"
    assert answer.figures[0].table is None and "全市医保基金收入93.33亿元" in answer.sources[0].text


def test_a_one_character_verb_before_the_ask_is_not_read_as_part_of_the_item(engine):
    answer = engine.ask("廉江2023年居民门特报了多少万元")  # jieba cuts 居民/门/特报: 特报 is printed nowhere
    assert answer.found and (answer.figures[0].value, answer.figures[0].unit) == (Decimal("4714"), "万元")
    assert "居民门特支付265082人次4714万元" in answer.sources[0].text


def test_the_word_before_a_date_is_not_a_word_asked(engine):
    answer = engine.ask("吴川医保局截止2023年底一共有几辆车")  # 截止 for the printed 截至: it only dates the ask
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("0", "辆")
    assert "截至2023年12月24日" in answer.sources[0].text


def test_what_can_be_reimbursed_is_asked_in_the_reports_word(engine):
    answer = engine.ask("江门2023年普通门诊统筹每人能报多少钱")  # 能报多少: 报销多少 (domain.QUERY_SYNONYMS)
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("350", "元")
    assert "每人每年可享受" in answer.sources[0].text


def test_a_report_line_quoted_with_its_figures_says_where_to_look_not_what_is_asked(engine):
    other = engine.ask("广州医保局2023年预算写着“截至2022年12月31日，本部门固定资产金额12,975.52万元”，那车辆有几辆？")
    assert (f"{other.figures[0].value:f}", other.figures[0].unit) == ("16", "辆")
    checked = engine.ask("报告里写“公务接待费2.74万元，比上年减少0.16万元”，这是哪个局的？减少了多少？")
    assert f"{checked.figures[0].value:f}" == "0.16" and checked.sources[0].title == "江门市医疗保障局2024年部门预算"
    named = engine.ask("廉江医保局“政府购买服务人员8名工作人员经费”这个项目花了多少钱？")  # a name with a count in it
    assert not named.found


def test_a_section_quoted_as_where_the_report_says_it_is_where_to_look_not_a_name(engine):
    elsewhere = engine.ask("广州医保局2023年预算“三公经费支出说明”那部分写的单位车辆有几辆")  # misremembered
    assert (f"{elsewhere.figures[0].value:f}", elsewhere.figures[0].unit) == ("16", "辆")
    there = engine.ask("吴川医保局2024年预算里“政府采购情况”一节说政府采购安排多少万元")
    assert f"{there.figures[0].value:f}" == "25"
    assert understand("江门2023自评“管理效率分析”里提到的改造面积", engine.vocabulary).sections_cited == ["管理效率分析"]


def test_asking_for_the_report_s_own_words_is_no_word_of_what_is_asked(engine):
    answer = engine.ask("江门医保局2023年异地就医结算有什么进展？报告原话怎么讲")
    assert answer.found and "异地就医" in answer.answer


def test_how_a_fall_was_brought_about_asks_the_report_s_reason(engine):
    answer = engine.ask("江门医保局2024年三公经费下降了，是怎样做到的")
    assert understand("三公经费少了，咋省下来的").asks_reason
    assert answer.understood.asks_reason and "主要原因是厉行节约" in answer.answer


def test_a_count_claimed_and_an_adverb_before_how_many_are_no_words_of_what_is_counted(engine):
    assert understand("廉江2023年参加基本医疗保险的实际多少人").counted is None
    assert understand("听说参保有300万人吧？").amounts == []  # people, not a sum of money
    answer = engine.ask("有人讲廉江2023年参加基本医疗保险的有150万人？实际多少人")
    assert f"{answer.figures[0].value:f}" == "1460126"


def test_among_after_the_noun_that_ends_a_clause_is_no_word_of_it(engine):
    assert "人里" not in rank.content_words(understand("江门2023年参保人里，职工医保多少"))
    answer = engine.ask("江门2023年的参保人当中，职工医保和居民医保各多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["170.12", "234.42"]


def test_a_sum_asked_converted_into_wan_yuan_is_the_one_printed_in_yi_yuan_converted(engine):
    answer = engine.ask("江门2023年全市医保基金收入换算成多少万元")
    assert [(f"{f.value:f}", f.unit) for f in answer.figures[:2]] == [("933300", "万元"), ("93.33", "亿元")]
    assert "93.33亿元 × 10000" in answer.answer


def test_a_table_glossed_in_brackets_after_its_number_names_the_table_not_an_item(engine):
    answer = engine.ask("吴川医保局2024年表5（三公经费那个表）里公务接待费多少")  # 表5 misremembered: it is 表8
    assert [f"{f.value:f}" for f in answer.figures] == ["1.50"]


def test_vehicles_asked_are_not_answered_by_a_count_of_people(engine):
    answer = engine.ask("廉江2023决算 政府采购支出 车辆 几辆")  # 政府购买服务人员8名 holds most of the words
    assert all(figure.unit == "辆" for figure in answer.figures)


def test_counts_come_from_prose_counts_never_from_money(engine):
    answer = engine.ask("廉江2023年公务用车保有量")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("2"), "辆")
    assert (engine.ask("江门医保局2024年有多少辆车").figures[0].value) == Decimal("4")
    people = engine.ask("江门2023年参加基本医疗保险人数")
    assert (people.figures[0].value, people.figures[0].unit) == (Decimal("404.54"), "万人")
    deputies = engine.ask("医保局有几个副局长")  # only 吴川's report says; the answer says so
    assert deputies.figures[0].value == Decimal("3") and "广州市医疗保障局2023年部门预算中没有找到“副局长”" in deputies.answer
    refused = engine.ask("江门2024年医保局员工人数是多少")
    assert not refused.found and not refused.figures


def test_a_short_form_and_a_count_noun_find_the_figure_the_report_words_apart(engine):
    # 参保 for "参加了我市基本医疗保险"; 人数 said by the figure's measure word (1460126人), not by a label
    # that prints it (接待人数共0人)
    answer = engine.ask("廉江医保二〇二三年参保总人数？")
    assert (answer.figures[0].value, answer.figures[0].unit, answer.sources[0].line) == (Decimal("1460126"), "人", 1015)
    assert engine.ask("廉江2023年接待人数").figures[0].value == Decimal("0")


def test_several_items_in_one_question_are_each_answered(engine):
    answer = engine.ask("广州2023年的行政运行和事业运行分别是多少")
    assert [f.value for f in answer.figures] == [Decimal("12016.25"), Decimal("401.16")]


def test_a_sound_said_while_thinking_glued_to_the_question_is_not_a_word_asked(engine):
    answer = engine.ask("嗯江门2023年参保的人里面居民医保和职工医保各多少万人")  # voice input: 嗯 glued to 江门
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["234.42", "170.12"]


def test_two_names_typed_apart_before_each_are_both_asked(engine):
    answer = engine.ask("廉江2023 居民门特 职工门特 各多少人次")  # keywords typed apart: the names a pair
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["265082", "59282"]


def test_a_comparison_across_years_says_so_in_the_answer_itself(engine):
    answer = engine.ask("吴川医保局2024年和广州医保局2023年三公经费比较")  # the CLI and JSON say it, not the app alone
    assert answer.answer.endswith("注意：比较的两边年度不同（吴川2024预算、广州2023预算），不是同一年度、同一口径的数字。")
    assert "注意：" not in engine.ask("江门和吴川2024年三公经费比较").answer


@pytest.mark.parametrize("text, values", [
    ("廉江2023年产前检查、生育津贴各多少人次", ["17751", "764"]),  # prose items, no row names
    ("广州医保局2023年政府采购里货物类、工程类、服务类各多少万元", ["123.39", "426.9", "3549.98"]),
])
def test_each_item_of_a_list_before_each_is_answered(engine, text, values):
    assert [f"{f.value:f}" for f in engine.ask(text).figures] == values


@pytest.mark.parametrize("text, values", [
    ("广州医保局2023年办公费、差旅费、印刷费哪个最多", ["229.44", "21.78", "1.80"]),  # rows of a table
    ("广州医保局2023年政府采购货物类、工程类、服务类哪类最多", ["3549.98", "426.9", "123.39"]),  # prose items
    ("广州医保局2023年政府采购里货物、工程、服务三类，哪类最少", ["123.39", "426.9", "3549.98"]),  # counted, a comma
])
def test_a_ranking_of_items_listed_ranks_those_items(engine, text, values):
    answer = engine.ask(text)
    assert answer.intent == "rank" and [f"{f.value:f}" for f in answer.figures] == values


def test_a_list_asked_after_the_words_it_is_of_and_ranked_in_the_next_sentence(engine):
    answer = engine.ask("广州医保局2023年政府采购，货物类、工程类、服务类各多少？哪类最多？")
    assert [f"{f.value:f}" for f in answer.figures[:3]] == ["123.39", "426.9", "3549.98"]  # each, then the ranking
    assert "按金额从高到低：\n1. 服务类采购预算：3549.98万元" in answer.answer


@pytest.mark.parametrize("text, value", [
    ("广州医保局2023年三公经费比上一年增加了多少", "27.5"),  # 比上一年: 比上年
    ("广州医保局2023年三公经费暴增了多少", "27.5"),  # 暴增: the report's 增长 / 增加
    ("据说广州医保局2023年三公经费比上年增加了27.5万元，这说法属实吗", "27.5"),  # the claim's figure checked
])
def test_a_change_asked_in_everyday_words_or_put_as_a_claim_gives_the_change_first(engine, text, value):
    assert f"{engine.ask(text).figures[0].value:f}" == value


def test_a_figure_misremembered_with_a_hedge_gets_the_reports_figure(engine):
    answer = engine.ask("我记得广州医保局2023年三公经费好像增加了二十多万，确切是多少")
    assert [f"{f.value:f}" for f in answer.figures][:1] == ["27.5"]  # 好像, 记得, 确切: no words to find


def test_a_change_asked_as_what_happened_gets_the_reports_reason(engine):
    answer = engine.ask("吴川医保局2024年三公经费比上年多了这么多，什么情况")
    assert answer.intent == "reason" and "主要原因是本年预算安排公务用车购置经费18万元" in answer.answer


def test_the_cover_title_answers_no_passage_question(engine):
    answer = engine.ask("江门医保局2023年的绩效自评结果怎么样")
    assert answer.found and all(source.section for source in answer.sources)  # the cover has no section


def test_two_sides_each_of_its_own_year_and_item_are_each_answered_and_compared(engine):
    answer = engine.ask("江门医保局2023年自评的一般公共预算财政拨款收入与2024年预算的支出总计相比，差多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["4368.16", "4181.30"]
    answer = engine.ask("江门医保局2023年自评的一般公共预算财政拨款收入与其2024年预算的支出总计相比，差多少")
    assert [(f"{f.value:f}", f.doc[:3]) for f in answer.figures] == [("4368.16", "003"), ("4181.30", "000")]
    assert "4368.16 − 4181.30 = 186.86万元" in answer.answer and "年度和报告类型不同" in answer.answer


@pytest.mark.parametrize("text, value, table", [
    ("江门医保局2024年项目支出里的公务接待费是多少", "1.79", 7),  # not 表8's 2.74 of all funds, nor 项目支出 too
    ("江门医保局2024年基本支出里的公务接待费是多少", "0.95", 6),
    ("廉江医保局2023年一般公共预算财政拨款基本支出里的公务用车运行维护费", "2.79", 6),  # the 30231 row of 表6
    ("江门24年基本支出里公务接待费才0.95，项目支出里的公务接待费是多少？", "1.79", 7),  # the part the asking clause says
])
def test_an_item_of_the_part_asked_is_read_from_that_parts_table(engine, text, value, table):
    figures = engine.ask(text).figures
    assert (f"{figures[0].value:f}", figures[0].table) == (value, table) and len(figures) == 1


def test_a_title_quoted_with_quotes_inside_and_columns_not_told_apart(engine):
    answer = engine.ask("吴川医保局2024年那张“财政拨款安排的行政经费及‘三公’经费预算表”里，不区分一般公共预算和"
                        "政府性基金预算，三公经费合计是多少")
    assert [(f"{f.value:f}", f.table, f.column) for f in answer.figures] == [("19.50", 8, "合计")]


def test_a_table_quoted_after_its_number_is_the_table_not_an_item(engine):
    answer = engine.ask("江门医保局2024年行政经费多少？看表8“行政经费及三公经费”那张")
    assert [(f"{f.value:f}", f.table) for f in answer.figures] == [("310.82", 8)]  # not refused for the quote


def test_an_item_said_after_除了_以外的_is_left_out(engine):
    answer = engine.ask("江门医保局2024年，除了基本支出以外的项目支出是多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["1764.22"]


@pytest.mark.parametrize("text, shares", [
    ("江门医保局2024年工资福利支出和商品和服务支出各占基本支出几成", ["91.43", "8.21"]),
    ("江门医保局2024年基本支出多少？项目支出呢？各占总额多少？", ["57.81", "42.19"]),  # of the sentences before
])
def test_each_part_named_before_各占_has_its_share_of_the_whole_after_it(engine, text, shares):
    answer = engine.ask(text)
    assert [f"{f.value:f}" for f in answer.figures if f.unit == "%"] == shares


def test_the_reports_主要变动情况_is_asked_as_the_reason_of_a_change(engine):
    answer = engine.ask("江门医保局2023年其他收入增加了，变动情况怎么说的")
    assert answer.intent == "reason" and "主要变动情况：新会、江海两区财政" in answer.answer


def test_a_topic_asked_in_words_no_passage_shares_is_found_where_the_report_names_it(engine):
    answer = engine.ask("廉江医保局2023年决算里坦白存在哪些问题？挑一条说说")  # 坦白, 挑一条: printed nowhere
    assert answer.found and "发现的问题及原因主要是" in answer.sources[0].text


def test_what_a_department_is_responsible_for_asked_with_a_remark_after_it(engine):
    answer = engine.ask("广州医保局负责哪些事？我要讲给居委会的老人听")
    assert answer.found and "主要职责" in answer.sources[0].section


def test_an_amount_asked_with_why_in_one_breath_gets_the_amount_too(engine):
    answer = engine.ask("江门医保局2024年机关运行经费有多少呀怎么这么少")  # no comma: the particle ends the first
    assert answer.found and answer.figures and f"{answer.figures[0].value:f}" == "310.82"


def test_a_sum_naming_no_word_of_the_item_asked_does_not_answer_it(engine):
    answer = engine.ask("江门医保局2023年公务接待费实际支出多少（决算数）")  # the 自评 states none
    assert not answer.found  # not 基本支出's "比上年决算数增加331.5万元"


def test_the_note_of_a_report_used_in_place_of_another_is_said_only_when_that_report_answers(engine):
    answer = engine.ask("江门2024年和广州2023年的城乡医疗救助预算各多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["340.00", "25425.40"]
    assert "没有江门2023年部门预算" not in answer.answer  # 江门's 2024 budget answers; its 2023 自评 does not


def test_each_item_of_a_counted_list_is_answered_though_one_reads_as_a_column(engine):
    answer = engine.ask("廉江医保局2023年决算收入里：一般公共预算财政拨款收入、政府性基金预算财政拨款收入、其他收入三项各多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["814.59", "0.00", "0.02"]  # 3项 said in digits once read


def test_two_questions_in_one_not_answered_as_one_are_answered_sentence_by_sentence(engine):
    answer = engine.ask("江门医保局2024年工资福利支出和商品和服务支出各多少？工资福利支出占基本支出的比例多少？")
    assert answer.found and [f"{f.value:f}" for f in answer.figures[:2]] == ["2210.04", "198.37"]
    assert "占合计2417.08万元的91.43%" in answer.answer  # the second sentence, with the first's report


def test_a_share_asked_after_amounts_of_its_siblings_is_over_the_whole_named_after_占(engine):
    answer = engine.ask("吴川医保局2024年基本支出和项目支出各多少？项目支出占本年支出合计的比重大约多少？")
    assert "项目支出187.30万元，占本年支出合计542.07万元的34.55%" in answer.answer  # not over 基本支出


def test_a_figure_with_parts_comes_with_their_breakdown(engine):
    chart = engine.ask("江门2024年卫生健康支出多少").chart
    assert chart["labels"] == ["公共卫生", "行政事业单位医疗", "医疗救助", "医疗保障管理事务"]
    assert chart["values"] == [417.85, 123.83, 340.0, 2623.22]


def test_a_figure_the_report_contradicts_comes_with_the_audit_caveat(engine):
    answer = engine.ask("江门2023年本年收入多少")
    assert answer.figures[0].value == Decimal("26336.8")
    assert "核对提示" in answer.answer and "29823.27" in answer.answer
    assert "核对提示" not in engine.ask("江门医保局2024年三公经费多少").answer


def test_a_differently_qualified_prose_figure_is_not_called_a_disagreement(engine):
    answer = engine.ask("廉江医保局2023年财政拨款收入多少")
    assert answer.figures[0].value == Decimal("814.59") and "不一致" not in answer.answer


def test_ambiguous_city_answers_each_report_labelled(engine):
    answer = engine.ask("江门的公务接待费多少")
    assert answer.found and answer.figures[0].doc_title == "江门市医疗保障局2024年部门预算"
    assert "江门市医疗保障局2023年部门整体支出绩效自评报告中没有找到" in answer.answer


@pytest.mark.parametrize("text, reason", [
    ("深圳医保局2024年三公经费多少", "没有深圳"),
    ("江门医保局2022年三公经费", "没有江门2022年"),
    ("江门2023年三公经费多少", "没有找到"),
    ("今天天气怎么样", "无关"),
    ("吴川医保局局长的手机号码是多少", "不写个人"),  # 局长 is printed (设局长1名), the number is not
    ("吴川医保局局长是谁", "不写个人"),
    ("广州医保局在编人员的花名册哪里能看", "不写个人"),  # 编制 are printed, not who holds them
    ("江门医保局2024年鹤山分局的基本支出", "没有单列“鹤山分局”"),  # 江门's 表11 lists 蓬江、江海、新会 only
    ("江门医保中心蓬江分中心的人员经费多少", "没有单列“蓬江分中心”"),  # named in the prose, in no table
    ("蓬江分局有多少个编制", "没有找到回答“蓬江分局有多少个编制”"),  # its money is held: the question is quoted
    ("江门2023年蓬江区参保人数多少", "没有找到“江门市医疗保障局蓬江分局”"),  # the prose counts the city's
    ("2023年江门新会分局医保基金支出多少亿元", "没有找到“江门市医疗保障局新会分局”"),  # 全市 89.88亿元  # no city: 江门's report lists it, states no 编制 of it
    ("吴川医保局每个月办公费大概多少", "没有按月计"),
    ("江门医保局一个月水费要交多少", "没有按月计"),  # 一个月, a word apart from 多少
    ("廉江医保局2023年第三季度的三公经费支出是多少", "没有第三季度的数字"),  # the year's alone
    ("廉江2023年12月份单月的城乡居民医保基金支出是多少亿元", "没有12月份的数字"),  # stated 截止10月底
    ("吴川医疗保障服务中心单独的基本支出是多少", "没有单列“吴川医疗保障服务中心”"),  # folded into the 局's budget
    ("江门医保局新会分局2024年单独的政府采购预算是多少", "没有单列“江门市医疗保障局新会分局”的“政府采购”"),
    ("吴川医保局的三公经费在全省排名第几", "没有全省的数字"),  # a city's place in a scope no report covers
    ("江门医保局2024年支出占市直各部门总支出的比重", "没有市直各部门的数字"),
])
def test_questions_the_reports_cannot_answer_are_refused_with_what_is_held(engine, text, reason):
    answer = engine.ask(text)
    assert not answer.found and reason in answer.answer and not answer.figures
    assert "目前收录的报告" in answer.answer or "这些报告包含" in answer.answer


@pytest.mark.parametrize("text", ["", "x" * 10000, "？？？", "What is it?", "<b>江门</b>三公经费",
                                  "'; DROP TABLE documents; --", "| 江门 | 三公 |"])
def test_odd_input_never_crashes(engine, text):
    answer = engine.ask(text)
    assert isinstance(answer.answer, str) and answer.answer
    json.dumps(answer.to_json(), ensure_ascii=False)


def test_a_unit_is_answered_by_its_own_rows_of_the_item_asked(engine):
    refused = engine.ask("广州医保局2023年预算里，医疗救助服务中心自己的公务用车运行维护费是多少")
    assert not refused.found and "基本支出" in refused.answer.split("报告为它单列的有：")[1]  # what it has
    plain = engine.ask("吴川市医保服务中心2024年预算里事业运行那一项给了多少万")  # asked plainly: its 事业运行 row
    assert plain.found and plain.figures[0].value == Decimal("130.76")


def test_follow_up_reuses_the_previous_question(engine):
    first = engine.ask("江门医保局2024年三公经费多少")
    answer = engine.ask("吴川呢", previous=first.understood)
    assert answer.figures[0].value == Decimal("19.50")
    answer = engine.ask("和广州比呢", previous=first.understood)
    assert {f.value for f in answer.figures} == {Decimal("17.56"), Decimal("85.72")}


def test_follow_ups_drop_a_carried_year_the_new_city_lacks_and_keep_topics(engine):
    first = engine.ask("广州医保局2023年公务接待费多少")
    jiangmen = engine.ask("那江门呢", previous=first.understood)  # 江门's 2023 report is text only
    assert jiangmen.figures[0].value == Decimal("2.74") and jiangmen.figures[0].doc_title.startswith("江门市医疗保障局2024")
    share = engine.ask("占三公经费多少", previous=jiangmen.understood)
    assert "15.60%（2.74 ÷ 17.56）" in share.answer
    topic = engine.ask("广州的机构设置", previous=share.understood)
    assert topic.intent == "passage" and "局本级内设机构7个" in topic.answer
    other = engine.ask("廉江呢", previous=topic.understood)
    assert "内设四个职能股室" in other.answer


def test_fast_subset_of_the_evaluation_set(engine):
    cases = load_cases()[::6]
    known = known_figures(engine)
    results = [(case, engine.ask(case["question"])) for case in cases]
    wrong = [(c["question"], check(a, c["expect"])[1]) for c, a in results if not check(a, c["expect"])[0]]
    assert not wrong
    assert not [c["question"] for c, a in results if invented_figures(a, known)]


def test_a_shared_set_figure_printed_with_thousands_separators_is_checked_by_value(engine):
    answer = engine.ask("江门医保局2024年收入总计多少")
    assert check(answer, {"found": True, "values": ["4,181.30"]}) == (True, "")
    assert not check(answer, {"found": True, "values": ["4,181.31"]})[0]


def test_llm_rephrasing_is_kept_only_when_every_figure_checks(engine):
    from langchain_core.language_models.fake_chat_models import FakeListChatModel

    answer = engine.ask("江门医保局2024年三公经费多少")
    good = LLMPhraser(FakeListChatModel(responses=["江门市医疗保障局2024年“三公”经费为17.56万元（表8，第769行）。"]))
    assert good.rephrase(answer).answer.startswith("江门市医疗保障局2024年“三公”经费为17.56万元")
    bad = LLMPhraser(FakeListChatModel(responses=["江门2024年三公经费约为18万元。"]))
    kept = bad.rephrase(answer)
    assert kept.answer.startswith(answer.answer) and "已弃用" in kept.answer
    assert unsupported_numbers("共4,181.3万元", "合计 4181.30") == set()


def test_cli_json_batch_mode_loads_once_and_answers_each_line(engine):
    settings = engine.settings
    process = subprocess.run(
        [sys.executable, "-m", "rag", "--index-dir", str(settings.index_dir), "ask", "--json", "--no-dense", "-"],
        input="江门医保局2024年三公经费多少\n\n深圳医保局三公经费\n", capture_output=True, text=True, cwd=ROOT,
        timeout=120)
    lines = [json.loads(line) for line in process.stdout.splitlines()]
    assert [line["found"] for line in lines] == [True, False]
    assert set(lines[0]) == {"question", "found", "answer", "figures", "sources"}
    assert lines[0]["figures"][0] == {"value": "17.56", "unit": "万元", "label": "“三公”经费",
                                      "doc": "000_30a6781b9aebb9ed.txt", "table": 8, "row": "“三公”经费",
                                      "column": "合计", "line": 769, "scanned": False,
                                      "origin": "corpus"}
    assert lines[0]["sources"][0]["scanned"] is False


def test_an_undecodable_line_in_the_json_stream_gets_one_error_and_the_stream_goes_on(engine):
    settings = engine.settings
    lines = "江门医保局2024年三公经费多少\n".encode() + b"\xff\xfe\xc3(\n" + "吴川医保局2024年三公经费多少\n".encode()
    process = subprocess.run(
        [sys.executable, "-m", "rag", "--index-dir", str(settings.index_dir), "ask", "--json", "--no-dense", "-"],
        input=lines, capture_output=True, cwd=ROOT, timeout=120, env={**os.environ, "LC_ALL": "C.UTF-8"})
    answers = [json.loads(line) for line in process.stdout.decode().splitlines()]
    assert process.returncode == 0 and len(answers) == 3
    assert answers[1]["line"] == 2 and "UTF-8" in answers[1]["error"] and "answer" not in answers[1]
    assert [a["figures"][0]["value"] for a in (answers[0], answers[2])] == ["17.56", "19.50"]


def test_a_reader_that_stops_early_gets_no_traceback(engine):
    """"rag ask - | head -1": the reader closes the pipe; the rest is dropped quietly."""
    process = subprocess.Popen(
        [sys.executable, "-m", "rag", "--index-dir", str(engine.settings.index_dir), "ask", "--no-dense", "-"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    process.stdin.write("江门医保局2024年三公经费多少\n".encode() * 1000)  # answers overflow the pipe
    process.stdin.close()
    assert "17.56" in process.stdout.readline().decode()
    process.stdout.close()
    assert process.wait(timeout=120) == 0 and b"Traceback" not in process.stderr.read()
    process.stderr.close()


def test_one_engine_answers_many_threads_at_once(engine):
    from concurrent.futures import ThreadPoolExecutor

    from rag.chat import table_view

    questions = ["江门医保局2024年三公经费多少", "广州2023年公务接待费多少", "吴川医保局的机构设置",
                 "廉江2023年基本支出决算多少"] * 10

    def ask_and_view(text):
        answer = engine.ask(text)
        for source in answer.sources:
            table_view(engine.store, source)
        return answer.figures[0].value if answer.figures else answer.sources[0].line

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(ask_and_view, questions))
    assert results[:4] * 10 == results


# ------------------------------------------------------------------ evidence the ranker reads
def test_a_count_whose_subject_follows_the_number(engine):
    answer = engine.ask("廉江医保局2023年开展了几场禁毒宣传活动")  # "已开展33场大小型禁毒宣传活动"
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("33"), "场")


def test_an_approximate_area(engine):
    answer = engine.ask("廉江医保经办服务大厅面积多少平方米")  # "大厅仅90余平方米"
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("90"), "平方米")


def test_a_number_inside_a_projects_performance_target(engine):
    answer = engine.ask("吴川医保扩面征缴工作经费的绩效目标里，年底缴费覆盖率要达到多少")
    figure = answer.figures[0]
    assert (figure.value, figure.unit, figure.table, figure.row) == (Decimal("90"), "%", 12, "医保扩面征缴工作经费")
    assert "年底医保缴费覆盖率达到90%" in answer.answer  # quoted, with the table it is printed in
    assert "表12《部门预算项目支出及其他支出预算表》" in answer.answer


def test_which_ones_asks_for_names_not_a_count(engine):
    answer = engine.ask("吴川医保局有哪几个内设股室")
    assert answer.found and not answer.figures
    assert "规划财务和基金监管股" in answer.answer


def test_what_a_project_is_for_is_its_passage(engine):
    answer = engine.ask("广州医保局的欺诈骗取医疗保障基金举报奖励金主要用来干嘛")
    assert answer.found and not answer.figures
    assert "鼓励社会公众积极举报欺诈骗取医疗保障基金行为" in answer.answer


def test_one_item_under_two_columns_is_compared(engine):
    answer = engine.ask("江门2024年基本支出和项目支出中的办公费各是多少")
    assert [(f.value, f.table) for f in answer.figures] == [(Decimal("30.85"), 6), (Decimal("0.05"), 7)]


def test_a_subject_named_as_where_another_is_found_is_no_subject(engine):
    answer = engine.ask("江门2024年三公里的公务用车运行维护费是多少")
    assert answer.figures[0].value == Decimal("14.82")


def test_a_code_the_report_lacks_is_refused_not_read_as_a_year(engine):
    refused = engine.ask("吴川医保局2024年2101599科目预算多少")
    assert not refused.found and "没有科目编码为2101599" in refused.answer
    held = engine.ask("吴川医保局2024年2080505科目预算多少")  # not the year 2080
    assert held.intent == "figure" and held.figures[0].value == Decimal("42.78")


def test_another_kind_of_report_stands_in_for_a_year_the_kind_asked_lacks(engine):
    answer = engine.ask("江门医保局2023年和2024年预算的其他收入分别多少")
    assert "没有江门2023年部门预算" in answer.answer  # said, and answered from the 2023 自评
    assert answer.figures[0].value == Decimal("24988.12")
    selfassessed = engine.ask("廉江医保局2023年部门整体支出绩效自评得了多少分")  # the 决算's 情况说明 holds it
    assert selfassessed.found and selfassessed.figures[0].value == Decimal("97")
    both = engine.ask("江门医保2023年自评里的基本支出，和24年预算的基本支出比，哪个多")  # each year its own kind
    assert [f.value for f in both.figures] == [Decimal("2776.77"), Decimal("2417.08")]


def test_a_later_year_compared_that_no_report_holds_is_refused(engine):
    refused = engine.ask("广州医保局2024年的三公经费预算比2023年多还是少")  # 广州: only 2023 is held
    assert not refused.found and "没有广州2024年的报告" in refused.answer
    cities = engine.ask("广州2023三公和江门2024三公差多少")  # each city its own year
    assert [f.value for f in cities.figures] == [Decimal("85.72"), Decimal("17.56")]


def test_a_figure_the_question_states_is_not_its_answer(engine):
    refused = engine.ask("吴川医保局2024年公务接待费1.5万元里，接待外宾的部分占多少？")
    assert not refused.found and "问题里已给出的1.5不算" in refused.answer
    share = engine.ask("江门医保局2024年三公经费17.56万元，占基本支出的比例是多少")  # a share is of it
    assert share.found and share.figures[0].value == Decimal("0.73")


@pytest.mark.parametrize("text, value", [
    ("吴川医保那个非税工作经费是多少呀我听人家说挺多的", "137.50"),  # chatter after the particle that ends it
    ("做个横向对比，先要个数：廉江医保局2023年住房保障方面实际支出了多少万元？", "50.52"),  # before a colon
    ("江门自评里说2023年曝光了一百多个典型案例？到底是多少例", "111"),  # 到底: a question word
    ("我在写一篇关于医保的作业，老师要引用政府公开的数据，报告太长我看不完……江门2023年病历专项抽查了多少份病例",
     "4312"),  # before an ellipsis that trails off
])
def test_what_is_said_around_the_question_only_sets_the_scene(engine, text, value):
    assert engine.ask(text).figures[0].value == Decimal(value)


def test_two_things_asked_each_when_one_is_named_in_part(engine):
    answer = engine.ask("广州医保局2023年广州地区药品集团采购工作经费和药品及耗材采购专项工作经费各多少？")
    assert [f.value for f in answer.figures] == [Decimal("700.00"), Decimal("6.00")]


def test_a_count_asked_beside_how_falls_back_to_the_passage_that_tells_how(engine):
    answer = engine.ask("江门居民医保的市级财政补助，是一次拨到位还是分几次拨下去的？")  # no figure of 几次
    assert answer.found and "分两批下达" in answer.answer
    refused = engine.ask("江门医保局2024年因公出国（境）计划去哪个国家考察，几个人？")  # not the 名词解释 of 三公
    assert not refused.found


def test_a_budget_never_stands_in_for_final_accounts(engine):
    refused = engine.ask("广州医保局2023年部门决算的本年支出合计是多少")  # only its 2023 budget is held
    assert not refused.found and "没有广州2023年部门决算" in refused.answer


def test_a_reason_is_the_sentence_about_the_figure_asked(engine):
    answer = engine.ask("江门医保局2024年收入预算为什么比上年增加")
    assert "2024年本部门收入预算4,181.3万元" in answer.answer and "主要原因是人员经费预算正常增加" in answer.answer


def test_a_topic_asked_with_question_words_inside_it(engine):
    answer = engine.ask("廉江医保局工作中存在什么问题")  # 存在问题, written 发现的问题及原因 in the report
    assert answer.found and "发现的问题及原因主要是" in answer.sources[0].text


def test_a_row_named_in_short(engine):
    answer = engine.ask("吴川医保局2024年社保和就业支出多少")  # 社会保障和就业支出
    assert (answer.figures[0].row, answer.figures[0].value) == ("社会保障和就业支出", Decimal("63.38"))


def test_the_table_a_question_points_into_wins(engine):
    answer = engine.ask("廉江2023年基本支出明细表里的公务用车运行维护费")
    assert (answer.figures[0].table, answer.figures[0].value) == (6, Decimal("2.79"))
    assert "与表格不一致" not in answer.answer  # the 三公 prose total is not this table's figure


def test_a_bracketed_row_name_said_without_its_bracket(engine):
    answer = engine.ask("广州医保局2023年维护费是多少")  # 维修（护）费
    assert (answer.figures[0].row, answer.figures[0].value) == ("维修（护）费", Decimal("45.80"))


def test_a_place_and_a_term_typed_in_pinyin(engine):
    answer = engine.ask("wuchuan医保局2024年sangong经费多少")
    assert answer.figures[0].value == Decimal("19.50")
    assert "“wuchuan”按“吴川”理解" in answer.answer


def test_one_character_typed_as_its_syllable_beside_another(engine):
    answer = engine.ask("广州医保局2023年部门预算中业务用房zu赁经费是多少")
    assert "“zu赁”按“租赁”理解" in answer.answer and answer.figures[0].value == Decimal("792.37")
    before = engine.ask("廉江2023年决suan里其他交通费用是多少")  # the character typed before it
    assert "“决suan”按“决算”理解" in before.answer and before.figures[0].value == Decimal("6.48")


def test_a_kind_a_city_lacks_is_answered_from_its_other_report(engine):
    answer = engine.ask("廉江医保局绩效自评得了多少分")  # 廉江 holds a 决算, which reports its 自评 score
    assert "没有廉江部门整体支出绩效自评报告" in answer.answer
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("97"), "分")


def test_what_a_project_does_is_asked_with_what(engine):
    answer = engine.ask("江门医保政策研究项目经费研究什么")
    assert answer.found and not answer.figures and answer.sources[0].text.startswith("医保政策研究项目经费")


def test_people_asked_for_are_never_answered_with_money(engine):
    answer = engine.ask("吴川医保服务中心有多少在编人员")
    assert all(f.unit != "万元" for f in answer.figures)


def test_a_units_own_row_not_a_function_codes(engine):
    answer = engine.ask("广州医疗救助服务中心的项目支出一共多少")  # the unit, not the 医疗救助 function row
    assert answer.figures[0].row == "广州市医疗救助服务中心"


def test_a_row_then_the_column_inside_it(engine):
    answer = engine.ask("廉江2023年其他医疗保障管理事务支出中的基本支出是多少")
    figure = answer.figures[0]
    assert (figure.row, figure.column, figure.value) == ("其他医疗保障管理事务支出", "基本支出", Decimal("16.79"))


def test_units_listed_with_the_word_they_share_are_ranked(engine):
    answer = engine.ask("江门2024年蓬江、江海、新会三个分局的基本支出哪个最少")
    assert [f.value for f in answer.figures] == [Decimal("204.19"), Decimal("236.03"), Decimal("240.46")]
    assert "从低到高" in answer.answer.splitlines()[0] and {f.table for f in answer.figures} == {11}


@pytest.mark.parametrize("text", [
    "江门2024年城乡居民医保个人缴费标准是多少",  # no report states a contribution rate
    "江门医保局局长叫什么名字",  # nor names
    "江门医保局2024年医保基金的支出预算有多少？",  # nor a fund's budget: not the bureau's 支出预算, nor a project's
    "吴川2024年医保基金的收入预算安排了多少",  # nor the fund's income: not 本部门收入预算 nor 本年收入合计
    "廉江医保2023年决算：年底清算了几家医院？",  # 多少家 counts institutions: 13家次 counts inspections of them
    "江门医保局2024年3月和4月的三公经费各是多少",  # months listed: the reports print the year's
    "廉江2023年决算说的行政处罚，每起案件罚多少？",  # each case's: the report prints the total
    "江门2024年预算的医疗救助最高能给多少万元",  # a cap: the year's 医疗救助 budget is none
    "湛江市下达给廉江的参保任务，2023年是多少人？",  # only its share done (100.1%); 湛江市 in another sentence
    "廉江医保局2023年那6.49万元的货物，是跟哪家厂家买的？",  # the sum is printed, the firm is not
    "江门医保局2024年调整后的预算里三公经费是多少",  # a budget prints the year's start; only a 决算 the adjusted
    "听说江门2023年居民医保基金滚存结余有30亿元，是真的吗",  # only the months it would pay for (7个月)
    "广州医保局2023年要报废更新的那2辆执法车，换成什么车型",  # makes and models are not printed
    "江门医保局2024年人员经费占总预算的比例是多少",  # 江门 prints no 人员经费: no rate of another thing
    "廉江医保2023年城乡居民住院次均费用是多少元",  # a visit's average: only the totals (住院费用7.67亿元)
])
def test_what_no_report_states_is_refused(engine, text):
    assert not engine.ask(text).found


def test_what_a_column_of_an_item_covers_is_read_from_the_note_under_its_table(engine):
    answer = engine.ask("廉江2023年决算里三公经费那个决算数4.45万，统计口径是怎样的")
    assert answer.found and not answer.figures and answer.sources[0].table == 9
    assert "决算数是包括当年财政拨款和以前年度结转资金安排的实际支出" in answer.answer
    plain = engine.ask("廉江医保局2023年三公经费指什么")  # the item alone: its 名词解释 entry
    assert "名词解释" in plain.answer and "因公出国（境）费用" in plain.answer


def test_an_exact_value_asked_of_a_figure_stated_as_a_bound_is_refused_with_the_bound(engine):
    answer = engine.ask("江门医保局2023年自评里，居民参保对象满意度准确是百分之几")
    assert not answer.found and "报告只写了“超过80%”，没有确切数值" in answer.answer
    assert engine.ask("江门医保局2023年自评里居民参保对象满意度是多少").figures[0].value == Decimal("80")
    rough = engine.ask("廉江医保局2023年接听电话咨询准确是多少次")  # "接听电话咨询20000余次"
    assert not rough.found and "报告只写了“20000余次”，没有确切数值" in rough.answer
    assert engine.ask("廉江医保局2023年接听电话咨询多少次").figures[0].value == Decimal("20000")


@pytest.mark.parametrize("text, said", [
    ("江门医保局2024年预算里，行政运行的上年执行数是多少", "中没有决算数（部门预算列的是预算数）"),  # 执行数: a 决算's
    ("江门2023年全市医保基金11月当月支出多少亿", "报告没有按月计的数字"),  # the year's total only
])
def test_a_figure_of_a_column_or_period_the_report_lacks_is_refused_and_said_why(engine, text, said):
    answer = engine.ask(text)
    assert not answer.found and said in answer.answer


def test_a_count_asked_of_a_units_row_is_not_answered_by_its_sum(engine):
    answer = engine.ask("广州医疗救助服务中心2023年专项医疗救助金打算帮扶多少人")
    assert not answer.found and "没有以“人”计的数字" in answer.answer
    assert engine.ask("广州医疗救助服务中心2023年专项医疗救助金多少").figures[0].value == Decimal("10000.00")


def test_a_clause_saying_only_the_other_side_asks_it_of_the_row_the_first_names(engine):
    figures = engine.ask("廉江医保局2023年决算，行政运行收入决算多少，支出决算多少？").figures
    assert [f"{f.value}" for f in figures] == ["35.19", "145.26"]  # not the report's 本年支出合计 (812.81) beside


def test_a_figure_shown_with_the_table_that_prints_it_is_among_the_answers_figures(engine):
    answer = engine.ask("江门医保局2024年的公务接待费预算多少？在哪张表？")  # the figure, cited with its table
    assert "2.74万元（表8《财政拨款安排的行政经费及“三公”经费预算表》" in answer.answer
    assert [(f"{f.value}", f.table) for f in answer.figures] == [("2.74", 8)]


def test_a_place_is_read_by_shape_only_right_before_its_bureau(engine):
    assert "“廉汪”按“廉江”理解" in engine.ask("廉汪医保局2023年决算的住房公积金多少").answer
    assert "按“江门”理解" not in engine.ask("廉江为2023决算，江为2023决算的住房公积金").answer  # 为 and 门 share a stroke


def test_a_count_written_in_chinese_numerals(engine):
    answer = engine.ask("廉江医保局有几个职能股室")  # "内设四个职能股室"
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("4"), "个")
    assert "内设四个职能股室" in answer.answer  # quoted as printed


def test_figures_read_from_a_scanned_page_say_so_in_the_answer_and_its_json(tmp_path, monkeypatch):
    """广州 2023 as if its 三公 table (lines 407-423) were a scanned page read by OCR; the real OCR
    path is tested on the shared scanned excerpt in test_ocr.py."""
    import rag.reading

    read = rag.reading.load_document

    def with_a_scanned_page(path, **options):
        document = read(path, **options)
        document.page_lines, document.ocr_pages = [1, 407, 424], [2]
        return document

    monkeypatch.setattr(rag.reading, "load_document", with_a_scanned_page)
    settings = load_settings().with_overrides(index_dir=tmp_path / "index")
    ingest([ROOT / "corpus" / "004_7bda8749b22d307a.txt"], settings, build_steps=[write_chunks], progress=False)
    engine = AnswerEngine(settings, dense=False)
    answer = engine.ask("广州医保局2023年三公经费多少")
    figure = answer.figures[0]
    assert (figure.value, figure.table, figure.scanned) == (Decimal("85.72"), 7, True)
    assert "第415行（扫描件识别）" in answer.answer
    data = answer.to_json()
    assert data["figures"][0]["scanned"] is True and data["sources"][0]["scanned"] is True
    assert [s["scanned"] for s in data["sources"] if s["line"] == 703] == [False]  # the 说明 page has a text layer
    duties = engine.ask("广州医保局2023年主要职责是什么")
    assert duties.found and "扫描件识别" not in duties.answer and not any(s.scanned for s in duties.sources)


def test_a_whole_name_beats_a_name_said_in_short_that_cuts_it(engine):
    answer = engine.ask("吴川医保2024年基本支出合计")  # not 本年支出合计 read from "本支出合计"
    assert (answer.figures[0].column, answer.figures[0].value) == ("基本支出", Decimal("354.77"))


# ------------------------------------------------------------ rankings within one report
def _ranked(answer) -> list[tuple[str, Decimal]]:
    return [(f.label, f.value) for f in answer.figures]


def test_the_parts_of_an_item_are_ranked_within_its_table(engine):
    answer = engine.ask("江门医保局2024年工资福利支出里面哪一项最多")
    ranked = _ranked(answer)
    assert ranked[0] == ("津贴补贴", Decimal("508.98")) and len(ranked) == 11
    assert {(f.table, f.column) for f in answer.figures} == {(6, "预算")}
    assert [v for _, v in ranked] == sorted((v for _, v in ranked), reverse=True)
    assert "「工资福利支出」下各项" in answer.answer


def test_a_total_printed_after_its_parts_ranks_the_items_of_its_side(engine):
    answer = engine.ask("廉江医保局2023年公用经费哪一项花得最多")  # 决算 表6: 人员经费 and 公用经费 side by side
    assert _ranked(answer)[:2] == [("其他交通费用", Decimal("6.48")), ("办公费", Decimal("3.01"))]
    assert all(f.table == 6 for f in answer.figures)


def test_the_units_of_a_report_are_ranked_from_the_table_that_lists_them(engine):
    answer = engine.ask("江门医保局2024年哪个单位基本支出最多")
    assert _ranked(answer) == [("江门市医疗保障事业管理中心", Decimal("997.15")),
                               ("江门市医疗保障局", Decimal("739.26")), ("江门市医疗保障局新会分局", Decimal("240.46")),
                               ("江门市医疗保障局蓬江分局", Decimal("236.03")), ("江门市医疗保障局江海分局", Decimal("204.19"))]
    assert answer.figures[0].table == 11
    named = engine.ask("江门2024年蓬江、江海、新会这三个分局，项目经费哪家最少")
    assert [v for _, v in _ranked(named)] == [Decimal("17.04"), Decimal("34.90"), Decimal("38.97")]
    assert named.figures[0].table == 12


def test_the_projects_of_a_report_or_of_one_of_its_units_are_ranked(engine):
    assert _ranked(engine.ask("吴川医保局2024年哪个项目的钱最多"))[0] == ("非税工作经费", Decimal("137.50"))
    answer = engine.ask("江门2024年医疗保障事业管理中心的项目里哪个最多")
    assert _ranked(answer)[0] == ("其他医保工作经费", Decimal("326.65"))
    assert _ranked(engine.ask("江门医保局2024年单个项目最大是哪个"))[0][1] == Decimal("417.85")
    assert _ranked(engine.ask("江门医保局2024年金额最高的那个项目是多少钱"))[0][1] == Decimal("417.85")
    assert _ranked(engine.ask("吴川医保局2024年哪一个具体的项目花钱最多"))[0] == ("非税工作经费", Decimal("137.50"))


def test_a_share_of_the_total_said_after_a_thing_and_中_is_a_share_of_that_thing(engine):
    answer = engine.ask("广州医保局2023年政府采购里面货物类占总额几成")
    assert [f"{f.value}" for f in answer.figures] == ["3.01", "123.39", "4100.27"]  # not 本年支出合计
    only = engine.ask("吴川医保局2024年预算里，项目支出仅占总数的多少")  # 仅占: a share weighed
    assert [f"{f.value}" for f in only.figures[:3]] == ["34.55", "187.30", "542.07"]
    money = engine.ask("吴川医保局2024年公务用车的钱占三公经费的几成")  # 钱: the part is a sum
    assert [f"{f.value}" for f in money.figures[:3]] == ["92.31", "18.00", "19.50"]


def test_the_part_with_the_largest_share_is_the_largest_part(engine):
    answer = engine.ask("吴川医保局2024年项目支出按经济分类，商品和服务支出里比重最大的是哪个科目，多少钱")
    assert answer.intent == "rank" and _ranked(answer)[0] == ("办公费", Decimal("164.30"))


def test_a_rank_word_describing_the_project_named_asks_nothing_ranked(engine):
    answer = engine.ask("吴川2024年预算里钱最多的“非税工作经费”，绩效目标怎么写的")
    assert answer.intent == "passage" and not answer.figures
    assert "非税工作经费" in answer.answer and "绩效目标" in answer.answer


def test_a_clear_winner_of_the_measure_asked_answers_a_chatty_question(engine):
    answer = engine.ask("朋友说廉江医保服务大厅每次去都排长队，那个大厅到底多大面积啊")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("90"), "平方米")


# ------------------------------------------------------------ reasons
def test_where_a_sum_came_from_is_a_reason_question(engine):
    answer = engine.ask("廉江医保局2023年的其他收入是哪来的")
    assert answer.intent == "reason" and "是因为本年有退休人员征" in answer.answer


def test_a_reason_answer_lists_the_next_sentences_that_answer_too(engine):
    answer = engine.ask("广州医保局2023年因公出国（境）费为什么是0")
    assert "取消因公出国（境）" in answer.answer and len(answer.sources) == 3
    assert any("主要原因是2023年取消因公出国（境）计划" in s.text for s in answer.sources)
    priced = engine.ask("江门医保局2023年为何没有调整医疗服务价格")
    assert any("不符合医疗服务项目价格动态调整条件" in s.text for s in priced.sources)
    assert not any("部门职能" in (s.section or "") for s in priced.sources)  # duties give no reason


# ------------------------------------------------------------ several things asked at once
def test_each_of_several_named_things_is_answered_side_by_side(engine):
    units = engine.ask("广州医保局2023年局本级和医疗救助服务中心的基本支出分别是多少")  # 医疗救助服务中心: a unit,
    assert units.intent == "compare"  # said without its place, not the item 医疗救助
    assert [f.value for f in units.figures] == [Decimal("2004.49"), Decimal("621.21")]
    cars = engine.ask("广州医保2023年公务用车购置费和运行维护费各是多少")  # 运行维护费: 公务用车's, as before 和
    assert [(f.row, f.value) for f in cars.figures][:2] == [("1. 公务用车购置", Decimal("36.00")),
                                                           ("2. 公务用车运行维护费", Decimal("45.30"))]
    columns = engine.ask("吴川2024年2101501行政运行的基本支出和项目支出各是多少")  # the code and its name: one row
    assert columns.understood.subjects == ["2101501"]
    assert [(f.column, f.value) for f in columns.figures] == [("基本支出", Decimal("123.04")),
                                                              ("项目支出", Decimal("155.50"))]


# ------------------------------------------------------------ what the question's form says
def test_words_said_only_to_set_the_scene_weigh_little(engine):
    answer = engine.ask("我妈在江门退休了，一直关心医保基金够不够花。江门医保基金2023年一共收入多少亿")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("93.33"), "亿元")


def test_a_sum_asked_in_hundred_millions_is_not_a_small_one(engine):
    assert not engine.ask("吴川医保局2024年医保基金支出是多少亿元").found  # only 万元 sums about 基金 (4.3万元 …)
    named = engine.ask("廉江医保局2023年办公费是多少亿元")  # an item named exactly is still answered, in its unit
    assert (named.figures[0].value, named.figures[0].unit) == (Decimal("3.01"), "万元")


def test_a_passage_stating_a_sum_in_the_range_cited_is_found(engine):
    answer = engine.ask("广州医保局租房子一年七百多万，到底租的是什么房")
    assert "通过租赁医保分中心业务用房" in answer.answer  # 业务用房租赁经费（792.37万元）


def test_a_rate_of_change_said_the_everyday_way(engine):
    answer = engine.ask("江门医保局2024年收入预算同比增长了百分之多少")  # 同比: 比上年
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("2.28"), "%")


def test_a_fall_said_as_跌_and_a_rise_as_涨幅_are_changes_in_percent(engine):
    fell = engine.ask("廉江医保局2023年机关运行经费比上年跌了百分之几")  # not a share of 支出
    rose = engine.ask("吴川医保局24年收入预算的涨幅是多少")
    assert (fell.figures[0].value, fell.figures[0].unit) == (Decimal("44.7"), "%")
    assert (rose.figures[0].value, rose.figures[0].unit) == (Decimal("55.76"), "%")


def test_a_number_the_question_says_in_words_is_no_word_to_find(engine):
    answer = engine.ask("听说吴川医保局机关运行经费涨了四千多个百分点，增长率到底多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("4262.11"), "%")


def test_a_cause_guessed_as_是不是因为_asks_the_reports_reason(engine):
    answer = engine.ask("江门医保局2024年三公经费下降，是不是因为公车少了")
    assert answer.intent == "reason" and "主要原因是厉行节约" in answer.answer


def test_which_units_a_bureau_has_is_its_budget_composition(engine):
    answer = engine.ask("广州医保局下面都有哪些单位呀")
    assert answer.intent == "passage" and "广州市医疗救助服务中心" in answer.sources[0].text


def test_a_count_is_of_the_noun_counted_not_of_one_sharing_a_word_with_it(engine):
    # 江门 prints its 内设机构 as a list without a count; "对两定机构开展…3个" counts something else
    unlisted = engine.ask("江门医保局有几个内设机构")
    assert not unlisted.found and "没有写出这个数目" in unlisted.answer  # refused, with the list shown
    assert "办公室、规划财务和法规科" in unlisted.sources[0].text
    assert engine.ask("广州医保局有几个内设机构").figures[0].value == Decimal("7")
    # the noun said after a verb of setting up, without 的: 廉江 prints no 编制, 吴川 does
    assert not engine.ask("廉江市医疗保障服务中心核定事业编制多少名").found  # not "4名业务骨干"
    assert engine.ask("吴川市医疗保障服务中心核定事业编制多少名").figures[0].value == Decimal("20")
    # a noun of the count the reports never print (名额) is said by its measure (20名) alone
    assert engine.ask("我在乡镇上班，问下吴川医保服务中心核定的事业编制有几个名额").figures[0].value == Decimal("20")


def test_two_names_sharing_their_ending_are_both_asked(engine):
    answer = engine.ask("廉江医保局2023年决算，年初与年末结转和结余各是多少")  # 年初 is short of a name alone
    assert [f"{f.value:f}" for f in answer.figures][:2] == ["21.58", "23.39"]


def test_a_clause_asking_how_two_figures_compare_names_no_third(engine):
    answer = engine.ask("广州医保局2023年财政对职工医保基金和城乡居民医保基金的补助各是多少，相差几倍")
    assert [f"{f.value:f}" for f in answer.figures][:2] == ["200.00", "229975.98"]


def test_a_change_against_a_year_no_report_states_is_refused_showing_what_is_held(engine):
    # the 2023 budget states 2022 as 上年; nothing states 2021
    answer = engine.ask("广州医保局2023年三公经费比2021年多了多少")
    assert not answer.found and "没有广州2021年的报告" in answer.answer
    assert "85.72" in answer.answer and answer.sources[0].line == 415  # the 2023 figure, shown with its source
    assert engine.ask("广州医保局2023年三公经费比2022年多了多少").figures[0].value == Decimal("27.5")


def test_units_listed_tersely_with_an_item_are_each_asked(engine):
    answer = engine.ask("江门医保局 2024 基本支出 蓬江分局 新会分局")  # no 和, no 各: still each unit's
    assert [(f"{f.value:f}", f.row) for f in answer.figures] == [
        ("236.03", "江门市医疗保障局蓬江分局-小计"), ("240.46", "江门市医疗保障局新会分局-小计")]


def test_a_passage_about_a_scheme_must_name_it(engine):
    assert not engine.ask("廉江医保局对长期护理保险是怎么说的").found  # 廉江's reports never name it
    answer = engine.ask("江门医保局在长期护理保险方面的职责是什么")
    assert "长期护理保险" in answer.sources[0].text


def test_what_was_not_done_well_asks_the_problems_section(engine):
    answer = engine.ask("江门医保局2023年有什么没做好的地方")
    assert "存在问题" in answer.sources[0].section
    listed = engine.ask("廉江医保局在2023年度决算里自己列出的问题有哪些？照原文列一下")
    assert listed.found and "医保档案资料室未能建立" in listed.answer


def test_a_rumour_with_its_number_in_words_gets_the_reports_rate(engine):
    answer = engine.ask("有报道称廉江医保局2023年机关运行经费砍了几十个百分点，报告里写的降幅是多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("44.7"), "%")


def test_a_district_bureau_is_the_branch_its_citys_report_prints(engine):
    # 江门's districts have no bureau of their own in the reports: 江门's budget prints their 分局
    answer = engine.ask("江门市江海区医疗保障局2024年基本支出预算多少")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].row) == ("204.19", "江门市医疗保障局江海分局-小计")
    assert not engine.ask("江门市台山市医疗保障局2024年基本支出预算多少").found  # no 台山 branch printed


def test_which_table_prints_an_item_or_a_column(engine):
    answer = engine.ask("广州医保局2023年的公务接待费在哪个表里能查到")
    assert answer.intent == "table" and answer.sources[0].table == 7
    assert "表7《财政拨款安排的行政经费及“三公”经费预算表》" in answer.answer
    answer = engine.ask("江门医保局2024年预算中各项目的绩效目标写在哪张表")  # a column, no item
    assert answer.sources[0].table == 12 and "部门预算项目支出及其他支出预算表" in answer.answer


def test_the_table_named_is_the_one_in_the_clause_that_asks(engine):
    answer = engine.ask("核对廉江医保局2023年决算，三公表里公车运维为4.45万，那基本支出明细表里的公务用车运行维护费又是多少")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].table) == ("2.79", 6)


def test_the_same_words_before_two_numbers_are_told_apart_by_the_opposite_said_last(engine):
    """"收入93.33亿元（其中职工医保67.93亿元…），支出89.88亿元（其中职工医保62.32亿元…）"."""
    spent = engine.ask("江门2023年职工医保基金支出了多少亿")
    received = engine.ask("江门2023年职工医保基金收入是多少亿")
    assert (spent.figures[0].value, received.figures[0].value) == (Decimal("62.32"), Decimal("67.93"))


def test_a_row_named_under_another_named_row_is_that_one(engine):
    answer = engine.ask("江门医保局2024年蓬江分局的公用经费类是多少")  # 公用经费类 is under each unit of 表11
    assert [(f.value, f.label) for f in answer.figures] == [(Decimal("18.37"), "江门市医疗保障局蓬江分局公用经费类")]


def test_a_count_of_other_things_does_not_answer_what_is_counted(engine):
    assert not engine.ask("江门医保局2024年蓬江分局有几个编制").found  # "下设蓬江分中心…等3个" counts 分中心
    assert engine.ask("吴川医保局2024年核定了几个行政编制").figures[0].value == Decimal("10")
    # 编制 said before the ask is people too: 广州's report prints no 编制, only "公务用车编制…报废更新2辆"
    assert not engine.ask("想了解下广州市医保局编制有多少").found
    assert not engine.ask("江门市医保局的编制人数一共是多少").found  # not 参加基本医疗保险人数404.54万人
    assert engine.ask("吴川医保服务中心事业编制多少").figures[0].value == Decimal("20")
    # the staff in post are not the posts approved: no report prints them
    assert not engine.ask("吴川医保局核定编制的数我有了，想问2024年实有人数是多少").found
    assert not engine.ask("不问核定编制，吴川医保局2024年在职的人数是多少").found


def test_a_share_of_a_part_qualified_by_words_its_figure_lacks_is_refused(engine):
    answer = engine.ask("广州医保局2023年政府采购里面给中小企业的合同金额占比多少")
    assert not answer.found and "中小企业" in answer.answer
    assert engine.ask("吴川医保2024年非税工作经费占项目支出的比例").figures[0].value == Decimal("73.41")


def test_a_number_inside_brackets_is_about_the_words_in_them(engine):
    """"…“廉江市医疗保障工作经费（其中禁毒3万元）”“…聘请第三方专家费”等7个项目": 3万元 is 禁毒's; no sum is
    stated for the 专家费 project."""
    assert not engine.ask("廉江医保局2023年聘请第三方专家费项目用了多少钱").found


def test_units_of_one_kind_are_ranked_among_themselves(engine):
    answer = engine.ask("江门2024年几个区分局里，三个区分局的项目支出谁最多")
    assert [f.value for f in answer.figures] == [Decimal("38.97"), Decimal("34.90"), Decimal("17.04")]
    assert all("分局" in f.label for f in answer.figures)


@pytest.mark.parametrize("text, label, value", [
    ("新会分局请专家的劳务费预算是多少", "江门市医疗保障局新会分局医疗保障工作专家劳务费", "14.06"),  # 表12, under 新会分局
    ("江门医保江海分局的公用经费是多少", "江门市医疗保障局江海分局公用经费类", "14.29"),  # 表11
    ("广州医疗救助服务中心的项目支出一共多少", "广州市医疗救助服务中心项目支出", "25563.90"),  # its own row of 表12
    ("新会分局项目经费", "江门市医疗保障局新会分局项目支出", "38.97"),  # 项目经费: its row of 表12, not a 宣传经费 under it
    ("江门市医疗保障局本级，不算分局和中心，2024年基本支出小计多少", "江门市医疗保障局基本支出", "739.26"),  # 局本级
    # 业务用房 ties two projects; the one-character verb tells them apart
    ("广州医疗保险服务中心租业务用房的钱有多少", "广州市医疗保险服务中心业务用房租赁经费", "792.37"),
    ("广州医疗保险服务中心修业务用房的钱有多少", "广州市医疗保险服务中心办公、业务用房维护维修经费", "503.90"),
])
def test_a_unit_named_narrows_to_its_rows_and_its_words_choose_among_them(engine, text, label, value):
    answer = engine.ask(text)
    assert (answer.figures[0].label, answer.figures[0].value) == (label, Decimal(value))


def test_a_branch_plans_stated_in_its_project_text_are_its_rows_too(engine):
    answer = engine.ask("江门蓬江分局2024年计划用多少财政资金聘请第三方打击欺诈骗保")
    assert answer.figures[0].value == Decimal("12.4") and "蓬江区" in answer.figures[0].sentence


def test_parts_are_ranked_in_the_one_report_that_states_the_item(engine):
    answer = engine.ask("江门医保局基本支出的商品和服务支出里，哪一项最多？")  # no year: two 江门 reports, one states it
    assert "「商品和服务支出」下各项" in answer.answer
    assert (answer.figures[0].label, answer.figures[0].value) == ("其他交通费用", Decimal("39.65"))
    guessed = engine.ask("江门医保局基本支出的商品和服务支出里，哪一项最多？我猜是办公费，对吗")  # a part named too
    assert (guessed.figures[0].label, guessed.figures[0].value) == ("其他交通费用", Decimal("39.65"))


def test_everyday_short_words_read_as_the_reports_words(engine):
    answer = engine.ask("江门医保24年社保和就业那块的支出预算是多少？")  # 社保: 社会保障
    assert (answer.figures[0].label, answer.figures[0].value) == ("社会保障和就业支出", Decimal("303.92"))



def test_a_row_name_with_a_look_alike_character_is_read_as_the_row(engine):
    answer = engine.ask("广州医保局2023年的租凭费是多少")  # 凭 for 赁: both built on 任
    assert "“租凭费”按“租赁费”理解" in answer.answer
    assert (answer.figures[0].label, f"{answer.figures[0].value:f}") == ("租赁费", "1019.73")


def test_a_long_name_typed_in_its_syllables_with_two_characters_off_is_read_as_the_name(engine):
    answer = engine.ask("江门医保局2024年医保稽察经废多少")  # 察 for 查 and 废 for 费: cha, fei
    assert "“医保稽察经废”按“医保稽查经费”理解" in answer.answer
    assert f"{answer.figures[0].value:f}" == "167.00"


@pytest.mark.parametrize("text, typed, read_as, value", [
    ("廉江2023年居民门特制付了多少人次", "制付", "支付", "265082"),  # zhi fu: 支付 joins 门特 as printed
    ("廉江2023年异地就医备按多少人次", "备按", "备案", "4000"),
    ("廉江医保2023年产前检察有多少人次", "检察", "检查", "17751"),  # a word, but the reports' one in its very tones
])
def test_a_two_character_word_typed_in_its_syllables_is_read_as_the_word_the_reports_print(
        engine, text, typed, read_as, value):
    answer = engine.ask(text)
    assert f"“{typed}”按“{read_as}”理解" in answer.answer and f"{answer.figures[0].value:f}" == value


def test_an_expense_said_short_is_read_as_the_one_row_it_shortens(engine):
    answer = engine.ask("广州医保局2023年物业费预算多少")
    assert "“物业费”按“物业管理费”理解" in answer.answer and answer.figures[0].row == "物业管理费"
    assert "理解）" not in engine.ask("江门医保局2024年公车运维费预算多少").answer  # 公车运维: no expense said short


@pytest.mark.parametrize("text", ["江门2024年公务接待费多少",  # 年公: two words' ends, 公务 printed
                                  "江门2023年医保基金会不会入不敷出",  # 不敷: inside an idiom
                                  "广州医保局2023年三公经费暴涨了多少",  # 暴涨 bao4 zhang3: a word, no 报账 bao4 zhang4
                                  "廉江医保局2023年度部门决算共有几张表，最后一张表的编号",  # 表的: a particle
                                  "我也答不上来。廉江医保局2023年参保总人数",  # 答不 is no 大部: 不 negates
                                  "江门的孤儿或者没人抚养的孩子参加居民医保要自己交钱吗"])  # 没人 is no 每人
def test_characters_typed_as_meant_are_not_read_as_another_pair(engine, text):
    assert "理解）" not in engine.ask(text).answer


def test_a_project_described_by_its_goal_text_is_found_by_those_words(engine):
    answer = engine.ask("吴川医保搞打击骗保宣传、举报奖励那个基金检查项目给了多少钱")  # said in its 绩效目标 cell
    assert (answer.figures[0].label, f"{answer.figures[0].value:f}") == ("医疗保险基金检查及宣传经费", "7.00")


def test_a_name_before_and_said_without_the_ending_it_shares_with_the_name_after(engine):
    answer = engine.ask("广州城乡居民医保财政补助和医保财政补助资金哪个大")  # 城乡居民医保财政补助(资金)
    assert [f"{f.value:f}" for f in answer.figures] == ["229975.98", "177329.82"]
    assert "前者比后者多52,646.16万元" in answer.answer


def test_a_conjunction_in_a_sentence_that_asks_nothing_asks_nothing(engine):
    answer = engine.ask("两定机构就是定点医院和药店吧？江门2023年全市现场检查两定机构一共多少家？")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("1923", "家")


def test_a_project_named_after_its_unit_is_the_project_not_the_units_first(engine):
    answer = engine.ask("广州医保中心特殊待遇事务专项经费是搞什么的")  # 广州市医疗保险服务中心… begins other projects
    assert answer.sources[0].text.startswith("特殊待遇事务专项工作经费") and "理解" not in answer.answer


def test_of_an_opposed_pair_the_one_clause_that_asks_decides(engine):
    answer = engine.ask("收入知道了，那2023年江门全市医保基金支出了多少个亿？会不会入不敷出")
    assert (f"{answer.figures[0].value:f}", answer.figures[0].unit) == ("89.88", "亿元")
    both = engine.ask("广州医保局2023年基本支出、项目支出分别多少？项目支出占总预算的大头吗")  # two clauses ask
    assert {"20071.32", "473649.28"} <= {f"{f.value:f}" for f in both.figures}


def test_a_ranking_of_one_figure_and_no_item_is_refused_with_the_figure(engine):
    answer = engine.ask("廉江医保局哪个乡镇参保人最多")  # the report ranks no towns
    assert not answer.found and "没有可以比较的一组数字" in answer.answer and answer.sources


def test_the_grade_a_self_evaluation_gave_is_its_conclusion(engine):
    answer = engine.ask("政府部门每年都要给自己打分，江门医保局2023年整体支出绩效自评最后评了个什么等级？")
    assert "部门整体支出绩效评价等级为：优" in answer.sources[0].text


def test_a_project_named_with_words_its_goal_text_answers_gives_that_number(engine):
    goal = engine.ask("吴川医保医药价格和招采管理经费，目标是把相关医药品种费用降低多少以上")
    assert (f"{goal.figures[0].value:f}", goal.figures[0].unit) == ("30", "%")
    money = engine.ask("吴川医药价格和招采管理经费预算是多少")  # the project's own cell, as before
    assert (f"{money.figures[0].value:f}", money.figures[0].unit) == ("1.00", "万元")


def test_a_passage_asked_in_other_words_is_found_when_the_retrievers_agree_on_it(engine):
    hall = engine.ask("江门医保服务大厅办业务要不要按类别去不同窗口")
    assert hall.found and "服务大厅实行“综合柜员制”" in hall.sources[0].text
    meeting = engine.ask("江门医保局领导班子多久开会研究一次预算执行")
    assert meeting.found and "每月召开不少于一次研究预算执行情况" in meeting.answer
    assert not engine.ask("吴川医保局的传真号码是多少").found


def test_a_units_rank_is_the_passage_that_states_it(engine):
    wuchuan = engine.ask("吴川医保局是什么级别的单位")
    assert "正科级" in wuchuan.sources[0].text and "吴川" in wuchuan.sources[0].title
    lianjiang = engine.ask("廉江医保局属于几级单位")
    assert "是正科级行政单位" in lianjiang.sources[0].text


def test_units_compared_on_one_item_each_give_their_own_row_of_it(engine):
    answer = engine.ask("江海分局和新会分局的人员类经费分别多少")
    assert [(f.label, str(f.value)) for f in answer.figures] == [
        ("江门市医疗保障局江海分局人员类", "189.90"), ("江门市医疗保障局新会分局人员类", "222.09")]


def test_two_things_joined_share_what_is_asked_after_them(engine):
    answer = engine.ask("江门集采的药品和耗材各涉及多少家医疗机构")
    assert [(str(f.value), f.unit) for f in answer.figures] == [("198", "家"), ("133", "家")]
    assert [str(f.value) for f in engine.ask("江门耗材集采执行了多少批").figures][:1] == ["19"]


def test_a_year_end_asked_is_not_answered_by_another_year_end(engine):
    assert not engine.ask("江门2022年年底全市参加基本医疗保险的有多少万人").found
    assert [str(f.value) for f in engine.ask("江门2023年年底全市参加基本医疗保险的有多少万人").figures][:1] == ["404.54"]


def test_a_table_named_by_its_number_or_its_title_is_looked_in(engine):
    total = engine.ask("廉江表4的总计是多少").figures[0]
    assert (total.table, total.row, str(total.value)) == (4, "总计", "836.17")
    answer = engine.ask("廉江收入决算表里，卫生健康支出那一行的本年收入合计")
    health = answer.figures[0]
    assert (health.table, health.column, str(health.value)) == (2, "本年收入合计", "672.68")
    assert "不一致" not in answer.answer  # the prose's 本年收入 is the column's total, not this row


def test_why_an_item_changed_is_refused_when_no_sentence_says_it_changed(engine):
    travel = engine.ask("吴川医保局2024年差旅费为啥比上年少了")
    assert not travel.found and "差旅费" in travel.answer
    three = engine.ask("江门2024年三公经费为什么减少")
    assert three.found and "“三公”经费" in three.sources[0].text and "减少" in three.sources[0].text


def test_a_name_quoted_whole_is_answered_only_by_its_own_figures(engine):
    assert not engine.ask("廉江医保局“政府购买服务人员8名工作人员经费”这个项目花了多少钱").found
    assert [str(f.value) for f in engine.ask("江门“医保政策研究项目经费”预算多少").figures] == ["20.90"]


def test_a_column_the_question_rules_out_is_not_answered(engine):
    figure = engine.ask("江门医保局项目支出里的培训费（30216）安排多少？不是基本支出那个").figures[0]
    assert (figure.table, str(figure.value)) == (7, "35.43")


def test_everyday_words_for_the_reports_words_find_their_passage(engine):
    baby = engine.ask("江门给婴儿办参保有什么便民的做法")
    assert baby.found and "“一件事”" in baby.answer
    check = engine.ask("江门医保局的预决算编好后由谁把关")
    assert check.found and "审核人审核" in check.answer
    sections = engine.ask("江门医保局有哪几个科")  # 个 counts; 科 is asked about (科室: 内设机构)
    assert sections.found and "待遇保障科" in sections.answer
    below = engine.ask("江门医保局下面分了哪些科？")  # 下面, 底下: said of no passage, asked of none
    assert below.found and "待遇保障科" in below.answer
    towns = engine.ask("廉江医保局那个镇上呢有没有办医保的窗口我住乡下")  # 镇上, 镇街: 乡镇 both
    assert towns.found and "镇街党群服务中心均设置医保服务窗口" in towns.answer
    moved = engine.ask("廉江把哪些医保业务搬进了市政务服务大厅集中办理？")  # 进驻了市行政服务中心
    assert moved.found and "异地就医备案" in moved.answer


def test_words_of_time_and_choice_are_not_what_is_asked_about(engine):
    answer = engine.ask("廉江目前的医保费是谁在征收，还是医保局收")
    assert answer.found and "税务部门统一征收" in answer.answer


def test_a_change_asked_without_its_base_year_is_the_change_the_report_states(engine):
    answer = engine.ask("江门2024年三公经费减少了多少")  # no 比上年: still the change, then the level
    assert [str(f.value) for f in answer.figures] == ["0.94", "17.56"]


def test_a_figure_asked_with_why_is_the_figure_with_the_reports_reason_for_it(engine):
    other = engine.ask("廉江医保局2023年其他收入哪来的？多少钱")
    assert str(other.figures[0].value) == "0.02" and "报告给出的原因" in other.answer
    assert "退休人员征订读本" in other.answer
    event = engine.ask("广州医保局2023年预算里“突发公共卫生事件应急处理”为啥那么多，有多少")
    assert str(event.figures[0].value) == "35000.00" and "没有找到说明其原因的文字" in event.answer  # none given


def test_a_figure_asked_then_why_one_asks_is_the_figure(engine):
    answer = engine.ask("江门医保局项目支出里的培训费安排了多少？想看看他们是怎么编的")
    assert answer.intent == "figure" and [str(f.value) for f in answer.figures] == ["35.43"]


def test_a_remark_after_the_question_names_no_column_unless_it_says_what_is_asked(engine):
    remark = engine.ask("吴川医保局行政运行（2101501）一共多少？听说有些放在项目支出里了")
    assert [(str(f.value), f.column) for f in remark.figures] == [("278.54", "合计")]
    clarified = engine.ask("吴川医保局行政运行（2101501）多少？就是项目支出里的")
    assert [(str(f.value), f.column) for f in clarified.figures] == [("155.50", "项目支出")]


def test_the_reason_asked_as_its_grounds_is_the_reports_reason(engine):
    answer = engine.ask("江门医保局2024年机关运行经费压减的理由是什么")  # 理由, 缘由: why
    assert answer.intent == "reason" and "主要原因是厉行节约，机关运行经费预算下降" in answer.answer


def test_a_figure_of_one_insurance_scheme_is_not_answered_by_the_whole_fund(engine):
    for text in ("江门全市2023年生育保险基金收了多少亿", "江门2023年长护险基金总收入有多少亿元"):  # not 93.33, the whole
        assert not engine.ask(text).found, text
    rate = engine.ask("江门2023年大病保险保费筹集完成率是多少")  # stated of the scheme itself
    assert [str(f.value) for f in rate.figures] == ["100"]


def test_a_change_asked_as_an_amount_is_refused_when_only_the_level_is_stated(engine):
    answer = engine.ask("江门2023年DIP病种分值库的病种数比上年多了几个")  # stated: 优化至7700个左右
    assert not answer.found and "增减了多少" in answer.answer and "7700" in answer.answer


def test_a_guess_said_after_the_question_does_not_change_what_is_asked(engine):
    answer = engine.ask("吴川医保局2024年行政运行多少？应该是最大的一项吧")  # not a ranking of its parts
    assert answer.intent == "figure" and [str(f.value) for f in answer.figures] == ["278.54"]


def test_an_address_is_answered_only_by_a_sentence_that_says_where(engine):
    held = engine.ask("江门医保局在哪里办公，地址多少")  # the 自评 states its offices' place
    assert held.found and "建设三路" in held.answer
    assert not engine.ask("廉江医保局的办公地点在什么位置").found  # its report says where of nothing


@pytest.mark.parametrize("text, value", [
    ("吴川医保局打算花多少钱购车", "18.00"),  # 购车, 买新车: 公务用车购置
    ("江门医保局修车加油的油钱预算多少", "14.82"),  # 修车, 油钱: 公务用车运行维护费
    ("吴川医保局交工会的钱有多少", "3.20"),  # 交工会: 工会经费
    ("江门居民医保的普通门诊最多能报销多少钱", "350"),  # 最多能报销: 最高支付限额
])
def test_everyday_words_for_an_item_find_its_row(engine, text, value):
    assert [str(f.value) for f in engine.ask(text).figures][:1] == [value]


def test_a_result_asked_is_not_answered_by_its_target(engine):
    assert not engine.ask("江门2023年大病保险住院政策规定支付比例实际达到多少").found  # only ≥60% is stated
    target = engine.ask("江门2023年大病保险住院政策规定支付比例的目标是多少")
    assert [str(f.value) for f in target.figures] == ["60"]


def test_a_heading_quoted_is_carried_by_its_sections_figures(engine):
    answer = engine.ask("廉江2023年决算的“政府采购支出情况说明”里，采购支出总额填了多少")
    assert answer.found and answer.figures[0].value == Decimal("6.49")


def test_a_table_named_before_a_comma_or_colon_is_the_table_read(engine):
    answer = engine.ask("看廉江医保局2023年的收入支出决算总表：一般公共预算财政拨款收入多少")
    figure = answer.figures[0]
    assert (figure.value, figure.table) == (Decimal("814.59"), 1)  # not 表4's 本年支出合计 812.81


@pytest.mark.parametrize("text, value, table", [
    # a title's own ending (明细表, 情况表) names the table whatever follows; the items in it ask nothing
    ("廉江医保局2023年基本支出决算明细表公务用车运行维护费", "2.79", 6),  # not 表9's 4.45 of 三公
    ("吴川医保局2024年一般公共预算项目支出情况表（按经济分类科目）的合计是多少", "187.30", 7),  # with its bracket
])
def test_a_table_named_by_its_titles_ending_is_the_table_read(engine, text, value, table):
    answer = engine.ask(text)
    assert [(f"{f.value:f}", f.table) for f in answer.figures] == [(value, table)]


def test_an_item_whose_column_another_item_is_said_in_asks_nothing(engine):
    figures = engine.ask("廉江医保局2023年基本支出决算明细 公用经费那栏 办公费多少").figures
    assert [(f"{f.value:f}", f.row) for f in figures] == [("3.01", "办公费")]  # not 公用经费合计 14.82 too


@pytest.mark.parametrize("text, table, first, value", [
    # the classification said chooses the table; 明细 ranks its finest rows
    ("吴川医保2024年的一般公共预算基本支出（按经济分类），明细科目里最少的一项是什么", 6, "福利费", "0.22"),
    ("吴川2024年按功能分类的支出里哪一类最多", 5, "卫生健康支出", "451.83"),
])
def test_a_ranking_reads_the_table_of_the_classification_asked(engine, text, table, first, value):
    answer = engine.ask(text)
    assert answer.intent == "rank"
    assert (answer.figures[0].table, answer.figures[0].label, answer.figures[0].value) == (table, first, Decimal(value))


def test_two_changes_asked_in_two_sentences_are_both_answered(engine):
    answer = engine.ask("江门医保局2024年的三公经费增长了多少？机关运行经费又增长了多少？")
    changes = [f.value for f in answer.figures]
    assert Decimal("0.94") in changes and Decimal("27.64") in changes
    # or in one clause, each asked (分别)
    each = [f.value for f in engine.ask("江门2023年自评里基本支出和项目支出分别比上年增减多少").figures]
    assert Decimal("331.5") in each and Decimal("2444.07") in each


def test_the_column_asked_in_the_asking_clause_is_read(engine):
    answer = engine.ask("吴川2024年行政运行不算项目支出吧？它的基本支出是多少")
    assert answer.found and answer.figures[0].column.endswith("基本支出") and answer.figures[0].value == Decimal("123.04")


def test_a_bureau_of_a_county_inside_a_city_held_is_not_that_citys(engine):
    answer = engine.ask("江门医保局2024年给开平市医疗保障局安排了多少经费")
    assert not answer.found and "开平市医疗保障局" in answer.answer


def test_a_share_of_the_citys_whole_budget_is_refused(engine):
    answer = engine.ask("江门医保局2024年支出占全市财政支出多少")
    assert not answer.found and "没有全市财政" in answer.answer  # the scope refused, not the words unfound


def test_a_quantity_in_the_question_is_no_year_asked(engine):
    answer = engine.ask("廉江医保局23年零星医疗救助是不是超过2000人次")
    assert answer.found and answer.figures[0].value == Decimal("2330")


def test_a_count_of_people_is_not_answered_by_a_count_of_things(engine):
    answer = engine.ask("江门医保局2024年除去事业管理中心和分中心，行政编制一共几名")
    assert not answer.found  # not "下设…分中心等3个": 江门 prints no 编制


def test_which_items_and_each_amount_lists_the_parts(engine):
    answer = engine.ask("江门医保局2024年三公经费有哪几项？金额各多少")
    assert "公务用车购置及运行维护支出14.82万元" in answer.answer and "公务接待费支出2.74万元" in answer.answer


def test_of_two_titles_in_the_table_named_the_longest_is_it(engine):
    answer = engine.ask("江门2024年财政拨款收支总体情况表里，本年收入合计多少")
    assert answer.figures[0].table == 4  # 财政拨款收支总体情况表, not 表1 收支总体情况表 inside its name


def test_a_reason_whose_sentence_leads_in_with_a_colon_quotes_what_follows(engine):
    answer = engine.ask("江门2023年自评里国家药品集中采购任务完成率100%，是怎么做到的？为什么能完成")
    assert answer.found and "指标实现情况：持续落实药品耗材集采工作。" in answer.answer  # not the lead-in alone


def test_a_ranking_of_units_by_a_row_under_each_ranks_those_rows(engine):
    answer = engine.ask("江门2024年哪个分局的人员类支出最多")
    first = answer.figures[0]
    assert (first.label, first.row, first.value) == ("江门市医疗保障局新会分局", "人员类", Decimal("222.09"))
    assert "各单位的「人员类」" in answer.answer


def test_a_part_left_out_is_not_listed_among_the_parts(engine):
    answer = engine.ask("除了公务用车购置及运行维护支出以外，江门2024年三公经费里还有哪些，各多少")
    assert [f.value for f in answer.figures] == [Decimal("0.00"), Decimal("2.74"), Decimal("17.56")]  # the others first
    assert "其中：因公出国（境）支出0.00万元、公务接待费支出2.74万元（同表同列）" in answer.answer


def test_a_difference_with_one_side_unfound_is_refused_showing_that_side(engine):
    answer = engine.ask("江门医保局2024年的公务接待费比2022年决算数多了多少")
    assert not answer.found and "无法比较" in answer.answer and "公务接待费2.74万元" in answer.answer


def test_a_quoted_name_that_begins_with_a_place_is_still_a_name(engine):
    answer = engine.ask("廉江医保局2023年“廉江市医保局举报骗保宣传经费”这个项目自评打了多少分")
    assert not answer.found  # not the department's 97分: no such project in the reports


def test_a_figure_stated_is_the_answer_when_the_table_pointed_at_prints_it(engine):
    answer = engine.ask("核对一下：吴川2024年预算正文说三公经费19.5万元，表8里三公经费合计是多少")
    assert answer.found and (answer.figures[0].value, answer.figures[0].table) == (Decimal("19.50"), 8)


def test_the_place_of_an_item_in_a_list_is_no_word_to_find(engine):
    answer = engine.ask("江门医保局2023年自评列的工作亮点，第二点是什么")
    assert answer.found and "二是完善全市DIP病种分值库和系数" in answer.answer.replace(" ", "")


def test_a_count_asked_by_its_noun_is_a_figure_in_that_measure_word(engine):
    answer = engine.ask("江门 2023 自评 违法违规机构 处理 家数")
    assert answer.found and (answer.figures[0].value, answer.figures[0].unit) == (Decimal("449"), "家")


def test_a_part_named_with_its_whole_comes_before_the_whole(engine):
    answer = engine.ask("广州 2023 预算 三公 公务接待费")
    assert [f.value for f in answer.figures[:2]] == [Decimal("4.42"), Decimal("85.72")]


@pytest.mark.parametrize("text, part, whole", [
    ("廉江2023决算 公用经费 邮电费", "0.53", "14.82"),  # 公用经费合计 is printed after its side's rows
    ("廉江医保局2023年人员经费 基本工资", "171.72", "658.63"),
])
def test_a_part_named_with_a_total_printed_after_it_comes_first(engine, text, part, whole):
    answer = engine.ask(text)
    assert [f.value for f in answer.figures[:2]] == [Decimal(part), Decimal(whole)]


@pytest.mark.parametrize("text, label, value", [
    ("吴川2024年预算表3倒数第四行是多少", "事业运行", "130.76"),
    ("江门2024年部门预算表6，第一行的合计多少", "合计", "2417.08"),
    ("广州2023年预算表7最后那行多少", "公务接待费支出", "4.42"),  # 「（三）公务接待费支出」
    ("廉江2023决算表1第58行多少", "结余分配", "0.00"),  # by the 决算's 行次
])
def test_a_row_pointed_at_by_where_it_is_printed_in_a_named_table_is_answered(engine, text, label, value):
    answer = engine.ask(text)
    assert answer.found and label in answer.figures[0].label and answer.figures[0].value == Decimal(value)


@pytest.mark.parametrize("text, label, value", [
    ("吴川医保局2024年功能分类那张表，医疗保障管理事务下面第2行是多少", "信息化建设", "5.00"),
    ("吴川医保局2024年功能分类那张表里，信息化建设的上一行是多少", "行政运行", "278.54"),
    ("吴川医保局2024年功能分类表里医疗保障管理事务下面的行政运行多少", "行政运行", "278.54"),  # a row named
])
def test_a_row_pointed_at_under_or_over_a_row_named_is_answered(engine, text, label, value):
    answer = engine.ask(text)
    assert answer.found and answer.figures[0].label == label and answer.figures[0].value == Decimal(value)


def test_a_line_pointed_at_in_a_two_sided_table_is_answered_on_each_side(engine):
    answer = engine.ask("廉江决算表6最后一行是多少")
    assert [f.value for f in answer.figures] == [Decimal("658.63"), Decimal("14.82")]  # 人员经费合计, 公用经费合计


@pytest.mark.parametrize("text, values", [
    ("卫生健康支出 > 医疗保障管理事务 > 行政运行，江门2024和吴川2024比较", ["937.27", "278.54"]),
    ("人员经费 / 301工资福利支出 / 30102津贴补贴，廉江2023决算", ["152.42"]),
])
def test_a_row_path_written_out_asks_its_last_level(engine, text, values):
    answer = engine.ask(text)
    assert [f.value for f in answer.figures[:len(values)]] == [Decimal(v) for v in values]


def test_a_ranking_leaves_out_the_part_the_question_leaves_out(engine):
    answer = engine.ask("吴川2024年预算卫生健康支出里，除了医疗保障管理事务以外，哪一款最多")
    assert answer.figures[0].label == "行政事业单位医疗" and "（医疗保障管理事务除外）" in answer.answer
    assert all("医疗保障管理事务" not in f.label for f in answer.figures)


def test_the_parts_left_when_one_is_left_out_are_the_answer(engine):
    answer = engine.ask("不算购房补贴的话，江门2024年住房改革支出里剩下哪一项，多少")
    assert (answer.figures[0].label, answer.figures[0].value) == ("住房公积金", Decimal("165.00"))


def test_a_quoted_row_with_its_code_in_brackets_is_found(engine):
    answer = engine.ask("吴川2024年“[30113]住房公积金”是多少")
    assert answer.found and (answer.figures[0].value, answer.figures[0].table) == (Decimal("26.87"), 6)


def test_last_year_glossed_with_its_year_is_the_change_the_report_states(engine):
    answer = engine.ask("吴川医保局2024年收入预算比去年（2023年）多了多少")
    assert answer.found and answer.figures[0].value == Decimal("194.05")


def test_how_many_tables_a_report_has_lists_them(engine):
    answer = engine.ask("广州医保局2023年部门预算一共几张表")
    assert answer.found and "共有12张表（表1至表12）" in answer.answer and "表12《部门预算项目支出及其他支出预算表》" in answer.answer
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("12"), "张")
    counted_after = engine.ask("吴川医保局2024年部门预算的表一共有几张")  # the tables said before the count
    assert counted_after.found and "共有12张表" in counted_after.answer
    seventh = engine.ask("江门医保局2024年部门预算的第七张表叫什么")  # a table by its place: 表7
    assert seventh.sources[0].table == 7 and "表7《" in seventh.answer


def test_a_part_of_the_report_asked_by_number_is_its_heading(engine):
    answer = engine.ask("江门2024年部门预算的第四部分是什么")
    assert answer.found and "「第四部分名词解释」" in answer.answer
    beyond = engine.ask("江门2024年部门预算的第六部分是什么")
    assert not beyond.found and "只有4个部分" in beyond.answer


def test_a_quoted_sentence_with_its_figure_left_blank_asks_that_figure(engine):
    answer = engine.ask("吴川预算里写着“2024年本部门政府采购安排……万元”，是多少")
    assert answer.found and answer.figures[0].value == Decimal("25")


def test_two_changes_asked_in_two_clauses_are_both_answered(engine):
    answer = engine.ask("江门2024年机关运行经费下降百分之几，三公经费又下降百分之几")
    assert [f.value for f in answer.figures] == [Decimal("8.17"), Decimal("5.07")]


def test_a_duty_asked_of_a_unit_with_places_named_is_a_passage_not_a_comparison(engine):
    answer = engine.ask("台山和恩平的医保经办，江门市医保中心管不管")
    assert answer.understood.intent == "passage" and not answer.figures  # its duties, not 中心's 小计 compared
    assert "指导台山、开平、鹤山、恩平四市" in answer.answer.replace("\n", "")  # the counties named are words to find


def test_a_vehicle_said_as_gongche_with_a_particle_is_the_vehicle_row(engine):
    answer = engine.ask("广州2023年公车的运行维护费预算多少")
    assert answer.figures[0].value == Decimal("45.30")


def test_a_count_in_days_and_times_is_read_in_that_measure_word(engine):
    answer = engine.ask("廉江2023年宣传车下乡宣传参保一共多少天次")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("36"), "天次")


def test_rows_compared_within_one_named_unit_are_that_units_rows(engine):
    answer = engine.ask("蓬江分局2024年的人员类和公用经费类分别多少")
    assert [f.value for f in answer.figures] == [Decimal("217.66"), Decimal("18.37")]  # not the department's 人员类


def test_amounts_asked_beside_a_change_are_answered_with_the_change_of_the_one_asked(engine):
    answer = engine.ask("吴川医保局2024年三公经费、机关运行经费各多少，机关运行经费是不是比上年多了？")
    assert [f.value for f in answer.figures[:3]] == [Decimal("19.50"), Decimal("194.55"), Decimal("190.09")]


def test_amounts_asked_beside_a_reason_are_answered_before_it(engine):
    answer = engine.ask("广州医保局2023年预算支出总计和2023年三公经费分别是多少？三公为什么涨这么多？")
    assert [f.value for f in answer.figures[:2]] == [Decimal("493720.60"), Decimal("85.72")]
    assert "报废更新2辆执法车辆36万元" in answer.answer


def test_the_parts_of_the_spending_and_its_items_said_in_everyday_words(engine):
    assert engine.ask("吴川医保局2024年项目经费里的办公费多少").figures[0].value == Decimal("164.30")  # 项目支出
    assert not engine.ask("江门医保局2024年日常经费里的印刷费是多少").found  # 基本支出 prints none (项目支出 143.04)
    both = engine.ask("吴川医保局2024年办公费基本支出和项目支出里都有吗")  # each part's
    assert [f.value for f in both.figures[:2]] == [Decimal("2.25"), Decimal("164.30")]
    fund = engine.ask("江门2023年全市医保基金收进来的钱比花出去的钱多多少")
    assert [f.value for f in fund.figures[:2]] == [Decimal("93.33"), Decimal("89.88")] and "3.45亿元" in fund.answer
    card = engine.ask("吴川医保局2024年办医保卡、搞医保卡系统运行的钱有多少")  # 钱: a sum, no word to match
    assert card.figures[0].value == Decimal("0.50") and card.figures[0].row == "医保卡建设运行经费"


def test_the_economic_classes_and_carry_overs_said_in_everyday_words(engine):
    people = engine.ask("廉江医保局2023年养人的钱和办公运转的钱分别多少")
    assert [f.value for f in people.figures[:2]] == [Decimal("658.63"), Decimal("14.82")]  # 人员经费, 公用经费
    kept = engine.ask("廉江2023年年初结转下来的钱和年末没花完的钱各多少")
    assert [f.value for f in kept.figures[:2]] == [Decimal("21.58"), Decimal("23.39")]
    weighed = engine.ask("吴川医保局2024年基本支出多，还是项目上的钱多")  # 还是 after a comma, a side said long
    assert [f.value for f in weighed.figures[:2]] == [Decimal("354.77"), Decimal("187.30")]


def test_a_part_described_that_no_row_lists_is_refused_with_the_whole_shown(engine):
    answer = engine.ask("吴川医保局2024年医保卡建设运行经费里，买制卡机那部分多少钱")
    assert not answer.found and "报告没有单列“买制卡机”这一部分的数字" in answer.answer and "0.50万元" in answer.answer
    named = engine.ask("江门医保局2024年项目支出中，公务接待费那部分多少")  # a part the report lists
    assert named.found and named.figures[0].value == Decimal("1.79")


def test_a_name_quoted_with_the_departments_own_word_before_it_is_the_row(engine):
    answer = engine.ask("吴川医保局2024年功能分类表“医保信息化建设”那一行多少")  # 信息化建设
    assert answer.figures[0].row == "信息化建设" and answer.figures[0].value == Decimal("5.00")
    assert not engine.ask("吴川医保局2024年“医保宣传月活动经费”是多少").found


def test_a_sum_new_this_year_asked_why_is_its_increase_asked_why(engine):
    answer = engine.ask("广州医保局2023年的公务用车购置费是从无到有的，说明里怎么解释")
    assert "二、“三公”经费安排情况" in answer.answer and "报废更新2辆执法车辆36万元" in answer.answer


def test_terms_typed_in_english_are_read_as_the_reports_words(engine):
    answer = engine.ask("Jiangmen 2024 budget: travel expenses how much?")
    assert answer.found and answer.figures[0].value == Decimal("6.94")
    assert "“travel expenses”按“差旅费”理解" in answer.answer
    rate = engine.ask("江门医保局2024年三公经费比上年下降咗幾多個percent")  # a rate: not 几个 counted
    assert rate.found and rate.figures[0].value == Decimal("5.07")
    defined = engine.ask("In the Guangzhou 医保局 2023 budget glossary, what is the definition of 医疗救助?")
    assert defined.understood.intent == "definition" and "指政府资助符合条件的人群参加社会医疗保险" in defined.answer


def test_who_pays_is_no_question_about_a_person(engine):
    answer = engine.ask("江门2023年困难群众参加居民医保，个人缴费是谁来出")
    assert "报告不写个人" not in answer.answer  # which party pays, not a person's name


def test_a_guess_of_the_largest_then_its_amount_asked_is_that_figure(engine):
    answer = engine.ask("江门医保局2024年项目里花钱最多的是医保稽查经费吧？这个项目多少钱？")
    assert answer.understood.intent == "figure" and answer.figures[0].value == Decimal("167.00")


def test_vehicles_counted_by_their_measure_word_whatever_the_question_calls_them(engine):
    assert engine.ask("吴川医保局有几辆公务车").figures[0].value == Decimal("0")
    assert not engine.ask("廉江医保局有几台电脑").found  # 台 counts any machine: 设备0台 is not the computers


def test_two_rates_the_report_states_are_no_share_of_a_whole(engine):
    answer = engine.ask("江门2023年大病保险住院支付比例和医疗救助比例各是多少")
    assert [f.value for f in answer.figures] == [Decimal("60"), Decimal("70")]


def test_a_units_own_row_is_its_total_not_a_project_named_after_it(engine):
    answer = engine.ask("广州市医疗救助服务中心2023年项目支出预算合计多少")
    assert answer.figures[0].value == Decimal("25563.90")


def test_a_year_with_its_month_is_a_date_not_a_report_asked(engine):
    answer = engine.ask("广州医保局2022年底和江门医保局2024年1月的固定资产各有多少")
    assert [f.value for f in answer.figures] == [Decimal("12975.52"), Decimal("498.13")]


def test_everyday_names_of_items_said_alone(engine):
    assert engine.ask("吴川医保局2024年公车预算多少").figures[0].value == Decimal("18.00")
    assert engine.ask("广州2023年预算总数是多少").figures[0].value == Decimal("493720.60")
    assert engine.ask("吴川2024年招待安排了多少").figures[0].value == Decimal("1.50")


def test_floor_area_asked_by_everyday_words(engine):
    answer = engine.ask("吴川医保局房子有多少平")
    assert answer.found and answer.figures[0].value == Decimal("0") and "房屋0平方米" in answer.answer


def test_which_part_of_a_report_tells_of_something(engine):
    answer = engine.ask("廉江决算的三公经费情况写在哪一部分")
    assert answer.understood.intent == "outline"
    assert "「第三部分：廉江市医疗保障局2023年度部门决算情况说明」" in answer.answer
    assert "4.45万元" in answer.answer  # and its text


def test_a_figure_stated_in_a_question_that_asks_nothing_else_is_checked(engine):
    answer = engine.ask("江门2024年差旅费只有6.94万？")
    assert answer.figures[0].value == Decimal("6.94")
    assert engine.ask("江门2024年差旅费有多少？听说6.94万").figures[0].value != Decimal("6.94")


def test_a_budget_amount_named_is_no_report_asked(engine):
    answer = engine.ask("江门居民医保市级财政补助资金的预算金额为什么和下达金额不一样，报告原文怎么说")
    assert "新生儿增长逐年减少" in answer.answer  # explained in the 自评, not the 预算


def test_wording_the_kind_asked_lacks_comes_from_the_places_other_reports(engine):
    answer = engine.ask("江门预算中新生儿增长逐年减少是怎么说的")
    assert answer.answer.startswith("（江门市医疗保障局2024年部门预算中没有相关段落；"
                                    "以下据江门市医疗保障局2023年部门整体支出绩效自评报告。）")
    assert "新生儿增长逐年减少" in answer.answer


def test_a_sum_asked_of_listed_figures_is_added_and_the_printed_total_cited(engine):
    answer = engine.ask("吴川2024年因公出国费、公务用车购置及运行维护费、公务接待费三项一共多少")
    assert "合计：0.00 + 18.00 + 1.50 = 19.50万元。" in answer.answer
    assert answer.figures[0].value == Decimal("19.50") and answer.figures[0].row == "“三公”经费"  # the sum asked first
    assert answer.answer.index("合计：") < answer.answer.index("公务接待费1.50万元")
    assert "差额" not in engine.ask("广州医保局2023年公务用车购置费和运行维护费各是多少，加起来是多少").answer


def test_parts_checked_against_their_whole_named_are_summed_without_it(engine):
    answer = engine.ask("广州医保局2023年财政对职工基本医保基金的补助和对城乡居民基本医保基金的补助加起来，"
                        "是不是正好等于21012科目的总数？")  # the second said without the 财政 it shares
    assert [f"{f.value:f}" for f in answer.figures] == ["230175.98", "200.00", "229975.98"]  # the whole checked first
    assert "合计：200.00 + 229,975.98 = 230,175.98万元。" in answer.answer and "（与逐项相加相等）" in answer.answer
    checked = engine.ask("广州市医疗救助服务中心2023年专项医疗救助金和基本医疗救助金加起来，跟医疗救助科目总额对得上吗？")
    assert "合计：10,000.00 + 15,425.40 = 25,425.40万元。" in checked.answer
    assert "报告所列「医疗救助」为25,425.40万元（与逐项相加相等）" in checked.answer


def test_a_name_after_jia_shang_shares_the_words_of_the_one_before(engine):
    answer = engine.ask("广州市医保局2023年公务用车购置费加上运行维护费一共多少？分别多少？")  # 加上: as 和
    assert [f"{f.value:f}" for f in answer.figures] == ["36.00", "45.30", "81.30"]


def test_a_change_from_the_start_of_the_year_to_its_end_is_the_difference_of_two_rows(engine):
    answer = engine.ask("廉江医保局2023年结转和结余从年初到年末变化了多少？")
    assert answer.understood.intent == "compare"
    assert [f"{f.value:f}" for f in answer.figures] == ["21.58", "23.39"] and "差额：21.58 − 23.39 = -1.81万元" in answer.answer


def test_items_listed_before_the_order_asked_are_ranked(engine):
    answer = engine.ask("江门医保局2024年政府采购预算按货物、工程、服务三类从大到小排一下")
    assert [f"{f.value:f}" for f in answer.figures] == ["341.01", "28.37", "20.75"]
    assert "比较所问的 3 项" in answer.answer


def test_two_things_asked_after_a_colon_are_of_the_topic_before_it(engine):
    answer = engine.ask("廉江市2023年城镇职工医保基金收支情况：收入和支出各多少，差额多少？")
    assert [f"{f.value:f}" for f in answer.figures][:2] == ["3.52", "2.13"] and "1.39亿元" in answer.answer


def test_a_project_of_a_table_printed_as_text_by_its_name(engine):
    answer = engine.ask("江门医保局2024年重点项目绩效目标表里，医疗保障业务资金的预算数是多少万元")
    assert answer.figures[0].value == Decimal("761.34")  # not the first row, 医疗救助专项资金, under the header
    quoted = engine.ask("江门医保局2024年重点项目里“医疗保障业务资金”安排了多少预算？")  # its label, quoted whole
    assert quoted.found and quoted.figures[0].value == Decimal("761.34")


def test_this_one_pointing_at_an_item_is_no_word_it_must_hold(engine):
    answer = engine.ask("按经济分类看江门医保局2024年的项目支出，委托业务费这一项占了多少？")  # 这一项: the item itself
    assert answer.found and Decimal("508.18") in [f.value for f in answer.figures]


def test_the_whole_budget_in_everyday_words(engine):
    answer = engine.ask("对比一下2024年江门、吴川两个市医保局的部门预算总盘子。")  # 总盘子: the total
    assert [(f.value, f.table) for f in answer.figures] == [(Decimal("4181.30"), 1), (Decimal("542.07"), 1)]


def test_the_total_row_of_each_table_named(engine):
    answer = engine.ask("廉江医保局2023年决算，收入支出决算总表的总计和财政拨款收入支出决算总表的总计各是多少？差了多少？")
    assert [(f.value, f.table) for f in answer.figures[:2]] == [(Decimal("836.20"), 1), (Decimal("836.17"), 4)]


def test_the_smallest_and_the_last_are_ranked_from_the_least(engine):
    for text in ("吴川医保局2024年一般公共预算基本支出按经济分类的明细里数额最小的是哪一项",
                 "吴川医保局2024年一般公共预算基本支出按经济科目的明细里垫底的是哪一项"):
        answer = engine.ask(text)  # 最小 and 垫底 rank from the least; 经济科目 is the 经济分类
        assert (answer.figures[0].label, answer.figures[0].value) == ("福利费", Decimal("0.22")), text


def test_a_share_of_the_whole_said_before_zhan(engine):
    answer = engine.ask("吴川医保局2024年卫生健康支出在本年支出合计中占多大比例？")  # "A在W中占": A over W
    assert answer.figures[0].value == Decimal("83.35")
    other = engine.ask("江门市医疗保障局2023年度“其他收入”在总收入中的占比是多少？")  # 在W中的占比
    assert other.figures[0].value == Decimal("94.88")
    after_each = engine.ask("广州市医保局2023年预算里基本支出和项目支出各多少，项目支出占比有多高？")
    assert after_each.figures[2].value == Decimal("95.93")  # of the total, not of 基本支出 said in the clause before
    said = engine.ask("广州市医保局2023年财政对城乡居民基本医疗保险基金的补助在全部预算支出中占多大比重？")
    assert [f"{f.value:f}" for f in said.figures][1:] == ["229975.98", "493720.60"]


def test_all_a_unit_spent_asked_in_plain_words(engine):
    answer = engine.ask("廉江医保2023年实际花了多少钱")
    assert (answer.figures[0].value, answer.figures[0].row) == (Decimal("812.81"), "本年支出合计")


def test_an_item_said_without_its_fee_ending(engine):
    answer = engine.ask("廣州醫保局2023年“三公”經費裡，公務用車購置、公務用車運行維護、公務接待各多少？")
    assert [f"{f.value:f}" for f in answer.figures] == ["36.00", "45.30", "4.42"]


def test_each_rate_asked_of_two_named_before_a_question_mark(engine):
    answer = engine.ask("江门市医保局2023年一般公共预算财政拨款收入和政府性基金预算财政拨款收入的增长率分别是多少？")
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["37.51", "39.48"]
    assert "政府性基金预算财政拨款收入增长39.48%" in answer.answer


def test_a_printed_total_off_the_sum_by_rounding_is_said_to_be(engine):
    answer = engine.ask("吴川2024年社会保障和就业支出、卫生健康支出、住房保障支出分别多少？合计是不是等于总数")
    assert "= 542.08万元" in answer.answer and "「合计」为542.07万元（与逐项相加差0.01，为尾数误差）" in answer.answer


def test_a_name_quoted_without_the_unit_glossed_in_it(engine):
    answer = engine.ask("江门自评“基金滚存结余可支配月数不低于3个月”这个指标，实际达到几个月")
    assert answer.found and answer.figures[0].value == Decimal("7")


def test_an_amount_asked_in_yuan_is_money_not_a_count(engine):
    assert not engine.ask("江门2023年DIP每分值多少元").found  # 7700个 counts 病种
    assert engine.ask("江门2023年困难群众每人每年能享受多少元").figures[0].value == Decimal("350")


def test_one_row_asked_of_two_tables_named_by_number_is_each_tables(engine):
    answer = engine.ask("廉江决算表1和表4里的年末结转和结余分别是多少")
    assert [(f.table, f.value) for f in answer.figures[:2]] == [(1, Decimal("23.39")), (4, Decimal("23.36"))]
    answer = engine.ask("廉江决算里年末结转和结余，表1和表4分别是多少")  # read apart, not yet: one cell is not shown twice
    assert answer.figures[0].value == Decimal("23.39") and "差额：23.39 − 23.39" not in answer.answer


def test_a_count_of_people_qualified_before_the_ask_needs_the_qualifier(engine):
    assert not engine.ask("江门2023年参加基本医疗保险的港澳台居民有多少人").found  # 234.42万人 counts all residents
    assert engine.ask("廉江2023年参加基本医疗保险的总人数是多少人").figures[0].value == Decimal("1460126")


def test_a_row_name_said_as_the_start_of_a_tables_title_only_says_which_table(engine):
    answer = engine.ask("廉江2023年决算一般公共预算财政拨款基本支出明细里的公用经费合计多少")
    assert [f.value for f in answer.figures] == [Decimal("14.82")]  # not 一般公共预算财政拨款 814.59


def test_colloquial_padding_and_everyday_words_of_a_benefit(engine):
    assert engine.ask("2023年廉江那边生小孩的人领生育津贴，一共发了多少万块").figures[0].value == Decimal("1735")
    assert engine.ask("江门2023年居民普通门诊一人一年最多报多少").figures[0].value == Decimal("350")


def test_a_rate_of_growth_asked_in_percent_is_the_change_not_a_share(engine):
    answer = engine.ask("吴川2024年三公经费增幅是百分之几")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("1200"), "%")


def test_a_rate_recalled_roughly_is_no_word_to_find(engine):
    answer = engine.ask("听说江门2024年支出预算比上年只增长了不到3%，准确增幅是多少")
    assert answer.found and answer.figures[0].value == Decimal("2.28")


def test_a_rate_put_to_be_checked_is_answered_by_the_rate(engine):
    answer = engine.ask("有人说广州2023年三公经费增长了47.2%，是这样吗")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("47.2"), "%")


def test_a_container_before_a_code_and_its_item_only_says_where(engine):
    answer = engine.ask("廉江2023决算公用经费里30231公车运维费多少")
    assert [f.value for f in answer.figures] == [Decimal("2.79")]  # not 公用经费 14.82
    answer = engine.ask("江门2024年基本支出表 商品和服务支出 30201 办公费是多少")  # the code alone between them
    assert [f.value for f in answer.figures] == [Decimal("30.85")]


def test_a_part_of_a_prose_sum_asked_as_an_amount_it_takes(engine):
    assert engine.ask("江门2024年政府采购中工程类采购占了多少万元").figures[0].value == Decimal("20.75")


def test_each_column_of_one_row_with_its_share_of_the_rows_total(engine):
    answer = engine.ask("吴川2024年行政运行里基本支出和项目支出分别占多少")
    assert [f.value for f in answer.figures] == [Decimal("123.04"), Decimal("44.17"), Decimal("155.50"),
                                                 Decimal("55.83"), Decimal("278.54")]


def test_an_expense_in_both_columns_is_each_and_their_sum(engine):
    answer = engine.ask("江门2024年办公费在基本支出和项目支出里各列了多少，合起来多少")
    assert [(f.table, f.value) for f in answer.figures] == [(6, Decimal("30.85")), (7, Decimal("0.05"))]
    assert "合计：30.85 + 0.05 = 30.90万元。" in answer.answer
    answer = engine.ask("江门2024年公务接待费，基本支出和项目支出各列了多少，加起来是不是等于三公表的数")
    assert [(f.table, f.value) for f in answer.figures] == [(6, Decimal("0.95")), (7, Decimal("1.79")),
                                                            (8, Decimal("2.74"))]  # 表8 prints the sum


def test_a_topic_asked_is_found_where_the_report_names_it(engine):
    answer = engine.ask("廉江医保局2023年决算说明里存在哪些问题")
    assert 0 < answer.answer.find("发现的问题及原因主要是") < 250  # from where it names them, not chunks before


def test_a_units_item_asked_beside_a_thing_not_found_is_the_units(engine):
    answer = engine.ask("广州医保中心物业费和租房各花多少")
    assert answer.figures[0].value == Decimal("315.57")  # the 中心's 物业管理费, not its whole row


def test_a_balance_asked_is_not_answered_by_a_flow(engine):
    assert not engine.ask("廉江2023年城乡居民医疗保险基金结余了多少亿").found  # 收入13.08亿元, 支出8.13亿元 only
    assert engine.ask("廉江2023年年末结转和结余多少").figures[0].value == Decimal("23.39")


def test_a_share_of_a_part_and_a_whole_said_in_words_no_row_names(engine):
    answer = engine.ask("江门2023年职工医保参保人数占全市参加基本医疗保险人数的比重是多少")
    assert [f.value for f in answer.figures] == [Decimal("42.05"), Decimal("170.12"), Decimal("404.54")]
    answer = engine.ask("江门2023年全市参保人里职工医保占百分之几")  # the whole said first
    assert answer.figures[0].value == Decimal("42.05")


def test_a_place_spelled_in_pinyin_among_english_words(engine):
    answer = engine.ask("What were Zhanjiang 医保局's 2024 三公经费?")
    assert not answer.found and "湛江" in answer.answer  # not a held city's figure
    assert engine.ask("How much did Lianjiang spend on 三公 in 2023").figures[0].value == Decimal("4.45")


def test_a_judgement_of_a_sum_stated_is_refused_with_the_figure_shown(engine):
    answer = engine.ask("你觉得江门医保局2024年花17.56万三公经费合理吗")
    assert not answer.found and "不评价" in answer.answer and "17.56万元" in answer.answer


def test_what_the_asker_means_to_do_with_the_answer_asks_nothing(engine):
    answer = engine.ask("江门医保局2024年行政运行、事业运行各有多少，我们想参考下比例")
    assert [f.value for f in answer.figures] == [Decimal("937.27"), Decimal("679.58")]
    answer = engine.ask("廉江2023年宣传月，我们医院也去了，参与的医药机构是多少家来着")
    assert answer.figures[0].value == Decimal("356")


def test_a_container_before_a_comma_only_says_where(engine):
    answer = engine.ask("江门2024年三公经费里，公务接待费和公务用车运行维护费各多少")
    assert [f.value for f in answer.figures] == [Decimal("2.74"), Decimal("14.82")]  # not 三公经费 17.56


def test_which_expenses_made_a_change_asks_the_reports_reason(engine):
    answer = engine.ask("廉江医保局2023年机关运行经费下降了，主要是哪些开支")
    assert not answer.figures and "设备购置费、日常维修费等开支减少" in answer.answer


def test_a_reason_opening_a_numbered_list_is_quoted_with_its_items(engine):
    answer = engine.ask("廉江医保局2023年决算里说存在的问题咋回事")
    assert "发现的问题及原因主要是：1、" in answer.answer and "2、医保档案资料室未能建立" in answer.answer


def test_a_sum_asked_in_yuan_is_converted_from_the_reports_wan_yuan(engine):
    answer = engine.ask("吴川2024年公务接待费折合多少元")
    assert [(f.value, f.unit) for f in answer.figures[:2]] == [(Decimal("15000"), "元"), (Decimal("1.50"), "万元")]
    answer = engine.ask("廉江2023年决算0.02万元的其他收入换算成元是多少元")  # the sum stated is converted
    assert answer.figures[0].value == Decimal("200")


def test_a_sentence_is_cited_by_the_line_it_starts_on_not_its_paragraphs_first(engine):
    from rag.evidence import sentences

    cited = 0
    for document in engine.store.documents():
        lines = (ROOT / "corpus" / document.name).read_text(encoding="utf-8").split("\n")
        for paragraph in engine.store.paragraphs(document.name):
            if not paragraph.line_offsets:  # lines that do not spell the text (titles read apart): its first
                continue
            for unit in sentences([paragraph]):
                start, line = compact(unit.sentence)[:6], compact(lines[unit.line - 1])
                # the line cited holds its first characters, or ends with the first of them (it runs on)
                assert start in line or any(line.endswith(start[:k]) for k in range(1, 6)), (document.name, unit.line)
                cited += unit.line > paragraph.line_start
    assert cited > 100  # most sentences are not their paragraph's first
    reason = engine.ask("廉江医保局2023年决算说明里，档案资料室为什么一直没建起来")
    assert "第1179行）原文：\n“医保档案涉及医保执法案件" in reason.answer  # its 160-line paragraph opens on 1029


def test_a_sum_asked_in_yi_is_shown_converted_after_the_reports_wan_yuan(engine):
    answer = engine.ask("广州医保局2023年基本支出里的津贴补贴大约多少亿")
    assert [(f.value, f.unit) for f in answer.figures[:2]] == [(Decimal("7770.44"), "万元"), (Decimal("0.777044"), "亿元")]
    assert answer.answer.startswith("折合0.777044亿元（津贴补贴7770.44万元 ÷ 10000）")


def test_one_item_in_each_table_named_by_number_or_title(engine):
    answer = engine.ask("廉江2023年决算三公经费表和基本支出决算明细表里的公务用车运行维护费各是多少")
    assert [(f.table, f.value) for f in answer.figures] == [(9, Decimal("4.45")), (6, Decimal("2.79"))]
    answer = engine.ask("江门2024年表6、表7、表8里的公务接待费对得上吗")
    assert [(f.table, f.value) for f in answer.figures] == [(6, Decimal("0.95")), (7, Decimal("1.79")),
                                                            (8, Decimal("2.74"))]


def test_what_is_excluded_ends_where_besides_is_said(engine):
    answer = engine.ask("廉江2023年决算除了财政拨款之外还有其他收入，是多少")
    assert answer.figures[0].value == Decimal("0.02")


def test_cantonese_inside_and_buying_an_official_car(engine):
    assert engine.ask("吳川2024年預算入面買公務車嘅錢係幾多").figures[0].value == Decimal("18.00")


def test_what_a_person_pays_in_is_not_what_is_paid_out(engine):
    assert not engine.ask("江门2023年居民医保每人每年个人要缴费多少钱").found  # 350元 is a 报销额度
    assert engine.ask("江门2023年居民普通门诊每人每年能报多少").figures[0].value == Decimal("350")


def test_final_accounts_asked_of_a_budget_is_refused_with_its_budget_figure(engine):
    answer = engine.ask("吴川2024年三公经费决算数是多少")
    assert not answer.found and "没有决算数（部门预算列的是预算数）" in answer.answer and "19.50万元" in answer.answer
    assert engine.ask("廉江2023年三公经费预算数多少").figures[0].value == Decimal("4.45")  # a 决算 prints both


def test_a_column_named_in_quotes_that_the_table_lacks_is_refused(engine):
    answer = engine.ask("吴川2024年预算表12里非税工作经费“上年预算数”那一栏是多少")
    assert not answer.found and "没有“上年预算数”这一栏" in answer.answer and "137.50万元" in answer.answer
    assert engine.ask("江门2024年表3里行政运行“基本支出”栏是多少").figures[0].value == Decimal("937.27")
    # named in Traditional characters: the column is read as converted, as the rest of the question is
    traditional = engine.ask("吳川醫保局2024年支出總體情況表中，行政運行（2101501）的“項目支出”列是多少？")
    assert traditional.found and traditional.figures[0].value == Decimal("155.50")


def test_names_of_firms_and_models_of_cars_are_not_printed(engine):
    answer = engine.ask("吴川2024年要买的那辆公务用车是什么型号")
    assert not answer.found and "品牌型号" in answer.answer and "18.00万元" in answer.answer  # what is held, shown
    assert not engine.ask("江门2024年法律顾问费付给了哪一家律师事务所").found
    for text in ("廉江2023年做绩效评价的第三方机构具体叫什么", "广州2023年哪几家医院参加了集中采购"):
        answer = engine.ask(text)
        assert not answer.found and "名称" in answer.answer, text
    brand = engine.ask("廉江医保局那两辆公务车是什么牌子、哪年买的？")  # 牌子: the brand, said plainly
    assert not brand.found and "品牌型号" in brand.answer
    assert not engine.ask("廉江2023年约谈的137家医药机构是哪些医院").found  # which firms a case names
    tender = engine.ask("广州医保局2023年政府采购的中标单位是哪几家")  # who won a tender: unnamed, the sum shown
    assert not tender.found and "供应商" in tender.answer
    assert engine.ask("江门2023年集采中标药品一共多少种").found  # 中标 of 集采 drugs: their count is printed
    own = engine.ask("广州市医疗保障局2023年局本级的7个内设处室叫什么？")  # its own offices' names are printed
    assert own.found and "医药价格和招标采购处" in own.answer


def test_a_lines_row_number_before_a_blank_is_no_year(engine):
    answer = engine.ask("廉江决算总表“使用非财政拨款结余（含专用结余） 28 XX”里XX是多少")
    assert answer.found and answer.figures[0].value == Decimal("0.00")  # 28 is the line's 行次, not 2028


def test_an_opinion_word_is_not_read_as_a_typo(engine):
    answer = engine.ask("你说吴川医保局2024年花18万买公车值不值？")
    assert not answer.found and "支部" not in answer.answer  # 值不值, not 值不 -> 支部


def test_asking_for_the_reports_own_words_is_no_word_to_find(engine):
    question = understand("吴川2024年预算有没有提到DRG付费？原文怎么写的", engine.vocabulary)
    assert "原文" not in rank.content_words(question) and "提到" not in rank.content_words(question)


def test_a_count_names_its_noun_by_the_everyday_word_the_report_prints(engine):
    answer = engine.ask("廉江市医保局一共有几个股室")  # read 内设机构; the report: 内设四个职能股室
    assert answer.found and answer.figures[0].value == Decimal("4")


def test_an_order_asked_in_everyday_words_is_a_ranking(engine):
    answer = engine.ask("江门蓬江、江海、新会三个分局2024年基本支出从少到多排一下")
    assert [f.value for f in answer.figures] == sorted(f.value for f in answer.figures) and len(answer.figures) == 3


def test_a_place_in_a_ranking_asked_puts_that_item_first(engine):
    answer = engine.ask("吴川2024年基本支出里商品和服务支出下面的明细，第三大的是哪项")
    values = [f.value for f in answer.figures]
    assert answer.answer.startswith("第3：") and values[0] == sorted(values, reverse=True)[2]


def test_the_details_of_an_item_only_say_where_the_row_asked_is(engine):
    answer = engine.ask("廉江2023年决算工资福利的明细里，津贴补贴是多少")
    assert [f.value for f in answer.figures] == [Decimal("152.42")]  # not 工资福利支出 655.03


def test_a_table_title_quoted_with_quotes_inside_names_no_item(engine):
    answer = engine.ask("吴川2024年表8「财政拨款安排的行政经费及“三公”经费预算表」里行政经费多少")
    assert answer.figures[0].value == Decimal("194.55")


def test_vehicles_asked_as_a_count_are_counted_in_their_measure_word(engine):
    assert engine.ask("广州医保局2023年预算里有多少车辆").figures[0].value == Decimal("16")  # not 执法车辆36万元


def test_english_words_glossing_chinese_ones_are_no_words_to_find(engine):
    answer = engine.ask("Guangzhou 医保局 2023 预算: how many 车辆 (vehicles) did it hold?")
    assert answer.found and answer.figures[0].value == Decimal("16")


def test_a_city_said_with_its_suffix_leaves_no_orphan_character(engine):
    question = understand("广州市医疗保障局核定了多少个行政编制，帮我查查", engine.vocabulary)
    assert rank.content_words(question).split()[0] == "核定"  # not 市, nor 查查


def test_a_share_asked_after_the_parts_is_over_their_whole_not_a_sibling(engine):
    answer = engine.ask("吴川2024年基本支出和项目支出各多少？项目支出占几成？")
    assert Decimal("34.55") in [f.value for f in answer.figures]  # 187.30 ÷ 542.07, not ÷ 基本支出 354.77
    answer = engine.ask("江门2024年政府采购里货物类、工程类、服务类各多少？货物类占几成？")
    assert Decimal("7.27") in [f.value for f in answer.figures]  # 28.37 ÷ 390.13, the three's whole


def test_the_largest_item_of_project_spending_is_a_project(engine):
    answer = engine.ask("广州2023年项目支出中数额最大的是哪一项")
    assert "表12" in answer.answer and answer.figures[0].value == Decimal("229975.98")  # a project, not a function


def test_a_sum_of_two_is_checked_against_the_whole_the_question_names(engine):
    answer = engine.ask("江门医保局2024年预算，基本支出的公务接待费加上项目支出的公务接待费，是不是等于表8的公务接待费")
    assert [(f.table, f.value) for f in answer.figures] == [(8, Decimal("2.74")), (6, Decimal("0.95")),
                                                            (7, Decimal("1.79"))]
    answer = engine.ask("广州2023年专项医疗救助金加上基本医疗救助金是否等于城乡医疗救助")  # the whole in another table
    assert [(f.table, f.value) for f in answer.figures][2] == (3, Decimal("25425.40"))
    assert "城乡医疗救助」行" in answer.answer
    answer = engine.ask("表7中江门医保局项目支出的商品和服务支出合计是多少")  # one row whose name holds 和
    assert [f.value for f in answer.figures] == [Decimal("913.45")]


def test_tables_named_by_an_item_they_hold_or_by_their_closest_title(engine):
    answer = engine.ask("廉江2023年决算，三公经费里的公务用车运行维护费和表6里的公务用车运行维护费对得上吗")
    assert [(f.table, f.value) for f in answer.figures] == [(9, Decimal("4.45")), (6, Decimal("2.79"))]
    answer = engine.ask("廉江2023年决算总表的年末结转和结余，与财政拨款收支总表的年末财政拨款结转和结余一致吗")
    assert [(f.table, f.value) for f in answer.figures] == [(1, Decimal("23.39")), (4, Decimal("23.36"))]
    # two titles said together before the row they share, the second printing it with its fund
    answer = engine.ask("廉江2023年决算里，收入支出决算总表与财政拨款收入支出决算总表的年末结转和结余相同吗")
    assert [(f.table, f.value) for f in answer.figures] == [(1, Decimal("23.39")), (4, Decimal("23.36"))]
    assert "年末财政拨款结转和结余23.36万元" in answer.answer


def test_a_difference_asked_of_two_things_joined_finds_both(engine):
    answer = engine.ask("广州2023年财政对职工医保基金的补助和对居民医保基金的补助相差多少")
    assert [f.value for f in answer.figures] == [Decimal("200.00"), Decimal("229975.98")]
    assert "229,775.98万元" in answer.answer


def test_whether_an_item_ranks_first_is_answered_among_its_peers(engine):
    answer = engine.ask("广州2023年项目支出经济分类表里医疗费补助是不是最大的一项")
    assert answer.figures[0].value == Decimal("432531.20") and "是，医疗费补助是其中最大的一项" in answer.answer
    answer = engine.ask("江门2024年基本支出明细里办公费是不是最多的")
    assert answer.figures[0].value == Decimal("30.85")
    assert "不是，办公费排第12，最大的是津贴补贴（508.98万元）" in answer.answer


def test_a_ranking_asked_as_pai_ge_ming(engine):
    answer = engine.ask("江门医保局2024年三个分局的基本支出小计排个名")
    assert [f.value for f in answer.figures] == [Decimal("240.46"), Decimal("236.03"), Decimal("204.19")]


def test_the_sentence_that_asks_how_much_says_what_is_measured(engine):
    assert engine.ask("吴川2024年收入预算同比涨了百分之多少？依据是啥？").figures[0].value == Decimal("55.76")
    answer = engine.ask("江门2023年职工医保和居民医保的参保人数各多少万人？哪个多？")
    assert [f.value for f in answer.figures] == [Decimal("170.12"), Decimal("234.42")]


def test_the_one_side_of_a_flow_said_before_two_things_is_of_both(engine):
    answer = engine.ask("江门2023年医保基金支出里职工医保和居民医保各多少亿元")
    assert [f.value for f in answer.figures] == [Decimal("62.32"), Decimal("27.56")]  # not 居民 收入 25.4


def test_growth_asked_with_the_reports_rate_word_is_the_rate(engine):
    # the reports say 增加/减少 of the amount and 增长/下降 of the rate: "增加331.5万元，增长13.56%"
    answer = engine.ask("江门2023年自评报告里基本支出比上年增长多少")
    assert [f.value for f in answer.figures] == [Decimal("13.56"), Decimal("331.5")]  # and the amount beside it
    assert engine.ask("江门2023年自评报告里基本支出比上年增加多少").figures[0].value == Decimal("331.5")


def test_a_sum_said_with_what_is_asked_asks_no_sum(engine):
    answer = engine.ask("江门2024年那笔20.9万元的医保政策研究项目经费是研究什么的")
    assert answer.intent == "passage" and "基本医疗保险市级统筹的发展现状" in answer.answer


def test_what_changed_asked_of_a_rise_is_the_reports_account_of_it(engine):
    answer = engine.ask("江门2023年自评报告中政府性基金财政拨款收入增长了，有哪些变动")
    assert answer.intent == "reason" and "主要变动情况：2023年度办公场所修缮经费" in answer.answer


def test_one_item_under_each_classification_said(engine):
    # 功能分类 rows have codes 2…, 经济分类 rows 3…: 2210201 住房公积金 and 30113 住房公积金 differ in 廉江's 决算
    answer = engine.ask("廉江2023年决算的住房公积金，功能分类口径和经济分类口径对得上吗，为什么")
    assert [(f.table, f.value) for f in answer.figures] == [(2, Decimal("50.52")), (6, Decimal("52.16"))]
    assert "报告中没有找到说明其原因的文字" in answer.answer


def test_which_is_more_compares_amounts_and_asks_no_name(engine):
    answer = engine.ask("江门2023年居民医保基金是支大于收还是收大于支")
    assert [f.value for f in answer.figures] == [Decimal("25.4"), Decimal("27.56")]
    answer = engine.ask("江门2023年居民医保基金收入和支出各多少，哪个多")
    assert [f.value for f in answer.figures] == [Decimal("25.4"), Decimal("27.56")]
    answer = engine.ask("江门2023年底参保的人里职工医保和居民医保各有多少万？谁多？")  # people, in 万
    assert [f.value for f in answer.figures] == [Decimal("170.12"), Decimal("234.42")]


def test_a_share_said_before_the_amount_asked_asks_the_amount(engine):
    answer = engine.ask("吴川2024年项目支出经济分类里办公费占了大头，到底是多少")
    assert answer.intent == "figure" and [f.value for f in answer.figures] == [Decimal("164.30")]


def test_units_ranked_when_counted_with_jia(engine):
    answer = engine.ask("广州医保局三家单位2023年项目支出排个序")
    assert [f.value for f in answer.figures] == [Decimal("447450.25"), Decimal("25563.90"), Decimal("635.13")]


def test_the_reason_given_for_a_fall_in_income_is_not_the_one_for_spending(engine):
    answer = engine.ask("廉江2023年决算一般公共预算财政拨款收入降了97%，报告给的解释是什么")
    assert answer.intent == "reason" and answer.sources[0].line == 682  # not 第759行, which explains 支出
    assert "上年预算数包括本级财政配套医保基金收入支出数" in answer.answer


def test_a_share_hedged_with_dagai_is_a_share(engine):
    answer = engine.ask("吴川2024年基本支出和项目支出各是多少？基本支出大概占百分之几？")
    assert Decimal("65.45") in [f.value for f in answer.figures]  # 354.77 ÷ 542.07


def test_the_report_named_as_the_one_that_says_it_is_no_word_to_find(engine):
    answer = engine.ask("江门2023年自评报告里提出，2024年要推动哪个惠民保项目持续实施")
    assert "邑康保" in answer.answer
    answer = engine.ask("按江门市医保局的整体支出绩效自评报告，职工医保和居民医保基金收入各多少亿元")
    assert [f.value for f in answer.figures] == [Decimal("67.93"), Decimal("25.4")]  # not 收入 opposed by 整体支出


def test_a_city_typed_in_pinyin_anywhere_in_china_is_refused_by_name(engine):
    answer = engine.ask("Hangzhou医保局2023年办公费多少")
    assert not answer.found and "杭州" in answer.answer  # not 江门's or 吴川's 办公费
    english = engine.ask("Hong Kong 的 medical insurance 2024 budget 多少")  # an English name, no pinyin
    assert not english.found and "香港" in english.answer


def test_a_claim_called_exaggerated_asks_the_rate_it_states(engine):
    answer = engine.ask("网传江门2024年三公经费比上年下降5.07%，真有这么夸张？降幅具体多少")
    assert answer.figures[0].value == Decimal("5.07")


def test_one_thing_as_a_multiple_of_another_finds_both(engine):
    answer = engine.ask("吴川2024年基本支出是项目支出的几倍")
    assert [f.value for f in answer.figures] == [Decimal("354.77"), Decimal("187.30")]
    assert "倍数：354.77 ÷ 187.30 ≈ 1.89倍" in answer.answer
    # an earlier clause asking both, said without a comma by voice
    spoken = engine.ask("江门2024年政府采购里工程类跟服务类各是多少 服务类是工程类的几倍")
    assert [f.value for f in spoken.figures] == [Decimal("341.01"), Decimal("20.75")]
    # the two things said before "前者是后者的几倍"
    referred = engine.ask("吴川2024年基本支出和项目支出各多少？前者是后者的几倍")
    assert [f.value for f in referred.figures] == [Decimal("354.77"), Decimal("187.30")]


def test_a_fund_reserve_asked_in_everyday_words(engine):
    # 攒下的老本 is the report's 结余 and 能撑几个月 its 可支配月数
    answer = engine.ask("江门2023年末，居民医保攒下的老本还能撑几个月？")
    assert answer.found and answer.figures[0].value == Decimal("7")


def test_the_ratio_of_two_things_is_both_and_their_quotient_not_a_share(engine):
    answer = engine.ask("广州医保局2023年基本支出与项目支出之比")
    assert [f.value for f in answer.figures] == [Decimal("20071.32"), Decimal("473649.28")]
    assert "比值：20,071.32 ÷ 473,649.28 ≈ 0.04" in answer.answer
    # 对象 is no "对": a target rate of the people aided stays a percent
    target = engine.ask("江门2024年医疗救助专项资金要求重点救助对象救助比例达到多少")
    assert target.figures[0].unit == "%"


def test_budget_against_final_accounts_says_the_share_executed_and_whether_it_was_exceeded(engine):
    answer = engine.ask("廉江2023年三公经费决算有没有超出预算")
    assert [f.value for f in answer.figures] == [Decimal("4.45"), Decimal("4.45")]
    assert "两者相同" in answer.answer and "执行率：4.45 ÷ 4.45 = 100.00%，决算没有超过预算" in answer.answer


def test_two_rates_of_change_asked_together_are_each_found_and_the_faster_named(engine):
    answer = engine.ask("江门2023年自评里一般公共预算财政拨款收入和政府性基金预算财政拨款收入哪个涨得快，各增长多少")
    assert [f.value for f in answer.figures][::2] == [Decimal("37.51"), Decimal("39.48")]
    assert "变动幅度更大的是政府性基金预算财政拨款收入" in answer.answer


def test_an_answer_does_not_depend_on_the_questions_asked_before_it(engine):
    # a change's figure is relabelled with the name asked: on a copy, not on the cached unit
    asked = "江门医保局2023年一般公共预算财政拨款收入同比增长了百分之几"
    first = engine.ask(asked).answer
    engine.ask("江门医保局2023年政府性基金预算财政拨款收入比上年增长率是多少？一般公共预算的呢")
    engine.ask("江门2023年政府性基金预算财政拨款收入和一般公共预算财政拨款收入哪个增长率更高")
    assert engine.ask(asked).answer == first


def test_a_sum_asked_in_a_clause_of_its_own_is_of_the_two_things_before_it(engine):
    answer = engine.ask("廉江2023年居民精神病人和居民门特的支付各多少万元，合计多少")  # 合计多少: no third thing
    assert [f.value for f in answer.figures] == [Decimal("6681"), Decimal("4714")]
    assert "6681 + 4714 = 11,395万元" in answer.answer


def test_two_things_joined_before_a_quoted_name_are_each_found(engine):
    # "A和“B”…": the quote ends A's words; B is what follows it
    answer = engine.ask("廉江2023年追回的违规基金和“春风利剑”查处收回的违规费用一共多少")
    assert [f.value for f in answer.figures] == [Decimal("68.7"), Decimal("797.29")]
    assert "68.7 + 797.29 = 865.99万元" in answer.answer


def test_the_report_named_as_the_one_that_says_it_is_no_word_to_find(engine):
    # "自评报告怎么说": which report, and that it says so; 调价 is the report's 价格调整
    answer = engine.ask("江门2023年医疗服务价格评估完，最后启动调价了没有？自评报告怎么说")
    assert answer.found and "不符合医疗服务项目价格动态调整条件" in answer.answer


def test_a_measure_asked_is_not_its_pair_the_report_states(engine):
    # 备案 (a case filed in advance) is no 结算 (a bill settled): 廉江 prints only the first
    assert not engine.ask("廉江2023年异地就医直接结算了多少人次").found
    assert engine.ask("廉江2023年异地就医备案多少人次").figures[0].value == Decimal("4000")


def test_income_against_spending_asked_in_everyday_words_gives_both_and_their_difference(engine):
    # 收支各 / 收比支: the pair spelled out; the second side keeps the fund the first names
    answer = engine.ask("廉江2023年城镇职工医保基金收支各多少，收比支多多少")
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["3.52", "2.13"] and "多1.39亿元" in answer.answer
    # "A多还是B多": which is more of two alternatives; one label of both told apart by the side asked
    weighed = engine.ask("江门2023年职工医保基金，收进来的多还是花出去的多")
    assert [f"{f.value:f}" for f in weighed.figures[:2]] == ["67.93", "62.32"]
    assert "职工医保（收入）" in weighed.answer and "职工医保（支出）" in weighed.answer
    listed = engine.ask("廉江2023年城镇职工医保基金收入多少、支出多少")  # 支出 said alone: of the fund before 收入
    assert [f"{f.value:f}" for f in listed.figures[:2]] == ["3.52", "2.13"]
    # 比 before a year is a change asked, not two things
    assert "差额" not in engine.ask("广州医保局2023年预算比2021年增长了多少").answer


def test_a_question_typed_wholly_in_pinyin_is_read_as_the_words_it_spells(engine):
    answer = engine.ask("guangzhou yibaoju 2023 nian gongwu jiedaifei duoshao")
    assert f"{answer.figures[0].value:f}" == "4.42" and "按“年公务接待费多少”理解" in answer.answer
    change = engine.ask("jiangmen 2024 nian sangong jingfei bi shangnian jianshao le duoshao")
    assert f"{change.figures[0].value:f}" == "0.94"  # 比上年: the spaces part the words, not 年三 | 公经
    english = engine.ask("Wuchuan 2024 what is the office expense")  # English words: no pinyin, read as English
    assert f"{english.figures[0].value:f}" == "2.25" and "按“办公费”理解" in english.answer


def test_a_column_within_the_row_said_before_it_is_a_share_of_that_rows_total(engine):
    # "A中B占多少": B (a column) of A (a row) over A's own total column (本年支出合计), not over A's parent row
    answer = engine.ask("廉江2023年卫生健康支出中项目支出占比多少")
    assert [f"{f.value:f}" for f in answer.figures[:3]] == ["139.36", "20.77", "670.88"]
    assert "「本年支出合计」列" in answer.answer


def test_a_count_of_things_under_another_bound_or_measure_word_is_not_what_is_asked(engine):
    # 吴川 prints "单价在100万元以上的设备0台": a bound of 50万元 asks other machines; 车辆0辆 counts cars, not 台
    assert not engine.ask("吴川医保局单价50万元以上的设备有几台").found
    held = engine.ask("吴川医保局单价100万元以上的设备有几台")
    assert (f"{held.figures[0].value:f}", held.figures[0].unit) == ("0", "台")


def test_a_passage_asked_within_a_numbered_part_is_found_there_and_the_part_alone_still_outlined(engine):
    within = engine.ask("广州医保局2023年预算第四部分，职工社会医疗保险是什么性质的制度")
    assert within.found and within.sources[0].section == "第四部分名词解释"
    assert "实行统筹基金与个人账户相结合的基本模式" in within.answer
    part = engine.ask("广州2023年预算第三部分讲了什么内容")
    assert "包括：一、部门预算收支增减变化情况" in part.answer


def test_what_a_term_refers_to_is_its_definition(engine):
    answer = engine.ask("廉江2023年决算里三公经费指的是哪几项")  # 指的是: a definition asked
    assert answer.sources[0].line == 1278 and "公务用车购置及运行维护费和公务接待费" in answer.answer
    cantonese = engine.ask("广州医保局2023年预算对长期护理保险嘅解释系点样")  # 的解释是怎么样: its definition
    assert cantonese.sources[0].line == 764 and "十三、长期护理保险" in cantonese.answer


def test_a_joining_word_inside_a_table_title_joins_no_two_things(engine):
    answer = engine.ask("江门医保局2024年预算“行政经费及三公经费预算表”中“三公”经费合计多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["17.56"]


def test_a_row_in_a_table_per_column_has_each_columns_share_of_their_sum(engine):
    # 办公费 in 表6 (基本支出) and 表7 (项目支出): each over the two together, a sum said before not the measure asked
    answer = engine.ask("吴川医保局2024年办公费166.55万元，在基本支出和项目支出里各占多少")
    assert [f"{f.value:f}" for f in answer.figures[:4]] == ["2.25", "1.35", "164.30", "98.65"]
    assert "办公费（基本支出与项目支出合计）166.55万元" in answer.answer


def test_each_city_followed_by_its_own_year_is_asked_of_that_years_report(engine):
    answer = engine.ask("广州2023年和江门2024年的基本支出各是多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["20071.32", "2417.08"]  # not 江门's 2023 自评 too
    cars = engine.ask("比一比：广州（2023年预算）、江门（2024年预算）、廉江（2023年决算）各有几辆车？排个序")
    assert sorted(f"{f.value:f}" for f in cars.figures) == ["16", "2", "4"]  # 比一比, 排个序: how it is asked


def test_a_name_quoted_with_full_width_brackets_is_the_row_printed_with_half_width_ones(engine):
    answer = engine.ask("广州医保局2023年“广州地区医疗机构药品（医用耗材）集团采购工作经费”安排了多少")
    assert f"{answer.figures[0].value:f}" == "700.00"  # printed 药品(医用耗材)


def test_one_thing_asked_in_each_sentence_is_each_answered(engine):
    answer = engine.ask("吴川医保局2024年核定行政编制多少名？服务中心的事业编制又是多少名？")
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["10", "20"]
    both = engine.ask("江门2023年医保基金收入和支出各多少亿元？收支相抵剩多少？")  # two things, then their difference
    assert [f"{f.value:f}" for f in both.figures[:2]] == ["93.33", "89.88"] and "3.45亿元" in both.answer


def test_two_places_joined_leave_no_joining_word_to_find(engine):
    # "江门和吴川": the places are the reports, and 和 between them no word of the thing asked
    answer = engine.ask("江门和吴川医保局2024年预算收支总额各多少，江门是吴川的几倍")
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["4181.30", "542.07"] and "7.71倍" in answer.answer


def test_a_target_and_its_result_asked_in_two_sentences_are_both_answered(engine):
    # the second sentence asks only the result: of the indicator the first names
    answer = engine.ask("江门2023年“按病种分值付费病种数”指标定的是多少？实际做到多少？")
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["4000", "7700"]


def test_how_a_sum_is_split_is_each_parts_amount(engine):
    answer = engine.ask("江门医保局2024年的预算，基本支出和项目支出怎么分")
    assert [f"{f.value:f}" for f in answer.figures[:2]] == ["2417.08", "1764.22"]


def test_how_the_report_words_something_is_no_word_to_find(engine):
    # 讲到的, 关于, 是怎么讲的: how it is asked; 医保档案 is what is asked about
    answer = engine.ask("廉江市医保局2023年决算报告里讲到的问题当中，关于医保档案是怎么讲的")
    assert "医保档案资料室未能建立" in answer.answer


def test_a_term_asked_in_traditional_characters_or_everyday_words_finds_its_own_definition(engine):
    for text in ("廣州醫保局2023年預算名詞解釋：長期護理保險指什麼", "长护险是什么意思？广州医保局2023年预算的名词解释"):
        answer = engine.ask(text)  # the term as read (Simplified, 长护险 as 长期护理保险), not as typed
        assert answer.sources[0].line == 764, text


def test_words_that_choose_the_answer_type_are_read_in_simplified_characters(engine):
    # 加起來 (a sum asked), 經濟分類 (the table chosen): checked on the text in Simplified characters
    total = engine.ask("江門醫保局2024年公務接待費和公務用車運行維護費各多少，加起來是多少")
    assert "合计：2.74 + 14.82 = 17.56万元" in total.answer
    ranked = engine.ask("江門醫保局2024年按經濟分類的基本支出裡哪一項最多")
    assert "按经济分类科目" in ranked.answer.splitlines()[0]


def test_a_units_rank_asked_as_级别_is_found_by_the_ranks_the_reports_print(engine):
    answer = engine.ask("吴川医保局是什么级别")  # printed "正科级", never "级别"
    assert answer.found and "吴川市医疗保障局是市政府工作部门，正科级" in answer.answer


def test_a_story_told_before_the_question_does_not_outweigh_what_is_asked(engine):
    # the clause "我看到…报告" (folded 医疗保障 → 医保 like the rest) and the story before it set the scene
    answer = engine.ask("我在给单位写一份材料，领导反复交代只能用官方正式公开的口径，不要用网上转载的。"
                        "我看到江门市医疗保障局2023年度部门整体支出绩效自评报告，想请问一下2023年全市医保基金支出是多少亿元？")
    assert answer.found and f"{answer.figures[0].value}" == "89.88"


def test_a_joining_character_inside_a_word_joins_nothing(engine):
    # 参与: 与 ends a word, so nothing is asked of two things; 33场 shares its sentence's words with 5000余份
    for text in ("廉江医保局也参与禁毒工作，挺少见的，2023年搞了多少场禁毒宣传活动？",
                 "没想到廉江医保局也参与禁毒工作，2023年开展了多少场禁毒宣传活动？"):
        assert [f"{f.value}" for f in engine.ask(text).figures] == ["33"], text


def test_wanting_to_know_is_how_it_is_asked_not_what(engine):
    answer = engine.ask("想了解长护险。江门2023年长期护理保险参保人数有多少？")  # the report gives no such count
    assert not answer.found and "没有找到回答“江门2023年长期护理保险参保人数有多少”的数字" in answer.answer  # as typed


def test_a_whole_asked_first_and_said_again_after_占_is_the_whole(engine):
    answer = engine.ask("吴川医保局2024年机关运行经费是多少，“三公”经费占机关运行经费几成？")
    assert [f"{f.value}" for f in answer.figures] == ["10.02", "19.50", "194.55"]


def test_the_end_of_the_year_against_its_start_is_their_difference(engine):
    answer = engine.ask("廉江医保局2023年决算，年末结转和结余比年初增加了多少万元")
    assert [f"{f.value}" for f in answer.figures[:2]] == ["23.39", "21.58"] and "1.81万元" in answer.answer
    start = engine.ask("廉江医保局2023年决算的年初结转和结余同年末相比，哪个大")  # the start against the end
    assert [f"{f.value}" for f in start.figures[:2]] == ["21.58", "23.39"]


def test_one_item_of_basic_and_project_spending_added_with_加_is_summed_and_told_apart(engine):
    answer = engine.ask("吴川医保局2024年的办公费，基本支出加项目支出总共是多少？")
    assert [f"{f.value}" for f in answer.figures[:2]] == ["2.25", "164.30"]
    assert "办公费（基本支出）" in answer.answer and "合计：2.25 + 164.30 = 166.55万元" in answer.answer


def test_each_sum_a_claim_cites_roughly_is_checked_against_the_figure_in_its_range(engine):
    answer = engine.ask("听说廉江医保局2023年部门整体支出全年预算有七千多万，实际花了八百多万，这说法对吗？")
    assert [f"{f.value}" for f in answer.figures] == ["7475.38", "812.81"]  # 812.81 is in 800–900, 7475.38 not


def test_income_and_spending_compared_are_both_found_and_subtracted(engine):
    differed = engine.ask("江门2023年全市医保基金收入和支出相差多少？")  # 相差 is how, not part of 支出's name
    assert [f"{f.value}" for f in differed.figures] == ["93.33", "89.88"] and "3.45亿元" in differed.answer
    balanced = engine.ask("2023年江门居民医保基金收支相抵是多少亿元")  # 收支相抵: income less spending
    assert [f"{f.value}" for f in balanced.figures] == ["25.4", "27.56"] and "2.16亿元" in balanced.answer
    balance = engine.ask("廉江2023年城乡居民医疗保险基金收支结余有多少亿")  # 收支结余: the same
    assert [f"{f.value}" for f in balance.figures] == ["13.08", "8.13"] and "4.95亿元" in balance.answer
    assert engine.ask("江门2024年用事业基金弥补收支差额多少").figures[0].value == Decimal("0.00")  # a row's name
    weighed = engine.ask("廉江2023年城乡居民医疗保险基金收支是盈余还是亏空")  # which side is more: both
    assert [f"{f.value}" for f in weighed.figures] == ["13.08", "8.13"] and "4.95亿元" in weighed.answer


def test_局本级_listed_among_units_is_the_units_own_row(engine):
    answer = engine.ask("广州医保局2023年基本支出按单位排个序：局本级、医疗救助服务中心各多少？")
    assert [f"{f.value}" for f in answer.figures] == ["2004.49", "621.21"]  # not 局本级内设机构7个


def test_a_group_of_units_counted_is_each_of_them_and_their_sum(engine):
    answer = engine.ask("江门医保局2024年三个分局的基本支出合在一起是多少")  # not the bureau's 2417.08
    assert [f"{f.value}" for f in answer.figures] == ["240.46", "236.03", "204.19"]
    assert "合计：240.46 + 236.03 + 204.19 = 680.68万元" in answer.answer


def test_a_part_said_in_its_own_words_before_占_is_the_part_of_the_row_named_after(engine):
    answer = engine.ask("广州医保局2023年城乡居民医保财政补助占卫生健康支出的 ratio 大约是多少")
    assert [f"{f.value}" for f in answer.figures] == ["47.31", "229975.98", "486073.33"]


def test_buying_a_home_said_plainly_is_the_reports_购房(engine):
    answer = engine.ask("江门市医保局2024年帮职工买房的补贴是多少")
    assert answer.found and f"{answer.figures[0].value}" == "207.47"


def test_收入总额_is_the_income_total(engine):
    answer = engine.ask("吴川医保局2024年部门预算的收入总额是多少")
    assert f"{answer.figures[0].value}" == "542.07" and "收入总计" in answer.answer


def test_a_few_things_asked_to_be_listed_are_their_names_not_how_many(engine):
    answer = engine.ask("请把吴川医保局内设的几个股室列出来")
    assert answer.found and "办公室" in answer.answer and "没有写出这个数目" not in answer.answer


def test_an_item_in_a_table_named_by_its_part_is_that_parts_row(engine):
    # "基本支出…明细" names no printed title, but says whose rows: the 基本支出 table's, not the 三公 table's 4.45
    answer = engine.ask("廉江医保局2023年决算里，基本支出公用经费明细中的公务用车运行维护费有多少")
    assert f"{answer.figures[0].value}" == "2.79" and answer.figures[0].table == 6


def test_a_sum_asked_in_a_foreign_currency_is_refused_with_the_sum_in_yuan(engine):
    answer = engine.ask("江门医保局2024年三公经费换算成港币是多少")
    assert not answer.found and answer.answer.startswith("报告的金额都以人民币") and "17.56" in answer.answer


def test_a_subsidy_paid_into_a_fund_is_not_the_funds_income(engine):
    answer = engine.ask("广州2023年城乡居民医保基金的收入有多少亿元")  # 广州's report states the subsidy alone
    assert not answer.found


def test_the_names_of_outside_bodies_asked_each_are_not_printed(engine):
    answer = engine.ask("江门2023年处理的那449家违法违规机构都叫什么名字")
    assert not answer.found and answer.answer.startswith("报告不写供应商、中介机构、定点机构的名称")


def test_a_hospital_whose_name_begins_like_a_held_unit_is_not_that_unit(engine):
    answer = engine.ask("江门市中心医院2024年人员经费是多少")  # not 江门市医疗保障事业管理中心 said short
    assert not answer.found and answer.answer.startswith("报告是医疗保障局的部门预算、决算和绩效自评") \
        and "事业管理中心" not in answer.answer


def test_units_left_out_in_brackets_are_neither_asked_nor_answered(engine):
    answer = engine.ask("江门医保局局本级（除了蓬江、江海、新会三个分局）2024年培训支出是多少")
    assert [f"{f.value}" for f in answer.figures] == ["26.03"]


def test_a_units_place_among_the_governments_departments_is_its_rank_passage(engine):
    answer = engine.ask("吴川医保局在政府序列里是什么定位")
    assert answer.found and "吴川市医疗保障局是市政府工作部门，正科级" in answer.answer


def test_a_ranking_leaves_out_a_figure_of_another_measure_and_says_so(engine):
    answer = engine.ask("江门医保局2024年车辆、办公费、差旅费按从大到小排一下")  # 4辆 is no sum in 万元
    assert [f"{f.value}" for f in answer.figures] == ["30.85", "6.94"] and "车辆没有找到同一计量单位的数字" in answer.answer


def test_a_verb_saying_the_report_states_it_is_not_a_word_asked(engine):
    answer = engine.ask("广州医保局2023年预算、江门医保局2024年预算各自报有几辆车")  # 报 is not 报废更新2辆
    assert [f"{f.value}" for f in answer.figures] == ["16", "4"]


def test_a_units_rank_is_not_read_from_the_paragraph_on_another_unit(engine):
    answer = engine.ask("江门市医疗保障局是个什么级别")  # not its 事业管理中心's 正科级
    assert "正处级" in answer.answer and not answer.answer.split("原文：")[1].lstrip("\n“").startswith("江门市医疗保障事业管理中心")


def test_the_askers_own_words_do_not_hide_the_change_of_an_item_read(engine):
    answer = engine.ask("吴川医保局2024年机关运行经费这涨幅简直离谱，给同学们讲讲增长了百分之多少")
    assert answer.found and f"{answer.figures[0].value}" == "4262.11"


def test_two_names_sharing_the_head_said_once_are_both_answered(engine):
    answer = engine.ask("吴川24预算 基本/项目支出")
    assert [f"{f.value}" for f in answer.figures] == ["354.77", "187.30"]


def test_a_funds_income_and_spending_said_as_verbs_are_both_answered(engine):
    answer = engine.ask("廉江2023年城镇职工医保基金是收得多还是用得多")
    assert [f"{f.value}" for f in answer.figures] == ["3.52", "2.13"]


def test_things_asked_each_in_a_clause_are_answered_where_stated_and_the_rest_said_missing(engine):
    answer = engine.ask("江门2023年全市医保基金收入多少，支出多少，当年结余是多少")
    assert [f"{f.value}" for f in answer.figures] == ["93.33", "89.88"] \
        and "“当年结余是多少”：报告中没有找到这个数字" in answer.answer


def test_a_share_shows_the_other_parts_that_make_up_the_whole(engine):
    answer = engine.ask("吴川医保局2024年项目支出占支出总计的比例")
    assert [f"{f.value}" for f in answer.figures] == ["34.55", "187.30", "542.07", "354.77"] \
        and "其余部分：基本支出354.77万元，占65.45%" in answer.answer  # 事业单位经营支出0: no part shown
    three = engine.ask("江门2024年公务接待费占三公经费的比例")  # the rows beside it under 三公经费; 出国 0.00 left out
    assert [f"{f.value}" for f in three.figures[3:]] == ["14.82"]


def test_an_item_asked_of_a_group_of_units_is_each_units_row_of_it(engine):
    answer = engine.ask("江门医保局局本级和三个分局2024年专家劳务费加在一起是多少")
    assert [f"{f.value}" for f in answer.figures][:3] == ["14.06", "12.40", "1.54"] and "28.00万元" in answer.answer \
        and "江门市医疗保障局本级没有单列" in answer.answer  # its own row has none: said, not filled from prose
    own = engine.ask("江门医保局本级和三个分局2024年医疗保障工作法律顾问费各多少")
    assert [f"{f.value}" for f in own.figures][:4] == ["5.00", "2.00", "2.00", "1.90"]


def test_budget_and_final_amounts_asked_with_their_rate_are_the_amounts_first(engine):
    answer = engine.ask("廉江医保局2023年三公经费的预算数和决算数分别多少？执行率是多少？")  # not the 100% stated alone
    assert [f"{f.value}" for f in answer.figures] == ["4.45", "4.45"] and "执行率：4.45 ÷ 4.45 = 100.00%" in answer.answer


def test_a_share_of_a_whole_named_before_its_part_in_words_no_row_has(engine):
    answer = engine.ask("广州医保局2023年政府采购里货物类占了多大比重")  # both sums are in the prose
    assert [f"{f.value}" for f in answer.figures] == ["3.01", "123.39", "4100.27"]


def test_a_sum_asked_at_the_end_as_加起来呢_is_given(engine):
    answer = engine.ask("吴川2024年基本支出和项目支出各多少？加在一起呢")
    assert [f"{f.value}" for f in answer.figures][:2] == ["354.77", "187.30"] and "354.77 + 187.30 = 542.07万元" in answer.answer


def test_words_before_the_first_of_two_things_asked_in_turn_are_of_both(engine):
    answer = engine.ask("江门2023年医保基金收入职工医保多少，居民医保多少")  # not the 居民医保 count of insured
    assert [f"{f.value}" for f in answer.figures] == ["67.93", "25.4"]


def test_a_number_in_a_paragraph_on_a_quoted_indicator_carries_that_indicator(engine):
    answer = engine.ask("江门医保局2023年自评里“宣传活动场次≥2场/年”这个指标下面，微信推送了多少期？")
    assert [f"{f.value}" for f in answer.figures] == ["520"]  # said in the paragraph's second sentence


def test_a_long_name_typed_with_one_character_of_a_like_shape_is_read_and_said_so(engine):
    answer = engine.ask("吴川医保局2024年医疗保障部门信息化建没运维经费预算了多少")  # 没 for 设: both hold 殳
    assert "按“医疗保障部门信息化建设运维经费”理解" in answer.answer and [f"{f.value}" for f in answer.figures] == ["5.00"]


def test_an_amount_asked_then_a_remark_with_啥都_gives_the_amount(engine):
    answer = engine.ask("吴川医保局2024年预算的邮电费是多少？是不是啥都靠寄")
    assert [f"{f.value}" for f in answer.figures] == ["2.16"]


def test_every_clause_of_a_sentence_about_the_asker_names_nothing_asked(engine):
    answer = engine.ask("老师好，我是某校学生，正在写关于办公费管理的作业。请问吴川医保局2024年邮电费预算多少？")
    assert [f"{f.value}" for f in answer.figures] == ["2.16"]  # not 办公费 too, the homework's topic


def test_a_claim_asked_then_its_exact_figure_asked_of_it_names_the_thing_asked(engine):
    answer = engine.ask("江门医保局2024年三公经费降了5%？？真的假的，准确的下降百分比是多少")
    assert [f"{f.value}" for f in answer.figures] == ["5.07"]  # 三公经费, said only in the claim


def test_a_county_asked_in_its_citys_report_is_not_answered_by_the_whole_citys_figure(engine):
    answer = engine.ask("江门医保局2023年自评里，开平市的职工医保参保人数是多少")
    assert not answer.found and answer.figures == []  # 170.12万人 is 全市's: shown as such
    assert answer.answer.startswith("报告没有单列开平市的数字，只载明全市的") and "170.12万人" in answer.answer


def test_a_project_several_units_list_is_quoted_from_the_unit_named(engine):
    answer = engine.ask("江门医保局2024年预算里江海分局的医疗保障工作专家劳务费是用来干什么的")
    assert answer.sources[0].line == 1375 and "1.54万元" in answer.answer  # not 蓬江分局's 12.40万元 project


def test_a_pair_asked_after_a_claim_passed_on_is_the_pair_asked(engine):
    answer = engine.ask("据说廉江城乡居民医保2023年入不敷出，廉江医保局决算说明里城乡居民医保基金收支各是多少")
    assert [f"{f.value}" for f in answer.figures] == ["13.08", "8.13"]  # both sides, not the claim's pair


def test_the_asker_and_their_family_joined_by_和_are_no_two_things_asked(engine):
    answer = engine.ask("我和孩子他妈都在江门交职工医保，2023年江门职工医保基金收入和支出各是多少亿元？")
    assert [f"{f.value}" for f in answer.figures] == ["67.93", "62.32"]  # the fund's two sides, not 我 and 孩子他妈


def test_a_whole_explained_as_its_parts_加起来的_gives_the_sum_first(engine):
    answer = engine.ask("吴川医保局2024年预算行政事业单位医疗是多少 行政单位医疗事业单位医疗两个加起来的")
    assert [f"{f.value}" for f in answer.figures] == ["10.73", "4.74", "5.99"] and "4.74 + 5.99 = 10.73万元" in answer.answer


def test_the_top_three_of_each_unit_is_a_ranking_of_the_units(engine):
    answer = engine.ask("江门2024年各单位的项目支出排前三的是哪些单位")
    assert [f"{f.value}" for f in answer.figures][:2] == ["1304.74", "368.57"]


def test_which_of_several_cities_has_most_of_a_thing_no_row_names_is_a_ranking(engine):
    answer = engine.ask("广州、江门、廉江医保局谁的车辆最多？车辆数排一下")
    assert answer.answer.startswith("按车辆从高到低") and [f"{f.value}" for f in answer.figures] == ["16", "4", "2"]


def test_each_of_two_items_changes_asked_as_各怎么变_are_both_given(engine):
    answer = engine.ask("江门2024年三公经费和机关运行经费比上年各怎么变")
    assert [f"{f.value}" for f in answer.figures] == ["0.94", "17.56", "27.64", "310.82"]


def test_a_change_asked_in_english_words_is_the_change(engine):
    answer = engine.ask("Jiangmen 2024 三公经费 decrease percentage?")
    assert answer.found and f"{answer.figures[0].value}" == "5.07"


def test_a_ranking_says_which_city_named_has_no_report_of_the_year(engine):
    answer = engine.ask("广州、吴川、廉江2023年住房公积金排个序")
    assert [f"{f.value}" for f in answer.figures] == ["1486.79", "50.52"] and "吴川没有2023年的报告，未参与比较" in answer.answer


def test_the_month_of_a_date_is_answered_by_the_sentence_that_dates_it(engine):
    answer = engine.ask("廉江医保局2023年的打击欺诈骗保宣传月放在几月")
    assert answer.found and not answer.figures and "将2023年4月定为" in answer.answer


def test_two_things_joined_and_summed_are_each_found_and_added(engine):
    answer = engine.ask("江门2024年医疗救助专项资金和医疗保障业务资金合起来多少钱")
    assert [f"{f.value}" for f in answer.figures] == ["340.00", "761.34"] and "340.00 + 761.34 = 1101.34万元" in answer.answer


def test_a_count_of_other_things_or_of_visits_does_not_answer_how_many_of_a_thing(engine):
    answer = engine.ask("廉江市医保局2023年按病种分值付费的病种有多少个")
    assert not answer.found  # not 设置4个窗口 nor 7000人次, the numbers of its sentences that name 病种


def test_a_share_asked_as_占比_of_a_whole_said_before_中_is_that_whole_in_the_prose(engine):
    answer = engine.ask("廉江2023年城乡居民医保基金支出当中，住院费用占比约多少")
    assert answer.found and answer.figures[0].unit == "%" and f"{answer.figures[2].value}" == "8.13"


def test_a_share_of_sums_printed_in_万元_and_亿元_is_taken_in_one_unit(engine):
    answer = engine.ask("廉江2023年城乡居民医保基金支出当中，门诊费用占比大约多少")
    assert [f"{f.value}{f.unit}" for f in answer.figures] == ["5.73%", "4657.75万元", "8.13亿元"]
    assert "4657.75万元 ÷ 81,300.00万元" in answer.answer


@pytest.mark.parametrize("text, values", [
    pytest.param("听说廉江医保服务大厅还不到100平方米，2023年决算里写的面积到底是多少", ["90"],
                 id="a number said with its unit is no code"),
    pytest.param("广州2023年和江门2024年的三公经费，跟上一年比各变了多少", ["27.5", "85.72", "0.94", "17.56"],
                 id="each place's change in a year of its own"),
    pytest.param("廉江2023年决算，医疗保障管理事务下面的行政运行花了多少", ["145.26"],
                 id="a row printed under several parents: the one under the parent said"),
    pytest.param("江门2024年预算的基本支出，医疗保障事业管理中心下面人员类是多少", ["923.23"],
                 id="a row printed under each unit: the unit said"),
    pytest.param("江门2024年预算里，蓬江分局的基本支出中人员类占几成", ["92.22", "217.66", "236.03"],
                 id="a share of a unit takes the part printed under it"),
    pytest.param("吴川医保局2024年项目支出里，商品和服务支出占项目支出多少", ["90.39", "169.30", "187.30"],
                 id="占 before a whole the question names asks a share"),
    pytest.param("江门2024年基本支出预算表里，局本级与医疗保障事业管理中心的基本支出分别多少", ["739.26", "997.15"],
                 id="局本级 beside another unit is its own subtotal, not a branch's"),
    pytest.param("我外婆问江门全市医保基金2023年收入和支出分别多少", ["93.33", "89.88"],
                 id="the one a question is asked for is no word of what is asked"),
    pytest.param("吴川医保局2024年预算的公务用车运行维护费是不是多过购置费，两项各几多", ["0.00", "18.00"],
                 id="A是不是多过B is asked as A比B多吗"),
    pytest.param("广州2023年养公车花了多少", ["45.30"], id="养公车 is 公务用车运行维护费"),
    pytest.param("廉江2023年决算基本支出中，人员经费、公用经费分别多少？人员经费占基本支出的比重呢",
                 ["658.63", "14.82", "97.80"], id="A和B各多少，A占比多少: the share is of A, said again"),
    pytest.param("吴川2024年公车每年的运行维护费预算多少", ["0.00"],
                 id="an item said in two pieces (公车 … 运行维护费) is the narrower item"),
    pytest.param("廉江医疗保险局2023年决算的三公经费是多少", ["4.45"],
                 id="a held unit called by a near name (医疗保险局) is read as it"),
    pytest.param("问下哈，吴川医保局2024年那份预算里写着单位有十来辆车吗，具体几辆", ["0"],
                 id="filler (问下哈), the report cited as speaker (那份预算里写着) and a guess's measure word ask nothing"),
    pytest.param("江门医保中心2023年全市职工医保参保多少人", ["170.12"],
                 id="a figure of the whole city (全市…) answers for the city's centre (医保中心), not for a branch"),
    pytest.param("江门2023年全市医保基金收入和支出差很多，这两个数对得上吗？各是多少", ["93.33", "89.88"],
                 id="how two things compare (差很多) and the two named again (这两个数) are no words of either"),
    pytest.param("廉江2023年决算里财政拨款的年末结转结余有多少", ["23.36"],
                 id="a fund said with a row is the row printed with that fund (年末财政拨款结转和结余), its total"),
    pytest.param("江门医保局2024年打算花多少钱买服务？我是说政府采购里服务类那块", ["341.01"],
                 id="what the asker says they mean (我是说…那块) says what is asked, in the report's words"),
    pytest.param("廉江医保局有几台车？", ["2"], id="几台车 counts vehicles (辆), not machines (设备0台)"),
    pytest.param("网上说江门2023年曝光了200例典型案例，自评报告里是多少例？", ["111"],
                 id="a claim's number before a measure word (200例) is no code, and the claim's figure is checked"),
    pytest.param("廉江2023年城镇职工医保基金收入三亿多，支出也差不多两亿，具体各多少", ["3.52", "2.13"],
                 id="各多少 naming nothing asks each thing the parts before it name"),
    pytest.param("江门医保局2024年公务用车购置费0万、运行维护14.82万，和三公表一致吗？", ["0.00", "14.82"],
                 id="figures put to be checked (…一致吗) are the answer; 三公表 is a table; 运行维护 after a sum shares 公务用车"),
    pytest.param("廉江医保局2023年决算，行政运行在收入决算表和支出决算表里各是多少？", ["35.19", "35.19"],
                 id="a table named after 在 is that table's title alone (在收入决算表)"),
    pytest.param("广州医保局2023年光办公、业务用房维护维修就要花几个钱", ["503.90"],
                 id="光…就 (only), 花几个钱 (how much) ask nothing, and a row's words keep their 用 (业务用房)"),
    pytest.param("江门医保局2024年的支出，基本的和项目的各多少", ["2417.08", "1764.22"],
                 id="kinds of a thing said before, by 的 alone (支出，基本的和项目的), are that thing's kinds"),
    pytest.param("吴川医保局2024年的预算，总额有多少？", ["542.07"],
                 id="a report's total said apart from its kind (预算，总额) is its 支出合计"),
    pytest.param("江门医保局2024年公务用车购置费同运行维护费边样高", ["0.00", "14.82"],
                 id="Cantonese 边样 is 哪样, and with it 同 joins the two things compared"),
    pytest.param("江门医保局2024年江海分局基本支出（人员类加公用经费类）合共多少", ["204.19", "189.90", "14.29"],
                 id="parts summed with 合共 ask the sum first: the parts' own subtotal row, then the parts"),
    pytest.param("江门2024年医疗保障管理事务的基本支出和项目支出加起来，对得上总数吗", ["2623.22", "1616.85", "1006.37"],
                 id="two columns of one row summed are checked against that row's total column"),
    pytest.param("廉江医保局2023年决算的人员经费合计是多少万元？人员经费和公用经费我都想讲讲", ["658.63"],
                 id="合计 inside a row's name (人员经费合计) asks no sum"),
    pytest.param("廉江医保局2023年决算中其他医疗保障管理事务支出的收入决算数与支出决算数相等吗", ["68.47", "68.45"],
                 id="a report's totals said right after a row (的收入决算数与支出决算数) are that row's, in each table"),
    pytest.param("广州2023、吴川2024两家医保局的三公经费哪个多", ["85.72", "19.50"],
                 id="a count after a place's year (2023两家) is no digit of the year"),
    pytest.param("廉江医保局2023年决算表2里医疗保障管理事务的本年收入合计，跟表3该科目的本年支出合计差多少", ["621.14", "619.33"],
                 id="该科目/同一科目 is the row named before, in the other table"),
    pytest.param("江门医保局2024年的工会金费多少", ["17.30"],
                 id="a typo by fuzzy pinyin (jin for jing; can for chan) is read as the word the reports print"),
    pytest.param("广州医保局 how many vehicles, 2022 year-end", ["16"],
                 id="'2022 year-end' is 2022年底, and vehicles 车辆, in English"),
    pytest.param("江门2023年自评，一般公共预算财政拨款收入和政府性基金预算财政拨款收入各增长了百分之几", ["37.51", "39.48"],
                 id="a clause naming only the report does not make the change asked of each one thing's"),
    pytest.param("廉江医保局2023年决算里项目支出约占支出合计几成", ["17.15", "139.36", "812.81"],
                 id="约占 (roughly) asks the share: 约 is no word the part must account for (not 节约, 约谈)"),
    pytest.param("廉江医保局的服务大厅究竟多大", ["90"],
                 id="how big a room is (大厅多大) asks its area"),
    pytest.param("江门医保局的本年收入：2024年部门预算数、2023年度自评报告的数各多少", ["4181.30", "26336.8"],
                 id="部门预算数 names the budget (预算数 alone is a column of any report)"),
    pytest.param("填空：吴川市医疗保障局核定机关行政编制____名。", ["10"],
                 id="a quiz's blank with a unit after it asks the figure in that unit"),
    pytest.param("吴川2024年预算，医疗保障管理事务：基本支出是多少万元，项目支出是多少万元？", ["253.79", "187.30"],
                 id="one row, a column asked in each clause: both columns"),
    pytest.param("廉江2023年决算，年末结转和结余、年末财政拨款结转和结余分别是多少", ["23.39", "23.36"],
                 id="a column's name inside a row's (年末财政拨款结转和结余) asks no column of the other row"),
    pytest.param("吴川医保局设副局长4名，对吗？", ["3"],
                 id="a count stated as a claim to check (4名，对吗) asks the count the report prints"),
    pytest.param("江门2023年居民医保基金收入多少、支出多少亿元？（整体支出绩效自评）", ["25.4", "27.56"],
                 id="the report named in brackets after the question (（整体支出绩效自评）) names nothing asked"),
    pytest.param("廉江医保局2023年决算里，差旅费占了多少经费？", ["0.05"],
                 id="占了多少经费 asks how much money it takes, not a share"),
    pytest.param("廉汪医保局2023年决算的住房公积金多少", ["50.52"],
                 id="a place typed with a character of like shape right before its bureau (廉汪医保局) is the place"),
    pytest.param("江门市医保局2023年绩效自评中，职工医保基金支出了多少？", ["62.32"],
                 id="绩效自评中 names the report asked, not words its figure's sentence prints"),
    pytest.param("江门2023年部门绩效自评上写的居民医保基金收入多少", ["25.4"],
                 id="部门绩效自评上 names the report asked"),
    pytest.param("江门医保局2024年三公经费比上年减少了多少？是什么原因", ["0.94"],
                 id="an amount asked in a clause before the one asking why is answered, its reason beside it"),
    pytest.param("江门2023年职工医保基金收支对比：收入和支出各多少", ["67.93", "62.32"],
                 id="a pair said as one (收支) and how it is compared (对比) are no words of either side asked"),
    pytest.param("尊敬的廉江市医疗保障局：贵局2023年整体支出的全年预算数与执行数各是多少？烦请告知。", ["7475.38", "812.81"],
                 id="courtesies (尊敬的, 贵局, 烦请告知) are no words to look for"),
    pytest.param("广州医保局2023年基本支出里的基本工资大约多少亿", ["2168.00"],
                 id="a row named asked in 亿 is answered in its 万元, not by a larger row (工资福利支出)"),
    pytest.param("江门医保局2024年政府采购一共几个亿", ["390.13"],
                 id="an item named asked in 亿 is answered though it is under a hundred million yuan"),
    pytest.param("wc医保局2024年基本支出里办公费多少", ["2.25"],
                 id="a held place typed by its pinyin initials (wc: 吴川) is that place"),
    pytest.param("江门医保局2023年绩效自评，DIP病种数的指标值是多少，实际做到了多少", ["7700"],
                 id="实际做到了 asks the result; the report states it in its own verb (优化至)"),
    pytest.param("广州市医保局2023年给群众举报骗保发的奖励金预算多少", ["20.00"],
                 id="a row holding the row named (奖励金) and a word said before it (举报) is the one meant"),
    pytest.param("广州医保局2023年公务用车购置 CAPEX 和运行维护 OPEX 分别多少", ["36.00", "45.30"],
                 id="an English acronym glossing the Chinese (CAPEX) does not split the item its words share"),
    pytest.param("Wuchuan 2024 basic and project expenditure 各多少", ["354.77", "187.30"],
                 id="two English modifiers share the head after them (basic and project expenditure)"),
    pytest.param("广州医保局2023年的绩效工资是多少，凭什么发这么多", ["130.90"],
                 id="凭什么 after the amount asked asks why, not for words: the figure, then the reason if any"),
    pytest.param("广州医保局2023年机关运行经费比上年增长了20%，是吗", ["8.8"],
                 id="a rate put to be checked (…增长了20%，是吗) asks the rate the report states"),
])
def test_figures_asked_in_other_ways(engine, text, values):
    assert [f"{f.value}" for f in engine.ask(text).figures][:len(values)] == values


@pytest.mark.parametrize("text, said", [
    pytest.param("广州2023年项目支出里面，对个人和家庭的补助的比重是多少", "工资福利支出7.00万元，占不足0.01%",
                 id="a part too small to round to a hundredth is said to be under it"),
    pytest.param("廉江医保局2023年决算里，监管力量上是什么问题", "我市医保基金监管力量还比较薄弱",
                 id="什么问题 of a matter is the report's problems passage"),
    pytest.param("Why 江门 2023 职工医保 people number went up?", "“went up”按“增加”理解",
                 id="English words of a change (went up) are read as the reports' (增加)"),
    pytest.param("江门医保局2024年对智能监控有什么打算？", "拓展智能监控应用",
                 id="a year's plan its own report lacks is read from the report of another year that names it"),
    pytest.param("广州医保局底下管着的单位都有哪些", "下属单位具体包括：广州市医疗保险服务中心",
                 id="下面/底下管着 is 下属"),
    pytest.param("江门医保局2024年支出预算比上年多了，钱都去哪了？", "主要原因是人员经费预算正常增加",
                 id="钱去哪了 after a change asks its reason"),
    pytest.param("广州医保局2023年公务用车购置费和公务用车购置及运行维护费加起来多少",
                 "「公务用车购置及运行维护费」81.30万元已包含「公务用车购置费」36.00万元，两者不能相加",
                 id="a part and the row it lies under are not added up"),
    pytest.param("吴川医保局2024年公务接待费预算多少？另外今年要接待多少批客人",
                 "公务接待费1.50万元（表8《财政拨款安排的行政经费及“三公”经费预算表》",
                 id="of two questions in one, the one the reports answer is answered"),
    pytest.param("吴川医保局2024年公务接待费预算多少？另外今年要接待多少批客人",
                 "（“另外今年要接待多少批客人”：报告中没有找到。）",
                 id="of two questions in one, the one the reports do not answer is said to be unanswered"),
    pytest.param("填空：吴川医保服务中心是______，核定事业编制20名。", "吴川市医疗保障服务中心是广东省吴川市医疗保障局下属事业单位",
                 id="a quiz's blank with no unit asks what it stands for: the paragraph saying it, though it opens on the 局"),
    pytest.param("江门医保局2023年装修了办公的地方，位置在哪？", "位于江门市蓬江区建设三路",
                 id="where a place is (位置在哪) is where the report says it lies (位于)"),
    pytest.param("江门2023年自评：全市现场检查了多少家两定机构，处理了多少家违法违规机构？查处的比例大约多少？",
                 "（“查处的比例大约多少”：报告中没有找到。）",
                 id="of sentences in one, a measure of its own that names nothing printed is said to be unanswered"),
    pytest.param("我想问下，吴川医保局2024年给多少家药店发了牌照呀？", "没有找到回答“吴川医保局2024年给多少家药店发了牌照呀”的数字",
                 id="a figure no report states is refused quoting the clause that asks, as typed"),
    pytest.param("廉江医保局2023年1至12月城乡居民医保基金支出多少亿元", "报告没有截至12月的数字（原文写的是截至10月）",
                 id="months from January (1至12月) ask a figure to their last month: the report's runs to October"),
    pytest.param("廉江医保局2023年决算的三公经费在第几张表", "“三公”经费列在表9《财政拨款“三公”经费支出决算表》",
                 id="第几张表 asks which table prints a thing, not how many tables there are"),
    pytest.param("广州2023年预算名词解释部分，医疗救助写的包含异地就医吗", "（含异地就医）",
                 id="a section named (名词解释) comes before the 绩效目标 of a project its term begins"),
    pytest.param("广州市医保局职责里关于医疗救助资金写了什么", "负责医疗救助资金的分配和监管工作",
                 id="a section named (职责) comes before the 绩效目标 of a project its term begins, too"),
    pytest.param("江门2024年预算里江海分局的职能是什么", "主要承担辖区内有关具体医疗保障工作",
                 id="a unit's duties said as what it 承担, with no word 职责 or 职能 in the passage"),
    pytest.param("江门医保局2024年举报奖励经费是依据哪个文件发放的", "根据《违法违规使用医保基金举报奖励办法》",
                 id="the basis asked (依据) is what the report says it does 根据"),
    pytest.param("廉江 2023 决算 problems 有哪些", "未能建立",
                 id="a topic said in English (problems: 存在问题) is the report's section of it"),
    pytest.param("廉江医保局2023年决算里，对经办服务大厅的问题是如何描述的", "医保业务量与工作环境严重不配",
                 id="how the report describes it (如何描述, 怎么形容) asks for its words, not for the words 描述 or 形容"),
    pytest.param("吴川市医疗保障局主要负责什么", "主要职责是承担城镇职工和城乡居民基本医疗保险",
                 id="a project's text naming who 负责 a task (由…机构负责，) is no statement of the unit's duties"),
    pytest.param("吴川医保局2024年行政运行的合计、基本支出、项目支出各是多少",
                 "报告所列「行政运行」为278.54万元（与逐项相加相等）",
                 id="the total listed with a row's columns is its printed 合计, beside the parts' sum"),
])
def test_the_answer_says(engine, text, said):
    assert said in engine.ask(text).answer


def test_is_it_or_not_asks_and_names_nothing():
    assert rank.content_words(understand("江门医保局2024年的三公经费是不是比上年少")) == "三公经费 比上年少"


def test_a_rate_guessed_in_tenths_and_a_claim_asked_about_are_no_words_of_what_is_asked():
    assert rank.content_words(understand("广州2023年预算说是比上年涨了两成，真的吗？增长百分之几")) == "预算 比上年涨 增长"


def test_words_of_whom_a_question_is_asked_for_are_dropped_only_as_such():
    assert rank.content_words(understand("帮我爸查一下江门2024年三公经费")) == "三公经费"
    assert "对外公布" in rank.content_words(understand("江门的价格监测信息是怎么对外公布的"))  # 外公 inside it


def test_a_half_year_asked_is_answered_by_its_months_as_printed(engine):
    answer = engine.ask("江门2023年下半年发布了多少期价格监测信息")
    assert answer.found and f"{answer.figures[0].value}" == "6"  # "2023年7-12月已发布了6期"


def test_a_kind_of_report_not_held_for_the_year_is_refused_showing_the_year_s_other_report(engine):
    answer = engine.ask("吴川医保局2024年决算里公务接待费实际花了多少")  # only its 2024 budget is held
    assert not answer.found and "没有吴川2024年部门决算" in answer.answer
    assert "部门预算：公务接待费" in answer.answer and not answer.figures  # shown as the budget's, not as the answer


def test_what_was_saved_is_not_a_fund_spent_on_the_work(engine):
    assert not engine.ask("广州2023年集采一共给群众省下多少钱").found  # no report states a saving;
    # its 集中采购工作经费 is money spent on the work
    change = engine.ask("江门2024年公务接待费比上年省了多少")  # a change asked as saved: still the change
    assert change.found and f"{change.figures[0].value}" == "0.16"


def test_a_figure_counted_to_another_month_than_asked_is_shown_not_given(engine):
    answer = engine.ask("廉江2023年截至12月底城乡居民医保基金收入有多少")  # the report counts it to 10月底
    assert not answer.found and "报告没有截至12月的数字（原文写的是截至10月）" in answer.answer
    assert "13.08亿元" in answer.answer  # what is held, shown
    told = engine.ask("廉江2023年城乡居民医保基金支出，1到12月整年的是多少？截止10月底的我看过了")
    assert not told.found and "报告没有截至12月的数字" in told.answer  # the month told of is not the one asked
    bound = engine.ask("廉江2023年城乡居民医保基金收入是不是超过了12亿")  # whether it passes a bound: the amount
    assert bound.found and f"{bound.figures[0].value}" == "13.08"


def test_a_table_named_in_brackets_after_a_row_leaves_the_row_asked(engine):
    answer = engine.ask("廉江医保局2023年决算：年初结转和结余（决算总表）和年末结转和结余各多少")
    assert [f"{f.value}" for f in answer.figures[:2]] == ["21.58", "23.39"]  # not the one row after the brackets


def test_an_adjusted_budget_is_a_final_accounts_budget_column(engine):
    answer = engine.ask("廉江2023年决算里公务用车运行维护费的调整预算是多少")
    assert answer.figures[0].column.startswith("预算数/")  # the 决算's 预算数 is the budget as adjusted,
    assert not [f for f in answer.figures if f.column and f.column.startswith("决算数/")]  # no budget vs actual


def test_a_refused_claim_is_quoted_back_whole_not_by_its_tag(engine):
    answer = engine.ask("网传吴川医保局2024年局长年薪有60万元，真的吗？")
    assert not answer.found and "“网传吴川医保局2024年局长年薪有60万元，真的吗”" in answer.answer


def test_a_column_named_in_the_tables_own_words_is_read_with_a_rows_code(engine):
    other = engine.ask("廉江2023年决算表2里2101599这行的其他收入是多少")  # 其他收入: a column of 收入决算表
    assert f"{other.figures[0].value}" == "0.02" and other.figures[0].column == "其他收入"
    quoted = engine.ask("廉江2023年决算表2里2101506的“财政拨款收入”是多少")  # a column quoted: not refused
    assert quoted.found and quoted.figures[0].column == "财政拨款收入"


def test_an_amount_asked_with_where_it_is_printed_is_the_figure_its_citation_says_where(engine):
    answer = engine.ask("江门2024年预算新会分局的医疗保障安全举报奖励费多少钱？在哪张表")
    assert f"{answer.figures[0].value}" == "0.10" and answer.figures[0].table == 12  # the project, not the unit's 小计
    where = engine.ask("广州2023年政府采购在预算说明哪部分")  # a part named between 在 and 哪部分
    assert where.found and "「四、政府采购情况」一节" in where.answer


def test_a_count_asked_yes_or_no_is_the_count_to_check_it_against(engine):
    staff = engine.ask("吴川医保局2024年预算里，行政编制是不是只核了8名？")
    assert f"{staff.figures[0].value}" == "10" and staff.figures[0].unit == "名"
    cars = engine.ask("廉江2023年决算，公务用车是不是只有1辆")
    assert f"{cars.figures[0].value}" == "2" and cars.figures[0].unit == "辆"  # the count, not the cars' money


def test_a_bound_put_to_a_sum_is_no_word_the_sum_is_said_with(engine):
    answer = engine.ask("江门2023年自评里，职工医保基金支出是否超过了60亿元？")  # 超过: the bound's word, not the report's
    assert answer.found and f"{answer.figures[0].value}" == "62.32"


def test_a_thing_counted_with_the_generic_measure_is_counted_in_its_own(engine):
    answer = engine.ask("吴川医保局2024年预算，单位有多少个公车")  # 个 said; 车 is counted in 辆
    assert answer.found and (f"{answer.figures[0].value}", answer.figures[0].unit) == ("0", "辆")


def test_a_funds_balance_asked_as_a_verdict_weighs_its_two_sides(engine):
    answer = engine.ask("廉江2023年城乡居民医保基金有没有入不敷出")
    assert [f"{f.value}" for f in answer.figures[:2]] == ["13.08", "8.13"]  # income, then spending


def test_a_whole_said_by_the_other_side_alone_is_the_parts_own_things(engine):
    answer = engine.ask("廉江2023年城乡居民医保基金支出占收入几成")  # 收入: the fund's, not the bureau's
    assert [f"{f.value}" for f in answer.figures[:3]] == ["62.16", "8.13", "13.08"]  # the share, its part, its whole


def test_a_name_the_reports_print_in_quotes_is_read_from_a_typo_or_its_pinyin(engine):
    typo = engine.ask("江门2023年自评里一康保项目下一步要怎么做")  # “邑康保” is printed in quotes, in no row or heading
    assert "“一康保”按“邑康保”理解" in typo.answer and "推动“邑康保”项目可持续实施" in typo.answer
    spelled = engine.ask("廉江2023年决算，the chun feng li jian campaign 查处收回了多少违规费用")  # among English words
    assert "“chun feng li jian”按“春风利剑”理解" in spelled.answer and f"{spelled.figures[0].value}" == "797.29"


def test_whether_a_thing_covers_another_is_asked_of_its_words_with_a_year_said(engine):
    answer = engine.ask("吴川2024年预算里，机关运行经费包不包括印刷费？")  # the year is no figure stated
    assert answer.found and not answer.figures and "具体包括：办公费、印刷费" in answer.answer


def test_a_funds_flow_said_finer_is_not_the_departments_own(engine):
    answer = engine.ask("吴川2024年部门预算，医保基金当期支出是多少万元")  # the fund's, which no 部门预算 holds
    assert not answer.found and "回答“医保基金当期支出是多少万元”" in answer.answer  # its words, not a row held


def test_two_columns_of_one_row_weighed_are_compared(engine):
    answer = engine.ask("廉江2023年决算，卫生健康支出里基本支出和项目支出哪个高？")
    assert answer.intent == "compare" and {f.column for f in answer.figures[:2]} == {"基本支出", "项目支出"}


def test_the_units_under_a_bureau_are_its_subordinate_units_not_a_definition(engine):
    answer = engine.ask("江门医保局2024年预算，底下有什么事业单位")  # 下属, not 名词解释's 事业收入
    assert "江门市医疗保障事业管理中心" in answer.answer and "名词解释" not in answer.answer


def test_an_amount_asked_then_why_without_a_break_is_the_amount_with_its_reason(engine):
    answer = engine.ask("廉江2023年决算机关运行经费是多少万元为什么比上年少了")  # voice input, no punctuation
    assert f"{answer.figures[0].value}" == "14.82" and "设备购置费、日常维修费等开支减少" in answer.answer


def test_both_sides_asked_then_one_over_the_other_is_the_share_of_the_thing_named_before(engine):
    answer = engine.ask("廉江2023年城镇职工医保基金收入和支出各多少，支出占收入百分之几")
    assert [f"{f.value}" for f in answer.figures[:3]] == ["60.51", "2.13", "3.52"]  # the share, spending, income


def test_a_function_class_said_without_支出_and_a_project_said_by_its_tail(engine):
    answer = engine.ask("廉江2023年决算的住房保障这块是多少")
    assert [(f.row, f"{f.value:f}") for f in answer.figures] == [("住房保障支出", "50.52")]
    answer = engine.ask("吴川医保2024年预算给业务档案管理及机关运行费这个项目安排了几多")  # not 机关运行经费 too
    assert [f"{f.value:f}" for f in answer.figures] == ["4.00"]


def test_a_host_relaying_a_listener_and_a_number_said_roughly_in_a_quote(engine):
    assert rank.content_words(understand("这位大爷问，广州市医保局截至2022年底有多少辆车？")) == "年末 车"
    answer = engine.ask("这位大姐想知道，广州医保局2022年底一共有几辆车")
    assert [f"{f.value:f}" for f in answer.figures] == ["16"]
    quoted = understand("廉江2023年决算说明里写“全年接待办事群众50000余人”，那电话咨询是多少次？")
    assert quoted.codes == [] and understand("江门2024年科目2101550多少").codes == ["2101550"]
    answer = engine.ask("廉江2023年决算说明里写“全年接待办事群众50000余人”，那电话咨询是多少次？")
    assert [f"{f.value:f}" for f in answer.figures] == ["20000"]


def test_words_the_report_is_said_to_write_are_where_to_look_not_a_name(engine):
    question = understand("广州医保局2023年预算里提到“报废更新2辆执法车辆”，那些执法执勤用车车龄有几年了？")
    assert question.quoted == []
    assert [f"{f.value:f}" for f in engine.ask(question.text).figures] == ["15"]
    assert understand("廉江医保局“政府购买服务人员8名工作人员经费”花了多少").quoted == ["政府购买服务人员8名工作人员经费"]


def test_a_long_project_named_from_within_is_a_subject_to_compare(engine):
    question = "江门医保局2024年预算中归还医保基金看病核酸检测费用与市本级医疗救助专项资金哪个多"
    assert understand(question, engine.vocabulary).row_terms[0] == "财政应归还医保基金已支付非就医看病核酸检测费用"
    answer = engine.ask(question)
    assert [f"{f.value:f}" for f in answer.figures] == ["417.85", "340.00"] and "77.85" in answer.answer
    assert understand("廉江2023年事业单位医疗支出决算多少", engine.vocabulary).row_terms != ["其他行政事业单位医疗支出"]


def test_two_things_asked_together_then_a_yes_or_no_about_them(engine):
    answer = engine.ask("江门医保2023年居民医保基金收入和支出各是多少，够不够花？")
    assert [f"{f.value:f}" for f in answer.figures] == ["25.4", "27.56"]


def test_a_quote_among_search_keywords_does_not_keep_out_the_other_names_typed(engine):
    answer = engine.ask('江门医保 2024 预算 "医疗保障管理事务" 行政运行')
    assert sorted(f"{f.value:f}" for f in answer.figures) == ["2623.22", "937.27"]


def test_a_list_of_firms_is_not_printed(engine):
    answer = engine.ask("广州医保局2023年政府采购的供应商名单能给一下吗")
    assert not answer.found and "供应商" in answer.answer and "4100.27万元" in answer.answer.replace(",", "")


def test_a_condition_not_met_is_the_reason_a_thing_was_not_done(engine):
    answer = engine.ask("江门医保局2023年自评里，医疗服务价格项目为何没有调整，依据啥")
    assert "不符合医疗服务项目价格动态调整条件" in answer.answer


def test_a_month_counted_is_not_read_as_a_word_it_sounds_like(engine):
    for question in ("江门每个月医保基金支出多少", "江门2023年12月医保基金支出多少"):
        assert engine.ask(question).understood.corrections == []  # not 月医保 -> 粤医保
    assert [c.read_as for c in engine.ask("江门医保局2024年办工费多少").understood.corrections] == ["办公费"]


def test_an_amount_asked_with_a_share_guessed_is_answered_when_no_share_can_be_taken(engine):
    answer = engine.ask("吴川医保局2024年预算里卫生健康支出多少，感觉占了绝大部分吧")
    assert answer.found and [f"{f.value:f}" for f in answer.figures][:1] == ["451.83"]


def test_a_fund_named_by_its_whole_income_row_is_a_thing_compared_not_a_column(engine):
    answer = engine.ask("廉江医保局2023年决算里本年收入合计和一般公共预算财政拨款收入各多少")
    assert [f"{f.value:f}" for f in answer.figures] == ["814.62", "814.59"]  # 表1's total, not 表4's
    answer = engine.ask("江门医保局2024年一般公共预算财政拨款收入和政府性基金预算财政拨款收入谁多")
    assert [f"{f.value:f}" for f in answer.figures] == ["4181.30", "0.00"]


def test_one_thing_asked_to_be_more_than_another_is_a_comparison(engine):
    for question in ("吴川医保局2024年办公费是不是比邮电费多", "吴川医保局2024年办公费比邮电费高吗",
                     "吴川 2024 budget 办公费 vs 邮电费 哪个 higher"):
        answer = engine.ask(question)
        assert [f"{f.value:f}" for f in answer.figures] == ["2.25", "2.16"] and "0.09" in answer.answer, question
    assert engine.ask("廉江医保2023年一般公共预算财政拨款支出比年初预算少了多少").figures[0].value == Decimal("6662.57")


def test_a_passage_from_inside_a_numbered_item_starts_with_the_items_head(engine):
    answer = engine.ask("廉江医保局的档案资料室建起来了吗")
    assert "2、医保档案资料室未能建立。医保档案涉及" in answer.answer


def test_a_report_called_by_its_kind_and_that_one_adds_no_words_to_search(engine):
    answer = engine.ask("江门2023年绩效自评那份报告里，部门整体绩效评价的等级是什么")
    assert "部门整体支出绩效评价等级为：优" in answer.answer


def test_which_of_the_things_one_sentence_counts_is_the_most(engine):
    answer = engine.ask("廉江医保局2023年服务大厅办理的业务中，哪一项人次最多")
    assert [f"{f.value:f}" for f in answer.figures][:3] == ["265082", "18495", "7633"]
    answer = engine.ask("江门2023年价格监测里药品、耗材、医疗服务项目哪一类最多")
    assert [f"{f.value:f}" for f in answer.figures] == ["318", "120", "20"]  # 项 and 个 ranked together
    assert answer.answer.startswith("按数量从高到低：")


def test_the_place_asked_among_things_listed_is_answered_first(engine):
    answer = engine.ask("吴川医保局2024年社会保障和就业、卫生健康、住房保障支出三项中排第二的是哪项")
    assert answer.figures[0].value == Decimal("63.38") and answer.answer.startswith("第2：社会保障和就业支出")


def test_words_no_report_prints_in_a_sentence_that_sets_the_scene_weigh_nothing(engine):
    answer = engine.ask("我是开文具店的老板。江门市医疗保障局2024年本年度拟购置固定资产多少钱？")
    assert answer.figures[0].value == Decimal("17.32")


def test_a_passage_asked_of_what_ranks_first_follows_the_ranking(engine):
    answer = engine.ask("江门医保局2024年项目支出里哪个项目钱最多，其绩效目标是什么")
    assert answer.figures[0].value == Decimal("417.85")
    assert "切实做好我市医保基金已支付非就医看病核酸检测费用还款计划" in answer.answer


def test_a_ranking_within_a_section_named_ranks_what_that_section_lists(engine):
    answer = engine.ask("江门医保局2024年的重点项目当中，哪个项目预算最大？它的绩效目标是什么")
    assert [f"{f.value:f}" for f in answer.figures][:3] == ["761.34", "417.85", "340"]  # not 表12's projects
    assert "重点项目预算绩效目标情况" in answer.answer and "全面深化医保改革" in answer.answer
    answer = engine.ask("江门医保局2024年部门预算里三个分局的项目支出哪个最少")  # the report: no section
    assert answer.figures[0].value == Decimal("17.04")


def test_a_rate_of_final_to_budget_is_not_answered_from_the_budget_alone(engine):
    answer = engine.ask("广州市医保局2023年公务接待费的预算执行率（完成率）是多少")
    assert not answer.found and "4.42万元" in answer.answer  # the budget held, shown
    answer = engine.ask("廉江医保局2023年三公经费预算执行率多少")  # a 决算 prints both columns
    assert answer.found and "执行率：4.45 ÷ 4.45 = 100.00%" in answer.answer


def test_where_a_figure_is_printed_is_no_passage_asked_when_the_figure_is_not(engine):
    answer = engine.ask("吴川医保局2024年部门预算的绩效评价得分多少？报告哪一部分写的")
    assert not answer.found
    answer = engine.ask("江门医保局2024年三公经费多少，在哪一部分写的")
    assert answer.figures[0].value == Decimal("17.56")


def test_a_figure_of_one_basic_scheme_is_no_answer_about_the_other(engine):
    assert not engine.ask("江门2023年职工医保基金滚存结余能支付几个月").found  # the report states 居民医保's
    assert engine.ask("江门2023年居民医保基金滚存结余能支付几个月").figures[0].value == Decimal("7")
    assert engine.ask("2023年江门职工医保有多少人参保").figures[0].value == Decimal("170.12")


def test_a_table_title_typed_after_the_unit_leaves_the_rows_typed_before_it_asked(engine):
    answer = engine.ask("基本支出 项目支出 廉江市医疗保障局 支出决算表")
    assert [f"{f.value:f}" for f in answer.figures] == ["673.45", "139.36"]
    answer = engine.ask("年初结转和结余 年末结转和结余 廉江市医疗保障局 财政拨款收入支出决算总表")
    assert [f"{f.value:f}" for f in answer.figures] == ["21.58", "23.36"]


def test_two_rows_printed_alike_on_one_line_are_both_answered(engine):
    answer = engine.ask("本年收入合计 本年支出合计 吴川市医疗保障局 收支总体情况表")  # 542.07 on line 85, twice
    assert [(f.row, f"{f.value:f}") for f in answer.figures] == [("本年收入合计", "542.07"), ("本年支出合计", "542.07")]


def test_northern_mandarin_asks_how_much_and_several_asks_nothing(engine):
    assert engine.ask("俺想问廉江医保局2023年决算的差旅费到底多老少").figures[0].value == Decimal("0.05")
    answer = engine.ask("廉江医保局2023年决算的行政运行分好几个科目，其中办公费多少")  # 好几个 is said, not asked
    assert ("办公费", Decimal("3.01")) in [(f.row, f.value) for f in answer.figures]


def test_an_item_excluded_with_除_alone_is_never_the_answer(engine):
    for question, excluded in (("吴川医保局2024年预算里除办公费以外的打印机耗材费是多少", "办公费"),
                               ("江门医保局2024年预算中，除行政运行之外的医保宣传月活动经费是多少", "行政运行")):
        answer = engine.ask(question)
        assert all(f.row != excluded for f in answer.figures)


def test_an_expense_described_by_what_it_pays_for(engine):
    assert engine.ask("吴川医保局2024年单位用水的钱预算了多少").figures[0].value == Decimal("0.37")
    assert engine.ask("廉江医保局2023年干部出差的钱花了多少").figures[0].value == Decimal("0.05")
    assert engine.ask("江门 2024 预算 基本支出 差旅费").figures[0].value == Decimal("6.94")  # 支出差 holds 出差


def test_a_claim_asked_with_是这样吗_gets_the_reports_figure(engine):
    answer = engine.ask("有人说江门2023年全市医保基金收入超过了90亿元，是这样吗")
    assert answer.figures[0].value == Decimal("93.33")


def test_a_row_asked_within_a_quoted_row_is_answered_first(engine):
    answer = engine.ask("广州医保局2023年预算“工资福利支出”里，其中基本工资多少")
    assert answer.figures[0].row == "基本工资"


def test_a_bound_put_on_a_sum_is_no_word_asked(engine):
    answer = engine.ask("2023年江门全市医保基金支出高于95亿元吗")  # 高于 before the sum cited: not printed
    assert answer.figures[0].value == Decimal("89.88")


def test_follow_ups_said_in_one_message_are_each_answered_in_order(engine):
    answer = engine.ask("廉江医保局2023年决算办公费多少？差旅费呢？")
    assert [f.value for f in answer.figures] == [Decimal("3.01"), Decimal("0.05")]
    other_city = engine.ask("吴川医保局2024年预算办公费多少？廉江呢？")  # 廉江's report is of 2023: said so
    assert [f.value for f in other_city.figures] == [Decimal("2.25"), Decimal("3.01")]


def test_a_follow_up_is_read_in_the_table_the_first_answer_cites(engine):
    answer = engine.ask("江门医保局2024年三公经费多少？公务用车购置呢？运行维护费呢？")  # not 表6's 维修（护）费
    assert [f.value for f in answer.figures] == [Decimal("17.56"), Decimal("0.00"), Decimal("14.82")]
    one_word = engine.ask("吴川医保局2024年三公经费多少？车呢？")  # the one row of 表8 that holds 车 at its level
    assert [f.value for f in one_word.figures] == [Decimal("19.50"), Decimal("18.00")]
    assert "“车”按“公务用车购置及运行维护支出”理解" in one_word.answer


def test_follow_ups_of_a_question_the_reports_cannot_answer_are_not_answered_either(engine):
    assert not engine.ask("江门市财政局2024年办公费多少？差旅费呢？").found


def test_a_remark_after_the_question_is_no_follow_up_left_unanswered(engine):
    answer = engine.ask("江门医保局2024年三公经费预算多少？大家都说要过紧日子呢")
    assert answer.figures[0].value == Decimal("17.56") and "没有找到" not in answer.answer


def test_a_figure_said_of_the_report_setting_the_scene_is_no_figure_of_the_one_asked(engine):
    answer = engine.ask("廉江医保局2023年决算里说公车有2辆，那吴川医保局2024年预算里有几辆车？")
    assert answer.found and answer.figures[0].value == Decimal("0")  # 车辆0辆; the kinds said before are not compared


def test_a_year_no_report_holds_asked_within_a_report_of_another_year_is_refused(engine):
    for text in ("吴川医保局2024年预算里，前年的三公经费是多少？", "吴川医保局2024年预算里面2021年的办公费是多少？"):
        answer = engine.ask(text)
        assert not answer.found, text
    assert "2022年" in engine.ask("吴川医保局2024年预算里，前年的三公经费是多少？").answer  # 前年 of 2024
    assert engine.ask("江门2022年和2024年的三公经费").found  # both asked: the one found is shown
    assert engine.ask("吴川医保局2024年预算里截至2023年底有几辆车").figures[0].value == Decimal("0")  # a date
    assert engine.ask("江门医保局2024年预算里2023年的三公经费比今年多还是少").found  # 上年: the report speaks of it


def test_a_tables_title_said_without_its_ending_names_that_table(engine):
    answer = engine.ask("廉江医保局2023年财政拨款收入支出决算里的年末结转和结余是多少")
    assert (answer.figures[0].value, answer.figures[0].table) == (Decimal("23.36"), 4)  # not 表1's 23.39


def test_the_row_starts_said_are_the_longest_start_any_row_name_shares(engine):
    from os.path import commonprefix

    from rag.question import WHOLE_WORD_MIN, _row_starts_said
    names = list(engine.vocabulary)  # looked up by bisection in the sorted names: the same as reading them all
    texts = [f"江门{name[:k]}的{name[k:]}多少" for name in names[::5] for k in (2, 4, 6)]
    for text in texts:
        read_all = [said for at in range(len(text) - 1) if len(said := max(
            (commonprefix([name, text[at:]]) for name in names if name[:2] == text[at:at + 2]), key=len, default="")
        ) >= WHOLE_WORD_MIN]
        assert _row_starts_said(text, engine.vocabulary) == read_all, text


def test_a_whole_less_the_item_left_out_is_computed_and_the_row_printing_it_shown(engine):
    answer = engine.ask("廉江医保局2023年决算里，除人员经费以外的基本支出是多少")
    assert [f.value for f in answer.figures] == [Decimal("14.82"), Decimal("673.45"), Decimal("658.63")]
    assert answer.figures[0].row == "公用经费合计" and "计算得出" in answer.answer
    beside = engine.ask("江门医保局2024年预算里不算项目支出，单看基本支出多少")  # a whole beside it: nothing taken away
    assert beside.figures[0].value == Decimal("2417.08") and "计算得出" not in beside.answer


def test_a_reports_spending_or_income_said_after_its_kind_is_its_total(engine):
    spending = engine.ask("吴川医保局2024年预算支出是多少")  # not 国有资本经营预算支出 0.00, whose name ends alike
    assert [(f"{f.value:f}", f.row) for f in spending.figures[:1]] == [("542.07", "本年支出合计")]
    assert engine.ask("廉江医保局2023年决算支出是多少").figures[0].value == Decimal("812.81")
    assert engine.ask("廉江医保局2023年决算收入是多少").figures[0].row == "本年收入合计"


def test_one_figure_taken_from_another_is_answered_with_their_difference(engine):
    answer = engine.ask("江门医保局2024年预算三公经费扣掉公务接待费还剩多少")
    assert [f.value for f in answer.figures] == [Decimal("17.56"), Decimal("2.74")]
    assert "差额：17.56 − 2.74 = 14.82万元" in answer.answer
    assert "差额" in engine.ask("江门医保局2024年预算收入减去支出是多少").answer


def test_an_item_left_out_in_a_clause_of_its_own_ends_where_the_condition_does(engine):
    for text in ("廉江医保局2023年决算里，不算人员经费的话基本支出还剩多少",  # 的话 ends what is left out
                 "廉江医保局2023年决算里，基本支出不算人员经费的话还剩多少"):
        answer = engine.ask(text)
        assert answer.figures[0].value == Decimal("14.82") and "计算得出" in answer.answer, text


def test_what_is_set_aside_before_saying_what_is_asked_is_not_asked(engine):
    answer = engine.ask("江门医保局2024年预算，不是公务接待费，是公务用车运行维护费多少")
    assert [f.value for f in answer.figures] == [Decimal("14.82")]  # not 公务接待费 2.74 first
    assert not engine.ask("不要2024年的，我要吴川医保局2023年的办公费").found  # no 吴川 2023 report is held


def test_what_the_asker_tells_of_themselves_before_asking_asks_nothing(engine):
    money = engine.ask("我每个月药费200块，去年住了一次院。想问吴川医保局2024年预算的办公费是多少")
    assert money.figures[0].value == Decimal("2.25")  # no code 200, no month, no change asked
    rough = engine.ask("据说江门只处理了几十家机构。江门2023年曝光典型案例多少例？")
    assert [f.value for f in rough.figures] == [Decimal("111")]  # 几十 is said roughly: that sentence asks nothing
    year = engine.ask("我2022年换了工作。廉江医保局三公经费决算多少")
    assert year.figures[0].value == Decimal("4.45")  # 2022 is the asker's year, not a report's


def test_units_the_report_does_not_list_apart_are_refused_with_the_departments_figure(engine):
    ranked = engine.ask("江门各县区分局2023年支出总额谁最高")
    assert not ranked.found and "没有按区分局分列" in ranked.answer
    unit = engine.ask("廉江医保局2023年决算里下属的医保服务站的支出决算多少")
    assert not unit.found and "没有单列“医保服务站”" in unit.answer and "812.81" in unit.answer


def test_a_term_quoted_that_no_entry_defines_is_refused_with_the_terms_defined(engine):
    answer = engine.ask("吴川2024年预算里“购买第三方服务”是指什么")  # not the project passage that says it
    assert not answer.found and "名词解释中有：" in answer.answer and "基本支出" in answer.answer


def test_a_sentence_asking_how_with_zenyang_asks_and_its_words_are_weighed_as_asked(engine):
    answer = engine.ask("江门2023年普通门诊统筹待遇怎样？比例不低于多少")
    assert answer.figures[0].value == Decimal("50")  # 门诊统筹's, not 住院's 65%


def test_a_level_asked_before_its_change_comes_first_and_the_change_alone_first_when_only_it_is_asked(engine):
    both = engine.ask("吴川医保局2024年三公经费是多少？比上年增加了多少？")
    assert [f.value for f in both.figures] == [Decimal("19.50"), Decimal("18")]
    change = engine.ask("吴川医保局2024年三公经费比上年增加了多少？")
    assert [f.value for f in change.figures] == [Decimal("18"), Decimal("19.50")]


def test_classical_and_judgement_words_ask_the_amount(engine):
    assert engine.ask("廉江医保局2023年全额参保资助了若干人？").figures[0].value == Decimal("75596")  # 若干: how many
    assert engine.ask("江门2023年全市职工医保基金收入多不多？").figures[0].value == Decimal("67.93")  # the figure that settles it


def test_a_last_sentence_asking_which_part_a_figure_comes_from_asks_nothing_more(engine):
    answer = engine.ask("吴川2024年“三公”经费比上年增长百分之几？出自预算说明哪一部分？")
    assert answer.figures[0].value == Decimal("1200") and answer.sources  # cited where it stands


def test_a_count_of_kinds_is_not_answered_by_visits_people_or_services(engine):
    answer = engine.ask("廉江医保2023年决算 门诊特定病种数")  # 7000人次, 4名, 12项业务 are said beside 病种
    assert not answer.found and not answer.figures
    assert not engine.ask("廉江2023决算 门特病种有几个").found  # 4个窗口, 4名业务骨干: not 病种
    assert engine.ask("江门2023年自评 DIP病种数").figures[0].value == Decimal("7700")


def test_a_count_printed_in_项次_keeps_its_measure_word(engine):
    answer = engine.ask("江门医保2023年自评 窗口收到的满意评价有几项次")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("325"), "项次")


def test_a_rate_named_is_not_answered_by_another_rate(engine):
    answer = engine.ask("江门2023年居民医保参保率是多少")  # 参保对象满意度超过80% is satisfaction
    assert Decimal("80") not in [f.value for f in answer.figures]
    assert engine.ask("廉江2023年部门整体支出执行率").figures[0].value == Decimal("10.87")  # 完成预算的10.87%


def test_a_phrase_quoted_from_the_report_begins_the_passage_shown(engine):
    answer = engine.ask("江门2024年预算里“派出机构具体包括：”后面列的是哪些")
    assert answer.found and "派出机构具体包括：江门市医疗保障局蓬江分局" in answer.answer
    listed = engine.ask("廉江医保局2023年决算说发现的第二个问题是什么")
    assert "医保档案资料室未能建立" in listed.answer


def test_a_budget_carried_out_is_read_from_the_final_accounts_without_a_missing_budget_note(engine):
    answer = engine.ask("廉江2023年三公经费预算完成了百分之多少")
    assert answer.figures[0].value == Decimal("100") and "没有廉江2023年部门预算" not in answer.answer


def test_a_street_address_in_a_district_names_no_branch(engine):
    answer = engine.ask("江门医保局搬去的蓬江区建设三路8号新址，装修面积多大")  # the department's, stated in 2023
    assert answer.figures[0].value == Decimal("874.28")


def test_duties_asked_of_places_under_a_city_are_no_comparison(engine):
    answer = engine.ask("江门医保中心和鹤山、恩平是什么关系")  # not the two places compared
    assert answer.found and "指导台山、开平、鹤山、恩平四市" in answer.answer


def test_a_range_of_months_is_answered_only_by_a_figure_printed_for_it(engine):
    assert not engine.ask("廉江2023年5-8月医用耗材采购金额多少").found  # the report prints 1-10月
    assert engine.ask("江门2023年7至12月发布价格信息几期").figures[0].value == Decimal("6")  # printed 7-12月


def test_a_share_of_both_things_said_before_is_over_their_sum(engine):
    answer = engine.ask("廉江2023年决算公用经费和人员经费分别多少？公用经费占二者合计的百分之几")
    shares = [f for f in answer.figures if f.unit == "%"]
    assert shares[0].value == Decimal("2.20")  # 14.82 ÷ (14.82 + 658.63), not over 本年支出合计
    assert "占公用经费与人员经费合计673.45万元" in answer.answer  # 公用经费合计 said once as 合计


def test_the_department_itself_said_as_its_organ_is_its_own_level(engine):
    answer = engine.ask("江门医保局机关本身2024年基本支出是多少")  # 局本级, not the whole department's 2417.08
    assert answer.figures[0].value == Decimal("739.26")


def test_a_unit_named_that_the_report_does_not_list_apart_is_refused(engine):
    answer = engine.ask("只算廉江医保服务中心的话，2023年基本工资决算多少")
    assert not answer.found and "没有单列" in answer.answer and "171.72" in answer.answer  # the department's, shown


def test_a_locative_after_a_quoted_heading_is_no_word_to_find(engine):
    answer = engine.ask("江门2023年自评“部门整体支出情况”里，项目支出是多少")
    assert answer.figures[0].value == Decimal("23560.03")


def test_a_group_then_the_words_of_a_code_before_the_item_only_says_where_the_item_is(engine):
    answer = engine.ask("廉江2023年决算工资福利支出里，经济科目30102津贴补贴多少")
    assert [f.value for f in answer.figures] == [Decimal("152.42")]  # not 工资福利支出's 655.03 first


def test_a_fund_said_as_a_condition_qualifies_the_item_and_is_not_asked_itself(engine):
    answer = engine.ask("吴川2024年预算，光看一般公共预算拨款的话，事业运行安排多少")
    assert [f.value for f in answer.figures] == [Decimal("130.76")]  # not the fund's 542.07 first


@pytest.mark.parametrize("text, value", [
    ("我今年70了，每个月退休金5000块，江门医保局2024年退休费预算多少", "7.49"),  # the asker's month, not asked
    ("3月份看新闻说要加强监管，江门2024年医疗保障经办事务多少", "527.01"),  # when the news was
    ("电话0759-3288888打不通，江门2024年三公经费多少", "17.56"),  # a phone number is no code
])
def test_a_time_or_number_in_a_clause_that_tells_is_not_asked(engine, text, value):
    answer = engine.ask(text)
    assert answer.found and answer.figures[0].value == Decimal(value)


@pytest.mark.parametrize("text, period", [
    ("江门2024年3月份三公经费多少", "3月份"),
    ("江门市医保局2024年上半年培训费已经花了1万，对吗？", "上半年"),  # a claim checked: what it says is asked
])
def test_a_period_in_what_is_asked_is_still_refused(engine, text, period):
    answer = engine.ask(text)
    assert not answer.found and period in answer.answer


def test_a_part_pointed_at_apart_from_the_amount_asked_says_where_to_look(engine):
    answer = engine.ask("江门2024年预算情况说明第五部分，车辆几辆")
    assert answer.found and answer.figures[0].value == Decimal("4")
    outline = engine.ask("江门2024年预算第三部分有几项")  # the part itself asked: its headings
    assert outline.found and outline.intent == "outline" and "国有资产占有使用情况" in outline.answer


def test_a_last_year_column_the_table_does_not_print_is_refused(engine):
    answer = engine.ask("吴川2024年支出总体情况表里，行政运行上年数那一栏是多少")
    assert not answer.found and "没有“上年数”这一栏" in answer.answer and "278.54" in answer.answer


def test_a_years_plans_are_not_read_from_the_budget_of_the_year_before(engine):
    assert not engine.ask("江门医保局2025年的工作计划有哪些？").found
    ahead = engine.ask("江门2024年的工作重点是什么")  # the 2023 自评, written after its year, states them
    assert ahead.found and ahead.sources[0].doc.startswith("003_")


def test_the_first_few_of_a_rows_parts_asked_rank_them(engine):
    answer = engine.ask("江门2024年工资福利支出里前三项分别是多少")
    assert [f.value for f in answer.figures[:3]] == [Decimal("508.98"), Decimal("502.37"), Decimal("313.78")]


def test_a_list_ranked_by_amount_after_the_group_holding_it_ranks_the_list(engine):
    answer = engine.ask("广州2023年政府采购里货物、工程、服务三类按金额排一下")
    assert [f.value for f in answer.figures] == [Decimal("3549.98"), Decimal("426.9"), Decimal("123.39")]


@pytest.mark.parametrize("text", ["所有报告里各家医保局的办公费谁最多", "几份报告里的办公费按城市排个序"])
def test_every_report_named_as_a_group_ranks_the_places_held(engine, text):
    answer = engine.ask(text)  # 各家, 几份报告 name no place
    assert answer.found and [f.value for f in answer.figures[:2]] == [Decimal("229.44"), Decimal("30.85")]


@pytest.mark.parametrize("text, counted", [
    ("四家医保局里，有几家公务接待费超过3万", "其中超过3万元的有1家：广州市医疗保障局2023年部门预算。"),
    ("各家医保局的培训费，有几家不到5万元", "其中低于5万元的有2家"),
])
def test_how_many_places_pass_a_bound_are_counted_after_the_ranking(engine, text, counted):
    answer = engine.ask(text)
    assert answer.found and answer.intent == "rank" and counted in answer.answer


def test_a_cost_per_vehicle_is_not_printed(engine):
    answer = engine.ask("江门2024年每辆公务用车运行维护费多少")
    assert not answer.found and "按辆计" in answer.answer


@pytest.mark.parametrize("text, year", [
    ("广州医保局2022年三公经费实际花了多少？想跟2023年预算比一比", "2022年"),
    ("吴川2023年决算的办公费是多少？跟2024年预算比怎么样", "2023年"),
])
def test_final_accounts_asked_of_a_year_whose_next_budget_alone_is_held_are_refused(engine, text, year):
    answer = engine.ask(text)  # the next year's budget compares with the year's budget, not what was spent
    assert not answer.found and f"没有{year}的这个数字" in answer.answer


@pytest.mark.parametrize("text, value", [
    ("吴川2024年行政单位医疗支出多少", "4.74"),  # the row 行政单位医疗, not 行政事业单位医疗
    ("廉江2023年决算行政单位医疗支出多少", "4.31"),  # not 其他行政事业单位医疗支出
])
def test_a_row_said_with_a_支出_it_lacks_is_that_row(engine, text, value):
    assert engine.ask(text).figures[0].value == Decimal(value)


@pytest.mark.parametrize("text", ["这几家医保局哪个最廉洁", "这几个医保局里，哪家工作做得最好"])
def test_departments_ranked_by_a_judgement_are_refused_as_an_opinion(engine, text):
    answer = engine.ask(text)
    assert not answer.found and "不评价" in answer.answer


def test_a_place_or_item_denied_beside_what_is_asked_is_not_asked(engine):
    answer = engine.ask("吴川（不是开平）医保局2024年办公费多少")  # 开平: no report, and not asked
    assert answer.figures[0].value == Decimal("2.25") and "吴川" in answer.sources[0].title
    inside = engine.ask("问的是江门而非台山，医保局2024年公务接待费多少")  # 台山: a county of 江门, not asked
    assert [f.value for f in inside.figures] == [Decimal("2.74")]
    item = engine.ask("江门医保局2024年办公费（不是印刷费）多少")  # an item set aside the same way
    assert [f.value for f in item.figures] == [Decimal("30.85")]


@pytest.mark.parametrize("text, value", [
    ("群里说江门2023年医保基金收入很多，帮看看自评报告写的多少", "93.33"),  # where heard, and a vague judgement
    ("江门2023年医保基金支出，自评写的多少", "89.88"),  # the report named as 自评: no word to find
])
def test_a_claim_passed_on_names_what_a_bare_ask_after_it_asks(engine, text, value):
    assert engine.ask(text).figures[0].value == Decimal(value)


def test_a_claim_quoted_with_a_sum_in_words_is_no_name_to_find(engine):
    answer = engine.ask("有人转发“江门医保局2024年办公费要三十多万”，预算里到底多少")
    assert answer.figures[0].value == Decimal("30.85")


def test_a_sum_under_a_supposition_is_refused_with_the_figure_held(engine):
    answer = engine.ask("假如廉江医保局2023年办公费减少两成，是多少")
    assert not answer.found and "不推算假设" in answer.answer and "3.01万元" in answer.answer
    assert engine.ask("如果只看一般公共预算，江门医保局2024年办公费多少").found  # a condition, no supposed change


def test_an_amount_asked_then_how_the_report_words_it_is_the_figure(engine):
    answer = engine.ask("廉江医保局2023年决算的三公经费是多少？报告原文怎么写的")
    assert answer.figures[0].value == Decimal("4.45") and "比上年决算数减少0.87万元" in answer.answer  # its line


def test_how_many_cars_is_the_fleet_not_the_cars_replaced_nor_the_items_money(engine):
    assert engine.ask("广州医保局2023年手上一共有多少辆公务用车").figures[0].value == Decimal("16")  # 车辆16辆
    assert engine.ask("广州医保局2023年报废更新了几辆车").figures[0].value == Decimal("2")  # the act, said
    answer = engine.ask("五家医保局里面，公务用车在3辆以上的有几家")
    assert "3辆及以上的有2家：广州市医疗保障局2023年部门预算、江门市医疗保障局2024年部门预算" in answer.answer
    assert "批" not in engine.ask("每家医保局各有几辆车").answer  # 9批 of 集采 counts no cars


def test_a_change_whose_sentence_gives_no_reason_shows_what_its_part_explains(engine):
    answer = engine.ask("廉江医保局2023年三公经费比去年少了，报告里说是因为什么")
    assert "下降16.3%" in answer.answer and "从严控制“三公”经费开支" in answer.answer
    assert not engine.ask("廉江医保局2023年办公费为什么比上年少").found  # no sentence states its change


@pytest.mark.parametrize("text, values", [
    ("廉江医保局2023年决算，表1的总计跟表4财政拨款收支总表的总计能对上吗", ["836.20", "836.17"]),
    ("吴川2024年收入总体情况表里的合计与收支总表的本年收入合计是否一致", ["542.07", "542.07"]),
    ("廉江2023年基本支出明细表的公务用车运行维护费和三公表里的相同吗", ["2.79", "4.45"]),
])
def test_two_tables_checked_against_each_other_give_both_figures(engine, text, values):
    answer = engine.ask(text)
    assert [f"{f.value:f}" for f in answer.figures] == values and "差额" in answer.answer


def test_a_figure_asked_in_english_words_of_the_reports(engine):
    assert engine.ask("How much was Wuchuan's 2024 budget for official receptions?").figures[0].value == Decimal("1.50")
    people = engine.ask("How many people in Jiangmen were enrolled in basic medical insurance by the end of 2023?")
    assert people.figures[0].value == Decimal("404.54")
    duties = engine.ask("What are the main responsibilities of Lianjiang Medical Security Bureau?")
    assert duties.found and "职责" in duties.answer


def test_the_initials_of_a_city_held_only_by_its_counties_are_read_and_refused(engine):
    answer = engine.ask("zj医保局2023年决算支出多少")  # 湛江: its counties' reports are held, not its own
    assert not answer.found and "没有湛江市医疗保障局的报告" in answer.answer


def test_a_rate_asked_after_a_symbol_or_in_short_words_is_that_rate(engine):
    assert not engine.ask("广州医保局2023年预算里城乡居民医保参保率目标是≥多少").found  # not 229,975.98万元
    answer = engine.ask("江门2024年医疗救助专项资金，资助收入型救助对象参保城乡居民医保率目标多少")
    assert answer.figures[0].value == Decimal("100")  # 医保率 as 基本医疗保险率, not the 80% beside it


def test_an_alternative_to_a_figure_said_asks_the_figure(engine):
    answer = engine.ask("吴川医保局2024年公务用车运行维护费是0元，还是没填？")
    assert answer.figures[0].value == Decimal("0.00")


@pytest.mark.parametrize("text, said", [
    ("廉江医保局查处的哪个医院违规金额最多", "名称"),  # which hospital: a name the reports do not print
    ("廉江医保局哪个医院骗保最多，是哪家", "名称"),
    ("吴川医保局2024年部门预算什么时候公开的", "不载明发布日期或编写人员"),  # nor when a report was published
    ("廉江医保局2023年决算报告是谁写的", "不载明发布日期或编写人员"),  # or who wrote it
])
def test_what_the_reports_do_not_print_is_refused_saying_so(engine, text, said):
    answer = engine.ask(text)
    assert not answer.found and said in answer.answer


def test_a_disclosure_request_citing_its_law_asks_the_figure_named(engine):
    answer = engine.ask("根据《政府信息公开条例》，申请公开江门市医疗保障局2023年度全市医保基金支出的具体数额。")
    assert answer.figures[0].value == Decimal("89.88")  # the law and 数额 are no words of the reports


def test_two_items_each_said_with_its_own_change_give_both_changes(engine):
    answer = engine.ask("江门医保局2023年一般公共预算财政拨款收入增加了，政府性基金预算财政拨款收入也增加了？")
    assert {"1191.51", "4368.16", "132.19", "466.99"} <= {f"{f.value:f}" for f in answer.figures}


def test_a_rate_put_as_a_question_is_the_rate_checked(engine):
    answer = engine.ask("广州医保局2023年“三公”经费比上年增长47.2%？")
    assert (answer.figures[0].value, answer.figures[0].unit) == (Decimal("47.2"), "%")  # not the 27.5万元 beside it


def test_initials_of_two_words_typed_together_are_both_read(engine):
    answer = engine.ask("jmyb局 ys 办公费多少")  # 江门 and 医保, typed together
    assert [f.value for f in answer.figures] == [Decimal("30.85")]


@pytest.mark.parametrize("text, value, column", [
    ("[2101501]行政运行 278.54 123.04 155.50 这是吴川医保局2024年预算表3的一行，最后一个数是什么钱", "155.50", "项目支出"),
    ("吴川2024年预算里这一行：行政运行 278.54 123.04 155.50，第2个数是哪一列", "123.04", "基本支出"),
    ("30306 救济费 0.00 30226 劳务费 1.47 这是廉江2023决算表6里的一行，最后那个数是哪个科目", "1.47", "金额"),  # two sides
])
def test_a_cell_pointed_at_among_the_figures_of_a_pasted_row(engine, text, value, column):
    answer = engine.ask(text)
    assert f"{answer.figures[0].value:f}" == value and column in answer.figures[0].column


def test_a_pasted_row_is_known_when_another_row_is_asked_and_holds_the_column_asked(engine):
    other = engine.ask("[30228]工会经费 3.20 吴川2024年基本支出表里这一行后面的福利费多少")
    assert [f.value for f in other.figures] == [Decimal("0.22")]  # not the 3.20 copied
    own = engine.ask("行政运行 278.54 123.04 155.50 吴川2024年预算这一行，项目支出是多少")
    assert own.figures[0].value == Decimal("155.50")


def test_a_units_rows_asked_under_it_in_other_words(engine):
    answer = engine.ask("江门医保局2024年新会分局下面的人员类是多少")  # not the first 人员类 of the table
    assert answer.figures[0].value == Decimal("222.09")


def test_spending_on_people_and_on_running_said_as_支出(engine):
    answer = engine.ask("廉江医保局2023年决算的人员支出和公用支出分别多少")
    assert [f.value for f in answer.figures] == [Decimal("658.63"), Decimal("14.82")]


def test_the_rows_of_a_classification_asked_as_a_list(engine):
    answer = engine.ask("江门医保局2024年按功能分类有哪些类支出，分别是多少")
    assert len(answer.figures) >= 3 and "从高到低" in answer.answer


def test_the_self_evaluation_named_as_a_performance_evaluation_report(engine):
    answer = engine.ask("江门医保局2023年度整体绩效评价报告里说的“其他收入”有多少")
    assert answer.figures[0].value == Decimal("24988.12")


def test_a_table_number_the_report_lacks_is_refused(engine):
    answer = engine.ask("江门医保局2024年部门预算的表15是什么表")
    assert not answer.found and "没有表15" in answer.answer


def test_a_table_named_then_pointed_back_at(engine):
    answer = engine.ask("吴川2024年预算的表2是“收入总体情况表”，这张表里的合计是多少")
    assert answer.figures[0].value == Decimal("542.07")


def test_a_project_described_by_what_its_money_is_for_is_answered_by_its_row(engine):
    answer = engine.ask("吴川医保局2024年用于开展打击欺诈骗保宣传月、给举报人发奖励的经费有多少钱？")
    assert answer.found and answer.figures[0].value == Decimal("7.00")
    assert answer.figures[0].row == "医疗保险基金检查及宣传经费" and "理解为“医疗保险基金检查及宣传经费”" in answer.answer
    audit = engine.ask("江门医保局2024年找第三方专业团队审核医保结算数据、遏制骗保的钱有多少")
    assert audit.figures[0].value == Decimal("167.00")  # 医保稽查经费, by its 绩效目标


def test_a_project_description_sharing_one_word_or_a_funds_sum_is_no_answer(engine):
    assert not engine.ask("江门医保局2024年印发材料、印刷票据花的钱预算多少").found  # 资料 alone is shared
    assert not engine.ask("广州2023年长期护理保险基金一年支出了多少钱？听说有好几亿").found  # a fund's, in 亿


def test_what_a_report_owns_up_to_as_shortcomings_is_its_problems_part(engine):
    answer = engine.ask("江门医保局2023年自评里坦白了哪些不足？")
    assert answer.found and "医保基金监管效能有待加强" in answer.answer


def test_whether_income_covers_spending_shows_both_sides(engine):
    answer = engine.ask("江门2023年职工医保基金收入够不够支出？")
    assert [f"{f.value}" for f in answer.figures] == ["67.93", "62.32"]


def test_year_end_said_with_的_against_year_start(engine):
    answer = engine.ask("廉江医保局2023年年末的结转和结余比年初是增是减？")
    assert [f"{f.value}" for f in answer.figures] == ["23.39", "21.58"]


def test_either_direction_asked_is_the_change_of_the_item_named(engine):
    answer = engine.ask("广州医保局2023年的预算跟上年比，比上年是多了还是少了？")
    assert answer.figures[0].value == Decimal("36522.28")  # not 因公出国（境）费's 减少8.5万元


def test_a_months_end_or_the_whole_year_asked_of_a_figure_counted_to_october(engine):
    for asked in ("廉江2023年城乡居民医保基金到12月末的收入是多少", "廉江2023年全年城乡居民医疗保险基金收入多少"):
        answer = engine.ask(asked)  # the report counts it to 10月底: shown, not given as the year's
        assert not answer.found and "截至10月" in answer.answer and "13.08" in answer.answer


def test_a_purpose_said_of_the_item_whose_sum_is_asked_asks_the_sum(engine):
    answer = engine.ask("广州医保局2023年拿来做医疗救助政策宣传和档案整理的医疗救助专项经费是多少？")
    assert answer.figures and answer.figures[0].value == Decimal("78.49")  # its row, not its 绩效目标 shown


def test_a_sum_put_as_a_bound_reached_or_met_exactly_asks_the_sum(engine):
    asked = {"广州2023年药品集团采购工作经费是不是正好700万？": "700.00",
             "江门医保局2024年医保稽查经费到没到150万": "167.00",
             "江门医保局2024年重点项目“医疗保障业务资金”上没上700万，谁知道": "761.34"}
    for question, value in asked.items():
        answer = engine.ask(question)
        assert answer.figures and f"{answer.figures[0].value}" == value, question


def test_a_final_accounts_column_said_of_the_final_account_beside_a_budget(engine):
    answer = engine.ask("吴川医保局2024年三公经费预算和廉江医保局2023年三公经费决算数相差多少？")
    assert answer.found and [f"{f.value}" for f in answer.figures] == ["19.50", "4.45"]  # 决算数 is 廉江's
    assert not engine.ask("吴川医保局2024年部门预算里三公经费的决算数是多少").found  # a budget prints none
