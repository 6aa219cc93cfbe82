from __future__ import annotations

import shutil
from decimal import Decimal

import pytest

from conftest import CORPUS, shared_pdf
from rag.ingest import ingest
from rag.settings import load_settings
from rag.store import TableStore


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


def test_reingest_changes_nothing_and_a_new_file_rebuilds(settings):
    first = ingest([settings.corpus_dir], settings, progress=False)
    target = settings.current_index.resolve()
    second = ingest([settings.corpus_dir], settings, progress=False)
    assert not second.changed and settings.current_index.resolve() == target
    (settings.corpus_dir / "extra.txt").write_text("2025年某市医疗保障局部门预算\n第一部分 概况\n", encoding="utf-8")
    third = ingest([settings.corpus_dir], settings, progress=False)
    assert third.changed and len(third.reports) == len(first.reports) + 1
    extra = next(r for r in third.reports if r.name == "extra.txt")
    assert not extra.identity.complete and extra.warnings  # indexed, and says it could not tell


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

    def dies(build_dir, _settings):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([settings.corpus_dir], settings, build_steps=[dies], progress=False)
    assert settings.current_index.resolve() == before
    assert len(TableStore(settings.store_path).documents()) == 5
    assert [p for p in (settings.index_dir / "builds").iterdir()] == [before]


def test_a_text_pdf_ingests_like_its_text_and_says_how_each_table_was_read(tmp_path):
    settings = load_settings().with_overrides(index_dir=tmp_path / "index")
    (summary,) = ingest([shared_pdf("004_text.pdf")], settings, progress=False).reports
    assert summary.identity.title == "广州市医疗保障局2023年部门预算" and not summary.warnings
    assert (summary.tables, summary.rows, summary.audit_passed, summary.audit_checks) == (12, 263, 274, 274)
    assert summary.notes == ["表格读取：按文字行 表1、2、3、4、5、6、7、8、9、10、11；按PDF表格线 表12"]
    store = TableStore(settings.store_path)
    assert [t.source for t in store.tables("004_text.pdf")] == ["lines"] * 11 + ["ruled"]
    assert store.document("004_text.pdf").ocr_lines == ()
