from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import path

from regie.core import views as core_views

urlpatterns = [
    path("", core_views.HomeView.as_view(), name="home"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
]
