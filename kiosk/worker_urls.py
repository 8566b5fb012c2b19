"""What the kiosk's service worker fetches: one address in every language.

The worker is registered for the whole site and keeps one offline page, so its
script, that page and the "is the server back?" check must not move when a
person switches language (the pages in kiosk.urls do).
"""

from django.urls import path

from kiosk import views

app_name = "kiosk_worker"

urlpatterns = [
    path("kiosk/offline/", views.offline_page, name="offline"),
    path("kiosk/alive/", views.alive, name="alive"),
    path("kiosk/service-worker.js", views.service_worker, name="service_worker"),
]
