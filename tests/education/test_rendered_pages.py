import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from education.models import Page
from tests.support.kiosk import turn_on_kiosk

pytestmark = pytest.mark.django_db

URLS = ["/", "/conditions/", "/conditions/sepsis/"]


@pytest.mark.parametrize("url", URLS)
def test_a_content_page_is_rendered_once_while_its_etag_holds(pages, client, url):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["ETag"] == first["ETag"]
    # Only the ETag's aggregate, asked once per request.
    assert len(queries) == 1
    assert all(
        q["sql"].startswith('SELECT MAX("education_page"."updated_at") AS "latest", COUNT(')
        for q in queries
    )


def test_an_editor_change_shows_on_the_next_request_to_every_page(pages, client):
    for url in URLS:
        client.get(url)
    page = Page.objects.get(language="en", slug="sepsis")
    page.title = "Sepsis (blood poisoning)"
    page.save()
    for url in URLS:
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
