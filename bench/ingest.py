"""Benchmark: N declaration messages (323) of M lines each through the whole inbox, beside the floor.

    .venv/bin/python bench/ingest.py                        # 50 messages of 200 lines
    .venv/bin/python bench/ingest.py --messages 20 --lines 1000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/regie_bench .venv/bin/python bench/ingest.py

The inbox is `regie.exchange.inbox.message_receive`, the function the portal, the API and
`manage.py receive` call: safe intake, schema validation against the official XSD, reading
into the typed models, the standard's rules, the region's cross-message rules, the
declaration checks of billing, storing the message, the declaration and its lines, and
writing and storing the 325 answer — one transaction per message. The floor is what no
inbox can skip: a bare lxml parse of the same bytes and validation against the same
compiled XSD. See bench/README.md.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import os
import sys
import time
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / "var" / "bench" / "ingest.sqlite3"
MATERIAL = Path(os.environ.get("IWMO_MATERIAL_DIR") or REPO.parent / "shared" / "iwmo")
AGB, MUNICIPALITY = "98000001", "0796"
TARIFF_CENTS = 37281
FIRST_MONTH = dt.date(2021, 1, 1)  # CS100: no period before 2021


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", "-n", type=int, default=50, help="number of 323 messages (default 50)")
    parser.add_argument("--lines", "-m", type=int, default=200, help="lines (clients) per message (default 200)")
    parser.add_argument("--xsd", default=os.environ.get("IWMO_SCHEMA_DIR") or str(MATERIAL / "3.2" / "xsd"),
                        help="folder with the official iWmo 3.2 XSD files")
    args = parser.parse_args()
    if args.messages < 1 or args.lines < 1:
        parser.error("--messages and --lines must be at least 1")
    if args.messages > 60:
        parser.error("--messages: at most 60 (one message per month from 2021-01, all in the past)")
    if not (Path(args.xsd) / "wmo323.xsd").is_file():
        parser.error(f"no wmo323.xsd in {args.xsd}; give --xsd or IWMO_MATERIAL_DIR")
    os.environ["IWMO_SCHEMA_DIR"] = str(Path(args.xsd).resolve())
    import common

    print(common.database_ready(DEFAULT_DB))
    began = time.monotonic()
    region, numbers = generate(args.lines)
    files = [declaration(numbers, month=add_months(FIRST_MONTH, k), identification=f"B{k + 1}")
             for k in range(args.messages)]
    prepared = time.monotonic() - began
    size = sum(len(f) for f in files)
    floor = floor_seconds(files, args.xsd)
    seconds = inbox_seconds(files, region, expected=args.messages * args.lines)
    lines = args.messages * args.lines
    print(f"{'messages':>8} {'lines':>7} {'MB':>6} {'inbox s':>8} {'msg/s':>7} {'lines/s':>8} "
          f"{'floor s':>8} {'floor lines/s':>13} {'ratio':>6}  (prepared in)")
    print(f"{args.messages:>8} {lines:>7} {size / 1e6:>6.1f} {seconds:>8.2f} {args.messages / seconds:>7.1f} "
          f"{lines / seconds:>8.0f} {floor:>8.3f} {lines / floor:>13.0f} {seconds / floor:>6.1f}  ({prepared:.0f} s)")
    return 0


def add_months(month: dt.date, count: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def valid_bsns(count: int):
    from regie.core.bsn import bsn_is_valid

    candidate = 100_000_000
    while count:
        if bsn_is_valid(str(candidate)):
            yield str(candidate)
            count -= 1
        candidate += 1


def generate(clients: int):
    """A region with one municipality and one provider, and `clients` started allocations of begeleiding
    categorie 1 (inspanningsgericht, € 372,81 a month) since before the first declared month."""
    from django.db import transaction

    from regie.care.models import Allocation, AllocationStatus, Client, Residence
    from regie.catalogue.services import (
        category_ensure,
        product_ensure,
        support_form_get,
        tariff_add,
    )
    from regie.contracting.services import contract_create
    from regie.regions.models import (
        Municipality,
        Organisation,
        OrganisationKind,
        Region,
    )

    if Region.objects.filter(name="Bench ingest").exists():
        raise SystemExit("region 'Bench ingest' exists already: run the bench on a fresh database")
    start = add_months(FIRST_MONTH, -1)
    with transaction.atomic():
        region = Region.objects.create(name="Bench ingest")
        municipality = Municipality.objects.create(region=region, code=MUNICIPALITY, name="'s-Hertogenbosch",
                                                   population=155113, valid_from=dt.date(2015, 1, 1))
        region.centre_municipality = municipality
        region.save(update_fields=["centre_municipality"])
        product = product_ensure(region=region, code="02A01", support_form=support_form_get(code="02"),
                                 variant="inspanningsgericht")
        category = category_ensure(product=product, number=1)
        tariff_add(actor=None, category=category, amount=Decimal(TARIFF_CENTS) / 100, valid_from=start, valid_to=None)
        provider = Organisation.objects.create(region=region, kind=OrganisationKind.PROVIDER,
                                               name="Bench-aanbieder", agb_code=AGB)
        contract_create(region=region, provider=provider, products=[product], start=start)
        Client.objects.bulk_create(
            Client(region=region, bsn=bsn, family_name=f"Cliënt {i}", initials="X.", birth_date=dt.date(1960, 1, 1),
                   pseudonym=f"i{i:08x}") for i, bsn in enumerate(valid_bsns(clients)))
        rows = list(Client.objects.filter(region=region).order_by("bsn").values_list("pk", "bsn"))
        Residence.objects.bulk_create(Residence(client_id=pk, municipality=municipality, valid_from=dt.date(2000, 1, 1))
                                      for pk, _ in rows)
        Allocation.objects.bulk_create(
            Allocation(region=region, reference=str(100_001 + i), client_id=pk, municipality=municipality,
                       provider=provider, product=product, category=category, start=start,
                       status=AllocationStatus.STARTED, started_on=start)
            for i, (pk, _) in enumerate(rows))
    return region, [(100_001 + i, bsn) for i, (_, bsn) in enumerate(rows)]


def declaration(numbers: list[tuple[int, str]], *, month: dt.date, identification: str) -> bytes:
    """One 323 for `month`: one client with one Prestatie per allocation, as a provider's system writes it."""
    import iwmo
    from iwmo.codelists import DebetCredit, Eenheid, ProductCategorie
    from iwmo.modellen import Wmo323
    from iwmo.modellen.basis import (
        BedragMetDC,
        BerichtIdentificatie,
        GeslotenPeriode,
        Referentie,
        TotaalBedragMetDC,
    )
    from iwmo.modellen.declaratie import Declaratie, DeclaratieClient, Prestatie
    from iwmo.modellen.header import Header

    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    dated = last + dt.timedelta(days=5)
    clienten = [DeclaratieClient(bsn=bsn, prestaties=[Prestatie(
        product_referentie=Referentie(referentienummer=f"{identification}-{number}"), toewijzingnummer=number,
        product_categorie=ProductCategorie("02"), product_code="02A01",
        product_periode=GeslotenPeriode(begindatum=month, einddatum=last), geleverd_volume=1,
        eenheid=Eenheid.STUKS_INSPANNING, product_tarief=TARIFF_CENTS,
        ingediend_bedrag=BedragMetDC(bedrag=TARIFF_CENTS, debet_credit=DebetCredit.DEBET))])
        for number, bsn in numbers]
    total = TARIFF_CENTS * len(numbers)
    return iwmo.write(Wmo323(
        header=Header(afzender=AGB, ontvanger=MUNICIPALITY,
                      berichtidentificatie=BerichtIdentificatie(identificatie=identification, dagtekening=dated)),
        declaratie=Declaratie(declaratienummer=identification,
                              declaratie_periode=GeslotenPeriode(begindatum=month, einddatum=last),
                              declaratie_dagtekening=dated, totaal_ingediend_bedrag=TotaalBedragMetDC.uit_getekend(total),
                              clienten=clienten)))


def floor_seconds(files: list[bytes], xsd: str) -> float:
    """Bare lxml: parse each file (no entities, no network) and validate it against the compiled wmo323.xsd."""
    from lxml import etree

    schema = etree.XMLSchema(etree.parse(str(Path(xsd) / "wmo323.xsd")))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    schema.validate(etree.fromstring(files[0], parser))  # warm-up, as the inbox's schema cache is warm
    began = time.monotonic()
    for data in files:
        if not schema.validate(etree.fromstring(data, parser)):
            raise SystemExit(f"floor: file is not valid: {schema.error_log.last_error}")
    return time.monotonic() - began


def inbox_seconds(files: list[bytes], region, *, expected: int) -> float:
    import iwmo
    from iwmo.schema import validate_schema
    from regie.billing.models import DeclarationLine, LineStatus
    from regie.exchange.inbox import message_receive
    from regie.exchange.models import Direction, Message, MessageStatus

    validate_schema(files[0], os.environ["IWMO_SCHEMA_DIR"])  # compile the schema once, untimed
    began = time.monotonic()
    for k, data in enumerate(files):
        message = message_receive(actor=None, data=data, filename=f"bench-{k + 1}.xml", region=region)
        if message.status != MessageStatus.ACCEPTED:
            raise SystemExit(f"message {k + 1} was {message.status}: {message.problems[:3]}")
    seconds = time.monotonic() - began
    approved = DeclarationLine.objects.filter(region=region, status=LineStatus.APPROVED).count()
    answers = Message.objects.filter(region=region, direction=Direction.OUT, code="325").count()
    if approved != expected or answers != len(files):
        raise SystemExit(f"expected {expected} approved lines and {len(files)} answers, got {approved} and {answers}")
    codes = iwmo.read(bytes(Message.objects.filter(region=region, code="325").first().xml))
    if codes.declaratie_antwoord.retour_codes != ["8001"]:
        raise SystemExit(f"the 325 does not approve the whole declaration: {codes.declaratie_antwoord.retour_codes}")
    return seconds


if __name__ == "__main__":
    sys.exit(main())
