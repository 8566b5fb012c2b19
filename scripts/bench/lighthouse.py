"""Lighthouse scores, with Debian's Chromium and the flags every headless run uses.

Lighthouse and puppeteer-core are pinned in scripts/lighthouse (npm ci, which
`make bench` runs). The result page is only reached by posting the checker's
forms, so scripts/lighthouse/result-flow.mjs walks there in the browser.
"""

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.processes import Processes

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE_DIR = ROOT / "scripts" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = json.loads((ROOT / "scripts" / "chromium.json").read_text())
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


@dataclass
class LighthouseResult:
    name: str
    url: str
    scores: dict[str, int]
    # Audits that cost points: (category, audit title, details).
    misses: list[tuple[str, str, str]]


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
    return read_report(
        "result page", "POST /check/ (the final submit)", json.loads(output.read_text())
    )


def version() -> str:
    if not LIGHTHOUSE.exists():
        return "Lighthouse not installed"
    done = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)  # noqa: S603
    return f"Lighthouse {done.stdout.strip()}"
