"""Screens of the access team and the providers: clients, support plans and allocations.

Views parse and render; `care.services` decide (a decision the provider hears of through
`exchange.decisions`, which adds its 301) and `care.selectors` read (scoped by the actor, audit-logged). Each view states which organisation kinds may use it and, per kind,
which roles: another organisation's object answers 404, one's own without the role 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from regie.catalogue.selectors import category_of, products
from regie.core.errors import DomainError
from regie.regions.permissions import ActorRequiredMixin
from regie.exchange import decisions
from regie.regions.models import OrganisationKind as Kind
from regie.regions.selectors import providers

from . import services
from .forms import (
    AllocationChangeForm, AllocationCreateForm, AllocationEndForm, AllocationFilterForm, AllocationStartForm,
    AllocationStopForm, AllocationWithdrawForm, ClientCreateForm, ClientSearchForm, GoalCloseForm, GoalFormSet,
    PlanForm, add_domain_error,
)
from .models import AllocationStatus, Goal
from .reasons import END_REASONS
from .selectors import (allocation_get, allocation_page, allocations_for, client_get, client_search, goal_get,
                        plans_for, residences_of, versions_of, with_latest_residence)

# Who may use a screen: organisation kind → the roles that kind needs.
ACCESS_OFFICER = {Kind.MUNICIPALITY: ("access_officer",)}
CLIENT_READERS = {Kind.MUNICIPALITY: ("access_officer",), Kind.PROVIDER: ("provider_staff",)}
ALLOCATION_READERS = {
    Kind.MUNICIPALITY: ("access_officer", "finance", "policy_adviser"),
    Kind.PROVIDER: ("provider_staff",),
    Kind.PURCHASING_OFFICE: ("contract_manager", "finance"),
}
PROVIDER_STAFF = {Kind.PROVIDER: ("provider_staff",)}
PAGE_SIZE = 50
ALLOCATION_RELATED = ("client", "product", "category", "provider", "municipality")


class CareView(ActorRequiredMixin):
    allowed: dict[str, tuple[str, ...]] = {}

    def may(self, allowed: dict) -> bool:
        return self.actor.has_role(*allowed.get(self.actor.kind, ()))

    def shows_members(self) -> bool:
        """A cooperative sees its members' work too, so its lists name the provider."""
        return self.actor.is_provider and len(self.actor.provider_ids) > 1


class ServiceFormView(CareView, FormView):
    """A form whose valid input goes to one service; a refused rule shows on the form."""

    success_message = ""

    def load(self) -> None:
        """Read the object the screen is about before anything else (another's object: 404)."""

    def get(self, request, *args, **kwargs):
        self.load()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        return super().post(request, *args, **kwargs)

    def perform(self, form):
        raise NotImplementedError

    def success_url_for(self, result) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            result = self.perform(form)
        except DomainError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return redirect(self.success_url_for(result))


# Clients -------------------------------------------------------------------------------------

class ClientListView(CareView, TemplateView):
    allowed = CLIENT_READERS
    template_name = "care/client_list.html"

    def get_context_data(self, **kwargs):
        form = ClientSearchForm(self.request.GET or None)
        query = form.cleaned_data["q"] if form.is_valid() else ""
        clients = client_search(actor=self.actor, query=query, limit=PAGE_SIZE)
        with_latest_residence(clients)
        return super().get_context_data(form=form, query=query, clients=clients, limit=PAGE_SIZE,
                                         can_register=self.may(ACCESS_OFFICER), **kwargs)


class ClientCreateView(ServiceFormView):
    allowed = ACCESS_OFFICER
    template_name = "care/client_form.html"
    form_class = ClientCreateForm
    success_message = _("The client has been registered.")

    def perform(self, form):
        data = form.cleaned_data
        residence = services.ResidencePeriod(municipality=self.actor.organisation.municipality,
                                             valid_from=data["resident_from"])
        return services.client_create(
            actor=self.actor, region=self.actor.organisation.region, bsn=data["bsn"], family_name=data["family_name"],
            initials=data["initials"], birth_date=data["birth_date"], residences=[residence], **form.contact(),
        )

    def success_url_for(self, client) -> str:
        return reverse("care:client-detail", args=[client.pk])


class ClientDetailView(CareView, TemplateView):
    allowed = CLIENT_READERS
    template_name = "care/client_detail.html"

    def get_context_data(self, **kwargs):
        client = client_get(actor=self.actor, pk=self.kwargs["pk"])
        residences = residences_of(actor=self.actor, client=client).order_by("-valid_from")
        plans = plans_for(actor=self.actor, client=client).prefetch_related("goals")
        allocations = (allocations_for(actor=self.actor).filter(client=client)
                       .select_related(*ALLOCATION_RELATED).order_by("-start", "reference"))
        return super().get_context_data(client=client, residences=residences, plans=plans, allocations=allocations,
                                         is_officer=self.may(ACCESS_OFFICER), is_provider=self.may(PROVIDER_STAFF),
                                         show_provider=self.shows_members(), **kwargs)


class ClientMixin:
    """Screens under one client: the client is read (and audited) through the selector first."""

    def get_client(self):
        if not hasattr(self, "_client"):
            self._client = client_get(actor=self.actor, pk=self.kwargs["pk"])
        return self._client

    def load(self) -> None:
        self.get_client()

    def get_context_data(self, **kwargs):
        return super().get_context_data(client=self.get_client(), **kwargs)

    def success_url_for(self, result) -> str:
        return reverse("care:client-detail", args=[self.get_client().pk])


class PlanCreateView(ClientMixin, ServiceFormView):
    allowed = ACCESS_OFFICER
    template_name = "care/plan_form.html"
    form_class = PlanForm
    success_message = _("The support plan has been recorded.")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("goals", GoalFormSet(prefix="goals"))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        self.load()
        form, goals = self.get_form(), GoalFormSet(request.POST, prefix="goals")
        if not (form.is_valid() and goals.is_valid()):
            return self.render_to_response(self.get_context_data(form=form, goals=goals))
        try:
            services.plan_create(actor=self.actor, client=self.get_client(),
                                 drawn_up_on=form.cleaned_data["drawn_up_on"], goals=goals.goals())
        except DomainError as error:
            add_domain_error(form, error)
            return self.render_to_response(self.get_context_data(form=form, goals=goals))
        messages.success(request, self.success_message)
        return redirect(self.success_url_for(None))


class GoalCloseView(ClientMixin, ServiceFormView):
    allowed = ACCESS_OFFICER
    template_name = "care/goal_form.html"
    form_class = GoalCloseForm
    success_message = _("The goal has been closed.")

    def get_goal(self) -> Goal:
        if not hasattr(self, "_goal"):
            self._goal = goal_get(actor=self.actor, client=self.get_client(), pk=self.kwargs["goal"])
        return self._goal

    def load(self) -> None:
        self.get_goal()

    def get_context_data(self, **kwargs):
        return super().get_context_data(goal=self.get_goal(), **kwargs)

    def perform(self, form):
        return services.goal_close(actor=self.actor, goal=self.get_goal(), **form.cleaned_data)


class AllocationCreateView(ClientMixin, ServiceFormView):
    allowed = ACCESS_OFFICER
    template_name = "care/allocation_create.html"
    form_class = AllocationCreateForm
    success_message = _("The allocation has been recorded.")

    def get_form_kwargs(self):
        region = self.actor.organisation.region
        return {**super().get_form_kwargs(), "products": products(region=region),
                "providers": providers(region=region).order_by("name")}

    def perform(self, form):
        data = form.cleaned_data
        category = category_of(product=data["product"], number=data["category"])
        return decisions.allocation_create(
            actor=self.actor, client=self.get_client(), product=data["product"], category=category,
            provider=data["provider"], start=data["start"], end=data["end"],
            duplicate_reason=form.duplicate_reason(),
        )

    def form_valid(self, form):
        try:
            allocation = self.perform(form)
        except DomainError as error:
            if error.code == "allocation_duplicate":  # offer the confirmation, with a reason
                form.offer_duplicate_confirmation()
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(self.success_url_for(allocation))

    def success_url_for(self, allocation) -> str:
        return reverse("care:allocation-detail", args=[allocation.pk])


# Allocations ---------------------------------------------------------------------------------

class AllocationListView(CareView, TemplateView):
    allowed = ALLOCATION_READERS
    template_name = "care/allocation_list.html"

    def get_context_data(self, **kwargs):
        form = AllocationFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        page = allocation_page(actor=self.actor, status=filters.get("status") or "", reference=filters.get("q") or "",
                               page=self.request.GET.get("pagina"), per_page=PAGE_SIZE)
        query = self.request.GET.copy()
        query.pop("pagina", None)
        return super().get_context_data(form=form, page=page, query=query.urlencode(),
                                         is_provider=self.may(PROVIDER_STAFF), show_provider=self.shows_members(),
                                         **kwargs)


class AllocationMixin:
    """Screens about one allocation: it is read (and audited) through the selector first."""

    def get_allocation(self):
        if not hasattr(self, "_allocation"):
            self._allocation = allocation_get(actor=self.actor, pk=self.kwargs["pk"])
        return self._allocation

    def get_context_data(self, **kwargs):
        return super().get_context_data(allocation=self.get_allocation(), **kwargs)

    def success_url_for(self, allocation) -> str:
        return reverse("care:allocation-detail", args=[allocation.pk])


class AllocationDetailView(AllocationMixin, CareView, TemplateView):
    allowed = ALLOCATION_READERS
    template_name = "care/allocation_detail.html"

    def get_context_data(self, **kwargs):
        allocation = self.get_allocation()
        versions = versions_of(actor=self.actor, allocation=allocation).select_related("provider", "product", "category", "changed_by").order_by(
            "-version")
        is_open = allocation.status in (AllocationStatus.ALLOCATED, AllocationStatus.STARTED)
        officer = self.may(ACCESS_OFFICER)
        provider = self.may(PROVIDER_STAFF)
        return super().get_context_data(
            versions=versions, end_reasons=END_REASONS,
            can_change=officer and is_open, can_end=officer and is_open,
            can_withdraw=officer and allocation.status == AllocationStatus.ALLOCATED,
            can_start=provider and allocation.status == AllocationStatus.ALLOCATED,
            can_stop=provider and allocation.status == AllocationStatus.STARTED,
            **kwargs,
        )


class AllocationActionView(AllocationMixin, ServiceFormView):
    template_name = "care/allocation_action.html"
    title = ""
    intro = ""
    button = "Opslaan"

    def load(self) -> None:
        self.get_allocation()

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, intro=self.intro, button=self.button, **kwargs)


class AllocationChangeView(AllocationActionView):
    allowed = ACCESS_OFFICER
    form_class = AllocationChangeForm
    title = _("Change allocation")
    intro = _("A change becomes a new version; the previous one stays in the history.")
    button = _("Save change")
    success_message = _("The allocation has been changed; a new version has been recorded.")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "allocation": self.get_allocation()}

    def get_initial(self):
        allocation = self.get_allocation()
        return {"category": allocation.category.number, "end": allocation.end}

    def perform(self, form):
        allocation = self.get_allocation()
        data = form.cleaned_data
        return decisions.allocation_change(
            actor=self.actor, allocation=allocation, category=category_of(product=allocation.product,
                                                                         number=data["category"]),
            end=data["end"], clear_end=data["clear_end"],
        )


class AllocationEndView(AllocationActionView):
    allowed = ACCESS_OFFICER
    form_class = AllocationEndForm
    title = _("End allocation")
    intro = _("The municipality ends the allocation on a date within its period. An allocation whose care has "
              "not started can also be withdrawn, with its own button on the allocation page.")
    button = _("End allocation")
    success_message = _("The allocation has been ended.")

    def perform(self, form):
        return decisions.allocation_end(actor=self.actor, allocation=self.get_allocation(),
                                       end=form.cleaned_data["end"], reason=form.cleaned_data["end_reason"])


class AllocationWithdrawView(AllocationActionView):
    """Withdraw (intrekken) an allocation whose care has not started: its own screen and confirmation."""

    allowed = ACCESS_OFFICER
    form_class = AllocationWithdrawForm
    title = _("Withdraw allocation")
    intro = _("Withdrawing cancels the allocation as if it was never given: its end date becomes its start date, "
              "and the provider receives it as removed. Only an allocation whose care has not started can be "
              "withdrawn.")
    button = _("Withdraw allocation")
    success_message = _("The allocation is withdrawn.")

    def perform(self, form):
        return decisions.allocation_withdraw(actor=self.actor, allocation=self.get_allocation(),
                                            reason=form.cleaned_data["end_reason"])


class AllocationStartView(AllocationActionView):
    allowed = PROVIDER_STAFF
    form_class = AllocationStartForm
    title = _("Report start of care")
    intro = _("Report the date on which the care began (iWmo message 305).")
    button = _("Report start")
    success_message = _("The start of care has been reported.")

    def get_initial(self):
        return {"started_on": self.get_allocation().start}

    def perform(self, form):
        return services.allocation_start(actor=self.actor, allocation=self.get_allocation(),
                                         started_on=form.cleaned_data["started_on"])


class AllocationStopView(AllocationActionView):
    allowed = PROVIDER_STAFF
    form_class = AllocationStopForm
    title = _("Report end of care")
    intro = _("Report the date on which the care stopped and the reason (iWmo message 307).")
    button = _("Report stop")
    success_message = _("The end of care has been reported.")

    def perform(self, form):
        return services.allocation_stop(actor=self.actor, allocation=self.get_allocation(),
                                        stopped_on=form.cleaned_data["stopped_on"],
                                        reason=form.cleaned_data["end_reason"])
