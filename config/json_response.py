"""JSON responses, encoded with orjson instead of Django's ``JsonResponse``.

Every JSON answer the site sends (the checker's API, its errors, Infobutton's JSON
feed) is built here. For the API's answers ``JsonResponse`` (``json.dumps`` through
``DjangoJSONEncoder``) took 12 of the 60 microseconds its view spends on an
answer; orjson builds the same response in under 3 (docs/benchmarks.md). The
bytes are compact UTF-8 where ``json.dumps`` wrote spaces and ``\\u`` escapes:
the same JSON to any parser, and shorter in Spanish.
"""

import orjson
from django.http import HttpResponse
from django.utils.functional import Promise


def _lazy_text(value: object) -> str:
    # A lazily translated text (gettext_lazy) is text once the language is known, as
    # DjangoJSONEncoder treats it. Anything else unknown is a bug, not something to guess.
    if isinstance(value, Promise):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def json_response(data: object, *, status: int = 200) -> HttpResponse:
    """``data`` as an ``application/json`` response."""
    return HttpResponse(
        orjson.dumps(data, default=_lazy_text), status=status, content_type="application/json"
    )
