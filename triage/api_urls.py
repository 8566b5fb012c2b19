"""The checker's JSON API: one address for every language (it reads Accept-Language)."""

from django.urls import path

from triage import views

app_name = "triage_api"

urlpatterns = [
    path("triage/api/assess", views.api_assess, name="assess"),
    path("triage/api/contract", views.api_contract, name="contract"),
    path("triage/api/rules", views.api_rules, name="rules"),
    path("triage/api/openapi.json", views.api_openapi, name="openapi"),
]
