"""Read report files: load, parse and audit each, in process or, for a large ingest, in a pool of
processes (RAG_PARSE_WORKERS), the readings always coming back in the files' order.

A reading is the same whichever process made it: the pool only changes where the work runs, so a
build from a pool holds exactly what a build in process holds. A file that cannot be read gives its
LoadError's message as the reading's refusal, and the other files are read as before.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from rag.audit import audit_report
from rag.load import LoadError, load_document
from rag.models import AuditFinding, ParsedReport
from rag.parse import parse_report

# Fewer files than this are read in process: starting the pool (a fresh interpreter per worker
# importing the parser: its first reading comes after 0.4-0.5 s) costs more than sharing them
# saves, at best ~20 ms a report on two free cores (~60 ms each in process; a reading pickled back
# costs ~5 ms in the worker and ~5 ms in the parent).
POOL_MIN_FILES = 24


@dataclass
class Reading:
    """One file read: its parsed report and audit findings, or why it could not be read."""

    report: ParsedReport | None = None
    findings: list[AuditFinding] = field(default_factory=list)
    refusal: str | None = None  # the LoadError's message: the file is skipped with it


def read_report(path: Path, ocr_max_pages: int, max_bytes: int, progress: bool = False) -> Reading:
    """Load, parse and audit one file (in a worker process or in this one). progress: a scanned
    PDF's OCR shows its pages (in process only: workers would garble the terminal's bars)."""
    try:
        document = load_document(path, ocr_max_pages=ocr_max_pages, progress=progress, max_bytes=max_bytes)
    except LoadError as error:
        return Reading(refusal=str(error))
    try:
        report = parse_report(document)
        return Reading(report, audit_report(report))
    except Exception as error:  # a parser bug: raised as before, naming the file it failed on
        error.add_note(f"while reading {path}")
        raise


def pool_size(files: int, workers: int) -> int:
    """Processes to read this many files with: 1 (in process) for a small ingest."""
    return 1 if files < POOL_MIN_FILES else max(1, min(workers, files))


def read_reports(paths: list[Path], processes: int, ocr_max_pages: int, max_bytes: int,
                 progress: bool = False) -> Iterator[Reading]:
    """Each file's reading, in the order of paths, as each is ready; processes: pool_size()."""
    if processes <= 1:
        yield from (read_report(path, ocr_max_pages, max_bytes, progress) for path in paths)
        return
    read = partial(read_report, ocr_max_pages=ocr_max_pages, max_bytes=max_bytes)
    # spawn, not fork: the app and the CLI may hold threads (Streamlit, tqdm) a fork would copy half-way
    pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield from pool.map(read, paths)
    finally:  # a caller that stops early (an error) does not wait for the files not yet read
        pool.shutdown(wait=True, cancel_futures=True)
