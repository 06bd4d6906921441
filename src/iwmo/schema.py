"""XSD-validatie tegen de officiële iWmo 3.2-schema's (controleniveau 1).

De schema's worden niet met de bibliotheek meegeleverd; de aanroeper geeft de map op
(Django: de instelling ``IWMO_SCHEMA_DIR``; opdrachtregel: ``--schemas`` of de
omgevingsvariabele ``IWMO_SCHEMA_DIR``). Die map bevat ``wmo301.xsd`` … ``wmo325.xsd`` en
``basisschema.xsd``. Gecompileerde schema's worden per map en bericht bewaard.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from iwmo.inname import bepaal_berichttype, parse_veilig

#: Naam van de omgevingsvariabele die de opdrachtregel gebruikt.
OMGEVINGSVARIABELE = "IWMO_SCHEMA_DIR"

_PREFIX = re.compile(r"\b[A-Za-z_][\w.-]*:")


@dataclass(frozen=True, slots=True)
class SchemaFout:
    """Eén XSD-fout: regelnummer in het document, elementpad en de melding van libxml2."""

    regel: int
    pad: str
    melding: str

    def __str__(self) -> str:
        return f"regel {self.regel}: {self.pad}: {self.melding}"


class _Schema:
    def __init__(self, pad: Path) -> None:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        self.schema = etree.XMLSchema(etree.parse(str(pad), parser))
        # Een XMLSchema-object houdt zijn foutenlog bij; niet gelijktijdig gebruiken.
        self.slot = threading.Lock()


@functools.lru_cache(maxsize=64)
def _laad(map_: str, naam: str) -> _Schema:
    pad = Path(map_) / f"{naam}.xsd"
    if not pad.is_file():
        raise FileNotFoundError(f"schema {pad} niet gevonden (verwacht {naam}.xsd en basisschema.xsd in {map_})")
    return _Schema(pad)


def schema_dir_uit_omgeving() -> Path | None:
    """De schemamap uit ``IWMO_SCHEMA_DIR``, of ``None``."""
    waarde = os.environ.get(OMGEVINGSVARIABELE)
    return Path(waarde) if waarde else None


def validate_schema(data: bytes | etree._Element, schema_dir: str | os.PathLike[str]) -> list[SchemaFout]:
    """Valideer een bericht tegen zijn XSD; lege lijst = geldig.

    ``data`` zijn de ruwe bytes (die eerst de veilige inname doorlopen) of een al veilig
    geparst wortelelement. Gooit :class:`~iwmo.fouten.InnameFout` voor onbruikbare invoer
    en ``FileNotFoundError`` als de schemamap niet klopt.
    """
    wortel = data if isinstance(data, etree._Element) else parse_veilig(data)
    cls = bepaal_berichttype(wortel)
    schema = _laad(str(Path(schema_dir).resolve()), cls.NAAM)
    with schema.slot:
        if schema.schema.validate(wortel):
            return []
        return [
            SchemaFout(regel=fout.line, pad=_PREFIX.sub("", fout.path or ""), melding=fout.message)
            for fout in schema.schema.error_log
        ]
