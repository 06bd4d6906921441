"""Providers and their framework contracts; the purchasing office gives notice."""

from __future__ import annotations

import datetime as dt
from functools import cached_property

from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView
from django.utils.translation import gettext as _

from regie.core.formatting import short_date
from regie.core.errors import DomainError
from regie.regions.permissions import ActorRequiredMixin
from regie.core.forms import add_domain_error

from . import selectors, services
from .forms import TerminateForm
from .models import FIRST_TERM_YEARS, RENEWAL_YEARS

MANAGE = ("purchaser", "contract_manager")


def _can_manage(actor) -> bool:
    return actor.is_purchasing_office and actor.has_role(*MANAGE)


class ProviderListView(ActorRequiredMixin, TemplateView):
    template_name = "contracting/provider_list.html"

    def get_context_data(self, **kwargs):
        providers = list(selectors.providers_for(actor=self.actor))
        openable = set(selectors.openable_providers(actor=self.actor).values_list("pk", flat=True))
        for provider in providers:
            provider.openable = provider.pk in openable
        members = {}
        for provider in providers:
            if provider.cooperative_id:
                members.setdefault(provider.cooperative_id, []).append(provider)
        return super().get_context_data(providers=providers, members=members, **kwargs)


class ProviderDetailView(ActorRequiredMixin, TemplateView):
    template_name = "contracting/provider_detail.html"

    def get_context_data(self, **kwargs):
        provider = selectors.provider_get(actor=self.actor, pk=self.kwargs["pk"])
        today = dt.date.today()
        contracts = [
            {"contract": c, "products": list(c.products.all()), "running": c.is_active_on(today),
             "term_end": c.term_end_on(today) if c.is_active_on(today) else None}
            for c in selectors.contracts_of(actor=self.actor, provider=provider)
        ]
        can_manage = _can_manage(self.actor)
        return super().get_context_data(
            provider=provider, contracts=contracts, can_manage=can_manage, today=today,
            first_term_years=FIRST_TERM_YEARS, renewal_years=RENEWAL_YEARS, notice_months=services.NOTICE_MONTHS,
            form=TerminateForm() if can_manage else None, **kwargs)


class ContractTerminateView(ActorRequiredMixin, FormView):
    """Give notice (`contracting.services.contract_terminate`)."""

    kinds, roles = ("purchasing_office",), MANAGE
    template_name = "contracting/contract_terminate.html"
    form_class = TerminateForm

    @cached_property
    def contract(self):
        return selectors.contract_get(actor=self.actor, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(contract=self.contract, notice_months=services.NOTICE_MONTHS, **kwargs)

    def form_valid(self, form):
        try:
            contract = services.contract_terminate(actor=self.actor, contract=self.contract, notice_on=form.cleaned_data["notice_on"])
        except DomainError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Notice was given on the contract of %(provider)s; it ends on %(end)s.") % {
                             "provider": contract.provider, "end": short_date(contract.end)})
        return redirect("contracting:provider-detail", pk=contract.provider_id)
