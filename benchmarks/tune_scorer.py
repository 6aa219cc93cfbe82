"""Tune the ranker's weights (rag/rank.py WEIGHTS) on a question set, with k-fold cross-validation.

    python benchmarks/tune_scorer.py [--set ../shared/eval/dev.jsonl] [--folds 5]

Scores each grid point on the set (keyword retrieval only, so that a run takes a minute; the
dense model only adds passage candidates), prints the cross-validated accuracy (each fold
scored with the weights chosen on the other folds) and the weights best on the whole set. The
chosen weights are then written into WEIGHTS by hand; nothing here edits code.
"""
from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import rank  # noqa: E402
from rag.answer import AnswerEngine  # noqa: E402
from rag.settings import load_settings  # noqa: E402

GRID = {
    "lead": (0.6, 0.7, 0.85),
    "context": (0.2, 0.35, 0.5),
    "answer_at": (0.5, 0.6, 0.7),
    "passage_at": (0.35, 0.45, 0.55),
}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score_item


def outcomes(engine: AnswerEngine, gold: list[dict], score_item) -> list[float]:
    """Per question: 1 when right and first, 0.5 when right but not first, else 0."""
    results = []
    for item in gold:
        verdict = score_item(item, engine.ask(item["question"]).to_json())
        results.append(0.5 * verdict["ok"] + 0.5 * verdict["strict"])
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    gold = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line.strip()]
    score_item = load_scorer(args.set.parent / "score.py")
    engine = AnswerEngine(load_settings(), dense=False)
    base = rank.WEIGHTS
    table = {}
    for values in itertools.product(*GRID.values()):
        rank.WEIGHTS = replace(base, **dict(zip(GRID, values)))
        table[values] = outcomes(engine, gold, score_item)
    rank.WEIGHTS = base
    order = list(range(len(gold)))
    random.Random(0).shuffle(order)
    folds = [order[i::args.folds] for i in range(args.folds)]
    held_out = []
    for fold in folds:
        train = [i for i in order if i not in set(fold)]
        best = max(table, key=lambda v: sum(table[v][i] for i in train))
        held_out += [table[best][i] for i in fold]
    best = max(table, key=lambda v: sum(table[v]))
    current = tuple(getattr(base, name) for name in GRID)
    print(f"{len(table)} weight settings on {len(gold)} questions ({args.set.name})")
    print(f"cross-validated score ({args.folds} folds): {sum(held_out) / len(gold):.3f}")
    print(f"best on the whole set: {dict(zip(GRID, best))} -> {sum(table[best]) / len(gold):.3f}")
    if current in table:
        print(f"current WEIGHTS:        {dict(zip(GRID, current))} -> {sum(table[current]) / len(gold):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
