from email.utils import parsedate_to_datetime

import pytest
from django.http import HttpResponse, JsonResponse
from django.utils import cache
from django.utils.cache import patch_cache_control

from config.cache_headers import add_never_cache_headers


def _headers_from_both(make_response) -> tuple[HttpResponse, HttpResponse]:
    ours, djangos = make_response(), make_response()
    add_never_cache_headers(ours)
    cache.add_never_cache_headers(djangos)
    return ours, djangos


@pytest.mark.parametrize("make_response", [HttpResponse, lambda: JsonResponse({"level": "urgent"})])
def test_a_fresh_response_gets_the_same_headers_as_djangos_helper(make_response):
    ours, djangos = _headers_from_both(make_response)

    assert ours["Cache-Control"] == djangos["Cache-Control"]
    gap = parsedate_to_datetime(djangos["Expires"]) - parsedate_to_datetime(ours["Expires"])
    assert abs(gap.total_seconds()) <= 1


def test_headers_set_earlier_are_merged_as_django_merges_them():
    def public_page():
        response = HttpResponse()
        patch_cache_control(response, public=True, max_age=3600)
        response["Expires"] = "Thu, 01 Jan 2099 00:00:00 GMT"
        return response

    ours, djangos = _headers_from_both(public_page)

    assert ours["Cache-Control"] == djangos["Cache-Control"]
    assert "no-store" in ours["Cache-Control"]
    assert ours["Expires"] == djangos["Expires"]
