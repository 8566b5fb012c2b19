"""Which browser is a clinic kiosk, and which person's turn it is.

A device becomes a kiosk when staff enter the PIN at /kiosk/: the response sets
one signed, HttpOnly cookie. Its value is a random *generation* that changes
every time the kiosk is cleared for the next person. The checker signs its
hidden answers with the generation, so a form the previous person left in the
browser's history can no longer be read once the kiosk has been cleared.

The cookie holds no answers and nothing about a person; it is the device's
setting, like a screen's brightness.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest, HttpResponse

COOKIE_NAME = "kiosk"
COOKIE_SALT = "kiosk.device"
# Browsers cap cookie lifetimes at 400 days; a kiosk stays set up for as long as allowed.
COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60


@dataclass(frozen=True)
class Kiosk:
    """A browser in kiosk mode. ``generation`` changes each time the kiosk is cleared."""

    generation: str


def kiosk_for(request: HttpRequest) -> Kiosk | None:
    # With no staff PIN set, kiosk mode is off everywhere: a screen could not be
    # turned back with the PIN, so it must not stay stuck as a kiosk.
    if not settings.KIOSK_PIN:
        return None
    generation = request.get_signed_cookie(COOKIE_NAME, default=None, salt=COOKIE_SALT)
    if not generation:
        return None
    return Kiosk(generation=generation)


def new_generation() -> str:
    return secrets.token_urlsafe(12)


def start_new_turn(response: HttpResponse) -> Kiosk:
    """Make this browser a kiosk (or keep it one) with a fresh generation."""
    kiosk = Kiosk(generation=new_generation())
    response.set_signed_cookie(
        COOKIE_NAME,
        kiosk.generation,
        salt=COOKIE_SALT,
        max_age=COOKIE_MAX_AGE_SECONDS,
        secure=settings.HTTPS,
        httponly=True,
        samesite="Lax",
    )
    return kiosk


def leave_kiosk_mode(response: HttpResponse) -> None:
    response.delete_cookie(COOKIE_NAME, samesite="Lax")
