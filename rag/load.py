"""Load a report file into numbered lines. The parser never sees the file format.

Text (.txt, .md): UTF-8 with or without BOM, else GB18030 (a superset of GBK); CRLF and CR
line ends. PDF: one loader more, through pypdf, giving the same numbered lines.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from rag.models import SourceDocument, SourceLine

TEXT_SUFFIXES = (".txt", ".md")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + PDF_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024


class LoadError(ValueError):
    """A file that cannot be read as a report; the message says why, in plain words."""


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise LoadError for binary or undecodable bytes."""
    if not data.strip():
        raise LoadError("文件为空（empty file）")
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


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= len(sample) * 0.01


def split_lines(text: str) -> list[SourceLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [SourceLine(number, line) for number, line in enumerate(text.split("\n"), start=1)]


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
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise LoadError("不是有效的 PDF 文件（missing %PDF header）")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
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
