"""The shipped pages say what the checker's rules say (clinical brief, "Additions").

A page and the checker must never disagree: if a page calls a sign an emergency,
the rules do too, and the other way round. These checks read the shipped content
files; the rules themselves are tested in tests/triage.
"""

import re

import pytest

from education.content_files import read_all_pages

PAGES = {page.slug: page for page in read_all_pages()}
CONDITION_PAGES = [slug for slug, page in PAGES.items() if page.kind == "condition"]
SPINE_INFECTION_PAGES = ("spinal-epidural-abscess", "vertebral-osteomyelitis", "discitis")


def section(slug: str, anchor: str) -> str:
    [body] = [s.body for s in PAGES[slug].sections if s.anchor == anchor]
    return body


def page_text(slug: str) -> str:
    page = PAGES[slug]
    return "\n".join([page.summary, *(f"{s.heading}\n{s.body}" for s in page.sections)])


def words(text: str) -> str:
    """Lower-case text with Markdown emphasis removed, for phrase checks."""
    return re.sub(r"[*_]", "", text).lower()


@pytest.mark.parametrize("slug", list(PAGES))
def test_every_emergency_callout_says_do_not_drive_yourself(slug):
    for part in PAGES[slug].sections:
        if part.kind == "emergency":
            assert "do not drive yourself" in words(part.body), (slug, part.anchor)


@pytest.mark.parametrize("slug", list(PAGES))
def test_symptoms_in_both_legs_are_never_called_less_than_an_emergency(slug):
    for part in PAGES[slug].sections:
        if part.kind == "urgent":
            for line in words(part.body).splitlines():
                if "both legs" in line:
                    # An urgent callout may only point onwards to the emergency list.
                    assert "emergency" in line or "call [emergency number]" in line, (slug, line)
    assert "not an emergency yet" not in words(page_text(slug))


@pytest.mark.parametrize("slug", SPINE_INFECTION_PAGES)
def test_spine_infection_pages_call_nerve_signs_an_emergency_with_or_without_fever(slug):
    emergency = words(section(slug, "emergency-signs"))
    assert "without a fever" in emergency or "without fever" in emergency
    assert "both legs" in emergency


@pytest.mark.parametrize("slug", SPINE_INFECTION_PAGES)
def test_spine_infection_pages_send_a_suspected_infection_to_a_hospital_same_day(slug):
    urgent = words(section(slug, "urgent-signs"))
    assert "emergency department" in urgent
    assert "mri" in urgent
    assert "blood test" in urgent


@pytest.mark.parametrize("slug", ["sepsis", "meningitis"])
def test_sepsis_and_meningitis_pages_give_the_signs_in_babies_and_children(slug):
    text = words(page_text(slug))
    assert "3 months" in text
    assert "38 °c" in text
    assert "soft spot" in text
    assert "fit" in text


def test_the_sepsis_page_has_advice_for_pregnancy_and_after_birth():
    text = words(page_text("sepsis"))
    assert "maternity" in text
    assert "after giving birth" in text or "after birth" in text


@pytest.mark.parametrize("slug", ["sepsis", "pyelonephritis", "back-pain-and-fever"])
def test_a_low_temperature_is_named_as_a_warning_sign(slug):
    assert "36 °c" in words(page_text(slug))


def test_the_kidney_page_sends_pregnant_people_to_maternity_care_with_the_warning_signs():
    text = words(page_text("pyelonephritis"))
    assert "maternity" in text
    for sign in ("contractions", "waters", "bleeding", "baby"):
        assert sign in text, sign


def test_the_kidney_page_names_the_bladder_infection_exceptions_and_blood_cultures():
    text = words(page_text("pyelonephritis"))
    assert "blood culture" in text
    for who in ("pregnant", "men", "catheter"):
        assert who in text, who


def test_the_meningitis_page_does_not_call_vomiting_alone_an_emergency():
    emergency = words(section("meningitis", "emergency-signs"))
    for line in emergency.splitlines():
        if re.search(r"\b(being sick|vomit)", line):
            assert re.search(r"headache|stiff neck|rash|confus|drows|sleepy", line), line


@pytest.mark.parametrize("slug", CONDITION_PAGES)
def test_condition_pages_have_complications_and_questions_to_ask(slug):
    anchors = [part.anchor for part in PAGES[slug].sections]
    assert "complications" in anchors
    assert "questions-to-ask" in anchors


def test_the_guide_says_what_tests_to_expect():
    text = words(page_text("back-pain-and-fever"))
    for test in ("crp", "blood culture", "mri"):
        assert test in text, test


def test_the_abscess_page_covers_blood_markers_and_ct_when_mri_is_not_possible():
    text = words(page_text("spinal-epidural-abscess"))
    assert "esr" in text and "crp" in text
    assert "ct scan" in text


@pytest.mark.parametrize("slug", SPINE_INFECTION_PAGES)
def test_spine_infection_pages_cover_long_antibiotics_at_home(slug):
    assert "picc" in words(page_text(slug))


@pytest.mark.parametrize("slug", ["vertebral-osteomyelitis", "discitis"])
def test_spine_bone_and_disc_pages_name_tb_fungal_causes_and_travel(slug):
    text = words(page_text(slug))
    assert "tuberculosis" in text
    assert "fung" in text
    assert "travel" in text


@pytest.mark.parametrize("slug", list(PAGES))
def test_no_page_cites_the_replaced_sepsis_guideline_as_current(slug):
    urls = [source.url.rstrip("/").lower() for source in PAGES[slug].sources]
    assert not any(url.endswith("/ng51") for url in urls)


def test_the_sepsis_page_cites_nice_ng253():
    assert any("ng253" in source.url.lower() for source in PAGES["sepsis"].sources)


@pytest.mark.parametrize("slug", ["vertebral-osteomyelitis", "discitis"])
def test_an_epidural_abscess_study_is_not_cited_for_bone_or_disc_infection(slug):
    assert not any("davis" in source.name.lower() for source in PAGES[slug].sources)
    assert "davis" not in words(page_text(slug))


@pytest.mark.parametrize("slug", list(PAGES))
def test_age_over_50_is_never_a_warning_sign_on_its_own(slug):
    for part in PAGES[slug].sections:
        if part.kind in ("emergency", "urgent"):
            for line in words(part.body).splitlines():
                assert not re.match(r"^- (being )?(aged? )?over 50\b", line.strip()), (slug, line)
