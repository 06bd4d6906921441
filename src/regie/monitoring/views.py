from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from regie.core.errors import DomainError
from regie.core.parse import parse_text
from regie.regions.models import Municipality, Organisation, OrganisationKind, Role
from regie.regions.permissions import ActorRequiredMixin
from regie.regions.selectors import region_only

from . import downloads, opendata, services
from .disclosure import SMALL_CELL
from .figures import MIN_PEERS, Audience, audience_of, available, figure, indicator_for
from .filters import default_filters, filters_parse
from .indicators import REGISTRY, THEMES, Dimension, Period, Theme, theme_of
from .selectors import home_figures


class FiguresMixin:
    """The filters of the URL, parsed once; a filter that is not valid is named, and the defaults shown."""

    def filters(self, request, region):
        today = timezone.localdate()
        try:
            return filters_parse(request.GET, region=region, today=today), None
        except DomainError as error:
            return default_filters(today=today), error

    def choices(self, actor) -> dict:
        region_id = actor.region_id
        choices = {"periods": Period.choices, "small_cell": SMALL_CELL, "min_peers": MIN_PEERS}
        if audience_of(actor) == Audience.OFFICE:
            choices["municipalities"] = Municipality.objects.filter(region_id=region_id).order_by("name")
            choices["providers"] = Organisation.objects.filter(
                region_id=region_id, kind=OrganisationKind.PROVIDER).order_by("name")
            choices["dimensions"] = [(d.value, d.label) for d in Dimension if d != Dimension.LIFE_DOMAIN]
        return choices


class DashboardView(ActorRequiredMixin, FiguresMixin, TemplateView):
    """One theme of indicators as small multiples, each with its table, definition and downloads."""

    template_name = "monitoring/dashboard.html"

    def get_context_data(self, theme: str = Theme.VOLUME, **kwargs):
        if theme not in Theme.values:
            raise Http404
        filters, error = self.filters(self.request, self.actor.organisation.region)
        themes = [t for t in Theme if any(available(self.actor, REGISTRY[c]) for c in THEMES[t])]
        codes = [c for c in THEMES[Theme(theme)] if available(self.actor, REGISTRY[c])]
        figures = [figure(actor=self.actor, code=code, filters=filters) for code in codes]
        return super().get_context_data(
            theme=Theme(theme), themes=themes, figures=figures, filters=filters, error=error,
            suppressed=any(f.suppressed for f in figures), audience=audience_of(self.actor),
            **self.choices(self.actor), **kwargs)


class IndicatorView(ActorRequiredMixin, FiguresMixin, TemplateView):
    """One indicator: its chart, table, definition, downloads and the municipalities' notes."""

    template_name = "monitoring/indicator.html"

    def get_context_data(self, code: str, **kwargs):
        indicator_for(self.actor, code)
        filters, error = self.filters(self.request, self.actor.organisation.region)
        made = figure(actor=self.actor, code=code, filters=filters)
        may_note = self.actor.is_municipality and self.actor.has_role(Role.POLICY_ADVISER, Role.ACCESS_OFFICER)
        return super().get_context_data(
            figure=made, filters=filters, error=error, theme=theme_of(code), audience=audience_of(self.actor),
            may_note=may_note, note_max=services.FigureNote.MAX_LENGTH, **self.choices(self.actor), **kwargs)


class IndicatorsView(ActorRequiredMixin, TemplateView):
    """Every indicator the reader sees, with its definition, by theme: what each figure means."""

    template_name = "monitoring/indicators.html"

    def get_context_data(self, **kwargs):
        themes = [(theme, [REGISTRY[c] for c in THEMES[theme] if available(self.actor, REGISTRY[c])])
                  for theme in Theme]
        return super().get_context_data(themes=[(t, found) for t, found in themes if found], **kwargs)


class DownloadView(ActorRequiredMixin, FiguresMixin, View):
    """The figure as the screen shows it, as CSV or XLSX."""

    def get(self, request, code: str, fmt: str):
        indicator_for(self.actor, code)
        filters = filters_parse(request.GET, region=self.actor.organisation.region, today=timezone.localdate())
        return downloads.response(figure(actor=self.actor, code=code, filters=filters), fmt)


class NoteAddView(ActorRequiredMixin, View):
    allowed = {OrganisationKind.MUNICIPALITY: (Role.POLICY_ADVISER, Role.ACCESS_OFFICER)}

    def post(self, request, code: str):
        try:
            services.note_add(actor=self.actor, indicator=code, text=request.POST.get("text", ""),
                              period=request.POST.get("period", ""))
            messages.success(request, _("Your note is shown beside the figure."))
        except DomainError as error:
            messages.error(request, error.message)
        return redirect(f"{reverse('monitoring:indicator', args=[code])}?{request.GET.urlencode()}")


class NoteRemoveView(ActorRequiredMixin, View):
    allowed = {OrganisationKind.MUNICIPALITY: (Role.POLICY_ADVISER, Role.ACCESS_OFFICER)}

    def post(self, request, code: str, pk: int):
        services.note_remove(actor=self.actor, note_id=pk)
        messages.success(request, _("The note is removed."))
        return redirect("monitoring:indicator", code=code)


class HomeView(ActorRequiredMixin, TemplateView):
    """The start page; each organisation kind sees the tasks that are its own and a few figures."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        roles = [Role(role).label for role in sorted(self.actor.roles) if role in Role.values]
        return super().get_context_data(figures=home_figures(actor=self.actor), roles=roles, **kwargs)



class OpenDataMixin(FiguresMixin):
    """Open to everyone, logged in or not (no ActorRequiredMixin): only the public's figures, which pass
    disclosure control (monitoring.opendata). The region is the only one, or the one named in `regio`."""

    def region(self):
        name = self.request.GET.get("regio")
        return region_only(parse_text(name, field="regio", max_length=255) if name else None)

    def query(self, filters) -> str:
        regio = {"regio": self.request.GET["regio"]} if self.request.GET.get("regio") else {}
        return urlencode({**filters.params(), **regio})


class OpenDataView(OpenDataMixin, TemplateView):
    """Per theme each indicator's table of the region and its municipalities, with the files to download.
    A filter that is not valid is named, and the defaults shown (as on the dashboard)."""

    template_name = "monitoring/open_data.html"

    def get_context_data(self, **kwargs):
        region = self.region()
        filters, error = self.filters(self.request, region)
        data = opendata.open_data(region=region, filters=filters, today=timezone.localdate())
        return super().get_context_data(
            data=data, filters=filters, error=error, query=self.query(filters), suppressed=True,
            audience=Audience.PUBLIC, periods=Period.choices, small_cell=SMALL_CELL, **kwargs)


class OpenDataFileView(OpenDataMixin, View):
    """indicatoren.csv, indicatoren.json or datadictionary.csv, made as export-open-data makes them; a
    filter that is not valid is refused (400, its code), as a figure's download is."""

    def get(self, request, name: str):
        if name not in opendata.WRITERS:
            raise Http404
        region = self.region()
        today = timezone.localdate()
        data = opendata.open_data(region=region, filters=filters_parse(request.GET, region=region, today=today),
                                  today=today)
        content_type = "application/json" if name.endswith(".json") else "text/csv; charset=utf-8"
        reply = HttpResponse(opendata.WRITERS[name](data), content_type=content_type)
        reply["Content-Disposition"] = f'attachment; filename="{name}"'
        return reply
