"""De regels uit het regelrapport die binnen één bericht te controleren zijn.

Controleniveau 2 ("bericht inhoud (xslt)", retourcode 0001) en de regels van niveau 4
die alleen de systeemdatum of het bericht zelf nodig hebben (TR135, TR346), plus de
externe-bronregels TR378, TR381 en TR418 als de aanroeper een bron meegeeft (zonder bron staan
ze in ``Controleresultaat.niet_gecontroleerd``).

Per regel: de code en titel uit het regelrapport, de berichten waarvoor hij geldt
(volgens "Regels per bericht(element)") en de klasse waarop hij draait. Een test
vergelijkt codes, retourcodes en berichten met het regelrapport.

Elke regel is een gewone functie met direct daarna ``registreer(functie, code, titel, ...)``; de
volgorde van die aanroepen is de volgorde van :data:`~iwmo.regels.kern.REGELS`. Geen decorator,
omdat mutmut 3 gedecoreerde functies overslaat en de regels dan niet onder mutatietesten vallen.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from iwmo.bedragen import bedrag_klopt
from iwmo.bsn import is_geldig_bsn
from iwmo.codelists import (
    AdresSoort,
    Communicatievorm,
    DatumGebruik,
    DebetCredit,
    Eenheid,
    Frequentie,
    NaamGebruik,
    RedenWijziging,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
)
from iwmo.dates import GRENSDATUM_2020, is_hele_kalendermaand, jaren_terug, zelfde_maand
from iwmo.modellen.basis import (
    Adres,
    BedragMetDC,
    Communicatie,
    Geboortedatum,
    Omvang,
    Product,
    TotaalBedragMetDC,
    Verwijzer,
    VolledigeNaam,
)
from iwmo.modellen.declaratie import Declaratie, DeclaratieAntwoord, DeclaratieClient, Prestatie
from iwmo.modellen.header import Header
from iwmo.modellen.regie import StartClient, StartProduct, StopClient, StopProduct
from iwmo.modellen.toewijzing import Client, Contact, Relatie, ToegewezenProduct
from iwmo.modellen.verzoek import (
    AangevraagdProduct,
    Antwoord,
    NieuwProduct,
    TeWijzigenProduct,
    Verzoek,
    VerzoekToewijzingClient,
    VerzoekWijzigingClient,
)
from iwmo.regels.kern import Afwijking, Context, Niveau, registreer

_ALLE_CLIENTEN = (Client, StartClient, StopClient, VerzoekToewijzingClient, VerzoekWijzigingClient, DeclaratieClient)
_HULPMIDDELEN = {"11", "12", "13", "14"}  # ProductCategorieën waarvoor overlap is toegestaan
_NL_POSTCODE = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")


def _d(d: date | None) -> str:
    return d.strftime("%d-%m-%Y") if d else "leeg"


# --- Header ------------------------------------------------------------------------------


def tr135(h: Header, ctx: Context) -> Iterator[Afwijking]:
    dag = h.berichtidentificatie.dagtekening
    if dag > ctx.vandaag:
        yield Afwijking("BerichtIdentificatie/Dagtekening", f"Dagtekening {_d(dag)} ligt na vandaag ({_d(ctx.vandaag)}).")


registreer(
    tr135,
    "TR135",
    "Vullen met een bestaande datum die niet in de toekomst ligt.",
    berichten="301 305 307 315 317 319 323 325",
    op=Header,
    retourcode="8848",
    niveau=Niveau.EXTERNE_BRON,
)


def tr378(h: Header, ctx: Context) -> Iterator[Afwijking]:
    controle = getattr(ctx.bronnen, "gemeentecode_bestaat", None)
    if controle is None:
        return
    # De gemeente is afzender van 301/319/325 en ontvanger van de berichten van de aanbieder.
    element, code = ("Afzender", h.afzender) if ctx.bericht.NAAM in ("wmo301", "wmo319", "wmo325") else ("Ontvanger", h.ontvanger)
    if controle(code, h.berichtidentificatie.dagtekening) is False:
        yield Afwijking(element, f"Gemeentecode {code} komt niet voor in de lijst van CBS.")


registreer(
    tr378,
    "TR378",
    "Vullen met een bestaande gemeentecode uit het overzicht van CBS.",
    berichten="301 305 307 315 317 319 323 325",
    op=Header,
    retourcode="S300",
    niveau=Niveau.EXTERNE_BRON,
    bron="gemeentecode_bestaat",
)


# --- Client en persoonsgegevens ----------------------------------------------------------


def cs002(c: Client, ctx: Context) -> Iterator[Afwijking]:
    if not is_geldig_bsn(c.bsn):
        yield Afwijking("Bsn", f"Bsn {c.bsn} voldoet niet aan de 11-proef.")


registreer(cs002, "CS002", "De waarde moet voldoen aan de 11-proef.", berichten="301 305 307 315 317 323 325", op=_ALLE_CLIENTEN)


def _onbekend(g: Geboortedatum) -> bool:
    return g.datum_gebruik == DatumGebruik.DATUM_ONBEKEND and g.datum == date(1900, 1, 1)


def tr002(g: Geboortedatum, ctx: Context) -> Iterator[Afwijking]:
    if not _onbekend(g) and g.datum < jaren_terug(ctx.dagtekening, 120):
        yield Afwijking("Datum", f"Geboortedatum {_d(g.datum)} ligt meer dan 120 jaar voor de dagtekening.")


registreer(
    tr002,
    "TR002",
    "Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is.",
    berichten="301 305 307 315",
    op=Geboortedatum,
)


def cs139(g: Geboortedatum, ctx: Context) -> Iterator[Afwijking]:
    d, gebruik = g.datum, g.datum_gebruik
    fout = (
        (gebruik == DatumGebruik.DATUM_ONBEKEND and d != date(1900, 1, 1))
        or (gebruik == DatumGebruik.DAG_EN_MAAND_ONBEKEND and (d.month, d.day) != (1, 1))
        or (gebruik == DatumGebruik.DAG_ONBEKEND and d.day != 1)
    )
    if fout:
        yield Afwijking("DatumGebruik", f"DatumGebruik {gebruik} past niet bij Datum {_d(d)}.")


registreer(
    cs139,
    "CS139",
    "Voor Geboortedatum geldt dat DatumGebruik en Datum met elkaar in overeenstemming moeten zijn.",
    berichten="301 305 307 315",
    op=Geboortedatum,
)


def cs050(n: VolledigeNaam, ctx: Context) -> Iterator[Afwijking]:
    if n.partnernaam is not None:
        if n.naam_gebruik not in ("1", "2", "3", "4"):
            yield Afwijking("NaamGebruik", f"Partnernaam is gevuld, NaamGebruik moet 1-4 zijn (is {n.naam_gebruik}).")
    elif n.naam_gebruik != NaamGebruik.EIGEN_NAAM:
        yield Afwijking("NaamGebruik", f"Geen Partnernaam, dan NaamGebruik 1 (is {n.naam_gebruik}).")


registreer(
    cs050,
    "CS050",
    "Als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4. Anders waarde 1 vullen.",
    berichten="301",
    op=VolledigeNaam,
)


def cd007(c: Communicatie, ctx: Context) -> Iterator[Afwijking]:
    if c.vorm == Communicatievorm.TOLK_TAAL and c.taal is None:
        yield Afwijking("Taal", "Vorm is 1 (tolk taal): Taal is verplicht.")
    elif c.vorm != Communicatievorm.TOLK_TAAL and c.taal is not None:
        yield Afwijking("Taal", f"Vorm is {c.vorm}: Taal moet leeg zijn.")


registreer(
    cd007,
    "CD007",
    "Als Communicatie / Vorm de waarde 1 (tolk taal) heeft, dan verplicht vullen, anders leeglaten.",
    berichten="301",
    op=Communicatie,
)


def tr061(c: Client, ctx: Context) -> Iterator[Afwijking]:
    if not any(k.soort in ("01", "02", "03") for k in c.contactgegevens):
        yield Afwijking("Contactgegevens", "Geen contact met Soort 01 (BRP), 02 (correspondentie) of 03 (verblijf).")


registreer(
    tr061,
    "TR061",
    "Bij een Client moet minimaal één Adres voorkomen waarvan Soort de waarde '01', '02' of '03' heeft.",
    berichten="301",
    op=Client,
)


# --- Contact en adres (301) -------------------------------------------------------------


def tr006(c: Contact, ctx: Context) -> Iterator[Afwijking]:
    heeft_adres = c.adres is not None and c.adres.huis is not None and c.adres.postcode is not None
    if c.telefoon is None and not heeft_adres:
        yield Afwijking("", "Contact bevat geen Telefoon en ook niet de combinatie Huis en Postcode.")


registreer(
    tr006,
    "TR006",
    "De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.",
    berichten="301",
    op=Contact,
)


def cd034(c: Contact, ctx: Context) -> Iterator[Afwijking]:
    if c.soort in (AdresSoort.BRP_ADRES, AdresSoort.VERBLIJFADRES) and (c.adres is None or c.adres.postcode is None):
        yield Afwijking("Adres/Postcode", f"Soort adres is {c.soort}: Postcode is verplicht.")


registreer(
    cd034,
    "CD034",
    "Als Soort adres de waarde 1 (BRP-adres) of 3 (verblijfadres) heeft, dan verplicht vullen.",
    berichten="301",
    op=Contact,
)


def cd009(c: Contact, ctx: Context) -> Iterator[Afwijking]:
    if c.periode is not None and c.soort != AdresSoort.TIJDELIJK_VERBLIJFADRES:
        yield Afwijking("Periode", f"Periode is alleen toegestaan bij Soort 04 (is {c.soort}).")


registreer(cd009, "CD009", "Alleen als Soort adres de waarde 04 (tijdelijk adres) heeft, is vullen toegestaan.", berichten="301", op=Contact)


def cd005(a: Adres, ctx: Context) -> Iterator[Afwijking]:
    if a.postcode is not None and a.land_code is None:
        yield Afwijking("LandCode", "Postcode is gevuld: LandCode is verplicht.")
    elif a.postcode is None and a.land_code is not None:
        yield Afwijking("LandCode", "Postcode is leeg: LandCode moet leeg zijn.")


registreer(cd005, "CD005", "Als Postcode gevuld is, dan verplicht vullen, anders leeg laten.", berichten="301", op=Adres)


def cd025(a: Adres, ctx: Context) -> Iterator[Afwijking]:
    if a.land_code == "NL" and a.huis is None:
        yield Afwijking("Huis", "LandCode is NL: Huis is verplicht.")


registreer(cd025, "CD025", "Als Adres / LandCode de waarde NL (Nederland) heeft, dan verplicht vullen.", berichten="301", op=Adres)


def cs089(a: Adres, ctx: Context) -> Iterator[Afwijking]:
    if a.land_code == "NL" and a.postcode is not None and not _NL_POSTCODE.fullmatch(a.postcode):
        yield Afwijking("Postcode", f"Postcode {a.postcode!r} is geen Nederlandse postcode (1234AB).")


registreer(
    cs089,
    "CS089",
    "Als LandCode de waarde NL heeft, dan moet het formaat overeenkomen met dat van een Nederlandse postcode.",
    berichten="301",
    op=Adres,
)


# --- Datums en perioden -------------------------------------------------------------------


def _na_dagtekening(element: str, d: date | None, ctx: Context) -> Iterator[Afwijking]:
    if d is not None and d > ctx.dagtekening:
        yield Afwijking(element, f"{element.split('/')[-1]} {_d(d)} ligt na de dagtekening {_d(ctx.dagtekening)}.")


def tr134(obj: object, ctx: Context) -> Iterator[Afwijking]:
    if isinstance(obj, Geboortedatum):
        yield from _na_dagtekening("Datum", obj.datum, ctx)
    elif isinstance(obj, ToegewezenProduct):
        yield from _na_dagtekening("Toewijzingsdatum", obj.toewijzingsdatum, ctx)
    elif isinstance(obj, StartProduct):
        yield from _na_dagtekening("Begindatum", obj.begindatum, ctx)
    elif isinstance(obj, StopProduct):
        yield from _na_dagtekening("Einddatum", obj.einddatum, ctx)
    elif isinstance(obj, Declaratie):
        yield from _na_dagtekening("DeclaratiePeriode/Begindatum", obj.declaratie_periode.begindatum, ctx)
    elif isinstance(obj, Prestatie):
        yield from _na_dagtekening("ProductPeriode/Begindatum", obj.product_periode.begindatum, ctx)


registreer(
    tr134,
    "TR134",
    "Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.",
    berichten="301 305 307 315 323 325",
    op=(Geboortedatum, ToegewezenProduct, StartProduct, StopProduct, Declaratie, Prestatie),
)


def tr137(obj: Declaratie | Prestatie, ctx: Context) -> Iterator[Afwijking]:
    element, periode = (
        ("DeclaratiePeriode", obj.declaratie_periode) if isinstance(obj, Declaratie) else ("ProductPeriode", obj.product_periode)
    )
    if periode.einddatum < periode.begindatum:
        yield Afwijking(f"{element}/Einddatum", f"Einddatum {_d(periode.einddatum)} ligt voor Begindatum {_d(periode.begindatum)}.")
    yield from _na_dagtekening(f"{element}/Einddatum", periode.einddatum, ctx)


registreer(
    tr137,
    "TR137",
    "Vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de aangeduide periode én die "
    "niet groter is dan de Dagtekening van het bericht.",
    berichten="323 325",
    op=(Declaratie, Prestatie),
)


def _eind_voor_begin(element: str, begin: date | None, eind: date | None) -> Iterator[Afwijking]:
    if begin is not None and eind is not None and eind < begin:
        yield Afwijking(element, f"{element.split('/')[-1]} {_d(eind)} ligt voor de begindatum {_d(begin)}.")


def cs003(obj: object, ctx: Context) -> Iterator[Afwijking]:
    if isinstance(obj, Contact) and obj.periode is not None:
        yield from _eind_voor_begin("Periode/Einddatum", obj.periode.begindatum, obj.periode.einddatum)
    elif isinstance(obj, ToegewezenProduct):
        yield from _eind_voor_begin("Einddatum", obj.ingangsdatum, obj.einddatum)
    elif isinstance(obj, AangevraagdProduct):
        yield from _eind_voor_begin("ToewijzingEinddatum", obj.toewijzing_ingangsdatum, obj.toewijzing_einddatum)
    elif isinstance(obj, (NieuwProduct, TeWijzigenProduct)):
        yield from _eind_voor_begin("Einddatum", obj.gewenste_ingangsdatum, obj.einddatum)


registreer(
    cs003,
    "CS003",
    "Indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan de Begindatum (of Ingangsdatum) "
    "van de aangeduide periode.",
    berichten="301 315 317",
    op=(Contact, ToegewezenProduct, AangevraagdProduct, NieuwProduct, TeWijzigenProduct),
)


def tr018(s: StopProduct, ctx: Context) -> Iterator[Afwijking]:
    yield from _eind_voor_begin("Einddatum", s.begindatum, s.einddatum)


registreer(tr018, "TR018", "Einddatum moet groter dan of gelijk zijn aan Begindatum.", berichten="307", op=StopProduct)


# --- Toewijzing, aanvraag en wijziging: product, omvang, budget ---------------------------

_PRODUCTEN = (ToegewezenProduct, AangevraagdProduct, NieuwProduct, TeWijzigenProduct)


def _einde(p: object) -> tuple[str, date | None]:
    """Het einddatum-element van een (aangevraagd) product."""
    if isinstance(p, AangevraagdProduct):
        return "ToewijzingEinddatum", p.toewijzing_einddatum
    return "Einddatum", p.einddatum  # type: ignore[attr-defined]


def _code(p: object) -> str | None:
    product: Product | None = p.product  # type: ignore[attr-defined]
    return product.code if product is not None else None


def cd079(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.budget is None and p.product is None:
        yield Afwijking("Product", "Budget is leeg: Product is verplicht.")


registreer(cd079, "CD079", "Indien Budget leeg is, dan verplicht vullen.", berichten="301 315 317", op=(ToegewezenProduct, AangevraagdProduct, NieuwProduct))


def cd075(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    element, einde = _einde(p)
    if p.budget is not None and einde is None:
        yield Afwijking(element, f"Budget is gevuld: {element} is verplicht.")


registreer(cd075, "CD075", "Verplicht vullen indien Budget gevuld is.", berichten="301 315 317", op=_PRODUCTEN)


def cd076(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    element, einde = _einde(p)
    if p.omvang is not None and p.omvang.frequentie == Frequentie.PER_WEEK and einde is None:
        yield Afwijking(element, f"Frequentie is 2 (per week): {element} is verplicht.")


registreer(cd076, "CD076", "Verplicht vullen indien Frequentie waarde 2 (per week).", berichten="301 315 317", op=_PRODUCTEN)


def cd041(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    if _code(p) is not None and p.omvang is None:
        yield Afwijking("Omvang", "Code in Product is gevuld: Omvang is verplicht.")


registreer(cd041, "CD041", "Indien Code in Product gevuld is, verplicht vullen.", berichten="301 315 317", op=(ToegewezenProduct, AangevraagdProduct, NieuwProduct))


def cd077(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.budget is not None and p.omvang is not None:
        yield Afwijking("Omvang", "Budget is gevuld: Omvang moet leeg zijn.")


registreer(cd077, "CD077", "Indien Budget gevuld is, dan leeg laten.", berichten="301 315 317", op=_PRODUCTEN)


def cd078(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.omvang is not None and p.budget is not None:
        yield Afwijking("Budget", "Omvang is gevuld: Budget moet leeg zijn.")


registreer(cd078, "CD078", "Indien Omvang gevuld is, dan leeg laten.", berichten="301 315 317", op=_PRODUCTEN)


def _geen_code_na_2020(p: object) -> bool:
    _, einde = _einde(p)
    return _code(p) is None and (einde is None or einde > GRENSDATUM_2020)


def _omvang_leeg(p: object) -> Iterator[Afwijking]:
    if p.omvang is not None and _geen_code_na_2020(p):  # type: ignore[attr-defined]
        element, _ = _einde(p)
        yield Afwijking("Omvang", f"Code in Product is leeg en {element} na 31-12-2020 of leeg: Omvang moet leeg zijn.")


def cd080(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    yield from _omvang_leeg(p)


registreer(
    cd080,
    "CD080",
    "Indien Code in Product leeg is en Einddatum van het ToegewezenProduct groter dan 31-12-2020 of leeg is, dan leeg laten.",
    berichten="301",
    op=ToegewezenProduct,
)


def cd095(p: AangevraagdProduct, ctx: Context) -> Iterator[Afwijking]:
    yield from _omvang_leeg(p)


registreer(
    cd095,
    "CD095",
    "Indien Code in AangevraagdProduct leeg is en ToewijzingEinddatum van het AangevraagdProduct groter dan "
    "31-12-2020 of leeg is, dan leeg laten.",
    berichten="315",
    op=AangevraagdProduct,
)


def cd096(p: NieuwProduct, ctx: Context) -> Iterator[Afwijking]:
    yield from _omvang_leeg(p)


registreer(
    cd096,
    "CD096",
    "Indien Code in NieuwProduct leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan leeg laten.",
    berichten="317",
    op=NieuwProduct,
)


def _frequentie(p: object) -> Iterator[Afwijking]:
    omvang: Omvang | None = p.omvang  # type: ignore[attr-defined]
    element, einde = _einde(p)
    if (
        omvang is not None
        and omvang.eenheid in ("14", "16", "83", "84")
        and (einde is None or einde > GRENSDATUM_2020)
        and omvang.frequentie not in ("2", "4", "6")
    ):
        yield Afwijking(
            "Omvang/Frequentie",
            f"Eenheid {omvang.eenheid} met {element} na 31-12-2020 of leeg: Frequentie moet 2, 4 of 6 zijn (is {omvang.frequentie}).",
        )


def cs338(p: object, ctx: Context) -> Iterator[Afwijking]:
    yield from _frequentie(p)


registreer(
    cs338,
    "CS338",
    "Indien eenheid de waarde 14, 16, 83 of 84 heeft en Einddatum groter dan 31-12-2020 of leeg is, dan Frequentie "
    "vullen met de waarde 2, 4 of 6.",
    berichten="301 317",
    op=(ToegewezenProduct, NieuwProduct, TeWijzigenProduct),
)


def cs343(p: AangevraagdProduct, ctx: Context) -> Iterator[Afwijking]:
    yield from _frequentie(p)


registreer(
    cs343,
    "CS343",
    "Indien eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum is groter dan 31-12-2020 of leeg, dan "
    "Frequentie vullen met waarde 2, 4 of 6.",
    berichten="315",
    op=AangevraagdProduct,
)


def cs335(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.reden_wijziging == RedenWijziging.VERWIJDERD and p.einddatum != p.ingangsdatum:
        yield Afwijking("RedenWijziging", "RedenWijziging 13 (verwijderd) vereist Einddatum gelijk aan Ingangsdatum.")


registreer(
    cs335,
    "CS335",
    "RedenWijziging 13 (verwijderd) mag alleen gebruikt worden indien de ingangsdatum gelijk is aan de einddatum.",
    berichten="301",
    op=ToegewezenProduct,
)


def cs336(p: ToegewezenProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.reden_wijziging == RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN:
        yield Afwijking("RedenWijziging", "RedenWijziging 01 (administratieve correctie, vervallen) mag niet worden gebruikt.")


registreer(cs336, "CS336", "01 (Administratieve correctie (vervallen)) niet gebruiken.", berichten="301", op=ToegewezenProduct)


def _overlap(items: list, begin_einde, overslaan=lambda p: False) -> Iterator[Afwijking]:
    """Regels TR302/TR386/TR410: hetzelfde product mag niet overlappend voorkomen.

    Sleutel is de productcode, of de categorie als er geen code is; zonder categorie
    mag het product met niets overlappen, behalve met hulpmiddelen: categorieën 11-14
    mogen altijd overlappen.
    """
    kandidaten = [p for p in items if not overslaan(p)]
    for i, a in enumerate(kandidaten):
        for b in kandidaten[:i]:
            pa, pb = a.product, b.product
            ca = pa.categorie if pa else None
            cb = pb.categorie if pb else None
            if ca in _HULPMIDDELEN or cb in _HULPMIDDELEN:
                continue
            if pa is not None and pb is not None:
                if pa.categorie != pb.categorie:
                    continue
                if pa.code is not None and pb.code is not None and pa.code != pb.code:
                    continue
            ba, ea = begin_einde(a)
            bb, eb = begin_einde(b)
            if (ea is None or bb <= ea) and (eb is None or ba <= eb):
                yield Afwijking("", "Product overlapt met een ander product in hetzelfde bericht.", a)


def _verwijderd(p: ToegewezenProduct) -> bool:
    return p.reden_wijziging in ("13", "01") and p.einddatum == p.ingangsdatum


def tr302(c: Client, ctx: Context) -> Iterator[Afwijking]:
    yield from _overlap(c.toegewezen_producten, lambda p: (p.ingangsdatum, p.einddatum), _verwijderd)


registreer(
    tr302,
    "TR302",
    "Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen, "
    "of indien sprake is van hulpmiddelen.",
    berichten="301",
    op=Client,
)


def tr386(c: VerzoekToewijzingClient, ctx: Context) -> Iterator[Afwijking]:
    yield from _overlap(c.aangevraagde_producten, lambda p: (p.toewijzing_ingangsdatum, p.toewijzing_einddatum))


registreer(
    tr386,
    "TR386",
    "Een Product mag alleen vaker in een verzoek om toewijzing voorkomen indien de zorgperiodes elkaar niet overlappen.",
    berichten="315",
    op=VerzoekToewijzingClient,
)


def tr410(v: Verzoek, ctx: Context) -> Iterator[Afwijking]:
    yield from _overlap(v.nieuwe_producten, lambda p: (p.gewenste_ingangsdatum, p.einddatum))


registreer(
    tr410,
    "TR410",
    "Een Product mag alleen vaker in de berichtklassen NieuwProduct voorkomen als de zorgperiodes elkaar niet "
    "overlappen, of indien sprake is van hulpmiddelen.",
    berichten="317",
    op=Verzoek,
)


# --- Dubbele regels (TR101) en unieke referenties ------------------------------------------


def _dubbel(items: list, sleutel, omschrijving: str) -> Iterator[Afwijking]:
    gezien: set = set()
    for item in items:
        k = sleutel(item)
        if k in gezien:
            yield Afwijking("", f"Dubbele {omschrijving} in het bericht: {k}.", item)
        gezien.add(k)


def _product_sleutel(p: Product | None) -> tuple:
    return (p.categorie, p.code) if p is not None else (None, None)


def tr101(obj: object, ctx: Context) -> Iterator[Afwijking]:
    # Logische sleutels volgens "Regels per bericht(element)", kolom Sleutelelement.
    if isinstance(obj, Client):
        yield from _dubbel(obj.contactgegevens, lambda k: k.soort, "Contact (Soort)")
        yield from _dubbel(obj.relaties, lambda r: r.nummer, "Relatie (Nummer)")
        yield from _dubbel(obj.toegewezen_producten, lambda p: p.toewijzingnummer, "ToegewezenProduct (ToewijzingNummer)")
    elif isinstance(obj, StartClient):
        yield from _dubbel(
            obj.start_producten,
            lambda p: (p.toewijzingnummer, _product_sleutel(p.product), p.begindatum),
            "StartProduct (ToewijzingNummer, Product, Begindatum)",
        )
    elif isinstance(obj, StopClient):
        yield from _dubbel(
            obj.stop_producten,
            lambda p: (p.toewijzingnummer, _product_sleutel(p.product), p.begindatum, p.reden_beeindiging, p.einddatum),
            "StopProduct (ToewijzingNummer, Product, Begindatum, RedenBeeindiging, Einddatum)",
        )
    elif isinstance(obj, VerzoekToewijzingClient):
        yield from _dubbel(obj.aangevraagde_producten, lambda p: p.referentie_aanbieder, "AangevraagdProduct (ReferentieAanbieder)")
    elif isinstance(obj, Verzoek):
        yield from _dubbel(obj.ongewijzigde_producten, lambda p: p.toewijzingnummer, "OngewijzigdProduct (ToewijzingNummer)")
        yield from _dubbel(obj.te_wijzigen_producten, lambda p: p.toewijzingnummer, "TeWijzigenProduct (ToewijzingNummer)")
        yield from _dubbel(
            obj.nieuwe_producten,
            lambda p: (_product_sleutel(p.product), p.gewenste_ingangsdatum),
            "NieuwProduct (Product, GewensteIngangsdatum)",
        )
    elif isinstance(obj, (Declaratie, DeclaratieAntwoord)):
        yield from _dubbel(obj.clienten, lambda c: c.bsn, "Client (Bsn)")
    elif isinstance(obj, DeclaratieClient):
        yield from _dubbel(
            obj.prestaties,
            lambda p: (p.product_referentie.referentienummer, p.product_referentie.vorig_referentienummer),
            "Prestatie (ProductReferentie)",
        )


registreer(
    tr101,
    "TR101",
    "Binnen een bericht zijn dubbele regels niet toegestaan.",
    berichten="301 305 307 315 317 323 325",
    op=(Client, Relatie, StartClient, StopClient, VerzoekToewijzingClient, Verzoek, Declaratie, DeclaratieAntwoord, DeclaratieClient),
)


def tr383(c: VerzoekToewijzingClient, ctx: Context) -> Iterator[Afwijking]:
    yield from _dubbel(c.aangevraagde_producten, lambda p: p.referentie_aanbieder, "ReferentieAanbieder")


registreer(tr383, "TR383", "ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.", berichten="315", op=VerzoekToewijzingClient)


# --- Regieberichten (305, 307) ------------------------------------------------------------


def cs058(p: StartProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.status_aanlevering not in (StatusAanlevering.EERSTE_AANLEVERING, StatusAanlevering.VERWIJDEREN_AANLEVERING):
        yield Afwijking("StatusAanlevering", f"StatusAanlevering moet 1 of 3 zijn (is {p.status_aanlevering}).")


registreer(cs058, "CS058", "1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen.", berichten="305 307", op=(StartProduct, StopProduct))


# --- Verzoek om toewijzing (315) ---------------------------------------------------------


def cd043(p: AangevraagdProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.beschikkingnummer is not None and p.beschikking_ingangsdatum is None:
        yield Afwijking("BeschikkingIngangsdatum", "BeschikkingNummer is gevuld: BeschikkingIngangsdatum is verplicht.")
    elif p.beschikkingnummer is None and p.beschikking_ingangsdatum is not None:
        yield Afwijking("BeschikkingIngangsdatum", "BeschikkingNummer is leeg: BeschikkingIngangsdatum moet leeg zijn.")


registreer(cd043, "CD043", "Indien Beschikkingnummer gevuld is, verplicht vullen, anders leeg laten.", berichten="315", op=AangevraagdProduct)


_ARTSEN = (TypeVerwijzer.HUISARTS, TypeVerwijzer.JEUGDARTS, TypeVerwijzer.GECERTIFICEERDE_INSTELLING, TypeVerwijzer.MEDISCH_SPECIALIST)


def cd066(v: Verwijzer, ctx: Context) -> Iterator[Afwijking]:
    if v.type in _ARTSEN and v.zorgverlener_code is not None and v.naam is not None:
        yield Afwijking("Naam", "ZorgverlenerCode is gevuld: Naam verwijzer moet leeg zijn.")


registreer(
    cd066,
    "CD066",
    "Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naamverwijzer leeg.",
    berichten="315",
    op=Verwijzer,
)


def cd067(v: Verwijzer, ctx: Context) -> Iterator[Afwijking]:
    if v.type in _ARTSEN and v.zorgverlener_code is None and v.naam is None:
        yield Afwijking("Naam", "ZorgverlenerCode is leeg: Naam verwijzer is verplicht.")


registreer(
    cd067,
    "CD067",
    "Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is leeg, dan is Naamverwijzer gevuld.",
    berichten="315",
    op=Verwijzer,
)


def cd068(v: Verwijzer, ctx: Context) -> Iterator[Afwijking]:
    if v.type not in _ARTSEN and v.zorgverlener_code is not None:
        yield Afwijking("ZorgverlenerCode", f"Type verwijzer is {v.type}: ZorgverlenerCode moet leeg zijn.")


registreer(cd068, "CD068", "Als type verwijzer ongelijk is aan 02, 03, 04 of 05, dan is ZorgverlenerCode leeg.", berichten="315", op=Verwijzer)


# --- Verzoek om wijziging (317) ----------------------------------------------------------


def tr352(v: Verzoek, ctx: Context) -> Iterator[Afwijking]:
    if not v.ongewijzigde_producten and not v.te_wijzigen_producten:
        yield Afwijking("", "Verzoek bevat geen OngewijzigdProduct en geen TeWijzigenProduct.")


registreer(tr352, "TR352", "Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.", berichten="317", op=Verzoek)


def tr353(v: Verzoek, ctx: Context) -> Iterator[Afwijking]:
    if not v.te_wijzigen_producten and not v.nieuwe_producten:
        yield Afwijking("", "Verzoek bevat geen TeWijzigenProduct en geen NieuwProduct.")


registreer(tr353, "TR353", "Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.", berichten="317", op=Verzoek)


def tr380(p: NieuwProduct, ctx: Context) -> Iterator[Afwijking]:
    if p.gewenste_ingangsdatum <= ctx.dagtekening:
        yield Afwijking(
            "GewensteIngangsdatum",
            f"GewensteIngangsdatum {_d(p.gewenste_ingangsdatum)} moet na de dagtekening {_d(ctx.dagtekening)} liggen.",
        )


registreer(tr380, "TR380", "Vullen met een datum die groter is dan de dagtekening van het bericht.", berichten="317", op=NieuwProduct)


# --- Antwoord (319) ----------------------------------------------------------------------


def cd085(a: Antwoord, ctx: Context) -> Iterator[Afwijking]:
    if a.verzoek_antwoord == VerzoekAntwoord.VERZOEK_AFGEWEZEN and a.reden_afwijzing_verzoek is None:
        yield Afwijking("RedenAfwijzingVerzoek", "Verzoek is afgewezen: RedenAfwijzingVerzoek is verplicht.")


registreer(cd085, "CD085", "Als VerzoekAntwoord de waarde 1 (Verzoek afgewezen) heeft, dan vullen.", berichten="319", op=Antwoord)


def cd086(a: Antwoord, ctx: Context) -> Iterator[Afwijking]:
    if a.verzoek_antwoord == VerzoekAntwoord.AANVRAAG_IN_ONDERZOEK and a.reden_afwijzing_verzoek is not None:
        yield Afwijking("RedenAfwijzingVerzoek", "Aanvraag in onderzoek: RedenAfwijzingVerzoek moet leeg zijn.")


registreer(cd086, "CD086", "Als VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek) heeft, dan leeg laten.", berichten="319", op=Antwoord)


# --- Declaratie (323) en declaratie-antwoord (325) --------------------------------------


def cs100(obj: Declaratie | Prestatie, ctx: Context) -> Iterator[Afwijking]:
    element, periode = (
        ("DeclaratiePeriode", obj.declaratie_periode) if isinstance(obj, Declaratie) else ("ProductPeriode", obj.product_periode)
    )
    if periode.begindatum < date(2021, 1, 1):
        yield Afwijking(f"{element}/Begindatum", f"{element} begint voor 01-01-2021 ({_d(periode.begindatum)}).")


registreer(cs100, "CS100", "Vullen met een datum die groter dan of gelijk is aan 01-01-2021.", berichten="323", op=(Declaratie, Prestatie))


def cs340(d: Declaratie, ctx: Context) -> Iterator[Afwijking]:
    p = d.declaratie_periode
    if not is_hele_kalendermaand(p.begindatum, p.einddatum):
        yield Afwijking("DeclaratiePeriode", f"DeclaratiePeriode {_d(p.begindatum)} t/m {_d(p.einddatum)} is geen hele kalendermaand.")


registreer(cs340, "CS340", "De periode is exact gelijk aan 1 hele kalendermaand.", berichten="323", op=Declaratie)


def cs337(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    pp = p.product_periode
    if not zelfde_maand(pp.begindatum, pp.einddatum):
        yield Afwijking("ProductPeriode/Einddatum", f"ProductPeriode {_d(pp.begindatum)} t/m {_d(pp.einddatum)} loopt over meer dan één kalendermaand.")


registreer(
    cs337,
    "CS337",
    "Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum.",
    berichten="323",
    op=Prestatie,
)


def tr335(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    dagtekening = ctx.bericht.declaratie.declaratie_dagtekening  # type: ignore[attr-defined]
    if p.product_periode.einddatum < jaren_terug(dagtekening, 5):
        yield Afwijking("ProductPeriode/Einddatum", f"Einddatum {_d(p.product_periode.einddatum)} ligt meer dan 5 jaar voor de DeclaratieDagtekening.")


registreer(tr335, "TR335", "Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.", berichten="323", op=Prestatie)


def cs325(b: BedragMetDC | TotaalBedragMetDC, ctx: Context) -> Iterator[Afwijking]:
    waarde = b.bedrag if isinstance(b, BedragMetDC) else b.totaal_bedrag
    if waarde == 0 and b.debet_credit != DebetCredit.DEBET:
        yield Afwijking("DebetCredit", "Bedrag is 0: DebetCredit moet D zijn.")


registreer(
    cs325,
    "CS325",
    "Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).",
    berichten="323 325",
    op=(BedragMetDC, TotaalBedragMetDC),
)


def cd060(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    credit = p.ingediend_bedrag.debet_credit == DebetCredit.CREDIT
    vorig = p.product_referentie.vorig_referentienummer
    if credit and vorig is None:
        yield Afwijking("ProductReferentie/VorigReferentieNummer", "Creditprestatie: VorigReferentieNummer is verplicht.")
    elif not credit and vorig is not None:
        yield Afwijking("ProductReferentie/VorigReferentieNummer", "Debetprestatie: VorigReferentieNummer moet leeg zijn.")


registreer(
    cd060,
    "CD060",
    "Verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.",
    berichten="323 325",
    op=Prestatie,
)


def cd087(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    if p.eenheid != Eenheid.EURO and p.product_tarief is None:
        yield Afwijking("ProductTarief", f"Eenheid is {p.eenheid}: ProductTarief is verplicht.")
    elif p.eenheid == Eenheid.EURO and p.product_tarief is not None:
        yield Afwijking("ProductTarief", "Eenheid is 83 (euro's): ProductTarief moet leeg zijn.")


registreer(
    cd087,
    "CD087",
    "Als eenheid ongelijk is aan 83 (euro's) dan verplicht vullen, anders leeg laten.",
    berichten="323",
    op=Prestatie,
)


def cs339(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    if p.eenheid == Eenheid.EURO and p.ingediend_bedrag.bedrag != p.geleverd_volume:
        yield Afwijking("IngediendBedrag", f"Eenheid is euro's: IngediendBedrag {p.ingediend_bedrag.bedrag} moet gelijk zijn aan GeleverdVolume {p.geleverd_volume}.")


registreer(
    cs339,
    "CS339",
    "Indien Eenheid de waarde 83 (euro's) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.",
    berichten="323",
    op=Prestatie,
)


def tr346(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    if p.eenheid == Eenheid.EURO or p.product_tarief is None:
        return  # CD087 meldt een ontbrekend tarief
    uurtarief = None
    tarief_bron = getattr(ctx.bronnen, "contracttarief", None)
    if tarief_bron is not None and p.eenheid == Eenheid.MINUUT:
        uurtarief = tarief_bron(ctx.bericht.header.afzender, p.product_categorie, p.product_code, Eenheid.UUR,
                                p.product_periode.begindatum, toewijzingnummer=p.toewijzingnummer)
    if not bedrag_klopt(p.geleverd_volume, p.product_tarief, p.ingediend_bedrag.bedrag, p.eenheid, uurtarief):
        yield Afwijking(
            "IngediendBedrag",
            f"IngediendBedrag {p.ingediend_bedrag.bedrag} is niet GeleverdVolume {p.geleverd_volume} × ProductTarief "
            f"{p.product_tarief} = {p.geleverd_volume * p.product_tarief} (eurocent).",
        )


registreer(
    tr346,
    "TR346",
    "Indien Eenheid ongelijk is aan waarde 83 (Euro's), moet IngediendBedrag gelijk zijn aan GeleverdVolume "
    "vermenigvuldigd met ProductTarief.",
    berichten="323",
    op=Prestatie,
    retourcode="9346",
    niveau=Niveau.EXTERNE_BRON,
)


def tr418(p: Prestatie, ctx: Context) -> Iterator[Afwijking]:
    bron = getattr(ctx.bronnen, "contracttarief", None)
    if bron is None or p.product_tarief is None:
        return
    contract = bron(ctx.bericht.header.afzender, p.product_categorie, p.product_code, p.eenheid,
                    p.product_periode.begindatum, toewijzingnummer=p.toewijzingnummer)
    if contract is not None and contract != p.product_tarief:
        yield Afwijking("ProductTarief", f"ProductTarief {p.product_tarief} wijkt af van het contracttarief {contract} (eurocent).")


registreer(
    tr418,
    "TR418",
    "ProductTarief in Prestatie dient overeen te komen met het contractuele tarief van ProductCode.",
    berichten="323",
    op=Prestatie,
    retourcode="0611",
    niveau=Niveau.BERICHTOVERSTIJGEND,
    bron="contracttarief",
)


def tr381(obj: Product | Prestatie, ctx: Context) -> Iterator[Afwijking]:
    bron = getattr(ctx.bronnen, "productcode_bestaat", None)
    if bron is None:
        return
    categorie, code, element = (
        (obj.product_categorie, obj.product_code, "ProductCode") if isinstance(obj, Prestatie) else (obj.categorie, obj.code, "Code")
    )
    if code is not None and bron(categorie, code, ctx.dagtekening) is False:
        yield Afwijking(element, f"ProductCode {code} hoort niet bij ProductCategorie {categorie}.")


registreer(
    tr381,
    "TR381",
    "ProductCode vullen met een code die, volgens de gehanteerde productcodelijst, past bij de ProductCategorie.",
    berichten="301 305 307 315 317 323",
    op=(Product, Prestatie),
    retourcode="S329",
    niveau=Niveau.EXTERNE_BRON,
    bron="productcode_bestaat",
)


def _prestaties(clienten: list[DeclaratieClient]) -> Iterator[Prestatie]:
    for c in clienten:
        yield from c.prestaties


def tr358(d: Declaratie, ctx: Context) -> Iterator[Afwijking]:
    som = sum(p.ingediend_bedrag.getekend for p in _prestaties(d.clienten))
    if som != d.totaal_ingediend_bedrag.getekend:
        yield Afwijking(
            "TotaalIngediendBedrag",
            f"TotaalIngediendBedrag {d.totaal_ingediend_bedrag.getekend} is niet de som van de prestaties ({som}) in eurocent.",
        )


registreer(
    tr358,
    "TR358",
    "De waarde van TotaalBedrag in TotaalIngediendBedrag moet gelijk zijn aan de SOM van de waarden van Bedrag in "
    "Ingediendbedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.",
    berichten="323",
    op=Declaratie,
)


def tr315(d: Declaratie, ctx: Context) -> Iterator[Afwijking]:
    met_vorig = [p for p in _prestaties(d.clienten) if p.product_referentie.vorig_referentienummer is not None]
    for afw in _dubbel(met_vorig, lambda p: p.product_referentie.vorig_referentienummer, "VorigReferentieNummer"):
        yield Afwijking("ProductReferentie/VorigReferentieNummer", afw.melding, afw.object)


registreer(tr315, "TR315", "VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.", berichten="323", op=Declaratie)


def tr316(d: Declaratie, ctx: Context) -> Iterator[Afwijking]:
    nummers = {p.product_referentie.referentienummer for p in _prestaties(d.clienten)}
    for p in _prestaties(d.clienten):
        vorig = p.product_referentie.vorig_referentienummer
        if vorig is not None and vorig in nummers:
            yield Afwijking("ProductReferentie/VorigReferentieNummer", f"Prestatie {vorig} wordt in hetzelfde bericht gecrediteerd.", p)


registreer(tr316, "TR316", "Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.", berichten="323", op=Declaratie)


def tr416(d: Declaratie, ctx: Context) -> Iterator[Afwijking]:
    debet = [p for p in _prestaties(d.clienten) if p.ingediend_bedrag.debet_credit == DebetCredit.DEBET]
    yield from _dubbel(
        debet,
        lambda p: (p.toewijzingnummer, p.product_categorie.value, p.product_code, p.product_periode.begindatum, p.product_periode.einddatum),
        "debetprestatie (ToewijzingNummer, ProductCategorie, ProductCode, ProductPeriode)",
    )


registreer(
    tr416,
    "TR416",
    "Prestatie met DebetCredit waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, "
    "ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al een Prestatie met waarde Debet is.",
    berichten="323",
    op=Declaratie,
)


def tr342(a: DeclaratieAntwoord, ctx: Context) -> Iterator[Afwijking]:
    # SOM(Prestatie.IngediendBedrag) = TotaalIngediendBedrag - TotaalToegekendBedrag; bij afkeur van
    # de hele declaratie (geen prestaties) is TotaalToegekendBedrag 0.
    som = sum(p.ingediend_bedrag.getekend for p in _prestaties(a.clienten))
    verschil = a.totaal_ingediend_bedrag.getekend - a.totaal_toegekend_bedrag.getekend
    if a.clienten and som != verschil:
        yield Afwijking(
            "TotaalToegekendBedrag",
            f"Som afgewezen prestaties ({som}) is niet TotaalIngediendBedrag - TotaalToegekendBedrag ({verschil}) in eurocent.",
        )
    # Zonder prestaties is de declaratie óf volledig toegekend, óf in zijn geheel afgekeurd (toegekend 0).
    if not a.clienten and a.totaal_toegekend_bedrag.getekend not in (0, a.totaal_ingediend_bedrag.getekend):
        yield Afwijking("TotaalToegekendBedrag", "Zonder afgewezen prestaties moet TotaalToegekendBedrag 0 of het ingediende totaal zijn.")


registreer(
    tr342,
    "TR342",
    "Alleen afgewezen Prestaties dienen meegestuurd te worden in het declaratie-antwoordbericht op een declaratie.",
    berichten="325",
    op=DeclaratieAntwoord,
)
