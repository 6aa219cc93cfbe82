"""What a chunk's text costs to index, computed once: its embedding and its keyword tokens.

Kept beside the builds in index/embedding_cache.sqlite and keyed by a hash of the text, so a
build that adds or replaces one report embeds and tokenizes that report's chunks alone, and a
build from scratch (new code) embeds nothing it has seen. Embeddings are keyed by (model,
backend, text); tokens by the version of the code that tokenizes.
"""
from __future__ import annotations

import hashlib
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL, backend TEXT NOT NULL, text_sha TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (model, backend, text_sha)
);
CREATE TABLE IF NOT EXISTS chunk_tokens (  -- each list joined by newlines (no token holds one)
    version TEXT NOT NULL, text_sha TEXT NOT NULL, words TEXT NOT NULL, bigrams TEXT NOT NULL,
    PRIMARY KEY (version, text_sha)
);
"""
SEPARATOR = "\n"
QUERY_BATCH = 500  # keys per SELECT (SQLite's limit on parameters)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ChunkCache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path, timeout=60)
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.executescript(SCHEMA)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "ChunkCache":
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def _select(self, sql: str, fixed: tuple, keys: list[str]) -> list[tuple]:
        rows: list[tuple] = []
        unique = sorted(set(keys))
        for start in range(0, len(unique), QUERY_BATCH):
            part = unique[start:start + QUERY_BATCH]
            rows += self.connection.execute(sql.format(marks=",".join("?" * len(part))), fixed + tuple(part)).fetchall()
        return rows

    def embeddings(self, model: str, backend: str, texts: list[str],
                   embed: Callable[[list[str]], list[list[float]]], batch: int = 64,
                   on_batch: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, int]:
        """The texts' embeddings, in order, and how many had to be computed (embed: the model)."""
        keys = [text_key(t) for t in texts]
        found = {key: np.frombuffer(blob, dtype=np.float32) for key, blob in self._select(
            "SELECT text_sha, vector FROM embeddings WHERE model = ? AND backend = ? AND text_sha IN ({marks})",
            (model, backend), keys)}
        text_of = dict(zip(keys, texts))
        # Texts of similar length go to the model together, so its batches carry little padding:
        # the 5 reports' 275 chunks make 41,536 tokens in batches of 16 instead of 48,552 in document order.
        missing = sorted(dict.fromkeys(k for k in keys if k not in found), key=lambda k: len(text_of[k]))
        for start in range(0, len(missing), batch):
            part = missing[start:start + batch]
            vectors = np.asarray(embed([text_of[k] for k in part]), dtype=np.float32)
            with self.connection:
                self.connection.executemany(
                    "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)",
                    [(model, backend, key, vector.tobytes()) for key, vector in zip(part, vectors)])
            found.update(zip(part, vectors))
            if on_batch:
                on_batch(min(start + batch, len(missing)), len(missing))
        width = next(iter(found.values())).shape[0] if found else 0
        return (np.stack([found[k] for k in keys]) if keys else np.zeros((0, width), np.float32)), len(missing)

    def tokens(self, version: str, texts: list[str],
               tokenizers: tuple[Callable[[str], list[str]], Callable[[str], list[str]]]
               ) -> tuple[list[list[str]], list[list[str]]]:
        """Each text's word and bigram tokens, tokenized once per version of the tokenizers."""
        keys = [text_key(t) for t in texts]
        found = {key: (_split(words), _split(bigrams)) for key, words, bigrams in self._select(
            "SELECT text_sha, words, bigrams FROM chunk_tokens WHERE version = ? AND text_sha IN ({marks})",
            (version,), keys)}
        computed = {}
        for key, text in zip(keys, texts):
            if key not in found and key not in computed:
                computed[key] = (tokenizers[0](text), tokenizers[1](text))
        if computed:
            with self.connection:
                self.connection.executemany(
                    "INSERT OR REPLACE INTO chunk_tokens VALUES (?, ?, ?, ?)",
                    [(version, key, SEPARATOR.join(words), SEPARATOR.join(bigrams))
                     for key, (words, bigrams) in computed.items()])
        found.update(computed)
        return [found[k][0] for k in keys], [found[k][1] for k in keys]


def _split(joined: str) -> list[str]:
    return joined.split(SEPARATOR) if joined else []


def versions_of(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


class RecentlyUsed(OrderedDict):
    """A dict of at most `size` entries that forgets the least recently used: the per-report caches
    of a process answering about thousands of reports stay bounded (`if key not in cache: cache[key]
    = …; return cache[key]` works unchanged)."""

    def __init__(self, size: int = 64):
        super().__init__()
        self.size = size

    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key, value) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
