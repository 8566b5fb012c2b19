"""Kiosk settings for templates: whether this browser is a kiosk, and its timings."""

from django.conf import settings
from django.utils.translation import gettext

from triage.vocabulary import KIOSK_EMERGENCY_ADVICE


def kiosk(request) -> dict:
    device = getattr(request, "kiosk", None)
    if device is None:
        return {"kiosk": None}
    return {
        "kiosk": device,
        "kiosk_idle_seconds": settings.KIOSK_IDLE_SECONDS,
        "kiosk_warning_seconds": settings.KIOSK_WARNING_SECONDS,
        "kiosk_emergency_text": settings.KIOSK_EMERGENCY_TEXT or gettext(KIOSK_EMERGENCY_ADVICE),
    }
