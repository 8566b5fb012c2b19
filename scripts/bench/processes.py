"""Every process the benchmark starts: in its own process group, stopped at the end.

Stopping a group also stops what the child started (Chromium under Lighthouse,
nginx's and the app servers' workers), on success, on error and on Ctrl-C.
"""

import contextlib
import os
import signal
import socket
import subprocess
import time

HOST = "127.0.0.1"


class Processes:
    def __init__(self):
        self.running: list[subprocess.Popen] = []

    def start(self, command, **kwargs) -> subprocess.Popen:
        process = subprocess.Popen(command, start_new_session=True, **kwargs)  # noqa: S603
        self.running.append(process)
        return process

    def run(self, command, timeout: float, **kwargs) -> subprocess.CompletedProcess:
        """Run to completion, like subprocess.run, but stoppable with the rest."""
        process = self.start(command, **kwargs)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        finally:
            self.stop(process)
        if process.returncode != 0:
            raise subprocess.CalledProcessError(process.returncode, command, stdout, stderr)
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)

    def serve(self, command, port: int, name: str, **kwargs) -> subprocess.Popen:
        """Start a server and wait until it listens on ``port``."""
        process = self.start(command, **kwargs)
        wait_for_port(process, port, name)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            except ProcessLookupError:
                pass
        if process in self.running:
            self.running.remove(process)
        # A group can outlive its leader (e.g. Chromium after node exits).
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)

    def stop_all(self) -> None:
        for process in reversed(list(self.running)):
            self.stop(process)


def raise_on_signal(signum, frame):
    raise SystemExit(f"stopped by signal {signum}")


def wait_for_port(process: subprocess.Popen, port: int, name: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{name} exited during startup (code {process.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.1)
    raise SystemExit(f"{name} did not listen on {HOST}:{port} within {seconds:.0f} s")


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((HOST, port)) != 0


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()
