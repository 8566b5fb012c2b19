"""Structured data and Infobutton links in real Chromium, under the site's real CSP."""

import json

import pytest

from tests.support.browser import (
    PAGE_URLS,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Runs before any page script, outside the page's CSP, and records every
# violation the browser reports for the page.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.parametrize("url", PAGE_URLS)
def test_the_json_ld_block_breaks_no_csp_rule_and_parses_in_the_browser(
    page, live_server, pages, url
):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    response = page.goto(live_server.url + url)
    csp = response.headers["content-security-policy"]
    assert "unsafe-inline" not in csp and "nonce-" not in csp
    blocks = page.eval_on_selector_all(
        "script[type='application/ld+json']", "nodes => nodes.map(n => n.textContent)"
    )
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@type"] == "MedicalWebPage"
    assert page.evaluate("window.__cspViolations") == []
    assert not [text for text in console if "Content Security Policy" in text]

    # The recorder works: an inline script that would run is blocked and reported.
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__ran = true'; document.body.append(s); }"
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__ran") is None


def test_a_record_link_opens_the_page_in_the_browser(page, live_server, pages):
    page.goto(
        live_server.url + "/infobutton/?mainSearchCriteria.v.cs=2.16.840.1.113883.6.96"
        "&mainSearchCriteria.v.c=91302008&mainSearchCriteria.v.dn=Sepsis"
        "&informationRecipient.languageCode.c=en"
    )
    assert page.url == live_server.url + "/conditions/sepsis/"
    assert page.locator("h1").inner_text() == "Sepsis"
