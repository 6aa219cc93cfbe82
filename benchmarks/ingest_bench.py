"""Ingest benchmark: parse+audit time per report, full build time, and the store's size; with
--sizes, load, parse and audit of one report repeated to files of those sizes (the cost must grow
linearly with the input); with --synthetic N, N synthetic reports (../shared/tools/synth_corpus.py)
read by each number of processes of --workers, alternated for --rounds: their parse+audit alone,
and their whole ingest without the search indexes (no embedding), with the load average of each run.

    .venv/bin/python benchmarks/ingest_bench.py [--repeat 5] [--sizes 0.7 2.8 5.7]
    .venv/bin/python benchmarks/ingest_bench.py --synthetic 200 --workers 1 2 --rounds 3
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.audit import audit_report  # noqa: E402
from rag.ingest import ingest  # noqa: E402
from rag.load import find_report_files, load_document  # noqa: E402
from rag.parse import parse_report  # noqa: E402
from rag.reading import pool_size, read_reports  # noqa: E402
from rag.settings import load_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--with-search-index", action="store_true", help="also build the vector and keyword indexes")
    parser.add_argument("--sizes", type=float, nargs="*", help="MB: time one large file of each size instead")
    parser.add_argument("--synthetic", type=int, help="time reading this many synthetic reports instead")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="with --synthetic: processes to compare")
    parser.add_argument("--rounds", type=int, default=3, help="with --synthetic: runs of each, alternated")
    args = parser.parse_args()
    settings = load_settings()
    if args.sizes:
        return large_files(settings, args.sizes)
    if args.synthetic:
        return many_reports(settings, args.synthetic, args.workers, args.rounds)
    print(f"{'report':<28}{'lines':>7}{'tables':>8}{'rows':>6}  parse+audit (median of {args.repeat})")
    for path in find_report_files([settings.corpus_dir]):
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            report = parse_report(load_document(path))
            audit_report(report)
            times.append(time.perf_counter() - started)
        rows = sum(len(t.rows) for t in report.tables)
        print(f"{path.name:<28}{len(report.document.lines):>7}{len(report.tables):>8}{rows:>6}  "
              f"{statistics.median(times) * 1000:8.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        local = settings.with_overrides(index_dir=Path(folder))
        steps = []
        if args.with_search_index:
            from rag.index import build_search_indexes
            steps = [build_search_indexes]
        started = time.perf_counter()
        ingest([settings.corpus_dir], local, build_steps=steps, progress=False)
        elapsed = time.perf_counter() - started
        store = local.store_path.stat().st_size
        total = sum(p.stat().st_size for p in local.current_index.resolve().rglob("*") if p.is_file())
        print(f"full ingest of {settings.corpus_dir.name}/: {elapsed:.2f} s; store.sqlite {store / 1024:.0f} KiB;"
              f" whole build {total / 1024 / 1024:.1f} MiB")


def many_reports(settings, count: int, workers: list[int], rounds: int) -> None:
    """Parse+audit of `count` synthetic reports, then their ingest into a fresh index without the
    search indexes, by each number of processes in turn, `rounds` times."""
    from benchmarks.add_bench import synthetic  # here: a pool's workers re-import this script

    files = synthetic(Path(tempfile.gettempdir()) / "ingest_bench", count)[:count]
    print(f"{len(files)} synthetic reports; cores {os.cpu_count()}; load average {_load()}", flush=True)
    timings: dict[int, list[tuple[float, float]]] = {n: [] for n in workers}
    for round_number in range(1, rounds + 1):
        for processes in workers:
            started, cpu_before = time.perf_counter(), _cpu_seconds()
            readings = list(read_reports(files, pool_size(len(files), processes), settings.ocr_max_pages,
                                         settings.max_file_bytes))
            read, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_before
            with tempfile.TemporaryDirectory() as folder:
                local = settings.with_overrides(index_dir=Path(folder), parse_workers=processes)
                started = time.perf_counter()
                result = ingest(files, local, progress=False)
                whole = time.perf_counter() - started
            assert len(result.reports) == len(files) == sum(r.report is not None for r in readings)
            timings[processes].append((read, cpu, whole))
            print(f"round {round_number}, {processes} process{'es' if processes > 1 else ''}: parse+audit "
                  f"{read:.2f} s ({len(files) / read:.1f} reports/s, CPU {cpu:.2f} s in all processes); "
                  f"ingest without search indexes {whole:.2f} s; load average {_load()}", flush=True)
    for processes, runs in timings.items():
        reads, cpus, wholes = zip(*runs)
        print(f"{processes} process{'es' if processes > 1 else ''}: parse+audit median {statistics.median(reads):.2f} s "
              f"(range {min(reads):.2f}-{max(reads):.2f}; CPU median {statistics.median(cpus):.2f} s); "
              f"ingest median {statistics.median(wholes):.2f} s (range {min(wholes):.2f}-{max(wholes):.2f})")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _cpu_seconds() -> float:
    """CPU time of this process and of its children ended so far (a pool's workers, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def large_files(settings, sizes: list[float]) -> None:
    """The first corpus report repeated to each size (the text limit lifted for the measure)."""
    import rag.load

    rag.load.MAX_REPORT_CHARS = 10**9
    seed = find_report_files([settings.corpus_dir])[0].read_bytes()
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"large_{size}.txt"
            path.write_bytes(seed * max(1, round(size * 1024 * 1024 / len(seed))))
            started = time.perf_counter()
            document = load_document(path, max_bytes=10**10)
            loaded = time.perf_counter()
            report = parse_report(document)
            parsed = time.perf_counter()
            findings = audit_report(report)
            audited = time.perf_counter()
            print(f"{path.stat().st_size / 1024 / 1024:5.1f} MB: load {loaded - started:.2f} s, parse {parsed - loaded:.2f} s,"
                  f" audit {audited - parsed:.2f} s ({len(report.tables)} tables, {len(findings)} checks)", flush=True)


if __name__ == "__main__":
    main()
