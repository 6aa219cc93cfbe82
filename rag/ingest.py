"""load -> parse -> audit -> store, built aside and swapped in whole.

A run killed midway leaves the previous index untouched: everything is written to a fresh
folder under index/builds/, and only a finished build replaces the index/current link, in one
atomic rename. Running twice over the same files changes nothing.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from rag.audit import audit_report, summarize
from rag.load import LoadError, find_report_files, load_document
from rag.models import AuditFinding, ParsedReport, ReportIdentity
from rag.parse import parse_report
from rag.settings import Settings
from rag.store import TableStore, create_store, write_report

INDEX_FORMAT = 3  # bump when the parser or the index layout changes, to force a rebuild
KEEP_BUILDS = 2
BUILD_MODULES = ("load.py", "ocr.py", "places.py", "domain.py", "models.py", "audit.py", "store.py", "index.py", "embeddings.py")


@dataclass
class ReportSummary:
    name: str
    identity: ReportIdentity
    sections: int
    paragraphs: int
    tables: int
    rows: int
    facts: int
    audit_checks: int
    audit_passed: int
    warnings: list[str]
    notes: list[str] = field(default_factory=list)  # how a PDF was read: each table's path, OCR pages


@dataclass
class IngestResult:
    reports: list[ReportSummary] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    changed: bool = False
    build_dir: Path | None = None
    seconds: float = 0.0


# A hook run on a finished build folder before it is swapped in (the search indexes).
BuildStep = Callable[[Path, Settings], None]
# Told what is happening: (what, fraction done).
Progress = Callable[[str, float], None]


@contextmanager
def _ingest_lock(index_dir: Path):
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".ingest.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def indexed_paths(settings: Settings) -> list[Path]:
    """Files of the reports in the current index (for adding one report to them)."""
    if not settings.store_path.is_file():
        return []
    store = TableStore(settings.store_path)
    try:
        return [Path(row) for row in store.document_paths()]
    finally:
        store.close()


def ingest(paths: list[str | Path], settings: Settings, build_steps: list[BuildStep] | None = None,
           progress: bool = True, on_progress: Progress | None = None) -> IngestResult:
    started = time.perf_counter()
    result = IngestResult()
    report = on_progress or (lambda what, done: None)
    with _ingest_lock(settings.index_dir):
        report("解析报告", 0.05)
        parsed = _parse_files(find_report_files(paths), result, progress, settings.ocr_max_pages)
        report("建立索引", 0.2)
        fingerprint = _fingerprint(parsed, settings)
        if not parsed:
            result.seconds = time.perf_counter() - started
            return result
        if _current_fingerprint(settings) == fingerprint:
            result.reports = [_summary(report, findings) for report, findings in parsed]
            result.seconds = time.perf_counter() - started
            return result
        build_dir = _build(parsed, settings, fingerprint, build_steps or [])
        _swap_in(build_dir, settings)
        report("完成", 1.0)
        result.reports = [_summary(report, findings) for report, findings in parsed]
        result.changed, result.build_dir = True, build_dir
    result.seconds = time.perf_counter() - started
    return result


def _parse_files(files: list[Path], result: IngestResult, progress: bool,
                 ocr_max_pages: int) -> list[tuple[ParsedReport, list[AuditFinding]]]:
    parsed: dict[str, tuple[ParsedReport, list[AuditFinding]]] = {}
    for path in tqdm(files, desc="解析报告", unit="份", disable=not progress):
        try:
            document = load_document(path, ocr_max_pages=ocr_max_pages, progress=progress)
        except LoadError as error:
            result.skipped.append((str(path), str(error)))
            continue
        report = parse_report(document)
        if document.name in parsed:
            result.skipped.append((str(path), f"与已读入的同名文件 {document.name} 重复，已跳过"))
            continue
        parsed[document.name] = (report, audit_report(report))
    return list(parsed.values())


def code_version() -> str:
    """A hash of the code that decides what goes into the index: changing it forces a rebuild."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.glob("parse/*.py")) + [package / name for name in BUILD_MODULES]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _fingerprint(parsed: list[tuple[ParsedReport, list[AuditFinding]]], settings: Settings) -> str:
    return json.dumps({
        "format": INDEX_FORMAT,
        "code": code_version(),
        "model": settings.embedding_model,
        "documents": sorted((r.document.name, r.document.sha256) for r, _ in parsed),
    }, ensure_ascii=False)


def _current_fingerprint(settings: Settings) -> str | None:
    manifest = settings.current_index / "manifest.json"
    if not manifest.is_file():
        return None
    return json.loads(manifest.read_text(encoding="utf-8")).get("fingerprint")


def _build(parsed: list[tuple[ParsedReport, list[AuditFinding]]], settings: Settings, fingerprint: str,
           build_steps: list[BuildStep]) -> Path:
    builds = settings.index_dir / "builds"
    build_dir = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
    build_dir.mkdir(parents=True)
    try:
        connection = create_store(build_dir / "store.sqlite")
        with connection:
            for report, findings in parsed:
                write_report(connection, report, findings)
        connection.close()
        for step in build_steps:
            step(build_dir, settings)
        (build_dir / "manifest.json").write_text(
            json.dumps({"fingerprint": fingerprint, "built": time.strftime("%Y-%m-%d %H:%M:%S")},
                       ensure_ascii=False), encoding="utf-8")
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    return build_dir


def _swap_in(build_dir: Path, settings: Settings) -> None:
    link = settings.current_index
    temporary = settings.index_dir / f".current-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(build_dir.relative_to(settings.index_dir))
    os.replace(temporary, link)  # atomic: readers see the old index or the new one, never half
    _prune_builds(settings, keep=build_dir)


def _prune_builds(settings: Settings, keep: Path) -> None:
    builds = sorted((settings.index_dir / "builds").iterdir(), key=lambda p: p.name)
    old = [b for b in builds if b != keep][: max(0, len(builds) - KEEP_BUILDS)]
    for build in old:
        shutil.rmtree(build, ignore_errors=True)


def _summary(report: ParsedReport, findings: list[AuditFinding]) -> ReportSummary:
    audit = summarize(findings)
    return ReportSummary(
        name=report.document.name, identity=report.identity, sections=len(report.sections),
        paragraphs=len(report.paragraphs), tables=len(report.tables),
        rows=sum(len(t.rows) for t in report.tables), facts=len(report.facts),
        audit_checks=audit.checks, audit_passed=audit.passed, warnings=report.warnings,
        notes=_reading_notes(report, findings),
    )


TABLE_SOURCES = {"lines": "按文字行", "ruled": "按PDF表格线", "ocr": "扫描件识别"}


def _reading_notes(report: ParsedReport, findings: list[AuditFinding]) -> list[str]:
    """For a PDF: which path each table took; for scanned pages, the sum checks of their tables,
    which test the OCR's figures."""
    document = report.document
    if not document.page_lines:
        return []
    notes = []
    by_source: dict[str, list[int]] = {}
    for table in report.tables:
        by_source.setdefault(table.source, []).append(table.number)
    if by_source:
        notes.append("表格读取：" + "；".join(f"{TABLE_SOURCES[source]} 表{'、'.join(map(str, numbers))}"
                                          for source, numbers in by_source.items()))
    if document.ocr_pages:
        scanned = set(by_source.get("ocr", []))
        sums = summarize([finding for finding in findings if finding.table in scanned])
        checks = f"其表格加总核对 {sums.passed}/{sums.checks} 通过" if sums.checks else "其中没有可核对的表格"
        notes.append(f"扫描件识别 {len(document.ocr_pages)} 页（第{'、'.join(map(str, document.ocr_pages))}页）；{checks}")
    return notes
