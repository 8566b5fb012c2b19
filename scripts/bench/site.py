"""The throwaway site the benchmark measures, its two app servers, and the requests it sends.

Production settings with DEBUG off and a fresh SQLite database in a temporary
folder, plus the bench-only "floor" view (scripts/bench/urls.py). Each
request is sent once and checked before it is measured; the checker is walked
with the same reader as the tests' driver (triage/checker_markup.py).
"""

import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from scripts.bench.processes import HOST, Processes
from triage.checker_markup import answers_for, read_page

ROOT = Path(__file__).resolve().parents[2]
CONDITION_PAGE = "/conditions/sepsis/"
# The trivial view of scripts/bench/urls.py.
FLOOR_PATH = "/bench/floor/"
# The age step: 60 is past the pregnancy question, so Continue leads to the warning signs.
AGE_STEP_AGE, AGE_STEP_NEXT = "60", "red_flags"
API_PATH = "/triage/api/assess"
API_BODY = json.dumps({"age_years": 58, "findings": ["fever", "back_pain", "limb_weakness"]})
# A whole check with a clear result: fever and back pain after spine surgery.
RESULT_AGE, RESULT_YES = "58", {"fever", "back_pain", "recent_spinal_procedure"}


def environment(work: Path, port: int) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return env | {
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "scripts.bench.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        # Plain http on loopback; through the proxy the app sees X-Forwarded-Proto.
        "DJANGO_HTTPS": "false",
        "SQLITE_PATH": str(work / "db.sqlite3"),
        "GUNICORN_BIND": f"{HOST}:{port}",
        "SERVER_HOST": HOST,
        "SERVER_PORT": str(port),
    }


def prepare(procs: Processes, env: dict) -> None:
    for command in (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["createcachetable"],
        ["load_content", "--verbosity", "0"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        procs.run([sys.executable, "manage.py", *command], timeout=300, env=env, cwd=ROOT)


# The two servers compared, each as shipped.
APP_SERVERS = {
    "gunicorn": [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
    "granian": [sys.executable, "-m", "config.serve"],
}


def server_shape(name: str, env: dict) -> str:
    """Workers and threads, as each server's settings file resolves them here."""
    if name == "gunicorn":
        code = (
            "import json, runpy; c = runpy.run_path('config/gunicorn.conf.py'); "
            "print(json.dumps([c['worker_class'], c['workers'], c['threads']]))"
        )
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, check=True
        )
        kind, workers, threads = json.loads(done.stdout)
        return f"{kind} workers × {workers}" + (f", {threads} threads" if threads > 1 else "")
    code = "from config.serve import server; s = server(); print(s.workers, s.blocking_threads)"
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    workers, threads = done.stdout.split()
    return f"{workers} workers × {threads} Django threads"


@dataclass
class Page:
    status: int
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(url: str, data: bytes | None = None, content_type: str = "") -> Page:
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return Page(response.status, response.read())
    except urllib.error.HTTPError as error:
        return Page(error.code, error.read())


def post_form(base: str, state: str, answers: dict) -> Page:
    body = urlencode({"state": state, "action": "next", **answers}, doseq=True).encode()
    return fetch(f"{base}/check/", body, "application/x-www-form-urlencoded")


def walk_to_result(base: str) -> Page:
    """A whole check by form, as a person without JavaScript would send it."""
    page = fetch(f"{base}/check/")
    for _ in range(20):
        step, state = read_page(page.text)
        if step == "result":
            return page
        answers = {"age": RESULT_AGE} if step == "age" else answers_for(step, RESULT_YES)
        page = post_form(base, state, answers)
        if page.status != 200 or read_page(page.text)[0] == step:
            raise SystemExit(f"the checker did not move on from {step!r}: {page.text[:300]}")
    raise SystemExit("the checker never reached a result")


@dataclass(frozen=True)
class Target:
    """One request to measure: what to send, and text every good answer contains."""

    name: str
    path: str
    expected: str
    body: str = ""
    content_type: str = ""

    @property
    def method(self) -> str:
        return "POST" if self.body else "GET"


def targets(base: str) -> dict[str, Target]:
    """The floor, a content page, a checker step and the API, each checked once first."""
    start = fetch(f"{base}/check/")
    _step, state = read_page(start.text)
    form = urlencode({"state": state, "action": "next", "age": AGE_STEP_AGE})
    found = {
        "floor": Target("floor", FLOOR_PATH, "floor"),
        "content page": Target("content page", CONDITION_PAGE, "<h1"),
        "checker step": Target(
            "checker step",
            "/check/",
            f'data-step="{AGE_STEP_NEXT}"',
            form,
            "application/x-www-form-urlencoded",
        ),
        "JSON API": Target("JSON API", API_PATH, '"level"', API_BODY, "application/json"),
    }
    for target in found.values():
        page = fetch(base + target.path, target.body.encode() or None, target.content_type)
        if page.status != 200 or target.expected not in page.text:
            raise SystemExit(f"{target.name} answered {page.status}: {page.text[:300]}")
    return found
