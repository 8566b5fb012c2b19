"""The shipped nginx config (deploy/nginx/guide.conf.in) in front of the app, as in production.

The app runs under granian (`python -m config.serve`, one worker with two
Django threads) with the production settings, HTTPS on and
TRUSTED_PROXY_COUNT=1. nginx runs the template rendered by
deploy/render_nginx.py on free loopback ports, with a certificate made here
by openssl, under a stand-in for Debian's nginx.conf. A few extra views at
public-page addresses (probe_urls below) answer with headers the real pages
must never carry, to show that nginx honours them.

nginx and openssl are Debian packages; `make test` installs nginx when it runs
as root. Missing, they fail this test with the command to run.
"""

import http.client
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import pytest

from deploy.render_nginx import render, standalone_nginx_conf
from tests.services import free_port
from tests.support.checker import Checker
from tests.support.production_site import (
    ROOT,
    HttpClient,
    prepare_site,
    production_env,
    wait_until_serving,
)
from triage.api_input import MAX_BODY_BYTES
from triage.checker_markup import read_page

PROBE_URLS = """
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils.cache import patch_cache_control

from config.client_address import client_address
from config.urls import urlpatterns as site_urlpatterns


def probe(kind):
    def view(request):
        response = HttpResponse(f"probe {kind}")
        patch_cache_control(response, public=True, max_age=300)  # as a content page
        if kind == "set-cookie":
            response.set_cookie("probe", "1")
        elif kind == "private":
            patch_cache_control(response, private=True)
        elif kind == "no-store":
            patch_cache_control(response, no_store=True)
        return response

    return view


def seen_by_app(request):
    return JsonResponse({"client": client_address(request), "secure": request.is_secure()})


urlpatterns = [
    path(f"conditions/probe-{kind}/", probe(kind)) for kind in ("set-cookie", "private", "no-store")
] + [path("probe/seen-by-app/", seen_by_app)] + site_urlpatterns
"""

NEVER_STORED = [
    ("GET", "/check/"),
    ("GET", "/check/how-it-decides/"),
    ("GET", "/check/summary/?level=urgent&pages=sepsis"),
    ("GET", "/es/check/"),
    ("GET", "/search/?q=kidney"),
    ("GET", "/infobutton/?mainSearchCriteria.v.c=36689008"),
    ("GET", "/kiosk/"),
    ("GET", "/kiosk/alive/"),
    ("GET", "/es/kiosk/"),
    ("GET", "/admin/login/"),
    ("GET", "/admin/"),
    ("GET", "/triage/api/contract"),
    ("GET", "/triage/api/openapi.json"),
]
API_BODY = json.dumps({"age_years": 58, "findings": ["fever", "back_pain"]}).encode()


def tool(name: str) -> str:
    found = shutil.which(name, path=os.environ.get("PATH", "") + ":/usr/sbin:/usr/bin")
    if not found:
        pytest.fail(
            f"{name} is missing: `make test` installs it when run as root; "
            f"otherwise run `sudo apt-get install -y {name}`.",
            pytrace=False,
        )
    return found


def make_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "certificate.pem", folder / "key.pem"
    subprocess.run(  # noqa: S603
        [
            *(tool("openssl"), "req", "-x509", "-nodes", "-days", "1"),
            *("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"),
            *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
            *("-keyout", str(key), "-out", str(certificate)),
        ],
        check=True,
        capture_output=True,
    )
    return certificate, key


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def stack():
    nginx = tool("nginx")
    # One folder for the app's files and nginx's: nginx's workers must read the static files.
    folder = Path(tempfile.mkdtemp(prefix="guide-nginx-test-"))
    folder.chmod(0o755)
    app_port, http_port, https_port = free_port(), free_port(), free_port()
    (folder / "probe_urls.py").write_text(PROBE_URLS)
    env = production_env(folder, app_port, extra_settings="ROOT_URLCONF = 'probe_urls'\n") | {
        "DJANGO_HTTPS": "true",
        "TRUSTED_PROXY_COUNT": "1",
        "SERVER_PORT": str(app_port),
        "SERVER_WORKERS": "1",
        "SERVER_THREADS": "2",
        "KIOSK_PIN": "2468",
    }
    prepare_site(env)
    certificate, key = make_certificate(folder)
    site_conf = folder / "guide.conf"
    site_conf.write_text(
        render(
            SERVER_NAME="127.0.0.1",
            HTTP_LISTEN=f"127.0.0.1:{http_port}",
            HTTPS_LISTEN=f"127.0.0.1:{https_port}",
            APP_UPSTREAM=f"127.0.0.1:{app_port}",
            TLS_CERTIFICATE=str(certificate),
            TLS_CERTIFICATE_KEY=str(key),
            STATIC_ROOT=str(folder / "static"),
            CACHE_DIR=str(folder / "cache"),
            LOG_DIR=str(folder),
        )
    )
    nginx_conf = folder / "nginx.conf"
    nginx_conf.write_text(standalone_nginx_conf(folder, site_conf, as_root=os.geteuid() == 0))
    app_log = (folder / "app.log").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "config.serve"], cwd=ROOT, env=env, stdout=app_log, stderr=app_log
    )
    proxy = subprocess.Popen(  # noqa: S603
        [nginx, "-c", str(nginx_conf), "-p", str(folder), "-e", str(folder / "nginx-error.log")],
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_serving(app, app_port, "granian")
        wait_until_serving(proxy, https_port, "nginx")
        tls = ssl.create_default_context(cafile=certificate)
        yield SimpleNamespace(
            folder=folder,
            tls=tls,
            app_port=app_port,
            http_port=http_port,
            https_port=https_port,
            client=HttpClient(f"https://127.0.0.1:{https_port}", tls=tls),
        )
    finally:
        stop(proxy)
        stop(app)
        app_log.close()
        shutil.rmtree(folder, ignore_errors=True)


def request(stack, method: str, path: str, body: bytes | None = None, headers=None):
    """One request to nginx over https, redirects not followed: (status, headers, body)."""
    connection = http.client.HTTPSConnection("127.0.0.1", stack.https_port, context=stack.tls)
    return _send(connection, method, path, body, headers)


def request_app(stack, method: str, path: str, body: bytes | None = None, headers=None):
    """The same request straight to the app, as if from a proxy that took it over https."""
    connection = http.client.HTTPConnection("127.0.0.1", stack.app_port, timeout=10)
    return _send(connection, method, path, body, (headers or {}) | {"X-Forwarded-Proto": "https"})


def _send(connection: http.client.HTTPConnection, method, path, body, headers):
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def cache_status(stack, path: str, **kwargs) -> str:
    return request(stack, "GET", path, **kwargs)[1].get("X-Cache-Status", "")


def stored_keys(stack) -> set[str]:
    """The key of every response in nginx's cache, read from the cache files."""
    keys = set()
    for path in (stack.folder / "cache").rglob("*"):
        if path.is_file():
            for line in path.read_bytes().split(b"\n")[:8]:
                if line.startswith(b"KEY: "):
                    keys.add(line[5:].decode())
    return keys


def test_plain_http_redirects_to_https_with_the_path_and_query(stack):
    connection = http.client.HTTPConnection("127.0.0.1", stack.http_port)
    connection.request("GET", "/conditions/sepsis/?from=leaflet")
    response = connection.getresponse()
    connection.close()
    assert response.status == 301
    assert response.headers["Location"] == "https://127.0.0.1/conditions/sepsis/?from=leaflet"


def test_the_app_sees_https_and_the_client_address_nginx_saw_not_a_forged_one(stack):
    status, _headers, body = request(
        stack, "GET", "/probe/seen-by-app/", headers={"X-Forwarded-For": "203.0.113.9"}
    )
    assert status == 200  # with HTTPS on, a request without X-Forwarded-Proto is redirected
    assert json.loads(body) == {"client": "127.0.0.1", "secure": True}


def test_a_content_page_is_stored_and_served_from_the_cache_the_second_time(stack):
    first = request(stack, "GET", "/conditions/sepsis/")
    second = request(stack, "GET", "/conditions/sepsis/")
    assert first[0] == second[0] == 200
    assert first[1]["X-Cache-Status"] == "MISS"
    assert second[1]["X-Cache-Status"] == "HIT"
    assert second[2] == first[2]
    # A query string is the same page: served from the same copy, not passed to the app.
    assert cache_status(stack, "/conditions/sepsis/?utm_source=leaflet") == "HIT"


def test_the_cache_keeps_one_copy_per_value_of_the_headers_the_app_varies_on(stack):
    assert "Cookie" in ", ".join(request(stack, "GET", "/about/")[1].get_all("Vary"))
    assert cache_status(stack, "/about/") == "HIT"
    assert cache_status(stack, "/about/", headers={"Cookie": "theme=dark"}) == "MISS"
    assert cache_status(stack, "/about/", headers={"Cookie": "theme=dark"}) == "HIT"


def test_checker_kiosk_admin_search_and_api_responses_are_never_stored(stack):
    for method, path in NEVER_STORED:
        for _ in range(2):
            status, headers, _body = request(stack, method, path)
            assert status < 500, path
            assert headers.get("X-Cache-Status") == "BYPASS", path
    checker = Checker(stack.client).start()
    checker.post({"age": "58"})
    assert checker.step == "red_flags"
    _step, state = read_page(checker.html)
    form = f"state={state}&action=next&none=on".encode()
    posts = [
        ("/check/", form, "application/x-www-form-urlencoded"),
        ("/triage/api/assess", API_BODY, "application/json"),
    ]
    for path, body, content_type in posts:
        for _ in range(2):
            status, headers, _body = request(
                stack, "POST", path, body, headers={"Content-Type": content_type}
            )
            assert status == 200, path
            # nginx never looks up a POST in its cache: it has no cache status at all.
            assert headers.get("X-Cache-Status") is None, path
    stored = stored_keys(stack)
    for _method, path in NEVER_STORED + [("POST", path) for path, *_ in posts]:
        assert not any(key.endswith(path.split("?")[0]) for key in stored), path


def test_responses_that_set_a_cookie_or_are_private_or_no_store_are_not_stored(stack):
    for kind in ("set-cookie", "private", "no-store"):
        path = f"/conditions/probe-{kind}/"
        assert [cache_status(stack, path) for _ in range(3)] == ["MISS"] * 3, kind
    # A kiosk's requests skip the cache, and what it is shown is never stored.
    kiosk = {"Cookie": "kiosk=anything"}
    assert cache_status(stack, "/privacy/", headers=kiosk) == "BYPASS"
    assert cache_status(stack, "/privacy/") == "MISS"
    stored = stored_keys(stack)
    assert not any("probe-" in key for key in stored)


def test_gzip_on_content_pages_but_never_on_checker_search_kiosk_admin_or_api(stack):
    gzip = {"Accept-Encoding": "gzip"}
    assert request(stack, "GET", "/conditions/", headers=gzip)[1]["Content-Encoding"] == "gzip"
    checker = Checker(stack.client).start()
    form = f"state={checker.state}&action=next&age=58".encode()
    posts = [
        ("/check/", form, "application/x-www-form-urlencoded"),
        ("/triage/api/assess", API_BODY, "application/json"),
    ]
    for path, body, content_type in posts:
        status, headers, _body = request(
            stack, "POST", path, body, headers=gzip | {"Content-Type": content_type}
        )
        assert status == 200, path
        assert "Content-Encoding" not in headers, path
    for _method, path in NEVER_STORED:
        assert "Content-Encoding" not in request(stack, "GET", path, headers=gzip)[1], path


def test_hashed_static_files_are_kept_a_year_and_others_a_minute(stack):
    manifest = json.loads((stack.folder / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css"
    status, headers, _body = request(
        stack, "GET", f"/static/{hashed}", headers={"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers["Content-Encoding"] == "gzip"  # whitenoise's .gz, sent as it is
    status, headers, _body = request(stack, "GET", "/static/css/site.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=60"


def test_an_api_body_over_the_apps_limit_gets_the_apps_own_answer(stack):
    too_large = b"{" + b" " * MAX_BODY_BYTES + b"}"
    headers = {"Content-Type": "application/json"}
    status, _headers, body = request(stack, "POST", "/triage/api/assess", too_large, headers)
    app_status, _headers, app_body = request_app(
        stack, "POST", "/triage/api/assess", too_large, headers
    )
    assert (status, json.loads(body)) == (app_status, json.loads(app_body))
    assert json.loads(body)["code"] == "body_too_large"
    # At the limit it reaches the app.
    at_limit = API_BODY + b" " * (MAX_BODY_BYTES - len(API_BODY))
    assert request(stack, "POST", "/triage/api/assess", at_limit, headers)[0] == 200


def trickle(port: int, tls: ssl.SSLContext | None) -> socket.socket:
    """A client that starts a form post and then sends nothing more (a slow loris)."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    if tls:
        connection = tls.wrap_socket(connection, server_hostname="127.0.0.1")
    connection.sendall(
        b"POST /check/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"X-Forwarded-Proto: https\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        b"Content-Length: 1000\r\n\r\nstate="
    )
    return connection


def answers_within(send, seconds: float) -> bool:
    """Whether ``send()`` gets its 200 within ``seconds`` (it may go on in the background)."""
    pool = ThreadPoolExecutor(1)
    future = pool.submit(send)
    pool.shutdown(wait=False)
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if future.done():
            return future.result()[0] == 200
        time.sleep(0.05)
    return False


def test_slow_clients_do_not_hold_the_apps_threads(stack):
    # Directly, four trickling clients hold both of the app's threads...
    direct = [trickle(stack.app_port, None) for _ in range(4)]
    try:
        time.sleep(1)
        assert not answers_within(lambda: request_app(stack, "GET", "/check/"), 1.5)
    finally:
        for connection in direct:
            connection.close()
    # ...behind nginx they wait on nginx, and everyone else is served. (Well within
    # the config's 10 s client_body_timeout, after which nginx drops them anyway.)
    proxied = [trickle(stack.https_port, stack.tls) for _ in range(8)]
    try:
        time.sleep(1)
        assert answers_within(lambda: request(stack, "GET", "/check/"), 4)
    finally:
        for connection in proxied:
            connection.close()


# Last: these use up this address's allowance.


def burst(stack, path: str, body: bytes, content_type: str, count: int) -> list[int]:
    headers = {"Content-Type": content_type}
    with ThreadPoolExecutor(8) as pool:
        answers = pool.map(lambda _: request(stack, "POST", path, body, headers), range(count))
        return [status for status, _headers, _body in answers]


def test_the_api_answers_429_after_a_burst(stack):
    statuses = burst(stack, "/triage/api/assess", API_BODY, "application/json", 80)
    assert statuses.count(200) >= 40  # the burst allowance
    assert 429 in statuses
    assert set(statuses) <= {200, 429}


def test_pin_tries_and_admin_sign_ins_are_limited_per_address(stack):
    # The right PIN, so that the app's own lockout (also a 429) stays out of it.
    pin = burst(stack, "/kiosk/", b"pin=2468", "application/x-www-form-urlencoded", 10)
    assert 429 in pin and pin.count(429) < len(pin)
    sign_in = burst(
        stack, "/admin/login/", b"username=a&password=b", "application/x-www-form-urlencoded", 10
    )
    assert 429 in sign_in
    # Reading the forms is not limited.
    assert request(stack, "GET", "/kiosk/")[0] == 200
    assert request(stack, "GET", "/admin/login/")[0] == 200
