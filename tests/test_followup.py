"""Follow-ups: a new question takes from the previous one only what it lacks."""
from __future__ import annotations

from rag.followup import carried_labels, carry_over
from rag.question import understand


def follow(previous_text: str, text: str):
    question = understand(text)
    return question, carry_over(question, understand(previous_text))


def test_a_complete_question_takes_nothing_from_a_refused_one():
    question, carried = follow("深圳医保局2024年预算多少", "吴川医保局2024年公务接待费占三公经费的比例")
    assert carried == set()
    assert question.cities == ["吴川"] and question.years == [2024] and question.kinds == []
    assert question.subjects == ["公务接待费", "三公经费"] and question.intent == "share"


def test_a_passage_question_naming_its_place_keeps_no_previous_subject():
    question, carried = follow("江门医保局2024年机关运行经费多少", "广州医保局有哪些内设处室")
    assert carried == set() and question.subjects == [] and question.cities == ["广州"] and question.years == []


def test_a_ranking_across_cities_takes_no_place_year_or_kind():
    question, carried = follow("江门医保局2024年部门预算三公经费多少", "哪个城市三公经费最多")
    assert carried == set() and question.cities == [] and question.years == [] and question.kinds == []
    question, carried = follow("江门医保局2024年三公经费多少", "哪个城市最多")
    assert carried == {"subjects"} and question.subjects == ["三公经费"] and question.cities == []


def test_elliptical_follow_ups_take_what_they_lack():
    question, carried = follow("江门医保局2024年三公经费多少", "那吴川呢")
    assert carried == {"subjects", "years"} and question.cities == ["吴川"] and question.years == [2024]
    assert question.subjects == ["三公经费"]
    question, carried = follow("江门医保局2024年三公经费多少", "那2023年呢")
    assert question.cities == ["江门"] and question.years == [2023] and carried == {"subjects", "cities"}
    question, carried = follow("江门医保局2024年三公经费多少", "公务接待费呢")
    assert question.subjects == ["公务接待费"] and question.cities == ["江门"] and question.years == [2024]


def test_comparing_with_another_place_keeps_the_previous_place_first():
    question, carried = follow("吴川医保局2024年三公经费多少", "和广州比呢")
    assert question.cities == ["吴川", "广州"] and question.intent == "compare" and question.years == []
    assert carried == {"subjects", "cities"}


def test_two_topics_joined_by_and_are_no_comparison_with_the_previous_place():
    question, carried = follow("吴川医保局2024年三公经费多少", "江门医保局的职责和机构设置")
    assert question.cities == ["江门"] and carried == set()


def test_a_share_follow_up_takes_the_previous_item_as_its_part():
    question, carried = follow("吴川医保局2024年公务接待费多少", "占三公经费多少")
    assert question.intent == "share" and question.share_part == "公务接待费"
    assert question.cities == ["吴川"] and question.years == [2024]


def test_definitions_stand_alone():
    question, carried = follow("吴川医保局2024年公务接待费多少", "什么是三公经费")
    assert carried == set() and question.cities == []


def test_what_was_carried_is_named_in_words():
    asked = understand("那2023年呢")
    answered = understand("那2023年呢")
    carry_over(answered, understand("吴川医保局2024年三公经费多少"))
    assert carried_labels(asked, answered) == ["吴川", "三公经费"]


def test_a_follow_up_in_traditional_characters_is_read_as_one():
    question, carried = follow("江门医保局2024年三公经费多少", "和廣州比呢")
    assert carried == {"subjects", "cities"} and question.cities == ["江门", "广州"]
    question, carried = follow("江门医保局2024年三公经费多少", "哪個城市最多")
    assert carried == {"subjects"} and question.subjects == ["三公经费"]
