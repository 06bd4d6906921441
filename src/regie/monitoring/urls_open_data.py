"""The public's figures: no log-in (monitoring.views.OpenDataView; docs/monitoring.md, "Open data")."""

from django.urls import path

from . import views

app_name = "open-data"
urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path("<str:name>", views.OpenDataFileView.as_view(), name="file"),
]
