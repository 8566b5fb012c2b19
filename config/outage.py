"""What the site does while its database is down or locked.

The checker and the API need no database: the rules are code. Only their page
links do, and those fall back to the shipped pages (education/shipped_pages.py)
through ``database_unavailable``, which also makes sure that:

- the stand-in response is kept by no cache, so the real one comes back as soon
  as the database does;
- the broken connection is dropped, so the next query connects afresh. Django
  keeps a connection for CONN_MAX_AGE seconds and, for SQLite, trusts it
  without a check; a connection to a file that was replaced or emptied would
  otherwise keep failing after the file is back.

Pages that are nothing without the database (the explanation pages, search)
get a short 503 page that still gives the emergency number and points to the
checker; the API gets a JSON 503. Nothing here logs a request's path or query.
"""

import contextlib
import contextvars
import logging

from django.db import Error as DatabaseError
from django.db import connections
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

from config.errors import render_bare_page
from config.json_response import json_response

logger = logging.getLogger(__name__)

# Seconds a client is asked to wait before trying again.
RETRY_AFTER_SECONDS = 30
API_PATH_PREFIX = "/triage/api/"

_stood_in = contextvars.ContextVar("database_stood_in", default=False)


def database_unavailable(error: DatabaseError, using: str = "default") -> None:
    """Note that this request answers without the database, and drop the broken connection."""
    logger.warning("Database unavailable, answering without it: %s", error)
    _stood_in.set(True)
    connection = connections[using]
    if not connection.in_atomic_block:
        with contextlib.suppress(DatabaseError):  # a dead connection may fail to close cleanly
            connection.close()


class DatabaseOutageMiddleware:
    """Marks stand-in responses uncacheable, and answers 503 when a view needed the database."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _stood_in.set(False)
        try:
            response = self.get_response(request)
            if _stood_in.get():
                add_never_cache_headers(response)
            return response
        finally:
            _stood_in.reset(token)

    def process_exception(self, request: HttpRequest, exception: Exception):
        if not isinstance(exception, DatabaseError):
            return None
        database_unavailable(exception)
        if request.path.startswith(API_PATH_PREFIX):
            response = json_response(
                {"error": "Temporarily unavailable. Try again shortly.", "code": "unavailable"},
                status=503,
            )
        else:
            response = render_bare_page(request, "503.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
