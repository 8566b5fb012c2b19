"""Kiosk views: turn a browser into a clinic kiosk, clear it for the next person, turn it off.

Each view only reads the request, calls :mod:`kiosk.device`, :mod:`kiosk.pin`,
:mod:`kiosk.offline` or the checker's number pad (:mod:`triage.keypad`), and
renders. These forms are CSRF-exempt on purpose: a CSRF token would mean a
cookie on every kiosk, and there is nothing to forge here. Turning kiosk mode
on or off needs the staff PIN, and clearing the screen only ever helps the next
person's privacy.
"""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from config.client_address import client_address
from kiosk import device, offline, pin
from kiosk.languages import attract_screen_url, forget_language_choice, language_buttons
from triage import keypad

# Tells the browser to drop its cached pages and storage for this site, so the
# next person cannot bring the last person's pages back (the cookie is kept:
# it is what makes this browser a kiosk).
CLEAR_SITE_DATA = '"cache", "storage"'


def _pin_pad(request: HttpRequest, *, turning_on: bool) -> HttpResponse | None:
    """Run the staff PIN pad. Returns a page to show, or None once the right PIN is in."""
    address = client_address(request)
    entry = ""
    error = ""
    status = 200
    if request.method == "POST":
        entry = keypad.press(request.POST.get("pin", ""), "", pin.MAX_LENGTH)
        action = request.POST.get("action", "enter")
        if keypad.is_key_action(action):
            entry = keypad.press(entry, action, pin.MAX_LENGTH)
        elif pin.is_locked_out(address):
            error, status, entry = _locked_out_message(), 429, ""
        elif pin.check(entry, address):
            return None
        else:
            error, status, entry = gettext("That PIN is not right. Try again."), 400, ""
    elif pin.is_locked_out(address):
        error, status = _locked_out_message(), 429
    template = "kiosk/turn_on.html" if turning_on else "kiosk/turn_off.html"
    context = {"entry": entry, "error": error}
    if error:
        context["error_summary"] = [{"field_id": "pin", "message": error}]
    return render(request, template, context, status=status)


def _locked_out_message() -> str:
    minutes = pin.LOCKOUT_SECONDS // 60
    return gettext("Too many wrong tries. Wait %(minutes)d minutes, then try again.") % {
        "minutes": minutes
    }


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """The attract screen on a kiosk; elsewhere, the staff page that turns kiosk mode on."""
    if request.kiosk is not None:
        if request.method == "POST":
            return redirect("kiosk:start")
        return render(request, "kiosk/attract.html", {"languages": language_buttons()})
    if not pin.is_configured():
        return render(request, "kiosk/not_configured.html", status=404)
    page = _pin_pad(request, turning_on=True)
    if page is not None:
        return page
    response = HttpResponseRedirect(attract_screen_url(), status=303)
    device.start_new_turn(response)
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def clear(request: HttpRequest) -> HttpResponse:
    """Finish and clear: forget everything about this person, their language choice too,
    and show the attract screen in the clinic's language.

    GET is allowed too, because a kiosk without JavaScript clears itself with a
    timed refresh, which can only follow a link.
    """
    if request.kiosk is None:
        return HttpResponseRedirect(reverse("home"), status=303)
    # The next person starts in the clinic's language, whatever the last one chose.
    response = HttpResponseRedirect(attract_screen_url(), status=303)
    request.session.flush()  # nobody should still be signed in on a shared screen
    device.start_new_turn(response)
    forget_language_choice(request, response)
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def staff(request: HttpRequest) -> HttpResponse:
    """Staff turn kiosk mode off with the PIN."""
    if request.kiosk is None:
        return redirect("kiosk:start")
    page = _pin_pad(request, turning_on=False)
    if page is not None:
        return page
    response = HttpResponseRedirect(reverse("home"), status=303)
    device.leave_kiosk_mode(response)
    response["Clear-Site-Data"] = CLEAR_SITE_DATA
    return response


@require_safe
def idle(request: HttpRequest) -> HttpResponse:
    """The "Are you still there?" screen for kiosks running without JavaScript."""
    if request.kiosk is None:
        return redirect("home")
    back_to = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back_to, allowed_hosts=None) or not back_to.startswith(
        "/"
    ):
        back_to = reverse("kiosk:start")
    return render(request, "kiosk/idle.html", {"back_to": back_to})


def _offline_context() -> dict:
    return {
        "languages": offline.languages(),
        "retry_seconds": offline.RETRY_SECONDS,
        # The clinic's own words, if it has them, as well as the built-in line.
        "clinic_staff_text": settings.KIOSK_EMERGENCY_TEXT,
    }


@require_safe
def offline_page(request: HttpRequest) -> HttpResponse:
    """The page a kiosk shows when it cannot reach the server.

    The kiosk's service worker keeps a copy of it; it is also a page of its
    own, so staff can see what patients would see. It has one address for every
    language and says everything in each, the clinic's language first.
    """
    if request.kiosk is None:
        return redirect("home")
    with translation.override(settings.KIOSK_LANGUAGE):
        return render(request, "kiosk/offline.html", _offline_context())


@require_safe
@never_cache
def alive(request: HttpRequest) -> HttpResponse:
    """Answers the offline page's "is the server back?" as cheaply as possible.

    No database and no session: the attract screen the kiosk goes back to
    needs neither, and a check every few seconds should cost next to nothing.
    """
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


@require_safe
def service_worker(request: HttpRequest) -> HttpResponse:
    """The kiosk's service worker script, served from the site so the CSP allows it.

    It lives under /kiosk/ but looks after the whole site (Service-Worker-Allowed),
    since any page can be the one that fails to load. A browser that is no longer
    a kiosk (its cookie expired, or the PIN setting was removed) gets a worker
    that deletes its copy of the offline page and unregisters itself.
    """
    if request.kiosk is None:
        config = {"cachePrefix": offline.CACHE_PREFIX}
        script = render_to_string(
            "kiosk/service_worker_retire.js", {"config": json.dumps(config)}, request=request
        )
    else:
        with translation.override(settings.KIOSK_LANGUAGE):
            page = render_to_string("kiosk/offline.html", _offline_context(), request=request)
        config = {
            "cache": offline.cache_name(page),
            "cachePrefix": offline.CACHE_PREFIX,
            "offlinePage": offline.offline_page_url(),
            "precache": offline.precache_urls(),
            "unreachable": list(offline.UNREACHABLE_STATUSES),
        }
        script = render_to_string(
            "kiosk/service_worker.js", {"config": json.dumps(config)}, request=request
        )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # Browsers check for a new worker on their own; never let a cache answer for us.
    add_never_cache_headers(response)
    return response
