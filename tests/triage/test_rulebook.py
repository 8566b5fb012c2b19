"""The rule book: every rule, in its own findings' plain words, from the rule data itself."""

import json

from triage.engine import level_advice
from triage.rulebook import rule_book
from triage.rules import GENERAL_SAFETY_LINE, RULES, RULES_VERSION, SAFETY_LINES
from triage.vocabulary import (
    CARE_SETTINGS,
    CONDITIONS,
    FINDINGS,
    LEVEL_TITLES,
    LEVELS,
    condition_url,
)

BOOK = rule_book()
EXPLAINED = {rule.id: rule for group in BOOK.levels for rule in group.rules}


def test_every_rule_is_listed_once_under_its_level_most_urgent_first():
    assert [group.level for group in BOOK.levels] == list(LEVELS)
    listed = [rule.id for group in BOOK.levels for rule in group.rules]
    assert sorted(listed) == sorted(rule.id for rule in RULES)
    assert len(listed) == len(RULES) == BOOK.rule_count
    for group in BOOK.levels:
        assert group.title == LEVEL_TITLES[group.level]
        assert group.advice == level_advice(group.level)
        assert all(rule.level == group.level for rule in group.rules)


def test_each_rule_keeps_its_level_reason_source_and_pages():
    for rule in RULES:
        plain = EXPLAINED[rule.id]
        assert plain.level_title == LEVEL_TITLES[rule.level]
        assert plain.reason == rule.reason
        assert plain.source == rule.source
        assert [page.slug for page in plain.pages] == list(rule.conditions)
        for page in plain.pages:
            assert page.title == CONDITIONS[page.slug]
            assert page.url == condition_url(page.slug)


def test_each_rule_is_described_in_its_findings_own_plain_words():
    for rule in RULES:
        plain = EXPLAINED[rule.id]
        assert [a.code for a in plain.all_of] == list(rule.all_of)
        assert [a.code for a in plain.any_of] == list(rule.any_of)
        for answer in (*plain.all_of, *plain.any_of):
            assert answer.said == FINDINGS[answer.code].said
            assert answer.question == FINDINGS[answer.code].question
            assert answer.said in plain.looks_for, (rule.id, answer.code)


def test_a_choice_of_findings_reads_as_one_of_these():
    plain = EXPLAINED["abscess-nerve-signs"]
    assert plain.looks_for.startswith("You say all of these: you have back pain; and you have")
    assert "You also say one of these: you have new weakness" in plain.looks_for
    assert plain.looks_for.endswith(
        "; or you have new trouble peeing, or cannot control your bladder or bowels."
    )
    bladder = EXPLAINED["bladder-infection"]
    assert bladder.looks_for.startswith("You say one of these: it hurts or burns when you pee;")


def test_age_limits_are_said_in_plain_words():
    assert EXPLAINED["infant-fever"].age == "Only for babies under 1 year old."
    assert EXPLAINED["child-under-16"].age == "Only for people under 16 years old."
    assert EXPLAINED["child-under-16"].looks_for == "Your age, whatever you answer."
    assert all(
        bool(EXPLAINED[r.id].age) == (r.min_age is not None or r.max_age is not None) for r in RULES
    )


def test_rules_that_name_a_place_say_where_they_send_people():
    for rule in RULES:
        plain = EXPLAINED[rule.id]
        assert plain.go_to == rule.go_to
        if rule.go_to:
            assert plain.go_to_advice == level_advice("urgent", go_to=rule.go_to)
        else:
            assert plain.go_to_advice == ""
    assert {rule.go_to for rule in RULES if rule.go_to} == set(CARE_SETTINGS)


def test_every_safety_line_is_listed_with_what_it_promises():
    assert [line.id for line in BOOK.safety_lines] == [line.id for line in SAFETY_LINES]
    for line, plain in zip(SAFETY_LINES, BOOK.safety_lines, strict=True):
        assert plain.text == line.text.format(emergency_number="911")
        assert [code for code, _ in plain.levels] == list(line.levels)
        assert [a.code for a in plain.answers] == list(line.findings)
        assert [p.slug for p in plain.pages] == list(line.conditions)
        assert plain.fallback == line.fallback
        promised = [(p.level, tuple(a.code for a in p.answers)) for p in plain.promises]
        assert promised == list(line.promises)
        for promise in plain.promises:
            assert LEVEL_TITLES[promise.level] in promise.text
            for answer in promise.answers:
                assert answer.said in promise.text
    assert [level for level, _, _ in BOOK.last_lines] == list(LEVELS)
    for level, _, text in BOOK.last_lines:
        assert text == GENERAL_SAFETY_LINE[level].format(emergency_number="911")


def test_answers_that_count_as_others_are_listed():
    implied = {code: f.implies for code, f in FINDINGS.items() if f.implies}
    listed = {item.answer.code: tuple(a.code for a in item.also) for item in BOOK.counts_as}
    assert listed == implied
    assert "that also counts as saying you have back pain" in BOOK.counts_as[0].text


def test_the_clinics_emergency_number_and_translation_are_applied():
    book = rule_book(emergency_number="112", translate=str.upper)
    assert "112" in book.levels[0].advice
    # str.upper breaks the {emergency_number} placeholder: the English line is used instead.
    assert any("Call 112 now" in line.text for line in book.safety_lines)
    first = book.levels[0].rules[0]
    assert first.reason == first.reason.upper()
    assert first.all_of[0].said == first.all_of[0].said.upper()
    assert first.source == RULES[0].source  # citations stay as written


def test_the_book_carries_the_rules_version_and_the_change_log():
    assert BOOK.rules_version == RULES_VERSION
    assert [release.current for release in BOOK.changes].count(True) == 1
    assert next(r for r in BOOK.changes if r.current).version == RULES_VERSION


def test_the_book_is_plain_json():
    data = json.loads(json.dumps(BOOK.to_dict()))
    assert data["rule_count"] == len(RULES)
    assert data["changes"][0]["date"] == BOOK.changes[0].date.isoformat()
