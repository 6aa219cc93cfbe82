"""Keyword search (BM25) over segments, as Lucene keeps it: adding a report writes that report alone.

A build's keyword index is an ordered list of immutable segments, listed in its manifest. A
segment holds the chunks of one ingest batch (the build from scratch is one segment, each
addition one more): their records (chunks.json), each report's runs of slots, and for each
tokenization (a field) its postings — per term, the slots holding it and how often — and each
slot's length in tokens, as .npy files memory-mapped when loaded.

Term ids are global and only ever appended: a segment lists the terms it introduced, and the
vocabulary is the concatenation of those lists in segment order. An older segment stays valid
as newer ones add terms, and merging neighbours keeps every id.

A new build hard-links the base build's segment files (they are never written after they are
made, so each build folder is whole on its own and deleting an old one never breaks a newer
one), tombstones the reports it removes (the manifest lists them per segment) and adds one
segment. Beside the manifest, each field's document frequencies over the live chunks are
rewritten per build: they are what the scores need of the whole corpus, and cost one number per
term. A segment at least half tombstoned is rewritten without them; past MAX_SEGMENTS, the
adjacent pair with the fewest live chunks is merged, so a load opens few files and each chunk is
rewritten about log(segments) times over its life.

Scores are computed at query time from term frequencies and the corpus-wide statistics (live
chunks, their mean length, document frequencies), so a search ranks as BM25 over the live chunks
built from scratch would: Okapi's IDF with its epsilon floor (see okapi_idf), k1 1.5, b 0.75.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

K1, B, OKAPI_EPSILON = 1.5, 0.75, 0.25
MAX_SEGMENTS = 8
MANIFEST = "segments.json"
RECORDS_FILE = "chunks.json"  # a segment's chunks, by slot
SPANS_FILE = "chunk_spans.json"  # a segment's reports as runs [start, end) of slots
POSTINGS = ("terms", "starts", "slots", "tf", "lengths")


@dataclass
class Batch:
    """What a build adds: records (each names its report under "doc") and, per field, their tokens."""

    records: list[dict]
    tokens: dict[str, list[list[str]]]


@dataclass
class Entry:
    """A segment in a build's manifest."""

    name: str
    slots: int
    live: int  # slots not tombstoned
    deleted: list[str] = field(default_factory=list)  # reports tombstoned in this build


@dataclass
class Postings:
    """One field of one segment. Per term present (sorted global ids), its postings are at
    starts[i]:starts[i + 1]: the slots holding it, ascending, and its frequency in each."""

    terms: np.ndarray
    starts: np.ndarray
    slots: np.ndarray
    tf: np.ndarray
    lengths: np.ndarray  # per slot, its number of tokens

    @classmethod
    def of(cls, terms: np.ndarray, slots: np.ndarray, counts: np.ndarray, lengths: np.ndarray) -> "Postings":
        """From (term, slot, count) triples in any order; counts of the same term and slot are summed."""
        width = max(len(lengths), 1)
        keys, inverse = np.unique(terms.astype(np.int64) * width + slots, return_inverse=True)
        tf = np.bincount(inverse, weights=counts, minlength=len(keys)).astype(np.int32)
        present, per_term = np.unique(keys // width, return_counts=True)
        return cls(present.astype(np.int32), np.concatenate([[0], np.cumsum(per_term)]).astype(np.int64),
                   (keys % width).astype(np.int32), tf, lengths.astype(np.int32))

    @classmethod
    def load(cls, folder: Path, name: str) -> "Postings":
        return cls(*(np.load(folder / f"{name}.{part}.npy", mmap_mode="r") for part in POSTINGS))

    def save(self, folder: Path, name: str) -> None:
        for part in POSTINGS:
            np.save(folder / f"{name}.{part}.npy", getattr(self, part))

    def term_of_each(self) -> np.ndarray:
        """The term of each posting."""
        return np.repeat(self.terms, np.diff(self.starts))

    def find(self, term: int) -> tuple[int, int]:
        """Where the term's postings are ([first, last), empty when the segment lacks it)."""
        i = int(np.searchsorted(self.terms, term))
        if i < len(self.terms) and self.terms[i] == term:
            return int(self.starts[i]), int(self.starts[i + 1])
        return 0, 0


PAGE_BYTES = 4096


def _map_pages(array: np.ndarray) -> None:
    """Read one value of each memory page of a memory-mapped array, so that its pages are mapped
    once at load (about 8 ms for the 82 MB of postings of 945 reports, when the files are cached)
    rather than a few at a time by each search that first reaches a report's postings: at 945
    reports that made a report's first passage search 1-4 ms slower than its next (issue 11)."""
    if array.size:
        int(array[::max(1, PAGE_BYTES // array.itemsize)].sum())


def okapi_idf(frequencies: np.ndarray, size: int) -> np.ndarray:
    """BM25Okapi's IDF per term, log((N - df + ½) / (df + ½)), floored at a quarter of the mean IDF
    for terms in more than half the chunks. It weighs the report-specific words higher than
    Lucene's log(1 + …): fused over the retrievers, it ranks the expected passage better on the
    retrieval benchmark. Terms no live chunk holds (their reports removed) stay out of the mean."""
    okapi = np.log((size - frequencies + 0.5) / (frequencies + 0.5))
    held = frequencies > 0
    floor = OKAPI_EPSILON * okapi[held].mean() if held.any() else 0.0
    okapi[held & (okapi < 0)] = floor
    return okapi


# ------------------------------------------------------------------ a segment as loaded
class Segment:
    """A segment of a build, its tombstones applied: live slots are numbered 0, 1, ... in order."""

    def __init__(self, folder: Path, entry: Entry, fields: list[str]):
        self.folder, self.entry = folder, entry
        self.postings = {name: Postings.load(folder, name) for name in fields}
        for postings in self.postings.values():
            for part in POSTINGS:
                _map_pages(getattr(postings, part))
        self.runs: dict[str, list[list[int]]] = _read_json(folder / SPANS_FILE)
        self.live: np.ndarray | None = None  # None: no tombstone, slot and position are one
        self.rank = self.slot_of = np.zeros(0, dtype=np.int64)  # set below when there are tombstones
        if entry.deleted:
            self.live = np.ones(entry.slots, dtype=bool)
            for doc in entry.deleted:
                for start, end in self.runs.get(doc, []):
                    self.live[start:end] = False
            self.rank = np.cumsum(self.live) - 1  # a live slot's position among the live ones
            self.slot_of = np.append(np.flatnonzero(self.live), entry.slots)  # a live position's slot

    def positions(self, slots: np.ndarray) -> np.ndarray:
        """Live slots' positions among the segment's live slots."""
        return slots if self.live is None else self.rank[slots]

    def slot_edges(self, edges: np.ndarray) -> np.ndarray:
        """Run edges in live positions (clipped to the segment) as slot edges; a run's slots may then
        include tombstoned ones, which the caller drops."""
        edges = np.clip(edges, 0, self.entry.live)
        return edges if self.live is None else self.slot_of[edges]

    def spans(self, offset: int) -> dict[str, list[tuple[int, int]]]:
        """The live reports' runs as positions of the index (offset: the segment's first); a report's
        slots are never partly tombstoned."""
        spans = {}
        for doc, runs in self.runs.items():
            if doc not in self.entry.deleted:
                firsts = offset + self.positions(np.array([start for start, _ in runs]))
                spans[doc] = [(int(first), int(first) + end - start) for first, (start, end) in zip(firsts, runs)]
        return spans

    def records(self) -> list[dict]:
        records = _read_json(self.folder / RECORDS_FILE)
        return records if self.live is None else [r for r, live in zip(records, self.live) if live]


# ------------------------------------------------------------------ the index as loaded
@dataclass
class _Field:
    vocabulary: dict[str, int]
    idf: np.ndarray
    average_length: float


class KeywordIndex:
    """A build's keyword index, loaded without reading any chunk: the segments' postings are
    memory-mapped and their records read by records() only. Positions number the live chunks in
    segment order."""

    def __init__(self, folder: Path):
        if not (folder / MANIFEST).is_file():
            raise FileNotFoundError(f"索引缺少关键词索引 {folder.name}（旧版本的索引）。请重新运行：python -m rag ingest")
        manifest = _read_json(folder / MANIFEST)
        self.segments = [Segment(folder / e["name"], Entry(**e), manifest["fields"]) for e in manifest["segments"]]
        self.offsets = np.cumsum([0] + [s.entry.live for s in self.segments])  # each segment's first position
        self.size = int(self.offsets[-1])
        self.spans: dict[str, list[tuple[int, int]]] = {}
        for segment, offset in zip(self.segments, self.offsets):
            for doc, runs in segment.spans(int(offset)).items():
                self.spans.setdefault(doc, []).extend(runs)
        self.fields = {name: self._field(folder, name) for name in manifest["fields"]}

    def _field(self, folder: Path, name: str) -> _Field:
        terms = vocabulary(folder, [s.entry for s in self.segments], name)
        length = sum(int(np.sum(s.postings[name].lengths if s.live is None else s.postings[name].lengths[s.live]))
                     for s in self.segments)
        return _Field({t: i for i, t in enumerate(terms)}, okapi_idf(np.load(folder / f"{name}.df.npy"), self.size),
                      length / max(self.size, 1))

    def records(self) -> list[dict]:
        """Every live chunk's record, by position."""
        return [record for segment in self.segments for record in segment.records()]

    def ranking(self, name: str, tokens: list[str], spans: list[tuple[int, int]]) -> list[int]:
        """Positions within the spans (sorted runs [start, end)) with a score above 0, best first.
        Each term's postings are cut to the spans by binary search, so the cost follows the scope."""
        stats = self.fields[name]
        terms = [stats.vocabulary[t] for t in tokens if t in stats.vocabulary]
        if not terms or not spans:
            return []
        starts = np.array([start for start, _ in spans])
        edges = np.array(spans).ravel()
        places, weights = [], []
        for segment, offset in zip(self.segments, self.offsets):
            slot_edges = segment.slot_edges(edges - offset)
            if slot_edges[0] == slot_edges[-1]:
                continue  # no span reaches into this segment
            postings = segment.postings[name]
            for term in terms:
                first, last = postings.find(term)
                bounds = np.searchsorted(postings.slots[first:last], slot_edges).reshape(-1, 2) + first
                counts = bounds[:, 1] - bounds[:, 0]
                taken = np.repeat(bounds[:, 0] - (np.cumsum(counts) - counts), counts) + np.arange(counts.sum())
                slots, tf = postings.slots[taken], postings.tf[taken]
                if segment.live is not None:
                    slots, tf = slots[segment.live[slots]], tf[segment.live[slots]]
                places.append(offset + segment.positions(slots))
                norm = K1 * (1 - B + B * postings.lengths[slots] / stats.average_length)
                weights.append(stats.idf[term] * tf / (tf + norm))
        positions = np.concatenate(places) if places else np.zeros(0, dtype=np.int64)
        if not len(positions):
            return []
        # scores over the scope only: run r's positions go to offsets[r] + (position - starts[r])
        offsets = np.concatenate([[0], np.cumsum(np.diff(edges)[::2])])
        run = np.searchsorted(starts, positions, side="right") - 1
        scores = np.bincount(offsets[run] + positions - starts[run], weights=np.concatenate(weights),
                             minlength=offsets[-1])
        scored = np.flatnonzero(scores > 0)
        order = scored[np.argsort(-scores[scored], kind="stable")]
        run = np.searchsorted(offsets, order, side="right") - 1
        return (starts[run] + order - offsets[run]).tolist()


# ------------------------------------------------------------------ writing a build's index
def write(folder: Path, base: Path | None, removed: frozenset[str], batch: Batch) -> int:
    """The keyword index of a build, in folder: the base build's segments (hard-linked) with the
    removed reports tombstoned, one new segment holding the batch, then the rewrites and merges
    that keep the segments few. Without a base, the batch is the whole index. Returns how many
    chunks it holds."""
    folder.mkdir()
    fields = list(batch.tokens)
    entries: list[Entry] = []
    frequencies = {name: np.zeros(0, dtype=np.int64) for name in fields}
    if base is not None:
        entries = [Entry(**e) for e in _read_json(base / MANIFEST)["segments"]]
        for entry in entries:
            shutil.copytree(base / entry.name, folder / entry.name, copy_function=os.link)
        frequencies = {name: np.load(base / f"{name}.df.npy") for name in fields}
        for entry in entries:
            _tombstone(folder / entry.name, entry, removed, frequencies)
    if batch.records:
        entries.append(_new_segment(folder, entries, batch, frequencies))
    for i, entry in enumerate(entries):
        if entry.deleted and entry.live * 2 <= entry.slots:
            entries[i] = _rewrite(folder, [entry], fields)
    while len(entries) > MAX_SEGMENTS:
        i = min(range(len(entries) - 1), key=lambda i: entries[i].live + entries[i + 1].live)
        entries[i:i + 2] = [_rewrite(folder, entries[i:i + 2], fields)]
    for name, counts in frequencies.items():
        np.save(folder / f"{name}.df.npy", counts)
    _write_json(folder / MANIFEST, {"fields": fields, "segments": [asdict(e) for e in entries]})
    return sum(e.live for e in entries)


def _tombstone(folder: Path, entry: Entry, removed: frozenset[str], frequencies: dict[str, np.ndarray]) -> None:
    """Tombstone the removed reports this segment holds, and take their chunks out of the frequencies."""
    runs = _read_json(folder / SPANS_FILE)
    gone = sorted((removed & runs.keys()) - set(entry.deleted))
    if not gone:
        return
    dropped = np.zeros(entry.slots, dtype=bool)
    for doc in gone:
        for start, end in runs[doc]:
            dropped[start:end] = True
    entry.deleted += gone
    entry.live -= int(dropped.sum())
    for name, counts in frequencies.items():
        postings = Postings.load(folder, name)
        counts -= np.bincount(postings.term_of_each()[dropped[postings.slots]], minlength=len(counts))


def _new_segment(folder: Path, entries: list[Entry], batch: Batch, frequencies: dict[str, np.ndarray]) -> Entry:
    """A segment of the batch; its terms are given ids after the vocabulary's, and counted in."""
    postings, new_terms = {}, {}
    for name, token_lists in batch.tokens.items():
        ids_of = {t: i for i, t in enumerate(vocabulary(folder, entries, name))}
        known = len(ids_of)
        ids = np.array([ids_of.setdefault(t, len(ids_of)) for tokens in token_lists for t in tokens], dtype=np.int64)
        lengths = np.array([len(tokens) for tokens in token_lists], dtype=np.int64)
        postings[name] = Postings.of(ids, np.repeat(np.arange(len(token_lists)), lengths), np.ones(len(ids)),
                                     lengths)
        new_terms[name] = list(ids_of)[known:]
        counts = np.bincount(postings[name].term_of_each(), minlength=len(ids_of))
        counts[:known] += frequencies[name]
        frequencies[name] = counts
    return _save_segment(folder, batch.records, postings, new_terms)


def _rewrite(folder: Path, entries: list[Entry], fields: list[str]) -> Entry:
    """One segment for these adjacent ones: their live chunks, postings and introduced terms, in
    order (term ids unchanged). The old segments leave this build only."""
    segments = [Segment(folder / e.name, e, fields) for e in entries]
    offsets = np.cumsum([0] + [e.live for e in entries])
    postings, new_terms = {}, {}
    for name in fields:
        parts = []
        for segment, offset in zip(segments, offsets):
            each = segment.postings[name]
            keep = np.ones(len(each.slots), dtype=bool) if segment.live is None else segment.live[each.slots]
            lengths = each.lengths if segment.live is None else each.lengths[segment.live]
            parts.append((each.term_of_each()[keep], offset + segment.positions(each.slots[keep]), each.tf[keep],
                          lengths))
        postings[name] = Postings.of(*(np.concatenate(column) for column in zip(*parts)))
        new_terms[name] = vocabulary(folder, entries, name)
    entry = _save_segment(folder, [r for s in segments for r in s.records()], postings, new_terms)
    for old in entries:
        shutil.rmtree(folder / old.name)
    return entry


def _save_segment(folder: Path, records: list[dict], postings: dict[str, Postings],
                  new_terms: dict[str, list[str]]) -> Entry:
    name = secrets.token_hex(8)  # never the name of a segment of another build
    (folder / name).mkdir()
    _write_json(folder / name / RECORDS_FILE, records)
    _write_json(folder / name / SPANS_FILE, runs_of([r["doc"] for r in records]))
    for field_name, each in postings.items():
        each.save(folder / name, field_name)
        _write_json(folder / name / f"{field_name}.new_terms.json", new_terms[field_name])
    return Entry(name, len(records), len(records))


def vocabulary(folder: Path, entries: list[Entry], name: str) -> list[str]:
    """A field's terms by id: those the segments introduced, in segment order."""
    return [t for e in entries for t in _read_json(folder / e.name / f"{name}.new_terms.json")]


def runs_of(docs: list[str]) -> dict[str, list[list[int]]]:
    """Each report's slots as runs [start, end) (one run when its chunks are consecutive)."""
    runs: dict[str, list[list[int]]] = {}
    for slot, doc in enumerate(docs):
        own = runs.setdefault(doc, [])
        if own and own[-1][1] == slot:
            own[-1][1] = slot + 1
        else:
            own.append([slot, slot + 1])
    return runs


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
