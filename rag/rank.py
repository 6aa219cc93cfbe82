"""One scorer for every unit of evidence, and one decision: answer with the best, or refuse.

A unit's score is how much of the question's own words it accounts for, each word weighted by
how rare it is in the reports (a rare 缴费 says more than a common 医保) and by where it is found
(in the words right before a figure, in the sentence up to it, or only around it), plus what
the question's form asks for: a count, money or a percent; a change against last year; the row
or item the question names exactly. All weights and the answering threshold live here, in
WEIGHTS, tuned on the development set (benchmarks/tune_scorer.py).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from rag import domain
from rag.evidence import Evidence, bigrams, fold
from rag.lookup import clean_row_name
from rag.parse.text import compact
from rag.question import (AMOUNT_CITED, AS_OF_YEAR, COUNT_CITED, CLAUSE_BREAKS, HOW_MANY, IN_10K_YUAN, QUOTED_NAME_MIN,
                          TOLD, Question, asking_parts, asks, clauses_about_asker, ratio_asked, spoken_sentences)


@dataclass(frozen=True)
class Weights:
    label: float = 1.0  # a question word in the label: the row name, the clause before the number
    lead: float = 0.7  # in the lead: the row's item names, the sentence up to the number
    context: float = 0.35  # only around it: table title and column, rest of sentence, section
    unit_agrees: float = 0.2  # the figure's unit is of the class asked (多少人 and 人)
    same_unit: float = 0.6  # and is the very measure word asked (几辆车 and 4辆)
    opposed: float = -0.5  # the unit is about the opposite of what is asked (支出 for 收入)
    unit_conflicts: float = -2.0  # of another class (多少人 and 万元): never the answer
    named: float = 0.5  # the exact look-up's cell for a row, item or code the question names
    named_within: float = 0.3  # a row whose name holds a row the question names and more ("…举报奖励金" for 奖励金)
    change_agrees: float = 0.3  # a change against last year, asked for as such
    change_conflicts: float = -0.3  # a change, not asked for (or a level, when a change is)
    target_unasked: float = -0.2  # a target (≥200万人) when the question asks no target
    answer_at: float = 0.5  # below this, no unit answers the question: refuse
    words_at: float = 0.3  # and a unit not found by name must hold this share of the question's words
    winner_margin: float = 1.0  # or be of the measure asked and this far ahead of the report's other figures
    winner_words_at: float = 0.1  # while holding at least this share of the question's words
    winner_words_elsewhere: float = 0.5  # and no other unit, of whatever measure, holding this much more of them
    passage_at: float = 0.35  # the same for passages
    described_words: int = 2  # a project asked by what its money is for holds this many words asked, whole
    retrievers_agree: float = 0.1  # for each retriever beyond the first ranking the passage first
    table_named: float = 1.0  # a cell of the table the question names ("基本支出明细表里"), by title overlap
    section_named: float = 0.3  # a unit in the section the question quotes as where to look (“管理效率分析”里)
    topic: float = 0.3  # a passage in the section of the topic asked (职责, 存在问题 ...)
    unit_defined: float = 0.1  # a passage opening on what the unit asked of is ("…局是市政府工作部门")
    reason_marker: float = 0.3  # a sentence that gives a reason (主要原因是…), when asked why
    scene: float = 0.3  # a word said only in a sentence that asks nothing weighs this much of its rarity
    scene_share: float = 0.5  # and all such words together at most this much of the words that ask
    counted_at: float = 0.6  # a count's sentence holds this share of the counted noun's bigrams (内设机构, not 两定机构)
    amount_cited: float = 0.3  # a passage stating a sum the question cites ("那5万块法律顾问费": 5.00万元)


WEIGHTS = Weights()
ASKED_FOR = "|".join(domain.ASKED_FOR)
ASKED_BY = "想知道|想了解|想问|问|让我查|叫我查|让我问"  # not 外公 inside 对外公布: said with 我 before or a verb after
QUESTION_FILLER = re.compile(rf"(?:{'|'.join(domain.ASKER_POINTED)})(?:{ASKED_FOR})(?:{ASKED_BY})|"  # 这位大爷问: before
                             + "|".join((*domain.QUESTION_FILLER, *domain.COURTESIES))  # 这 is taken alone
                             + rf"|[我帮替给]+(?:{ASKED_FOR})(?:{ASKED_BY})?|(?:{ASKED_FOR})(?:{ASKED_BY})"  # 我爷爷问, 外婆想知道
                             + rf"|(?:我们?|咱们?)(?:和|跟|与|同)(?:{ASKED_FOR}|孩子|家人|同事|朋友)"  # 我和孩子他爸: no two things joined
                             r"|[^\u4e00-\u9fffA-Za-z0-9%]")
# a rate by its name (参保率, 满意度; not 2023年度)
RATE_NAMED = re.compile(r"[\u4e00-\u9fff]{2}(?:率|(?<!年)度)")
# a rate recalled roughly ("只涨了不到3%", "5%左右"): the asker's guess, not a figure the reports print
RATE_GUESSED = re.compile(r"(?:不到|不足|超过|将近|接近|大约|大概|差不多|约)\d+(?:\.\d+)?%|\d+(?:\.\d+)?%(?:左右|上下|多)"
                          r"|[一二两三四五六七八九十半]成[多左右]*")  # 涨了两成: a rate in tenths, guessed
# a number said in Chinese numerals with its magnitude (四千多, 一百二十): not a word the reports print
NUMBER_IN_WORDS = re.compile(r"(?:[一二两三四五六七八九]+[十百千万亿][零一二两三四五六七八九十百千万亿]*[多余来]?"
                             r"|十[几多余来]|几[十百千万]+)[辆个名家件份所项条台套]?")  # 十几倍, 几十万, 十几辆(车)
# a one-character verb done to what is asked, with the item's last character before it ("居民门特报了多少人次",
# "生育津贴发了几次"): glued to the item it would make a word the reports lack (特报), which weighs most
GLUED_VERB = re.compile(r"([\u4e00-\u9fff][\u4e00-\u9fff])了(?:多少|几)")
# a word in Latin letters with a small letter (an acronym such as DIP or DRG is printed as asked), and a
# date's month and day ("2022-12-31")
ENGLISH_LEFT = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*|(?<=\d)-\d{1,2}-\d{1,2}")
# "among" after the noun that ends a clause ("参保人里", "支出当中"): said of where to look, no word of it
LOCATIVE_ENDING = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:里面|里头|当中|之中|里|(?<!其)中)(?=\s|$)")
# and after a name quoted ("“部门整体支出情况”里"): the quote says where
LOCATIVE_AFTER_QUOTE = re.compile(r"(?<=[”」』\"])(?:里面|里头|当中|之中|里|中|内)")
# the place of an item in a list, or how many a list holds ("第三条", "一共列了三条"): no word the list prints
LIST_PLACE = re.compile(r"第?[一二两三四五六七八九十\d]+(?:条|点|项|个方面)|[一总]?共列了?")
# a unit glossed in brackets after a name ("可支配月数（月）"), which a name quoted may leave out
UNIT_GLOSS = re.compile(r"[（(][^（）()]{1,3}[）)]")
# the law a request rests on, said before the request ("根据《政府信息公开条例》，申请公开…")
REQUEST_BASIS = re.compile(r"(?:根据|依据|依照|按照)《[^》]{2,30}》(?:的?(?:有关|相关)?规定)?[，,]?\s*"
                           r"(?=(?:现|特|特此|本人|我)?(?:依?申请|请求|要求|提出|请予))")
# a report named as the one that says what is asked ("自评报告提出", "报告里说", "整体绩效评价报告里说的")
REPORT_SAYS = re.compile(r"[（(](?:部门)?(?:整体支出)?绩效自评(?:报告)?[)）]"  # "（整体支出绩效自评）": which report
                         r"|(?:部门)?(?:整体)?(?:支出)?绩效(?:自评|评价)(?:报告)?(?:里|中|上)"  # "绩效自评里…": which report
                         r"(?:是)?(?:怎么|怎样|如何)?(?:提出|指出|表示|说到|讲到|提到|说|写|称|讲)?(?:了|的)?"
                         r"|(?:部门)?(?:整体)?(?:支出)?(?:绩效)?(?:自评|评价)?报告(?:里|中|上)?(?:是)?(?:怎么|怎样|如何)?"
                         r"(?:提出|指出|表示|说到|讲到|提到|说|写|称|讲)?(?:了|的)?"
                         r"|[那这]份|(?<=预算|决算|总结)(?:里|中|上)?(?:提到|说(?!明)|写着?|称|讲)(?:了|的)?"  # 那份预算里说
                         r"|自评(?:里|中|上)?(?:提到|说(?!明)|写着?|称|讲)(?:了|的)?")  # "自评写的": the report, as 自评报告
REPORT_OF_UNIT = re.compile(r"(?:医疗保障局|医保局)的?[^，,。？?]{0,12}?报告")  # the unit as a report's author
# classes whose question words only say the unit (面积 for 平方米), not what is measured
UNIT_ONLY_CLASSES = ("area", "months", "score")
# the everyday words a report word stands for in the question (科室 for 内设机构), matched too
EVERYDAY_WORDS: dict[str, list[str]] = {}
for _everyday, _report in domain.QUERY_SYNONYMS.items():
    EVERYDAY_WORDS.setdefault(_report, []).append(_everyday)


class TermWeights:
    """Inverse document frequency of character bigrams over the units of evidence."""

    def __init__(self, texts: list[str]):
        self.count = max(1, len(texts))
        self.frequency: Counter[str] = Counter()
        for text in texts:
            self.frequency.update(bigrams(text) | set(text))

    def weight(self, pairs: frozenset[str]) -> float:
        """A word's weight: the mean rarity of its bigrams. A word no report prints weighs most:
        what the question asks about is then not in the reports, and no unit should pass."""
        return sum(math.log((self.count + 1) / (self.frequency.get(p, 0) + 0.5)) for p in pairs) / len(pairs)


@dataclass(frozen=True)
class Term:
    word: str
    pairs: frozenset[str]  # its character bigrams: a word is found in part when some of them are
    weight: float
    alternatives: tuple[frozenset[str], ...] = ()  # the everyday words it was asked by

    def found_in(self, grams: set[str]) -> float:
        """How much of the word a field holds: all, part of its bigrams, or an everyday word of it."""
        found = len(self.pairs & grams) / len(self.pairs)
        return max([found] + [float(alternative <= grams) for alternative in self.alternatives])


BOUND_BEFORE_SUM = re.compile(rf"(?:{domain.BOUND_VERBS})了?(?=\s)")  # before the number cited, blanked


def content_words(question: Question) -> str:
    """The question as read, without its report words (city, year, unit) and question words;
    what was taken out leaves a gap, so no word is made across it."""
    content = LOCATIVE_AFTER_QUOTE.sub(" ", question.reading or compact(question.text))
    content = AMOUNT_CITED.sub(" ", content)  # sums cited are scored as such
    content = COUNT_CITED.sub(" ", content)  # and a count claimed ("有200万人？"): its measure is no word asked
    content = RATE_GUESSED.sub(" ", content)
    content = NUMBER_IN_WORDS.sub(" ", content)  # "涨了四千多个百分点": a guess; the reports print digits
    content = LIST_PLACE.sub(" ", content)
    content = REQUEST_BASIS.sub(" ", content)  # "根据《政府信息公开条例》，申请公开…": why it is asked, not what
    content = REPORT_SAYS.sub(" ", content)  # "自评报告提出…": which report, and that it says so; no word it prints
    content = re.sub(domain.THRESHOLD_ASKED, " ", content)  # "是否超过了1500万元": a bound put, no word printed
    content = BOUND_BEFORE_SUM.sub(" ", content)  # "支出超过了100亿元吗": the bound put on the sum, no word printed
    if re.search(r"[\u4e00-\u9fff]", question.text):  # English words beside Chinese that no term was read from
        content = ENGLISH_LEFT.sub(" ", content)  # gloss it ("车辆 (vehicles)"); asked wholly in English, they ask
    if question.asked_unit:  # 多少辆 asks for 辆: the unit is scored, not matched as a word
        said_in = "|".join((question.asked_unit, *domain.SELF_NAMING_UNITS)) \
            if question.asked_unit in domain.SELF_NAMING_UNITS else question.asked_unit  # 几台车 asks 辆
        content = re.sub(rf"(?:多少|几)(?:{said_in})", " ", content)
    content = re.sub(r"(?:多少|几)个", " ", content)  # "有哪几个科": 个 only counts, 科 is asked about
    content = re.sub(r"(?:多少|几)(?:亿元|万元|亿|万块钱|万块|万|块钱|元)", " ", content)  # a sum's measure: no word
    if question.asked_class in ("money", "percent"):  # "办医保卡的钱", "车的钱占几成": money in everyday words
        content = re.sub(domain.MONEY_SAID, " ", content)
    if question.asked_class in UNIT_ONLY_CLASSES:  # 面积, 得分: said by the figure's unit, scored as such
        for word in domain.ASKED_CLASS_WORDS[question.asked_class]:
            content = content.replace(word, " ")
    places = [c for c in question.cities if not _inside_a_city_named(c, question)]
    # and the province and prefecture it lies in ("湛江市给廉江下达的…"): a sentence naming them is not
    # about what is asked for that ("根据湛江市…要求，…4名业务骨干")
    places += [p for c in places for p in question.divisions.get(c, ()) if p and p not in places]
    for word in ("医疗保障局", "医保局", *(f"{p}市" for p in places), *places,
                 *(f"{y}{said}" for y in question.years for said in ("年度", "年")),  # 2023年度: no 度 left
                 *(str(y) for y in question.years + question.as_of)):  # 2022年底 keeps 年底: a date's words
        content = content.replace(word, " ")
    content = " ".join(_without_filler(fold(content), [fold(w) for w in question.whole_words]).split())
    content = LOCATIVE_ENDING.sub(" ", content)  # "参保人里，职工医保…": among them, no word 人里
    return re.sub(r"(?<!\S)[和与及跟同](?!\S)", " ", content).strip()  # "江门和吴川": the places gone, no join left


def _without_filler(content: str, whole_words: list[str]) -> str:
    """The content without the question's filler, except inside a word the reports print that the
    question says (业务用房: its 用 stays)."""
    kept = [(m.start(), m.end()) for word in whole_words for m in re.finditer(re.escape(word), content)]
    return QUESTION_FILLER.sub(lambda m: m.group() if any(s <= m.start() and m.end() <= e for s, e in kept) else " ",
                               content)


def _inside_a_city_named(place: str, question: Question) -> bool:
    """A county or district named beside its city ("台山、开平…江门市医保中心管不管"): what is
    asked about the city's reports, a word to find in them, not the report asked."""
    province, city, county = question.divisions.get(place, (None, None, None))
    return county is not None and any(other != place and question.divisions.get(other, ())[1:] == (city, None)
                                      for other in question.cities)


def places_within_city(question: Question) -> list[str]:
    """The counties or districts the question names beside their city (江门…台山市)."""
    return [place for place in question.cities if _inside_a_city_named(place, question)]


def _of_places_around(question: Question, evidence: Evidence) -> bool:
    """A county or district asked in its city's report ("江门…自评中，台山市的参保人数"): a figure
    whose words do not name it is of the whole city (全市…404.54万人), or of another part."""
    inside = places_within_city(question)
    if not inside:  # most questions: scored for every unit, so no text is put together for them
        return False
    said = f"{evidence.label}{evidence.lead}{evidence.sentence or ''}{evidence.context}"
    return not any(place in said for place in inside)


def query_terms(question: Question, weights: TermWeights, drop: tuple[str, ...] = (),
                w: Weights | None = None) -> list[Term]:
    w = w or WEIGHTS
    content = _content_without(question, drop)
    # the sentences before or after those that ask ("我爸是江门的退休职工，老担心医保基金不够用。"
    # before "…总收入是多少亿？") set the scene: what they say is not what is asked
    reading = question.reading or compact(question.text)
    sentences = spoken_sentences(reading)
    asked = fold(" ".join(part for part in sentences if asks(part)) or reading)
    scene = fold(" ".join(part for part in sentences if not asks(part)))
    said = [fold(question.said.get(s, s)) for s in question.subjects]
    if said and not any(s in asked for s in said) and any(s in scene for s in said):
        scene = ""  # "…增长了4000多%？？真的假的，具体增长百分比是多少": what is asked names its thing before
    # and the clauses about the asker ("我们镇卫生院也参加了，…多少家"): what they say is not asked either
    about_asker = [fold(m.group(0)) for m in clauses_about_asker(reading, question.cities)]  # folded as `asked` is
    if about_asker:
        scene = f"{scene} {' '.join(about_asker)}"
        asked = " ".join(part for part in re.split(f"[{CLAUSE_BREAKS}]", asked) if part not in about_asker)
    for glued in GLUED_VERB.findall(fold(reading)):
        if not weights.frequency.get(glued):  # no report prints the item's last character and the verb
            content = re.sub(rf"{re.escape(glued)}(?=\s|$)", glued[0], content)
    terms = {}
    for word in words(content):
        if word in domain.COUNT_NOUNS and domain.COUNT_NOUNS[word] == question.asked_unit \
                and not weights.frequency.get(word):
            continue  # "几个名额": a count's noun the reports never print is said by its measure (10名) alone
        pairs = frozenset(bigrams(word) or word)
        weight = weights.weight(pairs) if pairs else 0.0
        if scene and word in scene and word not in asked:  # said only to set the scene; and a word there that no
            weight *= w.scene if any(weights.frequency.get(p) for p in pairs) else 0.0  # report prints matches
            # no unit: it would only lower every unit's share alike ("我在一家公司做销售")
        elif question.subjects and question.intent == "change" and not any(weights.frequency.get(p) for p in pairs):
            weight *= w.scene  # the change of an item read ("…涨幅看起来很惊人，增长了百分之多少"): is stated in
            # that item's sentence, and a word no report prints is how the asker puts it, not what is asked
        if weight and word not in terms:
            everyday = tuple(frozenset(bigrams(e) or e) for e in EVERYDAY_WORDS.get(word, ()))
            everyday += tuple(frozenset(g for part in apart.split() for g in bigrams(part))
                              for apart in domain.SPELLED_APART.get(word, ()))
            terms[word] = Term(word, pairs, weight, everyday)
    told = fold(" ".join(part for part in TOLD.findall(reading) if not asks(part)))
    return _story_bounded(list(terms.values()), told, asked, w)


def _story_bounded(terms: list[Term], told: str, asked: str, w: Weights) -> list[Term]:
    """A story told before the question ("最近在写一篇小论文，导师一直强调…。") weighs together no
    more than `scene_share` of the words that ask: each word of it is light, but enough of them
    outweigh what is asked, and no unit of the reports holds them."""
    told_only = [t for t in terms if t.word in told and t.word not in asked]
    story = sum(t.weight for t in told_only)
    asking = sum(t.weight for t in terms) - story
    if not told_only or story <= w.scene_share * asking:
        return terms
    scale = w.scene_share * asking / story
    return [replace(t, weight=t.weight * scale) if t in told_only else t for t in terms]


def several_asked_readings(question: Question) -> list[str]:
    """The questions in "…集采，药品多少种、耗材多少类": one per listed part that asks an amount,
    each after the words before the list."""
    return [before + lead + part for before, lead, part in _clauses_asked(question)]


def side_carried(question: Question) -> bool:
    """A later clause says only the other side of the first's pair, and asks of the first's thing
    ("…一般行政管理事务收入决算多少，支出决算多少"): two things asked, though one is named."""
    return any(lead for _, lead, _ in _clauses_asked(question)[1:])


def _clauses_asked(question: Question) -> list[tuple[str, str, str]]:
    """(words before the first clause, words of the first carried to this one, the clause) of each
    clause that asks an amount of its own."""
    parts = re.split(r"[、，,；;]", question.reading)
    asked = _parts_asking_one_thing(question, parts)
    if len(asked) < 2:  # or one thing asked in each sentence ("…行政编制几名？…事业编制几名？"), none asking two
        parts = re.split(r"[、，,；;？?。]", question.reading)
        asked = _parts_asking_one_thing(question, parts)
        if any(_joins_two(question, parts[i]) for i in asked):
            return []  # "收入和支出各多少？收支相抵剩多少？": two things and their difference
    if len(asked) < 2:
        asked = _named_before_each(question, parts)
    if len(asked) < 2:
        return []
    before = "".join(parts[:asked[0]])
    return [(before, "", parts[asked[0]])] + [(before, _lead_of(question, parts[asked[0]], parts[i]), parts[i])
                                              for i in asked[1:]]


def _parts_asking_one_thing(question: Question, parts: list[str]) -> list[int]:
    """The parts that ask an amount of a thing they name, not a sum or difference of the things before;
    in a claim put to be checked, those citing an amount ("预算7000多万，实际花了800来万，对吗")."""
    checked = any(w in question.reading for w in domain.CLAIM_CHECKED)
    return [i for i, part in enumerate(parts) if (re.search(f"(?<!哪)(?:{HOW_MANY})", part) or checked and AMOUNT_CITED.search(
        part)) and any(  # naming a thing of its own,
        word not in domain.HOW_THEY_COMPARE for word in content_words(replace(question, reading=part)).split())
        and not re.search(domain.TOTAL_ASKED, part)  # not "…各多少，差了多少倍" nor "…，加起来多少"
        and not re.search(f"{COMPARED_WITH}.*(?:多|少|高|低)(?:多少|几)", part)]  # nor "…，收入比支出多多少"


def _named_before_each(question: Question, parts: list[str]) -> list[int]:
    """"…收入九十多亿，支出也差不多，具体各多少": a last part that asks each and names nothing asks
    of the parts before it that each name a thing."""
    if len(parts) < 3 or not any(w in parts[-1] for w in domain.EACH_WORDS) \
            or content_words(replace(question, reading=parts[-1])):
        return []
    named = {i: words for i, part in enumerate(parts[:-1]) if (words := [
        w for w in content_words(replace(question, reading=part)).split() if w not in domain.HOW_THEY_COMPARE])}
    if any(re.search(JOINED, word) for words in named.values() for word in words):
        return []  # "A和B差很多，…各是多少": the two joined are read by 和
    return list(named)


def _lead_of(question: Question, first: str, later: str) -> str:
    """What a later part that says only the other side of a pair (收入, 支出) leaves to the first
    ("城镇职工医保基金收入多少、支出多少": the fund, before 收入), or that asks only the result of the
    target the first asks ("…病种数指标的目标值是多少？实际做到多少？": the indicator); "" otherwise."""
    said = content_words(replace(question, reading=first))
    later_said = content_words(replace(question, reading=later))
    if later_said and not re.sub(domain.TARGET_OR_RESULT, "", later_said).strip():
        return re.sub(domain.TARGET_OR_RESULT, " ", said)
    own = [w for w in later_said.split() if w not in domain.HOW_THEY_COMPARE]
    if len(own) != 1:
        return ""
    for pair in domain.OPPOSED_WORDS:  # the side may carry the kind after it: "…事务收入决算多少，支出决算多少"
        for side, other in (pair, pair[::-1]):
            if own[0].startswith(side) and said.endswith(first_said := other + own[0][len(side):]):
                return said[:-len(first_said)]
    # "医保基金支出职工医保多少，居民医保多少": the words before the first's own thing are of both; its
    # thing is the tail of its words as long as the later one's and ending alike (职工医保 for 居民医保)
    head = words(said)
    tails = ["".join(head[i:]) for i in range(1, len(head))]
    if not tails or own[0] in said:
        return ""
    thing = min(tails, key=lambda tail: (abs(len(tail) - len(own[0])), -len(tail)))
    return said[:len(said) - len(thing)] if len(thing) == len(own[0]) and thing[-1] == own[0][-1] else ""


LIST_COUNTED = re.compile(r"[一二两三四五六七八九十\d]+[类项个种笔]$")  # how many the list holds, said after it
# a list said with 、 just before 各, 分别, which of them or an order asked ("政府采购预算里货物类、工程类、
# 服务类各多少", "…哪类最多", "按货物、工程、服务三类从大到小排")
ORDERED_BY = r"(?:按[\u4e00-\u9fff]{0,4}?)?"  # what a ranking is by, said before it (按金额排)
LISTED_BEFORE_EACH = re.compile(r"((?:[\u4e00-\u9fff]{2,}、)+[\u4e00-\u9fff]{2,}?(?:\d+[类项个种笔])?)"
                                rf"(?=[，,]?{ORDERED_BY}(?:各|分别|哪|[从由][高低大小多少]到[高低大小多少]|排))")


def listed_readings(question: Question) -> list[str]:
    """The questions in "…货物类、工程类、服务类各多少": one per item, each after the words the
    first item carries before it (the first holds as many characters of its own as the second)."""
    reading = question.reading or ""
    listed = LISTED_BEFORE_EACH.search(reading)
    if not listed or re.search("[和与及]", listed.group(1)):  # "A、B和C", "…医保和…医保的收入、支出": read by 和
        return []
    first, *others = listed.group(1).split("、")
    others[-1] = LIST_COUNTED.sub("", others[-1]) or others[-1]  # "货物、工程、服务三类分别": 服务
    lead = first[:-len(others[0])] if len(first) > len(others[0]) else ""
    before, after = reading[:listed.start()], reading[listed.end():]
    if re.match(rf"[，,]?(?:[一二两三四五六七八九十\d]+[类项个种笔])?{ORDERED_BY}(?:哪|[从由][高低大小多少]到|排)", after):
        after = ""  # "…哪类最少", "…三类从大到小排", "…按金额排": which of them ranks, no word of any item
    return [before + first + after] + [before + lead + item + after for item in others]


# two names of one ending joined ("对居民医保基金的补助和对职工医保基金的补助"): read without
# their 的, which would part each name in two
COMPARED_WITH = r"(?<![对相占无])比(?![上去前例重率较\d])"  # "A比B多多少", not 比上年, 比例, 对比
JOINED = (f"和|与|及|加上|(?<![增参追叠附外])加(?![起总到了入大强快])|{COMPARED_WITH}"  # two things said together: "A和B",
          f"|{'|'.join(domain.SUBTRACTING_WORDS)}")  # "A加上B（等于C吗）", "A比B多多少", "A减去B"
PARALLEL_NAMES = re.compile(rf"的([\u4e00-\u9fff]{{1,8}})({JOINED})([^，,。？?；;]*?)的\1")


def conjoined_readings(question: Question) -> list[str]:
    """The two questions in "X和Y…": X completed by what follows Y that X lacks (职工医保 and
    居民医保参保人数 -> 职工医保参保人数), Y completed by what X has before its last word
    (医保基金收入 and 支出 -> 医保基金支出); each after the words the question puts before them. Only
    the sentences that ask are read: "两定机构就是定点医院和药店吧？…多少家" asks one thing."""
    content = content_words(replace(question, reading=PARALLEL_NAMES.sub(r"\1\2\3\1", joining_sentence(question))))
    segment, joiner = next(((part, m) for part in content.split() if (m := _joiner(part))), (None, None))
    if not segment:
        return []
    left, right = segment[:joiner.start()], segment[joiner.end():]
    right = HOW_COMPARED_AT_END.sub("", right)  # "收入和支出相差", "…合起来": 支出, and how the two compare
    at = content.index(segment)
    if left and not right and content[at + len(segment):].strip() and re.search(
            f"{re.escape(left)}(?:和|与)“", joining_sentence(question)) and not any(
            left in title for title in question.tables_named):  # "追回的违规基金和“春风利剑”行动收回的…":
        return [content[:at] + left, content[at + len(segment):].strip()]  # each with its own words
    if not left or not right:
        return []
    shared = next((left[i:] for i in range(len(left)) if left[i:] in right), "")
    if shared:
        left_full, right_full = left + right.split(shared, 1)[1], right
    else:
        head = words(left)
        left_full, right_full = left, left[: len(left) - len(head[-1])] + right if head else right
    before, after = content[:at], content[at + len(segment):]  # said before and after: of both sides
    after = after.split("等于")[0]  # "A加上B，等于C吗": C is the sum's check, not said of A or B
    after = " " + " ".join(w for w in after.split()  # "…，相差几倍", "…，收入比支出多多少": of both
                           if w not in domain.HOW_THEY_COMPARE + domain.SUM_WORDS and not re.search(COMPARED_WITH, w))
    readings = [COMPARED_SAID.sub(" ", before + left_full + after),  # "收支对比，收入和支出各多少": how the
                COMPARED_SAID.sub(" ", before + right_full + after)]  # two are set side by side,
    for joint, (one, other) in domain.PAIRS_SAID_AS_ONE.items():  # and the pair said as one word, each
        if one in readings[0] + readings[1] and other in readings[0] + readings[1]:  # side asked apart
            readings = [reading.replace(joint, " ") for reading in readings]
    for pair in domain.OPPOSED_WORDS:  # "医保基金支出里职工医保和居民医保": the one side said is of both
        if len(said := [word for word in pair if word in content]) == 1:
            readings = [r if said[0] in r else f"{r} {said[0]}" for r in readings]
    return readings


# the words asking a comparison, not those joining the things compared (和, 与)
COMPARED_SAID = re.compile("|".join(sorted((w for w in domain.INTENT_WORDS["compare"] if len(w) > 1), key=len, reverse=True)))
HOW_COMPARED_AT_END = re.compile(f"(?:{'|'.join(sorted(domain.HOW_THEY_COMPARE + domain.SUMMING_WORDS, key=len, reverse=True))})+$")


def _joiner(part: str) -> re.Match[str] | None:
    """The first word that joins two names (和, 与, 加上, 比), not the end of another word (参与, 总和);
    a word it begins may be jieba's mistake ("表1和表4": 和表)."""
    from rag.index import segmented

    if not re.search(JOINED, part):
        return None  # most parts: nothing to segment
    ends, at = [], 0
    for word in segmented(part):
        ends.append((at, at + len(word)))
        at += len(word)
    return next((m for m in re.finditer(JOINED, part)
                 if not any(start < m.start() < end for start, end in ends)), None)


# one thing as a multiple of another ("A，是B的多少倍"): the two things asked
TIMES_ASKED = re.compile(r"^(.+)[，,]?(?:是|为|相当于)(.+?)的(?:多少|几)倍")  # the last 是 before B: "各是多少…A是B的几倍"
# what an earlier clause asked, said before the first thing with or without a comma ("货物类跟服务类
# 各多少服务类是货物类的几倍" by voice): the first thing is what follows it
ASKED_BEFORE_TIMES = re.compile(r".*(?:各|分别)?(?:是多少|多少|是几|几)[^\u4e00-\u9fff]*")


def times_asked(reading: str) -> tuple[str, str] | None:
    """The two things of "A是B的多少倍" or "A对B的比例", as said; None otherwise."""
    asked = TIMES_ASKED.search(reading) or ratio_asked(reading)
    return asked.groups() if asked else None


def times_readings(question: Question) -> list[str]:
    """The two things of "A是B的多少倍" or "A对B的比例"; [] otherwise."""
    asked = times_asked(question.reading or "")
    if not asked:
        return []
    first, second = asked
    first = ASKED_BEFORE_TIMES.sub("", first) or first
    first, second = (content_words(replace(question, reading=part)) for part in (first, second))
    if {first, second} & set(domain.REFERRING_WORDS):  # "前者是后者的几倍": the things are said before
        return []
    return [first, second] if first and second else []


def joining_sentence(question: Question) -> str:
    """The first sentence that asks and, in its content words, joins two things by 和, 与 or 及; or "".
    A table's title named joins no two things ("行政经费及三公经费预算表"里的三公经费), though two titles may be."""
    reading = question.reading or compact(question.text)
    for title in question.tables_named:
        reading = reading.replace(title, re.sub(JOINED, "", title))
    topic, colon, asked = reading.partition("：")  # "廉江2023年城镇职工医保基金收支情况：收入和支出各多少":
    lead = topic if colon and not asks(topic) and _names_a_report(question, topic) \
        and not re.search(domain.ASKER_SAID, topic) and not re.search(JOINED, topic) else ""  # of that fund;
    # not "做节目用：", "我想…：", nor "budget vs actual：", two things of its own
    parts = [_without_claims_relayed(question, part) for part in asking_parts(asked if lead else reading) or [reading]]
    return next((lead + _through_joined_ask(question, part) for part in parts
                 if _joins_two(question, part)), "")


def _joins_two(question: Question, text: str) -> bool:
    """Whether the text, read as the question's words, joins two things (A和B, A加上B, A比B)."""
    return bool(re.search(JOINED, content_words(replace(question, reading=text))))


def _through_joined_ask(question: Question, sentence: str) -> str:
    """The sentence up to the clause that joins two things and asks them ("收入和支出各多少，有没有结余"):
    a later clause asks something else, not of both."""
    clauses = re.split(r"(?<=[，,])", sentence)
    for at, clause in enumerate(clauses):
        if asks(clause) and _joins_two(question, clause):
            return "".join(clauses[:at + 1])
    return sentence


RELAYED_CLAUSE = re.compile(rf"(?:^|(?<=[，,]))(?:{'|'.join(domain.CLAIM_RELAYED)})[^，,]*[，,]")


def _without_claims_relayed(question: Question, part: str) -> str:
    """The part without the clauses that pass a claim on ("网传…收入和支出哪个多，…收支分别是多少"),
    when what is left still joins two things: those are asked, the claim's are told."""
    kept = RELAYED_CLAUSE.sub("", part)
    return kept if kept != part and _joins_two(question, kept) else part


def _names_a_report(question: Question, text: str) -> bool:
    return any(str(year) in text for year in question.years) or any(city in text for city in question.cities)


def words(text: str) -> list[str]:
    from rag.index import word_tokens  # jieba with the domain dictionary

    return [w for part in text.split() for w in word_tokens(part) if len(w) > 1 or len(part) == 1]


def lexical(evidence: Evidence, terms: list[Term], w: Weights | None = None) -> float:
    """Share of the question's weighted words the unit accounts for, each at its best place and
    in part when only some of its bigrams are there."""
    w = w or WEIGHTS
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    fields = tuple(zip(evidence.grams(), (w.label, w.lead, w.context)))
    found = 0.0
    for term in terms:
        if _measured_by_unit(term.word, evidence):
            found += term.weight * w.label  # 人数 is said by "1460126人" itself, wherever the label stops
        else:
            found += term.weight * max(weight * term.found_in(grams) for grams, weight in fields)
    return found / total


def _measured_by_unit(word: str, evidence: Evidence) -> bool:
    """A count's noun (人数, 次数) that the figure's measure word says."""
    unit = domain.COUNT_NOUNS.get(word)
    return bool(unit and evidence.figure and evidence.figure.unit.removeprefix("万") == unit)


def score(evidence: Evidence, terms: list[Term], question: Question, w: Weights | None = None) -> float:
    w = w or WEIGHTS
    value = lexical(evidence, terms, w)
    asked = question.asked_class
    if asked and evidence.unit_class and evidence.unit_class != asked:
        value += w.unit_conflicts
    elif asked and evidence.unit_class and (asked != "money" or (question.asked_unit and evidence.figure and (
            question.asked_unit in evidence.figure.unit or question.converting))):
        value += w.unit_agrees  # money agrees by its unit alone (every table cell is money), or any when the
        # unit asked is one to convert into ("折合多少万元": 13.08亿元 too)
    if _in_unit_asked(question, evidence):
        value += w.same_unit
    elif question.asked_unit in domain.PEOPLE_UNITS and evidence.unit_class == "count" and evidence.figure \
            and evidence.figure.unit not in domain.PEOPLE_UNITS:
        value += w.unit_conflicts  # 多少名 asks people: 3个 counts things
    elif question.asked_unit and question.asked_unit not in domain.PEOPLE_UNITS + domain.VISIT_UNITS \
            and evidence.figure and evidence.figure.unit in domain.VISIT_UNITS:
        value += w.unit_conflicts  # and 多少个病种 asks things: 7000人次 counts visits
    elif _counts_things(question) and evidence.figure and evidence.figure.unit in domain.PEOPLE_UNITS:
        value += w.unit_conflicts  # 病种数, 多少项, 多少个病种 ask things: 4名 counts people
    elif question.asked_unit in domain.SELF_NAMING_UNITS and evidence.figure and evidence.unit_class == "count":
        value += w.unit_conflicts  # 多少台 asks machines: 0辆 counts cars, 8名 people, 9批 batches (the same
        # unit agreed above)
    if _another_rate(question, evidence):
        value += w.unit_conflicts  # 参保率 asked: 满意度80% is another rate
    if question.counted and question.asked_unit not in domain.UNIT_THING and evidence.kind == "fact" \
            and not (_counts_noun(question.counted, evidence, w) and _counted_after(question.counted, evidence)):
        value += w.unit_conflicts / 2  # 多少个编制: a count of 分中心 is not one of 编制; 多少个病种: not 4个窗口
    if _act_not_asked(question, evidence):
        value += w.unit_conflicts / 2  # 有几辆公务用车: 车辆16辆, not 报废更新2辆
    if _below_magnitude_asked(question, evidence) and not evidence.named:  # a row named is answered in its unit
        value += w.unit_conflicts / 2
    if _within_cited(question, evidence):
        value += w.amount_cited  # "实际花了800来万，对吗": 812.81万元, not the 7475.38 beside it
    if question.as_of and (dates := {int(y) for y in AS_OF_YEAR.findall(evidence.sentence or "")}) \
            and not dates & set(question.as_of):
        value += w.unit_conflicts  # "截至2023年年底" does not answer "2022年底"
    if question.quoted and not _carries_quoted(question, evidence) and not _named_beside_quote(question, evidence) \
            and not _asked_after_quote(question, evidence):
        value += w.unit_conflicts  # a name quoted whole: only its own figures answer, and in keywords typed
        # as a search those of names beside it (江门 2024 "医疗保障管理事务" 合计 其中 行政运行)
    if _of_places_around(question, evidence):
        value += w.unit_conflicts  # "江门…台山市的参保人数": a figure that does not name 台山 is the city's
    if question.intent == "figure" and evidence.figure and evidence.figure.value in question.stated \
            and not (question.table_number and evidence.figure.table == question.table_number):
        value += w.unit_conflicts  # the question states it and asks for a figure: another one (a share is of it),
        # unless it is of the table the question points at ("自评说812.81万元，决算表5…合计是多少": a check)
    if _other_scheme(question, evidence) or _other_book(question, evidence) or _scheme_apart(question, evidence):
        value += w.unit_conflicts  # 生育保险基金收入 is not answered by the whole 医保基金收入, nor the
        # fund's income (医保基金收入) by the department's (本部门收入预算)
    if _opposes(question, evidence):
        value += w.opposed
    if another_measure(question, evidence) or _another_bound(question, evidence):
        value += w.unit_conflicts
    if evidence.named:
        value += w.named
    elif _row_holds_named(question, evidence) or _part_of_named(question, evidence, terms) \
            or _label_quoted(question, evidence):
        value += w.named_within  # more words of the question may make it the row meant: "举报欺诈骗保的奖励金"
    if in_section_cited(question, evidence):
        value += w.section_named
    if question.table_number and evidence.figure and evidence.figure.table == question.table_number:
        value += w.table_named
    elif question.table_named and evidence.figure and evidence.figure.table_title:
        named = bigrams(question.table_named)
        value += w.table_named * len(named & bigrams(evidence.figure.table_title)) / max(1, len(named))
    if evidence.target and any(word in question.reading for word in domain.ACTUAL_ASKED_WORDS):
        value += w.unit_conflicts  # the result is asked: a target is not it
    elif evidence.target and not any(word in question.reading for word in domain.TARGET_QUESTION_WORDS):
        value += w.target_unasked
    asks_change = question.intent == "change"
    if evidence.change or asks_change:
        value += w.change_agrees if evidence.change == asks_change else w.change_conflicts
    return value


def in_section_cited(question: Question, evidence: Evidence) -> bool:
    """The unit stands in a section the question quotes as where the report says it."""
    if not question.sections_cited:  # most questions: no unit's section is read
        return False
    section = fold(evidence.section or "")
    return any(fold(cited) in section for cited in question.sections_cited)


def _in_unit_asked(question: Question, evidence: Evidence) -> bool:
    """The figure is in the very measure word asked (几辆车 and 4辆), not in its count of visits:
    多少家医院 asks institutions, and 13家次 counts inspections of them."""
    asked, figure = question.asked_unit, evidence.figure
    if not asked or figure is None or asked not in figure.unit:
        return False
    return figure.unit not in domain.VISIT_UNITS or asked in domain.PEOPLE_UNITS + domain.VISIT_UNITS


def _act_not_asked(question: Question, evidence: Evidence) -> bool:
    """A count of things acted on in the year (its label a verb such as 报废更新, 购置) when the
    question says no such act: how many there are is asked."""
    if evidence.unit_class != "count" or not any(v in evidence.label for v in domain.FLOW_VERBS):
        return False
    return not any(v in (question.reading or "") for v in domain.FLOW_VERBS)


def _counts_things(question: Question) -> bool:
    """The count asked is of things, by its measure word (多少种) or by the noun counted (病种)."""
    return question.asked_unit in domain.THING_UNITS or (question.counted or "")[-1:] in domain.THING_UNITS


def _another_rate(question: Question, evidence: Evidence) -> bool:
    """A rate named (参保率) and a percent printed as another one, the last its label names
    (…满意度超过80%); a percent whose sentence does not name its rate (完成预算的10.87%) may be it."""
    figure = evidence.figure
    if question.asked_class != "percent" or figure is None or figure.unit != "%":
        return False
    asked = RATE_NAMED.search(fold(question.asking_clause or question.reading or ""))  # 医保率 is 医疗保险率
    printed = RATE_NAMED.findall(fold(compact(evidence.label)))
    return bool(asked and printed) and printed[-1] != asked.group() \
        and asked.group() not in fold(compact(evidence.sentence or evidence.label))


def _within_cited(question: Question, evidence: Evidence) -> bool:
    """A sum the question cites roughly (800来万, 大约20万) holds the figure."""
    figure = evidence.figure
    if not question.amounts or figure is None or figure.unit not in IN_10K_YUAN:
        return False
    amount = figure.value * IN_10K_YUAN[figure.unit]
    return any(low <= amount <= high for low, high in question.amounts if low < high)


def _counts_noun(counted: str, evidence: Evidence, w: Weights) -> bool:
    """The count's sentence names what is counted, as the question reads it or by an everyday word
    of it the reports use too (内设机构 and 股室: "内设四个职能股室")."""
    said = bigrams(evidence.sentence or evidence.lead)
    return any(len(wanted & said) >= w.counted_at * len(wanted)
               for wanted in (bigrams(word) for word in (counted, *EVERYDAY_WORDS.get(counted, ()))) if wanted)


def _counted_after(counted: str, evidence: Evidence) -> bool:
    """The noun printed right after the count, if any, is the one asked ("设置4个窗口" counts 窗口,
    whatever else its sentence lists): a count printed with no noun after it ("共761种") may be."""
    figure = evidence.figure
    if figure is None or figure.unit in domain.PEOPLE_UNITS:
        return True  # "75596人全额参保资助": after people counted comes what was done for them
    printed = re.search(rf"(?<![\d.]){re.escape(str(figure.value))}[余多]?{re.escape(figure.unit)}([\u4e00-\u9fff]{{2,6}})",
                        compact(evidence.sentence or ""))
    if printed is None:
        return True
    noun = re.sub(r"^(?:左右|上下|以上|以下|之多|次)", "", printed.group(1))  # "7700个左右": no noun after
    return not noun or counted in noun or bool(bigrams(counted) & bigrams(noun)) or any(
        word in noun for word in EVERYDAY_WORDS.get(counted, ()))


def _row_holds_named(question: Question, evidence: Evidence) -> bool:
    """A cell, or a number of a project's 绩效目标, whose row's name holds a row name the question
    says and, beside it, other words the question says too (举报, 欺诈 of …举报奖励金). Not a unit's
    name, which begins its projects' names ("…服务中心2023年…项目方案" is not the unit's row)."""
    row = clean_row_name(evidence.figure.row) if evidence.figure and evidence.figure.row else ""
    return any(named in row and bigrams(row.replace(named, " ")) & bigrams(question.reading)
               for named in question.row_terms if not named.endswith(domain.UNIT_ROW_ENDINGS))


def _label_quoted(question: Question, evidence: Evidence) -> bool:
    """A prose figure whose whole label the question quotes (“医疗保障业务资金”安排了多少): named as printed."""
    return evidence.kind == "fact" and bool(question.quoted) \
        and compact(evidence.label) in {compact(q) for q in question.quoted}


KIND_SAYING = frozenset(w for words in domain.KIND_WORDS.values() for w in words)  # 预算, 决算: which report


def _part_of_named(question: Question, evidence: Evidence, terms: list[Term]) -> bool:
    """A prose figure stated as a part of an item the question names ("政府采购安排390.13万元，其中：…
    服务类采购预算341.01万元"), labelled with a word the question says besides the items it names
    and the report's kind (服务类; not 预算)."""
    if evidence.kind != "fact" or "占" in question.reading and question.asked_class != "money":
        return False  # a share ("A占B") names its part itself and the whole it is over: a part of that
    # whole is no closer to what is asked; "服务类采购占了多少万元" asks the part's sum
    named = [s for subject in question.subjects for s in (question.said.get(subject, subject), subject)]
    if not any("其中" in evidence.lead.partition(s)[2] and s not in evidence.label for s in named):
        return False  # most units: no part stated after a named item; the terms are then not read
    label = evidence.grams()[0]
    return any(t.pairs <= label for t in terms if t.word not in KIND_SAYING and not any(t.word in s for s in named))


def _other_scheme(question: Question, evidence: Evidence) -> bool:
    """The question asks of one insurance scheme the reports state apart (生育保险, 长护险) and the
    words that say what the figure is (its clause, or its row and table) name none of its names."""
    asked = [names for names in domain.SCHEMES.values() if any(n in question.reading for n in names)]
    if not asked:
        return False
    said = f"{evidence.label}{evidence.lead}{evidence.context if evidence.kind == 'cell' else ''}"
    return not any(n in said for names in asked for n in names)


def _scheme_apart(question: Question, evidence: Evidence) -> bool:
    """The question names one of the two basic schemes (职工医保, 居民医保) and not the other, and the
    unit is said of the other: by its clause, or when its clause names neither, by its sentence or
    its row and table ("…不低于3个月指标实现情况：…全市居民医保基金…7个月" is of 居民医保 throughout)."""
    named = [any(n in question.reading for n in names) for names in domain.SCHEMES_APART]
    if named.count(True) != 1:  # most questions: no unit's words are read
        return False
    asked, other = domain.SCHEMES_APART if named[0] else domain.SCHEMES_APART[::-1]
    for said in (evidence.label + evidence.lead, evidence.context if evidence.kind == "cell" else evidence.sentence or ""):
        if any(n in said for n in (*asked, *other)):
            return not any(n in said for n in asked)
    return False


# a fund's income or spending asked (医保基金收入预算, 基金的总支出): the book, and the side asked
BOOK_FLOW_ASKED = re.compile(f"({'|'.join(domain.OTHER_BOOKS)})的?(?:{'|'.join(domain.BOOK_FLOW_KINDS)})?总?(收入|支出|收支)")
SIDES_SAID = {"收入": ("收入",), "支出": ("支出",), "收支": ("收入", "支出")}


def _other_book(question: Question, evidence: Evidence) -> bool:
    """The question asks for a fund's income or spending (医保基金收入预算), and the words that say what the
    figure is do not name a fund's: the department's own figure (本部门收入预算), or a project's."""
    asked = BOOK_FLOW_ASKED.search(question.reading)
    if not asked:  # most questions: no unit's words are read
        return False
    said = f"{evidence.label}{evidence.lead}{evidence.sentence or ''}"  # a row's words, not its table's title
    book, side = asked.groups()
    return not (book in said and any(word in said for word in SIDES_SAID[side]))


def _named_beside_quote(question: Question, evidence: Evidence) -> bool:
    """Whether the evidence is the row of a subject named outside the quotes when no one clause is the
    ask (keywords typed as a search, several questions): a quote there marks words that must be found,
    not the one name asked."""
    if question.asking_clause or not evidence.figure:  # most questions with a quote: one clause asks
        return False
    row = clean_row_name(evidence.figure.row or "")
    return any(row == s and not any(s in quoted for quoted in question.quoted) for s in question.row_terms)


QUOTE_CONTAINS = "[”\"」』](?:中|里|下|当中|之中|下面)"  # "“对个人和家庭的补助”中": within what is quoted


def _asked_after_quote(question: Question, evidence: Evidence) -> bool:
    """Whether the evidence is the row the asking clause names when that clause quotes nothing and
    the quote is said to hold it ("基本支出“对个人和家庭的补助”中，其中退休费是多少"): the quote says
    where to look, the clause what."""
    clause = question.asking_clause
    row = clean_row_name(evidence.figure.row or "") if clause and evidence.figure else ""
    if not row or row not in clause or any(quoted in clause for quoted in question.quoted):
        return False  # most units: the row is not the clause's, and no quote is looked at
    return any(re.search(re.escape(quoted) + QUOTE_CONTAINS, question.reading) for quoted in question.quoted)


def _carries_quoted(question: Question, evidence: Evidence) -> bool:
    figure = evidence.figure
    row, column = (figure.row or "", figure.column or "") if figure else ("", "")
    # a heading quoted: its section; a column quoted with a row's code (2101599的“本年收入合计”): its column
    # a number in a paragraph on a quoted indicator: its paragraph's topic
    said = fold(f"{evidence.label}{evidence.lead}{row}{column}{evidence.section or ''}{evidence.topic}")
    unglossed = UNIT_GLOSS.sub("", said)  # "可支配月数（月）不低于3个月" quoted without its unit's gloss
    names = [fold(name) for name in question.quoted]
    names += [name.removeprefix(own) for name in names for own in domain.ABBREVIATED_BEFORE if name.startswith(own)
              and len(name) - len(own) >= QUOTED_NAME_MIN]  # “医保信息化建设”: the department's own 信息化建设
    return any(name in said or name in unglossed for name in names)


def _below_magnitude_asked(question: Question, evidence: Evidence) -> bool:
    """"多少亿" is asked of sums of a hundred million yuan or more: 4.3万元 is not its answer."""
    figure = evidence.figure
    if question.asked_unit not in ("亿", "亿元") or figure is None or figure.unit not in IN_10K_YUAN:
        return False
    return figure.value * IN_10K_YUAN[figure.unit] < IN_10K_YUAN["亿元"]


def _about(evidence: Evidence) -> str:
    """What a unit is about, for telling opposites apart: a cell's row and column; a prose number's
    clause, and of each opposed pair its sentence says both of, the one said last before it ("收入93.33亿元（其中职工医保67.93
    亿元），支出89.88亿元（其中职工医保62.32亿元": 67.93 is 收入, 62.32 is 支出)."""
    if evidence.kind == "cell":
        return f"{evidence.label} {evidence.context}"
    last = [max(pair, key=evidence.lead.rfind) for pair in _opposed_pairs(evidence)  # a sentence saying both
            if all(word in evidence.lead for word in pair)]
    return " ".join([evidence.label, *last])


def _opposed_pairs(evidence: Evidence) -> tuple[tuple[str, str], ...]:
    return domain.OPPOSED_WORDS if evidence.kind == "cell" else (*domain.OPPOSED_WORDS, domain.FUND_OR_DEPARTMENT)


def _opposes(question: Question, evidence: Evidence, pairs: tuple[tuple[str, str], ...] | None = None) -> bool:
    """The unit is about one of an opposed pair and the question asks the other: in the clause that
    asks when that clause says one of the pair ("收入知道了，那…支出了多少"), else anywhere (a reading
    made for one of several things asked has no clause of its own)."""
    clause = question.asking_clause if question.asking_clause in question.reading else ""
    clause, reading = (REPORT_OF_UNIT.sub(" ", text).replace(domain.WHOLE_SPENDING, " ")
                       for text in (clause, question.reading))  # "医保局的整体支出绩效自评报告里写的": whose report
    about = _about(evidence)
    for pair in pairs or _opposed_pairs(evidence):
        asked = clause if any(w in clause for w in pair) else reading
        if any(a in asked and b not in asked and b in about and a not in about for a, b in (pair, pair[::-1])):
            return True
    return False


def another_measure(question: Question, evidence: Evidence) -> bool:
    """The question asks one measure of a pair apart (结余, 个人缴费) and the unit's row or sentence
    states the other (收入 or 支出, 报销) and not the one asked; either way round."""
    apart = [(asked, other) for pair in domain.MEASURES_APART for asked, other in (pair, pair[::-1])
             if asked in question.reading and other not in question.reading]
    if not apart:  # most questions: no unit's words are read
        return False
    said = f"{evidence.label} {evidence.lead} {evidence.context}"
    return any(other in said and asked not in said for asked, other in apart)


# a bound said with its figure ("单价50万元以上的设备", "60岁以上"): a unit stating another bound of the
# same measure ("单价在100万元以上的设备0台") counts another set of things
BOUND = re.compile(r"(\d+(?:\.\d+)?)\s*(万元|亿元|元|万人|人|岁|平方米|%)?(以上|以下|以内|及以上|及以下)")


def _another_bound(question: Question, evidence: Evidence) -> bool:
    asked = {(unit, side): value for value, unit, side in BOUND.findall(question.reading or "")}
    if not asked:  # most questions: no unit's words are read
        return False
    said = BOUND.findall(f"{evidence.lead}{evidence.label}")
    return any(asked.get((unit, side), value) != value for value, unit, side in said)


def ranked(units: list[Evidence], terms: list[Term], question: Question,
           w: Weights | None = None) -> list[tuple[float, Evidence]]:
    w = w or WEIGHTS
    scored = [(score(u, terms, question, w), u) for u in units]
    said = set(re.findall(r"[\u4e00-\u9fff]", question.reading or ""))  # units tied: the label sharing more of
    return sorted(scored, key=lambda pair: (-pair[0], -len(said & set(pair[1].label)),  # the characters asked
                                            pair[1].doc, pair[1].line))  # (有几辆车: 保有量, not 购置数)


def best_per_document(units: list[Evidence], terms: list[Term], question: Question,
                      w: Weights | None = None) -> list[tuple[float, Evidence]]:
    """Each report's best unit that answers, best report first: the best that clears the
    threshold, else one that clearly wins (see clear_winner)."""
    w = w or WEIGHTS
    per_document: dict[str, list[tuple[float, Evidence]]] = {}
    for value, unit in ranked(units, terms, question, w):
        per_document.setdefault(unit.doc, []).append((value, unit))
    chosen = []
    for scored in per_document.values():
        worded = {id(unit) for value, unit in scored if value >= w.answer_at and lexical(unit, terms, w) >= w.words_at}
        holding = {unit.sentence for _, unit in scored if id(unit) in worded and unit.sentence}
        passing = next(((value, unit) for value, unit in scored if value >= w.answer_at  # a sentence that holds the
                        and (unit.named or unit.sentence in holding or id(unit) in worded  # words asked holds them for
                             or _named_by_unit(unit, question))), None)  # each figure ("33场…，…5000余份")
        if found := passing or clear_winner(scored, terms, question, w):
            chosen.append(found)
    return sorted(chosen, key=lambda pair: -pair[0])


def _named_by_unit(evidence: Evidence, question: Question) -> bool:
    """A count in the very measure word asked, of the thing that word counts (几辆公车 and 车辆4辆,
    not 报废更新2辆): the same thing, however the question calls it, or the thing itself after the
    measure word (有几辆车), or the thing said where places are counted past a bound on it (公务用车超过3辆)."""
    thing = domain.UNIT_THING.get(question.asked_unit or "")
    if not thing:
        return False
    said = thing in (question.counted or "") or f"{question.asked_unit}{thing}" in (question.reading or "") or (
        question.bound_counted is not None and thing in (question.reading or ""))  # 公务用车超过3辆: places counted
    return said and evidence.figure is not None and evidence.figure.unit == question.asked_unit and thing in evidence.label


def clear_winner(scored: list[tuple[float, Evidence]], terms: list[Term], question: Question,
                 w: Weights) -> tuple[float, Evidence] | None:
    """A report's best unit when it is of the measure asked and ahead of every other figure of the
    report by a margin: a chatty question ("听说…大厅很挤，到底多大面积") holds words no report
    prints, which keep any unit's share of the question low, though one unit plainly answers it."""
    if not scored or not question.asked_class:
        return None
    value, best = scored[0]
    words = lexical(best, terms, w)
    if best.unit_class != question.asked_class or value <= 0 or words < w.winner_words_at:
        return None  # a unit in conflict with the question (a name quoted it lacks) wins no margin
    runner_up = next((v for v, unit in scored[1:] if unit.figure.value != best.figure.value), None)
    if runner_up is not None and value - runner_up < w.winner_margin:
        return None
    # "滚存结余有50亿元吗" and 可支配月数7个月: the thing asked is stated, in another measure; a sum that
    # wins by holding few of its words is some other thing's
    if any(lexical(unit, terms, w) - words >= w.winner_words_elsewhere for _, unit in scored[1:]):
        return None
    return value, best


def best_of_scope(units: list[Evidence], terms: list[Term], question: Question,
                  characters: Sequence[str] = (), w: Weights | None = None) -> Evidence | None:
    """The best of a few units the question has already narrowed to (a named unit's rows): the
    unit of the most words, when it holds some of them and no other holds as many; of units tied,
    the one holding most of the question's one-character words (`characters`), if one does."""
    w = w or WEIGHTS
    scored = ranked(units, terms, question, w)
    if not scored or scored[0][0] <= 0 or lexical(scored[0][1], terms, w) < w.winner_words_at:
        return None
    tied = [unit for value, unit in scored if value == scored[0][0]]
    if len(tied) > 1 and characters:  # "租业务用房": 租 picks 业务用房租赁经费 over 业务用房维护维修经费
        held = [sum(c in f"{unit.label}{unit.lead}" for c in characters) for unit in tied]
        return tied[held.index(max(held))] if held.count(max(held)) == 1 else None
    return scored[0][1] if len(tied) == 1 else None


def characters_said(question: Question, drop: tuple[str, ...] = ()) -> list[str]:
    """The question's words of one character (租, 修, 买), which query_terms leaves out: too common
    to rank by, they still tell apart units that its longer words tie."""
    from rag.index import word_tokens

    return [t for part in _content_without(question, drop).split() if len(part) > 1 for t in word_tokens(part)
            if len(t) == 1 and "\u4e00" <= t <= "\u9fff"]


def _content_without(question: Question, drop: tuple[str, ...]) -> str:
    """content_words() without the words dropped (a named unit's name: it has already narrowed) and
    those asking a result (实际做到了: the clause still asks, but no report prints these words)."""
    content = re.sub(domain.RESULT_ASKED, " ", content_words(question))
    for word in sorted(drop, key=len, reverse=True):
        content = content.replace(fold(word), " ")
    return content


# ------------------------------------------------------------------ passages and reasons
def passage_score(evidence: Evidence, terms: list[Term], question: Question, w: Weights | None = None,
                  firsts: int = 0) -> float:
    """Like score(), with the topic asked as a prior; a question of no words but its topic
    ("江门医保局是干什么的") is answered by the topic's section alone. `firsts`: how many of the
    retrievers (keywords by words, by bigrams, the dense model) rank the passage first; when
    they agree, the question's other words are likely the passage's in other words."""
    w = w or WEIGHTS
    value = lexical(evidence, terms, w) if terms else 0.0
    value += w.retrievers_agree * max(0, firsts - 1)
    if question.topic and (any(word in (evidence.section or "") or word in evidence.lead  # its heading, or a
                               for word in domain.PASSAGE_TOPICS[question.topic])  # paragraph naming it
                           or question.topic in domain.TOPIC_PRINTED_AS
                           and re.search(domain.TOPIC_PRINTED_AS[question.topic], evidence.lead)):
        value += w.topic if terms else w.passage_at
    if in_section_cited(question, evidence):  # "“存在问题”部分说了什么": that section's own words
        value += w.section_named if terms else w.passage_at
    if states_cited_sum(question, evidence.sentence or evidence.lead):
        value += w.amount_cited
    if question.asks_reason:
        value += _reason_fit(evidence, w)
        if evidence.kind == "sentence" and _opposes(question, evidence, domain.OPPOSED_WORDS):
            value += w.opposed  # why 收入 fell: not the sentence explaining 支出
    if _other_scheme(question, evidence):
        value += w.unit_conflicts  # 长期护理保险的职责: a passage naming no 长期护理保险 says nothing of it
    opens_on = _unit_it_opens_on(question, evidence)
    if opens_on is False:  # 江门市医疗保障局是什么级别: its own line, not the paragraph on its 事业管理中心
        value += w.opposed
    elif opens_on and question.topic in domain.TOPICS_OF_WHAT_A_UNIT_IS:
        value += w.unit_defined
    return value


UNIT_DEFINED = re.compile(r"[^，。；：]{2,30}?(分中心|中心|分局|局)(?:为|是)")
UNIT_DEFINED_WITHIN = re.compile(r"(?<=[。；])[^，。；：]{2,30}?(分中心|中心|分局|局)(?:为|是)")


def _unit_it_opens_on(question: Question, evidence: Evidence) -> bool | None:
    """Whether the passage opens by saying what a unit the question asks of is ("江门市医疗保障局是市政府
    新组建工作部门"): False for a unit of another kind (a 中心 when the question names none, a 局 when it
    names a 中心), None when it opens on no unit or the question names none ("廉江呢")."""
    subject = UNIT_DEFINED.match(evidence.lead)
    asked = fold(question.reading)
    if not subject or not re.search("中心|局", asked):
        return None
    return any(kind in asked and not (kind == "局" and "中心" in asked)  # or says it later: "…局是…。…中心是…下属事业单位"
               for kind in (subject.group(1), *(m.group(1) for m in UNIT_DEFINED_WITHIN.finditer(evidence.lead))))


def ranked_passages(units: list[Evidence], terms: list[Term], question: Question,
                    firsts: list[int] | None = None) -> list[tuple[float, int]]:
    """(score, position) of each unit, best first, ties in the order given."""
    firsts = firsts or [0] * len(units)
    return sorted(((passage_score(u, terms, question, firsts=f), i) for i, (u, f) in enumerate(zip(units, firsts))),
                  key=lambda s: (-s[0], s[1]))


def _reason_fit(evidence: Evidence, w: Weights) -> float:
    """A sentence that gives a reason, or states a figure its next sentence explains; one describing
    the department's standing duties (部门职能) gives none."""
    if standing_section(evidence.section):
        return -w.reason_marker
    said = " ".join([evidence.sentence or "", *evidence.neighbours[:1]])
    return w.reason_marker if any(m in said for m in domain.REASON_MARKERS) else 0.0


def standing_section(section: str | None) -> bool:
    """A section on standing duties, structure or terms (职责, 机构设置, 名词解释): it tells what always
    is, not why a figure is as it is or what was done."""
    return any(word in (section or "") for topic in domain.NOT_REASON_TOPICS for word in domain.PASSAGE_TOPICS[topic])


def states_cited_sum(question: Question, text: str) -> bool:
    """The text states a sum the question cites ("那5万块", "七百多万": 792.37万元)."""
    return bool(question.amounts) and any(low <= stated <= high for stated in sums_in(text)
                                          for low, high in question.amounts)


SUM_IN_10K_YUAN = re.compile(r"(?<![\d.])(\d[\d,，]*(?:\.\d+)?)\s*(?:万元|万)")


def sums_in(text: str) -> set[Decimal]:
    """The sums in 万元 a passage states (5.00万元 and 5万 are the same sum)."""
    return {Decimal(n.replace(",", "").replace("，", "")) for n in SUM_IN_10K_YUAN.findall(text)}
