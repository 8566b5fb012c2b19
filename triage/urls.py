"""The checker's pages, under each language's prefix (the API is in triage.api_urls)."""

from django.urls import path

from triage import views

app_name = "triage"

urlpatterns = [
    path("check/", views.checker, name="checker"),
    path("check/summary/", views.result_summary, name="handoff"),
    path("check/how-it-decides/", views.how_it_decides, name="how_it_decides"),
]
