"""Look-ups of the explanation pages for other apps (the checker, its API, the rules page).

Editors can remove a page in the admin at any time, so callers ask for the pages
that exist rather than assume every slug the rules name has one.
"""

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from education.models import Page, Section


def existing_pages(slugs: Iterable[str], with_sections: bool = False) -> list[Page]:
    """The pages for these slugs, in the same order, leaving out any an editor removed."""
    slugs = tuple(slugs)
    pages = Page.objects.filter(slug__in=slugs)
    if with_sections:
        pages = pages.prefetch_related("sections")
    by_slug = {page.slug: page for page in pages}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def existing_slugs() -> set[str]:
    """The slug of every page there is now."""
    return set(Page.objects.values_list("slug", flat=True))


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
# keeps the links per language. An edit saved through this process (the admin,
# load_content) drops them at once; other processes and servers pick the edit up
# within this many seconds, well inside the five minutes shared caches may keep
# the pages themselves (education.caching.SHARED_CACHE_SECONDS).
LINKS_MAX_AGE_SECONDS = 60

_links: dict[str, tuple[float, dict[str, PageLink]]] = {}  # language -> (loaded at, by slug)
_links_lock = threading.Lock()


def page_links(slugs: Iterable[str]) -> list[PageLink]:
    """Links to the pages with these slugs, in the same order, leaving out removed ones."""
    language = get_language()
    kept = _links.get(language)
    if kept is None or time.monotonic() - kept[0] > LINKS_MAX_AGE_SECONDS:
        kept = (time.monotonic(), _load_links())
        with _links_lock:
            _links[language] = kept
    by_slug = kept[1]
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def _load_links() -> dict[str, PageLink]:
    return {
        page.slug: PageLink(
            page.slug,
            page.title,
            page.get_absolute_url(),
            frozenset(section.anchor for section in page.sections.all()),
        )
        for page in Page.objects.prefetch_related("sections")
    }


def forget_page_links() -> None:
    """Drop the kept links, so the next call reads the editors' latest."""
    with _links_lock:
        _links.clear()


@receiver(post_save, sender=Page)
@receiver(post_delete, sender=Page)
@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def _page_changed(**kwargs) -> None:
    forget_page_links()
    # Again once the edit is committed: a request in between may have read the old rows.
    transaction.on_commit(forget_page_links)
