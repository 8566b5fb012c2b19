"""The take-home page (/check/take-home/): a result without its answers, opened from a QR code
or a handout, and the address that opens it."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils.html import escape
from pytest_django.asserts import assertContains

from education.models import Page
from education.take_home import qr_svg
from tests.support.take_home import PUBLIC, decode_qr, page_qr_urls, query_of
from triage.engine import level_advice, take_home
from triage.take_home import MAX_PAGES, take_home_url
from triage.vocabulary import CONDITIONS, LEVEL_TITLES, LEVELS

pytestmark = pytest.mark.django_db

HUB = "back-pain-and-fever"
NOT_COMPLETE = "This link is not complete"


def take_home_page(client, **query):
    return client.get("/check/take-home/", query)


def linked_pages(html: str) -> list[str]:
    listing = re.search(r'<ol class="result__pages">(.*?)</ol>', html, re.DOTALL)
    assert listing, "no list of pages"
    return re.findall(r'<a href="/conditions/([^/"]+)/">', listing.group(1))


def test_each_level_shows_its_title_and_advice(client, pages):
    for level in LEVELS:
        response = take_home_page(client, level=level, pages="sepsis")
        html = response.content.decode()
        assert response.status_code == 200, level
        assert f"result--{level}" in html
        assert escape(LEVEL_TITLES[level]) in html
        advice = f'<p class="result__advice">{escape(level_advice(level))}</p>'
        assertContains(response, advice, html=True, msg_prefix=level)
        assert "This page does not know your answers." in html


def test_each_level_shows_the_safety_net_for_its_pages(client, pages):
    for level in LEVELS:
        response = take_home_page(client, level=level, pages="pyelonephritis")
        lines = take_home(level, ["pyelonephritis"]).safety_net
        assert lines, level
        for line in lines:
            assertContains(response, f"<li>{escape(line)}</li>", html=True, msg_prefix=level)


def test_the_advice_uses_the_clinics_emergency_number(client, pages, settings):
    settings.EMERGENCY_NUMBER = "999"
    html = take_home_page(client, level="emergency").content.decode()
    assert "Call 999 now" in html
    assert 'href="tel:999"' in html


def test_an_urgent_take_home_page_mentions_urgent_care(client, pages, settings):
    settings.URGENT_CARE_TEXT = "Go to the walk-in clinic on Main Street."
    html = take_home_page(client, level="urgent").content.decode()
    assert "Go to the walk-in clinic on Main Street." in html


def test_the_given_pages_are_linked_in_the_order_given(client, pages):
    html = take_home_page(
        client, level="soon", pages="discitis,sepsis,pyelonephritis"
    ).content.decode()
    assert linked_pages(html) == ["discitis", "sepsis", "pyelonephritis"]
    html = take_home_page(
        client, level="soon", pages="pyelonephritis,sepsis,discitis"
    ).content.decode()
    assert linked_pages(html) == ["pyelonephritis", "sepsis", "discitis"]


def test_linked_pages_show_the_editors_current_titles(client, pages):
    Page.objects.filter(language="en", slug="sepsis").update(title="Sepsis (blood poisoning)")
    response = take_home_page(client, level="urgent", pages="sepsis")
    assertContains(
        response, '<a href="/conditions/sepsis/">Sepsis (blood poisoning)</a>', html=True
    )


def test_unknown_slugs_and_duplicates_are_dropped(client, pages):
    html = take_home_page(
        client, level="urgent", pages="sepsis,no-such-page,sepsis,,../admin,discitis"
    ).content.decode()
    assert linked_pages(html) == ["sepsis", "discitis"]


def test_every_page_a_result_can_name_is_linked(client, pages):
    slugs = list(Page.objects.filter(language="en").values_list("slug", flat=True))
    assert len(slugs) <= MAX_PAGES
    html = take_home_page(client, level="soon", pages=",".join(slugs)).content.decode()
    assert linked_pages(html) == slugs


def test_only_the_first_few_names_in_the_link_are_read(client, pages):
    names = [f"nope-{number}" for number in range(MAX_PAGES)] + ["sepsis"]
    html = take_home_page(client, level="soon", pages=",".join(names)).content.decode()
    assert linked_pages(html) == [HUB]


def test_without_known_pages_the_hub_page_is_linked(client, pages):
    for query in (
        {},
        {"pages": ""},
        {"pages": "nope"},
        {"pages": "nope,nor-this"},
        {"pages": ",,"},
    ):
        response = take_home_page(client, level="self_care", **query)
        assert response.status_code == 200, query
        assert linked_pages(response.content.decode()) == [HUB], query


def test_a_page_an_editor_removed_is_left_out(client, pages):
    Page.objects.filter(language="en", slug="discitis").delete()
    html = take_home_page(client, level="soon", pages="discitis,sepsis").content.decode()
    assert linked_pages(html) == ["sepsis"]
    html = take_home_page(client, level="soon", pages="discitis").content.decode()
    assert linked_pages(html) == [HUB]


BAD_LEVELS = [
    {},
    {"pages": "sepsis"},
    {"level": ""},
    {"level": "critical"},
    {"level": "EMERGENCY"},
    {"level": " urgent"},
    {"level": "urgent,soon"},
    {"level": "self care"},
    {"level": "x" * 10_000},
]


def test_a_missing_or_unknown_level_is_a_400_with_a_plain_message(client, pages):
    for query in BAD_LEVELS:
        response = client.get("/check/take-home/", query)
        html = response.content.decode()
        assert response.status_code == 400, query
        assertContains(response, f"<h1>{NOT_COMPLETE}</h1>", status_code=400, html=True)
        assert "We could not tell which result this link is for." in html
        assert 'href="/check/"' in html
        assert "<svg" not in html


JUNK = [
    "x" * 20_000,
    "," * 10_000,
    "sepsis," * 3_000,
    "sépsis,脊椎,💥,\u202e,ｓｅｐｓｉｓ",
    "%00,%2C,<script>alert(1)</script>",
    "' OR 1=1 --",
    "/conditions/sepsis/",
]


@pytest.mark.parametrize("level", ["emergency", "self_care", "nope", "💥" * 500])
def test_junk_in_the_link_never_breaks_the_page(client, pages, level):
    for junk in JUNK:
        response = client.get("/check/take-home/", {"level": level, "pages": junk})
        assert response.status_code == (200 if level in LEVELS else 400), junk[:40]
        html = response.content.decode()
        assert "<script>alert" not in html
        if response.status_code == 200:
            assert linked_pages(html), junk[:40]


def test_repeated_parameters_never_break_the_page(client, pages):
    response = client.get("/check/take-home/?level=urgent&level=nope&pages=sepsis&pages=discitis")
    assert response.status_code in (200, 400)


def test_the_take_home_page_is_cacheable_and_revalidates(client, pages):
    response = take_home_page(client, level="urgent", pages="sepsis")
    assert response["ETag"]
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=" in cache_control
    assert "no-store" not in cache_control
    again = client.get(
        "/check/take-home/",
        {"level": "urgent", "pages": "sepsis"},
        headers={"if-none-match": response["ETag"]},
    )
    assert again.status_code == 304


def test_each_take_home_page_has_its_own_validator(client, pages):
    urgent = take_home_page(client, level="urgent", pages="sepsis")["ETag"]
    soon = take_home_page(client, level="soon", pages="sepsis")["ETag"]
    other_page = take_home_page(client, level="urgent", pages="discitis")["ETag"]
    assert len({urgent, soon, other_page}) == 3


def test_the_take_home_page_is_kept_out_of_search_engines(client, pages):
    response = take_home_page(client, level="urgent")
    assertContains(response, '<meta name="robots" content="noindex">', html=True)


def test_the_qr_code_opens_the_same_take_home_page_on_the_public_site(client, pages, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    for level in LEVELS:
        response = take_home_page(client, level=level, pages="sepsis,nope,discitis,sepsis")
        html = response.content.decode()
        [url] = page_qr_urls(html)
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{PUBLIC}/check/take-home/"
        assert parse_qs(parts.query) == {"level": [level], "pages": ["sepsis,discitis"]}
        assertContains(response, f'<span class="qr__url">{escape(url)}</span>', html=True)


def test_the_qr_code_of_a_take_home_page_without_known_pages_names_the_hub_page(client, pages):
    html = take_home_page(client, level="routine", pages="nope").content.decode()
    [url] = page_qr_urls(html)
    assert parse_qs(urlsplit(url).query) == {"level": ["routine"], "pages": [HUB]}


def test_only_get_is_allowed(client, pages):
    assert client.post("/check/take-home/", {"level": "urgent"}).status_code == 405


def test_a_take_home_page_keeps_the_place_a_result_named(client, pages, settings):
    settings.URGENT_CARE_TEXT = "Go to the walk-in clinic on Main Street."
    html = take_home_page(client, level="urgent", pages="pyelonephritis", go="maternity")
    html = html.content.decode()
    assert escape(level_advice("urgent", go_to="maternity")) in html
    assert "walk-in clinic" not in html.split("result__level", 1)[1].split("</section>", 1)[0]
    [url] = page_qr_urls(html)
    assert parse_qs(urlsplit(url).query)["go"] == ["maternity"]


@pytest.mark.parametrize(("level", "go"), [("urgent", "spa"), ("emergency", "maternity")])
def test_a_take_home_page_ignores_a_place_it_does_not_know_or_an_emergency_cannot_have(
    client, pages, level, go
):
    response = take_home_page(client, level=level, go=go)
    html = response.content.decode()
    advice = f'<p class="result__advice">{escape(level_advice(level))}</p>'
    assertContains(response, advice, html=True)
    [url] = page_qr_urls(html)
    assert "go" not in parse_qs(urlsplit(url).query)


def test_the_first_address_of_the_page_still_opens_it_with_its_query(client, pages):
    """/check/summary/ is printed in QR codes and on handouts made before the rename."""
    response = client.get("/check/summary/?level=urgent&pages=sepsis&go=maternity")
    assert response.status_code == 301
    assert response["Location"] == "/check/take-home/?level=urgent&pages=sepsis&go=maternity"
    assert client.post("/check/summary/", {"level": "urgent"}).status_code == 405


# --- The address behind the QR code -------------------------------------------------------


def test_a_take_home_url_opens_the_take_home_page_on_the_public_site(public_site):
    url = take_home_url("urgent", ("kidney-infection", "sepsis"))
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == PUBLIC
    assert parts.path == "/check/take-home/"
    assert query_of(url) == {"level": ["urgent"], "pages": ["kidney-infection,sepsis"]}


@pytest.mark.parametrize("level", LEVELS)
def test_a_take_home_url_carries_only_the_level_and_the_pages(public_site, level):
    url = take_home_url(level, ("sepsis",))
    assert set(query_of(url)) == {"level", "pages"}
    assert query_of(url)["level"] == [level]
    assert not urlsplit(url).fragment


def test_a_take_home_url_without_pages_carries_only_the_level(public_site):
    assert query_of(take_home_url("self_care", ())) == {"level": ["self_care"]}


def test_a_take_home_url_keeps_at_most_the_first_few_pages_in_order(public_site):
    slugs = tuple(f"page-{number}" for number in range(MAX_PAGES + 3))
    pages = query_of(take_home_url("soon", slugs))["pages"][0].split(",")
    assert pages == list(slugs[:MAX_PAGES])


def test_a_take_home_url_has_room_for_every_condition_page(public_site):
    slugs = tuple(CONDITIONS)
    assert query_of(take_home_url("soon", slugs))["pages"][0].split(",") == list(slugs)


def test_the_longest_take_home_url_still_makes_a_readable_code(public_site):
    url = take_home_url("emergency", tuple(sorted(CONDITIONS, key=len, reverse=True)))
    assert decode_qr(qr_svg(url)) == url
