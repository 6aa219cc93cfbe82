"""load -> parse -> audit -> store, built aside and swapped in whole; only what changed is read.

A run killed midway leaves the previous index untouched: everything is written to a fresh
folder under index/builds/, whose manifest.json is written last, and only a finished build
replaces the index/current link, in one atomic rename. Folders without a manifest (builds that
died) are removed at the next run. Running twice over the same files changes nothing.

A build starts from the build in use when that was made by the same code and model: reports
whose file and content hash are unchanged are neither read nor embedded again (the store is
copied, the search indexes are updated by their build steps, rag/index.py).

What is held is trusted: a file with the content of a report held, or with the identity (unit,
year, kind) of one, is refused with the report it duplicates named; the same identity replaces
a held report only when the caller says so (`replace`), and an upload never replaces an
official (corpus) report.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace as copy_with
from pathlib import Path

from rag.audit import summarize
from rag.load import find_report_files, too_large
from rag.models import AuditFinding, BuildDelta, ParsedReport, ReportIdentity
from rag.provenance import CORPUS, Provenance, provenance_of, record
from rag.progress import progress_bar
from rag.reading import pool_size, read_reports
from rag.settings import Settings
from rag import servers
from rag.store import DocumentInfo, delete_documents, write_report

INDEX_FORMAT = 5  # bump when the parser or the index layout changes, to force a rebuild
KEEP_BUILDS = 2  # the build in use and the last complete one before it
BUILD_MODULES = ("load.py", "ocr.py", "places.py", "domain.py", "models.py", "audit.py", "store.py", "index.py",
                 "embeddings.py", "provenance.py", "keyword.py", "lexicon.py")
IN_USE_FILE = "in_use_since"  # written into a build when it is swapped in (time_ns)
# Builds pruned are moved here at once (a rename) and deleted by the next ingest while it works:
# deleting a build's 100 MB (200 reports) took 0.03-0.18 s, paid by every add after its swap.
TRASH_DIR = "trash"
NOT_A_REPORT = "这不像预算、决算或绩效报告"
# A held file whose size, times and inode are those the build in use recorded is not hashed again
# (at 200 reports: 8 MB read per add, 0.01-0.03 s). A file changed less than this long before it is
# looked at may change again within the same timestamp tick unseen (file times come from the
# kernel's coarse clock), so its signature is not recorded and the next run hashes it again, as git does.
RACY_SECONDS = 2


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
    provenance: Provenance = Provenance(CORPUS)


@dataclass
class ReadingTime:
    """How the files of a run were read: how many, by how many processes, in how long."""

    files: int = 0
    processes: int = 1
    seconds: float = 0.0

    @property
    def per_second(self) -> float:
        return self.files / self.seconds if self.seconds else 0.0


@dataclass
class IngestResult:
    reports: list[ReportSummary] = field(default_factory=list)  # the reports read in this run
    kept: list[str] = field(default_factory=list)  # reports held before and unchanged: not read again
    removed: list[str] = field(default_factory=list)  # reports the new build no longer holds
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    changed: bool = False
    build_dir: Path | None = None
    seconds: float = 0.0
    reading: ReadingTime = field(default_factory=ReadingTime)  # the load, parse and audit of the files read

    @property
    def held(self) -> int:
        return len(self.reports) + len(self.kept)


class IngestBusy(RuntimeError):
    """Another ingest holds the index; the message says who and since when."""


# A build step, run on the build folder before it is swapped in (the search indexes): it is told
# what changed against the base build, whose files it may copy.
BuildStep = Callable[[Path, Settings, BuildDelta], None]
# Told what is happening: (what, fraction done).
Progress = Callable[[str, float], None]


def fault_point(stage: str) -> None:
    """Fault injection for the tests: RAG_FAULT_AT=stage kills this process (SIGKILL) there."""
    if os.environ.get("RAG_FAULT_AT") == stage:
        os.kill(os.getpid(), signal.SIGKILL)


@contextmanager
def ingest_lock(settings: Settings) -> Iterator[None]:
    """One ingest at a time per index; a second one is told at once (IngestBusy), never kept waiting."""
    settings.index_dir.mkdir(parents=True, exist_ok=True)
    with open(settings.index_dir / ".ingest.lock", "a+", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "另一进程"
            raise IngestBusy(f"另一个导入正在进行（{holder}），请等它完成后再试；现有索引照常可用") from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"进程 {os.getpid()}，开始于 {time.strftime('%H:%M:%S')}")
        lock.flush()
        try:
            yield
        finally:
            lock.seek(0)
            lock.truncate()


def indexed_paths(settings: Settings) -> list[Path]:
    """Files of the reports in the current index (for adding one report to them)."""
    return [Path(d.path) for d in held_documents(settings) if d.path]


def held_documents(settings: Settings) -> list[DocumentInfo]:
    if not servers.has_store(settings.current_index):
        return []
    store = servers.read_store(settings.current_index, settings)
    try:
        return store.documents()
    finally:
        store.close()


def ingest(paths: list[str | Path], settings: Settings, build_steps: list[BuildStep] | None = None,
           progress: bool = True, on_progress: Progress | None = None, replace: bool = False) -> IngestResult:
    """Make the index hold exactly the reports of these paths (files or folders), reading only
    what changed. replace: a new report may replace a held one of the same identity."""
    with ingest_lock(settings):
        return ingest_locked(paths, settings, build_steps, progress, on_progress, replace)


def ingest_locked(paths: list[str | Path], settings: Settings, build_steps: list[BuildStep] | None = None,
                  progress: bool = True, on_progress: Progress | None = None,
                  replace: bool = False, held: list[DocumentInfo] | None = None) -> IngestResult:
    """ingest() for a caller already holding ingest_lock; held: the reports held, when the caller
    has read them under the lock (else they are read here)."""
    clean_builds(settings)
    with _emptying_trash(settings):
        return _ingest(paths, settings, build_steps, progress, on_progress, replace, held)


def _ingest(paths: list[str | Path], settings: Settings, build_steps: list[BuildStep] | None, progress: bool,
            on_progress: Progress | None, replace: bool, held: list[DocumentInfo] | None) -> IngestResult:
    started = time.perf_counter()
    report = on_progress or (lambda what, done: None)
    result = IngestResult()
    current = current_build(settings)
    in_use = _manifest(current) if current is not None else {}
    base = current if current is not None and _same_kind(in_use, _code_key(settings)) else None
    report("解析报告", 0.05)
    plan = _Plan(settings, held_documents(settings) if held is None else held, replace, in_use.get("files", {}))
    plan.read(find_report_files(paths), result, progress, base is not None)
    fault_point("parsed")
    if not plan.accepted:
        result.seconds = time.perf_counter() - started
        return result
    result.reports = [_summary(c.report, c.findings, c.provenance) for c in plan.accepted if c.fresh]
    result.kept = [c.name for c in plan.accepted if not c.fresh]
    result.removed = sorted(plan.removed - {c.name for c in plan.accepted})
    if base is not None and not plan.removed and not result.reports:
        result.seconds = time.perf_counter() - started
        return result
    report("建立索引", 0.2)
    build_dir = _build(plan, settings, base, build_steps or [])
    fault_point("built")
    _swap_in(build_dir, settings)
    for event in plan.events:
        record(settings, **event)
    report("完成", 1.0)
    result.changed, result.build_dir = True, build_dir
    result.seconds = time.perf_counter() - started
    return result


@dataclass
class _Candidate:
    name: str
    path: Path
    sha256: str
    provenance: Provenance = Provenance(CORPUS)  # a held report's is kept; a new file's, provenance_of
    report: ParsedReport | None = None
    findings: list[AuditFinding] = field(default_factory=list)
    fresh: bool = True  # read in this run (False: kept from the base build as it was)
    held: DocumentInfo | None = None

    @property
    def identity(self) -> tuple | None:
        if self.held is not None:
            return self.held.identity_key
        identity = self.report.identity
        return (identity.unit, identity.year, identity.kind) if identity.complete else None

    @property
    def title(self) -> str:
        return self.held.title if self.held is not None else self.report.identity.title


class _Plan:
    """Which files the build holds: held reports unchanged first, then new ones checked against
    them for the same content and the same identity."""

    def __init__(self, settings: Settings, held: list[DocumentInfo], replace: bool,
                 recorded: dict[str, list] | None = None):
        """recorded: the build in use's file signatures ({path: [size, mtime_ns, ctime_ns, inode, sha256]})."""
        self.settings, self.replace = settings, replace
        self.held = {d.name: d for d in held}
        self.recorded = recorded or {}
        self.signatures: dict[str, list] = {}  # the same for the files read in this run
        self.accepted: list[_Candidate] = []
        self.removed: set[str] = set()
        self.events: list[dict] = []  # the audit trail, written once the build is in use

    def read(self, files: list[Path], result: IngestResult, progress: bool, reuse: bool) -> None:
        candidates, names = [], set()
        for path in files:
            status = _file_status(path)
            refusal = too_large(status.st_size, self.settings.max_file_bytes) if status else f"找不到文件：{path}"
            if refusal:
                self._refuse(result, path, refusal)
            elif path.name in names:
                self._refuse(result, path, f"与已读入的同名文件 {path.name} 重复，已跳过")
            else:
                names.add(path.name)
                candidates.append(_Candidate(path.name, path, self._content_hash(path, status)))
        unchanged = [c for c in candidates if (held := self.held.get(c.name)) and held.sha256 == c.sha256]
        for candidate in unchanged:
            candidate.held = self.held[candidate.name]
            candidate.provenance = _provenance_of_held(candidate.held)
            candidate.fresh = not reuse
        new = [c for c in candidates if c.held is None]
        for candidate in new:
            candidate.provenance = provenance_of(candidate.path, self.settings)
        new.sort(key=lambda c: (c.provenance.uploaded, str(c.path)))  # official reports first
        self.accepted = list(unchanged)
        self._read_fresh([c for c in unchanged + new if c.fresh], result, progress)
        # held reports the build drops or writes anew (a changed file keeps its name)
        self.removed = set(self.held) - {c.name for c in self.accepted if c.held is not None}

    def _content_hash(self, path: Path, status: os.stat_result) -> str:
        """The file's SHA-256: as recorded when its signature is unchanged, else read; its signature
        is recorded for the next run unless it changed too recently to be told apart (RACY_SECONDS)."""
        signature = [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]
        recorded = self.recorded.get(str(path))
        sha256 = recorded[-1] if recorded and recorded[:-1] == signature else _sha256(path)
        if time.time_ns() - max(status.st_mtime_ns, status.st_ctime_ns) > RACY_SECONDS * 10**9:
            self.signatures[str(path)] = [*signature, sha256]
        return sha256

    def accepted_signatures(self) -> dict[str, list]:
        """The signatures of the files the build holds, for the manifest."""
        paths = (str(c.path) for c in self.accepted)
        return {path: self.signatures[path] for path in paths if path in self.signatures}

    def _read_fresh(self, to_read: list[_Candidate], result: IngestResult, progress: bool) -> None:
        """Load, parse and audit the files (in a pool of processes when many), then take each
        reading in order: a file that cannot be read is refused, a new report admitted."""
        processes = pool_size(len(to_read), self.settings.parse_workers)
        started = time.perf_counter()
        readings = read_reports([c.path for c in to_read], processes, self.settings.ocr_max_pages,
                                self.settings.max_file_bytes, progress)
        what = "解析报告" + (f"（{processes} 个进程）" if processes > 1 else "")
        bar = progress_bar(readings, total=len(to_read), what=what, unit="份", shown=progress and bool(to_read))
        for reading, candidate in zip(bar, to_read):  # the bar first: it counts the last reading too
            if reading.refusal is not None:
                self._refuse(result, candidate.path, reading.refusal)
                self.accepted = [c for c in self.accepted if c is not candidate]
                continue
            candidate.report, candidate.findings = reading.report, reading.findings
            if candidate.held is None:
                self._admit(candidate, result)
        result.reading = ReadingTime(len(to_read), processes, time.perf_counter() - started)

    def _admit(self, new: _Candidate, result: IngestResult) -> None:
        """A new or changed file: refused when it duplicates a report held, else accepted."""
        report = new.report
        if not report.identity.kind and not report.tables:
            return self._refuse(result, new.path, f"{NOT_A_REPORT}（没有找到报告类型，也没有表格），未收录")
        same_content = next((c for c in self.accepted if c.sha256 == new.sha256), None)
        if same_content is not None:
            return self._refuse(result, new.path, f"内容与已收录的报告 {same_content.name}（{same_content.title}）"
                                                  "完全相同，未重复收录")
        same = next((c for c in self.accepted if new.identity and c.identity == new.identity
                     and c.name != new.name), None)
        if same is not None:
            if same.provenance.origin == CORPUS and new.provenance.uploaded:
                return self._refuse(result, new.path, f"已收录官方报告 {same.name}（{same.title}），"
                                                      "上传的报告不能替换官方报告，官方数字不会改变")
            if not self.replace:
                how = "在上传时勾选“替换”" if new.provenance.uploaded else "加 --replace"
                return self._refuse(result, new.path, f"与已收录的报告 {same.name}（{same.title}）是同一单位、"
                                                      f"年度、类型的报告；如要替换它，请{how}")
            self.accepted.remove(same)
            new.provenance = copy_with(new.provenance, replaces=same.name)
            self.events.append({"event": "replaced", "report": new.name, "replaces": same.name,
                                "title": new.title, "sha256": new.sha256})
        previous = self.held.get(new.name)
        if previous is not None and new.provenance.replaces is None:
            self.events.append({"event": "updated", "report": new.name, "title": new.title,
                                "sha256": new.sha256, "was": previous.sha256})
        elif new.provenance.replaces is None:
            self.events.append({"event": "added", "report": new.name, "title": new.title, "sha256": new.sha256,
                                "origin": new.provenance.origin, "original_name": new.provenance.original_name})
        self.accepted.append(new)

    def _refuse(self, result: IngestResult, path: Path, reason: str) -> None:
        result.skipped.append((str(path), reason))


def _provenance_of_held(document: DocumentInfo) -> Provenance:
    return Provenance(document.origin, document.original_name, document.uploaded_at, document.replaces)


def _file_status(path: Path) -> os.stat_result | None:
    """The file's stat, None when it is missing or not a regular file."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status if stat.S_ISREG(status.st_mode) else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# ------------------------------------------------------------------ builds
def code_version() -> str:
    """A hash of the code that decides what goes into the index: changing it forces a rebuild."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.glob("parse/*.py")) + [package / name for name in BUILD_MODULES]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _code_key(settings: Settings) -> dict:
    """What a build must share with the one it starts from: the same code, model and backend, and
    the same servers or none (rag/servers.py)."""
    return {"format": INDEX_FORMAT, "code": code_version(), "model": settings.embedding_model,
            "backend": settings.embedding_backend, **servers.mode_key(settings)}


def _same_kind(manifest: dict, key: dict) -> bool:
    """Whether a build can be the base of a build with this key (a server-mode build is never the
    base of a build of files, nor the other way round)."""
    names = {*key, *servers.MODE_KEYS}
    return {k: manifest.get(k) for k in names} == {k: key.get(k) for k in names}


def _manifest(build_dir: Path) -> dict:
    """A build's manifest.json, written last: a build without one never finished."""
    try:
        return json.loads((build_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def current_build(settings: Settings) -> Path | None:
    link = settings.current_index
    if not link.exists():
        return None
    target = link.resolve()
    return target if _manifest(target).get("complete") else None


def _build(plan: _Plan, settings: Settings, base: Path | None, build_steps: list[BuildStep]) -> Path:
    builds = settings.index_dir / "builds"
    build_dir = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 10**9:09d}-{os.getpid()}"
    build_dir.mkdir(parents=True)
    fresh = [c for c in plan.accepted if c.fresh]
    try:
        on_servers = servers.plan_servers(build_dir, settings)  # named before anything is created
        connection = servers.write_store(build_dir, settings, base)
        with connection.transaction():
            delete_documents(connection, plan.removed if base is not None else set())
            for candidate in fresh:
                write_report(connection, candidate.report, candidate.findings, candidate.provenance)
        connection.close()
        fault_point("stored")
        delta = BuildDelta(base, frozenset(c.name for c in fresh),
                           frozenset(plan.removed) if base is not None else frozenset())
        for step in build_steps:
            step(build_dir, settings, delta)
        fault_point("indexed")
        manifest = {**_code_key(settings), "complete": True, "built": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "built_ns": time.time_ns(), "base": base.name if base else None,
                    "documents": sorted([c.name, c.sha256] for c in plan.accepted),
                    "files": plan.accepted_signatures(), **on_servers}
        (build_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)  # what it made on the servers goes at the next clean
        raise
    return build_dir


def _swap_in(build_dir: Path, settings: Settings) -> None:
    link = settings.current_index
    temporary = settings.index_dir / f".current-{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    temporary.symlink_to(build_dir.relative_to(settings.index_dir))
    fault_point("swap")
    os.replace(temporary, link)  # atomic: readers see the old index or the new one, never half
    (build_dir / IN_USE_FILE).write_text(str(time.time_ns()), encoding="utf-8")
    clean_builds(settings)


def clean_builds(settings: Settings) -> list[Path]:
    """Remove what builds that died left (folders without a manifest, temporary links) and every
    complete build but the one in use and one other: the one last in use before it (a process
    may still read it), else the newest complete one. Run under the ingest lock: no build is
    under way. Returns what it removed: moved to the trash, whose files the next ingest deletes."""
    builds_dir = settings.index_dir / "builds"
    for temporary in settings.index_dir.glob(".current-*"):
        temporary.unlink(missing_ok=True)
    if not builds_dir.is_dir():
        return []
    in_use = settings.current_index.resolve() if settings.current_index.exists() else None
    complete = sorted((b for b in builds_dir.iterdir() if b != in_use and _manifest(b).get("complete")),
                      key=lambda b: (_in_use_since(b), _manifest(b).get("built_ns", 0)), reverse=True)
    keep = {in_use, *complete[:KEEP_BUILDS - 1]}
    removed = [b for b in builds_dir.iterdir() if b not in keep]
    trash = settings.index_dir / TRASH_DIR
    for build in removed:
        trash.mkdir(exist_ok=True)
        build.rename(trash / f"{build.name}-{time.time_ns()}")
    servers.drop(settings, {b.name for b in keep if b is not None})
    return removed


@contextmanager
def _emptying_trash(settings: Settings) -> Iterator[None]:
    """Delete what is in the trash (builds pruned before) in a thread while the caller works; done
    when it is. What is moved there meanwhile waits for the next time."""
    trash = settings.index_dir / TRASH_DIR
    pruned = list(trash.iterdir()) if trash.is_dir() else []

    def delete() -> None:
        for path in pruned:
            shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)

    deleting = threading.Thread(target=delete, name="empty-trash")
    deleting.start()
    try:
        yield
    finally:
        deleting.join()


def _in_use_since(build_dir: Path) -> int:
    try:
        return int((build_dir / IN_USE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0  # never swapped in


def _summary(report: ParsedReport, findings: list[AuditFinding], provenance: Provenance) -> ReportSummary:
    audit = summarize(findings)
    return ReportSummary(
        name=report.document.name, identity=report.identity, sections=len(report.sections),
        paragraphs=len(report.paragraphs), tables=len(report.tables),
        rows=sum(len(t.rows) for t in report.tables), facts=len(report.facts),
        audit_checks=audit.checks, audit_passed=audit.passed, warnings=report.warnings,
        notes=_reading_notes(report, findings), provenance=provenance,
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
