"""The lexicon saved with the build (rag/lexicon.py) is what the answer engine computed from the
whole store before it was saved: term-weight counts, spelling words, corpus text. Built from the
real corpus, from scratch and from a base (a report added, a report removed)."""
from __future__ import annotations

import json
import shutil
from array import array

import pytest

from rag import lexicon, rank
from rag.answer import AnswerEngine, _spelling_vocabulary, _spelling_words, _term_weights
from rag.index import build_chunks, load_vocabulary, row_vocabulary, write_chunks
from rag.ingest import _manifest, ingest
from rag.settings import load_settings
from rag.store import TableStore


def computed(build_dir):
    """As AnswerEngine computes them from every paragraph and chunk when no lexicon is saved."""
    rows = load_vocabulary(build_dir)
    store = TableStore(build_dir / "store.sqlite")
    paragraphs = store.paragraphs()
    store.close()
    chunks = build_chunks(build_dir)
    return (_spelling_vocabulary(rows, paragraphs, chunks), rank.TermWeights([p.text for p in paragraphs] + rows),
            [p.text for p in paragraphs] + [c.text for c in chunks])


def assert_saved_equals_computed(build_dir) -> None:
    saved = lexicon.load(build_dir)
    assert saved is not None
    rows = load_vocabulary(build_dir)
    store = TableStore(build_dir / "store.sqlite")
    assert rows == row_vocabulary(store)  # the row names counted report by report: as from scratch
    store.close()
    spelling, weights, texts = computed(build_dir)
    loaded = _term_weights(saved, rows)
    assert loaded.count == weights.count > 100
    assert +loaded.frequency == +weights.frequency
    assert _spelling_words(rows, saved.headings) == spelling.words
    # words the reports print (2, 3 and 6 characters from every text) and the same with a character changed
    printed = {t[i:i + n] for t in texts for n in (2, 3, 6) for i in range(0, len(t) - n + 1, 4)}
    printed = {w for w in printed if "\n" not in w}
    changed = {w[:-1] + "费" for w in printed}
    for word in printed | changed:
        assert (word in saved.text) == (word in spelling.text), word
    assert all(word in saved.text for word in printed)
    assert 0 < sum(word in saved.text for word in changed) < len(changed)
    folder = build_dir / lexicon.LEXICON_DIR
    for name in json.loads((folder / lexicon.TEXT_SEGMENTS_FILE).read_text()):  # beside each segment, its pairs
        text = (folder / name).read_text(encoding="utf-8")
        keys = array("Q", (folder / name).with_suffix(lexicon.GRAMS_SUFFIX).read_bytes())
        assert list(keys) == sorted(set(lexicon.gram_keys(text))) and len(keys) > 1000


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("lexicon-index"))


def test_saved_lexicon_equals_computed_from_scratch_and_from_a_base(settings):
    files = sorted(settings.corpus_dir.glob("*.txt"))
    ingest(files[:4], settings, build_steps=[write_chunks], progress=False)
    assert_saved_equals_computed(settings.current_index.resolve())
    counts_of_four = (settings.current_index.resolve() / lexicon.LEXICON_DIR / lexicon.TERM_COUNTS_FILE).read_text()

    ingest(files, settings, build_steps=[write_chunks], progress=False)  # one report added to the base
    build = settings.current_index.resolve()
    assert _manifest(build)["base"] is not None
    assert_saved_equals_computed(build)

    ingest(files[:4], settings, build_steps=[write_chunks], progress=False)  # and removed again
    build = settings.current_index.resolve()
    assert _manifest(build)["base"] is not None
    assert_saved_equals_computed(build)
    saved = (build / lexicon.LEXICON_DIR / lexicon.TERM_COUNTS_FILE).read_text()
    assert lexicon.json.loads(saved)["frequency"] == lexicon.json.loads(counts_of_four)["frequency"]


def test_engine_answers_the_same_with_the_saved_lexicon_and_without(settings, tmp_path):
    ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    questions = ["江门医保局2024年办工费多少", "无川医保局2024年三公经费多少", "廉江2023年决算公务接待费多少",
                 "广州医保局2023年部门预算主要职责", "江门医保局2023年绩效自评存在的问题"]
    with_saved = AnswerEngine(settings, dense=False)
    assert isinstance(with_saved.spelling.text, lexicon.CorpusText)
    answers = [with_saved.ask(q).to_json() for q in questions]
    copy = tmp_path / "index"
    shutil.copytree(settings.index_dir, copy, symlinks=True)
    shutil.rmtree(copy / "current" / lexicon.LEXICON_DIR)
    without = AnswerEngine(settings.with_overrides(index_dir=copy), dense=False)
    assert isinstance(without.spelling.text, str)
    assert [without.ask(q).to_json() for q in questions] == answers
    assert "“办工费”按“办公费”理解" in answers[0]["answer"] and "“无川”按“吴川”理解" in answers[1]["answer"]


def test_bounded_report_caches_answer_the_same_after_forgetting(settings):
    """The per-report caches keep 2 reports here: a report forgotten is read again, same answer."""
    from rag.cache import RecentlyUsed

    ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    engine = AnswerEngine(settings, dense=False)
    engine.figures._numbers, engine.passages._sentences, engine.finder._tables = RecentlyUsed(2), RecentlyUsed(2), RecentlyUsed(2)
    first = engine.ask("江门医保局2024年三公经费多少").to_json()
    for other in ("吴川医保局2024年公务接待费多少", "廉江2023年决算公务接待费多少", "广州医保局2023年部门预算三公经费多少"):
        assert engine.ask(other).found
    assert len(engine.finder._tables) == 2 and "000_30a6781b9aebb9ed.txt" not in engine.finder._tables
    again = engine.ask("江门医保局2024年三公经费多少").to_json()
    assert again == first and first["figures"][0]["value"] == "17.56"


def test_an_add_writes_its_own_text_segment_and_links_the_others(tmp_path, monkeypatch):
    """One report added at a time: each build hard-links the base's text segments and writes the
    new report's alone; past MAX_TEXT_SEGMENTS the smallest are folded into the new one; a report
    removed leaves no text behind. The saved lexicon equals the computed one throughout."""
    monkeypatch.setattr(lexicon, "MAX_TEXT_SEGMENTS", 3)
    settings = load_settings().with_overrides(index_dir=tmp_path / "index")
    files = sorted(settings.corpus_dir.glob("*.txt"))
    ingest(files[:1], settings, build_steps=[write_chunks], progress=False)
    for count in range(2, len(files) + 1):
        base = settings.current_index.resolve() / lexicon.LEXICON_DIR
        ingest(files[:count], settings, build_steps=[write_chunks], progress=False)
        build = settings.current_index.resolve()
        assert_saved_equals_computed(build)
        segments = json.loads((build / lexicon.LEXICON_DIR / lexicon.TEXT_SEGMENTS_FILE).read_text())
        assert len(segments) == min(count, 3) and files[count - 1].name in list(segments.values())[-1]
        linked = [name for name in segments if (base / name).is_file()]
        assert len(linked) == len(segments) - 1  # all but the new segment are the base's, not rewritten
        assert all((base / name).stat().st_ino == (build / lexicon.LEXICON_DIR / name).stat().st_ino
                   for name in linked)
    gone = files[0]
    ingest(files[1:], settings, build_steps=[write_chunks], progress=False)
    build = settings.current_index.resolve()
    assert_saved_equals_computed(build)
    store = TableStore(build / "store.sqlite")
    kept_text = "".join(p.text for p in store.paragraphs())
    store.close()
    only_gone = [p.text for p in TableStore(settings.index_dir / "builds" / _manifest(build)["base"] / "store.sqlite")
                 .paragraphs(gone.name) if len(p.text) > 20 and p.text not in kept_text]
    assert only_gone and not any(text in lexicon.load(build).text for text in only_gone)


def test_an_index_built_by_adds_and_a_removal_answers_as_one_built_at_once(tmp_path):
    """The segments of the corpus text and the keyword index, and the row vocabulary counted
    report by report, give the answers a build from scratch gives."""
    files = sorted(load_settings().corpus_dir.glob("*.txt"))
    at_once = load_settings().with_overrides(index_dir=tmp_path / "at_once")
    ingest(files, at_once, build_steps=[write_chunks], progress=False)
    by_adds = load_settings().with_overrides(index_dir=tmp_path / "by_adds")
    for count in range(1, len(files) + 1):
        ingest(files[:count], by_adds, build_steps=[write_chunks], progress=False)
    ingest(files[1:], by_adds, build_steps=[write_chunks], progress=False)  # the first removed
    ingest(files, by_adds, build_steps=[write_chunks], progress=False)  # and added again
    assert _manifest(by_adds.current_index.resolve())["base"] is not None
    questions = ["江门医保局2024年办工费多少", "无川医保局2024年三公经费多少", "廉江2023年决算公务接待费多少",
                 "广州医保局2023年部门预算主要职责", "江门医保局2023年绩效自评存在的问题", "哪个城市三公经费最多",
                 "江门医保局2024年一般公共服务支出是多少"]
    engine = AnswerEngine(at_once, dense=False)
    expected = [engine.ask(q).to_json() for q in questions]
    assert all(answer["found"] for answer in expected) and "“办工费”按“办公费”理解" in expected[0]["answer"]
    engine = AnswerEngine(by_adds, dense=False)
    assert [engine.ask(q).to_json() for q in questions] == expected


def test_names_printed_in_quotes_are_saved_with_the_headings(settings):
    ingest([settings.corpus_dir], settings, build_steps=[write_chunks], progress=False)
    saved = lexicon.load(settings.current_index.resolve())
    assert {"邑康保", "春风利剑"} <= saved.headings  # a scheme's and a campaign's name, printed only in prose
