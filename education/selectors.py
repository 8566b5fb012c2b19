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

from collections.abc import Iterable

from django.conf import settings
from django.db import Error as DatabaseError
from django.db.models import QuerySet
from django.utils.translation import get_language

from config.outage import database_unavailable
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
