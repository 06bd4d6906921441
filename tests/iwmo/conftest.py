"""Fixtures voor de iwmo-tests. Geen Django nodig (draai met ``-p no:django``).

Het bronmateriaal (XSD's, voorbeelden, regelrapport) staat buiten de repository in
``../shared/iwmo`` (ten opzichte van de repository-wortel), of waar ``IWMO_MATERIAL_DIR``
naar wijst.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from iwmo_testhulp import MATERIAAL, XSD_DIR

if not (XSD_DIR / "basisschema.xsd").is_file():  # pragma: no cover
    pytest.exit(f"iWmo-materiaal niet gevonden in {MATERIAAL}; zet IWMO_MATERIAL_DIR", returncode=4)


@pytest.fixture(scope="session")
def xsd_dir() -> Path:
    return XSD_DIR
