"""Log lines that cannot be forged: control characters in a message are written escaped.

A request path is chosen by the client. Written raw, ``/x%0A[date] "GET /admin/"``
would start a second, forged line in the access log, and ``%1B[2J`` would clear
the terminal of whoever reads the log. Every character below U+0020, DEL and the
C1 controls are written as ``\\n``, ``\\x1b`` and so on instead.
"""

import logging
import re

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def escape_controls(text: str) -> str:
    return CONTROL_CHARACTERS.sub(lambda match: repr(match.group())[1:-1], text)


class EscapingFormatter(logging.Formatter):
    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = escape_controls(record.message)
        return super().formatMessage(record)
