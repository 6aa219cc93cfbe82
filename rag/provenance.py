"""Where each report came from: the official corpus, or an upload (its time and original name).

Uploads are kept in index/uploads/ under names that never shadow a corpus file or an earlier
upload; what the uploader called the file, when, and through what (app / cli) is kept in
index/uploads/.registry.json (a dot-file: never read as a report). Every add, replacement,
removal and refusal is appended to index/uploads/.history.jsonl, the audit trail.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from rag.settings import Settings

CORPUS, UPLOAD = "corpus", "upload"
REGISTRY_FILE = ".registry.json"
HISTORY_FILE = ".history.jsonl"


@dataclass(frozen=True)
class Provenance:
    origin: str  # CORPUS (an official report) or UPLOAD (added in the app or with ingest --add)
    original_name: str | None = None  # what the uploader called the file
    uploaded_at: str | None = None  # when it was uploaded, local time "YYYY-MM-DD HH:MM:SS"
    replaces: str | None = None  # the report it replaced, when the user said so

    @property
    def uploaded(self) -> bool:
        return self.origin == UPLOAD


def is_upload(path: Path, settings: Settings) -> bool:
    return Path(path).resolve().parent == settings.uploads_dir.resolve()


def provenance_of(path: Path, settings: Settings) -> Provenance:
    """A file in index/uploads/ is an upload (as registered), anything else an official report."""
    path = Path(path)
    if not is_upload(path, settings):
        return Provenance(CORPUS)
    entry = read_registry(settings).get(path.name, {})
    uploaded_at = entry.get("uploaded_at") or time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(path.stat().st_mtime))
    return Provenance(UPLOAD, entry.get("original_name") or path.name, uploaded_at)


def read_registry(settings: Settings) -> dict[str, dict]:
    path = settings.uploads_dir / REGISTRY_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def write_registry(settings: Settings, registry: dict[str, dict]) -> None:
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    path = settings.uploads_dir / REGISTRY_FILE
    staged = path.with_name(f"{path.name}.{os.getpid()}")
    staged.write_text(json.dumps(registry, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(staged, path)


def stored_name(original: str, sha256: str, taken: set[str]) -> str:
    """The upload's file name in index/uploads/: its own name, unless a corpus file or another
    upload already has it; then the name with the start of its content hash (never overwritten)."""
    name = Path(original).name
    if name not in taken:
        return name
    stem, suffix = Path(name).stem, Path(name).suffix
    return f"{stem}-{sha256[:8]}{suffix}"


def record(settings: Settings, event: str, **details: object) -> None:
    """One line of the audit trail: added / replaced / removed / refused, with what and why."""
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    line = {"time": time.strftime("%Y-%m-%d %H:%M:%S"), "event": event, **details}
    with open(settings.uploads_dir / HISTORY_FILE, "a", encoding="utf-8") as history:
        history.write(json.dumps(line, ensure_ascii=False) + "\n")


def history(settings: Settings) -> list[dict]:
    path = settings.uploads_dir / HISTORY_FILE
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def label_uploaded(answer, documents) -> None:
    """Mark the figures and sources of an answer that come from an uploaded report (their JSON's
    "origin"), and say so in the answer text: an uploaded figure is never taken for an official one."""
    uploaded = {d.name: d for d in documents if d.uploaded}
    cited = [*answer.figures, *answer.sources]
    for item in cited:
        item.origin = UPLOAD if item.doc in uploaded else CORPUS
    for name in dict.fromkeys(item.doc for item in cited if item.doc in uploaded):
        document = uploaded[name]
        answer.answer += (f"\n（来自上传的报告 {document.title}：文件 {document.original_name or name}，"
                          f"{document.uploaded_at} 上传，不是官方收录的报告）")
