from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.log import log_response
from django.utils.translation import gettext as _

from . import logs
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


class RequestIdMiddleware:
    """Give every request an id: the support reference on error pages and in every log line.

    A sane incoming `X-Request-ID` (`logs.REQUEST_ID_PATTERN`) is kept, so a proxy's id ties its
    log to ours; anything else is replaced by a new one. The id is `request.request_id`, the
    response's `X-Request-ID` header and the `request_id` of every log event made meanwhile.
    Stands first in `MIDDLEWARE`, so that it sees every other middleware's events.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = logs.request_id_accept(request.headers.get("X-Request-ID")) or logs.request_id_new()
        token = logs.request_bind(request_id=request.request_id, method=request.method, path=request.path)
        try:
            response = self.get_response(request)
            if response.status_code >= 400:
                # Django logs a refused or failed request after the middleware has run, outside the
                # request's context; log it here, once, while the id is still bound.
                log_response("%s: %s", response.reason_phrase, request.path, response=response, request=request)
        finally:
            logs.request_unbind(token)
        response["X-Request-ID"] = request.request_id
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)  # set by AuthenticationMiddleware, which runs before views
        if user is not None and user.is_authenticated:
            logs.request_bind_user(user.pk)
        return None


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
