"""Look-ups of the explanation pages for other apps (the checker, its API, the rules page)
and for this app's views.

Editors can remove a page in the admin at any time, so callers ask for the pages
that exist rather than assume every slug the rules name has one. Each look-up
is in one language, the active one unless asked otherwise; a page not translated
into it yet is found in the default language instead (its view says so).

The checker must work with the database down or locked, so when it cannot be
read these answer with the pages as shipped (education/shipped_pages.py),
which have the same slug, title, address and sections.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import Error as DatabaseError
from django.db.models import QuerySet
from django.utils.translation import get_language

from config.outage import database_unavailable
from education.caching import forget_when_pages_change
from education.models import Page
from education.shipped_pages import ShippedPage, shipped_pages


def readable_pages(language: str | None = None) -> QuerySet[Page]:
    """The pages to show in ``language`` (default: the active one), as a queryset."""
    return Page.objects.readable_in(language or get_language() or settings.LANGUAGE_CODE)


def existing_pages(
    slugs: Iterable[str], with_sections: bool = False, language: str | None = None
) -> list[Page | ShippedPage]:
    """The pages for these slugs, in the same order, leaving out any an editor removed."""
    slugs = tuple(slugs)
    pages = readable_pages(language).filter(slug__in=slugs)
    if with_sections:
        pages = pages.prefetch_related("sections")
    try:
        by_slug = {page.slug: page for page in pages}
    except DatabaseError as error:
        database_unavailable(error)
        by_slug = shipped_pages(language)
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def existing_slugs(language: str | None = None) -> set[str]:
    """The slug of every page there is now to read in ``language``."""
    try:
        return set(readable_pages(language).values_list("slug", flat=True))
    except DatabaseError as error:
        database_unavailable(error)
        return set(shipped_pages(language))


def page_languages(slug: str) -> list[str]:
    """The languages a page is written in, in settings.LANGUAGES order."""
    found = set(Page.objects.filter(slug=slug).values_list("language", flat=True))
    return [code for code, _name in settings.LANGUAGES if code in found]


# --- Links for the checker and its API, without a query per request ----------------------


@dataclass(frozen=True)
class PageLink:
    """What a link to a page shows: the editors' current title, and its sections' anchors."""

    slug: str
    title: str
    url: str
    anchors: frozenset[str]


# Every checker result and API answer links pages, and asking the database each
# time was the largest part of the API's time (docs/benchmarks.md). Each process
# keeps the links per language in its own memory. An edit saved through this
# process (the admin, load_content) drops them at once; other processes and
# servers pick the edit up within this many seconds, well inside the five minutes
# shared caches may keep the pages themselves (education.caching.SHARED_CACHE_SECONDS).
LINKS_MAX_AGE_SECONDS = 60

# Language -> (when the links go stale, on the monotonic clock; the links by slug).
# A plain dict, like triage/rendered_steps.py's screens: one entry per language, and
# a cache backend's key making, lock and bookkeeping were a quarter of this look-up.
# A dict's get and set are each atomic, so threads need no lock: at worst two load
# the same links at once.
_links: dict[str, tuple[float, dict[str, PageLink]]] = {}


def page_links(slugs: Iterable[str]) -> list[PageLink]:
    """Links to the pages with these slugs, in the same order, leaving out removed ones."""
    language = get_language() or settings.LANGUAGE_CODE
    kept = _links.get(language)
    if kept is not None and kept[0] > time.monotonic():
        by_slug = kept[1]
    else:
        try:
            by_slug = _load_links(language)
        except DatabaseError as error:
            # Not kept: the next request tries the database again.
            database_unavailable(error)
            shipped = shipped_pages(language)
            return [_link(shipped[slug]) for slug in slugs if slug in shipped]
        _links[language] = (time.monotonic() + LINKS_MAX_AGE_SECONDS, by_slug)
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def _link(page: Page | ShippedPage) -> PageLink:
    return PageLink(
        page.slug,
        page.title,
        page.get_absolute_url(),
        frozenset(section.anchor for section in page.sections.all()),
    )


def _load_links(language: str) -> dict[str, PageLink]:
    return {
        page.slug: _link(page) for page in readable_pages(language).prefetch_related("sections")
    }


def forget_page_links() -> None:
    """Drop the kept links, so the next call reads the editors' latest."""
    _links.clear()


forget_when_pages_change(forget_page_links)
