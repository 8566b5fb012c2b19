"""The checker's words match the triage contract and read plainly."""

import ast
import re
from pathlib import Path

import pytest

from triage import rules, vocabulary
from triage.vocabulary import (
    ABOUT_YOU_SCREEN,
    ALL_SCREENS,
    CONDITIONS,
    FINDINGS,
    LEVEL_ADVICE,
    LEVEL_TITLES,
    LEVELS,
    RED_FLAGS_SCREEN,
    TOPICS,
    gettext_noop,
    most_urgent,
    rank,
)

TRIAGE_DIR = Path(vocabulary.__file__).resolve().parent

# Copied from the contract (shared/specs/triage-contract.md, version 1) so CI does not
# depend on a file outside the repository. The contract may grow, never shrink.
CONTRACT_LEVELS = ("emergency", "urgent", "soon", "routine", "self_care")
CONTRACT_FINDINGS = (
    "pregnant",
    "fever",
    "shivering_or_chills",
    "night_sweats",
    "feels_very_unwell",
    "confusion",
    "breathless",
    "racing_heart",
    "fainting",
    "mottled_skin",
    "non_blanching_rash",
    "no_urine",
    "back_pain",
    "severe_or_worsening_pain",
    "night_pain",
    "spine_tenderness",
    "limb_weakness",
    "limb_numbness",
    "saddle_numbness",
    "bladder_bowel_change",
    "neck_stiffness",
    "light_sensitivity",
    "severe_headache",
    "flank_pain",
    "painful_urination",
    "urinary_frequency",
    "cloudy_or_bloody_urine",
    "vomiting",
    "cannot_keep_fluids",
    "injects_drugs",
    "recent_spinal_procedure",
    "recent_infection",
    "weakened_immunity",
    "recent_chemotherapy",
    "urinary_catheter",
    "history_of_cancer",
    "unexplained_weight_loss",
    "recent_injury",
    "pain_over_six_weeks",
)
# Findings this project added to the contract (docs/triage-contract.md, "Extensions").
EXTENSION_FINDINGS = (
    "both_legs",
    "low_temperature",
    "seizure",
    "neck_pain",
    "new_sexual_problem",
    "struggling_day_to_day",
    "recent_trauma_or_surgery",
    "kidney_failure_line_or_endocarditis",
    "floppy_or_bulging_soft_spot",
    "extreme_muscle_pain",
)
CONTRACT_CONDITION_SLUGS = (
    "sepsis",
    "spinal-epidural-abscess",
    "vertebral-osteomyelitis",
    "discitis",
    "pyelonephritis",
)
EXPECTED_EMERGENCY_FINDINGS = {
    "confusion",
    "breathless",
    "racing_heart",
    "fainting",
    "mottled_skin",
    "non_blanching_rash",
    "no_urine",
    "feels_very_unwell",
    "shivering_or_chills",
    "limb_weakness",
    "both_legs",
    "saddle_numbness",
    "bladder_bowel_change",
    "seizure",
    "new_sexual_problem",
    "floppy_or_bulging_soft_spot",
    "extreme_muscle_pain",
}
EXPECTED_BACKGROUND_FINDINGS = {
    "injects_drugs",
    "recent_spinal_procedure",
    "recent_infection",
    "weakened_immunity",
    "recent_chemotherapy",
    "urinary_catheter",
    "history_of_cancer",
    "unexplained_weight_loss",
    "pregnant",
    "recent_trauma_or_surgery",
    "kidney_failure_line_or_endocarditis",
}


def test_levels_are_the_contract_levels_most_urgent_first():
    assert LEVELS == CONTRACT_LEVELS


def test_rank_orders_levels_from_self_care_up_to_emergency():
    ranks = [rank(level) for level in LEVELS]
    assert ranks == sorted(ranks, reverse=True)
    assert rank("emergency") > rank("urgent") > rank("soon") > rank("routine")
    assert rank("routine") > rank("self_care")


def test_rank_rejects_an_unknown_level():
    with pytest.raises(ValueError, match="urgentish"):
        rank("urgentish")


def test_most_urgent_picks_the_highest_level_and_defaults_to_self_care():
    assert most_urgent(["soon", "emergency", "routine"]) == "emergency"
    assert most_urgent([]) == "self_care"


def test_every_level_has_a_title_and_advice():
    for level in LEVELS:
        assert LEVEL_TITLES[level].strip()
        assert LEVEL_ADVICE[level].strip()


def test_emergency_advice_is_the_contract_text_with_a_number_slot():
    assert LEVEL_ADVICE["emergency"] == (
        "Call {emergency_number} now or go to the nearest emergency department."
    )


def test_every_contract_finding_code_is_defined():
    assert set(CONTRACT_FINDINGS) <= set(FINDINGS)


def test_the_only_findings_beyond_the_contract_are_its_documented_extensions():
    assert set(FINDINGS) - set(CONTRACT_FINDINGS) == set(EXTENSION_FINDINGS)


def test_age_is_not_a_yes_no_finding():
    assert "age_years" not in FINDINGS


def test_each_finding_is_keyed_by_its_own_code():
    for code, finding in FINDINGS.items():
        assert finding.code == code


def test_finding_kinds_are_known():
    for finding in FINDINGS.values():
        assert finding.kind in vocabulary.FINDING_KINDS


def test_emergency_findings_are_the_ones_that_alone_mean_emergency():
    emergency = {c for c, f in FINDINGS.items() if f.kind == "emergency"}
    assert emergency == EXPECTED_EMERGENCY_FINDINGS
    # The signs in children have a screen of their own, asked only under 16.
    assert all(
        FINDINGS[c].topic == "red_flags" for c in emergency - {"floppy_or_bulging_soft_spot"}
    )
    assert FINDINGS["floppy_or_bulging_soft_spot"].topic == "child_signs"


def test_background_findings_are_the_background_risks():
    background = {c for c, f in FINDINGS.items() if f.kind == "background"}
    assert background == EXPECTED_BACKGROUND_FINDINGS
    assert FINDINGS["pregnant"].topic == "about_you"
    assert all(FINDINGS[c].topic == "health" for c in background - {"pregnant"})


def test_each_finding_belongs_to_exactly_one_screen():
    asked = [code for screen in ALL_SCREENS for code in screen.findings]
    assert sorted(asked) == sorted(FINDINGS)


def test_topics_are_the_checker_steps_in_order():
    assert [t.key for t in TOPICS] == ["fever", "back", "head_neck", "urine", "health"]
    assert RED_FLAGS_SCREEN.key == "red_flags"
    assert ABOUT_YOU_SCREEN.key == "about_you"


def test_topics_ask_the_expected_questions():
    by_key = {t.key: t.findings for t in TOPICS}
    assert by_key["fever"] == (
        "fever",
        "low_temperature",
        "night_sweats",
        "struggling_day_to_day",
    )
    assert set(by_key["back"]) == {
        "back_pain",
        "severe_or_worsening_pain",
        "night_pain",
        "spine_tenderness",
        "pain_over_six_weeks",
        "recent_injury",
        "neck_pain",
        "limb_numbness",
    }
    assert set(by_key["head_neck"]) == {"neck_stiffness", "light_sensitivity", "severe_headache"}
    assert set(by_key["urine"]) == {
        "flank_pain",
        "painful_urination",
        "urinary_frequency",
        "cloudy_or_bloody_urine",
        "vomiting",
        "cannot_keep_fluids",
    }
    assert set(by_key["health"]) == EXPECTED_BACKGROUND_FINDINGS - {"pregnant"}


def test_every_screen_has_a_title_and_intro():
    for screen in ALL_SCREENS:
        assert screen.title.strip()
        assert screen.intro.strip()
        assert screen.findings


def test_questions_are_plain_yes_no_questions_in_the_second_person():
    for finding in FINDINGS.values():
        assert finding.question.endswith("?"), finding.code
        assert re.search(r"\byou(r)?\b", finding.question, re.IGNORECASE), finding.code


def test_questions_use_short_sentences():
    for finding in FINDINGS.values():
        assert len(finding.question.split()) <= 20, finding.code


def test_said_phrases_fit_after_because_you_said():
    for finding in FINDINGS.values():
        said = finding.said
        assert said and said[0].islower(), finding.code
        assert not said.endswith((".", "?", ";")), finding.code
        assert ";" not in said, finding.code  # answers are joined with semicolons


def test_hints_are_full_sentences_when_present():
    for finding in FINDINGS.values():
        if finding.hint:
            assert finding.hint[0].isupper() and finding.hint.endswith("."), finding.code


def test_implied_findings_are_known_codes():
    for finding in FINDINGS.values():
        assert set(finding.implies) <= set(FINDINGS), finding.code
        assert finding.code not in finding.implies


def test_contract_condition_slugs_are_defined():
    assert set(CONTRACT_CONDITION_SLUGS) <= set(CONDITIONS)


def test_every_condition_has_a_title_and_a_page_url():
    for slug, title in CONDITIONS.items():
        assert title.strip()
        assert vocabulary.condition_url(slug) == f"/conditions/{slug}/"
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)


def test_gettext_noop_returns_its_message_unchanged():
    assert gettext_noop("Sepsis") == "Sepsis"


def _marked_literals() -> set[str]:
    """Every string literal passed straight to gettext_noop() in the engine's modules.

    Python joins adjacent literals in the parser, as xgettext does, so a message split
    over lines is one literal here too.
    """
    marked = set()
    for name in ("vocabulary.py", "rules.py", "engine.py"):
        tree = ast.parse((TRIAGE_DIR / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "gettext_noop"
                and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant)
            ):
                marked.add(node.args[0].value)
    return marked


def _user_facing_strings() -> list[str]:
    strings = [vocabulary.CHILD_ADVICE]
    strings += [*LEVEL_TITLES.values(), *LEVEL_ADVICE.values(), *CONDITIONS.values()]
    for finding in FINDINGS.values():
        strings += [finding.question, finding.said] + ([finding.hint] if finding.hint else [])
    for screen in ALL_SCREENS:
        strings += [screen.title, screen.intro]
    strings += [rule.reason for rule in rules.RULES]
    strings += [line.text for line in rules.SAFETY_LINES]
    strings += list(rules.GENERAL_SAFETY_LINE.values())
    strings += [
        rules.NO_WARNING_SIGNS_REASON,
        rules.UNSURE_REASON,
        rules.BECAUSE_YOU_SAID,
        rules.PAIR_SEPARATOR,
        rules.LIST_SEPARATOR,
        rules.LIST_LAST_SEPARATOR,
    ]
    return strings


def test_every_user_facing_string_is_marked_for_translation():
    marked = _marked_literals()
    assert [s for s in _user_facing_strings() if s not in marked] == []


def test_the_engine_does_not_import_django():
    for name in ("vocabulary.py", "rules.py", "engine.py"):
        tree = ast.parse((TRIAGE_DIR / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert not any(m.split(".")[0] == "django" for m in modules), name


def test_condition_url_is_the_route_of_the_condition_page():
    # The vocabulary is plain Python and cannot reverse a route: this ties the two.
    from django.urls import reverse

    for slug in CONDITIONS:
        assert vocabulary.condition_url(slug) == reverse("education:page", args=[slug])


def test_every_level_has_a_short_label():
    assert set(vocabulary.LEVEL_LABELS) == set(vocabulary.LEVELS)
    assert all(label.strip() for label in vocabulary.LEVEL_LABELS.values())
