"""Kiosk settings for templates: whether this browser is a kiosk, its timings and its own words."""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

# What an emergency result on a kiosk says first, unless the clinic set its own
# words (KIOSK_EMERGENCY_TEXT): the person is already in the building, and staff
# act faster than a call.
EMERGENCY_ADVICE = gettext_noop("Tell the reception staff now.")


def kiosk(request) -> dict:
    device = getattr(request, "kiosk", None)
    if device is None:
        return {"kiosk": None}
    return {
        "kiosk": device,
        "kiosk_idle_seconds": settings.KIOSK_IDLE_SECONDS,
        "kiosk_warning_seconds": settings.KIOSK_WARNING_SECONDS,
        "kiosk_emergency_text": settings.KIOSK_EMERGENCY_TEXT or gettext(EMERGENCY_ADVICE),
    }
