"""Prove the parse by the reports' own arithmetic.

Checks: parent rows against the sum of their children, totals against the sum of their items,
total columns against the columns they total, 三公经费 against its three parts, and each prose
figure against the table figure for the same item. A difference within 0.01 per summed item
passes (source rounding); every other difference is listed, never hidden. Checks in which every
figure is zero prove nothing about the parse and are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rag import domain
from rag.models import AuditFinding, ParsedReport, Table, TableRow
from rag.parse.facts import item_named_by, label_names_item
from rag.parse.headers import SEPARATOR
from rag.parse.text import compact

ROUNDING_PER_ITEM = Decimal("0.01")
SUM_CHECKS = ("parent_children", "total_items", "column_total", "sangong_parts")
CHECK_NAMES = {
    "parent_children": "上级与下级之和", "total_items": "合计与各项之和", "column_total": "合计列与各列之和",
    "sangong_parts": "三公经费与三项", "prose_table": "正文与表格", "prose_change": "正文增减与百分比",
    "prose_parts": "正文总数与所列分项",
}
PROSE_TOTALS = ("收入合计", "收入总计", "支出合计", "支出总计")
LIST_NUMBER = re.compile(r"^(\d{1,2})[.．、]")
TOTAL_COLUMN_WORDS = ("合计", "总计", "小计", "本年收入合计", "本年支出合计")
NUMBERING_PREFIX = re.compile(r"^(?:其中[：:])?(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、]|[一二三四五六七八九十]+、)\s*")


@dataclass
class AuditSummary:
    checks: int
    passed: int

    @property
    def rate(self) -> float:
        return self.passed / self.checks if self.checks else 1.0


def audit_report(report: ParsedReport) -> list[AuditFinding]:
    findings: list[AuditFinding] = []
    doc = report.document.name
    for table in report.tables:
        findings += table_findings(doc, table)
    findings += _prose_against_tables(doc, report)
    findings += _prose_changes(doc, report)
    findings += _prose_parts(doc, report)
    return findings


def table_findings(doc: str, table: Table) -> list[AuditFinding]:
    """The sum checks of one table: parents, totals, total columns, 三公经费."""
    findings: list[AuditFinding] = []
    for side_rows in _rows_by_side(table).values():
        findings += _parent_children(doc, table, side_rows)
        findings += _total_items(doc, table, side_rows)
    findings += _column_totals(doc, table)
    findings += _sangong_parts(doc, table)
    return findings


def summarize(findings: list[AuditFinding]) -> AuditSummary:
    sums = [f for f in findings if f.check in SUM_CHECKS]
    return AuditSummary(len(sums), sum(f.passed for f in sums))


def _finding(doc: str, check: str, table: Table | None, subject: str, stated: Decimal,
             parts: list[Decimal], line: int | None, tolerance: Decimal | None = None) -> AuditFinding | None:
    if stated == 0 and not any(parts):
        return None
    total = sum(parts, Decimal(0))
    allowed = ROUNDING_PER_ITEM * len(parts) if tolerance is None else tolerance
    return AuditFinding(doc, check, table.number if table else None, subject, stated, total,
                        abs(stated - total) <= allowed, line)


def _row_against_rows(doc: str, check: str, table: Table, stated: TableRow, parts: list[TableRow],
                      subject: str) -> list[AuditFinding]:
    """For each column of the stated row: its figure against the sum of that column over parts.
    The subject names what is checked, with {column} standing for the column's name."""
    findings = []
    for column, value in stated.values.items():
        values = [part.values.get(column) for part in parts]
        if parts and None not in values:
            finding = _finding(doc, check, table, subject.replace("{column}", column), value, values,
                               stated.line_start)
            if finding:
                findings.append(finding)
    return findings


def _rows_by_side(table: Table) -> dict[str | None, list[TableRow]]:
    sides: dict[str | None, list[TableRow]] = {}
    for row in table.rows:
        sides.setdefault(row.side, []).append(row)
    return sides


def _parent_children(doc: str, table: Table, rows: list[TableRow]) -> list[AuditFinding]:
    findings = []
    for position, parent in enumerate(rows):
        if parent.level < 1:
            continue
        children = direct_children(rows, position)
        findings += _row_against_rows(
            doc, "parent_children", table, parent, children,
            f"表{table.number}「{parent.name}」{{column}} = 下级{len(children)}项之和")
    return findings


def direct_children(rows: list[TableRow], position: int) -> list[TableRow]:
    """The rows one level below rows[position], up to the next row at its level or a subtotal."""
    parent = rows[position]
    children, child_level = [], None
    for row in rows[position + 1:]:
        if row.level <= parent.level or _is_subtotal(row):
            break
        child_level = child_level or row.level
        if row.level == child_level:
            children.append(row)
    return children


def _is_subtotal(row: TableRow) -> bool:
    name = compact(row.name)
    return row.level == 0 or name.endswith("合计") or name in domain.GRAND_TOTALS


def _total_items(doc: str, table: Table, rows: list[TableRow]) -> list[AuditFinding]:
    """合计 rows against the top items; on a statement side, 本年合计 and 总计 against theirs."""
    findings = []
    items: list[TableRow] = []
    subtotal: TableRow | None = None
    for row in rows:
        if not _is_subtotal(row):
            if row.level == 1:
                items.append(row)
            continue
        grand = row.level == 0 or compact(row.name) in domain.GRAND_TOTALS
        summed = ([subtotal] if grand and subtotal else []) + items
        findings += _row_against_rows(doc, "total_items", table, row, summed,
                                      f"表{table.number}「{row.name}」{{column}} = {len(summed)}项之和")
        subtotal, items = (None, []) if grand else (row, [])
    return findings


def _column_totals(doc: str, table: Table) -> list[AuditFinding]:
    findings = []
    for columns in table.side_columns.values():
        groups = _column_groups(columns)
        for row in table.rows:
            for total, parts in groups:
                if total not in row.values or any(p not in row.values for p in parts):
                    continue
                subject = f"表{table.number}「{row.name}」{total} = {'+'.join(parts)}"
                finding = _finding(doc, "column_total", table, subject, row.values[total],
                                   [row.values[p] for p in parts], row.line_start)
                if finding:
                    findings.append(finding)
    return findings


def _column_groups(columns: list[str]) -> list[tuple[str, list[str]]]:
    """(total column, the columns it totals) from the flattened header paths.

    A header group whose first child is 合计/小计 totals its other children; a child that is a
    group itself counts through its own total column, or else through all its leaves.
    """
    children: dict[str, list[str]] = {}
    for column in columns:
        parts = column.split(SEPARATOR)
        for depth in range(len(parts)):
            parent, child = SEPARATOR.join(parts[:depth]), SEPARATOR.join(parts[:depth + 1])
            if child not in children.setdefault(parent, []):
                children[parent].append(child)
    groups = []
    for kids in children.values():
        first = kids[0]
        if len(kids) < 2 or first not in columns or first.rsplit(SEPARATOR, 1)[-1] not in TOTAL_COLUMN_WORDS:
            continue
        groups.append((first, [c for kid in kids[1:] for c in _standing_for(kid, columns, children)]))
    return groups


def _standing_for(node: str, columns: list[str], children: dict[str, list[str]]) -> list[str]:
    if node in columns:
        return [node]
    kids = children.get(node, [])
    if kids and kids[0] in columns and kids[0].rsplit(SEPARATOR, 1)[-1] in TOTAL_COLUMN_WORDS:
        return [kids[0]]
    return [c for kid in kids for c in _standing_for(kid, columns, children)]


def item_row(table: Table, item: str) -> TableRow | None:
    """The row stating an item; rows with an 经济科目 code are line items, not the item itself."""
    names = domain.ITEM_ROW_NAMES.get(item, ())
    for row in table.rows:
        if row.code is None and NUMBERING_PREFIX.sub("", compact(row.name)) in names:
            return row
    return None


def _sangong_parts(doc: str, table: Table) -> list[AuditFinding]:
    findings = []
    for whole, parts in ((domain.SANGONG, domain.SANGONG_PARTS), ("公务用车购置及运行维护费", domain.CAR_PARTS)):
        total_row = item_row(table, whole)
        part_rows = [item_row(table, part) for part in parts]
        if total_row is None or None in part_rows:
            continue
        findings += _row_against_rows(doc, "sangong_parts", table, total_row, part_rows,
                                      f"表{table.number}「{whole}」{{column}} = {'+'.join(parts)}")
    return findings


def _prose_against_tables(doc: str, report: ParsedReport) -> list[AuditFinding]:
    """A prose figure passes when a table row stating the same item prints the same figure."""
    findings = []
    rows_of: dict[str, list[tuple[Table, TableRow]]] = {}  # per item, found once: linear in the report
    for fact in report.facts:
        if fact.kind != "amount" or fact.unit != report.identity.money_unit or not label_names_item(fact.label, fact.item):
            continue
        if fact.item not in rows_of:
            rows_of[fact.item] = [(table, row) for table in report.tables
                                  if (row := item_row(table, fact.item)) is not None and row.values]
        candidates = rows_of[fact.item]
        if not candidates:
            continue
        table, row = next(((t, r) for t, r in candidates if next(iter(r.values.values())) == fact.value),
                          candidates[0])
        column, value = next(iter(row.values.items()))
        subject = f"正文「{fact.label}{fact.value}{fact.unit}」对 表{table.number}「{row.name}」{column}"
        findings.append(AuditFinding(doc, "prose_table", table.number, subject, fact.value, value,
                                     fact.value == value, fact.line))
    return findings


def _prose_parts(doc: str, report: ParsedReport) -> list[AuditFinding]:
    """"总收入X万元，其中本年收入Y万元。具体情况如下：1.…A万元 2.…B万元 …": Y must be A+B+…"""
    facts = [f for f in report.facts if f.kind == "amount"]
    findings, position = [], 0
    while position < len(facts):
        if item_named_by(facts[position].label) not in PROSE_TOTALS:
            position += 1
            continue
        total = facts[position]
        position += 1
        while position < len(facts) and item_named_by(facts[position].label) in PROSE_TOTALS:
            total = facts[position]  # "其中本年收入" after "总收入": the list adds up to the later one
            position += 1
        parts = []
        while position < len(facts) and facts[position].unit == total.unit:
            number = LIST_NUMBER.match(compact(facts[position].label))
            if not number or int(number.group(1)) != len(parts) + 1:
                break
            parts.append(facts[position])
            position += 1
        if len(parts) >= 2:
            subject = (f"正文「{total.label}{total.value}{total.unit}」= 所列{len(parts)}项之和（"
                       + "、".join(f"{compact(p.label)}{p.value}" for p in parts) + "）")
            finding = _finding(doc, "prose_parts", None, subject, total.value, [p.value for p in parts], total.line)
            findings += [finding] if finding else []
    return findings


def _prose_changes(doc: str, report: ParsedReport) -> list[AuditFinding]:
    """"X万元，比上年减少C万元，下降P%": P must equal C / (X ± C), to the decimals printed."""
    findings = []
    facts = [f for f in report.facts if f.kind != "count"]
    for amount, change, percent in zip(facts, facts[1:], facts[2:]):
        if (amount.kind, change.kind, percent.kind) != ("amount", "change", "percent"):
            continue
        if amount.sentence != percent.sentence or amount.unit != change.unit:
            continue
        falling = any(word in change.label for word in ("减少", "下降", "节约", "压减"))
        base = amount.value + change.value if falling else amount.value - change.value
        if base <= 0 or change.value == 0:
            continue
        decimals = -percent.value.as_tuple().exponent if percent.value.as_tuple().exponent < 0 else 0
        computed = (change.value / base * 100).quantize(Decimal(1).scaleb(-decimals))
        subject = (f"正文「{amount.label}{amount.value}{amount.unit}，{change.label}{change.value}{change.unit}，"
                   f"{percent.label}{percent.value}%」：{change.value}÷{base}={computed}%")
        findings.append(AuditFinding(doc, "prose_change", None, subject, percent.value, computed,
                                     percent.value == computed, percent.line))
    return findings
