"""The JSON API answers in the language Accept-Language asks for, with the same codes."""

import json

import pytest
from django.utils import translation

from triage.api_language import requested_language
from triage.vocabulary import FINDINGS, LEVEL_TITLES

ASSESS = "/triage/api/assess"
CONTRACT = "/triage/api/contract"
RULES = "/triage/api/rules"
EXAMPLE = {"age_years": 58, "findings": ["fever", "back_pain", "limb_weakness"]}


def assess(client, payload=EXAMPLE, language=None):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    body = json.dumps(payload)
    return client.post(ASSESS, data=body, content_type="application/json", **headers)


def spanish(text: str) -> str:
    with translation.override("es"):
        return translation.gettext(text)


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("es-419,es;q=0.9,en;q=0.8", "es"),
        ("fr, es;q=0.5, en;q=0.4", "es"),
        ("en;q=0.9, es;q=0.8", "en"),
        ("es;q=0.5, en", "en"),
        ("es;q=0, fr", "en"),  # q=0: not Spanish
        ("de, *;q=0.5, es;q=0.1", "en"),  # anything, before Spanish: the default
        ("fr", "en"),
        ("", "en"),
        ("not a header!!", "en"),
        ("es-" + "x" * 600, "en"),
    ],
)
def test_the_language_asked_for_is_the_first_one_served_by_q_value(header, language):
    assert requested_language(header) == language


@pytest.mark.django_db
def test_an_assessment_in_spanish_has_the_same_codes_and_spanish_text(pages, client):
    english = assess(client).json()
    response = assess(client, language="es")
    body = response.json()
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    for same in ("contract", "level", "out_of_scope", "matched_rules", "go_to", "rules_version"):
        assert body[same] == english[same]
    assert [c["slug"] for c in body["conditions"]] == [c["slug"] for c in english["conditions"]]
    assert body["level_title"] == spanish(LEVEL_TITLES["emergency"]) != english["level_title"]
    assert body["advice"] != english["advice"] and "911" in body["advice"]
    assert len(body["reasons"]) == len(english["reasons"])
    assert set(body["reasons"]).isdisjoint(english["reasons"])
    assert set(body["safety_net"]).isdisjoint(english["safety_net"])


@pytest.mark.django_db
def test_a_spanish_assessment_links_to_the_spanish_pages(pages, client):
    body = assess(client, {"age_years": 40, "findings": list(FINDINGS)}, language="es").json()
    assert body["conditions"]
    for condition in body["conditions"]:
        assert condition["url"] == f"/es/conditions/{condition['slug']}/"
        page = client.get(condition["url"])
        assert page.status_code == 200
        assert condition["title"] in page.content.decode()


@pytest.mark.django_db
def test_without_a_header_or_with_an_unserved_language_the_answer_is_english(pages, client):
    for language in (None, "fr, de;q=0.5"):
        response = assess(client, language=language)
        assert response["Content-Language"] == "en"
        assert "Accept-Language" in response["Vary"]
        assert response.json()["advice"].startswith("Call 911 now")


@pytest.mark.django_db
def test_the_language_cookie_does_not_choose_the_apis_language(pages, client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert assess(client)["Content-Language"] == "en"


@pytest.mark.django_db
def test_a_bad_request_keeps_its_code_in_every_language(pages, client):
    response = assess(client, {"age_years": "forty"}, language="es")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_age"
    assert response["Content-Language"] == "en"  # the message, for developers, is English


@pytest.mark.django_db
def test_the_contract_in_spanish_has_the_same_codes_and_spanish_text(pages, client):
    english = client.get(CONTRACT).json()
    response = client.get(CONTRACT, HTTP_ACCEPT_LANGUAGE="es")
    body = response.json()
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    for part in ("levels", "findings", "conditions", "care_settings"):
        key = "slug" if part == "conditions" else "code"
        assert [item[key] for item in body[part]] == [item[key] for item in english[part]]
    assert body["age_years"] == english["age_years"]
    levels = {level["code"]: level for level in body["levels"]}
    assert levels["urgent"]["title"] == spanish(LEVEL_TITLES["urgent"])
    for spanish_finding, english_finding in zip(body["findings"], english["findings"], strict=True):
        assert spanish_finding["kind"] == english_finding["kind"]
        assert spanish_finding["question"] == spanish(FINDINGS[english_finding["code"]].question)
    for condition in body["conditions"]:
        assert condition["url"] == f"/es/conditions/{condition['slug']}/"
        assert client.get(condition["url"]).status_code == 200


@pytest.mark.django_db
def test_the_rules_in_spanish_are_their_own_cached_answer(pages, client):
    english = client.get(RULES)
    response = client.get(RULES, HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "es"
    assert "Accept-Language" in response["Vary"]
    assert response["ETag"] != english["ETag"]
    levels = response.json()["levels"]
    assert levels[0]["title"] == spanish(LEVEL_TITLES[levels[0]["code"]])
    urls = [page["url"] for level in levels for rule in level["rules"] for page in rule["pages"]]
    assert urls and all(url.startswith("/es/conditions/") for url in urls)
    again = client.get(RULES, HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again["Content-Language"] == "es"


def test_the_api_description_names_the_language_headers_and_every_language(settings):
    document = json.loads((settings.BASE_DIR / "docs" / "openapi.json").read_text())
    components = document["components"]
    assert components["headers"]["ContentLanguage"]["schema"]["enum"] == [
        code for code, _name in settings.LANGUAGES
    ]
    for path, method in [(ASSESS, "post"), (CONTRACT, "get"), (RULES, "get")]:
        operation = document["paths"][path][method]
        assert {"$ref": "#/components/parameters/AcceptLanguage"} in operation["parameters"]
        assert "Content-Language" in operation["responses"]["200"]["headers"]
