"""Views for the explanation pages: parse the request, fetch, render."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from education import clinical_codes, infobutton
from education import search as page_search
from education.caching import cacheable_content
from education.models import Page, Section

MAX_QUERY_LENGTH = page_search.MAX_QUERY_LENGTH


def _pages_with_content():
    return Page.objects.prefetch_related(
        Prefetch("sections", queryset=Section.objects.order_by("position", "id")),
        "sources",
        Prefetch("related", queryset=Page.objects.order_by("order", "title")),
    )


@require_safe
@cacheable_content
def home(request: HttpRequest) -> HttpResponse:
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
def page_list(request: HttpRequest) -> HttpResponse:
    return render(request, "education/page_list.html", {"pages": Page.objects.all()})


@require_safe
@cacheable_content
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(_pages_with_content(), slug=slug)
    codes = clinical_codes.codes_for(page.slug)
    context = {"page": page, "codes": codes}
    if codes:
        context["infobutton_example"] = (
            f"{settings.PUBLIC_BASE_URL}{reverse('education:infobutton')}?"
            f"{infobutton.request_query(codes[0])}"
        )
    return render(request, "education/page_detail.html", context)


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


# --- The pages a health site owes its visitors ---------------------------------------


@require_safe
@cacheable_content
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")


@require_safe
@cacheable_content
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


@require_safe
@cacheable_content
def about(request: HttpRequest) -> HttpResponse:
    """Who runs the site, how to reach them, and (for clinicians) the codes each page answers."""
    titles = dict(Page.objects.values_list("slug", "title"))
    conditions = [
        {"title": titles[slug], "url": reverse("education:page", args=[slug]), "codes": codes}
        for slug, codes in clinical_codes.CONDITION_CODES.items()
        if slug in titles
    ]
    return render(
        request,
        "pages/about.html",
        {"conditions": conditions, "infobutton_path": reverse("education:infobutton")},
    )
