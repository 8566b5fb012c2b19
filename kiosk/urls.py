"""The kiosk's pages, under each language's prefix (the worker's files are in kiosk.worker_urls)."""

from django.urls import path

from kiosk import views

app_name = "kiosk"

urlpatterns = [
    path("", views.start, name="start"),
    path("clear/", views.clear, name="clear"),
    path("staff/", views.staff, name="staff"),
    path("idle/", views.idle, name="idle"),
]
