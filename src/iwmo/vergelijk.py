"""Documenten vergelijken als canonieke XML, en de 'roundtrip' lezen -> schrijven.

Twee documenten zijn gelijk als hun exclusieve C14N gelijk is nadat witruimte tussen
elementen (inspringing) is verwijderd. Witruimte ín een tekstwaarde telt wél mee: in
een ``xs:string`` is die betekenisvol.
"""

from __future__ import annotations

from lxml import etree

from iwmo.inname import parse_veilig


def _zonder_opmaak(wortel: etree._Element) -> etree._Element:
    wortel = etree.fromstring(etree.tostring(wortel))  # kopie; invoer blijft ongemoeid
    for el in wortel.iter():
        if len(el):
            if el.text is not None and not el.text.strip():
                el.text = None
            for kind in el:
                if kind.tail is not None and not kind.tail.strip():
                    kind.tail = None
    return wortel


def canoniek(data: bytes | etree._Element) -> bytes:
    """Exclusieve C14N zonder opmaak-witruimte en zonder commentaar."""
    wortel = data if isinstance(data, etree._Element) else parse_veilig(data)
    return etree.tostring(_zonder_opmaak(wortel), method="c14n", exclusive=True, with_comments=False)


def _eerste_verschil(a: etree._Element, b: etree._Element, pad: str) -> str | None:
    if a.tag != b.tag:
        return f"{pad}: element {a.tag} tegenover {b.tag}"
    if dict(a.attrib) != dict(b.attrib):
        return f"{pad}: attributen {dict(a.attrib)} tegenover {dict(b.attrib)}"
    ka = [k for k in a if isinstance(k.tag, str)]
    kb = [k for k in b if isinstance(k.tag, str)]
    if not ka and not kb and (a.text or "") != (b.text or ""):
        return f"{pad}: tekst {a.text!r} tegenover {b.text!r}"
    for i in range(min(len(ka), len(kb))):
        sub = f"{pad}/{etree.QName(ka[i]).localname}"
        verschil = _eerste_verschil(ka[i], kb[i], sub)
        if verschil:
            return verschil
    if len(ka) != len(kb):
        extra = ka[len(kb)] if len(ka) > len(kb) else kb[len(ka)]
        kant = "alleen in het origineel" if len(ka) > len(kb) else "alleen in het resultaat"
        return f"{pad}/{etree.QName(extra).localname}: {kant}"
    return None


def vergelijk(a: bytes | etree._Element, b: bytes | etree._Element) -> str | None:
    """``None`` als beide documenten canoniek gelijk zijn, anders het eerste verschil."""
    ea = a if isinstance(a, etree._Element) else parse_veilig(a)
    eb = b if isinstance(b, etree._Element) else parse_veilig(b)
    if canoniek(ea) == canoniek(eb):
        return None
    verschil = _eerste_verschil(_zonder_opmaak(ea), _zonder_opmaak(eb), "/" + etree.QName(ea).localname)
    return verschil or "namespace-prefixen of -declaraties verschillen"


def roundtrip(data: bytes) -> tuple[bytes, str | None]:
    """Lees ``data``, schrijf het opnieuw; geeft (nieuwe bytes, eerste verschil of ``None``)."""
    from iwmo.lezen import lees_element
    from iwmo.schrijven import write

    wortel = parse_veilig(data)
    opnieuw = write(lees_element(wortel))
    return opnieuw, vergelijk(wortel, opnieuw)
