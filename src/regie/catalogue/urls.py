from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.ProductListView.as_view(), name="product-list"),
    path("indexatie/", views.TariffIndexView.as_view(), name="tariff-index"),
    path("<int:pk>/", views.ProductDetailView.as_view(), name="product-detail"),
    path("<int:pk>/tarief/", views.TariffAddView.as_view(), name="tariff-add"),
]
