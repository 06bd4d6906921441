"""Opdrachtregel: ``python -m iwmo validate|show|roundtrip``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from iwmo.controle import check
from iwmo.fouten import Foutcode, IwmoFout
from iwmo.inname import MAX_GROOTTE
from iwmo.lezen import read
from iwmo.schema import OMGEVINGSVARIABELE, schema_dir_uit_omgeving
from iwmo.tonen import samenvatting
from iwmo.vergelijk import roundtrip


def _lees_bestand(pad: Path) -> bytes:
    # Nooit meer dan de limiet + 1 byte inlezen: een reusachtig bestand kost zo geen geheugen.
    with pad.open("rb") as f:
        return f.read(MAX_GROOTTE + 1)


def _validate(args: argparse.Namespace) -> int:
    schema_dir = args.schemas or schema_dir_uit_omgeving()
    fout = False
    if schema_dir is None:
        print(f"let op: geen schemamap (--schemas of {OMGEVINGSVARIABELE}); XSD-validatie is overgeslagen", file=sys.stderr)
    for naam in args.bestanden:
        try:
            resultaat = check(_lees_bestand(Path(naam)), schema_dir)
        except OSError as e:
            print(f"{naam}: -: {Foutcode.LEEG}: bestand niet te lezen: {e.strerror}")
            fout = True
            continue
        for b in resultaat.bevindingen:
            code = b.retourcode or b.regel
            regel = "" if b.regel == code else f" {b.regel}"
            print(f"{naam}: {b.pad or '/'}: {code}{regel}: {b.melding}")
            fout = True
    return 1 if fout else 0


def _show(args: argparse.Namespace) -> int:
    try:
        print(samenvatting(read(_lees_bestand(Path(args.bestand)))), end="")
    except IwmoFout as e:
        print(f"{args.bestand}: {e.pad or '/'}: {e.code}: {e.melding}")
        return 1
    return 0


def _roundtrip(args: argparse.Namespace) -> int:
    try:
        _, verschil = roundtrip(_lees_bestand(Path(args.bestand)))
    except IwmoFout as e:
        print(f"{args.bestand}: {e.pad or '/'}: {e.code}: {e.melding}")
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
