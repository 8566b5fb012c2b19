"""The symptom checker's steps: which question screen comes next, and what the answers mean.

Pure Python with no Django import, like the engine. The checker keeps no
server-side state: the answers so far travel with each form as a
:class:`CheckState`, so the flow is a function of that state alone.

The order is: age, pregnancy (only when it could apply), the emergency-sign
screen, the signs in children (only under 16), then one short screen per topic,
a "check your answers" summary, and the result. Any emergency sign skips
straight to the result: a person who needs an ambulance should not have to
answer twenty more questions first.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from triage.engine import MAX_AGE, MIN_AGE
from triage.vocabulary import (
    ABOUT_YOU_SCREEN,
    ADULT_AGE,
    CHILD_SIGNS_SCREEN,
    FINDINGS,
    RED_FLAGS_SCREEN,
    TOPICS,
    Topic,
    gettext_noop,
)

YES, NO, UNSURE = "yes", "no", "unsure"
ANSWERS = (YES, NO, UNSURE)
ANSWER_LABELS = {YES: gettext_noop("Yes"), NO: gettext_noop("No"), UNSURE: gettext_noop("Not sure")}
# Pregnancy is asked only in this age range; outside it the question would only add friction.
PREGNANCY_AGES = range(12, 56)
# The signs in children are asked below the adult age, after the warning signs.
CHILD_AGES = range(ADULT_AGE)

AGE_STEP = "age"
PREGNANCY_STEP = "pregnancy"
RED_FLAGS_STEP = "red_flags"
CHILD_SIGNS_STEP = "child_signs"
BACK_DETAILS_STEP = "back_details"
REVIEW_STEP = "review"
RESULT_STEP = "result"

# The back topic opens with its gate question; the details are asked only when
# there is back pain, so people without it are spared five questions. Neck pain and
# numbness are asked beside the gate, never behind it: each matters with or without
# back pain (clinical brief: back or neck pain; new numbness is same day on its own).
BACK_GATE = "back_pain"
ALWAYS_ASKED_WITH_BACK_GATE = (BACK_GATE, "neck_pain", "limb_numbness")


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    intro: str
    findings: tuple[str, ...] = ()


def _topic_steps(topic: Topic) -> list[Step]:
    if topic.key != "back":
        return [Step(topic.key, topic.title, topic.intro, topic.findings)]
    first = tuple(code for code in topic.findings if code in ALWAYS_ASKED_WITH_BACK_GATE)
    details = tuple(code for code in topic.findings if code not in ALWAYS_ASKED_WITH_BACK_GATE)
    return [
        Step(topic.key, topic.title, topic.intro, first),
        Step(
            BACK_DETAILS_STEP,
            gettext_noop("More about your back pain"),
            gettext_noop("These questions help us tell everyday back pain from something serious."),
            details,
        ),
    ]


STEPS: dict[str, Step] = {
    step.key: step
    for step in [
        Step(AGE_STEP, ABOUT_YOU_SCREEN.title, ABOUT_YOU_SCREEN.intro),
        Step(PREGNANCY_STEP, ABOUT_YOU_SCREEN.title, ABOUT_YOU_SCREEN.intro, ("pregnant",)),
        Step(
            RED_FLAGS_STEP,
            RED_FLAGS_SCREEN.title,
            RED_FLAGS_SCREEN.intro,
            RED_FLAGS_SCREEN.findings,
        ),
        Step(
            CHILD_SIGNS_STEP,
            CHILD_SIGNS_SCREEN.title,
            CHILD_SIGNS_SCREEN.intro,
            CHILD_SIGNS_SCREEN.findings,
        ),
        *(step for topic in TOPICS for step in _topic_steps(topic)),
        Step(REVIEW_STEP, gettext_noop("Check your answers"), ""),
        Step(RESULT_STEP, gettext_noop("Your result"), ""),
    ]
}
QUESTION_STEPS = tuple(key for key, step in STEPS.items() if step.findings)
# Steps asked only at some ages; the one table path() and CheckState.with_age read.
AGE_LIMITED_STEPS = {PREGNANCY_STEP: PREGNANCY_AGES, CHILD_SIGNS_STEP: CHILD_AGES}


def asked_at(step_key: str, age: int | None) -> bool:
    """Whether an age-limited step is asked at ``age`` (none is, before the age is known)."""
    return age is not None and age in AGE_LIMITED_STEPS[step_key]


# The topic screens after the emergency screens, asked of everyone (unless skipped);
# "no" to back pain skips the back-pain details.
TOPIC_STEPS = QUESTION_STEPS[QUESTION_STEPS.index(CHILD_SIGNS_STEP) + 1 :]
TOPIC_STEPS_WITHOUT_BACK_PAIN = tuple(key for key in TOPIC_STEPS if key != BACK_DETAILS_STEP)


@dataclass(frozen=True)
class CheckState:
    """Everything answered so far, and where the person is."""

    step: str = AGE_STEP
    age: int | None = None
    answers: dict[str, str] = field(default_factory=dict)  # finding code -> yes/no/unsure
    # Steps the person has completed; "None of these" on the red-flag screen counts.
    done: tuple[str, ...] = ()
    # True after "Change" on the summary: the next Continue returns to the summary.
    reviewing: bool = False

    def as_data(self) -> dict:
        return {
            "s": self.step,
            "a": self.age,
            "r": self.answers,
            "d": list(self.done),
            "v": self.reviewing,
        }

    @classmethod
    def from_data(cls, data: object) -> "CheckState":
        """Rebuild a state from form data, refusing anything malformed."""
        if not isinstance(data, dict):
            raise ValueError("state is not an object")
        step, age, answers, done = data.get("s"), data.get("a"), data.get("r"), data.get("d")
        if step not in STEPS:
            raise ValueError("unknown step")
        if age is not None and (
            isinstance(age, bool) or not isinstance(age, int) or not MIN_AGE <= age <= MAX_AGE
        ):
            raise ValueError("bad age")
        if not isinstance(answers, dict) or any(
            code not in FINDINGS or answer not in ANSWERS for code, answer in answers.items()
        ):
            raise ValueError("bad answers")
        if not isinstance(done, list) or any(key not in STEPS for key in done):
            raise ValueError("bad steps")
        state = cls(step, age, dict(answers), tuple(done), bool(data.get("v")))
        # Well-formed is not enough: the step must be one this person can be on.
        if (age is None and step != AGE_STEP) or not can_visit(state, step):
            raise ValueError("step not reachable with these answers")
        return state

    def answering(self, step_key: str, answers: dict[str, str]) -> "CheckState":
        """A new state with one step's answers recorded."""
        kept = {
            code: value
            for code, value in self.answers.items()
            if code not in STEPS[step_key].findings
        }
        return replace(
            self,
            answers=kept | answers,
            done=tuple(dict.fromkeys((*self.done, step_key))),
        )

    def with_age(self, age: int) -> "CheckState":
        answers = dict(self.answers)
        done = self.done
        for step_key in AGE_LIMITED_STEPS:
            if not asked_at(step_key, age):
                # The step is not asked at this age, so its answers go, and it is no
                # longer done: if the age is changed back, it is asked again rather
                # than skipped with no answer.
                for code in STEPS[step_key].findings:
                    answers.pop(code, None)
                done = tuple(key for key in done if key != step_key)
        done = tuple(dict.fromkeys((*done, AGE_STEP)))
        return replace(self, age=age, answers=answers, done=done)


# A set, and the answers given looked up in it: a check holds few answers, and this
# runs several times a step.
RED_FLAG_FINDINGS = frozenset(RED_FLAGS_SCREEN.findings)
CHILD_SIGN_FINDINGS = frozenset(CHILD_SIGNS_SCREEN.findings)


def has_emergency_sign(state: CheckState, findings: frozenset[str] = RED_FLAG_FINDINGS) -> bool:
    """Whether any of ``findings`` (the warning signs, unless told) was answered yes or
    not sure."""
    return any(
        answer in (YES, UNSURE) and code in findings for code, answer in state.answers.items()
    )


def path(state: CheckState) -> list[str]:
    """The steps this person goes through, given their answers so far."""
    steps = [AGE_STEP]
    if asked_at(PREGNANCY_STEP, state.age):
        steps.append(PREGNANCY_STEP)
    steps.append(RED_FLAGS_STEP)
    if has_emergency_sign(state):
        return [*steps, RESULT_STEP]
    if asked_at(CHILD_SIGNS_STEP, state.age):
        steps.append(CHILD_SIGNS_STEP)
        if has_emergency_sign(state, CHILD_SIGN_FINDINGS):
            return [*steps, RESULT_STEP]
    topics = TOPIC_STEPS_WITHOUT_BACK_PAIN if state.answers.get(BACK_GATE) == NO else TOPIC_STEPS
    return [*steps, *topics, REVIEW_STEP, RESULT_STEP]


def next_step(state: CheckState) -> str:
    """Where Continue leads from the current step."""
    steps = path(state)
    if state.reviewing and state.step != REVIEW_STEP and REVIEW_STEP in steps:
        # Back to the summary, unless the change opened a step not yet answered.
        unanswered = [key for key in steps[: steps.index(REVIEW_STEP)] if key not in state.done]
        return unanswered[0] if unanswered else REVIEW_STEP
    if state.step not in steps:
        return steps[0]
    return steps[min(steps.index(state.step) + 1, len(steps) - 1)]


def previous_step(state: CheckState) -> str:
    steps = path(state)
    if state.step not in steps:
        return steps[0]
    return steps[max(steps.index(state.step) - 1, 0)]


def can_visit(state: CheckState, key: str) -> bool:
    """A step may be opened once every step before it on the path is done."""
    steps = path(state)
    if key not in steps:
        return False
    return all(earlier in state.done for earlier in steps[: steps.index(key)])


def findings_and_unsure(state: CheckState) -> tuple[list[str], list[str]]:
    """The engine's input: "yes" and "not sure" both count as present."""
    asked = set()
    for key in path(state):
        asked.update(STEPS[key].findings)
    present = [c for c in FINDINGS if c in asked and state.answers.get(c) in (YES, UNSURE)]
    unsure = [c for c in present if state.answers.get(c) == UNSURE]
    return present, unsure


def after_continue(state: CheckState) -> CheckState:
    """The state once the current step's answers are accepted."""
    target = next_step(state)
    return replace(state, step=target, reviewing=state.reviewing and target != REVIEW_STEP)


def after_back(state: CheckState) -> CheckState:
    """Back from a step opened from the summary returns to the summary."""
    if state.reviewing and REVIEW_STEP in path(state):
        return replace(state, step=REVIEW_STEP, reviewing=False)
    return replace(state, step=previous_step(state))


def after_change(state: CheckState, key: str) -> CheckState:
    """Open an earlier step from the summary or the result; refuse steps not yet reachable."""
    if key not in STEPS or not can_visit(state, key):
        return state
    return replace(state, step=key, reviewing=True)


def after_review(state: CheckState) -> CheckState:
    """ "See my result" on the summary."""
    return replace(
        state,
        step=RESULT_STEP,
        reviewing=False,
        done=tuple(dict.fromkeys((*state.done, REVIEW_STEP))),
    )


# --- The buttons ------------------------------------------------------------------------

# The checker's forms name what a button does in their "action" field.
NEXT, BACK, RESTART = "next", "back", "restart"
# Shows the current step again, answers unchanged: the language switch posts it to
# the checker's address in another language.
SHOW = "show"
CHANGE_PREFIX = "change:"  # "change:<step>" opens an earlier step from the summary or result


def submits_answers(state: CheckState, action: str) -> bool:
    """Whether ``action`` hands in the current step's answers, which a form must check first.

    Anything that is not a known button counts as Continue, as a bare Enter key sends none.
    """
    if action in (BACK, RESTART, SHOW) or action.startswith(CHANGE_PREFIX):
        return False
    return state.step not in (REVIEW_STEP, RESULT_STEP)


def apply(state: CheckState, action: str, answers: Mapping | None = None) -> CheckState:
    """The state after pressing ``action`` on the current step.

    ``answers`` are the step's checked answers (``{"age": 45}`` on the age step, finding
    code -> yes/no/unsure elsewhere), needed exactly when :func:`submits_answers` says so.
    """
    if action == RESTART:
        return CheckState()
    if action == SHOW:
        return state
    if action == BACK:
        return after_back(state)
    if action.startswith(CHANGE_PREFIX):
        return after_change(state, action.removeprefix(CHANGE_PREFIX))
    if state.step == REVIEW_STEP:
        return after_review(state)
    if state.step == RESULT_STEP:
        return state  # a repeated submit of a result shows it again
    if answers is None:
        raise ValueError(f"the {state.step} step needs its answers")
    if state.step == AGE_STEP:
        return after_continue(state.with_age(answers["age"]))
    return after_continue(state.answering(state.step, dict(answers)))


# --- What a screen shows ------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    current: int
    total: int


def progress(state: CheckState) -> Progress | None:
    """ "Step 2 of 7" on a question screen; None on the summary and the result."""
    questions = [key for key in path(state) if key not in (REVIEW_STEP, RESULT_STEP)]
    if state.step not in questions:
        return None
    return Progress(questions.index(state.step) + 1, len(questions))


@dataclass(frozen=True)
class ReviewRow:
    step: str
    question: str
    answer: str


def review_rows(state: CheckState, translate: Callable[[str], str]) -> list[ReviewRow]:
    """The summary screen: each step's answers in plain words, grouped by step."""
    rows = [ReviewRow(AGE_STEP, translate(gettext_noop("Age")), str(state.age))]
    for key in path(state):
        step = STEPS[key]
        if key == RED_FLAGS_STEP:
            ticked = [
                translate(FINDINGS[code].question)
                for code in step.findings
                if state.answers.get(code) != NO
            ]
            answer = "; ".join(ticked) or translate(gettext_noop("None of these"))
            rows.append(ReviewRow(key, translate(gettext_noop("Warning signs")), answer))
            continue
        rows += [
            ReviewRow(
                key, translate(FINDINGS[code].question), translate(ANSWER_LABELS[code_answer])
            )
            for code in step.findings
            if (code_answer := state.answers.get(code)) is not None
        ]
    return rows
