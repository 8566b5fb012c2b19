"""A kiosk in every language: language buttons on the attract screen, and every turn
starting in the clinic's language (KIOSK_LANGUAGE) once the kiosk clears."""

import re

import pytest
from django.conf import settings as django_settings
from pytest_django.asserts import assertInHTML

from tests.support.checker import Checker
from tests.support.kiosk import CHECK_FOR_LEVEL, turn_on_kiosk
from tests.support.spanish import english_left_in
from tests.support.take_home import page_qr_urls

pytestmark = pytest.mark.django_db

LANGUAGE_BUTTON = re.compile(
    r'<a class="attract__language" href="([^"]+)" lang="(\w+)"[^>]*>([^<]+)</a>'
)
PUBLIC = "https://guide.example.org"


def language_buttons(html: str) -> list[tuple[str, str, str]]:
    return LANGUAGE_BUTTON.findall(html)


def test_the_attract_screen_offers_every_language_as_a_large_button(kiosk_client):
    html = kiosk_client.get("/kiosk/").content.decode()
    assert language_buttons(html) == [
        ("/kiosk/", "en", "English"),
        ("/es/kiosk/", "es", "Español"),
    ]
    assert re.search(r'href="/kiosk/" lang="en" hreflang="en" aria-current="page"', html)
    assert '<nav class="language-switch"' not in html  # the buttons replace the header's links


def test_the_spanish_attract_screen_starts_a_spanish_turn(kiosk_client, pages):
    html = kiosk_client.get("/es/kiosk/").content.decode()
    assert '<html lang="es"' in html
    assert re.search(r'href="/es/kiosk/" lang="es" hreflang="es" aria-current="page"', html)
    choices = re.findall(r'<a class="attract__choice[^"]*" href="([^"]+)"', html)
    assert choices == ["/es/check/", "/es/conditions/"]
    assert english_left_in(html) == []


@pytest.mark.parametrize("level", list(CHECK_FOR_LEVEL))
def test_a_spanish_turn_ends_in_a_spanish_result_with_a_spanish_qr_code(
    kiosk_client, pages, settings, level
):
    settings.PUBLIC_BASE_URL = PUBLIC
    age, yes = CHECK_FOR_LEVEL[level]
    checker = Checker(kiosk_client, path="/es/check/").run(age=age, yes=yes)
    assert checker.step == "result"
    assert '<html lang="es"' in checker.html
    assert english_left_in(checker.html) == []
    [take_home] = page_qr_urls(checker.html)
    assert take_home.startswith(f"{PUBLIC}/es/check/take-home/?level={level}")
    printed = kiosk_client.get(take_home.removeprefix(PUBLIC)).content.decode()
    assert '<html lang="es"' in printed and english_left_in(printed) == []


def test_switching_language_on_a_kiosk_keeps_the_turns_answers(kiosk_client, pages):
    checker = Checker(kiosk_client).start().post({"age": "70"}).post({"none": "on"})
    step = checker.step
    checker.path = "/es/check/"
    checker.post(action="show")
    assert checker.step == step
    assert '<html lang="es"' in checker.html


@pytest.mark.parametrize("kiosk_language", ["en", "es"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_clearing_a_spanish_turn_starts_the_next_in_the_clinics_language(
    kiosk_client, settings, kiosk_language, method
):
    settings.KIOSK_LANGUAGE = kiosk_language
    attract = "/kiosk/" if kiosk_language == "en" else f"/{kiosk_language}/kiosk/"
    response = getattr(kiosk_client, method)("/es/kiosk/clear/")
    assert response.status_code == 303
    assert response["Location"] == attract
    html = kiosk_client.get(attract).content.decode()
    assert f'<html lang="{kiosk_language}"' in html


def test_clearing_forgets_the_language_the_last_person_chose(kiosk_client):
    kiosk_client.get("/language/es/", {"next": "/es/kiosk/"})
    assert kiosk_client.cookies[django_settings.LANGUAGE_COOKIE_NAME].value == "es"
    response = kiosk_client.post("/es/kiosk/clear/")
    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "" and cookie["max-age"] == 0
    assert response["Location"] == "/kiosk/"


def test_a_kiosk_is_turned_on_at_the_attract_screen_in_the_clinics_language(client, settings):
    settings.KIOSK_LANGUAGE = "es"
    response = client.post("/kiosk/", {"pin": settings.KIOSK_PIN, "action": "enter"})
    assert response.status_code == 303
    assert response["Location"] == "/es/kiosk/"


@pytest.mark.parametrize(
    ("kiosk_language", "home", "attract"),
    [("en", "/", "/kiosk/"), ("es", "/", "/es/kiosk/"), ("en", "/es/", "/es/kiosk/")],
)
def test_a_kiosks_home_is_the_attract_screen_in_its_language(
    client, settings, kiosk_language, home, attract
):
    turn_on_kiosk(client)
    settings.KIOSK_LANGUAGE = kiosk_language
    response = client.get(home)
    assert response.status_code == 302
    assert response["Location"] == attract


@pytest.mark.parametrize("kiosk_language", ["en", "es"])
def test_the_offline_page_speaks_every_language_the_clinics_first(
    kiosk_client, settings, kiosk_language
):
    settings.KIOSK_LANGUAGE = kiosk_language
    html = kiosk_client.get("/kiosk/offline/").content.decode()
    assert f'<html lang="{kiosk_language}"' in html
    messages = dict(
        re.findall(r'<div class="offline__message" lang="(\w+)">(.*?)</div>', html, re.S)
    )
    assert next(iter(messages)) == kiosk_language
    assert sorted(messages) == sorted(code for code, _name in settings.LANGUAGES)
    assert "This screen is not working right now." in messages["en"]
    assert "tell the reception staff now" in messages["en"]
    assert "Llame al" not in messages["en"]
    assert english_left_in(messages["es"]) == []
    assertInHTML("<strong>911</strong>", messages["es"])
