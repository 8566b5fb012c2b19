"""What a person sees on a kiosk: no way off the site, staff first in an emergency, a number pad.

Every page a person can reach from the attract screen is fetched as a kiosk and
every href, action, src and formaction in it is read with an HTML parser.
"""

import re

import pytest
from django.test import Client
from django.utils.html import escape
from pytest_django.asserts import assertInHTML

from education.models import Page, Section
from tests.support.checker import Checker
from tests.support.kiosk import CHECK_FOR_LEVEL, addresses, stays_on_site, turn_on_kiosk
from triage.vocabulary import LEVELS

pytestmark = pytest.mark.django_db

STAFF_TEXT = "Please go to the front desk and tell the nurse."


class RecordingClient:
    """A test client that keeps every page it was sent, to check each one afterwards."""

    def __init__(self, client):
        self.client = client
        self.pages: list[tuple[str, str]] = []

    def _keep(self, url, response):
        self.pages.append((url, response.content.decode()))
        return response

    def get(self, url, *args, **kwargs):
        return self._keep(url, self.client.get(url, *args, **kwargs))

    def post(self, url, *args, **kwargs):
        return self._keep(url, self.client.post(url, *args, **kwargs))


def leaving_links(html: str) -> list[tuple[str, str, str]]:
    return [found for found in addresses(html) if not stays_on_site(found[2])]


def result_html(client, level: str, htmx: bool = False) -> str:
    age, yes = CHECK_FOR_LEVEL[level]
    checker = Checker(client, htmx=htmx).run(age=age, yes=yes)
    assert f"result--{level}" in checker.html, level
    return checker.html


# --- No way off the site ----------------------------------------------------------------------


def test_the_address_check_tells_site_paths_from_links_that_leave():
    for address in ("/", "/conditions/sepsis/#emergency-signs", "#main", "/static/css/site.css"):
        assert stays_on_site(address)
    for address in (
        "https://www.nhs.uk/",
        "http://127.0.0.1:8000/",
        "//evil.example/",
        "tel:911",
        "mailto:a@b.example",
        "javascript:alert(1)",
        "conditions/",
        "",
    ):
        assert not stays_on_site(address)


def test_the_address_check_finds_every_kind_of_address():
    html = (
        '<a href="https://x.example">x</a><form action="/check/"><button formaction="tel:1">'
        '</button></form><img src="//cdn.example/i.png"/><script src="/static/js/k.js"></script>'
    )
    assert leaving_links(html) == [
        ("a", "href", "https://x.example"),
        ("button", "formaction", "tel:1"),
        ("img", "src", "//cdn.example/i.png"),
    ]


def test_no_page_a_kiosk_reaches_links_or_posts_off_the_site(kiosk_client, pages):
    browser = RecordingClient(kiosk_client)
    home = browser.get("/", follow=True)
    assert home.redirect_chain == [("/kiosk/", 302)]
    for url in ("/kiosk/", "/conditions/", "/kiosk/staff/", "/kiosk/idle/?next=/check/"):
        browser.get(url)
    for slug in Page.objects.filter(language="en").values_list("slug", flat=True):
        browser.get(f"/conditions/{slug}/")
    for level in LEVELS:
        browser.get("/check/take-home/", {"level": level, "pages": "sepsis,discitis"})
    browser.get("/check/take-home/")
    browser.get("/search/", {"q": "kidney"})
    browser.get("/no-such-page/")
    assert len(browser.pages) == 8 + Page.objects.filter(language="en").count() + len(LEVELS)
    for url, html in browser.pages:
        assert '<body class="kiosk' in html, url
        assert leaving_links(html) == [], url
        assert "tel:" not in html and "mailto:" not in html, url


@pytest.mark.parametrize("htmx", [False, True], ids=["full-page", "htmx"])
def test_no_checker_step_or_result_on_a_kiosk_links_off_the_site(kiosk_client, pages, htmx):
    browser = RecordingClient(kiosk_client)
    steps = set()
    for level in LEVELS:
        checker = Checker(browser, htmx=htmx)
        age, yes = CHECK_FOR_LEVEL[level]
        checker.run(age=age, yes=yes)
        steps |= set(checker.history)
        checker.post(action="change:review")  # the "check your answers" screen
        steps.add(checker.step)
    assert {"age", "pregnancy", "red_flags", "review", "result"} <= steps
    assert len(steps) >= 8
    for url, html in browser.pages:
        assert leaving_links(html) == [], (url, html[:300])
        assert "tel:" not in html and "mailto:" not in html, url


def test_sources_on_a_kiosk_are_named_but_not_linked(kiosk_client, pages):
    html = kiosk_client.get("/conditions/sepsis/").content.decode()
    sources = re.search(r'<ol class="sources">(.*?)</ol>', html, re.DOTALL).group(1)
    names = Page.objects.get(language="en", slug="sepsis").sources.values_list("name", flat=True)
    assert names
    for name in names:
        assertInHTML(f"<li>{escape(name)}</li>", sources)
    assert "<a " not in sources


# --- Emergency results on a kiosk -------------------------------------------------------------


def staff_line_then_number(html: str, staff_text: str) -> tuple[int, int]:
    staff = html.find(f'<p class="result__staff">{staff_text}</p>')
    number = html.find('<p class="result__advice">Call 911 now')
    return staff, number


def test_an_emergency_result_on_a_kiosk_says_tell_the_staff_before_the_number(
    kiosk_client, pages, settings
):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = result_html(kiosk_client, "emergency")
    staff, number = staff_line_then_number(html, STAFF_TEXT)
    assert 0 <= staff < number
    assert "Tell the reception staff now." not in html


def test_an_emergency_result_on_a_kiosk_uses_the_built_in_staff_line_when_none_is_set(
    kiosk_client, pages, settings
):
    settings.KIOSK_EMERGENCY_TEXT = ""
    html = result_html(kiosk_client, "emergency")
    staff, number = staff_line_then_number(html, "Tell the reception staff now.")
    assert 0 <= staff < number


def test_an_emergency_result_on_a_kiosk_has_no_call_button(kiosk_client, pages):
    html = result_html(kiosk_client, "emergency")
    assert "button--emergency" not in html
    assert "tel:" not in html


@pytest.mark.parametrize("level", ["urgent", "soon", "routine", "self_care"])
def test_other_results_on_a_kiosk_have_no_staff_line(kiosk_client, pages, settings, level):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = result_html(kiosk_client, level)
    assert 'class="result__staff"' not in html


def test_the_emergency_strip_on_a_kiosk_puts_the_staff_first(kiosk_client, pages, settings):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = kiosk_client.get("/conditions/").content.decode()
    strip = re.search(r'<div class="emergency-strip".*?</div>\s*</div>', html, re.DOTALL).group(0)
    assert strip.index(STAFF_TEXT) < strip.index("911")


def test_an_emergency_take_home_page_on_a_kiosk_says_tell_the_staff_before_the_number(
    kiosk_client, pages, settings
):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = kiosk_client.get("/check/take-home/", {"level": "emergency"}).content.decode()
    staff, number = staff_line_then_number(html, STAFF_TEXT)
    assert 0 <= staff < number
    assert "tel:" not in html


def test_an_emergency_take_home_page_off_a_kiosk_keeps_the_call_button(client, pages, settings):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = client.get("/check/take-home/", {"level": "emergency"}).content.decode()
    assert 'href="tel:911"' in html
    assert STAFF_TEXT not in html


# --- Typing-free age on a kiosk ---------------------------------------------------------------


def test_the_age_step_on_a_kiosk_has_a_number_pad_and_a_readonly_field(kiosk_client, pages):
    html = Checker(kiosk_client).start().html
    field = re.search(r'<input type="text" name="age"[^>]*>', html).group(0)
    assert "readonly" in field
    assert 'inputmode="none"' in field
    assert 'class="keypad"' in html
    for key in [*"0123456789", "delete", "clear"]:
        assert f'<button type="submit" name="action" value="key:{key}"' in html
    assert "Use the number pad" in html


def test_the_age_step_on_a_kiosk_tells_a_person_in_an_emergency_to_tell_the_staff(
    kiosk_client, pages, settings
):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = Checker(kiosk_client).start().html
    assert re.search(r"do not use this checker[^<]*" + re.escape(STAFF_TEXT), html)
    assert "call 911 now" not in html.split('<main id="main"', 1)[1]


def test_no_other_checker_step_on_a_kiosk_shows_the_number_pad(kiosk_client, pages):
    checker = Checker(kiosk_client).start().post({"age": "70"})
    assert checker.step == "red_flags"
    assert 'class="keypad"' not in checker.html


# --- Everyone else sees the public site unchanged ---------------------------------------------


def test_sources_are_still_linked_off_a_kiosk(client, pages):
    html = client.get("/conditions/sepsis/").content.decode()
    sources = re.search(r'<ol class="sources">(.*?)</ol>', html, re.DOTALL).group(1)
    assert re.search(r'<a href="https://[^"]+" rel="noopener noreferrer">', sources)


def test_an_emergency_result_off_a_kiosk_has_the_call_button_and_no_staff_line(
    client, pages, settings
):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    html = result_html(client, "emergency")
    assert 'href="tel:911"' in html
    assert STAFF_TEXT not in html
    assert "Tell the reception staff" not in html


def test_the_age_step_off_a_kiosk_is_a_plain_field_without_a_number_pad(client, pages):
    html = Checker(client).start().html
    field = re.search(r'<input type="text"[^>]*name="age"[^>]*>', html).group(0)
    assert "readonly" not in field
    assert 'inputmode="numeric"' in field
    assert 'class="keypad"' not in html
    assert "call 911 now" in html


def test_public_pages_have_no_kiosk_markup(client, pages):
    for url in ("/", "/conditions/", "/conditions/sepsis/", "/check/"):
        html = client.get(url).content.decode()
        assert '<body class="kiosk' not in html, url
        assert "kiosk.css" not in html and "kiosk.js" not in html, url
        assert "Finish and clear" not in html, url
        assert 'href="/search/"' in html, url


def test_a_kiosk_and_a_phone_side_by_side_each_see_their_own_page(client, pages):
    kiosk = turn_on_kiosk(Client())
    public = client.get("/conditions/sepsis/").content.decode()
    on_kiosk = kiosk.get("/conditions/sepsis/").content.decode()
    assert 'rel="noopener noreferrer"' in public
    assert 'rel="noopener noreferrer"' not in on_kiosk


def test_links_an_editor_writes_into_a_page_are_not_links_on_a_kiosk(kiosk_client, pages):
    section = Section.objects.filter(page__slug="discitis").first()
    section.body += "\n\nMore at [the NHS](https://www.nhs.uk/conditions/discitis/)."
    section.save()
    public = Client().get("/conditions/discitis/").content.decode()
    assert 'href="https://www.nhs.uk/conditions/discitis/"' in public
    html = kiosk_client.get("/conditions/discitis/").content.decode()
    assert "the NHS" in html
    assert [a for a in addresses(html) if not stays_on_site(a[2])] == []
