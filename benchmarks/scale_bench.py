"""The product at 5, 50, 200 and 1,000 synthetic reports: per size, ingest time per
report and chunks embedded per second, cold start of a fresh `python -m rag ask --json -` process
to its first figure answer and to its first passage answer (from process start), warm p50 and p95
per answer type (figure, passage, refusal), the process's peak RSS, the index's size on disk and
the accuracy on the generator's known answers (plus refusals of places no report is of). Then, for
each larger size against the smallest, the warm p50 of the same questions (the smallest size's
known answers and the refusals) asked of two processes in turn, question by question, so that both
sizes meet the same load: the ratio issue 11 asks (figure within 1.2x, passage within 1.5x).

    python benchmarks/scale_bench.py [--work DIR] [--sizes 5 50 200 1000] [--build-only]

The reports come from ../shared/tools/synth_corpus.py (a smaller set is a prefix of a larger one,
and OUTDIR/answers.jsonl holds the known answers); it makes one report per (place, year), 945 at
most, and add_bench.synthetic tops a larger set up with reports of another kind for a (place, year)
held, from a second seed's run. Each size has its own index folder under --work
(index{N}-{backend}, as benchmarks/add_bench.py, whose bases are reused): a base already built is
not rebuilt (ingest finds it unchanged), and the time of the build that made it is read back from
--work/scale_builds.json. A new size's embedding cache is seeded from the largest size's built
(a smaller set is its prefix), so only reports never embedded go through the model. Set
RAG_MODEL_DIR to one folder (e.g. an existing index's models/) or each size rebuilds the model. The embedding backend is the setting
RAG_EMBEDDING_BACKEND. --keyword-only builds and asks without vectors (index{N}-keyword-only), for
sizes whose embedding the machine cannot afford. Every timing depends on the machine's load, printed beside it.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.add_bench import build_base, environment, synthetic  # noqa: E402
from rag.index import KEYWORD_DIR, read_stats, write_chunks  # noqa: E402
from rag.keyword import KeywordIndex  # noqa: E402

KEYWORD_ONLY = "keyword-only"
BUILDS_FILE = "scale_builds.json"  # per index folder: the time of the build that made it
REFUSALS = ["湖南省医保局2024年三公经费多少", "北京市医保局2023年部门决算公务接待费多少",
            "上海医保局2024年主要职责是什么", "浙江省医保局2022年部门预算三公经费多少"]
LARGEST = 1000  # issue 11's size
WARM_PER_TYPE = 40  # questions timed per answer type in the warm process
PAIRED_ROUNDS = 5  # times each question is asked of both processes in the paired comparison


def load_average() -> str:
    return "load average " + " ".join(f"{x:.1f}" for x in os.getloadavg())


def known_answers(pool_dir: Path, names: set[str]) -> list[dict]:
    lines = (pool_dir / "answers.jsonl").read_text(encoding="utf-8").splitlines()
    return [a for a in map(json.loads, filter(None, lines)) if a["doc"] in names]


def build(work: Path, size: int, files: list[Path], backend: str, vectors: bool, reuse: bool) -> dict:
    """The size's index, built unless already there (reuse: as it is, not even checked); what its build took."""
    index_dir = work / f"index{size}-{backend if vectors else KEYWORD_ONLY}"
    cache = index_dir / "embedding_cache.sqlite"  # embeddings by backend, and the keyword tokens
    others = sorted((int(p.name[5:].split("-")[0]), p) for p in work.glob("index*-*")
                    if p.name[5:].split("-")[0].isdigit() and (p / "embedding_cache.sqlite").is_file())
    if not cache.exists() and others:  # the largest: its reports include a smaller size's (a prefix)
        index_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(others[-1][1] / "embedding_cache.sqlite", cache)
        print(f"  embedding cache seeded from {others[-1][1].name}", flush=True)
    os.environ["RAG_INDEX_DIR"] = str(index_dir)
    started_load = load_average()
    seconds = 0.0 if reuse else build_base(index_dir, files, None if vectors else [write_chunks])
    stats = read_stats((index_dir / "current").resolve()) or {"chunks": keyword_chunks(index_dir), "embedded": 0}
    record_file = work / BUILDS_FILE
    records = json.loads(record_file.read_text()) if record_file.is_file() else {}
    key = index_dir.name
    if seconds > 1:  # built now (not a no-op)
        records[key] = {"seconds": round(seconds, 1), "reports": len(files), "when": time.strftime("%Y-%m-%d %H:%M"),
                        "load": f"{started_load} at start, {load_average()} at end", **stats}
        record_file.write_text(json.dumps(records, ensure_ascii=False, indent=1))
    return {"index_dir": index_dir, "record": records.get(key), "stats": stats}


def keyword_chunks(index_dir: Path) -> int:
    return KeywordIndex((index_dir / "current").resolve() / KEYWORD_DIR).size


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class Asker:
    """A fresh `python -m rag ask --json -` process, timed from its start."""

    def __init__(self, index_dir: Path, dense: bool):
        self.started = time.perf_counter()
        self.process = subprocess.Popen([sys.executable, "-m", "rag", "ask", "--json", "-",
                                         *([] if dense else ["--no-dense"])], cwd=ROOT,
                                        env=environment(index_dir), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL, text=True, encoding="utf-8")

    def ask(self, question: str) -> tuple[dict, float]:
        asked = time.perf_counter()
        self.process.stdin.write(question + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise SystemExit(f"the ask process ended before answering {question!r}")
        return json.loads(line), time.perf_counter() - asked

    def peak_rss_mib(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM"))) / 1024

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait()


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value).replace(",", "")).normalize()
    except InvalidOperation:
        return None


def right(known: dict, answer: dict) -> bool:
    """A figure: the first figure is the expected value. A passage: found in the report asked, about
    its duties. A refusal: not found."""
    if known["type"] == "refusal":
        return not answer["found"]
    if not answer["found"]:
        return False
    if known["type"] == "figure":
        figures = answer.get("figures") or []
        return bool(figures) and _decimal(figures[0]["value"]) == _decimal(known["expected"])
    sources = answer.get("sources") or []
    return bool(sources) and sources[0]["doc"] in known.get("docs", [known["doc"]]) and "职责" in answer["answer"]


def cold_start(index_dir: Path, question: str, dense: bool) -> tuple[float, bool]:
    """Seconds from a fresh process's start to its first answer (and whether it found one)."""
    asker = Asker(index_dir, dense)
    answer, _ = asker.ask(question)
    seconds = time.perf_counter() - asker.started
    asker.close()
    return seconds, answer["found"]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(size: int, built: dict, known: list[dict], dense: bool, max_known: int | None = None) -> dict:
    index_dir = built["index_dir"]
    figure = next(k for k in known if k["type"] == "figure")
    passage = next(k for k in known if k["type"] == "passage")
    cold_figure, found_figure = cold_start(index_dir, figure["question"], dense)
    cold_passage, found_passage = cold_start(index_dir, passage["question"], dense)
    questions = ([k for k in known if k["type"] == "figure"][:WARM_PER_TYPE]
                 + [k for k in known if k["type"] == "passage"][:WARM_PER_TYPE]
                 + [{"type": "refusal", "question": q} for q in REFUSALS])
    asker = Asker(index_dir, dense)
    asker.ask(passage["question"])  # models loaded: what follows is warm
    times: dict[str, list[float]] = {}
    for known_answer in questions:
        _, seconds = asker.ask(known_answer["question"])
        times.setdefault(known_answer["type"], []).append(seconds)
    wrong = []
    checked = known[:max_known] + [{"type": "refusal", "question": q} for q in REFUSALS]
    for known_answer in checked:  # accuracy over every known answer (the warm ones asked again)
        answer, _ = asker.ask(known_answer["question"])
        if not right(known_answer, answer):
            wrong.append((known_answer, answer))
    rss = asker.peak_rss_mib()
    asker.close()
    return {"size": size, "cold_figure": cold_figure, "cold_passage": cold_passage,
            "cold_found": found_figure and found_passage, "times": times, "rss": rss,
            "index_mb": folder_size((index_dir / "current").resolve()) / 1e6,
            "right": len(checked) - len(wrong), "checked": len(checked), "wrong": wrong, "load": load_average()}


def paired_warm(small: dict, large: dict, known: list[dict], dense: bool) -> dict[str, dict[int, list[float]]]:
    """Seconds per answer type and size: the smallest size's questions asked of a process at each size,
    in turn (which one goes first alternates), after one warming pass. Measured one after the other, the
    two sizes' p50s move by 2x with the load from run to run; in turn, both meet the same load."""
    questions = known + [{"type": "refusal", "question": q} for q in REFUSALS]
    askers = {size: Asker(built["index_dir"], dense) for size, built in ((small["size"], small), (large["size"], large))}
    try:
        for asker in askers.values():
            for known_answer in questions:  # models loaded, every question's reports read once
                asker.ask(known_answer["question"])
        times: dict[str, dict[int, list[float]]] = {}
        for round_number in range(PAIRED_ROUNDS):
            for number, known_answer in enumerate(questions):
                order = list(askers.items())
                for size, asker in order if (round_number + number) % 2 else order[::-1]:
                    _, seconds = asker.ask(known_answer["question"])
                    times.setdefault(known_answer["type"], {}).setdefault(size, []).append(seconds)
        return times
    finally:
        for asker in askers.values():
            asker.close()


def print_paired(small: int, large: int, times: dict[str, dict[int, list[float]]]) -> None:
    parts = []
    for answer_type in ("figure", "passage", "refusal"):
        p50 = {size: 1000 * statistics.median(values) for size, values in times[answer_type].items()}
        parts.append(f"{answer_type} {p50[large]:.1f} / {p50[small]:.1f} ms ({p50[large] / p50[small]:.2f}x, "
                     f"{len(times[answer_type][small])} each)")
    print(f"paired warm p50, {large} / {small} reports, the same questions in turn: " + "; ".join(parts)
          + f"; {load_average()}", flush=True)


def report_build(size: int, built: dict) -> None:
    record = built["record"]
    if record is None:
        print(f"{size} reports: index reused; no timed build recorded in {BUILDS_FILE}")
        return
    embedded = record.get("embedded", 0)
    embed_seconds = record.get("embed_seconds")
    rate = (f"{embedded / embed_seconds:.1f} chunks embedded per second ({embedded} of {record['chunks']} chunks "
            f"through the model in {embed_seconds:.0f} s, the others from the cache)"
            if embed_seconds and embedded else f"{embedded} of {record['chunks']} chunks through the model")
    print(f"{size} reports: built {record['when']} in {record['seconds']:.0f} s = "
          f"{record['seconds'] / record['reports']:.2f} s per report; {rate}; {record['load']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/add_bench"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 50, 200, LARGEST])
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--show-wrong", action="store_true", help="print each known answer missed")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the builds as they are, even if made by other code (no ingest): e.g. the "
                             "code before a change answering from the same build")
    parser.add_argument("--max-known", type=int, default=None,
                        help="check only the first N known answers (default: all)")
    parser.add_argument("--keyword-only", action="store_true",
                        help="build without vectors (no embedding: the store, chunks and keyword index) and ask "
                             "with --no-dense: passages by keyword search alone; for sizes whose embedding the "
                             "machine cannot afford")
    args = parser.parse_args()
    backend = os.environ.get("RAG_EMBEDDING_BACKEND", "torch")
    pool = synthetic(args.work, max(args.sizes))
    print(f"backend {KEYWORD_ONLY + ' (no vectors; ask --no-dense)' if args.keyword_only else backend}; "
          f"cores {os.cpu_count()}; {load_average()}")
    print("NOTE: every timing below depends on the machine's load (2 shared cores here): compare sizes "
          "measured in the same run, and read the load average printed with them.", flush=True)
    rows, builds = [], {}
    for size in args.sizes:
        files = pool[:size]
        built = build(args.work, size, files, backend, not args.keyword_only, args.reuse)
        builds[size] = {**built, "size": size}
        report_build(size, built)
        if args.build_only:
            continue
        rows.append(measure(size, built, known_answers(pool[0].parent, {f.name for f in files}), not args.keyword_only,
                            args.max_known))
        row = rows[-1]
        print(f"  measured {size}: {row['load']}", flush=True)
        print_table([row], header=False)
        for known_answer, answer in row["wrong"] if args.show_wrong else []:
            print(f"    WRONG {known_answer['question']} want {known_answer.get('expected', known_answer['type'])}: "
                  f"{answer['answer'][:100]!r}")
    if rows:
        print_table(rows)
    smallest = min(builds) if len(rows) > 1 else None
    for size in sorted(builds)[1:] if smallest else []:
        known = known_answers(pool[0].parent, {f.name for f in pool[:smallest]})
        print_paired(smallest, size, paired_warm(builds[smallest], builds[size], known, not args.keyword_only))


def print_table(rows: list[dict], header: bool = True) -> None:
    if header:
        print("\nreports | cold start: first figure / first passage (s) | warm p50 / p95 (ms): figure | passage | "
              "refusal | peak RSS MiB | index MB | known answers right")
    for row in rows:
        warm = " | ".join(f"{1000 * statistics.median(row['times'][t]):.1f} / {1000 * percentile(row['times'][t], 0.95):.1f}"
                          for t in ("figure", "passage", "refusal"))
        print(f"{row['size']:>7} | {row['cold_figure']:.2f} / {row['cold_passage']:.2f} | {warm} | {row['rss']:.0f} | "
              f"{row['index_mb']:.1f} | {row['right']}/{row['checked']}", flush=True)
    if header:
        print("(timings measured under the load printed above; 2 cores shared with other work)")


if __name__ == "__main__":
    main()
