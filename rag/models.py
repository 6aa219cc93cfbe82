"""Typed records passed between the stages: load -> parse -> store -> audit.

Every stage takes and returns these dataclasses, so tests can build any of them by hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line number in the source file
    text: str


@dataclass(frozen=True)
class RuledTable:
    """A table a PDF draws with ruling lines, read cell by cell: each row a tab-separated line
    numbered as the document line that prints its first cell."""

    page: int  # 1-based
    lines: list[SourceLine]


@dataclass
class SourceDocument:
    """A loaded report: its lines, whatever the file format was."""

    name: str  # file name, the document's id in the index
    path: str
    sha256: str
    encoding: str
    lines: list[SourceLine]
    page_lines: list[int] = field(default_factory=list)  # PDF: the first line of each page
    ruled_tables: list[RuledTable] = field(default_factory=list)  # PDF: tables drawn with rules
    ocr_pages: list[int] = field(default_factory=list)  # PDF: pages without a text layer, read by OCR
    warnings: list[str] = field(default_factory=list)  # what could not be read, e.g. scanned pages left out

    @property
    def ocr_lines(self) -> list[tuple[int, int]]:
        """(first, last) line of each page read by OCR."""
        ends = self.page_lines[1:] + [len(self.lines) + 1]
        return [(self.page_lines[page - 1], ends[page - 1] - 1) for page in self.ocr_pages]


def identity_gaps(unit: str | None, year: int | None, kind: str | None) -> list[str]:
    """What of a report's identity could not be read: 单位, 年度, 类型."""
    return [name for name, value in (("单位", unit), ("年度", year), ("类型", kind)) if not value]


def identity_warning(gaps: list[str]) -> str:
    """What an unread identity means for the person who added the report, and what to do."""
    return (f"未能从内容识别报告的{'、'.join(gaps)}：报告已索引，但问题按单位、年度或类型选报告时找不到它。"
            "请确认封面或标题写明发布单位、年度和报告类型（部门预算、部门决算或部门整体支出绩效自评报告），"
            "扫描件请确认识别出的封面文字。")


@dataclass
class ReportIdentity:
    unit: str | None = None  # issuing unit, e.g. 江门市医疗保障局
    city: str | None = None  # e.g. 江门
    year: int | None = None
    kind: str | None = None  # 部门预算 / 部门决算 / 部门整体支出绩效自评报告
    money_unit: str | None = None  # e.g. 万元
    province: str | None = None  # from the gazetteer (rag/places.py), e.g. 广东省
    prefecture: str | None = None  # the prefecture-level city, e.g. 湛江市 for 吴川市
    county: str | None = None  # the county-level division, e.g. 吴川市, 新会区

    @property
    def missing(self) -> list[str]:
        return identity_gaps(self.unit, self.year, self.kind)

    @property
    def complete(self) -> bool:
        return not self.missing

    @property
    def title(self) -> str:
        if not self.complete:
            return "（未识别的报告）"
        return f"{self.unit}{self.year}年{self.kind}"


@dataclass
class Section:
    id: int
    level: int  # 1 = 第X部分, 2 = 一、, 3 = （一）, 4 = 1.
    heading: str
    parent_id: int | None
    line: int
    path: str = ""  # headings from the top, joined with " > "


@dataclass
class Paragraph:
    section_id: int | None
    text: str
    line_start: int
    line_end: int
    lines: tuple[tuple[int, str], ...] = ()  # each source line's number and text, to cite a figure's own line


@dataclass
class TableRow:
    index: int  # position in the table, from 0
    name: str
    values: dict[str, Decimal]  # flattened column name -> exact value
    line_start: int
    line_end: int
    code: str | None = None  # 科目编码 (2101501) or 经济科目 code (30201)
    level: int = 0  # 0 = total row, 1 = top item, 2, 3 ... deeper
    side: str | None = None  # for side-by-side statements: 收入 / 支出, 人员经费 / 公用经费
    row_number: int | None = None  # 行次 in 决算 tables
    text: str | None = None  # a text cell, e.g. the project's 绩效目标


@dataclass
class Table:
    number: int  # the N of 表N
    title: str
    unit: str | None
    columns: list[str]  # flattened value columns, e.g. 财政拨款收入/一般公共预算
    rows: list[TableRow]
    line_start: int
    line_end: int
    text_column: str | None = None  # name of the text column (绩效目标) if any
    side_columns: dict[str, list[str]] = field(default_factory=dict)  # side -> its columns
    note: str | None = None
    warnings: list[str] = field(default_factory=list)
    source: str = "lines"  # how it was read: "lines" (the text), "ruled" (a PDF's ruled cells), "ocr"


@dataclass
class ProseFact:
    """A figure stated in running text, kept with its sentence."""

    label: str  # the words before the figure in its clause
    value: Decimal
    unit: str  # 万元 / 元 / 亿元 / % / 个 ...
    kind: str  # amount / change / percent
    sentence: str
    line: int
    section_id: int | None
    item: str | None = None  # canonical item key from the domain vocabulary, if recognised


@dataclass
class ParsedReport:
    document: SourceDocument
    identity: ReportIdentity
    sections: list[Section]
    paragraphs: list[Paragraph]
    tables: list[Table]
    facts: list[ProseFact]
    warnings: list[str] = field(default_factory=list)


@dataclass
class AuditFinding:
    doc: str
    check: str  # parent_children / total_items / column_total / sangong_parts / prose_table
    table: int | None
    subject: str  # what was checked, in words
    expected: Decimal  # the stated figure
    actual: Decimal  # the sum or the other source's figure
    passed: bool
    line: int | None = None

    @property
    def difference(self) -> Decimal:
        return self.expected - self.actual


@dataclass(frozen=True)
class BuildDelta:
    """What a build changes against the build it starts from (base: None for a build from scratch).
    A build step copies the base's files and redoes only the reports added and removed."""

    base: Path | None
    added: frozenset[str]  # report names written anew (new, changed or replacing one)
    removed: frozenset[str]  # report names of the base no longer held (gone, changed or replaced)
