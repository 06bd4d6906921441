"""Veilige inname van een bericht: de eerste poort voor onvertrouwde bytes.

Elke overtreding weigert het hele bericht met een :class:`InnameFout` (stabiele code,
Nederlandse melding). De controles zijn goedkoop en lopen vóór het parsen, zodat
vijandige invoer snel en met begrensd geheugen wordt afgewezen:

* grootte maximaal 25 MB (vóór alles, op de ruwe bytes);
* UTF-8 zonder byte-order mark; een andere ``encoding`` in de XML-declaratie wordt geweigerd;
* geen DOCTYPE (dus geen DTD, geen entiteiten, geen 'billion laughs', geen XXE);
* parser zonder netwerk, zonder DTD-laden, zonder entiteit-expansie en zonder 'huge tree'
  (libxml2 begrenst dan ook nestingdiepte en tekstgrootte);
* het wortelelement moet een iWmo 3.2-bericht zijn.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree

from iwmo.fouten import Foutcode, InnameFout
from iwmo.modellen.berichten import Bericht, berichttype

#: Maximale berichtgrootte in bytes (25 MB).
MAX_GROOTTE = 25 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "UTF-8"),
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_DECLARATIE = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_BLOK = 1 << 20


def _parser() -> etree.XMLParser:
    # Per aanroep een nieuwe parser: lxml-parsers zijn niet veilig te delen tussen threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        collect_ids=False,
    )


def controleer_bytes(data: bytes, max_grootte: int = MAX_GROOTTE) -> None:
    """De controles vóór het parsen. Gooit :class:`InnameFout`."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("een bericht is bytes, geen tekst: lees het bestand binair")
    data = bytes(data)
    n = len(data)
    if n > max_grootte:
        raise InnameFout(
            Foutcode.TE_GROOT,
            f"Bericht is te groot: {n} bytes, maximaal {max_grootte} bytes toegestaan.",
        )
    if n == 0 or not data[:4096].strip():
        raise InnameFout(Foutcode.LEEG, "Bericht is leeg.")
    kop = data[:4]
    for bom, naam in _BOMS:
        if kop.startswith(bom):
            if naam == "UTF-8":
                raise InnameFout(Foutcode.BOM, "Bericht begint met een byte-order mark (BOM); UTF-8 zonder BOM vereist.")
            raise InnameFout(Foutcode.GEEN_UTF8, f"Bericht is gecodeerd als {naam}; UTF-8 zonder BOM vereist.")
    m = _DECLARATIE.match(data[:256].lstrip())
    if m and m[1].decode("ascii").lower() not in ("utf-8", "utf8"):
        raise InnameFout(
            Foutcode.ENCODING,
            f"XML-declaratie noemt encoding '{m[1].decode('ascii')}'; alleen UTF-8 is toegestaan.",
        )
    mv = memoryview(data)
    if b"\x00" in data:
        raise InnameFout(Foutcode.GEEN_UTF8, "Bericht bevat NUL-bytes; geen geldige UTF-8-tekst (UTF-16?).")
    # In blokken decoderen houdt het geheugengebruik laag, ook bij 25 MB.
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for start in range(0, n, _BLOK):
            decoder.decode(mv[start : start + _BLOK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as e:
        raise InnameFout(
            Foutcode.GEEN_UTF8, f"Bericht is geen geldige UTF-8 (ongeldige byte rond positie {start + e.start})."
        ) from None
    # Een DOCTYPE hoort nergens in een iWmo-bericht; weigeren vóór het parsen sluit DTD-,
    # entiteit- en XXE-aanvallen uit, hoe de parser er ook mee om zou gaan.
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise InnameFout(Foutcode.DOCTYPE, "Bericht bevat een DOCTYPE- of ENTITY-declaratie; dat is niet toegestaan.")


def parse_veilig(data: bytes, max_grootte: int = MAX_GROOTTE) -> etree._Element:
    """Controleer en parse ``data``; geeft het wortelelement terug."""
    controleer_bytes(data, max_grootte)
    try:
        wortel = etree.fromstring(bytes(data), _parser())
    except etree.XMLSyntaxError as e:
        tekst = str(e)
        code = Foutcode.ENTITEIT if "ntity" in tekst else Foutcode.NIET_WELGEVORMD
        soort = "onbekende entiteit" if code is Foutcode.ENTITEIT else "geen welgevormde XML"
        raise InnameFout(code, f"Bericht is {soort}: {tekst}", regel=e.lineno) from None
    return wortel


def bepaal_berichttype(wortel: etree._Element) -> type[Bericht]:
    """Het iWmo-berichttype bij het wortelelement, of :class:`InnameFout`."""
    qn = etree.QName(wortel)
    cls = berichttype(qn.namespace or "")
    if cls is None or qn.localname != "Bericht":
        raise InnameFout(
            Foutcode.ONBEKEND_BERICHT,
            f"Geen iWmo 3.2-bericht: wortelelement {{{qn.namespace}}}{qn.localname}.",
        )
    return cls
