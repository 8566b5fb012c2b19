"""The site's addresses.

Pages people read are in i18n_patterns: English at the addresses it always had
(/conditions/sepsis/), every other language under its code (/es/conditions/sepsis/),
so a shared link opens in the language it was made in. What machines call (the
JSON API, Infobutton, the kiosk's service worker), the admin, the sitemap and
robots.txt have one address for every language.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from education import views as education_views
from education.sitemaps import PageSitemap, StaticViewSitemap

sitemaps = {"pages": PageSitemap, "static": StaticViewSitemap}

# Each app's addresses sit under their own prefix, so a request for another
# app's address is turned away at the prefix instead of being tried against each of
# its patterns: finding the checker's view took four times as long as the floor's.
# Django tries the patterns in order, so the busiest come first: the JSON API, which
# clinics' systems call, then the pages people read. What editors, crawlers and
# kiosks' service workers ask for is tried last (the language group turns away an
# address it does not have, and the search goes on below it).
urlpatterns = [path("triage/api/", include("triage.api_urls"))]

urlpatterns += i18n_patterns(
    path("", education_views.home, name="home"),
    path("check/", include("triage.urls")),
    path("kiosk/", include("kiosk.urls")),
    # Last: its addresses share no prefix, so it cannot turn others away early.
    path("", include("education.urls")),
    prefix_default_language=False,
)

urlpatterns += [
    path("infobutton/", include("education.infobutton_urls")),
    path("kiosk/", include("kiosk.worker_urls")),
    path("language/<str:code>/", education_views.switch_language, name="switch_language"),
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
