from django.views.generic import TemplateView

from .permissions import ActorRequiredMixin


class HomeView(ActorRequiredMixin, TemplateView):
    """The start page; each organisation kind sees the tasks that are its own."""

    template_name = "core/home.html"
