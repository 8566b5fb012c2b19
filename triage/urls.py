"""The checker's pages, under each language's prefix (the API is in triage.api_urls)."""

from django.urls import path
from django.views.decorators.http import require_safe
from django.views.generic import RedirectView

from triage import views

app_name = "triage"

urlpatterns = [
    path("", views.checker, name="checker"),
    path("take-home/", views.take_home, name="take_home"),
    # The take-home page's first address, printed in QR codes and on handouts before it
    # was renamed: it keeps working, query and all.
    path(
        "summary/",
        require_safe(
            RedirectView.as_view(pattern_name="triage:take_home", permanent=True, query_string=True)
        ),
    ),
    path("how-it-decides/", views.how_it_decides, name="how_it_decides"),
]
