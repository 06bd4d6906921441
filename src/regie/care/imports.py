"""Reading clients (with their residence periods) and allocations from CSV files.

An import is the system acting (`actor=None`): the region's rules apply, role checks do not.
Each client and allocation gets its own audit record from the services, and the file as a
whole one more (action `import`), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from django.utils.translation import gettext as _

from regie.audit.models import Action
from regie.audit.services import audit_record
from regie.catalogue.selectors import category_of, product_by_code
from regie.core.errors import DomainError
from regie.core.imports import Row, at, check_unique, read_csv
from regie.exchange.decisions import allocation_create
from regie.regions.selectors import municipality_by_code, provider_by_agb

from .selectors import clients_by_bsn

from .reasons import END_REASONS
from .services import ResidencePeriod, allocation_start, allocation_stop, client_create

CLIENT_COLUMNS = ("bsn", "birth_date", "family_name", "initials", "municipality_code", "resident_from", "resident_to")
# Gender (iWmo COD046) and the current address: optional columns, and on the lines of one client they may
# be left empty where another line fills them.
CLIENT_OPTIONAL = ("gender", "street", "house_number", "house_number_addition", "postcode", "town")
ALLOCATION_COLUMNS = ("reference", "bsn", "product_code", "category", "provider_agb", "start", "end", "started_on",
                      "stopped_on")
# duplicate_reason: filled, it confirms an allocation that duplicates an active one (allocation_duplicate).
ALLOCATION_OPTIONAL = ("end_reason", "duplicate_reason")
DEFAULT_STOP_REASON = "19"  # levering volgens plan beëindigd
# The services name the provider `provider`; the allocations file calls the column `provider_agb`.
ALLOCATION_FIELDS = {"provider": "provider_agb", "agb": "provider_agb", "confirm_duplicate": "duplicate_reason"}


@dataclass
class ClientsImport:
    rows: int
    clients: int


@transaction.atomic
def clients_import(*, region, path: str | Path) -> ClientsImport:
    """One line per residence period; the lines of one BSN make one client, whose birth date
    and name must be the same on each of them."""
    rows = read_csv(path, columns=CLIENT_COLUMNS, optional=CLIENT_OPTIONAL)
    check_unique(rows, lambda row: (row.bsn(), row.date("resident_from")), name="resident_from")
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.bsn(), []).append(row)
    for bsn, lines in groups.items():
        first = lines[0]
        person = _person(first)
        for row in lines[1:]:
            for name, value in _person(row).items():
                if value != person[name]:
                    raise row.error(name, "client-rows-disagree", _("For BSN %(bsn)s line %(line)s has another value (%(value)s); the lines of one client "
                                      "must agree.") % {"bsn": bsn, "line": first.line, "value": person[name]})
        contact = _contact(lines, bsn)
        residences = []
        for row in lines:
            with at(row, "municipality_code"):
                municipality = municipality_by_code(region=region, code=row.text("municipality_code"))
            residences.append(ResidencePeriod(municipality=municipality, valid_from=row.date("resident_from"),
                                              valid_to=row.date("resident_to", required=False)))
        try:
            client_create(actor=None, region=region, bsn=bsn, residences=residences, **person, **contact)
        except DomainError as error:
            raise _at_group(lines, error) from error
    audit_record(actor=None, action=Action.IMPORT, subject="clients.import", object_id=Path(path).name[:40],
                 detail={"file": str(path), "rows": len(rows), "clients": len(groups)})
    return ClientsImport(rows=len(rows), clients=len(groups))


def _person(row: Row) -> dict:
    return {"birth_date": row.date("birth_date"), "family_name": row.text("family_name"),
            "initials": row.text("initials", required=False, max_length=20)}


def _contact(lines: list[Row], bsn: str) -> dict:
    """Gender and address of one client: each column as filled on its lines, which must agree."""
    contact, seen = {}, {}
    for row in lines:
        values = {name: row.text(name, required=False) for name in CLIENT_OPTIONAL if name != "house_number"}
        values["house_number"] = row.integer("house_number", required=False)
        for name, value in values.items():
            if value in ("", None):
                continue
            if name in contact and contact[name] != value:
                raise row.error(name, "client-rows-disagree", _("For BSN %(bsn)s line %(line)s has another value (%(value)s); the lines of one client "
                                  "must agree.") % {"bsn": bsn, "line": seen[name], "value": contact[name]})
            contact[name], seen[name] = value, row.line
    return contact


def _at_group(lines: list[Row], error: DomainError):
    """An error about a whole client names its first line, and the other lines when there are more."""
    first = lines[0]
    others = (" " + _("(client on lines %(lines)s)") % {"lines": ", ".join(str(r.line) for r in lines)}
              if len(lines) > 1 else "")
    field = error.field if error.field in first.values else "bsn"
    # A gender or address column may be filled on a later line only: name the line that has it.
    line = next((row for row in lines if row.values.get(field)), first) if field in CLIENT_OPTIONAL else first
    return line.error(field, error.code, error.message + others)


@dataclass
class AllocationsImport:
    rows: int
    started: int
    stopped: int


@transaction.atomic
def allocations_import(*, region, path: str | Path) -> AllocationsImport:
    """One allocation per line, created as allocated; started and stopped when the line says so."""
    rows = read_csv(path, columns=ALLOCATION_COLUMNS, optional=ALLOCATION_OPTIONAL, key=("reference",))
    bsns = {row.bsn() for row in rows}
    clients = clients_by_bsn(region=region, bsns=bsns)
    started = stopped = 0
    for row in rows:
        client = clients.get(row.bsn())
        if client is None:
            raise row.error("bsn", "client-unknown", _("There is no client with BSN %(bsn)s in %(region)s.") % {
                "bsn": row.bsn(), "region": region})
        with at(row, "product_code"):
            product = product_by_code(region=region, code=row.text("product_code"))
        with at(row, "category"):
            category = category_of(product=product, number=row.integer("category", minimum=0, maximum=32767))
        with at(row, "provider_agb"):
            provider = provider_by_agb(region=region, agb=row.text("provider_agb"))
        started_on, stopped_on = row.date("started_on", required=False), row.date("stopped_on", required=False)
        reason = row.text("end_reason", required=False)
        if stopped_on is not None and started_on is None:
            raise row.error("stopped_on", "stop-without-start", _("A stop date without a start date: care that has not "
                                                                 "started cannot stop."))
        if reason and stopped_on is None:
            raise row.error("end_reason", "end-reason-without-stop", _("A reason for ending belongs with a stop date."))
        if reason and reason not in END_REASONS:
            raise row.error("end_reason", "end-reason-unknown", _("'%(reason)s' is not a reason for ending from the iWmo code list.") % {"reason": reason})
        with at(row, rename=ALLOCATION_FIELDS):
            allocation = allocation_create(
                actor=None, client=client, product=product, category=category, provider=provider,
                start=row.date("start"), end=row.date("end", required=False),
                reference=row.text("reference", max_length=20),
                duplicate_reason=row.text("duplicate_reason", required=False, max_length=500),
            )
            if started_on is not None:
                allocation = allocation_start(actor=None, allocation=allocation, started_on=started_on)
                started += 1
            if stopped_on is not None:
                allocation_stop(actor=None, allocation=allocation, stopped_on=stopped_on,
                                reason=reason or DEFAULT_STOP_REASON)
                stopped += 1
    audit_record(actor=None, action=Action.IMPORT, subject="allocations.import", object_id=Path(path).name[:40],
                 detail={"file": str(path), "rows": len(rows)})
    return AllocationsImport(rows=len(rows), started=started, stopped=stopped)
