"""The error summary in real Chromium: focus lands on it, its links reach the fields, axe passes."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache

from tests.support.browser import (
    FOCUS_ON_STEP_HEADING,
    WCAG_22_AA,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A function, as every wait here (tests/support/browser.py says why).
FOCUSED_IS_SUMMARY = "() => document.activeElement.matches('[data-module=error-summary]')"


@pytest.fixture
def axe_context(browser, live_server, pages):
    # bypass_csp only so axe-core can be injected; the site's policy is unchanged.
    context = browser.new_context(bypass_csp=True)
    yield context
    context.close()


def assert_axe_clean(page) -> None:
    results = Axe().run(page, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()


def test_an_htmx_step_with_errors_moves_focus_to_the_summary(axe_context, live_server):
    page = axe_context.new_page()
    page.goto(live_server.url + "/check/")
    page.evaluate("window.__marker = 'no reload'")
    page.get_by_label("Your age in years").fill("4o")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector("[data-module=error-summary]")
    assert page.evaluate("window.__marker") == "no reload"  # swapped by htmx
    page.wait_for_function(FOCUSED_IS_SUMMARY)
    assert page.title().startswith("Error: How old are you? – ")
    assert_axe_clean(page)

    page.get_by_role("link", name="Enter your age as a whole number, for example 45.").click()
    assert page.evaluate("document.activeElement.id") == "id_age"

    page.get_by_label("Your age in years").fill("70")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector("#checker[data-step=red_flags]")
    assert not page.title().startswith("Error:")
    # Focus moves once htmx has settled the swap, a moment after the new step is in.
    page.wait_for_function(FOCUS_ON_STEP_HEADING)
    assert page.evaluate("document.activeElement.id") == "step-title"


def test_a_summary_link_to_tick_boxes_focuses_the_first_box(axe_context, live_server):
    page = axe_context.new_page()
    page.goto(live_server.url + "/check/")
    page.get_by_label("Your age in years").fill("70")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector("#checker[data-step=red_flags]")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_function(FOCUSED_IS_SUMMARY)
    assert_axe_clean(page)
    page.locator("[data-module=error-summary] a").click()
    assert page.evaluate("document.activeElement.id") == "id_signs_0"


def test_a_page_loaded_with_errors_focuses_its_summary(axe_context, live_server):
    cache.clear()  # wrong PIN tries are counted; start from none
    page = axe_context.new_page()
    page.goto(live_server.url + "/kiosk/")
    for digit in "1357":
        page.locator(f".keypad [data-keypad-key='{digit}']").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Turn on kiosk mode").click()
    page.wait_for_function(FOCUSED_IS_SUMMARY)
    assert page.title().startswith("Error: Turn on kiosk mode")
    assert page.get_by_role("alert").inner_text().startswith("There is a problem")
    assert_axe_clean(page)
    page.locator("[data-module=error-summary] a").click()
    assert page.evaluate("document.activeElement.id") == "pin"


def test_without_javascript_the_summary_comes_first_and_the_title_says_error(
    browser, live_server, pages
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/check/")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_selector("[data-module=error-summary]")
    assert page.title().startswith("Error: ")
    first_heading = page.locator("#checker h1, #checker h2").first
    assert first_heading.inner_text() == "There is a problem"
    page.locator("[data-module=error-summary] a").click()
    assert page.evaluate("location.hash") == "#id_age"
    context.close()
