import datetime
import shutil

import pytest

from education.content_files import (
    CONDITION_SECTION_ANCHORS,
    CONTENT_DIR,
    ContentError,
    parse_page,
    read_all_pages,
    read_translations,
)
from tests.support.spanish import FIXTURE_DIR, SPANISH_SLUG

CONTRACT_SLUGS = {
    "sepsis",
    "spinal-epidural-abscess",
    "vertebral-osteomyelitis",
    "discitis",
    "pyelonephritis",
}


def condition_page(**overrides) -> dict:
    data = {
        "slug": "example",
        "kind": "condition",
        "title": "Example",
        "summary": "A summary.",
        "meta_description": "A description.",
        "author": "An author",
        "reviewer": "A reviewer",
        "last_reviewed": datetime.date(2026, 1, 1),
        "next_review": datetime.date(2026, 7, 1),
        "sections": [
            {
                "anchor": anchor,
                "heading": anchor,
                "body": "Text.",
                "kind": {"emergency-signs": "emergency", "urgent-signs": "urgent"}.get(
                    anchor, "plain"
                ),
            }
            for anchor in CONDITION_SECTION_ANCHORS
        ],
        "sources": [{"name": "A source", "url": "https://example.org/"}],
    }
    return data | overrides


def test_a_complete_condition_page_parses():
    page = parse_page(condition_page(), "example.toml")
    assert page.slug == "example"
    assert [s.anchor for s in page.sections] == list(CONDITION_SECTION_ANCHORS)


def test_a_condition_page_missing_a_required_section_is_rejected():
    data = condition_page()
    data["sections"] = [s for s in data["sections"] if s["anchor"] != "emergency-signs"]
    with pytest.raises(ContentError, match="missing sections: emergency-signs"):
        parse_page(data, "example.toml")


def test_the_emergency_section_must_be_an_emergency_callout():
    data = condition_page()
    for section in data["sections"]:
        if section["anchor"] == "emergency-signs":
            section["kind"] = "plain"
    with pytest.raises(ContentError, match="must have kind 'emergency'"):
        parse_page(data, "example.toml")


def test_a_page_without_sources_is_rejected():
    with pytest.raises(ContentError, match="source"):
        parse_page(condition_page(sources=[]), "example.toml")


def test_review_date_must_come_after_last_review():
    with pytest.raises(ContentError, match="next_review"):
        parse_page(condition_page(next_review=datetime.date(2025, 1, 1)), "example.toml")


def test_a_slug_with_spaces_is_rejected():
    with pytest.raises(ContentError, match="slug"):
        parse_page(condition_page(slug="Not A Slug"), "example.toml")


def test_shipped_content_has_the_hub_and_every_contract_condition():
    pages = {page.slug: page for page in read_all_pages()}
    assert set(pages) >= CONTRACT_SLUGS
    assert pages["back-pain-and-fever"].kind == "guide"
    assert set(pages["back-pain-and-fever"].related) >= CONTRACT_SLUGS


def test_shipped_emergency_headings_use_the_clinic_number_token():
    for page in read_all_pages():
        emergency = next(s for s in page.sections if s.anchor == "emergency-signs")
        assert emergency.heading.startswith("Call [emergency number] now"), page.slug


def _content_dir_with_translation(tmp_path, spanish_text: str):
    for path in CONTENT_DIR.glob("*.toml"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / f"{SPANISH_SLUG}.toml").write_text(spanish_text, encoding="utf-8")
    return tmp_path


def test_translations_are_read_from_the_language_s_folder(tmp_path):
    fixture = (FIXTURE_DIR / "es" / f"{SPANISH_SLUG}.toml").read_text(encoding="utf-8")
    directory = _content_dir_with_translation(tmp_path, fixture)
    [page] = read_translations("es", directory)
    assert page.slug == SPANISH_SLUG
    assert page.title == "Infección de riñón (pielonefritis)"
    assert read_all_pages(directory) == read_all_pages()  # the folder is not an English page


def test_a_language_with_no_folder_has_no_translations_yet(tmp_path):
    assert read_translations("es", tmp_path) == []


def test_a_translation_needs_an_english_page_with_its_slug(tmp_path):
    fixture = (FIXTURE_DIR / "es" / f"{SPANISH_SLUG}.toml").read_text(encoding="utf-8")
    directory = _content_dir_with_translation(tmp_path, fixture)
    (directory / f"{SPANISH_SLUG}.toml").unlink()
    for path in directory.glob("*.toml"):  # keep the English pages consistent without it
        path.write_text(path.read_text().replace('"pyelonephritis"', '"sepsis"'))
    with pytest.raises(ContentError, match=r"es/pyelonephritis.toml: there is no"):
        read_translations("es", directory)


def test_a_broken_translation_names_its_language_folder(tmp_path):
    directory = _content_dir_with_translation(tmp_path, 'slug = "pyelonephritis"\nkind = ')
    with pytest.raises(ContentError, match=r"^es/pyelonephritis.toml: not valid TOML"):
        read_translations("es", directory)
