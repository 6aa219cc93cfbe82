"""The structured store: tables of documents, sections, tables, rows, cells and facts, in SQLite
(the default: a file per build) or PostgreSQL (server mode: a schema per build, rag/servers.py).

Figures are kept as exact decimal strings. Every query is parameterized.
"""
from __future__ import annotations

import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from rag.models import AuditFinding, ParsedReport
from rag.parse.text import compact
from rag.provenance import CORPUS, Provenance

SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, path TEXT, sha256 TEXT, encoding TEXT,
    unit TEXT, city TEXT, year INTEGER, kind TEXT, money_unit TEXT, title TEXT,
    line_count INTEGER, warnings TEXT,
    province TEXT, prefecture TEXT, county TEXT,  -- the unit's division, from the gazetteer (rag/places.py)
    ocr_lines TEXT,  -- JSON [[first, last], ...]: lines read by OCR from scanned pages
    origin TEXT NOT NULL DEFAULT 'corpus',  -- corpus (official) / upload (rag/provenance.py)
    original_name TEXT, uploaded_at TEXT,  -- an upload's own file name and time
    replaces TEXT  -- the report it replaced, when the user said so
);
CREATE UNIQUE INDEX documents_by_hash ON documents(sha256);
CREATE TABLE sections (
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, id INTEGER NOT NULL,
    level INTEGER, heading TEXT, parent_id INTEGER, line INTEGER, path TEXT,
    PRIMARY KEY (doc_id, id)
);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER, text TEXT, line_start INTEGER, line_end INTEGER,
    line_offsets TEXT  -- [[line, where its text starts in the paragraph's text without spaces], ...]
);
CREATE TABLE report_tables (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER, title TEXT, unit TEXT, columns TEXT, side_columns TEXT, text_column TEXT,
    note TEXT, line_start INTEGER, line_end INTEGER, warnings TEXT,
    source TEXT  -- how the table was read: lines / ruled (a PDF's ruled cells) / ocr (a scan)
);
CREATE TABLE table_rows (
    id INTEGER PRIMARY KEY, table_id INTEGER NOT NULL REFERENCES report_tables(id) ON DELETE CASCADE,
    idx INTEGER, name TEXT, code TEXT, level INTEGER, side TEXT, row_number INTEGER, text TEXT,
    line_start INTEGER, line_end INTEGER
);
CREATE TABLE cells (
    row_id INTEGER NOT NULL REFERENCES table_rows(id) ON DELETE CASCADE,
    column_name TEXT NOT NULL, value TEXT NOT NULL, position INTEGER
);
CREATE TABLE facts (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    label TEXT, value TEXT, unit TEXT, kind TEXT, item TEXT, sentence TEXT, line INTEGER,
    section_id INTEGER
);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY, doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    check_name TEXT, table_number INTEGER, subject TEXT, expected TEXT, actual TEXT,
    passed INTEGER, line INTEGER
);
CREATE INDEX rows_by_table ON table_rows(table_id);
CREATE INDEX rows_by_code ON table_rows(code);
CREATE INDEX cells_by_row ON cells(row_id);
CREATE INDEX facts_by_doc ON facts(doc_id, item);
CREATE INDEX paragraphs_by_doc ON paragraphs(doc_id);
CREATE INDEX tables_by_doc ON report_tables(doc_id);
CREATE INDEX audit_by_doc ON audit(doc_id);
"""


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    name: str
    unit: str | None
    city: str | None
    year: int | None
    kind: str | None
    money_unit: str | None
    title: str
    sha256: str
    warnings: list[str]
    province: str | None = None  # 广东省
    prefecture: str | None = None  # the prefecture-level city: 湛江市 for 吴川市
    county: str | None = None  # 吴川市, 新会区
    ocr_lines: tuple[tuple[int, int], ...] = ()  # (first, last) lines read by OCR from scanned pages
    path: str | None = None
    origin: str = "corpus"  # corpus / upload (rag/provenance.py)
    original_name: str | None = None
    uploaded_at: str | None = None
    replaces: str | None = None

    @property
    def uploaded(self) -> bool:
        return self.origin == "upload"

    @property
    def identity_key(self) -> tuple[str, int, str] | None:
        """(unit, year, kind) when all three are known: two reports with the same are one report."""
        return (self.unit, self.year, self.kind) if self.unit and self.year and self.kind else None

    def read_by_ocr(self, line: int | None) -> bool:
        """Whether a cited line comes from a scanned page (answers say 扫描件识别)."""
        return line is not None and any(first <= line <= last for first, last in self.ocr_lines)


@dataclass(frozen=True)
class TableInfo:
    id: int
    doc: str
    number: int
    title: str
    unit: str | None
    columns: list[str]
    side_columns: dict[str, list[str]]
    text_column: str | None
    line_start: int
    line_end: int
    source: str = "lines"  # lines / ruled / ocr (read from a scan: answers say 扫描件识别)
    note: str | None = None  # the note printed under it (注：本表本年无发生额。)


@dataclass(frozen=True)
class RowRecord:
    id: int
    table_id: int
    index: int
    name: str
    code: str | None
    level: int
    side: str | None
    row_number: int | None
    text: str | None
    line_start: int
    line_end: int
    values: dict[str, Decimal]


@dataclass(frozen=True)
class FactRecord:
    doc: str
    label: str
    value: Decimal
    unit: str
    kind: str
    item: str | None
    sentence: str
    line: int
    section_path: str | None


@dataclass(frozen=True)
class ParagraphRecord:
    doc: str
    text: str
    line_start: int
    line_end: int
    section_path: str
    line_offsets: tuple[tuple[int, int], ...] = ()  # (line, where its text starts in compact(text))

    @cached_property
    def compacted(self) -> str:
        """The text without spaces, as line_offsets count it: made once, looked into per sentence."""
        return compact(self.text)

    def line_of(self, part: str, after: int = 0) -> tuple[int, int]:
        """The source line a part of the text (a sentence) starts on, and where it starts in the
        compacted text (searched from `after`); the paragraph's first line when it is not found."""
        at = self.compacted.find(compact(part), after)
        if at < 0 or not self.line_offsets:
            return self.line_start, after
        return max((line for line, start in self.line_offsets if start <= at), default=self.line_start), at


def _line_offsets(paragraph) -> list[tuple[int, int]]:
    """Where each source line of a paragraph starts in its text without spaces (models.Paragraph.lines
    holds each line so), for citing the line a sentence starts on, not the paragraph's first; none
    where the lines do not spell the text (a list of table names whose titles were read apart)."""
    offsets, start = [], 0
    for number, text in paragraph.lines:
        offsets.append((number, start))
        start += len(text)
    return offsets if "".join(text for _, text in paragraph.lines) == compact(paragraph.text) else []


def _offsets(row) -> tuple[tuple[int, int], ...]:
    """A paragraph's line offsets; none in a store built before they were kept."""
    held = row["line_offsets"] if "line_offsets" in row.keys() else None
    return tuple(map(tuple, json.loads(held or "[]")))


def _like_escape(text: str) -> str:
    """Text for a LIKE pattern with ESCAPE '\\': its % and _ match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Database:
    """One connection to a structured store, SQLite (a file) or PostgreSQL (a schema of a database):
    the SQL dialects' few differences live here, so the writing and reading code below is one.

    Statements are written for SQLite (? placeholders, INTEGER PRIMARY KEY); rows are read by column
    name (sqlite3.Row, psycopg's dict rows)."""

    def __init__(self, connection, postgres: bool = False):
        self.connection, self.postgres = connection, postgres

    @classmethod
    def sqlite(cls, path: Path, read_only: bool = False) -> "Database":
        target, uri = (f"file:{path}?mode=ro", True) if read_only else (str(path), False)
        connection = sqlite3.connect(target, uri=uri, check_same_thread=False)
        connection.row_factory = sqlite3.Row  # like psycopg's dict rows: row["name"], row.keys()
        connection.execute("PRAGMA foreign_keys = ON")
        return cls(connection)

    @classmethod
    def postgresql(cls, url: str, schema: str) -> "Database":
        """A connection whose tables are those of one schema (a build's), in autocommit mode:
        writers group their statements with transaction()."""
        import psycopg
        from psycopg.rows import dict_row

        connection = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        connection.execute(psycopg.sql.SQL("SET search_path TO {}").format(psycopg.sql.Identifier(schema)))
        return cls(connection, postgres=True)

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s") if self.postgres else sql

    def execute(self, sql: str, parameters: tuple = ()):
        return self.connection.execute(self._sql(sql), parameters)

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if self.postgres:
            with self.connection.cursor() as cursor:
                cursor.executemany(self._sql(sql), rows)
        else:
            self.connection.executemany(sql, rows)

    def query(self, sql: str, parameters: tuple = ()) -> list[dict]:
        return self.execute(sql, parameters).fetchall()

    def insert(self, sql: str, parameters: tuple) -> int:
        """An INSERT's new id (RETURNING id: both engines have it)."""
        return self.execute(sql + " RETURNING id", parameters).fetchone()["id"]

    def script(self, sql: str) -> None:
        """DDL: PostgreSQL gets identity columns for INTEGER PRIMARY KEY and SQLite's text order."""
        if self.postgres:
            sql = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql)
            self.connection.execute(sql.replace("INTEGER PRIMARY KEY", "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"))
        else:
            self.connection.executescript(sql)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing."""
        if self.postgres:
            with self.connection.transaction():
                yield
        else:
            with self.connection:
                yield

    def close(self) -> None:
        self.connection.close()


TABLES = re.findall(r"CREATE TABLE (\w+)", SCHEMA)  # in the order their foreign keys need


def create_store(path: Path) -> Database:
    database = Database.sqlite(path)
    database.script(SCHEMA)
    return database


def open_store(path: Path) -> Database:
    """A build's store for writing (a copy of the previous build's, for an incremental build)."""
    return Database.sqlite(path)


def delete_documents(connection: Database, names: set[str]) -> None:
    """Remove reports with everything that hangs off them (ON DELETE CASCADE)."""
    connection.executemany("DELETE FROM documents WHERE name = ?", [(name,) for name in sorted(names)])


def write_report(connection: Database, report: ParsedReport, findings: list[AuditFinding],
                 provenance: Provenance | None = None) -> None:
    """Insert one parsed report (replacing a report of the same file name), with where it came from."""
    doc = report.document
    identity = report.identity
    provenance = provenance or Provenance(CORPUS)
    connection.execute("DELETE FROM documents WHERE name = ?", (doc.name,))
    doc_id = connection.insert(
        "INSERT INTO documents (name, path, sha256, encoding, unit, city, year, kind, money_unit,"
        " title, line_count, warnings, province, prefecture, county, ocr_lines, origin, original_name,"
        " uploaded_at, replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.name, doc.path, doc.sha256, doc.encoding, identity.unit, identity.city, identity.year,
         identity.kind, identity.money_unit, identity.title, len(doc.lines),
         json.dumps(report.warnings, ensure_ascii=False), identity.province, identity.prefecture,
         identity.county, json.dumps(doc.ocr_lines), provenance.origin, provenance.original_name,
         provenance.uploaded_at, provenance.replaces),
    )
    connection.executemany(
        "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, s.id, s.level, s.heading, s.parent_id, s.line, s.path) for s in report.sections],
    )
    connection.executemany(
        "INSERT INTO paragraphs (doc_id, section_id, text, line_start, line_end, line_offsets) VALUES (?, ?, ?, ?, ?, ?)",
        [(doc_id, p.section_id, p.text, p.line_start, p.line_end, json.dumps(_line_offsets(p)))
         for p in report.paragraphs],
    )
    for table in report.tables:
        table_id = connection.insert(
            "INSERT INTO report_tables (doc_id, number, title, unit, columns, side_columns, text_column,"
            " note, line_start, line_end, warnings, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (doc_id, table.number, table.title, table.unit, json.dumps(table.columns, ensure_ascii=False),
             json.dumps(table.side_columns, ensure_ascii=False), table.text_column, table.note,
             table.line_start, table.line_end, json.dumps(table.warnings, ensure_ascii=False), table.source),
        )
        for row in table.rows:
            row_id = connection.insert(
                "INSERT INTO table_rows (table_id, idx, name, code, level, side, row_number, text,"
                " line_start, line_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (table_id, row.index, row.name, row.code, row.level, row.side, row.row_number, row.text,
                 row.line_start, row.line_end),
            )
            connection.executemany(
                "INSERT INTO cells VALUES (?, ?, ?, ?)",
                [(row_id, column, f"{value:f}", position)
                 for position, (column, value) in enumerate(row.values.items())],
            )
    connection.executemany(
        "INSERT INTO facts (doc_id, label, value, unit, kind, item, sentence, line, section_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, f.label, f"{f.value:f}", f.unit, f.kind, f.item, f.sentence, f.line, f.section_id)
         for f in report.facts],
    )
    connection.executemany(
        "INSERT INTO audit (doc_id, check_name, table_number, subject, expected, actual, passed, line)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, f.check, f.table, f.subject, f"{f.expected:f}", f"{f.actual:f}", int(f.passed), f.line)
         for f in findings],
    )


class TableStore:
    """Read-only queries over a built store; the answer stage calls these."""

    def __init__(self, source: Path | Database):
        """source: a store.sqlite file, or an open Database (a build's PostgreSQL schema)."""
        if isinstance(source, Database):
            self._database = source
        elif not Path(source).is_file():
            raise FileNotFoundError(f"索引不存在：{source}。请先运行 python -m rag ingest")
        else:
            self._database = Database.sqlite(Path(source), read_only=True)
        self._lock = threading.Lock()  # one connection shared by the app's sessions: one query at a time

    def close(self) -> None:
        self._database.close()

    def _query(self, sql: str, parameters: tuple = ()) -> list[dict]:
        with self._lock:
            return self._database.query(sql, parameters)

    # ---------------------------------------------------------------- documents
    def documents(self) -> list[DocumentInfo]:
        return [self._document(row) for row in self._query("SELECT * FROM documents ORDER BY name")]

    def document_paths(self) -> list[str]:
        return [row["path"] for row in self._query("SELECT path FROM documents ORDER BY name")]

    def document(self, name: str) -> DocumentInfo | None:
        rows = self._query("SELECT * FROM documents WHERE name = ?", (name,))
        return self._document(rows[0]) if rows else None

    @staticmethod
    def _document(row: dict) -> DocumentInfo:
        provenance = {key: row[key] for key in ("origin", "original_name", "uploaded_at", "replaces")
                      if key in row.keys()}  # a build made before provenance was kept: all corpus
        return DocumentInfo(row["id"], row["name"], row["unit"], row["city"], row["year"], row["kind"],
                            row["money_unit"], row["title"], row["sha256"], json.loads(row["warnings"] or "[]"),
                            row["province"], row["prefecture"], row["county"],
                            tuple(tuple(span) for span in json.loads(row["ocr_lines"] or "[]")), row["path"],
                            **provenance)

    def find_documents(self, city: str | None = None, year: int | None = None,
                       kind: str | None = None) -> list[DocumentInfo]:
        return [d for d in self.documents()
                if (city is None or d.city == city) and (year is None or d.year == year)
                and (kind is None or d.kind == kind)]

    # ---------------------------------------------------------------- tables and rows
    def tables(self, doc: str) -> list[TableInfo]:
        rows = self._query(
            "SELECT t.*, d.name AS doc FROM report_tables t JOIN documents d ON d.id = t.doc_id"
            " WHERE d.name = ? ORDER BY t.number", (doc,))
        return [self._table(row) for row in rows]

    def table(self, doc: str, number: int) -> TableInfo | None:
        return next((t for t in self.tables(doc) if t.number == number), None)

    @staticmethod
    def _table(row: dict) -> TableInfo:
        return TableInfo(row["id"], row["doc"], row["number"], row["title"], row["unit"],
                         json.loads(row["columns"]), json.loads(row["side_columns"]), row["text_column"],
                         row["line_start"], row["line_end"], row["source"], row["note"])

    def rows(self, table_id: int) -> list[RowRecord]:
        return self._rows("WHERE r.table_id = ? ORDER BY r.idx", (table_id,))

    def find_rows(self, doc: str | None = None, table: int | None = None, code: str | None = None,
                  name_contains: str | None = None, column: str | None = None) -> list[tuple[TableInfo, RowRecord]]:
        """Rows by report, table number, 科目编码, words of the item name and/or a column they
        have a figure in (matched by the column's last name: 基本支出 finds 一般公共预算支出/基本支出)."""
        clauses, parameters = [], []
        for clause, value in (("d.name = ?", doc), ("t.number = ?", table), ("r.code = ?", code)):
            if value is not None:
                clauses.append(clause)
                parameters.append(value)
        if column:
            clauses.append("EXISTS (SELECT 1 FROM cells c WHERE c.row_id = r.id AND (c.column_name = ?"
                           " OR c.column_name LIKE ? ESCAPE '\\'))")
            parameters += [column, f"%/{_like_escape(column)}"]
        if name_contains:
            clauses.append("REPLACE(REPLACE(r.name, ' ', ''), '　', '') LIKE ? ESCAPE '\\'")
            parameters.append(f"%{_like_escape(name_contains)}%")
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        hits = self._query(
            "SELECT r.id AS row_id, t.*, d.name AS doc FROM table_rows r JOIN report_tables t ON t.id = r.table_id"
            f" JOIN documents d ON d.id = t.doc_id {where} ORDER BY d.name, t.number, r.idx", tuple(parameters))
        by_id = {row.id: row for row in self._rows_by_ids([hit["row_id"] for hit in hits])}
        return [(self._table(hit), by_id[hit["row_id"]]) for hit in hits]

    def _rows_by_ids(self, ids: list[int]) -> list[RowRecord]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._rows(f"WHERE r.id IN ({marks})", tuple(ids))

    def _rows(self, where: str, parameters: tuple) -> list[RowRecord]:
        rows = self._query(f"SELECT r.* FROM table_rows r {where}", parameters)
        if not rows:
            return []
        marks = ",".join("?" * len(rows))
        cells: dict[int, dict[str, Decimal]] = {}
        for cell in self._query(f"SELECT * FROM cells WHERE row_id IN ({marks}) ORDER BY position",
                                tuple(row["id"] for row in rows)):
            cells.setdefault(cell["row_id"], {})[cell["column_name"]] = Decimal(cell["value"])
        return [RowRecord(r["id"], r["table_id"], r["idx"], r["name"], r["code"], r["level"], r["side"],
                          r["row_number"], r["text"], r["line_start"], r["line_end"], cells.get(r["id"], {}))
                for r in rows]

    # ---------------------------------------------------------------- text
    def facts(self, doc: str | None = None, item: str | None = None) -> list[FactRecord]:
        clauses, parameters = [], []
        if doc is not None:
            clauses.append("d.name = ?")
            parameters.append(doc)
        if item is not None:
            clauses.append("f.item = ?")
            parameters.append(item)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._query(
            "SELECT f.*, d.name AS doc, s.path AS section_path FROM facts f JOIN documents d ON d.id = f.doc_id"
            f" LEFT JOIN sections s ON s.doc_id = f.doc_id AND s.id = f.section_id {where} ORDER BY f.id",
            tuple(parameters))
        return [FactRecord(r["doc"], r["label"], Decimal(r["value"]), r["unit"], r["kind"], r["item"],
                           r["sentence"], r["line"], r["section_path"]) for r in rows]

    def paragraphs(self, doc: str | None = None) -> list[ParagraphRecord]:
        where, parameters = ("WHERE d.name = ?", (doc,)) if doc else ("", ())
        rows = self._query(
            "SELECT p.*, d.name AS doc, COALESCE(s.path, '') AS section_path FROM paragraphs p"
            " JOIN documents d ON d.id = p.doc_id LEFT JOIN sections s ON s.doc_id = p.doc_id"
            f" AND s.id = p.section_id {where} ORDER BY d.name, p.id", parameters)
        return [ParagraphRecord(r["doc"], r["text"], r["line_start"], r["line_end"], r["section_path"],
                                _offsets(r)) for r in rows]

    def audit_findings(self, doc: str | None = None) -> list[AuditFinding]:
        where, parameters = ("WHERE d.name = ?", (doc,)) if doc else ("", ())
        rows = self._query(
            "SELECT a.*, d.name AS doc FROM audit a JOIN documents d ON d.id = a.doc_id"
            f" {where} ORDER BY d.name, a.id", parameters)
        return [AuditFinding(r["doc"], r["check_name"], r["table_number"], r["subject"],
                             Decimal(r["expected"]), Decimal(r["actual"]), bool(r["passed"]), r["line"])
                for r in rows]

    def counts(self, doc: str) -> dict[str, int]:
        def count(sql: str) -> int:
            return self._query(sql, (doc,))[0]["n"]
        return {
            "sections": count("SELECT COUNT(*) AS n FROM sections s JOIN documents d ON d.id = s.doc_id WHERE d.name = ?"),
            "paragraphs": count("SELECT COUNT(*) AS n FROM paragraphs p JOIN documents d ON d.id = p.doc_id WHERE d.name = ?"),
            "tables": count("SELECT COUNT(*) AS n FROM report_tables t JOIN documents d ON d.id = t.doc_id WHERE d.name = ?"),
            "rows": count("SELECT COUNT(*) AS n FROM table_rows r JOIN report_tables t ON t.id = r.table_id"
                          " JOIN documents d ON d.id = t.doc_id WHERE d.name = ?"),
            "facts": count("SELECT COUNT(*) AS n FROM facts f JOIN documents d ON d.id = f.doc_id WHERE d.name = ?"),
        }
