"""A kiosk turn's language: chosen on the attract screen, back to the clinic's when it clears.

Every turn starts on the attract screen in the clinic's language
(settings.KIOSK_LANGUAGE). Its language buttons open the attract screen in
another language (/es/kiosk/), and from there every page the person opens is
at that language's addresses, so the address carries the turn's language and
nothing needs remembering. The one thing that could carry it to the next
person is the language cookie the site's language switch sets, so clearing the
kiosk deletes it.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

from education.languages import LanguageLink, language_codes, language_name


def attract_screen_url(language: str | None = None) -> str:
    """The attract screen in ``language``, by default the clinic's: where every turn starts."""
    with translation.override(language or settings.KIOSK_LANGUAGE):
        return reverse("kiosk:start")


def language_buttons() -> list[LanguageLink]:
    """The attract screen in every language, one large button each."""
    return [
        LanguageLink(code, language_name(code), attract_screen_url(code))
        for code in language_codes()
    ]


def forget_language_choice(request: HttpRequest, response: HttpResponse) -> None:
    """Drop the last person's language choice, so the next turn starts in the clinic's."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
