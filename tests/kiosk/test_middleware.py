"""The kiosk middleware: which requests are a kiosk's, and keeping kiosk pages out of caches."""

import pytest
from django.core import signing
from django.test import Client

from kiosk.device import COOKIE_NAME, COOKIE_SALT

pytestmark = pytest.mark.django_db

CONTENT_URLS = ["/conditions/", "/conditions/sepsis/", "/search/?q=kidney"]
KIOSK_URLS = [
    "/",
    "/kiosk/",
    "/kiosk/staff/",
    "/kiosk/idle/?next=/check/",
    "/kiosk/clear/",
    "/kiosk/offline/",
    "/kiosk/alive/",
    "/kiosk/service-worker.js",
    "/check/",
    "/check/take-home/?level=urgent&pages=sepsis",
    "/check/take-home/",
    "/check/summary/?level=urgent&pages=sepsis",  # the take-home page's first address
    "/no-such-page/",
    "/robots.txt",
    "/triage/api/contract",
    *CONTENT_URLS,
]


def vary(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",")}


def test_every_kiosk_response_is_no_store_and_private(kiosk_client, pages):
    for url in KIOSK_URLS:
        response = kiosk_client.get(url)
        cache_control = response["Cache-Control"]
        assert "no-store" in cache_control, url
        assert "private" in cache_control, url
        assert "public" not in cache_control, url
        assert not response.has_header("ETag"), url
        assert not response.has_header("Last-Modified"), url


def test_a_kiosk_checker_post_is_no_store_and_private(kiosk_client, pages):
    response = kiosk_client.post("/check/", {"state": "", "action": "next"})
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_every_dynamic_response_varies_on_cookie_for_a_kiosk(kiosk_client, pages):
    for url in KIOSK_URLS:
        assert "cookie" in vary(kiosk_client.get(url)), url


def test_every_dynamic_response_varies_on_cookie_for_everyone_else(client, pages):
    """A shared cache must never hand a public page to a kiosk, or a kiosk page to a phone."""
    for url in KIOSK_URLS:
        assert "cookie" in vary(client.get(url)), url
    assert "cookie" in vary(client.post("/kiosk/", {"pin": "1", "action": "enter"}))


def test_htmx_checker_steps_vary_on_both_cookie_and_htmx(kiosk_client, pages):
    response = kiosk_client.get("/check/", headers={"hx-request": "true"})
    assert {"cookie", "hx-request"} <= vary(response)


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_content_pages_on_a_kiosk_send_no_etag(kiosk_client, pages, url):
    response = kiosk_client.get(url)
    assert response.status_code == 200
    assert not response.has_header("ETag")


# Search results have no ETag at all (never cached, tests/education/test_caching.py).
PUBLIC_CACHEABLE_URLS = [url for url in CONTENT_URLS if not url.startswith("/search/")]


@pytest.mark.parametrize(
    "url", [*PUBLIC_CACHEABLE_URLS, "/check/take-home/?level=soon&pages=discitis"]
)
def test_a_kiosk_never_gets_304_even_for_the_public_pages_etag(kiosk_client, pages, url):
    public = Client().get(url)
    assert public.status_code == 200 and public["ETag"]
    response = kiosk_client.get(url, headers={"if-none-match": public["ETag"]})
    assert response.status_code == 200
    assert '<body class="kiosk' in response.content.decode()


def test_a_kiosk_never_gets_304_for_any_etag(kiosk_client, pages):
    response = kiosk_client.get("/conditions/sepsis/", headers={"if-none-match": "*"})
    assert response.status_code == 200


def test_the_public_pages_are_still_cacheable_beside_a_kiosk(kiosk_client, pages):
    public = Client()
    response = public.get("/conditions/sepsis/")
    assert response["ETag"]
    assert "public" in response["Cache-Control"]
    again = public.get("/conditions/sepsis/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


@pytest.mark.parametrize(
    "value",
    [
        "not-signed",
        "",
        "abc:1xUil2:forged-signature",
        signing.get_cookie_signer(salt=COOKIE_NAME + "another.salt").sign("abc"),
        signing.get_cookie_signer(salt="sessionid" + COOKIE_SALT).sign("abc"),
    ],
    ids=["unsigned", "empty", "forged", "other-salt", "other-cookie"],
)
def test_a_tampered_kiosk_cookie_is_treated_as_no_kiosk(client, pages, value):
    client.cookies[COOKIE_NAME] = value
    home = client.get("/")
    assert home.status_code == 200
    assert home["ETag"]
    assert '<body class="kiosk' not in home.content.decode()
    assert "Turn on kiosk mode" in client.get("/kiosk/").content.decode()
    assert client.get("/kiosk/clear/")["Location"] == "/"


def test_a_kiosk_cookie_with_its_value_changed_is_treated_as_no_kiosk(kiosk_client, pages):
    value = kiosk_client.cookies[COOKIE_NAME].value
    generation, rest = value.split(":", 1)
    kiosk_client.cookies[COOKIE_NAME] = f"{generation}x:{rest}"
    assert kiosk_client.get("/").status_code == 200
    assert "Turn on kiosk mode" in kiosk_client.get("/kiosk/").content.decode()


def test_removing_the_pin_setting_turns_kiosk_mode_off(kiosk_client, pages, settings):
    settings.KIOSK_PIN = ""
    response = kiosk_client.get("/conditions/")
    assert '<body class="kiosk' not in response.content.decode()


def test_the_home_page_of_a_kiosk_is_its_attract_screen(kiosk_client):
    response = kiosk_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/kiosk/"


def test_the_home_page_of_a_kiosk_still_refuses_a_post(kiosk_client):
    assert kiosk_client.post("/").status_code == 405
