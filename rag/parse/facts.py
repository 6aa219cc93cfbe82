"""Figures stated in running text, each kept with its sentence and the item it is about."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from decimal import Decimal
from itertools import accumulate

from rag import domain
from rag.models import Paragraph, ProseFact
from rag.normalize import counts_as_digits
from rag.parse.text import NUMBER_PATTERN, compact

SENTENCE_END = re.compile(r"(?<=[。；！？])")
MONEY_AND_SHARE = ("万元", "亿元", "元", "%")
APPROXIMATE = f"(?:{'|'.join(domain.APPROXIMATE_WORDS)})?"  # "90余平方米": 90, in 平方米
NOT_A_UNIT = "钟|" + "|".join(f"(?<={unit})(?:{'|'.join(words)})" for unit, words in domain.DETERMINER_BEFORE.items())
# not a table's number ("表1本套报表金额…": no 1本)
FIGURE = re.compile(rf"(?<![\d.表])({NUMBER_PATTERN})\s*{APPROXIMATE}({'|'.join(MONEY_AND_SHARE + domain.COUNT_UNITS)})(?!{NOT_A_UNIT})")
CHANGE_WORDS = ("增加", "减少", "增长", "下降", "持平", "节约", "压减")
CLAUSE_BREAK = re.compile(r"[，,：:；;]")
_SYNONYMS = sorted(((syn, item) for item, syns in domain.ITEMS.items() for syn in syns),
                   key=lambda pair: -len(pair[0]))


QUALIFYING_WORDS = tuple({s for syns in domain.ITEMS.values() for s in syns} | set(domain.HEADER_LEAVES))


def item_named_by(label: str) -> str | None:
    """The item whose name ends the clause before a figure, allowing for the words that may sit
    between a name and its figure ("机关运行经费安排", "“三公”经费财政拨款支出决算为")."""
    from rag.audit import NUMBERING_PREFIX

    variant = NUMBERING_PREFIX.sub("", compact(label).lstrip("（("))
    for tail in ("", *domain.PROSE_LABEL_TAILS):
        variant = variant.removesuffix(tail)
        item = item_in(variant)
        if item and variant.endswith(domain.ITEMS[item]):
            name = next(s for s in sorted(domain.ITEMS[item], key=len, reverse=True) if variant.endswith(s))
            before = variant[: -len(name)]
            qualified = any(before.endswith(word) for word in QUALIFYING_WORDS)
            return None if qualified else item  # "政府性基金预算财政拨款收入" is not 财政拨款 as a whole
    return None


def label_names_item(label: str, item: str | None) -> bool:
    """The clause ends with the item's name: the figure is about that item, not a part of it."""
    return item is not None and item_named_by(label) == item


def item_in(text: str) -> str | None:
    """The item named closest to the end of text (longest name wins a tie)."""
    best: tuple[int, int, str] | None = None
    for synonym, item in _SYNONYMS:
        position = text.rfind(synonym)
        if position >= 0:
            key = (position + len(synonym), len(synonym), item)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best else None


def extract_facts(paragraphs: list[Paragraph]) -> list[ProseFact]:
    facts: list[ProseFact] = []
    section, declared = None, None
    for paragraph in paragraphs:
        if paragraph.section_id != section:  # a declared unit holds to the end of its section
            section, declared = paragraph.section_id, None
        declared = DECLARED_UNIT.search(paragraph.text) or declared
        # a sentence's figures are printed in order, from the line it starts on
        for sentence, found in _sentences_and_lines(paragraph):
            for fact in _facts_in(sentence.strip(), paragraph, declared.group(1) if declared else None):
                found = _line_printing(paragraph, str(fact.value), found)
                fact.line = paragraph.lines[found][0] if paragraph.lines else paragraph.line_start
                facts.append(fact)
    return facts


def _sentences_and_lines(paragraph: Paragraph) -> Iterator[tuple[str, int]]:
    """Each sentence of the paragraph in turn, with the index of the line it starts on (the lines
    hold the paragraph's text with its spaces dropped)."""
    ends = list(accumulate(len(text) for _, text in paragraph.lines))
    joined, offset = "".join(text for _, text in paragraph.lines), 0
    for sentence in SENTENCE_END.split(paragraph.text):
        head = compact(sentence)[:SENTENCE_HEAD]
        at = joined.find(head, offset) if head else -1
        offset = at if at >= 0 else offset
        yield sentence, min(bisect_right(ends, offset), max(len(ends) - 1, 0))


def _line_printing(paragraph: Paragraph, printed: str, start: int) -> int:
    """The index of the paragraph's first line from `start` on that prints the number (a paragraph
    can run over dozens of lines: a figure is cited at its own); `start` when none does (a number
    broken across two lines, or written in words)."""
    number = re.compile(rf"(?<![\d.]){re.escape(printed)}(?![\d])")
    return next((i for i in range(start, min(start + FIGURE_LINES_AHEAD, len(paragraph.lines)))
                 if number.search(DIGIT_GROUPING.sub("", paragraph.lines[i][1]))), start)


FIGURE_LINES_AHEAD = 6  # a figure is looked for this far after its sentence's start or the figure before it
SENTENCE_HEAD = 12  # characters of a sentence that find where it starts
DIGIT_GROUPING = re.compile(r"(?<=\d)[,，](?=\d{3})")  # 4,181.3 printed, 4181.3 its value


# a table printed as running text ("项目 预算数（单位：万元） 绩效目标 … 医疗保障业务资金 761.34 …"):
# its bare figures are in the unit its header declares
DECLARED_UNIT = re.compile(r"[（(]单位[：:]\s*(万元|亿元|元)[）)]")
# and the header that declares it, with the columns after it: no row's name ("项目预算数（单位：万元）绩效目标")
DECLARING_HEADER = re.compile(rf"^.*{DECLARED_UNIT.pattern}\s*(?:绩效目标|备注|说明)?")


# a list's joint before a label: "98126人、城乡居民医保…", "（其中职工医保67.93亿元", "药品（120个）、耗材（20个）"
LABEL_LEAD = re.compile(r"^(?:、|[）)]、?|[（(](?=其中))+")
LABEL_TAIL = re.compile(r"[（(]$")  # "耗材（20个）": the bracket opened for the figure


BARE_FIGURE = re.compile(rf"(?<![\d.,，])({NUMBER_PATTERN})\s*{APPROXIMATE}((?:{'|'.join(MONEY_AND_SHARE + domain.COUNT_UNITS)})(?!{NOT_A_UNIT})"
                         rf"|(?=[\u4e00-\u9fff]|$)(?![年月日号]))")


def _facts_in(sentence: str, paragraph: Paragraph, declared: str | None = None) -> list[ProseFact]:
    facts: list[ProseFact] = []
    subject: str | None = None
    start = 0
    quoted, sentence = sentence, counts_as_digits(sentence)  # 四个 read as 4个; the sentence is quoted as printed
    for match in (BARE_FIGURE if declared else FIGURE).finditer(sentence):
        before = sentence[start:match.start()]
        if declared:
            before = DECLARING_HEADER.sub("", before)
        clause = CLAUSE_BREAK.split(before)[-1] if CLAUSE_BREAK.search(before) else before
        label = LABEL_TAIL.sub("", LABEL_LEAD.sub("", compact(clause) or compact(before)))
        if not label and facts:  # "零星医疗救助2330人次2702万元": one thing counted two ways, one label
            label = facts[-1].label
        unit = match.group(2) or declared
        value = Decimal(match.group(1).replace(",", "").replace("，", ""))
        if unit == domain.YEARS_UNIT and not re.fullmatch(r"\d{1,2}", match.group(1)):
            continue  # 2023年: a date, not a count of years
        if unit == "%":
            kind = "percent"
        elif unit not in MONEY_AND_SHARE:
            kind = "count"
        elif any(word in label for word in CHANGE_WORDS):
            kind = "change"
        else:
            kind = "amount"
            subject = item_named_by(label) or subject
        facts.append(ProseFact(
            label=label, value=value, unit=unit, kind=kind, sentence=quoted,
            line=paragraph.line_start, section_id=paragraph.section_id,
            # a table printed as text states its rows' figures, not the department's items
            item=None if declared else item_named_by(label) if kind == "amount" else subject,
        ))
        start = match.end()
    return facts
