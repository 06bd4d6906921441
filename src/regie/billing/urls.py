from django.urls import path

from . import views

app_name = "billing"
urlpatterns = [
    path("declaraties/", views.DeclarationListView.as_view(), name="declaration-list"),
    path("declaraties/nieuw/", views.DeclarationLineCreateView.as_view(), name="declaration-create"),
    path("declaraties/upload/", views.DeclarationUploadView.as_view(), name="declaration-upload"),
    path("declaraties/<int:pk>/", views.DeclarationDetailView.as_view(), name="declaration-detail"),
    path("verrekening/", views.SettlementListView.as_view(), name="settlement-list"),
    path("verrekening/afsluiten/", views.SettlementRunView.as_view(), name="settlement-run"),
    path("verrekening/<month:month>/", views.SettlementDetailView.as_view(), name="settlement-detail"),
]
