"""What every form shares: NL Design System classes on the widgets, and the one place where a
refused business rule (`DomainError`) becomes a form error.

`add_domain_error` puts the message on the field the service names when the form has it
(`aliases` maps a service's field name to the form's), otherwise on the form as a whole.
`NotFound` and `Forbidden` are not form errors: they pass on to the middleware (404, 403).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from . import parse
from .errors import DomainError, Forbidden, NotFound, log_refusal


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "utrecht-textbox utrecht-textbox--html-input regie-date", **(attrs or {})},
                         format="%Y-%m-%d")


class EdgeField:
    """The edge rules (`regie.core.parse`) for a form field, before Django's own conversion:
    dates within `parse.ABSOLUTE` (the region's window is the service's), numbers in ASCII digits
    within their column, no exponent or NaN, text without NUL or control characters. A refusal
    is a field error with the parser's code."""

    def to_python(self, value):
        try:
            return self.edge_parse(value)
        except DomainError as error:
            raise forms.ValidationError(error.message, code=error.code) from None

    def edge_parse(self, value):
        raw = value.strip() if isinstance(value, str) else value
        if isinstance(self, forms.CharField) and isinstance(value, str):
            parse.check_text(value, multiline=isinstance(self.widget, forms.Textarea))
        if raw in self.empty_values or not isinstance(raw, str):
            return super().to_python(value)
        if isinstance(self, forms.DateField) and not isinstance(self, forms.DateTimeField):
            refusal = DomainError("date-invalid", _("This is not a valid date; use YYYY-MM-DD."))
            if not raw.isascii() or parse.control_character(raw):
                raise refusal
            try:
                day = super().to_python(raw)
            except forms.ValidationError:
                raise refusal from None
            return parse.check_date(day) if day is not None else None
        if isinstance(self, forms.DecimalField):
            return parse.parse_amount(raw, max_digits=self.max_digits or 30,
                                      decimal_places=self.decimal_places if self.decimal_places is not None else 10)
        if isinstance(self, forms.IntegerField):
            bounds = {"minimum": self.min_value, "maximum": self.max_value}
            return parse.parse_integer(raw, **{k: v for k, v in bounds.items() if v is not None})
        return super().to_python(value)


_EDGE_CLASSES: dict[type, type] = {}


def harden(field: forms.Field) -> forms.Field:
    """Give `field` the edge rules by making it an `EdgeField` of its own class (once)."""
    cls = type(field)
    if isinstance(field, (EdgeField, forms.FloatField)) or not isinstance(
            field, (forms.CharField, forms.DateField, forms.IntegerField)):
        return field
    if cls not in _EDGE_CLASSES:
        _EDGE_CLASSES[cls] = type(cls.__name__, (EdgeField, cls), {"__module__": cls.__module__})
    field.__class__ = _EDGE_CLASSES[cls]
    return field


def nlds(form: forms.Form) -> forms.Form:
    """NL Design System classes on every widget, so templates can render fields plainly; and the
    edge rules on every field (`harden`)."""
    for field in form.fields.values():
        harden(field)
        widget = field.widget
        if isinstance(widget, forms.Select):
            css = "utrecht-select utrecht-select--html-select"
        elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
            css = "regie-file"
        elif isinstance(widget, forms.Textarea):
            css = "utrecht-textarea utrecht-textarea--html-textarea"
        elif isinstance(widget, forms.CheckboxInput):
            css = "utrecht-checkbox utrecht-checkbox--html-input"
        else:
            css = "utrecht-textbox utrecht-textbox--html-input"
        widget.attrs.setdefault("class", css)
    return form


def mark_invalid(form: forms.Form) -> None:
    """The NL Design System shows an invalid field by its `--invalid` modifier."""
    for name in form.errors:
        if name in form.fields:
            widget = form.fields[name].widget
            base = widget.attrs.get("class", "").split()
            if base and f"{base[0]}--invalid" not in base:
                widget.attrs["class"] = " ".join([*base, f"{base[0]}--invalid"])


def add_domain_error(form: forms.Form, error: DomainError, *, aliases: dict[str, str] | None = None) -> None:
    if isinstance(error, (NotFound, Forbidden)):
        raise error
    log_refusal(error, "form")
    field = (aliases or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, forms.ValidationError(error.message, code=error.code))
    mark_invalid(form)


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nlds(self)

    def full_clean(self):
        super().full_clean()
        mark_invalid(self)
