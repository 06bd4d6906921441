"""Forms for the catalogue screens: they parse input, `catalogue.services` decides."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from regie.core.forms import nlds


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class TariffForm(forms.Form):
    category = forms.ModelChoiceField(queryset=None, label=_("Category"), empty_label=None)
    amount = forms.DecimalField(label=_("Tariff per month (€)"), max_digits=10, decimal_places=2, min_value=0)
    valid_from = forms.DateField(label=_("Valid from"), widget=DateInput())
    valid_to = forms.DateField(label=_("Valid up to and including"), required=False, widget=DateInput(),
                               help_text=_("Leave empty if the tariff runs on until a next indexation."))

    def __init__(self, *args, product, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = product.categories.all()
        self.fields["category"].label_from_instance = lambda c: _("Category %(number)s") % {"number": c.number} + (" — " + c.name if c.name else "")
        nlds(self)


class IndexForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100,
                              help_text=_("The new tariffs apply from 1 January of this year."))
    percentage = forms.DecimalField(label=_("Indexation (%)"), max_digits=5, decimal_places=2, min_value=-10,
                                    max_value=25, help_text=_("For example 3.2 for 3.2 percent higher."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"year": dt.date.today().year + 1})
        super().__init__(*args, **kwargs)
        self.fields["percentage"].localize = True
        self.fields["percentage"].widget.is_localized = True
        nlds(self)
