"""The client address that limits are keyed on: X-Forwarded-For only through trusted proxies."""

import pytest
from django.test import RequestFactory

from config.client_address import client_address


def request_from(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("198.51.100.4", "203.0.113.9")) == "198.51.100.4"


def test_with_one_trusted_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.1", "203.0.113.9")) == "203.0.113.9"


def test_entries_the_client_wrote_before_the_proxys_are_not_believed(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = request_from("10.0.0.1", "192.0.2.1, 192.0.2.2, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"


def test_with_two_trusted_proxies_the_outer_ones_entry_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.2", "192.0.2.1, 203.0.113.9, 10.0.0.1")
    assert client_address(request) == "203.0.113.9"


@pytest.mark.parametrize("forwarded", [None, "", "203.0.113.9"])
def test_a_request_that_skipped_a_proxy_falls_back_to_the_connecting_address(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


@pytest.mark.parametrize("entry", ["unknown", "999.1.1.1", "<script>", "a" * 500])
def test_an_entry_that_is_not_an_address_falls_back_to_the_connecting_address(settings, entry):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("10.0.0.1", entry)) == "10.0.0.1"


def test_ipv6_addresses_are_written_one_way(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request_from("::1", "2001:DB8:0:0::1")) == "2001:db8::1"
