"""Throwaway PostgreSQL and Redis servers for the suite's second run (`pytest --real-services`).

Each starts on a free port on 127.0.0.1 in a new temporary directory, is tuned
for speed over durability (nothing in it outlives the run), and is stopped and
deleted afterwards. Debian's binaries are used: `make test` installs the
`postgresql` and `redis-server` packages when they are missing and it runs as root.

PostgreSQL refuses to run as root, and CI runs as root, so as root the server
runs as Debian's `postgres` user. That is also why these are started here rather
than with pytest-postgresql, whose server runs as the user running the tests.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis

START_TIMEOUT_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgresql_bin() -> Path:
    """PG_BIN, or the newest of Debian's /usr/lib/postgresql/<version>/bin."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed: `make test` installs it as root, "
            "or run `sudo apt-get install -y postgresql`."
        )
    return found[-1].parent


@contextmanager
def postgresql_server() -> Iterator[dict]:
    """A running PostgreSQL; yields Django DATABASES settings for it."""
    bin_dir = postgresql_bin()
    as_root = os.geteuid() == 0
    run_as = ["runuser", "-u", "postgres", "--"] if as_root else []
    workdir = Path(tempfile.mkdtemp(prefix="guide-test-postgresql-"))
    if as_root:
        shutil.chown(workdir, "postgres")
    data = workdir / "data"
    port = free_port()
    try:
        initdb = [*run_as, bin_dir / "initdb", "-D", data, "-U", "postgres", "-A", "trust"]
        initdb += ["-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
        subprocess.run(initdb, check=True, capture_output=True)  # noqa: S603 - our own paths
        options = (
            f"-p {port} -h 127.0.0.1 -k {workdir} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        start = [*run_as, bin_dir / "pg_ctl", "start", "-w", "-D", data, "-o", options]
        start += ["-l", workdir / "server.log", "-t", str(START_TIMEOUT_SECONDS)]
        subprocess.run(start, check=True, capture_output=True)  # noqa: S603 - our own paths
        stop = [*run_as, bin_dir / "pg_ctl", "stop", "-w", "-D", data, "-m", "fast"]
        _controls[str(port)] = (stop, start)
        yield {
            "ENGINE": "django.db.backends.postgresql",
            "HOST": "127.0.0.1",
            "PORT": str(port),
            "USER": "postgres",
            "PASSWORD": "",
            "NAME": "guide",
            "OPTIONS": {},  # not SQLite's (config/settings.py)
        }
    finally:
        _controls.pop(str(port), None)
        stop = [*run_as, bin_dir / "pg_ctl", "stop", "-D", data, "-m", "immediate"]
        subprocess.run(stop, capture_output=True)  # noqa: S603 - our own paths
        shutil.rmtree(workdir, ignore_errors=True)


# Port -> the commands that stop and start that throwaway server again.
_controls: dict[str, tuple[list, list]] = {}


@contextmanager
def postgresql_stopped(database_settings: dict) -> Iterator[None]:
    """Stop a server from ``postgresql_server`` (its connections are closed), and start it again."""
    stop, start = _controls[database_settings["PORT"]]
    subprocess.run(stop, check=True, capture_output=True)  # noqa: S603 - our own paths
    try:
        yield
    finally:
        subprocess.run(start, check=True, capture_output=True)  # noqa: S603 - our own paths


@contextmanager
def redis_server() -> Iterator[str]:
    """A running Redis with nothing saved to disk; yields its URL."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise RuntimeError(
            "redis-server is not installed: `make test` installs it as root, "
            "or run `sudo apt-get install -y redis-server`."
        )
    port = free_port()
    command = [executable, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--daemonize", "no", "--loglevel", "warning"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - our own paths
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
