"""The rule data the engine runs: known codes, sources, stable ids and version."""

import dataclasses
import re

import pytest

from triage import rules
from triage.engine import assess
from triage.rules import RULES, RULES_VERSION
from triage.vocabulary import (
    CONDITIONS,
    FINDINGS,
    LEVELS,
)


def test_every_condition_slug_in_every_rule_is_a_known_condition():
    for rule in RULES:
        assert set(rule.conditions) <= set(CONDITIONS), rule.id


def test_every_rule_has_a_source_and_a_reason():
    for rule in RULES:
        assert rule.source.strip(), rule.id
        assert rule.reason.strip() and rule.reason.endswith("."), rule.id


def test_every_rule_uses_known_findings_and_levels():
    for rule in RULES:
        assert set(rule.all_of) | set(rule.any_of) <= set(FINDINGS), rule.id
        assert rule.level in LEVELS, rule.id


def test_rule_ids_are_unique_short_slugs():
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule_id)


def test_rules_can_only_require_findings_to_be_present():
    # Monotonicity depends on this: a rule that fired on a missing finding could be
    # switched off by a new "yes". Guard against someone adding such a field.
    fields = {f.name for f in dataclasses.fields(rules.Rule)}
    assert fields == {
        "id",
        "level",
        "all_of",
        "any_of",
        "conditions",
        "reason",
        "source",
        "min_age",
        "max_age",
        "go_to",  # where to go; it never decides whether the rule matches
    }


def test_an_unknown_finding_in_a_rule_fails_validation(monkeypatch):
    broken = dataclasses.replace(RULES[0], all_of=("feverish",))
    monkeypatch.setattr(rules, "RULES", (broken, *RULES[1:]))
    with pytest.raises(ValueError, match="feverish"):
        rules.validate_rules()


def test_rules_are_grouped_by_level_most_urgent_first():
    # The engine takes the first matching rule's level as the result's.
    ranks = [LEVELS.index(rule.level) for rule in RULES]
    assert ranks == sorted(ranks)


def test_a_rule_listed_after_a_less_urgent_one_fails_validation(monkeypatch):
    urgent = next(rule for rule in RULES if rule.level == "urgent")
    reordered = (urgent, *(rule for rule in RULES if rule is not urgent))
    monkeypatch.setattr(rules, "RULES", reordered)
    with pytest.raises(ValueError, match="'emergency' after a 'urgent' rule"):
        rules.validate_rules()


def test_rules_version_is_stable_and_non_empty():
    assert re.fullmatch(r"1\.[0-9a-f]{8}", RULES_VERSION)
    assert assess(40, ["fever"]).rules_version == RULES_VERSION
    assert assess(70, ["back_pain"]).rules_version == RULES_VERSION
    assert rules._rules_fingerprint() == RULES_VERSION.removeprefix("1.")


def test_rules_version_changes_when_a_rule_changes(monkeypatch):
    before = rules._rules_fingerprint()
    changed = dataclasses.replace(RULES[0], level="urgent")
    monkeypatch.setattr(rules, "RULES", (changed, *RULES[1:]))
    assert rules._rules_fingerprint() != before
