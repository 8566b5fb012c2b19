import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertInHTML

from education.models import Page, PageRevision

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(editor)
    return client


def inline_data(prefix: str, page: Page, fields: list[str]) -> dict:
    """One inline formset of the page's change form, filled with the current rows."""
    rows = list(getattr(page, prefix).all())
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": len(rows),
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(rows):
        data |= {f"{prefix}-{i}-id": row.pk, f"{prefix}-{i}-page": page.pk}
        data |= {f"{prefix}-{i}-{name}": getattr(row, name) for name in fields}
    return data


def change_form_data(page: Page, **overrides) -> dict:
    """The admin change form for a page, filled with its current values."""
    data = {
        "title": page.title,
        "language": page.language,
        "slug": page.slug,
        "kind": page.kind,
        "order": page.order,
        "summary": page.summary,
        "meta_description": page.meta_description,
        "author": page.author,
        "reviewer": page.reviewer,
        "last_reviewed": page.last_reviewed.isoformat(),
        "next_review": page.next_review.isoformat(),
        "related": [p.pk for p in page.related.all()],
    }
    data |= inline_data("sections", page, ["position", "anchor", "kind", "heading", "body"])
    data |= inline_data("sources", page, ["position", "name", "url"])
    data |= {"revisions-TOTAL_FORMS": 0, "revisions-INITIAL_FORMS": 0}
    return data | overrides


def test_an_admin_edit_creates_a_revision_with_who_when_and_what(pages, editor_client):
    page = Page.objects.get(language="en", slug="sepsis")
    url = reverse("admin:education_page_change", args=[page.pk])
    before = timezone.now()

    response = editor_client.post(url, change_form_data(page, summary="A clearer summary."))

    assert response.status_code == 302, response.context and response.context["errors"]
    revision = page.revisions.first()
    assert revision.user.username == "editor"
    assert revision.created_at >= before
    assert revision.summary == "Changed summary"
    assert revision.snapshot["summary"] == "A clearer summary."
    assert page.revisions.count() == 2


def test_an_admin_edit_to_a_section_names_the_section(pages, editor_client):
    page = Page.objects.get(language="en", slug="sepsis")
    data = change_form_data(page)
    index = next(i for i, s in enumerate(page.sections.all()) if s.anchor == "treatment")
    data[f"sections-{index}-body"] += "\n\nExtra advice."

    editor_client.post(reverse("admin:education_page_change", args=[page.pk]), data)

    heading = page.sections.get(anchor="treatment").heading
    assert page.revisions.first().summary == f"Changed section “{heading}”"


def test_saving_without_changes_adds_no_revision(pages, editor_client):
    page = Page.objects.get(language="en", slug="sepsis")
    editor_client.post(
        reverse("admin:education_page_change", args=[page.pk]), change_form_data(page)
    )
    assert page.revisions.count() == 1


def test_the_admin_refuses_to_drop_the_emergency_section(pages, editor_client):
    page = Page.objects.get(language="en", slug="sepsis")
    data = change_form_data(page)
    index = next(i for i, s in enumerate(page.sections.all()) if s.anchor == "emergency-signs")
    data[f"sections-{index}-DELETE"] = "on"

    response = editor_client.post(reverse("admin:education_page_change", args=[page.pk]), data)

    assert response.status_code == 200
    assert "must keep these sections: emergency-signs" in response.content.decode()
    assert page.sections.filter(anchor="emergency-signs").exists()


def edit_the_summary(editor_client, page: Page) -> PageRevision:
    """Change a page's summary in the admin, as an editor does; the revision it makes."""
    editor_client.post(
        reverse("admin:education_page_change", args=[page.pk]),
        change_form_data(page, summary="A clearer summary."),
    )
    return page.revisions.first()


def test_the_revision_page_shows_what_changed(pages, editor_client):
    page = Page.objects.get(language="en", slug="sepsis")
    revision = edit_the_summary(editor_client, page)

    response = editor_client.get(reverse("admin:education_pagerevision_change", args=[revision.pk]))

    body = response.content.decode()
    assertContains(response, "<ins>+summary: A clearer summary.</ins>", html=True)
    assert "<del>-summary:" in body


def test_pages_due_for_review_are_listed(pages, editor_client):
    today = timezone.localdate()
    Page.objects.filter(language="en", slug="sepsis").update(
        next_review=today - datetime.timedelta(days=3)
    )
    Page.objects.filter(language="en", slug="discitis").update(
        next_review=today + datetime.timedelta(days=20)
    )
    Page.objects.exclude(slug__in=["sepsis", "discitis"]).update(
        next_review=today + datetime.timedelta(days=200)
    )

    due = editor_client.get(reverse("admin:education_page_changelist") + "?review=due")
    listing = editor_client.get(reverse("admin:education_page_changelist"))

    assert [p.slug for p in due.context["cl"].result_list] == ["sepsis", "discitis"]
    assert "2 pages are due for review" in listing.content.decode()
    assert "Overdue" in listing.content.decode()
    assert "Due in 20 days" in listing.content.decode()


def test_due_for_review_includes_the_30_day_boundary(pages):
    today = datetime.date(2027, 1, 1)
    Page.objects.update(next_review=today + datetime.timedelta(days=31))
    Page.objects.filter(language="en", slug="sepsis").update(
        next_review=today + datetime.timedelta(days=30)
    )
    assert list(Page.objects.due_for_review(30, today=today).values_list("slug", flat=True)) == [
        "sepsis"
    ]


def test_revisions_cannot_be_edited_or_deleted(pages, editor_client):
    revision = PageRevision.objects.first()
    response = editor_client.post(
        reverse("admin:education_pagerevision_delete", args=[revision.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert PageRevision.objects.filter(pk=revision.pk).exists()


def test_the_admin_pages_have_no_style_attributes_the_csp_would_block(pages, editor_client):
    # The site's CSP has no 'unsafe-inline' for styles, so the admin's own markup
    # styles itself from static/css/admin.css instead.
    page = Page.objects.get(language="en", slug="sepsis")
    revision = edit_the_summary(editor_client, page)
    Page.objects.filter(pk=page.pk).update(
        next_review=timezone.localdate() - datetime.timedelta(days=3)
    )
    urls = [
        reverse("admin:education_page_changelist"),
        reverse("admin:education_page_change", args=[page.pk]),
        reverse("admin:education_pagerevision_change", args=[revision.pk]),
    ]
    assert "review-overdue" in editor_client.get(urls[0]).content.decode()
    for url in urls:
        body = editor_client.get(url).content.decode()
        assert "style=" not in body, url
        assert "css/admin.css" in body, url


def row(page: Page) -> str:
    """The start of a page's row in the admin's page list."""
    return f'<th class="field-title"><a href="/admin/education/page/{page.pk}/change/'


def _changelist(editor_client, **query) -> str:
    return editor_client.get(reverse("admin:education_page_changelist"), query).content.decode()


def test_the_page_list_shows_each_page_s_language(spanish_page, editor_client):
    html = _changelist(editor_client)
    assert "Infección de riñón (pielonefritis)" in html
    assertInHTML('<td class="field-language">Español</td>', html)
    assertInHTML('<td class="field-language">English</td>', html)


def test_an_english_edit_flags_its_translation_until_it_is_marked_checked(
    spanish_page, editor_client
):
    english = spanish_page.source_page()
    assert '<strong class="review-overdue">Out of date' not in _changelist(editor_client)

    url = reverse("admin:education_page_change", args=[english.pk])
    response = editor_client.post(url, change_form_data(english, summary="A new English summary."))
    assert response.status_code == 302

    spanish_page.refresh_from_db()
    assert spanish_page.is_out_of_date
    flagged = _changelist(editor_client, translation="out-of-date")
    assert "Infección de riñón (pielonefritis)" in flagged
    assert "Out of date: the English page changed since review" in flagged
    assert row(spanish_page) in flagged
    assert row(english) not in flagged
    assert "1 translation is out of date" in _changelist(editor_client)

    url = reverse("admin:education_page_change", args=[spanish_page.pk])
    response = editor_client.post(url, change_form_data(spanish_page, translation_reviewed="on"))
    assert response.status_code == 302
    spanish_page.refresh_from_db()
    assert not spanish_page.is_out_of_date
    assert row(spanish_page) not in _changelist(editor_client, translation="out-of-date")


def test_the_list_action_marks_chosen_translations_checked(spanish_page, editor_client):
    english = spanish_page.source_page()
    english.summary = "Changed by an editor."
    english.save()
    spanish_page.refresh_from_db()
    assert spanish_page.is_out_of_date

    response = editor_client.post(
        reverse("admin:education_page_changelist"),
        {"action": "mark_translations_reviewed", "_selected_action": [spanish_page.pk, english.pk]},
    )
    assert response.status_code == 302
    spanish_page.refresh_from_db()
    assert not spanish_page.is_out_of_date
    assert spanish_page.source_fingerprint == english.fingerprint()
    # The confirmation waits in the editor's session for the next page.
    assert "1 translation marked as checked." in editor_client.get(response["Location"]).text


def test_an_edit_to_a_translation_keeps_its_own_revisions(spanish_page, editor_client):
    url = reverse("admin:education_page_change", args=[spanish_page.pk])
    editor_client.post(url, change_form_data(spanish_page, summary="Un resumen más claro."))
    assert spanish_page.revisions.first().summary == "Changed summary"
    english = spanish_page.source_page()
    assert english.revisions.count() == 1  # only its load


def test_a_translation_must_use_an_english_page_s_slug(spanish_page, editor_client):
    url = reverse("admin:education_page_change", args=[spanish_page.pk])
    response = editor_client.post(url, change_form_data(spanish_page, slug="infeccion-de-rinon"))
    assert response.status_code == 200
    assert "translates an English page: use its slug" in response.content.decode()


def test_related_pages_must_be_in_the_page_s_language(spanish_page, editor_client):
    english_sepsis = Page.objects.get(language="en", slug="sepsis")
    url = reverse("admin:education_page_change", args=[spanish_page.pk])
    response = editor_client.post(url, change_form_data(spanish_page, related=[english_sepsis.pk]))
    assert response.status_code == 200
    assert "Related pages must be in this page’s language." in response.content.decode()


def test_a_language_has_one_page_per_slug(spanish_page, editor_client):
    english = spanish_page.source_page()
    url = reverse("admin:education_page_change", args=[spanish_page.pk])
    response = editor_client.post(url, change_form_data(spanish_page, language="en"))
    assert response.status_code == 200
    assert Page.objects.get(pk=spanish_page.pk).language == "es"
    assert english.pk != spanish_page.pk
