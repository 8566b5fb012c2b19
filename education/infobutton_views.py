"""The Infobutton endpoint: parse the request (education.infobutton), find the page, answer.

A diagnosis code in an address is health information, so no answer is kept by
any cache, and the access log never has the query string (config/gunicorn.conf.py).
"""

from datetime import UTC
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_info, gettext
from django.views.decorators.http import require_safe

from config.json_response import json_response
from education import clinical_codes, infobutton, languages
from education.models import Page
from education.selectors import existing_pages, readable_pages


def _language_name(code: str) -> str:
    try:
        return get_language_info(code)["name"]
    except KeyError:
        return code


def _no_store(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    return response


def _error(request: HttpRequest, error: infobutton.BadRequest) -> HttpResponse:
    if error.response_type == infobutton.JSON:
        return json_response({"error": error.message, "code": error.code}, status=400)
    if error.response_type == infobutton.XML:
        return HttpResponse(
            infobutton.error_as_xml(error), status=400, content_type="text/xml; charset=utf-8"
        )
    return render(request, "education/infobutton_error.html", {"error": error}, status=400)


def _subtitle(result: infobutton.Answer, page: Page | None) -> str:
    code = f"{result.system_name} {result.code}"
    if page is not None:
        text = gettext("%(site)s: a page for %(code)s.") % {
            "site": settings.SITE_NAME,
            "code": code,
        }
    elif result.supported_system:
        titles = (
            readable_pages(result.language).filter(kind="condition").values_list("title", flat=True)
        )
        text = gettext("No page on this site explains %(code)s. Our pages cover: %(pages)s.") % {
            "code": code,
            "pages": ", ".join(titles),
        }
    else:
        text = gettext(
            "This site has no pages for %(system)s codes. Send an ICD-10-CM (%(icd)s) "
            "or SNOMED CT (%(snomed)s) code."
        ) % {
            "system": result.system_name,
            "icd": clinical_codes.ICD_10_CM.oid,
            "snomed": clinical_codes.SNOMED_CT.oid,
        }
    if not _in_language_asked_for(result, page):
        text += " " + gettext(
            "There is no page in %(language)s (%(code)s) yet: this answer is in %(answered)s."
        ) % {
            "language": _language_name(result.request.language),
            "code": result.request.language,
            "answered": _language_name(page.language if page else result.language),
        }
    return text


def _in_language_asked_for(result: infobutton.Answer, page: Page | None) -> bool:
    # A language the site has can still lack one page (an editor has not translated it yet).
    language = page.language if page is not None else result.language
    return language == result.request.language


def _feed(request: HttpRequest, result: infobutton.Answer, page: Page | None) -> infobutton.Feed:
    base = settings.PUBLIC_BASE_URL
    query = urlencode(
        [(infobutton.CODE_SYSTEM, result.request.code_system_oid), (infobutton.CODE, result.code)]
    )
    entries = ()
    if page is not None:
        entries = (
            infobutton.Entry(
                title=page.title,
                url=base + page.get_absolute_url(),
                summary=page.summary,
                updated=page.updated_at.astimezone(UTC),
                language=page.language,
            ),
        )
    return infobutton.Feed(
        id=f"{base}{reverse('infobutton:request')}?{query}",
        title=settings.SITE_NAME,
        subtitle=_subtitle(result, page),
        updated=entries[0].updated if entries else timezone.now().astimezone(UTC),
        author_name=settings.CLINIC_NAME or settings.SITE_NAME,
        author_uri=base + "/",
        base=base + "/",
        categories=(
            (infobutton.CODE, result.code),
            (infobutton.CODE_SYSTEM, result.request.code_system_oid),
            (infobutton.DISPLAY_NAME, result.request.display_name),
            (infobutton.LANGUAGE, page.language if page is not None else result.language),
        ),
        entries=entries,
        language=result.language,
    )


@require_safe
def infobutton_request(request: HttpRequest) -> HttpResponse:
    """Answer a health record's Infobutton link: the page, a feed, or a plain 'no page yet'.

    The address is the same in every language; the request names the language
    (education.infobutton), and the answer is in it when the site has it.
    """
    try:
        knowledge_request = infobutton.parse(dict(request.GET.lists()))
        result = infobutton.answer(knowledge_request, languages.language_codes())
    except infobutton.BadRequest as error:
        return _no_store(_error(request, error))
    with translation.override(result.language):
        response = _answer(request, result)
    response["Content-Language"] = result.language
    return _no_store(response)


def _answer(request: HttpRequest, result: infobutton.Answer) -> HttpResponse:
    found = existing_pages([result.match.slug], language=result.language) if result.match else []
    page = found[0] if found else None
    knowledge_request = result.request
    if knowledge_request.response_type == infobutton.JSON:
        return json_response(infobutton.feed_as_json(_feed(request, result, page)))
    if knowledge_request.response_type == infobutton.XML:
        body = infobutton.feed_as_atom(_feed(request, result, page))
        return HttpResponse(body, content_type=f"{knowledge_request.media_type}; charset=utf-8")
    if page is not None and _in_language_asked_for(result, page):
        # A person clicked a link in their record: take them straight to the page.
        return HttpResponseRedirect(page.get_absolute_url(), status=303)
    context = {
        "result": result,
        "page": page,
        "in_language_asked_for": _in_language_asked_for(result, page),
        "language_name": _language_name(knowledge_request.language),
        "pages": readable_pages(result.language),
    }
    return render(request, "education/infobutton.html", context)
