"""The app's view helpers and upload handling (without Streamlit)."""
from __future__ import annotations

import pytest

from conftest import CORPUS
from rag.answer import AnswerEngine
from rag.chat import UploadError, add_upload, plain, styled, table_view
from rag.index import write_chunks
from rag.ingest import ingest
from rag.settings import load_settings


@pytest.fixture
def settings(tmp_path):
    settings = load_settings().with_overrides(index_dir=tmp_path / "index", max_upload_bytes=200_000)
    ingest([CORPUS], settings, build_steps=[write_chunks], progress=False)
    return settings


def test_plain_shows_markup_as_text():
    assert plain("<b>粗</b> **x** $1$ [a](b)") == "\\<b\\>粗\\</b\\> \\*\\*x\\*\\* \\$1\\$ \\[a\\]\\(b\\)"


def test_table_view_marks_the_cited_row_and_column(settings):
    engine = AnswerEngine(settings, dense=False)
    answer = engine.ask("江门医保局2024年三公经费多少")
    view = table_view(engine.store, answer.sources[0])
    assert view.title.startswith("表8 财政拨款安排的行政经费及“三公”经费预算表")
    assert view.frame.iloc[view.highlight_row]["项目"] == "“三公”经费" and view.cited_column == "合计"
    assert "17.56" in view.csv.decode("utf-8-sig")
    html = styled(view).to_html()
    assert "font-weight: bold" in html


def test_uploads_are_checked_before_they_reach_the_index(settings):
    before = settings.current_index.resolve()
    with pytest.raises(UploadError, match="不支持"):
        add_upload("a.exe", b"MZ", settings)
    with pytest.raises(UploadError, match="过大"):
        add_upload("big.txt", b"x" * 300_000, settings)
    result = add_upload("bad.txt", b"\x00\x01" * 100, settings, build_steps=[write_chunks])
    assert result.skipped and not result.changed
    assert settings.current_index.resolve() == before
    assert not (settings.index_dir / "uploads" / "bad.txt").exists()


def test_a_good_upload_joins_the_reports_already_indexed(settings):
    text = (CORPUS / "001_74a583c33a317bb4.txt").read_text(encoding="utf-8").replace("吴川", "化州")
    result = add_upload("huazhou.txt", text.encode("gb18030"), settings, build_steps=[write_chunks])
    assert result.changed and len(result.reports) == 6
    engine = AnswerEngine(settings, dense=False)
    answer = engine.ask("化州医保局2024年三公经费多少")
    assert answer.found and f"{answer.figures[0].value}" == "19.50" and answer.figures[0].doc == "huazhou.txt"


def test_reports_added_in_the_app_stay_after_a_plain_reingest(settings):
    text = (CORPUS / "001_74a583c33a317bb4.txt").read_text(encoding="utf-8").replace("吴川", "化州")
    add_upload("huazhou.txt", text.encode("utf-8"), settings, build_steps=[write_chunks])
    result = ingest(settings.default_sources, settings, build_steps=[write_chunks], progress=False)
    assert "huazhou.txt" in {r.name for r in result.reports} and not result.changed
