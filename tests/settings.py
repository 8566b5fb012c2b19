"""Test settings: the real settings, with safe local values where production needs secrets."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "tests-only-this-key-is-not-secret")
os.environ.setdefault("DJANGO_HTTPS", "false")
os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API beside live_server

from config.settings import *  # noqa: F403

# The manifest storage needs collectstatic first and 404s under live_server.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast test users
# Serve static files straight from static/ (no collectstatic in tests), so link
# crawls and browsers see the same files a real run does.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Kiosk mode is tested with a known staff PIN.
KIOSK_PIN = "2468"
