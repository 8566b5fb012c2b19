"""Real gunicorn with config/gunicorn.conf.py logs each request, and never a person's answers.

The server runs as in production (DEBUG off, the conf file, manifest static
files), on plain http on loopback, with its own SQLite database. A full symptom
check by form and by the JSON API, plus requests with query strings, must show
up in the access log by method and path only.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.support.checker import Checker

ROOT = Path(__file__).resolve().parents[2]
# The team's convention for servers started by hand or by tools: 8000 is
# `make run`, live-server tests take random ports, 8100-8199 is ours.
PORTS = range(8100, 8200)

# Distinctive answers: none of them may appear in any log line.
AGE = 93
YES = {"injects_drugs", "recent_spinal_procedure", "back_pain", "night_pain", "limb_numbness"}
UNSURE = {"fever"}
QUERY_VALUES = ("quokkaquery", "pangolin-fever", "zebrafinding", "wombatline")
# A whole access-log line in our format: time, method, path, status, bytes, duration.
ACCESS_LINE = re.compile(
    r'\[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}\] "(GET|POST) (/[^ ?"]*)" \d{3} \d+ \d+ms'
)


class HttpClient:
    """The little of Django's test client that the checker driver uses, over real HTTP."""

    def __init__(self, base_url: str):
        self.base_url = base_url

    # Requests go only to the http://127.0.0.1 base this test builds.
    def get(self, path: str):
        return self._send(urllib.request.Request(self.base_url + path))  # noqa: S310

    def post(self, path: str, data: dict | bytes, content_type: str = ""):
        if isinstance(data, dict):
            body = urlencode(data, doseq=True).encode()
            content_type = "application/x-www-form-urlencoded"
        else:
            body = data
        request = urllib.request.Request(  # noqa: S310
            self.base_url + path, data=body, headers={"Content-Type": content_type}
        )
        return self._send(request)

    @staticmethod
    def _send(request):
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                return Response(response.status, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read())


class Response:
    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def production_env(tmp_path: Path, port: int) -> dict:
    """Production settings on plain http, with a throwaway database, static files and key."""
    # The real settings; only collectstatic's target moves out of the work tree.
    static_root = tmp_path / "static"
    (tmp_path / "site_settings.py").write_text(
        f"from config.settings import *  # noqa: F403\nSTATIC_ROOT = {str(static_root)!r}\n"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return env | {
        "DJANGO_SETTINGS_MODULE": "site_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SECRET_KEY": "access-log-test-" + os.urandom(24).hex(),
        "DJANGO_HTTPS": "false",
        "SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
    }


def prepare_site(env: dict) -> None:
    setup = (
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); call_command('load_content', verbosity=0); "
        "call_command('collectstatic', interactive=False, verbosity=0)"
    )
    subprocess.run([sys.executable, "-c", setup], env=env, cwd=ROOT, check=True)  # noqa: S603


def wait_until_serving(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn exited during startup"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError("gunicorn did not start listening within 15 s")


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
            wait_until_serving(server, port)
            steps_posted = run_checks(HttpClient(f"http://127.0.0.1:{port}"))
            send_a_malformed_request_line(port)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
    return access_log.read_text(), error_log.read_text(), steps_posted


def run_checks(client: HttpClient) -> int:
    """Two full checks by form, the API, and query strings; returns how many steps were posted."""
    form = Checker(client).run(age=AGE, yes=YES, unsure=UNSURE)
    assert form.step == "result" and form.status == 200
    assert "review" in form.history and "health" in form.history
    # Pregnancy is only asked from 12 to 55: a second check walks that step too.
    young = Checker(client).run(age=30, yes={"pregnant"})
    assert "pregnancy" in young.history and young.step == "result"

    api = client.post(
        "/triage/api/assess",
        json.dumps(
            {"age_years": AGE, "findings": sorted(YES | UNSURE), "unsure": sorted(UNSURE)}
        ).encode(),
        "application/json",
    )
    assert api.status_code == 200 and json.loads(api.content)["level"]
    bad = client.post(
        "/triage/api/assess",
        b'{"age_years": "93", "findings": ["limb_numbness"]}',
        "application/json",
    )
    assert bad.status_code == 400

    assert client.get(f"/search/?q={QUERY_VALUES[0]}").status_code == 200
    assert client.get(f"/check/?age={AGE}&fever={QUERY_VALUES[1]}").status_code == 200
    assert client.get(f"/conditions/sepsis/?finding={QUERY_VALUES[2]}").status_code == 200
    # Each check's history holds the opening GET and then one entry per POST.
    return len(form.history) - 1 + len(young.history) - 1


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
