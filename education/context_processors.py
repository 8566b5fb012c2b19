"""Clinic settings every template can use."""

from django.conf import settings


def clinic(request) -> dict:
    return {
        "site_name": settings.SITE_NAME,
        "clinic_name": settings.CLINIC_NAME,
        "clinic_contact": settings.CLINIC_CONTACT,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "urgent_care_text": settings.URGENT_CARE_TEXT,
    }
