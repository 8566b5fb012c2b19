"""The triage engine's safety invariants: what no combination of answers may ever give."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.support.engine import (
    CODES,
    adult_ages,
    ages,
    child_ages,
    finding_sets,
    level_of,
)
from triage import engine, rules
from triage.engine import assess
from triage.rules import Rule
from triage.vocabulary import (
    BACKGROUND_FINDINGS,
    CONDITIONS,
    EMERGENCY_FINDINGS,
    LEVELS,
    rank,
)


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
    "neck-pain-fever": ["neck_pain"],
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


@settings(max_examples=1000)
@given(finding_sets, ages)
def test_the_rules_matched_are_every_rule_that_applies_in_rule_order(findings, age):
    # The engine looks only at the rules a present finding can set off (engine._index_rules).
    present = frozenset(findings)
    expected = tuple(rule for rule in rules.RULES if rule.matches(present, age))

    assert engine._matching_rules(present, age) == expected


def test_a_rule_is_indexed_by_its_first_required_finding_on_a_tie_or_else_each_optional_one():
    listed = (
        Rule(id="both", level="urgent", all_of=("fever", "back_pain"), reason="r", source="s"),
        Rule(
            id="any", level="urgent", all_of=(), any_of=("chills", "rigors"), reason="r", source="s"
        ),
        Rule(id="age", level="urgent", all_of=(), reason="r", source="s", max_age=15),
    )
    by_finding, always = engine._index_rules(listed)

    assert by_finding == {"fever": (0,), "chills": (1,), "rigors": (1,)}
    assert always == (2,)


def test_a_rule_is_indexed_by_the_required_finding_the_fewest_rules_require():
    listed = (
        Rule(id="pain", level="routine", all_of=("back_pain",), reason="r", source="s"),
        Rule(id="both", level="urgent", all_of=("back_pain", "fever"), reason="r", source="s"),
    )
    by_finding, always = engine._index_rules(listed)

    # back_pain alone does not set off "both"; its fever, which no other rule needs, does.
    assert by_finding == {"back_pain": (0,), "fever": (1,)}
    assert always == ()
