from __future__ import annotations

import re
from decimal import Decimal

import pytest

from conftest import document_from_text
from rag.audit import audit_report, summarize
from rag.parse import parse_report
from rag.parse.tables import garbled_rows, parse_tables
from rag.parse.headers import flatten_cell_header, flatten_text_header
from rag.parse.identity import detect_identity
from rag.parse.text import compact, parse_number, tidy_chinese

D = Decimal

# ------------------------------------------------------------------ hand-made layouts
SPACE_LAYOUT = """\
第二部分 2024年部门预算表
单位：万元单位名称：某市医疗保障局
表3
支出总体情况表
功能分类科目
合计 基本支出 项目支出
事业单位经营支
出
科目编码 科目名称
合计 1,234.50 1,000.00 234.50 0.00
210 卫生健康支出 1,234.50 1,000.00 234.50 0.00
21015 　医疗保障管理事务 1,234.50 1,000.00 234.50 0.00
2101501 　　行政运行 1,000.00 1,000.00 0.00 0.00
- 7 -
功能分类科目
合计 基本支出 项目支出
事业单位经营支
出
科目编码 科目名称
2101505
　　医疗保障政策管
理
234.50 0.00 234.50 0.00
注：无。
"""


def test_space_layout_wrapped_header_cells_and_page_break():
    table = parse_report(document_from_text(SPACE_LAYOUT)).tables[0]
    assert (table.number, table.title, table.unit) == (3, "支出总体情况表", "万元")
    assert table.columns == ["合计", "基本支出", "项目支出", "事业单位经营支出"]
    names = [row.name for row in table.rows]
    assert names == ["合计", "卫生健康支出", "医疗保障管理事务", "行政运行", "医疗保障政策管理"]
    wrapped = table.rows[-1]
    assert wrapped.code == "2101505" and wrapped.level == 3
    assert wrapped.values == {"合计": D("234.50"), "基本支出": D("0.00"), "项目支出": D("234.50"),
                              "事业单位经营支出": D("0.00")}
    assert (wrapped.line_start, wrapped.line_end) == (20, 23)
    assert table.rows[0].values["合计"] == D("1234.50") and table.rows[0].level == 0
    assert table.note == "注：无。"


TAB_TWO_SIDED = (
    "表1\n收支总体情况表\n单位：万元\n"
    "收入\t\t支出\t\n项目\t预算\t项目\t预算\n"
    "一、预算拨款\t542.07\t一、一般公共服务支出\t0.00\n"
    "\t\t九、卫生健康支出\t451.83\n"
    "本年收入合计\t542.07\t本年支出合计\t542.07\n"
    "注：无。\n"
)


def test_tab_layout_side_by_side_statement():
    table = parse_report(document_from_text(TAB_TWO_SIDED)).tables[0]
    rows = {(row.side, row.name): row.values for row in table.rows}
    assert rows[("收入", "一、预算拨款")] == {"预算": D("542.07")}
    assert rows[("支出", "九、卫生健康支出")] == {"预算": D("451.83")}
    assert ("收入", "") not in rows and len(table.rows) == 5


@pytest.mark.parametrize("repeated", [
    "功能分类科目\t\t合计\t财政拨款收入\t\n科目编码\t科目名称\t\t一般公共预算\t政府性基金预算\n",  # whole
    "功能分类科目\t\t合计\t财政拨款收入\t\n",  # its first row only, as a PDF's ruled cells may give it
])
def test_a_header_repeated_at_a_page_break_whole_or_in_part_costs_no_row(repeated):
    header = "功能分类科目\t\t合计\t财政拨款收入\t\n科目编码\t科目名称\t\t一般公共预算\t政府性基金预算\n"
    text = ("表2\n收入总体情况表\n单位：万元\n" + header + "\t合计\t26.87\t26.87\t0.00\n"
            "221\t住房保障支出\t26.87\t26.87\t0.00\n" + repeated + "2210201\t住房公积金\t26.87\t26.87\t0.00\n注：无。\n")
    table = parse_report(document_from_text(text)).tables[0]
    assert [(row.code, row.name) for row in table.rows] == [(None, "合计"), ("221", "住房保障支出"),
                                                            ("2210201", "住房公积金")]


MARKDOWN = """\
表 2
## 收入总体情况表
单位：万元
| 功能分类科目 | | 合计 | 财政拨款收入 | |
| 科目编码 | 科目名称 | | 一般公共预算 | 政府性基金预算 |
|---|---|---|---|---|
| | 合计 | 26，336.80 | 4,368.16 | 466.99 |
| 210 | 卫生健康支出 | 100.00 | 100.00 | 0.00 |
注：无。
"""


def test_markdown_pipe_table_with_both_thousands_separators():
    table = parse_report(document_from_text(MARKDOWN)).tables[0]
    assert table.columns == ["合计", "财政拨款收入/一般公共预算", "财政拨款收入/政府性基金预算"]
    total, health = table.rows
    assert total.values["合计"] == D("26336.80")
    assert total.values["财政拨款收入/一般公共预算"] == D("4368.16")
    assert (health.code, health.name, health.level) == ("210", "卫生健康支出", 1)


FINAL_ACCOUNTS = """\
表1
收入支出决算总表
收入 支出
项目 行次 决算数 项目 行次 决算数
栏次 1 栏次 2
一、一般公共预算财政拨款收入 1 814.59 一、一般公共服务支出 31 0.00
9 九、卫生健康支出 39 670.88
本年收入合计 27 814.62 本年支出合计 57 812.81
注：本表反映部门本年度的总收支。
表9
财政拨款“三公”经费支出决算表
预算数 决算数
合计
因公出国
（境）费
公务用车购置及运行维护费
公务接待费 合计
因公出国
（境）费
公务用车购置及运行维护费
公务接待费
小计
公务用车购
置费
公务用车运
行维护费
小计
公务用车购
置费
公务用车运
行维护费
1 2 3 4 5 6 7 8 9 10 11 12
4.45 0.00 4.45 0.00 4.45 0.00 4.45 0.00 4.45 0.00 4.45 0.00
注：本表反映“三公”经费。
"""


def test_final_accounts_row_numbers_and_one_row_table():
    statement, sangong = parse_report(document_from_text(FINAL_ACCOUNTS)).tables
    health = next(row for row in statement.rows if row.name == "九、卫生健康支出")
    assert (health.side, health.row_number, health.values) == ("支出", 39, {"决算数": D("670.88")})
    assert not any(row.row_number == 9 for row in statement.rows)  # the empty left cell
    assert [row.row_number for row in statement.rows if row.side == "收入"] == [1, 27]
    assert len(sangong.columns) == 12
    assert sangong.columns[2] == "预算数/公务用车购置及运行维护费/小计"
    assert sangong.columns[10] == "决算数/公务用车购置及运行维护费/公务用车运行维护费"
    (row,) = sangong.rows
    assert row.values["决算数/公务用车购置及运行维护费/公务用车运行维护费"] == D("4.45")


PROJECTS = """\
表12
部门预算项目支出及其他支出预算表
单位：万元
支出项目类别（资金使用单位） 总计 绩效目标
合计 20.00
某市医疗保障局-小计 20.00
　　会议支出 3.00 运转类支出，无绩效目标。
　　医疗保障工作宣传经费 17.00
结合政务公开考核工作要求，充分利用报社、电
视台等媒体的宣传作用。
注：无。
"""


def test_project_rows_keep_their_wrapped_performance_target_text():
    table = parse_report(document_from_text(PROJECTS)).tables[0]
    assert table.text_column == "绩效目标"
    rows = {row.name: row for row in table.rows}
    assert rows["会议支出"].text == "运转类支出，无绩效目标。"
    assert rows["医疗保障工作宣传经费"].text == "结合政务公开考核工作要求，充分利用报社、电视台等媒体的宣传作用。"
    assert rows["某市医疗保障局-小计"].level == 1 and rows["会议支出"].level == 2


def test_header_flattening_by_position_and_by_known_words():
    cells = flatten_cell_header([["支出项目类别", "总计", "财政拨款", "", "财政专户拨款"],
                                 ["", "", "合计", "一般公共预算", ""]])
    assert [name for role, name in cells if role == "value"] == [
        "总计", "财政拨款/合计", "财政拨款/一般公共预算", "财政专户拨款"]
    flat = flatten_text_header("功能科目名称一般公共预\n算支出小计 其中：基本支出 项目支出")
    assert flat.columns == ["一般公共预算支出/小计", "一般公共预算支出/基本支出", "一般公共预算支出/项目支出"]


@pytest.mark.parametrize("token, value", [
    ("4,181.30", D("4181.30")), ("26，336.8", D("26336.8")), ("0.00", D("0.00")), ("1200", D("1200")),
    ("4,18", None), ("abc", None), ("12.3.4", None),
])
def test_number_normalization(token, value):
    assert parse_number(token) == value


# ------------------------------------------------------------------ text, sections, identity
TEXT = """\
江门市医疗保障局 2023 年度部门

整体支出绩效自评报告

- 1 -
一、部门基本情况
（一）部门职能
根据《江门市机构改革方案》精神，设立江门市医疗保障局。市医疗保障局贯彻落实党中央关于医疗保
http://baike.baidu.com/view/2657040.htm
 障工作的方针政策和决策部署。
　　（一）拟订医疗保险、生育保险、医疗救助等医疗保障方面
的规范性文件。
二、其他情况
2024年本部门财政拨款安排“三公”经费17.56万元，比上年减少0.94万元，下降5.07%。
"""


def test_paragraphs_rejoined_without_page_furniture_or_stray_spaces():
    report = parse_report(document_from_text(TEXT))
    texts = [p.text for p in report.paragraphs]
    assert "根据《江门市机构改革方案》精神，设立江门市医疗保障局。市医疗保障局贯彻落实党中央关于医疗保障工作的方针政策和决策部署。" in texts
    assert "（一）拟订医疗保险、生育保险、医疗救助等医疗保障方面的规范性文件。" in texts
    assert not any("http" in t or "- 1 -" in t for t in texts)
    paths = [s.path for s in report.sections]
    assert paths == ["一、部门基本情况", "一、部门基本情况 > （一）部门职能", "二、其他情况"]


def test_prose_figures_are_facts_with_their_sentence():
    facts = parse_report(document_from_text(TEXT)).facts
    amount, change, percent = facts
    assert (amount.item, amount.value, amount.unit, amount.kind) == ("三公经费", D("17.56"), "万元", "amount")
    assert (change.value, change.kind, change.item) == (D("0.94"), "change", "三公经费")
    assert (percent.value, percent.unit) == (D("5.07"), "%")
    assert amount.sentence.startswith("2024年本部门财政拨款安排“三公”经费17.56万元")


def test_identity_comes_from_content():
    identity = detect_identity(document_from_text(TEXT).lines)
    assert (identity.unit, identity.city, identity.year, identity.kind) == (
        "江门市医疗保障局", "江门", 2023, "部门整体支出绩效自评报告")
    unknown = detect_identity(document_from_text("一些文字\n没有单位").lines)
    assert not unknown.complete and unknown.title == "（未识别的报告）"


def test_tidy_chinese_drops_only_spaces_inside_chinese():
    assert tidy_chinese("进行宣 传，增强 2023 年 DIP 支付") == "进行宣传，增强2023年 DIP 支付"


# ------------------------------------------------------------------ the real corpus
def test_a_prose_figure_cites_the_line_that_prints_it_not_its_paragraphs_first(corpus_reports):
    report = corpus_reports["廉江市医疗保障局2023年部门决算"]
    recovered = next(f for f in report.facts if f.value == D("68.7"))
    assert recovered.line == 1097  # its paragraph starts at line 1029
    for report in corpus_reports.values():  # every figure printed in digits, on the line cited
        printed = printed_lines(report)
        for fact in report.facts:
            if str(fact.value) in fact.sentence.replace(",", "").replace("，", ""):  # not 八项 (8)
                assert str(fact.value) in printed[fact.line], (report.identity.title, fact.line, fact.value)


def test_a_prose_figure_in_a_list_is_labelled_without_the_lists_joint(corpus_reports):
    labels = {f.value: f.label for f in corpus_reports["廉江市医疗保障局2023年部门决算"].facts}
    assert labels[D("1362000")] == "城乡居民医保"  # "…98126人、城乡居民医保1362000人"
    fund = {f.value: f.label for f in corpus_reports["江门市医疗保障局2023年部门整体支出绩效自评报告"].facts}
    assert fund[D("67.93")] == "其中职工医保"  # "收入93.33亿元（其中职工医保67.93亿元"
    assert not any(f.label.startswith(("、", "（其中")) for r in corpus_reports.values() for f in r.facts)


def test_a_prose_figure_in_brackets_after_its_name_is_labelled_by_the_name_alone(corpus_reports):
    facts = corpus_reports["江门市医疗保障局2023年部门整体支出绩效自评报告"].facts
    labels = {f.value: f.label for f in facts if f.unit in ("个", "项")}  # "药品（120个）、耗材（20个）、…（318 项）"
    assert (labels[D("20")], labels[D("318")]) == ("耗材", "医疗服务项目")
    assert not any(f.label.endswith(("（", "(")) or f.label.startswith(("）", ")")) for f in facts)


def test_the_first_row_of_a_table_printed_as_text_is_labelled_without_its_header(corpus_reports):
    labels = {f.value: f.label for f in corpus_reports["江门市医疗保障局2024年部门预算"].facts if f.unit == "万元"}
    assert labels[D("340")] == "医疗救助专项资金"  # after "项目 预算数（单位：万元） 绩效目标"
    assert labels[D("761.34")] == "医疗保障业务资金"
    labels = {f.value: f.label for f in corpus_reports["广州市医疗保障局2023年部门预算"].facts if f.unit == "万元"}
    assert labels[D("792.37")] == "业务用房租赁经费"  # after "项目预算数(单位:万元)\t绩效目标"


def printed_lines(report) -> dict[int, str]:
    return {line.number: re.sub(r"(?<=\d)[,，](?=\d{3})", "", compact(line.text)) for line in report.document.lines}


def test_corpus_identities(corpus_reports):
    assert set(corpus_reports) == {
        "江门市医疗保障局2024年部门预算", "广东省吴川市医疗保障局2024年部门预算",
        "廉江市医疗保障局2023年部门决算", "江门市医疗保障局2023年部门整体支出绩效自评报告",
        "广州市医疗保障局2023年部门预算",
    }
    assert all(r.identity.money_unit == "万元" for r in corpus_reports.values())


@pytest.mark.parametrize("title, count", [
    ("江门市医疗保障局2024年部门预算", 12), ("广东省吴川市医疗保障局2024年部门预算", 12),
    ("廉江市医疗保障局2023年部门决算", 9), ("广州市医疗保障局2023年部门预算", 12),
    ("江门市医疗保障局2023年部门整体支出绩效自评报告", 0),
])
def test_every_table_is_found_once(corpus_reports, title, count):
    tables = corpus_reports[title].tables
    assert [t.number for t in tables] == list(range(1, count + 1))
    assert all(t.rows for t in tables)


def test_a_tables_note_cut_at_a_lines_end_or_numbered_is_read_whole(corpus_reports):
    report = corpus_reports["廉江市医疗保障局2023年部门决算"]
    notes = {t.number: t.note for t in report.tables}
    assert notes[9].endswith("决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。")  # over two lines
    assert notes[1] == "注：1.本表反映部门本年度的总收支和年末结转结余情况。2.本套报表金额单位转换时可能存在尾数误差。"
    assert notes[2] == "注：本表反映部门本年度取得的各项收入情况。"  # a note that ends stops there


def _row(report, number, name):
    table = next(t for t in report.tables if t.number == number)
    return next(row for row in table.rows if row.name.replace(" ", "").endswith(name))


def test_jiangmen_2024_sangong_space_layout(corpus_reports):
    report = corpus_reports["江门市医疗保障局2024年部门预算"]
    table = report.tables[7]
    assert table.title == "财政拨款安排的行政经费及“三公”经费预算表"
    assert _row(report, 8, "“三公”经费").values["合计"] == D("17.56")
    assert _row(report, 8, "因公出国（境）支出").values["合计"] == D("0.00")
    assert _row(report, 8, "公务用车购置及运行维护支出").values["一般公共预算"] == D("14.82")
    assert _row(report, 8, "公务接待费支出").values["合计"] == D("2.74")
    row = _row(report, 2, "机关事业单位基本养老保险缴费支出")  # code and name wrapped over 3 lines
    assert (row.code, row.level, row.values["财政拨款收入/一般公共预算"]) == ("2080505", 3, D("194.27"))


def test_lianjiang_final_accounts_row(corpus_reports):
    report = corpus_reports["廉江市医疗保障局2023年部门决算"]
    row = _row(report, 3, "一般行政管理事务")
    assert (row.code, row.level) == ("2101502", 3)
    assert row.values == {"本年支出合计": D("69.48"), "基本支出": D("28.31"), "项目支出": D("41.17"),
                          "上缴上级支出": D("0.00"), "经营支出": D("0.00"), "对附属单位补助支出": D("0.00")}
    health = _row(report, 1, "九、卫生健康支出")
    assert (health.side, health.row_number, health.values["决算数"]) == ("支出", 39, D("670.88"))
    sangong = report.tables[8].rows[0]
    assert sangong.values["决算数/合计"] == D("4.45")


def test_guangzhou_markdown_report_row_continued_over_pages(corpus_reports):
    report = corpus_reports["广州市医疗保障局2023年部门预算"]
    assert _row(report, 7, "“三公”经费").values["合计"] == D("85.72")
    project = _row(report, 12, "2023-2024年信息化运维项目(2023)")
    assert project.values["总计"] == D("167.74")
    assert project.text.startswith("在现有维护体系的基础上") and project.text.endswith("确保日常办公信息平台的稳定运行。")
    income = next(t for t in report.tables if t.number == 1)
    assert _row(report, 1, "本年支出合计").values["预算"] == D("493720.60")
    assert sum(1 for row in income.rows if row.side == "支出") > 25  # three pages, one table


def test_wuchuan_tab_report_row(corpus_reports):
    report = corpus_reports["广东省吴川市医疗保障局2024年部门预算"]
    row = _row(report, 5, "行政运行")
    assert (row.code, row.level) == ("2101501", 3)
    assert row.values == {"一般公共预算支出/小计": D("278.54"), "一般公共预算支出/基本支出": D("123.04"),
                          "一般公共预算支出/项目支出": D("155.50")}
    assert _row(report, 8, "“三公”经费").values["合计"] == D("19.50")


@pytest.mark.parametrize("mark, number", [("表1", 1), ("表 12", 12), ("表三", 3), ("表十二", 12), ("附表二十", 20)])
def test_table_marks_in_arabic_or_chinese_numerals(mark, number):
    text = f"{mark}\n支出总体情况表\n单位：万元\n项目 合计\n合计 1.00\n注：无。\n"
    assert parse_report(document_from_text(text)).tables[0].number == number


@pytest.mark.parametrize("title", ["广东省吴川市医疗保障局2024年部门预算", "广州市医疗保障局2023年部门预算"])
def test_the_same_report_in_space_layout_parses_to_the_same_rows(corpus_reports, title):
    """Tabs turned into runs of spaces (as another PDF extractor may print them) change nothing."""
    from rag.load import split_lines
    from rag.models import SourceDocument
    from rag.parse.text import compact

    original = corpus_reports[title]
    text = "\n".join(line.text for line in original.document.lines).replace("\t", "  ")
    spaced = parse_report(SourceDocument("spaced.txt", "spaced.txt", "0", "utf-8", split_lines(text)))

    def figures(report):
        return [(t.number, r.side, tuple(r.values.items())) for t in report.tables for r in t.rows]

    assert figures(spaced) == figures(original)
    # Names match too, except a name the tab layout rejoined across a page break ("…年信" + "息化…"):
    # without cell positions its second half cannot be told from the 绩效目标 text beside it.
    pairs = [(a, b) for ta, tb in zip(original.tables, spaced.tables) for a, b in zip(ta.rows, tb.rows)]
    differing = [a for a, b in pairs if compact(a.name) != compact(b.name)]
    assert all(a.line_end > a.line_start for a in differing) and len(differing) <= 2


@pytest.mark.parametrize("title", ["广东省吴川市医疗保障局2024年部门预算", "广州市医疗保障局2023年部门预算"])
def test_the_same_report_as_markdown_pipe_tables_parses_to_the_same_rows(corpus_reports, title):
    from rag.load import split_lines
    from rag.models import SourceDocument

    original = corpus_reports[title]
    piped = "\n".join("| " + " | ".join(line.text.split("\t")) + " |" if "\t" in line.text else line.text
                      for line in original.document.lines)
    markdown = parse_report(SourceDocument("piped.md", "piped.md", "0", "utf-8", split_lines(piped)))

    def rows(report):
        return [(t.number, t.columns, r.name, r.side, r.text, tuple(r.values.items()))
                for t in report.tables for r in t.rows]

    assert rows(markdown) == rows(original)


# ------------------------------------------------------------------ a PDF printed by Chromium
def _row_key(row):
    return (compact(row.name), row.code, row.level, row.side, row.row_number, row.values, row.text)


def test_text_pdf_parses_like_the_text_report(text_pdf_report, corpus_reports):
    text = corpus_reports["广州市医疗保障局2023年部门预算"]
    pdf = text_pdf_report
    assert pdf.identity == text.identity and pdf.identity.title == "广州市医疗保障局2023年部门预算"
    assert len(pdf.tables) == 12 and sum(len(t.rows) for t in pdf.tables) == 263
    for from_pdf, from_text in zip(pdf.tables, text.tables):
        assert (from_pdf.number, from_pdf.title, from_pdf.unit, from_pdf.columns) == \
            (from_text.number, from_text.title, from_text.unit, from_text.columns)
        assert [_row_key(r) for r in from_pdf.rows] == [_row_key(r) for r in from_text.rows], from_pdf.number
    sums = summarize(audit_report(pdf))
    assert sums.checks == summarize(audit_report(text)).checks == 274 and sums.passed == 274
    assert {f.label: f.value for f in pdf.facts} == {f.label: f.value for f in text.facts}


def test_ruled_cells_are_read_only_where_the_lines_fail(text_pdf_report):
    """表12's project rows break across pages under a reprinted header: read line by line, the
    header lands inside the rows; its ruled cells read it right. The other tables keep their lines."""
    sources = {t.number: t.source for t in text_pdf_report.tables}
    assert sources == {**{n: "lines" for n in range(1, 12)}, 12: "ruled"}
    table12 = text_pdf_report.tables[11]
    document = text_pdf_report.document
    by_lines = parse_tables(document.lines)[0][11]
    assert garbled_rows(by_lines) > 0 and garbled_rows(table12) == 0
    assert table12.rows[0].line_start >= table12.line_start  # ruled rows keep the text's line numbers
    row = next(r for r in table12.rows if r.name == "机构运行辅助经费")
    assert row.values["总计"] == D("27.96") and row.text.startswith("围绕局工作")
    assert "27.96" in document.lines[row.line_start - 1].text


def test_a_header_reprinted_into_the_row_below_it_is_dropped_from_its_name():
    from rag.models import Table, TableRow
    from rag.parse.tables import drop_reprinted_headers

    columns = ["总计", "财政拨款/合计", "财政拨款/一般公共预算", "财政专户拨款", "其他资金"]
    rows = [TableRow(0, "支出项目类别（资金使用单位）总计财政拨款财政专户拨款其他资金绩效目标合计一般公共预算医药价格和招采管理经费",
                     {"总计": D("1.00")}, 10, 12),
            TableRow(1, "合计", {"总计": D("1.00")}, 13, 13), TableRow(2, "财政拨款支出合计", {"总计": D("1.00")}, 14, 14)]
    table = Table(12, "部门预算项目支出及其他支出预算表", "万元", columns, rows, 1, 20, text_column="绩效目标")
    drop_reprinted_headers(table)
    assert [row.name for row in table.rows] == ["医药价格和招采管理经费", "合计", "财政拨款支出合计"]


def test_a_count_of_years_is_a_fact_and_a_date_is_not(corpus_reports):
    guangzhou = corpus_reports["广州市医疗保障局2023年部门预算"]
    years = [f for f in guangzhou.facts if f.unit == "年"]
    assert [(f.value, "车龄已有15年" in f.sentence) for f in years] == [(D("15"), True)] * len(years) and years


def test_a_thing_counted_two_ways_gives_both_figures_its_words(corpus_reports):
    lianjiang = corpus_reports["廉江市医疗保障局2023年部门决算"]
    pairs = {(f.value, f.unit): f.label for f in lianjiang.facts if "零星医疗救助2330人次" in f.sentence}
    assert pairs[D("2330"), "人次"] == pairs[D("2702"), "万元"] == "零星医疗救助"
    assert pairs[D("18495"), "人次"] == pairs[D("6681"), "万元"] == "居民精神病人支付"


def test_a_list_number_before_a_determiner_is_no_count(corpus_reports):
    wuchuan = corpus_reports["广东省吴川市医疗保障局2024年部门预算"]
    assert not [f for f in wuchuan.facts if f.unit == "本" and "1本经费主要用于" in f.sentence]  # 1. 本经费…


def test_a_tables_number_before_a_measure_word_is_no_figure(corpus_reports):
    """A table's heading "表1" read into the note after it ("表1本套报表金额…"): no 1本 is stated."""
    for title in ("广东省吴川市医疗保障局2024年部门预算", "广州市医疗保障局2023年部门预算"):
        assert not [f for f in corpus_reports[title].facts if "表1本" in f.sentence]
