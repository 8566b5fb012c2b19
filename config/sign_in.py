"""Admin sign-in under attack: django-axes' lockout, and a gate on password checks.

Each password check costs 0.4 to 1.2 s of CPU on purpose (Django 6.1's PBKDF2
with 1,500,000 iterations; 1.2 s measured on a 2-core machine), so guessing is
also a way to take the site down: a few parallel guessers keep every worker
busy and pages wait behind them. Two
defences, both on the shared cache so they hold across workers and servers:

- django-axes (settings.AXES_*) counts failures per username and client
  address and, after 5, refuses further tries in its authentication backend,
  before any password is hashed.
- ``PasswordCheckGateMiddleware`` lets at most ``ADMIN_SIGN_IN_CONCURRENCY``
  sign-in attempts be checked at once across the whole site; the rest are
  told to try again a moment later without being checked. A guesser who
  rotates usernames or addresses still gets at most that share of the CPU, and
  patients' pages keep the rest.
"""

import functools

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import get_urlconf, reverse
from django.utils.translation import gettext

# A crashed worker must not keep its slot: the slot expires by itself.
SLOT_SECONDS = 10
RETRY_AFTER_SECONDS = 2


def client_description(username, ip_address, user_agent, path_info, request) -> str:
    """How axes names a client in its log lines: without address, user agent or username.

    The typed username is left out too: people sometimes type a password there.
    """
    return "an admin sign-in"


def lockout_response(request: HttpRequest, original_response, credentials) -> HttpResponse:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "admin/locked_out.html",
        {"minutes": minutes, "title": gettext("Too many failed sign-ins")},
        status=429,
    )


def _slot_keys() -> list[str]:
    return [f"admin-sign-in-slot:{n}" for n in range(settings.ADMIN_SIGN_IN_CONCURRENCY)]


@functools.lru_cache(maxsize=8)
def _sign_in_path(urlconf: str) -> str:
    # Reversing on every POST cost the checker and the API about 10 microseconds each.
    return reverse("admin:login", urlconf=urlconf)


class PasswordCheckGateMiddleware:
    """At most ADMIN_SIGN_IN_CONCURRENCY sign-in POSTs are handled at once, site-wide."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path_info != _sign_in_path(
            get_urlconf() or settings.ROOT_URLCONF
        ):
            return self.get_response(request)
        slot = next((key for key in _slot_keys() if cache.add(key, True, SLOT_SECONDS)), None)
        if slot is None:
            response = render(
                request,
                "admin/sign_in_busy.html",
                {"title": gettext("Please try again")},
                status=429,
            )
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        try:
            return self.get_response(request)
        finally:
            cache.delete(slot)
