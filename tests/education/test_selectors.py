from education.models import Page
from education.selectors import existing_pages, existing_slugs


def test_existing_pages_keep_the_order_asked_for_and_leave_out_removed_ones(pages):
    Page.objects.filter(language="en", slug="discitis").delete()
    found = existing_pages(("sepsis", "discitis", "no-such-page", "meningitis"))
    assert [page.slug for page in found] == ["sepsis", "meningitis"]


def test_existing_slugs_are_every_page_there_is(pages):
    assert existing_slugs() == set(
        Page.objects.filter(language="en").values_list("slug", flat=True)
    )
    assert "sepsis" in existing_slugs()
