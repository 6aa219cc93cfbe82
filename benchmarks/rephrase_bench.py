"""Rephrasing benchmark: does a figure answered right stay the same when the question is reworded?

    .venv/bin/python benchmarks/rephrase_bench.py                       # eval/questions.jsonl
    .venv/bin/python benchmarks/rephrase_bench.py --set ../shared/eval/dev.jsonl --set eval/dev_3.jsonl
    .venv/bin/python benchmarks/rephrase_bench.py --set … --variants trad,nopunct --show 5

Every figure question of the sets whose answer is right (the expected figure first) is asked again
in each variant below, rewritten by rule so that the meaning does not change: a courtesy before it,
Traditional characters, full-width digits, the year in Chinese numerals or two digits, the bureau's
name short or long, a trailing 呢, punctuation removed or turned into spaces. A variant counts as
kept when its first figure is the original answer's first figure (value and unit). Keyword only
(no dense model), as `ask --no-dense`.

Questions the variant leaves unchanged (no year to rewrite, say) are not asked. Nothing here is
tuned on: it finds classes of wording the question sets did not show.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer import AnswerEngine  # noqa: E402
from rag.evaluate import check, load_cases  # noqa: E402
from rag.settings import load_settings  # noqa: E402

CHINESE_DIGITS = "〇一二三四五六七八九"
PUNCTUATION = re.compile(r"[，。？！,?!、：；]")


def _traditional(question: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(question)


def _full_width_digits(question: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isdigit() else c for c in question)


def _year_in_chinese(question: str) -> str:
    return re.sub(r"(20\d\d)年", lambda m: "".join(CHINESE_DIGITS[int(d)] for d in m.group(1)) + "年", question)


def _bureau_renamed(question: str) -> str:
    if "医疗保障局" in question:
        return question.replace("医疗保障局", "医保局")
    return question.replace("医保局", "医疗保障局")


VARIANTS: dict[str, Callable[[str], str]] = {
    "please": lambda q: "请问一下，" + q,
    "trad": _traditional,
    "fullwidth": _full_width_digits,
    "cnyear": _year_in_chinese,
    "shortyear": lambda q: re.sub(r"20(\d\d)年", r"\1年", q),
    "bureau": _bureau_renamed,
    "ne": lambda q: re.sub(r"[？?。]?$", "呢？", q, count=1),
    "nopunct": lambda q: PUNCTUATION.sub("", q).strip(),
    "spaces": lambda q: PUNCTUATION.sub(" ", q).strip(),
}


def first_figure(answer) -> tuple[str, str] | None:
    return (f"{answer.figures[0].value:f}", answer.figures[0].unit) if answer.figures else None


def right_figure_questions(engine: AnswerEngine, sets: list[Path]) -> list[tuple[str, tuple[str, str]]]:
    """(question, its first figure) of every figure question answered right, the expected figure first."""
    kept = []
    for path in sets:
        for case in load_cases(path):
            if case["kind"] != "figure":
                continue
            answer = engine.ask(case["question"])
            if check(answer, case["expect"])[0] and first_figure(answer):
                kept.append((case["question"], first_figure(answer)))
    return kept


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", type=Path, action="append", help="question set (either format); repeatable")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated, of: " + ", ".join(VARIANTS))
    parser.add_argument("--show", type=int, default=3, help="changed answers shown per variant")
    args = parser.parse_args()
    names = [n for n in args.variants.split(",") if n]
    unknown = [n for n in names if n not in VARIANTS]
    if unknown:
        parser.error(f"unknown variant(s): {', '.join(unknown)}")
    engine = AnswerEngine(load_settings(), dense=False)
    originals = right_figure_questions(engine, args.set or [None])
    print(f"{len(originals)} figure questions answered right; each asked again per variant")
    asked, changed, shown = Counter(), Counter(), Counter()
    for question, figure in originals:
        for name in names:
            variant = VARIANTS[name](question)
            if variant == question:
                continue
            asked[name] += 1
            got = first_figure(engine.ask(variant))
            if got != figure:
                changed[name] += 1
                if shown[name] < args.show:
                    shown[name] += 1
                    print(f"  [{name}] {variant}  ->  {got and ' '.join(got)} (was {' '.join(figure)})")
    print(f"{'variant':10s} {'asked':>6s} {'kept':>6s} {'changed':>8s}")
    for name in names:
        kept = asked[name] - changed[name]
        share = f"{100 * kept / asked[name]:.1f}%" if asked[name] else "-"
        print(f"{name:10s} {asked[name]:6d} {share:>6s} {changed[name]:8d}")
    total = sum(asked.values())
    print(f"{'all':10s} {total:6d} {100 * (total - sum(changed.values())) / max(total, 1):.1f}% {sum(changed.values()):8d}")


if __name__ == "__main__":
    main()
