"""The API answers errors as RFC 9457 problem documents with our stable codes."""

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .errors import DomainError
from .parse import parse_integer


def query_integer(params, name: str, *, default: int, minimum: int, maximum: int) -> int:
    """A whole-number query parameter (`offset`, `limit`) within bounds; a refusal names the parameter."""
    text = params.get(name)
    if text is None or text == "":
        return default
    return parse_integer(text, field=name, minimum=minimum, maximum=maximum)


# Headers the framework sets on an error response that a client needs (a login challenge, a wait).
_KEPT_HEADERS = ("WWW-Authenticate", "Retry-After")


def problem(status_code: int, code: str, title: str, **extra) -> Response:
    body = {"type": f"urn:regie:problem:{code}", "title": title, "status": status_code, "code": code, **extra}
    return Response(body, status=status_code, content_type="application/problem+json")


def problem_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        extra = {"field": exc.field} if exc.field else {}
        return problem(exc.status, exc.code, exc.message, **extra)
    if isinstance(exc, Http404):
        return problem(status.HTTP_404_NOT_FOUND, "not-found", "Niet gevonden.")
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    codes = exc.get_codes()
    if isinstance(exc.detail, (list, dict)):
        answer = problem(response.status_code, "invalid", "Ongeldige invoer.", errors=response.data)
    else:
        answer = problem(response.status_code, str(codes), str(exc.detail))
    for header in _KEPT_HEADERS:
        if header in response:
            answer[header] = response[header]
    return answer
