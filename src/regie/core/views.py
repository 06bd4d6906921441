"""The language switch (the start page, with its figures, is `monitoring.views.HomeView`)."""

from __future__ import annotations

from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from .languages import remember_language, supported


@require_POST
def set_language(request):
    """The header's language switch: Django's own view (it sets the cookie) plus the person's preference."""
    response = django_set_language(request)
    code = supported(request.POST.get("language"))
    if code:
        remember_language(request, code)
    return response
