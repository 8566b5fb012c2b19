from django.conf import settings
from django.test import RequestFactory
from django.utils import translation

from education.context_processors import DEFAULT_URGENT_CARE_TEXT, clinic


def test_the_default_urgent_care_text_is_the_one_marked_for_translation():
    assert settings.URGENT_CARE_TEXT == DEFAULT_URGENT_CARE_TEXT


def test_the_default_urgent_care_text_is_shown_in_the_readers_language():
    with translation.override("es"):
        text = clinic(RequestFactory().get("/"))["urgent_care_text"]
    assert (
        text == "Si no puede ver hoy a su propio médico, vaya a un centro de atención de urgencia."
    )


def test_a_clinics_own_urgent_care_text_is_shown_as_written(settings):
    settings.URGENT_CARE_TEXT = "Vaya a la clínica de la calle Main."
    with translation.override("es"):
        assert clinic(RequestFactory().get("/"))["urgent_care_text"] == settings.URGENT_CARE_TEXT
