from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import shared_pdf
from rag.answer import AnswerEngine
from rag.audit import SUM_CHECKS
from rag.index import write_chunks
from rag.ingest import ingest
from rag.load import LoadError, load_document
from rag.models import SourceDocument, SourceLine
from rag.ocr import OcrBox, boxes_of, page_lines
from rag.parse.text import compact
from rag.settings import load_settings
from rag.store import TableStore

D = Decimal


def _box(left, top, text, width=None, height=20):
    return OcrBox(left, top, left + (width or 20 * len(text)), top + height, text)


def test_boxes_become_rows_ordered_left_to_right():
    boxes = [
        _box(600, 102, "85.72"), _box(100, 100, "“三公”经费"), _box(800, 98, "85.72"),  # a row, skewed
        _box(100, 140, "其中：（一）因公出国（境）支出"), _box(600, 141, "0.00"),
        _box(140, 180, "（二）公务用车购置及运行维护支出"), _box(600, 180, "81.30"),  # indented two characters
        _box(100, 40, "项目", width=40), _box(600, 40, "合计", width=40),
    ]
    assert page_lines(boxes) == [
        "项目 合计",
        "“三公”经费 85.72 85.72",
        "其中：（一）因公出国（境）支出 0.00",
        "\u3000\u3000（二）公务用车购置及运行维护支出 81.30",
    ]


def test_centred_lines_get_no_indent_and_weak_text_is_dropped():
    boxes = boxes_of([
        ([[100, 10], [300, 10], [300, 30], [100, 30]], "第一部分 概况", 0.99),
        ([[20, 50], [400, 50], [400, 70], [20, 70]], "一、主要职责", 0.98),
        ([[20, 90], [60, 90], [60, 110], [20, 110]], "噪", 0.2),
    ])
    assert page_lines(boxes) == ["第一部分 概况", "一、主要职责"]


@pytest.mark.parametrize("allowed, advice", [(0, "RAG_OCR=1"), (2, "RAG_OCR_MAX_PAGES 设为 4")])
def test_a_scan_that_may_not_be_read_says_what_to_do(allowed, advice):
    with pytest.raises(LoadError, match=advice):
        load_document(shared_pdf("004_scan_excerpt.pdf"), ocr_max_pages=allowed)


def test_ocr_settings(monkeypatch):
    monkeypatch.setenv("RAG_OCR_MAX_PAGES", "5")
    assert load_settings().ocr_max_pages == 5
    monkeypatch.setenv("RAG_OCR", "0")
    assert load_settings().ocr_max_pages == 0


def test_lines_of_scanned_pages_are_known():
    document = SourceDocument("x.pdf", "x.pdf", "0", "pdf", [SourceLine(n, "") for n in range(1, 11)],
                              page_lines=[1, 4, 8], ocr_pages=[2, 3])
    assert document.ocr_lines == [(4, 7), (8, 10)]


@pytest.mark.slow
def test_scanned_excerpt_ingests_its_sangong_table_from_ocr(tmp_path, capfd):
    """Four scanned pages of 广州 2023 (cover, the 三公 table split over two pages, 说明)."""
    settings = load_settings().with_overrides(index_dir=tmp_path / "index", ocr_max_pages=4)
    result = ingest([shared_pdf("004_scan_excerpt.pdf")], settings, build_steps=[write_chunks], progress=True)
    progress = capfd.readouterr().err
    assert "扫描件识别" in progress and all(f"第{n}页：" in progress for n in range(1, 5))
    (summary,) = result.reports
    assert summary.identity.title == "广州市医疗保障局2023年部门预算"
    assert any(note.startswith("扫描件识别 4 页") and "加总核对" in note for note in summary.notes)
    store = TableStore(settings.store_path)
    (document,) = store.documents()
    table = store.table(document.name, 7)
    assert table.title == "财政拨款安排的行政经费及“三公”经费预算表" and table.source == "ocr"
    rows = {compact(row.name): row for row in store.rows(table.id)}
    assert {name: row.values["合计"] for name, row in rows.items()} == {
        "行政经费": D("411608.64"), "“三公”经费": D("85.72"), "其中：（一）因公出国（境）支出": D("0.00"),
        "（二）公务用车购置及运行维护支出": D("81.30"), "1.公务用车购置": D("36.00"),
        "2.公务用车运行维护费": D("45.30"), "（三）公务接待费支出": D("4.42")}
    assert document.read_by_ocr(rows["“三公”经费"].line_start)
    sangong = [f for f in store.audit_findings(document.name) if f.table == 7 and f.check in SUM_CHECKS]
    assert sangong and all(f.passed for f in sangong)
    assert any(f.item == "三公经费" and f.value == D("85.72") for f in store.facts(document.name))

    answer = AnswerEngine(settings, dense=False).ask("广州医保局2023年三公经费多少")
    assert (answer.figures[0].value, answer.figures[0].table, answer.figures[0].scanned) == (D("85.72"), 7, True)
    assert "（扫描件识别）" in answer.answer.split("\n")[0]
    assert answer.to_json()["sources"][0]["scanned"] is True
