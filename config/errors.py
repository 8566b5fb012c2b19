"""Error pages that still render, and still give the emergency number, when parts fail.

Django's default 500 handler renders without context processors, on purpose:
the failure might be in them or in the database. These pages do the same: their
context comes straight from settings, which cannot fail, and none of them reads
the database, a session or the cache. Their stylesheet link is looked up in the
static manifest when there is one; without it (collectstatic not run, or a
manifest lost) the page links the file's plain name and still renders. The home
link is the home page in the request's language, found from the URL patterns alone.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language

STYLESHEET = "css/site.css"


def stylesheet_url() -> str:
    try:
        return static(STYLESHEET)
    except ValueError:  # ManifestStaticFilesStorage: no manifest, or no entry in it
        return settings.STATIC_URL + STYLESHEET


def render_bare_page(request: HttpRequest, template_name: str, status: int) -> HttpResponse:
    """Render an error page from settings alone: no context processors, no database."""
    body = loader.get_template(template_name).render(
        {
            "emergency_number": settings.EMERGENCY_NUMBER,
            "site_name": settings.SITE_NAME,
            "stylesheet_url": stylesheet_url(),
            "language_code": get_language() or settings.LANGUAGE_CODE,
            "home_url": reverse("home"),
        }
    )
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_bare_page(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render_bare_page(request, "403.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render_bare_page(request, "500.html", status=500)
