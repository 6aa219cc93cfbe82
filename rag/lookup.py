"""Exact look-ups in the structured store: the figure a question asks for, with where it is printed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from rag import domain
from rag.audit import NUMBERING_PREFIX
from rag.cache import RecentlyUsed
from rag.parse.facts import label_names_item
from rag.parse.headers import SEPARATOR
from rag.parse.text import compact
from rag.question import Question
from rag.store import DocumentInfo, FactRecord, RowRecord, TableInfo, TableStore

TOTAL_ROW_NAMES = domain.TOTAL_ROW_NAMES
SCANNED = "（扫描件识别）"  # after the citation of a figure read by OCR


@dataclass
class Figure:
    value: Decimal
    unit: str
    label: str  # what the figure is, in words
    doc: str
    doc_title: str
    line: int
    table: int | None = None
    table_title: str | None = None
    row: str | None = None
    column: str | None = None
    sentence: str | None = None  # when the figure comes from prose
    row_id: int | None = None
    scanned: bool = False  # read by OCR from a scanned page: said wherever it is cited
    origin: str = "corpus"  # corpus / upload: the report's provenance (rag/provenance.py)

    @property
    def citation(self) -> str:
        scanned = SCANNED if self.scanned else ""
        if self.table is not None:
            return (f"表{self.table}《{self.table_title}》，「{self.row}」行，「{self.column}」列，"
                    f"{self.doc} 第{self.line}行{scanned}")
        return f"正文，{self.doc} 第{self.line}行{scanned}"

    def to_json(self) -> dict:
        return {"value": f"{self.value:f}", "unit": self.unit, "label": self.label, "doc": self.doc,
                "table": self.table, "row": self.row, "column": self.column, "line": self.line,
                "scanned": self.scanned, "origin": self.origin}


def clean_row_name(name: str) -> str:
    return NUMBERING_PREFIX.sub("", compact(name))


def unit_of_row_name(row_name: str) -> str:
    name = clean_row_name(row_name)
    for suffix in domain.GROUP_ROW_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def project_owners(rows: list[RowRecord]) -> dict[int, str]:
    """By row id, the unit or group each project of a project table lies under: the last row
    before it with figures and no text of its own (江门市医疗保障局新会分局-小计)."""
    owners, owner = {}, ""
    for row in rows:
        if row.values and not row.text:
            owner = clean_row_name(row.name)
        elif row.text:
            owners[row.id] = owner
    return owners


class FigureFinder:
    """Finds one subject's figure in one report, preferring the table the question points at."""

    def __init__(self, store: TableStore, tables_cached: int = 64):
        self.store = store
        self._tables: dict[str, list[tuple[TableInfo, list[RowRecord]]]] = RecentlyUsed(tables_cached)

    def tables(self, doc: str) -> list[tuple[TableInfo, list[RowRecord]]]:
        if doc not in self._tables:
            self._tables[doc] = [(t, self.store.rows(t.id)) for t in self.store.tables(doc)]
        return self._tables[doc]

    def table_of(self, figure: Figure) -> tuple[TableInfo, list[RowRecord]]:
        """The table a figure comes from, with its rows (cached)."""
        return next((table, rows) for table, rows in self.tables(figure.doc) if table.number == figure.table)

    def ancestors(self, figure: Figure) -> list[RowRecord]:
        """The rows a table figure's row lies under, nearest first."""
        rows = self.table_of(figure)[1]
        position = next(i for i, r in enumerate(rows) if r.id == figure.row_id)
        ancestors, level = [], rows[position].level
        for row in reversed(rows[:position]):
            if row.level < level and row.side == rows[position].side:
                ancestors.append(row)
                level = row.level
        return ancestors

    def row_vocabulary(self, documents: list[DocumentInfo]) -> list[str]:
        """Row names a question may use; a unit's subtotal row also by its short name (蓬江分局)."""
        names = {clean_row_name(row.name) for d in documents for _, rows in self.tables(d.name) for row in rows}
        for name in list(names):
            for suffix in domain.GROUP_ROW_SUFFIXES:
                if name.endswith(suffix):
                    unit = name.removesuffix(suffix)
                    names.update({unit, unit.split(domain.UNIT_SUFFIX)[-1]})
        return sorted(n for n in names if len(n) >= 2 and not re.fullmatch(r"[\d.\-A-Z]+", n))

    # ------------------------------------------------------------ entry point
    def find(self, document: DocumentInfo, subject: str, question: Question) -> Figure | None:
        found = self.find_all(document, subject, question)
        return found[0] if found else None

    def find_all(self, document: DocumentInfo, subject: str, question: Question) -> list[Figure]:
        """The subject's figure; several when one table has several rows of that name (行政运行)."""
        if subject in domain.ITEMS or subject.isdigit():
            figure = self._find_one(document, subject, question)
            return [figure] if figure else []
        exact = self._rows_of_best_table(document, question, lambda row: clean_row_name(row.name) == subject, subject)
        pointed = self._pointed(document, question)
        fund_said = [fund for fund in domain.FUND_ITEMS if fund in question.columns]
        if pointed and not any(f.table in pointed for f in exact) or fund_said:
            # the table pointed at prints the row with its fund (表4's 年末财政拨款结转和结余 for 年末结转和结余),
            # or the fund is said ("财政拨款年末结转结余"): that row, not the row of all funds
            qualified = self._rows_of_best_table(
                document, question, lambda row: (name := clean_row_name(row.name)) != subject
                and _without_fund(name) == subject and (not fund_said or any(f in name for f in fund_said)), "",
                tables=lambda table: not pointed or table.number in pointed)
            for figure in qualified:  # labelled with the row's own name
                figure.label = clean_row_name(figure.row)
            exact = qualified or exact
        if exact:
            return exact
        partial = self._rows_of_best_table(document, question, lambda row: subject in clean_row_name(row.name), "")
        # a unit by its whole name (江门市医疗保障局, said as 局本级): its own subtotal, not a branch's that holds it
        partial = [f for f in partial if unit_of_row_name(f.row or "") == subject] or partial
        for figure in partial:  # named by a part of its name (蓬江分局): label it with the row's own name
            figure.label = figure.label or clean_row_name(figure.row)
        return partial

    def _find_one(self, document: DocumentInfo, subject: str, question: Question) -> Figure | None:
        if subject in domain.ITEMS:
            return (self._item_row(document, subject, question) or self._item_column(document, subject, question)
                    or self._prose(document, subject))
        if subject.isdigit():
            figure = self._best_row(document, question, lambda row: row.code == subject, subject)
            if figure is not None:
                figure.label = f"{figure.row}（{subject}）"
            return figure
        return None

    def _pointed(self, document: DocumentInfo, question: Question) -> set[int]:
        """The numbers of the tables the question points at: by number, or the longest title it says
        (财政拨款收入支出决算总表, not the 收入支出决算总表 inside it)."""
        if question.table_number is None and not question.table_named:
            return set()  # most questions: no table is read
        tables = [table for table, _ in self.tables(document.name) if pointed_at(table, question)]
        longest = max((len(compact(t.title)) for t in tables if t.number != question.table_number), default=0)
        return {t.number for t in tables if t.number == question.table_number or len(compact(t.title)) == longest}

    def has_code(self, document: DocumentInfo, code: str) -> bool:
        return any(row.code == code for _, rows in self.tables(document.name) for row in rows)

    def prose_facts(self, document: DocumentInfo, item: str) -> list[FactRecord]:
        return [f for f in self.store.facts(document.name, item=item)
                if f.kind == "amount" and f.unit == (document.money_unit or "万元") and label_names_item(f.label, item)]

    # ------------------------------------------------------------ strategies
    def _item_row(self, document: DocumentInfo, item: str, question: Question) -> Figure | None:
        for title_words, row_name in domain.ITEM_TABLE_ROWS.get(item, ()):
            figure = self._best_row(document, question, lambda row, name=row_name: clean_row_name(row.name) == name,
                                    domain.ITEMS[item][0],
                                    tables=lambda table, words=title_words: words in compact(table.title))
            if figure:
                return figure
        names = domain.ITEM_ROW_NAMES.get(item, ())
        if not names:
            return None
        clause = question.asking_clause or ""
        said = [c for c in question.columns if c in domain.COLUMN_ITEMS] or [  # or in a table named by it
            c for c in domain.COLUMN_ITEMS if c in (question.table_named or "")]  # ("基本支出公用经费明细里的")
        for part in sorted(said, key=lambda c: c not in clause):
            # "基本支出中的公务用车运行维护费": the row of that part's table, by its 经济科目 code too; the part
            # said in the clause that asks first ("基本支出里才0.95，项目支出里的是多少")
            if figure := self._best_row(document, question, lambda row: clean_row_name(row.name) in names,
                                        domain.ITEMS[item][0], tables=lambda table, p=part: p in table.title):
                return figure
        return self._best_row(document, question,
                              lambda row: row.code is None and clean_row_name(row.name) in names,
                              domain.ITEMS[item][0])

    def _item_column(self, document: DocumentInfo, item: str, question: Question) -> Figure | None:
        """Items printed as a column of a total row (基本支出), or of a one-row table (三公 决算表)."""
        synonyms = {compact(s) for s in domain.ITEMS[item]} | set(domain.COLUMN_ITEMS.get(item, ()))
        candidates = []
        for table, rows in self.tables(document.name):
            title_names_item = any(s in compact(table.title) for s in synonyms)
            total = next((r for r in rows if compact(r.name) in TOTAL_ROW_NAMES), rows[0] if len(rows) == 1 else None)
            if total is None:
                continue
            columns = [c for c in total.values if _column_names(c, synonyms)]
            by_column = bool(columns)
            if not columns and title_names_item:
                columns = [c for c in total.values if c.rsplit(SEPARATOR, 1)[-1].endswith(TOTAL_ROW_NAMES)]
            if columns:
                column = prefer_group(columns, question, document)
                score = self._table_score(table, question) + (10 if by_column else 0)
                candidates.append((score, table, total, column))
        if not candidates:
            return None
        _, table, row, column = max(candidates, key=lambda c: (c[0], -c[1].number))
        return self.figure_at(document, table, row, column, domain.ITEMS[item][0])

    def _prose(self, document: DocumentInfo, item: str) -> Figure | None:
        facts = self.prose_facts(document, item)
        if not facts:
            return None
        fact = facts[0]
        return Figure(fact.value, fact.unit, domain.ITEMS[item][0], document.name, document.title, fact.line,
                      sentence=fact.sentence, scanned=document.read_by_ocr(fact.line))

    def _best_row(self, document: DocumentInfo, question: Question, matches, label: str,
                  tables=None) -> Figure | None:
        figures = self._rows_of_best_table(document, question, matches, label, tables)
        return figures[0] if figures else None

    def _rows_of_best_table(self, document: DocumentInfo, question: Question, matches, label: str,
                            tables=None) -> list[Figure]:
        candidates = [(table, row) for table, rows in self.tables(document.name) for row in rows
                      if row.values and matches(row) and (tables is None or tables(table))]
        if not candidates:
            return []
        best = max(candidates, key=lambda c: (self._table_score(c[0], question) + self._column_bonus(c[0], question),
                                              -c[0].number))[0]
        figures = []
        for table, row in candidates:
            if table.id == best.id:
                figure = self.figure_at(document, table, row, self.column_for(table, row, question, document), label)
                if len([c for c in candidates if c[0].id == best.id]) > 1 and row.code:
                    figure.label = f"{label}（{row.code}）"
                figures.append(figure)
        return figures

    # ------------------------------------------------------------ choosing tables and columns
    @staticmethod
    def _table_score(table: TableInfo, question: Question) -> int:
        text = compact(question.reading or question.text)
        title = compact(table.title)
        if table.number == question.table_number:
            return 100  # the table the question names by number
        if question.table_named and title in compact(question.table_named):
            return 60 + len(title)  # or by its whole title: the longest held (财政拨款收支总体情况表, not 收支总体情况表)
        score = sum(2 for word in domain.TABLE_HINT_WORDS if word in text and word in title)
        if "收入" in title and "收入" not in text:
            score -= 2
        return score

    @staticmethod
    def _column_bonus(table: TableInfo, question: Question) -> int:
        # a column asked, or the part a whole table is of (基本支出 of 基本支出决算明细表)
        return 5 if any((asked in domain.COLUMN_ITEMS and asked in table.title)
                        or any(c.endswith(asked) for c in table.columns) for asked in question.columns) else 0

    @staticmethod
    def column_for(table: TableInfo, row: RowRecord, question: Question, document: DocumentInfo) -> str:
        columns = list(row.values)
        clause = question.asking_clause or ""  # "不算基本支出吧？它的项目支出是多少": the column asked last
        for asked in sorted(question.columns, key=lambda column: column not in clause):
            if asked in row.name:
                continue  # the row's own name says it (年末财政拨款结转和结余): its total, not a column of it
            chosen = [c for c in columns if c.rsplit(SEPARATOR, 1)[-1] == asked or c.endswith(asked)]
            if chosen:
                return chosen[0]
        if said := _columns_said(columns, [row.name, *question.tables_named], clause or question.reading or question.text):
            return said[0]
        return prefer_group(columns, question, document)

    def figure_at(self, document: DocumentInfo, table: TableInfo, row: RowRecord, column: str, label: str) -> Figure:
        return Figure(row.values[column], table.unit or document.money_unit or "万元", label, document.name,
                      document.title, row.line_start, table.number, table.title, row.name, column, row_id=row.id,
                      scanned=table.source == "ocr")


def _without_fund(name: str) -> str:
    for fund in domain.FUND_ITEMS:
        name = name.replace(fund, "")
    return name


def rows_at(rows: list[RowRecord], position: int) -> list[RowRecord]:
    """The rows printed on the table's line at this place (0 the first, -1 the last): one, or one of each
    side of a table printed in two halves (收入 and 支出 on one line); in a table that numbers its rows
    (a 决算's 行次), the row of that number."""
    numbered = [row for row in rows if position >= 0 and row.row_number == position + 1]
    if numbered:
        return numbered
    lines = sorted({row.line_start for row in rows})
    if not -len(lines) <= position < len(lines):
        return []
    return [row for row in rows if row.line_start == lines[position]]


def pointed_at(table: TableInfo, question: Question) -> bool:
    """The question names this table, by its number or by its whole title."""
    return table.number == question.table_number or bool(
        question.table_named and compact(table.title) in compact(question.table_named))


def _columns_said(columns: list[str], names: list[str], text: str) -> list[str]:
    """The row's columns the question names in the table's own words, longest first ("2101599的其他收入":
    其他收入, a column of 收入决算表 the question-word lists do not hold); words within the row's name or a
    table's title (基本支出决算明细表) do not name one."""
    text = compact(text)
    for name in names:
        text = text.replace(compact(name), "")
    named = [(len(last), c) for c in columns if len(last := compact(c.rsplit(SEPARATOR, 1)[-1])) >= 3 and last in text]
    return [c for _, c in sorted(named, key=lambda pair: -pair[0])]


def _column_names(column: str, synonyms: set[str]) -> bool:
    parts = column.split(SEPARATOR)
    last = parts[-1]
    if last in ("小计", "合计") and len(parts) > 1:
        last = parts[-2]
    return compact(last) in synonyms


def prefer_group(columns: list[str], question: Question, document: DocumentInfo) -> str:
    """In a 预算数/决算数 table, the group the question's report kind asks for (决算数 by default)."""
    wanted = [c for c in question.columns if c in domain.KIND_COLUMN_GROUPS.values()]
    wanted += [domain.KIND_COLUMN_GROUPS[k] for k in question.kinds if k in domain.KIND_COLUMN_GROUPS]
    wanted.append(domain.KIND_COLUMN_GROUPS.get(document.kind or "", ""))
    for group in wanted:
        chosen = [c for c in columns if group and c.startswith(group + SEPARATOR)]
        if chosen:
            return chosen[0]
    return columns[0]
