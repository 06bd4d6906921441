"""Logging: one JSON line per event, carrying the request it belongs to.

`RequestIdMiddleware` (regie.core.middleware) binds the request's id, method and path, and
after authentication its user's id, for the time the request runs; every log record made
meanwhile, by any logger, carries them. `JsonLinesFormatter` writes a record as one line of
JSON: time (UTC), level, logger, message, request id, method, path, status, user id and, for
an exception, its traceback as one string. Never personal data: the user is their numeric id,
the path is without its query string. The configuration is `LOGGING` in settings.py
(docs/settings.md).

The request context lives in a `contextvars.ContextVar`, which follows a request through
threads and asyncio tasks alike; it is for logs only, no domain code reads it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import secrets
import sys
from contextvars import ContextVar, Token
from dataclasses import dataclass, replace

# An incoming X-Request-ID is kept only if it looks like an id a proxy makes (a UUID, a hex
# string): ASCII letters, digits and hyphens, 8 to 64 of them. Anything else gets a new id.
REQUEST_ID_PATTERN = re.compile(r"[A-Za-z0-9-]{8,64}")


@dataclass(frozen=True)
class RequestContext:
    request_id: str
    method: str = ""
    path: str = ""
    user_id: int | None = None


_current: ContextVar[RequestContext | None] = ContextVar("regie_request", default=None)


def request_id_new() -> str:
    """A fresh support reference: 16 hexadecimal characters."""
    return secrets.token_hex(8)


def request_id_accept(value: str | None) -> str | None:
    """The incoming id if it matches `REQUEST_ID_PATTERN` exactly, else None."""
    if value and REQUEST_ID_PATTERN.fullmatch(value):
        return value
    return None


def request_bind(*, request_id: str, method: str = "", path: str = "") -> Token:
    return _current.set(RequestContext(request_id=request_id, method=method, path=path))


def request_unbind(token: Token) -> None:
    _current.reset(token)


def request_bind_user(user_id: int | None) -> None:
    """Add the authenticated user's id to the current request's context (no-op outside a request)."""
    context = _current.get()
    if context is not None and user_id is not None and context.user_id != user_id:
        _current.set(replace(context, user_id=user_id))


def current_request_id() -> str | None:
    context = _current.get()
    return context.request_id if context is not None else None


class JsonLinesFormatter(logging.Formatter):
    """One log record as one line of JSON (ASCII only, so no character can break the line)."""

    def format(self, record: logging.LogRecord) -> str:
        event = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds")
            .replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        context = _current.get()
        if context is not None:
            event.update(request_id=context.request_id, method=context.method, path=context.path)
            if context.user_id is not None:
                event["user_id"] = context.user_id
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            event["status"] = status
        if record.exc_info:
            event["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else ""
            event["traceback"] = self.formatException(record.exc_info)
        elif record.exc_text:
            event["traceback"] = record.exc_text
        if record.stack_info:
            event["stack"] = self.formatStack(record.stack_info)
        return json.dumps(event, ensure_ascii=True, default=str)


class StderrHandler(logging.StreamHandler):
    """A stream handler that writes to whatever `sys.stderr` is at the moment of the event.

    The plain `StreamHandler` keeps the stream it was given at start-up; a test runner or a
    management command that swaps `sys.stderr` would then write to a closed stream.
    """

    def __init__(self):
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass  # always the current sys.stderr


def logging_config(*, log_file: str = "", level: str = "INFO") -> dict:
    """The `LOGGING` setting: every logger, Django's too, through one JSON-lines handler.

    `log_file` empty: standard error; else appended to that file.
    """
    handler = (
        {"class": "logging.FileHandler", "filename": log_file, "encoding": "utf-8", "formatter": "json"}
        if log_file
        else {"class": "regie.core.logs.StderrHandler", "formatter": "json"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "regie.core.logs.JsonLinesFormatter"}},
        "handlers": {"regie": handler},
        "root": {"handlers": ["regie"], "level": level},
        "loggers": {"django": {"handlers": ["regie"], "level": level, "propagate": False}},
    }
