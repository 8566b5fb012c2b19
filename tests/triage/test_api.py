import json

import pytest

from triage.rules import RULES_VERSION
from triage.vocabulary import FINDINGS, LEVELS

pytestmark = pytest.mark.django_db
URL = "/triage/api/assess"


def post(client, payload, **kwargs):
    body = payload if isinstance(payload, bytes) else json.dumps(payload)
    return client.post(URL, data=body, content_type="application/json", **kwargs)


def test_the_contract_example_answers_emergency_with_the_abscess_page_first(pages, client):
    response = post(client, {"age_years": 58, "findings": ["fever", "back_pain", "limb_weakness"]})
    body = response.json()
    assert response.status_code == 200
    assert body["contract"] == 1
    assert body["level"] == "emergency"
    assert body["out_of_scope"] is False
    assert body["conditions"][0] == {
        "slug": "spinal-epidural-abscess",
        "title": "Spinal epidural abscess",
        "url": "/conditions/spinal-epidural-abscess/",
    }
    assert body["advice"] == "Call 911 now or go to the nearest emergency department."
    assert body["reasons"] and body["safety_net"]
    assert body["rules_version"] == RULES_VERSION


def test_every_condition_url_resolves_to_a_page(pages, client):
    response = post(client, {"age_years": 40, "findings": list(FINDINGS)})
    for condition in response.json()["conditions"]:
        assert client.get(condition["url"]).status_code == 200


def test_plain_back_pain_is_self_care(pages, client):
    body = post(client, {"age_years": 35, "findings": ["back_pain"]}).json()
    assert body["level"] == "self_care"
    assert body["safety_net"]


def test_a_child_is_out_of_scope_and_at_least_urgent(pages, client):
    body = post(client, {"age_years": 9, "findings": ["back_pain"]}).json()
    assert body["out_of_scope"] is True
    assert body["level"] in ("urgent", "emergency")


@pytest.mark.parametrize(
    ("age", "out_of_scope"), [(0, True), (15, True), (16, False), (120, False)]
)
def test_the_age_limits_and_the_adult_age_hold_over_the_api(pages, client, age, out_of_scope):
    body = post(client, {"age_years": age, "findings": []}).json()
    assert body["out_of_scope"] is out_of_scope
    assert (body["level"] == "urgent") is out_of_scope


def test_an_emergency_sign_in_a_child_is_still_an_emergency_over_the_api(pages, client):
    body = post(client, {"age_years": 10, "findings": ["confusion"]}).json()
    assert body["out_of_scope"] is True
    assert body["level"] == "emergency"


def test_a_field_named_twice_is_refused_over_the_api(client):
    response = post(client, b'{"age_years": 40, "findings": ["confusion"], "findings": []}')
    assert response.status_code == 400
    assert response.json()["code"] == "duplicate_field"


@pytest.mark.parametrize("method", ["head", "options", "put", "delete"])
def test_every_other_method_is_refused_with_the_allow_header(client, method):
    response = getattr(client, method)(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_the_advice_uses_the_clinics_emergency_number(pages, client, settings):
    settings.EMERGENCY_NUMBER = "112"
    body = post(client, {"age_years": 40, "findings": ["confusion"]}).json()
    assert "112" in body["advice"]


def test_a_condition_whose_page_was_removed_is_left_out(pages, client):
    from education.models import Page

    Page.objects.filter(language="en", slug="spinal-epidural-abscess").delete()
    body = post(
        client, {"age_years": 58, "findings": ["fever", "back_pain", "limb_weakness"]}
    ).json()
    assert "spinal-epidural-abscess" not in [c["slug"] for c in body["conditions"]]
    assert body["level"] == "emergency"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "invalid_json"),
        (b"[]", "not_an_object"),
        (b'{"findings": []}', "missing_age"),
        (b'{"age_years": "fifty"}', "invalid_age"),
        (b'{"age_years": 200}', "age_out_of_range"),
        (b'{"age_years": 50, "findings": ["sneezing"]}', "unknown_finding"),
        (b'{"age_years": 50, "findings": {"fever": true}}', "invalid_findings"),
        (b"x" * 100_000, "body_too_large"),
    ],
)
def test_bad_input_answers_400_with_a_named_error(client, body, code):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["error"]


def test_a_body_larger_than_djangos_upload_limit_is_a_400(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(client, b" " * 5000)
    assert response.status_code == 400


def test_get_is_refused_with_a_json_405(client):
    response = client.get(URL)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json()["code"] == "method_not_allowed"


def test_the_api_needs_no_csrf_token(pages, client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert post(strict, {"age_years": 40, "findings": []}).status_code == 200


def test_api_responses_are_never_cached_and_set_no_cookie(pages, client):
    response = post(client, {"age_years": 40, "findings": ["fever"]})
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies


def test_the_contract_endpoint_lists_codes_questions_and_levels(client):
    response = client.get("/triage/api/contract")
    body = response.json()
    assert response.status_code == 200
    assert [level["code"] for level in body["levels"]] == list(LEVELS)
    assert {f["code"] for f in body["findings"]} == set(FINDINGS)
    assert all(f["question"].endswith("?") for f in body["findings"])
    assert body["age_years"] == {"min": 0, "max": 120, "adult_from": 16}
    assert "911" in body["levels"][0]["advice"]


def test_a_suspected_spine_infection_names_the_hospital_in_go_to_and_advice(pages, client):
    body = post(client, {"age_years": 40, "findings": ["fever", "back_pain", "injects_drugs"]})
    body = body.json()
    assert body["level"] == "urgent"
    assert body["go_to"] == "hospital_same_day"
    assert body["advice"].startswith("Go to the emergency department today")


def test_symptoms_in_both_legs_are_an_emergency_over_the_api(pages, client):
    body = post(client, {"age_years": 45, "findings": ["back_pain", "both_legs"]}).json()
    assert body["level"] == "emergency"
    assert body["conditions"][0]["slug"] == "cauda-equina-syndrome"
    assert body["go_to"] is None


def test_the_contract_endpoint_lists_the_places_a_result_can_send_people(client):
    body = client.get("/triage/api/contract").json()
    places = {place["code"]: place["advice"] for place in body["care_settings"]}
    assert set(places) == {"hospital_same_day", "maternity"}
    assert "MRI" in places["hospital_same_day"]
    assert {"both_legs", "low_temperature", "seizure"} <= {f["code"] for f in body["findings"]}
