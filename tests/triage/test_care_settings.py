"""Where a result sends a person, when the place matters as much as the time.

Some people need tests a family doctor cannot do the same day (a suspected spine
infection), or their maternity team (an infection in pregnancy). A rule names the
place with ``go_to``; its advice then replaces the level's general advice.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triage import rules
from triage.engine import InvalidAnswers, assess, level_advice, take_home
from triage.vocabulary import CARE_SETTINGS, FINDINGS, LEVEL_ADVICE, LEVELS

SPINE_RISKS = (
    "injects_drugs",
    "recent_spinal_procedure",
    "recent_infection",
    "weakened_immunity",
    "urinary_catheter",
)
NOT_EMERGENCY = ("urgent", "soon", "routine", "self_care")


@pytest.mark.parametrize("risk", SPINE_RISKS)
def test_fever_back_pain_and_a_spine_infection_risk_go_to_a_hospital_today(risk):
    result = assess(45, ["fever", "back_pain", risk])
    assert result.level == "urgent"
    assert result.go_to == "hospital_same_day"
    assert "emergency department today" in result.advice
    assert "MRI" in result.advice


def test_fever_and_back_pain_without_a_risk_get_the_general_same_day_advice():
    result = assess(30, ["fever", "back_pain"])
    assert result.level == "urgent"
    assert result.go_to == ""
    assert result.advice == LEVEL_ADVICE["urgent"]


@pytest.mark.parametrize(
    "findings",
    [
        ["pregnant", "flank_pain"],
        ["pregnant", "painful_urination"],
        ["pregnant", "fever"],
        ["pregnant", "low_temperature"],
    ],
)
def test_pregnancy_with_an_infection_goes_to_maternity_care_today(findings):
    result = assess(29, findings)
    assert result.level == "urgent"
    assert result.go_to == "maternity"
    for warning in ("contractions", "waters break", "bleed", "baby is moving less"):
        assert warning in result.advice


def test_a_pregnant_teenager_still_gets_the_maternity_advice_not_the_child_advice():
    result = assess(15, ["pregnant", "fever"])
    assert result.out_of_scope
    assert result.go_to == "maternity"
    assert "maternity unit" in result.advice


def test_an_emergency_sign_overrides_the_place_with_the_emergency_call():
    result = assess(45, ["fever", "back_pain", "injects_drugs", "confusion"])
    assert result.level == "emergency"
    assert result.go_to == ""
    assert result.advice == LEVEL_ADVICE["emergency"].format(emergency_number="911")


def test_the_place_fills_in_the_clinics_emergency_number():
    result = assess(29, ["pregnant", "fever"], emergency_number="999")
    assert "call 999" in result.advice


def test_the_api_dict_names_the_place_or_null():
    assert assess(45, ["fever", "back_pain", "injects_drugs"]).to_dict()["go_to"] == (
        "hospital_same_day"
    )
    assert assess(30, ["back_pain"]).to_dict()["go_to"] is None


@given(st.frozensets(st.sampled_from(tuple(FINDINGS))), st.integers(0, 120))
def test_a_place_is_only_named_by_a_rule_that_set_the_level(findings, age):
    result = assess(age, findings)
    deciding = [rules.RULES_BY_ID[r] for r in result.matched_rules]
    deciding = [rule for rule in deciding if rule.level == result.level]
    assert result.go_to in ("", *(rule.go_to for rule in deciding))
    if result.go_to:
        assert result.level != "emergency"


def test_every_rule_names_a_known_place_or_none():
    assert {rule.go_to for rule in rules.RULES} <= {"", *CARE_SETTINGS}


def test_a_rule_with_an_unknown_place_fails_validation(monkeypatch):
    bad = rules.Rule(
        id="bad", level="urgent", all_of=("fever",), reason="r", source="s", go_to="spa"
    )
    monkeypatch.setattr(rules, "RULES", (*rules.RULES, bad))
    with pytest.raises(ValueError, match="unknown care setting 'spa'"):
        rules.validate_rules()


def test_level_advice_gives_the_place_advice_and_refuses_an_unknown_place():
    assert "maternity unit" in level_advice("urgent", go_to="maternity")
    with pytest.raises(InvalidAnswers, match="Unknown care setting"):
        level_advice("urgent", go_to="spa")


@pytest.mark.parametrize("level", NOT_EMERGENCY)
def test_a_take_home_keeps_a_known_place_below_an_emergency(level):
    shared = take_home(level, ["pyelonephritis"], go_to="maternity")
    assert shared.go_to == "maternity"
    assert shared.advice == level_advice(level, go_to="maternity")


@pytest.mark.parametrize(("level", "go_to"), [("emergency", "maternity"), ("urgent", "spa")])
def test_a_take_home_drops_a_place_at_an_emergency_or_one_it_does_not_know(level, go_to):
    shared = take_home(level, go_to=go_to)
    assert shared.go_to == ""
    assert shared.advice == level_advice(level)


def test_every_care_setting_has_advice_for_every_level_it_could_be_shown_at():
    for code in CARE_SETTINGS:
        for level in LEVELS:
            assert level_advice(level, go_to=code).strip()
