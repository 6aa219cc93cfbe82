"""Streamlit chat over the 医疗保障局 reports: python -m streamlit run app.py

Every answer comes from rag.answer.AnswerEngine, the same engine as `python -m rag ask`.
Document text and questions are always rendered as text (rag.chat.plain), never as HTML.
"""
from __future__ import annotations

import os
import threading
import time
from functools import partial

import streamlit as st

from rag.answer import Answer, AnswerEngine, money
from rag.chat import (
    EXAMPLE_QUESTIONS, UploadError, add_upload, audit_frame, chart_frame, plain, report_overview, styled, table_view,
)
from rag.index import build_search_indexes
from rag.settings import load_settings

st.set_page_config(page_title="医保局预决算问答", page_icon="📊", layout="wide")
SETTINGS = load_settings()


@st.cache_resource(show_spinner="正在载入报告索引…")
def load_engine(build: str) -> AnswerEngine:
    """One engine per index build, shared by every browser session (its ask() is thread-safe)."""
    engine = AnswerEngine(SETTINGS, dense=True)
    import altair  # noqa: F401  # what the first answer draws with, imported before the warm-up
    import pyarrow  # noqa: F401  # thread takes the import lock for torch

    threading.Thread(target=_warm_up_quietly, args=(engine,), daemon=True).start()
    return engine


def _warm_up_quietly(engine: AnswerEngine) -> None:
    """Load the embedding model in the background, at low priority, so answers come first."""
    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 15)
    engine.warm_up()


@st.cache_resource
def load_phraser():
    from rag.llm import LLMPhraser

    return LLMPhraser.from_settings(SETTINGS)


def current_engine() -> AnswerEngine | None:
    link = SETTINGS.current_index
    if not (link / "store.sqlite").is_file():
        return None
    return load_engine(str(link.resolve()))


# ------------------------------------------------------------------ answer rendering
def render_answer(answer: Answer, engine: AnswerEngine, key: str, stream: bool = False) -> None:
    if answer.figures:
        figure = answer.figures[0]
        st.metric(label=plain(f"{figure.doc_title} · {figure.label}"), value=f"{money(figure.value)} {figure.unit}")
    if not answer.found:
        st.info(plain(answer.answer), icon="ℹ️")
    elif stream:
        st.write_stream(_pieces(plain(answer.answer)))
    else:
        st.markdown(plain(answer.answer))
    frame = chart_frame(answer)
    if frame is not None:
        st.caption(plain(answer.chart["title"]))
        st.bar_chart(frame, horizontal=True)
    for number, source in enumerate(answer.sources[:4], start=1):
        render_source(source, engine, f"{key}-{number}", expanded=number == 1 and bool(answer.figures))


def _pieces(text: str):
    for start in range(0, len(text), 12):
        yield text[start:start + 12]
        time.sleep(0.01)


def render_source(source, engine: AnswerEngine, key: str, expanded: bool) -> None:
    where = f"表{source.table}" if source.table else (source.section or "正文")
    with st.expander(plain(f"来源：{source.title} · {where} · {source.doc} 第{source.line}行"), expanded=expanded):
        view = table_view(engine.store, source)
        if view is None:
            if source.section:
                st.caption(plain(f"{source.section}（第{source.line}–{source.line_end or source.line}行）"))
            st.markdown(plain(f"“{source.text}”"))
            return
        st.caption(plain(f"{view.title}：黄色为所引的行{f'，加粗为所引的列「{view.cited_column}」' if view.cited_column else ''}"))
        st.dataframe(styled(view), hide_index=True, width="stretch")
        st.download_button("下载此表 CSV", view.csv, file_name=view.file_name, mime="text/csv", key=f"csv-{key}")


# ------------------------------------------------------------------ pages
def sidebar(engine: AnswerEngine | None) -> set[str] | None:
    st.sidebar.title("医保局预决算问答")
    page = st.sidebar.radio("页面", ["问答", "数字核对"], horizontal=True, key="page")
    docs_filter = None
    if engine is not None:
        documents = engine.documents
        cities = st.sidebar.multiselect("城市", sorted({d.city for d in documents if d.city}), key="f_city")
        years = st.sidebar.multiselect("年度", sorted({d.year for d in documents if d.year}), key="f_year")
        kinds = st.sidebar.multiselect("类型", sorted({d.kind for d in documents if d.kind}), key="f_kind")
        if cities or years or kinds:
            docs_filter = {d.name for d in documents if (not cities or d.city in cities)
                           and (not years or d.year in years) and (not kinds or d.kind in kinds)}
        if st.sidebar.button("清空对话", key="clear"):
            st.session_state.messages, st.session_state.previous = [], None
        st.sidebar.subheader("示例问题")
        for number, example in enumerate(EXAMPLE_QUESTIONS):
            if st.sidebar.button(example, key=f"example-{number}"):
                st.session_state.pending = example
        st.sidebar.subheader("已收录的报告")
        st.sidebar.dataframe(report_overview(engine.store), hide_index=True)
    upload_panel()
    st.sidebar.caption(plain(f"嵌入模型：{SETTINGS.embedding_model}"))
    if SETTINGS.llm_base_url and SETTINGS.llm_model:
        st.sidebar.toggle(plain(f"用大模型 {SETTINGS.llm_model} 改写答案（数字须与原文一致）"), key="use_llm")
    else:
        st.sidebar.caption("大模型改写：关闭（未配置 RAG_LLM_BASE_URL / RAG_LLM_MODEL；答案为原文摘录）")
    st.session_state.current_page = page
    return docs_filter


def upload_panel() -> None:
    with st.sidebar.expander("上传报告（.txt / .md / .pdf）"):
        uploaded = st.file_uploader("选择文件", type=["txt", "md", "pdf"], key="upload")
        if uploaded is None or not st.button("加入索引", key="upload-go"):
            return
        bar = st.progress(0.0, text="准备中…")
        def show(what: str, done: float) -> None:
            bar.progress(done, text=what)

        try:
            result = add_upload(uploaded.name, uploaded.getvalue(), SETTINGS, on_progress=show,
                                build_steps=[partial(build_search_indexes, on_progress=show)])
        except UploadError as error:
            st.error(plain(f"未加入：{error}。现有索引未改变。"))
            return
        problems = [reason for path, reason in result.skipped if path.endswith(uploaded.name)]
        if problems:
            st.error(plain(f"未加入：{problems[0]}。现有索引未改变。"))
            return
        added = next((r for r in result.reports if r.name == uploaded.name), None)
        st.success(plain(f"已加入：{added.identity.title if added else uploaded.name}，表格 {added.tables if added else 0} 张，"
                         f"核对 {added.audit_passed if added else 0}/{added.audit_checks if added else 0} 通过"))


def chat_page(engine: AnswerEngine, docs_filter: set[str] | None) -> None:
    st.header("问问医保局的预算、决算和绩效报告")
    st.caption("数字只取自报告原表与原文，并标出处：报告、表号与表名、行、列、行号。")
    messages = st.session_state.setdefault("messages", [])
    for number, message in enumerate(messages):
        with st.chat_message(message["role"]):
            if message["role"] == "user":
                st.markdown(plain(message["text"]))
            else:
                render_answer(message["answer"], engine, key=f"m{number}")
    question = st.chat_input("输入问题，例如：江门医保局2024年三公经费多少")
    question = question or st.session_state.pop("pending", None)
    if not question:
        return
    with st.chat_message("user"):
        st.markdown(plain(question))
    answer = engine.ask(question, previous=st.session_state.get("previous"), docs_filter=docs_filter)
    if st.session_state.get("use_llm"):
        answer = load_phraser().rephrase(answer)
    if answer.understood is not None and not answer.understood.problem:
        st.session_state.previous = answer.understood
    with st.chat_message("assistant"):
        render_answer(answer, engine, key=f"m{len(messages) + 1}", stream=True)
    messages += [{"role": "user", "text": question}, {"role": "assistant", "answer": answer}]


def audit_page(engine: AnswerEngine) -> None:
    st.header("数字核对")
    st.caption("按报告核对：上级项目与下级之和、合计与各项之和、合计列与各列之和、三公经费与其三项、正文数字与表格。"
               "每项差额在 0.01×项数以内视为四舍五入。")
    only_failed = st.toggle("只看不一致的", value=True, key="only-failed")
    for document in engine.documents:
        frame = audit_frame(engine.store, document.name, only_failed)
        with st.expander(plain(f"{document.title}（{document.name}）：{len(frame)} 条"), expanded=not frame.empty):
            if frame.empty:
                st.write("没有不一致之处。" if only_failed else "没有可核对的表格。")
            else:
                st.dataframe(frame, hide_index=True, width="stretch")


def main() -> None:
    engine = current_engine()
    docs_filter = sidebar(engine)
    if engine is None:
        st.warning("还没有索引。请先在终端运行 python -m rag ingest，或在左侧上传报告。")
        return
    if st.session_state.current_page == "数字核对":
        audit_page(engine)
    else:
        chat_page(engine, docs_filter)


main()
