"""The kiosk's words and timings for templates, and its built-in emergency line."""

import ast
from pathlib import Path

from django.test import RequestFactory

from kiosk import context_processors
from kiosk.context_processors import EMERGENCY_ADVICE
from kiosk.device import Kiosk


def test_the_built_in_emergency_line_sends_the_person_to_the_staff():
    assert EMERGENCY_ADVICE == "Tell the reception staff now."


def test_the_built_in_emergency_line_is_marked_for_translation():
    tree = ast.parse(Path(context_processors.__file__).read_text(encoding="utf-8"))
    marked = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) == "gettext_noop"
        and isinstance(node.args[0], ast.Constant)
    }
    assert EMERGENCY_ADVICE in marked


def test_a_public_browser_gets_no_kiosk_settings():
    request = RequestFactory().get("/")
    request.kiosk = None
    assert context_processors.kiosk(request) == {"kiosk": None}


def test_a_kiosk_says_the_clinic_s_own_words_when_it_has_them(settings):
    request = RequestFactory().get("/")
    request.kiosk = Kiosk(generation="g")
    settings.KIOSK_EMERGENCY_TEXT = ""
    assert context_processors.kiosk(request)["kiosk_emergency_text"] == EMERGENCY_ADVICE
    settings.KIOSK_EMERGENCY_TEXT = "Press the red button by the door."
    assert (
        context_processors.kiosk(request)["kiosk_emergency_text"]
        == "Press the red button by the door."
    )
