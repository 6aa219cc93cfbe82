"""Progress bars of the long steps (reading reports, embedding chunks), with their rate: reports
or chunks per second. On a terminal the bar is one line redrawn; written to a log or a pipe, it is
a plain line every LOG_PERIOD seconds, so a long ingest's log stays readable."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from tqdm import tqdm

LOG_PERIOD = 30.0  # seconds between progress lines when stderr is not a terminal


class _Lines:
    """A stream for tqdm that writes each status as a line of its own (no carriage returns)."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, text: str) -> None:
        line = text.strip("\r\n ")
        if line:
            self.stream.write(line + "\n")

    def flush(self) -> None:
        self.stream.flush()


def progress_bar(iterable: Iterable | None = None, *, total: int, what: str, unit: str, shown: bool) -> tqdm:
    """A bar of `total` units saying `what`, with the units per second; nothing when not shown."""
    if not shown or sys.stderr.isatty():
        return tqdm(iterable, total=total, desc=what, unit=unit, disable=not shown)
    return tqdm(iterable, total=total, desc=what, unit=unit, file=_Lines(sys.stderr), mininterval=LOG_PERIOD,
                ascii=True, ncols=80)
