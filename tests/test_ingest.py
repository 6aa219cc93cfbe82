from __future__ import annotations

import html
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import CORPUS, ROOT, shared_pdf
from rag.answer import AnswerEngine
from rag.chat import report_overview
from rag.cli import print_ingest_summary
from rag.index import write_chunks
from rag import ingest as ingest_module, reading
from rag.ingest import TRASH_DIR, _manifest, ingest
from rag.parse.text import compact
from rag.settings import load_settings
from rag.store import TABLES, TableStore


@pytest.fixture
def settings(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    return load_settings().with_overrides(corpus_dir=corpus, index_dir=tmp_path / "index")


def test_ingest_builds_a_queryable_store(settings):
    result = ingest([settings.corpus_dir], settings, progress=False)
    assert result.changed and len(result.reports) == 5 and not result.skipped
    store = TableStore(settings.store_path)
    (jiangmen,) = store.find_documents(city="江门", year=2024, kind="部门预算")
    table = store.table(jiangmen.name, 8)
    assert table.title == "财政拨款安排的行政经费及“三公”经费预算表"
    (hit,) = store.find_rows(doc=jiangmen.name, table=8, name_contains="“三公”经费")
    assert hit[1].values["合计"] == Decimal("17.56") and hit[1].line_start > 0
    rows = store.find_rows(doc=jiangmen.name, code="2101501")
    assert {t.number for t, _ in rows} == {2, 3, 5}
    assert store.counts(jiangmen.name)["tables"] == 12
    (wuchuan,) = store.find_documents(city="吴川")
    assert (wuchuan.province, wuchuan.prefecture, wuchuan.county) == ("广东省", "湛江市", "吴川市")
    facts = store.facts(jiangmen.name, item="三公经费")
    assert facts[0].value == Decimal("17.56") and "三公" in facts[0].sentence
    assert store.find_rows(name_contains="%") == []  # LIKE wildcards are escaped
    by_column = store.find_rows(doc=jiangmen.name, code="2101501", column="基本支出")
    assert {t.number for t, _ in by_column} == {3, 5}  # 表3 基本支出, 表5 一般公共预算支出/基本支出
    assert all(row.values[next(c for c in row.values if c.endswith("基本支出"))] == Decimal("937.27")
               for _, row in by_column)


def test_without_server_settings_a_build_is_files_alone_and_never_the_base_of_a_server_build(settings):
    """The default mode's builds are as before server mode (rag/servers.py): no servers.json, no
    index id, no server keys in the manifest; a build of files is no server build's base, nor the
    other way round."""
    from rag import ingest as ingest_module

    ingest([settings.corpus_dir], settings, progress=False)
    build = settings.current_index.resolve()
    manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    assert (build / "store.sqlite").is_file() and not (build / "servers.json").exists()
    assert not (settings.index_dir / "server_id").exists()
    assert not {"store", "vectors", "schema", "collection"} & set(manifest)
    files_key = ingest_module._code_key(settings)
    server = settings.with_overrides(database_url="postgresql://rag@127.0.0.1:1/rag", chroma_url="http://127.0.0.1:1")
    server_key = ingest_module._code_key(server)
    assert server_key == {**files_key, "store": "postgresql", "vectors": "chroma-server"}
    assert ingest_module._same_kind(manifest, files_key) and not ingest_module._same_kind(manifest, server_key)
    assert not ingest_module._same_kind({**manifest, "store": "postgresql"}, files_key)


def test_reingest_changes_nothing_and_a_new_file_rebuilds(settings):
    first = ingest([settings.corpus_dir], settings, progress=False)
    target = settings.current_index.resolve()
    second = ingest([settings.corpus_dir], settings, progress=False)
    assert not second.changed and settings.current_index.resolve() == target
    (settings.corpus_dir / "extra.txt").write_text("2025年某市医疗保障局部门预算\n第一部分 概况\n", encoding="utf-8")
    third = ingest([settings.corpus_dir], settings, progress=False)
    assert third.changed and len(first.reports) == 5 and third.held == 6
    (extra,) = third.reports  # only the new file is read; the five others are kept from the last build
    assert extra.name == "extra.txt" and sorted(third.kept) == sorted(r.name for r in first.reports)
    assert not extra.identity.complete and extra.warnings  # indexed, and says it could not tell
    assert len(TableStore(settings.store_path).documents()) == 6


def _hashed_files(monkeypatch) -> list[str]:
    """The names of the files ingest hashes from now on."""
    hashed, sha256 = [], ingest_module._sha256
    monkeypatch.setattr(ingest_module, "_sha256", lambda path: hashed.append(path.name) or sha256(path))
    return hashed


def _rewrite_same_size(path, mtime_ns: int) -> None:
    """The 江门 2024 report with its 三公经费 17.56 changed to 17.57 (same size), its mtime set as given."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("17.56", "17.57"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, mtime_ns))


def test_an_ingest_with_nothing_to_read_shows_no_reading_progress(settings, capsys):
    ingest([settings.corpus_dir], settings, progress=False)
    capsys.readouterr()
    assert not ingest([settings.corpus_dir], settings, progress=True).changed
    assert "解析报告" not in capsys.readouterr().err  # was printed twice as "0份"


def test_a_held_file_is_hashed_again_only_when_its_size_times_or_inode_changed(settings, monkeypatch):
    monkeypatch.setattr(ingest_module, "RACY_SECONDS", 0)  # the files were just copied: trust them at once
    ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    hashed = _hashed_files(monkeypatch)
    assert not ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False).changed
    assert hashed == []  # unchanged: the signatures recorded in the manifest stand for the hashes
    jiangmen = settings.corpus_dir / "000_30a6781b9aebb9ed.txt"
    size = jiangmen.stat().st_size
    _rewrite_same_size(jiangmen, jiangmen.stat().st_mtime_ns + 10**9)
    assert jiangmen.stat().st_size == size
    result = ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    assert hashed == [jiangmen.name] and [r.name for r in result.reports] == [jiangmen.name]
    assert len(result.kept) == 4
    assert AnswerEngine(settings, dense=False).ask("江门医保局2024年三公经费多少").figures[0].value == Decimal("17.57")


def test_a_file_rewritten_with_its_size_and_mtime_kept_is_still_read_again(settings, monkeypatch):
    monkeypatch.setattr(ingest_module, "RACY_SECONDS", 0)
    ingest([settings.corpus_dir], settings, progress=False)
    jiangmen = settings.corpus_dir / "000_30a6781b9aebb9ed.txt"
    _rewrite_same_size(jiangmen, jiangmen.stat().st_mtime_ns)  # its change time moves: no tool can set it
    result = ingest([settings.corpus_dir], settings, progress=False)
    assert [r.name for r in result.reports] == [jiangmen.name]


def test_a_file_changed_just_before_an_ingest_is_hashed_again_by_the_next(settings, monkeypatch):
    ingest([settings.corpus_dir], settings, progress=False)  # the copies are seconds old: not recorded
    assert _manifest(settings.current_index.resolve())["files"] == {}
    hashed = _hashed_files(monkeypatch)
    ingest([settings.corpus_dir], settings, progress=False)
    assert len(hashed) == 5


def test_bad_files_are_skipped_with_a_reason_and_the_rest_go_in(settings):
    (settings.corpus_dir / "empty.txt").write_bytes(b"")
    (settings.corpus_dir / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (settings.corpus_dir / "report.docx").write_bytes(b"PK\x03\x04")
    result = ingest([settings.corpus_dir], settings, progress=False)
    reasons = dict(result.skipped)
    assert len(result.reports) == 5 and len(reasons) == 3
    assert "为空" in reasons[str(settings.corpus_dir / "empty.txt")]
    assert "二进制" in reasons[str(settings.corpus_dir / "binary.txt")]


def test_nothing_readable_leaves_the_index_as_it_was(settings, tmp_path):
    ingest([settings.corpus_dir], settings, progress=False)
    before = settings.current_index.resolve()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00" * 10)
    result = ingest([bad], settings, progress=False)
    assert not result.reports and result.skipped
    assert settings.current_index.resolve() == before
    assert len(TableStore(settings.store_path).documents()) == 5


def test_a_build_that_dies_midway_leaves_the_previous_index_intact(settings):
    ingest([settings.corpus_dir], settings, progress=False)
    before = settings.current_index.resolve()
    (settings.corpus_dir / "000_30a6781b9aebb9ed.txt").unlink()

    def dies(build_dir, _settings, _delta):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([settings.corpus_dir], settings, build_steps=[dies], progress=False)
    assert settings.current_index.resolve() == before
    assert len(TableStore(settings.store_path).documents()) == 5
    assert [p for p in (settings.index_dir / "builds").iterdir()] == [before]


def test_a_pruned_build_waits_in_the_trash_and_the_next_ingest_deletes_it(settings):
    names = sorted(settings.corpus_dir.iterdir())
    first = ingest(names[:3], settings, progress=False).build_dir
    second = ingest(names[:4], settings, progress=False).build_dir
    ingest(names, settings, progress=False)
    builds, trash = settings.index_dir / "builds", settings.index_dir / TRASH_DIR
    assert not first.exists() and len(list(builds.iterdir())) == 2
    (pruned,) = trash.iterdir()
    assert pruned.name.startswith(first.name) and (pruned / "manifest.json").is_file()
    ingest(names[1:], settings, progress=False)
    (left,) = trash.iterdir()  # the first build deleted, the one pruned now waits
    assert not pruned.exists() and left.name.startswith(second.name)


def test_a_text_pdf_ingests_like_its_text_and_says_how_each_table_was_read(tmp_path):
    settings = load_settings().with_overrides(index_dir=tmp_path / "index")
    (summary,) = ingest([shared_pdf("004_text.pdf")], settings, progress=False).reports
    assert summary.identity.title == "广州市医疗保障局2023年部门预算" and not summary.warnings
    assert (summary.tables, summary.rows, summary.audit_passed, summary.audit_checks) == (12, 263, 274, 274)
    assert summary.notes == ["表格读取：按文字行 表1、2、3、4、5、6、7、8、9、10、11；按PDF表格线 表12"]
    store = TableStore(settings.store_path)
    assert [t.source for t in store.tables("004_text.pdf")] == ["lines"] * 11 + ["ruled"]
    assert store.document("004_text.pdf").ocr_lines == ()


def test_an_unread_identity_is_the_first_thing_the_summary_says_and_the_report_list_shows(settings, capsys):
    (settings.corpus_dir / "no_year.txt").write_text(
        "江门市医疗保障局部门预算\n第一部分 部门概况\n一、部门职责\n负责全市医疗保障工作。\n", encoding="utf-8")
    result = ingest([settings.corpus_dir], settings, progress=False)
    print_ingest_summary(result)
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "⚠ 1 份报告未能识别身份：no_year.txt（缺年度）"
    assert "⚠ no_year.txt  no_year.txt（未能识别年度，仍已索引）" in printed
    assert sum(line.startswith("✔ ") for line in printed) == 5
    store = TableStore(settings.store_path)
    assert store.document("no_year.txt").warnings[0].startswith("未能从内容识别报告的年度：报告已索引")
    overview = report_overview(store)
    assert list(overview.columns) == ["提示", "单位", "年度", "类型", "表格", "核对", "文件"]
    assert overview.iloc[0][["提示", "单位", "文件"]].tolist() == ["⚠ 未识别年度", "江门市医疗保障局", "no_year.txt"]
    assert (overview["提示"] == "").sum() == 5


def _printed_by_chromium(text_report, folder):
    """A text report printed to PDF another way: an HTML page (tab-separated rows as a ruled
    table, other lines as paragraphs) printed by headless Chromium."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (scripts/system-deps.sh)")
    body, rows = [], []
    for line in text_report.read_text(encoding="utf-8").split("\n") + [""]:
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:  # a regular grid: every row as wide as the widest
            width = max(map(len, rows))
            body.append("<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row)
                                            + "<td></td>" * (width - len(row)) + "</tr>" for row in rows) + "</table>")
            rows = []
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    page = folder / f"{text_report.stem}.html"
    page.write_text('<!doctype html><meta charset="utf-8"><style>body{font-family:"Noto Serif CJK SC",serif;'
                    "font-size:11pt}table{border-collapse:collapse;width:100%;font-size:9pt}"
                    "td{border:1px solid #000;padding:2pt 3pt}td:first-child{min-width:9em}p{margin:2pt 0}</style>"
                    + "\n".join(body), encoding="utf-8")
    pdf = folder / "printed.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
    return pdf


@pytest.mark.slow
def test_a_pdf_printed_another_way_ingests_and_answers_like_its_text(tmp_path):
    """吴川 2024, whose tables are tab-separated, printed as ruled HTML tables: a PDF no code was
    written against. Its tables split over pages, the headers reprinted in part."""
    text = CORPUS / "001_74a583c33a317bb4.txt"
    pdf = _printed_by_chromium(text, tmp_path)
    readings = {}
    for source in (pdf, text):
        settings = load_settings().with_overrides(index_dir=tmp_path / source.suffix.strip("."))
        (summary,) = ingest([source], settings, build_steps=[write_chunks], progress=False).reports
        readings[source.suffix] = (summary, TableStore(settings.store_path), AnswerEngine(settings, dense=False))
    (printed, printed_store, printed_engine), (original, original_store, original_engine) = readings.values()
    assert printed.identity == original.identity and not printed.warnings
    assert (printed.tables, printed.rows, printed.audit_passed, printed.audit_checks) == (
        original.tables, original.rows, original.audit_passed, original.audit_checks) == (12, 195, 189, 189)

    def rows(store, name):
        return [(table.number, row.code, compact(row.name), row.values) for table in store.tables(name)
                for row in store.rows(table.id)]

    printed_rows, original_rows = rows(printed_store, "printed.pdf"), rows(original_store, text.name)
    assert [(t, code, values) for t, code, _, values in printed_rows] == [
        (t, code, values) for t, code, _, values in original_rows]
    renamed = [(a[2], b[2]) for a, b in zip(printed_rows, original_rows) if a[2] != b[2]]
    # what the lines of a wrapped 绩效目标 column still do: the end of one project's text read
    # into the next project's name (its own name stays at the end)
    assert len(renamed) <= 1 and all(pdf_name.endswith(name) for pdf_name, name in renamed)
    questions = [case["question"] for case in map(json.loads, (ROOT / "eval" / "questions.jsonl").open(encoding="utf-8"))
                 if "吴川" in case["question"] and not any(c in case["question"] for c in ("江门", "广州", "廉江"))]
    assert len(questions) >= 20
    for question in questions:
        a, b = printed_engine.ask(question), original_engine.ask(question)
        assert a.found == b.found, question
        assert [(f.value, f.table, compact(f.row or ""), f.column) for f in a.figures] == [
            (f.value, f.table, compact(f.row or ""), f.column) for f in b.figures], question


SYNTH_TOOL = ROOT.parent / "shared" / "tools" / "synth_corpus.py"


def _store_rows(store_path) -> dict[str, list[tuple]]:
    """Every row of every table of a store, in the order written."""
    with sqlite3.connect(store_path) as connection:
        return {table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in TABLES}


def test_a_pool_of_reading_processes_stores_exactly_what_one_process_stores(settings, tmp_path, monkeypatch):
    """The corpus, 16 synthetic reports and three files that cannot be read, ingested by one process
    and by a pool of two: the same summaries, refusals (each with its file's own reason), manifest
    and store rows, row for row."""
    if not SYNTH_TOOL.is_file():
        pytest.skip(f"{SYNTH_TOOL} is not on this machine")
    subprocess.run([sys.executable, str(SYNTH_TOOL), str(settings.corpus_dir), "16", "--corpus", str(CORPUS)],
                   check=True, capture_output=True, cwd=ROOT)
    (settings.corpus_dir / "answers.jsonl").unlink()
    (settings.corpus_dir / "empty.txt").write_bytes(b"")
    (settings.corpus_dir / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (settings.corpus_dir / "report.docx").write_bytes(b"PK\x03\x04")
    pools = []

    class CountedPool(reading.ProcessPoolExecutor):
        def __init__(self, workers, **options):
            pools.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr(reading, "ProcessPoolExecutor", CountedPool)
    results, builds = {}, {}
    for workers in (1, 2):
        local = settings.with_overrides(index_dir=tmp_path / f"index{workers}", parse_workers=workers)
        results[workers] = ingest([settings.corpus_dir], local, progress=False)
        builds[workers] = local.current_index.resolve()
    assert pools == [2]  # 24 files: the second ingest read them in a pool of two processes
    serial, pooled = results[1], results[2]
    assert len(serial.reports) == 21 and pooled.reports == serial.reports
    assert pooled.skipped == serial.skipped and len(serial.skipped) == 3
    reasons = dict(pooled.skipped)
    assert "为空" in reasons[str(settings.corpus_dir / "empty.txt")]
    assert "二进制" in reasons[str(settings.corpus_dir / "binary.txt")]
    assert "不支持的文件类型 .docx" in reasons[str(settings.corpus_dir / "report.docx")]
    assert _manifest(builds[2])["documents"] == _manifest(builds[1])["documents"]
    serial_rows, pooled_rows = _store_rows(builds[1] / "store.sqlite"), _store_rows(builds[2] / "store.sqlite")
    assert len(serial_rows["documents"]) == 21 and len(serial_rows["cells"]) > 10_000
    assert pooled_rows == serial_rows


def test_a_small_ingest_is_read_in_process_and_a_large_one_in_the_pool():
    assert reading.pool_size(reading.POOL_MIN_FILES - 1, 2) == 1  # starting the pool would cost more
    assert reading.pool_size(reading.POOL_MIN_FILES, 2) == 2
    assert reading.pool_size(500, 1) == 1 and reading.pool_size(500, 0) == 1


def test_a_parser_error_names_the_file_it_failed_on(settings, monkeypatch):
    def fails(document):
        raise IndexError("a parser bug")

    monkeypatch.setattr(reading, "parse_report", fails)
    with pytest.raises(IndexError) as raised:
        ingest([settings.corpus_dir], settings, progress=False)
    assert raised.value.__notes__ == [f"while reading {settings.corpus_dir / '000_30a6781b9aebb9ed.txt'}"]


def test_progress_written_to_a_log_is_plain_lines_with_the_rate(capsys):
    """stderr not a terminal (a log, a pipe; here pytest's capture): lines, no carriage returns."""
    from rag.progress import progress_bar

    assert list(progress_bar(range(3), total=3, what="解析报告", unit="份", shown=True)) == [0, 1, 2]
    printed = capsys.readouterr().err
    assert "\r" not in printed and printed.endswith("\n")
    last = printed.splitlines()[-1]
    assert last.startswith("解析报告: 100%") and "3/3" in last and "份/s" in last
    list(progress_bar(range(3), total=3, what="解析报告", unit="份", shown=False))
    assert capsys.readouterr().err == ""
