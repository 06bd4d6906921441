from django.urls import path

from regie.core.placeholder import Placeholder

app_name = "contracting"
urlpatterns = [
    path("provider-list/", Placeholder.as_view(), name="provider-list"),
]
