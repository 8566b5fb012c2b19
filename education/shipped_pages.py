"""The explanation pages as shipped, for when the database cannot be read.

The checker, its result summary, the rules page and the API link to pages by
slug and show their titles. Those normally come from the database, where
editors may rename or remove a page. When the database is down or locked, the
links fall back to the pages in the shipped content files
(education/content/pages/), which is where the database's copy came from.

Keyed by language: the English files sit in the folder itself, a translation in
a subfolder named for its language code (``es/sepsis.toml``) with the same slug.
A page not yet translated falls back to its English title.
"""

import functools
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from education.content_files import CONTENT_DIR, read_page_file


@dataclass(frozen=True)
class ShippedSection:
    anchor: str


class ShippedSections(tuple):
    """The sections of a shipped page, read like a Page's ``sections.all()``."""

    def all(self) -> tuple[ShippedSection, ...]:
        return self


@dataclass(frozen=True)
class ShippedPage:
    """A page as shipped, read like education.models.Page by the checker's links:
    ``slug``, ``title``, ``get_absolute_url()`` and ``sections.all()``."""

    slug: str
    title: str
    sections: ShippedSections

    def get_absolute_url(self) -> str:
        return reverse("education:page", args=[self.slug])


def _read_folder(folder) -> dict[str, ShippedPage]:
    pages = {}
    for path in sorted(folder.glob("*.toml")):
        content = read_page_file(path)
        sections = ShippedSections(ShippedSection(s.anchor) for s in content.sections)
        pages[content.slug] = ShippedPage(content.slug, content.title, sections)
    return pages


@functools.cache
def _pages_in(language: str) -> dict[str, ShippedPage]:
    # Read once per process and language, and only once the database has failed.
    english = _read_folder(CONTENT_DIR)
    if language == "en":
        return english
    return english | _read_folder(CONTENT_DIR / language)


def shipped_pages(language: str | None = None) -> dict[str, ShippedPage]:
    """Slug -> page, in the language asked for (by default the request's)."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    if language != "en" and not (CONTENT_DIR / language).is_dir():
        language = "en"
    return _pages_in(language)
