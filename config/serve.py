"""The production app server: granian serving config.wsgi. Run `python -m config.serve`.

One place for the server's settings, so `make run`, the README and the tests
run the site the same way; each can be changed from the environment.

Why granian and not gunicorn: on this app, with DEBUG off and the same SQLite
database, granian answers 1.5 to 2.4 times as many requests per second as
gunicorn's sync workers (README, "Choosing the app server"). Its connections
and request headers are handled by Rust threads; a request body is read from
the Django thread, so a slow client needs the buffering proxy in front
(deploy/nginx/guide.conf.in).
"""

import os
import sys

from granian import Granian
from granian.constants import Interfaces

# The access log is the privacy rule made concrete: time, method, path without
# the query string, status and duration only. No client address (%(addr)s),
# query string, referer, user agent, cookies or other headers: a visit to a
# condition page is health information, and the checker's answers must never
# reach a log. Paths are the client's words, so control characters in them are
# escaped (config/log_format.py).
ACCESS_LOG_FORMAT = '[%(time)s] "%(method)s %(path)s" %(status)d %(dt_ms).1fms'

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "generic": {
            "()": "config.log_format.EscapingFormatter",
            "fmt": "[%(levelname)s] %(message)s",
        },
        "access": {"()": "config.log_format.EscapingFormatter", "fmt": "%(message)s"},
    },
    "handlers": {
        "console": {
            "formatter": "generic",
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
        },
        "access": {
            "formatter": "access",
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
        },
    },
    "loggers": {
        "_granian": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "granian.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    },
}


def access_log_on() -> bool:
    """Whether granian writes the access log: yes, unless SERVER_ACCESS_LOG is "off".

    Behind the shipped proxy, nginx already writes the same private line for
    every request (deploy/nginx/guide.conf.in). Writing it a second time here
    cost granian a sixth to a quarter of its requests per second (docs/benchmarks.md).
    """
    value = os.environ.get("SERVER_ACCESS_LOG", "on").strip().lower()
    return value not in {"off", "false", "0", "no"}


def server() -> Granian:
    cores = os.cpu_count() or 1
    return Granian(
        "config.wsgi:application",
        interface=Interfaces.WSGI,
        address=os.environ.get("SERVER_HOST", "127.0.0.1"),
        port=int(os.environ.get("SERVER_PORT", "8000")),
        # One process per core, each running Django in eight threads: the fastest
        # of the shapes measured (README, "Choosing the app server"), and a
        # client sending its body slowly holds only one of them, so a few such
        # clients cannot stop the site when nothing buffers in front of it.
        workers=int(os.environ.get("SERVER_WORKERS", cores)),
        blocking_threads=int(os.environ.get("SERVER_THREADS", "8")),
        websockets=False,
        respawn_failed_workers=True,
        log_dictconfig=LOGGING,
        log_access=access_log_on(),
        log_access_format=ACCESS_LOG_FORMAT,
    )


if __name__ == "__main__":
    # Each log line out at once, from every worker, also when stdout is a file
    # or a pipe to the service manager: a line still in a buffer when a worker
    # stops is lost.
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.stdout.reconfigure(line_buffering=True)
    server().serve()
