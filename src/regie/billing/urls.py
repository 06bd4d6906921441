from django.urls import path

from regie.core.placeholder import Placeholder

app_name = "billing"
urlpatterns = [
    path("declaration-list/", Placeholder.as_view(), name="declaration-list"),
    path("settlement-list/", Placeholder.as_view(), name="settlement-list"),
]
