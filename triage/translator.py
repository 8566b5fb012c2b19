"""Translating the checker's fixed texts: Django's gettext, remembered per language.

One result translates some forty fixed texts (reasons, advice, safety-net lines,
titles), and Django's ``gettext`` finds the active language through a
thread-local on every call: that lookup was three quarters of the engine's time
(docs/benchmarks.md). The texts come from triage's vocabulary and rules, never
from what a person typed, so what this keeps is bounded by their number and says
nothing about anyone. Only pass it fixed texts: a sentence with a person's
answers in it goes through ``gettext`` itself.
"""

import functools
from collections.abc import Callable

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import translation

# The engine has a few hundred texts; the bound is only a backstop.
MAX_TEXTS_PER_LANGUAGE = 2_000


@functools.cache
def _translator_for(language: str) -> Callable[[str], str]:
    @functools.lru_cache(maxsize=MAX_TEXTS_PER_LANGUAGE)
    def translate(message: str) -> str:
        with translation.override(language):
            return translation.gettext(message)

    return translate


def translator() -> Callable[[str], str]:
    """``gettext`` for the active language, for fixed texts. Ask once per request."""
    return _translator_for(translation.get_language() or settings.LANGUAGE_CODE)


@receiver(setting_changed)
def _forget_translations(*, setting: str, **kwargs) -> None:
    # Tests that change the languages or the catalogs must see the new texts, as
    # Django's own translation cache does.
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS", "USE_I18N"}:
        _translator_for.cache_clear()
