"""Run the evaluation set: accuracy per kind of question, and a check that no figure is invented."""
from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rag.answer import AnswerEngine
from rag.answer_types import Answer, percent_of
from rag.parse.text import NUMBER_PATTERN, compact
from rag.settings import PROJECT_ROOT

DEFAULT_SET = PROJECT_ROOT / "eval" / "questions.jsonl"
FIGURE_IN_TEXT = re.compile(rf"(?<![\d.,，])({NUMBER_PATTERN})(?=万元|亿元|元)")


@dataclass
class CaseResult:
    question: str
    kind: str
    correct: bool
    why: str
    seconds: float
    invented: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    results: list[CaseResult]

    def by_kind(self) -> dict[str, tuple[int, int]]:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for result in self.results:
            counts[result.kind][0] += result.correct
            counts[result.kind][1] += 1
        return {kind: (c[0], c[1]) for kind, c in sorted(counts.items())}

    @property
    def accuracy(self) -> float:
        return sum(r.correct for r in self.results) / len(self.results)

    @property
    def invented(self) -> list[CaseResult]:
        return [r for r in self.results if r.invented]


def load_cases(path: Path | None = None) -> list[dict]:
    """Cases of either format: ours ({question, kind, expect}) or the shared sets' ({question,
    kind: table_number|text_number|compare|passage|unanswerable, answer(s)}), read as ours."""
    with open(path or DEFAULT_SET, encoding="utf-8") as handle:
        cases = [json.loads(line) for line in handle if line.strip()]
    return [case if "expect" in case else _from_shared(case) for case in cases]


SHARED_KINDS = {"table_number": "figure", "text_number": "figure", "compare": "compare", "passage": "passage",
                "unanswerable": "unanswerable"}


def _from_shared(case: dict) -> dict:
    kind = case["kind"]
    expect: dict = {"found": kind != "unanswerable"}
    if kind in ("table_number", "text_number"):
        expect["values"] = [case["answer"]]
    elif kind == "compare":
        expect["values"] = list(case.get("answers") or [])
    elif kind == "passage":
        expect["passage"] = [case["answer"], *(case.get("alt_answers") or [])]
    return {"question": case["question"], "kind": SHARED_KINDS[kind], "expect": expect}


def check(answer: Answer, expect: dict) -> tuple[bool, str]:
    if answer.found != expect["found"]:
        return False, f"found={answer.found}, expected {expect['found']}"
    values = [f"{f.value:f}" for f in answer.figures]
    for position, printed in enumerate(expect.get("values", [])):
        wanted = Decimal(printed.replace(",", "").replace("，", ""))  # the shared sets keep 4,181.30 as printed
        if wanted not in {Decimal(v) for v in values}:
            return False, f"figure {printed} missing (got {values[:4]})"
        if position == 0 and Decimal(values[0]) != wanted and len(expect["values"]) == 1:
            return False, f"first figure {values[0]}, expected {wanted}"
    for text in expect.get("contains", []):
        if text not in answer.answer:
            return False, f"answer lacks “{text}”"
    quoted = [compact(t) for t in [answer.answer, *(s.text for s in answer.sources[:3])]]
    if expect.get("passage") and not any(compact(p) in q for p in expect["passage"] for q in quoted):
        return False, f"no quote holds “{expect['passage'][0]}”"
    return True, ""


def invented_figures(answer: Answer, known: set[Decimal]) -> list[str]:
    """Figures of the answer that are neither in the reports nor computed from figures shown."""
    shown = {f.value for f in answer.figures}
    computed = {abs(a - b) for a in shown for b in shown} | {a - b for a in shown for b in shown}
    shares = {percent_of(a, b) for a in shown for b in shown if b}
    invented = [f"{f.value:f}" for f in answer.figures
                if f.value not in known and not (f.unit == "%" and f.value in shares)]
    for token in FIGURE_IN_TEXT.findall(answer.answer):
        value = Decimal(token.replace(",", "").replace("，", ""))
        if value not in known and value not in computed:
            invented.append(token)
    return invented


def known_figures(engine: AnswerEngine) -> set[Decimal]:
    known = {f.value for f in engine.store.facts()}
    for document in engine.documents:
        for table in engine.store.tables(document.name):
            for row in engine.store.rows(table.id):
                known.update(row.values.values())
    return known


def evaluate(engine: AnswerEngine, path: Path | None = None) -> EvalReport:
    known = known_figures(engine)
    results = []
    for case in load_cases(path):
        started = time.perf_counter()
        answer = engine.ask(case["question"])
        seconds = time.perf_counter() - started
        correct, why = check(answer, case["expect"])
        results.append(CaseResult(case["question"], case["kind"], correct, why, seconds,
                                  invented_figures(answer, known)))
    return EvalReport(results)


def print_report(report: EvalReport, show_failures: bool = False) -> None:
    for kind, (right, total) in report.by_kind().items():
        print(f"{kind:<14}{right:>4}/{total:<4}{right / total:>8.1%}")
    total = len(report.results)
    print(f"{'overall':<14}{sum(r.correct for r in report.results):>4}/{total:<4}{report.accuracy:>8.1%}")
    print(f"invented figures: {len(report.invented)} answers")
    for result in report.invented:
        print(f"  ✘ {result.question}: {result.invented}")
    if show_failures:
        for result in report.results:
            if not result.correct:
                print(f"  ✘ [{result.kind}] {result.question[:60]} — {result.why}")
