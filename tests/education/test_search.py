import pytest

from education.search import SearchDocument, query_terms, search, stem, suggest

pytestmark = pytest.mark.django_db


def result_slugs(client, query: str) -> list[str]:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [r.document.slug for r in response.context["results"]]


def test_kidney_finds_the_kidney_infection_page_first(pages, client):
    assert result_slugs(client, "kidney")[0] == "pyelonephritis"


def test_abscess_finds_the_spinal_epidural_abscess_page_first(pages, client):
    assert result_slugs(client, "abscess")[0] == "spinal-epidural-abscess"


def test_fever_back_pain_finds_the_hub_first(pages, client):
    slugs = result_slugs(client, "fever back pain")
    assert slugs[0] == "back-pain-and-fever"
    assert {"spinal-epidural-abscess", "vertebral-osteomyelitis", "discitis"} <= set(slugs)


def test_everyday_words_find_the_medical_page(pages, client):
    assert result_slugs(client, "UTI")[0] == "pyelonephritis"
    assert "sepsis" in result_slugs(client, "septic")


def test_results_link_to_the_best_matching_section(pages, client):
    html = client.get("/search/", {"q": "kidney"}).content.decode()
    assert 'href="/conditions/pyelonephritis/#' in html


def test_no_results_says_what_to_try_and_lists_the_pages(pages, client):
    response = client.get("/search/", {"q": "zebra"})
    html = response.content.decode()
    assert response.context["results"] == []
    assert "No pages found for “zebra”" in html
    assert "Try a shorter or simpler word" in html
    assert 'href="/conditions/sepsis/"' in html


def test_a_misspelling_gets_a_suggestion(pages, client):
    response = client.get("/search/", {"q": "kidny"})
    assert "kidney" in response.context["suggestions"]


def test_an_empty_search_shows_the_form_without_results(pages, client):
    response = client.get("/search/", {"q": "   "})
    assert response.status_code == 200
    assert "results" not in response.context
    assert 'name="q"' in response.content.decode()


def test_a_huge_or_odd_query_is_handled(pages, client):
    response = client.get("/search/", {"q": "kidney " * 1000 + "\x00☃<script>"})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]
    assert "only the first part" in response.content.decode()


def test_the_query_is_escaped_in_the_page(pages, client):
    html = client.get("/search/", {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_search_works_as_a_plain_get_form_without_javascript(pages, client):
    html = client.get("/").content.decode()
    assert '<form class="search-form" action="/search/" method="get"' in html


def test_stop_words_are_ignored_and_plurals_match():
    assert query_terms("what is the infections") == ["infection"]
    assert stem("kidneys") == stem("kidney")


def test_title_matches_outrank_body_mentions():
    docs = [
        SearchDocument("a", "Other", "", "/a/", (("x", "Heading", "kidney " * 20),)),
        SearchDocument("b", "Kidney infection", "", "/b/", ()),
    ]
    assert [r.document.slug for r in search("kidney", docs)] == ["b", "a"]


def test_suggest_offers_close_words_only():
    docs = [SearchDocument("a", "Sepsis", "Infection of the blood", "/a/", ())]
    assert suggest("infecton", docs) == ["infection"]
    assert suggest("zzzz", docs) == []


def spanish_results(client, query: str) -> list[tuple[str, str]]:
    response = client.get("/es/search/", {"q": query})
    assert response.status_code == 200
    return [(r.document.language, r.document.slug) for r in response.context["results"]]


@pytest.mark.parametrize("query", ["riñón", "rinon", "RIÑON", "riñones", "Riñón"])
def test_spanish_search_folds_accents_and_enye(spanish_page, client, query):
    assert spanish_results(client, query)[0] == ("es", "pyelonephritis")


@pytest.mark.parametrize("query", ["fiebre", "espalda", "dolor de espalda y fiebre"])
def test_everyday_spanish_words_find_the_spanish_page(spanish_page, client, query):
    assert ("es", "pyelonephritis") in spanish_results(client, query)


def test_spanish_search_looks_only_at_pages_in_spanish_or_not_translated_yet(spanish_page, client):
    found = spanish_results(client, "kidney")
    assert ("en", "pyelonephritis") not in found  # it has a Spanish version
    assert ("es", "pyelonephritis") not in found  # and that says riñón, not kidney


def test_english_search_never_returns_the_spanish_page(spanish_page, client):
    assert result_slugs(client, "fiebre") == []
    assert "pyelonephritis" in result_slugs(client, "kidney")


def test_a_spanish_result_links_to_the_spanish_address_and_is_never_cached(spanish_page, client):
    response = client.get("/es/search/", {"q": "riñón"})
    html = response.content.decode()
    assert 'href="/es/conditions/pyelonephritis/' in html
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_misspelt_spanish_word_is_suggested_as_the_page_writes_it(spanish_page, client):
    response = client.get("/es/search/", {"q": "espaldda"})
    assert response.context["suggestions"] == ["espalda"]


def test_accents_fold_the_same_in_queries_and_pages():
    document = SearchDocument(
        slug="x",
        title="Infección de riñón",
        summary="",
        url="/es/x/",
        sections=(("a", "Síntomas", "Fiebre y dolor de espalda."),),
        language="es",
    )
    for query in ("infeccion", "INFECCIÓN", "sintomas", "riñon"):
        assert search(query, [document]), query
    assert query_terms("el riñón y la fiebre") == ["rinon", "fiebre"]
