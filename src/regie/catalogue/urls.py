from django.urls import path

from regie.core.placeholder import Placeholder

app_name = "catalogue"
urlpatterns = [
    path("product-list/", Placeholder.as_view(), name="product-list"),
]
