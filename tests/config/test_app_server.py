"""The production app server (`python -m config.serve`, granian) as `make run` starts it.

DEBUG off, the real settings, manifest static files and its own SQLite database
and cache table, on plain http on loopback. A full symptom check by form and by
the JSON API, plus requests with query strings, must show up in the access log
by method and path only, with no client address, and a path cannot forge a line.
"""

import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from config.serve import ACCESS_LOG_FORMAT
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

# A whole access-log line in our format: time, method, path, status, duration.
ACCESS_LINE = re.compile(
    r'\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] "(GET|POST|HEAD) (/[^ ?"]*)" \d{3} \d+\.\dms'
)
FORGED_PATH = '/nope%0A[2026-01-01 00:00:00 +0000] "GET /admin/" 200 1.0ms%1B[2J'


def send_raw(port: int, request: bytes) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(request)
        received = b""
        while chunk := connection.recv(4096):  # "Connection: close": read to the end
            received += chunk
        return received


def wait_for_log_lines(log: Path, needles: tuple[str, ...], seconds: float = 10) -> None:
    """granian logs a request after answering it: give the last lines time to arrive."""
    deadline = time.monotonic() + seconds
    while not all(needle in log.read_text() for needle in needles):
        assert time.monotonic() < deadline, f"{needles} never reached the access log"
        time.sleep(0.05)


# Clients that send a request body slowly: the probe took the site down with 4.
SLOW_CLIENTS = 4
PAGE_REQUEST = b"GET /conditions/sepsis/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"


def page_while_bodies_trickle(port: int, clients: int) -> bytes:
    """A content page asked for while ``clients`` connections have sent only part of a body.

    Each of them holds a Django thread while it waits for the rest; the page must
    still come from another one. b"" when it does not come within send_raw's timeout.
    """
    waiting = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(clients)]
    try:
        for connection in waiting:
            connection.sendall(
                b"POST /es/check/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 1000\r\n\r\nstate="
            )
        # Each reaches the checker (the Spanish one, so the log counts below are the
        # English checker's steps alone) and waits for the rest of its body.
        time.sleep(0.5)
        try:
            return send_raw(port, PAGE_REQUEST)
        except TimeoutError:
            return b""
    finally:
        for connection in waiting:
            connection.close()


@pytest.fixture(scope="module")
def server_run(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = production_env(tmp_path, port) | {"SERVER_PORT": str(port), "SERVER_WORKERS": "1"}
    prepare_site(env)
    access_log, error_log = tmp_path / "access.log", tmp_path / "error.log"
    with access_log.open("w") as stdout, error_log.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "config.serve"], cwd=ROOT, env=env, stdout=stdout, stderr=stderr
        )
        try:
            wait_until_serving(server, port, "granian")
            client = HttpClient(f"http://127.0.0.1:{port}")
            steps_posted = run_checks(client)
            forged = send_raw(
                port,
                f"GET {FORGED_PATH.replace(' ', '%20')} HTTP/1.1\r\n".encode()
                + b"Host: 127.0.0.1\r\nConnection: close\r\n\r\n",
            )
            missing = client.get("/no-such-page/")
            page_beside_slow_clients = page_while_bodies_trickle(port, SLOW_CLIENTS)
            body = b'{"age_years": 58, "findings": ["fever"]}'
            chunked = send_raw(
                port,
                b"POST /triage/api/assess HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                b"Connection: close\r\n\r\n"
                + f"{len(body):x}\r\n".encode()
                + body
                + b"\r\n0\r\n\r\n",
            )
            wait_for_log_lines(access_log, ("/nope", "/no-such-page/"))
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    return SimpleNamespace(
        access=access_log.read_text(),
        errors=error_log.read_text(),
        steps_posted=steps_posted,
        forged=forged,
        missing=missing,
        chunked=chunked,
        page_beside_slow_clients=page_beside_slow_clients,
    )


def test_the_access_log_has_method_and_path_only_for_every_request(server_run):
    access, steps_posted = server_run.access, server_run.steps_posted
    # The forged path is checked on its own below.
    lines = [line for line in access.splitlines() if "/nope" not in line]
    assert lines
    for line in lines:
        assert ACCESS_LINE.fullmatch(line), f"unexpected access-log line: {line!r}"
    requests = [ACCESS_LINE.fullmatch(line).group(1, 2) for line in lines]
    assert requests.count(("POST", "/check/")) == steps_posted
    assert requests.count(("POST", "/triage/api/assess")) == 3  # 2 by JSON, 1 chunked
    assert ("GET", "/search/") in requests


def test_no_answer_query_string_or_client_address_reaches_a_log(server_run):
    access = server_run.access
    logged = access + server_run.errors
    for answer in (*YES, *UNSURE, "pregnant", *QUERY_VALUES, "age="):
        assert answer not in logged
    assert "127.0.0.1" not in access  # the error log names the address it listens on
    # Each access line ends with how long the request took ("93.3ms"), which may hold
    # the same digits as the age by chance: look for the age everywhere else.
    without_durations = re.sub(r" \d+\.\dms$", "", logged, flags=re.MULTILINE)
    assert not re.search(rf"\b{AGE}\b", without_durations)
    assert "%(addr)s" not in ACCESS_LOG_FORMAT


def test_a_path_cannot_forge_a_log_line_or_reach_the_terminal(server_run):
    access, forged = server_run.access, server_run.forged
    assert forged.startswith(b"HTTP/1.1 404")
    assert "\x1b" not in access
    assert sum('"GET /admin/"' in line for line in access.splitlines()) == 1
    assert '/nope\\n[2026-01-01 00:00:00 +0000] "GET /admin/" 200 1.0ms\\x1b[2J"' in access


def test_debug_is_off(server_run):
    missing = server_run.missing
    assert missing.status_code == 404
    assert b"Traceback" not in missing.content
    assert b"DEBUG = True" not in missing.content


def test_a_chunked_body_gets_a_clear_411_through_the_real_server(server_run):
    assert server_run.chunked.startswith(b"HTTP/1.1 411")
    assert b"length_required" in server_run.chunked


def test_a_few_clients_sending_bodies_slowly_do_not_stop_the_site(server_run):
    # One worker here, so its eight Django threads are all there is.
    assert server_run.page_beside_slow_clients.startswith(b"HTTP/1.1 200")
