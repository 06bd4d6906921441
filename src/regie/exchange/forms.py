"""Forms of the message screens: the filter of the message list and the upload of XML files.

They parse input only: `selectors.messages_for` decides what the actor sees, and
`services.message_receive` decides what a file means.
"""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

import iwmo
from regie.core.errors import DomainError
from regie.core.forms import StyledForm
from regie.core.months import parse_month

from .models import Direction, MessageStatus

# Every message code of iWmo 3.2 (301 … 325), for the code filter.
CODES = ("301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320", "323", "325")
MAX_FILES = 50
MAX_BYTES = iwmo.MAX_GROOTTE  # 25 MB, the standard's limit; a larger file is refused unread


class MessageFilterForm(StyledForm):
    """`?richting=in&code=305&status=rejected&maand=2025-04`: every field optional; a wrong value is ignored."""

    richting = forms.ChoiceField(label=_("Direction"), required=False,
                                 choices=[("", _("all directions")), *Direction.choices])
    code = forms.ChoiceField(label=_("Message kind"), required=False,
                             choices=[("", _("all kinds")), *[(c, f"WMO{c}") for c in CODES]])
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("all statuses")), *MessageStatus.choices])
    maand = forms.CharField(label=_("Month (date)"), required=False,
                            widget=forms.TextInput(attrs={"type": "month", "placeholder": _("YYYY-MM")}))

    def clean_maand(self):
        text = self.cleaned_data.get("maand") or ""
        if not text:
            return None
        try:
            return parse_month(text)
        except DomainError as error:
            raise forms.ValidationError(error.message, code=error.code) from None

    @classmethod
    def from_query(cls, query) -> MessageFilterForm:
        """Bound only when the query names a filter (a page number alone is no filter)."""
        return cls(query if any(query.get(name) for name in cls.base_fields) else None)

    def apply(self, messages: QuerySet) -> QuerySet:
        """The filtered messages; only the valid fields count (a bad month shows its error, not an empty list)."""
        data = self.cleaned_data if self.is_bound else {}
        if data.get("richting"):
            messages = messages.filter(direction=data["richting"])
        if data.get("code"):
            messages = messages.filter(code=data["code"])
        if data.get("status"):
            messages = messages.filter(status=data["status"])
        if data.get("maand"):
            month = data["maand"]
            messages = messages.filter(dated__year=month.year, dated__month=month.month)
        return messages


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more files; each is checked for the standard's size limit before it is read."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".xml,application/xml,text/xml"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        if not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Choose at most %(count)s files at a time.") % {"count": MAX_FILES},
                                        code="too-many-files")
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


class MessageUploadForm(StyledForm):
    files = MultipleFileField(
        label=_("iWmo messages (XML)"),
        help_text=_("One or more files: start (305), stop (307), request (315, 317) or declaration (323), UTF-8 "
                    "without BOM, at most 25 MB per file."),
        error_messages={"required": _("Choose at least one XML file.")},
    )


def read_upload(upload) -> bytes:
    """The bytes of an uploaded file, at most one byte more than the standard allows: a larger file is
    refused by the inbox's intake (`iwmo-grootte`) without being read whole into memory."""
    upload.seek(0)
    return upload.read(MAX_BYTES + 1)
