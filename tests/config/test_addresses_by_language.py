"""Addresses: English where it always was, Spanish under /es/, machines' addresses unprefixed."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/conditions/",
    "/conditions/sepsis/",
    "/search/",
    "/about/",
    "/privacy/",
    "/accessibility/",
    "/check/",
    "/check/how-it-decides/",
]


@pytest.mark.parametrize("path", PAGES)
def test_english_pages_keep_their_addresses(pages, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_a_spanish_address_under_es(pages, client, path):
    response = client.get(f"/es{path}")
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert '<html lang="es"' in response.content.decode()


def test_the_kiosk_start_page_has_a_spanish_address(client):
    assert client.get("/es/kiosk/").status_code == 200


def test_names_reverse_to_each_language_s_address():
    assert reverse("education:page", args=["sepsis"]) == "/conditions/sepsis/"
    assert reverse("triage:checker") == "/check/"
    with translation.override("es"):
        assert reverse("education:page", args=["sepsis"]) == "/es/conditions/sepsis/"
        assert reverse("triage:checker") == "/es/check/"
        assert reverse("home") == "/es/"


@pytest.mark.parametrize(
    "name",
    [
        "triage_api:assess",
        "triage_api:contract",
        "triage_api:rules",
        "infobutton:request",
        "kiosk_worker:service_worker",
        "kiosk_worker:alive",
        "kiosk_worker:offline",
    ],
)
def test_what_machines_call_has_one_address_in_every_language(name):
    english = reverse(name)
    with translation.override("es"):
        assert reverse(name) == english
    assert not english.startswith("/es/")


@pytest.mark.parametrize(
    "path",
    [
        "/es/triage/api/contract",
        "/es/infobutton/",
        "/es/admin/",
        "/es/sitemap.xml",
        "/es/robots.txt",
    ],
)
def test_machines_addresses_have_no_spanish_copy(client, path):
    assert client.get(path).status_code == 404


def test_the_api_admin_sitemap_and_robots_answer_unprefixed(pages, client):
    assert client.get("/triage/api/contract").status_code == 200
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/admin/").status_code == 302  # to the sign-in page
