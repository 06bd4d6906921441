"""Storing one row that a file or a form gives again and again (a figure per year or per quarter)."""

from __future__ import annotations

from django.db import models


def row_store(model: type[models.Model], *, keys: dict, values: dict) -> bool:
    """Create the row with `keys`, or update its `values`; True when that changed what was stored."""
    row, created = model.objects.get_or_create(**keys, defaults=values)
    if created:
        return True
    return model.objects.filter(pk=row.pk).exclude(**values).update(**values) > 0
