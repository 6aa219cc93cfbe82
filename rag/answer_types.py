"""What an answer is: its text, the figures it states and the sources it cites, and how it
writes a figure and names a subject. A module of its own so that every stage that composes an
answer (rag/answer.py, rag/figure_answers.py, rag/derived.py, rag/passages.py) and every reader
of one (rag/chat.py, rag/llm.py, rag/evaluate.py) uses the same types without importing the engine."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from rag import domain, rank
from rag.lookup import Figure
from rag.question import Question


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
