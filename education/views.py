"""Views for the explanation pages: parse the request, fetch, render."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from education import clinical_codes, infobutton, languages
from education import search as page_search
from education.caching import cacheable_content
from education.models import Page, Section
from education.selectors import page_languages, readable_pages

MAX_QUERY_LENGTH = page_search.MAX_QUERY_LENGTH


def _pages_with_content():
    """The active language's pages, with everything a page shows."""
    return readable_pages().prefetch_related(
        Prefetch("sections", queryset=Section.objects.order_by("position", "id")),
        "sources",
        Prefetch("related", queryset=Page.objects.order_by("order", "title")),
    )


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """The home page; the bare "/" first sends people to their own language's home.

    Only "/": every other address, /es/ included, keeps its language, so a
    shared link opens as it was sent.
    """
    if translation.get_language_from_path(request.path_info) is not None:
        return _home_page(request)
    preferred = languages.preferred_language(request)
    if preferred != translation.get_language():
        response = redirect(languages.path_in_language(request.path_info, preferred))
    else:
        response = _home_page(request)
    # Which of the two "/" answers depends on the browser's languages and the
    # language cookie: a shared cache must keep them apart.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


@cacheable_content
def _home_page(request: HttpRequest) -> HttpResponse:
    pages = readable_pages()
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
    return render(request, "education/page_list.html", {"pages": readable_pages()})


@require_safe
@cacheable_content
def page_detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_object_or_404(_pages_with_content(), slug=slug)
    codes = clinical_codes.codes_for(page.slug)
    context = {
        "page": page,
        "codes": codes,
        # Not translated yet: the English page, with a note, and only the
        # languages it is really in as its hreflang alternates.
        "untranslated": page.language != translation.get_language(),
        "page_languages": page_languages(page.slug),
    }
    if codes:
        context["infobutton_example"] = (
            f"{settings.PUBLIC_BASE_URL}{reverse('infobutton:request')}?"
            f"{infobutton.request_query(codes[0], translation.get_language())}"
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
            language=page.language,
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
            "all_pages": [] if results else readable_pages(),
        }
    return render(request, "education/search.html", context)


@require_safe
@never_cache  # it sets a cookie, which no cache may hand to someone else
def switch_language(request: HttpRequest, code: str) -> HttpResponse:
    """Remember the language someone chose and open ``next`` (the page in that language).

    The cookie only decides where the bare "/" sends them next time; pages take
    their language from their address.
    """
    if code not in languages.language_codes():
        raise Http404("No such language.")
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        with translation.override(code):
            target = reverse("home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


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
    titles = dict(readable_pages().values_list("slug", "title"))
    conditions = [
        {"title": titles[slug], "url": reverse("education:page", args=[slug]), "codes": codes}
        for slug, codes in clinical_codes.CONDITION_CODES.items()
        if slug in titles
    ]
    return render(
        request,
        "pages/about.html",
        {"conditions": conditions, "infobutton_path": reverse("infobutton:request")},
    )
