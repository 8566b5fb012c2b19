"""Lighthouse scores, with Debian's Chromium and the flags every headless run uses.

Lighthouse and puppeteer-core are pinned in scripts/lighthouse (npm ci, which
`make bench` runs). The result page is only reached by posting the checker's
forms, so scripts/lighthouse/result-flow.mjs walks there in the browser.
"""

import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from scripts.bench.processes import Processes

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = json.loads((ROOT / "scripts" / "chromium.json").read_text())
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lighthouse sometimes fails to record a page load's trace ("NO_NAVSTART ... Please
# run Lighthouse again"); one more try, and then the page is reported as not measured
# instead of losing the whole run's figures.
ATTEMPTS = 2
# The result page has no address of its own: result-flow.mjs posts the checker's forms.
RESULT_PAGE = "POST /check/ (the final submit)"


@dataclass
class LighthouseResult:
    name: str
    url: str
    scores: dict[str, int]
    # Audits that cost points: (category, audit title, details).
    misses: list[tuple[str, str, str]]
    # Why the page has no scores, when Lighthouse failed on every attempt.
    error: str = field(default="")


def measured(name: str, url: str, measure: Callable[[], LighthouseResult]) -> LighthouseResult:
    """``measure()``, tried up to ATTEMPTS times; a page Lighthouse never measured is
    returned with no scores and the reason, for the report to count as a miss."""
    reason = ""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return measure()
        except subprocess.CalledProcessError as error:
            reason = failure_reason(error.stderr)
            print(f"  {name}: Lighthouse failed (attempt {attempt} of {ATTEMPTS}): {reason}")
    return LighthouseResult(name, url, {}, [], error=reason)


def failure_reason(stderr: bytes | str | None) -> str:
    text = stderr.decode(errors="replace") if isinstance(stderr, bytes) else stderr or ""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    runtime = [line for line in lines if "error" in line.lower()]
    return (runtime or lines or ["no message"])[-1][:200]


def read_report(name: str, url: str, report: dict) -> LighthouseResult:
    scores = {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}
    misses = []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items") or []
                snippets = [
                    (item.get("node") or {}).get("snippet") or item.get("url") or ""
                    for item in items[:3]
                    if isinstance(item, dict)
                ]
                detail = "; ".join(part for part in [audit.get("displayValue"), *snippets] if part)
                misses.append((key, audit["title"], detail))
    return LighthouseResult(name, url, scores, misses)


def lighthouse(procs: Processes, work: Path, name: str, url: str) -> LighthouseResult:
    output = work / f"lighthouse-{re.sub(r'\W+', '-', name)}.json"
    flags = " ".join(["--headless=new", *CHROMIUM["flags"]])
    procs.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-path={CHROMIUM['executable']}",
            f"--chrome-flags={flags}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            f"--output-path={output}",
            "--quiet",
        ],
        timeout=240,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return read_report(name, url, json.loads(output.read_text()))


def lighthouse_result_page(procs: Processes, work: Path, base: str) -> LighthouseResult:
    output = work / "lighthouse-result-page.json"
    procs.run(
        ["node", str(LIGHTHOUSE_DIR / "result-flow.mjs"), base, str(output)],
        timeout=240,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return read_report("result page", RESULT_PAGE, json.loads(output.read_text()))


def version() -> str:
    if not LIGHTHOUSE.exists():
        return "Lighthouse not installed"
    done = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)  # noqa: S603
    return f"Lighthouse {done.stdout.strip()}"
