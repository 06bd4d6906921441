from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("", views.MessageListView.as_view(), name="message-list"),
    path("upload/", views.MessageUploadView.as_view(), name="message-upload"),
    path("<int:pk>/", views.MessageDetailView.as_view(), name="message-detail"),
    path("<int:pk>/xml/", views.MessageDownloadView.as_view(), name="message-download"),
]
