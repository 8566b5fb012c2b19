"""The neutral hook a mode such as the kiosk uses to say a page is for one screen only."""

import pytest
from django.test import RequestFactory

from config import personalisation


def test_a_request_nothing_marked_is_public_and_all_one_turn():
    request = RequestFactory().get("/")
    assert not personalisation.is_personalised(request)
    assert personalisation.turn(request) == ""


def test_a_marked_request_is_personalised_for_its_turn():
    request = RequestFactory().get("/")
    personalisation.personalise(request, turn="kiosk:abc")
    assert personalisation.is_personalised(request)
    assert personalisation.turn(request) == "kiosk:abc"


def test_a_personalised_request_needs_a_turn():
    with pytest.raises(ValueError, match="turn"):
        personalisation.personalise(RequestFactory().get("/"), turn="")
