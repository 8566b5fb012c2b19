"""The offline-safe kiosk on the server side: the offline page, the health check, the worker script.

What the browser does with them (cutting the network, stopping the server) is
tested in tests/browser/test_kiosk_offline_in_browser.py.
"""

import json
import re
from pathlib import Path

import pytest
from django.test import Client
from pytest_django.asserts import assertContains

from education.readability import flesch_kincaid_grade
from kiosk import offline
from tests.support.kiosk import addresses, turn_on_kiosk

pytestmark = pytest.mark.django_db

NOT_WORKING = "This screen is not working right now."
TELL_STAFF = "If you feel very unwell, tell the reception staff now."
STAFF_TEXT = "Please go to the front desk and tell the nurse."


def main_text(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def worker_config(script: str) -> dict:
    return json.loads(re.search(r"const CONFIG = (\{.*?\});", script).group(1))


# --- The offline page ---------------------------------------------------------------------


def test_the_offline_page_says_the_screen_is_not_working_tell_the_staff_and_the_number(
    kiosk_client, settings
):
    settings.EMERGENCY_NUMBER = "112"
    settings.KIOSK_EMERGENCY_TEXT = ""
    response = kiosk_client.get("/kiosk/offline/")
    html = response.content.decode()
    assertContains(response, f'<h1 class="offline__title">{NOT_WORKING}</h1>', html=True)
    text = main_text(html)
    assert text.index(TELL_STAFF) < text.index("<strong>112</strong>")
    assert "tel:" not in html


def test_the_offline_page_also_gives_the_clinics_own_words_when_set(kiosk_client, settings):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    text = main_text(kiosk_client.get("/kiosk/offline/").content.decode())
    assert text.index(TELL_STAFF) < text.index(STAFF_TEXT) < text.index("911")


def test_the_offline_page_reads_at_grade_7_or_below(kiosk_client, settings):
    settings.KIOSK_EMERGENCY_TEXT = STAFF_TEXT
    settings.CLINIC_NAME = "Riverside Health Centre"
    grade = flesch_kincaid_grade(main_text(kiosk_client.get("/kiosk/offline/").content.decode()))
    assert grade <= 7.0, grade


def test_the_offline_page_holds_nothing_from_a_turn(kiosk_client):
    html = kiosk_client.get("/kiosk/offline/").content.decode()
    assert "<form" not in html
    assert "data-kiosk-generation" not in html
    assert "kiosk-history.js" not in html and "kiosk.js" not in html
    links = [value for tag, name, value in addresses(html) if tag == "a"]
    assert links == ["/kiosk/clear/"]  # "Try again": a new turn and the attract screen


def test_every_file_the_offline_page_uses_is_kept_by_the_worker(kiosk_client):
    html = kiosk_client.get("/kiosk/offline/").content.decode()
    used = {value for tag, name, value in addresses(html) if tag in {"link", "script"}}
    assert used == set(offline.precache_urls()) - {"/kiosk/offline/"}


def test_the_offline_page_is_only_for_kiosks(client):
    response = client.get("/kiosk/offline/")
    assert response.status_code == 302
    assert response["Location"] == "/"


# --- The health check -----------------------------------------------------------------------


@pytest.mark.parametrize("as_kiosk", [True, False], ids=["kiosk", "public"])
def test_the_health_check_answers_without_the_database_and_is_never_cached(
    client, django_assert_num_queries, as_kiosk
):
    if as_kiosk:
        turn_on_kiosk(client)
    with django_assert_num_queries(0):
        response = client.get("/kiosk/alive/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_health_check_answers_head_and_refuses_post(client):
    assert client.head("/kiosk/alive/").status_code == 200
    assert client.post("/kiosk/alive/").status_code == 405


# --- The service worker script --------------------------------------------------------------


def test_a_kiosk_gets_a_worker_for_the_whole_site_that_keeps_only_the_offline_page(kiosk_client):
    response = kiosk_client.get("/kiosk/service-worker.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-store" in response["Cache-Control"]
    config = worker_config(response.content.decode())
    assert config["precache"] == offline.precache_urls()
    assert config["precache"][0] == "/kiosk/offline/"
    assert not any(url.startswith(("/check", "/triage")) for url in config["precache"])
    assert config["cache"].startswith(offline.CACHE_PREFIX)
    assert config["unreachable"] == [502, 503, 504]
    # The only place the worker writes to a cache is the install step.
    assert response.content.decode().count("cache.addAll(") == 1
    assert ".put(" not in response.content.decode()


def test_a_new_emergency_number_makes_a_new_worker(kiosk_client, settings):
    before = worker_config(kiosk_client.get("/kiosk/service-worker.js").content.decode())
    assert worker_config(kiosk_client.get("/kiosk/service-worker.js").content.decode()) == before
    settings.EMERGENCY_NUMBER = "999"
    after = worker_config(kiosk_client.get("/kiosk/service-worker.js").content.decode())
    assert after["cache"] != before["cache"]


def test_a_browser_that_is_no_longer_a_kiosk_gets_a_worker_that_removes_itself(client):
    response = client.get("/kiosk/service-worker.js")
    script = response.content.decode()
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/"
    assert "self.registration.unregister()" in script
    assert "addAll" not in script and "respondWith" not in script
    assert worker_config(script) == {"cachePrefix": offline.CACHE_PREFIX}


# --- Where the worker is registered ---------------------------------------------------------


def test_every_kiosk_page_registers_the_worker(kiosk_client, pages):
    for url in ("/kiosk/", "/conditions/sepsis/", "/check/", "/kiosk/staff/", "/kiosk/idle/"):
        html = kiosk_client.get(url).content.decode()
        assert 'data-kiosk-service-worker="/kiosk/service-worker.js"' in html, url
        assert 'data-kiosk-offline="/kiosk/offline/"' in html, url
        assert "/static/js/kiosk-offline.js" in html, url


def test_no_public_page_registers_a_worker(client, pages):
    for url in ("/", "/conditions/", "/conditions/sepsis/", "/check/", "/kiosk/"):
        html = Client().get(url).content.decode()
        assert "kiosk-offline.js" not in html, url
        assert "service-worker" not in html, url


def test_the_page_script_treats_the_same_proxy_answers_as_no_server():
    # htmx steps are not page loads, so kiosk-offline.js repeats the worker's list.
    script = (Path(offline.__file__).parents[1] / "static/js/kiosk-offline.js").read_text()
    listed = re.search(r"var UNREACHABLE = \[([\d, ]+)\];", script).group(1)
    assert tuple(int(status) for status in listed.split(",")) == offline.UNREACHABLE_STATUSES
