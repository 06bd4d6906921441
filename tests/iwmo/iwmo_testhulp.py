"""Hulp voor de iwmo-tests: waar het materiaal staat. (Eigen naam, om botsingen met andere test-hulpmodules te vermijden.)"""

from __future__ import annotations

import os
from pathlib import Path

MATERIAAL = Path(os.environ.get("IWMO_MATERIAL_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "iwmo")
XSD_DIR = MATERIAAL / "3.2" / "xsd"
VOORBEELDEN = MATERIAAL / "3.2" / "examples"
REGELS_CSV = MATERIAAL / "3.2" / "rules" / "regels.csv"
REGELS_PER_BERICHT_CSV = MATERIAAL / "3.2" / "rules" / "regels_per_bericht.csv"
VOORBEELD_NAMEN = sorted(p.name for p in VOORBEELDEN.glob("*.xml"))


def voorbeeld(naam: str) -> bytes:
    return (VOORBEELDEN / naam).read_bytes()
