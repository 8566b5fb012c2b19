import re

import pytest
from django.conf import settings
from django.test import override_settings

from education.content_files import CONDITION_SECTION_ANCHORS, read_all_pages
from education.models import Page

pytestmark = pytest.mark.django_db

ALL_SLUGS = [page.slug for page in read_all_pages()]
CONDITION_SLUGS = [page.slug for page in read_all_pages() if page.kind == "condition"]


def test_home_page_links_to_the_hub_and_every_condition(pages, client):
    html = client.get("/").content.decode()
    for page in Page.objects.filter(language="en"):
        assert f'href="{page.get_absolute_url()}"' in html


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_every_page_renders_with_one_h1_and_its_meta_description(pages, client, slug):
    page = Page.objects.get(language="en", slug=slug)
    response = client.get(f"/conditions/{slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert (
        f'<meta name="description" content="{page.meta_description}' in html.replace("&#x27;", "'")
        or page.meta_description[:40] in html
    )


@pytest.mark.parametrize("slug", CONDITION_SLUGS)
def test_condition_pages_have_every_section(pages, client, slug):
    html = client.get(f"/conditions/{slug}/").content.decode()
    for anchor in CONDITION_SECTION_ANCHORS:
        assert f'<section id="{anchor}"' in html, anchor
    for anchor in ("related", "sources", "about-this-page"):
        assert f'id="{anchor}"' in html, anchor
    assert 'class="toc"' in html
    assert 'class="lead"' in html


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_every_page_names_author_reviewer_dates_sources_and_disclaimer(pages, client, slug):
    page = Page.objects.get(language="en", slug=slug)
    html = client.get(f"/conditions/{slug}/").content.decode()
    assert "Written by" in html and "Clinical review by" in html
    assert page.author.replace("&", "&amp;") in html
    assert page.reviewer.replace("&", "&amp;") in html
    assert f'<time datetime="{page.last_reviewed:%Y-%m-%d}">' in html
    assert f'<time datetime="{page.next_review:%Y-%m-%d}">' in html
    for source in page.sources.all():
        assert f'href="{source.url}"' in html
    assert "does not replace medical advice" in html


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_emergency_and_urgent_callouts_are_labelled_in_words(pages, client, slug):
    html = client.get(f"/conditions/{slug}/").content.decode()
    assert re.search(
        r'callout--emergency.*?<span class="callout__label">Emergency</span> Call 911 now',
        html,
        re.S,
    )
    assert re.search(
        r'callout--urgent.*?<span class="callout__label">Urgent</span> See a doctor today',
        html,
        re.S,
    )


@override_settings(EMERGENCY_NUMBER="999")
def test_pages_use_the_clinics_emergency_number(pages, client):
    html = client.get("/conditions/sepsis/").content.decode()
    assert "Call 999 now" in html
    assert "Call 911" not in html


def test_the_hub_links_to_all_five_conditions(pages, client):
    html = client.get("/conditions/back-pain-and-fever/").content.decode()
    for slug in (
        "sepsis",
        "spinal-epidural-abscess",
        "vertebral-osteomyelitis",
        "discitis",
        "pyelonephritis",
    ):
        assert f'href="/conditions/{slug}/"' in html


def test_page_list_shows_every_page(pages, client):
    html = client.get("/conditions/").content.decode()
    for page in Page.objects.filter(language="en"):
        assert page.get_absolute_url() in html


def test_editor_markup_cannot_inject_script_into_a_page(pages, client):
    section = Page.objects.get(language="en", slug="sepsis").sections.get(anchor="faq")
    section.body += '\n\n<script>alert("x")</script><img src=x onerror="alert(1)">'
    section.save()
    html = client.get("/conditions/sepsis/").content.decode()
    assert 'alert("x")' not in html
    assert "onerror" not in html


def test_an_unknown_page_gets_the_designed_404(pages, client):
    response = client.get("/conditions/not-a-condition/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'class="skip-link"' in html


def test_the_500_page_is_designed_and_gives_the_emergency_number(rf):
    from config.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Call 911 now" in response.content.decode()


def test_pages_refuse_unsupported_methods(pages, client):
    assert client.post("/conditions/sepsis/").status_code == 405


def test_sitemap_lists_every_page(pages, client):
    response = client.get("/sitemap.xml")
    xml = response.content.decode()
    assert response.status_code == 200
    for page in Page.objects.all():
        assert f"{page.get_absolute_url()}</loc>" in xml


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_every_page_has_a_favicon_and_lang(pages, client):
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert 'rel="icon"' in html


def test_no_page_loads_anything_from_another_host(pages, client):
    for url in ["/", "/conditions/", "/search/?q=kidney"] + [
        f"/conditions/{s}/" for s in ALL_SLUGS
    ]:
        html = client.get(url).content.decode()
        # hreflang alternates are full addresses (search engines want them so), are
        # never fetched by the browser, and must be this site's own.
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)">', html)
        assert alternates, url
        assert all(href.startswith(settings.PUBLIC_BASE_URL + "/") for href in alternates), url
        html = re.sub(r'<link rel="alternate" hreflang="[^"]+" href="[^"]+">', "", html)
        assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', html), url


def test_content_security_policy_is_sent(pages, client):
    csp = client.get("/").headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
