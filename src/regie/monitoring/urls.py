from django.urls import path

from regie.core.placeholder import Placeholder

app_name = "monitoring"
urlpatterns = [
    path("dashboard/", Placeholder.as_view(), name="dashboard"),
]
