"""Understand a question: which reports (city, year, kind), which items and columns, what kind of answer."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from os.path import commonprefix

from rag import domain, places
from rag.normalize import (Correction, Vocabulary, character_positions, correct_places, correct_typos,
                           correct_unit_names, normalize_text, read_english, read_glued_syllables, read_initials,
                           read_nicknames, read_pinyin, read_pinyin_sentence)
from rag.parse.text import compact, unquoted

MAX_QUESTION_CHARS = 500


@dataclass
class Question:
    text: str
    cities: list[str] = field(default_factory=list)  # places, short names in the order mentioned (rag/places.py)
    years: list[int] = field(default_factory=list)
    as_of: list[int] = field(default_factory=list)  # "截至2022年底": a date, stated by that year's or the next year's report
    kinds: list[str] = field(default_factory=list)
    kinds_said: list[str] = field(default_factory=list)  # every kind the question's words point at ("自评里的…和24年预算的…")
    items: list[str] = field(default_factory=list)  # canonical items of domain.ITEMS
    row_terms: list[str] = field(default_factory=list)  # other row names found in the store's tables
    codes: list[str] = field(default_factory=list)  # 科目编码 / 经济科目 codes
    columns: list[str] = field(default_factory=list)  # columns asked for (基本支出, 一般公共预算 ...)
    intent: str = "figure"  # figure / compare / share / change / rank / passage / definition / reason / table
    topic: str | None = None  # passage topic key of domain.PASSAGE_TOPICS
    versus_kinds: bool = False  # a budget against final accounts
    asks_amount: bool = False  # 多少 / 金额 / 几 ...
    amounts: list[tuple[Decimal, Decimal]] = field(default_factory=list)  # sums the question cites, in 万元 ("那5万块法律顾问费")
    stated: set[Decimal] = field(default_factory=set)  # figures it states in a clause that asks nothing: known, not asked
    asks_count: bool = False  # 多少辆 / 人数 / 保有量 ...: a count, not money
    divisions: dict[str, tuple] = field(default_factory=dict)  # city -> (province, city, county) as read
    units: list[str] = field(default_factory=list)  # issuing units named: 医疗保障局, 卫生健康委员会
    unknown_places: list[str] = field(default_factory=list)  # places named before a unit that no gazetteer knows
    share_part: str | None = None  # a follow-up's part, whose share of the subject named is asked
    problem: str | None = None  # why the question cannot be read at all
    reading: str = ""  # the text as read: Simplified, half-width, typos corrected, synonyms replaced
    typed: str = ""  # the text as typed, in Simplified half-width characters: its own words, for word checks
    corrections: list[Correction] = field(default_factory=list)  # typed words read as others
    asked_class: str | None = None  # money / count / percent / area / months / score
    asked_unit: str | None = None  # the measure word of 多少辆 / 几个: 辆, 个
    counted: str | None = None  # what 多少个编制 counts: 编制
    asks_reason: bool = False  # 为什么 / 原因
    converting: bool = False  # the unit asked is one to convert into ("折合多少万元"), not the figure's own
    wide_scope: str | None = None  # 全国 / 全省: a scope no report covers
    excluded: list[str] = field(default_factory=list)  # parts left out of what is asked (不算住房公积金的话)
    part_described: str | None = None  # "A中，聘请法律顾问那部分": a part of A named by no row or item
    table_named: str | None = None  # "基本支出明细表里的…": the table the question points into
    tables_named: list[str] = field(default_factory=list)  # every title said ("A表和B表的…": both)
    table_number: int | None = None  # "表4的总计": the table the question points into by its number
    bound_counted: tuple[str, Decimal, str] | None = None  # "有几家超过3万": direction (> or <), bound, its unit
    row_position: int | None = None  # "表6最后一行": the row pointed at by where it is printed (0 first, -1 last)
    rows_from_named: int | None = None  # "行政运行下面的第一行": the row this many rows under (over, < 0) the one named
    pasted: list[Decimal] = field(default_factory=list)  # the figures of a row copied into the question, in order
    cell_position: int | None = None  # which of those is asked ("最后那个数": -1)
    quoted: list[str] = field(default_factory=list)  # names in quotes: “政府购买服务人员8名工作人员经费”
    sections_cited: list[str] = field(default_factory=list)  # quoted as where to look: “管理效率分析”里提到
    asking_clause: str = ""  # the one clause that asks, if one does ("收入知道了，那…支出了多少个亿" asks of 支出)

    order: dict[str, int] = field(default_factory=dict)  # where each subject is named in the text
    said: dict[str, str] = field(default_factory=dict)  # each subject as the text says it (城乡居民医保财政补助)
    whole_words: list[str] = field(default_factory=list)  # a row name's start said (业务用房): no filler inside it

    @property
    def subjects(self) -> list[str]:
        """Items, row names and codes, in the order the question names them."""
        named = self.items + self.row_terms + self.codes
        return sorted(named, key=lambda subject: self.order.get(subject, len(self.text)))


class RowNames(tuple):
    """The row names held, as the answer engine keeps them for its life: hashed and made a set once,
    so that the look-ups made once per vocabulary (lru_cache) do not read every name again for each
    question (issue 11: a thousand reports' names)."""

    @cached_property
    def hashed(self) -> int:
        return tuple.__hash__(self)

    def __hash__(self) -> int:
        return self.hashed

    @cached_property
    def as_set(self) -> frozenset[str]:
        return frozenset(self)


def row_names(names: Iterable[str] | None) -> RowNames:
    """`names` as RowNames: the same object when it is one already."""
    return names if isinstance(names, RowNames) else RowNames(names or ())


# a query typed as keys and values ("city=廉江 year=2023 item=基本支出"): the values, as words typed apart;
# a month's number is said as one (month=12: 12月份)
MONTH_VALUE = re.compile(r"(?<![A-Za-z])month\s*[=＝]\s*(\d{1,2})(?!\d)", re.IGNORECASE)
KEY_SAID = re.compile(r"(?<![A-Za-z])[A-Za-z_]+\s*[=＝]\s*")


# two names typed apart before 各 or 分别 ("廉江2023 居民门特 职工门特 各报了多少"): the two asked, as if joined by 和
NAMES_TYPED_APART = re.compile(r"(?<!\S)([\u4e00-\u9fff]{2,})\s+([\u4e00-\u9fff]{2,})\s*(?=各|分别)")


NUMERIC_DATE = re.compile(r"(?<![\dA-Za-z])(20\d\d)([-/.])(1[0-2]|0?[1-9])\2(3[01]|[12]\d|0?[1-9])(?!\d)")


# a space after the word that ends a question, before the next one (voice input, no punctuation): not
# before a measure word or a word alone ("有 多少 台 车", "how many car 车辆"), nor after 为什么 or 怎么,
# which open the question they ask ("为什么 项目支出增加了")
ASKED_THEN_SPACE = re.compile(r"(?:(?<=多少)|(?<=什么)(?<![为凭]什么)|(?<=哪些)|(?<=[吗呢]))\s+"
                              r"(?![台辆个名人家件次万亿元块张项条位所](?![\u4e00-\u9fff]))(?=[\u4e00-\u9fff]{4})")


# an amount asked, then why, with no break between ("其他收入是多少万元怎么这么多")
# "办公费怎么那么多 具体多少万": why, then (a space for the comma) the amount: two clauses
WHY_THEN_SPACE = re.compile(r"((?:怎么|为什么|为啥|咋)(?:这么|那么|会)?[\u4e00-\u9fff]{0,3}?[多少高低大贵猛])\s+(?=[\u4e00-\u9fff])")
AMOUNT_THEN_WHY = re.compile(r"(多少(?:万元|亿元|万|亿|元|人次|人|个|名|辆)?)(?=怎么|为什么|为啥|咋|凭什么|干嘛)")


def _year_before_last(match: re.Match) -> str:
    """"2024年预算里，前年的…": 前年 counted from the year said before it, 2022年; 去年 of a report
    is its 上年, read elsewhere."""
    return f"{match.group(1)}{int(match.group(2)) - 2}年"


def _normalize(text: str) -> str:
    text = SEARCH_MINUS.sub(" ", re.sub(domain.SPOKEN_FILLERS, " ", normalize_text(text)))
    text = RELATIVE_YEAR_GLOSSED.sub(lambda m: m.group(1).removesuffix("年") + "年", text)  # 去年（2023年）: 2023年
    text = YEAR_BEFORE_LAST.sub(_year_before_last, text)
    text = NUMERIC_DATE.sub(lambda m: f"{m.group(1)}年{int(m.group(3))}月{int(m.group(4))}日", text)  # 2022-12-31
    text = KEY_SAID.sub(" ", MONTH_VALUE.sub(r" \1月份", text))
    # keywords typed apart ("三公 江门 24 预算", "2023 2024"): a two-digit word is a year, and digits
    # apart stay apart when the spaces go
    text = re.sub(r"(?<!\S)(2\d)(?!\S)(?!\s*(?:XX|xx|？|\?|…))", r"20\1年", text)  # not "结余 29 XX": a line's 行次
    text = re.sub(r"(?<![\d.])(20\d\d)(?=\s+[\u4e00-\u9fff])", r"\1年", text)  # "廉江2023 人员经费"
    text = re.sub(r"(?<![\d.])(2\d)(?=\s*(?:部门|预算|决算|自评|绩效))", r"20\1年", text)  # "江门24决算", "广州 25预算"
    text = NAMES_TYPED_APART.sub(r"\1和\2", text)
    text = ASKED_THEN_SPACE.sub("，", text)  # "各是多少 项目支出是不是…": said without punctuation, two questions
    text = AMOUNT_THEN_WHY.sub(r"\1，", text)  # "是多少万元怎么这么多": the amount, then why
    text = WHY_THEN_SPACE.sub(r"\1，", text)
    text = compact(re.sub(r"(?<=\d)\s+(?=\d)", "、", text))
    if any(word in text for word in domain.CANTONESE):  # 几多 -> 多少, 点解 -> 为什么, 同 -> 和
        for cantonese, mandarin in domain.CANTONESE.items():
            text = text.replace(cantonese, mandarin)
        text = re.sub(domain.CANTONESE_AND, "和", text)
    for regional, mandarin in domain.REGIONAL_MANDARIN.items():  # 好多钱 -> 多少钱, 多老些 -> 多少
        text = re.sub(regional, mandarin, text)
    text = COMPARED_AFTER.sub(_compared_before, text)  # "A多过B" (Cantonese), "A高于B": "A比B多", as in Mandarin
    for short, full in domain.UNIT_SHORT_NAMES.items():  # 医保局 -> 医疗保障局
        text = text.replace(short, full)
    text = TEMPLATE_QUOTED.sub(_template_asked, text)
    if QUIZ_BLANK.search(text):  # the quiz's sentence is all asked, not told: "。" ends it as "？" would
        text = re.sub(r"[。.！!]*$", "？", QUIZ_BLANK.sub(_blank_asked, QUIZ_SAID.sub("", text)), count=1)
    text = WHAT_IS_OF_A_REPORT.sub(r"\1\2是什么\3", text)
    text = _retracted_dropped(re.sub(r"(?<![\d.])[’'‘]?(2\d)[’'‘]?年", lambda m: f"20{m.group(1)}年", text))  # 24年,
    # 24'年, ’24年 -> 2024年
    return SOURCE_PART_ASKED.sub("", CONTRASTED.sub("", text))


# words with which a clause weighs places against each other
SCENE_WEIGHED = r"比|哪个|哪家|哪里|谁|差|都|各|分别|两地|两个|和|与|跟"
SCENE_NEGATED = r"不是|不含|不算|除了|除去|而非"
# "什么是江门市医疗保障局2024年收入预算的增长百分比？" (English's "what is the … of …" word for word): the
# report's own figure or words asked, as "…的增长百分比是什么" asks them; not a term to define
WHAT_IS_OF_A_REPORT = re.compile(rf"^(请问)?什么是((?=[^，,。？?]*?(?:20\d\d年|{domain.UNIT_SUFFIX}))[^，,。？?]*?的[^，,。？?]+?)([？?。]?)$")
# "…项目支出——不对，是基本支出", "湛江的，啊不对，是江门的", "2023年…啊不，2024年": a word taken back
# (said between pauses: not "对不对", "是不是不对啊")
RETRACTION = re.compile(rf"[，,。.…—\s]*(?:(?<=[，,。.…—\s啊呀])|(?<=^))(?:[啊呀]?(?:{'|'.join(domain.RETRACTING_WORDS)})"
                        rf"(?:[，,。！!…—\s]+(?:{'|'.join(domain.CORRECTED_INTRO)})?|(?={'|'.join(domain.CORRECTED_INTRO)}))"
                        rf"|[啊呀]?不是?[，,。！!…—\s]+(?:{'|'.join(domain.CORRECTED_INTRO)})?)")  # "…，不，是…", "噢不是，…"
# "不是公务接待，是…", "不要这一年的，我要上一年…": what is set aside, and the word saying what is asked
# instead (not 是不是, 要不要)
CONTRASTED = re.compile(rf"(?<![是要])(?:{'|'.join(domain.CONTRASTING_WORDS)})"
                        rf"[^，,。？?！!]{{1,16}}?[，,]\s*(?:{'|'.join(sorted(domain.CONTRASTED_INTRO, key=len, reverse=True))})")
# a last sentence asking which part of the report a figure asked before comes from ("…下降百分之几？出自情况
# 说明哪一部分？"): every answer cites where it stands, so it asks nothing more
SOURCE_PART_ASKED = re.compile(r"(?<=[？?。，,])\s*(?:出自|来自|摘自|引自|见于)[^，,。？?]{0,10}?哪一?个?(?:部分|节|章)[？?。]*$")
YEAR_WORD = re.compile(r"20\d\d年?度?")
FIGURE_WORD = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?:万元|万|亿元|亿|元|%)?")
KIND_SAID = "|".join(w for words in domain.KIND_WORDS.values() for w in words)  # 预算, 决算, 自评 …
KIND_WORD = re.compile(KIND_SAID)
# a street address after a district's name (蓬江区建设三路8号): a place, not the district's unit
ADDRESS_IN_DISTRICT = r"[区县][\u4e00-\u9fff\d]{1,8}?(?:路|街|大道|巷)\d+号"
# a place with the unit words said after it ("新会分局", "江门市医疗保障局的")
PLACE_UNIT_AFTER = re.compile(rf"(?:[省市县区])?(?:{domain.UNIT_SUFFIX})?(?:分局)?的?")
# where the words just before a retraction begin: the word taken back is the last of them
WORD_BOUNDARY = re.compile(rf"[，,。；;：:！!？?…—\s]|里|中|的|年|表|{KIND_WORD.pattern}")
CLAUSE_END = re.compile(r"[，,。；;！!？?…—]")
REPORT_WORDS_AT_END = re.compile(rf"(?:{domain.UNIT_SUFFIX}|{KIND_WORD.pattern}|报告|部门|[的啊呀，,。…—\s])+$")
WORD_TAKEN_BACK_MOST = 16  # characters: more is a sentence, not a word taken back


def _negated_places_blanked(text: str, places_named: list[str]) -> str:
    """The text with each place blanked that is only ever said right after a word denying it ("江门
    （非台山）", "是江门不是台山", "江门而非开平"), positions kept; not after 是不是, which asks it."""
    for place in places_named:
        said = list(re.finditer(rf"{re.escape(place)}[市区县]?", text))
        if said and all(PLACE_DENIED.search(text, 0, m.start()) for m in said):
            for m in said:
                text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _scene_set_before(question: Question, asking_clauses: list[str]) -> bool:
    """"廉江…决算里说公车有2辆，那吴川医保局2024年预算里有几辆车": the one clause that
    asks names its place (and year, kind); the places said only before it set the scene and are not
    asked, nor are the years said with them. Not when that clause or what follows weighs one against
    another (比, 哪个, 两个数都说下) or says which not (不是吴川廉江), nor when it names a place inside
    one the scene names (江门医保局2024年预算，台山分到多少: 台山 within 江门's report). Whether a
    scene was set."""
    if len(asking_clauses) != 1 or len(question.cities) < 2:
        return False
    clause = asking_clauses[0]
    rest = question.reading[question.reading.find(clause):]
    asked = [city for city in question.cities if city in clause]
    if not asked or len(asked) == len(question.cities) or re.search(SCENE_WEIGHED, rest) \
            or re.search(SCENE_NEGATED, clause):
        return False
    scene = [city for city in question.cities if city not in asked]
    if any(_lies_within(question.divisions.get(a), question.divisions.get(s)) for a in asked for s in scene):
        return False
    years_said = [year for year in question.years if str(year) in clause] or [
        year for year in question.years if _place_said_before(question.reading, str(year), question.cities) in asked]
    question.cities = asked
    question.divisions = {city: d for city, d in question.divisions.items() if city in asked}
    question.years = years_said or question.years
    if kinds_said := _kinds_said(clause):
        question.kinds_said, question.kinds = kinds_said, _kinds(kinds_said)
        question.versus_kinds = any(w in rest for w in domain.VERSUS_KIND_WORDS) or len(question.kinds) > 1
    return True


def _lies_within(inner: places.Division | None, outer: places.Division | None) -> bool:
    """Whether a division (province, city, county) lies inside another: 台山 inside 江门."""
    depth = [max((i for i, name in enumerate(d or ()) if name), default=-1) for d in (inner, outer)]
    return 0 <= depth[1] < depth[0] and inner[:depth[1] + 1] == outer[:depth[1] + 1]


def _place_said_before(text: str, word: str, cities: list[str]) -> str | None:
    """The place said last before a word (the year "2024年" of "吴川2024年预算")."""
    at = text.find(word)
    said = [(text.rfind(city, 0, at), city) for city in cities]
    return max(((position, city) for position, city in said if position >= 0), default=(-1, None))[1]


def _retracted_dropped(text: str) -> str:
    """The question without the words its asker took back. The words that correct them (up to the
    next pause) say which: a place, year or kind among them takes back the question's earlier places
    (but those the new one lies in), years or kinds; a figure the last figure; an item said first
    the last word before the retraction (what follows the last 里, 的, year or report word)."""
    while retraction := RETRACTION.search(text):
        before, after = text[:retraction.start()], text[retraction.end():]
        correcting = CLAUSE_END.split(after, maxsplit=1)[0]
        taken_back = _slots_taken_back(before, correcting)
        if taken_back is None:
            stripped = REPORT_WORDS_AT_END.sub("", before)
            start = max((m.end() for m in WORD_BOUNDARY.finditer(stripped)), default=0)
            if not 2 <= len(stripped) - start <= WORD_TAKEN_BACK_MOST or asks(stripped[start:]):
                return before + "，" + after
            taken_back = [(start, len(stripped))]
        for start, end in sorted(taken_back, reverse=True):
            before = before[:start] + before[end:]
        text = before + after
    return text


def _slots_taken_back(before: str, correcting: str) -> list[tuple[int, int]] | None:
    """Where `before` says what `correcting` says anew: its places, years and kinds, or its last
    figure; None when the correction begins with an item (no place, year, kind or figure first)."""
    if FIGURE_WORD.match(correcting) and not YEAR_WORD.match(correcting):
        return [m.span() for m in FIGURE_WORD.finditer(before)][-1:] or None
    place_spans = places.spans(correcting)
    if not (YEAR_WORD.match(correcting) or KIND_WORD.match(correcting) or place_spans and place_spans[0][0] == 0):
        return None
    spans = []
    if YEAR_WORD.search(correcting):
        spans += [m.span() for m in YEAR_WORD.finditer(before)]
    if KIND_WORD.search(correcting):
        spans += [m.span() for m in KIND_WORD.finditer(before)]
    if place_spans:  # the places said before, but one the new place lies in when others are taken back with it
        said = [(s, e + PLACE_UNIT_AFTER.match(before, e).end() - e, places.short_name(before[s:e]))
                for s, e in places.spans(before)]
        around = set().union(*(places.leading_places(correcting[s:e]) - {correcting[s:e]} for s, e in place_spans))
        spans += [(s, e) for s, e, name in said if name not in around] or [(s, e) for s, e, _ in said]
    return spans


# a comparison said with the comparative before the thing compared with ("运行维护费是不是多过购置费？"), not
# a floor (不低于80%) nor a sum (多于5万元)
COMPARED_AFTER = re.compile(r"(是不是|是否|有没有)?(?<!不)([多高大少低小])(?:于|过)((?:(?!还是|多少|几)[\u4e00-\u9fff]){2,20}?)"
                            r"(?=吗|呢|[？?，,。；;]|$)")


def _compared_before(match: re.Match) -> str:
    """"A是不是多过B" as "A比B多吗"."""
    asked, comparative, other = match.groups()
    return f"比{other}{comparative}{'吗' if asked else ''}"


# a sentence of the report quoted with its figures left blank ("“每人每年可享受……元普通门诊报销额度”")
BLANK = r"(?:…+|\.{3,}|_{2,}|＿+|[Xx×]{2,})"
TEMPLATE_QUOTED = re.compile(rf"[“\"「]([^”\"」]*{BLANK}[^”\"」]*)[”\"」]")
UNIT_AFTER_BLANK = re.compile(rf"{BLANK}(?:万元|亿元|元|%|{'|'.join(domain.COUNT_UNITS)})?")


def _template_asked(match: re.Match) -> str:
    """The quoted template as the figures it asks: the words before each blank name one (two
    blanks: "A和B"); the unit after a blank is the answer's, not a name's."""
    pieces = [piece.strip("：:，,、；;。") for piece in UNIT_AFTER_BLANK.split(match.group(1))]
    named, after = [p for p in pieces[:-1] if p], pieces[-1]
    return "和".join(named) + after


# a quiz's blank left in the question itself ("填空：…内设机构____个。", "…为（  ）万元"): it asks the figure
# in the unit printed after it, or, with no unit, what the blank stands for
QUIZ_SAID = re.compile(r"^(?:请)?填空(?:题)?[：:，,]?|[（(]?(?:请)?填空[)）]?$")
QUIZ_BLANK = re.compile(rf"(?:_{{2,}}|＿+|[（(]\s*[)）])((?:万元|亿元|元|%|{'|'.join(domain.COUNT_UNITS)})?)")
AMOUNT_BEFORE_BLANK = re.compile(r"(?:为|达|达到|约|共|合计|总计)$")  # "…预算为____。": a figure, its unit unsaid


def _blank_asked(match: re.Match) -> str:
    unit = match.group(1)
    return f"多少{unit}" if unit or AMOUNT_BEFORE_BLANK.search(match.string[:match.start()]) else "什么"


# question words and ordinals that may split a topic's words ("存在哪些问题", "有什么职责", "发现的第二个问题")
TOPIC_GAPS = re.compile(r"哪些|哪几个|哪几项|什么|哪|啥|些|(?:第[一二三四五六七八九十\d]+|头一?)[个条项点]?")
# a rate asked for: a word ending in 率 before how much (覆盖率要达到多少), or named last as typed in a
# search box (…预算完成率)
RATE_ASKED = re.compile(r"[\u4e00-\u9fff]率[）)]?(?:[\u4e00-\u9fff]{0,3}?[≥≤＞＜><]?(?:多少|几)|[\s？?。]*$)")  # 执行率（完成率）是多少, 目标是≥多少
# a sum of money asked by its noun ("共涉及资金多少", "这笔经费有多少"): money, not a share of it
MONEY_ASKED = re.compile(r"(?:资金|经费|费用|款项)(?:是|有|为|共|一共|总共|合计)?(?:多少|几)"
                         r"|钱[^。？?！!]{0,16}?(?:多少|几)(?![个名人辆家件次项位所种类条份])")  # "办医保卡的钱，安排了多少"
# a count named at the end with no question word, by a thing counted before 数 (病种数, 机构数, 户数); not a
# column's 合计数, 预算数, 支出数 (money)
COUNT_NAMED_LAST = re.compile(r"[种人户家次件项份所例构目]数[\s？?。]*$")
# a count asked by a noun counted and 数 (病种数, 机构数), last or before how much; not 这种数字, nor 科目数
# (a classification's figure)
NOUN_COUNTED = re.compile(r"(?<![这那一几每各])([\u4e00-\u9fff][种构])数(?=是|有|为|共|一共|总共|多少|几|[\s？?。]*$)")
# people counted in 万 ("参保的人各有多少万"): not 万元, nor a sum per person (每人, 人均) or of 人员经费
PEOPLE_IN_WAN = re.compile(r"(?<![每均个])人(?![均员工事才])数?[^，,。？?钱元均费款金资]{0,12}(?:多少|几)万(?![元块])")
# people asked for by how many, other words between ("多少在编人员"), not money for them (人员经费)
PEOPLE_ASKED = re.compile(r"(?:多少|几)(?:个|名|位)?[\u4e00-\u9fff]{0,4}?(?:人员|人)(?![\u4e00-\u9fff]*(?:经费|费|支出|工资))")
# a noun of people asked how many, before or after the ask ("编制有多少", "多少个编制"), not money for them
PEOPLE_NOUN_ASKED = re.compile(
    rf"({'|'.join(domain.PEOPLE_NOUNS)})(?:的?人?数|名额)?(?:一共|总共|共)?(?:有|是|为)?(?:多少|几)(?![钱万元块亿])"
    rf"|(?:多少|几)(?:个|名|位)?({'|'.join(domain.PEOPLE_NOUNS)})(?!经费|费|支出|工资)")
# a sum the question cites to point at something ("那5万块法律顾问费", "700万的集采经费"), and its 万元
# a sum the question cites: 5万, 那5万块, 七百多万 (700 to 800万), 差不多49个亿 (about 49亿)
AMOUNT_CITED = re.compile(r"(差不多|大约|大概|约)?(?<![\d.])(\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?:万[一二两三四五六七八九十百千]+)?)"
                          r"([多余来])?个?(亿元|亿|万元|万块|万(?![人户家])|块钱|元)(多)?")  # 200万人 counts people
COUNT_CITED = re.compile(rf"(?<![\d.那这])\d+({'|'.join(u for u in domain.COUNT_UNITS if u != '年')})"
                         r"(?=[，,。？?！!吗呢吧]|对|是不是|$)")  # a count the question states as a claim ends (not a
# year; not 那2辆, which points at the things counted; not 2个数对得上吗, which counts the figures checked)
RATE_QUESTIONED = re.compile(r"\d%[？?！!\s]*[？?][？?！!\s]*$")  # a headline's rate put as a question: "涨了47.2%？！"
RATE_CITED = re.compile(r"\d%|百分之[\d一二两三四五六七八九十百]")  # a rate the question states
CHINESE_DIGITS = dict(zip("一二两三四五六七八九", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
CHINESE_PLACES = {"十": 10, "百": 100, "千": 1000}
ABOUT = Decimal("0.1")  # 差不多, 大约: within a tenth either way
IN_10K_YUAN = {"亿元": Decimal(10000), "亿": Decimal(10000), "万元": Decimal(1), "万块": Decimal(1), "万": Decimal(1),
               "块钱": Decimal("0.0001"), "元": Decimal("0.0001")}
# the unit a sum said in each money unit is shown in (块钱 → 元, 万 → 万元, 亿 → 亿元)
MONEY_SHOWN = {said: next(unit for unit in ("元", "万元", "亿元") if IN_10K_YUAN[unit] == size)
               for said, size in IN_10K_YUAN.items()}
# the noun a count asks of, right after its measure word: 多少个编制, 几个分局 (not 多少人, 几个月)
COUNTED = re.compile(r"(?:多少|几)(?:个|名|家|项|所|台|辆|份|件|条|场)([\u4e00-\u9fff]{2,6}?)(?=[？?。，,吗呢啊]|$|是|有|在|的)")
# or said before the ask, after 的, 里 or a verb of setting up ("参加医保的港澳居民有多少人", "核定事业编制多少名",
# "预算里公车保有几辆"):
# what is counted, all of it
COUNTED_BEFORE = re.compile(r"(?:的|里|核定|配备|内设|下设|设有)([\u4e00-\u9fff]{2,6}?)(?:一共|总共|共)?(?:保有|有|是|为)?(?:多少|几)(?:个|名|位|人次|人|家|项|所|台|辆|份|件|条|场)")
# or said right before 有 and the ask ("门特病种有几个", "分中心一共有多少个")
COUNTED_THEN_ASKED = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:一共|总共|共)?有(?:多少|几)(?:个|名|家|项|所|种)?"
                                r"(?=[？?。，,吗呢啊]|$)")
CONVERTING = re.compile(f"(?:{'|'.join(domain.CONVERSION_ASKED)})成?(?:是|为)?(?:多少|几)")  # 折合多少万元
COUNT_WORD_AFTER = re.compile(r"总?(?:人数|人次数|人次|总数|数量|数)$")
# how much is asked, said before 多少 where a counted noun would stand ("…的实际多少人"): no noun
ADVERB_BEFORE_AMOUNT = re.compile(f"(?:{'|'.join(domain.ADVERBS_BEFORE_AMOUNT)})$")
REASON_HOW = re.compile(f"怎么(?:会|又|就)?(?:{'|'.join(domain.REASON_AFTER_HOW)})")
PERSON_ASKED = re.compile(f"(?:{'|'.join(domain.PERSON_WORDS)})[^，,。？?]{{0,6}}?(?:{'|'.join(domain.PERSONAL_DETAILS)})")
CONTACT_ASKED = re.compile("|".join(domain.CONTACT_ASKED))
DETAILS_ASKED = re.compile("|".join(domain.DETAILS_UNPRINTED))
# the year a change is measured from, said alone or as a gloss of 上年 ("比去年（2023年）")
BASE_YEAR = re.compile(r"(?:比|较|相比|对比)(?:上一?年)?[（(]?(20\d\d)年?(?:[)）](?!年))?")
DATE_AFTER_YEAR = r"年年?(?:底|末|1[0-2]月|[1-9]月)"  # 2022年底, 2024年1月: a date, not the report's year
AS_OF_YEAR = re.compile(rf"(?<!\d)(20\d\d){DATE_AFTER_YEAR}")  # a year said as a date, not as the report's
# a year said: four digits 20xx, not a quantity with its measure word or money unit ("超过2000人次")
YEAR_SAID = re.compile(r"(?<![\d.])(20\d\d)(?![\d.])(?!\s*(?:%s|万|亿|元|%%))"
                       % "|".join(u for u in domain.COUNT_UNITS if u != "年"))
MONEY_UNITS = ("亿元", "亿", "万元", "元")  # 多少亿: money, in the unit asked
# a question word asking what, who or which: with a subject and no amount, the words are wanted
WH_WORD = re.compile(r"什么|谁|哪")
# a purpose said of the thing whose amount is asked ("用来做信息平台运营的那笔经费有多少"), not asked
PURPOSE_DESCRIBING = re.compile(rf"(?:{'|'.join(domain.PURPOSE_WORDS)})[^，,。？?！!]{{1,30}}的[^，,。？?！!]{{0,20}}(?:多少|几)")
# a yes-or-no question (管不管, 包不包括, 有没有, 是否): with a subject and no amount, the words are wanted
YES_OR_NO = re.compile(r"([\u4e00-\u9fff])[不没]\1|是否")
# "收入支出决算总表里的…": a table the question points into, whose title names no subject, nor the
# unit whose table it is ("廉江市医疗保障局收入支出决算总表": from after 局)
TITLE_CHARACTER = "(?!哪|什么|在|局|这|那)"  # what a title said in a question does not hold: a question word, 在, the
# unit, a word pointing back (这张表)
TABLE_NAMED = re.compile(rf"(?:{TITLE_CHARACTER}[\u4e00-\u9fff（）()‘’]){{2,24}}?表(?:[（(]表\d{{1,2}}[）)])?(?=[”\"」》]?(?:里|中|内|上|的|和|与|对(?:得上|不上|照|比)|一致|吻合|[，,：:]))"
                         # or by the ending only a table's title has, whatever follows ("基本支出决算明细 公用经费那栏")
                         rf"|(?:{TITLE_CHARACTER}[\u4e00-\u9fff]){{2,20}}?(?:(?<!的)明细表?|情况表|总表|决算表|预算表)(?:[（(][^（）()]{{1,10}}[）)])?"
                         # or quoted after its number or before 那张 (表8“行政经费及三公经费”那张)
                         r"|(?:(?<=表\d[“\"])|(?<=表\d\d[“\"]))[^“”\"]{2,24}(?=[”\"])"
                         r"|(?<=[“\"])[^“”\"]{2,24}(?=[”\"](?:那|这)张)"
                         # or glossed in brackets after its number (表6（三公经费那张）)
                         r"|(?<=[（(])[^（）()“”\"]{2,24}?(?=(?:那|这)(?:张|个)表?[）)])")
# a part left out of what is asked ("不算住房公积金的话，住房改革支出里还有哪一项", "除了公务接待费以外，三公还有什么")
EXCLUDED = re.compile(r"(?:不算|除了|除去|除开|不含|不包括|不计|不区分|(?<![扣剔免解消排删废])除(?=[^，,。？?！!]{2,20}?[以之]外))((?:(?!以外|之外)[^，,。？?！!（）()]){2,20}?)"
                      r"(?:(?:的话|以外|之外|外)?(?=[，,）)])|(?:以外|之外)(?=的|还|另)|的话)")  # "除了项目支出以外的基本支出"; "（不算…分局）";
# "除城乡医疗救助以外的…" (除 alone, with 以外 after: not 扣除, 剔除)
# "除了财政拨款之外还有一笔其他收入": what is excluded ends where 之外 is said
PLACE_DENIED = re.compile(r"(?:而不是|(?<!是)不是|并非|而非|(?<![是除莫并而])非)[\s（(]*$")  # just before a place
NEGATED = re.compile(r"(?:而不是|(?<!是)不是|而非|并非)[^，,。？?！!]{1,12}?(?:那个|那项|那笔|里的|的)"  # not 是不是
                     r"|[（(]\s*(?:而?不是|并非|而非)[^（）()，,。？?]{1,16}[）)]")  # or an aside: "江门（不是台山）"
QUOTE_OPENS = "“\"「‘'"
RELATIVE_YEAR_GLOSSED = re.compile(rf"(?:{'|'.join(domain.RELATIVE_YEARS)})\s*[（(]\s*(20\d\d年?)度?\s*[）)]")
# 前年 after a year said (not 以前年度, 提前年): that year's year before last
YEAR_BEFORE_LAST = re.compile(r"((?<!\d)(20\d\d)年(?:(?!20\d\d)[^？?。])*?)(?<![提以之目当])前年(?!度)")
SEARCH_MINUS = re.compile(r"(?<!\S)-(?:20\d\d年?|[^\s\d-][^\s，,。？?！!]{0,11})(?![^\s，,。？?！!])")  # "三公 -决算"
QUOTED_NAME_MIN = 4  # characters a quote holds besides places and units to name an item of its own
CODE_IN_NAME = re.compile(r"[\[［【]\d{3,9}[\]］】]")  # “[30227]委托业务费”: the code is read apart, the name as printed
QUOTED = re.compile(r"[“\"「]([^“”\"「」]{6,40})[”\"」]")  # a long name in quotes is asked as printed
TABLE_NUMBER = re.compile(r"表\s*(\d{1,2})(?![\d.万元%])")  # 表4, （表4）


# "蓬江、江海、新会3个分局": names listed before a count and the word they share
LISTED_WITH_SHARED_WORD = re.compile(r"([\u4e00-\u9fff]{2,4}(?:[、和及与][\u4e00-\u9fff]{2,4})+)\d+[个家所]"
                                     r"([\u4e00-\u9fff]{2,3}?)(?=的|[，,？?。\d]|$)")


def _share_the_word(text: str) -> str:
    """Each name of a list completed by the word the list shares: 蓬江分局、江海分局、新会分局."""
    def spelled_out(match: re.Match) -> str:
        names = re.split("[、和及与]", match.group(1))
        return "、".join(name if name.endswith(match.group(2)) else name + match.group(2) for name in names)
    return LISTED_WITH_SHARED_WORD.sub(spelled_out, text)


def _report_words(text: str) -> str:
    """Everyday words replaced by the reports' own (科室 -> 内设机构), longest first; padding dropped."""
    for word in domain.PADDING_WORDS:
        text = text.replace(word, "")
    for word in sorted(domain.QUERY_SYNONYMS, key=len, reverse=True):
        text = _replace_word(text, word, domain.QUERY_SYNONYMS[word])
    text = WHOLE_SAID_BEFORE.sub(r"\2占\1\3", text)
    text = BALANCE_ASKED.sub("收入和支出相抵结余", BALANCE_WEIGHED.sub("收入和支出各多少，哪个多", text))
    text = EITHER_DIRECTION.sub(r"\1变化多少", text)
    text = FROM_START_TO_END.sub(rf"{domain.YEAR_START}\1和{domain.YEAR_END}\1", text)
    text = END_AGAINST_END.sub(lambda m: m.group(0) if m[1] == (m[3] or m[4]) else f"{m[1]}{m[2]}和{m[3] or m[4]}{m[2]}相比", text)
    text = SPENDING_THEN_INCOME.sub(r"支出\1收入", INCOME_THEN_SPENDING.sub(r"收入\1支出", text))
    return HOW_SPLIT.sub("各多少", ALTERNATIVES_WEIGHED.sub(r"\1和\3哪个\2", text))


# "比上年多了还是少了": either direction asked is the change, which favours neither (减少 is no word asked)
_UP, _DOWN = r"(?:多|增加|增长|涨|上升|升|高)了?", r"(?:少|减少|下降|降|跌|低)了?"
EITHER_DIRECTION = re.compile(rf"((?:比|较)(?:上年|去年|上一年)|同比)是?(?:{_UP}还是{_DOWN}|{_DOWN}还是{_UP})")
# "结转和结余从年初到年末变化了多少": the thing at the year's start and at its end
FROM_START_TO_END = re.compile(r"((?:(?![年的局市区县中里])[\u4e00-\u9fff]){2,10})从年初到年末")
# "政府采购中服务类采购占总额的比重": the whole is the thing said before 中, not the report's total
# (but "2024年预算里A占总盘子": the report's)
WHOLE_SAID_BEFORE = re.compile(r"(?<![\d.])((?:(?![年的局市区县中里])[\u4e00-\u9fff“”]){2,10})(?<!预算|决算|报告|自评)(?:当中|里面|之中|中|里)"
                               r"[，,]?((?:(?!占|分别|各|和|、)[\u4e00-\u9fff]){2,12}?)占(总额|总数|总量|合计|总计|全部|整体)")
# "基金收支结余了多少", "收支差额": income less spending, as 收支相抵 (not 用事业基金弥补收支差额, a row)
BALANCE_ASKED = re.compile(r"(?<!弥补)收支(?:差额|结余|结存|盈余|余额)")
# "收支是结余还是赤字": which side is more, as 收大于支还是支大于收 (domain.QUERY_SYNONYMS)
BALANCE_WEIGHED = re.compile(r"收支(?:是|为)?(?:结余|盈余|赤字|亏空)还是(?:结余|盈余|赤字|亏空)"
                             r"|收入(?:够不够|够不|能不能|能否)(?:支出|付出去的?|付的?|花的?)")  # "收入够不够付出去的"
YEAR_ENDS = f"{domain.YEAR_START}|{domain.YEAR_END}"
# "年末结转结余比年初多了多少", "年初结转和结余跟年末比": the thing at both ends, one said against the other
END_AGAINST_END = re.compile(rf"({YEAR_ENDS})的?((?:(?![年的局市区县中里比跟与同])[\u4e00-\u9fff]){{2,10}}?)"
                             rf"(?:比({YEAR_ENDS})|(?:跟|和|与|同)({YEAR_ENDS})(?=相?比|对比))")  # (A和B分别: listed)


# "基本支出和项目支出怎么分": how a sum is split is each part's amount (not 怎么分配, 如何分析)
HOW_SPLIT = re.compile(r"(?:怎么|如何|怎样)分(?![配析工布类])")
# a fund's income and spending said as verbs in one question ("收了多少、花了多少", "收得多还是支得多"):
# 收入 and 支出 (one verb alone, as in 三公经费花了多少, stays how the question is put)
INCOME_THEN_SPENDING = re.compile(r"(?<![征接回吸验税])收[了得的](.{0,10}?)(?:花|支|用)[了得的]")
SPENDING_THEN_INCOME = re.compile(r"(?:花|支|用)[了得的](.{0,10}?)(?<![征接回吸验税])收[了得的]")
# "收入多还是支出多": which of two is more, asked as the two alternatives
ALTERNATIVES_WEIGHED = re.compile(r"([\u4e00-\u9fff]{2,4}?)(多|高|大|少|低)[，,]?还是([\u4e00-\u9fff]{2,8}?)\2(?![\u4e00-\u9fff])")


ACRONYM_GLOSS = re.compile(r"(?<![A-Za-z0-9-])[A-Z]{2,}(?![A-Za-z0-9-])")


def _glosses_dropped(text: str, corpus: Container[str]) -> str:
    """An English acronym glossing the Chinese beside it ("公务用车购置 CAPEX 和运行维护 OPEX"), dropped so
    that the Chinese around it reads as one; one the reports print (DIP, DRG) stays, as does a code
    (GZIT2022-QM-N-A-045065)."""
    if not re.search(r"[\u4e00-\u9fff]", text):
        return text
    return ACRONYM_GLOSS.sub(lambda m: m.group(0) if m.group(0) in corpus else "", text)


def _replace_word(text: str, word: str, by: str) -> str:
    """`word` replaced by `by` where it is not already part of `by` (事业编 in 事业编制 stays)."""
    inside = by.find(word)
    if inside < 0:
        return text.replace(word, by)
    return re.sub(re.escape(word), lambda m: m.group(0) if text.startswith(by, m.start() - inside)
                  and m.start() >= inside else by, text)


def understand(text: str, row_vocabulary: Iterable[str] | None = None,
               max_chars: int = MAX_QUESTION_CHARS, vocabulary: Vocabulary | None = None,
               held: Sequence[places.Held] = ()) -> Question:
    """`held`: the reports the index holds, whose places and units the question may name."""
    row_vocabulary = row_names(row_vocabulary)
    question = Question(text=text, typed=normalize_text(text or ""))
    stripped = (text or "").strip()
    if not stripped:
        question.problem = "问题是空的。请输入一个问题，例如“江门医保局2024年三公经费多少”。"
        return question
    if len(stripped) > max_chars:
        question.problem = f"问题太长（{len(stripped)} 字，上限 {max_chars} 字）。请只问一件事，例如“广州医保局2023年公务接待费多少”。"
        return question
    english, question.corrections = read_english(stripped)
    english, spelled = read_pinyin_sentence(english, vocabulary)  # while spaces keep its words apart
    english, spelled_words = read_pinyin(english)  # and "What was Maoming" three words
    spelled += spelled_words
    normalized, typed_in_pinyin = read_pinyin(_share_the_word(_report_words(_normalize(english))))
    question.corrections += spelled + typed_in_pinyin
    normalized, nicknames = read_nicknames(normalized)
    question.corrections += nicknames
    holding = places.holdings(held)
    normalized, initials = read_initials(normalized, holding.names)
    question.corrections += initials
    if vocabulary is not None:
        normalized, place_typos = correct_places(normalized, holding.names_typed, vocabulary.text)  # first: 廉汪 is
        normalized, glued = read_glued_syllables(normalized, vocabulary)  # no 联网 heard
        normalized, typos = correct_typos(normalized, vocabulary)
        typos = glued + typos
        normalized, unit_names = correct_unit_names(normalized, holding.held_unit_names, vocabulary.text)
        question.corrections += typos + place_typos + unit_names
        normalized = vocabulary.titles_completed(_glosses_dropped(normalized, vocabulary.text))
    normalized = question.reading = NEGATED.sub("", normalized)  # "不是基本支出那个": not what is asked
    normalized = question.reading = re.sub(domain.PHONE_NUMBER, " ", normalized)  # no code nor sum
    question.excluded = [unquoted(m) for m in EXCLUDED.findall(normalized)]
    question.part_described = part_described(normalized)
    if not re.search(r"[\u4e00-\u9fff]", normalized):
        question.problem = ("请用中文提问，本系统回答广东省医疗保障局部门预算、决算和绩效自评报告中的问题，"
                            "例如“江门医保局2024年三公经费多少”。")
        return question
    if PERSON_ASKED.search(normalized):
        question.problem = "报告不写个人的姓名、电话等信息，只写机构设置、职责、编制和领导职数。"
        return question
    if CONTACT_ASKED.search(normalized):
        question.problem = "报告不写地址、电话、网址等联系方式，只写机构设置、职责和收支。"
        return question
    asker_years = _years_of_asker(normalized)  # "我2022年换了工作。": not the report's year
    question.years = sorted({int(y) for y in YEAR_SAID.findall(normalized)} - asker_years,
                            key=lambda y: normalized.index(str(y)))
    bases = {int(y) for y in BASE_YEAR.findall(normalized)}
    later = [y for y in question.years if y not in bases]
    if bases and later and all(b + 1 in later for b in bases) and any(w in normalized for w in domain.DIRECTION_WORDS):
        question.years = later  # "2024年比2023年增加了多少": the 2024 report states the change against 2023
        normalized = question.reading = BASE_YEAR.sub("比上年", normalized)
    dates = {int(y) for y in AS_OF_YEAR.findall(normalized)}
    if dates and not re.search(rf"(?<!\d)20\d\d(?!\d)(?!{DATE_AFTER_YEAR})", told_blanked(normalized) if asker_years else normalized):
        question.as_of, question.years = sorted(dates), []  # only a date: the year's or the next year's report
    question.kinds_said = _kinds_said(normalized)
    question.kinds = _kinds(question.kinds_said)
    question.versus_kinds = any(w in normalized for w in domain.VERSUS_KIND_WORDS) or len(question.kinds) > 1
    normalized = REPORT_REFERRED.sub(" ", normalized)  # "自评那份": which report, no word of what is asked
    asking_clauses = asking_parts(normalized, CLAUSE_BREAKS)  # "三公表里是4.45万，那明细表里的…是多少": the latter
    tables = [re.sub(r"^(?:和|与)", "", m.group(0)) for m in TABLE_NAMED.finditer(normalized)]  # "A表和B表"
    question.table_named = next((t for t in tables if any(t in clause for clause in asking_clauses)),
                                tables[0] if tables else None)
    question.tables_named = tables
    cited = [m for m in QUOTED.finditer(normalized) if CITED_WITHIN.match(normalized, m.end() - 1)]
    question.sections_cited = [m.group(1) for m in cited]
    for m in reversed(cited):  # where to look: its words name no subject and none the figure's own words must hold
        normalized = f"{normalized[:m.start()]}“”{normalized[m.end():]}"
    question.quoted = [CODE_IN_NAME.sub("", q) for q in QUOTED.findall(normalized)  # a place or the table named
                       if not _names_a_place(q, held) and q not in tables  # is no item's name,
                       and not cites_a_line(q) and not CITED_AFTER.search(normalized, 0, normalized.find(q))
                       and not SUM_IN_WORDS.search(q)]
    # nor a line of a report cited with its figures, or said to be what the report writes ("里面写着“…”"),
    # nor a claim passed on with a sum in words (“…要花一千多万”): the reports print digits;
    # a section said to be where it is written was blanked above
    number = TABLE_NUMBER.search(normalized)
    question.table_number = int(number.group(1)) if number else None
    question.rows_from_named = rows_from_named(normalized)  # "…下面第2行": no second row of the table
    question.row_position = row_position(normalized) if question.rows_from_named is None else None
    question.pasted, question.cell_position = row_pasted(normalized)
    normalized = _kinds_of_said(normalized, row_vocabulary)
    normalized = question.reading = _head_shared(_tail_shared(_money_of(normalized, row_vocabulary)),
                                                 row_vocabulary)
    normalized = question.reading = _same_row_named(normalized, row_vocabulary)
    said_to_ask = _without_remarks_after(normalized)  # a remark after the question names and asks nothing
    outside_table = TABLE_NAMED.sub(lambda m: " " * len(m.group(0)), said_to_ask)  # nor does a table's title
    outside_table = EXCLUDED.sub(lambda m: " " * len(m.group(0)), outside_table)  # nor a part left out
    spans = subject_spans(outside_table, row_vocabulary)
    rows_said = {normalized[start:end] for start, end, kind, _ in spans if kind == "row"}  # each time it is said
    row_places = [(m.start(), m.end()) for said in rows_said for m in re.finditer(re.escape(said), normalized)]
    named = places.named(normalized, held, rows=row_places)
    if (kept := _negated_places_blanked(normalized, named.places)) != normalized:
        normalized = question.reading = kept  # "江门（非台山）", "是江门不是台山": 台山 is not asked
        named = places.named(normalized, held, rows=row_places)
    siblings = places.sibling_units(named.divisions, [key for _, _, kind, key in spans if kind == "row"], held)
    known_rows = row_vocabulary.as_set
    spans = sorted(spans + [(m.start(), m.end(), "row", unit) for place, unit in siblings.items() if unit in known_rows
                            for m in [re.search(place, normalized)] if m and not any(
                                s < m.end() and m.start() < e for s, e, _, _ in spans)])
    question.cities = [city for city in named.places if city not in siblings]
    question.units = named.units
    question.divisions = {city: d for city, d in named.divisions.items() if city not in siblings}
    scene_set = _scene_set_before(question, asking_clauses)
    if question.cities:  # 吴川医保服务中心 is 吴川's, not 广州市医疗保险服务中心 said in short
        spans = [span for span in spans if span[2] != "row" or not (where := places.leading_places(span[3]))
                 or where & set(question.cities)]
    question.unknown_places = _unknown_places(normalized, held)
    question.items = list(dict.fromkeys(key for _, _, kind, key in spans if kind == "item"))
    question.row_terms = list(dict.fromkeys(key for _, _, kind, key in spans if kind == "row"))
    question.codes = re.findall(rf"(?<![\d.])(\d{{3}}(?:\d{{2}}){{0,2}})(?!\d|\.\d)(?![年万元%]|{'|'.join(domain.UNITS_NO_CODE_PRECEDES)})",
                                normalized)  # not 100.1%, 100平方米
    question.codes = [c for c in question.codes if not c.startswith("20") or len(c) in (3, 5, 7)]
    question.codes = [c for c in question.codes if str(c) not in map(str, question.years)]
    sums_cited = list(AMOUNT_CITED.finditer(normalized))
    question.codes = [c for c in question.codes  # "花了800来万": a sum, no code
                      if not any(normalized.startswith(c, m.start(2)) for m in sums_cited)]
    _drop_containers(question, spans, normalized)
    _drop_said_by_asker(question, spans, normalized)
    _drop_conditions(question, spans, normalized)
    if not (question.items or question.row_terms or question.codes) and _whole_spending_asked(question, normalized):
        question.items = [domain.SPENDING_TOTAL]  # "廉江医保局2023年实际花了多少钱": all it spent
    _codes_for_names(question, spans, normalized)
    question.order = {key: start for start, _, _, key in reversed(spans)}
    question.said = {key: normalized[start:end] for start, end, _, key in reversed(spans)}
    question.whole_words = list(dict.fromkeys(_row_starts_said(normalized, row_vocabulary) + [
        question.said[item] for item in question.items if item in question.said]))  # 公用支出: no filler 用 in it
    _district_units(question, row_vocabulary, held, normalized)
    question.row_terms = [r for r in question.row_terms if not question.excluded  # "不算蓬江、江海、新会几个分局":
                          or question.said.get(r, r) in outside_table]  # no unit said only where it is left out
    _own_level(question, row_vocabulary, normalized)
    question.order.update({code: normalized.find(code) for code in question.codes})
    outside_rows = outside_table  # a column said within a row's name (年末财政拨款结转和结余) is the name's, not
    for start, end, kind, _ in spans:  # asked; one said first (一般公共预算收入) is asked; so is an item's
        said = outside_table[start:end]  # name (一般公共预算财政拨款收入), unless said as the column's word
        if (kind == "row" and not said.startswith(COLUMN_SAID)) or (kind == "item" and said not in COLUMN_SAID):
            outside_rows = outside_rows[:start] + " " * (end - start) + outside_rows[end:]
    question.columns = [col for col, words in domain.COLUMN_WORDS.items()
                        if any(w in outside_rows for w in words) and col not in question.items]
    _qualifiers_to_columns(question)
    asked = TOPIC_GAPS.sub("", normalized)  # "存在哪些问题" names 存在问题
    question.topic = next((topic for topic, words in domain.PASSAGE_TOPICS.items()
                           if any(w in normalized or w in asked for w in words)), None)
    counted = _without_name_words(told_blanked(said_to_ask))  # "哪几个科室" asks for names, not how many
    counted = _sums_said_blanked(counted)
    question.asks_amount = any(w in counted for w in domain.AMOUNT_WORDS) or bool(re.search(domain.THRESHOLD_ASKED, counted))
    question.asks_count = any(w in counted for w in domain.COUNT_WORDS)
    question.asking_clause = asking_clauses[0] if len(asking_clauses) == 1 else ""  # one asks: the others set the scene
    sentence = asking_part(normalized)  # and of it, what is said after a particle that ends it asks nothing
    measured = words_asked(normalized) or " ".join(part for part in spoken_sentences(sentence) if asks(part)) \
        or sentence  # "多少呀我听人家说…": no 多少…人
    question.asked_class, question.asked_unit = measure_asked(QUOTED.sub("“”", _sums_said_blanked(
        _without_name_words(measured))))
    amount_asked = [part for part in spoken_sentences(normalized) if asks_amount_not_why(part)]
    if question.asked_class is None and len(amount_asked) == 1:  # "涨了百分之多少？涨这么多依据是什么？": the
        question.asked_class, question.asked_unit = measure_asked(QUOTED.sub("“”", _sums_said_blanked(
            amount_asked[0])))  # one that asks how much
    question.converting = bool(CONVERTING.search(normalized))
    if ratio_asked(normalized):  # "A对B的比例": two amounts and their quotient, not a percent
        question.asked_class, question.asked_unit = None, None
    if (beside := _beside_the_ask(normalized, question.asking_clause)) and question.asked_class and \
            measure_asked(normalized.replace(beside, " "))[0] is None:  # "…分别有多少，我们想参考下比例"
        question.asked_class, question.asked_unit = None, None
    noun = (COUNTED.search(sentence) or COUNTED_BEFORE.search(sentence) or NOUN_COUNTED.search(sentence)
            or COUNTED_THEN_ASKED.search(sentence)) \
        if question.asked_class == "count" else None
    counted_noun = re.sub(r"^(?:以上|以下|左右|上下)|来着$", "", noun.group(1)).rstrip("啊呀吧嘛呢吗啦哦了") if noun else ""
    # "总人数是多少人": the measure says it, and "的实际多少人" an adverb, no noun; "几多架车啊": 车, not 车啊;
    # "增加到多少个以上了": a bound, no noun
    counted_noun = ADVERB_BEFORE_AMOUNT.sub("", COUNT_WORD_AFTER.sub("", counted_noun))
    question.counted = counted_noun if len(counted_noun) >= 2 else None
    if question.counted is None and question.asked_unit in (domain.PEOPLE_NOUN_UNIT, domain.COUNT_NOUNS["人数"]) and (
            people := PEOPLE_NOUN_ASKED.search(sentence)):  # not 干部多少人次: visits, counted in their own word
        question.counted = people.group(1) or people.group(2)  # "编制人数是多少": 编制, not 参保人数
    question.asks_reason = any(w in normalized for w in domain.REASON_WORDS) or bool(REASON_HOW.search(normalized)) or (
        any(w in normalized for w in domain.EXPLAIN_WORDS) and any(
            w in normalized for w in (*domain.DIRECTION_WORDS, *domain.INTENT_WORDS["change"])))
    question.amounts = [cited_range(match) for match in sums_cited]
    if question.amounts and question.asked_class is None and "占" not in sentence and (
            re.search("多少|几", sentence) or re.search(domain.THRESHOLD_ASKED, sentence)):
        question.asked_class = "money"  # "好像是90亿，准确是多少": the sum misremembered says what is asked; so
        # does a sum put as a bound ("到没到700万")
    if question.asked_class is None and RATE_CITED.search(normalized) and (any(
            w in normalized for w in domain.CLAIM_CHECKED) or RATE_QUESTIONED.search(normalized)):
        question.asked_class = "percent"  # "网上说涨了1200%，是这么写的吗", "涨了47.2%？！": the rate is checked
    if question.asked_class is None and (cited := COUNT_CITED.search(normalized)) and (any(
            w in normalized for w in domain.CLAIM_CHECKED) or _yes_or_no_of(normalized, cited.start())):
        # "…核定事业编制10名，对吗", "是不是只搞了4次": the count is checked
        question.asked_class, question.asked_unit = measure_asked(f"多少{cited.group(1)}")
        question.asks_amount = question.asks_count = question.asked_class is not None
    asked_from = normalized.find(question.cities[0]) if scene_set else 0  # the scene's figures (廉江…说公车有2辆)
    question.stated = figures_stated(QUOTED.sub(_blank_cited, normalized[max(asked_from, 0):]))  # are another report's
    if question.pasted and question.cell_position is None and len(question.subjects) > 1 and not any(
            w in normalized for w in domain.CLAIM_CHECKED):  # "[30228]工会经费 3.20 …下面的福利费": another row
        question.stated |= set(question.pasted)  # is asked, and the one copied is known
    question.wide_scope = next((w for w in domain.WIDE_SCOPES if w in normalized), None)
    if len(question.cities) != 1 and (bound := bound_counted(normalized)):  # "四家医保局里，有几家…超过3万": places
        question.bound_counted = bound  # ranked, those past the bound counted; the bound's unit is what is asked
        question.asked_class, question.asked_unit = ("money", None) if bound[2] in IN_10K_YUAN or not bound[2] \
            else measure_asked(f"多少{bound[2]}")
        question.asks_count = question.asked_class == "count"
    if question.asked_unit in domain.SELF_NAMING_UNITS:  # "公务用车超过3辆": the cars, not the item's money
        question.items = [i for i in question.items if question.said.get(i, i) not in domain.ITEM_THINGS.get(i, ())]
    question.intent = _intent(QUOTED.sub("“”", counted), question)  # a name quoted (“医疗救助比例≥70%”指标) asks nothing
    if question.intent == "change" and question.asked_class is None and rate_word_asked(question):
        question.asked_class = "percent"
    if (question.intent == "passage" or question.intent in ("figure", "change") and not question.asks_amount) and any(
            w in normalized for w in domain.OPINION_ASKED) or any(w in normalized for w in domain.OPINION_RANKED):
        question.problem = domain.OPINION_HELD  # a judgement asked and nothing the reports state besides ("花18万买
        # 公务用车值不值": the sum is said, not asked)
    if re.search(domain.HYPOTHESIS_ASKED, normalized):
        question.problem = domain.HYPOTHESIS_HELD
    if re.search(domain.PUBLICATION_ASKED, normalized):
        question.problem = domain.PUBLICATION_HELD
    if DETAILS_ASKED.search(normalized):  # "那两辆车是什么品牌型号": what is said of them is shown
        question.problem = domain.DETAILS_HELD
    if any(c in normalized for c in domain.FOREIGN_CURRENCIES):  # "折合成美元是多少": what is held, in yuan
        question.problem = domain.CURRENCY_HELD
    if any(re.search(f"{city}{domain.HOSPITAL_NAMED}", normalized) for city in question.cities):
        question.problem = domain.INSTITUTION_HELD  # "江门市中心医院的预算": a hospital's own books
    if question.intent not in ("passage", "reason", "definition"):  # a figure's words: not those of a part left out
        question.reading = EXCLUDED.sub("", question.reading)  # (a passage's may be beside them: kept)
    return question


SENTENCE_BREAKS = "。！？!?；;：:…"  # an ellipsis trails off a sentence ("…太长看不完……江门…多少份")
AFTER_LAST_QUESTION_MARK = re.compile(r"(.*[？?])([^？?]*)$")  # the question, and what is said after it
CLAUSE_BREAKS = SENTENCE_BREAKS + "，,"
# a particle that ends a sentence said without punctuation ("是多少呀我听人家说挺多的"); not 呢,
# which also marks a topic ("那个服务大厅呢为啥说不够用")
SPOKEN_END = r"(?<=[呀啊吧嘛])(?=[\u4e00-\u9fff])"
HOW_MANY = r"多少|(?<![十\d])几(?![十百千万亿\d])"  # not 几十, 十几: a rough amount said
ASKING_WORDS = rf"{HOW_MANY}|什么|啥|哪|吗|呢|怎么|怎样|咋|为何|如何|是否|干嘛|多久|多大|还是"
WORDS_ASKED = re.compile(r"(?<![凭为])什么(?![都也])|谁(?!更?[多少大小高低]|[都也])|哪(?![个边样项类]?更?[多少大小高低]|(?:儿|里)?[都也])"
                         r"|啥(?![都也])|咋|怎么|如何|干嘛|多久|还是")
# words, not an amount, are wanted; "哪个多", "谁高" compare amounts; "什么都", "谁也" mean all and none


def asking_part(text: str, breaks: str = SENTENCE_BREAKS) -> str:
    """The last sentence (or clause) that asks something: "我爸是退休职工，老担心基金不够用。基金总收入是
    多少亿？" asks in its second sentence; the first only sets the scene. The whole text when none asks."""
    parts = asking_parts(text, breaks)
    return parts[-1] if parts else text


def asking_parts(text: str, breaks: str = SENTENCE_BREAKS) -> list[str]:
    """Every sentence (or clause) that asks something, in order. After the last question mark, a
    sentence that says why one asks is not asked: "办公费列了多少？想看看县级局怎么编的"."""
    asked = AFTER_LAST_QUESTION_MARK.match(text)
    if asked and re.sub(domain.ASKER_WORDS, "", asked.group(2)).startswith(domain.MOTIVE_WORDS):
        text = asked.group(1)
    return [part for part in re.split(f"[{breaks}]", text) if asks(part)]


def asks(part: str) -> bool:
    return bool(re.search(ASKING_WORDS, part))


def _without_remarks_after(text: str) -> str:
    """The question with the sentences after its last question mark that ask nothing blanked out
    (positions kept): "行政运行科目合计多少？我看它有一部分算在项目支出里" asks no 项目支出."""
    asked = AFTER_LAST_QUESTION_MARK.match(text)
    if not asked or asks(asked.group(2)) or asked.group(2).lstrip("，, ").startswith(domain.CLARIFYING_WORDS):
        return text  # "…多少？就是年末结转和结余", "…多少？不是基本支出那个": it says what is asked
    return asked.group(1) + " " * len(asked.group(2))


TOLD = re.compile(r"[^。！？!?]+[。！!]")  # a sentence that ends as told, not as asked
YEAR_POINTED_BACK = re.compile(r"当年|那年|那一年|同年|同一年")


def _told_before_asking(text: str) -> list[re.Match[str]]:
    """The sentences told (ending in 。 or ！, asking nothing) before a later one asks."""
    told = [m for m in TOLD.finditer(text) if not asks(m.group(0))]
    return told if told and asks(text[told[-1].end():]) else []


def told_blanked(text: str, told: list[re.Match[str]] | None = None) -> str:
    """The question with the sentences told before it asks (`told`, found when not given) blanked out,
    positions kept: "我每个月药费200块，去年住了一次院。想问…办公费是多少" asks no month and no change."""
    for m in _told_before_asking(text) if told is None else told:
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def told_clauses_blanked(text: str) -> str:
    """`told_blanked`, and the clauses before the one that asks that ask nothing and tell something of
    their own, a figure or what the asker heard ("我今年62岁，每月养老金4300元，想知道…", "3月份新闻说广州
    要加大…，…是多少"): a month or a period said there is not asked; positions kept."""
    text = told_blanked(text)
    if any(w in text for w in domain.CLAIM_CHECKED):  # "上半年已经花了40万，对吗": the claim is what is asked
        return text
    clauses = list(re.finditer(f"[^{CLAUSE_BREAKS}]+", text))
    last_asking = max((i for i, m in enumerate(clauses) if asks(m.group(0))), default=-1)
    for m in clauses[:max(last_asking, 0)]:
        said = m.group(0)
        if not asks(said) and (FIGURE_STATED.search(said) or OWN_NUMBER.search(said)
                               or any(w in said for w in domain.TELLING_WORDS)):
            text = text[:m.start()] + " " * len(said) + text[m.end():]
    return text


def _years_of_asker(text: str) -> set[int]:
    """The years said only where the asker tells of themselves before asking ("我2022年换了工作。…
    三公经费多少"): not a report's year, unless what asks points back at it (当年, 那年)."""
    told = _told_before_asking(text)
    asked = told_blanked(text, told)
    if YEAR_POINTED_BACK.search(asked):
        return set()
    years = {int(year) for m in told if re.search(domain.ASKER_SAID, m.group(0)) for year in YEAR_SAID.findall(m.group(0))}
    return years - {int(year) for year in YEAR_SAID.findall(AS_OF_YEAR.sub(" ", asked))}  # a date is no report's year


def spoken_sentences(text: str) -> list[str]:
    """The sentences of a question, by its punctuation and by the particles that end a sentence
    said without it: "是多少呀" asks, "我听人家说挺多的" after it only sets the scene."""
    return [part for part in re.split(f"[{SENTENCE_BREAKS}]|{SPOKEN_END}", text) if part]


# a figure with its measure ("1.5万元", "20名"), not a year or a code
FIGURE_STATED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=万|亿|元|名|人|个|家|项|件|次|%|％|户|辆|期)")
OWN_NUMBER = re.compile(r"\d(?:块|岁|号)")  # the asker's own: 5000块 a month, 70岁, 7号


# a figure that ends a quote or a clause of it ("…拟购置固定资产120.55万元", "…4.189万元，"), not one inside a name
CITED_AFTER = re.compile(rf"(?:{'|'.join(domain.CITING_WORDS)})[:：]?[“\"「]$")
# a quote followed by words saying the report says something within it (“管理效率分析”里提到): a section named
CITED_WITHIN = re.compile(rf"[”\"」][那这]?(?:{'|'.join(domain.WITHIN_WORDS)})(?:面|头|边)?[也还]?(?:{'|'.join(domain.SECTION_CITING_WORDS)})")
LISTED_ASKED = re.compile(r"有哪些|有哪几|哪几[类项个]")  # the things of a kind asked for, each
ALTERNATIVE = "还是"  # a clause opening with it weighs another answer against the one said before ("是0元，还是没填")
SUM_IN_WORDS = re.compile(r"[一二两三四五六七八九十百千]+[多余来]?个?(?:亿元|亿|万元|万块|万)")  # 一千多万, 三个亿
CITED_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?[^\d，,；;。、\s]{0,3}(?=$|[，,；;。])")


def cites_a_line(quote: str) -> bool:
    """A quote that cites a line of a report with its figures ("报告里写“…比上年增加93.36万元”"), not a
    name that holds a number (“政府购买服务人员8名工作人员经费”) or an indicator with its target
    (“基金滚存结余可支配月数不低于3个月”): where to look, not a name the figure's row must carry."""
    return bool(CITED_FIGURE.search(quote)) and not any(marker in quote for marker in domain.TARGET_MARKERS)


def _blank_cited(quote: re.Match) -> str:
    """A cited line blanked: its figures are what is checked ("…比上年增加93.36万元”，增加了多少"), not
    figures the asker knows and leaves out."""
    return "“”" if cites_a_line(quote.group(1)) else quote.group(0)


def figures_stated(text: str) -> set[Decimal]:
    """The figures a question states in clauses that ask nothing ("吴川公务接待费1.5万元里，接待外宾的
    部分占多少", "核定事业编制20名，实际在岗多少人"): what the asker knows already, so not the answer."""
    asking = set(asking_parts(text, CLAUSE_BREAKS))
    if not asking or any(w in text for w in domain.CLAIM_CHECKED + domain.CONVERSION_ASKED) or any(
            clause.lstrip().startswith(ALTERNATIVE) for clause in asking):  # "…属实吗", "是0元，还是没填":
        return set()  # no clause asks another figure, or a claim is put to be checked, a sum converted or an alternative
        # weighed: the ones stated are
    return {Decimal(n) for clause in re.split(f"[{CLAUSE_BREAKS}]", text) if clause not in asking
            for n in FIGURE_STATED.findall(clause)}


def cited_range(match: re.Match) -> tuple[Decimal, Decimal]:
    """The sums (in 万元, lowest and highest) a cited amount can be: 七百多万 700 to 800, 5万 just 5."""
    about, number, more, unit, more_after = match.groups()
    value, step = _number_and_step(number)
    scale = IN_10K_YUAN[unit]
    if more or more_after:
        return value * scale, (value + step) * scale
    if about:
        return value * (1 - ABOUT) * scale, value * (1 + ABOUT) * scale
    return value * scale, value * scale


def _number_and_step(number: str) -> tuple[Decimal, Decimal]:
    """A number and the place of its last digit: 700 and 100, 3.5 and 0.1, 七千 and 1000."""
    if number[0].isdigit():
        value = Decimal(number)
        if "." in number:
            return value, Decimal(1).scaleb(-len(number.split(".")[1]))
        zeros = len(number) - len(number.rstrip("0"))
        return value, Decimal(10) ** zeros
    total, current, step = 0, 0, 1
    for character in number:
        if character == "万":  # "两万六千(多万元)": what is said before it, in ten thousands
            total, current, step = (total + current) * 10000, 0, 10000
        elif character in CHINESE_PLACES:
            step = CHINESE_PLACES[character]
            total, current = total + (current or 1) * step, 0
        else:
            current = CHINESE_DIGITS[character]
    return Decimal(total + current), Decimal(step if not current else 1)


def leaves_out(question: Question, label: str) -> bool:
    """Whether a row or part is one the question leaves out (不算住房公积金的话, 除了…以外), or one of
    several it lists so ("不算蓬江、江海、新会几个分局")."""
    return any(part in label or any(name and name in label for name in
                                    (GROUP_SAID.sub("", piece) for piece in re.split("[、和]", part)))
               for part in question.excluded)


GROUP_SAID = re.compile(r"(?:这|那)?(?:几|[两三四五六七八九十\d])个[\u4e00-\u9fff]{1,3}$|等$")  # 新会几个分局: 新会


def _yes_or_no_of(text: str, at: int) -> bool:
    """A yes-or-no asked of what is said at `at`, in its clause ("是不是只搞了4次"), not of what
    follows it ("打97分是不是打高了": an opinion of the score)."""
    clause_start = max(text.rfind(b, 0, at) for b in CLAUSE_BREAKS) + 1
    return YES_OR_NO.search(text, clause_start, at) is not None


def words_asked(text: str) -> str | None:
    """The clause that asks, when it asks for words and names no amount ("那笔钱是用来干嘛的", "花了
    七百多万，租的是啥房"): amounts said elsewhere in the question are not what it asks."""
    clause = asking_part(text, CLAUSE_BREAKS)
    if clause.lstrip().startswith(ALTERNATIVE) and FIGURE_WORD.search(YEAR_WORD.sub(" ", text[:max(text.rfind(clause), 0)])):
        return None  # "是0吗，还是空着的": an alternative to a figure said, which is what is asked
    asks = WORDS_ASKED.search(clause) or any(w in clause for w in domain.PURPOSE_WORDS)
    return clause if asks and not any(w in clause for w in domain.AMOUNT_WORDS) else None


def measure_asked(reading: str) -> tuple[str | None, str | None]:
    """What a question (as read) asks a figure to be: its class (money / count / percent / area /
    months / score) and the measure word it names (多少辆: 辆), each None when it says none."""
    counted = EXCLUDED.sub(" ", _without_name_words(reading))  # "不算…几个分局": nothing counted is asked
    if PEOPLE_IN_WAN.search(counted):
        return "count", "万人"
    asked_class = next((cls for cls, words in domain.ASKED_CLASS_WORDS.items() if any(w in counted for w in words)),
                       None)
    if asked_class is None and re.search(domain.SIZE_ASKED, counted):
        asked_class = "area"  # 大厅有多大: its 平方米
    if asked_class is None and RATE_ASKED.search(counted):
        asked_class = "percent"  # 覆盖率要达到多少, 参保率是多少: a rate is a percent
    people_noun = asked_class is None and PEOPLE_NOUN_ASKED.search(counted)
    if asked_class is None and (PEOPLE_ASKED.search(counted) or people_noun):
        asked_class = "count"  # 有多少在编人员, 编制多少: people are counted
    if asked_class is None and MONEY_ASKED.search(counted):
        asked_class = "money"
    noun_counted = NOUN_COUNTED.search(counted)
    if asked_class is None and (COUNT_NAMED_LAST.search(counted) or noun_counted):
        asked_class = "count"  # "江门 2023 自评 病种数": a count named, as in a search box
    said = re.search(rf"(?:多少|几)个?({'|'.join(MONEY_UNITS + domain.COUNT_UNITS)})", counted)
    asked_unit = said.group(1) if said else next(
        (unit for noun, unit in domain.COUNT_NOUNS.items() if noun in counted), None)
    if asked_unit is None and people_noun:
        asked_unit = domain.PEOPLE_NOUN_UNIT
    if asked_unit is None and noun_counted and noun_counted.group(1)[-1] in domain.THING_UNITS:
        asked_unit = noun_counted.group(1)[-1]  # 病种数: kinds, counted as things
    if (asked_unit in (None, domain.GENERIC_MEASURE) or asked_unit in domain.SELF_NAMING_UNITS) and (counted_in := next(
            (unit for unit, thing in domain.UNIT_THING.items() if re.search(
                rf"(?:多少|几)[个台部辆]?[汽公轿]?{thing}|{thing}{unit}(?:有|是|共|一共)*(?:多少|几)(?![钱万元])", counted)), None)):
        asked_unit = counted_in  # "有多少车辆", "车辆有多少", "几台车", "几个汽车": counted in 辆, not 执法车辆36万元
    if any(w in counted for w in domain.YEARS_ASKED):  # 用了多少年, 车龄: a count of years
        asked_unit = domain.YEARS_UNIT
    elif asked_unit == domain.YEARS_UNIT:
        asked_unit = None  # 近几年: which years, not how many
    if asked_class == "percent" and asked_unit not in MONEY_UNITS:
        asked_unit = None  # 多少个百分点: a percent, whatever 多少个 says
    if asked_unit in MONEY_UNITS:  # 多少个亿: money, whatever 多少个 says
        asked_class = "money"
    elif asked_unit and asked_class in (None, "money"):  # 多少场, 多少万人: the measure word
        asked_class = "count"  # says the class, whatever 多少万 says
    return asked_class, asked_unit


def _names_a_place(quoted: str, held) -> bool:
    """A quote that says a place or its unit (“廉江市医疗保障局”), not a name that begins with one
    (“廉江市医保局举报骗保奖励经费”, a project's)."""
    named = places.named(quoted, held)
    rest = quoted
    for word in sorted([*named.places, *named.units, "市", "区", "县", "省"], key=len, reverse=True):
        rest = rest.replace(word, "")
    return bool(named.places) and len(rest) < QUOTED_NAME_MIN


BOUND_UNITS = "|".join(sorted((*IN_10K_YUAN, *domain.COUNT_UNITS), key=len, reverse=True))
BOUND_SAID = re.compile(rf"({'|'.join(domain.BOUND_WORDS)})了?\s*(\d+(?:\.\d+)?)\s*({BOUND_UNITS})?")
BOUND_SAID_AFTER = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*({BOUND_UNITS})?({'|'.join(domain.BOUND_AFTER_WORDS)})")


def bound_counted(text: str) -> tuple[str, Decimal, str] | None:
    """How many places pass a bound, asked ("有几家公务接待费超过3万"): the bound's direction, value and unit."""
    if not re.search(domain.PLACES_COUNTED, text):
        return None
    if bound := BOUND_SAID.search(text):
        return domain.BOUND_WORDS[bound.group(1)], Decimal(bound.group(2)), bound.group(3) or ""
    if bound := BOUND_SAID_AFTER.search(text):  # "3辆以上的有几家"
        return domain.BOUND_AFTER_WORDS[bound.group(3)], Decimal(bound.group(1)), bound.group(2) or ""
    return None


ROW_FIGURES = re.compile(r"(?<=[\u4e00-\u9fff\]）)])\d+\.\d+(?:、\d+\.\d+)*")  # a row's figures after its name, as read


def row_pasted(text: str) -> tuple[list[Decimal], int | None]:
    """The figures of a row the question copies from a table ("[21015]医疗保障管理事务 441.09 253.79 187.30",
    read as 441.09、253.79、187.30) and which of them is asked by where it stands (domain.CELL_POSITIONS);
    nothing unless several figures follow a name or a code in brackets or 这一行 says it is a row."""
    runs = [m.group(0).split("、") for m in ROW_FIGURES.finditer(text)]
    figures = [Decimal(n) for run in runs for n in run]
    if not figures or not (max(map(len, runs)) > 1 or re.search(domain.ROW_PASTED_MARKERS, text)):
        return [], None
    place = _place_said(text, domain.CELL_POSITIONS)
    if place == domain.MIDDLE:
        return figures, len(figures) // 2 if len(figures) % 2 else None
    return figures, place


def row_position(text: str) -> int | None:
    """Where the row pointed at is printed in its table (domain.ROW_POSITIONS): 0 the first, -1 the last."""
    return _place_said(text, domain.ROW_POSITIONS)


# "…经费中，聘请法律顾问那部分是多少": a part of what is named before 中, described after it
PART_DESCRIBED = re.compile(r"(?:里|中|当中|里面)[，,]?([^，,。？?！!]{2,30}?)(?:那|这)一?部分"
                            r"(?=(?:的?钱)?(?:[（(][^）)]*[）)])?(?:是|有|为|共|一共)?(?:多少|几))")  # and asked at once


def part_described(text: str) -> str | None:
    """The words describing a part of a thing named ("…中，聘请法律顾问那部分"), None when none is described."""
    described = PART_DESCRIBED.search(text)
    return described.group(1).removesuffix("的") if described else None


def rows_from_named(text: str) -> int | None:
    """How many rows under (over, negative) the row named the row pointed at is (domain.ROWS_FROM_NAMED)."""
    for pattern, direction in domain.ROWS_FROM_NAMED:
        if said := re.search(pattern, text):
            return direction * (_number_said(said) if said.groups() else 1)
    return None


def _number_said(said: re.Match) -> int:
    """The number a pattern's first group caught, in digits or a Chinese numeral (2, 二)."""
    return int(said.group(1)) if said.group(1).isdigit() else CHINESE_DIGITS[said.group(1)]


def _place_said(text: str, positions: tuple[tuple[str, int | str], ...]) -> int | str | None:
    """The first place `positions` finds said (第2行, 倒数第二个数, 中间那个数): 0 the first, -1 the last, a
    number said counted from its end, or the place as given when no number is said."""
    for pattern, place in positions:
        if said := re.search(pattern, text):
            if not said.groups() or place == domain.MIDDLE:
                return place
            number = _number_said(said)
            return -number if place < 0 else number - 1
    return None


def _without_name_words(text: str) -> str:
    for word in domain.NAMES_NOT_COUNT:
        text = text.replace(word, "哪")
    text = re.sub(domain.SEVERAL_SAID, "各", text)
    if any(word in text for word in domain.LIST_SHOWN):  # "几个科室…列一下": which ones
        text = text.replace("几", "哪")
    return text


CONTAINED_IN = re.compile(r"(?:(?:预算|决算)[数表]?)?"  # the group as the report kind prints it (三公经费决算里)
                          r"(?:里面|里头|里|中|内|之中|当中|下面|项下|下|口径|那一?栏|这一?栏|部分|的?明细(?:里|中)?)[的，,]?(?:[那这]一?[个项笔])?(?:经济|功能)?(?:分类)?(?:科目)?[“\"]?(?:\d{3,9})?"
                          r"|\s?(?!20\d\d(?!\d))\d{3}(?:\d{2}){0,2}(?!\d)\s?"
                          rf"|{domain.ROW_PATH_SEPARATOR}(?:\d{{3,9}})?")
# 口径: as counted in; a code may stand before the item, or alone between the group and it ("公用经费30231公务用车运行
# 维护费"); a demonstrative may point at the item ("公用经费里头那个劳务费"); a row path's levels are apart by a
# separator ("人员经费 / 301工资福利支出 / 30102津贴补贴")


BESIDES = re.compile(r"(?:之外|以外)的?")


def _drop_containers(question: Question, spans: list[tuple[int, int, str, str]], text: str) -> None:
    """"三公里的公务接待费" asks for 公务接待费: a subject followed by 里/中 and another subject
    only says where the other is found. Columns (基本支出中的办公费, 管理事务支出中的项目支出) and
    shares (三公经费中…占比) keep it."""
    if any(w in text for w in domain.INTENT_WORDS["share"]) and not any(w in text for w in domain.ALL_REFERRED):
        return  # "三公经费中…占比": of that whole; not "X里A和B…A占两者合计": of A and B
    keep = set(domain.COLUMN_ITEMS) | set(domain.FUND_ITEMS)
    for (start, end, kind, key), following in zip(spans, spans[1:]):
        if (besides := BESIDES.match(text, end)) and besides.end() == following[0]:  # "基本工资之外的津贴补贴":
            _drop_subject(question, key)  # the other is asked, this one set aside
            continue
        inside = CONTAINED_IN.match(text, end)
        if not inside or inside.end() != following[0] or following[3] in keep:
            continue
        if key in domain.COLUMN_ITEMS and key in question.items:  # "项目支出里的公务接待费": that column of it
            question.items.remove(key)
            question.columns = [key] + [c for c in question.columns if c != key]
        elif key not in keep and not key.endswith(domain.UNIT_ROW_ENDINGS):  # "新会分局下面的人员类": the
            _drop_subject(question, key)  # unit's own row, asked under it


def _drop_subject(question: Question, key: str) -> None:
    question.items = [i for i in question.items if i != key]
    question.row_terms = [r for r in question.row_terms if r != key]


def _start_and_end_of_year(question: Question) -> bool:
    """Two subjects, one at the start of the report's year and one at its end (年初结转和结余, 年末结转和结余)."""
    said = [question.said.get(s, s) for s in question.subjects]
    return any(s.startswith(domain.YEAR_START) for s in said) and any(s.startswith(domain.YEAR_END) for s in said)


def _whole_spending_asked(question: Question, text: str) -> bool:
    """Nothing asked but how much the unit spends or will spend, besides its place, year and name."""
    for city in question.cities:
        text = text.replace(city, "")
    return bool(WHOLE_SPENDING.fullmatch(REPORT_NAMED.sub("", text)))


# the words naming a report around a question (江门市医疗保障局2024年的), and greetings and courtesies
# (请问一下, 您好): what is left says what is asked
REPORT_NAMED = re.compile(rf"\d{{2,4}}年度?|医疗保障局|医保局|医保|[省市县区的里中]|预算|决算|[，,。？?！!\s]"
                          rf"|{'|'.join(domain.COURTESIES)}")
WHOLE_SPENDING = re.compile(r"(?:实际|一共|总共|共|全年|一年|总的)?(?:花了|花掉了?|打算花|准备花|要花|用了|开支了?|支出了?)"
                            r"(?:多少|几多)(?:钱|万元?|块钱?)?[啊呀呢吧]?")


def clauses_about_asker(text: str, cities: Sequence[str]) -> list[re.Match[str]]:
    """The clauses about the asker (我们单位在做…对比, 我看到…): they ask nothing and name no year
    or city of a report, so what they say is what the asker does, not what is asked. So are the
    other clauses of a sentence that says so ("我是某高校的研究生，正在写一篇关于…经费保障的论文")."""
    def tells_of_asker(said: str) -> bool:
        return not asks(said) and not YEAR_SAID.search(said) and not any(c in said for c in cities)

    sentences = [(m.start(), m.end()) for m in re.finditer(f"[^{SENTENCE_BREAKS}]+", text)
                 if re.search(domain.ASKER_SAID, m.group(0)) and tells_of_asker(m.group(0))]
    return [m for m in re.finditer(f"[^{CLAUSE_BREAKS}]+", text) if tells_of_asker(m.group(0)) and (
        re.search(domain.ASKER_SAID, m.group(0)) or any(s <= m.start() and m.end() <= e for s, e in sentences))]


# a restriction said as a condition before the ask ("只看一般公共预算财政拨款的话，…支出是多少")
CONDITION_SAID = re.compile(rf"(?:{'|'.join(domain.SINGLING_WORDS)})([^，,。？?！!]{{2,24}}?)(?:的话|来说|而言)?[，,]")


def _drop_conditions(question: Question, spans: list[tuple[int, int, str, str]], text: str) -> None:
    """The items a condition names qualify the item asked after it (their column), and are not asked
    themselves; a unit singled out (单看局本级) stays, as it is whose figure is asked."""
    for condition in CONDITION_SAID.finditer(text):
        inside = [key for start, end, _, key in spans if condition.start(1) <= start and end <= condition.end(1)
                  and not key.endswith(domain.UNIT_ROW_ENDINGS)]
        if inside and any(key not in inside for _, _, _, key in spans):
            for key in inside:
                _drop_subject(question, key)


def _drop_said_by_asker(question: Question, spans: list[tuple[int, int, str, str]], text: str) -> None:
    """"我们单位在做…预算规模对比，…把两家的收入总计分别报一下": a subject said only in a clause
    about the asker that asks nothing and names no place or year (预算规模) is what they do, not
    what they ask, when the question names another subject elsewhere, unless it is quoted as a name;
    a unit said only there is where the asker works ("我是卫健委的"), not the unit asked."""
    about_asker = [(m.start(), m.end()) for m in clauses_about_asker(text, question.cities)]
    elsewhere = text
    for start, end in about_asker:
        elsewhere = elsewhere[:start] + " " * (end - start) + elsewhere[end:]
    question.units = [u for u in question.units if u in elsewhere or u not in text]  # "我是卫健委的": theirs
    said_there = {key for start, end, _, key in spans if any(s <= start and end <= e for s, e in about_asker)
                  and (start == 0 or text[start - 1] not in QUOTE_OPENS)}  # "我们叫“一般行政管理事务”的": quoted
    said_elsewhere = {key for start, end, _, key in spans if not any(s <= start and end <= e for s, e in about_asker)}
    if said_elsewhere and (dropped := said_there - said_elsewhere):
        question.items = [i for i in question.items if i not in dropped]
        question.row_terms = [r for r in question.row_terms if r not in dropped]


def _own_level(question: Question, row_vocabulary: list[str], text: str) -> None:
    """"广州医保局本级": the row of the unit itself (广州市医疗保障局), not of the units under it."""
    at = text.find(domain.OWN_LEVEL)
    if at < 0:
        return
    for row in row_vocabulary:
        if row.endswith(domain.UNIT_SUFFIX) and any(row.startswith(city) for city in question.cities):
            question.row_terms.append(row)
            question.order[row] = at
            question.said.setdefault(row, domain.OWN_LEVEL)  # as said: a reading that says 局本级 asks it


def _district_units(question: Question, rows: list[str], held: Sequence[places.Held], text: str) -> None:
    """A district named whose city's reports hold a unit of it (places.district_units): that city's
    reports are asked, of that unit."""
    for name, (city, division, row) in places.district_units(question.divisions, rows, held).items():
        said = re.search(rf"{re.escape(name)}[区县市]?(?:那边|这边)?(?:的)?(?:医保|医疗保障)?\w{{0,3}}?(?:中心|局)", text)
        if said and ("中心" in said.group(0)) != row.endswith("中心"):
            continue  # "蓬江分中心" is no 蓬江分局
        if re.search(rf"{re.escape(name)}{ADDRESS_IN_DISTRICT}", text):
            continue  # "在蓬江区建设三路8号的办公场所": where the department sits, not the branch
        question.cities = list(dict.fromkeys(city if c == name else c for c in question.cities))
        question.divisions = {city if c == name else c: division if c == name else d
                              for c, d in question.divisions.items()}
        if row not in question.row_terms:
            question.row_terms.append(row)
            question.order.setdefault(row, max(text.find(name), 0))
            question.said.setdefault(row, name)


def _codes_for_names(question: Question, spans: list[tuple[int, int, str, str]], text: str) -> None:
    """"住房公积金（经济科目30113）", "2101501行政运行": a name with its code in brackets or just
    before it is asked by the code, the exact key (the name may also be a 功能科目 row of another table)."""
    for start, end, _, key in spans:
        bracket = re.match(r"[\u4e00-\u9fff”\"]{0,4}?[（(][^）)]{0,8}?(\d{3,7})[）)]", text[end:])
        before = re.search(r"(\d{3,7})[\]】）)\s]?$", text[:start])
        if any(found and found.group(1) in question.codes for found in (bracket, before)):
            question.items = [i for i in question.items if i != key]
            question.row_terms = [r for r in question.row_terms if r != key]


COLUMN_SAID = tuple(word for words in domain.COLUMN_WORDS.values() for word in words)


def _qualifiers_to_columns(question: Question) -> None:
    """Some items only qualify another subject: "办公费基本支出" asks the 基本支出 column of 办公费,
    "一般公共预算基本支出" the 一般公共预算 part of 基本支出. They become columns, not subjects; one said
    by a row's whole name (一般公共预算财政拨款收入) stays a subject."""
    others = question.row_terms + question.codes
    for group, needed in ((domain.FUND_ITEMS, others + [i for i in question.items if i not in domain.FUND_ITEMS]),
                          (tuple(domain.COLUMN_ITEMS), others + [i for i in question.items if _is_expense(i)])):
        qualifiers = [i for i in question.items if i in group
                      and question.said.get(i, i) in domain.COLUMN_WORDS[domain.COLUMN_QUALIFIER.get(i, i)]]
        if qualifiers and needed:
            question.items = [i for i in question.items if i not in qualifiers]
            words = [domain.COLUMN_QUALIFIER.get(i, i) for i in qualifiers]
            question.columns = words + [c for c in question.columns if c not in words]
    if question.columns and question.items:  # "一般公共预算财政拨款基本支出中…的公务用车运行维护费": a row
        said = re.compile(f"(?:{'|'.join(map(re.escape, question.columns))})+")  # named by columns qualifies too
        question.row_terms = [r for r in question.row_terms if not said.fullmatch(r)]


def _is_expense(item: str) -> bool:
    return item.endswith(domain.EXPENSE_ENDING) and not item.endswith(domain.EXPENSE_SUM_ENDING)


def _unknown_places(text: str, held: Sequence[places.Held]) -> list[str]:
    """Names before 医疗保障局 that are no place the gazetteer or the reports know (火星医保局)."""
    names = []
    for match in re.finditer(rf"([\u4e00-\u9fff]{{2,4}}?)[市省县区]?{domain.UNIT_SUFFIX}", text):
        name = match.group(1)
        if not places.named(match.group(0), held).places and not any(w in name for w in domain.NOT_PLACES) \
                and not re.search(domain.SEVERAL_UNITS, text[max(match.start() - 1, 0):match.end()]):  # 4个城市
            names.append(name)
    return names


def _kinds_said(text: str) -> list[str]:
    for word in domain.KIND_NEUTRAL_WORDS:  # 预算数 is a column of any report; 部门预算数, the budget's
        text = re.sub(f"(?<!部门){word}", "", text)
    adjusted = re.sub("|".join(domain.ADJUSTED_BUDGET_WORDS), "决算", text)  # the adjusted budget: a 决算's
    return [kind for kind, words in domain.KIND_WORDS.items() if any(w in adjusted for w in words)]


def _kinds(said: list[str]) -> list[str]:
    """The kind asked: the first said, or a budget against final accounts."""
    if "部门预算" in said and "部门决算" in said:
        return ["部门预算", "部门决算"]
    return said[:1]


BOOK_BEFORE = re.compile(f"(?:{'|'.join(domain.OTHER_BOOKS)})的?$")  # an item said of a fund's books


def subject_spans(text: str, vocabulary: list[str]) -> list[tuple[int, int, str, str]]:
    """Where items (domain.ITEMS) and table row names are named: the longest name wins a span,
    then the leftmost; each character belongs to one name. Returns (start, end, kind, key)."""
    matches = [(m.start(), m.end(), "item", item) for item, synonyms in domain.ITEMS.items()
               for synonym in synonyms for m in re.finditer(re.escape(synonym), text)
               if not BOOK_BEFORE.search(text[:m.start()])]  # 医保基金(的)总支出: the fund's, not the unit's
    by_start = _row_words(row_names(vocabulary))
    for position in range(len(text) - 1):  # every place a row name is said: "城乡居民医保财政补助资金和医保
        for word, name in by_start.get(text[position:position + 2], ()):  # 财政补助资金" says the latter twice
            if (text.startswith(word, position) and not places.is_unit_name(word)  # 卫生健康(支出), not
                    and not text.startswith(domain.OTHER_UNIT_ENDINGS, position + len(word))):  # 卫生健康委员会
                matches.append((position, position + len(word), "row", name))
    spans: list[tuple[int, int, str, str]] = []
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0], m[2] != "item")):
        if not any(s < match[1] and match[0] < e for s, e, _, _ in spans):
            spans.append(match)
    spans = _totals_of_a_row_dropped(text, spans) + _report_total(text, spans)
    # names said short (年末结转结余 for 年末结转和结余, which completes the name before 和 too) or from within
    abbreviated = _abbreviations(text, vocabulary) + _said_without_head(text, vocabulary)
    said = spans + abbreviated
    completed = (_completed_after_and(text, said, vocabulary) + _completed_before_and(text, said, vocabulary)
                 + _completed_in_list(text, said, vocabulary) + _completed_later(text, spans))
    for match in abbreviated + completed:
        overlapped = [span for span in spans if span[0] < match[1] and match[0] < span[1]]
        if all(match[0] <= s and e <= match[1] and e - s < match[1] - match[0]  # it holds the whole names it
               for s, e, _, _ in overlapped):  # meets, and is longer: a whole name said in full stays
            spans = [span for span in spans if span not in overlapped] + [match]
    return sorted(spans)


def _totals_of_a_row_dropped(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Without the report totals said of the row before them ("行政运行的收入决算数和支出决算数": the
    row's income and spending, as "行政运行的收入和支出")."""
    kept, before = [], None
    for span in sorted(spans):
        start, end, kind, key = span
        joined = {"row": "[”」]?(?:这个|该)?(?:科目)?[的，,]?",  # "“行政运行”这个科目，收入决算数…"
                  "total of a row": "[数额]?(?:(?:是|为|有)?多少[万亿]?元?)?[和与及跟、，,；;]"}.get(before[2]) \
            if before else None  # "…事务收入决算多少万元，支出决算多少万元": each asked in turn
        if kind == "item" and key in domain.REPORT_TOTALS and joined and re.fullmatch(joined, text[before[1]:start]):
            before = (start, end, "total of a row", key)
            continue
        kept.append(span)
        before = span
    return kept


def _report_total(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """"江门2024年预算的总额是多少": a report's whole, asked by a word for a total after the report's kind
    (预算, 决算) and with nothing else named, is its 支出合计, and one side said after the kind (决算收入) that
    side's 合计; not a fund's (医保基金的预算总额)."""
    if spans or any(book in text for book in domain.OTHER_BOOKS):
        return []
    if (said := REPORT_TOTAL_SAID.search(text)) and not NAMED_BEFORE_TOTAL.search(text, 0, said.start(1)):
        return [(said.start(1), said.end(1), "item", domain.SPENDING_TOTAL)]  # not 资产总额: another thing's
    if said := REPORT_SIDE_SAID.search(text):  # "预算支出是多少": not 国有资本经营预算支出, whose name ends so;
        return [(said.start(k), said.end(k), "item", f"{said.group(k)}合计")  # "预算收入减去支出": both sides
                for k in (1, 2) if said.group(k)]
    return []


# a report referred to by its kind and a measure word for a document ("自评那份", "决算报告这份里")
REPORT_REFERRED = re.compile(f"(?:{KIND_SAID})(?:报告)?[那这]一?[份本](?:报告)?(?:里面|里|中|上)?")
REPORT_TOTAL_SAID = re.compile(f"(?:{KIND_SAID}).*?({domain.REPORT_TOTAL_WORDS})")  # a kind (预算), then a
# total word (总额)
# a thing named right before a total word ("资产总额", "采购总额"): its total, not the report's
NAMED_BEFORE_TOTAL = re.compile(r"[\u4e00-\u9fff](?<![的个哪里中总出入])"  # (支出总额, 预算的总额: the report's)
                                rf"(?<!{'|'.join(w for w in KIND_SAID.split('|') if len(w) == 2)})$")
# a kind, then one side of the accounts alone (决算收入, 预算的总支出), or both joined (预算收入减去支出)
REPORT_SIDE_SAID = re.compile(f"(?:{KIND_SAID})的?总?(收入|支出)(?:(?:加上|[和与及跟比]|{'|'.join(domain.SUBTRACTING_WORDS)})"
                              "的?总?(收入|支出))?")


def _completed_after_and(text: str, spans: list[tuple[int, int, str, str]],
                         vocabulary: list[str]) -> list[tuple[int, int, str, str]]:
    """"公务用车购置费和运行维护费": the name after 和 said without the words it shares with the one
    before (公务用车), completed by them when that makes a row name."""
    found = []
    for start, end, _, _ in spans:
        cited = AMOUNT_CITED.match(text, end)  # "公务用车购置36万、运行维护45.3万": a sum cited between
        if not (joined := JOINING.match(text, cited.end() if cited else end)):
            continue
        said, after = text[start:end], joined.end()
        for name in _names_by_edge(row_names(vocabulary)).get(said[:2], ()):
            head = next((said[:k] for k in range(len(said) - 1, 1, -1) if name.startswith(said[:k])), None)
            rest = name[len(head):] if head else ""
            said_rest = next((r for r in (rest, rest.removesuffix("费")) if len(r) >= 3 and text.startswith(r, after)), "")
            if said_rest:  # "运行维护费", or "运行维护" without the 费 the name ends with
                found.append((after, after + len(said_rest), "row", name))
    return sorted(found, key=lambda m: (m[0] - m[1], m[0]))


def _kinds_of_said(text: str, vocabulary: list[str]) -> str:
    """"医疗救助金，专项的跟基本的各多少": kinds of a thing said before (专项, 基本) named by 的 alone,
    given its name when each kind with it makes a row's or an item's name (专项医疗救助金 and
    基本医疗救助金; 基本支出 and 项目支出)."""
    if not (kinds := KINDS_JOINED.search(text)):
        return text  # most questions: no row is looked up
    first, joiner, second = kinds.groups()
    known = row_names(vocabulary).as_set | {synonym for synonyms in domain.ITEMS.values() for synonym in synonyms}
    before = text[:kinds.start()]
    for name in sorted((n for n in known if n.startswith(first)), key=lambda n: (-len(n), n)):  # longest first
        thing = name[len(first):]
        if len(thing) >= 2 and thing in before and second + thing in known:
            at = before.rindex(thing)  # said once more with each kind: no longer a subject of its own
            return f"{before[:at]}{before[at + len(thing):]}{first}{thing}{joiner}{second}{thing}{text[kinds.end():]}"
    return text


KINDS_JOINED = re.compile(r"([\u4e00-\u9fff]{2,4})的(和|跟|与|同|及)([\u4e00-\u9fff]{2,4})的")  # 专项的跟基本的


def _money_of(text: str, vocabulary: list[str]) -> str:
    """"交给工会的钱": the money of a thing said as the row the reports name it by (工会经费), when
    one row is that thing and 经费 or 费."""
    if not MONEY_OF.search(text):
        return text  # most questions: no set of the vocabulary is made
    known = row_names(vocabulary).as_set

    def row_named(match: re.Match) -> str:
        rows = [match.group(1) + ending for ending in ("经费", "费") if match.group(1) + ending in known]
        return rows[0] if len(rows) == 1 else match.group(0)
    return MONEY_OF.sub(row_named, text)


MONEY_OF = re.compile(r"([\u4e00-\u9fff]{2})的?钱")


def _head_shared(text: str, vocabulary: list[str]) -> str:
    """"财政对职工基本医保基金的补助和对城乡居民基本医保基金的补助": a row named after 和 without the
    head it shares with the row before it (财政), given that head back when it then names another row."""
    if not JOINING.search(text):
        return text  # nothing joined: no second scan for names (understand scans once more after)
    spans = subject_spans(text, vocabulary)
    for start, end, kind, name in reversed(spans):
        joined = JOINING.match(text, end)
        if kind != "row" or not joined or any(s == joined.end() for s, *_ in spans):
            continue
        after = joined.end()
        for length in range(2, HEAD_SHARED_MAX + 1):
            head = text[start:start + length]
            if text.startswith(head, after):
                break
            said = text[:after] + head + text[after:]
            if any(s == after and kind == "row" and e - s - length >= ABBREVIATED_MIN and other != name
                   for s, e, kind, other in subject_spans(said, vocabulary)):
                text = said
                break
    return text


def _tail_shared(text: str) -> str:
    """A name said without the word the next name ends with, when the two make an item ("基本和项目
    支出", "人员/公用经费"): 基本支出和项目支出. The mirror of _head_shared."""
    for joined in reversed(list(NAMES_JOINED_APART.finditer(text))):
        at, after = joined.start(), text[joined.end():]
        if any(text.startswith(name, start) for start in range(max(0, at - 8), at) for name in ITEM_NAMES_JOINED):
            continue  # the 和 of 社会保障和就业支出
        if any(text[start:at] in ITEM_NAMES for start in range(max(0, at - 12), at - 1)):
            continue  # a whole name before it (财政拨款收入和政府性基金预算…)
        right = next((name for name in ITEM_NAMES_LONGEST_FIRST if after.startswith(name)), "")
        tail = next((right[k:] for k in range(1, len(right)) for start in range(max(0, at - 4), at - 1)
                     if text[start:at] + right[k:] in ITEM_NAMES), None)
        if tail:
            text = f"{text[:at]}{tail}和{after}"
    return text


NAMES_JOINED_APART = re.compile(r"(?<=[\u4e00-\u9fff])[和与及、/／](?=[\u4e00-\u9fff])")  # 和, or a slash typed
ITEM_NAMES = frozenset(name for names in domain.ITEMS.values() for name in names)
ITEM_NAMES_LONGEST_FIRST = sorted(ITEM_NAMES, key=len, reverse=True)
ITEM_NAMES_JOINED = [name for name in ITEM_NAMES if NAMES_JOINED_APART.search(name)]


def _completed_in_list(text: str, spans: list[tuple[int, int, str, str]],
                       vocabulary: list[str]) -> list[tuple[int, int, str, str]]:
    """"社会保障和就业、卫生健康、住房保障各多少": the names listed beside one said without the 支出
    that ends it are said so too, however short (卫生健康 alone may be 卫生健康委员会's)."""
    ending = domain.SPENDING_ENDING
    stems = _stems(row_names(vocabulary), ending)
    found = []
    for start, end, _, name in spans:
        if not (name.endswith(ending) and text[start:end] == name[:-len(ending)]):
            continue
        after = end
        while text[after:after + 1] == "、" and (stem := next((s for s in stems if text.startswith(s, after + 1)), None)):
            found.append((after + 1, after + 1 + len(stem), "row", stem + ending))
            after += 1 + len(stem)
        before = start
        while text[before - 1:before] == "、" and (stem := next((s for s in stems if text[:before - 1].endswith(s)), None)):
            found.append((before - 1 - len(stem), before - 1, "row", stem + ending))
            before -= 1 + len(stem)
    return found


def _row_starts_said(text: str, vocabulary: list[str]) -> list[str]:
    """The longest starts of row names the text says, of WHOLE_WORD_MIN characters at least
    ("租业务用房": 业务用房 of 业务用房租赁经费): words the reports print, kept whole when the question's
    filler is taken out (用 is a filler elsewhere)."""
    names = _sorted_names(row_names(vocabulary))
    found = []
    for at in range(len(text) - 1):  # the names sorted: the longest start shared is with a neighbour of the text's place
        place = bisect_left(names, text[at:])
        said = max((commonprefix([name, text[at:]]) for name in names[max(place - 1, 0):place + 1]), key=len, default="")
        if len(said) >= WHOLE_WORD_MIN:
            found.append(said)
    return found


@lru_cache(maxsize=4)
def _sorted_names(vocabulary: RowNames) -> list[str]:
    return sorted(vocabulary.as_set)


WHOLE_WORD_MIN = 4
SAME_ROW = re.compile(r"同一?(?:个)?科目|该科目|此科目|同一行")  # the row said before, in another table


def _same_row_named(text: str, vocabulary: list[str]) -> str:
    """"表2中X的本年收入合计…与表3同一科目的本年支出合计": 同一科目 is the row named before it (X)."""
    if not (same := SAME_ROW.search(text)):
        return text
    rows = [(start, end) for start, end, kind, _ in subject_spans(text[:same.start()], vocabulary) if kind == "row"]
    return text[:same.start()] + text[slice(*rows[-1])] + text[same.end():] if rows else text


def _completed_later(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """"公车日常开销（油费、维修那些运行维护费）": an item said in two pieces, its head (公车) and, a few
    words later in the same sentence, the rest of a narrower item's name (公车 + 运行维护费): that
    item, over both pieces and what lies between."""
    found = []
    for start, end, kind, item in spans:
        if kind != "item":
            continue
        head = text[start:end]
        for narrower, synonyms in domain.ITEMS.items():
            rests = [s[len(head):] for s in synonyms if narrower != item and s.startswith(head)
                     and len(s) - len(head) >= SPLIT_REST_MIN]
            for rest in sorted(rests, key=len, reverse=True):
                at = text.find(rest, end, end + SPLIT_GAP_MAX + len(rest))
                if at >= 0 and not SPLIT_BREAKS.search(text[end:at]):
                    found.append((start, at + len(rest), "item", narrower))
                    break
    return found


SPLIT_REST_MIN = 3  # characters of the rest of a name said apart from its head (运行维护费)
SPLIT_GAP_MAX = 16  # characters between the head and the rest, at most
SPLIT_BREAKS = re.compile(f"[{re.escape(SENTENCE_BREAKS)}]|[和与及]|加上")  # the rest is another thing's after these


@lru_cache(maxsize=4)
def _stems(vocabulary: tuple[str, ...], ending: str) -> list[str]:
    """The row names that end so, without it, the longest first."""
    return sorted({name[:-len(ending)] for name in vocabulary if name.endswith(ending) and len(name) - len(ending) >= 2},
                  key=len, reverse=True)


@lru_cache(maxsize=4)
def _row_words(vocabulary: tuple[str, ...]) -> dict[str, list[tuple[str, str]]]:
    """The words that name a row (its name, its names without a bracket, an alias) and the row, by
    their first two characters: computed once per vocabulary, looked up at each place of a question."""
    item_words = {s for synonyms in domain.ITEMS.values() for s in synonyms}
    known = set(vocabulary)
    named = [(variant, name) for name in vocabulary for variant in row_name_variants(name)] + [
        (alias, row) for alias, row in domain.ROW_ALIASES.items() if row in known] + [
        (said, name) for name in vocabulary if not name.endswith(domain.NO_SPENDING_AFTER) and name not in item_words
        and (said := name + domain.SPENDING_ENDING) not in known]  # 行政单位医疗支出: the row 行政单位医疗
    by_start: dict[str, list[tuple[str, str]]] = {}
    for word, name in named:
        if (len(word) >= 2 and word not in item_words and word not in domain.TOTAL_ROW_NAMES
                and not word.endswith(domain.UNIT_SUFFIX)):  # the report's own unit names no subject
            by_start.setdefault(word[:2], []).append((word, name))
    return by_start


def _completed_before_and(text: str, spans: list[tuple[int, int, str, str]],
                          vocabulary: list[str]) -> list[tuple[int, int, str, str]]:
    """"城乡居民医保财政补助和医保财政补助资金": the name before 和 said without the ending it shares
    with the one after (资金), completed by it when that makes another row name."""
    found = []
    for start, _, _, said in spans:
        if text[start - 1:start] not in CONJUNCTIONS or start < 2:
            continue
        before = text[:start - 1]
        for name in _names_by_edge(row_names(vocabulary), end=True).get(said[-2:], ()):
            heads = (name[:-k] for k in range(1, len(said)) if name.endswith(said[-k:]))
            head = next((h for h in heads if before.endswith(h) and (  # 年初(结转和结余), 城乡居民医保财政补助(资金)
                len(h) >= ABBREVIATED_MIN or len(h) >= 2 and len(name) - len(h) >= SHARED_ENDING_MIN)), None)
            if head and name != said:
                found.append((start - 1 - len(head), start - 1, "row", name))
    return sorted(found, key=lambda m: (m[0] - m[1], m[0]))


@lru_cache(maxsize=8)
def _names_by_edge(vocabulary: tuple[str, ...], end: bool = False) -> dict[str, list[str]]:
    """Row names by their first (or last) two characters, once per vocabulary: a question does not
    scan them all."""
    by_edge: dict[str, list[str]] = {}
    for name in vocabulary:
        by_edge.setdefault(name[-2:] if end else name[:2], []).append(name)
    return by_edge


CONJUNCTIONS = "和与及、"
JOINING = re.compile(r"加上|[和与及、加]")  # what joins a name to the next one ("公务用车购置费加上运行维护费")
ABBREVIATED_MIN = 4  # characters an abbreviation keeps, at least
HEAD_SHARED_MAX = 4  # characters of a row name's head that the next name in a list may leave unsaid
SHARED_ENDING_MIN = 3  # "年初和年末结转和结余": a head shorter than an abbreviation completes with this many, at least
ABBREVIATED_SHARE = 0.5  # of its name's characters, without the place it begins with
HEADLESS_NAME_MIN = 12  # characters of a project's name that may be said without its head


def _abbreviations(text: str, vocabulary: list[str]) -> list[tuple[int, int, str, str]]:
    """Row names said shortened, the Chinese way: some characters of the name dropped, the first
    and last kept (社保和就业支出 for 社会保障和就业支出), or the place it begins with (医疗救助服务中心
    for 广州市医疗救助服务中心). Each found span, the longest first."""
    at = character_positions(text)  # names are looked up by the question's characters
    found = []
    by_start = _abbreviable_by_start(row_names(vocabulary))
    for character, starts in at.items():
        for said, own_length, without_place, names in by_start.get(character, ()):
            for start in starts:
                if text.find(said[-2:], start + 2) < 0:
                    continue  # it cannot end as the name does (below): most names, at a thousand reports
                end = _abbreviation_end(text, start, said)
                if end is None or text.startswith(domain.OTHER_INSTITUTIONS, end):
                    continue  # "江门市中心医院": a hospital, not 江门市医疗保障事业管理中心 said short
                shortened = end - start < len(said) or without_place  # or said in full without its place
                if (shortened and ABBREVIATED_MIN <= end - start and end - start >= ABBREVIATED_SHARE * own_length
                        and text[end - 2:end] == said[-2:]):  # it ends as the name does: 就业支出, 服务中心
                    found += [(start, end, order, name) for order, name in names]
    return [(start, end, "row", name) for start, end, _, name in sorted(found, key=lambda m: (m[0] - m[1], m[0], m[2]))]


def _said_without_head(text: str, vocabulary: list[str]) -> list[tuple[int, int, str, str]]:
    """A long project's name said from within, its head and some words left out, its ending kept
    (归还医保基金核酸检测费用 for 财政应归还医保基金已支付非就医看病核酸检测费用): read back from the
    ending as far as the text's characters are the name's in order; half the name at least."""
    found, by_ending = [], _long_names_by_ending(row_names(vocabulary))
    for ending in {text[i:i + 2] for i in range(len(text) - 1)}:
        for name in by_ending.get(ending, ()):
            for end in (m.end() for m in re.finditer(re.escape(ending), text)):
                start, at = end, len(name)
                while start > 0 and (at := name.rfind(text[start - 1], 0, at)) >= 0:
                    start -= 1
                said = text[start:end]
                if len(said) >= max(2 * ABBREVIATED_MIN, ABBREVIATED_SHARE * len(name)) and said not in name:
                    found.append((start, end, "row", name))  # words left out: a part said whole is another row
    return sorted(found, key=lambda m: (m[0] - m[1], m[0]))


@lru_cache(maxsize=4)
def _long_names_by_ending(vocabulary: RowNames) -> dict[str, list[str]]:
    """The names long enough to be said without their head, all Chinese, by their last two characters."""
    return {ending: long for ending, names in _names_by_edge(vocabulary, end=True).items()
            if (long := [n for n in names if len(n) >= HEADLESS_NAME_MIN and re.fullmatch(r"[\u4e00-\u9fff]+", n)])}


@lru_cache(maxsize=4)
def _abbreviable_by_start(vocabulary: tuple[str, ...]) -> dict[str, list[tuple[str, int, bool, list[tuple[int, str]]]]]:
    """The ways row names may be said in short, by their first character: (the words said, the
    length of the name without its place, whether the words are that, the names said so with their
    order in _abbreviable). Many places' rows share a name without their place (医疗救助服务中心):
    it is read once."""
    names: dict[tuple[str, int, bool], list[tuple[int, str]]] = {}
    for number, (name, own) in enumerate(_abbreviable(vocabulary)):
        for order, said in enumerate((name, own) if own != name else (name,)):
            names.setdefault((said, len(own), said != name), []).append((2 * number + order, name))
    by_start: dict[str, list[tuple[str, int, bool, list[tuple[int, str]]]]] = {}
    for (said, own_length, without_place), named in names.items():
        by_start.setdefault(said[0], []).append((said, own_length, without_place, named))
    return by_start


@lru_cache(maxsize=4)
def _abbreviable(vocabulary: tuple[str, ...]) -> list[tuple[str, str]]:
    """The row names that may be said in short, each with its name without the place it begins
    with (广州市医疗救助服务中心, 医疗救助服务中心): computed once per vocabulary, not per question."""
    return [(name, _without_place(name)) for name in vocabulary
            if len(name) > ABBREVIATED_MIN and re.fullmatch(r"[\u4e00-\u9fff]+", name)
            and not name.endswith(domain.UNIT_SUFFIX) and not places.is_unit_name(name)]  # a report's own unit is no subject


def _without_place(name: str) -> str:
    """A row name without the place it begins with (广州市医疗救助服务中心 -> 医疗救助服务中心)."""
    for length in range(min(len(name) - 2, 8), 1, -1):
        if places.place_of(name[:length]) is not None:
            return name[length:]
    return name


def _abbreviation_end(text: str, start: int, name: str) -> int | None:
    """Where the text from start, read as the name with characters left out, ends with the name's
    last character; None when a character of the text is not in the name in order."""
    at = 0
    for position in range(start, len(text)):
        at = name.find(text[position], at)
        if at < 0:
            return None
        at += 1
        if at == len(name):
            return position + 1
    return None


PARENTHESIS = re.compile(r"(.)（([^）]{1,3})）")


def row_name_variants(name: str) -> list[str]:
    """A row name and the ways it is said without its bracket (维修（护）费 is 维修费 or 维护费,
    因公出国（境）费 is 因公出国费 or 因公出境费) or without the 支出 that ends it when four
    characters or more say what it is (商品和服务支出 is 商品和服务, 住房保障支出 住房保障)."""
    names = [name, PARENTHESIS.sub(r"\1", name), PARENTHESIS.sub(r"\2", name)] if PARENTHESIS.search(name) else [name]
    ending = domain.SPENDING_ENDING
    return names + [n[:-len(ending)] for n in names
                    if n.endswith(ending) and len(n) - len(ending) >= domain.SAID_WITHOUT_ENDING_MIN]


def _amount_asked_apart(text: str) -> bool:
    """A clause that asks, asks an amount and not why: "为什么有一大笔，金额是多少", "涨幅是多少，咋涨这么猛"."""
    return any(asks_amount_not_why(part) for part in asking_parts(text, CLAUSE_BREAKS))


def _sentence_holding(text: str, clause: str) -> str:
    """The spoken sentence of `text` the asking clause is in; "" when there is no clause."""
    return next((s for s in spoken_sentences(text) if clause and clause in s), "")


def _share_only_said(text: str, clause: str) -> bool:
    """A share said, not asked: in a clause before the one that asks an amount, in its sentence,
    and nowhere else ("办公费一项就占了大头，具体是多少": its sum)."""
    if not clause or not asks_amount_not_why(clause) or any(w in clause for w in domain.INTENT_WORDS["share"]):
        return False
    sentence = _sentence_holding(text, clause)
    before, _, after = sentence.partition(clause)
    elsewhere = text.replace(sentence, " ") + after if sentence else text
    return any(w in before for w in domain.INTENT_WORDS["share"]) \
        and not any(w in elsewhere for w in domain.INTENT_WORDS["share"])


def _beside_the_ask(text: str, clause: str) -> str:
    """A clause beside the one that asks, in its sentence, saying what the asker means to do with the
    answer ("…分别有多少，我们镇想参考下比例"): it asks nothing ("各多少，项目支出占比？" asks twice)."""
    sentence = _sentence_holding(text, clause)
    return " ".join(part for part in re.split(f"[{CLAUSE_BREAKS}]", sentence.replace(clause, "，"))
                    if re.search(domain.ASKER_PURPOSE, part))


def _sums_said_blanked(text: str) -> str:
    """A question that asks what (什么, 哪) with a sum said ("这笔20.9万元研究什么课题") asks no sum: the
    sum only names the item. "是20万还是30万" asks which sum. Nor does one asking a share ("预算2.74万元，
    基本支出和项目支出里各占多少"): the sum is the whole."""
    return AMOUNT_CITED.sub(" ", text) if WH_WORD.search(text) or "占" in text else text


def rate_word_asked(question: Question) -> bool:
    """"比上年下降多少" as said (not 暴增, read as 增长), with no word of an amount: the reports' 下降 is
    the rate, their 减少 the amount (减少2444.07万元，下降9.4%)."""
    return not re.search(domain.AMOUNT_WORD_SAID, question.reading) \
        and bool(re.search(domain.RATE_WORD_ASKED, normalize_text(question.text)))


def asks_amount_not_why(clause: str) -> bool:
    """The clause asks how much or how many, and not why."""
    return bool(re.search("多少|几", clause)) and not any(w in clause for w in domain.REASON_WORDS) \
        and not REASON_HOW.search(clause)


# the ratio of two things ("A对B的比例", "A与B之比"); not a share (A占B的比例) nor two rates (A和B比例分别)
RATIO_ASKED = re.compile(r"^(.+?)(?:对(?![象于应])|与|和|跟)([^的，,。？?；;]{2,12}?)(?:的|之)?(?:比例|比值|比率|之比)")


def ratio_asked(text: str) -> re.Match[str] | None:
    return None if re.search(r"占|分别|各", text) else RATIO_ASKED.search(text)


def _part_of_named(text: str, question: Question) -> bool:
    """"对个人和家庭的补助占项目支出总额多少": 占 before a thing the question names is a share of it."""
    named = [re.escape(said) for said in question.said.values() if said]
    return bool(named) and re.search(rf"占(?:{'|'.join(named)})", text) is not None


def where_asked(text: str) -> bool:
    return bool(re.search(domain.PART_WHERE, text)) or any(w in text for w in domain.TABLE_ASKED_WORDS)


def _amount_and_where(text: str) -> str | None:
    """"劳务费是多少，在哪张表里能查到": an amount asked in one clause and where it is printed in
    another asks the figure (its citation says where): the question without the where clause."""
    clauses = re.split(f"[{CLAUSE_BREAKS}]", text)
    kept = [c for c in clauses if not where_asked(c)]
    rest = "，".join(kept)
    return rest if len(kept) < len(clauses) and any(w in rest for w in domain.AMOUNT_WORDS) else None


# "下面占比最大的科目": the parts ranked by their share, which is ranking them by amount
SHARE_RANKED = re.compile(rf"(?:占比|比重)(?:{'|'.join(domain.INTENT_WORDS['rank'])})")


def _ranked_in_passing(text: str, question: Question) -> bool:
    """"金额最大的“X”，绩效目标写的是什么": a rank word that describes the thing named, while the
    clause asked asks its words: X's passage, nothing ranked."""
    said = [re.escape(question.said.get(s, s)) for s in question.subjects] + ["“”"]  # (quoted names come blanked)
    ranks = "|".join(re.escape(w) for w in domain.INTENT_WORDS["rank"])
    return bool(question.subjects and question.topic and question.asking_clause and not any(
        w in question.asking_clause for w in domain.INTENT_WORDS["rank"]) and re.search(
        rf"(?:{ranks})的(?:{'|'.join(said)})", text))


def _amount_then_wording(text: str) -> bool:
    """The clause asking words asks only how the report words it, and another sentence asks an amount
    ("江门医保局有多少固定资产？预算说明里怎么写的"): the figure, which is quoted with its line."""
    clause = words_asked(text) or ""
    return any(w in clause for w in domain.WORDING_ASKED) and any(
        asks(part) and any(w in part for w in domain.AMOUNT_WORDS) for part in spoken_sentences(text) if clause not in part)


def _intent(text: str, question: Question) -> str:
    text = _amount_and_where(text) or text
    words = domain.INTENT_WORDS
    has_subject = bool(question.subjects)
    asks_amount = (any(w in text for w in domain.AMOUNT_WORDS) or re.search(domain.WHICH_IS_MORE, text)
                   or re.search(domain.THRESHOLD_ASKED, text)) \
        and (not words_asked(text) or _amount_then_wording(text))  # "收入和支出哪个多": amounts weighed;
    # "是不是超过了10亿": the amount
    if question.pasted and question.cell_position is not None:
        return "figure"  # "…278.54 123.04 155.50 最后一个数是什么钱": the cell, with its column
    if question.asks_reason and not _amount_asked_apart(text):
        return "reason"  # asked why and, in a clause of its own, how much: the figure, its reason beside it
    if re.search(domain.PART_WHERE, text):
        return "outline"  # "政府采购情况在第几部分讲的": the part that holds it
    if question.bound_counted:
        return "rank"  # "有几家超过3万": the places ranked, those past the bound counted
    part = re.search(domain.PART_ASKED, text)  # "第五部分那段里，车辆有几辆": a part said apart from the amount
    if part and not (has_subject or question.topic or part.group(1) and asks_amount  # asked says where to look
                     and part.group(0) not in (question.asking_clause or text)):
        return "outline"  # "第三部分是什么内容", "第三部分有几项": the report's parts
    if any(w in text for w in domain.TABLE_ASKED_WORDS + domain.TABLE_COUNT_WORDS) or re.search(
            r"表\d{1,2}的?(?:叫什么|名称)", text):  # "第七张表叫什么" (表7): its title
        return "table"  # "三公经费在哪张表里": the table that prints it
    if any(w in text for w in words["definition"]) and (not asks_amount or not re.search("多少|几", text)):
        return "definition"  # "决算数4.45万元是什么口径": the amount words name what is defined
    if text.endswith(("是什么", "是什么？", "是什么?")) and not (question.cities or question.years or question.topic):
        return "definition"  # "经营支出是什么": a term, asked of no report in particular
    changed = (any(w in text for w in words["change"]) or (  # 增长百分之几: how much it grew
        "占" not in text and any(w in text for w in domain.GROWTH_WORDS))) and not _start_and_end_of_year(question)
    if not has_subject and "占" in text and question.asked_class == "percent" and not changed:
        return "share"  # "居民医保参保人数占全市参保总人数的比例": a part and a whole said in words
    beside = _beside_the_ask(text, question.asking_clause)  # not "…分别有多少，我们想参考下比例"
    share_asked = not SHARE_RANKED.search(text) and (any(w in (text.replace(beside, " ") if beside else text) for w in words["share"])
                   or _part_of_named(text, question)) and not _share_only_said(text, question.asking_clause) \
        and not ratio_asked(text)
    if has_subject and share_asked and question.asked_class != "money" and not (
            changed and "占" not in text and any(w in text for w in domain.DIRECTION_WORDS + domain.GROWTH_WORDS)):
        # not 占了多少钱 (an amount), nor 同比增长了百分之几 (the change's rate)
        return "share"
    if (has_subject or asks_amount) and changed and (len(question.years) <= 1 or len(question.cities) >= len(
            question.years)):  # two years asked of one place: compared; a year per place ("广州2023年、江门2024年"): each's change
        return "change"
    if re.search(domain.GROUP_COUNTED, text) and (any(w in text for w in domain.EACH_WORDS)
                                                  or re.search(domain.TOTAL_ASKED, question.typed)):
        return "rank"  # "三个分局的项目支出各多少 / 加在一起多少": each of the group, listed (and summed)
    if not has_subject and any(w in text for w in domain.CLASSIFICATION_WORDS) and (
            any(w in text for w in domain.EACH_WORDS) or LISTED_ASKED.search(text)):
        return "rank"  # "按功能分类有哪些支出，分别多少": its rows, listed largest first
    ranked = re.sub(domain.CAP_ASKED, " ", text)  # "一年最高能救助多少": a cap on one thing, nothing ranked
    ranking = [part for part in re.split(f"[{SENTENCE_BREAKS}]", ranked) if any(w in part for w in words["rank"])]
    guessed = ranking and all(part.endswith("吧") for part in ranking) and question.asking_clause and not any(
        w in question.asking_clause for w in words["rank"])  # "最多的是X吧？这笔钱是多少": a guess, then X asked
    guessed = guessed or _ranked_in_passing(text, question)
    if (has_subject or any(re.search(p, text) for p in domain.RANK_GROUP_PATTERNS) or re.search(domain.WHICH_RANKED, text)
            or any(w in text for w in domain.CLASSIFICATION_WORDS) or len(question.cities) > 2) and (any(
            w in ranked for w in words["rank"]) or re.search(domain.ORDINAL_ASKED, text)) and not guessed:
        # not "最多的是X吧？这笔钱是多少": X's figure
        return "rank"  # "哪个项目最多": the projects are what is ranked
    several = len(question.cities) > 1 or len(question.years) > 1 or _start_and_end_of_year(question) or (
        question.versus_kinds and has_subject) or ((len(question.subjects) > 1 or len(question.columns) > 1) and (any(
            w in text for w in words["compare"] if len(w) > 1) or re.search(domain.WHICH_IS_MORE, text)))
    several = several or len([s for s in question.row_terms if s.endswith(domain.UNIT_ROW_ENDINGS)]) > 1 and (
        question.items or question.columns)  # "基本支出 局本级 医疗保险服务中心 医疗救助服务中心": each unit's
    several = several or (len(question.subjects) > 1 or len(question.columns) > 1) and any(
        w in text for w in domain.EACH_WORDS) and not any(  # "A和B分别多少", "基本支出和项目支出里的差旅费各是多少"
        w in text for w in domain.BREAKDOWN_WORDS)  # not "三公经费拆开看…分别多少": the whole's parts answer it
    names_asked = any(w in text for w in domain.PASSAGE_QUESTION_WORDS)
    if several and has_subject and not ((question.topic or "什么" in text) and not asks_amount):
        return "compare"  # not "台山、开平…江门市医保中心管不管" nor "…指导台山的什么业务": its duties, in its words
    if (has_subject or not question.asked_class) and any(w in text for w in domain.PURPOSE_WORDS) \
            and not PURPOSE_DESCRIBING.search(text):  # "这笔钱主要花在哪"
        return "passage"
    if question.topic and (not asks_amount or names_asked):  # "有几个股室，分别叫什么": the passage
        return "passage"
    if has_subject and not asks_amount and names_asked:
        return "passage"  # "江门市医疗保障事业管理中心是什么性质的单位": words, not a figure
    if has_subject and not asks_amount and (not re.search(r"\d", text) and YES_OR_NO.search(text) or any(
            w in text for w in domain.INCLUSION_ASKED)):  # "机关运行经费包不包括电梯维护费", with a year said
        return "passage"  # or not: what the report says it covers
    if has_subject and not asks_amount and not question.asked_class and WH_WORD.search(text):
        return "passage"  # "医保稽查经费用什么技术审核": what the report says of it
    if has_subject and not asks_amount and re.search(r"^\D*还是\D*$", words_asked(text) or ""):
        return "passage"  # "这个课题是自己做还是外包出去": which of two ways, in the report's words
    if has_subject or asks_amount or question.asked_class:
        return "figure"
    return "passage"
