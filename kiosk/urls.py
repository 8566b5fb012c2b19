from django.urls import path

from kiosk import views

app_name = "kiosk"

urlpatterns = [
    path("kiosk/", views.start, name="start"),
    path("kiosk/clear/", views.clear, name="clear"),
    path("kiosk/staff/", views.staff, name="staff"),
    path("kiosk/idle/", views.idle, name="idle"),
    path("kiosk/offline/", views.offline_page, name="offline"),
    path("kiosk/alive/", views.alive, name="alive"),
    path("kiosk/service-worker.js", views.service_worker, name="service_worker"),
]
