from __future__ import annotations

import pytest

from rag.models import SourceLine
from rag.parse.identity import detect_identity
from rag.places import known_places, locate, place_of


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
