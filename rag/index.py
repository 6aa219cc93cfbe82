"""Search indexes over the report text: Chroma (dense) and BM25 over two tokenizations (jieba words,
character bigrams) in segments (rag/keyword.py).

Chunks follow the section tree: a chunk never spans two sections, and carries its report title
and section path as text and as metadata. Table rows of bare numbers stay out (the structured
store answers those); a project's 绩效目标 text goes in with its project name.
"""
from __future__ import annotations

import json
import os
import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag import domain, keyword
from rag.cache import ChunkCache, RecentlyUsed, versions_of
from rag.ingest import fault_point
from rag.models import BuildDelta
from rag.progress import progress_bar
from rag.settings import Settings, load_settings
from rag.servers import build_servers, copy_vectors, has_vectors, read_store, vector_client
from rag.store import TableStore

CHUNK_CHARS = 300
COLLECTION = "report_chunks"
RRF_K = 60
# Dense search within the reports asked: their vectors are fetched by id and scored here when they
# are at most this many chunks. Chroma's filtered query reads its metadata for the filter: 38.6 ms
# per question at 945 reports against 1.5 ms at 5; by id and a dot product, 1.8 ms at either
# (benchmarks/scale_bench.py, README).
DENSE_SCORED_HERE = 5000
VECTORS_KEPT = 256  # reports whose vectors a process keeps
VOCABULARY_FILE = "row_vocabulary.json"
KEYWORD_DIR = "keyword"  # the chunks and their keyword index, in segments
CHROMA_BATCH = 1000
# Chroma holds what dense search asks of it: each chunk's id, vector and report ("doc", to search
# within reports); the text and the rest are in the keyword index. With the text and all metadata
# (its full-text index, twelve fields a chunk) the folder was 3x as big (68 MB / 23 MB at 200
# reports), and each build copies the one before it: copy 0.33 s / 0.12 s, first write 0.23 / 0.16 s.
# Chroma keeps what is written in its log and adds it to the HNSW graph saved on disk only every
# sync_threshold records (1,000 by default); whatever is left in the log is replayed into the graph
# by the next process that opens the folder. A build starts as a copy of the one before, so each
# add replayed up to 999 records on its first write (0.2-0.56 s at 200 reports, 10,939 chunks).
# Saved at every write (as fast: a write adds the records to the graph anyway), a build leaves an
# empty log to the next one, and to the first question asked of it.
SAVE_GRAPH_AT_EVERY_WRITE = {"hnsw": {"sync_threshold": 1, "batch_size": 1}}  # batch_size <= sync_threshold


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
    source: str = "text"  # text / project (a project's 绩效目标 in a table) / note (a table's note)
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
        chunks += _note_chunks(store, document.name, base)
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


def _note_chunks(store: TableStore, doc: str, base: dict) -> list[Chunk]:
    """A table's note that says something (本表本年无发生额: why a table is empty), as a passage."""
    return [Chunk(id=f"{doc}:n{table.number}", section=f"表{table.number} {table.title}",
                  text=f"表{table.number}《{table.title}》{table.note}", line_start=table.line_end,
                  line_end=table.line_end, source="note", table=table.number, **base)
            for table in store.tables(doc) if table.note and len(NOTE_WORDS.sub("", table.note)) > 1]


NOTE_WORDS = re.compile(r"注|[：:。.\s]|无")  # what is left of "注：无。" is nothing


# ------------------------------------------------------------------ keyword tokenization
def domain_words() -> list[str]:
    """The domain's words, added to jieba's dictionary so that it cuts them whole."""
    lists = (*domain.ITEMS.values(), domain.CITIES, domain.HEADER_LEAVES, *domain.PASSAGE_TOPICS.values(),
             ("医疗保障局", "医保局", "绩效目标", "三公经费", "机关运行经费", "部门预算", "部门决算", "绩效自评"))
    return [word for words in lists for word in words]


DOMAIN_WORD_COUNT = 20000  # what jieba's dictionary counts each domain word once it is added


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    from rag.dictionary import load_lazily

    jieba.setLogLevel(logging.WARNING)
    load_lazily(jieba)  # not jieba.initialize(): its whole dictionary takes a second to load
    for word in domain_words():
        jieba.add_word(word, freq=DOMAIN_WORD_COUNT)
    return jieba


STOP = set("的了和与及或在是为对等中其上下年度我本市局之也将以把被")


COMMON_WORD_COUNT = 1000  # a word jieba's dictionary counts this often is an everyday word (分别: 20k+)


def dictionary_count(word: str) -> int:
    """How often jieba's dictionary counts the word (0: not a word it knows)."""
    return _jieba().dt.FREQ.get(word, 0)


def is_common_word(word: str) -> bool:
    return dictionary_count(word) >= COMMON_WORD_COUNT


def segmented(text: str) -> list[str]:
    """The text cut into words, each character in exactly one (jieba's precise mode)."""
    return _jieba().lcut(text)


def word_tokens(text: str) -> list[str]:
    text = expand_aliases(text)
    return [t for t in _jieba().lcut_for_search(text) if t.strip() and t not in STOP and not re.fullmatch(r"\W+", t)]


BIGRAM_CHARACTER = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def bigram_tokens(text: str) -> list[str]:
    chars = BIGRAM_CHARACTER.findall(expand_aliases(text))
    return [a + b for a, b in zip(chars, chars[1:])] or chars


def expand_aliases(text: str) -> str:
    return text.replace("医保局", "医疗保障局")


# the keyword retrievers: name -> (field of the keyword index, tokenizer)
KEYWORD_INDEXES: dict[str, tuple[str, Callable[[str], list[str]]]] = {
    "BM25 jieba": ("words", word_tokens), "BM25 bigrams": ("bigrams", bigram_tokens)}


# ------------------------------------------------------------------ building
# How many reports list each row name, to update the vocabulary report by report: a file the size of
# the vocabulary (each report's names, 600 KB at 200 reports, took 0.01 s to read and write per add)
ROW_NAME_COUNTS_FILE = "row_name_counts.json"
STATS_FILE = "search_stats.json"  # what the build embedded and what it took from the cache
NO_CHANGE = BuildDelta(None, frozenset(), frozenset())


@dataclass
class SearchBuild:
    new: list[Chunk]  # the chunks of the reports written anew
    chunks: int  # chunks the build holds
    embedded: int = 0  # of the new ones, run through the model (the others came from the cache)


def write_chunks(build_dir: Path, settings: Settings | None = None, delta: BuildDelta = NO_CHANGE) -> SearchBuild:
    """Build step: the chunks with their keyword index, and the row vocabulary, saved with the
    build. From a base build, the chunks of the reports added make one new segment and those of
    the reports removed are tombstoned: the cost follows the reports changed, not the corpus."""
    base = delta.base if delta.base is not None and (delta.base / KEYWORD_DIR / keyword.MANIFEST).is_file() else None
    settings = settings or load_settings()
    store = read_store(build_dir, settings)
    try:
        fresh = store.documents() if base is None else [d for d in store.documents() if d.name in delta.added]
        new = chunk_store(store, fresh)
        row_names = report_row_names(store, fresh)
        write_lexicon(build_dir, store, delta, row_names, fresh, new, settings)
    finally:
        store.close()
    counts = _row_name_counts(base, delta, row_names, settings)
    _write_json(build_dir / ROW_NAME_COUNTS_FILE, counts)
    _write_json(build_dir / VOCABULARY_FILE, sorted(counts))
    with ChunkCache(settings.embedding_cache_path) as cache:
        tokens = cache.tokens(_tokenizer_version(), [c.indexed_text for c in new],
                              tuple(tokenize for _, tokenize in KEYWORD_INDEXES.values()))
    batch = keyword.Batch([asdict(c) for c in new],
                          {name: token_lists for (name, _), token_lists in zip(KEYWORD_INDEXES.values(), tokens)})
    held = keyword.write(build_dir / KEYWORD_DIR, base / KEYWORD_DIR if base else None,
                         delta.removed if base else frozenset(), batch)
    return SearchBuild(new, held)


def _row_name_counts(base: Path | None, delta: BuildDelta, fresh: dict[str, list[str]],
                     settings: Settings) -> dict[str, int]:
    """How many reports list each row name: the base's, the reports removed counted out (their
    names read from the base's store) and the fresh reports' counted in."""
    counts = Counter(_read_json(base / ROW_NAME_COUNTS_FILE)) if base is not None else Counter()
    if base is not None and delta.removed:
        base_store = read_store(base, settings)
        try:
            gone = [d for d in base_store.documents() if d.name in delta.removed]
            for names in report_row_names(base_store, gone).values():
                counts.subtract(names)
        finally:
            base_store.close()
    for names in fresh.values():
        counts.update(names)
    return {name: count for name, count in sorted(counts.items()) if count > 0}


def write_lexicon(build_dir: Path, store: TableStore, delta: BuildDelta, row_names: dict[str, list[str]],
                  fresh: list, new: list[Chunk], settings: Settings) -> None:
    """The term counts, headings and corpus text (rag/lexicon.py) of the build: from the base's, the
    reports written anew added and the removed taken out; from every report without a usable base.
    row_names: the fresh reports' row names."""
    from rag import lexicon

    base = delta.base / lexicon.LEXICON_DIR if delta.base is not None else None
    if base is not None and lexicon.is_current(base):
        counted = [d for d in fresh if d.name in delta.added]
    else:
        base, counted = None, store.documents()
        if len(fresh) < len(counted):  # fresh: the reports added to a keyword base
            new = chunk_store(store, counted)
            row_names = report_row_names(store, counted)
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in new:
        by_doc.setdefault(chunk.doc, []).append(chunk)
    parts = {d.name: lexicon.report_part(store, d.name, row_names.get(d.name, []), by_doc.get(d.name, []))
             for d in counted}
    base_store = read_store(delta.base, settings) if base is not None and delta.removed else None
    try:  # the reports removed are counted out as the base's store holds them
        lexicon.write(build_dir / lexicon.LEXICON_DIR, base, delta.removed if base else (), base_store, parts)
    finally:
        if base_store is not None:
            base_store.close()


def build_chunks(build_dir: Path) -> list[Chunk]:
    """Every chunk of a build, by position."""
    return [Chunk(**record) for record in keyword.KeywordIndex(build_dir / KEYWORD_DIR).records()]


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


@lru_cache(maxsize=1)
def _tokenizer_version() -> str:
    """The code the keyword tokens depend on (this module and the domain words it loads into jieba)."""
    return versions_of([Path(__file__), Path(domain.__file__)])


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
    """Build step of ingest: the chunks, their keyword index and the Chroma collection (in the build
    folder, or on the Chroma server: rag/servers.py). With a base build, its collection is copied and
    only the reports added and removed are changed; embeddings come from the cache where it has them (rag/cache.py).
    on_progress(what, fraction) hears of each batch embedded (the app's progress bar)."""
    started = time.perf_counter()
    base = delta.base if delta.base is not None and has_vectors(delta.base) else None
    with ThreadPoolExecutor(1) as copying:  # the base's vectors copied (I/O) while the keyword step runs
        copied = copying.submit(copy_vectors, base, build_dir, settings, CHROMA_BATCH) if base is not None else None
        built = write_chunks(build_dir, settings, delta)
        keyword_seconds = time.perf_counter() - started
    if copied is not None:
        copied.result()
        added = built.new
    else:  # the keyword index may have had a base the collection lacks: every chunk goes in
        added = build_chunks(build_dir)
    collection = _collection(build_dir, settings)
    if delta.removed and base is not None:
        collection.delete(where={"doc": {"$in": sorted(delta.removed)}})
    bar = progress_bar(total=len(added), what="向量化文本", unit="段", shown=show_progress)
    embedding_started = time.perf_counter()

    def embedded(done: int, total: int) -> None:
        bar.total = total  # the chunks the model embeds: those the cache has are not counted
        bar.update(done - bar.n)
        if on_progress:
            rate = done / max(time.perf_counter() - embedding_started, 1e-9)
            on_progress(f"向量化文本 {done}/{total} 段（{rate:.1f} 段/秒）", 0.2 + 0.7 * done / max(1, total))

    shards = shard_by_report(added, settings.ingest_workers if settings.chroma_url else 1)
    if len(shards) > 1:
        sharded = _embed_in_workers(build_dir, settings, shards, embedded)
        built.embedded = sum(count for _, count in sharded)
        how_embedded = {"shards": [{"reports": docs, "embedded": count} for docs, count in sharded]}
    else:  # the model's time apart: the rest of an add is what the size of the corpus may change
        vectors, built.embedded = embed(settings, added, embedded)
        how_embedded = {"model_seconds": round(time.perf_counter() - embedding_started, 3)}
        add_vectors(build_dir, settings, added, vectors)
    if not bar.n:  # every chunk from the cache: nothing went through the model
        bar.total = 0
        bar.set_description_str("向量化文本（都在缓存中）", refresh=False)
    bar.close()
    fault_point("embedded")
    _write_json(build_dir / STATS_FILE, {"chunks": built.chunks, "new_chunks": len(built.new),
                                          "embedded": built.embedded, "keyword_seconds": round(keyword_seconds, 3),
                                          "embed_seconds": round(time.perf_counter() - embedding_started, 3),
                                          **how_embedded})
    return built


def embed_and_add(build_dir: Path, settings: Settings, chunks: list[Chunk], on_batch=None) -> int:
    """Embed chunks (from the cache where it has them) and add them to the build's collection;
    returns how many went through the model."""
    vectors, computed = embed(settings, chunks, on_batch)
    add_vectors(build_dir, settings, chunks, vectors)
    return computed


def embed(settings: Settings, chunks: list[Chunk], on_batch=None) -> tuple[list, int]:
    """The chunks' vectors, from the cache where it has them, and how many went through the model."""
    from rag.embeddings import embeddings_for  # langchain's Embeddings (0.3 s to import): not for a figure answer

    embeddings = embeddings_for(settings)
    with ChunkCache(settings.embedding_cache_path) as cache:
        return cache.embeddings(settings.embedding_model, embeddings.cache_key,
                                [c.indexed_text for c in chunks], embeddings.embed_documents, on_batch=on_batch)


def add_vectors(build_dir: Path, settings: Settings, chunks: list[Chunk], vectors: list) -> None:
    collection = _collection(build_dir, settings)
    for start in range(0, len(chunks), CHROMA_BATCH):
        part = chunks[start:start + CHROMA_BATCH]
        collection.upsert(ids=[c.id for c in part], embeddings=vectors[start:start + CHROMA_BATCH],
                          metadatas=[{"doc": c.doc} for c in part])


def shard_by_report(chunks: list[Chunk], workers: int) -> list[list[Chunk]]:
    """The chunks in at most `workers` shards of whole reports, of about equal size (largest first)."""
    by_doc: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        by_doc.setdefault(chunk.doc, []).append(chunk)
    shards: list[list[Chunk]] = [[] for _ in range(max(1, min(workers, len(by_doc))))]
    for doc_chunks in sorted(by_doc.values(), key=len, reverse=True):
        min(shards, key=len).extend(doc_chunks)
    return shards


def _embed_in_workers(build_dir: Path, settings: Settings, shards: list[list[Chunk]], on_batch) -> list[tuple[list[str], int]]:
    """Server mode: each shard embedded by a process of its own, which adds it to the build's
    collection on the Chroma server. Returns each shard's reports and how many it embedded."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    threads = max(1, (os.cpu_count() or 1) // len(shards))
    total, done = sum(map(len, shards)), 0
    with ProcessPoolExecutor(len(shards), mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(_embed_shard, build_dir, settings, [asdict(c) for c in shard], threads): shard
                   for shard in shards}
        for future in as_completed(futures):
            future.result()
            done += len(futures[future])
            on_batch(done, total)
    return [(sorted({c.doc for c in shard}), future.result()) for future, shard in futures.items()]


def _embed_shard(build_dir: Path, settings: Settings, chunks: list[dict], threads: int) -> int:
    """In a worker process: one shard's embeddings, added to the collection on the server."""
    import torch

    torch.set_num_threads(threads)
    return embed_and_add(build_dir, settings, [Chunk(**c) for c in chunks])


def read_stats(build_dir: Path) -> dict:
    """What a build embedded: {"chunks", "new_chunks", "embedded", "keyword_seconds" (write_chunks: the
    chunks, their keyword index, the row vocabulary and the lexicon), "embed_seconds" (the model
    loaded, the new chunks embedded or taken from the cache, the collection written), "model_seconds"
    (of that, the model loaded and the chunks embedded; not with workers)} ({} for a build without
    dense search)."""
    path = build_dir / STATS_FILE
    return _read_json(path) if path.is_file() else {}


def _collection_name(build_dir: Path) -> str:
    """The build's collection: its own on the Chroma server, COLLECTION in its embedded Chroma."""
    return build_servers(build_dir).get("collection", COLLECTION)


def _collection(build_dir: Path, settings: Settings):
    """The build's collection, for writing: it saves its HNSW graph at every write (a base made before
    this is set to, in the build's own copy)."""
    collection = vector_client(build_dir, settings).get_or_create_collection(_collection_name(build_dir),
                                                                             metadata={"hnsw:space": "cosine"})
    if collection.configuration["hnsw"]["sync_threshold"] != SAVE_GRAPH_AT_EVERY_WRITE["hnsw"]["sync_threshold"]:
        collection.modify(configuration=SAVE_GRAPH_AT_EVERY_WRITE)
    return collection


# ------------------------------------------------------------------ searching
@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused reciprocal-rank score
    firsts: int = 0  # how many retrievers rank it first: the keywords and the meaning agreeing


class SearchIndex:
    """Loaded once per process, in milliseconds: the keyword index is memory-mapped and the chunks
    read on first use. Keyword search is always on, dense search when the model loads."""

    def __init__(self, index_dir: Path, settings: Settings):
        self.index_dir = index_dir
        self.settings = settings
        self._keyword = keyword.KeywordIndex(index_dir / KEYWORD_DIR)
        self._spans = self._keyword.spans
        self._size = self._keyword.size
        self._chunks: list[Chunk] | None = None
        self._positions: dict[str, int] = {}
        self._collection = None
        self._vectors: RecentlyUsed = RecentlyUsed(VECTORS_KEPT)  # per report: its chunk positions and vectors
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
                self._chunks = [Chunk(**record) for record in self._keyword.records()]
                self._positions = {c.id: i for i, c in enumerate(self._chunks)}
        return self._chunks, self._positions

    def chunks_of(self, doc: str) -> list[Chunk]:
        """One report's chunks, in document order."""
        chunks = self.chunks
        return [chunks[i] for start, end in self._spans.get(doc, []) for i in range(start, end)]

    def collection(self):
        """The build's Chroma collection, opened on first use."""
        with self._lock:
            if self._collection is None:
                self._collection = vector_client(self.index_dir, self.settings).get_collection(
                    _collection_name(self.index_dir))
        return self._collection

    def chunk(self, chunk_id: str) -> Chunk:
        position = self.position(chunk_id)
        if position is None:
            raise KeyError(chunk_id)
        return self.chunks[position]

    @property
    def has_dense(self) -> bool:
        return has_vectors(self.index_dir)

    def search(self, query: str, docs: set[str] | None = None, k: int = 5, dense: bool = True,
               each: int = 0) -> list[Hit]:
        """The k best of the fused rankings, then each retriever's `each` best not among them:
        a chunk that the keywords rank first and the dense model does not rank at all loses the
        fusion to chunks that are middling in all three, yet may be the one that answers."""
        rankings = self.rankings(query, docs, dense)
        fused = fuse(rankings.values())
        best = fused[:k]
        scores = dict(fused)
        chosen = {position for position, _ in best}
        for ranking in rankings.values():
            for position in ranking[:each]:
                if position not in chosen:
                    chosen.add(position)
                    best.append((position, scores[position]))
        firsts = Counter(ranking[0] for ranking in rankings.values() if ranking)
        return [Hit(self.chunks[position], score, firsts[position]) for position, score in best]

    def rankings(self, query: str, docs: set[str] | None = None, dense: bool = True) -> dict[str, list[int]]:
        """Each retriever's ranking of chunk positions, within the given reports."""
        spans = self._scope(docs)
        if not spans:
            return {}
        rankings = {name: self._keyword.ranking(field, tokenize(query), spans)
                    for name, (field, tokenize) in KEYWORD_INDEXES.items()}
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
        from rag.embeddings import embeddings_for

        vector = embeddings_for(self.settings).embed_query(query)
        if docs and limit <= DENSE_SCORED_HERE:  # the reports asked: their vectors scored here, exactly
            positions, vectors = self._vectors_of(docs)
            if not positions:
                return []
            order = np.argsort(-(vectors @ np.asarray(vector, dtype=np.float32)), kind="stable")[:min(limit, 50)]
            return [positions[i] for i in order]
        where = {"doc": {"$in": sorted(docs)}} if docs else None
        found = self.collection().query(query_embeddings=[vector], n_results=min(limit, 50), where=where,
                                        include=[])
        return [p for p in (self.position(chunk_id) for chunk_id in found["ids"][0]) if p is not None]

    def _vectors_of(self, docs: set[str]) -> tuple[list[int], "np.ndarray"]:
        """The chunk positions of these reports and their vectors (normalized: a dot product is the
        cosine), read from the vector store by id and kept per report."""
        missing = [doc for doc in docs if doc not in self._vectors]
        if missing:
            ids = [chunk.id for doc in missing for chunk in self.chunks_of(doc)]
            found = self.collection().get(ids=ids, include=["embeddings"]) if ids else {"ids": [], "embeddings": []}
            by_id = dict(zip(found["ids"], found["embeddings"]))
            for doc in missing:
                kept = [(self.position(c.id), by_id[c.id]) for c in self.chunks_of(doc) if c.id in by_id]
                self._vectors[doc] = ([p for p, _ in kept], np.array([v for _, v in kept], dtype=np.float32))
        parts = [self._vectors[doc] for doc in sorted(docs) if self._vectors[doc][0]]  # a report without vectors: none
        if not parts:
            return [], np.empty((0, 0), dtype=np.float32)
        return [p for positions, _ in parts for p in positions], np.concatenate([v for _, v in parts])


def fuse(rankings) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of rankings (top 50 of each), best first."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, position in enumerate(ranking[:50]):
            fused[position] = fused.get(position, 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda item: -item[1])
