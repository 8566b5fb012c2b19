"""Checker screens the same for everyone are rendered once, and never show anyone else's."""

import re

import pytest
from django.core import signing
from django.test import Client

from tests.support.checker import Checker
from tests.support.kiosk import turn_on_kiosk
from triage.views import STATE_SALT

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[False, True], ids=["full-page", "htmx"])
def htmx(request):
    return request.param


def at_warning_signs(client, age: int, htmx: bool = False, path: str = "/check/") -> Checker:
    return Checker(client, htmx=htmx, path=path).start().post({"age": str(age)})


def without_state(html: str) -> str:
    """The page without what differs on every request: the state token."""
    return re.sub(r'name="state" value="[^"]+"', "", html)


def test_a_first_visit_to_a_question_screen_is_rendered_once_and_reused(pages, htmx):
    first = at_warning_signs(Client(), 58, htmx)
    second = at_warning_signs(Client(), 70, htmx)
    assert first.step == second.step == "red_flags"
    assert first.response.templates  # rendered
    assert not second.response.templates  # reused
    assert without_state(second.html) == without_state(first.html)


def test_a_reused_screen_carries_each_persons_own_answers(pages, htmx):
    at_warning_signs(Client(), 58, htmx)
    second = at_warning_signs(Client(), 70, htmx)
    assert signing.loads(second.state, salt=STATE_SALT)["a"] == 70
    second.post({"none": "on"})
    assert second.step == "fever"


def test_a_screen_with_earlier_answers_or_errors_is_rendered_for_that_person(pages, client):
    fresh = at_warning_signs(client, 58)
    assert "checked" not in fresh.html
    back = at_warning_signs(Client(), 58).post({"none": "on"}).post(action="back")
    assert back.history == ["age", "red_flags", "fever", "red_flags"]
    assert re.search(r'name="none" id="[^"]+" checked', back.html)
    empty = at_warning_signs(Client(), 58).post({})
    assert "Tick any signs that apply to you" in empty.html
    # ...and none of that reaches the next person.
    assert without_state(at_warning_signs(Client(), 58).html) == without_state(fresh.html)


def test_screens_are_kept_apart_by_language(pages):
    for language, path in (("es", "/es/check/"), ("en", "/check/"), ("es", "/es/check/")):
        assert f'<html lang="{language}">' in at_warning_signs(Client(), 58, path=path).html


def test_a_changed_clinic_setting_shows_on_screens_already_kept(pages, settings):
    at_warning_signs(Client(), 58)
    settings.EMERGENCY_NUMBER = "999"
    assert "call 999 now" in at_warning_signs(Client(), 58).html.lower()


def test_a_kiosk_never_gets_the_public_screen_nor_the_public_its_screen(pages):
    public = at_warning_signs(Client(), 58)
    kiosk = at_warning_signs(turn_on_kiosk(Client()), 58)
    again = at_warning_signs(Client(), 58)
    assert kiosk.response.templates
    assert 'class="kiosk' in kiosk.html and 'class="kiosk' not in public.html
    assert without_state(again.html) == without_state(public.html)
