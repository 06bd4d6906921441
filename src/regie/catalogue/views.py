"""Catalogue and tariffs: everyone in the region reads; the purchasing office's purchasers edit."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from itertools import groupby

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.views.generic import FormView, TemplateView
from django.utils.translation import gettext_lazy as _

from regie.core.formatting import number, short_date
from regie.core.errors import DomainError, NotFound
from regie.core.periods import valid_on
from regie.regions.permissions import ActorRequiredMixin
from regie.core.forms import add_domain_error

from . import selectors, services
from .forms import IndexForm, TariffForm
from .models import FREQUENCY_PER_MONTH, UNIT_BY_VARIANT, Category, Tariff, Variant

EDIT = ("purchaser",)
OFFICE = ("purchasing_office",)

VARIANTS = [
    {"variant": Variant.EFFORT, "name": _("Effort-based"), "unit": UNIT_BY_VARIANT[Variant.EFFORT],
     "unit_name": _("pieces (effort)"), "frequency": FREQUENCY_PER_MONTH, "frequency_name": _("per month"),
     "explanation": _("A fixed amount per client per month: volume 1 piece per month, the tariff is the monthly amount. "
                      "Only months in which support was really delivered may be declared.")},
    {"variant": Variant.OUTPUT, "name": _("Output-based"), "unit": UNIT_BY_VARIANT[Variant.OUTPUT],
     "unit_name": _("euros"), "frequency": FREQUENCY_PER_MONTH, "frequency_name": _("per month"),
     "explanation": _("A budget in euros per month: the volume is the monthly amount, the price per unit € 1.")},
]


def _catalogue(actor):
    """Products with their categories and every tariff period, in three queries."""
    return selectors.products(region=actor.organisation.region).prefetch_related(None).prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("number").prefetch_related(
            Prefetch("tariffs", queryset=Tariff.objects.order_by("valid_from"))))
    )


def _product(actor, pk: int):
    """A product of the actor's region; another region's product is not found."""
    product = _catalogue(actor).filter(pk=pk).first()
    if product is None:
        raise NotFound("product-not-found", _("This product does not exist or does not belong to your region."))
    return product


def _current(tariffs, day: dt.date):
    return next((t for t in tariffs if valid_on(t.valid_from, t.valid_to, day)), None)


def _category_rows(product, day: dt.date) -> list[dict]:
    return [{"category": c, "tariffs": list(c.tariffs.all()), "current": _current(c.tariffs.all(), day)}
            for c in product.categories.all()]


class ProductListView(ActorRequiredMixin, TemplateView):
    template_name = "catalogue/product_list.html"

    def get_context_data(self, **kwargs):
        today = dt.date.today()
        rows = [{"product": p, "categories": _category_rows(p, today)} for p in _catalogue(self.actor)]
        rows.sort(key=lambda r: (r["product"].support_form.code, r["product"].code))
        forms = [{"form": form, "products": list(items)}
                 for form, items in groupby(rows, key=lambda r: r["product"].support_form)]
        return super().get_context_data(support_forms=forms, variants=VARIANTS, today=today,
                                        can_edit=self.actor.is_purchasing_office and self.actor.has_role(*EDIT),
                                        **kwargs)


class ProductDetailView(ActorRequiredMixin, TemplateView):
    template_name = "catalogue/product_detail.html"

    def get_context_data(self, **kwargs):
        product = _product(self.actor, self.kwargs["pk"])
        can_edit = self.actor.is_purchasing_office and self.actor.has_role(*EDIT)
        return super().get_context_data(
            product=product, categories=_category_rows(product, dt.date.today()), can_edit=can_edit,
            variant=next(v for v in VARIANTS if v["variant"] == product.variant),
            form=TariffForm(product=product) if can_edit else None, **kwargs)


class TariffAddView(ActorRequiredMixin, FormView):
    """A new tariff period for one category of a product (`catalogue.services.tariff_add`)."""

    kinds, roles = OFFICE, EDIT
    template_name = "catalogue/tariff_form.html"
    form_class = TariffForm

    @cached_property
    def product(self):
        return _product(self.actor, self.kwargs["pk"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "product": self.product}

    def get_context_data(self, **kwargs):
        return super().get_context_data(product=self.product, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            tariff = services.tariff_add(actor=self.actor, category=data["category"], amount=data["amount"],
                                         valid_from=data["valid_from"], valid_to=data["valid_to"])
        except DomainError as error:
            add_domain_error(form, error, aliases={"tariff": "amount"})
            return self.form_invalid(form)
        messages.success(self.request, _("The tariff for category %(number)s from %(start)s has been added.") % {
                             "number": tariff.category.number, "start": short_date(tariff.valid_from)})
        return redirect("catalogue:product-detail", pk=self.product.pk)


class TariffIndexView(ActorRequiredMixin, FormView):
    """Yearly indexation: every running tariff continues next year at the indexed amount."""

    kinds, roles = OFFICE, EDIT
    template_name = "catalogue/tariff_index.html"
    form_class = IndexForm

    def form_valid(self, form):
        year, percentage = form.cleaned_data["year"], form.cleaned_data["percentage"]
        try:
            created = services.tariffs_index(actor=self.actor, region=self.actor.organisation.region, year=year,
                                             percentage=percentage)
        except DomainError as error:
            add_domain_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("%(count)s tariffs indexed by %(percentage)s%%; the new tariffs apply from 1 January %(year)s.") % {
                             "count": len(created), "percentage": number(percentage), "year": year})
        return redirect("catalogue:product-list")
