from django.urls import path

from . import views

app_name = "care"
urlpatterns = [
    path("clienten/", views.ClientListView.as_view(), name="client-list"),
    path("clienten/nieuw/", views.ClientCreateView.as_view(), name="client-create"),
    path("clienten/<int:pk>/", views.ClientDetailView.as_view(), name="client-detail"),
    path("clienten/<int:pk>/plan/nieuw/", views.PlanCreateView.as_view(), name="plan-create"),
    path("clienten/<int:pk>/doelen/<int:goal>/afsluiten/", views.GoalCloseView.as_view(), name="goal-close"),
    path("clienten/<int:pk>/toewijzen/", views.AllocationCreateView.as_view(), name="allocation-create"),
    path("toewijzingen/", views.AllocationListView.as_view(), name="allocation-list"),
    path("toewijzingen/<int:pk>/", views.AllocationDetailView.as_view(), name="allocation-detail"),
    path("toewijzingen/<int:pk>/wijzigen/", views.AllocationChangeView.as_view(), name="allocation-change"),
    path("toewijzingen/<int:pk>/beeindigen/", views.AllocationEndView.as_view(), name="allocation-end"),
    path("toewijzingen/<int:pk>/intrekken/", views.AllocationWithdrawView.as_view(), name="allocation-withdraw"),
    path("toewijzingen/<int:pk>/start/", views.AllocationStartView.as_view(), name="allocation-start"),
    path("toewijzingen/<int:pk>/stop/", views.AllocationStopView.as_view(), name="allocation-stop"),
]
