from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter
from drf_spectacular.views import SpectacularAPIView

from regie.core import views as core_views
from regie.core.converters import MonthConverter
from regie.monitoring.views import HomeView

register_converter(MonthConverter, "month")

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("inloggen/", auth_views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("taal/", core_views.set_language, name="set_language"),
    path("", include("regie.care.urls")),
    path("", include("regie.billing.urls")),
    path("verzoeken/", include("regie.exchange.urls_requests")),
    path("catalogus/", include("regie.catalogue.urls")),
    path("aanbieders/", include("regie.contracting.urls")),
    path("dashboard/", include("regie.monitoring.urls")),
    path("open-data/", include("regie.monitoring.urls_open_data")),
    path("berichten/", include("regie.exchange.urls")),
    path("api/", include("regie.exchange.api")),
    path("api/", include("regie.monitoring.api")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),  # OpenAPI 3, docs/openapi.yaml
    path("tijdigheid/", include("regie.exchange.urls_timeliness")),
    path("beheer/", admin.site.urls),
]

# Our own error pages, in the request's language with its support reference (regie.core.error_views).
handler400 = "regie.core.error_views.bad_request"
handler403 = "regie.core.error_views.permission_denied"
handler404 = "regie.core.error_views.page_not_found"
handler500 = "regie.core.error_views.server_error"
