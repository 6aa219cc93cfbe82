"""Load a report file into numbered lines. The parser never sees the file format.

Text (.txt, .md): UTF-8 with or without BOM, UTF-16 (with a BOM or recognisable), else GB18030
(a superset of GBK); CRLF and CR line ends. PDF: one loader more, through pypdf, giving the same
numbered lines. Every line is then normalized (`normalize_line`), which never adds or removes a
line: the numbers stay those of the extracted text.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from rag.models import RuledTable, SourceDocument, SourceLine

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + PDF_SUFFIXES
# A report is 3-5万字; a text many times longer is not one report, and would cost minutes to embed.
MAX_REPORT_CHARS = 500_000


class LoadError(ValueError):
    """A file that cannot be read as a report; the message says why, in plain words."""


# ---------------------------------------------------------------- normalization
# Kangxi radicals whose NFKC form is the Traditional or variant character, where simplified
# fonts draw the simplified one (PDFs printed by Chrome/Skia or WPS map 户 to ⼾).
BEFORE_NFKC = str.maketrans({"⼾": "户", "⾭": "青", "⿈": "黄"})
# CJK Radicals Supplement code points that such PDFs use for whole characters; NFKC leaves them.
RADICAL_LOOKALIKES = str.maketrans({
    "⺠": "民", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长", "⻔": "门",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马", "⻣": "骨",
    "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐",
    "⻮": "齿", "⻰": "龙",
})
# What NFKC would fold but the reports (and the parser) write as they are: Chinese full-width
# punctuation and the ideographic space (an indent), the ellipsis, circled and enclosed list
# numbers, squared units (㎡) and superscripts.
KEEP_AS_IS = "，：；（）！？～\u3000…\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3251-\u32bf\u3300-\u33ff"
_FOLDABLE = re.compile(f"[^{KEEP_AS_IS}]+")


def normalize_line(text: str) -> str:
    """One line as the parser expects it, whatever tool printed the PDF or wrote the file.

    ⼾ -> 户, then NFKC (Kangxi radicals, full-width digits, letters and separators, compatibility
    ideographs, odd spaces) except the characters of KEEP_AS_IS, then the radicals NFKC leaves
    alone; format characters (zero-width, bidirectional controls, soft hyphen) are removed.
    """
    text = text.translate(BEFORE_NFKC)
    text = _FOLDABLE.sub(lambda run: unicodedata.normalize("NFKC", run.group(0)), text)
    text = text.translate(RADICAL_LOOKALIKES)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise LoadError for binary or undecodable bytes."""
    if not data.strip():
        raise LoadError("文件为空（empty file）")
    utf16 = _utf16_encoding(data)
    if utf16:
        text = data.decode(utf16, errors="replace")
        if _looks_like_text(text):
            return text.removeprefix("\ufeff"), "utf-16"
    if b"\x00" in data[:65536]:
        raise LoadError("文件是二进制内容，不是文本报告（binary file: NUL bytes）")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise LoadError("无法识别文件编码：既不是 UTF-8 也不是 GB18030/GBK（undecodable text）")


def _utf16_encoding(data: bytes) -> str | None:
    """utf-16 for a BOM; utf-16-le/-be when the NUL bytes sit at odd/even offsets, as ASCII and
    line ends do in UTF-16 text (binary data has NULs anywhere)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:65536]
    if len(sample) % 2 and len(data) == len(sample):
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    if odd + even < 2:
        return None
    if even == 0 and odd > 0:
        return "utf-16-le"
    if odd == 0 and even > 0:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= len(sample) * 0.01


def split_lines(text: str) -> list[SourceLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourceLine(number, normalize_line(line)) for number, line in enumerate(text.split("\n"), start=1)]


def too_large(size: int, max_bytes: int) -> str | None:
    """Why a file of this many bytes is refused (RAG_MAX_FILE_MB), or None."""
    if size <= max_bytes:
        return None
    return f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {max_bytes / 1024 / 1024:g} MB，见设置 RAG_MAX_FILE_MB）"


def load_document(path: str | Path, ocr_max_pages: int | None = None, progress: bool = False,
                  max_bytes: int | None = None) -> SourceDocument:
    """The report's numbered lines. A PDF's pages without a text layer are read by OCR, up to
    ocr_max_pages of them (None: the RAG_OCR / RAG_OCR_MAX_PAGES settings; 0: off). A file over
    max_bytes (None: RAG_MAX_FILE_MB) or a text over MAX_REPORT_CHARS is refused before parsing."""
    path = Path(path)
    if not path.is_file():
        raise LoadError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"不支持的文件类型 {suffix or '（无扩展名）'}：只接受 .txt、.md、.pdf")
    if ocr_max_pages is None or max_bytes is None:
        from rag.settings import load_settings

        settings = load_settings()
        ocr_max_pages = settings.ocr_max_pages if ocr_max_pages is None else ocr_max_pages
        max_bytes = settings.max_file_bytes if max_bytes is None else max_bytes
    refusal = too_large(path.stat().st_size, max_bytes)
    if refusal:
        raise LoadError(refusal)
    data = path.read_bytes()
    document = SourceDocument(name=path.name, path=str(path), sha256=hashlib.sha256(data).hexdigest(),
                              encoding="pdf", lines=[])
    if suffix in PDF_SUFFIXES:
        _read_pdf(data, document, ocr_max_pages, progress)
    else:
        text, document.encoding = decode_text(data)
        _check_length(len(text))
        document.lines = split_lines(text)
    if not any(line.text.strip() for line in document.lines):
        raise LoadError("文件没有可读的文字（no text）")
    return document


def _read_pdf(data: bytes, document: SourceDocument, ocr_max_pages: int, progress: bool) -> None:
    """The text layer page by page (pypdf), scanned pages read by OCR, numbered as one text;
    and the ruled tables."""
    pages, scanned = _pdf_pages(data)
    if scanned:
        refusal = _ocr_refusal(len(scanned), ocr_max_pages)
        if refusal and not "".join(pages).strip():
            raise LoadError(refusal)
        if refusal:
            document.warnings.append(f"第{'、'.join(map(str, scanned))}页没有文字层，未读入：" + refusal)
        else:
            for number, lines in _ocr(data, scanned, progress).items():
                pages[number - 1] = "\n".join(lines)
            document.ocr_pages = scanned
    if not "".join(pages).strip():
        raise LoadError("PDF 中没有可提取的文字")
    _check_length(sum(map(len, pages)))
    for text in pages:
        document.page_lines.append(len(document.lines) + 1)
        first = len(document.lines)
        document.lines += [SourceLine(first + line.number, line.text) for line in split_lines(text)]
    document.ruled_tables = _ruled_tables(data, document)


def _check_length(characters: int) -> None:
    if characters > MAX_REPORT_CHARS:
        raise LoadError(f"文字过多（{characters:,} 字，上限 {MAX_REPORT_CHARS:,} 字；一份报告通常 3–5 万字）："
                        "这不像一份预算、决算或绩效报告，未读入")


def _ocr_refusal(scanned: int, ocr_max_pages: int) -> str | None:
    """Why scanned pages cannot be read here, and what to do; None when they can."""
    if ocr_max_pages <= 0:
        return (f"PDF 有{scanned}页是扫描件（没有文字层），文字识别已关闭（RAG_OCR=0）："
                "请设置 RAG_OCR=1 后重新导入，或提供有文字层的 PDF")
    if scanned > ocr_max_pages:
        return (f"PDF 有{scanned}页是扫描件（没有文字层），超过文字识别的上限 {ocr_max_pages} 页"
                f"（RAG_OCR_MAX_PAGES）：请把 RAG_OCR_MAX_PAGES 设为 {scanned} 或更大后重新导入"
                "（每页约需 5–40 秒），或提供有文字层的 PDF")
    return None


def _ocr(data: bytes, pages: list[int], progress: bool) -> dict[int, list[str]]:
    from rag.ocr import read_pages

    try:
        return read_pages(data, pages, progress)
    except Exception as error:  # noqa: BLE001 - rendering or the OCR engine failed on this file
        raise LoadError(f"扫描件文字识别失败：{error}") from error


def _pdf_pages(data: bytes) -> tuple[list[str], list[int]]:
    """Each page's text layer, and the 1-based numbers of the pages that are only images (scans)."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.startswith(b"%PDF"):
        raise LoadError("不是有效的 PDF 文件（missing %PDF header）")
    try:
        reader = PdfReader(io.BytesIO(data))  # opens a PDF encrypted with an empty password
        texts = [page.extract_text() or "" for page in reader.pages]
        scanned = [number for number, (page, text) in enumerate(zip(reader.pages, texts), start=1)
                   if not text.strip() and len(page.images) > 0]
        return texts, scanned
    except (FileNotDecryptedError, DependencyError) as error:  # a password, or AES without its library
        raise LoadError("PDF 已加密，请提供未加密的文件（encrypted PDF）") from error
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise LoadError(f"PDF 文件已损坏，无法读取：{error}") from error


def _ruled_tables(data: bytes, document: SourceDocument) -> list[RuledTable]:
    """Tables drawn with ruling lines (pdfplumber), each row located in the page's lines.

    A cell's wrapped lines are joined; a merged cell is empty in the cells it covers, as in a
    tab-separated layout. Read only for the parser's fallback: the lines stay the source."""
    import io
    import logging

    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # font-descriptor chatter
    bounds = document.page_lines + [len(document.lines) + 1]
    found: list[RuledTable] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                page_lines = document.lines[bounds[number - 1] - 1:bounds[number] - 1]
                cursor = 0  # tables are found top to bottom: the next one starts below
                for rows in page.extract_tables():
                    located, cursor = _locate_rows(rows, page_lines, cursor)
                    found.append(RuledTable(number, located))
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds; the text layer stays usable
        return []
    return [table for table in found if table.lines]


def _locate_rows(rows: list[list[str | None]], page_lines: list[SourceLine],
                 cursor: int) -> tuple[list[SourceLine], int]:
    """The rows as tab-separated lines numbered where they are printed, and the index of the
    page line after them."""
    located: list[SourceLine] = []
    for row in rows:
        cells = [normalize_line((cell or "").replace("\n", "")).strip() for cell in row]
        if not any(cells):
            continue
        cursor = _line_of(next(cell for cell in cells if cell), page_lines, cursor)
        number = page_lines[cursor].number if page_lines else 1
        located.append(SourceLine(number, "\t".join(cells)))
    return located, cursor + 1


def _line_of(cell: str, lines: list[SourceLine], start: int) -> int:
    """Index of the first line from start that prints the beginning of the cell."""
    key = re.sub(r"\s+", "", cell)
    for length in (8, 4, 2):
        for index in range(start, len(lines)):
            if key[:length] in re.sub(r"\s+", "", lines[index].text):
                return index
    return start


def find_report_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders into the report files they hold, sorted, without duplicates."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        else:
            found.append(path)
    unique = dict.fromkeys(p.resolve() for p in found)
    return list(unique)
