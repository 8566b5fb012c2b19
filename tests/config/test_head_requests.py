"""Every page that answers GET answers HEAD the same way: uptime monitors use HEAD."""

import pytest

pytestmark = pytest.mark.django_db

GET_PAGES = [
    "/",
    "/conditions/",
    "/conditions/sepsis/",
    "/search/?q=kidney",
    "/check/",
    "/check/take-home/?level=soon&pages=discitis",
    "/triage/api/contract",
    "/kiosk/",
    "/kiosk/idle/?next=/check/",
    "/sitemap.xml",
    "/robots.txt",
    "/admin/login/",
]


@pytest.mark.parametrize("url", GET_PAGES)
def test_head_answers_like_get_without_a_body(pages, client, url):
    get = client.get(url)
    head = client.head(url)
    assert head.status_code == get.status_code
    assert head.status_code < 400
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def test_head_on_the_checker_starts_nothing_and_reads_no_answers(pages, client):
    response = client.head("/check/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_still_refused_on_pages(pages, client, method):
    assert getattr(client, method)("/conditions/sepsis/").status_code == 405
