"""Take-home: a result without the answers behind it (the page behind a result's QR code)."""

import dataclasses

import pytest

from triage import rules
from triage.engine import InvalidAnswers, TakeHome, assess, level_advice, take_home
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
def test_take_home_gives_the_level_its_title_and_advice(level):
    shared = take_home(level, ["sepsis"])
    assert shared.level == level
    assert shared.level_title == LEVEL_TITLES[level]
    assert shared.advice == level_advice(level)
    assert shared.safety_net


def test_take_home_keeps_known_pages_in_order_and_drops_unknown_ones_and_repeats():
    shared = take_home("urgent", ["discitis", "no-such-page", "sepsis", "discitis", "", "SEPSIS"])
    assert shared.conditions == ("discitis", "sepsis")


def test_take_home_accepts_no_pages():
    assert take_home("self_care").conditions == ()
    assert take_home("self_care", iter(())).conditions == ()


def test_take_home_safety_net_is_the_one_a_result_without_answers_gets():
    assert take_home("self_care").safety_net == assess(40, []).safety_net
    emergency = assess(40, ["confusion", "fever"])
    assert take_home("emergency", emergency.conditions).safety_net == emergency.safety_net


def test_take_home_safety_net_fits_the_pages_named():
    plain = take_home("soon").safety_net
    spine = take_home("soon", ["discitis"]).safety_net
    assert spine != plain
    assert any("weakness" in line for line in spine)
    assert spine[-1] == plain[-1] == rules.GENERAL_SAFETY_LINE["soon"]


@pytest.mark.parametrize("level", LEVELS)
def test_take_home_safety_net_ends_with_the_general_line_for_the_level(level):
    line = rules.GENERAL_SAFETY_LINE[level].format(emergency_number="999")
    assert take_home(level, emergency_number="999").safety_net[-1] == line


def test_take_home_uses_the_clinics_number_everywhere():
    shared = take_home("emergency", ["sepsis"], emergency_number="999")
    assert "999" in shared.advice
    assert all("911" not in line for line in shared.safety_net)
    assert any("999" in line for line in shared.safety_net)


def test_take_home_translates_the_title_advice_and_safety_net():
    shared = take_home("urgent", ["sepsis"], translate=lambda s: "<" + s + ">")
    assert shared.level_title == "<" + LEVEL_TITLES["urgent"] + ">"
    assert shared.advice.startswith("<") and shared.advice.endswith(">")
    assert all(line.startswith("<") and line.endswith(">") for line in shared.safety_net)
    assert shared.conditions == ("sepsis",)  # slugs are not text to translate


def test_take_home_refuses_an_unknown_level():
    with pytest.raises(InvalidAnswers):
        take_home("critical", ["sepsis"])


def test_a_take_home_carries_nothing_a_person_answered():
    fields = {field.name for field in dataclasses.fields(TakeHome)}
    # go_to names a kind of place (a hospital, the maternity unit), not an answer.
    assert fields == {"level", "level_title", "advice", "conditions", "safety_net", "go_to"}


def test_a_take_home_cannot_be_changed():
    shared = take_home("soon", ["discitis"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        shared.level = "self_care"  # type: ignore[misc]
