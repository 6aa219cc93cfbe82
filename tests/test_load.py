from __future__ import annotations

import pytest

from rag.load import LoadError, decode_text, find_report_files, load_document, normalize_line, split_lines

from conftest import CORPUS

SAMPLE = "江门市医疗保障局2024年部门预算\r\n单位：万元\r\n"


def test_utf8_with_bom_and_crlf(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    document = load_document(path)
    assert document.encoding == "utf-8"
    assert document.lines[0].text == "江门市医疗保障局2024年部门预算"
    assert document.lines[1].number == 2 and document.lines[1].text == "单位：万元"


def test_gbk_is_detected(tmp_path):
    path = tmp_path / "b.md"
    path.write_bytes(SAMPLE.encode("gbk"))
    document = load_document(path)
    assert document.encoding == "gb18030"
    assert "江门市医疗保障局" in document.lines[0].text


@pytest.mark.parametrize("data, message", [
    (b"", "为空"),
    (b"   \n\n", "为空"),
    (b"\x00\x01\x02binary\x00", "二进制"),
    (bytes(range(128, 256)) * 50, "编码"),
])
def test_bad_bytes_get_a_clear_message(data, message):
    with pytest.raises(LoadError, match=message):
        decode_text(data)


def test_unsupported_suffix_and_missing_file(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"PK")
    with pytest.raises(LoadError, match="不支持"):
        load_document(tmp_path / "x.docx")
    with pytest.raises(LoadError, match="找不到"):
        load_document(tmp_path / "nope.txt")


def test_broken_pdf_is_refused(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    with pytest.raises(LoadError, match="PDF"):
        load_document(path)


def test_cr_only_line_ends():
    assert [line.text for line in split_lines("a\rb\r\nc")] == ["a", "b", "c"]


def test_folders_expand_to_sorted_files(tmp_path):
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert [p.name for p in find_report_files([tmp_path])] == ["a.txt", "b.txt"]


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 20 150 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return body


def test_a_text_pdf_loads_as_numbered_lines(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(_minimal_pdf("Budget 2024 total 17.56"))
    document = load_document(path)
    assert document.encoding == "pdf"
    assert any("17.56" in line.text for line in document.lines)


# ---------------------------------------------------------------- normalization
@pytest.mark.parametrize("raw, expected", [
    ("⼴州市医疗保障局⽀出", "广州市医疗保障局支出"),  # Kangxi radicals (NFKC)
    ("⼾数", "户数"),  # NFKC alone would give the Traditional 戶
    ("部⻔ ⻋辆 ⻓期 ⺠⽣", "部门 车辆 长期 民生"),  # CJK Radicals Supplement, left alone by NFKC
    ("合计 ４，１８１．３０ 增长８．０％", "合计 4，181.30 增长8.0%"),  # full-width digits and separators
    ("（一）主要职责：收入、支出；合计", "（一）主要职责：收入、支出；合计"),  # Chinese punctuation kept
    ("\u3000\u3000一、概况", "\u3000\u3000一、概况"),  # the ideographic indent kept
    ("面积２００㎡…①", "面积200㎡…①"),
    ("三公\u200b经费\u200d17.56\u202e万元\u2066\ufeff", "三公经费17.56万元"),  # zero-width and bidi controls
])
def test_lines_are_normalized(raw, expected):
    assert normalize_line(raw) == expected


def test_normalization_leaves_the_corpus_as_it_is():
    for path in sorted(CORPUS.glob("*.txt")):
        text, _ = decode_text(path.read_bytes())
        changed = [line for line in text.splitlines() if normalize_line(line) != line]
        assert changed == [], path.name


def test_normalization_keeps_line_numbers(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("⼴州\n\u200b\n\u202e第三行\n", encoding="utf-8")
    assert [(line.number, line.text) for line in load_document(path).lines] == [
        (1, "广州"), (2, ""), (3, "第三行"), (4, "")]


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                           ("utf-16-le", b""), ("utf-16-be", b"")])
def test_utf16_text_is_decoded(tmp_path, encoding, bom):
    path = tmp_path / "u16.txt"
    path.write_bytes(bom + SAMPLE.encode(encoding))
    document = load_document(path)
    assert document.encoding == "utf-16"
    assert [line.text for line in document.lines[:2]] == ["江门市医疗保障局2024年部门预算", "单位：万元"]


def test_encrypted_pdf_says_so(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = tmp_path / "plain.pdf"
    plain.write_bytes(_minimal_pdf("Budget 2024 total 17.56"))
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    with pytest.raises(LoadError, match="PDF 已加密，请提供未加密的文件"):
        load_document(locked)
