"""Kiosk fixtures: a clean PIN-try count, and a test client that staff have made a kiosk."""

import pytest
from django.core.cache import cache

from tests.support.kiosk import turn_on_kiosk


@pytest.fixture(autouse=True)
def fresh_pin_tries():
    """Wrong PIN tries are counted in the cache: start and end every test with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def kiosk_client(client, db):
    """A browser that staff have turned into a kiosk with the PIN."""
    return turn_on_kiosk(client)
