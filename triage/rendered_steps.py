"""Reuse the HTML of a checker screen that is the same for everyone who reaches it.

A question screen shown for the first time (no earlier answers to fill in, no
errors, no notice) differs between people only in its signed state token and
the CSP nonce. Rendering it was most of a checker step's time under load
(docs/benchmarks.md, "Checker step profile"), so each process keeps each such
screen once, with the token and the nonce cut out, and puts in the request's
own. Nothing a person answered is kept: a screen is keyed by the language, the
step, its "Step 2 of 7" line and whether htmx asked for the partial only, and
any screen that shows an answer is always rendered afresh.
"""

import threading
from collections.abc import Callable, Hashable

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce

# Stand-ins for the per-request parts; NUL never occurs in a rendered template.
STATE_SLOT = "\x00state-token\x00"
NONCE_SLOT = "\x00csp-nonce\x00"
# Languages x steps x progress lines x partial or page: a few hundred at most;
# the bound only guards against a key that should not have varied.
MAX_SCREENS = 512

_screens: dict[Hashable, str] = {}
_lock = threading.Lock()


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
    kept = _screens.get(key)
    if kept is not None:
        html = kept.replace(STATE_SLOT, token)
        if NONCE_SLOT in html:
            html = html.replace(NONCE_SLOT, str(get_nonce(request)))
        return HttpResponse(html)
    response = render()
    html = response.content.decode()
    # Keep it only if the token is in exactly one place and nothing else is per
    # request: a cookie (a CSRF token, say) would belong to this visitor alone.
    if response.status_code == 200 and not response.cookies and html.count(token) == 1:
        template = html.replace(token, STATE_SLOT)
        if nonce := _nonce(request):
            template = template.replace(nonce, NONCE_SLOT)
        with _lock:
            while len(_screens) >= MAX_SCREENS:
                del _screens[next(iter(_screens))]
            _screens[key] = template
    return response


@receiver(setting_changed)
def forget_screens(**kwargs) -> None:
    """Drop every kept screen. A screen shows clinic settings (the emergency number,
    the site's name), which change only when tests override them."""
    with _lock:
        _screens.clear()
