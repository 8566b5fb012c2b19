"""Every page's body text reads at Flesch-Kincaid grade 7 or below in English,
and at Fernández-Huerta 70 or above ("bastante fácil") in Spanish."""

import pytest

from education.content_files import read_all_pages
from education.readability import fernandez_huerta, flesch_kincaid_grade
from tests.support.page_files import SPANISH_DIR, page_body_html, read_page_files

MAX_GRADE = 7.0
MIN_SPANISH_EASE = 70.0
SPANISH_PAGES = read_page_files(SPANISH_DIR)


def main_content(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("slug", [page.slug for page in read_all_pages()])
def test_page_body_reads_at_grade_7_or_below(pages, client, slug):
    html = client.get(f"/conditions/{slug}/").content.decode()
    grade = flesch_kincaid_grade(main_content(html))
    assert grade <= MAX_GRADE, f"{slug} reads at grade {grade:.1f}"


INFOBUTTON = "/infobutton/?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c="
OTHER_URLS = [
    "/",
    "/conditions/",
    "/search/?q=kidney",
    "/search/?q=zebra",
    "/privacy/",
    "/accessibility/",
    "/about/",
    INFOBUTTON + "J45.40&mainSearchCriteria.v.dn=Asthma",  # no page for this code
    INFOBUTTON + "N10&informationRecipient.languageCode.c=fr",  # a language we do not offer
    INFOBUTTON,  # a link with no code
]


@pytest.mark.parametrize("url", OTHER_URLS)
def test_other_pages_read_at_grade_7_or_below(pages, client, url):
    html = client.get(url).content.decode()
    grade = flesch_kincaid_grade(main_content(html))
    assert grade <= MAX_GRADE, f"{url} reads at grade {grade:.1f}"


@pytest.mark.parametrize("slug", sorted(SPANISH_PAGES))
def test_spanish_page_file_reads_as_fairly_easy_or_easier(slug):
    # Fernández-Huerta 70 is "bastante fácil"; the file's own words, as an editor wrote them.
    html = page_body_html(SPANISH_PAGES[slug])
    score = fernandez_huerta(html)
    assert score >= MIN_SPANISH_EASE, f"es/{slug} scores {score:.1f}"


@pytest.mark.parametrize("slug", sorted(SPANISH_PAGES))
def test_spanish_page_as_served_reads_as_fairly_easy_or_easier(pages, client, slug):
    # The whole served page: the file's words and the site's own Spanish around them.
    html = client.get(f"/es/conditions/{slug}/").content.decode()
    assert '<html lang="es">' in html
    score = fernandez_huerta(main_content(html))
    assert score >= MIN_SPANISH_EASE, f"/es/conditions/{slug}/ scores {score:.1f}"


SPANISH_OTHER_URLS = [
    "/es/",
    "/es/conditions/",
    "/es/search/?q=riñón",
    "/es/search/?q=cebra",
    "/es/privacy/",
    "/es/accessibility/",
    "/es/about/",
    "/es/check/",
]


@pytest.mark.parametrize("url", SPANISH_OTHER_URLS)
def test_other_spanish_pages_read_as_fairly_easy_or_easier(pages, client, url):
    html = client.get(url).content.decode()
    score = fernandez_huerta(main_content(html))
    assert score >= MIN_SPANISH_EASE, f"{url} scores {score:.1f}"
