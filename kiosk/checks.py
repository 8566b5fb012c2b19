"""System checks: catch a kiosk setting that would lock staff out before a clinic finds out."""

from django.conf import settings
from django.core.checks import Error, register

from kiosk import pin


@register()
def check_kiosk_pin(app_configs, **kwargs) -> list[Error]:
    value = settings.KIOSK_PIN
    if not value:
        return []
    if not value.isascii() or not value.isdigit() or not 4 <= len(value) <= pin.MAX_LENGTH:
        return [
            Error(
                f"KIOSK_PIN must be 4 to {pin.MAX_LENGTH} digits: it is typed on a number pad.",
                hint="Set KIOSK_PIN to digits only, for example 482913, or leave it empty.",
                id="kiosk.E001",
            )
        ]
    return []
