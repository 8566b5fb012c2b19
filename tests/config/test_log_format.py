"""Log lines cannot be forged or reach the terminal: control characters are written escaped."""

import importlib.util
import logging
from pathlib import Path

import pytest
from django.conf import settings

from config.log_format import EscapingFormatter, escape_controls

ROOT = Path(__file__).resolve().parents[2]


def gunicorn_conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "config/gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record(message: str, *args) -> logging.LogRecord:
    return logging.LogRecord("test", logging.WARNING, __file__, 1, message, args, None)


@pytest.mark.parametrize(
    "raw,written",
    [
        ("/nope\n[date] forged", "/nope\\n[date] forged"),
        ("/x\r\n", "/x\\r\\n"),
        ("/x\x1b[2J", "/x\\x1b[2J"),
        ("/x\x00\x7f\x9b", "/x\\x00\\x7f\\x9b"),
        ("/conditions/sepsis/", "/conditions/sepsis/"),
        ("/naïve/ü", "/naïve/ü"),
    ],
)
def test_control_characters_are_escaped_and_nothing_else(raw, written):
    assert escape_controls(raw) == written


def test_the_formatter_escapes_the_message_with_its_arguments():
    line = EscapingFormatter("%(message)s").format(record("Not Found: %s", "/a\nb"))
    assert line == "Not Found: /a\\nb"


def test_django_s_own_log_lines_use_the_escaping_formatter():
    console = settings.LOGGING["handlers"]["console"]
    formatter = settings.LOGGING["formatters"][console["formatter"]]
    assert formatter["()"] == "config.log_format.EscapingFormatter"


def test_gunicorn_s_access_and_error_logs_escape_paths_too():
    entry = record('"GET %s" 404', "/nope\n[date] \x1b[2J")
    assert gunicorn_conf().escape_control_characters(entry)
    assert entry.getMessage() == '"GET /nope\\n[date] \\x1b[2J" 404'


def test_granian_s_logs_use_the_escaping_formatter():
    from config.serve import LOGGING

    for formatter in LOGGING["formatters"].values():
        assert formatter["()"] == "config.log_format.EscapingFormatter"
