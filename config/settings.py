"""Settings for the Back Pain and Fever Guide.

One settings file, driven by environment variables, so the same code runs on a
laptop, in CI, on a clinic kiosk and in production. Production-safe by default:
DEBUG is off unless DJANGO_DEBUG asks for it, and then a secret key is required.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (a long random string). It is required when DEBUG is off. "
            "For local work, `make run` creates one for you."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_htmx",
    "education",
    "triage",
    "kiosk",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Early, so what it adds to a stand-in response (no-store) covers every layer below.
    "config.outage.DatabaseOutageMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.RefuseUnsizedBodyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.sign_in.PasswordCheckGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "kiosk.middleware.KioskMiddleware",
    # Last, as django-axes asks: turns its lockout signal into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Only the admin shows messages, and its editors have a session anyway. Django's
# default (a signed cookie, else the session) set up a cookie signer on every
# request, patients' included: 5 microseconds of each one for nothing.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "education.context_processors.clinic",
                "kiosk.context_processors.kiosk",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL points elsewhere (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{os.environ.get('SQLITE_PATH', BASE_DIR / 'db.sqlite3')}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several server processes write to one SQLite file (the cache table counts
    # failed sign-ins and PIN tries). A transaction that reads and then writes
    # would fail at once with "database is locked" when another process writes;
    # IMMEDIATE takes the write lock at the start and waits for it instead (up
    # to `timeout` seconds), and WAL lets pages be read while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 10,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database server that does not answer must fail fast, not hold a worker:
    # the checker and the API answer without it (config/outage.py). Each
    # request checks a kept connection first (conn_health_checks above), so the
    # site reconnects by itself once the server is back.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker process and server, because what it holds is
# counted: wrong kiosk PINs and failed admin sign-ins. Without REDIS_URL it is a
# table in the database above (`manage.py createcachetable`, which `make run`
# and the test setup run), so a single clinic needs no other service. With
# REDIS_URL (e.g. redis://127.0.0.1:6379/0) it is Redis, for several servers or
# a busy site. Never the per-process memory cache: 5 tries would mean 5 per worker.
# Either way a store that is down reads as empty and refuses new counts, so no
# page fails and every limit fails closed (config/cache_backends.py).
CACHE_KEY_PREFIX = "guide"


def cache_settings(redis_url: str) -> dict:
    if redis_url:
        return {
            "BACKEND": "config.cache_backends.FailSafeRedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            # A stalled Redis must fail fast, not hold a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    return {
        "BACKEND": "config.cache_backends.FailSafeDatabaseCache",
        "LOCATION": "django_cache",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
        # Culling deletes live entries once the table is over this size; a flood
        # of new keys must not be able to cull the counters that lock someone out.
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }


CACHES = {
    # Shared by every worker and server: counters that must hold across them
    # (PIN and sign-in lockouts).
    "default": cache_settings(os.environ.get("REDIS_URL", "").strip()),
    # Each process's own memory, for what is cheap to make again and the same
    # for everyone: rendered pages keyed by their ETag (education/caching.py).
    # Checker screens and page links are kept in plain dicts of their own
    # (triage/rendered_steps.py, education/selectors.py).
    # Nothing a person answered is ever kept here.
    "local": {
        # LocMemCache without the pickling (config/cache_backends.py): values kept
        # here are immutable, so copying them on every read only cost time.
        "BACKEND": "config.cache_backends.ProcessMemoryCache",
        "LOCATION": "per-process",
        "OPTIONS": {"MAX_ENTRIES": 2_000},
    },
}

# How many reverse proxies of our own stand in front of the app and append to
# X-Forwarded-For. 0 (the default) means the header is ignored and limits are
# keyed on the connecting address; see config/client_address.py.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# django-axes first: it refuses a locked-out sign-in before ModelBackend hashes
# the password. See config/sign_in.py.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin sign-in lockout (django-axes): 5 failures for one username from one
# client address pause that pair for 15 minutes. Counted in the shared cache
# (CACHES above), keyed on the address from config/client_address.py, so a
# forged X-Forwarded-For is believed only through TRUSTED_PROXY_COUNT proxies.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
# The pause runs from the last counted failure; tries during it do not extend it.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "config.sign_in.lockout_response"
# Axes' log lines name no address, user agent or typed username.
AXES_CLIENT_STR_CALLABLE = "config.sign_in.client_description"
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False  # the cache handler keeps no records to show
# How many sign-in attempts may have their password checked at the same moment,
# across all workers: each check is ~0.4 s of CPU, and guessing must not starve
# page serving (config/sign_in.py).
ADMIN_SIGN_IN_CONCURRENCY = max(int(os.environ.get("ADMIN_SIGN_IN_CONCURRENCY", "1")), 1)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English is the default and keeps its addresses unprefixed; every other
# language lives under its code (/es/...). A new language is a translation job:
# add it here, translate locale/<code>, and add its page files (README, "Languages").
LANGUAGE_CODE = "en"
# Each language's name in itself: the switch shows it to people who read that language.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Privacy: no cookie is set for ordinary visitors, except the language they
# chose with the switch (education.views.switch_language). Sessions exist only
# for editors signing in to the admin.
SESSION_COOKIE_HTTPONLY = True
# The language cookie only says "en" or "es", and only decides where the bare
# "/" sends someone; every other address keeps its own language.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# HTTPS hardening. On by default when DEBUG is off; `make run` turns it off to
# serve plain http on 127.0.0.1.
HTTPS = env_bool("DJANGO_HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS and env_bool("DJANGO_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SESSION_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000 if HTTPS else 0))
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Everything the site loads comes from itself: no CDN, fonts or analytics. No page
# has an inline script or style, so no nonce either: nothing inline ever runs, and
# a page is the same bytes for everyone who sees it (triage/rendered_steps.py).
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    # Only the kiosk's service worker (/kiosk/service-worker.js); said outright
    # rather than left to fall back to script-src.
    "worker-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "object-src": [CSP.NONE],
}

# Logs never include a request's query string or body: a symptom check's
# answers must never reach a log. Django's own request log is silenced; the
# access log format for gunicorn is in config/gunicorn.conf.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Messages can carry a client's path: control characters are written escaped.
    "formatters": {"escaped": {"()": "config.log_format.EscapingFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "escaped"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}

# --- Clinic settings: what a clinic changes to make the site its own. ---
SITE_NAME = os.environ.get("SITE_NAME", "Back Pain and Fever Guide")
CLINIC_NAME = os.environ.get("CLINIC_NAME", "")
# How visitors reach the clinic about the site (shown on the about page), e.g.
# "Call 555-0100 (weekdays 9 to 5) or write to info@clinic.example". Empty: the
# about page says to ask the clinic's staff.
CLINIC_CONTACT = os.environ.get("CLINIC_CONTACT", "").strip()
EMERGENCY_NUMBER = os.environ.get("EMERGENCY_NUMBER", "911")
URGENT_CARE_TEXT = os.environ.get(
    "URGENT_CARE_TEXT",
    "If you cannot see your own doctor today, go to an urgent care center.",
)
# The address of the public site, used in links that leave the building (QR codes).
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# Pages whose next review date falls within this many days are flagged in the admin.
REVIEW_WARNING_DAYS = int(os.environ.get("REVIEW_WARNING_DAYS", "30"))

# --- Kiosk mode: touch screens in a clinic's waiting room (see README, "Kiosk"). ---
# Staff turn a device into a kiosk at /kiosk/ with this PIN, and need it again to
# turn kiosk mode off. Empty means kiosk mode cannot be turned on.
KIOSK_PIN = os.environ.get("KIOSK_PIN", "").strip()
# Seconds without a touch before the "Are you still there?" warning, and how long
# the warning gives before the kiosk clears itself (never less than 20, WCAG 2.2.1).
KIOSK_IDLE_SECONDS = max(int(os.environ.get("KIOSK_IDLE_SECONDS", "90")), 10)
KIOSK_WARNING_SECONDS = max(int(os.environ.get("KIOSK_WARNING_SECONDS", "30")), 20)
# What an emergency result on a kiosk says first, before the emergency number: the
# person is already in the clinic. Empty means the built-in, translated
# "Tell the reception staff now."
KIOSK_EMERGENCY_TEXT = os.environ.get("KIOSK_EMERGENCY_TEXT", "").strip()
# The language a kiosk starts each person's turn in (one of LANGUAGES' codes).
KIOSK_LANGUAGE = os.environ.get("KIOSK_LANGUAGE", "").strip().lower() or LANGUAGE_CODE
if KIOSK_LANGUAGE not in dict(LANGUAGES):
    raise ImproperlyConfigured(
        f"KIOSK_LANGUAGE must be one of: {', '.join(code for code, _name in LANGUAGES)}."
    )
