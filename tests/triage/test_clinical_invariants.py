"""Clinical floors that hold whatever else a person says (clinical brief, "Additions").

Each test states one floor from the brief as a property over random answers and
ages: adding answers can raise a result but never take it under the floor.
"""

from hypothesis import given
from hypothesis import strategies as st

from triage.engine import assess
from triage.vocabulary import FINDINGS, rank

extra_findings = st.frozensets(st.sampled_from(tuple(FINDINGS)), max_size=6)
adult_ages = st.integers(min_value=16, max_value=120)
any_age = st.integers(min_value=0, max_value=120)
SPINE_RISKS = (
    "injects_drugs",
    "recent_spinal_procedure",
    "recent_infection",
    "weakened_immunity",
    "recent_chemotherapy",
    "urinary_catheter",
)


def at_least(level: str, age: int, findings) -> bool:
    return rank(assess(age, findings).level) >= rank(level)


@given(extra_findings, any_age)
def test_symptoms_in_both_legs_are_an_emergency(extras, age):
    assert assess(age, {"both_legs", *extras}).level == "emergency"


@given(extra_findings, any_age)
def test_back_pain_with_new_numbness_in_one_leg_is_never_below_same_day(extras, age):
    assert at_least("urgent", age, {"back_pain", "limb_numbness", *extras})


@given(st.sampled_from(SPINE_RISKS), extra_findings, any_age)
def test_back_pain_numbness_and_a_spine_infection_risk_is_an_emergency_without_fever(
    risk, extras, age
):
    assert assess(age, {"back_pain", "limb_numbness", risk, *extras}).level == "emergency"


@given(
    st.sampled_from(("limb_weakness", "both_legs", "saddle_numbness", "bladder_bowel_change")),
    extra_findings,
    any_age,
)
def test_nerve_signs_with_back_pain_are_an_emergency_with_or_without_fever(sign, extras, age):
    assert assess(age, {"back_pain", sign, *extras}).level == "emergency"


@given(extra_findings, any_age)
def test_a_low_temperature_is_never_below_same_day(extras, age):
    assert at_least("urgent", age, {"low_temperature", *extras})


@given(st.sampled_from(("fever", "low_temperature")), extra_findings)
def test_a_baby_with_a_fever_or_a_low_temperature_is_an_emergency(sign, extras):
    # Whole years cannot tell a 2-month-old from an 11-month-old: the whole first
    # year is treated as under 3 months (NICE NG143).
    assert assess(0, {sign, *extras}).level == "emergency"


@given(st.sampled_from(("fever", "low_temperature")), extra_findings, any_age)
def test_a_fever_or_a_low_temperature_after_chemotherapy_is_an_emergency(sign, extras, age):
    assert assess(age, {"recent_chemotherapy", sign, *extras}).level == "emergency"


@given(extra_findings, any_age)
def test_a_fit_is_an_emergency(extras, age):
    assert assess(age, {"seizure", *extras}).level == "emergency"


@given(adult_ages)
def test_vomiting_with_a_fever_alone_is_not_an_emergency(age):
    assert assess(age, {"fever", "vomiting"}).level == "self_care"


@given(
    st.sampled_from(("severe_headache", "neck_stiffness", "non_blanching_rash", "confusion")),
    adult_ages,
)
def test_vomiting_with_a_fever_is_an_emergency_with_a_meningitis_or_sepsis_sign(sign, age):
    assert assess(age, {"fever", "vomiting", sign}).level == "emergency"


@given(adult_ages)
def test_ordinary_shivers_with_a_kidney_infection_are_same_day(age):
    # "Feeling hot and shivery" is the fever question; only shaking that will not
    # stop (shivering_or_chills) is an emergency.
    assert assess(age, {"fever", "flank_pain", "painful_urination"}).level == "urgent"
    assert assess(age, {"shivering_or_chills", "flank_pain"}).level == "emergency"


@given(st.integers(min_value=50, max_value=120))
def test_age_over_50_alone_is_not_a_reason_to_see_a_doctor(age):
    assert assess(age, set()).level == "self_care"
    assert assess(age, {"back_pain"}).level == "self_care"
