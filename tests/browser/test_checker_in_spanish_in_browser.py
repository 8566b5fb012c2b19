"""The checker in Spanish in real Chromium: with htmx, without JavaScript, switching
language in the middle of a check, and axe-core on every Spanish screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import (
    NEXT_BUTTON,
    WCAG_22_AA,
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
    assert "70" not in page.url and "state" not in page.url


def test_every_spanish_step_and_result_has_no_axe_violations(browser, live_server, pages):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    seen: list[str] = []

    def check(page):
        page.wait_for_selector("#step-title")
        step = current_step(page)
        if step not in seen:
            seen.append(step)
            assert page.locator("html").get_attribute("lang") == "es"
            results = Axe().run(page, options=WCAG_22_AA)
            assert results.violations_count == 0, f"{step}: {results.generate_report()}"

    complete_check(
        page, live_server.url, 30, {"back_pain", "fever"}, on_step=check, path="/es/check/"
    )
    check(page)
    # And an error state.
    page.goto(live_server.url + "/es/check/")
    page.locator(NEXT_BUTTON).click()
    page.wait_for_selector(".error-summary")
    assert Axe().run(page, options=WCAG_22_AA).violations_count == 0
    context.close()
    assert {"age", "pregnancy", "red_flags", "fever", "back", "review", "result"} <= set(seen)
