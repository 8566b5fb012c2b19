"""Infobutton requests as a health record sends them: redirects, Atom and JSON feeds, errors."""

import json
import xml.etree.ElementTree as ET  # parses only this site's own responses
from urllib.parse import urlencode

import pytest
from django.test import override_settings
from pytest_django.asserts import assertContains

from education import infobutton

pytestmark = pytest.mark.django_db

ICD = "2.16.840.1.113883.6.90"
SNOMED = "2.16.840.1.113883.6.96"
ICD_9 = "2.16.840.1.113883.6.103"
ATOM = "{http://www.w3.org/2005/Atom}"


def ask(client, **params):
    names = {
        "c": "mainSearchCriteria.v.c",
        "cs": "mainSearchCriteria.v.cs",
        "dn": "mainSearchCriteria.v.dn",
        "lang": "informationRecipient.languageCode.c",
        "type": "knowledgeResponseType",
    }
    query = urlencode([(names.get(key, key), value) for key, value in params.items()])
    return client.get(f"/infobutton/?{query}")


@pytest.mark.parametrize(
    ("cs", "code", "page"),
    [
        (ICD, "A41.9", "/conditions/sepsis/"),
        (ICD, "a419", "/conditions/sepsis/"),
        (ICD, "R65.21", "/conditions/sepsis/"),
        (ICD, "G06.1", "/conditions/spinal-epidural-abscess/"),
        (ICD, "M46.26", "/conditions/vertebral-osteomyelitis/"),
        (ICD, "M46.46", "/conditions/discitis/"),
        (ICD, "N10", "/conditions/pyelonephritis/"),
        (ICD, "G83.4", "/conditions/cauda-equina-syndrome/"),
        (ICD, "G03.9", "/conditions/meningitis/"),
        (SNOMED, "91302008", "/conditions/sepsis/"),
        (SNOMED, "36689008", "/conditions/pyelonephritis/"),
        (SNOMED, "192970008", "/conditions/cauda-equina-syndrome/"),
        (SNOMED, "7180009", "/conditions/meningitis/"),
    ],
)
def test_a_person_following_a_record_link_goes_straight_to_the_page(pages, client, cs, code, page):
    response = ask(client, cs=cs, c=code, dn="From the record", lang="en")
    assert response.status_code == 303
    assert response["Location"] == page
    assert "no-store" in response["Cache-Control"]


def test_the_patient_context_records_send_is_ignored(pages, client):
    response = ask(
        client,
        **{
            "cs": ICD,
            "c": "N10",
            "patientPerson.administrativeGenderCode.c": "F",
            "age.v.v": "34",
            "age.v.u": "a",
            "taskContext.c.c": "PROBLISTREV",
            "informationRecipient": "PAT",
            "lang": "en-US",
        },
    )
    assert response.status_code == 303
    assert response["Location"] == "/conditions/pyelonephritis/"


@override_settings(PUBLIC_BASE_URL="https://guide.example.org")
def test_json_is_the_atom_feed_in_the_shape_medlineplus_connect_sends(pages, client):
    response = ask(client, cs=ICD, c="A41.51", type="application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    feed = response.json()["feed"]
    assert feed["lang"] == "en"
    assert {"scheme": "mainSearchCriteria.v.c", "term": "A41.51"} in feed["category"]
    assert {"scheme": "mainSearchCriteria.v.cs", "term": ICD} in feed["category"]
    [entry] = feed["entry"]
    assert entry["title"]["_value"] == "Sepsis"
    assert entry["link"][0] == {
        "href": "https://guide.example.org/conditions/sepsis/",
        "rel": "alternate",
        "type": "text/html",
    }
    assert entry["summary"]["_value"].startswith("Sepsis is when")
    assert "ICD-10-CM A41.51" in feed["subtitle"]["_value"]


@override_settings(PUBLIC_BASE_URL="https://guide.example.org")
@pytest.mark.parametrize("media_type", ["text/xml", "application/atom+xml"])
def test_xml_is_an_atom_feed(pages, client, media_type):
    response = ask(client, cs=SNOMED, c="192970008", type=media_type)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{media_type}; charset=utf-8"
    feed = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text.startswith("https://guide.example.org/infobutton/?")
    categories = {c.get("scheme"): c.get("term") for c in feed.findall(f"{ATOM}category")}
    assert categories["mainSearchCriteria.v.c"] == "192970008"
    assert categories["informationRecipient.languageCode.c"] == "en"
    [entry] = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Cauda equina syndrome"
    link = entry.find(f"{ATOM}link")
    assert link.get("href") == "https://guide.example.org/conditions/cauda-equina-syndrome/"
    assert link.get("rel") == "alternate"
    assert entry.find(f"{ATOM}updated").text.endswith("Z")


def test_an_unknown_code_gets_an_empty_feed_that_says_so(pages, client):
    response = ask(client, cs=ICD, c="J45.40", type="application/json")
    feed = response.json()["feed"]
    assert response.status_code == 200
    assert feed["entry"] == []
    assert "No page on this site explains ICD-10-CM J45.40" in feed["subtitle"]["_value"]
    assert "Sepsis" in feed["subtitle"]["_value"]


def test_an_unknown_code_gets_a_plain_page_for_a_person(pages, client):
    response = ask(client, cs=ICD, c="J45.40", dn="Asthma")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We do not have a page about this yet" in html
    assert "“Asthma”" in html
    assert 'href="/conditions/sepsis/"' in html
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    assert "ICD-10-CM code J45.40 is not on this site’s list" in html


def test_a_code_system_we_do_not_map_gets_a_clear_answer(pages, client):
    response = ask(client, cs=ICD_9, c="038.9", type="application/json")
    assert response.status_code == 200
    feed = response.json()["feed"]
    assert feed["entry"] == []
    assert "no pages for ICD-9-CM codes" in feed["subtitle"]["_value"]
    html = ask(client, cs=ICD_9, c="038.9").content.decode()
    assert "We do not have a page about this yet" in html
    assert "no list of ICD-9-CM codes" in html


def test_a_language_the_site_lacks_gets_the_english_page_and_says_so(pages, client):
    response = ask(client, cs=ICD, c="N10", lang="fr")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This page is not in your language yet" in html
    assert "in French" in html
    assert 'href="/conditions/pyelonephritis/" hreflang="en"' in html
    feed = ask(client, cs=ICD, c="N10", lang="fr", type="application/json").json()["feed"]
    assert len(feed["entry"]) == 1
    assert "no page in French (fr) yet" in feed["subtitle"]["_value"]
    assert {"scheme": "informationRecipient.languageCode.c", "term": "en"} in feed["category"]


def test_a_page_an_editor_removed_is_not_offered(pages, client):
    from education.models import Page

    Page.objects.filter(language="en", slug="discitis").delete()
    feed = ask(client, cs=ICD, c="M46.46", type="application/json").json()["feed"]
    assert feed["entry"] == []
    assert ask(client, cs=ICD, c="M46.46").status_code == 200


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"cs": ICD}, "missing_code"),
        ({"c": "A41.9"}, "missing_code_system"),
        ({"c": "A41.9", "cs": "ICD10CM"}, "invalid_code_system"),
        ({"c": "not a code!", "cs": ICD}, "invalid_code"),
        ({"c": "hello", "cs": ICD}, "invalid_code"),
        ({"c": "91302009", "cs": SNOMED}, "invalid_code"),
        ({"c": "A41.9", "cs": ICD, "lang": "english please"}, "invalid_language"),
        ({"c": "A" * 300, "cs": ICD}, "value_too_long"),
    ],
)
def test_malformed_requests_get_a_clear_400_in_the_format_asked_for(pages, client, params, code):
    response = ask(client, **params, type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert response.json()["error"]
    xml = ask(client, **params, type="text/xml")
    assert xml.status_code == 400
    assert ET.fromstring(xml.content).get("code") == code  # noqa: S314 - our own response
    html = ask(client, **params)
    assert html.status_code == 400
    assert "This link is not complete" in html.content.decode()
    assert code in html.content.decode()


def test_a_code_sent_twice_is_refused(pages, client):
    response = client.get(
        f"/infobutton/?mainSearchCriteria.v.cs={ICD}&mainSearchCriteria.v.c=A41.9"
        "&mainSearchCriteria.v.c=N10&knowledgeResponseType=application/json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "repeated_parameter"


@pytest.mark.parametrize("media_type", ["application/javascript", "image/png"])
def test_an_unsupported_response_type_is_refused_and_the_choices_named(pages, client, media_type):
    response = ask(client, cs=ICD, c="A41.9", type=media_type)
    html = response.content.decode()
    assert response.status_code == 400
    assert "application/json" in html and "text/xml" in html
    if "javascript" in media_type:
        assert "JSONP is not offered" in html


def test_only_get_is_allowed(pages, client):
    assert client.post("/infobutton/", {"mainSearchCriteria.v.c": "A41.9"}).status_code == 405


def test_parse_reads_the_parameters_and_defaults_to_a_page_in_english():
    request = infobutton.parse(
        {"mainSearchCriteria.v.c": [" A41.9 "], "mainSearchCriteria.v.cs": [ICD]}
    )
    assert request.code == "A41.9"
    assert request.language == "en"
    assert request.response_type == infobutton.HTML


def test_answers_carry_the_security_headers(pages, client):
    response = ask(client, cs=ICD, c="J45.40")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert json.loads(ask(client, cs=ICD, c="A41.9", type="application/json").content)


def test_spanish_asked_for_goes_to_the_spanish_page(spanish_page, client):
    response = ask(client, cs=ICD, c="N10", lang="es-MX")
    assert response.status_code == 303
    assert response["Location"] == "/es/conditions/pyelonephritis/"
    assert response["Content-Language"] == "es"


def test_the_clinician_s_language_is_used_when_the_reader_s_is_not_sent(spanish_page, client):
    response = ask(client, cs=ICD, c="N10", **{"performer.languageCode.c": "es"})
    assert response["Location"] == "/es/conditions/pyelonephritis/"
    both = ask(client, cs=ICD, c="N10", lang="en", **{"performer.languageCode.c": "es"})
    assert both["Location"] == "/conditions/pyelonephritis/"  # the reader's language wins


def test_a_spanish_feed_has_the_spanish_entry_in_spanish(spanish_page, client):
    feed = ask(client, cs=ICD, c="N10", lang="es", type="application/json").json()["feed"]
    assert feed["lang"] == "es"
    [entry] = feed["entry"]
    assert entry["lang"] == "es"
    assert entry["title"]["_value"] == "Infección de riñón (pielonefritis)"
    assert entry["link"][0]["href"].endswith("/es/conditions/pyelonephritis/")
    assert {"scheme": "informationRecipient.languageCode.c", "term": "es"} in feed["category"]
    response = ask(client, cs=ICD, c="N10", lang="es", type="text/xml")
    atom = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert atom.find(f"{ATOM}entry/{ATOM}title").text == "Infección de riñón (pielonefritis)"


def test_a_page_not_translated_yet_is_offered_in_english_to_a_spanish_request(spanish_page, client):
    response = ask(client, cs=ICD, c="A41.9", lang="es")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/conditions/sepsis/" hreflang="en"' in html
    feed = ask(client, cs=ICD, c="A41.9", lang="es", type="application/json").json()["feed"]
    assert feed["entry"][0]["lang"] == "en"
    assert {"scheme": "informationRecipient.languageCode.c", "term": "en"} in feed["category"]


def test_a_language_is_chosen_only_among_the_site_s_languages():
    request = infobutton.parse({"mainSearchCriteria.v.c": ["N10"], "mainSearchCriteria.v.cs": [ICD],
                                "informationRecipient.languageCode.c": ["fr"]})  # fmt: skip
    assert infobutton.answer(request, ["en", "es"]).language == "en"
    spanish = infobutton.parse({"mainSearchCriteria.v.c": ["N10"], "mainSearchCriteria.v.cs": [ICD],
                                "informationRecipient.languageCode.c": ["ES"]})  # fmt: skip
    assert infobutton.answer(spanish, ["en", "es"]).language == "es"
