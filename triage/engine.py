"""The triage engine: answers in, an :class:`Assessment` out.

``assess()`` checks the answers, applies the rules in :mod:`triage.rules`, and builds
the result the contract describes (``docs/triage-contract.md``, with this project's
extensions): a level, the condition pages that fit, the reasons, the advice and the
safety net.

How a result is decided:

1. "Not sure" answers arrive already counted as "yes" (the caller lists them in both
   ``findings`` and ``unsure``); they only change the wording of the reasons.
2. Findings that imply others are expanded (very bad back pain is back pain).
3. Every rule whose findings are all present matches; the most urgent one sets the
   level. Because rules look only at present findings, a new "yes" can never lower
   the level.
4. Anyone under 16 is out of scope and never below "urgent".
5. The advice is the level's own, unless a deciding rule names a place to go
   (``Rule.go_to``): some people need a hospital's same-day tests or their
   maternity team, not just "a doctor today".

Plain Python with no Django import. The views can pass Django's ``gettext`` as
``translate`` so that sentences built from parts are translated part by part.
"""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .rules import (
    BECAUSE_YOU_SAID,
    GENERAL_SAFETY_LINE,
    LIST_LAST_SEPARATOR,
    LIST_SEPARATOR,
    NO_WARNING_SIGNS_REASON,
    PAIR_SEPARATOR,
    RULES,
    RULES_VERSION,
    SAFETY_LINES,
    UNDER_16_REASON,
    UNSURE_REASON,
    Rule,
)
from .vocabulary import (
    ADULT_AGE,
    CARE_SETTINGS,
    CHILD_ADVICE,
    CONDITIONS,
    FINDINGS,
    LEVEL_ADVICE,
    LEVEL_TITLES,
    LEVELS,
    condition_url,
    most_urgent,
)

CONTRACT_VERSION = 1
MIN_AGE = 0
MAX_AGE = 120

Translate = Callable[[str], str]


def _identity(message: str) -> str:
    return message


class InvalidAnswers(ValueError):
    """The answers cannot be assessed; the message names the problem in plain words."""


@dataclass(frozen=True)
class Assessment:
    """The result of one assessment, in the contract's terms.

    ``conditions`` are slugs, best match first. ``reasons``, ``advice`` and
    ``safety_net`` are never empty. ``matched_rules`` lists the ids of every rule that
    matched, for audit and tests; ``level_title`` is a plain-words heading for
    ``level``. ``go_to`` is the key of the place the advice sends the person to
    (``vocabulary.CARE_SETTINGS``), or "" when the level's general advice applies.
    """

    level: str
    out_of_scope: bool
    conditions: tuple[str, ...]
    reasons: tuple[str, ...]
    advice: str
    safety_net: tuple[str, ...]
    rules_version: str
    matched_rules: tuple[str, ...]
    level_title: str
    go_to: str = ""

    def to_dict(
        self, translate: Translate | None = None, conditions: list[dict] | None = None
    ) -> dict:
        """Return the contract's JSON object (plus ``level_title`` and ``matched_rules``).

        ``translate`` is applied to the condition titles, which are not part of the
        assessment itself. ``conditions``, when given, is listed instead of this
        module's titles and addresses: the site lists its editors' current pages.
        """
        if conditions is None:
            tr = translate or _identity
            conditions = [
                {"slug": slug, "title": tr(CONDITIONS[slug]), "url": condition_url(slug)}
                for slug in self.conditions
            ]
        return {
            "contract": CONTRACT_VERSION,
            "level": self.level,
            "level_title": self.level_title,
            "out_of_scope": self.out_of_scope,
            "conditions": conditions,
            "reasons": list(self.reasons),
            "advice": self.advice,
            "safety_net": list(self.safety_net),
            "rules_version": self.rules_version,
            "matched_rules": list(self.matched_rules),
            "go_to": self.go_to or None,
        }


def assess(
    age_years: int,
    findings: Iterable[str],
    *,
    unsure: Iterable[str] = (),
    emergency_number: str = "911",
    translate: Translate | None = None,
) -> Assessment:
    """Assess one person's answers.

    ``findings`` are the codes answered "yes" (including "not sure"); ``unsure`` is the
    subset answered "not sure". Raises :class:`InvalidAnswers` for a bad age, an
    unknown code, or an ``unsure`` code missing from ``findings``.
    """
    age = _check_age(age_years)
    given = _check_codes(findings, "findings")
    unsure_codes = _check_codes(unsure, "unsure")
    _check_unsure(unsure_codes, given)
    _check_emergency_number(emergency_number)
    tr = translate or _identity

    present = _with_implied(given)
    matched = _matching_rules(present, age)
    out_of_scope = age < ADULT_AGE
    # Rules are grouped by level, most urgent first, so the first match sets the level.
    level = matched[0].level if matched else LEVELS[-1]
    if out_of_scope:
        # The child rule already does this; kept here so the contract's promise does
        # not depend on one line of rule data.
        level = most_urgent((level, "urgent"))
    deciding = tuple(rule for rule in matched if rule.level == level)
    conditions = _order_conditions(matched, deciding, level)
    # Rules are ordered most specific first, so the first place named wins.
    go_to = next((rule.go_to for rule in deciding if rule.go_to), "")

    return Assessment(
        level=level,
        out_of_scope=out_of_scope,
        conditions=conditions,
        reasons=_reasons(deciding, given, present, unsure_codes, out_of_scope, tr),
        advice=_advice(level, out_of_scope, emergency_number, tr, go_to),
        safety_net=_safety_net(level, conditions, present, emergency_number, tr),
        rules_version=RULES_VERSION,
        matched_rules=tuple(rule.id for rule in matched),
        level_title=tr(LEVEL_TITLES[level]),
        go_to=go_to,
    )


@dataclass(frozen=True)
class TakeHome:
    """What a result says without the answers behind it: the take-home page behind its QR
    code, and the printed handout.

    Built from a level and condition pages alone, so a link carrying it reveals
    nothing a person answered beyond how urgent it was and what to read.
    """

    level: str
    level_title: str
    advice: str
    conditions: tuple[str, ...]
    safety_net: tuple[str, ...]
    go_to: str = ""


def level_advice(
    level: str, *, emergency_number: str = "911", translate=None, go_to: str = ""
) -> str:
    """The "what to do now" advice for ``level`` (or for the place ``go_to``), with the
    emergency number filled in."""
    if level not in LEVEL_ADVICE:
        raise InvalidAnswers(f"Unknown level {level!r}.")
    if go_to and go_to not in CARE_SETTINGS:
        raise InvalidAnswers(f"Unknown care setting {go_to!r}.")
    return _advice(level, False, emergency_number, translate or _identity, go_to)


def take_home(
    level: str,
    conditions: Iterable[str] = (),
    *,
    emergency_number: str = "911",
    translate: Translate | None = None,
    go_to: str = "",
) -> TakeHome:
    """The take-home part of a result. Unknown condition slugs and places are dropped,
    not errors: the caller may be reading them from a link someone typed."""
    tr = translate or _identity
    # A result names a place only below an emergency; an emergency's advice is the call.
    go_to = go_to if go_to in CARE_SETTINGS and level != "emergency" else ""
    advice = level_advice(level, emergency_number=emergency_number, translate=tr, go_to=go_to)
    known = tuple(dict.fromkeys(slug for slug in conditions if slug in CONDITIONS))
    return TakeHome(
        level=level,
        level_title=tr(LEVEL_TITLES[level]),
        advice=advice,
        conditions=known,
        safety_net=_safety_net(level, known, frozenset(), emergency_number, tr),
        go_to=go_to,
    )


# --- Input checks ---------------------------------------------------------------------


def _check_age(age_years) -> int:
    # bool is a subclass of int; True is not an age.
    if isinstance(age_years, bool) or not isinstance(age_years, int):
        raise InvalidAnswers(f"age_years must be a whole number, not {age_years!r}.")
    if not MIN_AGE <= age_years <= MAX_AGE:
        raise InvalidAnswers(f"age_years must be between {MIN_AGE} and {MAX_AGE}, not {age_years}.")
    return age_years


def _check_codes(codes, name: str) -> frozenset[str]:
    # A lone string is iterable too; without this check "fever" would become
    # the codes "f", "e", "v" ...
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Iterable):
        raise InvalidAnswers(f"{name} must be a list of finding codes.")
    codes = tuple(codes)
    for code in codes:
        if not isinstance(code, str):
            raise InvalidAnswers(f"{name} must contain only text codes, not {code!r}.")
        if code not in FINDINGS:
            raise InvalidAnswers(f"Unknown finding code in {name}: {code!r}.")
    return frozenset(codes)


def _check_unsure(unsure: frozenset[str], given: frozenset[str]) -> None:
    missing = sorted(unsure - given)
    if missing:
        raise InvalidAnswers(
            f"Codes marked unsure must also be in findings (they count as yes): {missing}."
        )


def _check_emergency_number(number) -> None:
    # Configuration, not a person's answer, so a plain ValueError.
    if not isinstance(number, str) or not number.strip():
        raise ValueError("emergency_number must be a non-empty string.")


# --- Building the result --------------------------------------------------------------


def _index_rules(rules: tuple[Rule, ...]) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Which rules each finding can set off, by position in ``rules``; and the rules
    that must always be looked at.

    A rule matches only when every one of its ``all_of`` findings is present, so it
    need only be looked at when one of them is: the one the fewest rules require (the
    first of them on a tie), so that a common answer such as back pain does not set
    off every rule that needs it and something rarer. A rule with no ``all_of`` needs
    one of its ``any_of``. A rule that names no finding at all is always looked at.
    """
    required_by = Counter(code for rule in rules for code in rule.all_of)
    by_finding: dict[str, list[int]] = {}
    always: list[int] = []
    for position, rule in enumerate(rules):
        rarest = min(rule.all_of, key=required_by.__getitem__, default=None)
        keys = (rarest,) if rarest is not None else rule.any_of
        if not keys:
            always.append(position)
        for code in keys:
            by_finding.setdefault(code, []).append(position)
    return {code: tuple(found) for code, found in by_finding.items()}, tuple(always)


# Looking at every rule for every answer set was half of the engine's time
# (docs/benchmarks.md); most answer sets can set off only a few rules.
_RULES_BY_FINDING, _RULES_ALWAYS_LOOKED_AT = _index_rules(RULES)


# Each rule's test, ready to run: its ages as numbers, its findings as sets. This is
# Rule.matches written out, which the engine's tests check it against; calling
# Rule.matches for each rule looked at took as long as everything else here did.
_RULE_TESTS = tuple(
    (
        rule,
        MIN_AGE if rule.min_age is None else rule.min_age,
        MAX_AGE if rule.max_age is None else rule.max_age,
        frozenset(rule.all_of),
        frozenset(rule.any_of),
    )
    for rule in RULES
)


def _matching_rules(present: frozenset[str], age: int) -> tuple[Rule, ...]:
    """Every rule that matches, in rule order: the same as trying each rule in turn."""
    positions = set(_RULES_ALWAYS_LOOKED_AT)
    for code in present:
        positions.update(_RULES_BY_FINDING.get(code, ()))
    matched = []
    for position in sorted(positions):
        rule, youngest, oldest, all_of, any_of = _RULE_TESTS[position]
        if (
            youngest <= age <= oldest
            and all_of <= present
            and (not any_of or not any_of.isdisjoint(present))
        ):
            matched.append(rule)
    return tuple(matched)


def _with_implied(given: frozenset[str]) -> frozenset[str]:
    """Add every finding the given ones imply, following chains until nothing is new.

    Only ever adds findings, so it keeps the "more answers, never a lower level" rule.
    """
    present = set(given)
    while True:
        implied = {code for g in present for code in FINDINGS[g].implies} - present
        if not implied:
            return frozenset(present)
        present |= implied


def _order_conditions(
    matched: tuple[Rule, ...], deciding: tuple[Rule, ...], level: str
) -> tuple[str, ...]:
    """Conditions of the deciding rules first, then the rest, most urgent rule first.

    Among the deciding rules, the condition that more of them point to comes first: a
    rule's first condition counts twice, the others once. Several answers that agree
    (side pain, a fever, burning pee) then outweigh one broad rule (back pain with a
    fever) that lists many pages. Ties keep rule order.
    """
    weight: dict[str, int] = {}
    for rule in deciding:
        for position, slug in enumerate(rule.conditions):
            weight[slug] = weight.get(slug, 0) + (2 if position == 0 else 1)
    first = sorted(weight, key=weight.__getitem__, reverse=True)  # stable: ties keep rule order
    # The deciding rules are the matched rules at the result's level; the others are
    # those below it, already most urgent first (rules are grouped by level).
    others = [rule for rule in matched if rule.level != level]
    ordered: dict[str, None] = dict.fromkeys(first)
    for rule in others:
        ordered.update(dict.fromkeys(rule.conditions))
    return tuple(ordered)


def _answers_behind(
    deciding: tuple[Rule, ...], given: frozenset[str], present: frozenset[str]
) -> tuple[str, ...]:
    """The person's own answers that made the deciding rules match, in question order.

    A finding that was only implied (back pain, from "very bad back pain") is traced
    back to the answer that implied it, so we never claim they said something they
    did not.
    """
    used = frozenset().union(*(rule.looks_at for rule in deciding)) & present
    answers = used & given
    answers |= {g for g in given if g in _IMPLIES and not used.isdisjoint(_IMPLIES[g])}
    return tuple(sorted(answers, key=_QUESTION_ORDER.__getitem__))


# What each answer that implies others implies, as sets.
_IMPLIES = {code: frozenset(f.implies) for code, f in FINDINGS.items() if f.implies}
# A finding's place in the vocabulary, which is the order the checker asks in.
_QUESTION_ORDER = {code: position for position, code in enumerate(FINDINGS)}


def _join(items: list[str], tr: Translate) -> str:
    """Join answers: "a", "a and b", "a; b; and c" (answers may contain commas)."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return tr(PAIR_SEPARATOR).join(items)
    return tr(LIST_SEPARATOR).join(items[:-1]) + tr(LIST_LAST_SEPARATOR) + items[-1]


def _reasons(
    deciding: tuple[Rule, ...],
    given: frozenset[str],
    present: frozenset[str],
    unsure: frozenset[str],
    out_of_scope: bool,
    tr: Translate,
) -> tuple[str, ...]:
    answers = _answers_behind(deciding, given, present)
    reasons: list[str] = []
    if answers:
        said = _join([tr(FINDINGS[code].said) for code in answers], tr)
        reasons.append(_fill(BECAUSE_YOU_SAID, tr, answers=said))
    reasons += [tr(rule.reason) for rule in deciding]
    reasons += [
        _fill(UNSURE_REASON, tr, finding=tr(FINDINGS[code].said))
        for code in answers
        if code in unsure
    ]
    under_16 = tr(UNDER_16_REASON)
    if out_of_scope and under_16 not in reasons:
        reasons.append(under_16)
    if not reasons:
        reasons.append(tr(NO_WARNING_SIGNS_REASON))
    return tuple(dict.fromkeys(reasons))


def _advice(
    level: str, out_of_scope: bool, emergency_number: str, tr: Translate, go_to: str = ""
) -> str:
    if go_to:
        # A named place is more specific than the general child advice: a pregnant
        # 15-year-old still needs her maternity team.
        template = CARE_SETTINGS[go_to]
    elif out_of_scope and level == "urgent":
        template = CHILD_ADVICE
    else:
        template = LEVEL_ADVICE[level]
    return _fill(template, tr, emergency_number=emergency_number)


def _safety_net(
    level: str,
    conditions: tuple[str, ...],
    present: frozenset[str],
    emergency_number: str,
    tr: Translate,
) -> tuple[str, ...]:
    at_level = _SAFETY_LINES_AT[level]
    listed = frozenset(conditions)
    tailored = [
        line
        for line in at_level
        if not (present.isdisjoint(line.findings) and listed.isdisjoint(line.conditions))
    ]
    if not tailored:
        tailored = [line for line in at_level if line.fallback]
    templates = [line.text for line in tailored] + [GENERAL_SAFETY_LINE[level]]
    lines = [_fill(t, tr, emergency_number=emergency_number) for t in templates]
    return tuple(dict.fromkeys(lines))


# The safety-net lines each level can show, in their order.
_SAFETY_LINES_AT = {
    level: tuple(line for line in SAFETY_LINES if level in line.levels) for level in LEVELS
}


def _fill(template: str, tr: Translate, **values: str) -> str:
    """Translate ``template`` and fill in its ``{placeholders}``.

    A translation with a broken placeholder must not turn a triage result into an
    error page, so it falls back to the English template.
    """
    try:
        return tr(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)
