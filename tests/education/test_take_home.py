"""Take it home: public addresses, and QR codes a phone can read, on every explanation page."""

import re

import pytest
import segno
from pytest_django.asserts import assertContains

from education.models import Page
from education.take_home import public_url, qr_svg
from tests.support.take_home import (
    PUBLIC,
    decode_qr,
    page_qr_urls,
    qr_svgs,
    query_of,
    svg_modules,
)

# --- Addresses ----------------------------------------------------------------------------


def test_public_url_puts_the_path_on_the_public_site(public_site):
    assert public_url("/conditions/sepsis/") == f"{PUBLIC}/conditions/sepsis/"


def test_public_url_encodes_a_query(public_site):
    url = public_url("/check/take-home/", {"level": "soon", "pages": "a,b", "q": "x y&z"})
    assert url.startswith(f"{PUBLIC}/check/take-home/?")
    assert query_of(url) == {"level": ["soon"], "pages": ["a,b"], "q": ["x y&z"]}


def test_public_url_without_a_query_has_no_question_mark(public_site):
    assert "?" not in public_url("/conditions/", {})


# --- The QR code itself -------------------------------------------------------------------


def test_qr_svg_is_one_inline_svg_element():
    svg = qr_svg(f"{PUBLIC}/conditions/sepsis/")
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert svg.count("<svg") == 1
    assert 'class="qr__code"' in svg
    assert "viewBox=" in svg


def test_qr_svg_has_no_script_style_attribute_or_outside_reference():
    svg = qr_svg(f"{PUBLIC}/check/take-home/?level=emergency&pages=sepsis").lower()
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
    url = f"{PUBLIC}/check/take-home/?level=urgent&pages=kidney-infection"
    expected = [
        [bool(module) for module in row]
        for row in segno.make(url, error="m", micro=False).matrix_iter(border=4)
    ]
    assert svg_modules(qr_svg(url)) == expected


@pytest.mark.parametrize(
    "url",
    [
        f"{PUBLIC}/conditions/spinal-epidural-abscess/",
        f"{PUBLIC}/check/take-home/?level=emergency&pages=sepsis%2Cspinal-epidural-abscess",
        "http://127.0.0.1:8000/check/take-home/?level=self_care&pages=back-pain-and-fever",
    ],
)
def test_a_phone_reads_the_qr_code_as_the_exact_address(url):
    assert decode_qr(qr_svg(url)) == url


# --- On the explanation pages -------------------------------------------------------------


def test_every_explanation_page_has_a_qr_code_for_the_same_page_on_the_public_site(
    pages, client, public_site
):
    slugs = list(Page.objects.filter(language="en").values_list("slug", flat=True))
    assert slugs
    for slug in slugs:
        response = client.get(f"/conditions/{slug}/")
        assert page_qr_urls(response.content.decode()) == [f"{PUBLIC}/conditions/{slug}/"], slug
        address = f'<span class="qr__url">{PUBLIC}/conditions/{slug}/</span>'
        assertContains(response, address, html=True, msg_prefix=slug)


def test_the_qr_code_is_hidden_from_screen_readers_and_the_address_is_written_out(
    pages, client, public_site
):
    html = client.get("/conditions/sepsis/").content.decode()
    assert '<div class="qr__image" aria-hidden="true"><svg' in html
    assert "Scan this code with your phone’s camera" in html
    assert len(qr_svgs(html)) == 1
