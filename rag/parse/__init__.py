"""Parse a loaded report: identity, section tree, paragraphs, tables and prose figures."""
from __future__ import annotations

from rag.models import ParsedReport, ProseFact, SourceDocument
from rag.parse.facts import extract_facts
from rag.parse.identity import detect_identity
from rag.parse.sections import parse_sections
from rag.parse.tables import parse_tables
from rag.parse.text import compact

__all__ = ["parse_report"]


def parse_report(document: SourceDocument) -> ParsedReport:
    tables, table_lines = parse_tables(document.lines)
    sections, paragraphs = parse_sections(document.lines, skip=table_lines)
    identity = detect_identity(document.lines)
    facts = extract_facts(paragraphs)
    _locate_facts(facts, document)
    warnings = [f"表{t.number}：{w}" for t in tables for w in t.warnings]
    if not identity.complete:
        warnings.append("未能从内容识别报告的单位、年度或类型")
    return ParsedReport(document, identity, sections, paragraphs, tables, facts, warnings)


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
