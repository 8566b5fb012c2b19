"""Privacy, accessibility and about/contact: reachable from every page, and true to the settings."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

SITE_PAGES = {
    "/privacy/": "Privacy",
    "/accessibility/": "Accessibility",
    "/about/": "About and contact",
}


@pytest.mark.parametrize(("url", "title"), SITE_PAGES.items())
def test_each_page_renders_with_its_heading(pages, client, url, title):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1 id=" in html and f">{title}</h1>" in html
    assert "public" in response["Cache-Control"]


@pytest.mark.parametrize("from_url", ["/", "/conditions/sepsis/", "/check/", "/search/?q=fever"])
def test_every_page_links_to_them_in_the_footer(pages, client, from_url):
    html = client.get(from_url).content.decode()
    footer = html.split('<footer class="site-footer">', 1)[1]
    for url in SITE_PAGES:
        assert f'href="{url}"' in footer


def test_the_sitemap_lists_them(pages, client):
    xml = client.get("/sitemap.xml").content.decode()
    for url in SITE_PAGES:
        assert f"{url}</loc>" in xml


def test_privacy_says_what_is_and_is_not_kept(pages, client):
    html = client.get("/privacy/").content.decode()
    assert "We do not save your answers" in html
    assert "We do not set any cookie when you read pages or use the symptom checker" in html
    assert "kiosk" in html and "sign-in cookie" in html
    assert "without the part after a question mark" in html
    assert "do not have your internet address" in html


def test_accessibility_names_the_standard_the_tests_and_how_to_report(pages, client):
    html = client.get("/accessibility/").content.decode()
    assert "WCAG" in html and "2.2 at level AA" in html
    assert "axe" in html and "keyboard" in html and "320 pixels" in html
    assert "JavaScript off" in html and "screen reader" in html
    assert 'href="/about/#contact"' in html


@override_settings(CLINIC_NAME="Riverside Clinic", CLINIC_CONTACT="Call 555-0100, weekdays 9 to 5.")
def test_about_shows_the_clinic_and_its_contact(pages, client):
    html = client.get("/about/").content.decode()
    assert "is run by Riverside Clinic" in html
    assert "Call 555-0100, weekdays 9 to 5." in html
    assert "In an emergency, call 911 now." in html


@override_settings(CLINIC_NAME="Riverside Clinic", CLINIC_CONTACT="")
def test_about_without_a_contact_sends_people_to_the_clinics_staff(pages, client):
    html = client.get("/about/").content.decode()
    assert "ask the staff at Riverside Clinic" in html


@override_settings(CLINIC_CONTACT="<script>alert(1)</script>")
def test_the_contact_setting_is_shown_as_text(pages, client):
    html = client.get("/about/").content.decode()
    assert "<script>alert(1)</script>" not in html


def test_changing_the_contact_setting_changes_the_etag(pages, client, settings):
    before = client.get("/about/")["ETag"]
    settings.CLINIC_CONTACT = "Write to help@clinic.example"
    assert client.get("/about/")["ETag"] != before


def test_about_lists_every_code_for_clinicians(pages, client):
    html = client.get("/about/").content.decode()
    assert 'id="codes"' in html
    for text in ("A41.-", "G06.1", "M46.2-", "M46.4-", "N10", "G83.4", "G03.9", "91302008"):
        assert text in html
    assert "2.16.840.1.113883.6.90" in html and "2.16.840.1.113883.6.96" in html


@pytest.mark.parametrize("slug", ["sepsis", "discitis", "meningitis"])
def test_each_condition_page_shows_its_codes_and_an_infobutton_link(pages, client, slug):
    html = client.get(f"/conditions/{slug}/").content.decode()
    block = html.split('id="for-clinicians"', 1)[1].split("</section>", 1)[0]
    assert "data-reading-skip" in html.split('id="for-clinicians"', 1)[1][:200]
    assert "ICD-10-CM" in block
    assert "/infobutton/?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&amp;" in block


def test_the_example_link_on_a_page_leads_back_to_it(pages, client):
    import html as html_lib
    import re

    page_html = client.get("/conditions/pyelonephritis/").content.decode()
    link = html_lib.unescape(re.search(r'class="code-link" href="([^"]+)"', page_html)[1])
    response = client.get(link.removeprefix("http://127.0.0.1:8000"))
    assert response.status_code == 303
    assert response["Location"] == "/conditions/pyelonephritis/"


def test_a_kiosk_does_not_show_the_clinicians_block(pages, client):
    from tests.support.kiosk import turn_on_kiosk

    turn_on_kiosk(client)
    assert 'id="for-clinicians"' not in client.get("/conditions/sepsis/").content.decode()
