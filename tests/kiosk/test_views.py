"""Kiosk views over HTTP: turning kiosk mode on and off, the attract screen, clearing, idle."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory
from pytest_django.asserts import assertInHTML

from kiosk import pin
from kiosk.device import COOKIE_MAX_AGE_SECONDS, COOKIE_NAME, kiosk_for
from tests.support.kiosk import kiosk_cookie, turn_on_kiosk

pytestmark = pytest.mark.django_db

PIN = "2468"  # tests/settings.py
NOT_RIGHT = "That PIN is not right. Try again."
LOCKED_OUT = "Too many wrong tries."


def pin_field(html: str) -> str:
    match = re.search(r'<input\b[^>]*\bname="pin"[^>]*>', html)
    assert match, "no PIN field on the page"
    return match.group(0)


def entry_shown(html: str) -> str:
    """The value in the PIN field, as the page shows it."""
    return re.search(r'\bvalue="([^"]*)"', pin_field(html)).group(1)


def press_keys(client, keys: str, url: str = "/kiosk/", entry: str = ""):
    """Press number pad keys one at a time, each a form submit, as without JavaScript."""
    response = None
    for key in keys:
        response = client.post(url, {"pin": entry, "action": f"key:{key}"})
        assert response.status_code == 200
        entry = entry_shown(response.content.decode())
    return response, entry


def wrong_pins(client, count: int, url: str = "/kiosk/", **extra):
    response = None
    for _ in range(count):
        response = client.post(url, {"pin": "1111", "action": "enter"}, **extra)
    return response


# --- Not set up -----------------------------------------------------------------------------


def test_without_a_pin_setting_kiosk_mode_is_a_404_page_that_says_how_to_set_it_up(
    client, settings
):
    settings.KIOSK_PIN = ""
    response = client.get("/kiosk/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Kiosk mode is not set up" in html
    assert "KIOSK_PIN" in html
    assert 'name="pin"' not in html


def test_without_a_pin_setting_no_pin_turns_kiosk_mode_on(client, settings):
    settings.KIOSK_PIN = ""
    response = client.post("/kiosk/", {"pin": "", "action": "enter"})
    assert response.status_code == 404
    assert COOKIE_NAME not in response.cookies


# --- Turning kiosk mode on ------------------------------------------------------------------


def test_the_staff_page_asks_for_the_pin_with_a_number_pad(client):
    response = client.get("/kiosk/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Turn on kiosk mode" in html
    assert '<form class="pin-form" method="post" action="/kiosk/"' in html
    field = pin_field(html)
    assert "readonly" in field
    assert 'inputmode="none"' in field
    assert 'autocomplete="off"' in field
    for key in [*"0123456789", "delete", "clear"]:
        assert f'name="action" value="key:{key}"' in html
    assert COOKIE_NAME not in response.cookies


def test_pin_pad_key_presses_without_javascript_build_the_entry(client):
    response, entry = press_keys(client, "246")
    assert entry == "246"
    assert COOKIE_NAME not in response.cookies


def test_pin_pad_delete_and_clear_edit_the_entry(client):
    response = client.post("/kiosk/", {"pin": "246", "action": "key:delete"})
    assert entry_shown(response.content.decode()) == "24"
    response = client.post("/kiosk/", {"pin": "24", "action": "key:clear"})
    assert entry_shown(response.content.decode()) == ""


def test_pin_pad_drops_anything_that_is_not_a_digit(client):
    response = client.post("/kiosk/", {"pin": '2"><b>4', "action": "key:6"})
    assert entry_shown(response.content.decode()) == "246"


def test_pin_pad_stops_at_the_longest_pin(client):
    response = client.post("/kiosk/", {"pin": "9" * 20, "action": "key:1"})
    assert entry_shown(response.content.decode()) == "9" * pin.MAX_LENGTH


def test_key_presses_are_not_counted_as_wrong_tries(client):
    press_keys(client, "1" * (pin.MAX_WRONG_TRIES + 2))
    assert client.post("/kiosk/", {"pin": PIN, "action": "enter"}).status_code == 303


def test_wrong_pin_leaves_the_browser_out_of_kiosk_mode(client):
    response = client.post("/kiosk/", {"pin": "1357", "action": "enter"})
    html = response.content.decode()
    assert response.status_code == 400
    assert NOT_RIGHT in html
    assert 'role="alert"' in html
    assert entry_shown(html) == ""
    assert COOKIE_NAME not in response.cookies
    assert "Turn on kiosk mode" in client.get("/kiosk/").content.decode()


def test_an_empty_pin_is_a_wrong_pin(client):
    response = client.post("/kiosk/", {"action": "enter"})
    assert response.status_code == 400
    assert COOKIE_NAME not in response.cookies


def test_right_pin_makes_the_browser_a_kiosk_with_a_signed_httponly_lax_cookie(client):
    response = client.post("/kiosk/", {"pin": PIN, "action": "enter"})
    assert response.status_code == 303
    assert response["Location"] == "/kiosk/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/"
    assert cookie["max-age"] == COOKIE_MAX_AGE_SECONDS
    assert not cookie["secure"]  # tests run with HTTPS off
    request = RequestFactory().get("/", HTTP_COOKIE=f"{COOKIE_NAME}={cookie.value}")
    kiosk = kiosk_for(request)
    assert kiosk is not None and kiosk.generation
    assert cookie.value != kiosk.generation  # signed, not the bare value


def test_right_pin_sets_no_other_cookie(client):
    response = client.post("/kiosk/", {"pin": PIN, "action": "enter"})
    assert set(response.cookies) == {COOKIE_NAME}


def test_the_kiosk_cookie_is_secure_when_the_site_uses_https(client, settings):
    settings.HTTPS = True
    response = client.post("/kiosk/", {"pin": PIN, "action": "enter"}, secure=True)
    assert response.cookies[COOKIE_NAME]["secure"] is True


def test_the_pin_form_works_without_a_csrf_token(db):
    """A kiosk keeps no CSRF cookie; the PIN is what guards this form."""
    client = Client(enforce_csrf_checks=True)
    response = client.post("/kiosk/", {"pin": PIN, "action": "enter"})
    assert response.status_code == 303
    assert "csrftoken" not in response.cookies


def test_an_entry_built_on_the_pad_then_entered_turns_kiosk_mode_on(client):
    _, entry = press_keys(client, PIN)
    response = client.post("/kiosk/", {"pin": entry, "action": "enter"})
    assert response.status_code == 303


def test_other_methods_are_refused(client):
    assert client.put("/kiosk/").status_code == 405
    assert client.delete("/kiosk/clear/").status_code == 405
    assert client.post("/kiosk/idle/").status_code == 405


# --- The attract screen ---------------------------------------------------------------------


def test_a_kiosk_shows_the_attract_screen_with_two_large_choices(kiosk_client):
    response = kiosk_client.get("/kiosk/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Touch to start" in html
    choices = re.findall(r'<a class="attract__choice[^"]*" href="([^"]+)"', html)
    assert choices == ["/check/", "/conditions/"]
    assert "Check my symptoms" in html and "Read about a condition" in html


def test_the_attract_screen_has_a_staff_link_and_no_pin_form(kiosk_client):
    html = kiosk_client.get("/kiosk/").content.decode()
    assert re.search(r'<a href="/kiosk/staff/">\s*Staff\s*</a>', html)
    assert 'name="pin"' not in html


def test_the_attract_screen_does_not_time_out(kiosk_client):
    html = kiosk_client.get("/kiosk/").content.decode()
    assert 'http-equiv="refresh"' not in html
    assert '<dialog class="kiosk-idle"' not in html


def test_posting_to_kiosk_on_a_kiosk_just_shows_the_attract_screen(kiosk_client):
    generation = kiosk_cookie(kiosk_client)
    response = kiosk_client.post("/kiosk/", {"pin": PIN, "action": "enter"})
    assert response.status_code == 302
    assert response["Location"] == "/kiosk/"
    assert COOKIE_NAME not in response.cookies
    assert kiosk_cookie(kiosk_client) == generation


def test_kiosk_pages_say_they_are_a_kiosk_and_offer_finish_and_clear(kiosk_client, pages):
    html = kiosk_client.get("/conditions/").content.decode()
    assert '<body class="kiosk' in html
    assert '<form class="kiosk-finish" method="post" action="/kiosk/clear/"' in html
    assert "Finish and clear" in html
    assertInHTML('<meta name="robots" content="noindex">', html)


# --- Finish and clear -----------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_clear_starts_a_new_turn_and_returns_to_the_attract_screen(kiosk_client, method):
    before = kiosk_cookie(kiosk_client)
    response = getattr(kiosk_client, method)("/kiosk/clear/")
    assert response.status_code == 303
    assert response["Location"] == "/kiosk/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value and cookie.value != before
    assert cookie["httponly"] is True and cookie["samesite"] == "Lax"
    assert kiosk_client.get("/kiosk/").status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
def test_clear_tells_the_browser_to_drop_its_cache_and_storage(kiosk_client, method):
    response = getattr(kiosk_client, method)("/kiosk/clear/")
    assert '"cache"' in response["Clear-Site-Data"]
    assert '"storage"' in response["Clear-Site-Data"]
    assert '"cookies"' not in response["Clear-Site-Data"]  # the kiosk cookie must stay


def test_clear_sets_no_cookie_but_the_kiosks_own(kiosk_client):
    response = kiosk_client.post("/kiosk/clear/")
    assert set(response.cookies) == {COOKIE_NAME}


def test_each_clear_gives_a_different_generation(kiosk_client):
    seen = {kiosk_cookie(kiosk_client)}
    for _ in range(5):
        kiosk_client.post("/kiosk/clear/")
        seen.add(kiosk_cookie(kiosk_client))
    assert len(seen) == 6


def test_clear_flushes_the_session_so_nobody_stays_signed_in(kiosk_client):
    user = get_user_model().objects.create_user("nurse", password="x")
    kiosk_client.force_login(user)
    session_key = kiosk_client.session.session_key
    kiosk_client.post("/kiosk/clear/")
    assert "_auth_user_id" not in kiosk_client.session
    assert kiosk_client.session.session_key != session_key


def test_clear_on_a_browser_that_is_not_a_kiosk_just_goes_home(client):
    response = client.post("/kiosk/clear/")
    assert response.status_code == 303
    assert response["Location"] == "/"
    assert COOKIE_NAME not in response.cookies
    assert not response.has_header("Clear-Site-Data")
    assert client.get("/kiosk/clear/")["Location"] == "/"


# --- Staff exit -----------------------------------------------------------------------------


def test_the_staff_exit_asks_for_the_pin(kiosk_client):
    response = kiosk_client.get("/kiosk/staff/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Turn off kiosk mode" in html
    assert '<form class="pin-form" method="post" action="/kiosk/staff/"' in html
    assert 'name="action" value="key:5"' in html


def test_the_staff_exit_pad_works_without_javascript(kiosk_client):
    _, entry = press_keys(kiosk_client, "24", url="/kiosk/staff/")
    assert entry == "24"
    assert kiosk_client.get("/kiosk/").status_code == 200  # still a kiosk


def test_a_wrong_pin_at_the_staff_exit_keeps_kiosk_mode(kiosk_client):
    generation = kiosk_cookie(kiosk_client)
    response = kiosk_client.post("/kiosk/staff/", {"pin": "1357", "action": "enter"})
    assert response.status_code == 400
    assert NOT_RIGHT in response.content.decode()
    assert COOKIE_NAME not in response.cookies
    assert kiosk_cookie(kiosk_client) == generation
    assert "Touch to start" in kiosk_client.get("/kiosk/").content.decode()


def test_the_right_pin_at_the_staff_exit_turns_kiosk_mode_off(kiosk_client, pages):
    response = kiosk_client.post("/kiosk/staff/", {"pin": PIN, "action": "enter"})
    assert response.status_code == 303
    assert response["Location"] == "/"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == ""
    assert cookie["max-age"] == 0
    assert '"cache"' in response["Clear-Site-Data"]
    home = kiosk_client.get("/")
    assert home.status_code == 200
    assert '<body class="kiosk' not in home.content.decode()


def test_the_staff_exit_on_a_browser_that_is_not_a_kiosk_goes_to_the_staff_page(client):
    response = client.get("/kiosk/staff/")
    assert response.status_code == 302
    assert response["Location"] == "/kiosk/"
    response = client.post("/kiosk/staff/", {"pin": PIN, "action": "enter"})
    assert response["Location"] == "/kiosk/"
    assert COOKIE_NAME not in response.cookies


# --- Idle, without JavaScript ---------------------------------------------------------------


def still_here_link(html: str) -> str:
    match = re.search(r'<a class="button button--large kiosk-idle__stay" href="([^"]*)"', html)
    assert match, "no “I’m still here” link"
    return match.group(1)


def test_the_idle_page_warns_then_clears_the_kiosk(kiosk_client, settings):
    response = kiosk_client.get("/kiosk/idle/", {"next": "/check/"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Are you still there?" in html
    refresh = (
        f'<meta http-equiv="refresh" content="{settings.KIOSK_WARNING_SECONDS};url=/kiosk/clear/">'
    )
    assertInHTML(refresh, html)
    assert settings.KIOSK_WARNING_SECONDS >= 20


@pytest.mark.parametrize("local", ["/check/", "/conditions/sepsis/", "/kiosk/"])
def test_the_idle_page_sends_the_person_back_where_they_were(kiosk_client, local):
    html = kiosk_client.get("/kiosk/idle/", {"next": local}).content.decode()
    assert still_here_link(html) == local


@pytest.mark.parametrize(
    "elsewhere",
    [
        "//evil.example",
        "//evil.example/check/",
        "https://evil.example",
        "https://evil.example/check/",
        "http://testserver/check/",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "/\\evil.example",
        "\\\\evil.example",
        "check/",
        "",
    ],
)
def test_the_idle_page_only_goes_back_to_a_page_on_this_site(kiosk_client, elsewhere):
    html = kiosk_client.get("/kiosk/idle/", {"next": elsewhere}).content.decode()
    assert still_here_link(html) == "/kiosk/"
    assert "evil.example" not in html
    assert "javascript:" not in html.lower()


def test_the_idle_page_without_next_goes_back_to_the_attract_screen(kiosk_client):
    assert still_here_link(kiosk_client.get("/kiosk/idle/").content.decode()) == "/kiosk/"


def test_the_idle_page_on_a_browser_that_is_not_a_kiosk_goes_home(client):
    response = client.get("/kiosk/idle/", {"next": "/check/"})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_kiosk_pages_without_javascript_move_to_the_idle_page_after_a_while(kiosk_client, settings):
    html = kiosk_client.get("/check/").content.decode()
    assertInHTML(
        f'<noscript><meta http-equiv="refresh" content="{settings.KIOSK_IDLE_SECONDS};'
        'url=/kiosk/idle/?next=/check/"></noscript>',
        html,
    )


# --- Lockout --------------------------------------------------------------------------------


def test_too_many_wrong_pins_lock_the_address_out_with_429(client):
    response = wrong_pins(client, pin.MAX_WRONG_TRIES)
    assert response.status_code == 400
    response = client.post("/kiosk/", {"pin": PIN, "action": "enter"})
    html = response.content.decode()
    assert response.status_code == 429
    assert LOCKED_OUT in html
    assert f"Wait {pin.LOCKOUT_SECONDS // 60} minutes" in html
    assert COOKIE_NAME not in response.cookies


def test_a_locked_out_address_sees_the_lockout_on_the_staff_page(client):
    wrong_pins(client, pin.MAX_WRONG_TRIES)
    response = client.get("/kiosk/")
    assert response.status_code == 429
    assert LOCKED_OUT in response.content.decode()


def test_the_lockout_is_only_for_the_address_that_guessed(client):
    wrong_pins(client, pin.MAX_WRONG_TRIES, REMOTE_ADDR="10.0.0.9")
    response = client.post("/kiosk/", {"pin": PIN, "action": "enter"}, REMOTE_ADDR="10.0.0.8")
    assert response.status_code == 303


def test_the_staff_exit_is_locked_out_too(kiosk_client):
    wrong_pins(kiosk_client, pin.MAX_WRONG_TRIES, url="/kiosk/staff/")
    response = kiosk_client.post("/kiosk/staff/", {"pin": PIN, "action": "enter"})
    assert response.status_code == 429
    assert COOKIE_NAME not in response.cookies
    assert "Touch to start" in kiosk_client.get("/kiosk/").content.decode()


def test_turning_kiosk_mode_on_clears_earlier_wrong_tries(client):
    wrong_pins(client, pin.MAX_WRONG_TRIES - 1)
    turn_on_kiosk(client)
    client.cookies.clear()
    response = wrong_pins(client, pin.MAX_WRONG_TRIES - 1)
    assert response.status_code == 400


def test_a_forged_forwarded_for_header_does_not_buy_more_tries(client):
    for number in range(pin.MAX_WRONG_TRIES):
        wrong_pins(client, 1, HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = client.post(
        "/kiosk/", {"pin": PIN, "action": "enter"}, HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_behind_it_is_counted_apart(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    wrong_pins(client, pin.MAX_WRONG_TRIES, HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy)
    locked = client.post(
        "/kiosk/", {"pin": PIN, "action": "enter"}, HTTP_X_FORWARDED_FOR="192.0.2.10", **proxy
    )
    assert locked.status_code == 429
    # What the client wrote before the proxy's own entry is not believed.
    forged = client.post(
        "/kiosk/",
        {"pin": PIN, "action": "enter"},
        HTTP_X_FORWARDED_FOR="192.0.2.99, 192.0.2.10",
        **proxy,
    )
    assert forged.status_code == 429
    other = client.post(
        "/kiosk/", {"pin": PIN, "action": "enter"}, HTTP_X_FORWARDED_FOR="192.0.2.11", **proxy
    )
    assert other.status_code == 303


def test_wrong_tries_from_two_browsers_at_one_address_add_up(client):
    wrong_pins(client, pin.MAX_WRONG_TRIES - 1)
    response = wrong_pins(Client(), 1)
    assert response.status_code == 400
    assert client.post("/kiosk/", {"pin": PIN, "action": "enter"}).status_code == 429
