"""Search indexes over the report text: Chroma (dense) and two BM25s (jieba words, character bigrams).

Chunks follow the section tree: a chunk never spans two sections, and carries its report title
and section path as text and as metadata. Table rows of bare numbers stay out (the structured
store answers those); a project's 绩效目标 text goes in with its project name.
"""
from __future__ import annotations

import json
import re
import shutil
import threading
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
import numpy as np
from pydantic import ConfigDict
from tqdm import tqdm

from rag import domain
from rag.cache import ChunkCache, versions_of
from rag.embeddings import SentenceTransformerEmbeddings, embeddings_for
from rag.ingest import fault_point
from rag.models import BuildDelta
from rag.settings import Settings, load_settings
from rag.store import TableStore

CHUNK_CHARS = 300
COLLECTION = "report_chunks"
RRF_K = 60
CHUNKS_FILE = "chunks.json"
SPANS_FILE = "chunk_spans.json"  # each report's runs of chunk positions
VOCABULARY_FILE = "row_vocabulary.json"
BM25_K1, BM25_B, OKAPI_EPSILON = 1.5, 0.75, 0.25
CHROMA_BATCH = 1000


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
def chunk_store(store: TableStore, documents=None) -> list[Chunk]:
    """The chunks of the given reports (default: all), report by report."""
    chunks: list[Chunk] = []
    for document in store.documents() if documents is None else documents:
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
    """Split at sentence ends into pieces of about CHUNK_CHARS; a sentence longer than that (a text
    without punctuation) is cut every CHUNK_CHARS characters, so no piece is ever longer."""
    sentences = [sentence[start:start + CHUNK_CHARS] for sentence in re.split(r"(?<=[。；！？])", text)
                 for start in range(0, len(sentence), CHUNK_CHARS)]
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


BIGRAM_CHARACTER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def bigram_tokens(text: str) -> list[str]:
    chars = BIGRAM_CHARACTER.findall(expand_aliases(text))
    return [a + b for a, b in zip(chars, chars[1:])] or chars


def expand_aliases(text: str) -> str:
    return text.replace("医保局", "医疗保障局")


# the keyword retrievers: name -> (folder in the build, tokenizer)
KEYWORD_INDEXES = {"BM25 jieba": ("bm25_words", word_tokens), "BM25 bigrams": ("bm25_bigrams", bigram_tokens)}


# ------------------------------------------------------------------ building
ROW_NAMES_FILE = "row_names.json"  # each report's row names, to update the vocabulary report by report
STATS_FILE = "search_stats.json"  # what the build embedded and what it took from the cache
NO_CHANGE = BuildDelta(None, frozenset(), frozenset())


@dataclass
class SearchBuild:
    chunks: list[Chunk]
    new_chunks: int  # chunks of the reports written anew
    embedded: int = 0  # of those, run through the model (the others came from the cache)


def write_chunks(build_dir: Path, settings: Settings | None = None, delta: BuildDelta = NO_CHANGE) -> SearchBuild:
    """Build step: chunks.json, the keyword indexes over them and the row vocabulary, saved with the
    build; from the base build's, for the reports it keeps, when there is one."""
    base = delta.base if delta.base is not None and (delta.base / CHUNKS_FILE).is_file() else None
    store = TableStore(build_dir / "store.sqlite")
    try:
        if base is None:
            kept, row_names = [], {}
            fresh = store.documents()
        else:
            kept = [Chunk(**c) for c in _read_json(base / CHUNKS_FILE) if c["doc"] not in delta.removed]
            row_names = {doc: names for doc, names in _read_json(base / ROW_NAMES_FILE).items()
                         if doc not in delta.removed}
            fresh = [d for d in store.documents() if d.name in delta.added]
        new = chunk_store(store, fresh)
        row_names.update(report_row_names(store, fresh))
    finally:
        store.close()
    chunks = kept + new
    _write_json(build_dir / ROW_NAMES_FILE, row_names)
    _write_json(build_dir / VOCABULARY_FILE, sorted(set().union(*row_names.values())))
    _write_json(build_dir / CHUNKS_FILE, [asdict(c) for c in chunks])
    _write_json(build_dir / SPANS_FILE, chunk_spans(chunks))
    cache_path = (settings or load_settings()).embedding_cache_path
    with ChunkCache(cache_path) as cache:
        tokens = cache.tokens(_tokenizer_version(), [c.indexed_text for c in chunks],
                              tuple(tokenize for _, tokenize in KEYWORD_INDEXES.values()))
    for (folder, _), token_lists in zip(KEYWORD_INDEXES.values(), tokens):
        KeywordIndex.build(token_lists, build_dir / folder)
    return SearchBuild(chunks, len(new))


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


@lru_cache(maxsize=1)
def _tokenizer_version() -> str:
    """The code the keyword tokens depend on (this module and the domain words it loads into jieba)."""
    return versions_of([Path(__file__), Path(domain.__file__)])


def chunk_spans(chunks: list[Chunk]) -> dict[str, list[list[int]]]:
    """Each report's chunks as runs [start, end) of positions (one run when its chunks are consecutive)."""
    spans: dict[str, list[list[int]]] = {}
    for position, chunk in enumerate(chunks):
        runs = spans.setdefault(chunk.doc, [])
        if runs and runs[-1][1] == position:
            runs[-1][1] = position + 1
        else:
            runs.append([position, position + 1])
    return spans


def row_vocabulary(store: TableStore) -> list[str]:
    """The row names a question may use (FigureFinder.row_vocabulary), computed once per build."""
    return sorted(set().union(*report_row_names(store, store.documents()).values()))


def report_row_names(store: TableStore, documents) -> dict[str, list[str]]:
    """Each report's part of the row vocabulary (the vocabulary is their union)."""
    from rag.lookup import FigureFinder

    finder = FigureFinder(store)
    return {d.name: finder.row_vocabulary([d]) for d in documents}


def load_vocabulary(index_dir: Path) -> list[str] | None:
    """The row vocabulary saved with the build; None for a build made before it was saved."""
    path = index_dir / VOCABULARY_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def build_search_indexes(build_dir: Path, settings: Settings, delta: BuildDelta = NO_CHANGE, on_progress=None,
                         show_progress: bool = True) -> SearchBuild:
    """Build step of ingest: chunks.json, the keyword indexes and the Chroma collection, next to
    store.sqlite. With a base build, its collection is copied and only the reports added and
    removed are changed; embeddings come from the cache where it has them (rag/cache.py).
    on_progress(what, fraction) hears of each batch embedded (the app's progress bar)."""
    built = write_chunks(build_dir, settings, delta)
    base = delta.base if delta.base is not None and (delta.base / "chroma").is_dir() else None
    if base is not None:
        shutil.copytree(base / "chroma", build_dir / "chroma")
        added = [c for c in built.chunks if c.doc in delta.added]
    else:
        added = built.chunks
    bar = tqdm(total=len(added), desc="向量化文本", unit="段", disable=not show_progress)

    def embedded(done: int, total: int) -> None:
        bar.update(done - bar.n)
        if on_progress:
            on_progress("向量化文本", 0.2 + 0.7 * done / max(1, total))

    embeddings = embeddings_for(settings)
    with ChunkCache(settings.embedding_cache_path) as cache:
        vectors, built.embedded = cache.embeddings(settings.embedding_model, settings.embedding_backend,
                                                   [c.indexed_text for c in added], embeddings.embed_documents,
                                                   on_batch=embedded)
    bar.close()
    fault_point("embedded")
    collection = _collection(build_dir)
    if delta.removed and base is not None:
        collection.delete(where={"doc": {"$in": sorted(delta.removed)}})
    for start in range(0, len(added), CHROMA_BATCH):
        part = added[start:start + CHROMA_BATCH]
        documents = [_document(c) for c in part]
        collection.upsert(ids=[c.id for c in part], embeddings=vectors[start:start + CHROMA_BATCH],
                          documents=[d.page_content for d in documents], metadatas=[d.metadata for d in documents])
    _write_json(build_dir / STATS_FILE, {"chunks": len(built.chunks), "new_chunks": built.new_chunks,
                                          "embedded": built.embedded})
    return built


def read_stats(build_dir: Path) -> dict:
    """What a build embedded: {"chunks", "new_chunks", "embedded"} ({} for a build without dense search)."""
    path = build_dir / STATS_FILE
    return _read_json(path) if path.is_file() else {}


def _client(build_dir: Path):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.PersistentClient(path=str(build_dir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))


def _collection(build_dir: Path):
    return _client(build_dir).get_or_create_collection(COLLECTION, metadata={"hnsw:space": "cosine"})


def _chroma(build_dir: Path, embeddings: SentenceTransformerEmbeddings):
    from langchain_chroma import Chroma

    return Chroma(client=_client(build_dir), collection_name=COLLECTION, embedding_function=embeddings,
                  collection_metadata={"hnsw:space": "cosine"})


def _document(chunk: Chunk) -> Document:
    metadata = {k: v for k, v in asdict(chunk).items() if k != "text" and v is not None}
    return Document(page_content=chunk.indexed_text, metadata=metadata, id=chunk.id)


# ------------------------------------------------------------------ searching
class KeywordIndex:
    """BM25 over one tokenization of the chunks (bm25s), saved with the build and memory-mapped when
    loaded. Term weights (IDF) are the whole corpus's; a search scores only the positions in scope."""

    def __init__(self, vocabulary: dict[str, int], weights: np.ndarray, positions: np.ndarray, starts: np.ndarray,
                 size: int):
        self.vocabulary = vocabulary
        # per term (CSC): its chunks' positions and BM25 weights, at starts[term]:starts[term + 1]
        self.weights, self.positions, self.starts = weights, positions, starts
        self.size = size

    @staticmethod
    def build(token_lists: list[list[str]], folder: Path) -> None:
        """Index and save; a build without chunks gets an empty folder (bm25s needs a vocabulary)."""
        import bm25s

        folder.mkdir()
        if not any(token_lists):
            return
        retriever = bm25s.BM25(k1=BM25_K1, b=BM25_B, method="lucene")
        retriever.index(token_lists, show_progress=False)
        retriever.scores["data"] *= _okapi_over_lucene_idf(retriever.scores["indptr"], len(token_lists))
        retriever.save(str(folder))

    @classmethod
    def load(cls, folder: Path) -> "KeywordIndex":
        import bm25s

        if not folder.is_dir():
            raise FileNotFoundError(f"索引缺少关键词索引 {folder.name}（旧版本的索引）。请重新运行：python -m rag ingest")
        if not any(folder.iterdir()):
            return cls({}, np.zeros(0), np.zeros(0, dtype=int), np.zeros(1, dtype=int), 0)
        retriever = bm25s.BM25.load(str(folder), mmap=True)
        arrays = (np.asarray(retriever.scores[key]) for key in ("data", "indices", "indptr"))  # views of the files
        return cls(retriever.vocab_dict, *arrays, int(retriever.scores["num_docs"]))

    def ranking(self, tokens: list[str], spans: list[tuple[int, int]]) -> list[int]:
        """Positions within the spans (sorted runs [start, end)) with a score above 0, best first.
        Each term's postings are cut to the spans by binary search, so the cost follows the scope."""
        starts = np.array([start for start, _ in spans])
        edges = np.array(spans).ravel()
        offsets = np.concatenate([[0], np.cumsum(np.diff(edges)[::2])])  # where each run starts in `scores`
        places, weights = [], []
        for term in (self.vocabulary[t] for t in tokens if t in self.vocabulary):
            first, last = int(self.starts[term]), int(self.starts[term + 1])
            bounds = np.searchsorted(self.positions[first:last], edges).reshape(-1, 2) + first
            counts = bounds[:, 1] - bounds[:, 0]
            taken = np.repeat(bounds[:, 0] - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
            run = np.repeat(np.arange(len(spans)), counts)
            places.append(offsets[run] + self.positions[taken] - starts[run])
            weights.append(self.weights[taken])
        if not places:
            return []
        scores = np.bincount(np.concatenate(places), weights=np.concatenate(weights), minlength=offsets[-1])
        scored = np.flatnonzero(scores > 0)
        order = scored[np.argsort(-scores[scored], kind="stable")]
        run = np.searchsorted(offsets, order, side="right") - 1
        return (starts[run] + order - offsets[run]).tolist()


def _okapi_over_lucene_idf(starts: np.ndarray, size: int) -> np.ndarray:
    """Per posting, the factor that turns bm25s's Lucene IDF, log(1 + (N - df + ½) / (df + ½)), into
    BM25Okapi's, log((N - df + ½) / (df + ½)), which is floored at a quarter of the mean IDF for terms
    in more than half the chunks. Okapi's weighs the report-specific words higher: fused over the
    retrievers, it ranks the expected passage better on the retrieval benchmark."""
    frequency = np.diff(starts)
    ratio = (size - frequency + 0.5) / (frequency + 0.5)
    okapi = np.log(ratio)
    okapi[okapi < 0] = OKAPI_EPSILON * okapi.mean()
    return np.repeat((okapi / np.log1p(ratio)).astype(np.float32), frequency)


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused reciprocal-rank score


class SearchIndex:
    """Loaded once per process, in milliseconds: the keyword indexes are memory-mapped and the chunks
    read on first use. Keyword search is always on, dense search when the model loads."""

    def __init__(self, index_dir: Path, settings: Settings):
        self.index_dir = index_dir
        self.settings = settings
        self._keyword = {name: KeywordIndex.load(index_dir / folder) for name, (folder, _) in KEYWORD_INDEXES.items()}
        self._spans = json.loads((index_dir / SPANS_FILE).read_text(encoding="utf-8"))
        self._size = next(iter(self._keyword.values())).size
        self._chunks: list[Chunk] | None = None
        self._positions: dict[str, int] = {}
        self._vector_store = None
        self._lock = threading.Lock()

    @property
    def chunks(self) -> list[Chunk]:
        """Every chunk, by position."""
        return self._loaded()[0]

    def position(self, chunk_id: str) -> int | None:
        return self._loaded()[1].get(chunk_id)

    def _loaded(self) -> tuple[list[Chunk], dict[str, int]]:
        """The chunks and their positions by id, read from the build on first use."""
        with self._lock:
            if self._chunks is None:
                raw = json.loads((self.index_dir / CHUNKS_FILE).read_text(encoding="utf-8"))
                self._chunks = [Chunk(**c) for c in raw]
                self._positions = {c.id: i for i, c in enumerate(self._chunks)}
        return self._chunks, self._positions

    def chunks_of(self, doc: str) -> list[Chunk]:
        """One report's chunks, in document order."""
        chunks = self.chunks
        return [chunks[i] for start, end in self._spans.get(doc, []) for i in range(start, end)]

    def vector_store(self):
        with self._lock:
            if self._vector_store is None:
                embeddings = embeddings_for(self.settings)
                self._vector_store = _chroma(self.index_dir, embeddings)
        return self._vector_store

    def chunk(self, chunk_id: str) -> Chunk:
        position = self.position(chunk_id)
        if position is None:
            raise KeyError(chunk_id)
        return self.chunks[position]

    @property
    def has_dense(self) -> bool:
        return (self.index_dir / "chroma").is_dir()

    def search(self, query: str, docs: set[str] | None = None, k: int = 5, dense: bool = True) -> list[Hit]:
        best = fuse(self.rankings(query, docs, dense).values())[:k]
        return [Hit(self.chunks[position], score) for position, score in best]

    def rankings(self, query: str, docs: set[str] | None = None, dense: bool = True) -> dict[str, list[int]]:
        """Each retriever's ranking of chunk positions, within the given reports."""
        spans = self._scope(docs)
        if not spans:
            return {}
        rankings = {name: self._keyword[name].ranking(tokenize(query), spans)
                    for name, (_, tokenize) in KEYWORD_INDEXES.items()}
        if dense and self.has_dense:
            rankings["e5 dense"] = self._dense_ranking(query, docs, sum(end - start for start, end in spans))
        return rankings

    def _scope(self, docs: set[str] | None) -> list[tuple[int, int]]:
        """The chunk positions of the given reports as sorted runs [start, end), adjacent runs merged."""
        if docs is None:
            return [(0, self._size)] if self._size else []
        merged: list[tuple[int, int]] = []
        for start, end in sorted(tuple(run) for doc in docs for run in self._spans.get(doc, [])):
            if merged and merged[-1][1] == start:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        return merged

    def _dense_ranking(self, query: str, docs: set[str] | None, limit: int) -> list[int]:
        where = {"doc": {"$in": sorted(docs)}} if docs else None
        found = self.vector_store().similarity_search(query, k=min(limit, 50), filter=where)
        return [p for p in (self.position(d.id) for d in found) if p is not None]


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
