"""A shared cache that is down fails no page, and every limit it keeps fails closed.

Two ways down: Redis at a port where nothing listens, and the database cache
with its database unreadable.
"""

import contextlib

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from config.settings import cache_settings
from kiosk import pin
from kiosk.device import COOKIE_NAME
from tests import services
from tests.support.checker import Checker
from tests.support.kiosk import CHECK_FOR_LEVEL
from tests.support.outage import database_down

pytestmark = pytest.mark.django_db

ADDRESS = "192.0.2.7"


@contextlib.contextmanager
def redis_down():
    # A free port is one where nothing listens: every connection is refused.
    with override_settings(
        CACHES={
            **settings.CACHES,
            "default": cache_settings(f"redis://127.0.0.1:{services.free_port()}/0"),
        }
    ):
        yield


def database_cache_down():
    if not settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        pytest.skip("the cache in this run is Redis, not the database")
    return database_down("no such table: django_cache")


@pytest.fixture(params=["redis", "database"])
def cache_down(request):
    outage = redis_down() if request.param == "redis" else database_cache_down()
    with outage:
        yield


def test_reads_are_misses_and_claims_are_refused(cache_down):
    assert cache.get("anything", "missing") == "missing"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("anything") is False
    assert cache.add("slot", True, 60) is False
    cache.set("key", "value", 60)
    cache.delete("key")
    cache.delete_many(["a", "b"])
    cache.set_many({"a": 1}, 60)
    assert cache.get("key") is None and cache.get("a") is None


def test_the_right_kiosk_pin_is_refused_while_tries_cannot_be_counted(cache_down):
    assert pin.check(settings.KIOSK_PIN, ADDRESS) is False


def test_the_kiosk_pin_pad_answers_without_turning_kiosk_mode_on(cache_down, client):
    assert client.get("/kiosk/").status_code == 200
    response = client.post("/kiosk/", {"pin": settings.KIOSK_PIN, "action": "enter"})
    assert response.status_code == 400
    assert COOKIE_NAME not in response.cookies


def test_admin_sign_in_is_refused_without_checking_the_password(cache_down, client):
    response = client.post("/admin/login/", {"username": "editor", "password": "guess"})
    assert response.status_code == 429
    assert response["Retry-After"]


def test_the_checker_and_api_answer_with_redis_down(pages, client):
    age, yes = CHECK_FOR_LEVEL["urgent"]
    with redis_down():
        checker = Checker(client).run(age=age, yes=yes)
        api = client.post(
            "/triage/api/assess",
            data={"age_years": age, "findings": sorted(yes)},
            content_type="application/json",
        )
        content = client.get("/conditions/sepsis/")
    assert "result--urgent" in checker.html
    assert api.json()["level"] == "urgent"
    assert content.status_code == 200


def test_counts_are_kept_again_after_an_outage():
    with redis_down():
        assert cache.add("pin-slot", True, 60) is False
    assert cache.add("pin-slot", True, 60) is True
    assert cache.get("pin-slot") is True
