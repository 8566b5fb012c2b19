"""A request body without a length (chunked) is refused clearly, not read as empty."""

import io
import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

API_BODY = json.dumps({"age_years": 58, "findings": ["fever"]})


def chunked(client: Client, path: str, body: str, content_type: str):
    """What a WSGI server hands Django for a chunked body: no CONTENT_LENGTH."""
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "CONTENT_TYPE": content_type,
        "HTTP_TRANSFER_ENCODING": "chunked",
        "wsgi.input": io.BytesIO(body.encode()),
    }
    return client.request(**environ)


def test_a_chunked_api_request_gets_a_named_411(client):
    response = chunked(client, "/triage/api/assess", API_BODY, "application/json")
    assert response.status_code == 411
    assert response.json()["code"] == "length_required"
    assert "Content-Length" in response.json()["error"]


def test_a_chunked_form_post_gets_a_411_that_says_why(client):
    response = chunked(client, "/check/", "action=next", "application/x-www-form-urlencoded")
    assert response.status_code == 411
    assert "chunked request bodies are not accepted" in response.content.decode()


def test_a_request_with_a_length_is_served_as_before(client):
    response = client.post("/triage/api/assess", API_BODY, content_type="application/json")
    assert response.status_code == 200
