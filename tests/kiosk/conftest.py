"""Kiosk fixtures: a test client that staff have made a kiosk."""

import pytest

from tests.support.kiosk import turn_on_kiosk


@pytest.fixture
def kiosk_client(client, db):
    """A browser that staff have turned into a kiosk with the PIN."""
    return turn_on_kiosk(client)
