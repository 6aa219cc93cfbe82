"""Parse a loaded report: identity, section tree, paragraphs, tables and prose figures."""
from __future__ import annotations

from rag.models import ParsedReport, ProseFact, RuledTable, SourceDocument, Table, identity_warning
from rag.parse.facts import extract_facts
from rag.parse.identity import detect_identity
from rag.parse.sections import parse_sections
from rag.parse.tables import drop_reprinted_headers, garbled_rows, parse_tables, reread, ruled_lines
from rag.parse.text import compact

__all__ = ["parse_report"]


def parse_report(document: SourceDocument) -> ParsedReport:
    tables, table_lines = parse_tables(document.lines)
    tables = [_best_reading(document.name, table, document.ruled_tables) for table in tables]
    for table in tables:
        if any(first <= table.line_end and table.line_start <= last for first, last in document.ocr_lines):
            table.source = "ocr"
    sections, paragraphs = parse_sections(document.lines, skip=table_lines)
    identity = detect_identity(document.lines)
    facts = extract_facts(paragraphs)
    _locate_facts(facts, document)
    warnings = list(document.warnings) + [f"表{t.number}：{w}" for t in tables for w in t.warnings]
    if not identity.complete:
        warnings.insert(0, identity_warning(identity.missing))
    return ParsedReport(document, identity, sections, paragraphs, tables, facts, warnings)


def _best_reading(doc: str, table: Table, ruled_tables: list[RuledTable]) -> Table:
    """The table as its lines read it, unless a PDF draws it with rules and reading the ruled
    cells does measurably better: fewer failing sums, more rows, fewer warnings or garbled rows."""
    lines = ruled_lines(table, ruled_tables)
    if not lines:
        return table
    ruled = reread(table, lines)
    ruled.source = "ruled"
    best = ruled if _flaws(doc, ruled) < _flaws(doc, table) else table
    drop_reprinted_headers(best)
    return best


def _flaws(doc: str, table: Table) -> tuple[int, int, int, int]:
    from rag.audit import table_findings  # rag.audit reads rag.parse: imported when first used

    failed = sum(not finding.passed for finding in table_findings(doc, table))
    return failed, -len(table.rows), len(table.warnings), garbled_rows(table)


def _locate_facts(facts: list[ProseFact], document: SourceDocument) -> None:
    """Point each fact at the source line that prints its figure, not just its paragraph."""
    by_number = {line.number: compact(line.text) for line in document.lines}
    for fact in facts:
        figure = f"{fact.value:f}"
        for number in range(fact.line, fact.line + 40):
            text = by_number.get(number, "").replace(",", "").replace("，", "")
            if figure in text:
                fact.line = number
                break
