"""The Spanish pages keep the safety wording the English pages are checked for.

The same checks as test_clinical_content.py, in the words the Spanish pages
use (MedlinePlus en español's plain terms). They read the shipped Spanish files
directly; tests/education/test_translations.py checks that each Spanish page
has the same sections, callouts and numbers as its English page.
"""

import re

import pytest

from tests.support.page_files import SPANISH_DIR, read_page_files

PAGES = read_page_files(SPANISH_DIR)
SPINE_INFECTION_PAGES = ("spinal-epidural-abscess", "vertebral-osteomyelitis", "discitis")


def section(slug: str, anchor: str) -> str:
    [body] = [s["body"] for s in PAGES[slug]["sections"] if s["anchor"] == anchor]
    return body


def callouts(slug: str, *kinds: str):
    return [s for s in PAGES[slug]["sections"] if s.get("kind", "plain") in kinds]


def page_text(slug: str) -> str:
    page = PAGES[slug]
    return "\n".join([page["summary"], *(f"{s['heading']}\n{s['body']}" for s in page["sections"])])


def words(text: str) -> str:
    """Lower-case text with Markdown emphasis removed, for phrase checks."""
    return re.sub(r"[*_]", "", text).lower()


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_every_emergency_callout_says_do_not_drive(slug):
    for part in callouts(slug, "emergency"):
        assert "no maneje" in words(part["body"]), (slug, part["anchor"])


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_symptoms_in_both_legs_are_never_called_less_than_an_emergency(slug):
    for part in callouts(slug, "urgent"):
        for line in words(part["body"]).splitlines():
            if "ambas piernas" in line or "las dos piernas" in line:
                # An urgent callout may only point onwards to the emergency list.
                assert "emergencia" in line or "llame al [emergency number]" in line, (slug, line)
    assert "todavía no es una emergencia" not in words(page_text(slug))


@pytest.mark.parametrize("slug", SPINE_INFECTION_PAGES)
def test_spine_infection_pages_call_nerve_signs_an_emergency_with_or_without_fever(slug):
    emergency = words(section(slug, "emergency-signs"))
    assert "sin fiebre" in emergency
    assert "ambas piernas" in emergency


@pytest.mark.parametrize("slug", SPINE_INFECTION_PAGES)
def test_spine_infection_pages_send_a_suspected_infection_to_a_hospital_same_day(slug):
    urgent = words(section(slug, "urgent-signs"))
    assert "sala de emergencias" in urgent
    assert "resonancia magnética" in urgent
    assert "análisis de sangre" in urgent


@pytest.mark.parametrize("slug", ["sepsis", "meningitis"])
def test_sepsis_and_meningitis_pages_give_the_signs_in_babies_and_children(slug):
    text = words(page_text(slug))
    assert "3 meses" in text
    assert "38 °c" in text
    assert "fontanela" in text
    assert "convulsión" in text


def test_the_sepsis_page_has_advice_for_pregnancy_and_after_birth():
    text = words(page_text("sepsis"))
    assert "maternidad" in text
    assert "después del parto" in text or "después de dar a luz" in text


@pytest.mark.parametrize("slug", ["sepsis", "pyelonephritis", "back-pain-and-fever"])
def test_a_low_temperature_is_named_as_a_warning_sign(slug):
    assert "menos de 36 °c" in words(page_text(slug))


def test_the_kidney_page_sends_pregnant_people_to_maternity_care_with_the_warning_signs():
    text = words(page_text("pyelonephritis"))
    assert "maternidad" in text
    for sign in ("contracciones", "se le rompe la fuente", "sangra", "bebé"):
        assert sign in text, sign


def test_the_kidney_page_names_the_bladder_infection_exceptions_and_blood_cultures():
    text = words(page_text("pyelonephritis"))
    assert "hemocultivo" in text
    for who in ("embarazada", "hombre", "sonda"):
        assert who in text, who


SERIOUS_COMPANIONS = r"dolor de cabeza|cuello rígido|sarpullido|confus|somnol|convuls"


def test_the_meningitis_page_does_not_call_vomiting_alone_an_emergency():
    emergency = words(section("meningitis", "emergency-signs"))
    for line in emergency.splitlines():
        if re.search(r"\bv[oó]mit", line):
            assert re.search(SERIOUS_COMPANIONS, line), line


def test_the_guide_says_what_tests_to_expect():
    text = words(page_text("back-pain-and-fever"))
    for test in ("pcr", "hemocultivo", "resonancia magnética"):
        assert test in text, test


def test_the_abscess_page_covers_blood_markers_and_ct_when_mri_is_not_possible():
    text = words(page_text("spinal-epidural-abscess"))
    assert "vsg" in text and "pcr" in text
    assert "tomografía" in text


@pytest.mark.parametrize("slug", SPINE_INFECTION_PAGES)
def test_spine_infection_pages_cover_long_antibiotics_at_home(slug):
    assert "picc" in words(page_text(slug))


@pytest.mark.parametrize("slug", ["vertebral-osteomyelitis", "discitis"])
def test_spine_bone_and_disc_pages_name_tb_fungal_causes_and_travel(slug):
    text = words(page_text(slug))
    assert "tuberculosis" in text
    assert "hongo" in text
    assert "viaj" in text


@pytest.mark.parametrize("slug", ["vertebral-osteomyelitis", "discitis"])
def test_an_epidural_abscess_study_is_not_cited_for_bone_or_disc_infection(slug):
    assert not any("davis" in source["name"].lower() for source in PAGES[slug]["sources"])
    assert "davis" not in words(page_text(slug))


@pytest.mark.parametrize("slug", sorted(PAGES))
def test_age_over_50_is_never_a_warning_sign_on_its_own(slug):
    for part in callouts(slug, "emergency", "urgent"):
        for line in words(part["body"]).splitlines():
            assert not re.match(r"^- (tener )?(más de|mayor de) 50\b", line.strip()), (slug, line)
