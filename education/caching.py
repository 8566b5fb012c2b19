"""HTTP caching for pages that are the same for everyone: one decorator, :func:`cacheable`.

A browser, CDN or reverse proxy may keep such a page for a few minutes and then
revalidate it, and each process keeps the page's rendered HTML in its own
memory (the "local" alias of settings.CACHES), so a later request skips the
page's database reads and the template, and pays no round trip to a shared
cache either. Both rest on
the page's ETag, which changes whenever anything the page shows can change:
any page edit (pages show their related pages' titles, so one edit can change
many pages), a clinic setting shown on pages, a deploy that changes templates
or static files, the address, and the active language. Rendered HTML kept
under one ETag is therefore right for every later request with that ETag, and
nothing is ever invalidated: a changed page simply has a new ETag.

What :func:`cacheable` does for a request, in this order:

1. A personalised request (config.personalisation: a clinic kiosk) gets the
   page rendered afresh, with no ETag, and nothing is kept. A kiosk's pages look
   different, and a 304 could bring back the public page the browser cached
   before it became a kiosk. This is the only place that decides it.
2. A request whose If-None-Match holds the ETag gets a 304.
3. HTML kept under the ETag is served as it is.
4. Otherwise the view renders, and a 200 for an address without a query is
   kept. Addresses with a query (the take-home page's) are revalidated but not
   kept: anyone can make up endless queries, which would push the real pages
   out of the process's bounded memory.

The cache failing (Redis down, the table missing) is a miss, never an error:
the page is rendered as if nothing had been kept.
"""

import functools
import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import Error as DatabaseError
from django.db import transaction
from django.db.models import Count, Max
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.translation import get_language

from config import personalisation
from config.outage import database_unavailable
from education import clinical_codes
from education.models import Page, Section

logger = logging.getLogger(__name__)

# Short enough that an urgent correction reaches readers quickly even through a CDN.
SHARED_CACHE_SECONDS = 300
# The settings.CACHES alias that keeps rendered pages, and for how long. An entry
# is never wrong while it lives (its key is the ETag); the limit only clears out
# the HTML of pages that have since changed.
PAGE_CACHE = "local"
KEEP_RENDERED_SECONDS = 24 * 60 * 60
KEY_PREFIX = "rendered-page"
# How long a process trusts the pages' version before asking the database again.
# Asking was most of a cached content page's time under load (docs/benchmarks.md);
# an edit saved through this process is seen at once (the receivers below), one
# saved through another within these seconds, well inside SHARED_CACHE_SECONDS.
VERSION_SECONDS = 2
VERSION_KEY = "pages-version"


@functools.cache
def release_fingerprint() -> str:
    """A fingerprint of the deployed templates and static files, computed once per process."""
    digest = hashlib.sha256()
    for folder in (settings.BASE_DIR / "templates", settings.BASE_DIR / "static"):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(
                    f"{path.relative_to(folder)}:{stat.st_size}:{stat.st_mtime_ns}".encode()
                )
    return digest.hexdigest()[:16]


def content_etag(request, *args, **kwargs) -> str:
    """The explanation pages' fingerprint: the content, the clinic's settings, the release."""
    parts = (
        _pages_version(),
        settings.EMERGENCY_NUMBER,
        settings.SITE_NAME,
        settings.CLINIC_NAME,
        settings.CLINIC_CONTACT,
        settings.URGENT_CARE_TEXT,
        settings.PUBLIC_BASE_URL,  # printed under, and encoded in, the pages' QR codes
        release_fingerprint(),
        clinical_codes.TABLE_FINGERPRINT,  # shown on the pages and in their structured data
        request.get_full_path(),
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _pages_version() -> str:
    version = _kept(VERSION_KEY)
    if version is None:
        version = _read_pages_version()
        if version != OUTAGE_VERSION:  # the next request tries the database again
            _keep(VERSION_KEY, version, VERSION_SECONDS)
    return version


OUTAGE_VERSION = "database-unavailable"


def _read_pages_version() -> str:
    # The count catches a deleted page, which leaves the latest edit time unchanged.
    try:
        pages = Page.objects.aggregate(latest=Max("updated_at"), count=Count("id"))
    except DatabaseError as error:
        # The rules page and result summaries still render, from the shipped
        # pages (education/selectors.py); their validator must not match a
        # normal one, and pages that need the database get the 503 page anyway.
        database_unavailable(error)
        return OUTAGE_VERSION
    latest = pages["latest"].isoformat() if pages["latest"] else ""
    return f"{latest}|{pages['count']}"


def _page_key(request, etag: str) -> str:
    # The ETag already names the address; the path is here too so that a view's
    # fingerprint that forgot it could never serve one page's HTML for another.
    digest = hashlib.sha256(f"{request.get_full_path()}|{etag}".encode()).hexdigest()
    return f"{KEY_PREFIX}:{digest[:40]}"


def _kept(key: str):
    try:
        return caches[PAGE_CACHE].get(key)
    except Exception:
        logger.warning("Reading from the page cache failed", exc_info=True)
        return None


def _keep(key: str, value, seconds: float) -> None:
    try:
        caches[PAGE_CACHE].set(key, value, seconds)
    except Exception:
        logger.warning("Writing to the page cache failed", exc_info=True)


def forget_when_pages_change(forget: Callable[[], None]) -> None:
    """Call ``forget`` whenever a page or a section is saved or deleted, for anything
    a process keeps from the pages (their version here, the page links in
    education.selectors). It is called at once, and again once the edit is
    committed: a request in between may have read the old rows."""

    def forget_now_and_on_commit(**kwargs) -> None:
        forget()
        transaction.on_commit(forget)

    for signal in (post_save, post_delete):
        for model in (Page, Section):
            signal.connect(
                forget_now_and_on_commit,
                sender=model,
                weak=False,  # the only reference to this inner function
                dispatch_uid=f"{forget.__module__}.{forget.__qualname__}",
            )


def forget_pages_version() -> None:
    """Make the next request ask the database for the pages' version."""
    try:
        caches[PAGE_CACHE].delete(VERSION_KEY)
    except Exception:
        logger.warning("Writing to the page cache failed", exc_info=True)


forget_when_pages_change(forget_pages_version)


@receiver(setting_changed)
def forget_rendered_pages(**kwargs) -> None:
    """Empty the process's page cache: the rendered pages, the pages' version and
    whatever else is kept beside them in PAGE_CACHE. Pages show clinic settings
    (the emergency number, the site's name, the languages), which change only when
    tests override them."""
    caches[PAGE_CACHE].clear()


def cacheable(fingerprint):
    """A view decorator for pages the same for everyone; ``fingerprint(request, *args,
    **kwargs)`` says what the page's content depends on (see the module docstring).

    The view's response must carry nothing but its content and content type that
    matters, since that is all that is kept.
    """

    def decorator(view):
        @functools.wraps(view)
        def cached(request, *args, **kwargs):
            if personalisation.is_personalised(request):
                return view(request, *args, **kwargs)
            # The language is part of every page's content, whatever the view's fingerprint.
            etag = quote_etag(f"{fingerprint(request, *args, **kwargs)}-{get_language()}")
            response = get_conditional_response(request, etag=etag)
            if response is None:
                response = _rendered(view, request, etag, *args, **kwargs)
            response.headers.setdefault("ETag", etag)
            if response.status_code in (200, 304):
                patch_cache_control(response, public=True, max_age=SHARED_CACHE_SECONDS)
            return response

        return cached

    return decorator


def _rendered(view, request, etag: str, *args, **kwargs) -> HttpResponse:
    """The view's response, from the cache when an earlier request rendered it."""
    if request.META.get("QUERY_STRING"):
        return view(request, *args, **kwargs)
    key = _page_key(request, etag)
    kept = _kept(key)
    if kept is not None:
        content, content_type = kept
        return HttpResponse(content, content_type=content_type)
    response = view(request, *args, **kwargs)
    if response.status_code == 200 and not response.streaming:
        _keep(key, (response.content, response["Content-Type"]), KEEP_RENDERED_SECONDS)
    return response


# The explanation pages: their ETag follows the content, the clinic's settings and the release.
cacheable_content = cacheable(content_etag)
