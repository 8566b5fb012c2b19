"""Views for the symptom checker and its JSON API: parse the request, call the engine, render.

Nothing a person answers is stored: no database row, no session, no log line.
The checker's answers travel in a signed hidden field and come back with each
step; the API answers from the request body alone. Both are CSRF-exempt for the
same reason: they change nothing on the server, so there is nothing to forge,
and exemption means no cookie is ever set on a patient's (or a kiosk's) browser.
"""

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from django.views.decorators.vary import vary_on_headers

from config import personalisation
from config.cache_headers import add_never_cache_headers
from config.json_response import json_response
from education.caching import cacheable, content_etag
from education.languages import LanguageLink, language_codes, language_name, path_in_language
from education.selectors import existing_pages, existing_slugs, page_links
from triage import engine, flow, keypad, rendered_steps, state_token
from triage.api_input import MAX_BODY_BYTES, BadRequest, body_too_large, parse_assess_body
from triage.api_language import in_requested_language
from triage.engine import (
    CONTRACT_VERSION,
    MAX_AGE,
    MIN_AGE,
    Assessment,
    assess,
    level_advice,
)
from triage.forms import AgeForm, error_summary, shows_no_answers, step_form
from triage.rulebook import FINGERPRINT as RULEBOOK_FINGERPRINT
from triage.rulebook import rule_book
from triage.rules import RULES_VERSION
from triage.take_home import requested_pages, take_home_url
from triage.translator import translator
from triage.vocabulary import (
    ADULT_AGE,
    CARE_SETTINGS,
    CONDITIONS,
    FINDINGS,
    LEVEL_TITLES,
    LEVELS,
)

STATE_SALT = "triage.checker.state"
# Served at /triage/api/openapi.json; tests/triage/test_openapi.py checks it against the code.
OPENAPI_DOCUMENT = settings.BASE_DIR / "docs" / "openapi.json"
AGE_DIGITS = len(str(MAX_AGE))
# A half-finished check is worthless after a day, and old state should not linger.
STATE_MAX_AGE_SECONDS = 24 * 60 * 60


# --- JSON API ---------------------------------------------------------------------------


def _api_error(code: str, message: str, status: int = 400) -> HttpResponse:
    response = json_response({"error": message, "code": code}, status=status)
    add_never_cache_headers(response)
    return response


def _api_read_only(view):
    """GET (and HEAD) only, like ``require_GET``, but a refused method gets the API's JSON
    405, and never CSRF's HTML 403: these endpoints change nothing, so there is nothing
    to forge."""

    @csrf_exempt
    @functools.wraps(view)
    def read_only(request: HttpRequest, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _api_error("method_not_allowed", "Use GET.", status=405)
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return read_only


def _page_links(slugs: tuple[str, ...]) -> list[dict]:
    """Condition links for slugs whose pages exist, with the editors' current titles
    and addresses (a page not translated yet is linked in English)."""
    return [{"slug": page.slug, "title": page.title, "url": page.url} for page in page_links(slugs)]


def _condition_address(slug: str) -> str:
    """A condition page's address in the active language (/es/conditions/sepsis/)."""
    return reverse("education:page", args=[slug])


def _request_body(request: HttpRequest) -> bytes:
    """The body, refused unread when its declared length is already over the limit."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise body_too_large()
    try:
        return request.body
    except RequestDataTooBig:
        raise body_too_large() from None


@csrf_exempt
@in_requested_language
def api_assess(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = _api_error("method_not_allowed", "Use POST with a JSON body.", status=405)
        response["Allow"] = "POST"
        return response
    try:
        parsed = parse_assess_body(_request_body(request))
    except BadRequest as error:
        return _api_error(error.code, error.message)

    assessment = assess(
        parsed.age_years,
        parsed.findings,
        unsure=parsed.unsure,
        emergency_number=settings.EMERGENCY_NUMBER,
        translate=translator(),
    )
    response = json_response(assessment.to_dict(conditions=_page_links(assessment.conditions)))
    add_never_cache_headers(response)
    return response


@_api_read_only
@in_requested_language
def api_contract(request: HttpRequest) -> HttpResponse:
    """The vocabulary, so another client can build its own form."""
    response = json_response(
        {
            "contract": CONTRACT_VERSION,
            "rules_version": RULES_VERSION,
            "age_years": {"min": MIN_AGE, "max": MAX_AGE, "adult_from": ADULT_AGE},
            "levels": [
                {
                    "code": level,
                    "title": gettext(LEVEL_TITLES[level]),
                    "advice": level_advice(
                        level, emergency_number=settings.EMERGENCY_NUMBER, translate=gettext
                    ),
                }
                for level in LEVELS
            ],
            "findings": [
                {
                    "code": finding.code,
                    "question": gettext(finding.question),
                    "hint": gettext(finding.hint) if finding.hint else "",
                    "kind": finding.kind,
                    "topic": finding.topic,
                }
                for finding in FINDINGS.values()
            ],
            "conditions": [
                {"slug": slug, "title": gettext(title), "url": _condition_address(slug)}
                for slug, title in CONDITIONS.items()
            ],
            # A result's "go_to" names one of these when the place matters; its advice
            # then replaces the level's.
            "care_settings": [
                {
                    "code": code,
                    "advice": level_advice(
                        "urgent",
                        emergency_number=settings.EMERGENCY_NUMBER,
                        translate=gettext,
                        go_to=code,
                    ),
                }
                for code in CARE_SETTINGS
            ],
            "not_sure": "Send a code in both 'findings' and 'unsure' when the answer was "
            "'not sure': it counts as yes.",
        }
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


@functools.cache
def _openapi_document() -> bytes:
    # Read once per process: the file only changes with a deploy.
    return OPENAPI_DOCUMENT.read_bytes()


@_api_read_only
def api_openapi(request: HttpRequest) -> HttpResponse:
    """The OpenAPI 3.1 description of this API, as kept in the repository."""
    response = HttpResponse(_openapi_document(), content_type="application/json")
    patch_cache_control(response, public=True, max_age=3600)
    return response


# --- How the checker decides --------------------------------------------------------------


def _rules_etag(request: HttpRequest, *args, **kwargs) -> str:
    # The rules live in code, not in the database: a deploy that changes a rule, its
    # wording or the change log must change the validator even when no template did.
    return f"{content_etag(request)}-{RULEBOOK_FINGERPRINT}"


cacheable_with_rules = cacheable(_rules_etag)


@require_safe
@cacheable_with_rules
def how_it_decides(request: HttpRequest) -> HttpResponse:
    """Every rule in plain words, the safety-net lines and the change log, for audit."""
    book = rule_book(
        emergency_number=settings.EMERGENCY_NUMBER,
        translate=gettext,
        page_url=_condition_address,
    )
    return render(
        request, "triage/how_it_decides.html", {"book": book, "existing_pages": existing_slugs()}
    )


@_api_read_only
@in_requested_language
@cacheable_with_rules
def api_rules(request: HttpRequest) -> HttpResponse:
    """The same rule book as JSON, for clinicians' and auditors' own tools."""
    book = rule_book(
        emergency_number=settings.EMERGENCY_NUMBER,
        translate=gettext,
        page_url=_condition_address,
    )
    return json_response(book.to_dict())


# --- The checker --------------------------------------------------------------------------


def _state_salt(request: HttpRequest) -> str:
    # On a shared screen (a clinic kiosk) the answers are signed for this person's
    # turn only: once the screen is cleared, a form left in the browser's history
    # cannot be read back (config.personalisation).
    turn = personalisation.turn(request)
    return f"{STATE_SALT}:{turn}" if turn else STATE_SALT


def _dump_state(request: HttpRequest, state: flow.CheckState) -> str:
    return state_token.dump(state.as_data(), salt=_state_salt(request))


def _load_state(request: HttpRequest, token: str) -> flow.CheckState:
    data = state_token.load(token, salt=_state_salt(request), max_age=STATE_MAX_AGE_SECONDS)
    return flow.CheckState.from_data(data)


# When no condition fits (plain back pain, or an emergency sign on its own), the
# hub page still explains the warning signs and everyday back pain.
FALLBACK_PAGE = "back-pain-and-fever"


def _result_links(assessment: Assessment) -> list[dict]:
    """Explanation pages for the result, each linked to the section that matters most."""
    levels_to_anchor = {"emergency": "emergency-signs", "urgent": "urgent-signs"}
    wanted = levels_to_anchor.get(assessment.level, "symptoms")
    links = []
    for page in page_links(assessment.conditions or (FALLBACK_PAGE,)):
        anchor = f"#{wanted}" if wanted in page.anchors else ""
        links.append({"page": page, "url": page.url + anchor})
    return links


def _result_context(state: flow.CheckState) -> dict:
    findings, unsure = flow.findings_and_unsure(state)
    assessment = assess(
        state.age,
        findings,
        unsure=unsure,
        emergency_number=settings.EMERGENCY_NUMBER,
        translate=translator(),
    )
    links = _result_links(assessment)
    return {
        "assessment": assessment,
        "links": links,
        "take_home_url": take_home_url(
            assessment.level, tuple(link["page"].slug for link in links), assessment.go_to
        ),
    }


def _other_languages(request: HttpRequest) -> list[LanguageLink]:
    """This checker's address in every other language, for the switch that posts the answers."""
    current = translation.get_language()
    return [
        LanguageLink(code, language_name(code), path_in_language(request.path_info, code))
        for code in language_codes()
        if code != current
    ]


def _same_for_everyone(
    request: HttpRequest, state: flow.CheckState, form, status: int, notice: str
) -> bool:
    """Whether this screen shows nothing of the person's own: a question screen seen
    for the first time, with no answers filled in, no errors and no notice. A kiosk's
    screens carry the kiosk's own turn, so they are always rendered afresh."""
    return (
        not personalisation.is_personalised(request)
        and form is None  # the view's own form: one with errors, or the number pad
        and status == 200
        and not notice
        and shows_no_answers(state)
    )


def _render_step(request, state, form=None, status=200, notice="") -> HttpResponse:
    """The screen for ``state``, with ``form`` when the view has one of its own (a form
    with errors, the kiosk's number pad), else the step's form with earlier answers."""
    state_token = _dump_state(request, state)
    progress = flow.progress(state)

    def render_step() -> HttpResponse:
        shown = form if form is not None else step_form(state)
        context = {
            "other_languages": _other_languages(request),
            "step": flow.STEPS[state.step],
            "state_token": state_token,
            "form": shown,
            "error_summary": error_summary(shown),
            "notice": notice,
            "steps": flow.path(state),
            "progress": progress,
        }
        if state.step == flow.REVIEW_STEP:
            context["rows"] = flow.review_rows(state, translate=gettext)
        if state.step == flow.RESULT_STEP:
            context |= _result_context(state)
        template = "triage/checker.html#step" if request.htmx else "triage/checker.html"
        return render(request, template, context, status=status)

    if _same_for_everyone(request, state, form, status, notice):
        key = (get_language(), bool(request.htmx), state.step, progress)
        response = rendered_steps.reuse_screen(key, state_token, render_step)
    else:
        response = render_step()
    # Every checker page carries answers: never keep a copy anywhere (no-store, private).
    add_never_cache_headers(response)
    return response


UNREADABLE_STATE = gettext_lazy(
    "We could not read your earlier answers, so the check has started again. "
    "We do not keep your answers anywhere."
)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
@vary_on_headers("HX-Request")
def checker(request: HttpRequest) -> HttpResponse:
    """One step of the checker: read the answers so far, apply the button pressed, render."""
    if request.method != "POST":  # GET, and HEAD from uptime monitors
        return _render_step(request, flow.CheckState())
    try:
        state = _load_state(request, request.POST.get("state", ""))
    except (state_token.BadStateToken, ValueError, TypeError):
        return _render_step(request, flow.CheckState(), status=400, notice=UNREADABLE_STATE)
    action = request.POST.get("action", flow.NEXT)
    if keypad.is_key_action(action) and state.step == flow.AGE_STEP:
        # The on-screen number pad without JavaScript: one key per round trip.
        entry = keypad.press(request.POST.get("age", ""), action, max_length=AGE_DIGITS)
        return _render_step(request, state, form=AgeForm(initial={"age": entry}))
    answers = None
    if flow.submits_answers(state, action):
        form = step_form(state, request.POST)
        if not form.is_valid():
            return _render_step(request, state, form=form)
        answers = form.answers()
    return _render_step(request, flow.apply(state, action, answers))


# --- The take-home page ------------------------------------------------------------------


def _take_home_in_other_languages(request: HttpRequest) -> list[LanguageLink]:
    """The language switch for a take-home page: the same result (its query, which holds
    the level and pages but no answers) in each other language."""
    query = request.META.get("QUERY_STRING", "")
    links = []
    for code in language_codes():
        if code == translation.get_language():
            continue
        target = path_in_language(request.path_info, code) + (f"?{query}" if query else "")
        switch = reverse("switch_language", args=[code]) + "?" + urlencode({"next": target})
        links.append(LanguageLink(code, language_name(code), switch))
    return links


@require_safe
@cacheable_with_rules
def take_home(request: HttpRequest) -> HttpResponse:
    """A result without its answers: the level and the pages, opened from a QR code or handout."""
    level = request.GET.get("level", "")
    if level not in LEVELS:
        return render(request, "triage/take_home.html", {"invalid": True}, status=400)
    result = engine.take_home(
        level,
        requested_pages(request.GET.get("pages", "")),
        emergency_number=settings.EMERGENCY_NUMBER,
        translate=gettext,
        go_to=request.GET.get("go", ""),
    )
    pages = existing_pages(result.conditions or (FALLBACK_PAGE,)) or existing_pages(
        (FALLBACK_PAGE,)
    )
    return render(
        request,
        "triage/take_home.html",
        {
            "take_home": result,
            "other_languages": _take_home_in_other_languages(request),
            "pages": pages,
            "take_home_url": take_home_url(level, tuple(page.slug for page in pages), result.go_to),
            "rules_version": RULES_VERSION,
        },
    )
