"""The public "How this checker decides" page and its JSON, and the links to them."""

import re

import pytest
from django.utils.html import escape
from pytest_django.asserts import assertInHTML

from education.models import Page
from education.readability import flesch_kincaid_grade
from tests.support.checker import Checker
from triage.changelog import RELEASES
from triage.rules import RULES, RULES_VERSION, SAFETY_LINES
from triage.vocabulary import FINDINGS, LEVEL_TITLES, LEVELS

pytestmark = pytest.mark.django_db

PAGE = "/check/how-it-decides/"
JSON = "/triage/api/rules"
MAX_GRADE = 7.0
VERSION_LINK = re.compile(
    r'<a href="([^"]+)">Rules version ([0-9a-f.]+): how this checker decides</a>'
)


def main_content(html: str) -> str:
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def rule_card(html: str, rule_id: str) -> str:
    start = html.index(f'<section id="rule-{rule_id}"')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def page_html(pages, client):
    response = client.get(PAGE)
    assert response.status_code == 200
    return response.content.decode()


def test_every_rule_is_on_the_page_with_its_level_reason_source_and_findings(page_html):
    for rule in RULES:
        card = rule_card(page_html, rule.id)
        assert escape(rule.reason) in card, rule.id
        assert escape(rule.source) in card, rule.id
        assert escape(LEVEL_TITLES[rule.level]) in card, rule.id
        for code in (*rule.all_of, *rule.any_of):
            said = FINDINGS[code].said
            assert escape(said[0].upper() + said[1:]) in card, (rule.id, code)
        # Each card sits in its level's section.
        level_start = page_html.index(f'<section id="level-{rule.level}"')
        assert page_html.index(f'<section id="rule-{rule.id}"') > level_start


def test_levels_are_listed_most_urgent_first(page_html):
    positions = [page_html.index(f'<section id="level-{level}"') for level in LEVELS]
    assert positions == sorted(positions)


def test_choices_ages_places_and_pages_are_shown(page_html):
    card = rule_card(page_html, "abscess-nerve-signs")
    assert "And at least one of these:" in card
    assert "Only for babies under 1 year old." in rule_card(page_html, "infant-fever")
    hospital = rule_card(page_html, "spine-infection-suspected")
    assert "Where it sends you" in hospital
    assert "hospital same-day service" in hospital
    assert "maternity triage" in rule_card(page_html, "kidney-pregnancy")
    assert '<a href="/conditions/spinal-epidural-abscess/">' in card


def test_a_page_an_editor_removed_is_named_but_not_linked(pages, client):
    Page.objects.filter(language="en", slug="discitis").delete()
    card = rule_card(client.get(PAGE).content.decode(), "abscess-nerve-signs")
    assertInHTML("<li>Discitis</li>", card)
    assert "/conditions/discitis/" not in card


def test_every_safety_line_and_its_promises_are_on_the_page(page_html, settings):
    for line in SAFETY_LINES:
        start = page_html.index(f'<section id="safety-{line.id}"')
        card = page_html[start : page_html.index("</section>", start)]
        assert escape(line.text.format(emergency_number="911")) in card
        assert "What it promises" in card
        for level, _ in line.promises:
            assert escape(LEVEL_TITLES[level]) in card


def test_the_change_log_is_on_the_page(page_html):
    for release in RELEASES:
        assert f'id="version-{release.version}"' in page_html
        for change in release.changes:
            assert escape(change.what) in page_html
            assert escape(change.why) in page_html
            assert escape(change.source) in page_html
    assert "(the version in use now)" in page_html


def test_the_page_reads_at_grade_7_or_below(page_html):
    grade = flesch_kincaid_grade(main_content(page_html))
    assert grade <= MAX_GRADE, f"{PAGE} reads at grade {grade:.1f}"


def test_the_page_is_cached_briefly_and_its_etag_follows_the_rules(pages, client, monkeypatch):
    response = client.get(PAGE)
    assert "max-age=300" in response["Cache-Control"]
    assert client.get(PAGE, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    monkeypatch.setattr("triage.views.RULEBOOK_FINGERPRINT", "changed")
    assert client.get(PAGE, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


# --- The JSON -----------------------------------------------------------------------------


def test_every_rule_is_in_the_json(pages, client):
    response = client.get(JSON)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    listed = [rule["id"] for level in body["levels"] for rule in level["rules"]]
    assert sorted(listed) == sorted(rule.id for rule in RULES)
    assert body["rule_count"] == len(RULES)
    by_id = {rule["id"]: rule for level in body["levels"] for rule in level["rules"]}
    for rule in RULES:
        listed = by_id[rule.id]
        assert listed["level"] == rule.level
        assert listed["reason"] == rule.reason
        assert listed["source"] == rule.source
        assert [a["code"] for a in listed["all_of"]] == list(rule.all_of)
        assert [a["code"] for a in listed["any_of"]] == list(rule.any_of)
        assert [p["slug"] for p in listed["pages"]] == list(rule.conditions)
        assert (listed["go_to"] or {}).get("code", "") == rule.go_to


def test_the_json_has_the_documented_shape(pages, client):
    body = client.get(JSON).json()
    assert set(body) == {
        "rules_version",
        "rule_count",
        "adult_age",
        "levels",
        "counts_as",
        "care_settings",
        "safety_net",
        "changes",
    }
    assert body["rules_version"] == RULES_VERSION
    assert [level["code"] for level in body["levels"]] == list(LEVELS)
    assert set(body["levels"][0]) == {"code", "title", "advice", "rules"}
    rule = body["levels"][0]["rules"][0]
    assert set(rule) == {
        "id",
        "level",
        "level_title",
        "looks_for",
        "all_of",
        "any_of",
        "age",
        "go_to",
        "pages",
        "reason",
        "source",
    }
    assert set(rule["all_of"][0]) == {"code", "said", "question"}
    infant = next(r for lv in body["levels"] for r in lv["rules"] if r["id"] == "infant-fever")
    assert infant["age"] == {"min": None, "max": 0, "text": "Only for babies under 1 year old."}
    assert set(body["safety_net"]) == {"lines", "last_line"}
    assert [line["id"] for line in body["safety_net"]["lines"]] == [s.id for s in SAFETY_LINES]
    promise = body["safety_net"]["lines"][0]["promises"][0]
    assert set(promise) == {"level", "level_title", "findings", "text"}
    assert [change["version"] for change in body["changes"]] == [r.version for r in RELEASES]
    assert set(body["changes"][0]) == {"version", "date", "title", "summary", "current", "changes"}
    assert set(body["changes"][0]["changes"][0]) == {"what", "why", "source"}


def test_the_json_uses_the_clinics_emergency_number(pages, client, settings):
    settings.EMERGENCY_NUMBER = "999"
    body = client.get(JSON).json()
    assert body["levels"][0]["advice"].startswith("Call 999 now")


def test_the_json_answers_only_get(client, db):
    assert client.post(JSON).status_code == 405


# --- Links to the page --------------------------------------------------------------------


def test_the_rules_version_on_a_result_links_to_the_page(pages, client):
    checker = Checker(client).run(age=34, yes={"back_pain"})
    assert checker.step == "result"
    link = VERSION_LINK.search(checker.html)
    assert link, "no linked rules version on the result"
    assert link.group(2) == RULES_VERSION
    page = client.get(link.group(1))
    assert page.status_code == 200
    assert RULES_VERSION in page.content.decode()


def test_the_rules_version_on_an_htmx_result_links_to_the_page(pages, client):
    checker = Checker(client, htmx=True).run(age=58, yes={"fever", "back_pain", "limb_weakness"})
    link = VERSION_LINK.search(checker.html)
    assert link and link.group(1) == PAGE and link.group(2) == RULES_VERSION


def test_the_rules_version_on_the_take_home_page_links_to_the_page(pages, client):
    html = client.get("/check/take-home/", {"level": "urgent", "pages": "sepsis"}).content.decode()
    link = VERSION_LINK.search(html)
    assert link and link.group(1) == PAGE and link.group(2) == RULES_VERSION


def test_the_checker_start_page_and_the_footer_link_to_the_page(pages, client):
    start = client.get("/check/").content.decode()
    assert f'<a href="{PAGE}">How this checker decides' in main_content(start)
    home = client.get("/").content.decode()
    footer = home.split('<footer class="site-footer">', 1)[1].split("</footer>", 1)[0]
    assertInHTML(f'<a href="{PAGE}">How the symptom checker decides</a>', footer)
