"""jieba's dictionary, looked up from SQLite as words are met instead of loaded whole.

jieba.initialize() unmarshals all of its 498k prefix-dictionary entries: 1.0-1.4 s on these cores,
paid by every process before its first answer (issue 11's cold start). A question's words need a
few hundred of them. The entries are written once per machine into an SQLite table beside jieba's
own cache, from jieba's own prefix dictionary (so the counts and every cut stay jieba's), and read
on demand; each entry read is kept, so a long ingest ends up with the dictionary in memory as before.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

TABLE_FORMAT = 1  # bump when the table's layout changes


def table_path(jieba_module) -> Path:
    """The table for this jieba and its dictionary file, beside jieba's own cache."""
    dictionary = Path(jieba_module.__file__).with_name("dict.txt")
    stat = dictionary.stat()
    key = hashlib.sha256(f"{TABLE_FORMAT} {jieba_module.__version__} {stat.st_size} {stat.st_mtime_ns}"
                         .encode()).hexdigest()[:16]
    return Path(jieba_module.dt.tmp_dir or tempfile.gettempdir()) / f"rag_jieba_dictionary.{key}.sqlite"


class LazyFrequencies:
    """The part of a dict that jieba.Tokenizer uses of its FREQ (in, [], get, []=), read from the
    table; what jieba.add_word sets is kept in memory over it."""

    def __init__(self, path: Path):
        self._connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()  # the app's warm-up thread cuts words while a question is answered
        self._known: dict[str, int | None] = {}  # read or set: None for a string the dictionary lacks

    def _count(self, word: str) -> int | None:
        try:
            return self._known[word]
        except KeyError:
            pass
        with self._lock:
            row = self._connection.execute("SELECT count FROM words WHERE word = ?", (word,)).fetchone()
        count = self._known[word] = row[0] if row else None
        return count

    def __contains__(self, word: str) -> bool:
        return self._count(word) is not None

    def __getitem__(self, word: str) -> int:
        count = self._count(word)
        if count is None:
            raise KeyError(word)
        return count

    def get(self, word: str, default: int | None = None) -> int | None:
        count = self._count(word)
        return default if count is None else count

    def __setitem__(self, word: str, count: int) -> None:
        self._known[word] = count

    def total(self) -> int:
        with self._lock:
            return self._connection.execute("SELECT value FROM meta WHERE key = 'total'").fetchone()[0]


def _write_table(path: Path, jieba_module) -> None:
    """jieba's own prefix dictionary, from its default tokenizer loaded the usual way (once per machine)."""
    tokenizer = jieba_module.Tokenizer()
    tokenizer.initialize()
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.execute("CREATE TABLE words (word TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID")
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        connection.executemany("INSERT INTO words VALUES (?, ?)", tokenizer.FREQ.items())
        connection.execute("INSERT INTO meta VALUES ('total', ?)", (tokenizer.total,))
        connection.commit()
    finally:
        connection.close()
    os.replace(partial, path)  # whole or not at all: another process may open it at any moment


def load_lazily(jieba_module) -> None:
    """Point jieba's default tokenizer at the table (written first if this machine has none yet)."""
    path = table_path(jieba_module)
    try:
        if not path.exists():
            _write_table(path, jieba_module)
        frequencies = LazyFrequencies(path)
        total = frequencies.total()
    except (OSError, sqlite3.Error):  # no table can be written or read here (a read-only temp folder)
        jieba_module.initialize()  # the whole dictionary, loaded the usual way
        return
    tokenizer = jieba_module.dt
    with tokenizer.lock:
        tokenizer.FREQ = frequencies
        tokenizer.total = total
        tokenizer.initialized = True  # jieba.initialize() would now return at once
