"""iwmo – lezen, schrijven en controleren van iWmo 3.2-berichten.

Publieke API::

    from iwmo import read, write, validate_schema, check, roundtrip

    bericht = read(data)                       # bytes -> Wmo301 … Wmo325 (veilige inname)
    data = write(bericht)                      # model -> bytes (UTF-8, zonder BOM)
    fouten = validate_schema(data, schema_dir) # [] = geldig volgens het officiële XSD
    resultaat = check(data, schema_dir)        # inname + XSD + regels -> Controleresultaat
    retour = resultaat.retourbericht(identificatie_retour="…")

Zie ``docs/iwmo.md`` voor de regels die wel en niet zijn geïmplementeerd.
"""

from iwmo.controle import Controleresultaat, check
from iwmo.fouten import Foutcode, InnameFout, IwmoFout, LeesFout
from iwmo.inname import MAX_GROOTTE
from iwmo.lezen import read
from iwmo.modellen import BERICHTEN, RETOUR_VAN, Bericht, berichttype
from iwmo.regels import Bevinding, Niveau
from iwmo.retour import maak_declaratie_antwoord, maak_retourbericht
from iwmo.schema import SchemaFout, validate_schema
from iwmo.schrijven import write
from iwmo.vergelijk import canoniek, roundtrip, vergelijk

__all__ = [
    "BERICHTEN",
    "MAX_GROOTTE",
    "RETOUR_VAN",
    "Bericht",
    "Bevinding",
    "Controleresultaat",
    "Foutcode",
    "InnameFout",
    "IwmoFout",
    "LeesFout",
    "Niveau",
    "SchemaFout",
    "berichttype",
    "canoniek",
    "check",
    "maak_declaratie_antwoord",
    "maak_retourbericht",
    "read",
    "roundtrip",
    "validate_schema",
    "vergelijk",
    "write",
]
