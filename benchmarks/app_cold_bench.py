"""The app's cold start as people meet it, and where its time goes.

    .venv/bin/python benchmarks/app_cold_bench.py [--runs 3] [--question Q]

Each run starts a fresh `streamlit run app.py` on the current index, opens it in headless Chromium
(started beforehand, so Chromium's own start is not counted) and types a passage question as soon
as the chat box is ready: the time from the server's start, and from the page opening, until the
answer shows. The first passage answer needs the embedding model, which the app loads in the
background from its first page view.

Then, in a fresh process, the steps of that first passage answer one by one: imports, the
engine, torch, transformers, the model folder, its first encoding, Chroma, the first search.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PASSAGE_QUESTION = "江门医保局2023年整体支出绩效目标是什么"


def cold_app_run(question: str, log: Path) -> tuple[float, float]:
    """(server start to answer, page opened to answer) in seconds."""
    from browser import ChatPage, chromium, start_server
    from rag.settings import load_settings

    driver = chromium()
    try:
        started = time.perf_counter()
        server = start_server(load_settings().index_dir, log)
        try:
            page = ChatPage(driver, server.url)
            opened = time.perf_counter()
            page.open()
            answer = page.ask(question)
            if not answer["points"] and "原文" not in answer["body"]:
                raise RuntimeError(f"no passage in the answer: {answer['text'][:300]}")
            done = time.perf_counter()
        finally:
            server.stop()
        return done - started, done - opened
    finally:
        driver.quit()


def phases(question: str) -> None:
    """The first passage answer of a fresh process, step by step (run in a child process)."""
    mark = time.perf_counter()

    def lap(step: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        print(f"  {step:52s} {now - mark:6.2f} s", flush=True)
        mark = now

    import altair  # noqa: F401
    import pandas  # noqa: F401
    import streamlit  # noqa: F401
    lap("import streamlit, pandas, altair (the server has them)")
    from rag.answer import AnswerEngine
    from rag.embeddings import embeddings_for
    from rag.settings import load_settings
    lap("import rag.answer")
    engine = AnswerEngine(load_settings(), dense=True)
    lap("AnswerEngine (store, chunks, BM25, vocabulary)")
    import torch  # noqa: F401
    lap("import torch")
    from transformers import AutoModel  # noqa: F401
    lap("import transformers (AutoModel)")
    embeddings = embeddings_for(engine.settings)
    embeddings.model  # noqa: B018
    lap("load the model folder (tokenizer.json, weights)")
    embeddings.embed_query("部门职责")
    lap("first encoding")
    engine.search_index.collection()
    lap("open Chroma (import chromadb, client, collection)")
    engine.search_index.search("部门职责", k=1, dense=True)
    lap("first dense search")
    engine.ask(question)
    lap("the passage answer")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--question", default=PASSAGE_QUESTION)
    parser.add_argument("--phases", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phases:
        return phases(args.question)
    totals, from_page = [], []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            total, page = cold_app_run(args.question, Path(folder) / f"server-{run}.log")
            totals.append(total)
            from_page.append(page)
            print(f"run {run + 1}: server start to passage answer {total:.1f} s; page opened to answer {page:.1f} s",
                  flush=True)
    print(f"cold first passage answer in the app over {args.runs} runs: server start to answer "
          f"{min(totals):.1f}–{max(totals):.1f} s (median {statistics.median(totals):.1f}); "
          f"page opened to answer {min(from_page):.1f}–{max(from_page):.1f} s")
    print("where a fresh process spends it:")
    subprocess.run([sys.executable, __file__, "--phases", "--question", args.question], cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
