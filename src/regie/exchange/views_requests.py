"""The access team's screens for verzoeken (315, 317): the list with deadlines, one request, grant, refuse.

Municipality access officers see their municipality's requests and answer them; provider staff see
their own (read only). Another organisation's request is not found (404, via the selectors); the
answer screens need the access officer's role (403 otherwise).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.views.generic import TemplateView
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iwmo.codelists import RedenAfwijzingVerzoek
from regie.catalogue.models import Category
from regie.core.errors import DomainError
from regie.core.forms import DateInput, StyledForm, add_domain_error
from regie.regions.permissions import ActorRequiredMixin

from . import requests as services
from .models import RequestStatus

READ = {"municipality": ("access_officer",), "provider": ("provider_staff",)}
ANSWER = {"municipality": ("access_officer",)}
REASONS = [("", gettext_lazy("Choose a reason"))] + [(r.value, f"{r.value} — {r.omschrijving}") for r in RedenAfwijzingVerzoek]
ITEM_KINDS = {"unchanged": gettext_lazy("Unchanged"), "change": gettext_lazy("To change"), "new": gettext_lazy("New")}


class GrantForm(StyledForm):
    category = forms.ModelChoiceField(label=gettext_lazy("Product and category"), queryset=Category.objects.none())
    start = forms.DateField(label=gettext_lazy("Start date"), widget=DateInput())
    end = forms.DateField(label=gettext_lazy("End date"), widget=DateInput(), required=False)

    def __init__(self, *args, region_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["category"]
        field.queryset = (Category.objects.filter(product__region_id=region_id)
                          .select_related("product").order_by("product__code", "number"))
        field.label_from_instance = lambda c: _("%(code)s %(name)s — category %(number)s") % {"code": c.product.code, "name": c.product.name, "number": c.number}

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end date lies before the start date."))
        return data


class RefuseForm(StyledForm):
    reason = forms.ChoiceField(label=gettext_lazy("Reason for refusal"), choices=REASONS)


class RequestListView(ActorRequiredMixin, TemplateView):
    allowed = READ
    template_name = "exchange/requests/list.html"

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", RequestStatus.OPEN)
        if status not in RequestStatus.values:
            status = ""
        found = services.request_list(actor=self.actor, status=status)
        for request in [*found["allocation"], *found["change"]]:
            request.late = services.is_late(request)
        return super().get_context_data(requests=found, status=status, statuses=RequestStatus.choices, **kwargs)


class _AllocationRequestMixin(ActorRequiredMixin):
    def get_object(self):
        return services.allocation_request_get(actor=self.actor, pk=self.kwargs["pk"])


class AllocationRequestView(_AllocationRequestMixin, TemplateView):
    allowed = READ
    template_name = "exchange/requests/allocation_request.html"

    def get_context_data(self, **kwargs):
        request = kwargs.pop("object", None) or self.get_object()
        can_answer = request.status == RequestStatus.OPEN and AllocationRequestGrantView.permits(self.actor)
        if can_answer:
            category = request.product.categories.order_by("number").first() if request.product else None
            kwargs.setdefault("grant_form", GrantForm(region_id=request.region_id, initial={
                "category": category, "start": request.start, "end": request.end}))
            kwargs.setdefault("refuse_form", RefuseForm())
        return super().get_context_data(object=request, can_answer=can_answer, late=services.is_late(request),
                                        **kwargs)


class AllocationRequestGrantView(AllocationRequestView):
    allowed = ANSWER

    def get(self, request, *args, **kwargs):
        return redirect("requests:allocation-request", pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        form = GrantForm(request.POST, region_id=obj.region_id)
        if form.is_valid():
            try:
                allocation = services.allocation_request_grant(actor=self.actor, request=obj, **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("Allocated as %(reference)s; the allocation (301) is ready for the provider.") % {
                                    "reference": allocation.reference})
                return redirect("requests:allocation-request", pk=obj.pk)
        return self.render_to_response(self.get_context_data(object=obj, grant_form=form))


class AllocationRequestRefuseView(AllocationRequestView):
    allowed = ANSWER

    def get(self, request, *args, **kwargs):
        return redirect("requests:allocation-request", pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        form = RefuseForm(request.POST)
        if form.is_valid():
            try:
                services.allocation_request_refuse(actor=self.actor, request=obj, reason=form.cleaned_data["reason"])
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("Refused; the answer message (319) is ready for the provider."))
                return redirect("requests:allocation-request", pk=obj.pk)
        return self.render_to_response(self.get_context_data(object=obj, refuse_form=form))


class ChangeRequestView(ActorRequiredMixin, TemplateView):
    allowed = READ
    template_name = "exchange/requests/change_request.html"

    def get_object(self):
        return services.change_request_get(actor=self.actor, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        request = kwargs.pop("object", None) or self.get_object()
        can_answer = request.status == RequestStatus.OPEN and ChangeRequestGrantView.permits(self.actor)
        if can_answer:
            kwargs.setdefault("refuse_form", RefuseForm())
        by_number = {a.reference.lstrip("0"): a for a in request.allocations.all()}
        items = [{**item, "label": ITEM_KINDS.get(item["kind"], item["kind"]),
                  "allocation": by_number.get(str(item.get("number", "")))} for item in request.items]
        return super().get_context_data(object=request, items=items, can_answer=can_answer,
                                        late=services.is_late(request), **kwargs)


class ChangeRequestGrantView(ChangeRequestView):
    allowed = ANSWER

    def get(self, request, *args, **kwargs):
        return redirect("requests:change-request", pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        try:
            services.change_request_grant(actor=self.actor, request=obj)
        except DomainError as error:
            form = RefuseForm()
            add_domain_error(form, error)
            return self.render_to_response(self.get_context_data(object=obj, grant_error=error.message))
        messages.success(request, _("Granted; the allocation (301) with all products is ready for the provider."))
        return redirect("requests:change-request", pk=obj.pk)


class ChangeRequestRefuseView(ChangeRequestView):
    allowed = ANSWER

    def get(self, request, *args, **kwargs):
        return redirect("requests:change-request", pk=self.kwargs["pk"])

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        form = RefuseForm(request.POST)
        if form.is_valid():
            try:
                services.change_request_refuse(actor=self.actor, request=obj, reason=form.cleaned_data["reason"])
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("Refused; the answer message (319) is ready for the provider."))
                return redirect("requests:change-request", pk=obj.pk)
        return self.render_to_response(self.get_context_data(object=obj, refuse_form=form))
