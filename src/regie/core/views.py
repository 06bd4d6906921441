"""The start page, and the two helpers every screen shares.

- `add_domain_error(form, error)`: the one place where a refused business rule
  (`DomainError`) becomes a form error — on the field the service names when the form has
  it, otherwise on the form as a whole. `NotFound` and `Forbidden` are not form errors: they
  pass on to the middleware, which answers 404 or 403.
- `nlds(form)`: NL Design System classes on every widget, so templates render fields plainly.
"""

from __future__ import annotations

from django import forms
from django.views.generic import TemplateView

from .errors import DomainError, Forbidden, NotFound
from .permissions import ActorRequiredMixin


def add_domain_error(form: forms.Form, error: DomainError, *, aliases: dict[str, str] | None = None) -> None:
    """Show a refused rule on the form. `aliases` maps a service's field name to the form's."""
    if isinstance(error, (NotFound, Forbidden)):
        raise error
    field = (aliases or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, error.message)


def nlds(form: forms.Form) -> forms.Form:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            css = "utrecht-select utrecht-select--html-select"
        elif isinstance(widget, forms.ClearableFileInput | forms.FileInput):
            css = "regie-file"
        elif isinstance(widget, forms.Textarea):
            css = "utrecht-textarea utrecht-textarea--html-textarea"
        else:
            css = "utrecht-textbox utrecht-textbox--html-input"
        widget.attrs.setdefault("class", css)
    return form


class HomeView(ActorRequiredMixin, TemplateView):
    """The start page; each organisation kind sees the tasks that are its own and a few figures."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from regie.monitoring.selectors import home_figures
        from regie.regions.models import Role

        roles = [Role(role).label for role in sorted(self.actor.roles) if role in Role.values]
        return super().get_context_data(figures=home_figures(actor=self.actor), roles=roles, **kwargs)
