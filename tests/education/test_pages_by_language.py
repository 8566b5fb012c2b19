"""Pages in Spanish: each language's pages at its own addresses, and English while untranslated."""

import json
import re

import pytest
from django.conf import settings
from django.utils import translation
from pytest_django.asserts import assertContains

from education.models import Page
from education.selectors import existing_pages, existing_slugs, page_languages
from tests.support.spanish import SPANISH_SLUG, SPANISH_TITLE

pytestmark = pytest.mark.django_db

SPANISH_URL = f"/es/conditions/{SPANISH_SLUG}/"


def test_a_spanish_page_is_served_at_its_spanish_address(spanish_page, client):
    response = client.get(SPANISH_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assertContains(response, f'<h1 id="page-title">{SPANISH_TITLE}</h1>', html=True)
    assert "not been translated yet" not in html
    assert 'name="robots"' not in html


def test_the_english_address_still_has_the_english_page(spanish_page, client):
    html = client.get(f"/conditions/{SPANISH_SLUG}/").content.decode()
    assert "Kidney infection (pyelonephritis)" in html
    assert SPANISH_TITLE not in html


def test_a_page_not_in_spanish_yet_shows_in_english_with_a_note(spanish_page, client):
    response = client.get("/es/conditions/sepsis/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html  # the site around it is in Spanish
    assert '<article class="article" aria-labelledby="page-title" lang="en">' in html
    assert "Esta página todavía no está traducida, así que se la mostramos en" in html
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    found = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert set(found) == {"en", "x-default"}  # no Spanish version to point search engines at


def test_a_translated_page_names_both_languages_as_alternates(spanish_page, client):
    html = client.get(SPANISH_URL).content.decode()
    found = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert found == {
        "en": f"{settings.PUBLIC_BASE_URL}/conditions/{SPANISH_SLUG}/",
        "es": f"{settings.PUBLIC_BASE_URL}{SPANISH_URL}",
        "x-default": f"{settings.PUBLIC_BASE_URL}/conditions/{SPANISH_SLUG}/",
    }


def test_a_slug_in_no_language_is_still_a_404_in_spanish(spanish_page, client):
    assert client.get("/es/conditions/no-such-page/").status_code == 404


def test_lists_in_spanish_show_the_spanish_page_and_mark_english_ones(spanish_page, client):
    response = client.get("/es/conditions/")
    html = response.content.decode()
    assertContains(response, f'<a href="{SPANISH_URL}">{SPANISH_TITLE}</a>', html=True)
    assert "Kidney infection (pyelonephritis)" not in html
    assert '<li class="card" lang="en">' in html  # sepsis and the rest, until translated
    english = client.get("/conditions/").content.decode()
    assert SPANISH_TITLE not in english
    assert 'lang="en"' not in english.split("<main", 1)[1]


def test_selectors_answer_in_the_active_language(spanish_page):
    with translation.override("es"):
        [kidney, sepsis] = existing_pages([SPANISH_SLUG, "sepsis"])
        assert (kidney.language, sepsis.language) == ("es", "en")
        assert existing_slugs() == existing_slugs("en")
    [kidney] = existing_pages([SPANISH_SLUG])
    assert kidney.language == "en"
    assert page_languages(SPANISH_SLUG) == ["en", "es"]
    assert page_languages("sepsis") == ["en"]


def test_each_language_s_page_has_its_own_etag(spanish_page, client):
    english = client.get(f"/conditions/{SPANISH_SLUG}/")["ETag"]
    spanish = client.get(SPANISH_URL)["ETag"]
    assert english != spanish
    assert client.get(SPANISH_URL, headers={"if-none-match": spanish}).status_code == 304


def test_structured_data_says_the_page_s_language(spanish_page, client):
    def json_ld(path):
        html = client.get(path).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        return json.loads(block.group(1))

    spanish = json_ld(SPANISH_URL)
    assert spanish["inLanguage"] == "es"
    assert spanish["url"].endswith(SPANISH_URL)
    assert spanish["name"] == SPANISH_TITLE
    assert json_ld(f"/conditions/{SPANISH_SLUG}/")["inLanguage"] == "en"
    assert json_ld("/es/conditions/sepsis/")["inLanguage"] == "en"  # shown untranslated


def test_the_sitemap_lists_each_language_s_address_with_alternates(spanish_page, client):
    xml = client.get("/sitemap.xml").content.decode()
    base = "http://testserver"
    assert f"<loc>{base}{SPANISH_URL}</loc>" in xml
    assert f"<loc>{base}/conditions/{SPANISH_SLUG}/</loc>" in xml
    assert f'hreflang="es" href="{base}{SPANISH_URL}"' in xml
    assert f'hreflang="x-default" href="{base}/conditions/{SPANISH_SLUG}/"' in xml
    assert f"<loc>{base}/es/conditions/sepsis/</loc>" not in xml  # not translated
    assert f"<loc>{base}/es/check/</loc>" in xml
    assert f"<loc>{base}/es/</loc>" in xml


def test_the_page_s_model_knows_its_language_and_address(spanish_page):
    assert spanish_page.is_translation
    assert spanish_page.get_absolute_url() == SPANISH_URL
    assert str(spanish_page) == f"{SPANISH_TITLE} (es)"
    english = spanish_page.source_page()
    assert (english.language, english.slug) == ("en", SPANISH_SLUG)
    assert english.source_page() is None
    assert not english.is_out_of_date


def test_slugs_are_unique_within_a_language_not_across(spanish_page):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.filter(pk=spanish_page.pk).update(slug="sepsis", language="en")
