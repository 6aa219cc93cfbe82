"""What an answer is: its text, the figures it states and the sources it cites, and how it
writes a figure and names a subject. A module of its own so that every stage that composes an
answer (rag/answer.py, rag/figure_answers.py, rag/derived.py, rag/passages.py) and every reader
of one (rag/chat.py, rag/llm.py, rag/evaluate.py) uses the same types without importing the engine."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from rag import domain, rank
from rag.lookup import Figure
from rag.question import Question, asks
from rag.store import DocumentInfo


@dataclass
class Source:
    doc: str
    title: str
    kind: str  # table / text
    section: str | None
    table: int | None
    text: str
    line: int
    line_end: int | None = None
    row_id: int | None = None
    column: str | None = None
    scanned: bool = False  # its text was read by OCR from a scanned page
    origin: str = "corpus"  # corpus / upload (rag/provenance.label_uploaded)

    def to_json(self) -> dict:
        return {"doc": self.doc, "title": self.title, "kind": self.kind, "section": self.section,
                "table": self.table, "text": self.text, "line": self.line, "scanned": self.scanned,
                "origin": self.origin}


@dataclass
class Answer:
    question: str
    found: bool
    answer: str
    figures: list[Figure] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    intent: str = "figure"
    understood: Question | None = None
    chart: dict | None = None  # {"kind": "parts"|"compare", "labels": [...], "values": [...], "unit": ...}

    def to_json(self) -> dict:
        return {"question": self.question, "found": self.found, "answer": self.answer,
                "figures": [f.to_json() for f in self.figures], "sources": [s.to_json() for s in self.sources]}


Refuse = Callable[[Question, str], Answer]  # the engine's refusal: the reason, and the reports held


def percent_of(part: Decimal, whole: Decimal) -> Decimal:
    """A share in percent, to the hundredth, rounded half up as the reports round."""
    return (part / whole * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)


def money(value: Decimal) -> str:
    return f"{value:,f}" if abs(value) >= 10000 else f"{value:f}"


def subject_name(subject: str | None, question: Question | None = None) -> str:
    if subject is None:
        return rank.content_words(question) if question else ""
    return domain.ITEMS[subject][0] if subject in domain.ITEMS else subject


def asked_as_typed(question: Question) -> str:
    """The clause that asks, as the asker typed it, to quote back when nothing answers it: the
    words the engine looked for read as jargon ("我 决算里 年末跟医院清算")."""
    typed = question.typed or question.text
    clauses = [c for c in re.split(r"[，,。；;！!？?]", typed) if c.strip()]
    asking = [c for c in clauses if asks(c)] or clauses or [typed]
    at = clauses.index(asking[0]) if len(asking) == 1 and asking[0] in clauses else 0
    if at and re.fullmatch("|".join(domain.CLAIM_CHECKED), re.sub(r"\W", "", asking[0])):
        asking = clauses[at - 1:at + 1]  # "有人说…有50亿元，对吗": the claim with its tag, not the tag alone
    return "，".join(asking).strip()


KIND_SHORT = {"部门预算": "预算", "部门决算": "决算", "部门整体支出绩效自评报告": "自评"}


def short_title(document: DocumentInfo | None) -> str:
    """江门2024预算: a report in a few characters, for labels."""
    if document is None:
        return ""
    return f"{document.city or document.unit or ''}{document.year or ''}{KIND_SHORT.get(document.kind, document.kind or '')}"


def comparison_caveat(answer: Answer, documents: dict[str, DocumentInfo]) -> str | None:
    """When the sides of a comparison come from reports of different years or kinds, say so."""
    if answer.intent != "compare" or len({f.doc for f in answer.figures}) < 2:
        return None
    sides = [documents[f.doc] for f in answer.figures if f.doc in documents]
    differs = [what for what, values in (("年度", {d.year for d in sides}), ("报告类型", {d.kind for d in sides}))
               if len(values) > 1]
    if not differs:
        return None
    names = "、".join(dict.fromkeys(short_title(d) for d in sides))
    return f"注意：比较的两边{'和'.join(differs)}不同（{names}），不是同一年度、同一口径的数字。"
