import dataclasses

import pytest
from django.core.management import call_command

from education.content_files import read_all_pages, read_translations
from education.loading import load_pages
from education.models import Page, PageRevision
from tests.support.spanish import spanish_fixture_page

pytestmark = pytest.mark.django_db


def test_loading_into_an_empty_database_creates_every_page():
    contents = read_all_pages()
    report = load_pages()
    english = [label for label in report.created if "/" not in label]
    assert sorted(english) == sorted(c.slug for c in contents)
    assert Page.objects.filter(language="en").count() == len(contents)
    assert Page.objects.count() == len(report.created)


def test_loaded_pages_keep_section_order_sources_and_related_pages():
    load_pages()
    content = next(c for c in read_all_pages() if c.slug == "sepsis")
    page = Page.objects.get(language="en", slug="sepsis")
    assert [s.anchor for s in page.sections.all()] == [s.anchor for s in content.sections]
    assert [s.name for s in page.sources.all()] == [s.name for s in content.sources]
    assert sorted(page.related.values_list("slug", flat=True)) == sorted(content.related)
    assert page.fingerprint() == content.fingerprint()


def test_loading_twice_changes_nothing():
    load_pages()
    revisions = PageRevision.objects.count()
    updated_at = dict(Page.objects.values_list("id", "updated_at"))

    report = load_pages()

    assert report.created == report.updated == report.kept_editor_changes == []
    assert len(report.unchanged) == Page.objects.count()
    assert PageRevision.objects.count() == revisions
    assert dict(Page.objects.values_list("id", "updated_at")) == updated_at


def test_a_reload_keeps_an_editors_change():
    load_pages()
    Page.objects.filter(language="en", slug="sepsis").update(title="Sepsis (edited by the clinic)")

    report = load_pages()

    assert report.kept_editor_changes == ["sepsis"]
    assert Page.objects.get(language="en", slug="sepsis").title == "Sepsis (edited by the clinic)"


def test_a_reload_keeps_an_editors_section_change():
    load_pages()
    section = Page.objects.get(language="en", slug="discitis").sections.get(anchor="treatment")
    section.body += "\n\nAsk your clinic about our back pain class."
    section.save()

    load_pages()

    assert (
        "back pain class"
        in Page.objects.get(language="en", slug="discitis").sections.get(anchor="treatment").body
    )


def test_the_overwrite_flag_replaces_an_editors_change():
    load_pages()
    Page.objects.filter(language="en", slug="sepsis").update(title="Edited")

    report = load_pages(overwrite=True)

    assert report.updated == ["sepsis"]
    assert Page.objects.get(language="en", slug="sepsis").title == "Sepsis"


def test_a_changed_file_updates_a_page_no_editor_touched():
    contents = read_all_pages()
    load_pages(contents)
    changed = [
        dataclasses.replace(c, summary=c.summary + " New sentence.") if c.slug == "discitis" else c
        for c in contents
    ]

    report = load_pages(changed)

    assert report.updated == ["discitis"]
    assert Page.objects.get(language="en", slug="discitis").summary.endswith("New sentence.")
    assert "Loaded from content file (updated)" in (
        Page.objects.get(language="en", slug="discitis").revisions.first().summary
    )


def test_loading_records_a_first_revision_for_each_page():
    load_pages()
    for page in Page.objects.all():
        assert page.revisions.count() == 1
        assert page.revisions.get().snapshot == page.snapshot()


def test_the_command_reports_kept_pages_and_how_to_overwrite(capsys):
    call_command("load_content")
    Page.objects.filter(language="en", slug="sepsis").update(title="Edited")
    call_command("load_content")
    output = capsys.readouterr().out
    assert "Kept editor changes (not overwritten): sepsis" in output
    assert "--overwrite" in output


def test_a_translation_loads_beside_its_english_page_with_the_same_slug():
    report = load_pages(translations={"es": [spanish_fixture_page()]})
    assert "es/pyelonephritis" in report.created
    spanish = Page.objects.get(language="es", slug="pyelonephritis")
    english = Page.objects.get(language="en", slug="pyelonephritis")
    assert spanish.title == "Infección de riñón (pielonefritis)"
    assert english.title.startswith("Kidney infection")
    assert spanish.get_absolute_url() == "/es/conditions/pyelonephritis/"


def test_a_loaded_translation_records_the_english_page_it_translates():
    load_pages(translations={"es": [spanish_fixture_page()]})
    spanish = Page.objects.get(language="es", slug="pyelonephritis")
    assert spanish.source_fingerprint == spanish.source_page().fingerprint()
    assert not spanish.is_out_of_date
    assert spanish.revisions.count() == 1


def test_a_translation_s_related_pages_are_in_its_own_language():
    load_pages(translations={"es": [spanish_fixture_page()]})
    spanish = Page.objects.get(language="es", slug="pyelonephritis")
    # The pages it names are not in Spanish here, and an English page is no Spanish link.
    assert not spanish.related.exists()
    english = Page.objects.get(language="en", slug="pyelonephritis")
    assert set(english.related.values_list("language", flat=True)) == {"en"}


def test_loading_translations_twice_changes_nothing():
    load_pages(translations={"es": [spanish_fixture_page()]})
    report = load_pages(translations={"es": [spanish_fixture_page()]})
    assert "es/pyelonephritis" in report.unchanged
    assert report.created == report.updated == report.kept_editor_changes == []


def test_an_editor_s_change_to_a_translation_is_kept_unless_overwriting():
    load_pages(translations={"es": [spanish_fixture_page()]})
    spanish = Page.objects.get(language="es", slug="pyelonephritis")
    spanish.summary = "Cambiado por una editora."
    spanish.save()
    changed = dataclasses.replace(spanish_fixture_page(), title="Otro título")

    report = load_pages(translations={"es": [changed]})
    assert report.kept_editor_changes == ["es/pyelonephritis"]
    assert Page.objects.get(language="es", slug="pyelonephritis").summary.startswith("Cambiado")

    report = load_pages(translations={"es": [changed]}, overwrite=True)
    assert report.updated == ["es/pyelonephritis"]
    assert Page.objects.get(language="es", slug="pyelonephritis").title == "Otro título"


def test_a_new_english_file_leaves_an_unchanged_translation_out_of_date():
    load_pages(translations={"es": [spanish_fixture_page()]})
    english = next(c for c in read_all_pages() if c.slug == "pyelonephritis")
    load_pages(
        [dataclasses.replace(english, summary="A new English summary.")],
        translations={"es": [spanish_fixture_page()]},
    )
    assert Page.objects.get(language="es", slug="pyelonephritis").is_out_of_date


def test_the_command_loads_the_shipped_translations(capsys):
    call_command("load_content")
    spanish = Page.objects.filter(language="es")
    assert [page.slug for page in spanish] == [content.slug for content in read_translations("es")]
