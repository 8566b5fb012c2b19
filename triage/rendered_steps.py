"""Reuse the HTML of a checker screen that is the same for everyone who reaches it.

A question screen shown for the first time (no earlier answers to fill in, no
errors, no notice) differs between people only in its signed state token.
Rendering it was most of a checker step's time under load (docs/benchmarks.md,
"Checker step profile"), so each process keeps each such screen once, in its
own memory, with the token cut out, and puts in the request's own. Nothing a
person answered is kept: a screen is keyed by the language, the step, its
"Step 2 of 7" line and whether htmx asked for the partial only, and any screen
that shows an answer is always rendered afresh.

The screens live in a plain dict, like the templates in Django's cached
template loader: the keys are few and fixed by the code (languages x steps x
progress lines x partial or page), nothing expires them but a settings change,
and a cache backend's key hashing, key checks and lock were a tenth of a
checker step's time.
"""

from collections.abc import Callable, Hashable

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse

# Stand-in for the token; NUL never occurs in a rendered template. Screens are
# kept as the bytes sent, so a reused one is never encoded again.
STATE_SLOT = b"\x00state-token\x00"
# Languages x steps x progress lines x partial or page: a few hundred at most, all
# the same for everyone, so they may stay as long as the process. The bound is a
# guard, should a key ever carry more than the code means it to.
MAX_SCREENS = 2048
# A dict's get and set are each atomic, so threads need no lock: at worst two
# render the same screen at once and keep the same HTML.
_screens: dict[Hashable, bytes] = {}


def reuse_screen(key: Hashable, token: str, render: Callable[[], HttpResponse]) -> HttpResponse:
    """The screen for ``key`` with ``token`` in it: kept from an earlier request, or
    rendered now by ``render`` (with ``token`` already in it) and kept for the next.

    Only for responses that depend on nothing but ``key`` and the token.
    """
    token_bytes = token.encode()
    kept = _screens.get(key)
    if kept is not None:
        return HttpResponse(kept.replace(STATE_SLOT, token_bytes))
    response = render()
    html = response.content
    # Keep it only if nothing else is per request: a cookie (a CSRF token, say)
    # would belong to this visitor alone. The token may appear more than once
    # (the language switch carries it too); every copy is cut out.
    if response.status_code == 200 and not response.cookies and token_bytes in html:
        template = html.replace(token_bytes, STATE_SLOT)
        if len(_screens) >= MAX_SCREENS:
            _screens.clear()
        _screens[key] = template
    return response


@receiver(setting_changed)
def forget_screens(**kwargs) -> None:
    """Drop every kept screen. A screen shows clinic settings (the emergency number,
    the site's name), which change only when tests override them."""
    _screens.clear()
