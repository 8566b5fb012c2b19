"""Real gunicorn with config/gunicorn.conf.py logs each request, and never a person's answers.

The server runs as in production (DEBUG off, the conf file, manifest static
files), on plain http on loopback, with its own SQLite database. A full symptom
check by form and by the JSON API, plus requests with query strings, must show
up in the access log by method and path only.
"""

import re
import signal
import socket
import subprocess
import sys

import pytest

from tests.support.production_site import (
    AGE,
    QUERY_VALUES,
    ROOT,
    UNSURE,
    YES,
    HttpClient,
    free_port,
    prepare_site,
    production_env,
    run_checks,
    wait_until_serving,
)

# A whole access-log line in our format: time, method, path, status, bytes, duration.
ACCESS_LINE = re.compile(
    r'\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "(GET|POST) (/[^ ?"]*)" \d{3} \d+ \d+ms'
)


@pytest.fixture(scope="module")
def gunicorn_run(tmp_path_factory):
    """Run the checks against real gunicorn: its access log, error log and the steps posted."""
    tmp_path = tmp_path_factory.mktemp("gunicorn")
    port = free_port()
    env = production_env(tmp_path, port)
    prepare_site(env)
    access_log, error_log = tmp_path / "access.log", tmp_path / "error.log"
    with access_log.open("w") as stdout, error_log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=stdout,
            stderr=stderr,
        )
        try:
            wait_until_serving(server, port, "gunicorn")
            steps_posted = run_checks(HttpClient(f"http://127.0.0.1:{port}"))
            send_a_malformed_request_line(port)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    return access_log.read_text(), error_log.read_text(), steps_posted


def send_a_malformed_request_line(port: int) -> None:
    """gunicorn quotes a request line it cannot parse in its error log, query string and all."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(f"GET /check/?age={AGE}&note={QUERY_VALUES[3]}\r\n\r\n".encode())
        assert connection.recv(100).startswith(b"HTTP/1.1 400")


def test_every_request_of_a_check_is_in_the_access_log_by_method_and_path_only(gunicorn_run):
    access, _errors, steps_posted = gunicorn_run
    lines = access.splitlines()
    assert lines
    for line in lines:
        assert ACCESS_LINE.fullmatch(line), f"unexpected access-log line: {line!r}"
    requests = [ACCESS_LINE.fullmatch(line).group(1, 2) for line in lines]
    assert requests.count(("POST", "/check/")) == steps_posted
    assert requests.count(("POST", "/triage/api/assess")) == 2
    assert ("GET", "/search/") in requests
    assert ("GET", "/conditions/sepsis/") in requests
    assert requests.count(("GET", "/check/")) == 3


def test_no_answer_or_query_string_reaches_the_access_or_error_log(gunicorn_run):
    access, errors, _steps = gunicorn_run
    assert "Invalid HTTP request line: 'GET /check/ [query string removed]'" in errors
    logged = access + errors
    for answer in (*YES, *UNSURE, "pregnant", *QUERY_VALUES, "age=", "?"):
        assert answer not in logged
    assert not re.search(rf"\b{AGE}\b", logged)
