"""The shared cache: a database table by default, Redis when REDIS_URL is set."""

import pytest
from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.utils.module_loading import import_string

from config.cache_backends import FailSafeCacheMixin
from config.settings import cache_settings


def test_without_redis_the_cache_is_a_database_table_every_worker_shares():
    cache = cache_settings("")
    backend = import_string(cache["BACKEND"])
    assert issubclass(backend, DatabaseCache)
    assert issubclass(backend, FailSafeCacheMixin)  # a table that cannot be read fails no page
    assert cache["LOCATION"] == "django_cache"


def test_the_database_cache_does_not_cull_counters_at_django_s_small_default():
    assert cache_settings("")["OPTIONS"]["MAX_ENTRIES"] >= 10_000


def test_redis_url_selects_django_s_redis_cache():
    cache = cache_settings("redis://127.0.0.1:6379/2")
    backend = import_string(cache["BACKEND"])
    assert issubclass(backend, RedisCache)
    assert issubclass(backend, FailSafeCacheMixin)  # a Redis that is down fails no page
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/2"


def test_a_stalled_redis_fails_fast():
    options = cache_settings("redis://127.0.0.1:6379/0")["OPTIONS"]
    assert options["socket_timeout"] <= 5
    assert options["socket_connect_timeout"] <= 5


def test_sqlite_waits_for_the_write_lock_instead_of_failing_at_once(request):
    """Several server processes count sign-ins and PIN tries in one SQLite file."""
    if request.config.getoption("--real-services"):
        pytest.skip("this run is on PostgreSQL")
    options = settings.DATABASES["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
