from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from regie.core import views as core_views

urlpatterns = [
    path("", core_views.HomeView.as_view(), name="home"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include("regie.care.urls")),
    path("", include("regie.billing.urls")),
    path("catalogus/", include("regie.catalogue.urls")),
    path("aanbieders/", include("regie.contracting.urls")),
    path("dashboard/", include("regie.monitoring.urls")),
    path("beheer/", admin.site.urls),
]
