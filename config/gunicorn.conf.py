"""Gunicorn settings for production: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

One place for the server's settings, so the README, `make bench` and the
access-log test all run the site the same way. Each value can be changed from
the environment without editing this file.
"""

import logging
import os
import re

from gunicorn import glogging

from config.log_format import escape_controls

# Behind a TLS-terminating proxy on the same machine; set GUNICORN_BIND to
# e.g. "0.0.0.0:8000" or "unix:/run/guide.sock" (comma-separated for several).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Sync workers, two per core. Each request is a few milliseconds of CPU-bound
# Python (middleware, templates, the engine) and short database reads; a
# second worker per core keeps the core busy while the other waits on the
# database (PostgreSQL in production is across a socket). `make bench` on
# 2 cores (docs/benchmarks.md, single runs on a shared machine): 4 sync workers
# did as well as 2 or better on every target at 50 connections, and gthread (2
# workers x 4 threads) no better than sync. Sync workers serve one connection
# at a time, so run behind a buffering proxy.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (os.cpu_count() or 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# The control socket lets anyone with access to the file reload or stop the
# server; production is managed by the service manager instead.
control_socket_disable = True

# Access log to stdout for the service manager's journal; errors to stderr.
# The format is the privacy rule made concrete: method, path without the query
# string (%(U)s), status, bytes and duration only. No client address, query
# string (%(q)s, %(r)s), referer (%(f)s), user agent, cookies or other headers:
# a visit to a condition page is health information, and the checker's answers
# must never reach a log.
accesslog = "-"
errorlog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# gunicorn itself writes the raw request line, query string included, into the
# error log when a request line is malformed or a worker times out mid-request.
QUERY_STRING = re.compile(r"\?[^\s'\"]*")


def drop_query_strings(record: logging.LogRecord) -> bool:
    record.msg = QUERY_STRING.sub(" [query string removed]", record.getMessage())
    record.args = ()
    return True


def escape_control_characters(record: logging.LogRecord) -> bool:
    """The path is the client's: a newline or escape sequence in it must not forge a line."""
    record.msg = escape_controls(record.getMessage())
    record.args = ()
    return True


class Logger(glogging.Logger):
    """gunicorn's logger: query strings cut from error messages, control characters escaped."""

    def setup(self, cfg):
        super().setup(cfg)
        self.error_log.addFilter(drop_query_strings)
        self.error_log.addFilter(escape_control_characters)
        self.access_log.addFilter(escape_control_characters)


logger_class = Logger
