"""Hand-off: a result without the answers behind it (the take-home summary)."""

import dataclasses

import pytest

from triage import rules
from triage.engine import Handoff, InvalidAnswers, assess, handoff, level_advice
from triage.vocabulary import (
    LEVEL_TITLES,
    LEVELS,
)


@pytest.mark.parametrize("level", LEVELS)
def test_level_advice_is_the_advice_an_adult_gets_at_that_level(level):
    findings = {
        "emergency": ["confusion"],
        "urgent": ["fever", "back_pain"],
        "soon": ["night_pain"],
        "routine": ["pain_over_six_weeks"],
        "self_care": [],
    }[level]
    result = assess(40, findings, emergency_number="999")
    assert result.level == level
    assert level_advice(level, emergency_number="999") == result.advice


def test_level_advice_fills_in_the_clinics_number():
    assert level_advice("emergency") == "Call 911 now or go to the nearest emergency department."
    assert level_advice("emergency", emergency_number="112").startswith("Call 112 now")


def test_level_advice_translates_before_filling_in_the_number():
    advice = level_advice("emergency", emergency_number="999", translate=lambda s: "<" + s + ">")
    assert advice == "<Call 999 now or go to the nearest emergency department.>"


@pytest.mark.parametrize("level", ["", "EMERGENCY", "critical", "self care", None])
def test_level_advice_refuses_an_unknown_level(level):
    with pytest.raises(InvalidAnswers, match="Unknown level"):
        level_advice(level)


@pytest.mark.parametrize("level", LEVELS)
def test_handoff_gives_the_level_its_title_and_advice(level):
    shared = handoff(level, ["sepsis"])
    assert shared.level == level
    assert shared.level_title == LEVEL_TITLES[level]
    assert shared.advice == level_advice(level)
    assert shared.safety_net


def test_handoff_keeps_known_pages_in_order_and_drops_unknown_ones_and_repeats():
    shared = handoff("urgent", ["discitis", "no-such-page", "sepsis", "discitis", "", "SEPSIS"])
    assert shared.conditions == ("discitis", "sepsis")


def test_handoff_accepts_no_pages():
    assert handoff("self_care").conditions == ()
    assert handoff("self_care", iter(())).conditions == ()


def test_handoff_safety_net_is_the_one_a_result_without_answers_gets():
    assert handoff("self_care").safety_net == assess(40, []).safety_net
    emergency = assess(40, ["confusion", "fever"])
    assert handoff("emergency", emergency.conditions).safety_net == emergency.safety_net


def test_handoff_safety_net_fits_the_pages_named():
    plain = handoff("soon").safety_net
    spine = handoff("soon", ["discitis"]).safety_net
    assert spine != plain
    assert any("weakness" in line for line in spine)
    assert spine[-1] == plain[-1] == rules.GENERAL_SAFETY_LINE["soon"]


@pytest.mark.parametrize("level", LEVELS)
def test_handoff_safety_net_ends_with_the_general_line_for_the_level(level):
    line = rules.GENERAL_SAFETY_LINE[level].format(emergency_number="999")
    assert handoff(level, emergency_number="999").safety_net[-1] == line


def test_handoff_uses_the_clinics_number_everywhere():
    shared = handoff("emergency", ["sepsis"], emergency_number="999")
    assert "999" in shared.advice
    assert all("911" not in line for line in shared.safety_net)
    assert any("999" in line for line in shared.safety_net)


def test_handoff_translates_the_title_advice_and_safety_net():
    shared = handoff("urgent", ["sepsis"], translate=lambda s: "<" + s + ">")
    assert shared.level_title == "<" + LEVEL_TITLES["urgent"] + ">"
    assert shared.advice.startswith("<") and shared.advice.endswith(">")
    assert all(line.startswith("<") and line.endswith(">") for line in shared.safety_net)
    assert shared.conditions == ("sepsis",)  # slugs are not text to translate


def test_handoff_refuses_an_unknown_level():
    with pytest.raises(InvalidAnswers):
        handoff("critical", ["sepsis"])


def test_a_handoff_carries_nothing_a_person_answered():
    fields = {field.name for field in dataclasses.fields(Handoff)}
    # go_to names a kind of place (a hospital, the maternity unit), not an answer.
    assert fields == {"level", "level_title", "advice", "conditions", "safety_net", "go_to"}


def test_a_handoff_cannot_be_changed():
    shared = handoff("soon", ["discitis"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.level = "self_care"  # type: ignore[misc]
