"""Search indexes over the report text: Chroma (dense) and two BM25s (jieba words, character bigrams).

Chunks follow the section tree: a chunk never spans two sections, and carries its report title
and section path as text and as metadata. Table rows of bare numbers stay out (the structured
store answers those); a project's 绩效目标 text goes in with its project name.
"""
from __future__ import annotations

import json
import re
import threading
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict
from rank_bm25 import BM25Okapi
from tqdm import tqdm

from rag import domain
from rag.embeddings import SentenceTransformerEmbeddings
from rag.settings import Settings
from rag.store import TableStore

CHUNK_CHARS = 300
COLLECTION = "report_chunks"
RRF_K = 60
CHUNKS_FILE = "chunks.json"


@dataclass
class Chunk:
    id: str
    doc: str
    title: str  # report title, e.g. 江门市医疗保障局2024年部门预算
    unit: str
    city: str
    year: int
    kind: str
    section: str
    text: str  # the passage itself, verbatim
    line_start: int
    line_end: int
    source: str = "text"  # text / project (a project's 绩效目标 in a table)
    table: int | None = None

    @property
    def indexed_text(self) -> str:
        """What is embedded and searched: title and section path give each chunk its context."""
        return f"{self.title} {self.section}\n{self.text}"


# ------------------------------------------------------------------ chunking
def chunk_store(store: TableStore) -> list[Chunk]:
    chunks: list[Chunk] = []
    for document in store.documents():
        base = dict(doc=document.name, title=document.title, unit=document.unit or "", city=document.city or "",
                    year=document.year or 0, kind=document.kind or "")
        chunks += _text_chunks(store, document.name, base)
        chunks += _project_chunks(store, document.name, base)
    return chunks


def _text_chunks(store: TableStore, doc: str, base: dict) -> list[Chunk]:
    chunks: list[Chunk] = []
    pending: list = []

    def flush() -> None:
        if pending:
            text = "".join(p.text for p in pending)
            chunks.append(Chunk(id=f"{doc}:{pending[0].line_start}", section=pending[0].section_path, text=text,
                                line_start=pending[0].line_start, line_end=pending[-1].line_end, **base))
            pending.clear()

    for paragraph in store.paragraphs(doc):
        same_section = pending and pending[0].section_path == paragraph.section_path
        if pending and (not same_section or sum(len(p.text) for p in pending) + len(paragraph.text) > CHUNK_CHARS):
            flush()
        if len(paragraph.text) > CHUNK_CHARS * 2:
            for piece, offset in _split_long(paragraph.text):
                chunks.append(Chunk(id=f"{doc}:{paragraph.line_start}:{offset}", section=paragraph.section_path,
                                    text=piece, line_start=paragraph.line_start, line_end=paragraph.line_end, **base))
            continue
        pending.append(paragraph)
    flush()
    return chunks


def _split_long(text: str) -> list[tuple[str, int]]:
    """Split at sentence ends into pieces of about CHUNK_CHARS."""
    sentences = re.split(r"(?<=[。；！？])", text)
    pieces, current, offset, start = [], "", 0, 0
    for sentence in sentences:
        if current and len(current) + len(sentence) > CHUNK_CHARS:
            pieces.append((current, start))
            start, current = offset, ""
        current += sentence
        offset += len(sentence)
    if current:
        pieces.append((current, start))
    return pieces


def _project_chunks(store: TableStore, doc: str, base: dict) -> list[Chunk]:
    chunks = []
    for table in store.tables(doc):
        if not table.text_column:
            continue
        for row in store.rows(table.id):
            if not row.text or len(row.text) < 8:
                continue
            first = next(iter(row.values.values()), None)
            amount = f"（{first}万元）" if first is not None else ""
            chunks.append(Chunk(
                id=f"{doc}:t{table.number}:{row.index}", section=f"表{table.number} {table.title}",
                text=f"{row.name}{amount}{table.text_column}：{row.text}", line_start=row.line_start,
                line_end=row.line_end, source="project", table=table.number, **base))
    return chunks


# ------------------------------------------------------------------ keyword tokenization
@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    for words in (*domain.ITEMS.values(), domain.CITIES, domain.HEADER_LEAVES, *domain.PASSAGE_TOPICS.values()):
        for word in words:
            jieba.add_word(word, freq=20000)
    for word in ("医疗保障局", "医保局", "绩效目标", "三公经费", "机关运行经费", "部门预算", "部门决算", "绩效自评"):
        jieba.add_word(word, freq=20000)
    return jieba


STOP = set("的了和与及或在是为对等中其上下年度我本市局之也将以把被")


def word_tokens(text: str) -> list[str]:
    text = expand_aliases(text)
    return [t for t in _jieba().lcut_for_search(text) if t.strip() and t not in STOP and not re.fullmatch(r"\W+", t)]


def bigram_tokens(text: str) -> list[str]:
    chars = [c for c in expand_aliases(text) if re.match(r"[\u4e00-\u9fffA-Za-z0-9]", c)]
    return [a + b for a, b in zip(chars, chars[1:])] or chars


def expand_aliases(text: str) -> str:
    return text.replace("医保局", "医疗保障局")


# ------------------------------------------------------------------ building
def write_chunks(build_dir: Path, settings: Settings | None = None) -> list[Chunk]:
    """Build step: chunks.json, which the keyword indexes are built from when loaded."""
    store = TableStore(build_dir / "store.sqlite")
    try:
        chunks = chunk_store(store)
    finally:
        store.close()
    (build_dir / CHUNKS_FILE).write_text(json.dumps([asdict(c) for c in chunks], ensure_ascii=False),
                                         encoding="utf-8")
    return chunks


def build_search_indexes(build_dir: Path, settings: Settings, on_progress=None, show_progress: bool = True) -> None:
    """Build step of ingest: chunks.json and the Chroma collection, next to store.sqlite.
    on_progress(what, fraction) hears of each batch embedded (the app's progress bar)."""
    chunks = write_chunks(build_dir)
    embeddings = SentenceTransformerEmbeddings(settings.embedding_model, settings.model_cache_dir)
    vector_store = _chroma(build_dir, embeddings)
    batch = 32
    for start in tqdm(range(0, len(chunks), batch), desc="向量化文本", unit="批", disable=not show_progress):
        part = chunks[start:start + batch]
        vector_store.add_documents([_document(c) for c in part], ids=[c.id for c in part])
        if on_progress:
            on_progress("向量化文本", 0.2 + 0.75 * min(1.0, (start + batch) / len(chunks)))


def _chroma(build_dir: Path, embeddings: SentenceTransformerEmbeddings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    client = chromadb.PersistentClient(path=str(build_dir / "chroma"),
                                       settings=ChromaSettings(anonymized_telemetry=False))
    return Chroma(client=client, collection_name=COLLECTION, embedding_function=embeddings,
                  collection_metadata={"hnsw:space": "cosine"})


def _document(chunk: Chunk) -> Document:
    metadata = {k: v for k, v in asdict(chunk).items() if k != "text" and v is not None}
    return Document(page_content=chunk.indexed_text, metadata=metadata, id=chunk.id)


# ------------------------------------------------------------------ searching
@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused reciprocal-rank score


class SearchIndex:
    """Loaded once per process; keyword search is always on, dense search when the model loads."""

    def __init__(self, index_dir: Path, settings: Settings):
        self.index_dir = index_dir
        self.settings = settings
        self.chunks = [Chunk(**c) for c in json.loads((index_dir / CHUNKS_FILE).read_text(encoding="utf-8"))]
        self._by_id = {c.id: c for c in self.chunks}
        self._positions = {c.id: i for i, c in enumerate(self.chunks)}
        self._words = BM25Okapi([word_tokens(c.indexed_text) for c in self.chunks])
        self._bigrams = BM25Okapi([bigram_tokens(c.indexed_text) for c in self.chunks])
        self._vector_store = None
        self._lock = threading.Lock()

    def vector_store(self):
        with self._lock:
            if self._vector_store is None:
                embeddings = SentenceTransformerEmbeddings(self.settings.embedding_model, self.settings.model_cache_dir)
                self._vector_store = _chroma(self.index_dir, embeddings)
        return self._vector_store

    def chunk(self, chunk_id: str) -> Chunk:
        return self._by_id[chunk_id]

    @property
    def has_dense(self) -> bool:
        return (self.index_dir / "chroma").is_dir()

    def search(self, query: str, docs: set[str] | None = None, k: int = 5, dense: bool = True) -> list[Hit]:
        best = fuse(self.rankings(query, docs, dense).values())[:k]
        return [Hit(self.chunks[position], score) for position, score in best]

    def rankings(self, query: str, docs: set[str] | None = None, dense: bool = True) -> dict[str, list[int]]:
        """Each retriever's ranking of chunk positions, within the given reports."""
        allowed = [i for i, c in enumerate(self.chunks) if docs is None or c.doc in docs]
        if not allowed:
            return {}
        rankings = {"BM25 jieba": self._bm25_ranking(self._words, word_tokens(query), allowed),
                    "BM25 bigrams": self._bm25_ranking(self._bigrams, bigram_tokens(query), allowed)}
        if dense and self.has_dense:
            rankings["e5 dense"] = self._dense_ranking(query, docs, len(allowed))
        return rankings

    @staticmethod
    def _bm25_ranking(bm25: BM25Okapi, tokens: list[str], allowed: list[int]) -> list[int]:
        if not tokens:
            return []
        scores = bm25.get_scores(tokens)
        ranked = sorted(allowed, key=lambda i: -scores[i])
        return [i for i in ranked if scores[i] > 0]

    def _dense_ranking(self, query: str, docs: set[str] | None, limit: int) -> list[int]:
        where = {"doc": {"$in": sorted(docs)}} if docs else None
        found = self.vector_store().similarity_search(query, k=min(limit, 50), filter=where)
        return [self._positions[d.id] for d in found if d.id in self._positions]


def fuse(rankings) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of rankings (top 50 of each), best first."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, position in enumerate(ranking[:50]):
            fused[position] = fused.get(position, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda item: -item[1])


class HybridRetriever(BaseRetriever):
    """The hybrid search as a langchain retriever (Documents with report metadata)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    index: SearchIndex
    docs: set[str] | None = None
    k: int = 5
    dense: bool = True

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [_document(hit.chunk) for hit in self.index.search(query, self.docs, self.k, self.dense)]
