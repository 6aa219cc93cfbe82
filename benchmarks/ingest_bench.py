"""Ingest benchmark: parse+audit time per report, full build time, and the store's size.

    .venv/bin/python benchmarks/ingest_bench.py [--repeat 5]
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
    args = parser.parse_args()
    settings = load_settings()
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


if __name__ == "__main__":
    main()
