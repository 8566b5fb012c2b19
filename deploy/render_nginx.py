"""Fill in deploy/nginx/guide.conf.in for one site, so the shipped file is used unedited.

    python deploy/render_nginx.py --server-name guide.example.org \\
        --static-root /srv/guide/staticfiles > /etc/nginx/conf.d/guide.conf

Every value has a default (see ``DEFAULTS``); ``--help`` lists them. The
tests and `make bench` render the same template for loopback ports and a
throwaway certificate, and run it under :func:`standalone_nginx_conf`.
Standard library only: it runs before the app's virtualenv exists.
"""

import argparse
import re
import sys
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "nginx" / "guide.conf.in"

DEFAULTS = {
    "SERVER_NAME": "guide.example.org",
    "HTTP_LISTEN": "80",
    "HTTPS_LISTEN": "443",
    # Where `python -m config.serve` listens (SERVER_HOST:SERVER_PORT).
    "APP_UPSTREAM": "127.0.0.1:8000",
    # Placeholders: your certificate (full chain) and key, e.g. Let's Encrypt's
    # /etc/letsencrypt/live/<name>/fullchain.pem and privkey.pem.
    "TLS_CERTIFICATE": "/etc/ssl/guide/fullchain.pem",
    "TLS_CERTIFICATE_KEY": "/etc/ssl/guide/privkey.pem",
    # The app's STATIC_ROOT, where `manage.py collectstatic` writes.
    "STATIC_ROOT": "/srv/guide/staticfiles",
    "CACHE_DIR": "/var/cache/nginx/guide",
    "LOG_DIR": "/var/log/nginx",
}

PLACEHOLDER = re.compile(r"@([A-Z_]+)@")
# A value becomes one nginx word: no spaces, quotes, semicolons, braces or variables.
SAFE_VALUE = re.compile(r"[^\s;{}'\"$#\\]+")


def render(**values: str) -> str:
    """The template with every @NAME@ replaced: ``values`` over ``DEFAULTS``."""
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"unknown settings: {', '.join(sorted(unknown))}")
    settings = DEFAULTS | values
    for name, value in settings.items():
        if not SAFE_VALUE.fullmatch(value):
            raise ValueError(f"{name} must be one word without spaces, quotes, ; {{ }} or $")
    return PLACEHOLDER.sub(lambda match: settings[match.group(1)], TEMPLATE.read_text())


def standalone_nginx_conf(folder: Path, site_conf: Path, as_root: bool) -> str:
    """A whole nginx.conf that runs a rendered site file from one folder, for tests and benches.

    It stands in for Debian's /etc/nginx/nginx.conf, gzip on for html
    included, so the site file is tried against what it meets in production.
    """
    return f"""\
daemon off;
worker_processes auto;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log warn;
{"user root;  # the test's files are in a private temporary folder" if as_root else ""}
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
    gzip on;
    client_body_temp_path {folder}/client-body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site_conf};
}}
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description="Print deploy/nginx/guide.conf.in with the values given (defaults in brackets)."
    )
    for name, default in DEFAULTS.items():
        parser.add_argument(f"--{name.lower().replace('_', '-')}", default=default, help=default)
    args = parser.parse_args()
    try:
        text = render(**{name: getattr(args, name.lower()) for name in DEFAULTS})
    except ValueError as error:
        parser.error(str(error))
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
