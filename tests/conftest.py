"""Shared fixtures: the shipped content in the database, and Chromium for browser tests."""

import pytest
from django.core.cache import cache

from education.loading import load_pages

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


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


@pytest.fixture
def pages(db):
    """The shipped pages, loaded as `make run` loads them."""
    load_pages()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright cannot download its own browser here.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
