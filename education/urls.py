"""The explanation pages and the site's own pages, under each language's prefix."""

from django.urls import path

from education import views

app_name = "education"

urlpatterns = [
    path("conditions/", views.page_list, name="page_list"),
    path("conditions/<slug:slug>/", views.page_detail, name="page"),
    path("search/", views.search, name="search"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("about/", views.about, name="about"),
]
