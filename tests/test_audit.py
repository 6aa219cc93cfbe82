from __future__ import annotations

from decimal import Decimal

from conftest import document_from_text
from rag.audit import audit_report, summarize
from rag.parse import parse_report

BROKEN_SUMS = """\
表8
财政拨款安排的行政经费及“三公”经费预算表
单位：万元
项目 合计 一般公共预算 政府性基金预算 国有资本经营预算
“三公”经费 20.00 20.00 0.00 0.00
　　其中：（一）因公出国（境）支出 1.00 1.00 0.00 0.00
　　　　　（二）公务用车购置及运行维护支出 14.82 14.82 0.00 0.00
　　　　　　　　1.公务用车购置费 0.00 0.00 0.00 0.00
　　　　　　　　2.公务用车运行维护费 14.82 14.82 0.00 0.00
　　　　　（三）公务接待费支出 2.74 2.74 0.00 0.00
注：无。
二、“三公”经费安排情况
2024年本部门财政拨款安排“三公”经费18.56万元，比上年减少0.94万元，下降4.82%。
"""


def test_audit_lists_sums_that_do_not_add_up():
    findings = audit_report(parse_report(document_from_text(BROKEN_SUMS)))
    failed = {(f.check, f.expected, f.actual) for f in findings if not f.passed}
    assert ("sangong_parts", Decimal("20.00"), Decimal("18.56")) in failed
    assert ("parent_children", Decimal("20.00"), Decimal("18.56")) in failed
    assert ("prose_table", Decimal("18.56"), Decimal("20.00")) in failed
    passed = {(f.check, f.subject) for f in findings if f.passed}
    assert any(check == "sangong_parts" and "公务用车购置及运行维护费" in subject for check, subject in passed)
    change = next(f for f in findings if f.check == "prose_change")
    assert change.passed and change.actual == Decimal("4.82")  # 0.94 / 19.50


def _sangong_total_check(total: str):
    text = BROKEN_SUMS.replace("“三公”经费 20.00 20.00", f"“三公”经费 {total} {total}")
    findings = audit_report(parse_report(document_from_text(text)))
    return next(f for f in findings if f.check == "sangong_parts" and f.subject.startswith("表8「三公经费」合计"))


def test_rounding_within_a_cent_per_item_passes():
    assert _sangong_total_check("18.58").passed  # 0.02 off over 3 items: rounding
    assert not _sangong_total_check("18.60").passed  # 0.04 off over 3 items: listed


def test_corpus_sum_checks_pass_and_the_known_source_inconsistency_is_reported(corpus_reports):
    findings = [f for report in corpus_reports.values() for f in audit_report(report)]
    summary = summarize(findings)
    assert summary.checks > 900
    assert summary.rate >= 0.98
    odd = [f for f in findings if not f.passed]
    # 江门 2024: "“三公”经费17.56万元，比上年减少0.94万元，下降5.07%" but 0.94 / 18.50 = 5.08%
    assert any(f.check == "prose_change" and f.expected == Decimal("5.07") and f.actual == Decimal("5.08")
               for f in odd)
    # 江门 2023 自评: "本年收入26，336.8万元" but its eight listed parts add up to 29,823.27
    assert any(f.check == "prose_parts" and f.expected == Decimal("26336.8") and f.actual == Decimal("29823.27")
               for f in odd)
    assert len(odd) == 2


def test_prose_totals_against_their_numbered_parts():
    text = ("一、收入\n江门市医疗保障局2023年度总收入100万元，其中本年收入90万元。具体情况如下：\n"
            "1.一般公共预算财政拨款收入60万元，比上年增加1万元。\n2.其他收入30万元。\n")
    (finding,) = [f for f in audit_report(parse_report(document_from_text(text))) if f.check == "prose_parts"]
    assert finding.passed and finding.expected == Decimal("90") and finding.actual == Decimal("90")
