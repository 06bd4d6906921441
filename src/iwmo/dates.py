"""Datums en perioden zoals iWmo ze gebruikt.

iWmo kent ``LDT_Datum`` (xs:date zonder tijdzone, dus ``JJJJ-MM-DD``) en ``LDT_Tijd``
(xs:time zonder tijdzone). ``date.fromisoformat`` accepteert sinds Python 3.11 ook
``20230813`` en weken-notatie; daarom parsen we hier strikt op het XML-formaat.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

_DATUM = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TIJD = re.compile(r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?")

#: Grens uit de regels CD080, CD095, CD096, CS338, CS343 en TR375/TR412.
GRENSDATUM_2020 = date(2020, 12, 31)


def parse_datum(tekst: str) -> date:
    """``JJJJ-MM-DD`` (met eventuele omringende witruimte, zoals xs:date toestaat) naar ``date``.

    Een tijdzone (``Z`` of ``+01:00``) is in iWmo verboden (RS032) en geeft ``ValueError``.
    """
    m = _DATUM.fullmatch(tekst.strip())
    if not m:
        raise ValueError(f"geen datum in de vorm JJJJ-MM-DD: {tekst!r}")
    return date(int(m[1]), int(m[2]), int(m[3]))


def schrijf_datum(d: date) -> str:
    return d.isoformat()


def parse_tijd(tekst: str) -> time:
    """``UU:MM:SS[.fff]`` zonder tijdzone (RS034) naar ``time``."""
    m = _TIJD.fullmatch(tekst.strip())
    if not m:
        raise ValueError(f"geen tijd in de vorm UU:MM:SS: {tekst!r}")
    micro = int((m[4] or "0")[:6].ljust(6, "0"))
    return time(int(m[1]), int(m[2]), int(m[3]), micro)


def schrijf_tijd(t: time) -> str:
    if t.tzinfo is not None:
        raise ValueError("iWmo-tijden hebben geen tijdzone")
    if t.microsecond:
        return t.isoformat(timespec="microseconds").rstrip("0")
    return t.isoformat(timespec="seconds")


def eerste_dag_van_maand(d: date) -> date:
    return d.replace(day=1)


def laatste_dag_van_maand(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def is_hele_kalendermaand(begin: date, eind: date) -> bool:
    """Regel CS340: de periode is precies één hele kalendermaand."""
    return begin.day == 1 and eind == laatste_dag_van_maand(begin)


def zelfde_maand(a: date, b: date) -> bool:
    return (a.year, a.month) == (b.year, b.month)


def jaren_terug(d: date, jaren: int) -> date:
    """``d`` min ``jaren`` jaar; 29 februari wordt 28 februari als het doeljaar geen schrikkeljaar is."""
    try:
        return d.replace(year=d.year - jaren)
    except ValueError:
        return d.replace(year=d.year - jaren, day=28)


@dataclass(frozen=True, slots=True)
class Periode:
    """Een periode met begin en optioneel einde, beide inclusief (zoals in iWmo).

    ``eind is None`` betekent open einde (CDT_OpenPeriode of ontbrekende Einddatum).
    """

    begin: date | None
    eind: date | None = None

    def __post_init__(self) -> None:
        if self.begin and self.eind and self.eind < self.begin:
            raise ValueError(f"einde {self.eind} ligt voor begin {self.begin}")

    def bevat(self, d: date) -> bool:
        return (self.begin is None or self.begin <= d) and (self.eind is None or d <= self.eind)

    def overlapt(self, ander: Periode) -> bool:
        """Twee inclusieve perioden overlappen als geen van beide geheel voor de ander ligt."""
        if self.eind is not None and ander.begin is not None and self.eind < ander.begin:
            return False
        if ander.eind is not None and self.begin is not None and ander.eind < self.begin:
            return False
        return True

    def dagen(self) -> int | None:
        """Aantal dagen (inclusief beide grenzen), ``None`` bij een open periode."""
        if self.begin is None or self.eind is None:
            return None
        return (self.eind - self.begin).days + 1

    def __str__(self) -> str:
        begin = self.begin.isoformat() if self.begin else "…"
        eind = self.eind.isoformat() if self.eind else "…"
        return f"{begin} t/m {eind}"


def maanden(begin: date, eind: date) -> list[Periode]:
    """Knip ``begin``..``eind`` in kalendermaanddelen (handig voor declareren per maand)."""
    delen: list[Periode] = []
    d = begin
    while d <= eind:
        einde_maand = laatste_dag_van_maand(d)
        delen.append(Periode(d, min(einde_maand, eind)))
        d = einde_maand + timedelta(days=1)
    return delen
