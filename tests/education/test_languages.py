"""Each page's address in each language: the switch's targets and the hreflang alternates."""

import re

import pytest
from django.conf import settings
from django.utils import translation

from config.errors import server_error
from education.languages import alternate_links, path_in_language, switch_links

pytestmark = pytest.mark.django_db

BASE = settings.PUBLIC_BASE_URL


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_a_page_s_address_in_spanish_is_the_same_path_under_es():
    assert path_in_language("/conditions/sepsis/", "es") == "/es/conditions/sepsis/"
    assert path_in_language("/check/how-it-decides/", "es") == "/es/check/how-it-decides/"
    assert path_in_language("/", "es") == "/es/"


def test_a_spanish_page_s_address_in_english_drops_the_prefix():
    with translation.override("es"):
        assert path_in_language("/es/conditions/sepsis/", "en") == "/conditions/sepsis/"
        assert path_in_language("/es/", "en") == "/"


def test_an_address_that_is_no_page_leads_to_the_other_language_s_home():
    assert path_in_language("/no-such-page/", "es") == "/es/"


def test_the_switch_offers_every_language_but_the_current_one():
    links = switch_links("/about/", "en")
    assert [(link.code, link.name) for link in links] == [("es", "Español")]
    assert links[0].url == "/language/es/?next=%2Fes%2Fabout%2F"


def test_alternates_list_every_language_and_x_default_as_full_addresses():
    links = {link.code: link.url for link in alternate_links("/conditions/sepsis/")}
    assert links == {
        "en": f"{BASE}/conditions/sepsis/",
        "es": f"{BASE}/es/conditions/sepsis/",
        "x-default": f"{BASE}/conditions/sepsis/",
    }


def test_alternates_can_be_limited_to_the_languages_a_page_is_in():
    links = [link.code for link in alternate_links("/conditions/sepsis/", ["en"])]
    assert links == ["en", "x-default"]


@pytest.mark.parametrize("path", ["/", "/es/", "/conditions/", "/es/about/", "/check/"])
def test_every_page_s_head_names_each_language_and_x_default(pages, client, path):
    found = alternates(client.get(path).content.decode())
    english = path.removeprefix("/es")
    assert found == {
        "en": BASE + english,
        "es": BASE + "/es" + english,
        "x-default": BASE + english,
    }


def test_the_404_page_has_no_alternates_but_a_switch_to_the_other_home(client):
    html = client.get("/es/no-such-page/").content.decode()
    assert alternates(html) == {}
    assert '<html lang="es">' in html
    assert 'href="/language/en/?next=%2F" lang="en" hreflang="en">English</a>' in html


def test_the_500_page_is_in_the_request_s_language(rf):
    with translation.override("es"):
        html = server_error(rf.get("/es/")).content.decode()
    assert '<html lang="es">' in html
    assert '<a href="/es/">' in html
