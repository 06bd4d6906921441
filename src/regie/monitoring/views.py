from django.views.generic import TemplateView

from regie.regions.models import Role
from regie.regions.permissions import ActorRequiredMixin

from .selectors import dashboard_figures, home_figures


class DashboardView(ActorRequiredMixin, TemplateView):
    """Clients in care and cost per month, as charts and a table; everyone sees their own scope."""

    template_name = "monitoring/dashboard.html"

    def get_context_data(self, **kwargs):
        dashboard = dashboard_figures(actor=self.actor)
        return super().get_context_data(dashboard=dashboard, chart=dashboard.chart_data(), **kwargs)


class HomeView(ActorRequiredMixin, TemplateView):
    """The start page; each organisation kind sees the tasks that are its own and a few figures."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        roles = [Role(role).label for role in sorted(self.actor.roles) if role in Role.values]
        return super().get_context_data(figures=home_figures(actor=self.actor), roles=roles, **kwargs)
