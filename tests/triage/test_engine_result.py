"""The wording and shape of a result: reasons, advice, safety net, conditions."""

import dataclasses

import pytest

from triage import rules
from triage.engine import Assessment, assess
from triage.rules import RULES_VERSION


def test_unsure_answers_are_counted_and_the_reason_says_so():
    result = assess(40, ["fever", "back_pain"], unsure=["fever"])
    assert result.level == "urgent"
    assert "You were not sure if you have a fever, so we counted it to be safe." in result.reasons


def test_an_unsure_answer_that_did_not_set_the_level_is_not_mentioned():
    result = assess(
        40, ["fever", "back_pain", "unexplained_weight_loss"], unsure=["unexplained_weight_loss"]
    )
    assert result.level == "urgent"
    assert not any("not sure" in reason for reason in result.reasons)


def test_reasons_name_the_answers_that_set_the_level():
    result = assess(58, ["back_pain", "fever", "limb_weakness"])
    assert result.reasons[0] == (
        "Because you said you have new weakness in your legs or arms; you have a fever; "
        "and you have back pain."
    )
    assert any("abscess" in reason for reason in result.reasons)


def test_reasons_do_not_claim_an_answer_that_was_only_implied():
    result = assess(40, ["night_pain"])
    assert result.level == "soon"
    assert result.reasons[0] == "Because you said your back pain wakes you up or lasts all night."


def test_reasons_leave_out_answers_that_did_not_set_the_level():
    result = assess(40, ["confusion", "back_pain"])
    said = "you are newly confused, very sleepy or hard to wake"
    assert result.reasons[0] == f"Because you said {said}."


def test_emergency_advice_uses_the_clinics_number():
    result = assess(40, ["breathless"], emergency_number="999")
    assert result.advice == "Call 999 now or go to the nearest emergency department."
    assert any("999" in line for line in result.safety_net)


def test_plain_back_pain_safety_net_names_the_nerve_warning_signs():
    safety_net = assess(34, ["back_pain"]).safety_net
    assert any("weakness in your legs" in line and "peeing" in line for line in safety_net)
    assert any("fever" in line for line in safety_net)


def test_the_safety_net_ends_with_a_general_line_for_the_level():
    assert assess(40, []).safety_net[-1] == rules.GENERAL_SAFETY_LINE["self_care"]
    assert assess(40, ["confusion"]).safety_net[-1] == (
        "Do not drive yourself. If you get worse while you wait for help, call 911 again."
    )


def test_a_safety_net_for_no_answers_still_names_the_emergency_signs():
    safety_net = assess(40, []).safety_net
    assert any("confused" in line for line in safety_net)


def test_chemotherapy_without_fever_warns_that_a_fever_is_an_emergency():
    result = assess(50, ["recent_chemotherapy"])
    assert result.level == "self_care"
    assert any("chemotherapy" in line for line in result.safety_net)


def test_conditions_from_the_deciding_rules_come_first():
    result = assess(45, ["fever", "back_pain", "confusion"])
    assert result.level == "emergency"
    assert result.conditions[0] == "sepsis"
    assert "spinal-epidural-abscess" in result.conditions


def test_matched_rules_lists_every_matching_rule_in_rule_order():
    result = assess(40, ["back_pain", "fever"])
    assert result.matched_rules == ("abscess-back-pain-fever", "plain-back-pain", "fever-alone")


def test_an_assessment_cannot_be_changed():
    result = assess(40, [])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.level = "emergency"  # type: ignore[misc]


def test_to_dict_gives_the_contract_fields():
    data = assess(58, ["fever", "back_pain", "limb_weakness"]).to_dict()
    assert data["contract"] == 1
    assert data["level"] == "emergency"
    assert data["out_of_scope"] is False
    assert data["conditions"][0] == {
        "slug": "spinal-epidural-abscess",
        "title": "Spinal epidural abscess",
        "url": "/conditions/spinal-epidural-abscess/",
    }
    assert data["advice"] == "Call 911 now or go to the nearest emergency department."
    assert data["rules_version"] == RULES_VERSION
    for key in ("reasons", "safety_net"):
        assert isinstance(data[key], list) and data[key]


def test_to_dict_translates_condition_titles():
    data = assess(40, ["fever", "confusion"]).to_dict(translate=str.upper)
    assert data["conditions"][0]["title"] == "SEPSIS"


def test_to_dict_lists_the_conditions_it_is_given_instead_of_its_own():
    edited = [
        {"slug": "sepsis", "title": "Sepsis (blood poisoning)", "url": "/es/conditions/sepsis/"}
    ]
    data = assess(40, ["fever", "confusion"]).to_dict(translate=str.upper, conditions=edited)
    assert data["conditions"] == edited


def test_translate_hook_is_applied_before_filling_in_the_number():
    result = assess(40, ["confusion"], translate=lambda s: "<" + s + ">")
    assert result.advice == "<Call 911 now or go to the nearest emergency department.>"
    assert result.level_title == "<Emergency: get help now>"


def test_a_broken_translation_falls_back_to_english_instead_of_failing():
    result = assess(40, ["confusion"], translate=lambda s: s.replace("{emergency_number}", "{x}"))
    assert result.advice == "Call 911 now or go to the nearest emergency department."


def test_assess_returns_an_assessment():
    assert isinstance(assess(40, []), Assessment)
