"""The start page."""

from __future__ import annotations

from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django.views.i18n import set_language as django_set_language

from .languages import remember_language, supported
from .permissions import ActorRequiredMixin


class HomeView(ActorRequiredMixin, TemplateView):
    """The start page; each organisation kind sees the tasks that are its own and a few figures."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from regie.monitoring.selectors import home_figures
        from regie.regions.models import Role

        roles = [Role(role).label for role in sorted(self.actor.roles) if role in Role.values]
        return super().get_context_data(figures=home_figures(actor=self.actor), roles=roles, **kwargs)


@require_POST
def set_language(request):
    """The header's language switch: Django's own view (it sets the cookie) plus the person's preference."""
    response = django_set_language(request)
    code = supported(request.POST.get("language"))
    if code:
        remember_language(request, code)
    return response
