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


@pytest.fixture(scope="session")
def full_index(tmp_path_factory):
    """corpus/ ingested with every index (store, chunks, Chroma) into a temporary folder.

    The rebuilt embedding model is cached in the project's index/models, shared with the app.
    """
    import os

    from rag.index import build_search_indexes
    from rag.ingest import ingest
    from rag.settings import PROJECT_ROOT, load_settings

    model_dir = PROJECT_ROOT / "index" / "models"
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("full-index"), model_dir=model_dir)
    ingest([settings.corpus_dir], settings, build_steps=[build_search_indexes], progress=False)
    environment = {"RAG_INDEX_DIR": str(settings.index_dir), "RAG_MODEL_DIR": str(model_dir)}
    saved = {key: os.environ.get(key) for key in environment}
    os.environ.update(environment)
    yield settings
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


SHARED_PDF = ROOT.parent / "shared" / "fixtures" / "pdf"  # read-only fixtures beside the project


def shared_pdf(name: str) -> Path:
    path = SHARED_PDF / name
    if not path.is_file():
        pytest.skip(f"shared fixture {path} is not on this machine")
    return path


@pytest.fixture(scope="session")
def text_pdf_report():
    """../shared/fixtures/pdf/004_text.pdf (广州 2023, printed by Chromium with radical look-alikes)."""
    return parse_report(load_document(shared_pdf("004_text.pdf")))
