"""Adding and removing one report: uploads in the app, `ingest FILE --add` and `remove` in the CLI.

An added file outside corpus/ is kept in index/uploads/ (never over a corpus file or another
upload: rag/provenance.py) and indexed with what is held; a refused one is deleted again. All of
it happens under the ingest lock, so two additions never race.
"""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from rag.ingest import BuildStep, IngestResult, Progress, held_documents, ingest_lock, ingest_locked
from rag.load import SUPPORTED_SUFFIXES
from rag.provenance import is_upload, read_registry, record, stored_name, write_registry
from rag.settings import Settings
from rag.store import DocumentInfo


class UploadError(ValueError):
    """An upload refused before it reaches the index."""


@dataclass
class Added:
    result: IngestResult
    name: str  # the report's name in the index (its file name in index/uploads/)
    problem: str | None = None  # why it was not added (None: added, or already held unchanged)

    @property
    def summary(self):
        return next((r for r in self.result.reports if r.name == self.name), None)


def add_upload(name: str, data: bytes, settings: Settings, on_progress: Progress | None = None,
               build_steps: list[BuildStep] | None = None, replace: bool = False, via: str = "app",
               limit: int | None = None) -> Added:
    """Keep an uploaded file in index/uploads/ and index it with the reports held. A file the
    index refuses (unreadable, a duplicate, not a report) is deleted again; the index is then as
    it was. via "cli": an upload of the same original name is updated in place (ingest --add)."""
    original = Path(name).name
    if Path(original).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型：{original}（只接受 .txt、.md、.pdf）")
    limit = settings.max_upload_bytes if limit is None else limit
    if len(data) > limit:
        raise UploadError(f"文件过大：{len(data) / 1024 / 1024:.1f} MB，上限 {limit / 1024 / 1024:g} MB")
    if not data.strip():
        raise UploadError("文件为空")
    sha256 = hashlib.sha256(data).hexdigest()
    with ingest_lock(settings):
        registry = read_registry(settings)
        held = held_documents(settings)
        same_upload = next((stored for stored, entry in registry.items() if entry.get("original_name") == original
                            and (settings.uploads_dir / stored).is_file()), None) if via == "cli" else None
        taken = ({p.name for p in settings.corpus_dir.glob("**/*")} | {d.name for d in held}
                 | {p.name for p in settings.uploads_dir.glob("*")})
        target_name = same_upload or stored_name(original, sha256, taken)
        target = settings.uploads_dir / target_name
        previous = target.read_bytes() if target.is_file() else None
        settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        staged = settings.uploads_dir / f".{target_name}.{os.getpid()}.part"
        staged.write_bytes(data)
        staged.replace(target)
        registry[target_name] = {"original_name": original, "uploaded_at": time.strftime("%Y-%m-%d %H:%M:%S"),
                                 "via": via, "sha256": sha256}
        write_registry(settings, registry)
        paths = [Path(d.path) for d in held if d.path and d.name != target_name] or settings.default_sources
        try:
            result = ingest_locked(paths + [target], settings, build_steps, progress=False, on_progress=on_progress,
                                   replace=replace, held=held)
        except BaseException:
            _undo(settings, target, previous, registry, target_name)
            raise
        problem = next((reason for path, reason in result.skipped if Path(path).name == target_name), None)
        if problem is not None or not (result.changed or target_name in result.kept):
            _undo(settings, target, previous, read_registry(settings), target_name)
            record(settings, "refused", report=original, reason=problem or "没有读到报告")
            return Added(result, target_name, problem or "没有读到报告")
        _forget_replaced(settings, result, held)
    return Added(result, target_name)


def _undo(settings: Settings, target: Path, previous: bytes | None, registry: dict, name: str) -> None:
    if previous is None:
        target.unlink(missing_ok=True)
        registry.pop(name, None)
        write_registry(settings, registry)
    else:
        target.write_bytes(previous)


def _forget_replaced(settings: Settings, result: IngestResult, held: list[DocumentInfo]) -> None:
    """An upload replaced by another leaves index/uploads/ (a plain ingest must not bring it back)."""
    replaced = {r.provenance.replaces for r in result.reports if r.provenance.replaces}
    registry = read_registry(settings)
    for document in held:
        if document.name in replaced and document.uploaded:
            (settings.uploads_dir / document.name).unlink(missing_ok=True)
            registry.pop(document.name, None)
    write_registry(settings, registry)


def add_file(path: Path, settings: Settings, build_steps: list[BuildStep] | None = None,
             replace: bool = False, progress: bool = True) -> IngestResult:
    """`ingest FILE --add`: a file in corpus/ or index/uploads/ joins (or updates) the index where it
    is; any other file is kept as an upload first."""
    path = Path(path)
    inside = path.resolve().is_relative_to(settings.corpus_dir.resolve()) or is_upload(path, settings)
    if not inside and path.is_file():
        return add_upload(path.name, path.read_bytes(), settings, build_steps=build_steps, replace=replace,
                          via="cli", limit=settings.max_file_bytes).result
    with ingest_lock(settings):
        held = held_documents(settings)
        paths = [Path(d.path) for d in held if d.path] or settings.default_sources
        return ingest_locked(paths + [path], settings, build_steps, progress=progress, replace=replace, held=held)


def find_held(settings: Settings, what: str) -> list[DocumentInfo]:
    """The reports held that a name stands for: file name, path, original upload name or title."""
    return [d for d in held_documents(settings)
            if what in (d.name, d.path, d.original_name, d.title) or Path(what).name == d.name]


def remove_report(document: DocumentInfo, settings: Settings, build_steps: list[BuildStep] | None = None,
                  progress: bool = True) -> IngestResult:
    """A new build without the report; an upload's file leaves index/uploads/ too."""
    with ingest_lock(settings):
        held = held_documents(settings)
        paths = [Path(d.path) for d in held if d.path and d.name != document.name]
        result = ingest_locked(paths, settings, build_steps, progress=progress, held=held)
        if result.changed and document.uploaded:
            (settings.uploads_dir / document.name).unlink(missing_ok=True)
            registry = read_registry(settings)
            registry.pop(document.name, None)
            write_registry(settings, registry)
        if result.changed:
            record(settings, "removed", report=document.name, title=document.title, origin=document.origin)
    return result
