"""Every triage rule in plain words, for people who audit the checker without reading code.

Builds the public "How this checker decides" page and its JSON from the rule data
itself (:mod:`triage.rules`, :mod:`triage.vocabulary`, :mod:`triage.changelog`),
never from a copied list, so what is published is always what the engine runs.
Each finding is described with its own plain wording (what the person said), the
same words the results use in "Because you said ...".

Plain Python with no Django import. The views pass Django's ``gettext`` as
``translate``; sources are citations and stay as written.
"""

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass

from .changelog import RELEASES, Release
from .engine import level_advice
from .rules import (
    GENERAL_SAFETY_LINE,
    LIST_LAST_SEPARATOR,
    LIST_SEPARATOR,
    PAIR_SEPARATOR,
    RULES,
    RULES_VERSION,
    SAFETY_LINES,
    Rule,
    SafetyLine,
)
from .vocabulary import (
    ADULT_AGE,
    CARE_SETTINGS,
    CONDITIONS,
    FINDINGS,
    LEVEL_TITLES,
    LEVELS,
    condition_url,
    gettext_noop,
)

Translate = Callable[[str], str]

# How a rule's findings read as one sentence, in the words of "Because you said ...".
LOOKS_FOR_ONE = gettext_noop("You say {answer}.")
LOOKS_FOR_ALL = gettext_noop("You say all of these: {all}.")
LOOKS_FOR_ANY = gettext_noop("You say one of these: {any}.")
LOOKS_FOR_ALSO_ANY = gettext_noop("You also say one of these: {any}.")
LOOKS_FOR_AGE_ONLY = gettext_noop("Your age, whatever you answer.")
OR_LAST_SEPARATOR = gettext_noop("; or ")

AGE_UNDER_ONE = gettext_noop("Only for babies under 1 year old.")
AGE_UNDER = gettext_noop("Only for people under {age} years old.")
AGE_FROM = gettext_noop("Only for people aged {age} or older.")
AGE_BETWEEN = gettext_noop("Only for people aged {low} to {high}.")

PROMISE = gettext_noop("If {answers}, the result is at least “{level}”.")
COUNTS_AS = gettext_noop("If you say {answer}, that also counts as saying {also}.")


def _identity(message: str) -> str:
    return message


def _fill(template: str, tr: Translate, **values) -> str:
    """Translate ``template`` and fill it in; a broken translation falls back to English."""
    try:
        return tr(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


def _join(items: list[str], tr: Translate, *, either: bool = False, pair: bool = False) -> str:
    """Join phrases: "a", "a; and b", "a; b; and c" (or "a; or b", "a; b; or c").

    With semicolons, even for two, so that an answer like "your temperature is low
    or you feel very cold" never runs into the next one. ``pair`` joins exactly two
    short phrases with a plain " and ", as the results do.
    """
    if len(items) <= 1:
        return "".join(items)
    if pair and len(items) == 2 and not either:
        return tr(PAIR_SEPARATOR).join(items)
    last = OR_LAST_SEPARATOR if either else LIST_LAST_SEPARATOR
    return tr(LIST_SEPARATOR).join(items[:-1]) + tr(last) + items[-1]


# --- What the page shows --------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """A finding in plain words: what the person said, and the question that asks it."""

    code: str
    said: str
    question: str

    def to_dict(self) -> dict:
        return {"code": self.code, "said": self.said, "question": self.question}


@dataclass(frozen=True)
class PageLink:
    """An explanation page a rule links to."""

    slug: str
    title: str
    url: str

    def to_dict(self) -> dict:
        return {"slug": self.slug, "title": self.title, "url": self.url}


@dataclass(frozen=True)
class PlainRule:
    """One rule, explained. ``looks_for`` is the whole condition as one sentence;
    ``all_of`` and ``any_of`` are the same answers as lists."""

    id: str
    level: str
    level_title: str
    looks_for: str
    all_of: tuple[Answer, ...]
    any_of: tuple[Answer, ...]
    min_age: int | None
    max_age: int | None
    age: str
    go_to: str
    go_to_advice: str
    pages: tuple[PageLink, ...]
    reason: str
    source: str

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "level": self.level,
            "level_title": self.level_title,
            "looks_for": self.looks_for,
            "all_of": [answer.to_dict() for answer in self.all_of],
            "any_of": [answer.to_dict() for answer in self.any_of],
            "age": (
                None
                if not self.age
                else {"min": self.min_age, "max": self.max_age, "text": self.age}
            ),
            "go_to": (
                None if not self.go_to else {"code": self.go_to, "advice": self.go_to_advice}
            ),
            "pages": [page.to_dict() for page in self.pages],
            "reason": self.reason,
            "source": self.source,
        }


@dataclass(frozen=True)
class LevelGroup:
    """The rules that give one level, with what people are told to do at that level."""

    level: str
    title: str
    advice: str
    rules: tuple[PlainRule, ...]

    def to_dict(self) -> dict:
        return {
            "code": self.level,
            "title": self.title,
            "advice": self.advice,
            "rules": [rule.to_dict() for rule in self.rules],
        }


@dataclass(frozen=True)
class CountsAs:
    """An answer that also counts as others (very bad back pain is back pain)."""

    answer: Answer
    also: tuple[Answer, ...]
    text: str

    def to_dict(self) -> dict:
        return {
            "finding": self.answer.to_dict(),
            "also": [answer.to_dict() for answer in self.also],
            "text": self.text,
        }


@dataclass(frozen=True)
class Promise:
    """What a safety-net line tells the person: these new answers give at least this level."""

    level: str
    level_title: str
    answers: tuple[Answer, ...]
    text: str

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "level_title": self.level_title,
            "findings": [answer.to_dict() for answer in self.answers],
            "text": self.text,
        }


@dataclass(frozen=True)
class PlainSafetyLine:
    """A "get help faster if things change" line: its words, when it shows, what it promises.

    It shows with a result at one of ``levels`` when the person said one of
    ``answers`` or the result links one of ``pages``; a ``fallback`` line also shows
    when no other line does.
    """

    id: str
    text: str
    levels: tuple[tuple[str, str], ...]
    answers: tuple[Answer, ...]
    pages: tuple[PageLink, ...]
    fallback: bool
    promises: tuple[Promise, ...]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "shown_with_levels": [code for code, _ in self.levels],
            "shown_when_findings": [answer.to_dict() for answer in self.answers],
            "shown_when_pages": [page.to_dict() for page in self.pages],
            "fallback": self.fallback,
            "promises": [promise.to_dict() for promise in self.promises],
        }


@dataclass(frozen=True)
class PlainChange:
    what: str
    why: str
    source: str

    def to_dict(self) -> dict:
        return {"what": self.what, "why": self.why, "source": self.source}


@dataclass(frozen=True)
class PlainRelease:
    version: str
    date: datetime.date
    title: str
    summary: str
    changes: tuple[PlainChange, ...]
    current: bool

    def to_dict(self) -> dict:
        return {
            "version": self.version,
            "date": self.date.isoformat(),
            "title": self.title,
            "summary": self.summary,
            "current": self.current,
            "changes": [change.to_dict() for change in self.changes],
        }


@dataclass(frozen=True)
class RuleBook:
    """Everything the "How this checker decides" page and its JSON show."""

    rules_version: str
    adult_age: int
    levels: tuple[LevelGroup, ...]
    counts_as: tuple[CountsAs, ...]
    care_settings: tuple[tuple[str, str], ...]
    safety_lines: tuple[PlainSafetyLine, ...]
    last_lines: tuple[tuple[str, str, str], ...]
    changes: tuple[PlainRelease, ...]

    @property
    def rule_count(self) -> int:
        return sum(len(group.rules) for group in self.levels)

    def to_dict(self) -> dict:
        return {
            "rules_version": self.rules_version,
            "rule_count": self.rule_count,
            "adult_age": self.adult_age,
            "levels": [group.to_dict() for group in self.levels],
            "counts_as": [item.to_dict() for item in self.counts_as],
            "care_settings": [
                {"code": code, "advice": advice} for code, advice in self.care_settings
            ],
            "safety_net": {
                "lines": [line.to_dict() for line in self.safety_lines],
                "last_line": [
                    {"level": level, "level_title": title, "text": text}
                    for level, title, text in self.last_lines
                ],
            },
            "changes": [release.to_dict() for release in self.changes],
        }


# --- Building it ----------------------------------------------------------------------


def rule_book(
    *,
    emergency_number: str = "911",
    translate: Translate | None = None,
    page_url: Callable[[str], str] = condition_url,
) -> RuleBook:
    """Explain every rule, safety-net line and rules version, most urgent level first.

    ``page_url`` gives a condition page's address: the site passes one in the
    reader's language (/es/conditions/sepsis/)."""
    tr = translate or _identity
    explain = _Explainer(tr, emergency_number, page_url)
    return RuleBook(
        rules_version=RULES_VERSION,
        adult_age=ADULT_AGE,
        levels=tuple(
            LevelGroup(
                level=level,
                title=tr(LEVEL_TITLES[level]),
                advice=level_advice(level, emergency_number=emergency_number, translate=tr),
                rules=tuple(explain.rule(rule) for rule in RULES if rule.level == level),
            )
            for level in LEVELS
        ),
        counts_as=tuple(
            explain.counts_as(code) for code, finding in FINDINGS.items() if finding.implies
        ),
        care_settings=tuple((code, explain.care_setting(code)) for code in CARE_SETTINGS),
        safety_lines=tuple(explain.safety_line(line) for line in SAFETY_LINES),
        last_lines=tuple(
            (
                level,
                tr(LEVEL_TITLES[level]),
                _fill(GENERAL_SAFETY_LINE[level], tr, emergency_number=emergency_number),
            )
            for level in LEVELS
        ),
        changes=tuple(explain.release(release) for release in RELEASES),
    )


class _Explainer:
    def __init__(self, tr: Translate, emergency_number: str, page_url: Callable[[str], str]):
        self.tr = tr
        self.emergency_number = emergency_number
        self.page_url = page_url

    def answer(self, code: str) -> Answer:
        finding = FINDINGS[code]
        return Answer(code=code, said=self.tr(finding.said), question=self.tr(finding.question))

    def counts_as(self, code: str) -> CountsAs:
        answer = self.answer(code)
        also = tuple(self.answer(other) for other in FINDINGS[code].implies)
        text = _fill(
            COUNTS_AS, self.tr, answer=answer.said, also=_join([a.said for a in also], self.tr)
        )
        return CountsAs(answer=answer, also=also, text=text)

    def page(self, slug: str) -> PageLink:
        return PageLink(slug=slug, title=self.tr(CONDITIONS[slug]), url=self.page_url(slug))

    def care_setting(self, code: str) -> str:
        return level_advice(
            "urgent", emergency_number=self.emergency_number, translate=self.tr, go_to=code
        )

    def looks_for(self, all_of: tuple[Answer, ...], any_of: tuple[Answer, ...]) -> str:
        sentences = []
        if len(all_of) == 1:
            sentences.append(_fill(LOOKS_FOR_ONE, self.tr, answer=all_of[0].said))
        elif all_of:
            every = _join([a.said for a in all_of], self.tr)
            sentences.append(_fill(LOOKS_FOR_ALL, self.tr, all=every))
        if len(any_of) == 1:
            sentences.append(_fill(LOOKS_FOR_ONE, self.tr, answer=any_of[0].said))
        elif any_of:
            either = _join([a.said for a in any_of], self.tr, either=True)
            template = LOOKS_FOR_ALSO_ANY if all_of else LOOKS_FOR_ANY
            sentences.append(_fill(template, self.tr, any=either))
        return " ".join(sentences) or self.tr(LOOKS_FOR_AGE_ONLY)

    def age(self, rule: Rule) -> str:
        low, high = rule.min_age, rule.max_age
        if low is None and high is None:
            return ""
        if low is None:
            # Ages are whole years, so "15 or younger" reads better as "under 16".
            if high == 0:
                return self.tr(AGE_UNDER_ONE)
            return _fill(AGE_UNDER, self.tr, age=high + 1)
        if high is None:
            return _fill(AGE_FROM, self.tr, age=low)
        return _fill(AGE_BETWEEN, self.tr, low=low, high=high)

    def rule(self, rule: Rule) -> PlainRule:
        all_of = tuple(self.answer(code) for code in rule.all_of)
        any_of = tuple(self.answer(code) for code in rule.any_of)
        return PlainRule(
            id=rule.id,
            level=rule.level,
            level_title=self.tr(LEVEL_TITLES[rule.level]),
            looks_for=self.looks_for(all_of, any_of),
            all_of=all_of,
            any_of=any_of,
            min_age=rule.min_age,
            max_age=rule.max_age,
            age=self.age(rule),
            go_to=rule.go_to,
            go_to_advice=self.care_setting(rule.go_to) if rule.go_to else "",
            pages=tuple(self.page(slug) for slug in rule.conditions),
            reason=self.tr(rule.reason),
            source=rule.source,
        )

    def promise(self, level: str, codes: tuple[str, ...]) -> Promise:
        answers = tuple(self.answer(code) for code in codes)
        title = self.tr(LEVEL_TITLES[level])
        said = _join([a.said for a in answers], self.tr, pair=True)
        return Promise(
            level=level,
            level_title=title,
            answers=answers,
            text=_fill(PROMISE, self.tr, answers=said, level=title),
        )

    def safety_line(self, line: SafetyLine) -> PlainSafetyLine:
        return PlainSafetyLine(
            id=line.id,
            text=_fill(line.text, self.tr, emergency_number=self.emergency_number),
            levels=tuple((level, self.tr(LEVEL_TITLES[level])) for level in line.levels),
            answers=tuple(self.answer(code) for code in line.findings),
            pages=tuple(self.page(slug) for slug in line.conditions),
            fallback=line.fallback,
            promises=tuple(self.promise(level, codes) for level, codes in line.promises),
        )

    def release(self, release: Release) -> PlainRelease:
        return PlainRelease(
            version=release.version,
            date=release.date,
            title=self.tr(release.title),
            summary=self.tr(release.summary),
            changes=tuple(
                PlainChange(what=self.tr(c.what), why=self.tr(c.why), source=c.source)
                for c in release.changes
            ),
            current=release.version == RULES_VERSION,
        )


def _fingerprint() -> str:
    """A short hash of everything published, for HTTP validators: it changes with the
    rules, their wording and the change log, none of which live in the database."""
    encoded = json.dumps(rule_book().to_dict(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()[:12]


FINGERPRINT = _fingerprint()
