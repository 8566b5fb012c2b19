import dataclasses

import pytest
from django.core.management import call_command

from education.content_files import read_all_pages
from education.loading import load_pages
from education.models import Page, PageRevision

pytestmark = pytest.mark.django_db


def test_loading_into_an_empty_database_creates_every_page():
    contents = read_all_pages()
    report = load_pages()
    assert sorted(report.created) == sorted(c.slug for c in contents)
    assert Page.objects.count() == len(contents)


def test_loaded_pages_keep_section_order_sources_and_related_pages():
    load_pages()
    content = next(c for c in read_all_pages() if c.slug == "sepsis")
    page = Page.objects.get(slug="sepsis")
    assert [s.anchor for s in page.sections.all()] == [s.anchor for s in content.sections]
    assert [s.name for s in page.sources.all()] == [s.name for s in content.sources]
    assert sorted(page.related.values_list("slug", flat=True)) == sorted(content.related)
    assert page.fingerprint() == content.fingerprint()


def test_loading_twice_changes_nothing():
    load_pages()
    revisions = PageRevision.objects.count()
    updated_at = dict(Page.objects.values_list("slug", "updated_at"))

    report = load_pages()

    assert report.created == report.updated == report.kept_editor_changes == []
    assert len(report.unchanged) == Page.objects.count()
    assert PageRevision.objects.count() == revisions
    assert dict(Page.objects.values_list("slug", "updated_at")) == updated_at


def test_a_reload_keeps_an_editors_change():
    load_pages()
    Page.objects.filter(slug="sepsis").update(title="Sepsis (edited by the clinic)")

    report = load_pages()

    assert report.kept_editor_changes == ["sepsis"]
    assert Page.objects.get(slug="sepsis").title == "Sepsis (edited by the clinic)"


def test_a_reload_keeps_an_editors_section_change():
    load_pages()
    section = Page.objects.get(slug="discitis").sections.get(anchor="treatment")
    section.body += "\n\nAsk your clinic about our back pain class."
    section.save()

    load_pages()

    assert (
        "back pain class" in Page.objects.get(slug="discitis").sections.get(anchor="treatment").body
    )


def test_the_overwrite_flag_replaces_an_editors_change():
    load_pages()
    Page.objects.filter(slug="sepsis").update(title="Edited")

    report = load_pages(overwrite=True)

    assert report.updated == ["sepsis"]
    assert Page.objects.get(slug="sepsis").title == "Sepsis"


def test_a_changed_file_updates_a_page_no_editor_touched():
    contents = read_all_pages()
    load_pages(contents)
    changed = [
        dataclasses.replace(c, summary=c.summary + " New sentence.") if c.slug == "discitis" else c
        for c in contents
    ]

    report = load_pages(changed)

    assert report.updated == ["discitis"]
    assert Page.objects.get(slug="discitis").summary.endswith("New sentence.")
    assert "Loaded from content file (updated)" in (
        Page.objects.get(slug="discitis").revisions.first().summary
    )


def test_loading_records_a_first_revision_for_each_page():
    load_pages()
    for page in Page.objects.all():
        assert page.revisions.count() == 1
        assert page.revisions.get().snapshot == page.snapshot()


def test_the_command_reports_kept_pages_and_how_to_overwrite(capsys):
    call_command("load_content")
    Page.objects.filter(slug="sepsis").update(title="Edited")
    call_command("load_content")
    output = capsys.readouterr().out
    assert "Kept editor changes (not overwritten): sepsis" in output
    assert "--overwrite" in output
