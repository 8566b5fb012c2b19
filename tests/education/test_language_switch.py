"""The language switch on every page, its cookie, and where the bare "/" sends a first visit."""

import re

import pytest
from django.conf import settings
from django.test import override_settings
from pytest_django.asserts import assertInHTML

from tests.support.kiosk import turn_on_kiosk

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_english_pages_offer_espanol_marked_as_spanish(pages, client):
    html = client.get("/conditions/sepsis/").content.decode()
    assertInHTML(
        '<a href="/language/es/?next=%2Fes%2Fconditions%2Fsepsis%2F" lang="es" hreflang="es">'
        "Español</a>",
        html,
    )
    assert ">English</a>" not in html


def test_spanish_pages_offer_english_marked_as_english(pages, client):
    html = client.get("/es/conditions/sepsis/").content.decode()
    assertInHTML(
        '<a href="/language/en/?next=%2Fconditions%2Fsepsis%2F" lang="en" hreflang="en">'
        "English</a>",
        html,
    )
    assert ">Español</a>" not in html


# The checker's switch is a form carrying the answers instead of a link
# (tests/triage/test_checker_in_spanish.py).
@pytest.mark.parametrize("path", ["/", "/about/", "/search/", "/conditions/"])
def test_every_page_has_the_switch(pages, client, path):
    html = client.get(path).content.decode()
    assert '<nav class="language-switch"' in html
    assert f"next={path.replace('/', '%2F').replace('%2F', '%2Fes%2F', 1)}" in html


def test_the_switch_sets_a_lax_long_lived_language_cookie_and_opens_the_page(client):
    response = client.get("/language/es/", {"next": "/es/conditions/sepsis/"})
    assert response.status_code == 302
    assert response["Location"] == "/es/conditions/sepsis/"
    cookie = response.cookies[COOKIE]
    assert cookie.value == "es"
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] >= 180 * 24 * 60 * 60
    assert cookie["httponly"]
    assert "no-store" in response["Cache-Control"]


@override_settings(LANGUAGE_COOKIE_SECURE=True)
def test_the_language_cookie_is_secure_when_the_site_is_https(client):
    response = client.get("/language/en/", {"next": "/"})
    assert response.cookies[COOKIE]["secure"]


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", ""]
)
def test_the_switch_never_sends_people_off_the_site(client, next_url):
    response = client.get("/language/es/", {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/es/"


def test_a_language_the_site_does_not_have_is_a_clear_404(client):
    response = client.get("/language/xx/", {"next": "/"})
    assert response.status_code == 404
    assert COOKIE not in response.cookies


def test_the_switch_answers_only_get_and_head(client):
    assert client.post("/language/es/", {"next": "/"}).status_code == 405


def test_content_pages_never_set_a_cookie(pages, client):
    for path in ("/", "/es/", "/conditions/sepsis/", "/es/conditions/sepsis/"):
        assert not client.get(path).cookies, path


def test_first_visit_to_the_root_follows_a_spanish_browser(pages, client):
    response = client.get("/", headers={"accept-language": "es-MX,es;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert {"Accept-Language", "Cookie"} <= set(re.split(r",\s*", response["Vary"]))


def test_first_visit_to_the_root_stays_english_for_an_english_browser(pages, client):
    response = client.get("/", headers={"accept-language": "en-US,en;q=0.9,es;q=0.5"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    assert {"Accept-Language", "Cookie"} <= set(re.split(r",\s*", response["Vary"]))


def test_the_chosen_language_wins_over_the_browser_s(pages, client):
    client.get("/language/en/", {"next": "/"})
    response = client.get("/", headers={"accept-language": "es"})
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    client.get("/language/es/", {"next": "/es/"})
    assert client.get("/", headers={"accept-language": "en"})["Location"] == "/es/"


def test_every_other_address_keeps_its_own_language(pages, client):
    """A shared link or QR code opens in the language it was made in."""
    spanish_browser = {"accept-language": "es"}
    response = client.get("/conditions/sepsis/", headers=spanish_browser)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()
    client.get("/language/en/", {"next": "/"})
    response = client.get("/es/conditions/sepsis/")
    assert '<html lang="es">' in response.content.decode()
    assert client.get("/es/").status_code == 200


def test_the_root_still_sends_a_kiosk_to_its_attract_screen(pages, client):
    response = turn_on_kiosk(client).get("/", headers={"accept-language": "es"})
    assert response.status_code == 302
    assert response["Location"].endswith("/kiosk/")


def test_an_english_root_page_still_gets_its_content_etag(pages, client):
    first = client.get("/", headers={"accept-language": "en"})
    assert first.has_header("ETag")
    again = client.get("/", headers={"accept-language": "en", "if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_the_english_and_spanish_home_pages_have_different_etags(pages, client):
    english = client.get("/", headers={"accept-language": "en"})["ETag"]
    spanish = client.get("/es/")["ETag"]
    assert english != spanish


def test_the_privacy_page_lists_the_language_cookie(pages, client):
    html = client.get("/privacy/").content.decode()
    assert "keeps one cookie that says which language you picked" in html
