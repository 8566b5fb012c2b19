"""The checker in Spanish in real Chromium: with htmx, without JavaScript, and switching
language in the middle of a check. axe-core checks every Spanish screen in
tests/browser/test_checker_in_browser.py, with the English ones."""

from urllib.parse import urlsplit

import pytest

from tests.support.browser import (
    complete_check,
    continue_,
    current_step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_spanish_urgent_result(page) -> None:
    assert page.locator("html").get_attribute("lang") == "es"
    assert "Urgente" in page.locator("#step-title").inner_text()
    link = "a[href='/es/conditions/spinal-epidural-abscess/#urgent-signs']"
    assert page.locator(link).count() == 1
    assert "/es/check/take-home/?level=urgent" in page.locator(".qr").get_attribute("data-qr-url")


def test_a_whole_check_in_spanish_with_javascript(page, live_server, pages):
    complete_check(page, live_server.url, 29, {"fever", "back_pain"}, path="/es/check/")
    assert_spanish_urgent_result(page)
    assert page.url == live_server.url + "/es/check/"


def test_a_whole_check_in_spanish_with_javascript_off(browser, live_server, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    complete_check(page, live_server.url, 29, {"fever", "back_pain"}, path="/es/check/")
    assert_spanish_urgent_result(page)
    # The switch is a plain form: the same result, in English, with nothing in the address.
    page.get_by_role("button", name="English").click()
    page.wait_for_url(live_server.url + "/check/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Urgent" in page.locator("#step-title").inner_text()
    context.close()


def test_switching_language_after_htmx_steps_keeps_the_answers(page, live_server, pages):
    page.goto(live_server.url + "/es/check/")
    page.locator("#checker input[name=age]").fill("70")
    continue_(page)  # swapped in by htmx: the header's switch must carry the new answers
    assert current_step(page) == "red_flags"
    page.get_by_label("Ninguna de estas").check()
    continue_(page)
    step = current_step(page)
    assert step not in ("age", "red_flags")

    switch = page.get_by_role("button", name="English")
    assert switch.get_attribute("lang") == "en"
    switch.click()
    page.wait_for_url(live_server.url + "/check/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert current_step(page) == step
    page.get_by_role("button", name="Back").click()
    page.wait_for_selector("#checker[data-step=red_flags]")
    assert page.get_by_label("None of these").is_checked()
    page.get_by_role("button", name="Back").click()
    page.wait_for_selector("#checker[data-step=age]")
    assert page.locator("#checker input[name=age]").input_value() == "70"
    # The path and query only: the live server's random port may well contain "70".
    address = urlsplit(page.url)
    assert "70" not in address.path + address.query and "state" not in address.query
