"""docs/openapi.json: a valid OpenAPI 3.1 document that matches the API exactly.

A validator checks the document; schemathesis drives the running API (in-process,
through Django's WSGI handler) from the document and checks every answer against
it: no 500, every status, header and body as described, bad input refused, good
input accepted, other methods answered 405. Drift tests tie every enum to the code.
"""

import json
import re
from pathlib import Path

import pytest
import schemathesis
from django.conf import settings
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import Client
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from openapi_spec_validator import validate
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup

from triage.vocabulary import (
    ALL_SCREENS,
    CARE_SETTINGS,
    CONDITIONS,
    FINDING_KINDS,
    FINDINGS,
    LEVELS,
)

DOCUMENT_PATH = Path(settings.BASE_DIR) / "docs" / "openapi.json"
DOCUMENT = json.loads(DOCUMENT_PATH.read_text(encoding="utf-8"))
SCHEMAS = DOCUMENT["components"]["schemas"]
URL = "/triage/api/openapi.json"

# Bounded so the whole run stays well under a minute; a fixed seed keeps CI repeatable
# (a failure prints the request that reproduces it).
SCHEMATHESIS_CONFIG = {"seed": 20261123, "generation": {"max-examples": 60}}


def enum(name: str) -> list[str]:
    return SCHEMAS[name]["enum"]


# --- The document ------------------------------------------------------------------------


def test_the_document_is_valid_openapi_3_1():
    assert DOCUMENT["openapi"].startswith("3.1.")
    validate(DOCUMENT)  # raises on any error


def test_the_site_serves_the_document_kept_in_the_repository(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == DOCUMENT_PATH.read_bytes()
    assert "public" in response["Cache-Control"]


def routes(patterns, prefix: str = "") -> set[str]:
    """Every URL route of the site, as written in the URLconfs."""
    found = set()
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found |= routes(pattern.url_patterns, route)
        else:
            found.add("/" + route)
    return found


def test_every_api_endpoint_is_described_and_nothing_else():
    api = {route for route in routes(get_resolver().url_patterns) if "/api/" in route}
    assert api == set(DOCUMENT["paths"])


def test_finding_codes_match_the_vocabulary():
    # If this fails, a finding was added to or renamed in triage/vocabulary.py:
    # update FindingCode in docs/openapi.json (and docs/triage-contract.md).
    assert enum("FindingCode") == list(FINDINGS)


def test_levels_pages_places_kinds_and_topics_match_the_vocabulary():
    assert enum("Level") == list(LEVELS)
    assert enum("ConditionSlug") == list(CONDITIONS)
    assert enum("CareSetting") == list(CARE_SETTINGS)
    finding = SCHEMAS["Contract"]["properties"]["findings"]["items"]["properties"]
    assert finding["kind"]["enum"] == list(FINDING_KINDS)
    assert finding["topic"]["enum"] == [screen.key for screen in ALL_SCREENS]


def test_error_codes_match_the_codes_the_code_can_send():
    sources = "".join(
        (Path(settings.BASE_DIR) / "triage" / name).read_text()
        for name in ("api_input.py", "views.py")
    )
    literal = set(re.findall(r'(?:BadRequest|_api_error)\(\s*"([a-z_]+)"', sources))
    # api_input builds "invalid_findings" and "invalid_unsure" from the field name.
    built = {f"invalid_{name}" for name in re.findall(r'_string_list\(payload, "(\w+)"\)', sources)}
    # config/outage.py answers the API's requests while the database is down.
    outage = (Path(settings.BASE_DIR) / "config" / "outage.py").read_text()
    unavailable = set(re.findall(r'"code": "([a-z_]+)"', outage))
    assert literal | built | unavailable == set(enum("ErrorCode"))


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "invalid_json"),
        (b"\xff\xfe", "invalid_json"),
        (b"", "empty_body"),
        (b"[1]", "not_an_object"),
        (b"{}", "missing_age"),
        (b'{"age_years": 40.5}', "invalid_age"),
        (b'{"age_years": -1}', "age_out_of_range"),
        (b'{"age_years": 40, "findings": ["sneezing"]}', "unknown_finding"),
        (b'{"age_years": 40, "findings": "fever"}', "invalid_findings"),
        (b'{"age_years": 40, "unsure": ["fever"]}', "invalid_unsure"),
        (b'{"age_years": 40, "findings": []}' + b" " * 17_000, "body_too_large"),
    ],
)
def test_each_documented_400_code_is_what_the_api_sends(client, db, body, code):
    response = client.post("/triage/api/assess", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert code in enum("ErrorCode")


def test_other_methods_get_a_json_405_not_a_csrf_403():
    # A real client has no CSRF cookie: enforce the checks, as curl or another server meets them.
    client = Client(enforce_csrf_checks=True)
    for path, refused, allowed in [
        ("/triage/api/assess", "get", "POST"),
        ("/triage/api/contract", "post", "GET, HEAD"),
        ("/triage/api/rules", "put", "GET, HEAD"),
        (URL, "delete", "GET, HEAD"),
    ]:
        response = getattr(client, refused)(path)
        assert response.status_code == 405, path
        assert response["Allow"] == allowed
        assert response.json()["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("method", "path", "schema_name", "body"),
    [
        ("post", "/triage/api/assess", "Assessment", {"age_years": 30, "findings": ["fever"]}),
        ("get", "/triage/api/contract", "Contract", None),
        ("get", "/triage/api/rules", "RuleBook", None),
    ],
)
def test_responses_carry_exactly_the_documented_members(
    pages, client, method, path, schema_name, body
):
    # The document lets clients ignore members added later (the contract may grow), so
    # this test is what catches a member the code added but the document does not name.
    if body is None:
        response = client.get(path)
    else:
        response = client.post(path, data=json.dumps(body), content_type="application/json")
    data = response.json()
    schema = SCHEMAS[schema_name]
    assert set(data) == set(schema["properties"]) == set(schema["required"])


# --- Schemathesis drives the API from the document ---------------------------------------

# Loaded from the file (which the site serves byte for byte, tested above): loading from
# the site's own URL would leave that URL's operation out of the run.
SCHEMA = schemathesis.openapi.from_path(
    DOCUMENT_PATH, config=SchemathesisConfig.from_dict(SCHEMATHESIS_CONFIG)
)
SCHEMA.app = WSGIHandler()  # requests go straight into Django, in this process


@SCHEMA.hook
def map_case(context, case):
    """Keep generated "valid" requests valid where JSON Schema cannot say it.

    ``unsure`` codes must also be in ``findings``: a subset rule between two arrays that
    JSON Schema has no keyword for (the document says it in words). Schema-valid bodies
    that break it are made to follow it, so a 400 for them is not taken for a bug;
    requests meant to be invalid are left alone.
    """
    body = case.body
    meta = case.meta
    if meta is not None and meta.generation.mode.is_positive and isinstance(body, dict):
        findings, unsure = body.get("findings", []), body.get("unsure")
        if isinstance(findings, list) and isinstance(unsure, list):
            body["unsure"] = [code for code in unsure if code in findings]
    return case


@pytest.fixture
def in_process_requests():
    """Keep the test's database connection open across in-process WSGI requests.

    A real request closes the database connection when it finishes; inside a test
    that would close the test's own transaction (PostgreSQL then answers "the
    connection is closed"). Django's test client unhooks the same signal handler.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@SCHEMA.parametrize()
@hypothesis_settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_api_answers_as_documented(case, pages, in_process_requests):
    case.call_and_validate()


def test_schemathesis_catches_an_answer_that_breaks_the_document(pages, in_process_requests):
    # Proof that the run above can fail: against a document that leaves out "urgent",
    # an urgent answer must be reported as breaking the schema.
    broken = json.loads(json.dumps(DOCUMENT))
    broken["components"]["schemas"]["Level"]["enum"].remove("urgent")
    schema = schemathesis.openapi.from_dict(broken)
    schema.app = WSGIHandler()
    case = schema["/triage/api/assess"]["POST"].Case(
        body={"age_years": 40, "findings": ["fever", "flank_pain"]}
    )
    with pytest.raises(FailureGroup, match="Response violates schema"):
        case.call_and_validate()
