"""Tune the ranker's weights (rag/rank.py WEIGHTS) on a question set, with k-fold cross-validation.

    python benchmarks/tune_scorer.py [--set ../shared/eval/dev.jsonl ...] [--folds 5]
                                     [--grid dense=0,0.1,0.2 ...] [--dense]

Scores each grid point on the sets' questions (keyword retrieval only unless --dense, so that a
run takes a minute), prints the cross-validated accuracy (each fold scored with the weights
chosen on the other folds) and the weights best on all the questions. The chosen weights are then
written into WEIGHTS by hand; nothing here edits code.
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


SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def _grid_entry(entry: str) -> tuple[str, tuple[float, ...]]:
    name, _, values = entry.partition("=")
    if not hasattr(rank.WEIGHTS, name) or not values:
        raise SystemExit(f"--grid {entry}: expected NAME=V1,V2 with NAME a field of rank.Weights")
    return name, tuple(float(v) for v in values.split(","))


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
    parser.add_argument("--set", type=Path, action="append", help="a question set (repeat for several)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--grid", action="append", metavar="NAME=V1,V2",
                        help="weights to search instead of the default grid (repeat for several)")
    parser.add_argument("--dense", action="store_true", help="with the dense model (passage weights)")
    args = parser.parse_args()
    sets = args.set or [SHARED_DEV]
    gold = [json.loads(line) for path in sets for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    grid = dict(_grid_entry(entry) for entry in args.grid) if args.grid else GRID
    score_item = load_scorer(SHARED_DEV.parent / "score.py")
    engine = AnswerEngine(load_settings(), dense=args.dense)
    base = rank.WEIGHTS
    table = {}
    for values in itertools.product(*grid.values()):
        rank.WEIGHTS = replace(base, **dict(zip(grid, values)))
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
    current = tuple(getattr(base, name) for name in grid)
    print(f"{len(table)} weight settings on {len(gold)} questions ({', '.join(p.name for p in sets)})")
    print(f"cross-validated score ({args.folds} folds): {sum(held_out) / len(gold):.3f}")
    for values in sorted(table, key=lambda v: -sum(table[v])):
        marks = " (current)" if values == current else " (best)" if values == best else ""
        print(f"  {dict(zip(grid, values))} -> {sum(table[values]) / len(gold):.3f}{marks}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
