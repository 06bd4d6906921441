from django.urls import path

from . import views

app_name = "monitoring"
urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("thema/<str:theme>/", views.DashboardView.as_view(), name="theme"),
    path("indicatoren/", views.IndicatorsView.as_view(), name="indicators"),
    path("indicator/<str:code>/", views.IndicatorView.as_view(), name="indicator"),
    path("indicator/<str:code>/download.<str:fmt>", views.DownloadView.as_view(), name="download"),
    path("indicator/<str:code>/notities/", views.NoteAddView.as_view(), name="note-add"),
    path("indicator/<str:code>/notities/<int:pk>/verwijderen/", views.NoteRemoveView.as_view(), name="note-remove"),
]
