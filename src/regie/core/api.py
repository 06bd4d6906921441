"""The API answers errors as RFC 9457 problem documents with our stable codes."""

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .errors import DomainError, log_refusal

# Headers the framework sets on an error response that a client needs (a login challenge, a wait).
_KEPT_HEADERS = ("WWW-Authenticate", "Retry-After")


def problem(status_code: int, code: str, title: str, **extra) -> Response:
    body = {"type": f"urn:regie:problem:{code}", "title": title, "status": status_code, "code": code, **extra}
    return Response(body, status=status_code, content_type="application/problem+json")


def problem_exception_handler(exc, context):
    if isinstance(exc, DomainError):
        log_refusal(exc, "api")
        extra = {"field": exc.field} if exc.field else {}
        return problem(exc.status, exc.code, exc.message, **extra)
    if isinstance(exc, Http404):
        return problem(status.HTTP_404_NOT_FOUND, "not-found", _("Not found."))
    response = exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
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
