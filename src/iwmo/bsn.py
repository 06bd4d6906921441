"""Burgerservicenummer: de 11-proef (regel CS002).

Het BSN heeft 9 cijfers; de gewogen som met gewichten 9, 8, ..., 2, -1 moet deelbaar
zijn door 11. Een BSN van alleen nullen voldoet rekenkundig, maar is geen geldig nummer.
"""

from __future__ import annotations

_GEWICHTEN = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def is_geldig_bsn(bsn: str) -> bool:
    """``True`` als ``bsn`` uit 9 cijfers bestaat en de 11-proef doorstaat."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    if bsn == "000000000":
        return False
    som = sum(int(c) * g for c, g in zip(bsn, _GEWICHTEN))
    return som % 11 == 0


def controlecijfer(eerste_acht: str) -> str | None:
    """Het laatste cijfer dat van ``eerste_acht`` een geldig BSN maakt, of ``None``.

    Handig voor testgegevens: niet elke reeks van acht cijfers heeft een geldige aanvulling.
    """
    if len(eerste_acht) != 8 or not eerste_acht.isascii() or not eerste_acht.isdigit():
        raise ValueError("verwacht precies 8 cijfers")
    som = sum(int(c) * g for c, g in zip(eerste_acht, _GEWICHTEN))
    # som - laatste ≡ 0 (mod 11)  =>  laatste ≡ som (mod 11)
    laatste = som % 11
    if laatste > 9:
        return None
    kandidaat = eerste_acht + str(laatste)
    return str(laatste) if is_geldig_bsn(kandidaat) else None
