"""Forms for the declaration and settlement screens: they parse input, `billing.services` decides.

`lines_from_upload` reads a provider's CSV (`reference,month,debit_credit`, optionally
`product_code,category,volume,unit_price,amount`) with the same reader as the `declare`
command (`regie.core.imports.read_csv`), so the rules for a well-formed file are one set.
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from regie.core.errors import DomainError
from regie.core.imports import read_csv
from regie.core.months import format_month, parse_month
from regie.core.forms import nlds

from .checks import LineInput
from .imports import DECLARATION_OPTIONAL, line_from_row

UPLOAD_COLUMNS = ("reference", "month", "debit_credit")


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": _("YYYY-MM")})

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return parse_month(value)
        except DomainError as error:
            raise forms.ValidationError(error.message, code=error.code) from None

    def prepare_value(self, value):
        return format_month(value) if hasattr(value, "month") else value


class DeclarationLineForm(forms.Form):
    reference = forms.CharField(label=_("Allocation number"), max_length=20)
    month = MonthField(label=_("Month of care"))
    debit_credit = forms.ChoiceField(label=_("Kind"), choices=[("D", _("Debit — declare")),
                                                             ("C", _("Credit — reverse an earlier declaration"))],
                                     initial="D")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nlds(self)

    def line(self) -> LineInput:
        data = self.cleaned_data
        return LineInput(reference=data["reference"].strip(), month=data["month"], debit_credit=data["debit_credit"])


class DeclarationUploadForm(forms.Form):
    # The columns are in the sample above the form, as code: not in a sentence.
    file = forms.FileField(label=_("CSV file"), help_text=_("UTF-8, comma or semicolon."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nlds(self)
        self.fields["file"].widget.attrs["accept"] = ".csv,text/csv"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.REGIE_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(limit)d MB; split it into parts.")
                                        % {"limit": settings.REGIE_UPLOAD_MAX_BYTES // (1024 * 1024)},
                                        code="file-too-large")
        try:
            self.lines = lines_from_upload(upload)
        except DomainError as error:
            raise forms.ValidationError(str(error), code=error.code) from None
        return upload


def lines_from_upload(upload) -> list[LineInput]:
    """The lines of an uploaded CSV; a malformed file raises `InputError` naming line and field."""
    name = Path(upload.name or "declaratie.csv").name
    content = b"".join(upload.chunks())
    rows = read_csv(name, columns=UPLOAD_COLUMNS, optional=DECLARATION_OPTIONAL, content=content)
    return [line_from_row(row) for row in rows]


class SettlementRunForm(forms.Form):
    month = MonthField(label=_("Month"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nlds(self)
