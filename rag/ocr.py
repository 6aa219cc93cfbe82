"""Read PDF pages that have no text layer (scans) with rapidocr-onnxruntime.

rapidocr-onnxruntime 1.4.4 carries the PP-OCRv4 Chinese detection, recognition and direction
models in its wheel: nothing is downloaded. A page is rendered (pypdfium2), its text boxes are
recognised, and the boxes are put back into the lines a text layer would have given: boxes
grouped into rows by their vertical position, each row ordered left to right, cells joined by a
space (the space layout the table parser reads), and the row's indent kept as ideographic spaces.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from functools import lru_cache

RENDER_SCALE = 2.0  # 144 dpi: scans printed at 150 dpi keep their resolution
MIN_SCORE = 0.5  # recognised text below this confidence is left out
MAX_INDENT = 3  # characters


@dataclass(frozen=True)
class OcrBox:
    left: float
    top: float
    right: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def page_lines(boxes: list[OcrBox]) -> list[str]:
    """The printed lines of one page, top to bottom, from its recognised boxes."""
    if not boxes:
        return []
    rows: list[list[OcrBox]] = []
    for box in sorted(boxes, key=lambda b: b.middle):
        row = rows[-1] if rows else None
        if row and _same_row(row, box):
            row.append(box)
        else:
            rows.append([box])
    margin = min(box.left for box in boxes)
    char = sorted(box.height for box in boxes)[len(boxes) // 2]  # a character is about as wide as high
    lines = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        lines.append(_indent(row[0].left - margin, char) + " ".join(box.text.strip() for box in row))
    return lines


def _indent(offset: float, char: float) -> str:
    """An indent of one to three characters as printed (a box edge a little to the right is
    none); a line further in is centred, not indented."""
    characters = int(offset / char + 0.25)
    return "\u3000" * characters if characters <= MAX_INDENT else ""


def _same_row(row: list[OcrBox], box: OcrBox) -> bool:
    """A box belongs to the row when its middle lies within the row's band."""
    top = sum(b.top for b in row) / len(row)
    bottom = sum(b.bottom for b in row) / len(row)
    return top <= box.middle <= bottom


def boxes_of(result: list | None) -> list[OcrBox]:
    """rapidocr's [(four corner points, text, score)] as boxes."""
    boxes = []
    for corners, text, score in result or []:
        if float(score) < MIN_SCORE or not text.strip():
            continue
        xs = [point[0] for point in corners]
        ys = [point[1] for point in corners]
        boxes.append(OcrBox(min(xs), min(ys), max(xs), max(ys), text))
    return boxes


@lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    return RapidOCR()


def read_pages(data: bytes, pages: list[int], progress: bool = True) -> dict[int, list[str]]:
    """Lines of the given 1-based pages of a PDF, read by OCR, with a progress bar per page and
    each page's time printed."""
    import numpy as np
    import pypdfium2
    from tqdm import tqdm

    engine = _engine()
    document = pypdfium2.PdfDocument(data)
    read: dict[int, list[str]] = {}
    try:
        bar = tqdm(pages, desc="扫描件识别", unit="页", disable=not progress)
        for number in bar:
            started = time.perf_counter()
            image = document[number - 1].render(scale=RENDER_SCALE).to_pil().convert("RGB")
            result, _ = engine(np.asarray(image))
            read[number] = page_lines(boxes_of(result))
            if progress:
                bar.write(f"  第{number}页：{time.perf_counter() - started:.1f} 秒，{len(read[number])} 行",
                          file=sys.stderr)
    finally:
        document.close()
    return read
