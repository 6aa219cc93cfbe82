"""Follow-up questions in a conversation: what a new question takes from the previous one.

A question that names its own place and what it asks ("吴川医保局2024年公务接待费占三公经费的比例",
"广州医保局有哪些内设处室") stands alone and takes nothing. An elliptical one ("那2023年呢", "吴川呢",
"和广州比呢", "占三公经费多少") takes only what it lacks; what it names itself it keeps. A ranking
across places ("哪个城市三公经费最多") takes no place, year or kind. The caller passes the previous
*answered* question, never a refused one.
"""
from __future__ import annotations

import re

from rag import domain
from rag.parse.text import compact
from rag.question import Question

# Words that mark a question as continuing the previous one.
FOLLOW_UP_MARKERS = ("呢", "那", "又", "还有", "同样", "也是")
# Words around a place that make "和广州比呢", "跟广州相比" a comparison with the previous question's place.
COMPARE_BEFORE = "和|与|跟|同|比"
COMPARE_AFTER = "相比|对比|比较|比呢|比一比|比$"
# Question words, particles and follow-up words: what is left after them is the question's own content.
QUESTION_WORDS = re.compile(
    r"是谁|是什么|什么|哪些|哪个|多少|怎么样|怎样|如何|几|吗|呢|啊|吧|的|了|请问|一下|情况|有|是|那|又|还有|同样|也"
    r"|对比|相比|比较|比|和|与|跟|同|呀|[\W\d_]")


def carry_over(question: Question, previous: Question) -> set[str]:
    """Fill what `question` lacks from `previous`, in place. Returns the names of what was taken:
    subjects, cities, years, kinds."""
    own_intent = _own_intent(question)
    comparing = _compares_with_previous_place(question, previous, own_intent)
    if question.intent == "definition" or (_stands_alone(question) and not comparing):
        return set()
    carried: set[str] = set()
    if _elliptical(question):
        question.items, question.row_terms = list(previous.items), list(previous.row_terms)
        question.codes, question.columns = list(previous.codes), question.columns or list(previous.columns)
        question.order = dict(previous.order)
        question.topic = previous.topic
        question.intent = own_intent or (previous.intent if previous.intent not in ("compare", "rank") else "figure")
        if previous.intent == "passage" or (previous.topic and not previous.subjects):
            question.intent = "passage"
        carried.add("subjects")
    elif own_intent == "share" and len(question.subjects) == 1 and previous.subjects \
            and question.subjects[0] != previous.subjects[0]:
        question.share_part = previous.subjects[0]  # the previous item's share of the item named now
        question.intent = "share"
        carried.add("subjects")
    if own_intent == "rank" and not question.cities:  # "哪个城市…最多": across all the reports
        return carried
    if not _names_place(question) and previous.cities:
        question.cities = list(previous.cities)
        carried.add("cities")
    elif comparing:
        question.cities = previous.cities[:1] + question.cities
        if question.subjects:
            question.intent = "compare"
        carried.add("cities")
    if not question.years and previous.years and not question.cities[1:]:
        question.years = list(previous.years)
        carried.add("years")
    if not question.kinds and not question.versus_kinds and previous.kinds:
        question.kinds = list(previous.kinds)
        carried.add("kinds")
    return carried


def carried_labels(asked: Question, answered: Question) -> list[str]:
    """What the answered question holds that the question as asked did not name, in words
    ("吴川", "2024年", "三公经费"): place, year, kind, then subjects and topic."""
    labels = [c for c in answered.cities if c not in asked.cities]
    labels += [f"{y}年" for y in answered.years if y not in asked.years]
    labels += [k for k in answered.kinds if k not in asked.kinds]
    if answered.share_part and answered.share_part not in asked.subjects:
        labels.append(answered.share_part)
    labels += [s for s in answered.subjects if s not in asked.subjects and s != answered.share_part]
    if answered.topic and answered.topic != asked.topic:
        labels.append(answered.topic)
    return labels


def _own_intent(question: Question) -> str | None:
    return next((name for name in ("share", "change", "rank")
                 if any(w in question.typed for w in domain.INTENT_WORDS[name])), None)


def _names_place(question: Question) -> bool:
    return bool(question.cities or question.unknown_places)


def _asks_something(question: Question) -> bool:
    return bool(question.subjects or question.topic or _own_words(question))


def _stands_alone(question: Question) -> bool:
    """It names its place and what it asks: nothing of the previous question applies."""
    return _names_place(question) and _asks_something(question)


def _elliptical(question: Question) -> bool:
    """No subject of its own, and said as a follow-up: "那2023年呢", "吴川呢", "和广州比呢", "哪个城市最多"."""
    if _asks_something(question):
        return False
    return (not _without_report_words(question) or any(m in question.typed for m in FOLLOW_UP_MARKERS)
            or _own_intent(question) is not None)


def _compares_with_previous_place(question: Question, previous: Question, own_intent: str | None) -> bool:
    """ "和广州比呢" after a 吴川 question: 吴川 against 广州."""
    if len(question.cities) != 1 or not previous.cities or question.cities[0] in previous.cities:
        return False
    city = re.escape(question.cities[0])
    text = compact(question.typed)
    named_against = re.search(rf"(?:{COMPARE_BEFORE})(?:广东省)?{city}|{city}\w{{0,6}}?(?:{COMPARE_AFTER})", text)
    return (bool(named_against) and own_intent not in ("change", "share")
            and (not question.subjects or question.subjects == previous.subjects))


def _without_report_words(question: Question) -> str:
    """The question without its place, year, kind and unit words."""
    text = compact(question.typed).replace("医疗保障局", "").replace("医保局", "")
    for word in question.cities + question.unknown_places:
        text = text.replace(word, "")
    text = re.sub(r"(?:20)?\d\d年?|[一二〇零三四五六七八九]{4}年", "", text)
    for word in [w for words in domain.KIND_WORDS.values() for w in words] + ["报告", "年度", "本年"]:
        text = text.replace(word, "")
    return re.sub(r"[\W_]", "", text)


def _own_words(question: Question) -> str:
    """Content words the question asks about beyond its report words ("内设处室"), or ""."""
    rest = _without_report_words(question)
    words = [w for name in ("share", "change", "rank", "compare") for w in domain.INTENT_WORDS[name]]
    for word in sorted(words + list(domain.WHICH_PLACE_WORDS), key=len, reverse=True):
        rest = rest.replace(word, "")
    rest = QUESTION_WORDS.sub("", rest)
    return rest if len(rest) >= 2 else ""
