from django.urls import path

from . import views_requests as views

app_name = "requests"
urlpatterns = [
    path("", views.RequestListView.as_view(), name="request-list"),
    path("toewijzing/<int:pk>/", views.AllocationRequestView.as_view(), name="allocation-request"),
    path("toewijzing/<int:pk>/toewijzen/", views.AllocationRequestGrantView.as_view(),
         name="allocation-request-grant"),
    path("toewijzing/<int:pk>/afwijzen/", views.AllocationRequestRefuseView.as_view(),
         name="allocation-request-refuse"),
    path("wijziging/<int:pk>/", views.ChangeRequestView.as_view(), name="change-request"),
    path("wijziging/<int:pk>/honoreren/", views.ChangeRequestGrantView.as_view(), name="change-request-grant"),
    path("wijziging/<int:pk>/afwijzen/", views.ChangeRequestRefuseView.as_view(), name="change-request-refuse"),
]
