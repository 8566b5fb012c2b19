import json

import pytest

from triage.api_input import MAX_BODY_BYTES, BadRequest, parse_assess_body


def parse(payload) -> object:
    return parse_assess_body(json.dumps(payload).encode())


def error_code(body: bytes) -> str:
    with pytest.raises(BadRequest) as caught:
        parse_assess_body(body)
    return caught.value.code


def test_a_valid_body_parses():
    parsed = parse({"age_years": 58, "findings": ["fever", "back_pain"]})
    assert parsed.age_years == 58
    assert parsed.findings == {"fever", "back_pain"}
    assert parsed.unsure == frozenset()


@pytest.mark.parametrize(("written", "age"), [(b"40.0", 40), (b"1e2", 100), (b"0.0", 0)])
def test_a_whole_number_written_with_a_decimal_point_is_that_age(written, age):
    # JSON has one kind of number; JSON Schema (and docs/openapi.json) calls 40.0 an integer.
    assert parse_assess_body(b'{"age_years": ' + written + b"}").age_years == age


def test_findings_may_be_left_out_meaning_none():
    assert parse({"age_years": 30}).findings == frozenset()


def test_unsure_codes_are_accepted_when_also_in_findings():
    assert parse({"age_years": 30, "findings": ["fever"], "unsure": ["fever"]}).unsure == {"fever"}


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"", "empty_body"),
        (b"not json", "invalid_json"),
        (b"\xff\xfe\x00", "invalid_json"),
        (b"[" * 5000, "invalid_json"),
        (b"[1, 2]", "not_an_object"),
        (b'"text"', "not_an_object"),
        (b"null", "not_an_object"),
        (b'{"findings": []}', "missing_age"),
        (b'{"age_years": "40"}', "invalid_age"),
        (b'{"age_years": 40.5}', "invalid_age"),
        (b'{"age_years": 1e400}', "invalid_age"),
        (b'{"age_years": true}', "invalid_age"),
        (b'{"age_years": null}', "invalid_age"),
        (b'{"age_years": -1}', "age_out_of_range"),
        (b'{"age_years": 121}', "age_out_of_range"),
        # More digits than Python turns into an int: still JSON, still out of range.
        (b'{"age_years": 1' + b"0" * 5000 + b"}", "age_out_of_range"),
        (b'{"age_years": -1' + b"0" * 5000 + b"}", "age_out_of_range"),
        (b'{"age_years": 40, "findings": [1' + b"0" * 5000 + b"]}", "invalid_findings"),
        (b'{"age_years": 40, "findings": ["fever", "flu"]}', "unknown_finding"),
        (b'{"age_years": 40, "findings": "fever"}', "invalid_findings"),
        (b'{"age_years": 40, "findings": [1, 2]}', "invalid_findings"),
        (b'{"age_years": 40, "findings": [["fever"]]}', "invalid_findings"),
        (b'{"age_years": 40, "findings": null}', "invalid_findings"),
        (b'{"age_years": 40, "findings": [], "unsure": ["fever"]}', "invalid_unsure"),
        (b'{"age_years": 40, "unsure": "fever"}', "invalid_unsure"),
        # Another reader might keep the first "findings", and see an emergency.
        (b'{"age_years": 40, "findings": ["confusion"], "findings": []}', "duplicate_field"),
        (b'{"age_years": 10, "age_years": 40}', "duplicate_field"),
        (b'{"age_years": 40, "x": {"a": 1, "a": 2}}', "duplicate_field"),
        # Python's json module reads these; JSON has no such numbers.
        (b'{"age_years": 40, "x": NaN}', "invalid_json"),
        (b'{"age_years": Infinity}', "invalid_json"),
        (b'{"age_years": 40, "x": [-Infinity]}', "invalid_json"),
    ],
)
def test_bad_input_is_named(body, code):
    assert error_code(body) == code


def test_a_field_named_twice_is_named_in_the_message():
    with pytest.raises(BadRequest, match="'findings' more than once"):
        parse_assess_body(b'{"age_years": 40, "findings": ["confusion"], "findings": []}')


def test_an_oversized_body_is_refused_before_parsing():
    assert error_code(b" " * (MAX_BODY_BYTES + 1)) == "body_too_large"


def test_a_huge_finding_list_is_refused():
    assert error_code(json.dumps({"age_years": 40, "findings": ["fever"] * 500}).encode()) in {
        "invalid_findings",
        "body_too_large",
    }


def test_the_unknown_code_is_named_in_the_message():
    with pytest.raises(BadRequest, match="'flu'"):
        parse({"age_years": 40, "findings": ["flu"]})
