"""Reads for the provider and contract screens, scoped by the acting organisation.

Everyone in the region may see the list of providers (AGB, KvK, cooperative): that is public
within the region. A provider's contracts are for the purchasing office, the municipalities and
the advisory council to read, and for the provider itself (a cooperative's members see the
cooperative, a cooperative its members); another provider's page is not found.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from regie.catalogue.models import Product
from regie.core.errors import NotFound
from regie.core.periods import valid_on_q
from regie.regions.models import Organisation, OrganisationKind
from regie.regions.scoping import EVERY, scoped

from .models import Contract


def openable_providers(*, actor) -> QuerySet[Organisation]:
    """The providers whose page the actor may open: every one of the region, but a provider opens
    only itself, its members (a cooperative) and its cooperative (a member)."""
    providers = Organisation.objects.filter(kind=OrganisationKind.PROVIDER)
    return scoped(providers, actor=actor, what="providers", label=_("providers"), municipality=EVERY,
                  provider=("pk", "members__pk"), office_roles=None, council=True, distinct=True)


def providers_for(*, actor, today: dt.date | None = None) -> QuerySet[Organisation]:
    """The provider list: one query, with the member count and the contracts running today."""
    today = today or dt.date.today()
    running = valid_on_q(today, start="contracts__start", end="contracts__end")
    return (
        Organisation.objects.filter(region_id=actor.region_id, kind=OrganisationKind.PROVIDER)
        .select_related("cooperative")
        .annotate(member_count=Count("members", distinct=True),
                  running_contracts=Count("contracts", filter=running, distinct=True))
        .order_by("name")
    )


def provider_get(*, actor, pk: int) -> Organisation:
    provider = openable_providers(actor=actor).select_related("cooperative").prefetch_related("members").filter(pk=pk).first()
    if provider is None:
        raise NotFound("provider-not-found", _("This provider does not exist or lies outside your organisation."))
    return provider


def contracts_of(*, actor, provider: Organisation) -> QuerySet[Contract]:
    """The provider's contracts, with their products (call after `provider_get`)."""
    return (
        Contract.objects.filter(region_id=actor.region_id, provider=provider)
        .prefetch_related(Prefetch("products", queryset=Product.objects.select_related("support_form").order_by("code")))
        .order_by("-start")
    )


def contract_get(*, actor, pk: int) -> Contract:
    """A contract of the actor's region (for the purchasing office's actions)."""
    contract = Contract.objects.filter(region_id=actor.region_id, pk=pk).select_related("provider").first()
    if contract is None:
        raise NotFound("contract-not-found", _("This contract does not exist or does not belong to your region."))
    return contract
