"""Generated bad input for the JSON API and every checker step: never a 500.

Together these run more than 10,000 generated cases. Each asserts the server
answers with a clear 400 (API: a JSON error naming the problem; checker: the
form again with a plain message) or a normal page, and never an error page.
"""

import json
import string

import pytest
from django.core import signing
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.checker import Checker
from triage.flow import ANSWERS, STEPS, CheckState
from triage.views import STATE_SALT
from triage.vocabulary import FINDINGS

pytestmark = pytest.mark.django_db

FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)
CODES = sorted(FINDINGS)
API = "/triage/api/assess"

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner, max_size=5)
    ),
    max_leaves=20,
)
ages = st.integers(-1000, 1000) | json_values
finding_lists = st.lists(st.sampled_from(CODES) | st.text(max_size=20) | json_scalars, max_size=60)
payloads = st.fixed_dictionaries(
    {},
    optional={
        "age_years": ages,
        "findings": finding_lists | json_values,
        "unsure": finding_lists | json_values,
        "extra": json_values,
    },
)


def assert_api_answer(response) -> None:
    assert response.status_code in (200, 400), response.status_code
    body = response.json()
    if response.status_code == 400:
        assert isinstance(body["error"], str) and body["error"]
        assert body["code"]
    else:
        assert body["level"] in ("emergency", "urgent", "soon", "routine", "self_care")
        assert body["reasons"] and body["safety_net"] and body["advice"]


@settings(FUZZ, max_examples=2500)
@given(body=st.binary(max_size=3000))
def test_api_survives_random_bytes(pages, client, body):
    assert_api_answer(client.post(API, data=body, content_type="application/json"))


@settings(FUZZ, max_examples=3000)
@given(payload=payloads)
def test_api_survives_random_json_shapes(pages, client, payload):
    body = json.dumps(payload, allow_nan=True)
    assert_api_answer(client.post(API, data=body, content_type="application/json"))


@settings(FUZZ, max_examples=1000)
@given(
    age=st.integers(0, 120),
    findings=st.lists(st.sampled_from(CODES), unique=True),
    content_type=st.sampled_from(
        [
            "application/json",
            "text/plain",
            "application/x-www-form-urlencoded",
            "",
            "application/json; charset=latin-1",
        ]
    ),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
)
def test_api_valid_answers_in_any_encoding_or_content_type(
    pages, client, age, findings, content_type, encoding
):
    body = json.dumps({"age_years": age, "findings": findings}).encode(encoding)
    # generic() sends the bytes as they are, like a real client; post() would re-encode them.
    response = client.generic("POST", API, data=body, content_type=content_type)
    assert_api_answer(response)
    if encoding == "utf-8":
        assert response.status_code == 200


@settings(FUZZ, max_examples=200)
@given(method=st.sampled_from(["get", "put", "patch", "delete", "head", "options"]))
def test_api_wrong_methods_are_refused(client, method):
    response = getattr(client, method)(API)
    assert response.status_code == 405


# --- The checker ------------------------------------------------------------------------

form_values = st.text(alphabet=string.printable + "éü☃\u200b", max_size=40) | st.sampled_from(
    [*ANSWERS, "", "on", "-1", "999", "40", "4e1", "NaN", "0x20"]
)
field_names = st.sampled_from(["age", "signs", "none", "action", *CODES]) | st.text(max_size=12)
actions = st.sampled_from(["next", "back", "restart", "", "finish"]) | st.builds(
    "change:{}".format, st.sampled_from([*STEPS, "", "../admin"]) | st.text(max_size=10)
)


def signed(data) -> str:
    return signing.dumps(data, salt=STATE_SALT, compress=True)


valid_states = st.builds(
    lambda step, age, answers, done, reviewing: CheckState(
        step, age, answers, tuple(done), reviewing
    ),
    step=st.sampled_from(list(STEPS)),
    age=st.integers(0, 120),
    answers=st.dictionaries(st.sampled_from(CODES), st.sampled_from(ANSWERS)),
    done=st.lists(st.sampled_from(list(STEPS)), unique=True),
    reviewing=st.booleans(),
)
tampered_states = (
    st.text(max_size=200)
    | st.builds(signed, json_values)
    | valid_states.map(lambda state: signed(state.as_data())[:-3] + "abc")
    | st.builds(
        lambda data: signed({**data, "s": "result"}),
        st.dictionaries(st.text(max_size=3), json_values),
    )
)


def assert_checker_answer(response) -> None:
    assert response.status_code in (200, 400), response.status_code
    html = response.content.decode()
    assert 'id="checker"' in html
    if response.status_code == 400:
        assert "started again" in html


@settings(FUZZ, max_examples=2000)
@given(
    state=valid_states,
    action=actions,
    fields=st.dictionaries(
        field_names, form_values | st.lists(form_values, max_size=5), max_size=12
    ),
)
def test_every_checker_step_survives_random_form_data(pages, client, state, action, fields):
    response = client.post(
        "/check/", {"state": signed(state.as_data()), "action": action, **fields}
    )
    assert_checker_answer(response)


@settings(FUZZ, max_examples=1000)
@given(
    state=tampered_states,
    fields=st.dictionaries(field_names, form_values, max_size=6),
    htmx=st.booleans(),
)
def test_tampered_checker_state_restarts_with_a_message(pages, client, state, fields, htmx):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    response = client.post("/check/", {"state": state, **fields}, **headers)
    assert_checker_answer(response)


@settings(FUZZ, max_examples=300)
@given(
    age=st.integers(0, 120),
    yes=st.sets(st.sampled_from(CODES)),
    unsure=st.sets(st.sampled_from(CODES)),
)
def test_any_honest_path_through_the_checker_reaches_a_result(pages, client, age, yes, unsure):
    checker = Checker(client).run(age=age, yes=yes, unsure=unsure - yes)
    assert checker.step == "result"
