"""Data made by the other paths into the demo region: the importers (files and commands) and the inbox
(provider messages received through `message_receive`, as the portal, the API and `receive` do)."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from django.core.management import call_command

import iwmo
from iwmo.codelists import Eenheid, Frequentie, Geslacht, ProductCategorie, RedenVerzoek, TypeVerwijzer
from iwmo.modellen import Wmo315, Wmo317
from iwmo.modellen.basis import (
    Achternaam, BerichtIdentificatie, Geboortedatum, Omvang, Product, VerkorteNaam, Verwijzer,
)
from iwmo.modellen.header import Header
from iwmo.modellen.verzoek import (
    AangevraagdProduct, TeWijzigenProduct, Verzoek, VerzoekToewijzingClient,
    VerzoekWijzigingClient,
)
from regie.care.models import Allocation, Client
from regie.catalogue.selectors import tariff_on
from regie.core.bsn import bsn_is_valid
from regie.exchange.inbox import message_receive
from regie.exchange.models import Direction, Message
from regie.regions.models import Organisation, OrganisationKind
from tests.exchange.provider import declaration_323, read_301, start_305, stop_307

PROVIDER = "Stichting Dommelborg Begeleiding"  # the demo account `aanbieder`
NEW_PROVIDER = ("98760001", "Zorgboerderij De Kempen", "87654321")


def _bsns(count: int) -> list[str]:
    taken = set(Client.objects.values_list("bsn", flat=True))
    found, n = [], 900000000
    while len(found) < count:
        n += 1
        if bsn_is_valid(str(n)) and str(n) not in taken:
            found.append(str(n))
    return found


def _run(command: str, *args) -> str:
    out = io.StringIO()
    call_command(command, *[str(a) for a in args], stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _write(folder: Path, name: str, *lines: str) -> Path:
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def import_files(folder: Path) -> dict:
    """A new provider (a member of the demo's cooperative) with a contract, three clients of
    's-Hertogenbosch, their allocations (allocated, started, stopped) and a declaration file with a
    line that is rejected, and the tariffs of 2027 — each through its command, as docs/commands.md describes."""
    provider = Organisation.objects.get(kind=OrganisationKind.PROVIDER, name=PROVIDER)
    cooperative = Organisation.objects.get(kind=OrganisationKind.PROVIDER, cooperative=None,
                                           name__startswith="Coöperatie")
    contract = provider.contracts.order_by("start").first()
    product = contract.products.order_by("code").first()
    category = product.categories.order_by("number").first()
    agb, name, kvk = NEW_PROVIDER
    _run("import-providers", _write(folder, "providers.csv", "agb,name,kvk,cooperative_agb",
                                    f"{agb},{name},{kvk},{cooperative.agb_code}"))
    _run("import-contracts", _write(folder, "contracts.csv", "agb,product_code,start,end",
                                    f"{agb},{product.code},2025-01-01,"))
    bsns = _bsns(3)
    _run("import-clients", _write(
        folder, "clients.csv",
        "bsn,birth_date,family_name,initials,municipality_code,resident_from,resident_to,gender,street,"
        "house_number,house_number_addition,postcode,town",
        f"{bsns[0]},1951-03-04,Importeerman,K.,0796,2001-01-01,,1,Hinthamerstraat,7,,5211MG,'s-Hertogenbosch",
        f"{bsns[1]},1962-07-08,Bestandsma,L.M.,0796,2002-02-02,,2,Orthenseweg,21,B,5212XA,'s-Hertogenbosch",
        f"{bsns[2]},1973-11-12,Van Regelen,P.,0796,2003-03-03,,0,Graafseweg,88,,5213AB,'s-Hertogenbosch",
    ))
    c = f"{product.code},{category.number}"
    _run("import-allocations", _write(
        folder, "allocations.csv",
        "reference,bsn,product_code,category,provider_agb,start,end,started_on,stopped_on",
        f"90000001,{bsns[0]},{c},{provider.agb_code},2026-11-01,2027-10-31,,",
        f"90000002,{bsns[1]},{c},{provider.agb_code},2026-06-01,,2026-06-03,",
        f"90000003,{bsns[2]},{c},{provider.agb_code},2026-09-01,,2026-09-02,",
        f"90000004,{bsns[0]},{c},{agb},2025-03-01,2025-12-31,2025-03-05,2025-12-31",
    ))
    _run("declare", _write(folder, "declarations.csv", "provider_agb,reference,month,debit_credit",
                           f"{provider.agb_code},90000002,2026-09,D", f"{provider.agb_code},90000003,2026-09,D",
                           f"{provider.agb_code},90000003,2026-08,D"))  # before its start: rejected
    _run("index-tariffs", "--year", 2027, "--percentage", "2.5")
    return {"provider": provider, "new_provider": Organisation.objects.get(agb_code=agb), "product": product,
            "category": category, "bsns": bsns}


def _301(allocation: Allocation):
    return read_301(Message.objects.filter(direction=Direction.OUT, code="301", allocations=allocation)
                    .order_by("-pk").first())


def _receive(data: bytes, name: str) -> Message:
    return message_receive(actor=None, data=data, filename=name)


def provider_traffic(today: dt.date) -> list[Message]:
    """What the `aanbieder`'s system sends on the imported allocations: a 305 start, a 307 stop, a 323
    declaration for October, a 302 retour on a 301, a 315 request and a 317 change request."""
    allocated, started, declared = (Allocation.objects.get(reference=r) for r in ("90000001", "90000002", "90000003"))
    received = [
        _receive(start_305(_301(allocated), identification="CRAWL305", dated=today,
                           begindatum=dt.date(2026, 11, 10)), "start.xml"),
        _receive(stop_307(_301(started), identification="CRAWL307", dated=today, begindatum=started.started_on,
                          einddatum=dt.date(2026, 11, 13)), "stop.xml"),
    ]
    october = dt.date(2026, 10, 1)
    tariff = tariff_on(category=declared.category, day=october)
    received.append(_receive(declaration_323(_301(declared), identification="CRAWL323", dated=today, month=october,
                                             tariff_cents=int(tariff.amount * 100), number="CRAWL1",
                                             reference="CRAWLP"), "declaratie.xml"))
    heen = _301(declared)
    received.append(_receive(iwmo.write(iwmo.maak_retourbericht(heen, [], identificatie_retour="CRAWL302",
                                                                dagtekening_retour=today)), "retour.xml"))
    provider, municipality = heen.header.ontvanger, heen.header.afzender
    header = Header(afzender=provider, ontvanger=municipality,
                    berichtidentificatie=BerichtIdentificatie(identificatie="CRAWL315", dagtekening=today))
    client = Client.objects.get(family_name="Importeerman")
    code = declared.product.code
    omvang = Omvang(volume=1, eenheid=Eenheid.STUKS_INSPANNING, frequentie=Frequentie.PER_MAAND)
    received.append(_receive(iwmo.write(Wmo315(header=header, client=VerzoekToewijzingClient(
        bsn=client.bsn, geboortedatum=Geboortedatum(datum=client.birth_date), geslacht=Geslacht.ONBEKEND,
        naam=VerkorteNaam(geslachtsnaam=Achternaam(achternaam=client.family_name)),
        aangevraagde_producten=[AangevraagdProduct(
            referentie_aanbieder="CRAWLR1", product=Product(categorie=ProductCategorie(code[:2]), code=code),
            toewijzing_ingangsdatum=dt.date(2026, 12, 1), toewijzing_einddatum=dt.date(2027, 11, 30), omvang=omvang,
            verwijzer=Verwijzer(type=TypeVerwijzer.ZELFVERWIJZER), commentaar="Meer begeleiding nodig")]))),
        "verzoek315.xml"))
    header = Header(afzender=provider, ontvanger=municipality,
                    berichtidentificatie=BerichtIdentificatie(identificatie="CRAWL317", dagtekening=today))
    number = int(declared.reference)
    received.append(_receive(iwmo.write(Wmo317(header=header, client=VerzoekWijzigingClient(
        bsn=declared.client.bsn, verzoek=Verzoek(
            referentie_aanbieder="CRAWLW1", reden_verzoek=RedenVerzoek.VERANDERING_CLIENTSITUATIE,
            te_wijzigen_producten=[TeWijzigenProduct(toewijzingnummer=number,
                                                     gewenste_ingangsdatum=dt.date(2026, 12, 1),
                                                     einddatum=None, omvang=omvang)])))), "verzoek317.xml"))
    return received
