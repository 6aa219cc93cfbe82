"""Ingest benchmark: parse+audit time per report, full build time, and the store's size; with
--sizes, load, parse and audit of one report repeated to files of those sizes (the cost must grow
linearly with the input).

    .venv/bin/python benchmarks/ingest_bench.py [--repeat 5] [--sizes 0.7 2.8 5.7]
"""
from __future__ import annotations

import argparse
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
from rag.settings import load_settings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--with-search-index", action="store_true", help="also build the vector and keyword indexes")
    parser.add_argument("--sizes", type=float, nargs="*", help="MB: time one large file of each size instead")
    args = parser.parse_args()
    settings = load_settings()
    if args.sizes:
        return large_files(settings, args.sizes)
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
