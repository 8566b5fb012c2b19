"""The kiosk's own "not working" page, for when the server or the network is down.

A kiosk with no server would show a browser error ("This site can't be
reached") to someone who may be unwell. Instead, a small service worker,
registered only on kiosks, keeps one copy of the offline page and the few
files it draws with. When a page cannot be fetched (no network, no server, or
a proxy saying the server is gone) it shows that page, and the page checks
:data:`RETRY_SECONDS` apart whether the server answers again.

The worker stores nothing else: never a checker step, a form, a POST body or
any page a person saw, so nothing a person entered is kept on the screen.
"""

import hashlib

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

# Every cache the worker makes starts with this, so it never touches anything else.
CACHE_PREFIX = "kiosk-offline-"
# How often the offline page asks whether the server is back.
RETRY_SECONDS = 5
# What a proxy (nginx, a load balancer) answers when the app server behind it is
# down or too slow: for a person at the kiosk that is the same as no server.
UNREACHABLE_STATUSES = (502, 503, 504)
# The static files the offline page uses; the page itself is fetched from its view.
OFFLINE_ASSETS = ("css/site.css", "css/kiosk.css", "js/kiosk-reconnect.js", "img/favicon.svg")


def languages() -> list[str]:
    """The offline page's languages, the clinic's (KIOSK_LANGUAGE) first. It is kept once
    for the whole turn and may be shown in any language's turn, so it speaks them all."""
    codes = [code for code, _name in settings.LANGUAGES]
    return sorted(codes, key=lambda code: code != settings.KIOSK_LANGUAGE)


def offline_page_url() -> str:
    return reverse("kiosk_worker:offline")


def precache_urls() -> list[str]:
    """Everything the worker keeps: the offline page and what it draws with, nothing more."""
    return [offline_page_url(), *(static(path) for path in OFFLINE_ASSETS)]


def cache_name(offline_page: str) -> str:
    """A cache name that changes whenever what is kept changes.

    The worker's script carries this name, so a new emergency number or a new
    stylesheet makes the browser install a new worker and fetch a fresh copy.
    """
    digest = hashlib.sha256("\n".join([*precache_urls(), offline_page]).encode()).hexdigest()
    return CACHE_PREFIX + digest[:16]
