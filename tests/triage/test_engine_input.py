"""Bad input to the engine: each kind is refused with a clear error."""

import pytest

from triage.engine import InvalidAnswers, assess
from triage.vocabulary import (
    LEVELS,
)


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
