"""The site's URLs plus the "floor": the least a request through this app's Django can cost.

Only the benchmark's settings (scripts/bench/settings.py) use this module, so
the view is never reachable on a real site.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns

FLOOR_PATH = "/bench/floor/"


@require_safe
def floor(request: HttpRequest) -> HttpResponse:
    """Hello world through the site's whole middleware stack."""
    return HttpResponse(b"floor", content_type="text/plain")


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
