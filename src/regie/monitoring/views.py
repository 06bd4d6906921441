from django.views.generic import TemplateView

from regie.core.permissions import ActorRequiredMixin

from .selectors import dashboard_figures


class DashboardView(ActorRequiredMixin, TemplateView):
    """Clients in care and cost per month, as charts and a table; everyone sees their own scope."""

    template_name = "monitoring/dashboard.html"

    def get_context_data(self, **kwargs):
        dashboard = dashboard_figures(actor=self.actor)
        return super().get_context_data(dashboard=dashboard, chart=dashboard.chart_data(), **kwargs)
