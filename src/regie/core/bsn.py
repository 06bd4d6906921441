"""The citizen service number (BSN): nine digits that pass the eleven test (11-proef)."""

from __future__ import annotations

from .errors import DomainError


def bsn_is_valid(value: str) -> bool:
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]
    return total % 11 == 0


def bsn_clean(value: str) -> str:
    """Normalise and check a BSN; an eight-digit number gets its leading zero back."""
    text = value.strip().replace(" ", "").replace(".", "")
    if text.isdigit() and len(text) == 8:
        text = "0" + text
    if not bsn_is_valid(text):
        raise DomainError("bsn-invalid", f"'{value}' is geen geldig BSN (negen cijfers die de elfproef doorstaan).", field="bsn")
    return text
