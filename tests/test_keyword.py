"""The keyword index in segments: adding, removing and merging give the index a build from scratch
over the same chunks gives, and a build stays whole when the one it started from is deleted."""
from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

import pytest

from rag import keyword
from rag.index import KEYWORD_INDEXES, chunk_store
from rag.ingest import ingest
from rag.settings import load_settings
from rag.store import TableStore


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, list[tuple[dict, dict[str, list[str]]]]]:
    """corpus/'s chunks, report by report: (record, tokens per field)."""
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("index"))
    ingest([settings.corpus_dir], settings, progress=False)
    store = TableStore(settings.store_path)
    reports: dict[str, list[tuple[dict, dict[str, list[str]]]]] = {}
    for chunk in chunk_store(store):
        tokens = {name: tokenize(chunk.indexed_text) for name, tokenize in KEYWORD_INDEXES.values()}
        reports.setdefault(chunk.doc, []).append((asdict(chunk), tokens))
    store.close()
    return reports


def batch(corpus, docs: list[str]) -> keyword.Batch:
    chunks = [chunk for doc in docs for chunk in corpus[doc]]
    return keyword.Batch([record for record, _ in chunks],
                         {name: [tokens[name] for _, tokens in chunks] for name, _ in KEYWORD_INDEXES.values()})


def pieces(corpus, size: int) -> dict[str, list]:
    """The corpus's chunks cut into small reports of `size` chunks each (p00, p01, ...)."""
    chunks = [chunk for doc in sorted(corpus) for chunk in corpus[doc]]
    return {f"p{i // size:02d}": [({**record, "doc": f"p{i // size:02d}"}, tokens)
                                  for record, tokens in chunks[i:i + size]] for i in range(0, len(chunks), size)}


class Builds:
    """Builds in a row, each from the one before, as ingest makes them."""

    def __init__(self, root: Path, corpus):
        self.root, self.corpus, self.count = root, corpus, 0

    def write(self, base: Path | None, docs: list[str], removed: frozenset[str] = frozenset()) -> Path:
        self.count += 1
        folder = self.root / f"build{self.count}"
        keyword.write(folder, base, removed, batch(self.corpus, docs))
        return folder


def queries(corpus) -> list[str]:
    """Real text: a piece of every tenth chunk, and section titles."""
    chunks = [record for doc in sorted(corpus) for record, _ in corpus[doc]]
    return [c["text"][5:25] for c in chunks[::10]] + sorted({c["section"].split(" > ")[-1] for c in chunks})[:15]


def assert_same_index(index: keyword.KeywordIndex, expected: keyword.KeywordIndex, corpus) -> None:
    """Same chunks in the same order, same reports' spans, and the same rankings over any scope."""
    assert index.size == expected.size and index.records() == expected.records()
    assert {doc: sorted(runs) for doc, runs in index.spans.items()} == {
        doc: sorted(runs) for doc, runs in expected.spans.items()}
    docs = sorted(expected.spans)
    scopes = [[(0, expected.size)], sorted(run for doc in docs[::2] for run in expected.spans[doc])]
    for name, tokenize in KEYWORD_INDEXES.values():
        assert index.fields[name].average_length == pytest.approx(expected.fields[name].average_length, rel=1e-12)
        for query in queries(corpus):
            for spans in scopes:
                assert index.ranking(name, tokenize(query), spans) == expected.ranking(name, tokenize(query), spans)


def test_each_addition_is_one_segment_and_ranks_as_a_build_from_scratch(tmp_path, corpus):
    docs = sorted(corpus)
    builds = Builds(tmp_path, corpus)
    base = builds.write(None, docs[:3])
    added = builds.write(base, [docs[3]])
    last = builds.write(added, [docs[4]])
    index = keyword.KeywordIndex(last)
    assert [s.entry.slots for s in index.segments] == [sum(len(corpus[d]) for d in docs[:3]), len(corpus[docs[3]]),
                                                       len(corpus[docs[4]])]
    first = index.segments[0].folder
    assert (first / "words.tf.npy").stat().st_ino == (base / first.name / "words.tf.npy").stat().st_ino  # linked
    assert_same_index(index, keyword.KeywordIndex(builds.write(None, docs)), corpus)
    shutil.rmtree(base)  # pruning the builds it came from leaves it whole
    shutil.rmtree(added)
    assert_same_index(keyword.KeywordIndex(last), keyword.KeywordIndex(builds.write(None, docs)), corpus)


def test_a_removed_report_is_tombstoned_and_the_statistics_are_those_of_the_reports_left(tmp_path, corpus):
    docs = sorted(corpus)
    builds = Builds(tmp_path, corpus)
    base = builds.write(None, docs)
    removed = builds.write(base, [], frozenset({docs[1], "no-such-report"}))
    index = keyword.KeywordIndex(removed)
    assert [s.entry.deleted for s in index.segments] == [[docs[1]]] and docs[1] not in index.spans
    kept = [d for d in docs if d != docs[1]]
    assert_same_index(index, keyword.KeywordIndex(builds.write(None, kept)), corpus)
    # a changed report: its old chunks tombstoned, the new ones in a segment of their own
    changed = builds.write(removed, [docs[3]], frozenset({docs[3]}))
    order = [d for d in kept if d != docs[3]] + [docs[3]]
    assert_same_index(keyword.KeywordIndex(changed), keyword.KeywordIndex(builds.write(None, order)), corpus)


def test_a_segment_mostly_tombstoned_is_rewritten_without_them(tmp_path, corpus):
    docs = sorted(corpus)
    builds = Builds(tmp_path, corpus)
    base = builds.write(None, docs[:3])
    plus = builds.write(base, docs[3:])
    gone = frozenset(docs[:2])  # more than half of the first segment
    index = keyword.KeywordIndex(builds.write(plus, [], gone))
    assert [s.entry.deleted for s in index.segments] == [[], []]
    assert index.segments[0].entry.slots == len(corpus[docs[2]])
    assert_same_index(index, keyword.KeywordIndex(builds.write(None, docs[2:])), corpus)


def test_past_eight_segments_the_smallest_neighbours_merge(tmp_path, corpus):
    small = pieces(corpus, 12)
    names = sorted(small)
    builds = Builds(tmp_path, small)
    build = builds.write(None, names[:5])
    for count in range(6, 18):
        build = builds.write(build, [names[count - 1]])
        index = keyword.KeywordIndex(build)
        assert len(index.segments) == min(count - 4, keyword.MAX_SEGMENTS)
    assert index.segments[0].entry.slots == 5 * 12  # the big first segment is left alone
    assert_same_index(index, keyword.KeywordIndex(builds.write(None, names[:17])), small)
    # a removal across merged segments, then one more addition
    build = builds.write(build, [names[17]], frozenset({names[2], names[9], names[16]}))
    kept = [n for n in names[:18] if n not in {names[2], names[9], names[16]}]
    assert_same_index(keyword.KeywordIndex(build), keyword.KeywordIndex(builds.write(None, kept)), small)
