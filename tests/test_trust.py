"""An index people can trust: the probes of issue 9, each reproduced.

Uploads that would overwrite an official report, duplicates by content and by identity,
replacing, removing, incremental builds, a second ingest while one runs, a 30 MB file, long
unpunctuated text, builds that die, and pruning.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import CORPUS, ROOT
from rag.answer import AnswerEngine
from rag.index import CHUNK_CHARS, build_chunks, write_chunks
from rag.ingest import IngestBusy, clean_builds, ingest, ingest_lock
from rag.provenance import history, read_registry
from rag.settings import load_settings
from rag.store import TableStore
from rag.uploads import add_upload, find_held, remove_report

JIANGMEN_2024 = "000_30a6781b9aebb9ed.txt"
WUCHUAN_2024 = "001_74a583c33a317bb4.txt"
SANGONG = "江门医保局2024年三公经费多少"


@pytest.fixture
def settings(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = load_settings().with_overrides(corpus_dir=corpus, index_dir=tmp_path / "index")
    ingest([corpus], settings, build_steps=[write_chunks], progress=False)
    return settings


def sangong(settings) -> Decimal:
    answer = AnswerEngine(settings, dense=False).ask(SANGONG)
    assert answer.found
    return answer.figures[0].value


def tampered_jiangmen() -> bytes:
    """The 江门 2024 report with its 三公经费 (17.56) changed to 99999.00 everywhere."""
    return (CORPUS / JIANGMEN_2024).read_text(encoding="utf-8").replace("17.56", "99999.00").encode("utf-8")


def huazhou(sangong: str = "19.50") -> bytes:
    """吴川's 2024 report as if 化州 had published it (a new identity), its 三公经费 as given."""
    text = (CORPUS / WUCHUAN_2024).read_text(encoding="utf-8").replace("吴川", "化州")
    return text.replace("19.50", sangong).encode("utf-8")


# ------------------------------------------------------------------ provenance and duplicates
@pytest.mark.parametrize("name", [JIANGMEN_2024, "jiangmen_2024.txt"])
@pytest.mark.parametrize("replace", [False, True])
def test_an_upload_never_changes_an_official_figure(settings, name, replace):
    assert sangong(settings) == Decimal("17.56")
    added = add_upload(name, tampered_jiangmen(), settings, build_steps=[write_chunks], replace=replace)
    assert added.problem and "官方报告 000_30a6781b9aebb9ed.txt（江门市医疗保障局2024年部门预算）" in added.problem
    assert "不能替换" in added.problem and not added.result.changed
    assert sangong(settings) == Decimal("17.56")
    assert (settings.corpus_dir / JIANGMEN_2024).read_bytes() == (CORPUS / JIANGMEN_2024).read_bytes()
    assert not [p for p in settings.uploads_dir.iterdir() if not p.name.startswith(".")]
    assert history(settings)[-1]["event"] == "refused"


def test_an_upload_named_like_a_corpus_file_is_kept_apart_and_labelled(settings):
    added = add_upload(JIANGMEN_2024, huazhou(), settings, build_steps=[write_chunks])
    assert added.problem is None and added.name != JIANGMEN_2024 and added.name.startswith("000_30a6781b9aebb9ed-")
    store = TableStore(settings.store_path)
    official, upload = store.document(JIANGMEN_2024), store.document(added.name)
    assert (official.origin, official.uploaded) == ("corpus", False)
    assert (upload.origin, upload.original_name) == ("upload", JIANGMEN_2024) and upload.uploaded_at
    assert upload.sha256 == __import__("hashlib").sha256(huazhou()).hexdigest()
    assert (upload.unit, upload.year, upload.kind) == ("广东省化州市医疗保障局", 2024, "部门预算")
    assert sangong(settings) == Decimal("17.56")
    answer = AnswerEngine(settings, dense=False).ask("化州医保局2024年三公经费多少")
    assert answer.figures[0].value == Decimal("19.50") and answer.to_json()["figures"][0]["origin"] == "upload"
    assert all(s["origin"] == "upload" for s in answer.to_json()["sources"])
    assert f"（来自上传的报告 广东省化州市医疗保障局2024年部门预算：文件 {JIANGMEN_2024}" in answer.answer


def test_a_byte_identical_copy_under_another_name_is_refused(settings):
    added = add_upload("copy.txt", (CORPUS / JIANGMEN_2024).read_bytes(), settings, build_steps=[write_chunks])
    assert "内容与已收录的报告 000_30a6781b9aebb9ed.txt（江门市医疗保障局2024年部门预算）完全相同" in added.problem
    shutil.copy(CORPUS / JIANGMEN_2024, settings.corpus_dir / "zz_copy.txt")
    result = ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    assert dict(result.skipped)[str(settings.corpus_dir / "zz_copy.txt")].startswith("内容与已收录的报告 000_")
    answer = AnswerEngine(settings, dense=False).ask("哪个城市三公经费最多")
    assert answer.answer.count("江门市医疗保障局2024年部门预算") == 1


def test_the_same_identity_is_refused_unless_the_user_says_replace(settings):
    first = add_upload("huazhou.txt", huazhou(), settings, build_steps=[write_chunks])
    assert first.problem is None and first.name == "huazhou.txt"
    second = add_upload("huazhou.txt", huazhou("20.50"), settings, build_steps=[write_chunks])
    assert second.name != "huazhou.txt"  # never written over the earlier upload
    assert "与已收录的报告 huazhou.txt（广东省化州市医疗保障局2024年部门预算）是同一单位、年度、类型" in second.problem
    assert "勾选“替换”" in second.problem and (settings.uploads_dir / "huazhou.txt").read_bytes() == huazhou()
    engine = AnswerEngine(settings, dense=False)
    assert engine.ask("化州医保局2024年三公经费多少").figures[0].value == Decimal("19.50")
    third = add_upload("huazhou_v2.txt", huazhou("20.50"), settings, build_steps=[write_chunks], replace=True)
    assert third.problem is None and third.summary.provenance.replaces == "huazhou.txt"
    assert AnswerEngine(settings, dense=False).ask("化州医保局2024年三公经费多少").figures[0].value == Decimal("20.50")
    assert sorted(p.name for p in settings.uploads_dir.glob("*.txt")) == ["huazhou_v2.txt"]
    assert set(read_registry(settings)) == {"huazhou_v2.txt"}
    assert {"event": "replaced", "report": "huazhou_v2.txt", "replaces": "huazhou.txt"}.items() <= history(settings)[-1].items()
    assert TableStore(settings.store_path).document("huazhou_v2.txt").replaces == "huazhou.txt"


def test_text_that_is_not_a_report_is_refused(settings):
    added = add_upload("note.txt", "今天天气很好。我们去公园散步。\n".encode(), settings, build_steps=[write_chunks])
    assert added.problem.startswith("这不像预算、决算或绩效报告")


# ------------------------------------------------------------------ updates and removal
def test_a_changed_corpus_file_is_read_again_alone_and_removal_takes_one_report(settings):
    path = settings.corpus_dir / JIANGMEN_2024
    path.write_bytes(tampered_jiangmen())  # the official file itself changed: an update, not an upload
    result = ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    assert [r.name for r in result.reports] == [JIANGMEN_2024] and len(result.kept) == 4
    assert sangong(settings) == Decimal("99999.00")
    (document,) = find_held(settings, "广东省吴川市医疗保障局2024年部门预算")
    removed = remove_report(document, settings, [write_chunks], progress=False)
    assert removed.changed and removed.removed == [WUCHUAN_2024] and removed.held == 4
    chunks = build_chunks(settings.current_index)
    assert {c.doc for c in chunks} == {d.name for d in TableStore(settings.store_path).documents()}
    assert WUCHUAN_2024 not in {c.doc for c in chunks}
    assert not AnswerEngine(settings, dense=False).ask("吴川医保局2024年三公经费多少").found


def test_cli_add_updates_a_changed_report_and_ingest_of_one_file_does_not_drop_the_rest(settings, tmp_path):
    report = tmp_path / "huazhou.txt"
    report.write_bytes(huazhou())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    base = [sys.executable, "-m", "rag", "--index-dir", str(settings.index_dir)]
    alone = subprocess.run(base + ["ingest", str(report)], capture_output=True, text=True, cwd=ROOT, env=env)
    assert alone.returncode == 2 and "--add" in alone.stderr and len(TableStore(settings.store_path).documents()) == 5
    # keyword-only index: remove the dense step's need for the model by building the test index the same way
    from rag.uploads import add_file

    add_file(report, settings, [write_chunks], progress=False)
    report.write_bytes(huazhou("20.50"))
    result = add_file(report, settings, [write_chunks], progress=False)
    assert [r.name for r in result.reports] == ["huazhou.txt"] and result.held == 6
    assert AnswerEngine(settings, dense=False).ask("化州医保局2024年三公经费多少").figures[0].value == Decimal("20.50")


# ------------------------------------------------------------------ bounded cost
def test_a_second_ingest_is_told_at_once_that_another_is_running(settings):
    with ingest_lock(settings):
        started = time.perf_counter()
        with pytest.raises(IngestBusy, match="另一个导入正在进行（进程 "):
            ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
        process = subprocess.run([sys.executable, "-m", "rag", "--index-dir", str(settings.index_dir), "ingest"],
                                 capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                 timeout=60)
        assert process.returncode == 2 and "另一个导入正在进行" in process.stderr
        assert time.perf_counter() - started < 30  # told, not kept waiting behind the lock
        assert AnswerEngine(settings, dense=False).ask(SANGONG).found  # questions go on meanwhile


def test_a_30_mb_text_file_is_refused_within_a_minute(settings, tmp_path):
    big = tmp_path / "big.txt"
    text = (CORPUS / JIANGMEN_2024).read_bytes()
    big.write_bytes(text * (30 * 1024 * 1024 // len(text) + 1))
    for limit_mb, message in ((20, "文件过大（30.0 MB，上限 20 MB"), (40, "文字过多")):
        local = settings.with_overrides(max_file_bytes=limit_mb * 1024 * 1024)
        started = time.perf_counter()
        result = ingest(list(settings.default_sources) + [big], local, build_steps=[write_chunks], progress=False)
        assert time.perf_counter() - started < 60
        assert message in dict(result.skipped)[str(big)] and not result.changed
    assert sangong(settings) == Decimal("17.56")


def test_no_chunk_is_longer_than_intended_whatever_the_punctuation(settings):
    text = (CORPUS / WUCHUAN_2024).read_text(encoding="utf-8").replace("吴川", "化州")
    text += "\n" + "医疗保障基金运行平稳" * 20_000 + "\n"  # 200,000 characters, no punctuation
    added = add_upload("long.txt", text.encode(), settings, build_steps=[write_chunks])
    assert added.problem is None
    chunks = build_chunks(settings.current_index)
    assert max(len(c.text) for c in chunks) <= 2 * CHUNK_CHARS
    assert sum(len(c.text) for c in chunks if c.doc == "long.txt") >= 200_000


# ------------------------------------------------------------------ builds that die, pruning
def test_pruning_keeps_the_build_in_use_and_the_last_complete_one_by_manifest(settings):
    builds = settings.index_dir / "builds"
    in_use = settings.current_index.resolve()
    manifest = json.loads((in_use / "manifest.json").read_text(encoding="utf-8"))
    for name, built in (("00000000-older", 1), ("00000001-old", 2), ("99999999-never-used", manifest["built_ns"])):
        shutil.copytree(in_use, builds / name)
        (builds / name / "manifest.json").write_text(json.dumps({**manifest, "built_ns": built}), encoding="utf-8")
        (builds / name / "in_use_since").unlink()
    (builds / "00000000-older" / "in_use_since").write_text("1")
    (builds / "00000001-old" / "in_use_since").write_text("2")  # the one in use before the current one
    (builds / "zzzzzzzz-orphan").mkdir()  # a build that died: the last by name, no manifest
    (builds / "zzzzzzzz-orphan" / "store.sqlite").write_bytes(b"partial")
    removed = clean_builds(settings)
    assert sorted(p.name for p in removed) == ["00000000-older", "99999999-never-used", "zzzzzzzz-orphan"]
    assert sorted(p.name for p in builds.iterdir()) == sorted(["00000001-old", in_use.name])
    (builds / "00000001-old" / "in_use_since").unlink()  # none used before: the newest complete one stays
    shutil.copytree(in_use, builds / "00000002-newest")
    (builds / "00000002-newest" / "in_use_since").unlink()
    assert [p.name for p in clean_builds(settings)] == ["00000001-old"]


@pytest.mark.slow
def test_an_added_report_embeds_only_its_own_chunks_and_later_builds_reuse_them(tmp_path):
    from rag.index import SearchIndex, build_search_indexes, read_stats

    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    settings = load_settings().with_overrides(corpus_dir=corpus, index_dir=tmp_path / "index",
                                              model_dir=ROOT / "index" / "models")
    first = ingest([corpus], settings, build_steps=[build_search_indexes], progress=False)
    stats = read_stats(first.build_dir)
    assert stats["chunks"] == stats["new_chunks"] and 0 < stats["embedded"] <= stats["chunks"]
    added = add_upload("huazhou.txt", huazhou(), settings, build_steps=[build_search_indexes])
    grown = read_stats(added.result.build_dir)
    assert added.problem is None and grown["chunks"] > stats["chunks"]
    assert grown["new_chunks"] == grown["chunks"] - stats["chunks"] == grown["embedded"]  # its chunks alone
    index = SearchIndex(settings.current_index.resolve(), settings)
    hits = index.search("化州 医疗保障局 主要职能", docs={"huazhou.txt"}, k=3)
    assert hits and all(h.chunk.doc == "huazhou.txt" for h in hits)
    assert index.collection().count() == grown["chunks"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAG_CORPUS_DIR": str(corpus), "RAG_MODEL_DIR": str(settings.model_dir)}
    removed = subprocess.run([sys.executable, "-m", "rag", "--index-dir", str(settings.index_dir), "remove",
                              "广东省化州市医疗保障局2024年部门预算", "--no-progress"],
                             capture_output=True, text=True, cwd=ROOT, env=env)
    assert removed.returncode == 0 and "已从索引删除 huazhou.txt" in removed.stdout, removed.stderr
    assert read_stats(settings.current_index.resolve())["embedded"] == 0
    assert not (settings.uploads_dir / "huazhou.txt").exists()
    assert SearchIndex(settings.current_index.resolve(), settings).collection().count() == stats["chunks"]
    again = add_upload("huazhou.txt", huazhou(), settings, build_steps=[build_search_indexes])
    assert read_stats(again.result.build_dir)["embedded"] == 0  # the cache had its chunks
    settings.current_index.unlink()  # a build from scratch (as after a code change) embeds nothing either
    scratch = ingest(settings.default_sources, settings, build_steps=[build_search_indexes], progress=False)
    rebuilt = read_stats(scratch.build_dir)
    assert (rebuilt["chunks"], rebuilt["new_chunks"], rebuilt["embedded"]) == (grown["chunks"], grown["chunks"], 0)


def records_left_in_chroma_log(build_dir: Path) -> int:
    """Records Chroma has logged but not saved in the HNSW graph: the next process to write or search
    the folder replays them into the graph first."""
    with sqlite3.connect(f"file:{build_dir / 'chroma' / 'chroma.sqlite3'}?mode=ro", uri=True) as chroma:
        return chroma.execute("SELECT COUNT(*) FROM embeddings_queue WHERE seq_id > COALESCE((SELECT m.seq_id FROM "
                              "max_seq_id m JOIN segments s ON s.id = m.segment_id WHERE s.scope = 'VECTOR'), 0)"
                              ).fetchone()[0]  # no row: the graph was never saved


@pytest.mark.slow
def test_a_build_leaves_the_next_nothing_to_replay_and_the_build_in_use_unchanged(tmp_path, monkeypatch):
    """Each build starts as a copy of the one before: records left in Chroma's log were replayed by
    the next add (0.2 s at 200 reports). A base made before, saving its graph every 1,000 records, is
    set to save at every write in the new build's copy only."""
    from rag import index

    settings = load_settings().with_overrides(corpus_dir=CORPUS, index_dir=tmp_path / "index",
                                              model_dir=ROOT / "index" / "models")
    monkeypatch.setattr(index, "SAVE_GRAPH_AT_EVERY_WRITE", {"hnsw": {"sync_threshold": 1000, "batch_size": 100}})
    ingest([CORPUS], settings, build_steps=[index.build_search_indexes], progress=False)  # as before
    monkeypatch.undo()
    base = settings.current_index.resolve()
    base_vectors = (base / "chroma" / "chroma.sqlite3").read_bytes()
    left_in_base = records_left_in_chroma_log(base)
    assert left_in_base > 0  # the corpus's chunks, fewer than 1,000
    added = add_upload("huazhou.txt", huazhou(), settings, build_steps=[index.build_search_indexes])
    assert added.problem is None and records_left_in_chroma_log(added.result.build_dir) == 0
    assert (base / "chroma" / "chroma.sqlite3").read_bytes() == base_vectors


@pytest.mark.slow
def test_a_build_killed_at_any_point_leaves_the_index_answering_and_is_cleaned_next_time(tmp_path):
    """kill -9 a CLI ingest at each fault point, and after a few seconds; the index in use answers
    and the next run removes what the dead build left."""
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index_dir = tmp_path / "index"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RAG_CORPUS_DIR": str(corpus), "RAG_INDEX_DIR": str(index_dir),
           "RAG_MODEL_DIR": str(ROOT / "index" / "models")}
    env.pop("RAG_FAULT_AT", None)
    command = [sys.executable, "-m", "rag", "ingest", "--no-progress"]
    assert subprocess.run(command, cwd=ROOT, env=env, capture_output=True).returncode == 0
    settings = load_settings().with_overrides(corpus_dir=corpus, index_dir=index_dir)
    in_use = settings.current_index.resolve()
    (corpus / "huazhou.txt").write_bytes(huazhou())
    for stage in ("after 4 s", "parsed", "stored", "embedded", "indexed", "swap"):
        if stage.startswith("after"):
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(4)
            process.kill()
            code = process.wait()
        else:
            code = subprocess.run(command, cwd=ROOT, env={**env, "RAG_FAULT_AT": stage}, capture_output=True).returncode
        assert code == -9, stage
        assert settings.current_index.resolve() == in_use, stage
        engine = AnswerEngine(settings, dense=True)
        assert engine.ask(SANGONG).figures[0].value == Decimal("17.56"), stage
        assert engine.search_index.search("医疗保障局 主要职能", k=1), stage
        assert len(engine.documents) == 5
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    builds = list((index_dir / "builds").iterdir())
    assert len(builds) == 2 and in_use in builds and all((b / "manifest.json").is_file() for b in builds)
    assert not list(index_dir.glob(".current-*"))
    assert len(AnswerEngine(settings, dense=False).documents) == 6
