"""A 500 page that still tells people the emergency number.

Django's default 500 handler renders without context processors, on purpose:
the failure might be in them or in the database. This one adds only values
read straight from settings, and the home page's address in the language the
request was in (from the URL patterns alone), which cannot fail.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseServerError
from django.template import loader
from django.urls import reverse


def server_error(request: HttpRequest) -> HttpResponseServerError:
    template = loader.get_template("500.html")
    body = template.render(
        {
            "emergency_number": settings.EMERGENCY_NUMBER,
            "site_name": settings.SITE_NAME,
            "home_url": reverse("home"),
        }
    )
    return HttpResponseServerError(body)
