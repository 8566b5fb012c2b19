from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from education.models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Page.objects.all()

    def lastmod(self, page: Page):
        return page.updated_at


class StaticViewSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

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
