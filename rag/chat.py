"""What the chat page shows, kept apart from Streamlit so it can be tested and reused.

The app (app.py) only lays these out; answers come from the same AnswerEngine as the CLI. What
this module adds to an answer is presentation only: what a follow-up carried over, which filter
hid an answer, short labels for the sides of a comparison, a passage as its numbered points.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import altair as alt
import pandas as pd

from rag import domain
from rag.answer import AnswerEngine
from rag.answer_types import Answer, Source, money, short_title
from rag.audit import CHECK_NAMES
from rag.followup import carried_labels
from rag.load import LoadError, load_document
from rag.lookup import Figure
from rag.models import AuditFinding, identity_gaps
from rag.question import Question, understand
from rag.store import DocumentInfo, TableStore

EXAMPLE_QUESTIONS = (
    "江门医保局2024年三公经费多少",
    "江门医保局2023年整体支出绩效目标是什么",
    "江门和吴川2024年三公经费对比",
    "广州2023年公务接待费占三公经费的比例",
    "廉江2023年三公经费预算和决算对比",
    "哪个城市三公经费最多",
    "什么是三公经费",
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$=])")


def plain(text: str) -> str:
    """Text for st.markdown that shows exactly as written: no markdown, no HTML, no LaTeX."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


@dataclass(frozen=True)
class ReportFilter:
    """The sidebar's filters: reports of these cities, years and kinds (empty: any)."""

    cities: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.cities or self.years or self.kinds)

    def docs(self, documents) -> set[str] | None:
        if not self:
            return None
        return {d.name for d in documents if (not self.cities or d.city in self.cities)
                and (not self.years or d.year in self.years) and (not self.kinds or d.kind in self.kinds)}

    def describe(self) -> str:
        parts = [("城市", self.cities), ("年度", [f"{y}年" for y in self.years]), ("类型", self.kinds)]
        return "；".join(f"{name}：{'、'.join(values)}" for name, values in parts if values)


@dataclass
class Turn:
    """One question and its answer, as the chat shows it."""

    question: str
    answer: Answer
    carried: list[str] = field(default_factory=list)  # what the answer took from the previous question
    notes: list[str] = field(default_factory=list)  # what the chat adds: a filter that hid the answer ...
    fresh: bool = False  # asked without the previous question
    scope: str = ""  # the sidebar's filter when it narrowed a refused question ("城市：江门")

    def shown_answer(self, documents: dict[str, DocumentInfo]) -> str:
        """The answer text for people: report titles for file names; a refusal under a filter says
        that it speaks of the filtered reports."""
        text = readable(self.answer.answer, documents)
        return f"在筛选范围内（{self.scope}）：{text}" if self.scope and not self.answer.found else text


def ask_turn(engine: AnswerEngine, text: str, previous: Question | None, report_filter: ReportFilter = ReportFilter(),
             fresh: bool = False) -> Turn:
    """Ask the engine, with the previous answered question unless `fresh`; say what was carried
    over, and when a filter hid the answer, which filter hid which reports."""
    previous = None if fresh else previous
    answer = engine.ask(text, previous=previous, docs_filter=report_filter.docs(engine.documents))
    turn = Turn(text, answer, fresh=fresh)
    if previous is not None and answer.understood is not None and not answer.understood.problem:
        asked = understand(text, engine.vocabulary, engine.settings.max_question_chars, held=engine.documents)
        turn.carried = carried_labels(asked, answer.understood)
    if not answer.found and report_filter and not (answer.understood and answer.understood.problem):
        turn.scope = report_filter.describe()
        turn.notes.append(_filter_note(engine, text, previous, report_filter))
    return turn


def _filter_note(engine: AnswerEngine, text: str, previous: Question | None, report_filter: ReportFilter) -> str:
    unfiltered = engine.ask(text, previous=previous)
    shown = report_filter.docs(engine.documents) or set()
    hidden = [d.title for d in engine.documents if d.name not in shown
              and d.name in {f.doc for f in unfiltered.figures} | {s.doc for s in unfiltered.sources}]
    if unfiltered.found and hidden:
        return f"筛选条件（{report_filter.describe()}）排除了{'、'.join(hidden)}，答案在其中；清除左侧的筛选即可看到。"
    return f"筛选条件（{report_filter.describe()}）之外的报告中也没有找到答案。"


def previous_question(turns: list[Turn]) -> Question | None:
    """What a follow-up builds on: the last question that was answered (a refused one never counts)."""
    return next((t.answer.understood for t in reversed(turns) if t.answer.found), None)


TABLE_ROWS_SHOWN = 9  # rows a table shows around its cited row: about what a grid shows without scrolling


@dataclass
class TableView:
    title: str
    frame: pd.DataFrame
    highlight_row: int | None  # position in frame
    cited_column: str | None
    csv: bytes
    file_name: str

    def excerpt(self, rows: int = TABLE_ROWS_SHOWN) -> "TableView":
        """The rows around the cited one, so that it shows without scrolling inside the table (on a
        phone too); the whole table stays in the CSV."""
        if self.highlight_row is None or len(self.frame) <= rows:
            return self
        start = min(max(0, self.highlight_row - rows // 2), len(self.frame) - rows)
        return dataclasses.replace(self, frame=self.frame.iloc[start:start + rows].reset_index(drop=True),
                                   highlight_row=self.highlight_row - start)

    def shown_lines(self) -> str:
        """第a–b行 of the report that the frame shows."""
        return f"第{self.frame['行'].iloc[0]}–{self.frame['行'].iloc[-1]}行"


def table_view(store: TableStore, source: Source) -> TableView | None:
    """The whole table a figure comes from, with its row and column marked."""
    if source.kind != "table" or source.table is None:
        return None
    table = store.table(source.doc, source.table)
    if table is None:
        return None
    rows = store.rows(table.id)
    records, highlight = [], None
    for position, row in enumerate(rows):
        record = {"行": row.line_start, "编码": row.code or "", "项目": row.name}
        if row.side:
            record = {"栏": row.side, **record}
        record.update({column: f"{value:f}" for column, value in row.values.items()})
        if table.text_column:
            record[table.text_column] = row.text or ""
        records.append(record)
        if row.id == source.row_id:
            highlight = position
    frame = pd.DataFrame.from_records(records).fillna("")
    csv = frame.to_csv(index=False).encode("utf-8-sig")
    return TableView(f"表{table.number} {table.title}（单位：{table.unit or '万元'}）", frame, highlight,
                     source.column, csv, f"{source.doc.rsplit('.', 1)[0]}_表{table.number}.csv")


def styled(view: TableView):
    """The frame with the cited row shaded and the cited cell in bold."""
    def shade(row: pd.Series) -> list[str]:
        if row.name != view.highlight_row:
            return [""] * len(row)
        return ["background-color: #fff3b0; font-weight: bold" if column == view.cited_column
                else "background-color: #fff3b0" for column in row.index]

    return view.frame.style.apply(shade, axis=1)


def side_labels(figures: list[Figure], documents: dict[str, DocumentInfo]) -> list[str]:
    """Short labels that tell the figures apart, by what differs among them: the report
    (江门2024预算), the item (公务接待费) or the column group (预算数 / 决算数)."""
    def group(figure: Figure) -> str:
        return (figure.column or "").split("/")[0]

    ways = [lambda f: short_title(documents.get(f.doc)), lambda f: f.label, group]
    labels = [""] * len(figures)
    for way in ways:
        if len(set(labels)) == len(labels):
            break
        if len({way(f) for f in figures}) > 1:
            labels = [f"{label} {way(f)}".strip() for label, f in zip(labels, figures)]
    return [label or figure.label for label, figure in zip(labels, figures)]


@dataclass(frozen=True)
class Metric:
    label: str
    value: str


def headline(answer: Answer, documents: dict[str, DocumentInfo]) -> list[Metric]:
    """The figures at the top of an answer: one figure; both sides of a comparison and their
    difference; a share as a percentage."""
    figures = answer.figures
    if not answer.found or not figures:
        return []
    if answer.intent == "compare" and len(figures) == 2 and figures[0].unit == figures[1].unit:
        (a, b), (label_a, label_b) = figures, side_labels(figures, documents)
        return [Metric(label_a, f"{money(a.value)} {a.unit}"), Metric(label_b, f"{money(b.value)} {b.unit}"),
                Metric(f"差额（{label_a} − {label_b}）", f"{money(a.value - b.value)} {a.unit}")]
    if answer.intent == "share":  # the share first, then its part and whole
        share = figures[0]
        return [Metric(f"{short_title(documents.get(share.doc))} {share.label}", f"{share.value}%")]
    figure = figures[0]
    return [Metric(f"{figure.doc_title} · {figure.label}", f"{money(figure.value)} {figure.unit}")]


def answer_chart(answer: Answer, documents: dict[str, DocumentInfo]) -> alt.Chart | None:
    """The answer's bar chart with short labels, in the order of the text, each bar labelled with its value."""
    if not answer.chart:
        return None
    labels = [_short_titles(label, documents) for label in answer.chart["labels"]]
    if answer.chart["kind"] == "compare" and len(answer.figures) == len(labels):
        labels = side_labels(answer.figures, documents)
    frame = pd.DataFrame({"项目": labels, "数值": answer.chart["values"]})
    base = alt.Chart(frame).encode(
        y=alt.Y("项目:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
        x=alt.X("数值:Q", title=answer.chart["unit"], scale=alt.Scale(nice=True)),
        tooltip=[alt.Tooltip("项目:N"), alt.Tooltip("数值:Q", format=",.2f")])
    bars = base.mark_bar(color="#4c78a8")
    values = base.mark_text(align="left", dx=4).encode(text=alt.Text("数值:Q", format=",.2f"))
    return (bars + values).properties(title=_short_titles(answer.chart["title"], documents),
                                      height=max(90, 40 * len(labels)))


def _short_titles(text: str, documents: dict[str, DocumentInfo]) -> str:
    """Report titles in a chart's labels and title as 江门2024预算: they fit a phone's width."""
    for document in documents.values():
        text = text.replace(document.title, short_title(document))
    return text


# ------------------------------------------------------------------ passages
POINT_START = re.compile(r"(?=(?<![一二三四五六七八九十\d.\-])(?:[一二三四五六七八九十]{1,3}是|[一二三四五六七八九十]{1,3}、"
                         r"|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[、．](?!\d)))")
SENTENCE_END = re.compile(r"(?<=[。；！？])")


@dataclass
class PassageView:
    heading: str
    points: list[list[tuple[str, bool]]]  # each point's sentences, the one that answers marked True


def passage_view(answer: Answer, documents: dict[str, DocumentInfo]) -> PassageView | None:
    """A quoted passage as its numbered points, with the sentence that answers the question marked."""
    if not answer.found or answer.intent not in ("passage", "definition") or not answer.sources:
        return None
    quote = answer.sources[0].text
    if answer.sources[0].kind != "text" or "原文：" not in answer.answer or quote not in answer.answer:
        return None
    heading = readable(answer.answer.split("原文：")[0].strip(), documents)
    points = [p for p in (piece.strip() for piece in POINT_START.split(quote)) if p]
    sentences = [[s for s in SENTENCE_END.split(point) if s.strip()] for point in points]
    flat = [s for point in sentences for s in point]
    best = _answering_sentence(flat, answer)
    marked, position = [], 0
    for point in sentences:
        marked.append([(s, position + i == best) for i, s in enumerate(point)])
        position += len(point)
    return PassageView(heading, marked)


def _answering_sentence(sentences: list[str], answer: Answer) -> int | None:
    """The sentence with the question's topic words, else the most of the question's own words."""
    question = answer.understood
    topic_words = domain.PASSAGE_TOPICS.get(question.topic, ()) if question and question.topic else ()
    named = (question.row_terms + question.items) if question else []
    asked = re.sub(r"[\W\d_]|医疗保障局|医保局|是什么|什么|哪些|多少", "", answer.question)
    for city in (question.cities if question else []):
        asked = asked.replace(city, "")
    pairs = {asked[i:i + 2] for i in range(len(asked) - 1)}

    def score(sentence: str) -> int:
        return (10 * sum(w in sentence for w in topic_words) + 5 * sum(n in sentence for n in named)
                + sum(p in sentence for p in pairs))

    scores = [score(s) for s in sentences]
    if len(sentences) < 2 or not scores or max(scores) == 0:
        return None
    return scores.index(max(scores))


def passage_markdown(view: PassageView) -> str:
    """Markdown (with <mark> around the answering sentence; all report text escaped by plain())."""
    def sentence(text: str, marked: bool) -> str:
        return f"<mark>{plain(text)}</mark>" if marked else plain(text)

    items = ["".join(sentence(text, marked) for text, marked in point) for point in view.points]
    body = "\n".join(f"- {item}" for item in items) if len(items) > 1 else f"> {items[0]}"
    return f"{plain(view.heading)}\n\n{body}"


def unique_sources(sources: list[Source]) -> list[Source]:
    """One source per section of text, and per row of a table."""
    seen, unique = set(), []
    for source in sources:
        key = (source.doc, source.table, source.row_id) if source.kind == "table" else (source.doc, source.section)
        if key not in seen:
            seen.add(key)
            unique.append(source)
    return unique


def readable(text: str, documents: dict[str, DocumentInfo]) -> str:
    """Answer text for people: report titles instead of file names (the file stays in the source detail)."""
    for name, document in documents.items():
        text = text.replace(f"，{name} 第", "，第").replace(f"（{name} 第", "（第").replace(f"{name} 第", "第")
        text = text.replace(name, document.title)
    return text


def source_label(source: Source) -> str:
    where = f"表{source.table}" if source.table else (source.section.split(" > ")[-1] if source.section else "正文")
    return f"{source.title} · {where} · {source.doc} 第{source.line}行"


# ------------------------------------------------------------------ the report text
@dataclass
class Excerpt:
    title: str
    doc: str
    lines: list[tuple[int, str]]
    cited: int
    problem: str | None = None


@lru_cache(maxsize=16)
def _report_lines(path: str, sha256: str) -> tuple[dict[int, str], str | None]:
    try:
        document = load_document(path)
    except LoadError as error:
        return {}, f"无法读取报告原文：{error}"
    problem = None if document.sha256 == sha256 else "报告文件在建立索引之后改动过，行号可能不再对应。"
    return {line.number: line.text for line in document.lines}, problem


def report_text(store: TableStore, doc: str) -> tuple[dict[int, str], str | None]:
    """The report's lines by number, read from the file it was indexed from."""
    paths = dict(zip([d.name for d in store.documents()], store.document_paths()))
    document = store.document(doc)
    if document is None or doc not in paths:
        return {}, "索引中没有这份报告。"
    return _report_lines(paths[doc], document.sha256)


def report_excerpt(store: TableStore, doc: str, line: int, around: int = 8) -> Excerpt:
    """The report text around a cited line."""
    document = store.document(doc)
    lines, problem = report_text(store, doc)
    shown = [(n, lines[n]) for n in range(max(1, line - around), line + around + 1) if n in lines]
    return Excerpt(document.title if document else doc, doc, shown, line, problem)


# ------------------------------------------------------------------ the audit
AUDIT_COLUMNS = {"结果": "string", "核对": "string", "表": "Int64", "内容": "string", "所列": "float64",
                 "计算/对照": "float64", "差": "float64", "行": "Int64", "原文": "string"}


def audit_summary(findings: list[AuditFinding]) -> str:
    """All checks the 数字核对 page shows, counted."""
    if not findings:
        return "无可核对的数字"
    odd = sum(not f.passed for f in findings)
    return f"核对 {len(findings)} 项，{len(findings) - odd} 项一致" + (f"，{odd} 处不一致" if odd else "")


def report_overview(store: TableStore) -> pd.DataFrame:
    """One row per report; a report whose unit, year or kind could not be read says so first."""
    records = [{"提示": _identity_note(d), "单位": d.unit or "（未识别）", "年度": d.year, "类型": d.kind or "",
                "表格": store.counts(d.name)["tables"], "核对": audit_summary(store.audit_findings(d.name)),
                "文件": d.name} for d in store.documents()]
    records.sort(key=lambda r: not r["提示"])
    columns = (["提示"] + REPORT_COLUMNS + ["文件"]) if any(r["提示"] for r in records) else REPORT_COLUMNS
    return pd.DataFrame.from_records(records, columns=columns).astype({"年度": "Int64"})


REPORT_COLUMNS = ["单位", "年度", "类型", "表格", "核对"]


def _identity_note(document: DocumentInfo) -> str:
    gaps = identity_gaps(document.unit, document.year, document.kind)
    return f"⚠ 未识别{'、'.join(gaps)}" if gaps else ""


def audit_frame(store: TableStore, doc: str, only_failed: bool) -> pd.DataFrame:
    """One row per finding, with the report line it is about."""
    findings = [f for f in store.audit_findings(doc) if not only_failed or not f.passed]
    lines, _ = report_text(store, doc) if findings else ({}, None)
    records = [{"结果": "通过" if f.passed else "不一致", "核对": CHECK_NAMES.get(f.check, f.check), "表": f.table,
                "内容": f.subject, "所列": float(f.expected), "计算/对照": float(f.actual), "差": float(f.difference),
                "行": f.line, "原文": lines.get(f.line, "").strip() if f.line else ""} for f in findings]
    return pd.DataFrame.from_records(records, columns=list(AUDIT_COLUMNS)).astype(AUDIT_COLUMNS)


# ------------------------------------------------------------------ keeping and exporting turns
def _json_data(value) -> dict:
    return json.loads(json.dumps(dataclasses.asdict(value), default=str, ensure_ascii=False))


def turn_record(turn: Turn) -> dict:
    """A turn as JSON data, for the conversation store."""
    return {"question": turn.question, "carried": turn.carried, "notes": turn.notes, "fresh": turn.fresh,
            "scope": turn.scope, "answer": _json_data(turn.answer)}


def _build(cls, data: dict):
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{key: value for key, value in data.items() if key in names})


def turn_from_record(record: dict) -> Turn:
    """A stored turn back as a Turn; a record written by an older version keeps at least its text."""
    data = record["answer"]
    try:
        figures = [_build(Figure, {**f, "value": Decimal(f["value"])}) for f in data.get("figures", [])]
        sources = [_build(Source, s) for s in data.get("sources", [])]
        understood = _build(Question, data["understood"]) if data.get("understood") else None
        answer = _build(Answer, {**data, "figures": figures, "sources": sources, "understood": understood})
    except (TypeError, KeyError, ArithmeticError):
        answer = Answer(record["question"], bool(data.get("found")), str(data.get("answer", "")))
    return Turn(record["question"], answer, list(record.get("carried", [])), list(record.get("notes", [])),
                bool(record.get("fresh")), str(record.get("scope", "")))


def conversation_markdown(turns: list[Turn], documents: dict[str, DocumentInfo]) -> str:
    """A conversation as Markdown: each question, its answer and its sources."""
    lines = ["# 医保局预决算问答：对话记录", ""]
    for number, turn in enumerate(turns, start=1):
        lines += [f"## {number}. {turn.question}", ""]
        if turn.carried:
            lines += [f"（沿用上一问：{'、'.join(turn.carried)}）", ""]
        lines += [turn.shown_answer(documents).replace("\n", "  \n"), ""]
        lines += [f"> {note}" for note in turn.notes] + ([""] if turn.notes else [])
        sources = unique_sources(turn.answer.sources)
        if sources:
            lines += ["来源："] + [f"- {source_label(s)}" for s in sources] + [""]
    return "\n".join(lines)
