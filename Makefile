# The two commands a newcomer needs:  make run   and   make test
# Both build what they need from nothing: a virtualenv with Python >= 3.12,
# the pinned packages, the database and its content (and Chromium for tests).

VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000
SECRET_FILE := .local-secret-key

# Local runs use plain http on 127.0.0.1, with DEBUG off so you see what users see.
LOCAL_ENV = DJANGO_SECRET_KEY="$$(cat $(SECRET_FILE))" DJANGO_HTTPS=false

.PHONY: run dev test lint format check browsers services gettext messages bench bench-tools clean help

help:
	@echo "make run    - serve the site on http://$(HOST):$(PORT) with all content loaded"
	@echo "make test   - run the whole test suite (lint, migrations check, unit, browser)"
	@echo "make dev    - Django's development server with DEBUG on"
	@echo "make format - format the code with ruff"
	@echo "make messages - add newly marked strings to locale/*/django.po and compile the .mo files"
	@echo "make bench  - nginx, the proxy, gunicorn and granian side by side; page weight; Lighthouse (docs/benchmarks.md)"

$(VENV)/.created:
	@python=$$(scripts/find-python) && echo "Using $$python" && $$python -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	@touch $@

$(VENV)/.runtime: $(VENV)/.created requirements.txt
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	@touch $@

$(SECRET_FILE): | $(VENV)/.created
	@$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

# Database and content: migrate, then load the shipped pages (idempotent; keeps editors' changes).
database: $(VENV)/.runtime $(SECRET_FILE)
	$(LOCAL_ENV) $(PY) manage.py migrate --noinput
	$(LOCAL_ENV) $(PY) manage.py createcachetable
	$(LOCAL_ENV) $(PY) manage.py load_content

# The production app server (granian, config/serve.py), DEBUG off, SQLite and the
# database cache: what a single clinic can run as it is.
run: database
	$(LOCAL_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(LOCAL_ENV) SERVER_HOST=$(HOST) SERVER_PORT=$(PORT) $(PY) -m config.serve

# Django's development server, DEBUG on, reloading on every change.
dev: database
	$(LOCAL_ENV) DJANGO_DEBUG=true $(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests; installed when missing and we are root.
browsers:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing Chromium from Debian's packages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "Chromium is missing: run 'sudo apt-get install -y chromium' for the browser tests" >&2; exit 1; \
	fi

# Debian's PostgreSQL and Redis servers for the suite's second run, which starts
# throwaway instances of both (tests/services.py), and nginx and openssl for the
# test of the shipped proxy config (tests/deploy/); installed when missing and we are root.
services:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing="$$missing postgresql"; \
	command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	PATH="$$PATH:/usr/sbin" command -v nginx >/dev/null || missing="$$missing nginx"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing$$missing from Debian's packages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Missing for the tests:$$missing. Run 'sudo apt-get install -y$$missing'" >&2; exit 1; \
	fi

# Debian's gettext (xgettext, msgmerge, msgfmt) for `make messages` and the tests
# that check the translation catalogs; installed when missing and we are root.
gettext:
	@if command -v xgettext >/dev/null && command -v msgfmt >/dev/null; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing gettext from Debian's packages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
	else \
		echo "gettext is missing: run 'sudo apt-get install -y gettext' for the translation tests" >&2; exit 1; \
	fi

# Translations (README "Translations"): collect the marked strings into every
# language's locale/<code>/LC_MESSAGES/django.po, then compile the django.mo files.
# Translate the new entries, run it again, and commit both files.
messages: $(VENV)/.runtime $(SECRET_FILE) gettext
	$(LOCAL_ENV) $(PY) -m config.translations

# `make bench`: Debian's wrk, nginx and Node (npm) when missing and we are root,
# Chromium as for the tests, and Lighthouse with puppeteer-core from the npm
# registry, pinned by scripts/lighthouse/package-lock.json, in its node_modules.
LIGHTHOUSE_DIR := scripts/lighthouse
BENCH_PACKAGES := wrk:wrk nginx:nginx openssl:openssl npm:nodejs npm:npm

bench-tools: browsers
	@missing=""; for pair in $(BENCH_PACKAGES); do \
		command -v $${pair%%:*} >/dev/null || missing="$$missing $${pair#*:}"; done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ]; then \
		echo "Installing$$missing from Debian's packages..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Missing for make bench:$$missing. Run 'sudo apt-get install -y$$missing'" >&2; exit 1; \
	fi

$(LIGHTHOUSE_DIR)/node_modules/.installed: $(LIGHTHOUSE_DIR)/package-lock.json | bench-tools
	cd $(LIGHTHOUSE_DIR) && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

bench: $(VENV)/.runtime bench-tools $(LIGHTHOUSE_DIR)/node_modules/.installed
	$(PY) -m scripts.bench $(BENCH_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: $(VENV)/.dev
	DJANGO_SETTINGS_MODULE=tests.settings $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=tests.settings $(PY) manage.py check

# Twice: everything on SQLite with the database cache (as `make run`), then the
# tests that are not browser tests on a throwaway PostgreSQL with Redis as the
# cache (as production); see tests/conftest.py.
test: $(VENV)/.dev browsers services gettext lint check
	$(PY) -m pytest $(PYTEST_ARGS)
	$(PY) -m pytest --real-services -m "not browser" $(PYTEST_SERVICES_ARGS)

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .hypothesis $(LIGHTHOUSE_DIR)/node_modules
