"""Which language the JSON API answers in: the one the client asks for in Accept-Language.

The API has one address for every language (triage/api_urls.py), so Django's
LocaleMiddleware, which reads the language from the address, activates the
default language for it. A client that wants Spanish says so the HTTP way,
``Accept-Language: es`` (q-values honoured, ``es-MX`` counts as ``es``), and
gets the same codes with the text fields translated. Anything else, or no
header, answers in settings.LANGUAGE_CODE. The answer names its language in
Content-Language and says, with Vary (from LocaleMiddleware), that the header chose it.
"""

import functools

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header


def requested_language(accept_language: str) -> str:
    """The first of settings.LANGUAGES the header accepts, by q-value; else the default."""
    for code, quality in parse_accept_lang_header(accept_language):
        if code == "*":
            break  # "anything else" is the default language
        if quality <= 0:
            continue  # q=0 means "not this one"
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def in_requested_language(view):
    """Run an API view in the language its request asks for, and label the answer with it."""

    @functools.wraps(view)
    def translated(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        language = requested_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
        if language == translation.get_language():
            # Usually so: LocaleMiddleware reads the same header for an address with no
            # language in it. Switching to it and back would change nothing.
            response = view(request, *args, **kwargs)
        else:
            with translation.override(language):
                response = view(request, *args, **kwargs)
        # Error messages are for the client's developers and stay in English; their
        # machine-readable codes are the same in every language.
        response["Content-Language"] = (
            language if response.status_code < 400 else settings.LANGUAGE_CODE
        )
        # "Vary: Accept-Language" comes from LocaleMiddleware, which adds it to every
        # answer whose address has no language in it, as the API's addresses have not.
        return response

    return translated
