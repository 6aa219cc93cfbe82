"""Streamlit chat over the 医疗保障局 reports: python -m streamlit run app.py

Every answer comes from rag.answer.AnswerEngine, the same engine as `python -m rag ask`; rag.chat
holds what the page shows. Document text and questions are always rendered as text
(rag.chat.plain), never as HTML. Conversations and feedback are kept in index/app.sqlite.
"""
from __future__ import annotations

import html
import threading
import time
from functools import partial

import pandas as pd
import streamlit as st

from rag.answer import AnswerEngine
from rag.answer_types import comparison_caveat
from rag.chat import (
    EXAMPLE_QUESTIONS, ReportFilter, Turn, answer_chart, ask_turn, audit_frame,
    audit_summary, conversation_markdown, headline, passage_markdown, passage_view, plain,
    previous_question, readable, report_excerpt, report_overview, source_label, styled, table_view, turn_from_record,
    turn_record, unique_sources,
)
from rag.history import ChatHistory, history_path
from rag.index import build_search_indexes
from rag.models import identity_warning
from rag.ingest import IngestBusy
from rag.settings import load_settings
from rag.servers import has_store, read_store
from rag.uploads import UploadError, add_upload

st.set_page_config(page_title="医保局预决算问答", page_icon="📊", layout="wide")
SETTINGS = load_settings()
# One upload limit: RAG_MAX_UPLOAD_MB, for the widget and for add_upload alike (the widget's limit
# overrides server.maxUploadSize, which .streamlit/config.toml leaves at Streamlit's 200 MB).
MAX_UPLOAD_MB = max(1, SETTINGS.max_upload_bytes // 1024 // 1024)
# Streamlit's own widget texts that no parameter sets, replaced in Chinese; the running icon hidden
# (the answer bubble shows its own status).
PAGE_STYLE = f"""<style>
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{
  content: "每个文件不超过 {MAX_UPLOAD_MB} MB（.txt / .md / .pdf）"; font-size: 0.8rem; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button > div::after {{ content: "选择文件"; }}
[data-testid="stStatusWidget"] {{ visibility: hidden; }}
[data-testid="stSkipToContent"] {{ font-size: 0; }}
[data-testid="stSkipToContent"]::after {{ content: "跳到正文"; font-size: 1rem; }}
mark {{ background: #fff3b0; padding: 0 2px; }}
.copy-answer {{ font: inherit; font-size: 0.9rem; padding: 0.25rem 0.75rem; border-radius: 0.5rem; cursor: pointer;
  border: 1px solid rgba(49, 51, 63, 0.2); background: white; }}
.report-text {{ font-family: monospace; white-space: pre-wrap; font-size: 0.85rem; }}
.report-text .cited {{ background: #fff3b0; font-weight: bold; }}
</style>"""

# st.html drops inline handlers (onclick); a script run where it is inserted wires the button before it.
COPY_SCRIPT = """<script>(() => {
  const button = document.currentScript.previousElementSibling;
  button.addEventListener("click", () => navigator.clipboard.writeText(button.dataset.text).then(
    () => { button.textContent = "已复制"; }, () => { button.textContent = "复制失败，请手动选择文字"; }));
})();</script>"""


@st.cache_resource(show_spinner="正在载入报告索引…")
def load_engine(build: str) -> AnswerEngine:
    """One engine per index build, shared by every browser session (its ask() is thread-safe).
    The embedding model loads in a background thread from the start, so that the first passage
    question finds it loaded or loading."""
    engine = AnswerEngine(SETTINGS, dense=True)
    import altair  # noqa: F401  # what the first answer draws with, imported before the warm-up
    import pyarrow  # noqa: F401  # thread takes the import lock for torch

    threading.Thread(target=warm_up, args=(engine,), daemon=True, name="warm-up").start()
    return engine


def warm_up(engine: AnswerEngine) -> None:
    """Load the embedding model. A server stopped meanwhile ends the interpreter under the thread's
    imports: that is not a failure to report. Any other failure is (the first passage question
    meets it again and says what to do)."""
    try:
        engine.warm_up()
    except Exception:
        if not server_stopping():
            raise


def server_stopping() -> bool:
    from streamlit.runtime import Runtime, RuntimeState

    return not Runtime.exists() or Runtime.instance().state in (RuntimeState.STOPPING, RuntimeState.STOPPED)


@st.cache_resource
def load_history() -> ChatHistory:
    return ChatHistory(history_path(SETTINGS.index_dir))


@st.cache_resource
def load_phraser():
    from rag.llm import LLMPhraser

    return LLMPhraser.from_settings(SETTINGS)


def current_engine() -> AnswerEngine | None:
    link = SETTINGS.current_index
    if not has_store(link):
        return None
    return load_engine(str(link.resolve()))


# ------------------------------------------------------------------ the conversation in this session
def conversation_turns() -> list[Turn]:
    """This session's turns; after a reload or a restart, the conversation named in the address."""
    if "turns" not in st.session_state:
        conversation = st.query_params.get("c")
        history = load_history()
        if conversation and history.exists(conversation):
            st.session_state.conversation = conversation
            st.session_state.turns = [turn_from_record(r) for r in history.turns(conversation)]
        else:
            st.session_state.conversation, st.session_state.turns = None, []
    return st.session_state.turns


def save_turn(position: int, turn: Turn) -> None:
    history = load_history()
    if st.session_state.get("conversation") is None:
        st.session_state.conversation = history.new_conversation(turn.question)
        st.query_params["c"] = st.session_state.conversation
    history.save_turn(st.session_state.conversation, position, turn_record(turn))


def new_conversation() -> None:
    st.session_state.turns, st.session_state.conversation = [], None
    st.query_params.clear()


def open_conversation(conversation: str) -> None:
    st.session_state.pop("turns", None)
    st.query_params.clear()
    st.query_params["c"] = conversation


def ask_example(example: str) -> None:
    st.session_state.pending = example


def ask_again_fresh(engine: AnswerEngine, position: int, report_filter: ReportFilter) -> None:
    """The 不沿用上一问 button: the same question, asked without the previous one."""
    turns = st.session_state.turns
    turns[position] = ask_turn(engine, turns[position].question, None, report_filter, fresh=True)
    save_turn(position, turns[position])


def save_feedback(position: int) -> None:
    turn, conversation = st.session_state.turns[position], st.session_state.conversation
    rating = st.session_state.get(f"rating-{conversation}-{position}")
    if rating is None or conversation is None:
        return
    comment = st.session_state.get(f"comment-{conversation}-{position}", "")
    load_history().set_feedback(conversation, position, rating, comment, turn.question, turn.answer.answer)


# ------------------------------------------------------------------ answer rendering
def render_turn(turn: Turn, position: int, engine: AnswerEngine, report_filter: ReportFilter) -> None:
    answer, documents = turn.answer, {d.name: d for d in engine.documents}
    metrics = headline(answer, documents)
    for column, metric in zip(st.columns(len(metrics)) if metrics else [], metrics):
        column.metric(label=plain(metric.label), value=metric.value)
    view = passage_view(answer, documents)
    caveat = comparison_caveat(answer, documents)  # the engine writes it last; shown as a warning here
    if not answer.found:
        st.info(plain(turn.shown_answer(documents)), icon="ℹ️")
    elif view is not None:
        st.markdown(passage_markdown(view), unsafe_allow_html=True)
    else:
        st.markdown(plain(readable(answer.answer.replace(f"\n{caveat}", "") if caveat else answer.answer, documents)))
    for note in ([caveat] if caveat else []) + turn.notes:
        st.warning(plain(note), icon="⚠️")
    if turn.carried:
        left, right = st.columns([3, 1])
        left.caption(plain(f"沿用上一问：{'、'.join(turn.carried)}"))
        right.button("不沿用，重新回答", key=f"fresh-{position}", on_click=ask_again_fresh,
                     args=(engine, position, report_filter))
    elif turn.fresh:
        st.caption("未沿用上一问。")
    chart = answer_chart(answer, documents)
    if chart is not None:
        st.altair_chart(chart, width="stretch")
    sources = unique_sources(answer.sources)[:4]
    for number, source in enumerate(sources, start=1):
        render_source(source, engine, f"{position}-{number}", expanded=number == 1 and bool(answer.figures))
    render_actions(turn, position, documents)


def render_source(source, engine: AnswerEngine, key: str, expanded: bool) -> None:
    with st.expander(plain(f"来源：{source_label(source)}"), expanded=expanded):
        link = f"?doc={source.doc}&line={source.line}"
        view = table_view(engine.store, source)
        if view is None:
            if source.section:
                st.caption(plain(f"{source.section}（第{source.line}–{source.line_end or source.line}行）"))
            st.markdown(plain(f"“{source.text}”"))
        else:
            cited = view.frame.iloc[view.highlight_row] if view.highlight_row is not None else None
            if cited is not None and view.cited_column in view.frame.columns:
                st.markdown(plain(f"所引：「{cited['项目']}」行，「{view.cited_column}」列：{cited[view.cited_column]}"))
            shown = view if st.session_state.get(f"whole-{key}") else view.excerpt()
            part = f"，{shown.shown_lines()}，共{len(view.frame)}行" if len(shown.frame) < len(view.frame) else ""
            st.caption(plain(f"{view.title}{part}：黄色为所引的行{f'，加粗为所引的列' if view.cited_column else ''}"))
            pinned = {"项目": st.column_config.TextColumn(pinned=True)}
            if view.cited_column:
                pinned[view.cited_column] = st.column_config.TextColumn(pinned=True)
            st.dataframe(styled(shown), hide_index=True, width="stretch", column_config=pinned)
            if len(view.frame) > len(view.excerpt().frame):
                st.toggle(f"显示全表（{len(view.frame)}行）", key=f"whole-{key}")
            st.download_button("下载此表 CSV", view.csv, file_name=view.file_name, mime="text/csv", key=f"csv-{key}")
        st.markdown(f"[在报告原文中查看第{source.line}行]({link})")


def render_actions(turn: Turn, position: int, documents) -> None:
    conversation = st.session_state.get("conversation")
    copy, rate = st.columns([1, 3])
    with copy:
        text = html.escape(turn.shown_answer(documents), quote=True)
        st.html(f'<button class="copy-answer" data-text="{text}">复制答案</button>{COPY_SCRIPT}',
                unsafe_allow_javascript=True)
    if conversation is None:
        return
    saved = load_history().feedback(conversation).get(position)
    with rate:
        st.feedback("thumbs", key=f"rating-{conversation}-{position}", default=saved.rating if saved else None,
                    on_change=save_feedback, args=(position,))
        if st.session_state.get(f"rating-{conversation}-{position}") is not None:
            st.text_input("补充意见（可选）", key=f"comment-{conversation}-{position}", value=saved.comment if saved else "",
                          placeholder="哪里不对，或者还想知道什么", on_change=save_feedback, args=(position,))
            if saved:
                st.caption("已记录您的评价和意见，谢谢。" if saved.comment else "已记录您的评价，谢谢。")


# ------------------------------------------------------------------ pages
def sidebar(engine: AnswerEngine | None) -> ReportFilter:
    st.sidebar.title("医保局预决算问答")
    page = st.sidebar.radio("页面", ["问答", "数字核对"], horizontal=True, key="page")
    report_filter = ReportFilter()
    if engine is not None:
        documents = engine.documents
        st.sidebar.subheader("筛选报告")
        cities = st.sidebar.multiselect("城市", sorted({d.city for d in documents if d.city}), key="f_city",
                                        placeholder="全部城市", select_all=False)
        years = st.sidebar.multiselect("年度", sorted({d.year for d in documents if d.year}), key="f_year",
                                       placeholder="全部年度", select_all=False, format_func=lambda y: f"{y}年")
        kinds = st.sidebar.multiselect("类型", sorted({d.kind for d in documents if d.kind}), key="f_kind",
                                       placeholder="全部类型", select_all=False)
        report_filter = ReportFilter(tuple(cities), tuple(years), tuple(kinds))
        st.sidebar.button("开始新对话", key="clear", on_click=new_conversation)
        if st.session_state.get("turns"):  # the empty page shows them as cards
            with st.sidebar.expander("示例问题"):
                for number, example in enumerate(EXAMPLE_QUESTIONS):
                    st.button(example, key=f"side-example-{number}", on_click=ask_example, args=(example,))
        past = [c for c in load_history().conversations(8) if c.id != st.session_state.get("conversation")]
        if past:
            with st.sidebar.expander("历史对话"):
                for item in past:
                    st.button(plain(f"{item.title}（{item.turns} 问）"), key=f"open-{item.id}",
                              on_click=open_conversation, args=(item.id,))
        st.sidebar.subheader("已收录的报告")
        overview = report_overview(engine.store)
        if "提示" in overview:
            st.sidebar.warning(plain(f"{(overview['提示'] != '').sum()} 份报告未能识别单位、年度或类型，"
                                     "按城市、年度、类型提问时找不到它们（见下表“提示”列）。"))
        st.sidebar.dataframe(overview, hide_index=True)
    upload_panel()
    if SETTINGS.llm_base_url and SETTINGS.llm_model:
        st.sidebar.toggle("用大模型改写答案（数字须与原文一致）", key="use_llm")
    about(engine)
    st.session_state.current_page = page
    return report_filter


def about(engine: AnswerEngine | None) -> None:
    with st.sidebar.expander("关于", expanded=False):
        st.caption(plain(f"嵌入模型：{SETTINGS.embedding_model}（设置 RAG_EMBEDDING_MODEL）"))
        llm = f"{SETTINGS.llm_model}（{SETTINGS.llm_base_url}）" if SETTINGS.llm_base_url and SETTINGS.llm_model \
            else "关闭（设置 RAG_LLM_BASE_URL、RAG_LLM_MODEL 开启；答案为原文摘录）"
        st.caption(plain(f"大模型改写：{llm}"))
        st.caption(plain(f"上传上限：{MAX_UPLOAD_MB} MB（RAG_MAX_UPLOAD_MB）；索引：{SETTINGS.index_dir}"))
        if engine is not None:
            st.caption(plain(f"当前索引：{engine.index_dir.name}"))
            st.caption(plain("；".join(f"{d.title}：{d.name}" for d in engine.documents)))


def upload_panel() -> None:
    with st.sidebar.expander("上传报告（.txt / .md / .pdf）"):
        uploaded = st.file_uploader("选择文件", type=["txt", "md", "pdf"], key="upload", max_upload_size=MAX_UPLOAD_MB)
        st.checkbox("替换同一单位、年度、类型的已收录报告（不能替换官方报告）", key="upload-replace")
        if uploaded is None or not st.button("加入索引", key="upload-go"):
            return
        bar = st.progress(0.0, text="准备中…")

        def show(what: str, done: float) -> None:
            bar.progress(done, text=what)

        try:
            added = add_upload(uploaded.name, uploaded.getvalue(), SETTINGS, on_progress=show,
                               build_steps=[partial(build_search_indexes, on_progress=show)],
                               replace=st.session_state.get("upload-replace", False))
        except (UploadError, IngestBusy) as error:
            st.error(plain(f"未加入：{error}。现有索引未改变。"))
            return
        if added.problem:
            st.error(plain(f"未加入：{added.problem}。现有索引未改变。"))
            return
        summary = added.summary
        if summary is None:
            st.info(plain(f"{uploaded.name} 已收录，内容未变。"))
            return
        store = read_store(SETTINGS.current_index.resolve(), SETTINGS)
        checks = audit_summary(store.audit_findings(added.name))
        store.close()
        replaced = f"，替换了 {summary.provenance.replaces}" if summary.provenance.replaces else ""
        if not summary.identity.complete:
            st.warning(plain(f"已加入 {uploaded.name}（{added.name}，标为上传的报告{replaced}），"
                             f"但{identity_warning(summary.identity.missing)}"))
        else:
            st.success(plain(f"已加入：{summary.identity.title}（{added.name}，标为上传的报告{replaced}），"
                             f"表格 {summary.tables} 张，{checks}"))


def chat_page(engine: AnswerEngine, report_filter: ReportFilter) -> None:
    st.header("问问医保局的预算、决算和绩效报告")
    st.caption("数字只取自报告原表与原文，并标出处：报告、表号与表名、行、列、行号。")
    turns = conversation_turns()
    if not turns:
        st.subheader("可以这样问")
        columns = st.columns(3)
        for number, example in enumerate(EXAMPLE_QUESTIONS):
            if columns[number % 3].button(example, key=f"example-{number}", width="stretch"):
                st.session_state.pending = example
    for position, turn in enumerate(turns):
        with st.chat_message("user"):
            st.markdown(plain(turn.question))
        with st.chat_message("assistant"):
            render_turn(turn, position, engine, report_filter)
    question = st.chat_input("输入问题，例如：江门医保局2024年三公经费多少")
    question = question or st.session_state.pop("pending", None)
    if question:
        answer_new_question(engine, question, turns, report_filter)
    if turns:  # below the last answer, the new one included
        documents = {d.name: d for d in engine.documents}
        st.download_button("导出对话（Markdown，含来源）", conversation_markdown(turns, documents).encode("utf-8"),
                           file_name="对话记录.md", mime="text/markdown", key="export")


def answer_new_question(engine: AnswerEngine, question: str, turns: list[Turn], report_filter: ReportFilter) -> None:
    with st.chat_message("user"):
        st.markdown(plain(question))
    with st.chat_message("assistant"):
        status = st.empty()
        with status.status("正在查找…", expanded=False):
            started = time.perf_counter()
            turn = ask_turn(engine, question, previous_question(turns), report_filter)
            if st.session_state.get("use_llm"):
                turn.answer = load_phraser().rephrase(turn.answer)
        status.empty()
        turns.append(turn)
        save_turn(len(turns) - 1, turn)
        render_turn(turn, len(turns) - 1, engine, report_filter)
        st.caption(f"用时 {time.perf_counter() - started:.1f} 秒")


def report_page(engine: AnswerEngine, doc: str, line: int) -> None:
    """The report text around a cited line, opened from a citation link."""
    excerpt = report_excerpt(engine.store, doc, line, around=15)
    st.header(plain(excerpt.title))
    st.caption(plain(f"{excerpt.doc} 第{max(1, line - 15)}–{line + 15}行，所引为第{line}行"))
    if excerpt.problem:
        st.warning(plain(excerpt.problem))
    rows = "".join(f'<div class="{"cited" if n == line else ""}">{n:>5}  {html.escape(text)}</div>'
                   for n, text in excerpt.lines)
    st.html(f'<div class="report-text">{rows}</div>')
    conversation = st.session_state.get("conversation") or st.query_params.get("c")
    st.markdown(f"[返回问答](?c={conversation})" if conversation else "[返回问答](?)")


def audit_page(engine: AnswerEngine) -> None:
    st.header("数字核对")
    st.caption("按报告核对：上级项目与下级之和、合计与各项之和、合计列与各列之和、三公经费与其三项、正文数字与表格、"
               "正文增减与百分比、正文总数与所列分项。每项差额在 0.01×项数以内视为四舍五入。点选一行可看原文上下文。")
    only_failed = st.toggle("只看不一致的", value=True, key="only-failed")
    for document in engine.documents:
        findings = engine.store.audit_findings(document.name)
        frame = audit_frame(engine.store, document.name, only_failed)
        with st.expander(plain(f"{document.title}：{audit_summary(findings)}"), expanded=not frame.empty):
            if frame.empty:
                st.write("没有不一致之处。" if only_failed else "没有可核对的数字。")
                continue
            picked = st.dataframe(
                frame, hide_index=True, width="stretch", on_select="rerun", selection_mode="single-row",
                key=f"audit-{document.name}",
                column_config={"内容": st.column_config.TextColumn(width="large"),
                               "原文": st.column_config.TextColumn(width="large"),
                               "所列": st.column_config.NumberColumn(format="%.2f"),
                               "计算/对照": st.column_config.NumberColumn(format="%.2f"),
                               "差": st.column_config.NumberColumn(format="%.2f")})
            rows = picked.selection.rows
            line = frame.iloc[rows[0]]["行"] if rows else pd.NA
            if not pd.isna(line):
                excerpt = report_excerpt(engine.store, document.name, int(line), around=4)
                st.code("\n".join(f"{'▶' if n == excerpt.cited else ' '}{n:>5}  {text}" for n, text in excerpt.lines),
                        language=None)


def main() -> None:
    st.html(PAGE_STYLE)
    engine = current_engine()
    conversation_turns()  # before the sidebar, which offers examples once a conversation has turns
    report_filter = sidebar(engine)
    if engine is None:
        st.warning("还没有索引。请先在终端运行 python -m rag ingest，或在左侧上传报告。")
        return
    doc, line = st.query_params.get("doc"), st.query_params.get("line")
    if doc and line and line.isdigit() and engine.store.document(doc) is not None:
        report_page(engine, doc, int(line))
    elif st.session_state.current_page == "数字核对":
        audit_page(engine)
    else:
        chat_page(engine, report_filter)


main()
