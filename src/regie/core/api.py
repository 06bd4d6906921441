"""The API answers errors as RFC 9457 problem documents with our stable codes.

Every problem document carries the request's support reference (`request_id`, and as
`instance` a URN of it), the same id as the response's `X-Request-ID` header and the log. An
exception no handler knows is logged with its traceback and answered with a 500 problem
document, never an HTML page.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.log import log_response
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler, set_rollback

from . import logs
from .errors import DomainError, log_refusal
from .parse import parse_integer


def query_integer(params, name: str, *, default: int, minimum: int, maximum: int) -> int:
    """A whole-number query parameter (`offset`, `limit`) within bounds; a refusal names the parameter."""
    text = params.get(name)
    if text is None or text == "":
        return default
    return parse_integer(text, field=name, minimum=minimum, maximum=maximum)


class ProblemSerializer(serializers.Serializer):
    """An error answer: an RFC 9457 problem document with a stable code."""

    # It describes what `problem_body` writes, for the OpenAPI description; nothing is read with it.

    type = serializers.CharField(help_text="`urn:regie:problem:<code>`")
    title = serializers.CharField(help_text="What went wrong, for people, in the request's language.")
    status = serializers.IntegerField()
    code = serializers.CharField(help_text="Stable, for machines: `filter-invalid`, `indicator-unknown`, …")
    field = serializers.CharField(required=False, help_text="The parameter that was refused, where there is one.")
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()), required=False,
                                   help_text="The refusals per field of an invalid filter or input.")
    problems = serializers.ListField(child=serializers.CharField(), required=False,
                                     help_text="Every problem of a refused iWmo file.")
    instance = serializers.CharField(required=False, help_text="`urn:regie:request:<request_id>`")
    request_id = serializers.CharField(required=False, help_text="The support reference: the `X-Request-ID` "
                                       "response header and the id in our log.")


PROBLEM_MEDIA_TYPE = "application/problem+json"


def problem_responses(**descriptions: str) -> dict:
    """`extend_schema(responses=…)` entries for error answers: `problem_responses(s404="No such message.")`."""
    return {(int(key.removeprefix("s")), PROBLEM_MEDIA_TYPE): OpenApiResponse(ProblemSerializer, description=text)
            for key, text in descriptions.items()}


# Headers the framework sets on an error response that a client needs (a login challenge, a wait).
_KEPT_HEADERS = ("WWW-Authenticate", "Retry-After")


def problem_body(status_code: int, code: str, title: str, **extra) -> dict:
    body = {"type": f"urn:regie:problem:{code}", "title": title, "status": status_code, "code": code, **extra}
    request_id = logs.current_request_id()
    if request_id:
        body.update(instance=f"urn:regie:request:{request_id}", request_id=request_id)
    return body


def problem(status_code: int, code: str, title: str, **extra) -> Response:
    return Response(problem_body(status_code, code, title, **extra), status=status_code,
                    content_type=PROBLEM_MEDIA_TYPE)


def problem_response(status_code: int, code: str, title: str, **extra) -> JsonResponse:
    """The same document outside a DRF view (Django's error handlers for /api/ paths)."""
    return JsonResponse(problem_body(status_code, code, title, **extra), status=status_code,
                        content_type=PROBLEM_MEDIA_TYPE)


def _unhandled(exc, context) -> Response:
    """A bug, not a refusal: log it once with its traceback, answer 500 without any detail."""
    request = context.get("request")
    django_request = getattr(request, "_request", request)
    user = getattr(request, "_user", None)  # DRF's authenticated user (Basic or session), if it got that far
    if user is not None and user.is_authenticated:
        logs.request_bind_user(user.pk)
    set_rollback()
    answer = problem(status.HTTP_500_INTERNAL_SERVER_ERROR, "server-error",
                     _("Something went wrong on our side. The error has been logged; "
                       "mention the support reference when you report it."))
    log_response("Internal Server Error: %s", getattr(django_request, "path", ""), response=answer,
                 request=django_request, exception=exc)
    return answer


def problem_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        log_refusal(exc, "api")
        extra = {"field": exc.field} if exc.field else {}
        return problem(exc.status, exc.code, exc.message, **extra)
    if isinstance(exc, Http404):
        return problem(status.HTTP_404_NOT_FOUND, "not-found", _("Not found."))
    if isinstance(exc, PermissionDenied):
        return problem(status.HTTP_403_FORBIDDEN, "permission_denied", _("You may not do this."))
    response = exception_handler(exc, context)
    if response is None:
        return _unhandled(exc, context)
    if not isinstance(exc, exceptions.APIException):
        return response
    codes = exc.get_codes()
    if isinstance(exc.detail, (list, dict)):
        answer = problem(response.status_code, "invalid", _("Invalid input."), errors=response.data)
    else:
        answer = problem(response.status_code, str(codes), str(exc.detail))
    for header in _KEPT_HEADERS:
        if header in response:
            answer[header] = response[header]
    return answer
