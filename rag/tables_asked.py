"""Which table prints something: "三公经费在哪张表里列出来", "项目的绩效目标看预算里的哪张表".

A subject named is looked up as a figure and its table given with the cell that holds it; with no
subject, the table whose title and columns hold most of the question's words is given (a
project's 绩效目标 is a column of the project table). Asked how many tables a report has, its
tables are listed, the count first. One item asked of several tables named ("三公经费表和基本支出
明细表里的公务用车运行维护费对得上吗", "表6、表7、表8的公务接待费") is each table's figure, side by side."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from rag import domain, rank
from rag.answer_types import Answer, Refuse, Source
from rag.evidence import Evidence, bigrams
from rag.figure_answers import FigureAnswers
from rag.lookup import Figure, FigureFinder, clean_row_name, prefer_group
from rag.parse.headers import SEPARATOR
from rag.parse.text import compact, unquoted
from rag.question import TABLE_NAMED, TABLE_NUMBER, Question
from rag.store import DocumentInfo, RowRecord, TableInfo

# a table's total row asked of it ("收入支出决算总表的总计")
TOTAL_OF_TABLE = re.compile(rf"表的?({'|'.join(domain.TOTAL_ROW_NAMES)})")
REPORT_SAID_BEFORE = re.compile(r"^年?度?(?:部门)?(?:决算|预算)?(?:里|中|的)?")  # 2023年决算三公经费表: not 年决算
CLASSIFICATION_SAID = re.compile(r"(功能|经济)(?:分类)?(?:科目)?")  # the two classifications of spending
# how many tables, not which one (第几张表: an ordinal, asked of the table that prints a thing)
TABLES_COUNTED = re.compile(f"(?<!第)(?:{'|'.join(domain.TABLE_COUNT_WORDS)})")
TITLE_SAID = 0.6  # the share of a table's words said that names it ("“三公”经费表" for 财政拨款“三公”经费支出决算表)


class TableAnswers:
    def __init__(self, figures: FigureAnswers, finder: FigureFinder, term_weights: rank.TermWeights,
                 refuse: Refuse):
        self.figures = figures
        self.finder = finder
        self.term_weights = term_weights
        self._refuse = refuse

    def run(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        if TABLES_COUNTED.search(question.typed or question.text) or TABLES_COUNTED.search(question.reading):
            return self._listed(question, documents)
        lines, sources, figures = [], [], []
        of_table = replace(question, asked_class=None, asked_unit=None)  # 第几张表: the table's count, not the figure's
        for document in documents:
            if question.subjects:
                for figure in self.figures.lookup(of_table, [document], question.subjects[0])[:1]:
                    if figure.table is not None:
                        lines.append(f"{document.title}：{figure.label}列在表{figure.table}《{figure.table_title}》。"
                                     f"\n  {self.figures.figure_sentence(figure)}")
                        sources.append(self.figures.figure_source(figure))
                        figures.append(figure)  # shown with its table: the figures of the answer, as any
            elif table := self._best_table(question, document):
                lines.append(f"{document.title}：表{table.number}《{table.title}》"
                             f"（列：{'、'.join(_columns(table))}；第{table.line_start}行起）。")
                sources.append(Source(document.name, document.title, "table", f"表{table.number} {table.title}",
                                      table.number, f"表{table.number}《{table.title}》", table.line_start))
        if not lines:
            return self._refuse(question, f"报告中没有表{question.table_number}。" if question.table_number and not question.subjects
                                else "报告中没有找到列出它的表格。")
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def across(self, question: Question, documents: list[DocumentInfo]) -> Answer | None:
        """"“三公”经费表里的A和基本支出明细表里的同名科目对得上吗": the item in each table named, side by
        side; None unless one report, one item besides the tables' titles and two or more tables named."""
        if len(documents) != 1:
            return None
        document = documents[0]
        tables = self.finder.tables(document.name)
        numbers, titles = self._tables_named(question, tables)
        items = sorted((s for s in question.subjects if not any(unquoted(question.said.get(s, s)) in t for t in titles)),
                       key=lambda s: question.order.get(s, 0))
        if not items and (total := TOTAL_OF_TABLE.search(question.reading)):  # "A表的总计和B表的总计": each total row
            items = [total.group(1)]
        if len(numbers) < 2 and len(items) == 1:  # "住房公积金按功能科目和按经济科目各是多少"
            numbers = _tables_by_classification(question, tables, _names(items[0])) or numbers
        if len(numbers) < 2 or len(items) not in (1, len(numbers)):
            return None  # one item asked of each table, or each table's own item, in the order said
        pairs = []
        for at, (table, rows) in enumerate(t for number in numbers for t in tables if t[0].number == number):
            names = _names(items[at if len(items) > 1 else 0])
            if (figure := self._in_table(document, table, rows, question, names)) is None:
                return None
            pairs.append((f"表{table.number}", figure))
        return self.figures.pair(question, *pairs) if len(pairs) == 2 else self.figures.side_by_side(question, pairs)

    @staticmethod
    def _tables_named(question: Question, tables: list[tuple[TableInfo, list[RowRecord]]]) -> tuple[list[int], list[str]]:
        """The numbers of the report's tables the question names, by number or by words of a title
        (the one title they fit best), in the order named; and the title words said."""
        reading = unquoted(question.reading)  # “三公”经费表: quotes inside a title said
        named = [(m.start(), int(m.group(1))) for m in TABLE_NUMBER.finditer(reading)]
        titles = [m for m in TABLE_NAMED.finditer(reading)]
        said = [(match.start() + p.start(), p.group(0)) for match in titles  # "三公经费表和基本支出决算明细表":
                for p in re.finditer("[^和与及跟同、]+", match.group(0))]  # each title of a list
        said += [(m.start(), m.group(1)) for item in question.said.values()  # "三公经费里的A": the item's own table
                 for m in re.finditer(f"(?<!表\\d)(?<!表\\d\\d)({re.escape(item)})(?:里|中)", reading)]  # not 表7项目支出里
        for at, title in said:
            words = bigrams(compact(REPORT_SAID_BEFORE.sub("", title)))  # not 2023年决算's 年决算
            if table := _title_fitting(words, [t for t, _ in tables]):
                named.append((at, table.number))
        return list(dict.fromkeys(n for _, n in sorted(named))), [m.group(0) for m in titles]

    def _in_table(self, document: DocumentInfo, table: TableInfo, rows: list[RowRecord], question: Question,
                  names: set[str]) -> Figure | None:
        """The item's figure in this table: its row (by name or code), else its column of the total row."""
        row = next((r for r in rows if compact(clean_row_name(r.name)) in names or r.code in names), None)
        if row is not None:
            column = self.finder.column_for(table, row, replace(question, columns=[]), document)
            return self.finder.figure_at(document, table, row, column, clean_row_name(row.name))
        total = next((r for r in rows if compact(r.name) in domain.TOTAL_ROW_NAMES), None)
        columns = [c for c in (total.values if total else {}) if compact(c.rsplit(SEPARATOR, 1)[-1]) in names]
        column = prefer_group(columns, question, document) if columns else None  # 决算数 of a 决算
        return self.finder.figure_at(document, table, total, column, column.rsplit(SEPARATOR, 1)[-1]) if column else None

    def _listed(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        """How many tables each report has, each by number and title."""
        lines, sources, figures = [], [], []
        for document in documents:
            tables = [table for table, _ in self.finder.tables(document.name)]
            if not tables:
                lines.append(f"{document.title}没有表格，只有文字。")
                continue
            last = tables[-1]  # the count, cited at the last table's title
            figures.append(Figure(Decimal(len(tables)), "张", f"表格数（表{tables[0].number}至表{last.number}）",
                                  document.name, document.title, last.line_start, sentence=f"表{last.number}《{last.title}》"))
            lines.append(f"{document.title}共有{len(tables)}张表（表{tables[0].number}至表{tables[-1].number}）："
                         + "；".join(f"表{t.number}《{t.title}》" for t in tables) + "。")
            sources += [Source(document.name, document.title, "table", f"表{t.number} {t.title}", t.number,
                               f"表{t.number}《{t.title}》", t.line_start) for t in tables]
        return Answer(question.text, True, "\n".join(lines), figures, sources, question.intent, question)

    def _best_table(self, question: Question, document: DocumentInfo) -> TableInfo | None:
        """The table of the number asked; else the one whose title and columns hold the largest share
        of the question's words, when that share clears the scorer's threshold for words."""
        if question.table_number:  # "第七张表是什么表": the table of that number, if the report has one
            return next((t for t, _ in self.finder.tables(document.name) if t.number == question.table_number), None)
        terms = rank.query_terms(question, self.term_weights)
        scored = [(rank.lexical(Evidence(document.name, "table", f"{table.title}{''.join(_columns(table))}", "", "",
                                         table.line_start), terms), -table.number, table)
                  for table, _ in self.finder.tables(document.name)]
        share, _, best = max(scored, default=(0.0, 0, None), key=lambda s: s[:2])
        return best if share >= rank.WEIGHTS.words_at else None


def _names(item: str) -> set[str]:
    return {compact(n) for n in (item, *domain.ITEMS.get(item, ()), *domain.ITEM_ROW_NAMES.get(item, ()))}


def _tables_by_classification(question: Question, tables: list[tuple[TableInfo, list[RowRecord]]],
                              names: set[str]) -> list[int]:
    """For each classification said (按功能科目, 按经济分类), in the order said, the first table whose row
    for the item has a code of that classification (功能 2…, 经济 3… or 5…); [] unless both are said."""
    said = list(dict.fromkeys(m.group(1) for m in CLASSIFICATION_SAID.finditer(unquoted(question.reading))))
    if len(said) < 2:
        return []
    numbers = []
    for classification in said:
        number = next((table.number for table, rows in tables for row in rows if compact(clean_row_name(row.name)) in names
                       and (row.code or "")[:1] in domain.CLASSIFICATION_CODE_STARTS[classification]), None)
        if number is None:
            return []
        numbers.append(number)
    return numbers


def _title_fitting(words: set[str], tables: list[TableInfo]) -> TableInfo | None:
    """The one table whose title holds most of the words said (at least TITLE_SAID of them); of
    titles holding as many, the one they cover most of ("决算总表": 收入支出决算总表, not 财政拨款收入支出决算总表)."""
    def fit(table: TableInfo) -> tuple[float, float]:
        title = bigrams(unquoted(compact(table.title)))
        return len(words & title) / max(1, len(words)), len(words & title) / max(1, len(title))
    ranked = sorted(((fit(t), t.number, t) for t in tables), key=lambda r: r[:2], reverse=True)
    if not ranked or ranked[0][0][0] < TITLE_SAID or len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    return ranked[0][2]


def _columns(table: TableInfo) -> list[str]:
    return [*table.columns, *([table.text_column] if table.text_column else [])]
