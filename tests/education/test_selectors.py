import time

from education import selectors
from education.models import Page
from education.selectors import existing_pages, existing_slugs, page_links


def test_existing_pages_keep_the_order_asked_for_and_leave_out_removed_ones(pages):
    Page.objects.filter(language="en", slug="discitis").delete()
    found = existing_pages(("sepsis", "discitis", "no-such-page", "meningitis"))
    assert [page.slug for page in found] == ["sepsis", "meningitis"]


def test_existing_slugs_are_every_page_there_is(pages):
    assert existing_slugs() == set(
        Page.objects.filter(language="en").values_list("slug", flat=True)
    )
    assert "sepsis" in existing_slugs()


def titles(slugs) -> list[str]:
    return [link.title for link in page_links(slugs)]


def test_page_links_keep_the_order_asked_for_and_leave_out_removed_ones(pages):
    links = page_links(("sepsis", "no-such-page", "discitis"))
    assert [link.slug for link in links] == ["sepsis", "discitis"]
    assert links[0].url == "/conditions/sepsis/"
    assert "emergency-signs" in links[0].anchors


def test_page_links_show_an_editors_change_at_once(pages):
    assert titles(["sepsis"]) == ["Sepsis"]
    page = Page.objects.get(language="en", slug="sepsis")
    page.title = "Sepsis (blood poisoning)"
    page.save()  # as the admin saves it
    assert titles(["sepsis"]) == ["Sepsis (blood poisoning)"]
    page.sections.filter(anchor="emergency-signs").delete()
    assert "emergency-signs" not in page_links(["sepsis"])[0].anchors
    Page.objects.filter(language="en", slug="discitis").delete()
    assert titles(["sepsis", "discitis"]) == ["Sepsis (blood poisoning)"]


def test_page_links_show_an_edit_made_by_another_process_once_they_expire(pages, monkeypatch):
    # A minute in production; a fraction of a second here, with the real clock.
    monkeypatch.setattr(selectors, "LINKS_MAX_AGE_SECONDS", 0.3)
    assert titles(["sepsis"]) == ["Sepsis"]
    # Another server process saved it: this one got no signal.
    Page.objects.filter(language="en", slug="sepsis").update(title="Sepsis (blood poisoning)")
    assert titles(["sepsis"]) == ["Sepsis"]
    time.sleep(0.35)
    assert titles(["sepsis"]) == ["Sepsis (blood poisoning)"]
