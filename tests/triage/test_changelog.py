"""The change log between rules versions: the version in use always has an entry."""

import re

from triage.changelog import CURRENT_ROUND_VERSION, RELEASES, release_for
from triage.rules import RULES_VERSION

VERSION = re.compile(r"^1\.[0-9a-f]{8}$")


def test_the_rules_version_in_use_has_a_change_log_entry():
    # Fails whenever triage/rules.py (or anything RULES_VERSION fingerprints) changes
    # without the change log saying what changed.
    assert release_for(RULES_VERSION) is not None, (
        f"RULES_VERSION {RULES_VERSION} has no entry in triage/changelog.py. If this round's "
        f"changes are already described there, set CURRENT_ROUND_VERSION = {RULES_VERSION!r} "
        "and add what changed to that entry; otherwise add a new Release at the top."
    )


def test_the_newest_entry_carries_the_version_named_in_one_place():
    assert RELEASES[0].version == CURRENT_ROUND_VERSION


def test_entries_are_newest_first_with_unique_well_formed_versions():
    versions = [release.version for release in RELEASES]
    assert len(set(versions)) == len(versions)
    assert all(VERSION.match(version) for version in versions), versions
    dates = [release.date for release in RELEASES]
    assert dates == sorted(dates, reverse=True)


def test_every_change_says_what_why_and_on_what_source():
    for release in RELEASES:
        assert release.title.strip() and release.summary.strip(), release.version
        assert release.changes, release.version
        for change in release.changes:
            assert change.what.strip() and change.why.strip() and change.source.strip(), change


def test_the_history_starts_with_the_first_release_of_53_rules():
    first = RELEASES[-1]
    assert first.version == "1.326c8861"
    assert first.date.isoformat() == "2026-11-21"
    assert "53 rules" in first.summary


def test_round_three_lists_the_new_questions_and_risks():
    round_three = release_for(CURRENT_ROUND_VERSION)
    assert round_three is not None
    assert round_three.date.isoformat() == "2026-11-23"
    text = " ".join(f"{c.what} {c.why} {c.source}" for c in round_three.changes)
    for expected in (
        "numbness or tingling is now asked of everyone",
        "pain in the neck",
        "genitals",
        "soft spot",
        "muscles all over the body",
        "look after yourself",
        "operation or a medical procedure",
        "kidney failure",
        "Having had cancer",
        "NG253",
        "IDSA 2015",
    ):
        assert expected in text, expected
    assert "less urgent" in round_three.summary


def test_round_two_lists_the_new_findings_and_raised_levels():
    round_two = release_for("1.9242c9a3")
    assert round_two is not None
    assert round_two.date.isoformat() == "2026-11-23"
    text = " ".join(f"{c.what} {c.why} {c.source}" for c in round_two.changes)
    for expected in (
        "both legs",
        "a fit",
        "under 36 °C",
        "from soon (1 to 3 days) to urgent",
        "from urgent to emergency",
        "hospital same-day service",
        "maternity triage",
        "baby under 1 year old",
        "NG253",
        "NG143",
        "NG111",
        "NG234",
        "IDSA 2015",
    ):
        assert expected in text, expected
    assert "less urgent" in round_two.summary


def test_an_unknown_version_has_no_entry():
    assert release_for("1.00000000") is None
