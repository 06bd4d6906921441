"""Forms for the catalogue screens: they parse input, `catalogue.services` decides."""

from __future__ import annotations

import datetime as dt

from django import forms

from regie.core.forms import nlds


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class TariffForm(forms.Form):
    category = forms.ModelChoiceField(queryset=None, label="Categorie", empty_label=None)
    amount = forms.DecimalField(label="Tarief per maand (€)", max_digits=10, decimal_places=2, min_value=0)
    valid_from = forms.DateField(label="Geldig vanaf", widget=DateInput())
    valid_to = forms.DateField(label="Geldig tot en met", required=False, widget=DateInput(),
                               help_text="Leeg laten als het tarief doorloopt tot een volgende indexatie.")

    def __init__(self, *args, product, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = product.categories.all()
        self.fields["category"].label_from_instance = lambda c: f"Categorie {c.number}{' — ' + c.name if c.name else ''}"
        nlds(self)


class IndexForm(forms.Form):
    year = forms.IntegerField(label="Jaar", min_value=2000, max_value=2100,
                              help_text="De nieuwe tarieven gelden vanaf 1 januari van dit jaar.")
    percentage = forms.DecimalField(label="Indexatie (%)", max_digits=5, decimal_places=2, min_value=-10,
                                    max_value=25, help_text="Bijvoorbeeld 3,2 voor 3,2% hoger.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"year": dt.date.today().year + 1})
        super().__init__(*args, **kwargs)
        self.fields["percentage"].localize = True
        self.fields["percentage"].widget.is_localized = True
        nlds(self)
