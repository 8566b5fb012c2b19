"""Every explanation page carries schema.org JSON-LD that a JSON-LD processor accepts."""

import json
import re

import pytest
from django.test import override_settings
from pyld import jsonld

from education import clinical_codes
from education.content_files import read_all_pages
from education.models import Page
from education.structured_data import symptoms
from tests.support import schema_org

pytestmark = pytest.mark.django_db

ALL_SLUGS = [page.slug for page in read_all_pages()]
CONDITION_SLUGS = [page.slug for page in read_all_pages() if page.kind == "condition"]
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html: str) -> dict:
    [block] = JSON_LD.findall(html)
    return json.loads(block)


def local(iri: str) -> str:
    assert iri.startswith(schema_org.SCHEMA), iri
    return iri.removeprefix(schema_org.SCHEMA)


def check_node(node: dict, path: str = "") -> int:
    """Check one expanded node against the vocabulary; return how many properties it holds."""
    types = [local(t) for t in node.get("@type", [])]
    assert types, f"{path}: a node without a type"
    assert all(t in schema_org.TYPES for t in types), f"{path}: unknown type {types}"
    allowed_on = set().union(*(schema_org.ancestors(t) for t in types))
    count = 0
    for key, values in node.items():
        if key.startswith("@"):
            continue
        name = local(key)
        domain, _is_url = schema_org.PROPERTIES[name]
        assert domain & allowed_on, f"{path}: {name} does not belong on {types}"
        count += 1
        for value in values:
            if "@type" in value:
                count += check_node(value, f"{path}/{name}")
    return count


def count_properties(data) -> int:
    if isinstance(data, list):
        return sum(count_properties(item) for item in data)
    if not isinstance(data, dict):
        return 0
    nested = sum(count_properties(value) for value in data.values())
    typed_children = sum(1 for key in data if not key.startswith("@"))
    return (typed_children if "@type" in data else 0) + nested


@override_settings(PUBLIC_BASE_URL="https://guide.example.org")
@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_each_page_has_json_ld_that_expands_under_schema_org_with_nothing_dropped(
    pages, client, slug
):
    data = json_ld(client.get(f"/conditions/{slug}/").content.decode())
    requested: list[str] = []
    expanded = jsonld.expand(data, {"documentLoader": schema_org.offline_loader(requested)})
    assert requested == ["https://schema.org"]
    [page_node] = expanded
    assert [local(t) for t in page_node["@type"]] == ["MedicalWebPage"]
    # Every key we wrote is a known schema.org property on the right type.
    assert check_node(page_node) == count_properties(data)


@override_settings(PUBLIC_BASE_URL="https://guide.example.org")
@pytest.mark.parametrize("slug", CONDITION_SLUGS)
def test_a_condition_page_is_a_medical_web_page_about_its_condition_with_its_codes(
    pages, client, slug
):
    page = Page.objects.get(language="en", slug=slug)
    data = json_ld(client.get(f"/conditions/{slug}/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["url"] == f"https://guide.example.org/conditions/{slug}/"
    assert data["inLanguage"] == "en"
    assert data["lastReviewed"] == page.last_reviewed.isoformat()
    assert data["reviewedBy"] == {"@type": "Organization", "name": page.reviewer}
    assert data["audience"] == {"@type": "MedicalAudience", "audienceType": "Patient"}
    condition = data["about"]
    assert condition["@type"] == "MedicalCondition"
    assert condition["name"] == page.title
    assert condition["alternateName"]
    codes = {(c["codingSystem"], c["codeValue"]) for c in condition["code"]}
    assert codes == {
        (code.system.schema_org_name, code.code) for code in clinical_codes.codes_for(slug)
    }
    assert ("ICD-10-CM", clinical_codes.main_code(slug, clinical_codes.ICD_10_CM).code) in codes
    assert condition["signOrSymptom"]
    assert all(s["@type"] == "MedicalSignOrSymptom" for s in condition["signOrSymptom"])


def test_the_guide_page_is_a_medical_web_page_linking_to_its_conditions(pages, client):
    data = json_ld(client.get("/conditions/back-pain-and-fever/").content.decode())
    assert data["@type"] == "MedicalWebPage"
    assert data["about"]["name"] == "Back pain with fever"
    assert any(link.endswith("/conditions/sepsis/") for link in data["relatedLink"])


def test_sepsis_lists_its_symptoms_in_short_words(pages, client):
    data = json_ld(client.get("/conditions/sepsis/").content.decode())
    names = [s["name"] for s in data["about"]["signOrSymptom"]]
    assert "A fever of 38 °C (100.4 °F) or higher" in names
    assert "Chills and shivering" in names


def test_symptoms_are_the_top_level_list_items_first_sentence():
    text = "Intro.\n\n- a fever, or feeling hot. Only half have it.\n- call [emergency number]\n"
    assert symptoms(text, "999") == ["A fever, or feeling hot", "Call 999"]


def test_an_editors_text_cannot_end_the_data_block(pages, client):
    page = Page.objects.get(language="en", slug="sepsis")
    page.reviewer = "</script><script>alert(1)</script> & Co"
    page.save()
    html = client.get("/conditions/sepsis/").content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["reviewedBy"]["name"] == page.reviewer


def test_the_data_block_needs_no_nonce_and_the_policy_stays_strict(pages, client):
    response = client.get("/conditions/sepsis/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "nonce-" not in csp and "unsafe-inline" not in csp
    assert '<script type="application/ld+json">' in response.content.decode()
