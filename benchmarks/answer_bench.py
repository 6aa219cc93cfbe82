"""Answering benchmark: cold start, warm latency over the eval set, peak memory, index build.

    .venv/bin/python benchmarks/answer_bench.py            # everything (builds an index in a temp dir)
    .venv/bin/python benchmarks/answer_bench.py --skip-build

Cold start: a fresh `python -m rag ask` process, from start to its first answer printed.
Warm: every question of a set (eval/questions.jsonl, or --set, e.g. ../shared/eval/dev.jsonl),
asked again after one warm-up pass, dense on; p50 and p95 overall and per answer type.
Peak memory: the maximum resident set size of a process that only answers (measured in a child
process, so that building the index here does not count).
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer import AnswerEngine  # noqa: E402
from rag.evaluate import load_cases  # noqa: E402
from rag.index import build_search_indexes  # noqa: E402
from rag.ingest import ingest  # noqa: E402
from rag.settings import load_settings  # noqa: E402


def cold_start(question: str, dense: bool) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "rag", "ask", question] + ([] if dense else ["--no-dense"])
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--set", type=Path, default=None, help="question set (either format)")
    parser.add_argument("--measure-answering", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_answering:
        return measure_answering(args.set)
    settings = load_settings()
    if not args.skip_build:
        with tempfile.TemporaryDirectory() as folder:
            local = settings.with_overrides(index_dir=Path(folder))
            local.model_cache_dir.parent.mkdir(parents=True, exist_ok=True)
            (Path(folder) / "models").symlink_to(settings.model_cache_dir.resolve())  # reuse the rebuilt model
            started = time.perf_counter()
            ingest([settings.corpus_dir], local, build_steps=[build_search_indexes], progress=False)
            built = time.perf_counter() - started
            size = sum(p.stat().st_size for p in local.current_index.resolve().rglob("*") if p.is_file())
            print(f"index build (5 reports, store + chunks + Chroma): {built:.1f} s; size {size / 1024 / 1024:.1f} MiB")
    print(f"cold start, figure question (no model needed): {cold_start('江门医保局2024年三公经费多少', True):.2f} s")
    print(f"cold start, passage question (loads the model): "
          f"{cold_start('江门医保局2023年整体支出绩效目标是什么', True):.2f} s")
    extra = ["--set", str(args.set)] if args.set else []
    result = json.loads(subprocess.run([sys.executable, __file__, "--measure-answering", *extra], cwd=ROOT,
                                       check=True, capture_output=True, text=True).stdout.splitlines()[-1])
    print(f"warm answers over {result['count']} questions: p50 {result['p50']:.1f} ms, "
          f"p95 {result['p95']:.1f} ms, max {result['max']:.1f} ms, mean {result['mean']:.1f} ms")
    for intent, (count, p50, p95) in sorted(result["by_intent"].items()):
        print(f"  {intent:10s} {count:4d} questions: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    print(f"peak memory of the answering process: {result['peak_mib']:.0f} MiB")


def measure_answering(question_set: Path | None) -> None:
    engine = AnswerEngine(load_settings(), dense=True)
    questions = [case["question"] for case in load_cases(question_set)]
    for question in questions:  # warm-up: model, caches
        engine.ask(question)
    timings, by_intent = [], {}
    for question in questions:
        started = time.perf_counter()
        answer = engine.ask(question)
        timings.append((time.perf_counter() - started) * 1000)
        by_intent.setdefault(answer.intent if answer.found else "refusal", []).append(timings[-1])
    print(json.dumps({"count": len(timings), "p50": percentile(timings, 0.5), "p95": percentile(timings, 0.95),
                      "by_intent": {k: (len(v), percentile(v, 0.5), percentile(v, 0.95)) for k, v in by_intent.items()},
                      "max": max(timings), "mean": statistics.mean(timings),
                      "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


if __name__ == "__main__":
    main()
