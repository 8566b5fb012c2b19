"""The language switch and hreflang alternates every page shows (see education.languages)."""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from education.languages import LanguageLink, alternate_links, switch_links

register = template.Library()


def _path(context) -> str | None:
    request = context.get("request")
    return request.path_info if request is not None else None


@register.simple_tag(takes_context=True)
def language_switch(context) -> list[LanguageLink]:
    """Links to this page in every other language, through the switch that remembers the choice."""
    path = _path(context)
    return switch_links(path, get_language()) if path else []


@register.simple_tag(takes_context=True)
def language_alternates(context) -> list[LanguageLink]:
    """This page in each language it is in (``page_languages`` when a view says) and x-default."""
    path = _path(context)
    return alternate_links(path, context.get("page_languages")) if path else []


@register.filter
def lang_if_other(page) -> str:
    """`` lang="en"`` on a page shown among another language's pages (not translated yet)."""
    if page.language == get_language():
        return ""
    return format_html(' lang="{}"', page.language)
