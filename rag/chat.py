"""What the chat page shows, kept apart from Streamlit so it can be tested and reused.

The app (app.py) only lays these out; answers come from the same AnswerEngine as the CLI.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from rag.answer import Answer, Source
from rag.audit import CHECK_NAMES, summarize
from rag.ingest import IngestResult, indexed_paths, ingest
from rag.load import SUPPORTED_SUFFIXES
from rag.settings import Settings
from rag.store import TableStore

EXAMPLE_QUESTIONS = (
    "江门医保局2024年三公经费多少",
    "江门医保局2023年整体支出绩效目标是什么",
    "江门和吴川2024年三公经费对比",
    "广州2023年公务接待费占三公经费的比例",
    "廉江2023年三公经费预算和决算对比",
    "哪个城市三公经费最多",
    "什么是三公经费",
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$=])")


def plain(text: str) -> str:
    """Text for st.markdown that shows exactly as written: no markdown, no HTML, no LaTeX."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", "  \n")


@dataclass
class TableView:
    title: str
    frame: pd.DataFrame
    highlight_row: int | None  # position in frame
    cited_column: str | None
    csv: bytes
    file_name: str


def table_view(store: TableStore, source: Source) -> TableView | None:
    """The whole table a figure comes from, with its row and column marked."""
    if source.kind != "table" or source.table is None:
        return None
    table = store.table(source.doc, source.table)
    if table is None:
        return None
    rows = store.rows(table.id)
    records, highlight = [], None
    for position, row in enumerate(rows):
        record = {"行": row.line_start, "编码": row.code or "", "项目": row.name}
        if row.side:
            record = {"栏": row.side, **record}
        record.update({column: f"{value:f}" for column, value in row.values.items()})
        if table.text_column:
            record[table.text_column] = row.text or ""
        records.append(record)
        if row.id == source.row_id:
            highlight = position
    frame = pd.DataFrame.from_records(records).fillna("")
    csv = frame.to_csv(index=False).encode("utf-8-sig")
    return TableView(f"表{table.number} {table.title}（单位：{table.unit or '万元'}）", frame, highlight,
                     source.column, csv, f"{source.doc.rsplit('.', 1)[0]}_表{table.number}.csv")


def styled(view: TableView):
    """The frame with the cited row shaded and the cited cell in bold."""
    def shade(row: pd.Series) -> list[str]:
        if row.name != view.highlight_row:
            return [""] * len(row)
        return ["background-color: #fff3b0; font-weight: bold" if column == view.cited_column
                else "background-color: #fff3b0" for column in row.index]

    return view.frame.style.apply(shade, axis=1)


def chart_frame(answer: Answer) -> pd.DataFrame | None:
    if not answer.chart:
        return None
    return pd.DataFrame({"项目": answer.chart["labels"], answer.chart["unit"]: answer.chart["values"]}).set_index("项目")


def report_overview(store: TableStore) -> pd.DataFrame:
    records = []
    for document in store.documents():
        findings = store.audit_findings(document.name)
        summary = summarize(findings)
        odd = sum(not f.passed for f in findings)
        records.append({"单位": document.unit or "（未识别）", "年度": document.year or "", "类型": document.kind or "",
                        "表格": store.counts(document.name)["tables"],
                        "核对": f"{summary.passed}/{summary.checks} 通过" + (f"，{odd} 处不一致" if odd else ""),
                        "文件": document.name})
    return pd.DataFrame.from_records(records)


def audit_frame(store: TableStore, doc: str, only_failed: bool) -> pd.DataFrame:
    findings = [f for f in store.audit_findings(doc) if not only_failed or not f.passed]
    return pd.DataFrame.from_records([
        {"结果": "通过" if f.passed else "不一致", "核对": CHECK_NAMES.get(f.check, f.check), "表": f.table or "",
         "内容": f.subject,
         "所列": f"{f.expected:f}", "计算/对照": f"{f.actual:f}", "差": f"{f.difference:f}", "行": f.line}
        for f in findings])


class UploadError(ValueError):
    """An upload refused before it reaches the index."""


def add_upload(name: str, data: bytes, settings: Settings, on_progress=None, build_steps=None) -> IngestResult:
    """Save an uploaded report next to the index and rebuild with it; the index stays as it was on failure."""
    safe_name = Path(name).name
    if Path(safe_name).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UploadError(f"不支持的文件类型：{safe_name}（只接受 .txt、.md、.pdf）")
    if len(data) > settings.max_upload_bytes:
        raise UploadError(f"文件过大：{len(data) / 1024 / 1024:.1f} MB，上限 {settings.max_upload_bytes // 1024 // 1024} MB")
    if not data.strip():
        raise UploadError("文件为空")
    uploads = settings.uploads_dir
    uploads.mkdir(parents=True, exist_ok=True)
    target = uploads / safe_name
    staged = uploads / f".{safe_name}.part"
    staged.write_bytes(data)
    staged.replace(target)
    paths = [p for p in indexed_paths(settings) if Path(p).name != safe_name] or settings.default_sources
    result = ingest(paths + [target], settings, build_steps=build_steps, progress=False, on_progress=on_progress)
    if any(Path(path).name == safe_name for path, _ in result.skipped):
        target.unlink(missing_ok=True)
    return result
