"""Declarations per month (providers submit, the purchasing office reads all) and settlement."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView
from django.utils.translation import gettext as _

from regie.core.errors import DomainError, NotFound
from regie.core.months import format_month, parse_month
from regie.regions.permissions import ActorRequiredMixin
from regie.core.forms import add_domain_error

from . import selectors, services
from .forms import DeclarationLineForm, DeclarationUploadForm, SettlementRunForm
from .models import LineStatus, Source

DECLARATION_KINDS = ("provider", "purchasing_office")
SETTLEMENT_KINDS = ("purchasing_office", "municipality", "provider")
# Reading declarations: the provider's staff and the purchasing office; settlement: those who
# work with money or policy (a municipality's access officers do not need it).
DECLARATION_ROLES = ("provider_staff", "finance", "contract_manager", "purchaser")
SETTLEMENT_ROLES = ("finance", "policy_adviser", "contract_manager", "purchaser", "provider_staff")
PAGE_SIZE = 50


def _month_or_404(text: str):
    try:
        return parse_month(text)
    except DomainError:
        raise NotFound("month-not-found", _("'%(text)s' is not a month (YYYY-MM).") % {"text": text}) from None


class DeclarationListView(ActorRequiredMixin, TemplateView):
    """The months with declarations and, for the chosen month, every line with its outcome."""

    kinds, roles = DECLARATION_KINDS, DECLARATION_ROLES
    template_name = "billing/declaration_list.html"

    def get_context_data(self, **kwargs):
        months = selectors.declaration_months_for(actor=self.actor)
        chosen = self.request.GET.get("maand")
        month = _month_or_404(chosen) if chosen else (months[0]["month"] if months else None)
        status = self.request.GET.get("status", "")
        page = None
        if month is not None:
            lines = selectors.declaration_lines_for(actor=self.actor, month=month, status=status)
            page = Paginator(lines, PAGE_SIZE).get_page(self.request.GET.get("pagina"))
            for line in page:
                line.reason_text = selectors.reason_text(line.reason_code) if line.reason_code else ""
        return super().get_context_data(
            months=months, month=month, page=page, status=status, statuses=LineStatus.choices,
            can_declare=self.actor.is_provider and self.actor.has_role("provider_staff"), **kwargs)


class DeclarationDetailView(ActorRequiredMixin, TemplateView):
    kinds, roles = DECLARATION_KINDS, DECLARATION_ROLES
    template_name = "billing/declaration_detail.html"

    def get_context_data(self, **kwargs):
        declaration = selectors.declaration_get(actor=self.actor, pk=self.kwargs["pk"])
        of_it = selectors.declaration_lines_of(actor=self.actor, declaration=declaration)
        lines = list(of_it.select_related("product", "category").order_by("line_number"))
        for line in lines:
            line.reason_text = selectors.reason_text(line.reason_code) if line.reason_code else ""
        totals = of_it.aggregate(
            approved=Count("id", filter=Q(status=LineStatus.APPROVED)),
            rejected=Count("id", filter=Q(status=LineStatus.REJECTED)),
            amount=Sum("amount", filter=Q(status=LineStatus.APPROVED)),
        )
        return super().get_context_data(declaration=declaration, lines=lines, totals=totals, **kwargs)


class _Submit(ActorRequiredMixin, FormView):
    """A provider's staff submit on behalf of their own organisation (`declaration_submit`)."""

    kinds, roles = ("provider",), ("provider_staff",)

    def submit(self, form, lines, *, source: str, filename: str = ""):
        try:
            declaration = services.declaration_submit(actor=self.actor, provider=self.actor.organisation,
                                                      lines=lines, source=source, filename=filename)
        except DomainError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        counts = selectors.declaration_lines_of(actor=self.actor, declaration=declaration).aggregate(
            approved=Count("id", filter=Q(status=LineStatus.APPROVED)),
            rejected=Count("id", filter=Q(status=LineStatus.REJECTED)))
        text = _("Declaration received: %(approved)s approved, %(rejected)s rejected.") % counts
        (messages.warning if counts["rejected"] else messages.success)(self.request, text)
        return redirect("billing:declaration-detail", pk=declaration.pk)


class DeclarationLineCreateView(_Submit):
    template_name = "billing/declaration_form.html"
    form_class = DeclarationLineForm

    def get_initial(self):
        month = self.request.GET.get("maand", "")
        return {"month": month} if month else {}

    def form_valid(self, form):
        return self.submit(form, [form.line()], source=Source.PORTAL)


class DeclarationUploadView(_Submit):
    template_name = "billing/declaration_upload.html"
    form_class = DeclarationUploadForm

    def form_valid(self, form):
        return self.submit(form, form.lines, source=Source.CSV, filename=form.cleaned_data["file"].name[:255])


class SettlementListView(ActorRequiredMixin, TemplateView):
    """The closed months; the purchasing office's finance staff close the next one."""

    kinds, roles = SETTLEMENT_KINDS, SETTLEMENT_ROLES
    template_name = "billing/settlement_list.html"

    def can_run(self) -> bool:
        return self.actor.is_purchasing_office and self.actor.has_role("finance")

    def get_context_data(self, **kwargs):
        if "form" not in kwargs and self.can_run():
            region = self.actor.organisation.region
            kwargs["form"] = SettlementRunForm(initial={"month": selectors.month_to_settle(region=region)})
        return super().get_context_data(months=selectors.settlement_months_for(actor=self.actor),
                                        can_run=self.can_run(), **kwargs)


class SettlementRunView(SettlementListView, FormView):
    kinds, roles = ("purchasing_office",), ("finance",)
    form_class = SettlementRunForm

    def get(self, request, *args, **kwargs):
        return redirect("billing:settlement-list")

    def form_valid(self, form):
        month = form.cleaned_data["month"]
        try:
            run = services.settlement_run(actor=self.actor, region=self.actor.organisation.region, month=month)
        except DomainError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(month)s has been settled.") % {"month": format_month(run.month)})
        return redirect("billing:settlement-detail", month=format_month(run.month))


class SettlementDetailView(ActorRequiredMixin, TemplateView):
    kinds, roles = SETTLEMENT_KINDS, SETTLEMENT_ROLES
    template_name = "billing/settlement_detail.html"

    def get_context_data(self, **kwargs):
        settlement = selectors.settlement_for(actor=self.actor, month=_month_or_404(self.kwargs["month"]))
        return super().get_context_data(settlement=settlement, chart=settlement.chart(), **kwargs)
