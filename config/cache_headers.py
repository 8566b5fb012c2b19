"""Marking a response as never to be kept: Django's ``add_never_cache_headers``, made cheap.

Every checker step and API answer carries a person's answers, so each is sent
with the same "never keep this" headers. Django's helper parses and rebuilds the
Cache-Control header twice to get there, which was a twentieth of a checker
step's time (docs/benchmarks.md). A response that has no caching headers yet, as
these have, gets the same headers written directly; any other goes through
Django's helper, so headers set earlier are merged exactly as Django merges them.
"""

import functools
import time

from django.http import HttpResponseBase
from django.utils import cache
from django.utils.http import http_date

# What Django's add_never_cache_headers writes on a response with no Cache-Control.
NEVER_CACHE_CONTROL = "max-age=0, no-cache, no-store, must-revalidate, private"


def add_never_cache_headers(response: HttpResponseBase) -> None:
    """Tell browsers and every cache on the way never to keep ``response``."""
    if response.has_header("Cache-Control") or response.has_header("Expires"):
        cache.add_never_cache_headers(response)
        return
    response.headers["Expires"] = _http_date_of(int(time.time()))
    response.headers["Cache-Control"] = NEVER_CACHE_CONTROL


# An HTTP date names a whole second, so it is formatted once per second, not per response.
@functools.lru_cache(maxsize=2)
def _http_date_of(second: int) -> str:
    return http_date(second)
