"""Each run of the suite is on the stack it was asked for (see tests/conftest.py)."""

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_default_run_is_on_sqlite_and_the_database_cache(request):
    if request.config.getoption("--real-services"):
        pytest.skip("this run is on PostgreSQL and Redis")
    assert connection.vendor == "sqlite"
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")
    cache.set("probe", "here")
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_cache")
        assert cursor.fetchone()[0] == 1


def test_the_real_services_run_is_on_postgresql_and_redis(request, redis_cache):
    if not request.config.getoption("--real-services"):
        pytest.skip("run with --real-services (make test does)")
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 150000
    cache.set("probe", "here")
    client = redis.Redis.from_url(redis_cache)
    assert any(b"probe" in key for key in client.keys("*"))
    client.close()
