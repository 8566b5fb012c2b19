import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "home": ("get", "/"),
    "condition page": ("get", "/conditions/sepsis/"),
    "hub page": ("get", "/conditions/back-pain-and-fever/"),
    "page list": ("get", "/conditions/"),
    "search": ("get", "/search/?q=kidney"),
    "checker step": ("get", "/check/"),
    "checker error": ("post", "/check/"),
    "api": ("post", "/triage/api/assess"),
    "api contract": ("get", "/triage/api/contract"),
    "not found": ("get", "/nowhere/"),
    "sitemap": ("get", "/sitemap.xml"),
    "robots": ("get", "/robots.txt"),
    "admin login": ("get", "/admin/login/"),
    "take-home page": ("get", "/check/take-home/?level=urgent&pages=pyelonephritis"),
    "kiosk set-up": ("get", "/kiosk/"),
    "privacy page": ("get", "/privacy/"),
    "about page": ("get", "/about/"),
    "infobutton answer": (
        "get",
        "/infobutton/?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=J45.40",
    ),
    "infobutton error": ("get", "/infobutton/?knowledgeResponseType=application/json"),
}
KIOSK_PAGE_TYPES = {
    "kiosk attract screen": "/kiosk/",
    "kiosk condition page": "/conditions/sepsis/",
    "kiosk checker step": "/check/",
    "kiosk idle page": "/kiosk/idle/?next=/check/",
    "kiosk staff page": "/kiosk/staff/",
    "kiosk offline page": "/kiosk/offline/",
    "kiosk service worker": "/kiosk/service-worker.js",
}


def fetch(client, kind: str):
    method, url = PAGE_TYPES[kind]
    if method == "post":
        return client.post(url, data=b'{"age_years": 40}', content_type="application/json")
    return client.get(url)


def assert_security_headers(response) -> None:
    csp = response["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    # The site's own files only: no inline script runs anywhere, not even with a nonce.
    assert "script-src 'self';" in csp
    assert "nonce" not in csp and b" nonce=" not in response.content
    assert "worker-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_every_page_type_sends_the_security_headers(pages, client, kind):
    assert_security_headers(fetch(client, kind))


@pytest.mark.parametrize("kind", KIOSK_PAGE_TYPES)
def test_every_kiosk_page_type_sends_the_security_headers(pages, client, settings, kind):
    client.post("/kiosk/", {"pin": settings.KIOSK_PIN, "action": "enter"})
    response = client.get(KIOSK_PAGE_TYPES[kind])
    assert response.status_code == 200
    assert_security_headers(response)


PRODUCTION = {
    "DEBUG": False,
    "HTTPS": True,
    "SECURE_SSL_REDIRECT": True,
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_HSTS_SECONDS": 31536000,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-0123456789-abcdef",
    "ALLOWED_HOSTS": ["guide.example.org"],
}


@pytest.mark.parametrize("kind", ["home", "condition page", "checker step", "api"])
def test_production_sends_hsts_over_https(pages, kind):
    with override_settings(**PRODUCTION):
        client = Client(HTTP_HOST="guide.example.org", HTTP_X_FORWARDED_PROTO="https")
        response = fetch(client, kind)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_production_redirects_plain_http_to_https(pages):
    with override_settings(**PRODUCTION):
        response = Client(HTTP_HOST="guide.example.org").get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://guide.example.org/"


def test_production_admin_cookies_are_secure_and_http_only(pages, django_user_model):
    django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    with override_settings(**PRODUCTION):
        client = Client(HTTP_HOST="guide.example.org", HTTP_X_FORWARDED_PROTO="https")
        form = client.get("/admin/login/")
        csrf = form.cookies["csrftoken"]
        response = client.post(
            "/admin/login/",
            {"username": "editor", "password": "pw", "csrfmiddlewaretoken": csrf.value},
            headers={"referer": "https://guide.example.org/admin/login/"},
        )
    session = response.cookies["sessionid"]
    assert response.status_code == 302
    assert session["secure"] is True and session["httponly"] is True
    assert csrf["secure"] is True


def test_check_deploy_is_clean_with_production_settings(monkeypatch):
    # The model checks ask SQLite once per connection whether it has JSON; after
    # the browser tests this thread runs Playwright's event loop, where Django
    # refuses database calls once the flag below is gone. Ask while it is set.
    assert connection.features.supports_json_field
    # Only the browser tests need this; a deployment must not set it.
    monkeypatch.delenv("DJANGO_ALLOW_ASYNC_UNSAFE", raising=False)
    out = io.StringIO()
    with override_settings(**PRODUCTION):
        call_command("check", deploy=True, fail_level="WARNING", stdout=out, stderr=out)
    assert "no issues" in out.getvalue()
