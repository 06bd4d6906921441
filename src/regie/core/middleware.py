from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .errors import DomainError


class RequestSizeMiddleware:
    """A request whose body is larger than `REGIE_REQUEST_MAX_BYTES` (by its Content-Length) is
    refused with 413 before anything reads it: a problem document on the API, a page elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REGIE_REQUEST_MAX_BYTES:
            return too_large(request, settings.REGIE_REQUEST_MAX_BYTES)
        return self.get_response(request)


def too_large(request, limit: int):
    message = _("The request is larger than %(limit)d MB and is not read.") % {"limit": limit // (1024 * 1024)}
    if request.path.startswith("/api/"):
        return JsonResponse({"type": "urn:regie:problem:body-too-large", "title": message, "status": 413,
                             "code": "body-too-large"}, status=413, content_type="application/problem+json")
    error = DomainError("body-too-large", message)
    error.status = 413
    return render(request, "core/error.html", {"error": error}, status=413)


class DomainErrorMiddleware:
    """A `DomainError` that escapes a view becomes a Dutch error page with its status code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DomainError):
            return render(request, "core/error.html", {"error": exception}, status=exception.status)
        return None
