"""Conversations and feedback, kept in SQLite beside the index (index/app.sqlite).

The file lives outside the index builds, so rebuilding or swapping the index keeps it. Each turn
is stored as the JSON record rag.chat makes of it; feedback is one 👍/👎 per answer with an
optional comment.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, created REAL NOT NULL, updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, record TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (conversation_id, position)
);
CREATE TABLE IF NOT EXISTS feedback (
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, rating INTEGER NOT NULL, comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL, answer TEXT NOT NULL, created REAL NOT NULL,
    PRIMARY KEY (conversation_id, position)
);
"""


@dataclass(frozen=True)
class ConversationInfo:
    id: str
    title: str  # its first question
    updated: float
    turns: int


@dataclass(frozen=True)
class Feedback:
    rating: int  # 1 = 👍, 0 = 👎
    comment: str


class ChatHistory:
    """One SQLite file shared by all sessions of the app; every write is one transaction."""

    def __init__(self, path: Path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = Path(path)
        self._connection = sqlite3.connect(path, check_same_thread=False, timeout=10)
        self._connection.execute("PRAGMA foreign_keys = ON")
        self._connection.execute("PRAGMA journal_mode = WAL")
        self._connection.executescript(SCHEMA)
        self._lock = threading.Lock()

    def _write(self, sql: str, parameters: tuple) -> None:
        with self._lock, self._connection:
            self._connection.execute(sql, parameters)

    def _read(self, sql: str, parameters: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._connection.execute(sql, parameters).fetchall()

    def new_conversation(self, title: str) -> str:
        conversation = uuid.uuid4().hex[:16]
        now = time.time()
        self._write("INSERT INTO conversations (id, title, created, updated) VALUES (?, ?, ?, ?)",
                    (conversation, title[:80], now, now))
        return conversation

    def exists(self, conversation: str) -> bool:
        return bool(self._read("SELECT 1 FROM conversations WHERE id = ?", (conversation,)))

    def save_turn(self, conversation: str, position: int, record: dict) -> None:
        """Store (or replace, when asked again) the turn at this position."""
        now = time.time()
        with self._lock, self._connection:
            self._connection.execute(
                "INSERT INTO turns (conversation_id, position, record, created) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (conversation_id, position) DO UPDATE SET record = excluded.record",
                (conversation, position, json.dumps(record, ensure_ascii=False), now))
            self._connection.execute("UPDATE conversations SET updated = ? WHERE id = ?", (now, conversation))

    def turns(self, conversation: str) -> list[dict]:
        return [json.loads(record) for (record,) in self._read(
            "SELECT record FROM turns WHERE conversation_id = ? ORDER BY position", (conversation,))]

    def conversations(self, limit: int = 20) -> list[ConversationInfo]:
        rows = self._read(
            "SELECT c.id, c.title, c.updated, COUNT(t.position) FROM conversations c"
            " JOIN turns t ON t.conversation_id = c.id GROUP BY c.id ORDER BY c.updated DESC LIMIT ?", (limit,))
        return [ConversationInfo(*row) for row in rows]

    def set_feedback(self, conversation: str, position: int, rating: int, comment: str,
                     question: str, answer: str) -> None:
        self._write(
            "INSERT INTO feedback (conversation_id, position, rating, comment, question, answer, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, position) DO UPDATE SET"
            " rating = excluded.rating, comment = excluded.comment, answer = excluded.answer",
            (conversation, position, rating, comment.strip(), question, answer, time.time()))

    def feedback(self, conversation: str) -> dict[int, Feedback]:
        return {position: Feedback(rating, comment) for position, rating, comment in self._read(
            "SELECT position, rating, comment FROM feedback WHERE conversation_id = ?", (conversation,))}


def history_path(index_dir: Path) -> Path:
    """Beside the index builds, not inside one: it survives every rebuild."""
    return Path(index_dir) / "app.sqlite"
