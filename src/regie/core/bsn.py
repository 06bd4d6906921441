"""The citizen service number (BSN) as people type it; the eleven test lives in `iwmo.bsn`."""

from __future__ import annotations

from django.utils.translation import gettext as _

from iwmo.bsn import is_geldig_bsn as bsn_is_valid

from .errors import DomainError

__all__ = ["bsn_clean", "bsn_is_valid"]


def bsn_clean(value: str) -> str:
    """Normalise and check a BSN; an eight-digit number gets its leading zero back."""
    text = value.strip().replace(" ", "").replace(".", "")
    if text.isascii() and text.isdigit() and len(text) == 8:
        text = "0" + text
    if not bsn_is_valid(text):
        raise DomainError("bsn-invalid", _("'%(value)s' is not a valid BSN (nine digits that pass the eleven test).") % {"value": value},
                          field="bsn")
    return text
