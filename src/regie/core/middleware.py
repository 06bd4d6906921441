from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers

from .errors import DomainError, log_refusal
from .languages import chosen_language


class LanguageMiddleware:
    """Activates the language the person chose (see `regie.core.languages`), never the browser's.

    Replaces Django's LocaleMiddleware, which would follow `Accept-Language` by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        language = translation.get_language()
        response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ("Cookie",))
        translation.deactivate()
        return response


class DomainErrorMiddleware:
    """A `DomainError` that escapes a view becomes an error page in the chosen language with its status code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DomainError):
            log_refusal(exception, "page")
            return render(request, "core/error.html", {"error": exception}, status=exception.status)
        return None
