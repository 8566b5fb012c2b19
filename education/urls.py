from django.urls import path

from education import views

app_name = "education"

urlpatterns = [
    path("conditions/", views.page_list, name="page_list"),
    path("conditions/<slug:slug>/", views.page_detail, name="page"),
    path("search/", views.search, name="search"),
]
