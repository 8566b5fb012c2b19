"""The code table: real codes with their official titles, one page per code, families that hold."""

import pytest
import simple_icd_10_cm as icd10cm

from education import clinical_codes
from education.clinical_codes import ICD_10_CM, SNOMED_CT, NotACode, find_page, normalize
from education.content_files import read_all_pages

ALL_CODES = [
    (slug, code) for slug, codes in clinical_codes.CONDITION_CODES.items() for code in codes
]
ICD_CODES = [(slug, code) for slug, code in ALL_CODES if code.system is ICD_10_CM]
SNOMED_CODES = [(slug, code) for slug, code in ALL_CODES if code.system is SNOMED_CT]


def test_every_condition_page_has_codes_and_every_slug_is_a_shipped_page():
    shipped = {page.slug: page.kind for page in read_all_pages()}
    conditions = {slug for slug, kind in shipped.items() if kind == "condition"}
    assert set(clinical_codes.CONDITION_CODES) == conditions


@pytest.mark.parametrize(("slug", "code"), ICD_CODES, ids=[c.code for _, c in ICD_CODES])
def test_each_icd_10_cm_code_is_in_the_2026_release_with_its_official_title(slug, code):
    assert icd10cm.is_valid_item(code.code), code.code
    assert icd10cm.get_description(code.code) == code.title
    # A family must have codes under it; a single code must be one a record can hold.
    assert icd10cm.is_leaf(code.code) is not code.family


@pytest.mark.parametrize(("slug", "code"), ICD_CODES, ids=[c.code for _, c in ICD_CODES])
def test_every_code_under_a_family_finds_that_familys_page(slug, code):
    for descendant in [code.code, *icd10cm.get_descendants(code.code)]:
        match = find_page(ICD_10_CM, normalize(ICD_10_CM, descendant))
        assert match is not None and match.slug == slug, descendant


@pytest.mark.parametrize(("slug", "code"), SNOMED_CODES, ids=[c.code for _, c in SNOMED_CODES])
def test_each_snomed_ct_identifier_has_a_valid_check_digit_and_finds_its_page(slug, code):
    assert clinical_codes.verhoeff_is_valid(code.code)
    assert find_page(SNOMED_CT, code.code).slug == slug


def test_the_check_digit_catches_a_mistyped_identifier():
    assert clinical_codes.verhoeff_is_valid("91302008")
    assert not clinical_codes.verhoeff_is_valid("91302009")
    assert not clinical_codes.verhoeff_is_valid("91320008")  # two digits swapped
    with pytest.raises(NotACode):
        normalize(SNOMED_CT, "91302009")


def test_the_maxilla_concept_once_suggested_for_spinal_epidural_abscess_is_not_used():
    assert all(code.code not in {"70925003", "75607008"} for _, code in SNOMED_CODES)


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("A41.9", "A41.9"),
        ("a419", "A41.9"),
        (" n10 ", "N10"),
        ("M4626", "M46.26"),
        ("G83.4", "G83.4"),
    ],
)
def test_icd_10_cm_codes_are_read_with_or_without_the_dot(raw, normal):
    assert normalize(ICD_10_CM, raw) == normal


@pytest.mark.parametrize("raw", ["", "A4", "41.9", "A41.99999", "hello", "A41..9", "A4-1"])
def test_text_that_cannot_be_an_icd_10_cm_code_is_refused(raw):
    with pytest.raises(NotACode):
        normalize(ICD_10_CM, raw)


@pytest.mark.parametrize(
    ("code", "slug"),
    [
        ("A41.9", "sepsis"),
        ("A41.51", "sepsis"),
        ("A40.0", "sepsis"),
        ("R65.21", "sepsis"),
        ("G06.1", "spinal-epidural-abscess"),
        ("M46.26", "vertebral-osteomyelitis"),
        ("M46.46", "discitis"),
        ("M46.36", "discitis"),
        ("N10", "pyelonephritis"),
        ("G83.4", "cauda-equina-syndrome"),
        ("G00.1", "meningitis"),
        ("A39.0", "meningitis"),
    ],
)
def test_codes_find_their_page(code, slug):
    assert find_page(ICD_10_CM, code).slug == slug


@pytest.mark.parametrize(
    "code",
    [
        "R65.10",  # SIRS of non-infectious origin: not sepsis
        "G06.2",  # extradural abscess, site unspecified: could be in the skull
        "M46.5",  # other infective spondylopathies
        "N11.9",  # chronic pyelonephritis
        "P36.9",  # neonatal sepsis
    ],
)
def test_codes_outside_the_table_find_no_page(code):
    assert find_page(ICD_10_CM, code) is None


def test_a_family_shows_as_icd_10_cm_writes_it():
    codes = {c.code: c for _, c in ICD_CODES}
    assert codes["A41"].display == "A41.-"
    assert codes["M46.2"].display == "M46.2-"
    assert codes["A41.9"].display == "A41.9"
