from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.load import load_document  # noqa: E402
from rag.models import SourceDocument, SourceLine  # noqa: E402
from rag.parse import parse_report  # noqa: E402

CORPUS = ROOT / "corpus"


def corpus_file(kind_hint: str) -> Path:
    """The corpus file whose content starts with the given report (file names are opaque)."""
    for path in sorted(CORPUS.glob("*")):
        report = parse_report(load_document(path))
        if report.identity.title == kind_hint:
            return path
    raise LookupError(kind_hint)


@pytest.fixture(scope="session")
def corpus_reports():
    return {parse_report(load_document(p)).identity.title: parse_report(load_document(p))
            for p in sorted(CORPUS.glob("*"))}


def document_from_text(text: str, name: str = "fixture.txt") -> SourceDocument:
    lines = [SourceLine(i, line) for i, line in enumerate(text.split("\n"), start=1)]
    return SourceDocument(name=name, path=name, sha256="0", encoding="utf-8", lines=lines)
