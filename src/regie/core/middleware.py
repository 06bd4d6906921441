from django.shortcuts import render

from .errors import DomainError


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
