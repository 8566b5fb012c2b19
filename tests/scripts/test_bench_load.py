"""The benchmark keeps each target's median round, and reports every round beside it."""

from scripts.bench.load import LoadResult, median_of
from scripts.bench.report import load_table


def result(rate: float, p99: float, wrong: int = 0, non_2xx: int = 0) -> LoadResult:
    return LoadResult(
        name="granian, checker step",
        request="POST /check/",
        requests_per_second=rate,
        p50_ms=1.0,
        p99_ms=p99,
        requests=int(rate * 10),
        non_2xx=non_2xx,
        socket_errors="none",
        wrong=wrong,
    )


def test_the_median_round_stands_for_the_target_never_the_best():
    kept = median_of([result(3000, 9.0), result(3600, 7.0), result(2100, 30.0)])
    assert kept.requests_per_second == 3000
    assert kept.p99_ms == 9.0
    assert kept.round_rates == (3000, 3600, 2100)  # in the order they ran


def test_bad_answers_in_any_round_are_all_counted():
    kept = median_of([result(3000, 9.0), result(3600, 7.0, wrong=2), result(2100, 30.0, non_2xx=5)])
    assert (kept.wrong, kept.non_2xx) == (2, 5)


def test_the_table_shows_every_round_only_when_there_were_several():
    several = load_table({"a": median_of([result(3000, 9.0), result(3600, 7.0), result(2100, 9)])})
    assert several[0].endswith("every round, requests/s |")
    assert several[-1].endswith("| 3,000, 3,600, 2,100 |")
    single = load_table({"a": result(3000, 9.0)})
    assert "every round" not in single[0] and single[-1].endswith("| 0 | 0 |")
