"""The GOV.UK/NHS error summary on every form that can have errors: checker steps, kiosk PIN."""

import re

import pytest

from tests.support.checker import Checker
from tests.support.kiosk import turn_on_kiosk

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(
    r'<div class="error-summary" data-module="error-summary"[^>]*>(.*?)</div>\s*</div>', re.S
)


def summary_links(html: str) -> list[tuple[str, str]]:
    match = SUMMARY.search(html)
    assert match, "no error summary"
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', match.group(1))


def title(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def assert_summary_links_to_real_inputs(html: str) -> list[tuple[str, str]]:
    links = summary_links(html)
    assert links
    for field_id, _message in links:
        assert re.search(rf'<input[^>]* id="{field_id}"', html), field_id
    return links


def assert_alert_role_on_the_inner_box(html: str) -> None:
    # As GOV.UK Frontend: the focused box has no role; its first child is the alert.
    assert re.search(r'data-module="error-summary"[^>]*>\s*<div role="alert">', html)
    assert 'class="error-summary" role="alert"' not in html


def test_the_age_step_with_no_age(pages, client):
    checker = Checker(client).start()
    assert not title(checker.html).startswith("Error:")
    checker.post({"age": ""})
    assert title(checker.html).startswith("Error: About you – ")
    assert assert_summary_links_to_real_inputs(checker.html) == [
        ("id_age", "Enter your age in years, for example 45.")
    ]
    assert_alert_role_on_the_inner_box(checker.html)


def test_the_warning_signs_step_with_nothing_ticked_links_to_the_first_box(pages, client):
    checker = Checker(client).start()
    checker.post({"age": "70"})
    assert checker.step == "red_flags"
    checker.post({})
    assert title(checker.html).startswith("Error: ")
    [(field_id, message)] = assert_summary_links_to_real_inputs(checker.html)
    assert field_id == "id_signs_0"
    assert "None of these" in message


def test_a_question_step_links_each_unanswered_question(pages, client):
    checker = Checker(client).start()
    checker.post({"age": "70"})
    checker.post({"none": "on"})
    assert checker.step == "fever"
    checker.post({})
    links = assert_summary_links_to_real_inputs(checker.html)
    assert len(links) >= 2
    assert all(field_id.endswith("_0") for field_id, _ in links)
    assert {message for _, message in links} == {"Choose Yes, No or Not sure."}


def test_an_htmx_swap_brings_the_summary_and_its_title_prefix(pages, client):
    checker = Checker(client, htmx=True).start()
    checker.post({"age": "two hundred"})
    assert "<title>" not in checker.html  # a partial: checker.js sets the title
    assert 'data-title-prefix="Error:"' in checker.html
    assert_summary_links_to_real_inputs(checker.html)


def test_a_step_without_errors_has_no_summary(pages, client):
    checker = Checker(client).start()
    checker.post({"age": "70"})
    assert 'data-module="error-summary"' not in checker.html
    assert not title(checker.html).startswith("Error:")


@pytest.mark.parametrize("url", ["/kiosk/", "/kiosk/staff/"])
def test_a_wrong_kiosk_pin(pages, client, url):
    if url == "/kiosk/staff/":
        turn_on_kiosk(client)
    response = client.post(url, {"pin": "1357", "action": "enter"})
    html = response.content.decode()
    assert response.status_code == 400
    assert title(html).startswith("Error: ")
    assert assert_summary_links_to_real_inputs(html) == [
        ("pin", "That PIN is not right. Try again.")
    ]
    assert_alert_role_on_the_inner_box(html)
    assert 'aria-describedby="pin-error"' in html


def test_the_kiosk_pin_pad_without_a_mistake_has_no_summary(pages, client):
    html = client.get("/kiosk/").content.decode()
    assert 'data-module="error-summary"' not in html
    assert not title(html).startswith("Error:")
