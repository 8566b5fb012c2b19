"""Parse and check the JSON body of ``POST /triage/api/assess``.

Pure Python, so every kind of bad input can be tested without a server. Each
problem raises :class:`BadRequest` with a stable machine code and a plain
message that names it, as the contract asks; the view turns it into a 400.
"""

import json
from dataclasses import dataclass

from triage.engine import MAX_AGE, MIN_AGE
from triage.vocabulary import FINDINGS

# The largest honest request lists every finding once: well under 4 KB.
MAX_BODY_BYTES = 16 * 1024
MAX_FINDINGS = 200


class BadRequest(ValueError):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class _DuplicateField(ValueError):
    pass


def _object_without_duplicates(pairs: list[tuple[str, object]]) -> dict:
    # json.loads keeps the last of two fields with the same name. Another reader (a
    # proxy, a log checker, the client's own code) may keep the first, and then see an
    # emergency where we saw none, so a body that names a field twice is refused.
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for name, _value in pairs:
            if name in seen:
                raise _DuplicateField(name)
            seen.add(name)
    return found


def _not_a_json_number(constant: str) -> None:
    # json.loads accepts NaN, Infinity and -Infinity, which JSON (RFC 8259) does not have.
    raise ValueError(f"{constant} is not JSON")


# Python refuses to turn a string of more than 4,300 digits into an int (a guard
# against slow conversions), and json.loads then calls the body bad JSON. It is good
# JSON with a number no field accepts, so such a number is read as this one, which
# every check below refuses for what it is: an age out of range, say.
TOO_LONG_INTEGER = 10**100
_MOST_INTEGER_DIGITS = 100


def _integer(digits: str) -> int:
    if len(digits) > _MOST_INTEGER_DIGITS:
        return -TOO_LONG_INTEGER if digits.startswith("-") else TOO_LONG_INTEGER
    return int(digits)


# One decoder for every request, shared by threads as json.loads shares its default
# one: json.loads with these options builds a new decoder each time, which was half
# of the parsing's time.
_DECODER = json.JSONDecoder(
    object_pairs_hook=_object_without_duplicates,
    parse_constant=_not_a_json_number,
    parse_int=_integer,
)


def body_too_large() -> BadRequest:
    """The one refusal for a body over :data:`MAX_BODY_BYTES`, however the size was found."""
    return BadRequest("body_too_large", f"The body is too large (limit {MAX_BODY_BYTES} bytes).")


@dataclass(frozen=True)
class AssessRequest:
    age_years: int
    findings: frozenset[str]
    unsure: frozenset[str]


def _string_list(payload: dict, name: str) -> list[str]:
    value = payload.get(name, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadRequest(f"invalid_{name}", f"'{name}' must be a list of finding codes (strings).")
    if len(value) > MAX_FINDINGS:
        raise BadRequest(f"invalid_{name}", f"'{name}' has too many items.")
    unknown = [code for code in value if code not in FINDINGS]
    if unknown:
        # Each unknown code once, in the order sent.
        listed = ", ".join(repr(code[:60]) for code in list(dict.fromkeys(unknown))[:5])
        raise BadRequest(
            "unknown_finding",
            f"Unknown finding code in '{name}': {listed}. "
            "GET /triage/api/contract lists the codes.",
        )
    return value


def parse_assess_body(body: bytes) -> AssessRequest:
    if len(body) > MAX_BODY_BYTES:
        raise body_too_large()
    if not body.strip():
        raise BadRequest("empty_body", "The body is empty. Send a JSON object.")
    try:
        payload = _DECODER.decode(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("invalid_json", "The body is not valid UTF-8 JSON.") from None
    except _DuplicateField as error:
        name = str(error)[:60]
        raise BadRequest(
            "duplicate_field", f"The body names {name!r} more than once. Send each field once."
        ) from None
    except (ValueError, RecursionError):
        raise BadRequest("invalid_json", "The body is not valid JSON.") from None
    if not isinstance(payload, dict):
        raise BadRequest("not_an_object", 'The body must be a JSON object, like {"age_years": 40}.')

    if "age_years" not in payload:
        raise BadRequest("missing_age", "'age_years' is required.")
    age = payload["age_years"]
    # JSON has one kind of number: 40.0 is the whole number 40, as JSON Schema's "integer"
    # (and so docs/openapi.json) says. 40.5, "40" and true are not whole numbers.
    if isinstance(age, float) and age.is_integer():
        age = int(age)
    # bool is a subclass of int in Python.
    if isinstance(age, bool) or not isinstance(age, int):
        raise BadRequest("invalid_age", "'age_years' must be a whole number (an integer).")
    if not MIN_AGE <= age <= MAX_AGE:
        raise BadRequest("age_out_of_range", f"'age_years' must be from {MIN_AGE} to {MAX_AGE}.")

    findings = _string_list(payload, "findings")
    unsure = _string_list(payload, "unsure")
    missing = [code for code in unsure if code not in findings]
    if missing:
        raise BadRequest(
            "invalid_unsure",
            "Every code in 'unsure' must also be in 'findings' (not sure counts as yes).",
        )
    return AssessRequest(age_years=age, findings=frozenset(findings), unsure=frozenset(unsure))
