from __future__ import annotations

import datetime as dt

from django import forms

from regie.core.forms import nlds


class TerminateForm(forms.Form):
    notice_on = forms.DateField(label="Datum van opzegging", widget=forms.DateInput(attrs={"type": "date"},
                                format="%Y-%m-%d"),
                                help_text="Het contract eindigt aan het eind van de termijn die loopt als de "
                                          "opzegtermijn voorbij is.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"notice_on": dt.date.today()})
        super().__init__(*args, **kwargs)
        nlds(self)
