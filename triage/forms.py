"""Forms for the checker's steps: they check one screen's answers and say plainly what is wrong."""

import functools
from collections.abc import Callable

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from triage.engine import MAX_AGE, MIN_AGE
from triage.flow import (
    AGE_STEP,
    ANSWER_LABELS,
    ANSWERS,
    NO,
    QUESTION_STEPS,
    RED_FLAGS_STEP,
    STEPS,
    YES,
    CheckState,
    Step,
)
from triage.translator import translator
from triage.vocabulary import FINDINGS

# The labels are marked for translation in triage/flow.py; translated when the form is shown.
ANSWER_CHOICES = [(value, _(ANSWER_LABELS[value])) for value in ANSWERS]


# Keyed by the active language's translator, which triage.translator replaces when
# the catalogs change, so a changed catalog is never answered from here.
@functools.lru_cache(maxsize=128)
def _questions(
    translate: Callable[[str], str], codes: tuple[str, ...]
) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (
            code,
            translate(FINDINGS[code].question),
            translate(FINDINGS[code].hint) if FINDINGS[code].hint else "",
        )
        for code in codes
    )


def questions(codes: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """Each finding's code, question and hint in the active language.

    Looked up once per language and screen: translating every question again
    on every step was most of the time it took to build a form.
    """
    return _questions(translator(), codes)


AGE_OUT_OF_RANGE = format_lazy(_("Enter an age from {min} to {max}."), min=MIN_AGE, max=MAX_AGE)


class AgeForm(forms.Form):
    age = forms.IntegerField(
        label=_("How old are you?"),
        help_text=_("Your age in years, for example 45."),
        min_value=MIN_AGE,
        max_value=MAX_AGE,
        error_messages={
            "required": _("Enter your age in years, for example 45."),
            "invalid": _("Enter your age as a whole number, for example 45."),
            "min_value": AGE_OUT_OF_RANGE,
            "max_value": AGE_OUT_OF_RANGE,
        },
    )

    @classmethod
    def for_step(cls, step: Step, state: CheckState, data=None) -> "AgeForm":
        return cls(data, initial=cls.initial_for(step, state))

    @staticmethod
    def initial_for(step: Step, state: CheckState) -> dict:
        return {"age": state.age}

    def answers(self) -> dict[str, int]:
        return {"age": self.cleaned_data["age"]}


class RedFlagsForm(forms.Form):
    """The emergency-sign screen: tick what applies, or "None of these"."""

    NONE = "none"

    @classmethod
    def for_step(cls, step: Step, state: CheckState, data=None) -> "RedFlagsForm":
        return cls(step, data, initial=cls.initial_for(step, state))

    @staticmethod
    def initial_for(step: Step, state: CheckState) -> dict:
        if RED_FLAGS_STEP not in state.done:
            return {}
        # Coming back: show what was ticked last time.
        ticked = [code for code in step.findings if state.answers.get(code, NO) != NO]
        return {"signs": ticked, "none": not ticked}

    def __init__(self, step: Step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.fields["signs"] = forms.MultipleChoiceField(
            choices=[(code, question) for code, question, _hint in questions(step.findings)],
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["none"] = forms.BooleanField(required=False, label=_("None of these"))

    def clean(self) -> dict:
        data = super().clean()
        signs, none = data.get("signs") or [], data.get("none")
        if not signs and not none:
            raise forms.ValidationError(
                _("Tick any signs that apply to you, or tick “None of these”."), code="empty"
            )
        if signs and none:
            raise forms.ValidationError(
                _("You ticked “None of these” and also a warning sign. Please check your answers."),
                code="contradiction",
            )
        return data

    def answers(self) -> dict[str, str]:
        ticked = set(self.cleaned_data.get("signs") or [])
        return {code: YES if code in ticked else NO for code in self.step.findings}


class QuestionsForm(forms.Form):
    """A topic screen: Yes, No or Not sure for each question."""

    @classmethod
    def for_step(cls, step: Step, state: CheckState, data=None) -> "QuestionsForm":
        return cls(step, data, initial=cls.initial_for(step, state))

    @staticmethod
    def initial_for(step: Step, state: CheckState) -> dict:
        return {code: state.answers[code] for code in step.findings if code in state.answers}

    def __init__(self, step: Step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        for code, question, hint in questions(step.findings):
            self.fields[code] = forms.ChoiceField(
                label=question,
                help_text=hint,
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose Yes, No or Not sure."),
                    "invalid_choice": _("Choose Yes, No or Not sure."),
                },
            )

    def answers(self) -> dict[str, str]:
        return {code: self.cleaned_data[code] for code in self.step.findings}


# Which form checks each step's answers; the summary and the result have none.
STEP_FORMS: dict[str, type[AgeForm | RedFlagsForm | QuestionsForm]] = {
    AGE_STEP: AgeForm,
    RED_FLAGS_STEP: RedFlagsForm,
} | {key: QuestionsForm for key in QUESTION_STEPS if key != RED_FLAGS_STEP}


def step_form(state: CheckState, data=None) -> forms.Form | None:
    """The form for the person's current step, filled with their earlier answers."""
    form_class = STEP_FORMS.get(state.step)
    return form_class.for_step(STEPS[state.step], state, data) if form_class else None


def shows_no_answers(state: CheckState) -> bool:
    """Whether the current step has a form, and :func:`step_form` would fill in none of
    the person's earlier answers: the screen is then the same for everyone on it."""
    form_class = STEP_FORMS.get(state.step)
    return form_class is not None and all(
        value is None for value in form_class.initial_for(STEPS[state.step], state).values()
    )


def error_summary(form: forms.Form | None) -> list[dict[str, str]]:
    """Each of a form's errors with the id of the input to fix, for the error summary's links.

    A link goes to the input itself (for a group of radios or tick boxes, the
    first one), as GOV.UK's pattern asks: following it puts focus where the
    answer goes. A form-wide error points at the form's first question.
    """
    if form is None or not form.is_bound or not form.errors:
        return []
    first = next(iter(form))
    items = [{"field_id": _input_id(first), "message": str(m)} for m in form.non_field_errors()]
    for bound in form:
        items += [{"field_id": _input_id(bound), "message": str(m)} for m in bound.errors]
    return items


def _input_id(bound: forms.BoundField) -> str:
    if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return bound.subwidgets[0].id_for_label
    return bound.id_for_label
