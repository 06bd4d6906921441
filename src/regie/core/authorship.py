"""Who made a row, in words: a person, or the command, the demo or the inbox that acted without one.

A person acting in the portal or the API is the row's user (`changed_by`, `submitted_by`, …).
When no person acts, the code that acts says what it is with `acting_as(label)`: every command
(`RegionCommand`) with its name, the demo generator with "demo", and the inbox with the provider
whose message it applies. Every `Authored` row made meanwhile records that label in `origin`,
and `author` gives the words a page shows: the person's name, else the origin, else "system".
Templates show `{{ row.author }}` and nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import ClassVar

from django.db import models
from django.utils.translation import gettext, gettext_lazy

ORIGIN_LENGTH = 200

_origin: ContextVar[str] = ContextVar("regie_origin", default="")


def current_origin() -> str:
    """The label of what is acting now without a person ("" when nothing said so)."""
    return _origin.get()


@contextmanager
def acting_as(label: str) -> Iterator[None]:
    """Rows made inside record `label` as their origin; the innermost label wins."""
    token = _origin.set(label[:ORIGIN_LENGTH])
    try:
        yield
    finally:
        _origin.reset(token)


def author_text(user, origin: str) -> str:
    """The words for who made something: the person's name, else the recorded origin, else "system"."""
    if user is not None:
        return user.get_full_name() or user.get_username()
    return origin or gettext("system")


class Authored(models.Model):
    """A row that records who made it: `author_field` names its user, `origin` what acted without one."""

    author_field: ClassVar[str] = ""

    origin = models.CharField(
        max_length=ORIGIN_LENGTH, blank=True, default=current_origin, editable=False,
        help_text=gettext_lazy("Who or what made this when no user did: the command, the demo or the provider."),
    )

    class Meta:
        abstract = True

    @property
    def author(self) -> str:
        return author_text(getattr(self, self.author_field) if self.author_field else None, self.origin)
