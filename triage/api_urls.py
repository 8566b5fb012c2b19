"""The checker's JSON API: one address for every language (it reads Accept-Language)."""

from django.urls import path

from triage import views

app_name = "triage_api"

urlpatterns = [
    path("assess", views.api_assess, name="assess"),
    path("contract", views.api_contract, name="contract"),
    path("rules", views.api_rules, name="rules"),
    path("openapi.json", views.api_openapi, name="openapi"),
]
