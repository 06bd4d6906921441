"""The API answers errors as RFC 9457 problem documents with our stable codes."""

from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .errors import DomainError


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
    if response is not None and isinstance(exc, exceptions.APIException):
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else "invalid"
        return problem(response.status_code, str(code), str(exc.detail) if isinstance(exc.detail, str) else "Ongeldige invoer.",
                       **({} if isinstance(exc.detail, str) else {"errors": response.data}))
    return response
