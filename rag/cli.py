"""Command line: python -m rag ingest | audit (and the answering commands)."""
from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial
from pathlib import Path

from rag.audit import summarize
from rag.ingest import IngestBusy, IngestResult, held_documents, ingest
from rag.load import find_report_files
from rag.models import identity_warning
from rag.reading import POOL_MIN_FILES
from rag.settings import DEFAULT_PARSE_WORKERS, Settings, load_settings
from rag.servers import read_store


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rag", description="广东医保局预决算报告问答")
    parser.add_argument("--index-dir", type=Path, help="索引目录（默认 index/，或环境变量 RAG_INDEX_DIR）")
    parser.add_argument("--model", help="嵌入模型：默认内置 multilingual-e5-small，或本地 sentence-transformers 目录"
                        "（环境变量 RAG_EMBEDDING_MODEL）")
    commands = parser.add_subparsers(dest="command", required=True)

    ingest_parser = commands.add_parser("ingest", help="读入报告并建立索引")
    ingest_parser.add_argument("paths", nargs="*", type=Path, help="报告文件或目录（默认 corpus/）")
    ingest_parser.add_argument("--add", action="store_true", help="加入（或更新）到现有索引")
    ingest_parser.add_argument("--replace", action="store_true",
                               help="允许替换同一单位、年度、类型的已收录报告（上传的报告不能替换官方报告）")
    ingest_parser.add_argument("--only", action="store_true", help="只用给出的文件重建索引（丢掉其余已收录的报告）")
    ingest_parser.add_argument("--no-progress", action="store_true", help="不显示进度条")
    ingest_parser.add_argument("--workers", type=int, default=None,
                               help="服务器模式：几个进程按文件分担向量化（默认 1，或环境变量 RAG_INGEST_WORKERS）")
    ingest_parser.add_argument("--parse-workers", type=int, default=None,
                               help=f"几个进程读入、解析、核对新报告（默认 {DEFAULT_PARSE_WORKERS}，或环境变量 "
                                    f"RAG_PARSE_WORKERS；1 为本进程；少于 {POOL_MIN_FILES} 份时总在本进程）")

    remove_parser = commands.add_parser("remove", help="从索引中删除一份报告")
    remove_parser.add_argument("report", help="报告的文件名、路径、上传时的文件名或标题")
    remove_parser.add_argument("--no-progress", action="store_true", help="不显示进度条")

    commands.add_parser("reports", help="列出已收录的报告及其来源、内容哈希，和增删记录")

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
    commands_run = {"ingest": run_ingest, "remove": run_remove, "reports": run_reports, "audit": run_audit,
                    "ask": run_ask, "eval": run_eval}
    try:
        return commands_run[args.command](args, settings)
    except BrokenPipeError:  # "rag ask - | head": the reader has what it wanted; no traceback
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # the exit's flush writes nowhere
        return 0


def _search_step(args: argparse.Namespace):
    from rag.index import build_search_indexes

    return partial(build_search_indexes, show_progress=not args.no_progress)


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from rag.embeddings import ModelError
    from rag.uploads import UploadError, add_file

    if (args.workers or 1) > 1 and not settings.chroma_url:
        print("--workers 需要服务器模式（RAG_CHROMA_URL）：嵌入式 Chroma 只能由一个进程写入", file=sys.stderr)
        return 2
    settings = settings.with_overrides(ingest_workers=args.workers, parse_workers=args.parse_workers)
    paths = list(args.paths) or settings.default_sources
    missing = [p for p in paths if not Path(p).exists()]
    if missing:
        print("找不到：" + "、".join(map(str, missing)), file=sys.stderr)
        return 2
    if args.add and not args.paths:
        print("--add 需要给出要加入的文件", file=sys.stderr)
        return 2
    try:
        held = held_documents(settings)
    except FileNotFoundError as error:  # a server-mode index read without its server's setting
        print(f"未导入，索引未改变：{error}", file=sys.stderr)
        return 2
    left_out = _left_out(held, paths) if args.paths and not args.add and not args.only else []
    if left_out:
        print(f"索引现有 {len(left_out)} 份报告不在给出的文件中（{'、'.join(d.title for d in left_out[:3])}…）：\n"
              "  要加入现有索引，请加 --add；要只用给出的文件重建索引（丢掉其余报告），请加 --only。索引未改变。",
              file=sys.stderr)
        return 2
    try:
        if args.add:
            results = [add_file(path, settings, [_search_step(args)], args.replace, not args.no_progress)
                       for path in paths]
        else:
            results = [ingest(paths, settings, build_steps=[_search_step(args)], progress=not args.no_progress,
                              replace=args.replace)]
    except (ModelError, IngestBusy, UploadError) as error:
        print(f"{'嵌入模型出错' if isinstance(error, ModelError) else '未导入'}，索引未改变：{error}", file=sys.stderr)
        return 2
    for result in results:
        print_ingest_summary(result)
    return 0 if all(r.held for r in results) and not any(r.skipped for r in results if args.add) else 1


def _left_out(held: list, paths: list[Path]) -> list:
    """The reports held whose files are not among these paths."""
    given = {p.resolve() for p in find_report_files(paths)}
    return [d for d in held if d.path and Path(d.path).resolve() not in given]


def print_ingest_summary(result: IngestResult) -> None:
    from rag.index import read_stats

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
        origin = report.provenance
        where = f"  上传的报告（原文件名 {origin.original_name}，{origin.uploaded_at}）" if origin.uploaded else ""
        print(f"{'✔' if identity.complete else '⚠'} {report.name}  {who}{where}\n"
              f"    章节 {report.sections}，段落 {report.paragraphs}，表格 {report.tables}，表行 {report.rows}，"
              f"正文数字 {report.facts}；{audit}")
        if origin.replaces:
            print(f"    ↻ 替换了 {origin.replaces}")
        for note in report.notes:
            print(f"    · {note}")
        for warning in report.warnings:
            print(f"    ⚠ {warning}")
    for path, reason in result.skipped:
        print(f"✘ 未收录 {path}：{reason}")
    for name in result.removed:
        print(f"－ 不再收录 {name}")
    if not result.held:
        print("没有可索引的报告；现有索引保持不变。")
    elif result.changed:
        stats = read_stats(result.build_dir)
        print(f"索引已更新（{result.held} 份报告：新读入 {len(result.reports)} 份{_reading_rate(result)}，"
              f"沿用 {len(result.kept)} 份{_embedding_rate(stats)}；用时 {result.seconds:.1f} 秒）：{result.build_dir}")
    else:
        print(f"报告未变化，索引保持不变（{result.held} 份报告）。")


def _reading_rate(result: IngestResult) -> str:
    reading = result.reading
    if not reading.files:
        return ""
    processes = f"，{reading.processes} 个进程" if reading.processes > 1 else ""
    return f"（解析核对 {reading.seconds:.1f} 秒，{reading.per_second:.1f} 份/秒{processes}）"


def _embedding_rate(stats: dict | None) -> str:
    if not stats:
        return ""
    cached = stats["new_chunks"] - stats["embedded"]
    seconds = stats.get("embed_seconds")
    rate = f"，{stats['embedded'] / seconds:.1f} 段/秒" if stats["embedded"] and seconds else ""
    return f"；向量化 {stats['embedded']} 段{rate}，沿用缓存 {cached} 段"


def run_remove(args: argparse.Namespace, settings: Settings) -> int:
    from rag.uploads import find_held, remove_report

    found = find_held(settings, args.report)
    if len(found) != 1:
        held = "、".join(f"{d.name}（{d.title}）" for d in held_documents(settings))
        print(f"{'没有' if not found else '不止一份'}报告叫“{args.report}”。已收录：{held}", file=sys.stderr)
        return 2
    (document,) = found
    try:
        result = remove_report(document, settings, [_search_step(args)], progress=not args.no_progress)
    except IngestBusy as error:
        print(f"未删除：{error}", file=sys.stderr)
        return 2
    if not result.changed:
        print(f"未删除 {document.name}：索引中只剩这一份报告。", file=sys.stderr)
        return 1
    print(f"已从索引删除 {document.name}（{document.title}）；现有 {result.held} 份报告。")
    if not document.uploaded and Path(document.path or "").exists():
        print(f"  注意：文件仍在 {document.path}，下次运行 python -m rag ingest 会重新收录；要永久删除请移走该文件。")
    return 0


def run_reports(args: argparse.Namespace, settings: Settings) -> int:
    from rag.provenance import history

    for document in held_documents(settings):
        origin = (f"上传（原文件名 {document.original_name}，{document.uploaded_at}）" if document.uploaded
                  else "官方（corpus）")
        replaced = f"，替换了 {document.replaces}" if document.replaces else ""
        print(f"{document.name}\t{document.title}\t{origin}{replaced}\tsha256 {document.sha256[:16]}")
    for event in history(settings)[-20:]:
        print("记录：" + json.dumps(event, ensure_ascii=False))
    return 0


def run_audit(args: argparse.Namespace, settings: Settings) -> int:
    try:
        store = read_store(settings.current_index, settings)
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
    questions = _stdin_lines() if args.question == "-" else [(1, args.question)]
    for number, question in questions:
        if isinstance(question, UnicodeDecodeError):
            problem = f"第{number}行不是有效的 UTF-8 文本，已跳过：{question.reason}（字节 {question.start}）"
            print(json.dumps({"line": number, "error": problem}, ensure_ascii=False) if args.json else problem,
                  flush=True)
            continue
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


def _stdin_lines():
    """(line number, text) per line of stdin, read as bytes: a line that is not UTF-8 comes as its
    UnicodeDecodeError, and the lines after it still come."""
    for number, raw in enumerate(sys.stdin.buffer, start=1):
        try:
            yield number, raw.decode("utf-8").removeprefix("\ufeff").rstrip("\r\n")
        except UnicodeDecodeError as error:
            yield number, error


def run_eval(args: argparse.Namespace, settings: Settings) -> int:
    from rag.evaluate import evaluate, print_report

    engine = _engine(settings, dense=not args.no_dense)
    if engine is None:
        return 2
    report = evaluate(engine, args.file)
    print_report(report, show_failures=args.show_failures)
    return 0
