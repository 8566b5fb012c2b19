"""Where each page is in each language, for the language switch and hreflang links.

English keeps the addresses it always had and every other language adds its
code in front (/es/conditions/sepsis/; config/urls.py), with the same slugs and
section anchors. So "this page in Spanish" is the same address under another
prefix, which django.urls.translate_url works out from the URL patterns. The
languages are settings.LANGUAGES: nothing here names one.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's name in itself ("Español"), as people who read it look for it
    url: str


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    return dict(settings.LANGUAGES)[code]


def path_in_language(path: str, language: str) -> str:
    """The address of the page at ``path`` in ``language``: that language's home page
    when ``path`` is no page. Call it with the page's own language active, which
    is how ``path`` is resolved."""
    try:
        resolve(path)
    except Resolver404:
        with translation.override(language):
            return reverse("home")
    return translate_url(path, language)


def switch_url(path: str, language: str) -> str:
    """The language switch's link: sets the language chosen, then opens the page in it."""
    query = urlencode({"next": path_in_language(path, language)})
    return f"{reverse('switch_language', args=[language])}?{query}"


def switch_links(path: str, current: str) -> list[LanguageLink]:
    """One link for each language the page at ``path`` is not in now."""
    return [
        LanguageLink(code, language_name(code), switch_url(path, code))
        for code in language_codes()
        if code != current
    ]


def alternate_links(path: str, languages: list[str] | None = None) -> list[LanguageLink]:
    """``<link rel="alternate" hreflang>`` targets: the page in each of ``languages``
    (all by default) and x-default, the address that follows the reader's browser."""
    languages = language_codes() if languages is None else languages
    base = settings.PUBLIC_BASE_URL  # absolute, as search engines want; pages are shared cached
    links = [
        LanguageLink(code, language_name(code), base + path_in_language(path, code))
        for code in language_codes()
        if code in languages
    ]
    default = base + path_in_language(path, settings.LANGUAGE_CODE)
    return [*links, LanguageLink("x-default", "", default)] if links else []


def preferred_language(request: HttpRequest) -> str:
    """The language someone chose with the switch (its cookie), else their browser's."""
    return translation.get_language_from_request(request, check_path=False)
