from __future__ import annotations

from dataclasses import dataclass

import pytest

from rag.models import SourceLine
from rag.parse.identity import detect_identity
from rag.places import Holdings, department, division, gazetteer, known_places, locate, named, place_of, scope


@pytest.mark.parametrize("unit, division", [
    ("广东省吴川市医疗保障局", ("广东省", "湛江市", "吴川市")),
    ("江门市医疗保障局新会分局", ("广东省", "江门市", "新会区")),
    ("广州市卫生健康委员会", ("广东省", "广州市", None)),
    ("佛山市南海区医疗保障局", ("广东省", "佛山市", "南海区")),
    ("北京市朝阳区卫生健康委员会", ("北京市", "北京市", "朝阳区")),
    ("某某市医疗保障局", (None, None, None)),
])
def test_units_are_placed_by_the_gazetteer(unit, division):
    assert locate(unit) == division


def test_place_names_full_short_and_shared():
    assert {"江门市", "江门", "新会区", "新会", "台山", "南海区", "广东省"} <= known_places()
    assert place_of("新会") == ("广东省", "江门市", "新会区")
    assert place_of("台山市") == ("广东省", "江门市", "台山市")
    assert place_of("鼓楼区") is None  # several cities have one, none of them in 广东省
    assert place_of("鼓楼区", within="南京市") == ("江苏省", "南京市", "鼓楼区")
    assert place_of("南山") == ("广东省", "深圳市", "南山区")  # shared, settled by the province
    assert place_of("火星市") is None


@pytest.mark.parametrize("title, unit, city, county", [
    ("2024年江门市医疗保障局新会分局部门预算", "江门市医疗保障局新会分局", "江门", "新会区"),
    ("广州市卫生健康委员会2023年部门预算", "广州市卫生健康委员会", "广州", None),
    ("台山市财政局2024年部门决算", "台山市财政局", "台山", "台山市"),
    ("北京市朝阳区卫生健康委员会2023年部门预算", "北京市朝阳区卫生健康委员会", "朝阳", "朝阳区"),
])
def test_issuing_units_of_any_kind_and_place(title, unit, city, county):
    identity = detect_identity([SourceLine(1, title)])
    assert (identity.unit, identity.city, identity.county) == (unit, city, county)
    assert identity.complete


def test_a_city_report_naming_its_branches_is_the_city_unit(corpus_reports):
    jiangmen = corpus_reports["江门市医疗保障局2024年部门预算"].identity
    assert (jiangmen.unit, jiangmen.province, jiangmen.prefecture, jiangmen.county) == (
        "江门市医疗保障局", "广东省", "江门市", None)  # its text lists 江门市医疗保障局新会分局 ...
    wuchuan = corpus_reports["广东省吴川市医疗保障局2024年部门预算"].identity
    assert (wuchuan.city, wuchuan.prefecture, wuchuan.county) == ("吴川", "湛江市", "吴川市")


# ---------------------------------------------------------------- the places and units a question names
def _held(*titles):
    """Reports held, as their identity reads them from a title line."""
    return [_Report(title, identity.unit, identity.city, identity.province, identity.prefecture, identity.county)
            for title in titles for identity in [detect_identity([SourceLine(1, title)])]]


@dataclass(frozen=True)
class _Report:
    title: str
    unit: str | None
    city: str | None
    province: str | None
    prefecture: str | None
    county: str | None


HELD = _held("江门市医疗保障局2024年部门预算", "江门市医疗保障局新会分局2024年部门预算", "台山市医疗保障局2019年部门预算",
             "广州市卫生健康委员会2023年部门预算", "广东省吴川市医疗保障局2024年部门预算")


@pytest.mark.parametrize("text, places, units", [
    ("新会2024年三公经费多少", ["新会"], []),
    ("江门市医疗保障局新会分局2024年三公经费", ["新会"], ["医疗保障局"]),  # the city is said by its branch
    ("广东江门医疗保障局三公经费", ["江门"], ["医疗保障局"]),
    ("江门和新会的三公经费比较", ["江门", "新会"], []),
    ("台山市2019年公务接待费", ["台山"], []),
    ("广州卫生健康委员会2023年三公经费", ["广州"], ["卫生健康委员会"]),
    ("广州市财政局2023年三公经费", ["广州"], ["财政局"]),  # a unit no report is of, still read
    ("湖南省医疗保障局三公经费", ["湖南"], ["医疗保障局"]),
    ("深圳2024年三公经费", ["深圳"], []),
    ("南山区医疗保障局三公经费", ["南山"], ["医疗保障局"]),
    ("光明2024年的发展", [], []),  # a place name that is an everyday word, without a unit
    ("光明医疗保障局三公经费", ["光明"], ["医疗保障局"]),
    ("人力资源和社会保障支出", [], []),
    ("廉江医保服务大厅有多大面积", ["廉江"], []),
    ("哪个医疗保障局公务接待费最少", [], ["医疗保障局"]),
    ("广州市医保局房屋面积", ["广州"], ["医疗保障局"]),  # a short name read late (from pinyin) is the unit
    ("湛江下达的参保任务，吴川完成了多少", ["吴川"], []),  # 湛江 (no report of its own) only says where 吴川 is
    ("江门下达的参保任务，新会完成了多少", ["江门", "新会"], []),  # 江门's own report is held: both are asked
    ("吴川归湛江管，那湛江市医保局的三公经费呢", ["吴川", "湛江"], ["医疗保障局"]),  # 湛江's unit is asked
])
def test_a_question_names_places_of_the_gazetteer_and_units(text, places, units):
    read = named(text, HELD)
    assert (read.places, read.units) == (places, units)


def test_a_place_inside_a_row_name_is_that_row_unless_its_reports_are_held():
    text = "江门2024年蓬江分局的基本支出"
    row = (text.index("蓬江分局"), text.index("蓬江分局") + 4)
    assert named(text, HELD, rows=[row]).places == ["江门"]
    assert named(text, HELD).places == ["江门", "蓬江"]
    assert named("江门2024年新会分局的基本支出", HELD, rows=[(7, 11)]).places == ["江门", "新会"]  # 新会's report is held
    text = "吴川2024年其中卫生健康支出多少"  # 中卫 (宁夏) runs into the row 卫生健康支出
    row = (text.index("卫生"), text.index("卫生") + 6)
    assert named(text, HELD, rows=[row]).places == ["吴川"] and named(text, HELD).places == ["吴川", "中卫"]


def test_the_reports_of_a_district_a_city_and_a_unit():
    titles = lambda found: [d.title for d in found.documents]  # noqa: E731
    assert titles(scope(["新会"], [], HELD)) == ["江门市医疗保障局新会分局2024年部门预算"]
    city = scope(["江门"], ["医疗保障局"], HELD)
    assert titles(city) == ["江门市医疗保障局2024年部门预算"] and not city.missing
    assert city.note() == "（江门市下辖的新会区、台山市另有报告，问题中写明即可查询。）"
    assert scope(["江门", "新会"], [], HELD).below == {"江门市": ["台山市"]}  # what is named is not noted
    assert titles(scope(["广州"], ["卫生健康委员会"], HELD)) == ["广州市卫生健康委员会2023年部门预算"]
    assert titles(scope([], ["卫生健康委员会"], HELD)) == ["广州市卫生健康委员会2023年部门预算"]


def test_a_place_inside_a_place_named_with_reports_is_a_part_of_its_unit():
    text = "广州医保中心增城、荔湾分中心的执法车用了多少年了"
    assert named(text, HELD).places == ["广州", "增城", "荔湾"]
    found = scope(["广州", "增城", "荔湾"], [], HELD)
    assert [d.title for d in found.documents] == ["广州市卫生健康委员会2023年部门预算"] and not found.missing
    assert scope(["增城"], [], HELD).missing == ["广州市增城区"]  # alone, it is a place no report covers


@pytest.mark.parametrize("names, units, missing, said", [
    (["湖南"], [], ["湖南省"], "这些报告中没有湖南省的报告。"),
    (["南山"], ["医疗保障局"], ["深圳市南山区医疗保障局"], "没有深圳市南山区医疗保障局的报告"),
    (["广州"], ["医疗保障局"], ["广州市医疗保障局"], "没有广州市医疗保障局的报告"),
    (["广州"], ["财政局"], ["广州市财政局"], "没有广州市财政局的报告"),
    (["湛江"], [], ["湛江市"], "没有湛江市的报告。（湛江市下辖的吴川市另有报告"),
])
def test_places_and_units_no_report_is_of_are_refused_by_name(names, units, missing, said):
    found = scope(names, units, HELD)
    assert (found.documents, found.missing) == ([], missing) and said in found.refusal()


READ: list[str] = []  # the titles of the reports whose fields were read


@dataclass(frozen=True)
class _Watched(_Report):
    """A report held that notes each time a question reads it."""

    def __getattribute__(self, name):
        if not name.startswith("__"):
            READ.append(object.__getattribute__(self, "title"))
        return object.__getattribute__(self, name)


def _watched_county_units(count: int) -> list[_Watched]:
    counties = [p for p in gazetteer().values() if p.level == 3 and p.code.startswith("44")][:count]
    return [_Watched(f"{p.name}医疗保障局2024年部门预算", f"{p.name}医疗保障局", p.short, *division(p)) for p in counties]


def test_a_question_reads_only_the_reports_of_the_places_it_names():
    """The reports held are looked up by place and unit (Holdings, computed once), not read one by
    one for each question: at a thousand reports every question read all of them (issue 11)."""
    held = Holdings(_watched_county_units(100))
    xinhui = next(d for d in held if d.county == "新会区")
    text = "新会医保局2024年三公经费多少"
    first = scope(named(text, held).places, ["医疗保障局"], held)  # the lookups are made here, once
    READ.clear()
    read = named(text, held)
    found = scope(read.places, read.units, held)
    assert (read.places, read.units, found.documents, found.missing) == (["新会"], ["医疗保障局"], [xinhui], [])
    assert found.documents == first.documents and set(READ) <= {xinhui.title}
    assert scope(["新会"], [], list(held)).documents == [xinhui]  # a plain list of reports: looked up afresh


def test_a_unit_is_known_by_its_kind():
    assert [department(u) for u in ("江门市医疗保障局新会分局", "广州市卫生健康委员会", "广州市公安局", "某某市医疗保障局")] == [
        "医疗保障局", "卫生健康委员会", "公安局", "医疗保障局"]
    assert locate("广州市公安局") == ("广东省", "广州市", None)  # not 公安县 of 湖北
