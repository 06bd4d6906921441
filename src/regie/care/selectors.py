"""Every read of client data goes through here: scoped by the actor, and audit-logged.

- municipality staff: the clients who live or lived in their municipality, and the
  allocations their municipality made;
- provider staff: the clients and allocations of their own organisation (a cooperative
  also its members');
- purchasing office: allocations where a task needs them (contract management, finance);
  no client search;
- advisory council: nothing personal, only aggregates (see monitoring).
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from regie.audit.models import Action, Outcome
from regie.audit.services import audit_reads, audit_record
from regie.core.errors import Forbidden, NotFound

from regie.regions.scoping import NO_OFFICE, scoped

from .models import Allocation, AllocationVersion, Client, Goal, Residence, SupportPlan



def clients_for(*, actor) -> QuerySet[Client]:
    """Who lives or lived in the municipality; who has an allocation with the provider."""
    return scoped(Client.objects.all(), actor=actor, what="clients", label=_("client data"),
                  municipality="residences__municipality", provider="allocations__provider",
                  office_roles=NO_OFFICE, distinct=True)


def plans_for(*, actor, client: Client) -> QuerySet[SupportPlan]:
    """The client's support plans drawn up by the actor's municipality: its own work; others see none."""
    return scoped(SupportPlan.objects.filter(client=client), actor=actor, what="plans", label=_("support plans"),
                  region="client__region", provider=None, office_roles=NO_OFFICE, others_see_none=True)


def residences_of(*, actor, client: Client) -> QuerySet[Residence]:
    """Where the client lives and lived (call after `client_get`)."""
    return Residence.objects.filter(client__in=clients_for(actor=actor), client=client).select_related("municipality")


def with_latest_residence(clients: list[Client]) -> None:
    """Set `latest_residence` on each client found by `client_search`: two queries for the page."""
    prefetch_related_objects(clients, "residences__municipality")
    for client in clients:  # the residences are prefetched in date order: the last is the latest
        residences = list(client.residences.all())
        client.latest_residence = residences[-1] if residences else None


def versions_of(*, actor, allocation: Allocation) -> QuerySet[AllocationVersion]:
    """The allocation's history (call after `allocation_get`)."""
    return AllocationVersion.objects.filter(allocation__in=allocations_for(actor=actor), allocation=allocation)


def client_search(*, actor, query: str = "", limit: int = 50) -> list[Client]:
    clients = clients_for(actor=actor)
    query = query.strip()
    if query:
        term = Q(family_name__icontains=query) | Q(bsn=query.replace(" ", ""))
        clients = clients.filter(term)
    found = list(clients.order_by("family_name", "initials", "pk")[:limit])
    audit_reads(actor=actor, subject="clients.search", client_ids=[c.pk for c in found], detail={"query": query})
    return found


def client_get(*, actor, pk: int) -> Client:
    try:
        client = clients_for(actor=actor).get(pk=pk)
    except (Client.DoesNotExist, ValueError):
        _audit_miss(actor, "client", pk)
        raise NotFound("client-not-found", _("This client does not exist or lies outside your organisation.")) from None
    audit_reads(actor=actor, subject="client", client_ids=[client.pk])
    return client


def allocations_for(*, actor) -> QuerySet[Allocation]:
    return scoped(Allocation.objects.all(), actor=actor, what="allocations", label=_("allocations"))


def allocation_page(*, actor, status: str = "", reference: str = "", page: str | int | None = 1,
                    per_page: int = 50) -> Page:
    """One page of the actor's allocations, newest first; the clients on it are audited."""
    allocations = allocations_for(actor=actor).select_related(
        "client", "product", "category", "provider", "municipality").order_by("-start", "pk")
    if status:
        allocations = allocations.filter(status=status)
    if reference.strip():
        allocations = allocations.filter(reference__icontains=reference.strip())
    found = Paginator(allocations, per_page).get_page(page)
    audit_reads(actor=actor, subject="allocations.list", client_ids=[a.client_id for a in found])
    return found


def goal_get(*, actor, client: Client, pk: int) -> Goal:
    """A goal of the client's plans drawn up by the actor's own municipality."""
    goals = Goal.objects.filter(plan__in=plans_for(actor=actor, client=client))
    try:
        return goals.select_related("plan").get(pk=pk)
    except (Goal.DoesNotExist, ValueError):
        raise NotFound("goal-not-found", _("This goal does not exist or lies outside your municipality.")) from None


def allocation_get(*, actor, pk: int) -> Allocation:
    try:
        allocation = (
            allocations_for(actor=actor)
            .select_related("client", "product", "category", "provider", "municipality")
            .get(pk=pk)
        )
    except (Allocation.DoesNotExist, ValueError):
        _audit_miss(actor, "allocation", pk)
        raise NotFound("allocation-not-found", _("This allocation does not exist or lies outside your organisation.")) from None
    audit_reads(actor=actor, subject="allocation", client_ids=[allocation.client_id])
    return allocation


def _audit_miss(actor, subject: str, pk) -> None:
    """A look-up outside one's scope is recorded too: it may be someone trying ids."""
    audit_record(actor=actor, action=Action.READ, subject=subject, object_id=str(pk)[:40], outcome=Outcome.NOT_FOUND)


def clients_by_bsn(*, region, bsns) -> dict[str, Client]:
    """For an operator's import (no actor): the region's clients with these numbers, by BSN.
    The import that calls this writes the audit records of what it does with them."""
    return {c.bsn: c for c in Client.objects.filter(region=region, bsn__in=set(bsns)).select_related("region")}
