"""What the kiosk's service worker fetches: one address in every language.

The worker is registered for the whole site and keeps one offline page, so its
script, that page and the "is the server back?" check must not move when a
person switches language (the pages in kiosk.urls do).
"""

from django.urls import path

from kiosk import views

app_name = "kiosk_worker"

urlpatterns = [
    path("offline/", views.offline_page, name="offline"),
    path("alive/", views.alive, name="alive"),
    path("service-worker.js", views.service_worker, name="service_worker"),
]
