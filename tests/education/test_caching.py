import pytest

from education.models import Page

pytestmark = pytest.mark.django_db

CONTENT_URLS = ["/", "/conditions/", "/conditions/sepsis/"]


@pytest.mark.parametrize("url", CONTENT_URLS)
def test_content_pages_can_be_cached_and_revalidated(pages, client, url):
    response = client.get(url)
    assert response["ETag"]
    cache_control = response["Cache-Control"]
    assert "public" in cache_control and "max-age=300" in cache_control
    again = client.get(url, headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_an_editor_change_gives_new_validators(pages, client):
    before = client.get("/conditions/discitis/")["ETag"]
    page = Page.objects.get(
        language="en", slug="sepsis"
    )  # a related page: its title shows on others
    page.title = "Sepsis (blood poisoning)"
    page.save()
    after = client.get("/conditions/discitis/", headers={"if-none-match": before})
    assert after.status_code == 200
    assert after["ETag"] != before


def test_deleting_a_page_gives_new_validators(pages, client):
    before = client.get("/conditions/")["ETag"]
    Page.objects.filter(language="en", slug="meningitis").delete()
    assert client.get("/conditions/")["ETag"] != before


def test_the_clinic_number_is_part_of_the_validator(pages, client, settings):
    before = client.get("/conditions/sepsis/")["ETag"]
    settings.EMERGENCY_NUMBER = "999"
    assert client.get("/conditions/sepsis/")["ETag"] != before


def test_checker_pages_are_not_cacheable(pages, client):
    response = client.get("/check/")
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    assert not response.has_header("ETag")


def test_the_public_address_is_part_of_the_validator(client, pages, settings):
    before = client.get("/conditions/sepsis/")["ETag"]
    settings.PUBLIC_BASE_URL = "https://guide.example.org"
    after = client.get("/conditions/sepsis/", headers={"if-none-match": before})
    assert after.status_code == 200
    assert "https://guide.example.org/conditions/sepsis/" in after.content.decode()


@pytest.mark.parametrize("url", ["/search/?q=kidney", "/search/?q=zzzz", "/search/"])
def test_search_results_are_never_cached_by_anyone(pages, client, url):
    """Search terms are health information: not kept by a shared cache, nor by the browser."""
    cache_control = client.get(url)["Cache-Control"]
    assert "public" not in cache_control
    assert "private" in cache_control
    assert "no-store" in cache_control
