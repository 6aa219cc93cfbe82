"""Command line: python -m rag ingest | audit (and the answering commands)."""
from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from pathlib import Path

from rag.audit import summarize
from rag.ingest import IngestResult, indexed_paths, ingest
from rag.models import identity_warning
from rag.settings import Settings, load_settings
from rag.store import TableStore


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rag", description="广东医保局预决算报告问答")
    parser.add_argument("--index-dir", type=Path, help="索引目录（默认 index/，或环境变量 RAG_INDEX_DIR）")
    parser.add_argument("--model", help="嵌入模型：默认内置 multilingual-e5-small，或本地 sentence-transformers 目录"
                        "（环境变量 RAG_EMBEDDING_MODEL）")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest_parser = commands.add_parser("ingest", help="读入报告并建立索引")
    ingest_parser.add_argument("paths", nargs="*", type=Path, help="报告文件或目录（默认 corpus/）")
    ingest_parser.add_argument("--add", action="store_true", help="加入现有索引，而不是只索引给出的文件")
    ingest_parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    audit_parser = commands.add_parser("audit", help="打印核对结果（加总、三公经费、正文与表格）")
    audit_parser.add_argument("--all", action="store_true", help="也列出通过的核对")
    audit_parser.add_argument("--doc", help="只看某份报告（corpus/ 中的文件名）")

    ask_parser = commands.add_parser("ask", help="提问；- 表示从标准输入每行读一个问题")
    ask_parser.add_argument("question", help="问题，或 - （每行一个问题，模型只加载一次）")
    ask_parser.add_argument("--json", action="store_true", help="输出 JSON（每个问题一行）")
    ask_parser.add_argument("--no-dense", action="store_true", help="只用关键词检索，不加载嵌入模型")
    ask_parser.add_argument("--llm", action="store_true", help="用 RAG_LLM_* 设置的大模型改写答案（数字须与证据一致）")

    eval_parser = commands.add_parser("eval", help="在评测集上打印各类问题的准确率")
    eval_parser.add_argument("--file", type=Path, default=None, help="评测集（默认 eval/questions.jsonl）")
    eval_parser.add_argument("--no-dense", action="store_true", help="只用关键词检索")
    eval_parser.add_argument("--show-failures", action="store_true", help="列出答错的问题")

    args = parser.parse_args(argv)
    settings = load_settings().with_overrides(index_dir=args.index_dir, embedding_model=args.model)
    commands_run = {"ingest": run_ingest, "audit": run_audit, "ask": run_ask, "eval": run_eval}
    return commands_run[args.command](args, settings)


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    paths = list(args.paths) or settings.default_sources
    if args.add:
        paths = indexed_paths(settings) + paths
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print("找不到：" + "、".join(map(str, missing)), file=sys.stderr)
        return 2
    from rag.embeddings import ModelError
    from rag.index import build_search_indexes

    try:
        build = partial(build_search_indexes, show_progress=not args.no_progress)
        result = ingest(paths, settings, build_steps=[build], progress=not args.no_progress)
    except ModelError as error:
        print(f"嵌入模型出错，索引未改变：{error}", file=sys.stderr)
        return 2
    print_ingest_summary(result)
    return 0 if result.reports else 1


def print_ingest_summary(result: IngestResult) -> None:
    unread = [report for report in result.reports if not report.identity.complete]
    if unread:  # first, where it is seen: these reports went in but questions will not find them
        print(f"⚠ {len(unread)} 份报告未能识别身份：" + "；".join(
            f"{report.name}（缺{'、'.join(report.identity.missing)}）" for report in unread))
        print(f"  {identity_warning(unread[0].identity.missing).split('：', 1)[1]}")
    for report in result.reports:
        identity = report.identity
        who = identity.title if identity.complete else f"{report.name}（未能识别{'、'.join(identity.missing)}，仍已索引）"
        audit = (f"核对 {report.audit_passed}/{report.audit_checks} 通过" if report.audit_checks
                 else "无可核对的表格")
        print(f"{'✔' if identity.complete else '⚠'} {report.name}  {who}\n"
              f"    章节 {report.sections}，段落 {report.paragraphs}，表格 {report.tables}，表行 {report.rows}，"
              f"正文数字 {report.facts}；{audit}")
        for note in report.notes:
            print(f"    · {note}")
        for warning in report.warnings:
            print(f"    ⚠ {warning}")
    for path, reason in result.skipped:
        print(f"✘ 跳过 {path}：{reason}")
    if not result.reports:
        print("没有可索引的报告；现有索引保持不变。")
    elif result.changed:
        print(f"索引已更新（{len(result.reports)} 份报告，用时 {result.seconds:.1f} 秒）：{result.build_dir}")
    else:
        print(f"报告未变化，索引保持不变（{len(result.reports)} 份报告）。")


def run_audit(args: argparse.Namespace, settings: Settings) -> int:
    try:
        store = TableStore(settings.store_path)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    findings = store.audit_findings(args.doc)
    titles = {d.name: d.title for d in store.documents()}
    failed = [f for f in findings if not f.passed]
    for finding in (findings if args.all else failed):
        mark = "✔" if finding.passed else "✘"
        print(f"{mark} {titles.get(finding.doc, finding.doc)}（{finding.doc} 第{finding.line}行） {finding.subject}："
              f"所列 {finding.expected}，计算 {finding.actual}，差 {finding.difference}")
    by_check: dict[str, list[int]] = {}
    for finding in findings:
        counts = by_check.setdefault(finding.check, [0, 0])
        counts[0] += 1
        counts[1] += finding.passed
    for check, (total, passed) in sorted(by_check.items()):
        print(f"{check}: {passed}/{total} 通过")
    summary = summarize(findings)
    print(f"加总核对合计：{summary.passed}/{summary.checks} 通过（{summary.rate:.2%}）；"
          f"不一致 {len(failed)} 处（含正文数字核对）")
    return 0


def _engine(settings: Settings, dense: bool):
    from rag.answer import AnswerEngine

    try:
        return AnswerEngine(settings, dense=dense)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return None


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    engine = _engine(settings, dense=not args.no_dense)
    if engine is None:
        return 2
    phraser = None
    if args.llm:
        from rag.llm import LLMPhraser

        try:
            phraser = LLMPhraser.from_settings(settings)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
    questions = sys.stdin if args.question == "-" else [args.question]
    for line in questions:
        question = line.rstrip("\n")
        if args.question == "-" and not question.strip():
            continue
        answer = engine.ask(question)
        if phraser is not None:
            answer = phraser.rephrase(answer)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            print(answer.answer)
            for source in answer.sources:
                where = f"表{source.table}" if source.table else (source.section or "")
                print(f"  来源：{source.title}（{source.doc} 第{source.line}行）{where}")
            print(flush=True)
    return 0


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from rag.evaluate import evaluate, print_report

    engine = _engine(settings, dense=not args.no_dense)
    if engine is None:
        return 2
    report = evaluate(engine, args.file)
    print_report(report, show_failures=args.show_failures)
    return 0
