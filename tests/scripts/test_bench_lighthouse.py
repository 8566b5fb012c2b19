"""A page Lighthouse fails on is tried again, then reported as not measured, never lost."""

import subprocess

from scripts.bench.lighthouse import ATTEMPTS, LighthouseResult, measured
from scripts.bench.load import LoadResult
from scripts.bench.page_weight import Weight
from scripts.bench.report import RATIO_TARGETS, Run, render

NO_NAVSTART = (
    "Runtime error encountered: Something went wrong with recording the trace over your "
    "page load. Please run Lighthouse again. (NO_NAVSTART)\n"
)
ALL_100 = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def failing(stderr: str):
    def measure():
        raise subprocess.CalledProcessError(1, ["lighthouse"], "", stderr)

    return measure


def test_a_failed_trace_is_tried_again():
    attempts = []

    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            failing(NO_NAVSTART)()
        return LighthouseResult("page list", "/conditions/", ALL_100, [])

    assert measured("page list", "/conditions/", flaky).scores == ALL_100
    assert len(attempts) == 2


def test_a_page_that_keeps_failing_is_kept_with_the_reason_and_no_scores():
    result = measured("page list", "/conditions/", failing(NO_NAVSTART))
    assert result.scores == {}
    assert "NO_NAVSTART" in result.error


def a_run(lighthouse: list[LighthouseResult]) -> Run:
    names = {name for target in RATIO_TARGETS for name in target[:2]} | {"granian, JSON API"}
    load = {
        name: LoadResult(name, "GET /", 1000.0, 1.0, 2.0, 10_000, 0, "none", 0) for name in names
    }
    return Run(
        date="2026-11-23 19:00 UTC",
        machine="test",
        versions="test",
        servers={},
        duration=10,
        steady_duration=20,
        load=load,
        load_averages=[1.0],
        weights=[Weight("home", 1000, 1000, 1000)],
        lighthouse=lighthouse,
    )


def test_the_report_counts_a_page_not_measured_as_a_miss():
    report = render(
        a_run(
            [
                LighthouseResult("home", "/", ALL_100, []),
                LighthouseResult("page list", "/conditions/", {}, [], error="(NO_NAVSTART)"),
            ]
        )
    )
    assert "| page list | not measured | - | - | - |" in report
    assert f"Not measured, after {ATTEMPTS} tries each:" in report
    assert "| page list not measured | **NOT MET** |" in report
