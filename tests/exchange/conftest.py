"""Fixtures for the inbox and outbox: the `world` region with municipal and provider actors, and the
official iWmo 3.2 schemas from ../shared/iwmo (or IWMO_MATERIAL_DIR), like tests/iwmo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


MATERIAL = Path(os.environ.get("IWMO_MATERIAL_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "iwmo")
XSD_DIR = MATERIAL / "3.2" / "xsd"


@pytest.fixture
def xsd_dir() -> Path:
    if not (XSD_DIR / "basisschema.xsd").is_file():  # pragma: no cover
        pytest.fail(f"iWmo-schema's niet gevonden in {XSD_DIR}; zet IWMO_MATERIAL_DIR")
    return XSD_DIR


@pytest.fixture
def schemas(settings, xsd_dir):
    """The inbox validates against the official schemas."""
    settings.IWMO_SCHEMA_DIR = str(xsd_dir)
    return xsd_dir


