"""The app's view helpers and upload handling (without Streamlit)."""
from __future__ import annotations

import pytest

from conftest import CORPUS
from rag.answer import AnswerEngine
from rag.answer_types import comparison_caveat
from rag.chat import (
    ReportFilter, answer_chart, ask_turn, audit_frame, conversation_markdown,
    headline, passage_markdown, passage_view, plain, previous_question, readable, report_excerpt, report_overview,
    TABLE_ROWS_SHOWN, styled, table_view, turn_from_record, turn_record, unique_sources,
)
from rag.history import ChatHistory, history_path
from rag.index import write_chunks
from rag.ingest import ingest
from rag.settings import load_settings
from rag.uploads import UploadError, add_upload


@pytest.fixture
def settings(tmp_path):
    settings = load_settings().with_overrides(index_dir=tmp_path / "index", max_upload_bytes=200_000)
    ingest([CORPUS], settings, build_steps=[write_chunks], progress=False)
    return settings


@pytest.fixture
def engine(settings):
    return AnswerEngine(settings, dense=False)


def converse(engine, questions, report_filter=ReportFilter()):
    turns = []
    for text in questions:
        turns.append(ask_turn(engine, text, previous_question(turns), report_filter))
    return turns


def test_the_conversation_of_the_issue_stays_right_at_every_turn(engine):
    refused, share, running, offices, jiangmen, ranking, wuchuan, guangzhou = converse(engine, [
        "深圳医保局2024年预算多少", "吴川医保局2024年公务接待费占三公经费的比例", "江门医保局2024年机关运行经费多少",
        "广州医保局有哪些内设处室", "江门医保局2024年三公经费多少", "哪个城市三公经费最多", "那吴川呢", "和广州比呢"])
    assert not refused.answer.found and "深圳" in refused.answer.answer
    assert share.answer.found and "7.69%" in share.answer.answer and share.carried == []
    assert "411,608.64" not in offices.answer.answer and not offices.answer.figures and offices.carried == []
    assert {f.doc_title for f in ranking.answer.figures} >= {"江门市医疗保障局2024年部门预算", "广州市医疗保障局2023年部门预算",
                                                           "广东省吴川市医疗保障局2024年部门预算"}
    assert ranking.carried == []
    assert [f"{f.value}" for f in wuchuan.answer.figures] == ["19.50"] and wuchuan.carried == ["三公经费"]
    assert [f"{f.value}" for f in guangzhou.answer.figures] == ["19.50", "85.72"]
    assert guangzhou.carried == ["吴川", "三公经费"]


def test_a_follow_up_after_a_refusal_builds_on_the_last_answered_question(engine):
    first, refused, follow_up = converse(engine, ["江门医保局2024年三公经费多少", "深圳医保局2024年三公经费多少", "那吴川呢"])
    assert not refused.answer.found
    assert follow_up.carried == ["2024年", "三公经费"] and f"{follow_up.answer.figures[0].value}" == "19.50"


def test_asking_again_without_carry_over(engine):
    first = ask_turn(engine, "江门医保局2024年三公经费多少", None)
    again = ask_turn(engine, "公务接待费多少", first.answer.understood, fresh=True)
    assert again.fresh and again.carried == []
    assert {f.doc for f in again.answer.figures} != {f.doc for f in first.answer.figures}


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


def test_a_long_table_shows_the_rows_around_the_cited_one(settings):
    engine = AnswerEngine(settings, dense=False)
    answer = engine.ask("广州医保局2023年办公费多少")
    view = table_view(engine.store, answer.sources[0])
    shown = view.excerpt()
    assert len(view.frame) > len(shown.frame) == TABLE_ROWS_SHOWN
    assert shown.frame.iloc[shown.highlight_row]["项目"] == "办公费" == view.frame.iloc[view.highlight_row]["项目"]
    assert 0 < shown.highlight_row < TABLE_ROWS_SHOWN - 1  # rows above and below it
    assert shown.shown_lines() == f"第{shown.frame['行'].iloc[0]}–{shown.frame['行'].iloc[-1]}行"
    short = table_view(engine.store, engine.ask("江门医保局2024年三公经费多少").sources[0])
    assert short.excerpt(rows=len(short.frame)) is short


def test_chart_titles_and_labels_name_reports_in_short(engine):
    chart = answer_chart(engine.ask("哪个城市三公经费最多"), documents(engine)).to_dict()
    assert [row["项目"] for row in next(iter(chart["datasets"].values()))] == [
        "广州2023预算", "吴川2024预算", "江门2024预算", "廉江2023决算"]
    parts = answer_chart(engine.ask("江门医保局2024年三公经费多少"), documents(engine)).to_dict()
    assert parts["title"].startswith("江门2024预算 ")


def test_uploads_are_checked_before_they_reach_the_index(settings):
    before = settings.current_index.resolve()
    with pytest.raises(UploadError, match="不支持"):
        add_upload("a.exe", b"MZ", settings)
    with pytest.raises(UploadError, match="过大"):
        add_upload("big.txt", b"x" * 300_000, settings)
    added = add_upload("bad.txt", b"\x00\x01" * 100, settings, build_steps=[write_chunks])
    assert "二进制" in added.problem and not added.result.changed
    assert settings.current_index.resolve() == before
    assert not (settings.index_dir / "uploads" / "bad.txt").exists()


def test_a_good_upload_joins_the_reports_already_indexed(settings):
    text = (CORPUS / "001_74a583c33a317bb4.txt").read_text(encoding="utf-8").replace("吴川", "化州")
    added = add_upload("huazhou.txt", text.encode("gb18030"), settings, build_steps=[write_chunks])
    assert added.result.changed and added.result.held == 6 and added.summary.provenance.uploaded
    engine = AnswerEngine(settings, dense=False)
    answer = engine.ask("化州医保局2024年三公经费多少")
    assert answer.found and f"{answer.figures[0].value}" == "19.50" and answer.figures[0].doc == "huazhou.txt"
    assert answer.figures[0].to_json()["origin"] == "upload" and "来自上传的报告 广东省化州市医疗保障局2024年部门预算" in answer.answer
    official = engine.ask("吴川医保局2024年三公经费多少")
    assert official.figures[0].origin == "corpus" and "上传" not in official.answer


def test_reports_added_in_the_app_stay_after_a_plain_reingest(settings):
    text = (CORPUS / "001_74a583c33a317bb4.txt").read_text(encoding="utf-8").replace("吴川", "化州")
    add_upload("huazhou.txt", text.encode("utf-8"), settings, build_steps=[write_chunks])
    result = ingest(settings.default_sources, settings, build_steps=[write_chunks], progress=False)
    assert "huazhou.txt" in result.kept and not result.changed


def documents(engine):
    return {d.name: d for d in engine.documents}


def test_a_comparison_shows_both_sides_the_difference_and_a_caveat_when_years_differ(engine):
    _, guangzhou = converse(engine, ["吴川医保局2024年三公经费多少", "和广州比呢"])
    docs = documents(engine)
    assert [(m.label, m.value) for m in headline(guangzhou.answer, docs)] == [
        ("吴川2024预算", "19.50 万元"), ("广州2023预算", "85.72 万元"), ("差额（吴川2024预算 − 广州2023预算）", "-66.22 万元")]
    assert "年度不同（吴川2024预算、广州2023预算）" in comparison_caveat(guangzhou.answer, docs)
    data = answer_chart(guangzhou.answer, docs).to_dict()
    assert [row["项目"] for row in next(iter(data["datasets"].values()))] == ["吴川2024预算", "广州2023预算"]
    assert any(layer["mark"]["type"] == "text" for layer in data["layer"])  # value labels


def test_same_year_comparisons_have_no_caveat_and_budget_against_final_is_labelled_by_column(engine):
    docs = documents(engine)
    same = engine.ask("江门和吴川2024年三公经费对比")
    assert comparison_caveat(same, docs) is None
    versus = engine.ask("廉江2023年三公经费预算和决算对比")
    assert [m.label for m in headline(versus, docs)] == ["预算数", "决算数", "差额（预算数 − 决算数）"]


def test_a_share_is_headlined_as_its_percentage(engine):
    answer = engine.ask("吴川医保局2024年公务接待费占三公经费的比例")
    assert [m.value for m in headline(answer, documents(engine))] == ["7.69%"]


def test_a_passage_reads_as_its_numbered_points_with_the_answer_marked(engine):
    answer = engine.ask("江门医保局2023年整体支出绩效目标是什么")
    view = passage_view(answer, documents(engine))
    assert "（第130–" in view.heading and ".txt" not in view.heading
    assert [point[0][0][:2] for point in view.points[1:]] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    marked = [text for point in view.points for text, is_marked in point if is_marked]
    assert len(marked) == 1 and marked[0].startswith("2023年预期达到的部门整体支出总体绩效目标")
    markdown = passage_markdown(view)
    assert markdown.count("\n- ") == 7 and "<mark>2023年预期达到的部门整体支出总体绩效目标" in markdown


def test_sources_are_one_per_section(engine):
    answer = engine.ask("江门医保局2023年整体支出绩效存在哪些问题")
    sections = [(s.doc, s.section) for s in unique_sources(answer.sources)]
    assert len(sections) == len(set(sections)) < len(answer.sources)


def test_answers_name_reports_by_title_not_by_file(engine):
    answer = engine.ask("江门医保局2024年三公经费多少")
    text = readable(answer.answer, documents(engine))
    assert "000_30a6781b9aebb9ed.txt" in answer.answer and ".txt" not in text and "第769行" in text


def test_a_refusal_under_a_filter_names_the_filter_and_what_it_hid(engine):
    turn = ask_turn(engine, "广州医保局2023年三公经费多少", None, ReportFilter(cities=("江门",)))
    assert not turn.answer.found
    assert turn.notes == ["筛选条件（城市：江门）排除了广州市医疗保障局2023年部门预算，答案在其中；清除左侧的筛选即可看到。"]
    unanswerable = ask_turn(engine, "深圳医保局2024年三公经费多少", None, ReportFilter(years=(2024,)))
    assert unanswerable.notes == ["筛选条件（年度：2024年）之外的报告中也没有找到答案。"]
    assert turn.shown_answer(documents(engine)).startswith("在筛选范围内（城市：江门）：这些报告中没有广州")
    assert turn_from_record(turn_record(turn)).scope == "城市：江门"
    unfiltered = ask_turn(engine, "深圳医保局2024年三公经费多少", None)
    assert not unfiltered.scope and unfiltered.shown_answer(documents(engine)).startswith("这些报告中没有深圳")


def test_the_audit_frame_is_typed_and_quotes_the_line_of_each_finding(engine):
    frame = audit_frame(engine.store, "000_30a6781b9aebb9ed.txt", only_failed=False)
    assert str(frame["表"].dtype) == "Int64" and str(frame["所列"].dtype) == "float64"
    assert frame["表"].isna().any() and frame["表"].notna().any()  # prose checks have no table
    odd = frame[frame["结果"] == "不一致"].iloc[0]
    assert "5.07%" in odd["内容"] and "下降5.07%" in odd["原文"]
    import pyarrow as pa
    pa.Table.from_pandas(frame)  # what st.dataframe does: no ArrowInvalid


def test_the_report_overview_counts_every_check_the_audit_page_shows(engine):
    overview = report_overview(engine.store).set_index("单位")
    findings = engine.store.audit_findings("000_30a6781b9aebb9ed.txt")
    row = overview.loc["江门市医疗保障局"].iloc[0]
    assert row["核对"] == f"核对 {len(findings)} 项，{len(findings) - 1} 项一致，1 处不一致"


def test_the_report_text_around_a_cited_line(engine):
    excerpt = report_excerpt(engine.store, "000_30a6781b9aebb9ed.txt", 769, around=2)
    assert excerpt.problem is None and excerpt.cited == 769
    assert dict(excerpt.lines)[769].startswith("“三公”经费 17.56")


def test_turns_and_feedback_are_kept_in_sqlite_beside_the_index(engine, settings):
    turns = converse(engine, ["吴川医保局2024年三公经费多少", "和广州比呢"])
    path = history_path(settings.index_dir)
    assert path.parent == settings.index_dir and "builds" not in str(path)
    history = ChatHistory(path)
    conversation = history.new_conversation(turns[0].question)
    for position, turn in enumerate(turns):
        history.save_turn(conversation, position, turn_record(turn))
    history.set_feedback(conversation, 1, 1, "  很清楚 ", turns[1].question, turns[1].answer.answer)
    reopened = ChatHistory(path)  # as after a restart
    restored = [turn_from_record(r) for r in reopened.turns(conversation)]
    assert [t.question for t in restored] == ["吴川医保局2024年三公经费多少", "和广州比呢"]
    assert restored[1].carried == ["吴川", "三公经费"] and restored[1].answer.figures[1].value == turns[1].answer.figures[1].value
    assert previous_question(restored).cities == ["吴川", "广州"]
    assert reopened.feedback(conversation)[1].comment == "很清楚" and reopened.feedback(conversation)[1].rating == 1
    assert [c.title for c in reopened.conversations()] == ["吴川医保局2024年三公经费多少"]


def test_a_conversation_exports_as_markdown_with_its_sources(engine):
    turns = converse(engine, ["吴川医保局2024年三公经费多少", "和广州比呢"])
    markdown = conversation_markdown(turns, documents(engine))
    assert "## 2. 和广州比呢" in markdown and "（沿用上一问：吴川、三公经费）" in markdown
    assert "- 广州市医疗保障局2023年部门预算 · 表7 · 004_7bda8749b22d307a.txt 第415行" in markdown
