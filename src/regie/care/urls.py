from django.urls import path

from regie.core.placeholder import Placeholder

app_name = "care"
urlpatterns = [
    path("client-list/", Placeholder.as_view(), name="client-list"),
    path("allocation-list/", Placeholder.as_view(), name="allocation-list"),
]
