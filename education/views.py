"""Views for the explanation pages: parse the request, fetch, render."""

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from education import search as page_search
from education.caching import cacheable_content
from education.models import Page, Section
from education.rendered_pages import reuse_while_etag_matches

MAX_QUERY_LENGTH = page_search.MAX_QUERY_LENGTH


def _pages_with_content():
    return Page.objects.prefetch_related(
        Prefetch("sections", queryset=Section.objects.order_by("position", "id")),
        "sources",
        Prefetch("related", queryset=Page.objects.order_by("order", "title")),
    )


@require_safe
@cacheable_content
@reuse_while_etag_matches
def home(request: HttpRequest) -> HttpResponse:
    if request.kiosk is not None:
        return redirect("kiosk:start")  # a kiosk's home is its attract screen
    pages = Page.objects.all()
    return render(
        request,
        "home.html",
        {
            "guide": pages.filter(kind="guide").first(),
            "conditions": pages.filter(kind="condition"),
        },
    )


@require_safe
@cacheable_content
@reuse_while_etag_matches
def page_list(request: HttpRequest) -> HttpResponse:
    return render(request, "education/page_list.html", {"pages": Page.objects.all()})


@require_safe
@cacheable_content
@reuse_while_etag_matches
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(_pages_with_content(), slug=slug)
    return render(request, "education/page_detail.html", {"page": page})


def _documents() -> list[page_search.SearchDocument]:
    return [
        page_search.SearchDocument(
            slug=page.slug,
            title=page.title,
            summary=page.summary,
            url=page.get_absolute_url(),
            sections=tuple((s.anchor, s.heading, s.body) for s in page.sections.all()),
        )
        for page in _pages_with_content()
    ]


@require_safe
@never_cache  # search terms are health information: no cache, shared or not, keeps them
def search(request: HttpRequest) -> HttpResponse:
    raw_query = request.GET.get("q", "")
    query = " ".join(raw_query.split())[:MAX_QUERY_LENGTH]
    context = {"query": query, "query_too_long": len(raw_query) > MAX_QUERY_LENGTH}
    if query:
        documents = _documents()
        results = page_search.search(query, documents)
        context |= {
            "results": results,
            "suggestions": [] if results else page_search.suggest(query, documents),
            "all_pages": [] if results else Page.objects.all(),
        }
    return render(request, "education/search.html", context)
