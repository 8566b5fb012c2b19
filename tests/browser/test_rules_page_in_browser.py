""" "How this checker decides" in real Chromium: accessible, fits a phone, reached from a result."""

import pytest

from tests.support.browser import (
    assert_no_axe_violations,
    complete_check,
)
from triage.rules import RULES_VERSION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = "/check/how-it-decides/"


def test_the_rules_page_has_no_wcag_22_aa_violations(browser, live_server, pages):
    # axe is injected with evaluate(); bypassing CSP lets it run without loosening the policy.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(live_server.url + PAGE)
    assert_no_axe_violations(page)
    context.close()


def test_the_rules_page_fits_a_320px_phone_without_sideways_scrolling(browser, live_server, pages):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(live_server.url + PAGE)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0


def test_the_rules_version_on_a_result_opens_the_rules_page(page, live_server, pages):
    # With JavaScript on, the result arrives through htmx; its link still opens the page.
    complete_check(page, live_server.url, age=34, yes={"back_pain"})
    version = page.get_by_role("link", name=f"Rules version {RULES_VERSION}: how this checker")
    version.click()
    page.wait_for_url(live_server.url + PAGE)
    assert page.locator("h1").inner_text() == "How this checker decides"
    assert page.locator(f'[id="version-{RULES_VERSION}"]').is_visible()
