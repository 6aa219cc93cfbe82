"""Reports of districts, counties and other departments, ingested and asked about like cities.

Synthetic reports come from ../shared/tools/synth_corpus.py (real reports with their place, years
and amounts changed; it writes the true answers to answers.jsonl); a report of another department
is a corpus report with its unit renamed (医疗保障局 -> 卫生健康委员会)."""
from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal

import pytest

from conftest import CORPUS, ROOT
from rag.answer import AnswerEngine
from rag.domain import PASSAGE_TOPICS
from rag.index import write_chunks
from rag.ingest import ingest
from rag.places import known_places, place_of
from rag.settings import load_settings
from rag.store import TableStore

SYNTH_TOOL = ROOT.parent / "shared" / "tools" / "synth_corpus.py"
SYNTHETIC = 16  # with seed 0: districts, counties, county-level and prefecture-level cities
GUANGZHOU = "004_7bda8749b22d307a.txt"  # 广州市医疗保障局 2023年部门预算


@pytest.fixture(scope="module")
def held(tmp_path_factory):
    if not SYNTH_TOOL.is_file():
        pytest.skip(f"{SYNTH_TOOL} is not on this machine")
    reports = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(SYNTH_TOOL), str(reports), str(SYNTHETIC), "--corpus", str(CORPUS)],
                   check=True, capture_output=True, cwd=ROOT)
    answers = [json.loads(line) for line in (reports / "answers.jsonl").read_text(encoding="utf-8").splitlines()]
    (reports / "answers.jsonl").unlink()
    other = tmp_path_factory.mktemp("other-department") / "gz_health.txt"
    other.write_text((CORPUS / GUANGZHOU).read_text(encoding="utf-8").replace("医疗保障局", "卫生健康委员会"),
                     encoding="utf-8")
    settings = load_settings().with_overrides(index_dir=tmp_path_factory.mktemp("index"))
    ingest([CORPUS, reports, other], settings, build_steps=[write_chunks], progress=False)
    return AnswerEngine(settings, dense=False), answers


def test_the_synthetic_set_has_districts_and_counties(held):
    engine, answers = held
    places = {a["place"] for a in answers}
    assert {p for p in places if p.endswith("区")} and {p for p in places if p.endswith("县")}
    counties = {d.county for d in engine.documents if d.name.startswith("syn")}
    assert {a["place"] for a in answers if place_of(a["place"])[2]} <= counties  # read as counties of their city


def test_district_and_county_reports_answer_figures_like_cities(held):
    engine, answers = held
    figures = [a for a in answers if a["type"] == "figure"]
    assert len(figures) >= 2 * SYNTHETIC - 4
    for case in figures:
        answer = engine.ask(case["question"])
        assert answer.found, case["question"]
        first = answer.figures[0]
        assert (first.doc, first.value) == (case["doc"], Decimal(case["expected"])), case["question"]
        assert {f.doc for f in answer.figures} == {case["doc"]}, case["question"]  # that place's report only


def test_district_and_county_reports_answer_passages(held):
    engine, answers = held
    for case in (a for a in answers if a["type"] == "passage"):
        answer = engine.ask(case["question"])
        assert answer.found and answer.sources[0].doc == case["doc"], case["question"]
        assert any(w in answer.sources[0].section for w in PASSAGE_TOPICS["职责"]), case["question"]


def test_a_city_named_alone_gets_its_own_unit_and_hears_of_its_districts(held):
    engine, answers = held
    jiangmen = sorted({a["place"] for a in answers if place_of(a["place"])[1] == "江门市" and place_of(a["place"])[2]})
    assert jiangmen  # 台山市, 鹤山市 with seed 0
    answer = engine.ask("江门医保局2024年三公经费多少")
    assert answer.found and {f.doc for f in answer.figures} == {"000_30a6781b9aebb9ed.txt"}
    assert answer.figures[0].value == Decimal("17.56")
    assert answer.answer.startswith("（江门市下辖的") and all(p in answer.answer.split("\n")[0] for p in jiangmen)


def test_a_report_of_another_department_is_recognised_and_answerable(held):
    engine, _ = held
    health = next(d for d in engine.documents if d.name == "gz_health.txt")
    assert (health.unit, health.city, health.province, health.prefecture, health.county) == (
        "广州市卫生健康委员会", "广州", "广东省", "广州市", None)
    assert health.title == "广州市卫生健康委员会2023年部门预算"
    answer = engine.ask("广州卫健委2023年公务接待费多少")
    assert answer.found and [(f.doc, f.value) for f in answer.figures] == [("gz_health.txt", Decimal("4.42"))]
    answer = engine.ask("广州市卫生健康委员会2023年三公经费多少")
    assert [(f.doc, f.value) for f in answer.figures] == [("gz_health.txt", Decimal("85.72"))]
    answer = engine.ask("广州医保局2023年三公经费多少")  # the unit named picks its report
    assert [(f.doc, f.value) for f in answer.figures] == [(GUANGZHOU, Decimal("85.72"))]
    answer = engine.ask("广州市卫生健康委员会2023年的主要职责是什么")
    assert answer.found and answer.sources[0].doc == "gz_health.txt"
    both = engine.ask("广州2023年三公经费多少")  # no unit named: each report of the place, labelled
    assert {f.doc for f in both.figures} == {"gz_health.txt", GUANGZHOU}


def test_places_and_units_no_report_is_of_are_refused_naming_them(held):
    engine, answers = held
    held_places = {a["place"] for a in answers}
    unheld = next(p for p in ("南山区", "福田区", "天河区") if p not in held_places)
    assert unheld in known_places()
    for question, named in ((f"{unheld}医保局2024年三公经费多少", unheld), ("湖南省医保局2024年三公经费多少", "湖南省"),
                            ("广州市财政局2023年三公经费多少", "广州市财政局")):
        answer = engine.ask(question)
        assert not answer.found and not answer.figures, question
        assert f"没有{place_of(named)[1] if named == unheld else ''}{named}" in answer.answer, question
        assert "目前收录的报告：" in answer.answer


def test_the_store_holds_each_reports_division(held):
    engine, answers = held
    store = TableStore(engine.index_dir / "store.sqlite")
    by_name = {d.name: d for d in store.documents()}
    for case in answers:
        assert (by_name[case["doc"]].prefecture, by_name[case["doc"]].year) == (
            place_of(case["place"])[1], case["year"]), case["doc"]


def test_a_refusal_counts_what_is_held_when_much_is_held(held):
    engine, _ = held
    answer = engine.ask("深圳医保局2024年三公经费多少")
    assert not answer.found
    held_part = answer.answer.split("目前收录的报告：", 1)[1]
    assert held_part.startswith(f"共 {len(engine.documents)} 份报告：")
    assert len(held_part) < 400  # counts by place, year and kind, not every title
    asked_year = engine.ask("深圳医保局2023年三公经费多少").answer
    assert "与所问最接近的：" in asked_year and "2023年" in asked_year.split("与所问最接近的：")[1]
