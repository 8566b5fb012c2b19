"""education.caching: ETags and 304s, shared-cache headers, and rendered pages kept in
Django's cache under their ETag, never for a kiosk, and a failing cache only a miss."""

import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from education import caching
from education.models import Page
from tests.support.kiosk import turn_on_kiosk

pytestmark = pytest.mark.django_db

CONTENT_URLS = ["/", "/conditions/", "/conditions/sepsis/"]
CACHE_TABLE = "django_cache"


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_content_pages_can_be_cached_and_revalidated(pages, client, url):
    response = client.get(url)
    assert response["ETag"]
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=300" in cache_control
    again = client.get(url, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_an_editor_change_gives_new_validators(pages, client):
    before = client.get("/conditions/discitis/")["ETag"]
    page = Page.objects.get(
        language="en", slug="sepsis"
    )  # a related page: its title shows on others
    page.title = "Sepsis (blood poisoning)"
    page.save()
    after = client.get("/conditions/discitis/", headers={"if-none-match": before})
    assert after.status_code == 200
    assert after["ETag"] != before


def test_deleting_a_page_gives_new_validators(pages, client):
    before = client.get("/conditions/")["ETag"]
    Page.objects.filter(language="en", slug="meningitis").delete()
    assert client.get("/conditions/")["ETag"] != before


def test_the_clinic_number_is_part_of_the_validator(pages, client, settings):
    before = client.get("/conditions/sepsis/")["ETag"]
    settings.EMERGENCY_NUMBER = "999"
    assert client.get("/conditions/sepsis/")["ETag"] != before


def test_checker_pages_are_not_cacheable(pages, client):
    response = client.get("/check/")
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_the_public_address_is_part_of_the_validator(client, pages, settings):
    before = client.get("/conditions/sepsis/")["ETag"]
    settings.PUBLIC_BASE_URL = "https://guide.example.org"
    after = client.get("/conditions/sepsis/", headers={"if-none-match": before})
    assert after.status_code == 200
    assert "https://guide.example.org/conditions/sepsis/" in after.content.decode()


@pytest.mark.parametrize("url", ["/search/?q=kidney", "/search/?q=zzzz", "/search/"])
def test_search_results_are_never_cached_by_anyone(pages, client, url):
    """Search terms are health information: not kept by a shared cache, nor by the browser."""
    cache_control = client.get(url)["Cache-Control"]
    assert "public" not in cache_control
    assert "private" in cache_control
    assert "no-store" in cache_control


# --- Rendered pages kept under their ETag ----------------------------------------------


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_a_content_page_is_rendered_once_while_its_etag_holds(pages, client, url):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"]
    # Nothing from the database: the page is in the process's memory, and so is
    # the pages' version its ETag rests on, for a moment (caching.VERSION_SECONDS).
    assert len(queries) == 0


def test_the_pages_version_is_asked_again_once_it_is_a_moment_old(pages, client, monkeypatch):
    monkeypatch.setattr(caching, "VERSION_SECONDS", 0.3)  # 2 s in production
    first = client.get("/conditions/sepsis/")
    # Another server process saved an edit: this one got no signal.
    Page.objects.filter(language="en", slug="sepsis").update(
        title="Sepsis (blood poisoning)", updated_at=timezone.now()
    )
    assert client.get("/conditions/sepsis/")["ETag"] == first["ETag"]
    time.sleep(0.35)
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/conditions/sepsis/")
    assert again["ETag"] != first["ETag"]
    assert "Sepsis (blood poisoning)" in again.content.decode()
    assert queries[0]["sql"].startswith(
        'SELECT MAX("education_page"."updated_at") AS "latest", COUNT('
    )


def test_an_editor_change_shows_on_the_next_request_to_every_page(pages, client):
    for url in CONTENT_URLS:
        client.get(url)
    page = Page.objects.get(language="en", slug="sepsis")
    page.title = "Sepsis (blood poisoning)"
    page.save()
    for url in CONTENT_URLS:
        assert "Sepsis (blood poisoning)" in client.get(url).content.decode()


def test_a_clinic_setting_change_shows_on_the_next_request(pages, client, settings):
    client.get("/conditions/sepsis/")
    settings.EMERGENCY_NUMBER = "999"
    assert "Call 999" in client.get("/conditions/sepsis/").content.decode()


def test_a_missing_page_is_not_kept(pages, client):
    assert client.get("/conditions/not-yet/").status_code == 404
    Page.objects.filter(language="en", slug="sepsis").update(slug="not-yet")
    assert client.get("/conditions/not-yet/").status_code == 200


SOURCE_LINK = 'rel="noopener noreferrer"'  # a source link, which a kiosk shows as plain words


def test_a_kiosk_never_gets_the_public_html_nor_leaves_its_own(pages, client):
    public_before = client.get("/conditions/sepsis/").content.decode()
    assert SOURCE_LINK in public_before
    kiosk = turn_on_kiosk(Client())
    assert SOURCE_LINK not in kiosk.get("/conditions/sepsis/").content.decode()
    assert client.get("/conditions/sepsis/").content.decode() == public_before


def test_an_address_with_a_query_is_revalidated_but_never_kept(pages, client):
    first = client.get("/conditions/sepsis/?from=leaflet")
    assert (
        client.get(
            "/conditions/sepsis/?from=leaflet", headers={"if-none-match": first["ETag"]}
        ).status_code
        == 304
    )
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/conditions/sepsis/?from=leaflet")
    assert again.content == first.content
    assert len(queries) > 1  # rendered afresh: the page's own reads ran


def test_each_language_has_its_own_validator_and_its_own_kept_page(pages, client):
    english = client.get("/conditions/sepsis/")
    with CaptureQueriesContext(connection) as queries:
        spanish = client.get("/es/conditions/sepsis/")
    assert spanish["ETag"] != english["ETag"]
    assert english["ETag"].endswith('-en"') and spanish["ETag"].endswith('-es"')
    assert len([q for q in queries if CACHE_TABLE not in q["sql"]]) > 1  # not English's HTML
    assert spanish.content != english.content
    again = client.get("/conditions/sepsis/", headers={"if-none-match": english["ETag"]})
    assert again.status_code == 304
    assert (
        client.get("/es/conditions/sepsis/", headers={"if-none-match": english["ETag"]}).status_code
        == 200
    )


class BrokenCache:
    """A cache whose server is gone: every call fails, as Redis does when it is down."""

    def get(self, *args, **kwargs):
        raise ConnectionError("the cache server is gone")

    set = get


def test_a_failing_cache_is_a_miss_and_the_page_is_still_served(pages, client, monkeypatch):
    expected = client.get("/conditions/sepsis/")
    monkeypatch.setattr(caching, "caches", {caching.PAGE_CACHE: BrokenCache()})
    response = client.get("/conditions/sepsis/")
    assert response.status_code == 200
    assert response.content == expected.content
    assert response["ETag"] == expected["ETag"]
    assert client.get("/conditions/discitis/").status_code == 200  # rendered, keeping failed


def test_a_kiosk_page_has_no_validator_and_is_never_kept(pages, client, monkeypatch):
    kiosk = turn_on_kiosk(Client())
    kept = []
    real_keep = caching._keep

    def keep(key, *args):
        if key.startswith(caching.KEY_PREFIX):  # a rendered page, not the pages' version
            kept.append(key)
        real_keep(key, *args)

    monkeypatch.setattr(caching, "_keep", keep)
    response = kiosk.get("/conditions/sepsis/")
    assert response.status_code == 200
    assert not response.has_header("ETag")
    assert kept == []
    client.get("/conditions/sepsis/")
    assert len(kept) == 1


def test_changing_a_setting_empties_the_page_cache(settings):
    # Kept pages show clinic settings; a test that changes one must not see pages made
    # with the old value.
    caches[caching.PAGE_CACHE].set("kept", "<html>")
    settings.SITE_NAME = "Another clinic"
    assert caches[caching.PAGE_CACHE].get("kept") is None
