"""The shipped pages the checker links to while the database is down."""

import shutil

import pytest
from django.utils import translation

from education import shipped_pages as shipped
from education.content_files import CONTENT_DIR, read_all_pages
from triage.vocabulary import CONDITIONS


@pytest.fixture
def content_dir(tmp_path, monkeypatch):
    """A copy of the shipped English content with no translation yet, to add one to."""
    folder = tmp_path / "pages"
    shutil.copytree(
        CONTENT_DIR, folder, ignore=lambda _dir, names: [n for n in names if "." not in n]
    )
    monkeypatch.setattr(shipped, "CONTENT_DIR", folder)
    shipped._pages_in.cache_clear()
    yield folder
    shipped._pages_in.cache_clear()


def test_every_page_the_rules_name_is_shipped():
    assert set(CONDITIONS) <= set(shipped.shipped_pages("en"))


def test_shipped_pages_have_the_content_files_titles_addresses_and_sections():
    pages = shipped.shipped_pages("en")
    for content in read_all_pages():
        page = pages[content.slug]
        assert page.title == content.title
        assert page.get_absolute_url() == f"/conditions/{content.slug}/"
        assert [s.anchor for s in page.sections.all()] == [s.anchor for s in content.sections]


def test_a_translation_replaces_the_titles_it_has_and_english_fills_the_rest(content_dir):
    (content_dir / "es").mkdir()
    spanish = (
        (content_dir / "sepsis.toml")
        .read_text()
        .replace('title = "Sepsis"', 'title = "Sepsis (infección grave)"')
    )
    (content_dir / "es" / "sepsis.toml").write_text(spanish)
    assert shipped.shipped_pages("es")["sepsis"].title == "Sepsis (infección grave)"
    assert shipped.shipped_pages("es")["meningitis"].title == "Meningitis"
    assert shipped.shipped_pages("en")["sepsis"].title == "Sepsis"


def test_the_request_language_is_used_and_an_untranslated_one_gets_english(content_dir):
    (content_dir / "es").mkdir()
    spanish = (content_dir / "sepsis.toml").read_text().replace('"Sepsis"', '"Sepsis (es)"')
    (content_dir / "es" / "sepsis.toml").write_text(spanish)
    with translation.override("es"):
        assert shipped.shipped_pages()["sepsis"].title == "Sepsis (es)"
    with translation.override("fr"):
        assert shipped.shipped_pages()["sepsis"].title == "Sepsis"
