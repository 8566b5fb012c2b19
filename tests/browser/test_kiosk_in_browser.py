"""Kiosk mode in real Chromium, by touch: attract screen, idle reset, privacy, QR, targets.

Each test turns a fresh touch-screen browser context into a kiosk the way
staff do, by tapping the PIN on the number pad. Timers are driven with
Playwright's fake clock, so "walk away for 90 seconds" takes milliseconds.
"""

import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from django.conf import settings
from PIL import Image

from tests.support.browser import (
    PAGE_URLS,
)
from tests.support.browser_kiosk import (
    KIOSK_VIEWPORT,
    STAFF_PIN,
    answer_check_by_touch,
    assert_attract_screen,
    check_by_touch,
    check_screen,
    screen_name,
    start_check_and_tick_a_sign,
    step,
    tap_age,
    tap_continue,
    turn_on_kiosk,
)
from triage.vocabulary import CONDITIONS, FINDINGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# --- Touch alone ---------------------------------------------------------------------------


def test_a_kiosk_shows_the_attract_screen_with_two_large_choices(kiosk, live_server):
    assert_attract_screen(kiosk, live_server.url)
    choices = kiosk.locator(".attract__choice")
    assert choices.count() == 2
    for box in (choices.nth(0).bounding_box(), choices.nth(1).bounding_box()):
        assert box["height"] >= 150
        assert box["width"] >= 300


def test_a_person_completes_a_check_by_touch_and_an_emergency_says_tell_staff_first(
    kiosk, live_server
):
    check_by_touch(kiosk, 58, {"fever", "back_pain", "limb_weakness"})
    level = kiosk.locator(".result__level")
    text = level.inner_text()
    assert "Emergency" in text
    staff_at = text.index("Tell the reception staff now.")
    assert staff_at < text.index("Call 911")
    assert kiosk.locator("a[href^='tel:']").count() == 0


def test_a_person_reads_a_page_by_touch(kiosk, live_server):
    kiosk.get_by_role("link", name=re.compile("Read about a condition")).first.tap()
    kiosk.wait_for_url(live_server.url + "/conditions/")
    kiosk.get_by_role("link", name="Sepsis", exact=True).tap()
    kiosk.wait_for_url(live_server.url + "/conditions/sepsis/")
    assert kiosk.get_by_role("heading", level=1).inner_text() == "Sepsis"
    assert kiosk.get_by_role("button", name="Finish and clear").is_visible()


# --- Walking away --------------------------------------------------------------------------


def test_walking_away_warns_with_a_countdown_then_clears_to_the_attract_screen(kiosk, live_server):
    start_check_and_tick_a_sign(kiosk, live_server.url)
    dialog = kiosk.locator("#kiosk-idle")

    kiosk.clock.run_for(settings.KIOSK_IDLE_SECONDS * 1000 - 2000)
    assert not dialog.is_visible()

    kiosk.clock.run_for(3000)
    assert dialog.is_visible()
    assert kiosk.get_by_role("button", name="I’m still here").is_visible()
    assert dialog.locator("[data-kiosk-countdown]").inner_text() == str(
        settings.KIOSK_WARNING_SECONDS
    )
    kiosk.clock.run_for(10_000)
    assert dialog.locator("[data-kiosk-countdown]").inner_text() == str(
        settings.KIOSK_WARNING_SECONDS - 10
    )

    kiosk.clock.run_for(settings.KIOSK_WARNING_SECONDS * 1000)
    assert_attract_screen(kiosk, live_server.url)


def test_the_warning_gives_at_least_20_seconds(kiosk, live_server):
    start_check_and_tick_a_sign(kiosk, live_server.url)
    kiosk.clock.run_for(settings.KIOSK_IDLE_SECONDS * 1000 + 1000)
    assert kiosk.locator("#kiosk-idle").is_visible()
    kiosk.clock.run_for(19_000)
    assert kiosk.locator("#kiosk-idle").is_visible()
    assert kiosk.locator("#checker").count() == 1


def test_im_still_here_keeps_the_answers_and_restarts_the_timer(kiosk, live_server):
    code = start_check_and_tick_a_sign(kiosk, live_server.url)
    kiosk.clock.run_for(settings.KIOSK_IDLE_SECONDS * 1000 + 1000)
    kiosk.get_by_role("button", name="I’m still here").tap()

    assert not kiosk.locator("#kiosk-idle").is_visible()
    assert kiosk.locator(f"input[name=signs][value={code}]").is_checked()
    # A fresh 90 seconds: half of it passes without a new warning.
    kiosk.clock.run_for(settings.KIOSK_IDLE_SECONDS * 500)
    assert not kiosk.locator("#kiosk-idle").is_visible()
    tap_continue(kiosk)
    assert step(kiosk) == "result"  # the ticked emergency sign was kept


def test_touching_the_screen_counts_as_being_there(kiosk, live_server):
    start_check_and_tick_a_sign(kiosk, live_server.url)
    for _ in range(3):
        kiosk.clock.run_for(settings.KIOSK_IDLE_SECONDS * 1000 - 5000)
        kiosk.locator("h1").tap()
    assert not kiosk.locator("#kiosk-idle").is_visible()
    assert kiosk.locator("#checker").count() == 1


def test_after_a_reset_the_back_button_brings_nothing_back(kiosk, live_server):
    check_by_touch(kiosk, 44, {"fever", "back_pain", "flank_pain"})
    result_text = kiosk.locator(".result__level").inner_text()
    kiosk.get_by_role("link", name=re.compile("Read about a condition")).first.tap()
    kiosk.get_by_role("link", name="Sepsis", exact=True).tap()
    kiosk.wait_for_url(live_server.url + "/conditions/sepsis/")

    kiosk.clock.run_for((settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS + 2) * 1000)
    assert_attract_screen(kiosk, live_server.url)

    for _ in range(6):
        kiosk.go_back()
        kiosk.wait_for_load_state()
        kiosk.wait_for_url(live_server.url + "/kiosk/")
        body = kiosk.locator("body").inner_text()
        assert "Sepsis" not in kiosk.locator("h1").inner_text()
        assert result_text not in body
        assert kiosk.locator("#checker").count() == 0


def test_finish_and_clear_is_on_every_screen_and_clears_at_once(kiosk, live_server):
    seen = []

    def visit(page):
        seen.append(step(page))
        assert page.get_by_role("button", name="Finish and clear").is_visible()

    check_by_touch(kiosk, 30, {"fever"}, visit=visit)
    assert {"age", "red_flags", "review", "result"} <= set(seen)
    kiosk.get_by_role("button", name="Finish and clear").tap()
    assert_attract_screen(kiosk, live_server.url)
    kiosk.go_back()
    kiosk.wait_for_url(live_server.url + "/kiosk/")
    assert kiosk.locator("#checker").count() == 0


def test_a_reset_works_mid_check_after_htmx_swaps(kiosk, live_server):
    start_check_and_tick_a_sign(kiosk, live_server.url)
    tap_continue(kiosk)  # one more swap
    assert step(kiosk) == "result"
    kiosk.clock.run_for((settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS + 2) * 1000)
    assert_attract_screen(kiosk, live_server.url)


def test_staff_turn_kiosk_mode_off_with_the_pin(kiosk, live_server):
    kiosk.get_by_role("link", name="Staff").tap()
    for digit in STAFF_PIN:
        kiosk.locator(f".keypad [data-keypad-key='{digit}']").tap()
    kiosk.get_by_role("button", name="Turn off kiosk mode").tap()
    kiosk.wait_for_url(live_server.url + "/")
    assert kiosk.get_by_role("link", name="Search").is_visible()


# --- Every kiosk screen: targets, links, accessibility --------------------------------------


def kiosk_screens(page, base_url: str, problems: dict) -> None:
    check_screen(page, problems)  # attract
    check_by_touch(page, 38, {"fever", "back_pain"}, visit=lambda p: check_screen(p, problems))
    page.get_by_role("button", name="Finish and clear").tap()
    check_by_touch(
        page, 62, {"fever", "back_pain", "limb_weakness"}, visit=lambda p: check_screen(p, problems)
    )
    # The idle warning
    page.clock.run_for(settings.KIOSK_IDLE_SECONDS * 1000 + 1000)
    problems["idle warning"] = problems.pop(screen_name(page))
    check_screen(page, problems)
    page.get_by_role("button", name="I’m still here").tap()
    for path in ["/conditions/", *PAGE_URLS, "/kiosk/idle/?next=/conditions/", "/kiosk/offline/"]:
        page.goto(base_url + path)
        check_screen(page, problems)
    page.goto(base_url + "/kiosk/staff/")
    check_screen(page, problems)


def test_every_kiosk_screen_has_large_targets_no_way_out_and_no_axe_violations(kiosk, live_server):
    problems: dict = {}
    kiosk_screens(kiosk, live_server.url, problems)
    assert len(problems) >= 10 + len(PAGE_URLS)
    failures = {screen: found for screen, found in problems.items() if any(found.values())}
    assert failures == {}


def test_the_pregnancy_screen_has_large_targets_too(kiosk, live_server):
    problems: dict = {}
    kiosk.get_by_role("link", name=re.compile("Check my symptoms")).first.tap()
    kiosk.wait_for_selector("#checker[data-step=age]")
    tap_age(kiosk, 29)
    assert step(kiosk) == "pregnancy"
    check_screen(kiosk, problems)
    assert not any(problems["check:pregnancy"].values()), problems


# --- QR hand-off and the printed handout ----------------------------------------------------


def decode_qr(page) -> str:
    image = Image.open(io.BytesIO(page.locator(".qr__image").first.screenshot()))
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1
    return results[0].text


def test_a_pages_qr_code_opens_the_same_page_on_the_public_site(kiosk, live_server):
    kiosk.goto(live_server.url + "/conditions/pyelonephritis/")
    assert decode_qr(kiosk) == settings.PUBLIC_BASE_URL + "/conditions/pyelonephritis/"


def test_a_results_qr_code_carries_the_level_and_pages_but_no_answers(kiosk, live_server):
    check_by_touch(kiosk, 47, {"fever", "flank_pain", "painful_urination"})
    payload = decode_qr(kiosk)
    level = kiosk.locator(".result").get_attribute("class").split("result--")[1]
    assert payload.startswith(settings.PUBLIC_BASE_URL + "/check/take-home/?level=" + level)
    query = parse_qs(urlsplit(payload).query)
    assert set(query) == {"level", "pages"}
    pages = query["pages"][0].split(",")
    assert "pyelonephritis" in pages
    assert set(pages) <= set(CONDITIONS) | {"back-pain-and-fever"}
    assert "47" not in payload
    assert not any(code in query_values for code in FINDINGS for query_values in pages)

    # The code opens the take-home page with the same advice, on any phone.
    kiosk.goto(payload.replace(settings.PUBLIC_BASE_URL, live_server.url))
    assert kiosk.locator(".result__advice").is_visible()


def pdf_pages(page, paper: str) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format=paper)))


@pytest.mark.parametrize(
    "age, yes",
    [
        (58, {"fever", "back_pain", "limb_weakness"}),
        (47, {"fever", "back_pain", "flank_pain", "painful_urination"}),
        (35, {"back_pain"}),
    ],
)
def test_the_printed_result_is_a_one_page_handout(kiosk, live_server, age, yes):
    check_by_touch(kiosk, age, yes)
    assert kiosk.get_by_role("button", name="Print this result").is_visible()
    kiosk.emulate_media(media="print")
    assert kiosk.locator(".qr__image").is_visible()
    assert kiosk.locator(".callout--watch").is_visible()
    assert not kiosk.locator(".result__why").is_visible()
    assert pdf_pages(kiosk, "A4") == 1
    assert pdf_pages(kiosk, "Letter") == 1


# --- Without JavaScript ----------------------------------------------------------------------


def test_without_javascript_a_kiosk_still_works_by_touch_and_clears_itself(
    browser, live_server, pages, settings
):
    settings.KIOSK_IDLE_SECONDS = 3
    settings.KIOSK_WARNING_SECONDS = 2
    context = browser.new_context(
        has_touch=True, viewport=KIOSK_VIEWPORT, java_script_enabled=False
    )
    page = context.new_page()
    turn_on_kiosk(page, live_server.url)

    page.get_by_role("link", name=re.compile("Check my symptoms")).first.tap()
    page.wait_for_selector("#checker[data-step=age]")
    for digit in "71":  # each key is a round trip without JavaScript
        with page.expect_navigation():
            page.locator(f".keypad [data-keypad-key='{digit}']").tap()
    assert page.locator("input[name=age]").input_value() == "71"
    page.get_by_role("button", name="Continue").tap()
    page.wait_for_selector("#checker[data-step=red_flags]")

    # Left alone: the warning screen, then the attract screen.
    page.wait_for_url(re.compile(r"/kiosk/idle/"), timeout=10_000)
    assert page.get_by_role("heading", name="Are you still there?", level=1).is_visible()
    page.wait_for_url(live_server.url + "/kiosk/", timeout=10_000)
    assert page.get_by_text("Touch to start.").is_visible()
    context.close()


# --- Languages -----------------------------------------------------------------------------


def test_a_person_taps_espanol_gets_a_spanish_result_and_the_reset_returns_to_english(
    kiosk, live_server
):
    buttons = kiosk.locator(".attract__language")
    assert [buttons.nth(i).inner_text() for i in range(buttons.count())] == ["English", "Español"]
    for i in range(buttons.count()):
        box = buttons.nth(i).bounding_box()
        assert box["height"] >= 64 and box["width"] >= 200  # as easy to hit as the choices
    kiosk.get_by_role("link", name="Español").tap()
    kiosk.wait_for_url(live_server.url + "/es/kiosk/")
    assert kiosk.locator("html").get_attribute("lang") == "es"
    kiosk.locator(".attract__choice").first.tap()  # "Revisar mis síntomas"
    kiosk.wait_for_url(live_server.url + "/es/check/")
    answer_check_by_touch(kiosk, 58, {"fever", "back_pain", "limb_weakness"})
    assert kiosk.locator("html").get_attribute("lang") == "es"
    level = kiosk.locator(".result__level").inner_text()
    assert "Emergencia" in level
    assert level.index("Avise ahora al personal") < level.index("911")
    qr_url = kiosk.locator(".qr").get_attribute("data-qr-url")
    assert "/es/check/take-home/?level=emergency" in qr_url

    kiosk.clock.run_for((settings.KIOSK_IDLE_SECONDS + settings.KIOSK_WARNING_SECONDS + 2) * 1000)
    assert_attract_screen(kiosk, live_server.url)
    assert kiosk.locator("html").get_attribute("lang") == settings.KIOSK_LANGUAGE == "en"
    assert kiosk.locator(".attract__language[aria-current]").inner_text() == "English"
