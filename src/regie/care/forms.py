"""Forms for the care screens: they parse input, the services decide."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from regie.core.errors import DomainError
from regie.core.forms import DateInput, StyledForm, nlds
from regie.core.forms import add_domain_error as core_add_domain_error

from .models import AllocationStatus, Gender, GoalResult, LifeDomain
from .reasons import END_REASONS, WITHDRAW_REASON

# Where a service names a field that the form calls differently.
FIELD_ALIASES = {"municipality_code": "resident_from", "product_code": "product", "agb": "provider"}


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    core_add_domain_error(form, error, aliases=FIELD_ALIASES)


class ClientSearchForm(StyledForm):
    q = forms.CharField(label=_("Search by name or BSN"), required=False, max_length=100)


class ClientCreateForm(StyledForm):
    bsn = forms.CharField(label=_("BSN"), max_length=11, help_text=_("Nine digits; the number must pass the eleven test."))
    initials = forms.CharField(label=_("Initials"), max_length=20, required=False)
    family_name = forms.CharField(label=_("Family name"), max_length=200)
    birth_date = forms.DateField(label=_("Date of birth"), widget=DateInput())
    gender = forms.ChoiceField(label=_("Gender"), choices=Gender.choices, required=False, initial=Gender.UNKNOWN)
    street = forms.CharField(label=_("Street"), max_length=24, required=False,
                             help_text=_("The street name as in the BRP, at most 24 characters."))
    house_number = forms.IntegerField(label=_("House number"), min_value=1, max_value=99999, required=False)
    house_number_addition = forms.CharField(label=_("House letter or addition"), max_length=4, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=7, required=False,
                               help_text=_("Four digits and two letters, such as 5211AB. Postcode and house number belong "
                                 "in the allocation (301) to the provider."))
    town = forms.CharField(label=_("Town"), max_length=80, required=False)
    resident_from = forms.DateField(label=_("Lives in the municipality since"), widget=DateInput())

    CONTACT = ("gender", "street", "house_number", "house_number_addition", "postcode", "town")

    def contact(self) -> dict:
        """Gender and address as `client_create` takes them."""
        return {name: self.cleaned_data[name] for name in self.CONTACT}


class PlanForm(StyledForm):
    drawn_up_on = forms.DateField(label=_("Date of the support plan"), widget=DateInput())


SCORES = [("", "—")] + [(n, str(n)) for n in range(1, 6)]


class GoalForm(StyledForm):
    life_domain = forms.ChoiceField(label=_("Life domain"), choices=[("", "—"), *LifeDomain.choices], required=False)
    description = forms.CharField(label=_("Goal"), required=False, max_length=1000,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    baseline_score = forms.TypedChoiceField(label=_("Self-reliance at start (1–5)"), choices=SCORES, coerce=int,
                                            required=False, empty_value=None)

    def clean(self):
        data = super().clean()
        filled = [name for name in ("life_domain", "description", "baseline_score") if data.get(name) not in ("", None)]
        if filled and len(filled) < 3:
            for name in ("life_domain", "description", "baseline_score"):
                if data.get(name) in ("", None):
                    self.add_error(name, _("Fill in all three: life domain, goal and score."))
        return data

    @property
    def is_filled(self) -> bool:
        return bool(self.cleaned_data.get("description"))


class BaseGoalFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.is_filled for form in self.forms):
            raise forms.ValidationError(_("A support plan has at least one goal."))

    def goals(self) -> list[dict]:
        return [
            {key: form.cleaned_data[key] for key in ("life_domain", "description", "baseline_score")}
            for form in self.forms if form.is_filled
        ]


GoalFormSet = forms.formset_factory(GoalForm, formset=BaseGoalFormSet, extra=3, max_num=10)


class GoalCloseForm(StyledForm):
    followup_score = forms.TypedChoiceField(label=_("Self-reliance now (1–5)"), choices=SCORES[1:], coerce=int)
    result = forms.ChoiceField(label=_("Result"), choices=GoalResult.choices)
    closed_on = forms.DateField(label=_("Closed on"), widget=DateInput())


CATEGORY_NUMBERS = [(n, format_lazy(_("Category {number}"), number=n)) for n in range(1, 10)]


class AllocationCreateForm(StyledForm):
    product = forms.ModelChoiceField(label=_("Product"), queryset=None, empty_label=_("Choose a product"))
    category = forms.TypedChoiceField(label=_("Category (intensity)"), coerce=int, choices=CATEGORY_NUMBERS[:3])
    provider = forms.ModelChoiceField(
        label=_("Provider"), queryset=None, empty_label=_("Choose a provider"),
        help_text=_("Only a provider with a contract for this product on the start date can deliver the care."),
    )
    start = forms.DateField(label=_("Start date"), widget=DateInput())
    end = forms.DateField(label=_("End date"), required=False, widget=DateInput(),
                          help_text=_("Leave empty for an allocation without an end date."))

    def __init__(self, *args, products, providers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = products
        self.fields["product"].label_from_instance = lambda p: f"{p.code} — {p.name}"
        self.fields["provider"].queryset = providers
        self.fields["provider"].label_from_instance = lambda o: f"{o.name} (AGB {o.agb_code})" if o.agb_code else o.name
        highest = max((c.number for p in products for c in p.categories.all()), default=3)
        self.fields["category"].choices = CATEGORY_NUMBERS[:highest]
        if self.is_bound and "duplicate_reason" in self.data:
            self.offer_duplicate_confirmation()

    def offer_duplicate_confirmation(self) -> None:
        """After `allocation_duplicate`: a box to confirm a second allocation, and the reason for it."""
        if "confirm_duplicate" in self.fields:
            return
        self.fields["confirm_duplicate"] = forms.BooleanField(
            label=_("Yes, a second allocation alongside the existing one is intended"), required=False)
        self.fields["duplicate_reason"] = forms.CharField(
            label=_("Reason for the second allocation"), required=False, max_length=500,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=_("Kept in the audit trail with your name and the time."))
        nlds(self)

    def clean(self):
        data = super().clean()
        if data.get("confirm_duplicate") and not (data.get("duplicate_reason") or "").strip():
            self.add_error("duplicate_reason", _("Give the reason for the second allocation."))
        return data

    def duplicate_reason(self) -> str:
        """The confirmed reason for a duplicate, or empty when the box is not ticked."""
        data = self.cleaned_data
        return (data.get("duplicate_reason") or "").strip() if data.get("confirm_duplicate") else ""


class AllocationChangeForm(StyledForm):
    category = forms.TypedChoiceField(label=_("Category (intensity)"), coerce=int)
    end = forms.DateField(label=_("End date"), required=False, widget=DateInput())
    clear_end = forms.BooleanField(label=_("Remove the end date (no end date)"), required=False)

    def __init__(self, *args, allocation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (c.number, _("Category %(number)s") % {"number": c.number} + (f" — {c.name}" if c.name else ""))
            for c in allocation.product.categories.all()
        ]


REASONS = [("", _("Choose a reason"))] + [(code, format_lazy("{} — {}", code, text)) for code, text in END_REASONS.items()]


class AllocationEndForm(StyledForm):
    end = forms.DateField(label=_("End date"), widget=DateInput(),
                          help_text=_("On or after the start date, and not after the current end date. To cancel "
                                      "an allocation whose care has not started, withdraw it."))
    end_reason = forms.ChoiceField(label=_("Reason for ending"), choices=REASONS)


class AllocationWithdrawForm(StyledForm):
    end_reason = forms.ChoiceField(label=_("Reason for ending"), choices=REASONS, initial=WITHDRAW_REASON)
    confirm = forms.BooleanField(label=_("Yes, withdraw this allocation"), required=True,
                                 help_text=_("The provider is told that the allocation is removed; this cannot be "
                                             "undone."))


class AllocationStartForm(StyledForm):
    started_on = forms.DateField(label=_("Care started on"), widget=DateInput())


class AllocationStopForm(StyledForm):
    stopped_on = forms.DateField(label=_("Care stopped on"), widget=DateInput())
    end_reason = forms.ChoiceField(label=_("Reason for ending"), choices=REASONS)


class AllocationFilterForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), required=False)
    q = forms.CharField(label=_("Allocation number"), required=False, max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), *AllocationStatus.choices]
