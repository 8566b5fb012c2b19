import pytest
from django.test import override_settings
from django.utils import translation

from triage.translator import MAX_TEXTS_PER_LANGUAGE, translator
from triage.vocabulary import CONDITIONS, LEVEL_ADVICE, LEVEL_TITLES

FIXED_TEXTS = [*LEVEL_TITLES.values(), *LEVEL_ADVICE.values(), *CONDITIONS.values()]


@pytest.mark.parametrize("language", ["en", "es"])
def test_it_translates_every_fixed_text_as_gettext_does(language):
    with translation.override(language):
        translate = translator()
        for text in FIXED_TEXTS:
            assert translate(text) == translation.gettext(text)
            assert translate(text) == translation.gettext(text)  # and again, remembered


def test_each_language_keeps_its_own_translations():
    title = LEVEL_TITLES["emergency"]
    with translation.override("es"):
        in_spanish = translator()(title)
    with translation.override("en"):
        in_english = translator()(title)

    assert in_english == title
    assert in_spanish != title


def test_a_translator_keeps_translating_into_the_language_it_was_made_for():
    with translation.override("es"):
        translate = translator()
    with translation.override("en"):
        assert translate(LEVEL_TITLES["urgent"]) != LEVEL_TITLES["urgent"]


def test_what_it_remembers_is_bounded():
    with translation.override("en"):
        translate = translator()

    assert translate.cache_info().maxsize == MAX_TEXTS_PER_LANGUAGE


def test_changing_the_catalogs_forgets_what_was_remembered(tmp_path):
    with translation.override("es"):
        before = translator()
    with override_settings(LOCALE_PATHS=[tmp_path]), translation.override("es"):
        during = translator()
    with translation.override("es"):
        after = translator()

    assert during is not before
    assert after is not during
