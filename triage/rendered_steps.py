"""Reuse the HTML of a checker screen that is the same for everyone who reaches it.

A question screen shown for the first time (no earlier answers to fill in, no
errors, no notice) differs between people only in its signed state token and
the CSP nonce. Rendering it was most of a checker step's time under load
(docs/benchmarks.md, "Checker step profile"), so each process keeps each such
screen once, in its own memory (the "local" alias of settings.CACHES), with the
token and the nonce cut out, and puts in the request's own. Nothing a person
answered is kept: a screen is keyed by the language, the step, its "Step 2 of 7"
line and whether htmx asked for the partial only, and any screen that shows an
answer is always rendered afresh.
"""

import hashlib
from collections.abc import Callable, Hashable

from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce

# Stand-ins for the per-request parts; NUL never occurs in a rendered template.
STATE_SLOT = "\x00state-token\x00"
NONCE_SLOT = "\x00csp-nonce\x00"
SCREEN_CACHE = "local"
# Languages x steps x progress lines x partial or page: a few hundred at most, all
# the same for everyone, so they may stay as long as the process.
KEEP_SECONDS = None


def _cache_key(key: Hashable) -> str:
    return "checker-screen:" + hashlib.sha256(repr(key).encode()).hexdigest()[:40]


def _nonce(request: HttpRequest) -> str:
    # Generated only if something asks for it: then the CSP header names it too.
    nonce = get_nonce(request)
    return str(nonce) if nonce else ""


def reuse_screen(
    request: HttpRequest, key: Hashable, token: str, render: Callable[[], HttpResponse]
) -> HttpResponse:
    """The screen for ``key`` with ``token`` in it: kept from an earlier request, or
    rendered now by ``render`` (with ``token`` already in it) and kept for the next.

    Only for responses that depend on nothing but ``key``, the token and the nonce.
    """
    kept = caches[SCREEN_CACHE].get(_cache_key(key))
    if kept is not None:
        html = kept.replace(STATE_SLOT, token)
        if NONCE_SLOT in html:
            html = html.replace(NONCE_SLOT, str(get_nonce(request)))
        return HttpResponse(html)
    response = render()
    html = response.content.decode()
    # Keep it only if nothing else is per request: a cookie (a CSRF token, say)
    # would belong to this visitor alone. The token may appear more than once
    # (the language switch carries it too); every copy is cut out.
    if response.status_code == 200 and not response.cookies and token in html:
        template = html.replace(token, STATE_SLOT)
        if nonce := _nonce(request):
            template = template.replace(nonce, NONCE_SLOT)
        caches[SCREEN_CACHE].set(_cache_key(key), template, KEEP_SECONDS)
    return response


@receiver(setting_changed)
def forget_screens(**kwargs) -> None:
    """Drop every kept screen (and whatever else this process keeps for everyone). A
    screen shows clinic settings (the emergency number, the site's name), which
    change only when tests override them."""
    caches[SCREEN_CACHE].clear()
