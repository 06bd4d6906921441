"""One error type for the whole domain: a stable code for machines, a Dutch message for people.

Services raise `DomainError`; views turn it into a form error or a message, the API into an
RFC 9457 problem response, the command line into a line on stderr and a non-zero exit.
"""

from __future__ import annotations

import logging

# Every refusal that reaches a person is logged once with its stable code (the sentence is for people).
refusals = logging.getLogger("regie.refusals")


def log_refusal(error: "DomainError", where: str) -> None:
    refusals.info("%s refused: %s field=%s", where, error.code, error.field or "-")


class DomainError(Exception):
    """A business rule refused the request. `code` is stable; `message` is for people."""

    status = 400

    def __init__(self, code: str, message: str, *, field: str | None = None, **params):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.params = params

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    """The object does not exist, or exists for another organisation: both look the same."""

    status = 404


class Forbidden(DomainError):
    """The object is the actor's own, but the actor's role does not allow this."""

    status = 403
