from django.urls import path

from . import views_timeliness

app_name = "timeliness"
urlpatterns = [
    path("", views_timeliness.TimelinessView.as_view(), name="overview"),
]
