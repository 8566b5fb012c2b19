from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from education import views as education_views
from education.sitemaps import PageSitemap, StaticViewSitemap

sitemaps = {"pages": PageSitemap, "static": StaticViewSitemap}

urlpatterns = [
    path("", education_views.home, name="home"),
    path("", include("education.urls")),
    path("", include("triage.urls")),
    path("", include("kiosk.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path(
        "robots.txt",
        require_safe(
            cache_control(max_age=86400, public=True)(
                TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
            )
        ),
    ),
    path("admin/", admin.site.urls),
]

# Error pages built from settings alone (config/errors.py): they render with the
# database down and without a static manifest.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler500 = "config.errors.server_error"
