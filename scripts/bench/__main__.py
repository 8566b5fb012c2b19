"""Run every measurement in turn and write the report: `python -m scripts.bench [--help]`."""

import argparse
import datetime
import functools
import importlib.metadata
import os
import platform
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from scripts.bench import lighthouse, nginx
from scripts.bench.load import LoadResult, median_of, wrk
from scripts.bench.page_weight import page_weight
from scripts.bench.processes import HOST, Processes, port_is_free, raise_on_signal
from scripts.bench.report import DOCS, STEADY_RATE, Run, render, write_docs
from scripts.bench.site import (
    APP_SERVERS,
    CONDITION_PAGE,
    ROOT,
    Target,
    environment,
    fetch,
    prepare,
    server_shape,
    targets,
    walk_to_result,
)

# 8000 is `make run`; the benchmark keeps to its own ports.
APP_PORT = int(os.environ.get("BENCH_PORT", "8101"))
FILE_PORT, PROXY_PORT = APP_PORT + 1, APP_PORT + 2  # the proxy's http redirect: + 3
PAGE_TYPES = {
    "home": "/",
    "condition page": CONDITION_PAGE,
    "checker step": "/check/",
    "result page": None,  # reached by posting the checker's forms
    "search": "/search/?q=kidney",
    "page list": "/conditions/",
}


def first_line(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)  # noqa: S603
    except OSError:
        return "missing"
    return ((done.stdout or done.stderr).strip().splitlines() or ["?"])[0]


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    memory_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
    os_name = re.search(r'PRETTY_NAME="([^"]+)"', Path("/etc/os-release").read_text())
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory_kb / 1024 / 1024:.0f} GiB memory, "
        f"{os_name.group(1) if os_name else platform.platform()}"
    )


def versions() -> str:
    return ", ".join(
        [
            f"Python {platform.python_version()}",
            *(
                f"{package} {importlib.metadata.version(package)}"
                for package in ("Django", "gunicorn", "granian")
            ),
            first_line(["wrk", "--version"]).split(" [")[0].replace("wrk debian/", "wrk "),
            nginx.version(),
            lighthouse.version(),
            first_line([lighthouse.CHROMIUM["executable"], "--version"]).split(" built")[0],
            "Node " + first_line(["node", "--version"]),
        ]
    )


def check_tools(with_lighthouse: bool) -> None:
    missing = [tool for tool in ("wrk", "nginx", "openssl") if not shutil.which(tool)]
    if with_lighthouse:
        missing += [tool for tool in ("node",) if not shutil.which(tool)]
        if not Path(lighthouse.CHROMIUM["executable"]).exists():
            missing.append(lighthouse.CHROMIUM["executable"])
        if not lighthouse.LIGHTHOUSE.exists():
            missing.append("Lighthouse (npm ci in scripts/lighthouse)")
    if missing:
        raise SystemExit(
            "Missing: " + ", ".join(missing) + ". `make bench` installs them "
            "(as root, or: sudo apt-get install wrk nginx openssl chromium nodejs npm)."
        )


class Measure:
    """The run's state: its processes, folder, arguments and what has been measured."""

    def __init__(self, procs: Processes, work: Path, args):
        self.procs, self.work, self.args = procs, work, args
        self.env = environment(work, APP_PORT)
        self.base = f"http://{HOST}:{APP_PORT}"
        self.run = Run(
            date=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            machine=machine(),
            versions=versions(),
            servers={name: server_shape(name, self.env) for name in APP_SERVERS},
            duration=args.duration,
            steady_duration=args.steady_duration,
            rounds=args.rounds,
        )

    def wrk(self, name: str, base: str, target, rate: int = 0) -> LoadResult:
        self.run.load_averages.append(os.getloadavg()[0])
        duration = self.args.steady_duration if rate else self.args.duration
        return wrk(self.procs, self.work, name, base, target, duration, rate)

    def start_app(self, name: str):
        log = (self.work / f"{name}.log").open("w")
        return self.procs.serve(
            APP_SERVERS[name], APP_PORT, name, cwd=ROOT, env=self.env, stdout=log, stderr=log
        )

    def rounds(self, measurements: list[tuple[str, str, Target]]) -> None:
        """Each (name, base address, target) flat out, all of them in turn, for as many
        rounds as asked; the median round of each is kept (load.median_of)."""
        results: dict[str, list[LoadResult]] = {name: [] for name, _base, _target in measurements}
        for number in range(1, self.args.rounds + 1):
            if self.args.rounds > 1:
                print(f" round {number} of {self.args.rounds}:", flush=True)
            for name, base, target in measurements:
                results[name].append(self.wrk(name, base, target))
        for name, rounds in results.items():
            self.run.load[name] = median_of(rounds)

    def app_server(self, name: str) -> None:
        print(f"{name} on {self.base} ({self.run.servers[name]}), {self.args.duration} s each:")
        server = self.start_app(name)
        try:
            self.rounds(
                [
                    (f"{name}, {target.name}", self.base, target)
                    for target in targets(self.base).values()
                ]
            )
        finally:
            self.procs.stop(server)

    def with_granian(self) -> None:
        """nginx both ways, the steady rate, page weight and Lighthouse, all with granian."""
        self.start_app("granian")  # stopped with everything else at the end
        proxy = nginx.Nginx(self.procs)
        try:
            found = targets(self.base)
            content = found["content page"]
            print("nginx, over TLS:")
            proxy.serve_file(CONDITION_PAGE, fetch(self.base + CONDITION_PAGE).body, FILE_PORT)
            proxy.serve_proxy(APP_PORT, ROOT / "staticfiles", PROXY_PORT)
            self.rounds(
                [
                    ("nginx, file", f"https://{HOST}:{FILE_PORT}", content),
                    ("proxy, content page", f"https://{HOST}:{PROXY_PORT}", content),
                ]
            )
            print(f"granian at a steady {STEADY_RATE} requests/s:")
            for name in ("checker step", "JSON API"):
                self.run.steady[f"granian, {name}"] = self.wrk(
                    f"granian, {name}, {STEADY_RATE}/s", self.base, found[name], STEADY_RATE
                )
            print("Page weight...", flush=True)
            pages = {name: fetch(self.base + url) for name, url in PAGE_TYPES.items() if url}
            pages["result page"] = walk_to_result(self.base)
            self.run.weights = [page_weight(self.base, name, pages[name]) for name in PAGE_TYPES]
            if not self.args.no_lighthouse:
                self.lighthouse()
        finally:
            self.procs.stop_all()
            proxy.remove()

    def lighthouse(self) -> None:
        print("Lighthouse (about 20 s a page)...", flush=True)
        for name, url in PAGE_TYPES.items():
            self.run.load_averages.append(os.getloadavg()[0])
            if url is None:
                address = lighthouse.RESULT_PAGE
                measure = functools.partial(
                    lighthouse.lighthouse_result_page, self.procs, self.work, self.base
                )
            else:
                address = self.base + url
                measure = functools.partial(
                    lighthouse.lighthouse, self.procs, self.work, name, address
                )
            result = lighthouse.measured(name, address, measure)
            self.run.lighthouse.append(result)
            print(f"  {name}: {result.scores or 'not measured'}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10, help="seconds per flat-out run (10)")
    parser.add_argument(
        "--steady-duration", type=int, default=20, help="seconds per steady-rate run (20)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="flat-out rounds of every target, interleaved; the median is reported (3)",
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--no-write", action="store_true", help="do not update the docs")
    args = parser.parse_args()
    check_tools(with_lighthouse=not args.no_lighthouse)
    for port in (APP_PORT, FILE_PORT, PROXY_PORT, PROXY_PORT + 1):
        if not port_is_free(port):
            raise SystemExit(f"port {port} on {HOST} is in use; set BENCH_PORT to another port")

    # Ctrl-C and a plain kill both end the run through the cleanup below, even
    # when the shell that started us ignores SIGINT (a background job).
    signal.signal(signal.SIGTERM, raise_on_signal)
    signal.signal(signal.SIGINT, raise_on_signal)
    procs = Processes()
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        measure = Measure(procs, work, args)
        print("Preparing a throwaway database, the shipped content and static files...")
        prepare(procs, measure.env)
        for name in APP_SERVERS:
            measure.app_server(name)
        measure.with_granian()
        measure.run.load_averages.append(os.getloadavg()[0])
        text = render(measure.run)
    except subprocess.CalledProcessError as error:
        details = error.stderr.decode() if isinstance(error.stderr, bytes) else error.stderr
        raise SystemExit(f"{' '.join(map(str, error.cmd))} failed:\n{details or ''}") from None
    finally:
        procs.stop_all()
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(text)
    if not args.no_write:
        write_docs(text)
        print(f"Written to {DOCS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
