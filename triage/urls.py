from django.urls import path

from triage import views

app_name = "triage"

urlpatterns = [
    path("check/", views.checker, name="checker"),
    path("check/summary/", views.result_summary, name="handoff"),
    path("check/how-it-decides/", views.how_it_decides, name="how_it_decides"),
    path("triage/api/assess", views.api_assess, name="api_assess"),
    path("triage/api/contract", views.api_contract, name="api_contract"),
    path("triage/api/rules", views.api_rules, name="api_rules"),
    path("triage/api/openapi.json", views.api_openapi, name="api_openapi"),
]
