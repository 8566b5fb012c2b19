"""Languages: English by default with Spanish beside it, and the kiosk's starting language."""

import os
import subprocess
import sys

from django.conf import settings


def _settings_value(name: str, **environment: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SECRET_KEY": "x", "DJANGO_HTTPS": "false", **environment}
    return subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-c", f"import config.settings as s; print(s.{name})"],
        capture_output=True,
        text=True,
        env=env,
        cwd=settings.BASE_DIR,
        check=False,
    )


def test_english_is_the_default_and_spanish_is_offered():
    assert settings.LANGUAGE_CODE == "en"
    assert [code for code, _name in settings.LANGUAGES] == ["en", "es"]
    assert dict(settings.LANGUAGES)["es"] == "Español"


def test_the_locale_middleware_runs_after_sessions_and_before_common():
    middleware = settings.MIDDLEWARE
    locale = middleware.index("django.middleware.locale.LocaleMiddleware")
    assert middleware.index("django.contrib.sessions.middleware.SessionMiddleware") < locale
    assert locale < middleware.index("django.middleware.common.CommonMiddleware")


def test_the_language_cookie_is_lax_long_lived_and_kept_from_scripts():
    assert settings.LANGUAGE_COOKIE_SAMESITE == "Lax"
    assert settings.LANGUAGE_COOKIE_AGE >= 180 * 24 * 60 * 60
    assert settings.LANGUAGE_COOKIE_HTTPONLY is True
    assert settings.LANGUAGE_COOKIE_SECURE == settings.HTTPS


def test_kiosk_language_defaults_to_english():
    assert _settings_value("KIOSK_LANGUAGE", KIOSK_LANGUAGE="").stdout.strip() == "en"


def test_kiosk_language_can_be_spanish():
    assert _settings_value("KIOSK_LANGUAGE", KIOSK_LANGUAGE=" ES ").stdout.strip() == "es"


def test_a_kiosk_language_the_site_does_not_offer_is_refused_at_start():
    result = _settings_value("KIOSK_LANGUAGE", KIOSK_LANGUAGE="fr")
    assert result.returncode != 0
    assert "KIOSK_LANGUAGE must be one of: en, es" in result.stderr
