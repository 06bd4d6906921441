"""What every form shares: NL Design System classes on the widgets, and the one place where a
refused business rule (`DomainError`) becomes a form error.

`add_domain_error` puts the message on the field the service names when the form has it
(`aliases` maps a service's field name to the form's), otherwise on the form as a whole.
`NotFound` and `Forbidden` are not form errors: they pass on to the middleware (404, 403).
"""

from __future__ import annotations

from django import forms

from .errors import DomainError, Forbidden, NotFound, log_refusal


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "utrecht-textbox utrecht-textbox--html-input regie-date", **(attrs or {})},
                         format="%Y-%m-%d")


def nlds(form: forms.Form) -> forms.Form:
    """NL Design System classes on every widget, so templates can render fields plainly."""
    for field in form.fields.values():
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
    form.add_error(field if field in form.fields else None, error.message)
    mark_invalid(form)


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        nlds(self)

    def full_clean(self):
        super().full_clean()
        mark_invalid(self)
