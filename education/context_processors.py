"""Clinic settings every template can use."""

from django.conf import settings
from django.utils.translation import gettext, gettext_noop

# The default URGENT_CARE_TEXT (config/settings.py), marked here so that it has a
# translation in every language. A clinic's own text, set in the environment, has
# none, so gettext() returns it as written.
DEFAULT_URGENT_CARE_TEXT = gettext_noop(
    "If you cannot see your own doctor today, go to an urgent care center."
)


def clinic(request) -> dict:
    return {
        "site_name": settings.SITE_NAME,
        "clinic_name": settings.CLINIC_NAME,
        "clinic_contact": settings.CLINIC_CONTACT,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "urgent_care_text": gettext(settings.URGENT_CARE_TEXT),
    }
