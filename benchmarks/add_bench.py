"""Time to add one report to an index of 5 and of 200 synthetic reports, through the CLI and in
process as the app adds an upload (the model, the keyword tokenizer and Chroma already loaded; the
add embeds the report's chunks), printed side by side with the time of the keyword step (chunks,
tokens and the keyword index: rag/index.py write_chunks), the add without the model (loading it and
embedding the report's chunks: the same work at every size, and most of the time on a shared
machine), and the load averages beside each run, as `uptime` prints them (the machine may be
shared). The sizes alternate, in turn first and second, so a change of load reaches each of them.

    python benchmarks/add_bench.py [--work DIR] [--sizes 5 200] [--build-only]

The synthetic reports come from ../shared/tools/synth_corpus.py (N+1 of them: the first N make
the base index, the last is the one added). Each size has its own index folder (and so its own
embedding cache) under --work; the base is built once (later runs find it unchanged: a no-op).
The added report's embeddings and tokens are removed from the cache and the report from the index
after each measurement, so every run embeds and tokenizes its chunks afresh. The embedding backend is the setting
RAG_EMBEDDING_BACKEND (base and add use the same); onnx-int8 builds the 200-report base faster.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.cache import text_key  # noqa: E402
from rag.embeddings import embeddings_for  # noqa: E402
from rag.index import build_chunks, build_search_indexes, read_stats, word_tokens  # noqa: E402
from rag.ingest import ingest  # noqa: E402
from rag.settings import load_settings  # noqa: E402
from rag.uploads import add_upload, find_held, remove_report  # noqa: E402

SYNTH = ROOT.parent / "shared" / "tools" / "synth_corpus.py"


def synthetic(work: Path, count: int) -> list[Path]:
    """count synthetic reports, a smaller count a prefix of a larger one (names sort in making order).
    The generator makes one report per (place, year), at most GENERATOR_MOST; beyond that the set is
    topped up from a second run (another seed) with reports of another kind for a (place, year) held,
    as a city publishes its 预算, 决算 and 自评 of one year."""
    folder = work / f"synth{count}"
    if not folder.is_dir():
        generate(folder, min(count, GENERATOR_MOST))
        if count > GENERATOR_MOST:
            top_up(folder, count - GENERATOR_MOST, work / "synth-second-seed")
    return sorted(folder.glob("syn*.txt"))


GENERATOR_MOST = 945  # synth_corpus.py's unique (place, year) pairs


def generate(folder: Path, count: int, seed: int = 0) -> None:
    subprocess.run([sys.executable, str(SYNTH), str(folder), str(count), "--seed", str(seed)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)


def top_up(folder: Path, count: int, second: Path) -> None:
    """count reports of the second seed's run whose (place, year, kind) the folder lacks, renamed after the
    folder's (synt… sorts after syn0…), with their known answers. A passage question names no kind, so
    its answer may come from any report of that place and year: "docs" lists them."""
    if not second.is_dir():
        generate(second, GENERATOR_MOST, seed=1)
    answers_file = folder / "answers.jsonl"
    answers = [json.loads(line) for line in answers_file.read_text(encoding="utf-8").splitlines() if line]
    held = {(a["place"], a["year"], a["kind"]) for a in answers}
    second_answers = [json.loads(line) for line in (second / "answers.jsonl").read_text(encoding="utf-8").splitlines()
                      if line]
    added: list[str] = []
    for answer in second_answers:
        identity = (answer["place"], answer["year"], answer["kind"])
        if identity in held and answer["doc"] not in added:
            continue
        if answer["doc"] not in added:
            if len(added) == count:
                break
            added.append(answer["doc"])
            held.add(identity)
            shutil.copyfile(second / answer["doc"], folder / answer["doc"].replace("syn", "synt", 1))
        answers.append({**answer, "doc": answer["doc"].replace("syn", "synt", 1)})
    if len(added) < count:
        raise SystemExit(f"the second seed gave {len(added)} reports of another kind, {count} asked")
    docs_of: dict[tuple, list[str]] = {}
    for answer in answers:
        docs = docs_of.setdefault((answer["place"], answer["year"]), [])
        docs.extend([answer["doc"]] if answer["doc"] not in docs else [])
    answers_file.write_text("".join(
        json.dumps({**a, "docs": docs_of[(a["place"], a["year"])]} if a["type"] == "passage" else a,
                   ensure_ascii=False) + "\n" for a in answers), encoding="utf-8")


def index_dir_of(work: Path, size: int, backend: str) -> Path:
    return work / f"index{size}-{backend}"


def environment(index_dir: Path) -> dict[str, str]:
    return {**os.environ, "RAG_INDEX_DIR": str(index_dir), "PYTHONPATH": str(ROOT)}


def build_base(index_dir: Path, files: list[Path], build_steps: list | None = None) -> float:
    settings = load_settings().with_overrides(index_dir=index_dir)
    started = time.perf_counter()
    result = ingest(files, settings, build_steps=build_steps or [build_search_indexes], progress=True)
    print(f"  base of {len(files)}: {'built' if result.changed else 'unchanged'} in {time.perf_counter() - started:.1f} s",
          flush=True)
    return time.perf_counter() - started


def forget(index_dir: Path, name: str) -> None:
    """The added report's chunk embeddings and tokens out of the cache (the next run computes them again)."""
    keys = [text_key(c.indexed_text) for c in build_chunks(index_dir / "current") if c.doc == name]
    with sqlite3.connect(index_dir / "embedding_cache.sqlite") as cache:
        cache.executemany("DELETE FROM embeddings WHERE text_sha = ?", [(k,) for k in keys])
        cache.executemany("DELETE FROM chunk_tokens WHERE text_sha = ?", [(k,) for k in keys])


def add_once(index_dir: Path, report: Path) -> tuple[float, dict]:
    command = [sys.executable, "-m", "rag", "ingest", str(report), "--add", "--no-progress"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=environment(index_dir), capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"add failed:\n{done.stdout}\n{done.stderr}")
    stats = read_stats((index_dir / "current").resolve())
    forget(index_dir, report.name)
    subprocess.run([sys.executable, "-m", "rag", "remove", report.name], cwd=ROOT, env=environment(index_dir),
                   check=True, capture_output=True)
    return seconds, stats


def add_in_process(index_dir: Path, report: Path) -> tuple[float, dict]:
    """As the app adds an upload: in a running process whose model, keyword tokenizer and Chroma are
    loaded (else the first add of a run, whatever its size, pays jieba's loading, 0.5-1 s, and
    Chroma's import, 0.7-1.8 s); the add embeds the report's chunks with the warm model."""
    import chromadb  # noqa: F401  (the app imported it to answer questions)

    settings = load_settings().with_overrides(index_dir=index_dir)
    embeddings_for(settings).embed_documents(["预热"])
    word_tokens("预热")
    started = time.perf_counter()
    added = add_upload(report.name, report.read_bytes(), settings,
                       build_steps=[partial(build_search_indexes, show_progress=False)])
    seconds = time.perf_counter() - started
    if added.problem:
        raise SystemExit(f"add failed: {added.problem}")
    stats = read_stats(added.result.build_dir)
    forget(index_dir, added.name)
    remove_report(find_held(settings, added.name)[0], settings, [partial(build_search_indexes, show_progress=False)],
                  progress=False)
    return seconds, stats


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--work", type=Path, default=Path("/tmp/add_bench"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 200])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    backend = os.environ.get("RAG_EMBEDDING_BACKEND", "torch")
    pool = synthetic(args.work, max(args.sizes) + 1)
    added = pool[-1]
    print(f"backend {backend}; cores {os.cpu_count()}; added report {added.name} ({added.stat().st_size // 1024} KB)")
    # (how, size) -> per run (whole add, keyword step, without the model, 1-minute load average after it)
    measured: dict[tuple[str, int], list[tuple[float, ...]]] = {}
    for size in args.sizes:
        build_base(index_dir_of(args.work, size, backend), pool[:size])
    if args.build_only:
        return
    # The app has answered or added before: a process's first add also loads what later ones find
    # ready (0.1 s more at either size), so one add, not measured, comes first.
    add_in_process(index_dir_of(args.work, args.sizes[0], backend), added)
    for run in range(args.runs):
        for size in args.sizes if run % 2 == 0 else args.sizes[::-1]:  # each size in turn first
            index_dir = index_dir_of(args.work, size, backend)
            for how, add in WAYS:
                seconds, stats = add(index_dir, added)
                without_model, load = seconds - stats["model_seconds"], os.getloadavg()
                measured.setdefault((how, size), []).append((seconds, stats["keyword_seconds"], without_model, load[0]))
                print(f"add 1 report to {size}: {how} {seconds:.2f} s, of which chunks and keyword index "
                      f"{stats['keyword_seconds']:.2f} s, the model {stats['model_seconds']:.2f} s (the rest "
                      f"{without_model:.2f} s); embedded {stats['embedded']} of {stats['chunks']} chunks; "
                      f"load average {' '.join(f'{x:.2f}' for x in load)}", flush=True)
    if measured:
        print_side_by_side(measured, args.sizes)


WAYS = (("CLI", add_once), ("in process", add_in_process))  # in process: the app's way, model warm


def print_side_by_side(measured: dict[tuple[str, int], list[tuple[float, ...]]], sizes: list[int]) -> None:
    """Each way of adding, its times at each size in one row (the whole add, the keyword step, the
    add without the model), and the load average after each run."""
    width = 2 + 6 * max(len(runs) for runs in measured.values())
    print(f"\n{'add 1 report, seconds per run':<34}" + "".join(f"{f'| to {size} reports':<{width}}" for size in sizes))
    for how, _ in WAYS:
        for part, label in ((0, "whole add"), (1, "keyword step"), (2, "without the model"), (3, "load average")):
            cells = ("| " + " ".join(f"{run[part]:5.2f}" for run in measured[how, size]) for size in sizes)
            print(f"{how + ', ' + label:<34}" + "".join(f"{cell:<{width}}" for cell in cells))


if __name__ == "__main__":
    main()
