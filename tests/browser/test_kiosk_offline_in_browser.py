"""The offline-safe kiosk in real Chromium: cut the network or stop the server, and see what shows.

A kiosk whose server cannot be reached must show our own page (with the staff
and the emergency number), never a browser error, and must come back to the
attract screen by itself. The kiosk's service worker keeps that page and
nothing else: no checker step, no answers. Phones outside kiosk mode get no
worker at all.
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from kiosk import offline
from tests.browser.server_switch import ServerSwitch
from tests.support.browser_kiosk import (
    KIOSK_VIEWPORT,
    assert_attract_screen,
    check_by_touch,
    check_screen,
    start_check_and_tick_a_sign,
    turn_on_kiosk,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


NOT_WORKING = "This screen is not working right now."
TELL_STAFF = "If you feel very unwell, tell the reception staff now."

# Every cache on the site, with each kept request and the body kept for it.
KEPT = """async () => {
  const kept = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    kept[name] = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      kept[name].push({url: request.url, method: request.method, body: await response.text()});
    }
  }
  return kept;
}"""
WORKERS = "() => navigator.serviceWorker.getRegistrations().then(all => all.length)"
OFFLINE_PAGE_KEPT = """async () => {
  const registration = await navigator.serviceWorker.getRegistration('/');
  if (!registration || !registration.active) return false;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    if (await cache.match('/kiosk/offline/')) return true;
  }
  return false;
}"""


def wait_until(page, script: str, seconds: float = 15) -> None:
    """Wait until async ``script`` resolves truthy (wait_for_function counts a promise as true)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"still not true after {seconds}s: {script}"
        time.sleep(0.05)


def wait_until_the_offline_page_is_kept(page) -> None:
    wait_until(page, OFFLINE_PAGE_KEPT)


def assert_offline_page(page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(NOT_WORKING)
    text = page.locator("main").inner_text()
    assert TELL_STAFF in text
    assert f"Or call {settings.EMERGENCY_NUMBER} if someone is confused" in text
    assert page.locator("#checker").count() == 0


def recover(page, base_url: str) -> None:
    """Let the offline page's checks run: it asks every few seconds whether the server is back.

    Up to three checks: a connection the browser opened while the server was
    away can fail one of them, as it would on a real kiosk.
    """
    for _ in range(3):
        page.clock.run_for(offline.RETRY_SECONDS * 1000)
        try:
            page.wait_for_url(base_url + "/kiosk/", timeout=3000)
            break
        except PlaywrightTimeoutError:
            continue
    assert_attract_screen(page, base_url)


def cut(context, page) -> None:
    wait_until_the_offline_page_is_kept(page)
    context.set_offline(True)


# --- The network is cut ----------------------------------------------------------------------


def test_a_form_sent_with_the_network_cut_shows_the_offline_page_then_the_kiosk_recovers(
    kiosk, kiosk_context, live_server
):
    start_check_and_tick_a_sign(kiosk, live_server.url)
    cut(kiosk_context, kiosk)
    # An htmx step: not a page load, so the page itself sends the kiosk to the offline page.
    kiosk.get_by_role("button", name="Continue").tap()

    kiosk.wait_for_url(live_server.url + "/kiosk/offline/")
    assert_offline_page(kiosk)
    assert kiosk.locator("input").count() == 0

    # "Try again" while the network is still cut: the same page, never a browser error.
    kiosk.get_by_role("link", name="Try again").tap()
    kiosk.wait_for_url(live_server.url + "/kiosk/clear/")
    assert_offline_page(kiosk)
    kiosk.clock.run_for(offline.RETRY_SECONDS * 3000)
    assert_offline_page(kiosk)

    kiosk_context.set_offline(False)
    recover(kiosk, live_server.url)
    # Back cannot bring the unfinished check back: the recovery started a new turn.
    kiosk.go_back()
    kiosk.wait_for_url(live_server.url + "/kiosk/")
    assert kiosk.locator("#checker").count() == 0


def test_a_link_tapped_with_the_network_cut_shows_the_offline_page_large_and_accessible(
    kiosk, kiosk_context, live_server
):
    kiosk.get_by_role("link", name=re.compile("Read about a condition")).first.tap()
    kiosk.wait_for_url(live_server.url + "/conditions/")
    cut(kiosk_context, kiosk)
    kiosk.get_by_role("link", name="Sepsis", exact=True).tap()

    kiosk.wait_for_url(live_server.url + "/conditions/sepsis/")
    assert_offline_page(kiosk)
    # Its styles came from the worker's copy: large kiosk type, a large button.
    assert kiosk.locator("body").evaluate("b => getComputedStyle(b).fontSize") != "18px"
    retry = kiosk.get_by_role("link", name="Try again").bounding_box()
    assert retry["height"] >= 48 and retry["width"] >= 48
    problems: dict = {}
    check_screen(kiosk, problems)
    assert problems[kiosk.url] == {"small targets": [], "links leaving": [], "axe": ""}

    kiosk_context.set_offline(False)
    recover(kiosk, live_server.url)


def test_finish_and_clear_with_the_network_cut_hides_the_answers_behind_the_offline_page(
    kiosk, kiosk_context, live_server
):
    start_check_and_tick_a_sign(kiosk, live_server.url)
    cut(kiosk_context, kiosk)
    kiosk.get_by_role("button", name="Finish and clear").tap()
    kiosk.wait_for_url(live_server.url + "/kiosk/clear/")
    assert_offline_page(kiosk)
    kiosk_context.set_offline(False)
    recover(kiosk, live_server.url)


# --- The server stops, or its proxy says it is gone --------------------------------------------


@pytest.fixture
def server_switch(live_server):
    address = urlsplit(live_server.url)
    switch = ServerSwitch(address.hostname, address.port)
    yield switch
    switch.close()


def test_a_kiosk_whose_server_stops_shows_the_offline_page_until_the_server_answers_again(
    kiosk_context, server_switch
):
    page = kiosk_context.new_page()
    page.clock.install()
    base = server_switch.url
    turn_on_kiosk(page, base)
    wait_until_the_offline_page_is_kept(page)

    server_switch.off()
    page.get_by_role("link", name=re.compile("Read about a condition")).first.tap()
    page.wait_for_url(base + "/conditions/")
    assert_offline_page(page)

    # The server's proxy is back but the server is not: 502 is no answer either.
    server_switch.bad_gateway()
    page.clock.run_for(offline.RETRY_SECONDS * 1000)
    page.get_by_role("link", name="Try again").tap()
    page.wait_for_url(base + "/kiosk/clear/")
    assert_offline_page(page)
    page.clock.run_for(offline.RETRY_SECONDS * 2000)
    assert_offline_page(page)

    server_switch.on()
    recover(page, base)


# --- Nothing a person entered is kept ---------------------------------------------------------


def assert_only_the_offline_page_is_kept(page, base_url: str, answers: list[str]) -> None:
    kept = page.evaluate(KEPT)
    assert list(kept) and all(name.startswith(offline.CACHE_PREFIX) for name in kept), kept
    for name, entries in kept.items():
        assert [entry["url"] for entry in entries] == [
            base_url + url for url in offline.precache_urls()
        ], name
        for entry in entries:
            assert entry["method"] == "GET"
            assert "/check" not in entry["url"]
            for answer in answers:
                assert answer not in entry["body"], (entry["url"], answer)
    assert set(page.evaluate("Object.keys(localStorage)")) <= {"kioskGeneration"}
    # htmx keeps the current path in sessionStorage; never an answer.
    stored = page.evaluate("JSON.stringify(Object.entries(sessionStorage))")
    for answer in answers:
        assert answer not in stored, answer


def test_the_workers_cache_holds_no_checker_response_and_no_answers(
    kiosk, kiosk_context, live_server
):
    check_by_touch(kiosk, 87, {"fever", "back_pain", "flank_pain", "painful_urination"})
    result = kiosk.locator(".result__level").inner_text()
    reasons = kiosk.locator("#checker").inner_text()
    state = kiosk.locator("#checker input[name=state]").first.get_attribute("value")
    answers = [
        'value="87"',
        result,
        state,
        'name="state"',
        'id="checker"',
        "result--",
        "painful",
        reasons[:40],
    ]
    assert_only_the_offline_page_is_kept(kiosk, live_server.url, answers)

    # Going offline keeps nothing new either: a form sent offline is not stored for later.
    cut(kiosk_context, kiosk)
    kiosk.get_by_role("link", name="Read about a condition").first.tap()
    kiosk.wait_for_url(live_server.url + "/conditions/")
    assert_offline_page(kiosk)
    assert_only_the_offline_page_is_kept(kiosk, live_server.url, answers)
    kiosk_context.set_offline(False)
    recover(kiosk, live_server.url)
    wait_until_the_offline_page_is_kept(kiosk)
    assert_only_the_offline_page_is_kept(kiosk, live_server.url, answers)


# --- Clearing the kiosk, leaving kiosk mode, phones ---------------------------------------------


def test_clearing_the_kiosk_still_empties_storage_and_the_offline_page_comes_back(
    kiosk, kiosk_context, live_server
):
    wait_until_the_offline_page_is_kept(kiosk)
    kiosk.evaluate(
        """async () => {
          localStorage.setItem('left-behind', 'x');
          await (await caches.open('left-behind')).put('/left-behind', new Response('x'));
        }"""
    )
    start_check_and_tick_a_sign(kiosk, live_server.url)
    kiosk.get_by_role("button", name="Finish and clear").tap()
    assert_attract_screen(kiosk, live_server.url)

    # Clear-Site-Data still reaches the browser through the worker, and empties everything...
    assert kiosk.evaluate("localStorage.getItem('left-behind')") is None
    assert "left-behind" not in kiosk.evaluate("caches.keys()")
    # ...the worker included; the attract screen registers it again with a fresh copy.
    cut(kiosk_context, kiosk)
    kiosk.get_by_role("link", name=re.compile("Check my symptoms")).first.tap()
    kiosk.wait_for_url(live_server.url + "/check/")
    assert_offline_page(kiosk)
    kiosk_context.set_offline(False)
    recover(kiosk, live_server.url)


def test_turning_kiosk_mode_off_removes_the_worker_and_its_copy(kiosk, live_server):
    wait_until_the_offline_page_is_kept(kiosk)
    kiosk.get_by_role("link", name="Staff").tap()
    for digit in settings.KIOSK_PIN:
        kiosk.locator(f".keypad [data-keypad-key='{digit}']").tap()
    kiosk.get_by_role("button", name="Turn off kiosk mode").tap()
    kiosk.wait_for_url(live_server.url + "/")
    kiosk.wait_for_load_state("networkidle")
    assert kiosk.evaluate(WORKERS) == 0
    assert kiosk.evaluate("caches.keys()") == []


def test_a_browser_that_stops_being_a_kiosk_loses_the_worker_at_its_next_check(
    kiosk, live_server, settings
):
    wait_until_the_offline_page_is_kept(kiosk)
    settings.KIOSK_PIN = ""  # the clinic removed the PIN: no browser is a kiosk any more
    kiosk.goto(live_server.url + "/conditions/")
    assert kiosk.locator("body.kiosk").count() == 0
    # Browsers look for a new worker by themselves (at least daily); ask now.
    kiosk.evaluate("navigator.serviceWorker.getRegistration('/').then(r => r.update())")
    wait_until(kiosk, "navigator.serviceWorker.getRegistrations().then(all => all.length === 0)")
    assert kiosk.evaluate("caches.keys()") == []


def test_outside_kiosk_mode_no_service_worker_is_registered(browser, live_server, pages):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    for path in ("/", "/conditions/sepsis/", "/check/", "/kiosk/", "/kiosk/offline/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate(WORKERS) == 0, path
        assert page.evaluate("caches.keys()") == [], path
    context.close()


def test_the_same_browser_registers_the_worker_once_it_is_a_kiosk(browser, live_server, pages):
    # The check above means something: the same steps on a kiosk do find a worker.
    context = browser.new_context(has_touch=True, viewport=KIOSK_VIEWPORT)
    page = context.new_page()
    turn_on_kiosk(page, live_server.url)
    page.wait_for_load_state("networkidle")
    wait_until_the_offline_page_is_kept(page)
    assert page.evaluate(WORKERS) == 1
    context.close()
