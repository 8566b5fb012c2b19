"""Error pages render with no database and no static manifest, and give the emergency number.

Run with this module as the URLconf: the site's own URLs and error handlers,
plus two views that fail on purpose.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

from config.urls import handler400, handler403, handler500  # noqa: F401 - used by Django
from config.urls import urlpatterns as site_urlpatterns
from tests.support.outage import database_down


def broken(request):
    raise RuntimeError("a bug")


def forbidden(request):
    raise PermissionDenied


urlpatterns = [*site_urlpatterns, path("broken/", broken), path("forbidden/", forbidden)]

pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db]


@pytest.fixture
def no_static_manifest(settings, tmp_path):
    """Manifest static files as in production, but collectstatic never ran."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }


@pytest.fixture
def browser():
    # As a browser sees it: the handler's page, not the exception.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("path", "status", "heading"),
    [
        ("/broken/", 500, "Sorry, something went wrong on our side"),
        ("/forbidden/", 403, "You cannot open this page"),
    ],
)
def test_error_pages_render_with_no_manifest_and_no_database(
    no_static_manifest, browser, settings, path, status, heading
):
    settings.EMERGENCY_NUMBER = "112"
    with database_down():
        response = browser.get(path)
    html = response.content.decode()
    assert response.status_code == status
    assert heading in html
    assert "Call 112 now" in html
    assert 'href="/static/css/site.css"' in html  # the plain name, without a manifest


def test_a_bad_request_gets_the_bare_400_page(no_static_manifest, browser, settings):
    settings.EMERGENCY_NUMBER = "112"
    with database_down():
        response = browser.get("/", headers={"host": "attacker.example"})  # not in ALLOWED_HOSTS
    html = response.content.decode()
    assert response.status_code == 400
    assert "We could not understand that request" in html
    assert "Call 112 now" in html


def test_a_page_that_needs_the_missing_manifest_falls_back_to_the_500_page(
    no_static_manifest, browser
):
    response = browser.get("/check/")
    assert response.status_code == 500
    assert "Call 911 now" in response.content.decode()


def test_error_pages_use_the_hashed_stylesheet_when_the_manifest_is_there(browser, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "tests.support.static.HashedNamesStorage"},
    }
    html = browser.get("/broken/").content.decode()
    assert 'href="/static/css/site.hashed.css"' in html
