"""Which table prints something: "三公经费在哪张表里列出来", "项目的绩效目标看预算里的哪张表".

A subject named is looked up as a figure and its table given with the cell that holds it; with no
subject, the table whose title and columns hold most of the question's words is given (a
project's 绩效目标 is a column of the project table). Asked how many tables a report has, its
tables are listed, the count first."""
from __future__ import annotations

from decimal import Decimal

from rag import domain, rank
from rag.answer_types import Answer, Refuse, Source
from rag.evidence import Evidence
from rag.figure_answers import FigureAnswers
from rag.lookup import Figure, FigureFinder
from rag.question import Question
from rag.store import DocumentInfo, TableInfo


class TableAnswers:
    def __init__(self, figures: FigureAnswers, finder: FigureFinder, term_weights: rank.TermWeights,
                 refuse: Refuse):
        self.figures = figures
        self.finder = finder
        self.term_weights = term_weights
        self._refuse = refuse

    def run(self, question: Question, documents: list[DocumentInfo]) -> Answer:
        if any(w in question.text for w in domain.TABLE_COUNT_WORDS):
            return self._listed(question, documents)
        lines, sources = [], []
        for document in documents:
            if question.subjects:
                for figure in self.figures.lookup(question, [document], question.subjects[0])[:1]:
                    if figure.table is not None:
                        lines.append(f"{document.title}：{figure.label}列在表{figure.table}《{figure.table_title}》。"
                                     f"\n  {self.figures.figure_sentence(figure)}")
                        sources.append(self.figures.figure_source(figure))
            elif table := self._best_table(question, document):
                lines.append(f"{document.title}：表{table.number}《{table.title}》"
                             f"（列：{'、'.join(_columns(table))}；第{table.line_start}行起）。")
                sources.append(Source(document.name, document.title, "table", f"表{table.number} {table.title}",
                                      table.number, f"表{table.number}《{table.title}》", table.line_start))
        if not lines:
            return self._refuse(question, "报告中没有找到列出它的表格。")
        return Answer(question.text, True, "\n".join(lines), [], sources, question.intent, question)

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
        """The table whose title and columns hold the largest share of the question's words, when
        that share clears the scorer's threshold for words."""
        terms = rank.query_terms(question, self.term_weights)
        scored = [(rank.lexical(Evidence(document.name, "table", f"{table.title}{''.join(_columns(table))}", "", "",
                                         table.line_start), terms), -table.number, table)
                  for table, _ in self.finder.tables(document.name)]
        share, _, best = max(scored, default=(0.0, 0, None), key=lambda s: s[:2])
        return best if share >= rank.WEIGHTS.words_at else None


def _columns(table: TableInfo) -> list[str]:
    return [*table.columns, *([table.text_column] if table.text_column else [])]
