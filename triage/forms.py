"""Forms for the checker's steps: they check one screen's answers and say plainly what is wrong."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from triage.flow import ANSWERS, NO, UNSURE, YES, Step
from triage.vocabulary import FINDINGS

ANSWER_CHOICES = [(YES, _("Yes")), (NO, _("No")), (UNSURE, _("Not sure"))]
assert [value for value, _label in ANSWER_CHOICES] == list(ANSWERS)


class AgeForm(forms.Form):
    age = forms.IntegerField(
        label=_("How old are you?"),
        help_text=_("Your age in years, for example 45."),
        min_value=0,
        max_value=120,
        error_messages={
            "required": _("Enter your age in years, for example 45."),
            "invalid": _("Enter your age as a whole number, for example 45."),
            "min_value": _("Enter an age from 0 to 120."),
            "max_value": _("Enter an age from 0 to 120."),
        },
    )


class RedFlagsForm(forms.Form):
    """The emergency-sign screen: tick what applies, or "None of these"."""

    NONE = "none"

    def __init__(self, step: Step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.fields["signs"] = forms.MultipleChoiceField(
            choices=[(code, gettext(FINDINGS[code].question)) for code in step.findings],
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

    def __init__(self, step: Step, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        for code in step.findings:
            finding = FINDINGS[code]
            self.fields[code] = forms.ChoiceField(
                label=gettext(finding.question),
                help_text=gettext(finding.hint) if finding.hint else "",
                choices=ANSWER_CHOICES,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose Yes, No or Not sure."),
                    "invalid_choice": _("Choose Yes, No or Not sure."),
                },
            )

    def answers(self) -> dict[str, str]:
        return {code: self.cleaned_data[code] for code in self.step.findings}


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
