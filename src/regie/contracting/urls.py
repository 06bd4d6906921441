from django.urls import path

from . import views

app_name = "contracting"
urlpatterns = [
    path("", views.ProviderListView.as_view(), name="provider-list"),
    path("<int:pk>/", views.ProviderDetailView.as_view(), name="provider-detail"),
    path("contract/<int:pk>/opzeggen/", views.ContractTerminateView.as_view(), name="contract-terminate"),
]
