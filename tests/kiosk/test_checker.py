"""The checker on a kiosk: answers that last one turn, a number pad, and a QR code to take home."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.test import Client

from tests.support.checker import Checker
from tests.support.kiosk import CHECK_FOR_LEVEL, turn_on_kiosk
from tests.support.take_home import page_qr_urls
from triage.take_home import MAX_PAGES
from triage.vocabulary import CARE_SETTINGS, FINDINGS, LEVELS

pytestmark = pytest.mark.django_db

PUBLIC = "https://guide.example.org"
STARTED_AGAIN = "started again"


@pytest.fixture
def kiosk_client(db):
    cache.clear()  # no PIN lockout left over from another test
    return turn_on_kiosk(Client())


@pytest.fixture(params=[False, True], ids=["full-page", "htmx"])
def htmx(request):
    return request.param


def started_again(checker) -> bool:
    return checker.status == 400 and checker.step == "age" and STARTED_AGAIN in checker.html


def half_done(client, htmx=False) -> Checker:
    checker = Checker(client, htmx=htmx).start().post({"age": "70"})
    assert checker.step == "red_flags"
    return checker


# --- Answers last one person's turn ---------------------------------------------------------


def test_a_kiosk_check_goes_on_within_one_turn(kiosk_client, pages, htmx):
    checker = half_done(kiosk_client, htmx)
    checker.post({"none": "on"})
    assert checker.status == 200
    assert checker.step == "fever"


def test_answers_from_before_finish_and_clear_cannot_be_read_back(kiosk_client, pages, htmx):
    checker = half_done(kiosk_client, htmx)
    kiosk_client.post("/kiosk/clear/")
    checker.post({"none": "on"})
    assert started_again(checker)
    assert 'value="70"' not in checker.html


def test_answers_from_before_an_idle_reset_cannot_be_read_back(kiosk_client, pages):
    checker = half_done(kiosk_client)
    kiosk_client.get("/kiosk/clear/")  # the timed refresh without JavaScript
    checker.post({"none": "on"})
    assert started_again(checker)


def test_a_finished_result_cannot_be_brought_back_after_clearing(kiosk_client, pages):
    checker = Checker(kiosk_client).run(age=58, yes={"fever", "back_pain", "weakened_immunity"})
    kiosk_client.post("/kiosk/clear/")
    checker.post(action="change:review")
    assert started_again(checker)
    assert "Urgent" not in checker.html


def test_answers_signed_off_a_kiosk_cannot_be_read_on_a_kiosk(kiosk_client, client, pages):
    phone = half_done(client)
    on_kiosk = Checker(kiosk_client, state=phone.state).post({"none": "on"})
    assert started_again(on_kiosk)


def test_answers_signed_on_a_kiosk_cannot_be_read_off_it(kiosk_client, client, pages):
    kiosk = half_done(kiosk_client)
    on_phone = Checker(client, state=kiosk.state).post({"none": "on"})
    assert started_again(on_phone)


def test_answers_signed_on_one_kiosk_cannot_be_read_on_another(kiosk_client, pages):
    other_kiosk = turn_on_kiosk(Client())
    checker = half_done(kiosk_client)
    elsewhere = Checker(other_kiosk, state=checker.state).post({"none": "on"})
    assert started_again(elsewhere)


def test_answers_from_a_kiosk_cannot_be_read_once_kiosk_mode_is_off(kiosk_client, pages):
    checker = half_done(kiosk_client)
    kiosk_client.post("/kiosk/staff/", {"pin": "2468", "action": "enter"})
    checker.post({"none": "on"})
    assert started_again(checker)


def test_the_fresh_start_after_clearing_works_normally(kiosk_client, pages):
    half_done(kiosk_client)
    kiosk_client.post("/kiosk/clear/")
    checker = half_done(kiosk_client)
    checker.post({"none": "on"})
    assert checker.status == 200
    assert checker.step == "fever"


# --- The number pad on the age step ----------------------------------------------------------


def age_shown(html: str) -> str:
    return re.search(r'<input type="text" name="age"[^>]*value="([^"]*)"', html).group(1)


def press(checker, key: str, age: str):
    checker.post({"age": age}, action=f"key:{key}")
    assert checker.status == 200
    assert checker.step == "age"
    return age_shown(checker.html)


def test_the_number_pad_enters_an_age_without_javascript(kiosk_client, pages, htmx):
    checker = Checker(kiosk_client, htmx=htmx).start()
    age = ""
    for key in "45":
        age = press(checker, key, age)
    assert age == "45"
    assert 'aria-invalid="true"' not in checker.html
    checker.post({"age": age})
    assert checker.step == "pregnancy"


def test_the_number_pad_delete_and_clear_keys(kiosk_client, pages):
    checker = Checker(kiosk_client).start()
    assert press(checker, "delete", "456") == "45"
    assert press(checker, "clear", "45") == ""


def test_the_number_pad_stops_at_three_digits(kiosk_client, pages):
    checker = Checker(kiosk_client).start()
    assert press(checker, "7", "120") == "120"


def test_the_number_pad_drops_anything_that_is_not_a_digit(kiosk_client, pages):
    checker = Checker(kiosk_client).start()
    assert press(checker, "5", '4"><script>') == "45"
    assert "<script>" not in checker.html.split('<main id="main"', 1)[1].split("</main>")[0]


def test_pressing_keys_keeps_the_earlier_answers(kiosk_client, pages):
    checker = half_done(kiosk_client).post({"none": "on"})
    assert checker.step == "fever"
    checker.post(action="back").post(action="back")
    assert checker.step == "age"
    assert press(checker, "1", "7") == "71"
    checker.post({"age": "71"})
    assert checker.step == "red_flags"
    assert re.search(r'name="none"[^>]*checked', checker.html)


def test_the_number_pad_does_nothing_on_other_steps(kiosk_client, pages):
    checker = half_done(kiosk_client)
    checker.post({}, action="key:4")
    assert checker.status == 200
    assert checker.step == "red_flags"


def test_an_age_entered_on_the_pad_is_checked_like_a_typed_one(kiosk_client, pages):
    checker = Checker(kiosk_client).start()
    checker.post({"age": "999"})
    assert checker.step == "age"
    assert "Enter an age from 0 to 120" in checker.html


# --- QR hand-off on every result ---------------------------------------------------------------


def result_pages(html: str) -> list[str]:
    listing = re.search(r'<ol class="result__pages">(.*?)</ol>', html, re.DOTALL).group(1)
    return re.findall(r'<a href="/conditions/([^/"]+)/[^"]*">', listing)


@pytest.mark.parametrize("on_kiosk", [False, True], ids=["phone", "kiosk"])
def test_every_result_has_a_qr_code_for_its_take_home_page_without_the_answers(
    kiosk_client, client, pages, settings, on_kiosk
):
    settings.PUBLIC_BASE_URL = PUBLIC
    browser = kiosk_client if on_kiosk else client
    for level, (age, yes) in CHECK_FOR_LEVEL.items():
        html = Checker(browser).run(age=age, yes=yes).html
        assert f"result--{level}" in html
        [url] = page_qr_urls(html)
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{PUBLIC}/check/take-home/"
        query = parse_qs(parts.query)
        assert set(query) <= {"level", "pages", "go"}, url
        assert query["level"] == [level]
        assert query.get("go", [""])[0] in ("", *CARE_SETTINGS), url
        shared = query["pages"][0].split(",")
        assert shared == result_pages(html)[:MAX_PAGES]
        assert not set(shared) & set(FINDINGS), url
        assert str(age) not in url, url
        assert not parts.fragment


def test_the_qr_code_of_a_result_opens_a_take_home_page_with_the_same_advice_and_pages(
    client, pages, settings
):
    settings.PUBLIC_BASE_URL = PUBLIC
    result = Checker(client).run(age=58, yes={"fever", "back_pain", "weakened_immunity"}).html
    [url] = page_qr_urls(result)
    parts = urlsplit(url)
    take_home = client.get(f"{parts.path}?{parts.query}").content.decode()
    advice = re.search(r'<p class="result__advice">[^<]*</p>', result).group(0)
    assert advice in take_home
    assert result_pages(take_home) == result_pages(result)


def test_the_qr_code_says_it_does_not_hold_the_answers(client, pages):
    html = Checker(client).run(age=34, yes={"back_pain"}).html
    assert "It does not hold your answers." in html


def test_every_level_is_covered_by_a_check(pages):
    assert set(CHECK_FOR_LEVEL) == set(LEVELS)
