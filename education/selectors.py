"""Look-ups of the explanation pages for other apps (the checker, its API, the rules page).

Editors can remove a page in the admin at any time, so callers ask for the pages
that exist rather than assume every slug the rules name has one.
"""

from collections.abc import Iterable

from education.models import Page


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
