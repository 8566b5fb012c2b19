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
        return ["home", "education:page_list", "education:search"]

    def location(self, name: str) -> str:
        return reverse(name)
