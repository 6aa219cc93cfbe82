"""Where a build's structured store and dense vectors live.

By default both are files of the build folder: store.sqlite and chroma/ (an embedded Chroma).
In server mode (settings RAG_DATABASE_URL, RAG_CHROMA_URL; either or both) they live on shared
servers: a PostgreSQL schema and a Chroma collection per build, named from the index's id and
the build folder's name. The names are written to the build's servers.json before either is
created, so whatever a build that dies created is found and dropped by the next clean; anything
of this index on the servers that no kept build names (a build folder removed while a server was
down) is dropped too. The build folder (manifest, chunks, keyword indexes) stays on disk and
index/current still points at the build in use: one pointer, switched atomically.
"""
from __future__ import annotations

import json
import re
import secrets
import shutil
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from rag.settings import Settings
from rag.store import SCHEMA, TABLES, Database, TableStore, create_store, open_store

SERVERS_FILE = "servers.json"  # {"schema": ..., "collection": ...} of a server-mode build
INDEX_ID_FILE = "server_id"  # this index's prefix on the servers (several indexes may share them)
STORE_FILE = "store.sqlite"
CHROMA_DIR = "chroma"


def index_id(settings: Settings) -> str:
    """A random id made once per index folder: the names of its builds on the servers start with it."""
    path = settings.index_dir / INDEX_ID_FILE
    if not path.is_file():
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(4), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def _prefixes(settings: Settings) -> tuple[str, str]:
    """Schema and collection name prefixes of this index."""
    return f"rag_{index_id(settings)}_", f"rag-{index_id(settings)}-"


def _names(build_name: str, settings: Settings) -> dict[str, str]:
    if not (settings.database_url or settings.chroma_url):
        return {}
    slug = re.sub(r"[^0-9A-Za-z]+", "_", build_name).lower()
    schema, collection = _prefixes(settings)
    names = {}
    if settings.database_url:
        names["schema"] = schema + slug
    if settings.chroma_url:
        names["collection"] = collection + slug.replace("_", "-")
    return names


def plan_servers(build_dir: Path, settings: Settings) -> dict[str, str]:
    """Name a new build's schema and collection (server mode) and record them before creating them."""
    names = _names(build_dir.name, settings)
    if names:
        (build_dir / SERVERS_FILE).write_text(json.dumps(names), encoding="utf-8")
    return names


def build_servers(build_dir: Path) -> dict[str, str]:
    """What a build holds on the servers ({} for a build of files alone)."""
    try:
        return json.loads((build_dir / SERVERS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


MODE_KEYS = ("store", "vectors")


def mode_key(settings: Settings) -> dict[str, str]:
    """What a build must share with the build it starts from, besides code and model: where its
    store and vectors live ({} by default, so the manifests of the default mode stay as they were)."""
    return {key: value for key, value in (("store", "postgresql" if settings.database_url else None),
                                          ("vectors", "chroma-server" if settings.chroma_url else None)) if value}


# ------------------------------------------------------------------ the structured store
def has_store(build_dir: Path) -> bool:
    return (build_dir / STORE_FILE).is_file() or "schema" in build_servers(build_dir)


def read_store(build_dir: Path, settings: Settings) -> TableStore:
    """A build's store for reading: its store.sqlite or its PostgreSQL schema."""
    schema = build_servers(build_dir).get("schema")
    if schema is None:
        return TableStore(build_dir / STORE_FILE)
    return TableStore(Database.postgresql(_database_url(settings, schema), schema))


def write_store(build_dir: Path, settings: Settings, base: Path | None) -> Database:
    """A new build's store for writing: a copy of the base build's (a file copy, or INSERT … SELECT
    from the base's schema on the server), or an empty one."""
    schema = build_servers(build_dir).get("schema")
    if schema is None:
        if base is None:
            return create_store(build_dir / STORE_FILE)
        shutil.copyfile(base / STORE_FILE, build_dir / STORE_FILE)
        return open_store(build_dir / STORE_FILE)
    from psycopg.sql import SQL, Identifier

    database = Database.postgresql(_database_url(settings, schema), schema)
    with database.transaction():
        database.connection.execute(SQL("CREATE SCHEMA {}").format(Identifier(schema)))
        database.script(SCHEMA)
        base_schema = build_servers(base).get("schema") if base is not None else None
        for table in TABLES if base_schema else ():
            database.connection.execute(SQL("INSERT INTO {} SELECT * FROM {}").format(
                Identifier(table), Identifier(base_schema, table)))
            if re.search(rf"CREATE TABLE {table} \(\s*id INTEGER PRIMARY KEY", SCHEMA):
                database.connection.execute(SQL(  # new rows are numbered after the copied ones
                    "SELECT setval(pg_get_serial_sequence({}, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM {}").format(
                    f'"{schema}"."{table}"', Identifier(table)))
    return database


def _database_url(settings: Settings, schema: str) -> str:
    if not settings.database_url:
        raise FileNotFoundError(f"这个索引的结构化数据在 PostgreSQL（模式 {schema}）：请设置 RAG_DATABASE_URL")
    return settings.database_url


# ------------------------------------------------------------------ the vectors
def has_vectors(build_dir: Path) -> bool:
    return (build_dir / CHROMA_DIR).is_dir() or "collection" in build_servers(build_dir)


@lru_cache(maxsize=4)
def chroma_server(url: str):
    """One HTTP client per Chroma server URL (http://127.0.0.1:8765)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    address = urlparse(url)
    return chromadb.HttpClient(host=address.hostname, port=address.port or (443 if address.scheme == "https" else 80),
                               ssl=address.scheme == "https", settings=ChromaSettings(anonymized_telemetry=False))


def vector_client(build_dir: Path, settings: Settings):
    """The Chroma client holding a build's collection: the server's, or the build folder's embedded one."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    if "collection" in build_servers(build_dir):
        if not settings.chroma_url:
            raise FileNotFoundError(f"这个索引的向量在 Chroma 服务器（集合 {build_servers(build_dir)['collection']}）："
                                    "请设置 RAG_CHROMA_URL")
        return chroma_server(settings.chroma_url)
    return chromadb.PersistentClient(path=str(build_dir / CHROMA_DIR), settings=ChromaSettings(anonymized_telemetry=False))


def copy_vectors(base: Path, build_dir: Path, settings: Settings, batch: int) -> None:
    """Start a build's vectors from the base build's: the folder copied, or, on the server, the base
    collection's records read and added to the new one page by page (Chroma has no server-side copy)."""
    source = build_servers(base).get("collection")
    if source is None:
        shutil.copytree(base / CHROMA_DIR, build_dir / CHROMA_DIR)
        return
    client = chroma_server(settings.chroma_url)
    old = client.get_collection(source)
    new = client.get_or_create_collection(build_servers(build_dir)["collection"], metadata=old.metadata)
    for offset in range(0, old.count(), batch):
        page = old.get(include=["embeddings", "metadatas"], limit=batch, offset=offset)
        new.add(ids=page["ids"], embeddings=page["embeddings"], metadatas=page["metadatas"])


# ------------------------------------------------------------------ cleaning
def drop(settings: Settings, keep: set[str]) -> list[str]:
    """Drop this index's schemas and collections on the servers that no build in `keep` (folder
    names) holds: those of builds pruned, and whatever builds that died created. Run under the
    ingest lock. Returns what it dropped."""
    if not (settings.database_url or settings.chroma_url):
        return []
    kept = [_names(name, settings) for name in keep]
    schema_prefix, collection_prefix = _prefixes(settings)
    dropped = []
    if settings.database_url:
        from psycopg.sql import SQL, Identifier

        kept_schemas = {names["schema"] for names in kept}
        database = Database.postgresql(settings.database_url, "public")
        try:
            for row in database.query("SELECT nspname FROM pg_namespace WHERE starts_with(nspname, ?)",
                                      (schema_prefix,)):
                if row["nspname"] not in kept_schemas:
                    database.connection.execute(SQL("DROP SCHEMA {} CASCADE").format(Identifier(row["nspname"])))
                    dropped.append(row["nspname"])
        finally:
            database.close()
    if settings.chroma_url:
        kept_collections = {names["collection"] for names in kept}
        client = chroma_server(settings.chroma_url)
        for collection in client.list_collections():
            if collection.name.startswith(collection_prefix) and collection.name not in kept_collections:
                client.delete_collection(collection.name)
                dropped.append(collection.name)
    return dropped
