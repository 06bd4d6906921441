"""Reading a region description (JSON) and a providers file (CSV) into the region services."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from regie.core.imports import Row, at, check_unique, read_csv, read_json
from regie.core.money import to_money
from regie.core.parse import parse_amount

from .models import Municipality, Organisation, Region, ResidenceRule
from .services import (
    MAX_INHABITANTS, SetupResult, municipality_code_clean, municipality_spec, population_set, provider_ensure,
    provider_set_cooperative, region_setup,
)

REGION_KEYS = ("name", "centre_municipality", "residence_rule", "partial_month_rule", "municipalities",
               "regional_costs", "care_from", "future_years")
# Municipalities that take part only for sheltered housing and shelter (beschermd wonen en opvang):
# the model has no place for them yet, so the key is accepted and ignored.
REGION_IGNORED_KEYS = ("beschermd_wonen_and_opvang_also",)
MUNICIPALITY_KEYS = ("code", "name", "population", "valid_from", "valid_to")
COST_KEYS = ("year", "amount")

PROVIDER_COLUMNS = ("agb", "name", "kvk", "cooperative_agb")
POPULATION_COLUMNS = ("municipality_code", "year", "inhabitants")


@dataclass
class RegionImport:
    result: SetupResult
    ignored: list[str] = field(default_factory=list)


@transaction.atomic
def region_import(*, path: str | Path) -> RegionImport:
    root = read_json(path)
    ignored = root.check_keys(REGION_KEYS, ignored=REGION_IGNORED_KEYS)
    name = root.text("name")
    municipalities = []
    entries = root.rows("municipalities")
    for entry in entries:
        entry.check_keys(MUNICIPALITY_KEYS)
        with at(entry):
            municipalities.append(municipality_spec(
                code=entry.text("code"), name=entry.text("name"), population=entry.integer("population"),
                valid_from=entry.date("valid_from"), valid_to=entry.date("valid_to", required=False),
            ))
    check_unique(entries, lambda e: municipality_code_clean(e.text("code")), name="code")
    costs = {}
    cost_entries = root.rows("regional_costs", required=False)
    for entry in cost_entries:
        entry.check_keys(COST_KEYS)
        with at(entry, "amount"):
            costs[entry.integer("year")] = to_money(entry.parse("amount", lambda t: parse_amount(t, max_digits=14)))
    check_unique(cost_entries, ("year",))
    with at(root):
        result = region_setup(
            name=name, centre_code=root.text("centre_municipality"), municipalities=municipalities,
            regional_costs=costs,
            residence_rule=root.text("residence_rule", required=False) or ResidenceRule.FIRST_DAY_OF_MONTH,
            partial_month_rule=root.text("partial_month_rule", required=False) or None,
            care_from=root.date("care_from", required=False),
            future_years=root.integer("future_years", required=False, minimum=1, maximum=50),
        )
    return RegionImport(result=result, ignored=ignored)


@dataclass
class Imported:
    """What an import of lines did: the lines read, and how many of them created or changed something."""

    rows: int
    changed: int



@transaction.atomic
def providers_import(*, region: Region, path: str | Path) -> Imported:
    """Providers by AGB code, created or updated; a cooperative may be in the same file (any order)
    or already exist. An empty `cooperative_agb` means: member of no cooperative."""
    rows = read_csv(path, columns=PROVIDER_COLUMNS, key=("agb",))
    providers: dict[str, Organisation] = {}
    changed = set()
    for row in rows:
        with at(row):
            provider, was_changed = provider_ensure(region=region, agb=row.text("agb"), name=row.text("name"),
                                                    kvk=row.text("kvk"))
        providers[provider.agb_code] = provider
        if was_changed:
            changed.add(provider.pk)
    # The file says who is whose member: clear the memberships of its providers first, so the
    # order of the lines does not matter, then set them; compare with before to count changes.
    before = {p.pk: p.cooperative_id for p in providers.values()}
    Organisation.objects.filter(pk__in=before).update(cooperative=None)
    for provider in providers.values():
        provider.cooperative = None
    for row in rows:
        cooperative = _cooperative(row, region, providers)
        if cooperative is not None:
            with at(row, "cooperative_agb"):
                provider_set_cooperative(provider=providers[row.text("agb")], cooperative=cooperative)
    changed |= {p.pk for p in providers.values() if p.cooperative_id != before[p.pk]}
    return Imported(rows=len(rows), changed=len(changed))


def _cooperative(row: Row, region: Region, providers: dict[str, Organisation]) -> Organisation | None:
    agb = row.text("cooperative_agb", required=False)
    if not agb:
        return None
    if agb in providers:
        return providers[agb]
    found = Organisation.objects.filter(region=region, agb_code=agb).first()
    if found is None:
        raise row.error("cooperative_agb", "cooperative-unknown", _("There is no provider with AGB code '%(agb)s', not in this file and not in the region.") % {"agb": agb})
    return found


@transaction.atomic
def populations_import(*, region: Region, path: str | Path) -> Imported:
    """Inhabitants per municipality per year (CBS, 1 January), created or updated; one line a year."""
    rows = read_csv(path, columns=POPULATION_COLUMNS, key=("municipality_code", "year"))
    municipalities = {m.code: m for m in region.municipalities.all()}
    changed = 0
    for row in rows:
        municipality = row_municipality(row, municipalities)
        year = row.integer("year", minimum=1900, maximum=2200)
        inhabitants = row.integer("inhabitants", minimum=1, maximum=MAX_INHABITANTS)
        with at(row):
            changed += population_set(municipality=municipality, year=year, inhabitants=inhabitants)
    return Imported(rows=len(rows), changed=changed)


def row_municipality(row: Row, municipalities: dict[str, Municipality]) -> Municipality:
    """The municipality a line's `municipality_code` names, among the region's (by CBS code)."""
    code = row.text("municipality_code")
    with at(row, "municipality_code"):
        found = municipalities.get(municipality_code_clean(code))
    if found is None:
        raise row.error("municipality_code", "municipality-unknown",
                        _("There is no municipality with code '%(code)s' in this region.") % {"code": code})
    return found
