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

from rag.models import SourceDocument, SourceLine

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + PDF_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024


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


def load_document(path: str | Path) -> SourceDocument:
    path = Path(path)
    if not path.is_file():
        raise LoadError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"不支持的文件类型 {suffix or '（无扩展名）'}：只接受 .txt、.md、.pdf")
    data = path.read_bytes()
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(f"文件过大（{len(data) // 1024 // 1024} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）")
    if suffix in PDF_SUFFIXES:
        text, encoding = _pdf_text(data), "pdf"
    else:
        text, encoding = decode_text(data)
    lines = split_lines(text)
    if not any(line.text.strip() for line in lines):
        raise LoadError("文件没有可读的文字（no text）")
    return SourceDocument(
        name=path.name,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
        lines=lines,
    )


def _pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    if not data.startswith(b"%PDF"):
        raise LoadError("不是有效的 PDF 文件（missing %PDF header）")
    try:
        reader = PdfReader(io.BytesIO(data))  # opens a PDF encrypted with an empty password
        pages = [page.extract_text() or "" for page in reader.pages]
    except (FileNotDecryptedError, DependencyError) as error:  # a password, or AES without its library
        raise LoadError("PDF 已加密，请提供未加密的文件（encrypted PDF）") from error
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise LoadError(f"PDF 文件已损坏，无法读取：{error}") from error
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError("PDF 中没有可提取的文字（可能是扫描件）")
    return text


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
