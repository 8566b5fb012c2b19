from dataclasses import replace

import pytest

from triage.flow import (
    AGE_STEP,
    BACK_DETAILS_STEP,
    PREGNANCY_STEP,
    RED_FLAGS_STEP,
    RESULT_STEP,
    REVIEW_STEP,
    STEPS,
    CheckState,
    after_back,
    after_change,
    after_continue,
    findings_and_unsure,
    path,
)
from triage.vocabulary import FINDINGS


def test_every_finding_is_asked_on_exactly_one_step():
    asked = [code for step in STEPS.values() for code in step.findings]
    assert sorted(asked) == sorted(FINDINGS)


def test_pregnancy_is_asked_only_at_ages_where_it_can_apply():
    assert PREGNANCY_STEP in path(CheckState(age=30))
    assert PREGNANCY_STEP not in path(CheckState(age=70))
    assert PREGNANCY_STEP not in path(CheckState(age=8))


def test_the_signs_in_children_are_asked_only_under_16_and_any_one_ends_the_check():
    from triage.flow import CHILD_SIGNS_STEP

    assert CHILD_SIGNS_STEP in path(CheckState(age=15))
    assert CHILD_SIGNS_STEP not in path(CheckState(age=16))
    floppy = CheckState(age=1, answers={"floppy_or_bulging_soft_spot": "unsure"})
    assert path(floppy)[-3:] == [RED_FLAGS_STEP, CHILD_SIGNS_STEP, RESULT_STEP]
    assert findings_and_unsure(floppy) == (
        ["floppy_or_bulging_soft_spot"],
        ["floppy_or_bulging_soft_spot"],
    )


def test_an_age_change_to_an_adult_drops_the_childrens_answers_and_step():
    from triage.flow import CHILD_SIGNS_STEP

    state = CheckState(
        age=4,
        answers={"floppy_or_bulging_soft_spot": "no"},
        done=("age", "red_flags", "child_signs"),
    )
    grown = state.with_age(40)
    assert "floppy_or_bulging_soft_spot" not in grown.answers
    assert CHILD_SIGNS_STEP not in grown.done


def test_any_emergency_sign_skips_straight_to_the_result():
    state = CheckState(age=40, answers={"confusion": "yes"})
    assert path(state)[-2:] == [RED_FLAGS_STEP, RESULT_STEP]


def test_not_sure_about_an_emergency_sign_also_skips_to_the_result():
    assert path(CheckState(age=40, answers={"fainting": "unsure"}))[-1] == RESULT_STEP
    assert REVIEW_STEP not in path(CheckState(age=40, answers={"fainting": "unsure"}))


def test_no_back_pain_skips_the_back_pain_details():
    assert BACK_DETAILS_STEP not in path(CheckState(age=40, answers={"back_pain": "no"}))
    assert BACK_DETAILS_STEP in path(CheckState(age=40, answers={"back_pain": "unsure"}))


def test_neck_pain_and_numbness_are_asked_whether_or_not_there_is_back_pain():
    # Answering no to back pain used to skip the only numbness question, so fever with
    # new tingling in the arms came out as self-care.
    assert STEPS["back"].findings == ("back_pain", "neck_pain", "limb_numbness")
    state = CheckState(age=45, answers={"back_pain": "no", "fever": "yes", "limb_numbness": "yes"})
    assert "back" in path(state)
    assert findings_and_unsure(state)[0] == ["fever", "limb_numbness"]


def test_not_sure_counts_as_yes_and_is_reported_as_unsure():
    state = CheckState(age=40, answers={"fever": "unsure", "back_pain": "yes", "vomiting": "no"})
    findings, unsure = findings_and_unsure(state)
    assert set(findings) == {"fever", "back_pain"}
    assert unsure == ["fever"]


def test_answers_on_skipped_steps_are_not_counted():
    state = CheckState(age=40, answers={"back_pain": "no", "night_pain": "yes"})
    assert "night_pain" not in findings_and_unsure(state)[0]


def test_continue_and_back_move_along_the_path():
    state = CheckState(step=AGE_STEP).with_age(70)
    state = after_continue(state)
    assert state.step == RED_FLAGS_STEP
    assert after_back(state).step == AGE_STEP


def test_a_change_from_the_summary_returns_to_the_summary():
    done = tuple(k for k in path(CheckState(age=70)) if k not in (REVIEW_STEP, RESULT_STEP))
    state = CheckState(step=REVIEW_STEP, age=70, done=done)
    changing = after_change(state, "fever")
    assert changing.step == "fever" and changing.reviewing
    assert after_continue(changing).step == REVIEW_STEP
    assert after_back(changing).step == REVIEW_STEP


def test_a_change_that_opens_a_new_step_asks_it_before_the_summary():
    done = tuple(
        k
        for k in path(CheckState(age=70))
        if k not in (REVIEW_STEP, RESULT_STEP, BACK_DETAILS_STEP)
    )
    state = CheckState(step="back", age=70, answers={"back_pain": "yes"}, done=done, reviewing=True)
    assert after_continue(state).step == BACK_DETAILS_STEP


def test_steps_not_yet_reached_cannot_be_opened():
    state = CheckState(step=RED_FLAGS_STEP, age=40, done=(AGE_STEP,))
    assert after_change(state, "health") == state
    assert after_change(state, "nonsense") == state


def test_state_survives_a_round_trip():
    done = ("age", "pregnancy", "red_flags")
    state = CheckState(step="fever", age=44, answers={"fever": "unsure"}, done=done, reviewing=True)
    assert CheckState.from_data(state.as_data()) == state


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"s": "nowhere", "a": 4, "r": {}, "d": []},
        {"s": "age", "a": "4", "r": {}, "d": []},
        {"s": "age", "a": 400, "r": {}, "d": []},
        {"s": "age", "a": True, "r": {}, "d": []},
        {"s": "age", "a": 40, "r": {"fever": "maybe"}, "d": []},
        {"s": "age", "a": 40, "r": {"flu": "yes"}, "d": []},
        {"s": "age", "a": 40, "r": [], "d": []},
        {"s": "age", "a": 40, "r": {}, "d": ["nowhere"]},
        {"s": "pregnancy", "a": 70, "r": {}, "d": ["age"]},
        {"s": "result", "a": None, "r": {}, "d": []},
        {"s": "result", "a": 40, "r": {}, "d": ["age"]},
    ],
)
def test_malformed_state_is_refused(data):
    with pytest.raises(ValueError):
        CheckState.from_data(data)


def test_changing_age_drops_a_pregnancy_answer_that_no_longer_applies():
    state = replace(CheckState(age=30), answers={"pregnant": "yes"})
    assert "pregnant" not in state.with_age(70).answers


def test_a_pregnancy_answer_dropped_by_an_age_change_is_asked_again_when_the_age_changes_back():
    from triage.flow import apply

    done = tuple(k for k in path(CheckState(age=26)) if k not in (REVIEW_STEP, RESULT_STEP))
    answered = {"pregnant": "yes", "fever": "yes"}
    state = CheckState(step=REVIEW_STEP, age=26, answers=answered, done=done)
    # Change the age to 62 from the summary: pregnancy no longer applies.
    state = apply(apply(state, "change:age"), "next", {"age": 62})
    assert state.step == REVIEW_STEP
    assert PREGNANCY_STEP not in state.done
    # Change it back to 26: the question is asked again, not skipped with no answer.
    state = apply(apply(state, "change:age"), "next", {"age": 26})
    assert state.step == PREGNANCY_STEP
    state = apply(state, "next", {"pregnant": "yes"})
    assert state.step == REVIEW_STEP
    assert "pregnant" in findings_and_unsure(state)[0]


def test_apply_continue_records_the_answers_and_moves_on():
    from triage.flow import apply, submits_answers

    state = CheckState(age=70, step=RED_FLAGS_STEP, done=(AGE_STEP,))
    assert submits_answers(state, "next")
    after = apply(state, "next", dict.fromkeys(STEPS[RED_FLAGS_STEP].findings, "no"))
    assert after.step == path(after)[path(after).index(RED_FLAGS_STEP) + 1]
    assert RED_FLAGS_STEP in after.done


def test_apply_buttons_that_hand_in_no_answers():
    from triage.flow import apply, submits_answers

    state = CheckState(age=70, step=RED_FLAGS_STEP, done=(AGE_STEP,))
    for action in ("back", "restart", "change:age"):
        assert not submits_answers(state, action)
    assert apply(state, "restart") == CheckState()
    assert apply(state, "back").step == AGE_STEP
    with pytest.raises(ValueError):
        apply(state, "next")
