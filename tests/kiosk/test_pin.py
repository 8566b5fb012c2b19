"""The staff PIN: right and wrong tries, and the lockout that stops guessing."""

from concurrent.futures import ThreadPoolExecutor
from unittest.mock import patch

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches

from kiosk import pin

pytestmark = pytest.mark.django_db

HERE = "10.0.0.1"
ELSEWHERE = "10.0.0.2"


def wrong_tries(count: int, address: str = HERE) -> None:
    for _ in range(count):
        assert not pin.check("0000", address)


def test_the_right_pin_is_accepted(settings):
    settings.KIOSK_PIN = "2468"
    assert pin.check("2468", HERE)


@pytest.mark.parametrize("entered", ["", "0000", "246", "24680", "2468 ", " 2468", "٢٤٦٨"])
def test_anything_else_is_refused(settings, entered):
    settings.KIOSK_PIN = "2468"
    assert not pin.check(entered, HERE)


def test_no_pin_is_accepted_when_none_is_configured(settings):
    settings.KIOSK_PIN = ""
    assert not pin.is_configured()
    assert not pin.check("", HERE)
    assert not pin.check("2468", HERE)


def test_a_configured_pin_is_reported_as_configured(settings):
    settings.KIOSK_PIN = "2468"
    assert pin.is_configured()


def test_an_address_is_locked_out_after_the_maximum_wrong_tries(settings):
    settings.KIOSK_PIN = "2468"
    wrong_tries(pin.MAX_WRONG_TRIES - 1)
    assert not pin.is_locked_out(HERE)
    wrong_tries(1)
    assert pin.is_locked_out(HERE)


def test_a_locked_out_address_is_refused_even_the_right_pin(settings):
    settings.KIOSK_PIN = "2468"
    wrong_tries(pin.MAX_WRONG_TRIES)
    assert not pin.check("2468", HERE)
    assert pin.is_locked_out(HERE)


def test_the_lockout_is_only_for_the_address_that_guessed(settings):
    settings.KIOSK_PIN = "2468"
    wrong_tries(pin.MAX_WRONG_TRIES)
    assert not pin.is_locked_out(ELSEWHERE)
    assert pin.check("2468", ELSEWHERE)


def test_wrong_tries_from_different_addresses_are_counted_apart(settings):
    settings.KIOSK_PIN = "2468"
    wrong_tries(pin.MAX_WRONG_TRIES - 1, HERE)
    wrong_tries(pin.MAX_WRONG_TRIES - 1, ELSEWHERE)
    assert not pin.is_locked_out(HERE)
    assert not pin.is_locked_out(ELSEWHERE)


def test_the_right_pin_clears_the_count_of_wrong_tries(settings):
    settings.KIOSK_PIN = "2468"
    wrong_tries(pin.MAX_WRONG_TRIES - 1)
    assert pin.check("2468", HERE)
    wrong_tries(pin.MAX_WRONG_TRIES - 1)
    assert not pin.is_locked_out(HERE)


def test_the_lockout_lasts_a_few_minutes():
    assert 60 <= pin.LOCKOUT_SECONDS <= 60 * 60
    assert pin.MAX_WRONG_TRIES >= 3


def test_the_count_is_shared_by_every_worker_process(settings):
    """Each worker process opens its own cache connection; the tries still add up."""
    settings.KIOSK_PIN = "2468"
    worker_caches = [caches.create_connection("default") for _ in range(2)]
    for number in range(pin.MAX_WRONG_TRIES):
        with patch.object(pin, "cache", worker_caches[number % 2]):
            assert not pin.check("0000", HERE)
    for worker_cache in worker_caches:
        with patch.object(pin, "cache", worker_cache):
            assert pin.is_locked_out(HERE)
            assert not pin.check("2468", HERE)


def test_the_default_cache_is_shared_between_processes_not_per_process_memory():
    backend = django_settings.CACHES["default"]["BACKEND"]
    assert "locmem" not in backend
    assert "dummy" not in backend


def test_once_locked_out_the_pin_is_not_even_compared(settings):
    settings.KIOSK_PIN = "2468"
    wrong_tries(pin.MAX_WRONG_TRIES)
    with patch.object(pin.secrets, "compare_digest") as compare:
        assert not pin.check("2468", HERE)
    compare.assert_not_called()


def test_tries_sent_all_at_once_get_no_more_than_the_maximum_compared(settings):
    """Many workers checking at the same moment: atomic slots, so no more than 5 comparisons."""
    if "redis" not in settings.CACHES["default"]["BACKEND"].lower():
        pytest.skip("needs a cache several threads can write at once: run with --real-services")
    settings.KIOSK_PIN = "2468"
    compared = []
    real_compare = pin.secrets.compare_digest

    def counting_compare(entered, expected):
        compared.append(entered)
        return real_compare(entered, expected)

    with (
        patch.object(pin.secrets, "compare_digest", counting_compare),
        ThreadPoolExecutor(max_workers=20) as pool,
    ):
        results = list(pool.map(lambda _: pin.check("0000", HERE), range(40)))
    assert not any(results)
    assert len(compared) == pin.MAX_WRONG_TRIES
    assert pin.is_locked_out(HERE)
