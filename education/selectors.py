"""Look-ups of the explanation pages for other apps (the checker, its API, the rules page).

Editors can remove a page in the admin at any time, so callers ask for the pages
that exist rather than assume every slug the rules name has one.

The checker must work with the database down or locked, so when it cannot be
read these answer with the pages as shipped (education/shipped_pages.py),
which have the same slug, title, address and sections.
"""

from collections.abc import Iterable

from django.db import Error as DatabaseError

from config.outage import database_unavailable
from education.models import Page
from education.shipped_pages import ShippedPage, shipped_pages


def existing_pages(slugs: Iterable[str], with_sections: bool = False) -> list[Page | ShippedPage]:
    """The pages for these slugs, in the same order, leaving out any an editor removed."""
    slugs = tuple(slugs)
    pages = Page.objects.filter(slug__in=slugs)
    if with_sections:
        pages = pages.prefetch_related("sections")
    try:
        by_slug = {page.slug: page for page in pages}
    except DatabaseError as error:
        database_unavailable(error)
        by_slug = shipped_pages()
    return [by_slug[slug] for slug in slugs if slug in by_slug]


def existing_slugs() -> set[str]:
    """The slug of every page there is now."""
    try:
        return set(Page.objects.values_list("slug", flat=True))
    except DatabaseError as error:
        database_unavailable(error)
        return set(shipped_pages())
