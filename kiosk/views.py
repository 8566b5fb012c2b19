"""Kiosk views: turn a browser into a clinic kiosk, clear it for the next person, turn it off.

Each view only reads the request, calls :mod:`kiosk.device`, :mod:`kiosk.pin`
or :mod:`kiosk.keypad`, and renders. These forms are CSRF-exempt on purpose:
a CSRF token would mean a cookie on every kiosk, and there is nothing to forge
here. Turning kiosk mode on or off needs the staff PIN, and clearing the
screen only ever helps the next person's privacy.
"""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from config.client_address import client_address
from kiosk import device, keypad, pin

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
    return render(request, template, {"entry": entry, "error": error}, status=status)


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
        return render(request, "kiosk/attract.html")
    if not pin.is_configured():
        return render(request, "kiosk/not_configured.html", status=404)
    page = _pin_pad(request, turning_on=True)
    if page is not None:
        return page
    response = HttpResponseRedirect(reverse("kiosk:start"), status=303)
    device.start_new_turn(response)
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def clear(request: HttpRequest) -> HttpResponse:
    """Finish and clear: forget everything about this person and show the attract screen.

    GET is allowed too, because a kiosk without JavaScript clears itself with a
    timed refresh, which can only follow a link.
    """
    if request.kiosk is None:
        return HttpResponseRedirect(reverse("home"), status=303)
    response = HttpResponseRedirect(reverse("kiosk:start"), status=303)
    request.session.flush()  # nobody should still be signed in on a shared screen
    device.start_new_turn(response)
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
