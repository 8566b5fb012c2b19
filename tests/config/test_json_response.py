import json

import pytest
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy

from config.json_response import json_response


def test_the_body_is_the_same_json_as_djangos_json_response():
    data = {"level": "urgent", "reasons": ["a", "b"], "go_to": None, "out_of_scope": False, "n": 3}

    ours = json_response(data)

    assert json.loads(ours.content) == json.loads(JsonResponse(data).content) == data
    assert ours["Content-Type"] == "application/json"
    assert ours.status_code == 200


def test_tuples_are_lists():
    assert json.loads(json_response({"conditions": ("sepsis", "discitis")}).content) == {
        "conditions": ["sepsis", "discitis"]
    }


def test_text_outside_ascii_is_utf8_not_escaped():
    response = json_response({"title": "Infección renal"})

    assert "Infección".encode() in response.content
    assert json.loads(response.content.decode("utf-8")) == {"title": "Infección renal"}


def test_a_lazily_translated_text_is_written_in_the_active_language():
    with translation.override("es"):
        response = json_response({"title": gettext_lazy("Kidney infection (pyelonephritis)")})

    assert json.loads(response.content) == {"title": "Infección de los riñones (pielonefritis)"}


def test_the_status_is_kept():
    assert json_response({"error": "x", "code": "y"}, status=503).status_code == 503


def test_a_value_json_cannot_hold_is_an_error_not_a_guess():
    with pytest.raises(TypeError):
        json_response({"when": object()})
