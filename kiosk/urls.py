"""The kiosk's pages, under each language's prefix (the worker's files are in kiosk.worker_urls)."""

from django.urls import path

from kiosk import views

app_name = "kiosk"

urlpatterns = [
    path("kiosk/", views.start, name="start"),
    path("kiosk/clear/", views.clear, name="clear"),
    path("kiosk/staff/", views.staff, name="staff"),
    path("kiosk/idle/", views.idle, name="idle"),
]
