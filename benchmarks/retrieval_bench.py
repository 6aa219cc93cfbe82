"""Retrieval benchmark: each retriever alone and fused, on the passage questions of the eval sets.

    .venv/bin/python benchmarks/retrieval_bench.py

A hit is a chunk holding the start of the expected passage. Questions are routed to their
reports first (city, year, kind), as the answer engine does; "unrouted" searches everything.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer import AnswerEngine  # noqa: E402
from rag.evaluate import DEFAULT_SET, load_cases  # noqa: E402
from rag.index import fuse  # noqa: E402
from rag.question import understand  # noqa: E402
from rag.settings import load_settings  # noqa: E402


def rankings(engine: AnswerEngine, text: str, docs: set[str] | None) -> dict[str, list[int]]:
    """The engine's own retrievers, alone and fused exactly as the answers use them."""
    each = engine.search_index.rankings(text, docs, dense=True)
    return {**each, "RRF fused": [position for position, _ in fuse(each.values())]}


def main() -> None:
    engine = AnswerEngine(load_settings(), dense=True)
    cases = [c for path in (DEFAULT_SET, ROOT / "eval" / "holdout.jsonl") for c in load_cases(path)
             if c["kind"] in ("passage", "definition") and c["expect"]["contains"]]
    for routed in (True, False):
        scores: dict[str, list[float]] = {}
        for case in cases:
            question = understand(case["question"], engine.vocabulary)
            docs = engine._resolve_documents(question, None)[0] if routed else None
            wanted = case["expect"]["contains"][0][:12]
            for method, ranking in rankings(engine, case["question"], {d.name for d in docs} if docs else None).items():
                ranks = [r for r, p in enumerate(ranking[:10]) if wanted in engine.search_index.chunks[p].text]
                scores.setdefault(method, []).append(1 / (ranks[0] + 1) if ranks else 0.0)
        print(f"{'routed to the report' if routed else 'unrouted'} ({len(cases)} passage questions):")
        for method, values in scores.items():
            hit5 = sum(v >= 1 / 5 for v in values) / len(values)
            print(f"  {method:<13} hit@1 {sum(v == 1 for v in values) / len(values):.2f}  hit@5 {hit5:.2f}"
                  f"  MRR@10 {sum(values) / len(values):.2f}")


if __name__ == "__main__":
    main()
