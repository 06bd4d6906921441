"""Opdrachtregel: ``python -m iwmo validate|show|roundtrip``.

Een bestand dat niet te lezen is (bestaat niet, is een map of geen gewoon bestand, geen
leesrechten) of geen iWmo-bericht is, geeft één regel ``bestand: pad: code: melding`` en exit 1,
nooit een traceback.
"""

from __future__ import annotations

import argparse
import errno
import stat
import sys
from collections.abc import Sequence
from pathlib import Path

from iwmo.controle import check
from iwmo.fouten import Foutcode, IwmoFout
from iwmo.inname import MAX_GROOTTE
from iwmo.lezen import read
from iwmo.regels import BRONNEN, REGELS
from iwmo.schema import OMGEVINGSVARIABELE, schema_dir_uit_omgeving
from iwmo.tonen import samenvatting
from iwmo.vergelijk import roundtrip

_REDENEN = {
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "bestaat niet",
    errno.EISDIR: "is een map, geen bestand",
    errno.EACCES: "geen leesrechten",
    errno.EPERM: "geen leesrechten",
}


class BestandFout(Exception):
    """Het bestand is niet te lezen; ``melding`` zegt waarom, in één regel."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


def _lees_bestand(pad: Path) -> bytes:
    """De inhoud van een gewoon bestand, nooit meer dan de limiet + 1 byte (een reusachtig bestand kost zo geen geheugen)."""
    try:
        modus = pad.stat().st_mode
        if stat.S_ISDIR(modus):
            raise BestandFout(_REDENEN[errno.EISDIR])
        if not stat.S_ISREG(modus):  # een FIFO of apparaat: lezen kan blijven hangen
            raise BestandFout("is geen gewoon bestand")
        with pad.open("rb") as f:
            return f.read(MAX_GROOTTE + 1)
    except OSError as e:
        raise BestandFout(_REDENEN.get(e.errno, e.strerror or type(e).__name__)) from None
    except ValueError as e:  # bijv. een NUL-teken in de naam
        raise BestandFout(f"ongeldige bestandsnaam ({e})") from None


def _regel_bestand(naam: str, e: BestandFout) -> str:
    return f"{naam}: -: {Foutcode.BESTAND}: bestand niet te lezen: {e.melding}"


def _regel_fout(naam: str, e: IwmoFout) -> str:
    melding = " ".join(e.melding.split())  # één regel, ook als de parser een melding over regels verdeelt
    return f"{naam}: {e.pad or '/'}: {e.code}: {melding}"


def niet_gecontroleerd_tekst(codes: Sequence[str]) -> str:
    """``TR378 (gemeentecodes van CBS), TR381 (productcodelijst)``."""
    bron = {r.code: r.bron for r in REGELS if r.bron}
    return ", ".join(f"{c} ({BRONNEN.get(bron.get(c, ''), 'bron')})" for c in codes)


def _validate(args: argparse.Namespace) -> int:
    schema_dir = args.schemas or schema_dir_uit_omgeving()
    fout = False
    if schema_dir is None:
        print(f"let op: geen schemamap (--schemas of {OMGEVINGSVARIABELE}); XSD-validatie is overgeslagen", file=sys.stderr)
    for naam in args.bestanden:
        try:
            resultaat = check(_lees_bestand(Path(naam)), schema_dir)
        except BestandFout as e:
            print(_regel_bestand(naam, e))
            fout = True
            continue
        for b in resultaat.bevindingen:
            code = b.retourcode or b.regel
            regel = "" if b.regel == code else f" {b.regel}"
            print(f"{naam}: {b.pad or '/'}: {code}{regel}: {b.melding}")
            fout = True
        if resultaat.niet_gecontroleerd:
            print(f"{naam}: let op: niet gecontroleerd, bron ontbreekt: {niet_gecontroleerd_tekst(resultaat.niet_gecontroleerd)}",
                  file=sys.stderr)
    return 1 if fout else 0


def _show(args: argparse.Namespace) -> int:
    try:
        print(samenvatting(read(_lees_bestand(Path(args.bestand)))), end="")
    except BestandFout as e:
        print(_regel_bestand(args.bestand, e), file=sys.stderr)
        return 1
    except IwmoFout as e:
        print(_regel_fout(args.bestand, e), file=sys.stderr)
        return 1
    return 0


def _roundtrip(args: argparse.Namespace) -> int:
    try:
        _, verschil = roundtrip(_lees_bestand(Path(args.bestand)))
    except BestandFout as e:
        print(_regel_bestand(args.bestand, e), file=sys.stderr)
        return 1
    except IwmoFout as e:
        print(_regel_fout(args.bestand, e), file=sys.stderr)
        return 1
    print("identical" if verschil is None else verschil)
    return 0 if verschil is None else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m iwmo", description="iWmo 3.2-berichten controleren en tonen.")
    sub = parser.add_subparsers(dest="opdracht", required=True)
    p = sub.add_parser("validate", help="controleer berichten (inname, XSD, regels); exit 1 bij fouten")
    p.add_argument("bestanden", nargs="+", metavar="FILE")
    p.add_argument("--schemas", metavar="DIR", help=f"map met de iWmo-XSD's (standaard: ${OMGEVINGSVARIABELE})")
    p.set_defaults(functie=_validate)
    p = sub.add_parser("show", help="leesbare samenvatting van een bericht")
    p.add_argument("bestand", metavar="FILE")
    p.set_defaults(functie=_show)
    p = sub.add_parser("roundtrip", help="lees en schrijf opnieuw; toont 'identical' of het eerste verschil")
    p.add_argument("bestand", metavar="FILE")
    p.set_defaults(functie=_roundtrip)
    args = parser.parse_args(argv)
    return args.functie(args)
