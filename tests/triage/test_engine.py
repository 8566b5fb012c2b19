"""The triage engine's behaviour and its safety invariants."""

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from triage import rules
from triage.engine import Assessment, Handoff, InvalidAnswers, assess, handoff, level_advice
from triage.rules import RULES, RULES_VERSION
from triage.vocabulary import (
    BACKGROUND_FINDINGS,
    CONDITIONS,
    EMERGENCY_FINDINGS,
    FINDINGS,
    LEVEL_TITLES,
    LEVELS,
    rank,
)

CODES = tuple(FINDINGS)
NON_EMERGENCY_CODES = tuple(c for c in CODES if c not in EMERGENCY_FINDINGS)

ages = st.integers(min_value=0, max_value=120)
adult_ages = st.integers(min_value=16, max_value=120)
child_ages = st.integers(min_value=0, max_value=15)
finding_sets = st.frozensets(st.sampled_from(CODES))


def level_of(age, findings):
    return assess(age, findings).level


# --- Safety invariants ----------------------------------------------------------------


@pytest.mark.parametrize("finding", EMERGENCY_FINDINGS)
def test_any_single_emergency_finding_gives_emergency(finding):
    assert level_of(40, [finding]) == "emergency"


@settings(max_examples=300)
@given(st.sampled_from(EMERGENCY_FINDINGS), finding_sets, ages)
def test_an_emergency_finding_gives_emergency_whatever_else_is_said(emergency, extras, age):
    assert level_of(age, extras | {emergency}) == "emergency"


@settings(max_examples=500)
@given(finding_sets, st.sampled_from(CODES), ages)
def test_adding_a_finding_never_lowers_the_level(findings, extra, age):
    before = level_of(age, findings)
    after = level_of(age, findings | {extra})
    assert rank(after) >= rank(before)


@settings(max_examples=300)
@given(finding_sets, st.sampled_from(BACKGROUND_FINDINGS), ages)
def test_background_risks_never_lower_the_level(findings, risk, age):
    assert rank(level_of(age, findings | {risk})) >= rank(level_of(age, findings))


@pytest.mark.parametrize(
    ("risk", "base", "raised_to"),
    [
        ("injects_drugs", ["fever"], "urgent"),
        ("recent_spinal_procedure", ["fever"], "urgent"),
        ("recent_infection", ["fever"], "urgent"),
        ("weakened_immunity", ["fever"], "urgent"),
        ("urinary_catheter", ["fever"], "urgent"),
        ("pregnant", ["fever"], "urgent"),
        ("recent_chemotherapy", ["fever"], "emergency"),
        ("history_of_cancer", ["back_pain"], "urgent"),
        ("unexplained_weight_loss", ["back_pain"], "soon"),
    ],
)
def test_each_background_risk_raises_the_level_of_a_matching_symptom(risk, base, raised_to):
    assert level_of(40, base) == "self_care"
    assert level_of(40, [*base, risk]) == raised_to


@pytest.mark.parametrize("risk", BACKGROUND_FINDINGS)
def test_a_background_risk_on_its_own_is_never_urgent(risk):
    assert rank(level_of(40, [risk])) <= rank("routine")


@settings(max_examples=200)
@given(finding_sets, child_ages)
def test_under_16s_are_out_of_scope_and_never_below_urgent(findings, age):
    result = assess(age, findings)
    assert result.out_of_scope is True
    assert rank(result.level) >= rank("urgent")


@settings(max_examples=200)
@given(st.sampled_from(EMERGENCY_FINDINGS), finding_sets, child_ages)
def test_under_16s_with_an_emergency_finding_still_get_emergency(emergency, extras, age):
    assert level_of(age, extras | {emergency}) == "emergency"


@settings(max_examples=100)
@given(finding_sets, adult_ages)
def test_16_and_over_is_in_scope(findings, age):
    assert assess(age, findings).out_of_scope is False


def test_a_child_with_nothing_wrong_is_told_to_see_a_doctor_today():
    result = assess(10, [])
    assert result.level == "urgent"
    assert "under 16" in result.advice
    assert "today" in result.advice
    assert any("under 16" in reason for reason in result.reasons)


def test_a_child_emergency_keeps_the_emergency_advice_and_the_under_16_reason():
    result = assess(12, ["confusion"], emergency_number="112")
    assert result.level == "emergency"
    assert result.advice == "Call 112 now or go to the nearest emergency department."
    assert any("under 16" in reason for reason in result.reasons)


def test_age_16_is_an_adult_and_15_is_not():
    assert assess(16, ["back_pain"]).level == "self_care"
    assert assess(15, ["back_pain"]).level == "urgent"


def test_plain_back_pain_alone_is_self_care():
    result = assess(34, ["back_pain"])
    assert result.level == "self_care"
    assert result.conditions == ()


@pytest.mark.parametrize("finding", ["fever", "vomiting"])
def test_a_single_common_symptom_alone_is_self_care(finding):
    assert level_of(30, [finding]) == "self_care"


def test_no_answers_at_all_is_self_care_with_a_reason():
    result = assess(40, [])
    assert result.level == "self_care"
    assert result.conditions == ()
    assert result.reasons == ("You did not mention any warning signs.",)


@pytest.mark.parametrize(
    ("level", "findings"),
    [
        ("emergency", ["confusion"]),
        ("urgent", ["back_pain", "fever"]),
        ("soon", ["painful_urination"]),
        ("routine", ["pain_over_six_weeks"]),
        ("self_care", ["back_pain"]),
    ],
)
def test_each_level_is_reachable(level, findings):
    assert level_of(40, findings) == level


@settings(max_examples=300)
@given(finding_sets, ages)
def test_every_result_has_reasons_advice_and_a_safety_net(findings, age):
    result = assess(age, findings)
    assert result.level in LEVELS
    assert result.reasons and all(r.strip() for r in result.reasons)
    assert result.advice.strip()
    assert result.safety_net and all(line.strip() for line in result.safety_net)


@settings(max_examples=200)
@given(finding_sets, ages)
def test_no_placeholder_is_left_unfilled(findings, age):
    result = assess(age, findings, emergency_number="000")
    for text in (*result.reasons, result.advice, *result.safety_net):
        assert "{" not in text and "}" not in text


@settings(max_examples=200)
@given(finding_sets, ages)
def test_conditions_are_known_and_listed_once(findings, age):
    conditions = assess(age, findings).conditions
    assert set(conditions) <= set(CONDITIONS)
    assert len(conditions) == len(set(conditions))


def _shown_lines(result):
    return [
        line
        for line in rules.SAFETY_LINES
        if line.text.format(emergency_number="911") in result.safety_net
    ]


@settings(max_examples=300)
@given(finding_sets, ages)
def test_the_safety_net_only_promises_what_the_rules_deliver(findings, age):
    # "Call now if you get X" must be true: adding X really gives that level.
    for line in _shown_lines(assess(age, findings)):
        for level, extra in line.promises:
            assert rank(level_of(age, findings | set(extra))) >= rank(level), line.id


SAFETY_LINE_EXAMPLES = {
    "chemotherapy-fever": ["recent_chemotherapy"],
    "nerve-signs": ["back_pain"],
    "back-pain-fever": ["back_pain"],
    "meningitis-signs": ["fever"],
    "kidney-spread": ["painful_urination"],
    "kidney-signs": ["flank_pain"],
    "fever-fluids": ["fever", "back_pain"],
    "fluids-fever": ["cannot_keep_fluids"],
    "fluids": ["vomiting"],
    "risk-fever": ["pregnant"],
    "sepsis-signs": [],
    "back-pain-not-better": ["back_pain"],
}


def test_every_safety_line_has_an_example_and_a_promise():
    assert set(SAFETY_LINE_EXAMPLES) == {line.id for line in rules.SAFETY_LINES}
    assert all(line.promises for line in rules.SAFETY_LINES)


@pytest.mark.parametrize(("line_id", "findings"), SAFETY_LINE_EXAMPLES.items())
def test_each_safety_line_is_shown_and_keeps_its_promises(line_id, findings):
    result = assess(40, findings)
    (line,) = [line for line in _shown_lines(result) if line.id == line_id]
    for level, extra in line.promises:
        assert rank(level_of(40, [*findings, *extra])) >= rank(level)


# --- Rule data ------------------------------------------------------------------------


def test_every_condition_slug_in_every_rule_is_a_known_condition():
    for rule in RULES:
        assert set(rule.conditions) <= set(CONDITIONS), rule.id


def test_every_rule_has_a_source_and_a_reason():
    for rule in RULES:
        assert rule.source.strip(), rule.id
        assert rule.reason.strip() and rule.reason.endswith("."), rule.id


def test_every_rule_uses_known_findings_and_levels():
    for rule in RULES:
        assert set(rule.all_of) | set(rule.any_of) <= set(FINDINGS), rule.id
        assert rule.level in LEVELS, rule.id


def test_rule_ids_are_unique_short_slugs():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id)


def test_rules_can_only_require_findings_to_be_present():
    # Monotonicity depends on this: a rule that fired on a missing finding could be
    # switched off by a new "yes". Guard against someone adding such a field.
    fields = {f.name for f in dataclasses.fields(rules.Rule)}
    assert fields == {
        "id",
        "level",
        "all_of",
        "any_of",
        "conditions",
        "reason",
        "source",
        "min_age",
        "max_age",
        "go_to",  # where to go; it never decides whether the rule matches
    }


def test_an_unknown_finding_in_a_rule_fails_validation(monkeypatch):
    broken = dataclasses.replace(RULES[0], all_of=("feverish",))
    monkeypatch.setattr(rules, "RULES", (broken, *RULES[1:]))
    with pytest.raises(ValueError, match="feverish"):
        rules.validate_rules()


def test_rules_version_is_stable_and_non_empty():
    assert re.fullmatch(r"1\.[0-9a-f]{8}", RULES_VERSION)
    assert assess(40, ["fever"]).rules_version == RULES_VERSION
    assert assess(70, ["back_pain"]).rules_version == RULES_VERSION
    assert rules._rules_fingerprint() == RULES_VERSION.removeprefix("1.")


def test_rules_version_changes_when_a_rule_changes(monkeypatch):
    before = rules._rules_fingerprint()
    changed = dataclasses.replace(RULES[0], level="urgent")
    monkeypatch.setattr(rules, "RULES", (changed, *RULES[1:]))
    assert rules._rules_fingerprint() != before


# --- Bad input ------------------------------------------------------------------------


def test_an_unknown_finding_code_raises_naming_the_code():
    with pytest.raises(InvalidAnswers, match="feverish"):
        assess(40, ["back_pain", "feverish"])


@pytest.mark.parametrize("age", [-1, 121, True, False, "40", 40.0, None])
def test_a_bad_age_raises(age):
    with pytest.raises(InvalidAnswers, match="age_years"):
        assess(age, ["back_pain"])


@pytest.mark.parametrize("age", [0, 120])
def test_the_age_limits_are_accepted(age):
    assert assess(age, []).level in LEVELS


def test_a_single_string_instead_of_a_list_raises():
    with pytest.raises(InvalidAnswers, match="list"):
        assess(40, "fever")


@pytest.mark.parametrize("findings", [[1], [None], [["fever"]], 5])
def test_findings_that_are_not_text_codes_raise(findings):
    with pytest.raises(InvalidAnswers):
        assess(40, findings)


def test_age_years_is_not_accepted_as_a_finding():
    with pytest.raises(InvalidAnswers, match="age_years"):
        assess(40, ["age_years"])


def test_unsure_codes_must_also_be_findings():
    with pytest.raises(InvalidAnswers, match="fever"):
        assess(40, ["back_pain"], unsure=["fever"])


def test_an_unknown_unsure_code_raises():
    with pytest.raises(InvalidAnswers, match="hot"):
        assess(40, ["fever"], unsure=["hot"])


def test_invalid_answers_is_a_value_error():
    assert issubclass(InvalidAnswers, ValueError)


def test_an_empty_emergency_number_is_a_configuration_error():
    with pytest.raises(ValueError, match="emergency_number"):
        assess(40, [], emergency_number=" ")


def test_findings_may_be_any_iterable_and_repeats_are_harmless():
    result = assess(40, (code for code in ["fever", "fever", "back_pain"]))
    assert result.level == "urgent"


# --- Wording and shape of the result --------------------------------------------------


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


def test_translate_hook_is_applied_before_filling_in_the_number():
    result = assess(40, ["confusion"], translate=lambda s: "<" + s + ">")
    assert result.advice == "<Call 911 now or go to the nearest emergency department.>"
    assert result.level_title == "<Emergency: get help now>"


def test_a_broken_translation_falls_back_to_english_instead_of_failing():
    result = assess(40, ["confusion"], translate=lambda s: s.replace("{emergency_number}", "{x}"))
    assert result.advice == "Call 911 now or go to the nearest emergency department."


def test_assess_returns_an_assessment():
    assert isinstance(assess(40, []), Assessment)


# --- Hand-off: a result without the answers behind it -----------------------------------


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
