"""The Streamlit app, driven headless through streamlit.testing.v1.AppTest."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture
def app(full_index):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def texts(at: AppTest) -> str:
    return "\n".join(md.value for md in at.markdown).replace("\\", "")


def test_figure_question_shows_the_figure_and_its_table(app):
    ask(app, "江门医保局2024年三公经费多少")
    assert [m.value for m in app.metric] == ["17.56 万元"]
    assert "江门市医疗保障局2024年部门预算" in app.metric[0].label.replace("\\", "")
    labels = [e.label.replace("\\", "") for e in app.expander]
    assert any("表8" in label and "第769行" in label for label in labels)
    table = app.dataframe[0].value
    assert "“三公”经费" in list(table["项目"]) and "17.56" in list(table["合计"])
    assert "正文同样载明" in texts(app)


def test_follow_up_and_comparison_keep_the_history(app):
    ask(app, "江门医保局2024年三公经费多少")
    ask(app, "那吴川呢")
    assert [m.value for m in app.metric] == ["17.56 万元", "19.50 万元"]
    ask(app, "和广州比呢")
    assert [m.value for m in app.metric][2:] == ["19.50 万元", "85.72 万元", "-66.22 万元"]
    assert "差额" in texts(app) and any("年度不同" in w.value for w in app.warning)
    assert "沿用上一问：吴川、三公经费" in [c.value for c in app.caption]
    assert len(app.chat_message) == 6  # three questions, three answers, kept for this session


def test_a_carried_over_turn_can_be_asked_again_without_it(app):
    ask(app, "江门医保局2024年三公经费多少")
    ask(app, "公务接待费多少")
    assert "沿用上一问：江门、2024年" in [c.value for c in app.caption]
    app.button(key="fresh-1").click().run()
    assert not app.exception
    assert "未沿用上一问。" in [c.value for c in app.caption]
    assert len(app.metric) == 2 and "广州" in texts(app)  # now every report's 公务接待费


def test_a_refusal_under_a_filter_says_which_filter_hid_it(app):
    app.sidebar.multiselect(key="f_city").set_value(["江门"]).run()
    ask(app, "广州医保局2023年三公经费多少")
    assert any("筛选条件（城市：江门）排除了广州市医疗保障局2023年部门预算" in w.value for w in app.warning)


def test_unanswerable_question_says_so_and_lists_the_reports(app):
    ask(app, "深圳医保局2024年三公经费多少")
    body = " ".join(box.value for box in app.info).replace("\\", "")
    assert "没有深圳市医疗保障局的报告" in body and "目前收录的报告" in body
    assert not app.metric


def test_passage_is_quoted_with_its_section(app):
    ask(app, "江门医保局2023年整体支出绩效目标是什么")
    body = texts(app)
    assert "2023年预期达到的部门整体支出总体绩效目标" in body
    assert any("部门整体支出绩效目标情况" in e.label.replace("\\", "") for e in app.expander)


def test_bad_upload_gets_a_clear_message_and_the_index_is_untouched(app, full_index):
    before = full_index.current_index.resolve()
    app.file_uploader[0].set_value(("broken.txt", b"\x00\x01\x02\x03" * 64, "text/plain")).run()
    app.button(key="upload-go").click().run()
    assert not app.exception
    assert "二进制" in " ".join(e.value for e in app.error)
    assert full_index.current_index.resolve() == before


def test_example_question_buttons_ask_their_question(app):
    app.button(key="example-0").click().run()
    assert not app.exception
    assert [m.value for m in app.metric] == ["17.56 万元"]


def test_html_in_a_question_is_shown_as_text(app):
    ask(app, "<script>alert(1)</script>江门三公经费")
    assert any("\\<script\\>" in md.value for md in app.markdown)


def test_audit_page_lists_the_source_inconsistency(app):
    app.sidebar.radio(key="page").set_value("数字核对").run()
    assert not app.exception
    frames = [df.value for df in app.dataframe if "内容" in df.value.columns]
    assert any(frame["内容"].str.contains("5.07%").any() for frame in frames)


def test_the_upload_limit_is_the_setting_alone_and_replacing_asks_for_a_tick(tmp_path, monkeypatch):
    import tomllib

    server = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")).get("server", {})
    assert "maxUploadSize" not in server  # no second limit under RAG_MAX_UPLOAD_MB
    monkeypatch.setenv("RAG_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("RAG_MAX_UPLOAD_MB", "50")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    (uploader,) = at.get("file_uploader")
    assert uploader.proto.max_upload_size_mb == 50
    assert "每个文件不超过 50 MB" in "".join(str(h.proto) for h in at.get("html"))
    assert [c.label for c in at.checkbox] == ["替换同一单位、年度、类型的已收录报告（不能替换官方报告）"]
