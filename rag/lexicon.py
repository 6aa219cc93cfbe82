"""What the answer engine derives from the whole corpus, saved with the build so that a process
starts in milliseconds whatever the number of reports (issue 11):

- the term-weight counts (rank.TermWeights over every paragraph): how many paragraphs there are and
  in how many of them each character and character bigram occurs;
- the section-heading words of the spelling vocabulary (answer._spelling_vocabulary reads them
  from every chunk's section path);
- the corpus text a typed word is looked up in ("the reports print it, so it is no typo"): each
  report's paragraphs, row names and chunk texts, one line each, in one UTF-8 file that is
  memory-mapped, not read.

Each is kept per report or summed, so that a build from a base adds the reports written anew and
takes out the reports removed (their paragraphs read from the base's store): the cost of a build
step follows the reports changed, not the corpus. The row names and the domain's words are added
when loading (they come from the row vocabulary and rag/domain.py).
"""
from __future__ import annotations

import hashlib
import inspect
import json
import mmap
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
HEADINGS_FILE = "headings.json"  # {doc: [section-heading words]}
TEXT_FILE = "corpus_text.txt"  # every report's text, one part after another
TEXT_SPANS_FILE = "corpus_text_spans.json"  # {doc: [first byte, end byte]} in TEXT_FILE


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
    return ReportPart(len(texts), frequency, heading_words(c.section for c in chunks),
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
        spans = {d: s for d, s in _read(base / TEXT_SPANS_FILE).items() if d not in removed}
        for doc in removed:
            for paragraph in base_store.paragraphs(doc):
                paragraphs -= 1
                frequency.subtract(paragraph_grams(paragraph.text))
    else:
        paragraphs, frequency, headings, spans = 0, Counter(), {}, {}
    new_spans = {}
    with open(folder / TEXT_FILE, "wb") as out:
        if spans:
            with open(base / TEXT_FILE, "rb") as kept:
                for doc, (start, end) in spans.items():
                    kept.seek(start)
                    new_spans[doc] = [out.tell(), out.tell() + end - start]
                    out.write(kept.read(end - start))
        for doc, part in fresh.items():
            paragraphs += part.paragraphs
            frequency.update(part.frequency)
            headings[doc] = sorted(part.headings)
            data = part.text.encode("utf-8")
            new_spans[doc] = [out.tell(), out.tell() + len(data)]
            out.write(data)
    frequency = {gram: n for gram, n in frequency.items() if n > 0}
    _write(folder / TERM_COUNTS_FILE, {"version": version(), "paragraphs": paragraphs, "frequency": frequency})
    _write(folder / HEADINGS_FILE, headings)
    _write(folder / TEXT_SPANS_FILE, new_spans)


class CorpusText:
    """`word in text` over the saved corpus text, memory-mapped: a word without a line break is in
    it exactly when some report's paragraph, row name or chunk prints it."""

    def __init__(self, path: Path):
        self._file = open(path, "rb")
        size = path.stat().st_size
        self._map = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ) if size else b""

    def __contains__(self, word: str) -> bool:
        return self._map.find(word.encode("utf-8")) != -1


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
    return Lexicon(counts["paragraphs"], counts["frequency"], headings, CorpusText(folder / TEXT_FILE))


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write(path: Path, value) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
