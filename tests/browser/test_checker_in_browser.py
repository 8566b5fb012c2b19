"""The symptom checker in real Chromium: with htmx, without JavaScript, and with axe-core
(on every screen in each language; tests/browser/test_checker_in_spanish_in_browser.py
walks the Spanish checker itself)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.support.browser import (
    FOCUS_ON_STEP_HEADING,
    NEXT_BUTTON,
    WCAG_22_AA,
    answer_step,
    complete_check,
    continue_,
    current_step,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_emergency_with_javascript(page, live_server, pages):
    page.goto(live_server.url + "/check/")
    complete_check(page, live_server.url, 58, {"fever", "back_pain", "limb_weakness"})
    heading = page.locator("#step-title")
    assert "Emergency" in heading.inner_text()
    assert page.get_by_text("Call 911 now or go to the nearest emergency department.").is_visible()
    # Weakness alone fits no single condition: the hub explains every warning sign.
    assert page.locator("a[href='/conditions/back-pain-and-fever/#emergency-signs']").count() == 1


def test_steps_are_swapped_in_place_and_focus_moves_to_the_heading(page, live_server, pages):
    page.goto(live_server.url + "/check/")
    page.evaluate("window.__marker = 'still here'")
    page.get_by_label("Your age in years").fill("70")
    continue_(page)
    assert page.evaluate("window.__marker") == "still here"
    assert current_step(page) == "red_flags"
    # Focus moves once htmx has settled the swap, a moment after the new step is in.
    page.wait_for_function(FOCUS_ON_STEP_HEADING)
    assert page.evaluate("document.activeElement.id") == "step-title"
    assert page.title().startswith("Just to be safe")


def test_urgent_with_javascript(page, live_server, pages):
    complete_check(page, live_server.url, 29, {"fever", "back_pain"})
    assert "Urgent" in page.locator("#step-title").inner_text()
    assert page.locator("a[href='/conditions/spinal-epidural-abscess/#urgent-signs']").count() == 1
    assert page.locator(".result__level").get_by_text("urgent care center").is_visible()


def test_self_care_with_javascript(page, live_server, pages):
    complete_check(page, live_server.url, 34, {"back_pain"})
    assert "Self-care" in page.locator("#step-title").inner_text()
    assert page.get_by_role("heading", name="Get help faster if things change").is_visible()


def test_a_whole_check_with_javascript_off(browser, live_server, pages):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    complete_check(page, live_server.url, 40, {"back_pain"}, unsure={"fever"})
    assert "Urgent" in page.locator("#step-title").inner_text()
    assert "not sure" in page.locator("#checker").inner_text().lower()
    context.close()


def test_the_browser_back_button_returns_to_the_previous_step_with_answers(
    page, live_server, pages
):
    page.goto(live_server.url + "/check/")
    page.get_by_label("Your age in years").fill("70")
    continue_(page)
    answer_step(page, set())
    assert current_step(page) == "fever"
    page.locator("input[name=fever][value=yes]").check()
    page.locator("input[name=low_temperature][value=no]").check()
    page.locator("input[name=night_sweats][value=no]").check()
    page.locator("input[name=struggling_day_to_day][value=no]").check()
    continue_(page)
    assert current_step(page) == "back"

    page.go_back()
    page.wait_for_selector("#checker[data-step=fever]")
    assert page.locator("input[name=fever][value=yes]").is_checked()
    page.go_back()
    page.wait_for_selector("#checker[data-step=red_flags]")
    assert page.get_by_label("None of these").is_checked()
    page.wait_for_function(FOCUS_ON_STEP_HEADING)
    assert page.evaluate("document.activeElement.id") == "step-title"
    page.go_back()
    page.wait_for_selector("#checker[data-step=age]")
    assert page.get_by_label("Your age in years").input_value() == "70"
    page.go_forward()
    page.wait_for_selector("#checker[data-step=red_flags]")


def test_an_error_does_not_add_a_back_stop(page, live_server, pages):
    page.goto(live_server.url + "/check/")
    page.get_by_label("Your age in years").fill("70")
    continue_(page)
    page.get_by_role("button", name="Continue").click()  # nothing ticked: an error
    page.wait_for_selector(".error-summary")
    page.go_back()
    page.wait_for_selector("#checker[data-step=age]")


def test_the_in_form_back_button_keeps_answers(page, live_server, pages):
    page.goto(live_server.url + "/check/")
    page.get_by_label("Your age in years").fill("66")
    continue_(page)
    page.get_by_role("button", name="Back").click()
    page.wait_for_selector("#checker[data-step=age]")
    assert page.get_by_label("Your age in years").input_value() == "66"


def test_errors_are_announced_and_nothing_typed_is_lost(page, live_server, pages):
    page.goto(live_server.url + "/check/")
    page.get_by_label("Your age in years").fill("4o")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector(".error-summary")
    assert page.get_by_role("alert").is_visible()
    assert page.get_by_label("Your age in years").input_value() == "4o"


@pytest.mark.parametrize("language, path", [("en", "/check/"), ("es", "/es/check/")])
def test_every_step_and_result_has_no_axe_violations(browser, live_server, pages, language, path):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    seen: list[str] = []

    def check(page):
        page.wait_for_selector("#step-title")
        step = current_step(page)
        if step not in seen:
            seen.append(step)
            assert page.locator("html").get_attribute("lang") == language
            results = Axe().run(page, options=WCAG_22_AA)
            assert results.violations_count == 0, f"{step}: {results.generate_report()}"

    complete_check(page, live_server.url, 30, {"back_pain", "fever"}, on_step=check, path=path)
    check(page)
    # And an error state.
    page.goto(live_server.url + path)
    page.locator(NEXT_BUTTON).click()
    page.wait_for_selector(".error-summary")
    assert Axe().run(page, options=WCAG_22_AA).violations_count == 0
    context.close()
    assert {
        "age",
        "pregnancy",
        "red_flags",
        "fever",
        "back",
        "back_details",
        "review",
        "result",
    } <= set(seen)


def test_no_checker_request_goes_to_another_host(page, live_server, pages):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    complete_check(page, live_server.url, 45, {"confusion"})
    assert all(url.startswith(live_server.url) for url in requested), requested


def test_the_strict_content_security_policy_does_not_break_htmx(page, live_server, pages):
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    complete_check(page, live_server.url, 34, {"back_pain"})
    assert violations == []
