"""The Infobutton endpoint: one address in every language (the request names its language)."""

from django.urls import path

from education import infobutton_views

app_name = "infobutton"

urlpatterns = [
    path("", infobutton_views.infobutton_request, name="request"),
]
