"""A temporary page for routes whose screen is being built; removed when the last one lands."""

from django.views.generic import TemplateView

from .permissions import ActorRequiredMixin


class Placeholder(ActorRequiredMixin, TemplateView):
    template_name = "core/home.html"
