"""The checker in Spanish at /es/check/, and switching language in the middle of a check."""

import re

import pytest
from django.utils import translation

from tests.support.checker import Checker
from tests.support.spanish import english_left_in
from triage.vocabulary import LEVEL_TITLES

pytestmark = pytest.mark.django_db

# One check for each level: (age, answered yes).
CHECKS_BY_LEVEL = {
    "emergency": (58, {"fever", "back_pain", "limb_weakness"}),
    "urgent": (29, {"fever", "back_pain"}),
    "soon": (40, {"back_pain", "severe_or_worsening_pain"}),
    "routine": (40, {"night_sweats"}),
    "self_care": (34, {"back_pain"}),
}
STATE_FIELD = re.compile(r'name="state" value="[^"]*"')


@pytest.fixture(params=[False, True], ids=["full-page", "htmx"])
def htmx(request):
    return request.param


def spanish(text: str) -> str:
    with translation.override("es"):
        return translation.gettext(text)


def checker_box(html: str) -> str:
    """The checker's own box, its signed state (which carries a timestamp) blanked."""
    box = html[html.index('<div id="checker"') :]
    box = box.split("</main>", 1)[0].split('<nav class="language-switch"', 1)[0]
    return STATE_FIELD.sub('name="state" value=""', box)


def switch_to(checker: Checker, address: str) -> Checker:
    """Press the language switch: its form posts the answers to the step in that language."""
    form = re.search(
        rf'<form method="post" action="{re.escape(address)}">(.*?)</form>', checker.html, re.S
    )
    assert form, f"no language switch to {address}"
    assert 'name="action" value="show"' in form.group(1)
    checker.path = address
    return checker.post(action="show")


def test_the_english_finder_sees_english_on_an_english_step(pages, client):
    checker = Checker(client).start().post({"age": "forty"})
    assert english_left_in(checker.html)


@pytest.mark.parametrize("level", CHECKS_BY_LEVEL)
def test_a_check_in_spanish_is_spanish_on_every_screen_to_each_level(pages, client, htmx, level):
    age, yes = CHECKS_BY_LEVEL[level]
    checker = Checker(client, htmx=htmx, path="/es/check/").run(age=age, yes=yes)
    assert checker.step == "result"
    assert spanish(LEVEL_TITLES[level]) in checker.html
    for html in checker.pages:
        assert english_left_in(html) == []
        assert 'action="/check/"' not in checker_box(html)  # every step posts to /es/check/
        if not htmx:
            assert '<html lang="es"' in html


def test_spanish_errors_and_hints_come_from_the_catalog(pages, client, htmx):
    checker = Checker(client, htmx=htmx, path="/es/check/").start()
    checker.post({"age": "forty"})
    assert spanish("Enter your age as a whole number, for example 45.") in checker.html
    checker.post({"age": "130"})
    assert english_left_in(checker.html) == []
    checker.post({"age": "70"}).post({})
    assert checker.step == "red_flags"
    assert 'class="error-message"' in checker.html
    assert english_left_in(checker.html) == []


def test_a_spanish_result_links_to_the_spanish_pages_and_a_spanish_take_home(pages, client):
    checker = Checker(client, path="/es/check/").run(age=29, yes={"fever", "back_pain"})
    assert "/es/conditions/spinal-epidural-abscess/#urgent-signs" in checker.html
    assert 'href="/conditions/' not in checker.html
    assert re.search(r'data-qr-url="http[^"]*/es/check/take-home/\?level=urgent', checker.html)


def test_the_take_home_page_opens_in_the_language_of_its_address(pages, client):
    response = client.get("/es/check/take-home/", {"level": "urgent", "pages": "sepsis"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es"' in html
    assert spanish(LEVEL_TITLES["urgent"]) in html
    assert 'href="/es/conditions/sepsis/"' in html
    assert re.search(r'data-qr-url="http[^"]*/es/check/take-home/\?level=urgent', html)
    assert english_left_in(html) == []


@pytest.mark.parametrize("answered", [False, True], ids=["first-step", "later-step"])
def test_the_language_switch_on_a_checker_step_is_a_form_carrying_the_answers(
    pages, client, answered
):
    checker = Checker(client).start()
    if answered:
        checker.post({"age": "40"})
    assert '<nav class="language-switch"' in checker.html
    assert re.search(
        r'<form method="post" action="/es/check/">\s*<input type="hidden" name="state" '
        rf'value="{re.escape(checker.state)}">\s*<button type="submit" name="action" '
        r'value="show" class="language-switch__button" lang="es">Español</button>',
        checker.html,
    )
    assert "/language/es/" not in checker.html  # not the link that would start again


def test_htmx_steps_bring_a_current_language_switch_out_of_band(pages, client):
    checker = Checker(client, htmx=True).start().post({"age": "40"})
    switch = checker.html.split('<nav class="language-switch"', 1)[1]
    assert 'hx-swap-oob="true"' in switch.split(">", 1)[0]
    assert f'value="{checker.state}"' in switch


@pytest.mark.parametrize("level", ["urgent", "self_care"])
def test_switching_language_mid_check_keeps_every_answer(pages, client, htmx, level):
    age, yes = CHECKS_BY_LEVEL[level]
    all_spanish = Checker(client, htmx=htmx, path="/es/check/").run(age=age, yes=yes)
    spanish_review = checker_box(all_spanish.pages[all_spanish.history.index("review")])

    switched = Checker(client, htmx=htmx).run(age=age, yes=yes)
    switched.post(action="change:review")
    assert switched.step == "review"
    switch_to(switched, "/es/check/")
    assert switched.step == "review"
    assert checker_box(switched.html) == spanish_review
    switched.post()
    assert checker_box(switched.html) == checker_box(all_spanish.html)


def test_switching_back_and_forth_on_a_question_keeps_the_answers(pages, client, htmx):
    checker = Checker(client, htmx=htmx).start().post({"age": "70"}).post({"none": "on"})
    step = checker.step
    switch_to(checker, "/es/check/")
    assert checker.step == step
    assert english_left_in(checker.html) == []
    switch_to(checker, "/check/")
    assert checker.step == step
    checker.post(action="back")
    assert checker.step == "red_flags"
    assert re.search(r'name="none"[^>]*checked', checker.html)


def test_switching_language_puts_nothing_in_the_address_or_a_cookie(pages, client):
    checker = Checker(client).run(age=29, yes={"fever", "back_pain"})
    answers_token = checker.state
    switch_to(checker, "/es/check/")
    response = checker.response
    assert response.status_code == 200  # shown there, not redirected to an address
    assert response.request["PATH_INFO"] == "/es/check/"
    assert response.request.get("QUERY_STRING", "") == ""
    assert not response.cookies
    assert answers_token not in response.get("Location", "")
    assert checker.step == "result"
    assert spanish(LEVEL_TITLES["urgent"]) in checker.html


def test_an_unreadable_state_sent_by_the_switch_starts_again_in_that_language(pages, client):
    response = client.post("/es/check/", {"state": "tampered", "action": "show"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-step="age"' in html
    assert english_left_in(html) == []


def test_how_the_checker_decides_in_spanish_links_to_the_spanish_pages(pages, client):
    html = client.get("/es/check/how-it-decides/").content.decode()
    assert 'href="/es/conditions/sepsis/"' in html
    assert 'href="/conditions/' not in html


def test_the_take_home_pages_language_switch_keeps_the_result(pages, client):
    html = client.get(
        "/es/check/take-home/", {"level": "urgent", "pages": "sepsis", "go": "maternity"}
    ).content.decode()
    switch = re.search(r'<nav class="language-switch".*?href="([^"]+)" lang="en"', html, re.S)
    assert switch
    response = client.get(switch.group(1).replace("&amp;", "&"))
    assert response.status_code == 302
    assert response["Location"] == "/check/take-home/?level=urgent&pages=sepsis&go=maternity"
    english = client.get(response["Location"]).content.decode()
    assert '<html lang="en"' in english and "Urgent" in english


def test_reasons_built_from_several_answers_are_joined_in_spanish(pages, client):
    checker = Checker(client, path="/es/check/").run(age=29, yes={"fever", "back_pain"})
    why = checker.html.split('id="why-title"', 1)[1].split("</section>", 1)[0]
    assert " y " in why
    assert " and " not in why
