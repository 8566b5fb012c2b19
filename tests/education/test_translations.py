"""Every translated page says what its English page says, part for part.

A translation may change every word, but not the page's shape or its clinical
facts: the same sections and callouts in the same order, the same links, the
same emergency-number placeholders, and the same numbers in every emergency
and urgent callout. Each folder under education/content/pages/ is one language
(es/ is Spanish), so a new language's files are checked without new tests.
These checks read the shipped files directly.
"""

import pytest

from education.content_files import CONTENT_DIR, parse_page
from education.markdown import EMERGENCY_NUMBER_TOKEN
from tests.support.page_files import (
    link_targets,
    list_item_count,
    numbers_in,
    read_page_files,
    translation_dirs,
)

ENGLISH = read_page_files(CONTENT_DIR)
TRANSLATIONS = {code: read_page_files(path) for code, path in translation_dirs().items()}
PAIRS = [(code, slug) for code in sorted(TRANSLATIONS) for slug in sorted(ENGLISH)]
CALLOUT_KINDS = ("emergency", "urgent")


def section_pairs(code: str, slug: str):
    return zip(ENGLISH[slug]["sections"], TRANSLATIONS[code][slug]["sections"], strict=True)


def placeholder_count(section: dict) -> int:
    return (section["heading"] + section["body"]).count(EMERGENCY_NUMBER_TOKEN)


def test_the_spanish_pages_are_shipped():
    assert ENGLISH, "no English pages found"
    assert "es" in TRANSLATIONS


@pytest.mark.parametrize("code", sorted(TRANSLATIONS))
def test_every_english_page_is_translated_and_nothing_else_is(code):
    assert set(TRANSLATIONS[code]) == set(ENGLISH)


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_page_is_a_valid_content_file(code, slug):
    page = parse_page(TRANSLATIONS[code][slug], f"{code}/{slug}.toml")
    assert page.slug == slug


@pytest.mark.parametrize(("code", "slug"), PAIRS)
@pytest.mark.parametrize(
    "field", ["slug", "kind", "order", "related", "last_reviewed", "next_review"]
)
def test_translated_page_keeps_the_english_page_details(code, slug, field):
    assert TRANSLATIONS[code][slug][field] == ENGLISH[slug][field]


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_page_cites_the_same_sources(code, slug):
    urls = [source["url"] for source in ENGLISH[slug]["sources"]]
    assert [source["url"] for source in TRANSLATIONS[code][slug]["sources"]] == urls


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_page_has_the_same_sections_in_the_same_order(code, slug):
    def outline(data):
        return [(section["anchor"], section.get("kind", "plain")) for section in data["sections"]]

    assert outline(TRANSLATIONS[code][slug]) == outline(ENGLISH[slug])


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_page_links_to_the_same_places(code, slug):
    assert link_targets(TRANSLATIONS[code][slug]) == link_targets(ENGLISH[slug])


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_sections_name_the_emergency_number_as_often(code, slug):
    for english, translated in section_pairs(code, slug):
        assert placeholder_count(translated) == placeholder_count(english), english["anchor"]


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_callouts_list_as_many_signs(code, slug):
    for english, translated in section_pairs(code, slug):
        if english.get("kind") in CALLOUT_KINDS:
            expected = list_item_count(english["body"])
            assert list_item_count(translated["body"]) == expected, english["anchor"]


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_callouts_give_the_same_numbers(code, slug):
    # Temperatures, ages, days, weeks and hours: a changed number changes the advice.
    for english, translated in section_pairs(code, slug):
        if english.get("kind") in CALLOUT_KINDS:
            english_numbers = numbers_in(english["heading"] + "\n" + english["body"])
            translated_numbers = numbers_in(translated["heading"] + "\n" + translated["body"])
            assert translated_numbers == english_numbers, english["anchor"]


@pytest.mark.parametrize(("code", "slug"), PAIRS)
def test_translated_meta_description_fits_a_search_result(code, slug):
    assert len(TRANSLATIONS[code][slug]["meta_description"]) < 160
