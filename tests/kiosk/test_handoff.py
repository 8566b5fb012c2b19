"""QR hand-off: public addresses, result links that carry no answers, and codes a phone can read."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
import segno

from education.models import Page
from kiosk.handoff import MAX_PAGES, public_url, qr_svg, result_url
from tests.support.kiosk import decode_qr, page_qr_urls, qr_svgs, svg_modules
from triage.vocabulary import CONDITIONS, LEVELS

PUBLIC = "https://guide.example.org"


@pytest.fixture
def public_site(settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    return PUBLIC


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query, keep_blank_values=True)


# --- Addresses ----------------------------------------------------------------------------


def test_public_url_puts_the_path_on_the_public_site(public_site):
    assert public_url("/conditions/sepsis/") == f"{PUBLIC}/conditions/sepsis/"


def test_public_url_encodes_a_query(public_site):
    url = public_url("/check/summary/", {"level": "soon", "pages": "a,b", "q": "x y&z"})
    assert url.startswith(f"{PUBLIC}/check/summary/?")
    assert query_of(url) == {"level": ["soon"], "pages": ["a,b"], "q": ["x y&z"]}


def test_public_url_without_a_query_has_no_question_mark(public_site):
    assert "?" not in public_url("/conditions/", {})


def test_a_result_url_opens_the_summary_on_the_public_site(public_site):
    url = result_url("urgent", ("kidney-infection", "sepsis"))
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == PUBLIC
    assert parts.path == "/check/summary/"
    assert query_of(url) == {"level": ["urgent"], "pages": ["kidney-infection,sepsis"]}


@pytest.mark.parametrize("level", LEVELS)
def test_a_result_url_carries_only_the_level_and_the_pages(public_site, level):
    url = result_url(level, ("sepsis",))
    assert set(query_of(url)) == {"level", "pages"}
    assert query_of(url)["level"] == [level]
    assert not urlsplit(url).fragment


def test_a_result_url_without_pages_carries_only_the_level(public_site):
    assert query_of(result_url("self_care", ())) == {"level": ["self_care"]}


def test_a_result_url_keeps_at_most_the_first_few_pages_in_order(public_site):
    slugs = tuple(f"page-{number}" for number in range(MAX_PAGES + 3))
    pages = query_of(result_url("soon", slugs))["pages"][0].split(",")
    assert pages == list(slugs[:MAX_PAGES])


def test_a_result_url_has_room_for_every_condition_page(public_site):
    slugs = tuple(CONDITIONS)
    assert query_of(result_url("soon", slugs))["pages"][0].split(",") == list(slugs)


# --- The QR code itself -------------------------------------------------------------------


def test_qr_svg_is_one_inline_svg_element():
    svg = qr_svg(f"{PUBLIC}/conditions/sepsis/")
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert svg.count("<svg") == 1
    assert 'class="qr__code"' in svg
    assert "viewBox=" in svg


def test_qr_svg_has_no_script_style_attribute_or_outside_reference():
    svg = qr_svg(f"{PUBLIC}/check/summary/?level=emergency&pages=sepsis").lower()
    assert "<script" not in svg
    assert "style=" not in svg  # the CSP allows no inline styles
    assert not re.search(r"\son[a-z]+\s*=", svg)  # no event handlers
    assert "href" not in svg
    assert "<?xml" not in svg and "<!doctype" not in svg


def test_qr_svg_has_no_fixed_size_so_css_can_scale_it():
    svg = qr_svg(f"{PUBLIC}/conditions/")
    head = svg.split(">", 1)[0]
    assert "width=" not in head and "height=" not in head


def test_the_svg_draws_exactly_the_modules_segno_computed():
    """The test reader parses the markup the site serves; this shows it reads it right."""
    url = f"{PUBLIC}/check/summary/?level=urgent&pages=kidney-infection"
    expected = [
        [bool(module) for module in row]
        for row in segno.make(url, error="m", micro=False).matrix_iter(border=4)
    ]
    assert svg_modules(qr_svg(url)) == expected


@pytest.mark.parametrize(
    "url",
    [
        f"{PUBLIC}/conditions/spinal-epidural-abscess/",
        f"{PUBLIC}/check/summary/?level=emergency&pages=sepsis%2Cspinal-epidural-abscess",
        "http://127.0.0.1:8000/check/summary/?level=self_care&pages=back-pain-and-fever",
    ],
)
def test_a_phone_reads_the_qr_code_as_the_exact_address(url):
    assert decode_qr(qr_svg(url)) == url


def test_the_longest_result_url_still_makes_a_readable_code(public_site):
    url = result_url("emergency", tuple(sorted(CONDITIONS, key=len, reverse=True)))
    assert decode_qr(qr_svg(url)) == url


# --- On the explanation pages -------------------------------------------------------------


def test_every_explanation_page_has_a_qr_code_for_the_same_page_on_the_public_site(
    pages, client, public_site
):
    slugs = list(Page.objects.values_list("slug", flat=True))
    assert slugs
    for slug in slugs:
        html = client.get(f"/conditions/{slug}/").content.decode()
        assert page_qr_urls(html) == [f"{PUBLIC}/conditions/{slug}/"], slug
        assert f'<span class="qr__url">{PUBLIC}/conditions/{slug}/</span>' in html


def test_the_qr_code_is_hidden_from_screen_readers_and_the_address_is_written_out(
    pages, client, public_site
):
    html = client.get("/conditions/sepsis/").content.decode()
    assert '<div class="qr__image" aria-hidden="true"><svg' in html
    assert "Scan this code with your phone’s camera" in html
    assert len(qr_svgs(html)) == 1
