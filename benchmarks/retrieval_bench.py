"""Retrieval benchmark and document embedding speed, per embedding backend, in one run.

    .venv/bin/python benchmarks/retrieval_bench.py [--backends torch onnx onnx-int8] [--repeats 3]

Questions: the passage questions of the question sets (PASSAGE_SETS; eval/holdout_2.jsonl stays
unseen). A hit is a relevant chunk: for the shared sets' format, a chunk of the evidence's report
that covers an evidence line and holds the answer (or an alternative answer); for ours, a chunk
holding the start of the expected passage. Questions are routed to their reports first (city,
year, kind), as the answer engine does; "unrouted" searches everything.

Each backend embeds every chunk of the index as a build does (through a fresh embedding cache,
which hands the model groups of texts of similar length; the passage prompt, BATCH_SIZE)
`--repeats` times, the backends taking turns, with the load average printed beside each pass;
the dense ranking is then exact cosine search over those vectors within the scope (the index's
Chroma collection holds one backend's vectors only), keyword rankings and fusion as the engine
has them.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer import AnswerEngine  # noqa: E402
from rag.cache import ChunkCache  # noqa: E402
from rag.embeddings import BATCH_SIZE, SentenceTransformerEmbeddings  # noqa: E402
from rag.evaluate import load_cases  # noqa: E402
from rag.index import Chunk, fuse  # noqa: E402
from rag.load import normalize_line  # noqa: E402
from rag.question import understand  # noqa: E402
from rag.settings import EMBEDDING_BACKENDS, load_settings  # noqa: E402

EVAL = ROOT / "eval"
PASSAGE_SETS = [EVAL / "questions.jsonl", EVAL / "holdout.jsonl", *(EVAL / f"dev_{n}.jsonl" for n in range(3, 9)),
                EVAL / "holdout_external.jsonl", ROOT.parent / "shared" / "eval" / "dev.jsonl"]
DENSE_DEPTH = 50  # as SearchIndex's dense search: the 50 nearest within the scope


@dataclass
class Case:
    question: str
    relevant: Callable[[Chunk], bool]


def passage_cases(path: Path) -> list[Case]:
    """The passage questions of one set, each with what makes a chunk relevant."""
    raw = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if raw and "expect" in raw[0]:
        return [Case(c["question"], _holds(c["expect"]["contains"][0][:12])) for c in load_cases(path)
                if c["kind"] in ("passage", "definition") and c["expect"]["contains"]]
    return [Case(c["question"], _covers(c)) for c in raw if c["kind"] == "passage"]


def _holds(start: str) -> Callable[[Chunk], bool]:
    return lambda chunk: start in chunk.text


def _covers(case: dict) -> Callable[[Chunk], bool]:
    lines = {(e.get("file") or e.get("doc"), e["line"]) for e in case["evidence"]}
    answers = [normalize_line(a) for a in (case["answer"], *(case.get("alt_answers") or [])) if a]
    return lambda chunk: (any(doc == chunk.doc and chunk.line_start <= line <= chunk.line_end for doc, line in lines)
                          and any(a in chunk.text for a in answers))


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def encoders(backends: list[str]) -> dict[str, object]:
    """Each backend's model (TorchEncoder or OnnxEncoder), loaded now, with the load time printed."""
    settings = load_settings()
    loaded = {}
    for backend in backends:
        started = time.perf_counter()
        loaded[backend] = SentenceTransformerEmbeddings(settings.embedding_model, settings.model_cache_dir, backend).model
        print(f"{backend}: model loaded in {time.perf_counter() - started:.1f} s (load average {load_average()})")
    return loaded


def _prompt(encoder, kind: str) -> str | None:
    return kind if kind in (encoder.prompts or {}) else None


def embed_as_a_build(encoder, texts: list[str], batch_size: int) -> np.ndarray:
    """The texts' vectors as a build computes them: through the embedding cache (a fresh one, so
    every text goes through the model), with its cache writes."""
    prompt = _prompt(encoder, "passage")
    with tempfile.TemporaryDirectory() as folder, ChunkCache(Path(folder) / "cache.sqlite") as cache:
        return cache.embeddings("bench", "bench", texts, lambda part: encoder.encode(part, prompt, batch_size))[0]


def embed_all(encoders_by_name: dict, texts: list[str], repeats: int, batch_size: int) -> dict[str, np.ndarray]:
    """Every text embedded by each encoder `repeats` times, taking turns; speeds printed."""
    rates: dict[str, list[float]] = {name: [] for name in encoders_by_name}
    vectors: dict[str, np.ndarray] = {}
    print(f"\nDocument embedding: {len(texts)} chunks, mean {statistics.mean(map(len, texts)):.0f} characters, "
          f"batch size {batch_size}, {repeats} passes each")
    for repeat in range(repeats):
        for name, encoder in encoders_by_name.items():
            before = load_average()
            started = time.perf_counter()
            vectors[name] = embed_as_a_build(encoder, texts, batch_size)
            seconds = time.perf_counter() - started
            rates[name].append(len(texts) / seconds)
            print(f"  pass {repeat + 1} {name:<12} {seconds:6.1f} s  {rates[name][-1]:6.1f} chunks/s  "
                  f"(load average before {before}, after {load_average()})")
    first = next(iter(rates))
    for name, values in rates.items():
        cosine = np.sum(vectors[name] * vectors[first], axis=1)
        print(f"  {name:<12} median {statistics.median(values):6.1f} chunks/s (range {min(values):.1f}-{max(values):.1f}), "
              f"{statistics.median(values) / statistics.median(rates[first]):.2f}x {first}; "
              f"cosine to {first}: min {cosine.min():.4f}, mean {cosine.mean():.4f}")
    return vectors


def dense_ranking(vectors: np.ndarray, query: np.ndarray, scope: list[tuple[int, int]]) -> list[int]:
    positions = np.concatenate([np.arange(start, end) for start, end in scope])
    scores = vectors[positions] @ query
    return positions[np.argsort(-scores, kind="stable")[:DENSE_DEPTH]].tolist()


def score(ranking: list[int], chunks: list[Chunk], case: Case) -> float:
    """Reciprocal rank of the first relevant chunk in the top 10 (0 when none)."""
    ranks = [rank for rank, position in enumerate(ranking[:10]) if case.relevant(chunks[position])]
    return 1 / (ranks[0] + 1) if ranks else 0.0


def report(cases: list[Case], engine: AnswerEngine, encoders_by_name: dict, vectors: dict[str, np.ndarray]) -> None:
    index = engine.search_index
    queries = {name: encoder.encode([c.question for c in cases], _prompt(encoder, "query"), BATCH_SIZE)
               for name, encoder in encoders_by_name.items()}
    for routed in (True, False):
        scores: dict[str, list[float]] = {}
        for number, case in enumerate(cases):
            docs = engine._resolve_documents(understand(case.question, engine.vocabulary), None)[0] if routed else None
            scope_docs = {d.name for d in docs} if docs else None
            keyword = index.rankings(case.question, scope_docs, dense=False)
            ranked = dict(keyword)
            for name in encoders_by_name:
                dense = dense_ranking(vectors[name], queries[name][number], index._scope(scope_docs))
                ranked[f"dense {name}"] = dense
                ranked[f"fused {name}"] = [position for position, _ in fuse([*keyword.values(), dense])]
            for method, ranking in ranked.items():
                scores.setdefault(method, []).append(score(ranking, index.chunks, case))
        print(f"\n{'routed to the report' if routed else 'unrouted'} ({len(cases)} passage questions):")
        for method, values in scores.items():
            hits1, hits5 = sum(v == 1 for v in values), sum(v >= 1 / 5 for v in values)
            print(f"  {method:<22} hit@1 {hits1 / len(values):.3f} ({hits1})  hit@5 {hits5 / len(values):.3f} ({hits5})"
                  f"  MRR@10 {sum(values) / len(values):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backends", nargs="+", default=list(EMBEDDING_BACKENDS), choices=EMBEDDING_BACKENDS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args()
    engine = AnswerEngine(load_settings(), dense=False)
    cases = []
    for path in PASSAGE_SETS:
        found = passage_cases(path)
        print(f"{path.relative_to(ROOT.parent)}: {len(found)} passage questions")
        cases += found
    loaded = encoders(args.backends)
    texts = [chunk.indexed_text for chunk in engine.search_index.chunks]
    vectors = embed_all(loaded, texts, args.repeats, args.batch_size)
    report(cases, engine, loaded, vectors)


if __name__ == "__main__":
    main()
