"""Run the site as production does, in a subprocess: settings, database, static files, HTTP.

For the tests that start a real server (gunicorn, granian, nginx in front):
production settings on loopback with a throwaway SQLite database, and a client
with the little of Django's test client that the checker driver needs.
"""

import json
import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import urlencode

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


class HttpClient:
    """The little of Django's test client that the checker driver uses, over real HTTP."""

    def __init__(self, base_url: str, tls: ssl.SSLContext | None = None):
        self.base_url = base_url
        self.tls = tls  # for https with a test's own certificate

    # Requests go only to the 127.0.0.1 base a test builds.
    def get(self, path: str, headers: dict | None = None):
        request = urllib.request.Request(self.base_url + path, headers=headers or {})  # noqa: S310
        return self._send(request)

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

    def _send(self, request):
        try:
            with urllib.request.urlopen(request, timeout=10, context=self.tls) as response:  # noqa: S310
                return Response(response.status, response.read(), response.headers)
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read(), error.headers)


@dataclass
class Response:
    status_code: int
    content: bytes
    headers: Message = field(default_factory=Message)


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS}")


def production_env(tmp_path: Path, port: int, extra_settings: str = "") -> dict:
    """Production settings on plain http, with a throwaway database, static files and key.

    ``extra_settings`` is Python appended to the settings module, for a test's own changes.
    """
    # The real settings; only collectstatic's target moves out of the work tree.
    static_root = tmp_path / "static"
    (tmp_path / "site_settings.py").write_text(
        f"from config.settings import *  # noqa: F403\nSTATIC_ROOT = {str(static_root)!r}\n"
        + extra_settings
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
    subprocess.run([sys.executable, "manage.py", "createcachetable"], env=env, cwd=ROOT, check=True)


def wait_until_serving(server: subprocess.Popen, port: int, name: str = "the server") -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        assert server.poll() is None, f"{name} exited during startup"
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"{name} did not start listening on port {port} within 15 s")


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
