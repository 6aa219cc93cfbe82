"""Server mode, end to end against real servers: PostgreSQL (Debian's package) and Chroma (`chroma
run` from the chromadb package), started by scripts/servers.sh on free loopback ports with their
data in a temporary folder, and stopped after.

The corpus ingested in server mode answers as the default mode does (the whole evaluation set, the
same text); an upload is added incrementally (kept reports copied on the servers, its chunks alone
embedded) while the build in use keeps answering until the swap; a removal; two processes
answering at once from the same servers; builds killed at each point leave the index in use
answering, and the next run drops what they left on the servers.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from rag.answer import AnswerEngine
from rag.evaluate import load_cases
from rag.index import build_chunks, build_search_indexes, read_stats, write_chunks
from rag.ingest import ingest
from rag.servers import SERVERS_FILE, Database, build_servers, chroma_server, index_id
from rag.settings import load_settings
from rag.uploads import add_upload, find_held, remove_report

pytestmark = pytest.mark.slow

JIANGMEN_2024 = "000_30a6781b9aebb9ed.txt"
WUCHUAN_2024 = "001_74a583c33a317bb4.txt"
SANGONG = "江门医保局2024年三公经费多少"
PASSAGE = "广州医保局有哪些内设处室"
HUAZHOU = "化州医保局2024年三公经费多少"


def huazhou() -> bytes:
    """吴川's 2024 report as if 化州 had published it (a new identity)."""
    return (CORPUS / WUCHUAN_2024).read_text(encoding="utf-8").replace("吴川", "化州").encode("utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def servers():
    """{"RAG_CHROMA_URL": ..., "RAG_DATABASE_URL": ...} of servers started for these tests."""
    folder = Path(tempfile.mkdtemp(prefix="rag-servers-"))
    folder.chmod(0o755)  # PostgreSQL runs as the postgres user when the tests run as root
    env = {**os.environ, "RAG_SERVERS_DIR": str(folder), "RAG_CHROMA_PORT": str(free_port()),
           "RAG_PG_PORT": str(free_port()), "RAG_VENV": sys.prefix}
    script = [str(ROOT / "scripts" / "servers.sh")]
    started = subprocess.run(["bash", *script, "start"], env=env, capture_output=True, text=True)
    try:
        assert started.returncode == 0, started.stderr
        urls = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines())
        assert set(urls) == {"RAG_CHROMA_URL", "RAG_DATABASE_URL"}
        yield urls
    finally:
        subprocess.run(["bash", *script, "stop"], env=env, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def server_settings(servers: dict, index_dir: Path, corpus: Path = CORPUS):
    return load_settings().with_overrides(corpus_dir=corpus, index_dir=index_dir, model_dir=ROOT / "index" / "models",
                                          chroma_url=servers["RAG_CHROMA_URL"],
                                          database_url=servers["RAG_DATABASE_URL"])


@pytest.fixture(scope="module")
def server_index(servers, tmp_path_factory):
    settings = server_settings(servers, tmp_path_factory.mktemp("server-index"))
    result = ingest([CORPUS], settings, build_steps=[build_search_indexes], progress=False)
    assert result.changed and result.held == 5
    return settings


@pytest.fixture
def fresh_index(servers, server_index, tmp_path):
    """A server-mode index of a copy of corpus/ of its own (the embeddings cache copied: nothing to embed)."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = server_settings(servers, tmp_path / "index", corpus)
    settings.index_dir.mkdir()
    shutil.copy(server_index.embedding_cache_path, settings.embedding_cache_path)
    ingest([corpus], settings, build_steps=[build_search_indexes], progress=False)
    return settings


def on_servers(settings) -> dict[str, set[str]]:
    """This index's schemas and collections on the servers."""
    database = Database.postgresql(settings.database_url, "public")
    schemas = {row["nspname"] for row in database.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE ?",
                                                        (f"rag_{index_id(settings)}_%",))}
    database.close()
    collections = {c.name for c in chroma_server(settings.chroma_url).list_collections()
                   if c.name.startswith(f"rag-{index_id(settings)}-")}
    return {"schemas": schemas, "collections": collections}


def held_by(builds: list[Path]) -> dict[str, set[str]]:
    """What these builds' servers.json name."""
    return {"schemas": {build_servers(b)["schema"] for b in builds},
            "collections": {build_servers(b)["collection"] for b in builds}}


def builds_of(settings) -> list[Path]:
    return sorted((settings.index_dir / "builds").iterdir())


def test_the_corpus_in_server_mode_answers_a_figure_and_a_passage_from_the_servers(server_index):
    build = server_index.current_index.resolve()
    assert not (build / "store.sqlite").exists() and not (build / "chroma").exists()
    names = json.loads((build / SERVERS_FILE).read_text(encoding="utf-8"))
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    assert {k: manifest[k] for k in ("schema", "collection", "store", "vectors")} == {
        **names, "store": "postgresql", "vectors": "chroma-server"}
    assert on_servers(server_index) == held_by([build])
    chunks = build_chunks(build)
    assert chroma_server(server_index.chroma_url).get_collection(names["collection"]).count() == len(chunks)
    engine = AnswerEngine(server_index, dense=True)
    assert len(engine.documents) == 5
    figure = engine.ask(SANGONG)
    assert figure.found and figure.figures[0].value == Decimal("17.56") and figure.figures[0].doc == JIANGMEN_2024
    assert "“三公”经费17.56万元" in figure.answer and "第769行" in figure.answer
    passage = engine.ask(PASSAGE)
    assert passage.found and "局本级内设机构7个" in passage.answer
    assert passage.sources[0].kind == "text" and passage.sources[0].doc == "004_7bda8749b22d307a.txt"
    dense = engine.search_index.rankings("医疗保障局 主要职能", {JIANGMEN_2024})["e5 dense"]
    assert dense and all(engine.search_index.chunks[p].doc == JIANGMEN_2024 for p in dense)


def test_server_mode_answers_the_evaluation_set_exactly_as_the_default_mode(server_index, tmp_path):
    """The same SQL through PostgreSQL as through SQLite: every answer of the evaluation set is the
    same text with the same figures (keyword search alone, so the comparison is exact)."""
    local = load_settings().with_overrides(index_dir=tmp_path / "local", model_dir=server_index.model_dir)
    ingest([CORPUS], local, build_steps=[write_chunks], progress=False)
    assert (local.current_index / "store.sqlite").is_file()
    on_disk, on_server = AnswerEngine(local, dense=False), AnswerEngine(server_index, dense=False)
    questions = [case["question"] for case in load_cases()]
    assert len(questions) >= 196
    for question in questions:
        expected, got = on_disk.ask(question), on_server.ask(question)
        assert (got.found, got.answer, got.to_json()["figures"]) == (
            expected.found, expected.answer, expected.to_json()["figures"]), question
    assert on_disk.store.audit_findings() == on_server.store.audit_findings()
    assert on_disk.store.counts(JIANGMEN_2024) == on_server.store.counts(JIANGMEN_2024)


def test_an_upload_is_added_on_the_servers_while_the_build_in_use_answers_until_the_swap(fresh_index):
    settings = fresh_index
    before = settings.current_index.resolve()
    old_engine = AnswerEngine(settings, dense=True)
    base_chunks = read_stats(before)["chunks"]
    seen = {}

    def during_the_build(build_dir, step_settings, delta):
        """Runs after the new build's store and collection are written, before the swap."""
        assert settings.current_index.resolve() == before
        engine = AnswerEngine(settings, dense=True)
        seen["huazhou"] = engine.ask(HUAZHOU).found
        seen["sangong"] = engine.ask(SANGONG).figures[0].value
        seen["on servers"] = on_servers(settings)
        seen["new"] = build_dir

    added = add_upload("huazhou.txt", huazhou(), settings, build_steps=[build_search_indexes, during_the_build])
    assert added.problem is None and added.result.held == 6
    assert seen["huazhou"] is False and seen["sangong"] == Decimal("17.56")
    assert seen["on servers"] == held_by([before, seen["new"]])  # both builds side by side until the swap
    after = settings.current_index.resolve()
    assert after == seen["new"] != before
    stats = read_stats(after)
    assert stats["new_chunks"] == stats["chunks"] - base_chunks > 0  # the kept reports copied, not redone
    assert chroma_server(settings.chroma_url).get_collection(build_servers(after)["collection"]).count() == stats["chunks"]
    engine = AnswerEngine(settings, dense=True)
    answer = engine.ask(HUAZHOU)
    assert answer.figures[0].value == Decimal("19.50") and answer.to_json()["figures"][0]["origin"] == "upload"
    assert engine.ask(SANGONG).figures[0].value == Decimal("17.56") and len(engine.documents) == 6
    assert {d.name: d.id for d in engine.documents}.keys() >= {JIANGMEN_2024, "huazhou.txt"}
    assert len({d.id for d in engine.documents}) == 6  # ids numbered after the copied ones
    hits = engine.search_index.search("化州 医疗保障局 主要职能", docs={"huazhou.txt"}, k=3)
    assert hits and all(h.chunk.doc == "huazhou.txt" for h in hits)
    assert not old_engine.ask(HUAZHOU).found  # a process still on the old build reads its own schema

    (document,) = find_held(settings, "广东省化州市医疗保障局2024年部门预算")
    removed = remove_report(document, settings, [build_search_indexes], progress=False)
    assert removed.changed and removed.held == 5
    last = settings.current_index.resolve()
    assert not AnswerEngine(settings, dense=False).ask(HUAZHOU).found
    assert {k: read_stats(last)[k] for k in ("chunks", "new_chunks", "embedded")} == {
        "chunks": base_chunks, "new_chunks": 0, "embedded": 0}
    assert chroma_server(settings.chroma_url).get_collection(build_servers(last)["collection"]).count() == base_chunks
    # pruned: the first build's schema and collection are dropped with its folder
    assert builds_of(settings) == sorted([after, last])
    assert on_servers(settings) == held_by([after, last])


def test_two_processes_answer_at_once_from_the_same_servers(server_index):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAG_INDEX_DIR": str(server_index.index_dir),
           "RAG_MODEL_DIR": str(server_index.model_dir), "RAG_CHROMA_URL": server_index.chroma_url,
           "RAG_DATABASE_URL": server_index.database_url}
    questions = [SANGONG, PASSAGE, "吴川2024年公务接待费多少", SANGONG]
    processes = [subprocess.Popen([sys.executable, "-m", "rag", "ask", "--json", "-"], cwd=ROOT, env=env, text=True,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                 for _ in range(2)]
    for process in processes:
        process.stdin.write("\n".join(questions) + "\n")
        process.stdin.close()
    outputs = [(process.stdout.read(), process.stderr.read(), process.wait()) for process in processes]
    for stdout, stderr, code in outputs:
        assert code == 0, stderr
        answers = [json.loads(line) for line in stdout.splitlines()]
        assert [a["question"] for a in answers] == questions
        assert answers[0]["figures"][0]["value"] == "17.56" == answers[3]["figures"][0]["value"]
        assert "局本级内设机构7个" in answers[1]["answer"]
        assert answers[2]["found"] and answers[2]["figures"][0]["doc"] == WUCHUAN_2024
    assert outputs[0][0] == outputs[1][0]


def test_a_killed_build_leaves_the_index_answering_and_its_schema_and_collection_go_next_run(fresh_index):
    settings = fresh_index
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAG_CORPUS_DIR": str(settings.corpus_dir),
           "RAG_INDEX_DIR": str(settings.index_dir), "RAG_MODEL_DIR": str(settings.model_dir),
           "RAG_CHROMA_URL": settings.chroma_url, "RAG_DATABASE_URL": settings.database_url}
    env.pop("RAG_FAULT_AT", None)
    command = [sys.executable, "-m", "rag", "ingest", "--no-progress"]
    in_use = settings.current_index.resolve()
    (settings.corpus_dir / "huazhou.txt").write_bytes(huazhou())
    for stage in ("stored", "embedded", "indexed", "swap"):
        killed = subprocess.run(command, cwd=ROOT, env={**env, "RAG_FAULT_AT": stage}, capture_output=True)
        assert killed.returncode == -9, stage
        assert settings.current_index.resolve() == in_use, stage
        engine = AnswerEngine(settings, dense=True)
        assert engine.ask(SANGONG).figures[0].value == Decimal("17.56") and len(engine.documents) == 5, stage
        assert engine.search_index.search("医疗保障局 主要职能", k=1), stage
        left = on_servers(settings)
        assert left["schemas"] > held_by([in_use])["schemas"], stage  # what the dead build made is still there
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    builds = builds_of(settings)
    assert len(builds) == 2 and in_use in builds and all((b / "manifest.json").is_file() for b in builds)
    assert on_servers(settings) == held_by(builds)  # the dead builds' schemas and collections dropped
    assert AnswerEngine(settings, dense=False).ask(HUAZHOU).figures[0].value == Decimal("19.50")


def test_ingest_workers_embed_the_new_reports_sharded_by_file_into_the_build_on_the_server(fresh_index):
    settings = fresh_index
    (settings.corpus_dir / "huazhou.txt").write_bytes(huazhou())
    xinyi = (CORPUS / JIANGMEN_2024).read_text(encoding="utf-8").replace("江门", "信宜").replace("17.56", "27.56")
    (settings.corpus_dir / "xinyi.txt").write_text(xinyi, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAG_CORPUS_DIR": str(settings.corpus_dir),
           "RAG_INDEX_DIR": str(settings.index_dir), "RAG_MODEL_DIR": str(settings.model_dir),
           "RAG_CHROMA_URL": settings.chroma_url, "RAG_DATABASE_URL": settings.database_url}
    done = subprocess.run([sys.executable, "-m", "rag", "ingest", "--workers", "2", "--no-progress"], cwd=ROOT,
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    stats = read_stats(settings.current_index.resolve())
    assert sorted(shard["reports"] for shard in stats["shards"]) == [["huazhou.txt"], ["xinyi.txt"]]
    assert all(shard["embedded"] > 0 for shard in stats["shards"])  # each worker embedded its own report
    assert sum(shard["embedded"] for shard in stats["shards"]) == stats["embedded"]
    assert 0.9 * stats["new_chunks"] < stats["embedded"] <= stats["new_chunks"]  # a chunk text seen before: cached
    collection = build_servers(settings.current_index.resolve())["collection"]
    assert chroma_server(settings.chroma_url).get_collection(collection).count() == stats["chunks"]
    engine = AnswerEngine(settings, dense=True)
    assert engine.ask(HUAZHOU).figures[0].value == Decimal("19.50")
    assert engine.ask("信宜医保局2024年三公经费多少").figures[0].value == Decimal("27.56")
    assert engine.ask(SANGONG).figures[0].value == Decimal("17.56")
    hits = engine.search_index.rankings("信宜 医疗保障局 主要职能", {"xinyi.txt"})["e5 dense"]
    assert hits and all(engine.search_index.chunks[p].doc == "xinyi.txt" for p in hits)
    alone = subprocess.run([sys.executable, "-m", "rag", "ingest", "--workers", "2"], cwd=ROOT, capture_output=True,
                           text=True, env={k: v for k, v in env.items() if k != "RAG_CHROMA_URL"})
    assert alone.returncode == 2 and "--workers 需要服务器模式" in alone.stderr
