"""Keyed pseudonyms: a client is known to management information only as an HMAC-SHA256 of its
record number under the key of one purpose, itself derived from the secret setting
`REGIE_PSEUDONYM_KEY`. Pseudonyms of different purposes cannot be linked without the secret, and
the pseudonym says nothing of the BSN, the name or the birth date."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable

from django.conf import settings

from regie.core.batches import BATCH_SIZE, chunks

from .models import ClientKey

LENGTH = 16  # hexadecimal characters: 64 bits, no collision to expect below billions of clients


def purpose_key(purpose: str) -> bytes:
    return hmac.new(settings.PSEUDONYM_KEY.encode(), b"regie-purpose:" + purpose.encode(), hashlib.sha256).digest()


def pseudonym(client_id: int, *, purpose: str) -> str:
    return _digest(purpose_key(purpose), client_id)


def _digest(key: bytes, client_id: int) -> str:
    return hmac.new(key, str(client_id).encode(), hashlib.sha256).hexdigest()[:LENGTH]


def keys_ensure(client_ids: Iterable[int], *, purpose: str) -> None:
    """Store the pseudonym of every client that has none yet for `purpose`."""
    key = purpose_key(purpose)
    for batch in chunks(set(client_ids)):
        known = set(ClientKey.objects.filter(purpose=purpose, client_id__in=batch).values_list("client_id", flat=True))
        ClientKey.objects.bulk_create(
            (ClientKey(client_id=pk, purpose=purpose, key=_digest(key, pk)) for pk in batch if pk not in known),
            batch_size=BATCH_SIZE,
        )
