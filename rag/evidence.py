"""Evidence units: every figure and sentence a report states, in one shape the ranker can score.

A table cell carries its row (with the item words it stands for), its table's title and its
column; a number in the prose carries the clause before it, the sentence up to it, and the rest
of its sentence and section; a sentence carries its paragraph's neighbours. The ranker
(rag/rank.py) scores them all the same way, so the question's own words decide, not the kind of
place the figure happens to be printed in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from rag import domain
from rag.lookup import Figure, FigureFinder, clean_row_name, pointed_at, project_owners, rows_at
from rag.models import Paragraph
from rag.normalize import counts_as_digits
from rag.parse.facts import CHANGE_WORDS, DECLARING_HEADER, FIGURE, SENTENCE_END, extract_facts
from rag.parse.text import compact
from rag.question import Question
from rag.store import DocumentInfo, FactRecord, ParagraphRecord, RowRecord, TableStore


@dataclass
class Evidence:
    doc: str
    kind: str  # cell / fact / sentence
    label: str  # what it is about, nearest words: a row name, the clause before a number
    lead: str  # more words that say what it is: a row's item names, the sentence up to the number
    context: str  # around it: table title and column, the rest of the sentence, the section
    line: int
    figure: Figure | None = None
    unit_class: str | None = None  # money / count / percent / area / months / score
    change: bool = False  # a change against last year (比上年减少0.94万元)
    target: bool = False  # a target, not a result (参保人数≥200万人)
    named: bool = False  # found by the exact look-up of a row, item or code the question names
    sentence: str | None = None
    section: str | None = None
    neighbours: list[str] = field(default_factory=list)  # the sentences after it in its paragraph
    topic: str = ""  # what its paragraph opens by saying it is about ("十九是…指标实现情况："), if not itself
    _grams: tuple[set[str], set[str], set[str]] | None = field(default=None, repr=False, compare=False)

    def grams(self) -> tuple[set[str], set[str], set[str]]:
        """The characters and bigrams of label, lead and context, computed once."""
        if self._grams is None:
            self._grams = tuple(bigrams(text) | set(text) for text in (self.label, self.lead, self.context))
        return self._grams


def unit_class(unit: str) -> str:
    return domain.UNIT_CLASSES.get(unit, "count")


# ------------------------------------------------------------------ table cells
def named_cells(finder: FigureFinder, document: DocumentInfo, subject: str, question: Question) -> list[Evidence]:
    """The cells the exact look-up finds for a subject the question names (an item, a row, a code)."""
    words = " ".join(domain.ITEMS.get(subject, ()))
    figures = finder.find_all(document, subject, question)
    # rows of one name (行政运行 under 一般公共服务 and under 医疗保障管理事务) told apart by the rows they lie under
    return [table_cell(figure, extra=f"{words} {subject}", named=True, about=" ".join(
        clean_row_name(row.name) for row in finder.ancestors(figure)) if len(figures) > 1 else "") for figure in figures]


def matching_cells(finder: FigureFinder, document: DocumentInfo, question: Question, content: str) -> list[Evidence]:
    """Rows whose names share words with the question (a project named in part), one cell each:
    the column the question asks for, else the row's first."""
    pairs = bigrams(content)
    if not pairs:
        return []
    cells = []
    for table, rows in finder.tables(document.name):
        shared = 1 if pointed_at(table, question) else 2  # in the table named, one word will do: 总计
        for row in rows:
            name = clean_row_name(row.name)
            if row.values and sum(p in name for p in pairs) >= shared:
                column = finder.column_for(table, row, question, document)
                cells.append(table_cell(finder.figure_at(document, table, row, column, name), about=row.text or ""))
    return cells


def positioned_cells(finder: FigureFinder, document: DocumentInfo, question: Question) -> list[Evidence]:
    """The cells of the row a question points at by where it is printed ("表6最后一行") in the table it
    names: found as exactly as a row named, in the column asked, else the row's first."""
    if question.row_position is None:
        return []
    cells = []
    for table, rows in finder.tables(document.name):
        if pointed_at(table, question):
            for row in rows_at(rows, question.row_position):
                if row.values:
                    column = finder.column_for(table, row, question, document)
                    name = clean_row_name(row.name)
                    cells.append(table_cell(finder.figure_at(document, table, row, column, name), named=True,
                                            about=row.text or ""))
    return cells


def pasted_cells(finder: FigureFinder, document: DocumentInfo, question: Question) -> list[Evidence]:
    """The cell asked by where it stands among the figures of a row the question copies ("…441.09 253.79
    187.30 中间那个数"): on each printed line whose figures run as copied (both sides of a two-sided
    table, left first), the one at that place."""
    if not question.pasted or question.cell_position is None:
        return []
    cells = []
    for table, rows in finder.tables(document.name):
        if question.table_number and table.number != question.table_number:
            continue  # a title said loosely ("决算基本支出明细表") narrows nothing: the figures copied do
        lines: dict[int, list[tuple[RowRecord, str, Decimal]]] = {}
        for row in rows:  # each printed line's cells, its rows (two sides) in order
            lines.setdefault(row.line_start, []).extend((row, column, value) for column, value in row.values.items())
        for printed in lines.values():
            at = _run_at([value for _, _, value in printed], question.pasted)
            if at is not None:
                row, column, _ = printed[at + question.cell_position % len(question.pasted)]
                cells.append(table_cell(finder.figure_at(document, table, row, column, clean_row_name(row.name)),
                                        named=True, about=row.text or ""))
    return cells


def _run_at(values: list[Decimal], run: list[Decimal]) -> int | None:
    """Where `run` stands in `values`, one after another, if it does."""
    return next((i for i in range(len(values) - len(run) + 1) if values[i:i + len(run)] == run), None)


def table_cell(figure: Figure, extra: str = "", named: bool = False, about: str = "") -> Evidence:
    """A cell; `about` is its row's text column (a project's 绩效目标), words that describe it."""
    row = clean_row_name(figure.row or "")
    return Evidence(figure.doc, "cell", row, f"{figure.label} {extra}", f"{figure.table_title} {figure.column} {about}",
                    figure.line, figure, unit_class(figure.unit), named=named)


# ------------------------------------------------------------------ numbers in the prose
def prose_numbers(store: TableStore, document: DocumentInfo) -> list[Evidence]:
    topics = _paragraph_topics(store.paragraphs(document.name))
    return [_number(fact, document, _topic_of(fact, topics)) for fact in store.facts(document.name)]


# a paragraph that opens by naming what it reports on, up to its colon ("十九是出具专项监督检查报告≥3指标实现情况：")
PARAGRAPH_TOPIC = re.compile(r"^[^。；;：:]{4,60}[：:]")


def _paragraph_topics(paragraphs: list[ParagraphRecord]) -> list[tuple[int, int, str]]:
    return [(p.line_start, p.line_end, topic.group(0)) for p in paragraphs if (topic := PARAGRAPH_TOPIC.match(p.text))]


def _topic_of(fact: FactRecord, topics: list[tuple[int, int, str]]) -> str:
    """The topic of the paragraph the fact is in, when the fact's own sentence does not say it."""
    return next((topic for start, end, topic in topics if start <= fact.line <= end
                 and compact(topic) not in compact(fact.sentence)), "")


def _number(fact: FactRecord, document: DocumentInfo, topic: str = "") -> Evidence:
    sentence = fact.sentence
    lead, label, rest = _around(sentence, fact.label, fact.value)
    target = fact.label.rstrip().endswith(domain.TARGET_MARKERS) or "绩效目标" in lead or bool(TARGET_AFTER.match(rest))
    if header := DECLARING_HEADER.match(lead):  # a table's header printed before its first row: every row's
        lead, rest = lead[header.end():], f"{rest} {header.group(0)}"  # setting, not this row's words
    figure = Figure(fact.value, fact.unit, compact(fact.label) or fact.item or "", document.name, document.title,
                    fact.line, sentence=sentence, scanned=document.read_by_ocr(fact.line))
    return Evidence(document.name, "fact", label, f"{lead} {domain.ITEMS.get(fact.item, ('',))[0]}",
                    f"{rest} {fact.section_path or ''}", fact.line, figure, unit_class(fact.unit),
                    change=fact.kind == "change" or fact.kind == "percent" and _names_change(fact.label),
                    target=target, sentence=sentence, section=fact.section_path, topic=topic)


# a number the words after it call a target: "病历专项抽查服务次数4次/年指标实现情况：…共进行16次"
TARGET_AFTER = re.compile(rf"[^，,；;：:。]{{0,8}}?(?:{'|'.join(domain.TARGET_AFTER_WORDS)})")


def target_numbers(finder: FigureFinder, document: DocumentInfo) -> list[Evidence]:
    """Numbers written in a table's text column (a project's 绩效目标: "计划使用财政资金12.4万元
    用于聘请第三方…"), each with its clause, the project and the unit whose row it is under."""
    units = []
    for table, rows in finder.tables(document.name):
        owners = project_owners(rows)
        for row in rows:
            if not row.text:
                continue
            owner = owners[row.id]
            project = clean_row_name(row.name)
            for fact in extract_facts([Paragraph(None, row.text, row.line_start, row.line_end)]):
                figure = Figure(fact.value, fact.unit, f"{project}：{compact(fact.label)}", document.name,
                                document.title, row.line_start, table.number, table.title, row.name,
                                table.text_column or "绩效目标", sentence=fact.sentence, row_id=row.id,
                                scanned=table.source == "ocr")
                lead, label, rest = _around(fact.sentence, fact.label, fact.value)
                units.append(Evidence(document.name, "fact", label, f"{lead} {project}",
                                      f"{rest} {owner} {table.title}", row.line_start, figure,
                                      unit_class(fact.unit), change=fact.kind == "change", target=True,
                                      sentence=fact.sentence, section=table.title))
    return units


def _label_at(sentence: str, label: str, value: Decimal | None) -> int:
    """Where the clause before the number is: of the places the same words are said (职工医保 of
    收入 and of 支出), the one the number follows."""
    if not label:
        return -1
    starts = [m.start() for m in re.finditer(re.escape(label), sentence)]
    for start in starts:
        figure = FIGURE.search(sentence, start + len(label))
        if value is None or figure and Decimal(figure.group(1).replace(",", "").replace("，", "")) == value:
            return start
    return starts[0] if starts else -1


def _around(sentence: str, label: str, value: Decimal | None = None) -> tuple[str, str, str]:
    """A prose number's lead, its clause and the rest of its sentence. The clause is the words
    before the number; the lead is the sentence up to it and the words after it up to the next
    break or number ("已开展33场大小型禁毒宣传活动" is about 禁毒宣传活动, which follows the figure)."""
    sentence = counts_as_digits(sentence)  # as the facts were read: 四个 as 4个
    at = _label_at(sentence, label, value)
    if at < 0:
        return label, label, sentence
    lead = sentence[: at + len(label)]
    figure = FIGURE.search(sentence, len(lead))
    if figure is None:
        return lead, label, sentence[len(lead):]
    tail = CLAUSE_TAIL.match(sentence, figure.end()).group(0)
    return f"{lead} {tail}", label, sentence[len(lead):]


CLAUSE_TAIL = re.compile(r"[^，,：:；;。（(）)”\d]*")  # up to a break, a number, or the bracket or quote it sits in


def _names_change(label: str) -> bool:
    return any(word in label for word in CHANGE_WORDS)


# ------------------------------------------------------------------ sentences
LIST_OPENED = re.compile(r"[：:](?:1[、.．]|一是|（一）|\(1\))")  # a lead-in and the first item of its list
LIST_ITEMS_KEPT = 12  # the sentences after a list's first item kept with it (quoted up to a passage's length)


def sentences(paragraphs: list[ParagraphRecord]) -> list[Evidence]:
    """Every sentence, with the sentences after it in its paragraph (where a reason often follows)."""
    units = []
    split = [[s for s in (p.strip() for p in SENTENCE_END.split(paragraph.text)) if s] for paragraph in paragraphs]
    for number, (paragraph, parts) in enumerate(zip(paragraphs, split)):
        following = split[number + 1] if number + 1 < len(split) \
            and paragraphs[number + 1].section_path == paragraph.section_path else []
        at = 0
        for i, sentence in enumerate(parts):
            line, at = paragraph.line_of(sentence, at)  # the line it starts on, cited
            lead_in = sentence.endswith(("：", ":"))  # "…指标实现情况：": what it introduces follows
            listed = LIST_OPENED.search(sentence)  # "…主要是：1、…。": the items after it too
            after = parts[i + 1:i + (LIST_ITEMS_KEPT if listed else 3)] or (following[:2] if lead_in else [])
            head = SENTENCE_HEAD_END.split(sentence, 1)[0]  # what the sentence is about
            units.append(Evidence(paragraph.doc, "sentence", head, f"{sentence} {' '.join(after[:1])}", paragraph.section_path,
                                  line, sentence=sentence, section=paragraph.section_path,
                                  neighbours=after))
    return units


# where a sentence stops saying what it is about: its first figure, or the change it states
SENTENCE_HEAD_END = re.compile(r"\d+(?:[.,，]\d+)*\s*(?:万元|亿元|元|%)|比上年|较上年|" + "|".join(CHANGE_WORDS))


def fold(text: str) -> str:
    """Both sides of a comparison in one spelling: 医疗保险 and 医疗保障 as 医保, full-width brackets as
    half-width (药品（医用耗材） quoted of the row 药品(医用耗材))."""
    return text.replace("医疗保险", "医保").replace("医疗保障", "医保").replace("（", "(").replace("）", ")")


def bigrams(text: str) -> set[str]:
    chars = fold(re.sub(r"[^\u4e00-\u9fffA-Za-z0-9%]", "", text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}
