"""With the database down or locked the checker reaches every result and the API answers JSON.

Page links fall back to the shipped pages (education/shipped_pages.py); an
editor's retitling, which only the database knows, shows again once it is back.
Pages that are nothing without the database answer a 503 page that still gives
the emergency number; nothing answered without the database may be cached.
"""

import json

import pytest
from django.db import OperationalError
from pytest_django.asserts import assertContains, assertInHTML

from config.outage import DatabaseOutageMiddleware
from education.loading import load_pages
from education.models import Page
from tests import services
from tests.support.checker import Checker
from tests.support.kiosk import CHECK_FOR_LEVEL, turn_on_kiosk
from tests.support.outage import database_down, sqlite_locked

EDITED_TITLE = "Sepsis (blood infection), as the clinic editors call it"


@pytest.fixture
def edited_pages(pages):
    """The shipped pages, with one retitled by an editor: only the database knows that title."""
    Page.objects.filter(language="en", slug="sepsis").update(title=EDITED_TITLE)


def assess(client, age, findings):
    return client.post(
        "/triage/api/assess",
        data=json.dumps({"age_years": age, "findings": sorted(findings)}),
        content_type="application/json",
    )


@pytest.mark.parametrize("htmx", [False, True])
@pytest.mark.parametrize("level", list(CHECK_FOR_LEVEL))
def test_the_checker_reaches_every_result_with_the_database_down(edited_pages, client, level, htmx):
    age, yes = CHECK_FOR_LEVEL[level]
    with database_down():
        checker = Checker(client, htmx=htmx).run(age=age, yes=yes)
    assert checker.status == 200
    assert f"result--{level}" in checker.html
    assert "/conditions/" in checker.html  # the pages to read are still linked
    assert "no-store" in checker.response["Cache-Control"]


def test_result_links_fall_back_to_the_shipped_titles_and_sections(edited_pages, client):
    age, yes = CHECK_FOR_LEVEL["urgent"]
    with database_down():
        html = Checker(client).run(age=age, yes=yes).html
    assertInHTML('<a href="/conditions/sepsis/#urgent-signs">Sepsis</a>', html)
    assert EDITED_TITLE not in html


def test_an_editor_s_session_cookie_does_not_stop_the_checker_with_the_database_down(
    edited_pages, client, settings
):
    client.cookies[settings.SESSION_COOKIE_NAME] = "a-session-only-the-database-knows"
    age, yes = CHECK_FOR_LEVEL["emergency"]
    with database_down():
        assert "result--emergency" in Checker(client).run(age=age, yes=yes).html


def test_a_kiosk_reaches_a_result_with_the_database_down(edited_pages, client):
    turn_on_kiosk(client)
    age, yes = CHECK_FOR_LEVEL["urgent"]
    with database_down():
        checker = Checker(client).run(age=age, yes=yes)
    assert "result--urgent" in checker.html
    assert 'data-kiosk-generation="' in checker.html


@pytest.mark.parametrize("level", list(CHECK_FOR_LEVEL))
def test_the_api_answers_json_for_every_level_with_the_database_down(edited_pages, client, level):
    age, yes = CHECK_FOR_LEVEL[level]
    with database_down():
        response = assess(client, age, yes)
    body = response.json()
    assert response.status_code == 200
    assert body["level"] == level
    for condition in body["conditions"]:
        assert condition["url"] == f"/conditions/{condition['slug']}/"
        assert condition["title"]


def test_api_page_links_use_the_shipped_titles_with_the_database_down(edited_pages, client):
    age, yes = CHECK_FOR_LEVEL["urgent"]
    with database_down():
        conditions = assess(client, age, yes).json()["conditions"]
    assert {"slug": "sepsis", "title": "Sepsis", "url": "/conditions/sepsis/"} in conditions


@pytest.mark.parametrize("path", ["/triage/api/contract", "/triage/api/rules"])
def test_the_read_only_api_answers_with_the_database_down(pages, client, path):
    with database_down():
        response = client.get(path)
    assert response.status_code == 200
    assert response.json()


def test_the_rules_page_and_a_result_summary_render_with_the_database_down(edited_pages, client):
    with database_down():
        rules = client.get("/check/how-it-decides/")
        summary = client.get("/check/take-home/?level=urgent&pages=sepsis,pyelonephritis")
    assert rules.status_code == 200
    assert '<a href="/conditions/sepsis/">' in rules.content.decode()
    assertContains(summary, '<a href="/conditions/sepsis/">Sepsis</a>', html=True)
    for response in (rules, summary):
        # A stand-in must not outlive the outage in any cache.
        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/", "/conditions/sepsis/", "/conditions/", "/search/?q=fever"])
def test_pages_that_need_the_database_answer_a_503_with_the_emergency_number(
    pages, client, settings, path
):
    settings.EMERGENCY_NUMBER = "112"
    with database_down():
        response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert "This page is not available right now" in html
    assert "Call 112 now" in html
    assert 'href="/check/"' in html
    assert "no-store" in response["Cache-Control"]


def test_a_missing_page_still_gets_the_404_page_with_the_database_down(pages, client):
    with database_down():
        response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_pages_come_back_by_themselves_when_the_database_does(edited_pages, client):
    age, yes = CHECK_FOR_LEVEL["urgent"]
    with database_down():
        assert client.get("/conditions/sepsis/").status_code == 503
        assert EDITED_TITLE not in Checker(client).run(age=age, yes=yes).html
    assert client.get("/conditions/sepsis/").status_code == 200
    assert EDITED_TITLE in Checker(client).run(age=age, yes=yes).html
    assert {"slug": "sepsis", "title": EDITED_TITLE, "url": "/conditions/sepsis/"} in assess(
        client, age, yes
    ).json()["conditions"]


@pytest.fixture
def committed_pages(transactional_db):
    """Pages committed, outside a test transaction that would hold locks of its own."""
    load_pages()
    Page.objects.filter(language="en", slug="sepsis").update(title=EDITED_TITLE)


def test_the_checker_and_api_answer_with_the_sqlite_database_locked(
    committed_pages, client, request
):
    if request.config.getoption("--real-services"):
        pytest.skip("locks a SQLite database; this run is on PostgreSQL")
    age, yes = CHECK_FOR_LEVEL["urgent"]
    with sqlite_locked():
        checker = Checker(client).run(age=age, yes=yes)
        api = assess(client, age, yes)
        content = client.get("/conditions/sepsis/")
    assert "result--urgent" in checker.html
    assertInHTML('<a href="/conditions/sepsis/#urgent-signs">Sepsis</a>', checker.html)
    assert api.status_code == 200 and api.json()["level"] == "urgent"
    assert content.status_code == 503
    # The lock is gone: the editor's title is back without a restart.
    assert EDITED_TITLE in Checker(client).run(age=age, yes=yes).html


def test_the_site_reconnects_by_itself_when_postgresql_comes_back(committed_pages, client, request):
    if not request.config.getoption("--real-services"):
        pytest.skip("stops the real PostgreSQL of the --real-services run (make test runs it)")
    server = request.getfixturevalue("postgresql_server")
    age, yes = CHECK_FOR_LEVEL["urgent"]
    # A connection is open. (Not the sepsis page itself: the process would keep
    # it and could serve it from memory for a moment without the database.)
    assert client.get("/conditions/").status_code == 200
    with services.postgresql_stopped(server):
        checker = Checker(client).run(age=age, yes=yes)
        api = assess(client, age, yes)
        content = client.get("/conditions/sepsis/")
    assertInHTML('<a href="/conditions/sepsis/#urgent-signs">Sepsis</a>', checker.html)
    assert api.status_code == 200 and api.json()["level"] == "urgent"
    assert content.status_code == 503
    # The same process, no restart: the next requests connect afresh.
    assert client.get("/conditions/sepsis/").status_code == 200
    assert EDITED_TITLE in Checker(client).run(age=age, yes=yes).html


def test_an_api_request_that_needed_the_database_gets_a_json_503(rf):
    middleware = DatabaseOutageMiddleware(lambda request: None)
    response = middleware.process_exception(
        rf.post("/triage/api/assess"), OperationalError("connection refused")
    )
    assert response.status_code == 503
    assert response["Retry-After"]
    assert json.loads(response.content)["code"] == "unavailable"


def test_errors_other_than_the_database_s_are_left_to_the_500_handler(rf):
    middleware = DatabaseOutageMiddleware(lambda request: None)
    assert middleware.process_exception(rf.get("/conditions/"), RuntimeError("bug")) is None
