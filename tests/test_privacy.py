"""A person's answers leave no trace: not in the database, the session, the cache or the logs."""

import json
import logging

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.checker import Checker

pytestmark = pytest.mark.django_db

# Distinctive answers, so any trace of them is easy to find.
AGE = 87
ANSWERS = {"limb_numbness", "injects_drugs", "recent_spinal_procedure", "back_pain"}


def run_full_check_by_form_and_api(client) -> None:
    Checker(client).run(age=AGE, yes=ANSWERS, unsure={"fever"})
    Checker(client, htmx=True).run(age=AGE, yes=ANSWERS)
    client.post(
        "/triage/api/assess",
        data=json.dumps({"age_years": AGE, "findings": sorted(ANSWERS)}),
        content_type="application/json",
    )
    client.post(
        "/triage/api/assess",
        data=b'{"age_years": "87", "findings": ["limb_numbness"]}',
        content_type="application/json",
    )


def keys_in_the_cache() -> list:
    """Every key in the shared cache, whichever backend it is (tests/conftest.py)."""
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return cache._cache.get_client().keys("*")
    assert isinstance(cache, DatabaseCache)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM django_cache")  # settings.CACHES LOCATION
        return cursor.fetchall()


def test_a_full_check_leaves_no_answer_anywhere(pages, client, settings, caplog):
    settings.DEBUG = False
    caches["default"].clear()
    with caplog.at_level(logging.DEBUG), CaptureQueriesContext(connection) as queries:
        run_full_check_by_form_and_api(client)

    writes = [q["sql"] for q in queries if not q["sql"].lstrip().upper().startswith("SELECT")]
    assert writes == []
    assert Session.objects.count() == 0
    assert not client.cookies
    assert keys_in_the_cache() == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for answer in (*ANSWERS, str(AGE)):
        assert answer not in logged


def test_the_server_access_log_is_switched_off(settings):
    # runserver's per-request log line includes the path; ours never has answers
    # in it (they travel in POST bodies), and we keep the logger silent anyway.
    assert settings.LOGGING["loggers"]["django.server"]["handlers"] == []
