"""Who published a report, for which year, and what kind it is, read from its content."""
from __future__ import annotations

import re
from collections import Counter

from rag import domain, places
from rag.models import ReportIdentity, SourceLine
from rag.parse.text import compact

TITLE_LINES = 10  # the cover: a branch named there (…新会分局) is the issuing unit
HEAD_LINES = 120  # titles, 目录 and the first headings sit in the first lines
_KNOWN_UNIT = re.compile(
    rf"(?:{domain.PROVINCE})?(?:{'|'.join(domain.CITIES)})[市县区]?{domain.UNIT_SUFFIX}{domain.BRANCH_PATTERN}")
# an unknown city: its name must start after a non-Chinese character or after the province
_START = rf"(?:(?<=[^\u4e00-\u9fff])|^|{domain.PROVINCE})"
_OTHER_UNIT = re.compile(rf"{_START}[\u4e00-\u9fff]{{2,4}}?[市县区]{domain.UNIT_SUFFIX}{domain.BRANCH_PATTERN}")
# a unit of another kind, its place checked against the gazetteer
_ANY_UNIT = re.compile(rf"{_START}(?:[\u4e00-\u9fff]{{2,4}}?[省市县区])+[\u4e00-\u9fff]{{2,8}}?"
                       rf"(?:{'|'.join(domain.OTHER_UNIT_ENDINGS)}){domain.BRANCH_PATTERN}(?=[^\u4e00-\u9fff]|部门|概况|$)")
_YEAR_KIND = re.compile(r"(20\d\d)年度?[\u4e00-\u9fff（）()]{0,24}?部门(预算|决算|整体支出绩效自评)")
_MONEY_UNIT = re.compile(r"单位[：:]\s*(万元|亿元|元)")


def detect_identity(lines: list[SourceLine]) -> ReportIdentity:
    title = compact("".join(line.text for line in lines[:TITLE_LINES]))
    head = compact("".join(line.text for line in lines[:HEAD_LINES]))
    whole = compact("".join(line.text for line in lines))
    unit = _detect_unit(title) or _detect_unit(head) or _detect_unit(whole)
    year, kind = _detect_year_and_kind(head, whole)
    money = _MONEY_UNIT.search(whole)
    province, prefecture, county = places.locate(unit) if unit else (None, None, None)
    return ReportIdentity(
        unit=unit,
        city=city_of(unit, county or prefecture) if unit else None,
        year=year,
        kind=kind,
        money_unit=money.group(1) if money else ("万元" if "万元" in whole else None),
        province=province, prefecture=prefecture, county=county,
    )


def _detect_unit(text: str) -> str | None:
    counts = Counter(m.group(0) for m in _KNOWN_UNIT.finditer(text))
    without_years = re.sub(r"\d{4}年度?", " ", text)
    counts = counts or Counter(m.group(0) for m in _OTHER_UNIT.finditer(without_years))
    counts = counts or Counter(m.group(0) for m in _ANY_UNIT.finditer(without_years)
                               if any(places.locate(m.group(0))))
    if not counts:
        return None
    # A province-qualified name (广东省吴川市医疗保障局) is the same unit as its short form.
    best, _ = counts.most_common(1)[0]
    for name in counts:
        if name.startswith(domain.PROVINCE) and name.endswith(best):
            return name
    return best


def city_of(unit: str, division: str | None = None) -> str | None:
    """The short place name questions use: a known city in the unit's name, else the short name
    of its county or city in the gazetteer (新会区 -> 新会), else the words before the unit."""
    for city in domain.CITIES:
        if city in unit:
            return city
    if division:
        return places.short_name(division)
    name = unit.removeprefix(domain.PROVINCE).removesuffix(domain.UNIT_SUFFIX)
    return re.sub(r"[市县区]$", "", name) or None


def _detect_year_and_kind(head: str, whole: str) -> tuple[int | None, str | None]:
    kind = None
    for candidate, markers in domain.REPORT_KINDS.items():
        if any(marker in head for marker in markers):
            kind = candidate
            break
    match = _YEAR_KIND.search(head) or _YEAR_KIND.search(whole)
    year = int(match.group(1)) if match else None
    if kind is None and match:
        kind = {"预算": "部门预算", "决算": "部门决算"}.get(match.group(2), "部门整体支出绩效自评报告")
    return year, kind
