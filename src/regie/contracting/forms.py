from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from regie.core.forms import nlds


class TerminateForm(forms.Form):
    notice_on = forms.DateField(label=_("Date of notice"), widget=forms.DateInput(attrs={"type": "date"},
                                format="%Y-%m-%d"),
                                help_text=_("The contract ends at the end of the term that runs when the notice period "
                                            "is over."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"notice_on": dt.date.today()})
        super().__init__(*args, **kwargs)
        nlds(self)
