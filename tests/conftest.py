"""Shared fixtures: the database and cache, the shipped content, and Chromium for browser tests.

`pytest --real-services` runs on the production stack instead of SQLite and the
database cache: a throwaway PostgreSQL (the test database is created on it)
and a throwaway Redis as the cache, both from tests/services.py.
"""

import contextlib
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.test import override_settings
from django.utils import translation

from config.settings import cache_settings
from education.caching import forget_rendered_pages
from education.loading import load_pages
from education.models import Page
from education.selectors import forget_page_links
from tests import services
from tests.support.spanish import SPANISH_SLUG, spanish_fixture_page
from tests.support.take_home import PUBLIC
from triage.rendered_steps import forget_screens

# One list of flags for every headless Chromium the project starts.
_CHROMIUM = json.loads((Path(__file__).parent.parent / "scripts" / "chromium.json").read_text())
CHROMIUM = _CHROMIUM["executable"]
CHROMIUM_ARGS = _CHROMIUM["flags"]


def pytest_addoption(parser):
    parser.addoption(
        "--real-services",
        action="store_true",
        help="run on a throwaway PostgreSQL, with a throwaway Redis as the cache",
    )


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def pytest_collection_modifyitems(config, items):
    """With --real-services, run only the tests that reach the database or the cache.

    The rest (the engine, the vignettes, the keypad...) are plain Python and
    already ran on the first pass; running them again would prove nothing.
    """
    if not config.getoption("--real-services"):
        return
    selected, deselected = [], []
    for item in items:
        uses_database = item.get_closest_marker("django_db") or (
            DATABASE_FIXTURES & set(item.fixturenames)
        )
        (selected if uses_database else deselected).append(item)
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = selected


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request, django_db_modify_db_settings_parallel_suffix):
    """Point the default database at a throwaway PostgreSQL before the test database is made."""
    if request.config.getoption("--real-services"):
        server = request.getfixturevalue("postgresql_server")
        settings.DATABASES["default"].update(server)
        # Django may already hold a SQLite connection object for "default".
        connections.close_all()
        with contextlib.suppress(AttributeError):
            del connections["default"]


@pytest.fixture(scope="session")
def postgresql_server():
    with services.postgresql_server() as database_settings:
        yield database_settings


@pytest.fixture(scope="session", autouse=True)
def redis_cache(request):
    """With --real-services, the cache is a real Redis for the whole run."""
    if not request.config.getoption("--real-services"):
        yield None
        return
    with (
        services.redis_server() as url,
        override_settings(CACHES={**settings.CACHES, "default": cache_settings(url)}),
    ):
        yield url


@pytest.fixture(autouse=True)
def empty_cache(request):
    """Start every test that can reach the database with an empty shared cache.

    The cache is a database table (settings.CACHES), and what it counts (wrong
    PINs, failed sign-ins) must not carry from one test to the next. Transactions
    roll most of it back; tests with a live server commit, and Django's flush
    does not empty the cache table.
    """
    if "_django_db_helper" in request.fixturenames:
        request.getfixturevalue("_django_db_helper")  # the test database, set up first
        cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in the default language.

    The locale middleware activates a request's language for its thread and
    leaves it there, so a test that opened a Spanish page would otherwise make
    the next test's reverse() give Spanish addresses.
    """
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def nothing_kept_in_memory():
    """Each test starts with no pages, page links or checker screens kept by the process:
    links kept from another test's rolled-back rows would be wrong, and a test that
    looks at how a page or a screen is made must not find it made already."""
    forget_page_links()
    forget_rendered_pages()
    forget_screens()


@pytest.fixture
def public_site(settings):
    """The public address QR codes and take-home links point to (tests/support/take_home.py)."""
    settings.PUBLIC_BASE_URL = PUBLIC
    return PUBLIC


@pytest.fixture
def pages(db):
    """The shipped pages, loaded as `make run` loads them."""
    load_pages()


@pytest.fixture
def spanish_page(pages):
    """The shipped English pages with one page in Spanish, the test page
    (tests/support/spanish.py), and the rest not translated yet: a language
    half-way through its translation, as a clinic adding one would have it."""
    Page.objects.filter(language="es").exclude(slug=SPANISH_SLUG).delete()
    load_pages(translations={"es": [spanish_fixture_page()]}, overwrite=True)
    return Page.objects.get(language="es", slug=SPANISH_SLUG)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright cannot download its own browser here.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
