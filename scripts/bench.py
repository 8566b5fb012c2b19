"""`make bench`: load, page weight and Lighthouse figures for the site under production settings.

Runs the site under gunicorn with config/gunicorn.conf.py and DEBUG off on
127.0.0.1, with a throwaway SQLite database, and measures:

- wrk at 50 connections against the home page, a condition page, a checker
  step (a POST of the age step) and the JSON API, then against nginx serving
  the same condition page's HTML as a file;
- the gzipped weight of each page type's HTML, CSS and JavaScript;
- Lighthouse scores for the home page, a condition page, a checker step and
  the result page (reached by posting the checker's forms).

Prints a Markdown report and writes it between the markers in
docs/benchmarks.md. Every process it starts runs in its own process group and
is stopped at the end, on error and on Ctrl-C.

Usage: .venv/bin/python scripts/bench.py [--duration SECONDS] [--no-lighthouse] [--no-write]
"""

import argparse
import contextlib
import datetime
import gzip
import html.parser
import importlib.metadata
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage.flow import STEPS  # noqa: E402 - needs ROOT on the path; plain Python, no Django

HOST = "127.0.0.1"
# 8000 is `make run`; the benchmark keeps to its own ports.
APP_PORT = int(os.environ.get("BENCH_PORT", "8101"))
NGINX_PORT = APP_PORT + 1
CONNECTIONS, WRK_THREADS = 50, 2
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --no-first-run "
    "--disable-sync --disable-quic"
)
LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

CONDITION_PAGE = "/conditions/sepsis/"
PAGE_TYPES = {
    "home": "/",
    "condition page": CONDITION_PAGE,
    "checker step": "/check/",
    "result page": None,  # reached by posting the checker's forms
    "search": "/search/?q=kidney",
    "page list": "/conditions/",
}
# Targets from issue 5.
NGINX_RATIO_TARGET = 0.25
API_P99_TARGET_MS = 5.0
PAGE_WEIGHT_TARGET = 30 * 1024
# The age step: 60 is past the pregnancy question, so Continue leads to the warning signs.
AGE_STEP_AGE, AGE_STEP_NEXT = "60", "red_flags"
API_BODY = json.dumps({"age_years": 58, "findings": ["fever", "back_pain", "limb_weakness"]})


# --- processes -----------------------------------------------------------------------------


class Processes:
    """Every child in its own process group, so stopping it also stops what it started."""

    def __init__(self):
        self.running: list[subprocess.Popen] = []

    def start(self, command, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(command, start_new_session=True, **kwargs)  # noqa: S603
        self.running.append(process)
        return process

    def run(self, command, timeout: float, **kwargs) -> subprocess.CompletedProcess:
        """Run to completion, like subprocess.run, but stoppable with the rest."""
        process = self.start(command, **kwargs)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        finally:
            self.stop(process)
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, command, stdout, stderr)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass
        if process in self.running:
            self.running.remove(process)
        # A group can outlive its leader (e.g. Chromium after node exits).
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)

    def stop_all(self) -> None:
        for process in reversed(list(self.running)):
            self.stop(process)


def raise_on_signal(signum, frame):
    raise SystemExit(f"stopped by signal {signum}")


def wait_for_port(process: subprocess.Popen, port: int, name: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited during startup (code {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"{name} did not listen on {HOST}:{port} within {seconds:.0f} s")


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


# --- HTTP ----------------------------------------------------------------------------------


@dataclass
class Page:
    status: int
    body: bytes
    url: str

    @property
    def text(self) -> str:
        return self.body.decode()


def fetch(url: str, data: bytes | None = None, content_type: str = "") -> Page:
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - loopback
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return Page(response.status, response.read(), url)
    except urllib.error.HTTPError as error:
        return Page(error.code, error.read(), url)


STATE = re.compile(r'name="state" value="([^"]+)"')
STEP = re.compile(r'data-step="(\w+)"')


def checker_state(page: Page) -> tuple[str, str]:
    step, state = STEP.search(page.text), STATE.search(page.text)
    return (step.group(1) if step else ""), (state.group(1) if state else "")


def post_step(base: str, state: str, answers: dict) -> Page:
    body = urlencode({"state": state, "action": "next", **answers}, doseq=True).encode()
    return fetch(f"{base}/check/", body, "application/x-www-form-urlencoded")


def walk_to_result(base: str) -> Page:
    """A whole check by form: fever and back pain after spine surgery, no warning signs."""
    yes = {"fever", "back_pain", "recent_spinal_procedure"}
    page = fetch(f"{base}/check/")
    for _ in range(20):
        step, state = checker_state(page)
        if step == "result":
            return page
        if step == "age":
            answers = {"age": "58"}
        elif step == "red_flags":
            answers = {"none": "on"}
        elif step == "review":
            answers = {}
        else:
            answers = {code: "yes" if code in yes else "no" for code in STEPS[step].findings}
        page = post_step(base, state, answers)
        if page.status != 200 or checker_state(page)[0] == step:
            raise SystemExit(f"the checker did not move on from {step!r}: {page.text[:300]}")
    raise SystemExit("the checker never reached a result")


# --- wrk -----------------------------------------------------------------------------------

# Counts responses that are not what the target should answer (e.g. the form
# shown again with an error), which wrk alone would count as successes.
WRK_SCRIPT = """
wrk.method = {method}
wrk.body = {body}
wrk.headers["Content-Type"] = {content_type}
local expected = {expected}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) wrong = 0 end
function response(status, headers, body)
  if status ~= 200 or not string.find(body, expected, 1, true) then wrong = wrong + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("wrong") end
  io.write(string.format("wrong responses: %d\\n", total))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string of ASCII text is a valid Lua string literal


@dataclass
class WrkResult:
    name: str
    request: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: str
    wrong: int | None = None


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def parse_wrk(name: str, request: str, output: str) -> WrkResult:
    def find(pattern: str, default: str = "0") -> str:
        match = re.search(pattern, output)
        return match.group(1) if match else default

    wrong = re.search(r"wrong responses: (\d+)", output)
    return WrkResult(
        name=name,
        request=request,
        requests_per_second=float(find(r"Requests/sec:\s+([\d.]+)")),
        p50_ms=to_ms(find(r"\n\s+50%\s+(\S+)")),
        p99_ms=to_ms(find(r"\n\s+99%\s+(\S+)")),
        requests=int(find(r"(\d+) requests in")),
        non_2xx=int(find(r"Non-2xx or 3xx responses: (\d+)")),
        socket_errors=find(r"Socket errors: (.+)", "none"),
        wrong=int(wrong.group(1)) if wrong else None,
    )


def wrk(
    procs: Processes,
    work: Path,
    name: str,
    url: str,
    duration: int,
    connections: int = CONNECTIONS,
    threads: int = WRK_THREADS,
    post: tuple[str, str, str] | None = None,
) -> WrkResult:
    """wrk with --latency; post is (body, content type, text every good response contains)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", "--latency"]
    request = f"{'POST' if post else 'GET'} {urlsplit(url).path}"
    if post:
        body, content_type, expected = post
        script = work / f"{re.sub(r'\W+', '-', name)}.lua"
        script.write_text(
            WRK_SCRIPT.format(
                method=lua_string("POST"),
                body=lua_string(body),
                content_type=lua_string(content_type),
                expected=lua_string(expected),
            )
        )
        command += ["-s", str(script)]
    # Two seconds first so every worker has loaded templates and opened its database.
    procs.run([*command, "-d2s", url], timeout=60, stdout=subprocess.DEVNULL)
    output = procs.run(
        [*command, f"-d{duration}s", url], timeout=duration + 60, stdout=subprocess.PIPE, text=True
    ).stdout
    result = parse_wrk(name, request, output)
    print(
        f"  {name}: {result.requests_per_second:.0f} req/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, non-2xx {result.non_2xx}",
        flush=True,
    )
    return result


# --- nginx ---------------------------------------------------------------------------------

NGINX_CONF = """
daemon off;
master_process on;
worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    default_type text/html;
    server {{
        listen {host}:{port};
        root {dir}/www;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


def start_nginx(procs: Processes, html_body: bytes) -> tuple[subprocess.Popen, Path]:
    # Its own folder, readable by nginx's unprivileged worker user when we run as root.
    folder = Path(tempfile.mkdtemp(prefix="guide-bench-nginx-"))
    folder.chmod(0o755)
    page = folder / "www" / CONDITION_PAGE.strip("/") / "index.html"
    page.parent.mkdir(parents=True)
    for parent in page.parents:
        if parent == folder:
            break
        parent.chmod(0o755)
    page.write_bytes(html_body)
    page.chmod(0o644)
    conf = folder / "nginx.conf"
    conf.write_text(NGINX_CONF.format(dir=folder, host=HOST, port=NGINX_PORT))
    process = procs.start(
        ["nginx", "-c", str(conf), "-p", str(folder), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    wait_for_port(process, NGINX_PORT, "nginx")
    return process, folder


# --- page weight ---------------------------------------------------------------------------


class Assets(html.parser.HTMLParser):
    """The stylesheets and scripts a page references."""

    def __init__(self):
        super().__init__()
        self.css: list[str] = []
        self.js: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            self.css.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.js.append(attributes["src"])


@dataclass
class Weight:
    name: str
    html: int
    css: int
    js: int
    files: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.html + self.css + self.js


def gzipped(body: bytes) -> int:
    return len(gzip.compress(body, compresslevel=6, mtime=0))


def page_weight(base: str, name: str, page: Page) -> Weight:
    assets = Assets()
    assets.feed(page.text)
    sizes = {"css": 0, "js": 0}
    files = []
    for kind, urls in (("css", assets.css), ("js", assets.js)):
        for url in urls:
            asset = fetch(base + url)
            if asset.status != 200:
                raise SystemExit(f"{name}: {url} answered {asset.status}")
            sizes[kind] += gzipped(asset.body)
            files.append(url.rsplit("/", 1)[-1])
    return Weight(name, gzipped(page.body), sizes["css"], sizes["js"], files)


# --- Lighthouse ----------------------------------------------------------------------------


@dataclass
class LighthouseResult:
    name: str
    url: str
    scores: dict[str, int]
    # Audits that cost points: (category, audit title, details).
    misses: list[tuple[str, str, str]]


def read_lighthouse(name: str, url: str, report: dict) -> LighthouseResult:
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    misses = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                detail = audit.get("displayValue") or ""
                items = (audit.get("details") or {}).get("items") or []
                snippets = [
                    (item.get("node") or {}).get("snippet") or item.get("url") or ""
                    for item in items[:3]
                    if isinstance(item, dict)
                ]
                detail = "; ".join(part for part in [detail, *snippets] if part)
                misses.append((key, audit["title"], detail))
    return LighthouseResult(name, url, scores, misses)


def lighthouse(procs: Processes, work: Path, name: str, url: str) -> LighthouseResult:
    output = work / f"lighthouse-{re.sub(r'\W+', '-', name)}.json"
    procs.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROMIUM_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
        ],
        timeout=240,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return read_lighthouse(name, url, json.loads(output.read_text()))


def lighthouse_result_page(procs: Processes, work: Path, base: str) -> LighthouseResult:
    output = work / "lighthouse-result-page.json"
    procs.run(
        ["node", str(LIGHTHOUSE_DIR / "result-flow.mjs"), base, str(output)],
        timeout=240,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return read_lighthouse(
        "result page", "POST /check/ (the final submit)", json.loads(output.read_text())
    )


# --- environment and versions --------------------------------------------------------------


def first_line(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)  # noqa: S603
    except OSError:
        return "missing"
    return (done.stdout or done.stderr).strip().splitlines()[0]


def cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def gunicorn_settings(env: dict) -> dict:
    """The values config/gunicorn.conf.py resolves to with this environment."""
    code = (
        "import json, runpy; c = runpy.run_path('config/gunicorn.conf.py'); "
        "print(json.dumps({k: c[k] for k in ('worker_class', 'workers', 'threads')}))"
    )
    done = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def check_tools(with_lighthouse: bool) -> None:
    missing = [tool for tool in ("wrk", "nginx") if not shutil.which(tool)]
    if with_lighthouse:
        missing += [tool for tool in ("node",) if not shutil.which(tool)]
        if not Path(CHROMIUM).exists():
            missing.append(CHROMIUM)
        if not LIGHTHOUSE.exists():
            missing.append(f"{LIGHTHOUSE.relative_to(ROOT)} (npm ci in scripts/lighthouse)")
    if missing:
        raise SystemExit(
            "Missing: " + ", ".join(missing) + ". `make bench` installs them "
            "(as root, or: sudo apt-get install wrk nginx chromium nodejs npm)."
        )


# --- the report ----------------------------------------------------------------------------


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def mark(ok: bool) -> str:
    return "pass" if ok else "**fail**"


def report(context: dict) -> str:
    results: dict[str, WrkResult] = context["wrk"]
    weights: list[Weight] = context["weights"]
    scores: list[LighthouseResult] = context["lighthouse"]
    lines = [
        f"### Run of {context['date']}",
        "",
        f"- Machine: {context['nproc']} cores ({context['cpu']}), "
        f"{context['memory']} memory, {context['os']}",
        f"- Versions: {context['versions']}",
        f"- Server: gunicorn with `config/gunicorn.conf.py` ({context['gunicorn']}), DEBUG off, "
        "SQLite, access log on (written to a file). `DJANGO_HTTPS=false` only because this is "
        "plain http on 127.0.0.1; production runs with HTTPS on behind a proxy.",
        f"- Load: `wrk -t{WRK_THREADS} -c{CONNECTIONS} -d{context['duration']}s --latency` "
        "after a 2 s warm-up, on the same cores as the server. nginx: Debian's package, "
        "its own minimal config (access log on, no gzip), serving the condition page's HTML "
        "saved as a file.",
        "",
        "#### Throughput and latency",
        "",
        "| target | request | requests/s | p50 | p99 | non-2xx | wrong answers |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for result in results.values():
        wrong = "" if result.wrong is None else str(result.wrong)
        lines.append(
            f"| {result.name} | `{result.request}` | {result.requests_per_second:,.0f} | "
            f"{result.p50_ms:.1f} ms | {result.p99_ms:.1f} ms | {result.non_2xx} | {wrong} |"
        )
    ratio = context["ratio"]
    lines += [
        "",
        f"Condition page / nginx throughput: **{ratio:.3f}**. "
        "'wrong answers' counts responses without the expected content "
        f'(the checker step must answer 200 with the next step, `data-step="{AGE_STEP_NEXT}"`; '
        'the API 200 with a `"level"`).',
        "",
        "#### Page weight (HTML + CSS + JavaScript, each gzipped at level 6)",
        "",
        "| page type | HTML | CSS | JS | total | files |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for weight in weights:
        lines.append(
            f"| {weight.name} | {kb(weight.html)} | {kb(weight.css)} | {kb(weight.js)} | "
            f"{kb(weight.total)} | {', '.join(weight.files)} |"
        )
    if scores:
        lines += [
            "",
            "#### Lighthouse (default mobile profile, simulated throttling)",
            "",
            "| page | performance | accessibility | best practices | SEO |",
            "|---|---:|---:|---:|---:|",
        ]
        for result in scores:
            lines.append(
                f"| {result.name} | " + " | ".join(str(result.scores[c]) for c in CATEGORIES) + " |"
            )
        misses = [(result.name, *miss) for result in scores for miss in result.misses]
        if misses:
            lines += ["", "Scored audits below full marks:", ""]
            lines += [
                f"- {name}, {category}: {title}" + (f" ({detail})" if detail else "")
                for name, category, title, detail in misses
            ]
    api = results["JSON API"]
    heaviest = max(weights, key=lambda weight: weight.total)
    lines += [
        "",
        "#### Targets",
        "",
        "| target | measured | result |",
        "|---|---|---|",
        f"| condition page ≥ {NGINX_RATIO_TARGET} of nginx's throughput | {ratio:.3f} | "
        f"{mark(ratio >= NGINX_RATIO_TARGET)} |",
        f"| JSON API p99 < {API_P99_TARGET_MS:.0f} ms at {CONNECTIONS} connections | "
        f"{api.p99_ms:.1f} ms | {mark(api.p99_ms < API_P99_TARGET_MS)} |",
        f"| every page type ≤ {PAGE_WEIGHT_TARGET // 1024} KB gzipped | heaviest: "
        f"{heaviest.name}, {kb(heaviest.total)} | "
        f"{mark(heaviest.total <= PAGE_WEIGHT_TARGET)} |",
    ]
    if scores:
        below = [
            f"{result.name} {category} {result.scores[category]}"
            for result in scores
            for category in CATEGORIES
            if result.scores[category] < 100
        ]
        lines.append(
            "| Lighthouse 100 in all four categories on all four pages | "
            f"{'; '.join(below) or 'all 100'} | {mark(not below)} |"
        )
    else:
        lines.append("| Lighthouse 100 in all four categories | not run (--no-lighthouse) | - |")
    return "\n".join(lines) + "\n"


def write_docs(text: str) -> None:
    block = f"{START}\n{text}{END}"
    if DOCS.exists():
        current = DOCS.read_text()
        if START in current and END in current:
            before, rest = current.split(START, 1)
            after = rest.split(END, 1)[1]
            DOCS.write_text(before + block + after)
            return
        DOCS.write_text(current.rstrip() + "\n\n" + block + "\n")
        return
    DOCS.parent.mkdir(exist_ok=True)
    DOCS.write_text(f"# Benchmarks\n\nThe latest `make bench` run:\n\n{block}\n")


# --- the run -------------------------------------------------------------------------------


def prepare_site(procs: Processes, env: dict) -> None:
    for command in (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["load_content", "--verbosity", "0"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        procs.run([sys.executable, "manage.py", *command], timeout=300, env=env, cwd=ROOT)


def measure(procs: Processes, work: Path, args) -> dict:
    for port in (APP_PORT, NGINX_PORT):
        if not port_is_free(port):
            raise SystemExit(f"port {port} on {HOST} is in use; set BENCH_PORT to another port")
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_HTTPS": "false",
        "SQLITE_PATH": str(work / "db.sqlite3"),
        "GUNICORN_BIND": f"{HOST}:{APP_PORT}",
    }
    print("Preparing a throwaway database, the shipped content and static files...", flush=True)
    prepare_site(procs, env)
    settings = gunicorn_settings(env)
    base = f"http://{HOST}:{APP_PORT}"
    print(
        f"Starting gunicorn on {base} with config/gunicorn.conf.py ({settings}), DEBUG off.\n"
        "Note: DJANGO_HTTPS=false only because this is plain http on loopback.",
        flush=True,
    )
    with (work / "gunicorn.log").open("w") as log:
        server = procs.start(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    wait_for_port(server, APP_PORT, "gunicorn")

    # The pages, checked before they are measured.
    pages = {name: fetch(base + url) for name, url in PAGE_TYPES.items() if url}
    pages["result page"] = walk_to_result(base)
    for name, page in pages.items():
        if page.status != 200:
            raise SystemExit(f"{name} answered {page.status}")
    _step, state = checker_state(pages["checker step"])
    answer = post_step(base, state, {"age": AGE_STEP_AGE})
    if answer.status != 200 or checker_state(answer)[0] != AGE_STEP_NEXT:
        raise SystemExit(f"the age step did not lead to {AGE_STEP_NEXT}: {answer.text[:300]}")
    api = fetch(f"{base}/triage/api/assess", API_BODY.encode(), "application/json")
    if api.status != 200 or "level" not in json.loads(api.body):
        raise SystemExit(f"the API answered {api.status}: {api.text[:300]}")

    print(f"wrk, {CONNECTIONS} connections, {args.duration} s each:", flush=True)
    form = urlencode({"state": state, "action": "next", "age": AGE_STEP_AGE})
    results = {}
    for name, url, post in (
        ("home", f"{base}/", None),
        ("condition page", base + CONDITION_PAGE, None),
        (
            "checker step",
            f"{base}/check/",
            (form, "application/x-www-form-urlencoded", f'data-step="{AGE_STEP_NEXT}"'),
        ),
        ("JSON API", f"{base}/triage/api/assess", (API_BODY, "application/json", '"level"')),
    ):
        results[name] = wrk(procs, work, name, url, args.duration, post=post)
    # The API's own time, without 49 other requests queued ahead of it.
    results["JSON API, 1 connection"] = wrk(
        procs,
        work,
        "JSON API, 1 connection",
        f"{base}/triage/api/assess",
        args.duration,
        connections=1,
        threads=1,
        post=(API_BODY, "application/json", '"level"'),
    )

    nginx, nginx_dir = start_nginx(procs, pages["condition page"].body)
    try:
        results["nginx, condition page HTML"] = wrk(
            procs,
            work,
            "nginx, condition page HTML",
            f"http://{HOST}:{NGINX_PORT}{CONDITION_PAGE}",
            args.duration,
        )
    finally:
        procs.stop(nginx)
        shutil.rmtree(nginx_dir, ignore_errors=True)
    ratio = (
        results["condition page"].requests_per_second
        / results["nginx, condition page HTML"].requests_per_second
    )

    print("Page weight...", flush=True)
    weights = [page_weight(base, name, pages[name]) for name in PAGE_TYPES]

    scores = []
    if not args.no_lighthouse:
        print("Lighthouse (about 20 s a page)...", flush=True)
        for name, url in (
            ("home", f"{base}/"),
            ("condition page", base + CONDITION_PAGE),
            ("checker step", f"{base}/check/"),
        ):
            scores.append(lighthouse(procs, work, name, url))
            print(f"  {name}: {scores[-1].scores}", flush=True)
        scores.append(lighthouse_result_page(procs, work, base))
        print(f"  result page: {scores[-1].scores}", flush=True)
    procs.stop(server)

    versions = ", ".join(
        [
            f"Python {platform.python_version()}",
            f"Django {importlib.metadata.version('Django')}",
            f"gunicorn {importlib.metadata.version('gunicorn')}",
            first_line(["wrk", "--version"]).split(" [")[0].replace("wrk debian/", "wrk "),
            first_line(["nginx", "-v"]).replace("nginx version: nginx/", "nginx "),
            "Lighthouse " + first_line([str(LIGHTHOUSE), "--version"])
            if LIGHTHOUSE.exists()
            else "Lighthouse not installed",
            first_line([CHROMIUM, "--version"]).split(" built")[0],
            "Node " + first_line(["node", "--version"]),
        ]
    )
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    os_name = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text())
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "memory": f"{memory_kb / 1024 / 1024:.0f} GiB",
        "os": os_name.group(1) if os_name else platform.platform(),
        "versions": versions,
        "gunicorn": (
            f"{settings['worker_class']} workers × {settings['workers']}"
            + (f", {settings['threads']} threads each" if settings["threads"] > 1 else "")
        ),
        "duration": args.duration,
        "wrk": results,
        "ratio": ratio,
        "weights": weights,
        "lighthouse": scores,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run (10)")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    args = parser.parse_args()
    check_tools(with_lighthouse=not args.no_lighthouse)

    # Ctrl-C and a plain kill both end the run through the cleanup below, even
    # when the shell that started us ignores SIGINT (a background job).
    signal.signal(signal.SIGTERM, raise_on_signal)
    signal.signal(signal.SIGINT, raise_on_signal)
    procs = Processes()
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        text = report(measure(procs, work, args))
    except subprocess.CalledProcessError as error:
        details = error.stderr.decode() if isinstance(error.stderr, bytes) else error.stderr
        raise SystemExit(f"{' '.join(map(str, error.cmd))} failed:\n{details or ''}") from None
    finally:
        procs.stop_all()
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(text)
    if not args.no_write:
        write_docs(text)
        print(f"Written to {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
