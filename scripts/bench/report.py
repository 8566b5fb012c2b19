"""The Markdown report: every figure, its target and MET / NOT MET, written into docs/benchmarks.md.

Targets come from the issues that set them (issue 5, then issue 10) and are
never lowered here: a missed target is reported as missed.
"""

from dataclasses import dataclass, field
from pathlib import Path

from scripts.bench.lighthouse import ATTEMPTS, CATEGORIES, LighthouseResult
from scripts.bench.load import CONNECTIONS, STEADY_CONNECTIONS, THREADS, LoadResult
from scripts.bench.page_weight import TARGET_BYTES, Weight

DOCS = Path(__file__).resolve().parents[2] / "docs" / "benchmarks.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

STEADY_RATE = 200
STEADY_P99_MS = 20.0
# (numerator, denominator, at least): throughput ratios from issue 10 and issue 5.
RATIO_TARGETS = [
    ("proxy, content page", "nginx, file", 0.8, "issue 10"),
    ("granian, floor", "gunicorn, floor", 2.0, "issue 10"),
    ("granian, content page", "granian, floor", 0.7, "issue 10"),
    ("granian, checker step", "granian, floor", 0.5, "issue 10"),
    ("granian, JSON API", "granian, floor", 0.7, "issue 10"),
    ("granian, content page", "nginx, file", 0.25, "issue 5"),
]
API_P99_AT_50_MS = 5.0  # issue 5


@dataclass
class Run:
    date: str
    machine: str
    versions: str
    servers: dict[str, str]
    duration: int
    steady_duration: int
    rounds: int = 1
    load: dict[str, LoadResult] = field(default_factory=dict)
    steady: dict[str, LoadResult] = field(default_factory=dict)
    load_averages: list[float] = field(default_factory=list)
    weights: list[Weight] = field(default_factory=list)
    lighthouse: list[LighthouseResult] = field(default_factory=list)


def mark(ok: bool) -> str:
    return "MET" if ok else "**NOT MET**"


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def targets(run: Run) -> list[tuple[str, str, bool]]:
    """(target, measured, met) for every target this run measured."""
    rows = []
    for numerator, denominator, least, issue in RATIO_TARGETS:
        top, bottom = run.load[numerator], run.load[denominator]
        ratio = top.requests_per_second / bottom.requests_per_second
        rows.append(
            (
                f"{numerator} ≥ {least} × {denominator} ({issue})",
                f"{top.requests_per_second:,.0f} / {bottom.requests_per_second:,.0f} = {ratio:.2f}",
                ratio >= least,
            )
        )
    for name, result in run.steady.items():
        # Short of the rate means the server fell behind and p99 understates the wait.
        reached = result.requests_per_second >= 0.95 * STEADY_RATE
        rows.append(
            (
                f"{name}: p99 < {STEADY_P99_MS:.0f} ms at a steady {STEADY_RATE} requests/s "
                "(issue 10)",
                f"{result.p99_ms:.1f} ms at {result.requests_per_second:,.0f} requests/s",
                reached and result.p99_ms < STEADY_P99_MS and not result.wrong,
            )
        )
    api = run.load["granian, JSON API"]
    rows.append(
        (
            f"granian, JSON API: p99 < {API_P99_AT_50_MS:.0f} ms at {CONNECTIONS} connections "
            "(issue 5)",
            f"{api.p99_ms:.1f} ms",
            api.p99_ms < API_P99_AT_50_MS,
        )
    )
    heaviest = max(run.weights, key=lambda weight: weight.total)
    rows.append(
        (
            f"every page type ≤ {TARGET_BYTES // 1024} KB gzipped (issue 5)",
            f"heaviest: {heaviest.name}, {kb(heaviest.total)}",
            heaviest.total <= TARGET_BYTES,
        )
    )
    if run.lighthouse:
        below = [
            f"{result.name} {category} {result.scores[category]}"
            for result in run.lighthouse
            for category in CATEGORIES
            if not result.error and result.scores[category] < 100
        ]
        below += [f"{result.name} not measured" for result in run.lighthouse if result.error]
        rows.append(
            (
                "Lighthouse 100 in all four categories on every page type (issue 10)",
                "; ".join(below) or f"all 100 ({len(run.lighthouse)} pages)",
                not below,
            )
        )
    return rows


def rounds_text(rounds: int) -> str:
    if rounds == 1:
        return "one round of each target"
    return (
        f"{rounds} rounds, each running every target of its server (or both nginx "
        "measurements) in turn, and each target's median round reported, never its best"
    )


def load_table(results: dict[str, LoadResult]) -> list[str]:
    """One row per measurement; with several rounds, the median round's figures and
    every round's requests/s, in the order they ran."""
    rounds = any(result.round_rates for result in results.values())
    lines = [
        "| server, target | request | requests/s | p50 | p99 | non-2xx | wrong answers |"
        + (" every round, requests/s |" if rounds else ""),
        "|---|---|---:|---:|---:|---:|---:|" + ("---|" if rounds else ""),
    ]
    for name, result in results.items():
        lines.append(
            f"| {name} | `{result.request}` | {result.requests_per_second:,.0f} | "
            f"{result.p50_ms:.1f} ms | {result.p99_ms:.1f} ms | {result.non_2xx} | "
            f"{result.wrong} |"
            + (f" {', '.join(f'{rate:,.0f}' for rate in result.round_rates)} |" if rounds else "")
        )
    return lines


def render(run: Run) -> str:
    averages = run.load_averages
    lines = [
        f"### Run of {run.date}",
        "",
        f"- Machine: {run.machine}. Load average (1 min) during the run: "
        f"{min(averages):.1f} to {max(averages):.1f} (sampled before each measurement; "
        "the machine is shared, so figures move between runs).",
        f"- Versions: {run.versions}",
        "- App servers, as shipped, one at a time, DEBUG off, SQLite, access log on: "
        + "; ".join(f"{name} ({shape})" for name, shape in run.servers.items())
        + ". The floor is a hello-world view through the site's whole middleware stack, "
        "reachable only with the benchmark's settings (scripts/bench/urls.py).",
        "- nginx: the shipped `deploy/nginx/guide.conf.in` in front of granian, cache warm; "
        "and a minimal server sending the condition page's bytes from a file. Both over TLS "
        "with keep-alive, access log on.",
        f"- Flat out: `wrk -t{THREADS} -c{CONNECTIONS} -d{run.duration}s --latency` after a "
        f"2 s warm-up; {rounds_text(run.rounds)}. Steady: wrk with {STEADY_CONNECTIONS} "
        "connections paced by a Lua "
        f"`delay()` to {STEADY_RATE} requests/s in total for {run.steady_duration} s. The load "
        "generator runs on the same cores as the servers.",
        "",
        "#### Throughput, flat out",
        "",
        *load_table(run.load),
        "",
        f"#### Latency at a steady {STEADY_RATE} requests/s (granian)",
        "",
        *load_table(run.steady),
        "",
        "'wrong answers' counts responses without the expected content (the floor's text, "
        "the page's `<h1`, the checker's next step, the API's `\"level\"`).",
        "",
        "#### Page weight (HTML + CSS + JavaScript, each gzipped at level 6)",
        "",
        "| page type | HTML | CSS | JS | total | files |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for weight in run.weights:
        lines.append(
            f"| {weight.name} | {kb(weight.html)} | {kb(weight.css)} | {kb(weight.js)} | "
            f"{kb(weight.total)} | {', '.join(weight.files)} |"
        )
    if run.lighthouse:
        lines += [
            "",
            "#### Lighthouse (default mobile profile, simulated throttling)",
            "",
            "| page | performance | accessibility | best practices | SEO |",
            "|---|---:|---:|---:|---:|",
        ]
        for result in run.lighthouse:
            if result.error:
                lines.append(f"| {result.name} | not measured | - | - | - |")
                continue
            scores = " | ".join(str(result.scores[category]) for category in CATEGORIES)
            lines.append(f"| {result.name} | {scores} |")
        failed = [result for result in run.lighthouse if result.error]
        if failed:
            lines += ["", f"Not measured, after {ATTEMPTS} tries each:", ""]
            lines += [f"- {result.name}: {result.error}" for result in failed]
        misses = [(result.name, *miss) for result in run.lighthouse for miss in result.misses]
        if misses:
            lines += ["", "Scored audits below full marks:", ""]
            lines += [
                f"- {name}, {category}: {title}" + (f" ({detail})" if detail else "")
                for name, category, title, detail in misses
            ]
    lines += ["", "#### Targets", "", "| target | measured | result |", "|---|---|---|"]
    lines += [f"| {target} | {measured} | {mark(met)} |" for target, measured, met in targets(run)]
    if not run.lighthouse:
        lines.append("| Lighthouse 100 on every page type (issue 10) | not run | - |")
    return "\n".join(lines) + "\n"


def write_docs(text: str) -> None:
    block = f"{START}\n{text}{END}"
    current = DOCS.read_text()
    if START in current and END in current:
        before, rest = current.split(START, 1)
        DOCS.write_text(before + block + rest.split(END, 1)[1])
    else:
        DOCS.write_text(current.rstrip() + "\n\n" + block + "\n")
