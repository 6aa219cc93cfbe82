"""What the answer engine derives from the whole corpus, saved with the build so that a process
starts in milliseconds whatever the number of reports (issue 11):

- the term-weight counts (rank.TermWeights over every paragraph): how many paragraphs there are and
  in how many of them each character and character bigram occurs;
- the section-heading words and the names printed in quotes (“邑康保”) of the spelling vocabulary
  (answer._spelling_vocabulary reads them from every chunk's section path and every paragraph);
- the corpus text a typed word is looked up in ("the reports print it, so it is no typo"): each
  report's paragraphs, row names and chunk texts, one line each, in UTF-8 segment files that are
  memory-mapped, not read; beside each, the sorted pairs of neighbouring characters it holds, so that
  a word the reports do not print is known absent without scanning the segment (at 1,000 reports a
  scan of the 43 MB took 9 ms, and a question looks up several words). A segment is never written after it is made: a new build hard-links the
  base's and writes one for the reports added (rewriting, into it, those of a segment that held a
  report removed, and the smallest segments past MAX_TEXT_SEGMENTS), so an add writes its own text
  (40 KB) instead of the corpus' (8.5 MB at 200 reports: 0.05 s against 0.01-0.03 s at 5).

Each is kept per report or summed, so that a build from a base adds the reports written anew and
takes out the reports removed (their paragraphs read from the base's store): the cost of a build
step follows the reports changed, not the corpus. The row names and the domain's words are added
when loading (they come from the row vocabulary and rag/domain.py).
"""
from __future__ import annotations

import bisect
import hashlib
import inspect
import json
import mmap
import os
import re
import secrets
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rag.audit import NUMBERING_PREFIX
from rag.evidence import bigrams, fold
from rag.store import TableStore

LEXICON_DIR = "lexicon"
TERM_COUNTS_FILE = "term_counts.json"  # {"paragraphs": N, "frequency": {gram: paragraphs holding it}}
HEADINGS_FILE = "headings.json"  # {doc: [section-heading words and names printed in quotes]}
TEXT_SEGMENTS_FILE = "corpus_text.json"  # {segment file: {doc: [first byte, end byte]}}, oldest first
MAX_TEXT_SEGMENTS = 8
GRAMS_SUFFIX = ".grams"  # beside a segment: its character pairs, sorted 8-byte keys (first << 32 | second)


@lru_cache(maxsize=1)
def version() -> str:
    """The code a saved lexicon depends on (this module, how bigrams are cut, how headings are
    numbered): a lexicon saved by other code is not used."""
    parts = [Path(__file__).read_text(encoding="utf-8"), inspect.getsource(fold), inspect.getsource(bigrams),
             NUMBERING_PREFIX.pattern]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def is_current(folder: Path) -> bool:
    try:
        return json.loads((folder / TERM_COUNTS_FILE).read_text(encoding="utf-8")).get("version") == version()
    except (OSError, ValueError):
        return False


def paragraph_grams(text: str) -> set[str]:
    """What a paragraph counts once for in the term weights: its characters and character bigrams."""
    return bigrams(text) | set(text)


def heading_words(sections: Iterable[str]) -> set[str]:
    """The words of section paths ("一、部门职责 > （一）主要职责"), without their numbering."""
    return {NUMBERING_PREFIX.sub("", part) for section in sections for part in section.split(" > ")}


# a name the reports print in quotes: a scheme's or a campaign's (“邑康保”, “春风利剑”), asked by name
QUOTED_NAME = re.compile(r"“([\u4e00-\u9fff]{2,10})”")


def quoted_names(paragraphs: Iterable[str]) -> set[str]:
    return {name for text in paragraphs for name in QUOTED_NAME.findall(text)}


def spelling_names(sections: Iterable[str], paragraphs: Iterable[str]) -> set[str]:
    """The names of a report a typed word may be read as: its section-heading words and the names
    it prints in quotes."""
    return heading_words(sections) | quoted_names(paragraphs)


def report_text(paragraphs: Iterable[str], rows: Iterable[str], chunks: Iterable[str]) -> str:
    return "\n".join([*paragraphs, *rows, *chunks]) + "\n"


@dataclass
class ReportPart:
    """One report's share of the lexicon."""

    paragraphs: int
    frequency: Counter
    headings: set[str]
    text: str


def report_part(store: TableStore, doc: str, rows: list[str], chunks) -> ReportPart:
    """chunks: the report's chunks (rag/index.py Chunk)."""
    texts = [p.text for p in store.paragraphs(doc)]
    frequency = Counter()
    for text in texts:
        frequency.update(paragraph_grams(text))
    return ReportPart(len(texts), frequency, spelling_names((c.section for c in chunks), texts),
                      report_text(texts, rows, (c.text for c in chunks)))


def write(folder: Path, base: Path | None, removed: Iterable[str], base_store: TableStore | None,
          fresh: dict[str, ReportPart]) -> None:
    """The lexicon of a build: the base's (from base, a lexicon folder) without the reports removed
    (their counts read again from base_store, the base build's store) and with the fresh reports' parts."""
    folder.mkdir(parents=True, exist_ok=True)
    removed = set(removed)
    if base is not None and not is_current(base):
        raise ValueError(f"{base}: a lexicon saved by other code cannot be a base")
    if base is not None:
        counts = json.loads((base / TERM_COUNTS_FILE).read_text(encoding="utf-8"))
        paragraphs, frequency = counts["paragraphs"], Counter(counts["frequency"])
        headings = {d: w for d, w in _read(base / HEADINGS_FILE).items() if d not in removed}
        for doc in removed:
            for paragraph in base_store.paragraphs(doc):
                paragraphs -= 1
                frequency.subtract(paragraph_grams(paragraph.text))
    else:
        paragraphs, frequency, headings = 0, Counter(), {}
    for doc, part in fresh.items():
        paragraphs += part.paragraphs
        frequency.update(part.frequency)
        headings[doc] = sorted(part.headings)
    frequency = {gram: n for gram, n in frequency.items() if n > 0}
    _write(folder / TERM_COUNTS_FILE, {"version": version(), "paragraphs": paragraphs, "frequency": frequency})
    _write(folder / HEADINGS_FILE, headings)
    _write_text(folder, base, removed, {doc: part.text for doc, part in fresh.items()})


def _write_text(folder: Path, base: Path | None, removed: set[str], fresh: dict[str, str]) -> None:
    """The corpus text in segments: the base's hard-linked, but those holding a report removed and,
    past MAX_TEXT_SEGMENTS, the smallest, whose reports' text goes with the fresh reports' into one new segment."""
    kept = _read(base / TEXT_SEGMENTS_FILE) if base is not None else {}
    linked = {name: spans for name, spans in kept.items() if not removed & spans.keys()}
    while len(linked) >= MAX_TEXT_SEGMENTS:
        del linked[min(linked, key=lambda name: sum(end - start for start, end in linked[name].values()))]
    moved = {name: {doc: span for doc, span in spans.items() if doc not in removed}
             for name, spans in kept.items() if name not in linked}
    segments = {}
    for name in linked:
        _link(base / name, folder / name)
        if (base / name).with_suffix(GRAMS_SUFFIX).exists():
            _link((base / name).with_suffix(GRAMS_SUFFIX), (folder / name).with_suffix(GRAMS_SUFFIX))
        else:
            _write_grams(folder / name)
        segments[name] = linked[name]
    if fresh or any(moved.values()):
        name = f"text-{secrets.token_hex(8)}.txt"  # never the name of another build's segment
        segments[name] = _write_segment(folder / name, base, moved, fresh)
        _write_grams(folder / name)
    _write(folder / TEXT_SEGMENTS_FILE, segments)


def _write_grams(segment: Path) -> None:
    """The sorted keys of the character pairs a segment holds, beside it."""
    import numpy  # what the index's other stages load too; not needed to answer

    codes = numpy.frombuffer(segment.read_text(encoding="utf-8").encode("utf-32-le"), dtype="<u4").astype("<u8")
    numpy.unique((codes[:-1] << numpy.uint64(32)) | codes[1:]).tofile(segment.with_suffix(GRAMS_SUFFIX))


def gram_keys(word: str) -> list[int]:
    return [ord(first) << 32 | ord(second) for first, second in zip(word, word[1:])]


def _write_segment(path: Path, base: Path | None, moved: dict[str, dict], fresh: dict[str, str]) -> dict:
    """One segment file: the moved reports' text copied from the base's segments, then the fresh
    reports'; returns its spans."""
    spans = {}
    with open(path, "wb") as out:
        for name, docs in moved.items():
            with open(base / name, "rb") as source:
                for doc, (start, end) in docs.items():
                    source.seek(start)
                    spans[doc] = [out.tell(), out.tell() + end - start]
                    out.write(source.read(end - start))
        for doc, text in fresh.items():
            data = text.encode("utf-8")
            spans[doc] = [out.tell(), out.tell() + len(data)]
            out.write(data)
    return spans


def _link(source: Path, target: Path) -> None:
    """A hard link (segments are never written after they are made), a copy where links fail."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


class CorpusText:
    """`word in text` over the saved corpus text's segments, memory-mapped: a word without a line
    break is in it exactly when some report's paragraph, row name or chunk prints it. A segment whose
    character pairs lack one of the word's is not scanned."""

    def __init__(self, paths: list[Path]):
        self._segments = [(_mapped(path), _grams(path)) for path in paths]

    def __contains__(self, word: str) -> bool:
        data, keys = word.encode("utf-8"), gram_keys(word)
        return any((grams is None or all(_holds(grams, key) for key in keys)) and mapped.find(data) != -1
                   for mapped, grams in self._segments)


def _grams(segment: Path) -> memoryview | None:
    """A segment's pair keys, memory-mapped; None for a segment saved without them."""
    path = segment.with_suffix(GRAMS_SUFFIX)
    if not path.exists():
        return None
    return memoryview(_mapped(path)).cast("Q")


def _holds(grams: memoryview, key: int) -> bool:
    at = bisect.bisect_left(grams, key)
    return at < len(grams) and grams[at] == key


def _mapped(path: Path) -> mmap.mmap | bytes:
    with open(path, "rb") as file:  # the map stays valid once the file is closed
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) if path.stat().st_size else b""


@dataclass
class Lexicon:
    paragraphs: int
    frequency: dict[str, int]
    headings: set[str]
    text: CorpusText | str


def load(index_dir: Path) -> Lexicon | None:
    """The lexicon saved with the build; None for a build made before it was saved, or by other code."""
    folder = index_dir / LEXICON_DIR
    if not is_current(folder):
        return None
    counts = json.loads((folder / TERM_COUNTS_FILE).read_text(encoding="utf-8"))
    headings = set().union(*map(set, _read(folder / HEADINGS_FILE).values()))
    segments = [folder / name for name in _read(folder / TEXT_SEGMENTS_FILE)]
    return Lexicon(counts["paragraphs"], counts["frequency"], headings, CorpusText(segments))


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
