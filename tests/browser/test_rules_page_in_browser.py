""" "How this checker decides" in real Chromium: reached from a result.

Axe and the 320 px check run on it with the other site pages (test_pages_in_browser.py).
"""

import pytest

from tests.support.browser import complete_check
from triage.rules import RULES_VERSION

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = "/check/how-it-decides/"


def test_the_rules_version_on_a_result_opens_the_rules_page(page, live_server, pages):
    # With JavaScript on, the result arrives through htmx; its link still opens the page.
    complete_check(page, live_server.url, age=34, yes={"back_pain"})
    version = page.get_by_role("link", name=f"Rules version {RULES_VERSION}: how this checker")
    version.click()
    page.wait_for_url(live_server.url + PAGE)
    assert page.locator("h1").inner_text() == "How this checker decides"
    assert page.locator(f'[id="version-{RULES_VERSION}"]').is_visible()
