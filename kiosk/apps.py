from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KioskConfig(AppConfig):
    name = "kiosk"
    verbose_name = _("Clinic kiosk")

    def ready(self) -> None:
        from kiosk import checks  # noqa: F401 - registers the system checks
