"""The sitemap: every page in every language it is written in, each with its alternates."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from education.models import Page


@dataclass(frozen=True)
class PageInLanguages:
    """One page (a slug) and its versions, by language code."""

    slug: str
    versions: dict[str, Page]


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8
    i18n = True  # one <url> per language, at that language's address
    alternates = True  # each lists the others with hreflang
    x_default = True

    def items(self) -> list[PageInLanguages]:
        versions: dict[str, dict[str, Page]] = {}
        for page in Page.objects.all():
            versions.setdefault(page.slug, {})[page.language] = page
        return [PageInLanguages(slug, pages) for slug, pages in versions.items()]

    def get_languages_for_item(self, item: PageInLanguages) -> list[str]:
        return [code for code, _name in settings.LANGUAGES if code in item.versions]

    def location(self, item: PageInLanguages) -> str:
        return reverse("education:page", args=[item.slug])  # in the language being listed

    def lastmod(self, item: PageInLanguages) -> datetime:
        return max(page.updated_at for page in item.versions.values())


class StaticViewSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        # Not search: robots.txt keeps crawlers off it, and its pages say noindex.
        return [
            "home",
            "education:page_list",
            "triage:checker",
            "triage:how_it_decides",
            "education:about",
            "education:privacy",
            "education:accessibility",
        ]

    def location(self, name: str) -> str:
        return reverse(name)
