"""Forms for the care screens: they parse input, the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from regie.core.errors import DomainError
from regie.core.forms import DateInput, StyledForm, nlds
from regie.core.forms import add_domain_error as core_add_domain_error

from .models import AllocationStatus, Gender, GoalResult, LifeDomain
from .services import END_REASONS, WITHDRAW_REASON

# Where a service names a field that the form calls differently.
FIELD_ALIASES = {"municipality_code": "resident_from", "product_code": "product", "agb": "provider"}


def add_domain_error(form: forms.Form, error: DomainError) -> None:
    core_add_domain_error(form, error, aliases=FIELD_ALIASES)


class ClientSearchForm(StyledForm):
    q = forms.CharField(label="Zoek op naam of BSN", required=False, max_length=100)


class ClientCreateForm(StyledForm):
    bsn = forms.CharField(label="BSN", max_length=11, help_text="Negen cijfers; het nummer moet de elfproef doorstaan.")
    initials = forms.CharField(label="Voorletters", max_length=20, required=False)
    family_name = forms.CharField(label="Achternaam", max_length=200)
    birth_date = forms.DateField(label="Geboortedatum", widget=DateInput())
    gender = forms.ChoiceField(label="Geslacht", choices=Gender.choices, required=False, initial=Gender.UNKNOWN)
    street = forms.CharField(label="Straat", max_length=24, required=False,
                             help_text="De straatnaam zoals in de BRP, hoogstens 24 tekens.")
    house_number = forms.IntegerField(label="Huisnummer", min_value=1, max_value=99999, required=False)
    house_number_addition = forms.CharField(label="Huisletter of toevoeging", max_length=4, required=False)
    postcode = forms.CharField(label="Postcode", max_length=7, required=False,
                               help_text="Vier cijfers en twee letters, zoals 5211AB. Postcode en huisnummer horen "
                               "in de toewijzing (301) aan de aanbieder.")
    town = forms.CharField(label="Woonplaats", max_length=80, required=False)
    resident_from = forms.DateField(label="Woont in de gemeente sinds", widget=DateInput())

    CONTACT = ("gender", "street", "house_number", "house_number_addition", "postcode", "town")

    def contact(self) -> dict:
        """Gender and address as `client_create` takes them."""
        return {name: self.cleaned_data[name] for name in self.CONTACT}


class PlanForm(StyledForm):
    drawn_up_on = forms.DateField(label="Datum ondersteuningsplan", widget=DateInput())


SCORES = [("", "—")] + [(n, str(n)) for n in range(1, 6)]


class GoalForm(StyledForm):
    life_domain = forms.ChoiceField(label="Leefgebied", choices=[("", "—"), *LifeDomain.choices], required=False)
    description = forms.CharField(label="Doel", required=False, max_length=1000,
                                  widget=forms.Textarea(attrs={"rows": 2}))
    baseline_score = forms.TypedChoiceField(label="Zelfredzaamheid bij start (1–5)", choices=SCORES, coerce=int,
                                            required=False, empty_value=None)

    def clean(self):
        data = super().clean()
        filled = [name for name in ("life_domain", "description", "baseline_score") if data.get(name) not in ("", None)]
        if filled and len(filled) < 3:
            for name in ("life_domain", "description", "baseline_score"):
                if data.get(name) in ("", None):
                    self.add_error(name, "Vul leefgebied, doel en score alle drie in.")
        return data

    @property
    def is_filled(self) -> bool:
        return bool(self.cleaned_data.get("description"))


class BaseGoalFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.is_filled for form in self.forms):
            raise forms.ValidationError("Een ondersteuningsplan heeft minstens één doel.")

    def goals(self) -> list[dict]:
        return [
            {key: form.cleaned_data[key] for key in ("life_domain", "description", "baseline_score")}
            for form in self.forms if form.is_filled
        ]


GoalFormSet = forms.formset_factory(GoalForm, formset=BaseGoalFormSet, extra=3, max_num=10)


class GoalCloseForm(StyledForm):
    followup_score = forms.TypedChoiceField(label="Zelfredzaamheid nu (1–5)", choices=SCORES[1:], coerce=int)
    result = forms.ChoiceField(label="Resultaat", choices=GoalResult.choices)
    closed_on = forms.DateField(label="Afgesloten op", widget=DateInput())


CATEGORY_NUMBERS = [(n, f"Categorie {n}") for n in range(1, 10)]


class AllocationCreateForm(StyledForm):
    product = forms.ModelChoiceField(label="Product", queryset=None, empty_label="Kies een product")
    category = forms.TypedChoiceField(label="Categorie (zwaarte)", coerce=int, choices=CATEGORY_NUMBERS[:3])
    provider = forms.ModelChoiceField(
        label="Aanbieder", queryset=None, empty_label="Kies een aanbieder",
        help_text="Alleen een aanbieder met een contract voor dit product op de begindatum kan de zorg leveren.",
    )
    start = forms.DateField(label="Begindatum", widget=DateInput())
    end = forms.DateField(label="Einddatum", required=False, widget=DateInput(),
                          help_text="Leeg laten voor een toewijzing zonder einddatum.")

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
    category = forms.TypedChoiceField(label="Categorie (zwaarte)", coerce=int)
    end = forms.DateField(label="Einddatum", required=False, widget=DateInput())
    clear_end = forms.BooleanField(label="Einddatum weghalen (zonder einddatum)", required=False)

    def __init__(self, *args, allocation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (c.number, f"Categorie {c.number}" + (f" — {c.name}" if c.name else ""))
            for c in allocation.product.categories.all()
        ]


REASONS = [("", "Kies een reden")] + [(code, f"{code} — {text}") for code, text in END_REASONS.items()]


class AllocationEndForm(StyledForm):
    end = forms.DateField(label="Einddatum", widget=DateInput(),
                          help_text=_("On or after the start date, and not after the current end date. To cancel "
                                      "an allocation whose care has not started, withdraw it."))
    end_reason = forms.ChoiceField(label="Reden beëindiging", choices=REASONS)


class AllocationWithdrawForm(StyledForm):
    end_reason = forms.ChoiceField(label="Reden beëindiging", choices=REASONS, initial=WITHDRAW_REASON)
    confirm = forms.BooleanField(label=_("Yes, withdraw this allocation"), required=True,
                                 help_text=_("The provider is told that the allocation is removed; this cannot be "
                                             "undone."))


class AllocationStartForm(StyledForm):
    started_on = forms.DateField(label="Zorg gestart op", widget=DateInput())


class AllocationStopForm(StyledForm):
    stopped_on = forms.DateField(label="Zorg gestopt op", widget=DateInput())
    end_reason = forms.ChoiceField(label="Reden beëindiging", choices=REASONS)


class AllocationFilterForm(StyledForm):
    status = forms.ChoiceField(label="Status", required=False)
    q = forms.CharField(label="Toewijzingnummer", required=False, max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "Alle"), *AllocationStatus.choices]
