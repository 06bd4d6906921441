"""Region rules: setting up a region with its municipalities and organisations; providers.

`region_setup` makes the database say what the region's description says, and nothing else:
running it twice changes nothing the second time (it reports what it changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from django.db import transaction
from django.utils.translation import gettext as _

from regie.core.errors import DomainError
from regie.core.formatting import euro, number
from regie.core.money import to_money
from regie.core.formatting import short_date
from regie.core.parse import care_window, check_date, check_year, parse_integer
from regie.core.periods import period_check
from regie.core.rows import row_store

from .models import (
    Municipality, Organisation, OrganisationKind, PartialMonthRule, Population, Region, RegionalCost, ResidenceRule,
)


@dataclass(frozen=True)
class MunicipalitySpec:
    code: str
    name: str
    population: int
    valid_from: dt.date
    valid_to: dt.date | None = None


@dataclass
class SetupResult:
    region: Region
    created: bool = False
    changes: list[str] = field(default_factory=list)


def municipality_code_clean(code: str) -> str:
    """A CBS gemeentecode: four digits; a shorter number gets its leading zeros back."""
    text = str(code).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 4:
        raise DomainError("municipality-code-invalid", _("'%(code)s' is not a CBS municipality code (four digits).") % {"code": code},
                          field="code")
    return text.zfill(4)


def municipality_spec(*, code: str, name: str, population: int, valid_from: dt.date,
                      valid_to: dt.date | None = None) -> MunicipalitySpec:
    """A checked description of one municipality."""
    code = municipality_code_clean(code)
    if not name.strip():
        raise DomainError("name-missing", _("The name of the municipality is missing."), field="name")
    if population <= 0:
        raise DomainError("population-invalid", _("The number of inhabitants is greater than zero."), field="population")
    period_check(start=valid_from, end=valid_to, field="valid_to")
    return MunicipalitySpec(code=code, name=name.strip(), population=population, valid_from=valid_from,
                            valid_to=valid_to)


def _update(instance, values: dict) -> list[str]:
    """Set the fields that differ; give back their names (empty: nothing changed)."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    for name in changed:
        setattr(instance, name, values[name])
    if changed:
        instance.save(update_fields=changed)
    return changed


@transaction.atomic
def region_setup(*, name: str, centre_code: str, municipalities: list[MunicipalitySpec],
                 regional_costs: dict[int, Decimal], residence_rule: str = ResidenceRule.FIRST_DAY_OF_MONTH,
                 partial_month_rule: str | None = None, care_from: dt.date | None = None,
                 future_years: int | None = None) -> SetupResult:
    """Create or update a region: its municipalities (each with an organisation of kind
    municipality), its centre municipality, one purchasing office, and its yearly regional costs.
    `care_from` and `future_years` set the window of care dates (regie.core.parse.care_window)."""
    name = name.strip()
    if not name:
        raise DomainError("name-missing", _("The name of the region is missing."), field="name")
    if residence_rule not in ResidenceRule.values:
        raise DomainError("residence-rule-unknown", _("'%(rule)s' is not a residence rule; choose from %(choices)s.") % {"rule": residence_rule, "choices": ", ".join(ResidenceRule.values)}, field="residence_rule")
    if partial_month_rule is not None and partial_month_rule not in PartialMonthRule.values:
        raise DomainError("partial-month-rule-unknown", _("'%(rule)s' is not a rule for partial months; choose from %(choices)s.") % {"rule": partial_month_rule, "choices": ", ".join(PartialMonthRule.values)}, field="partial_month_rule")
    if not municipalities:
        raise DomainError("municipalities-missing", _("A region has at least one municipality."), field="municipalities")
    codes = [m.code for m in municipalities]
    if len(set(codes)) != len(codes):
        raise DomainError("municipality-duplicate", _("A municipality code appears twice in the region."),
                          field="municipalities")
    centre_code = municipality_code_clean(centre_code)
    if centre_code not in codes:
        raise DomainError("centre-unknown", _("The central municipality %(code)s is not in the list of municipalities.") % {"code": centre_code},
                          field="centre_municipality")
    for year, amount in regional_costs.items():
        if not 1900 <= year <= 2200 or to_money(amount) < 0:
            raise DomainError("regional-cost-invalid", _("Running costs %(year)s: a year and an amount of zero or more.") % {"year": year}, field="regional_costs")

    region, created = Region.objects.get_or_create(name=name, defaults={"residence_rule": residence_rule})
    result = SetupResult(region=region, created=created)
    if created:
        result.changes.append(f"regio {name} aangemaakt")
    by_code = {}
    for spec in municipalities:
        by_code[spec.code] = _municipality_ensure(region, spec, result.changes)
    _purchasing_office_ensure(region, result.changes)
    settings = {"residence_rule": residence_rule, "centre_municipality": by_code[centre_code]}
    if partial_month_rule is not None:
        settings["partial_month_rule"] = partial_month_rule
    if care_from is not None:
        settings["care_from"] = check_date(care_from, field="care_from")
    if future_years is not None:
        # At least a year: allocations end in the future, and a window of "today at most" refuses them all.
        settings["future_years"] = parse_integer(future_years, field="future_years", minimum=1, maximum=50)
    window = care_window(SimpleNamespace(care_from=settings.get("care_from", region.care_from),
                                         future_years=settings.get("future_years", region.future_years)))
    if window.first > window.last:  # a region that starts later than it looks ahead would accept no date at all
        raise DomainError("care-window-empty", _("The region's care dates would start on %(first)s, after the last "
                                                 "day it accepts, %(last)s; choose an earlier care_from or more "
                                                 "future_years.") % {"first": short_date(window.first),
                                                                     "last": short_date(window.last)},
                          field="care_from")
    changed = _update(region, settings)
    if changed and not created:
        result.changes.append(f"regio {name}: {', '.join(changed)} gewijzigd")
    elif "centre_municipality" in changed:
        result.changes.append(f"centrumgemeente {by_code[centre_code].name}")
    for year, amount in sorted(regional_costs.items()):
        amount = to_money(amount)
        cost = RegionalCost.objects.filter(region=region, year=year).first()
        if cost is None:
            RegionalCost.objects.create(region=region, year=year, amount=amount)
            result.changes.append(_("running costs %(year)s: %(amount)s") % {"year": year, "amount": euro(amount)})
        elif _update(cost, {"amount": amount}):
            result.changes.append(_("running costs %(year)s changed: %(amount)s") % {"year": year, "amount": euro(amount)})
    return result


def _municipality_ensure(region: Region, spec: MunicipalitySpec, changes: list[str]) -> Municipality:
    values = {"name": spec.name, "population": spec.population, "valid_from": spec.valid_from,
              "valid_to": spec.valid_to}
    municipality = Municipality.objects.filter(region=region, code=spec.code).first()
    if municipality is None:
        municipality = Municipality.objects.create(region=region, code=spec.code, **values)
        changes.append(_("municipality %(code)s %(name)s added") % {"code": spec.code, "name": spec.name})
    else:
        changed = _update(municipality, values)
        if changed:
            changes.append(_("municipality %(code)s %(name)s: %(fields)s changed") % {"code": spec.code, "name": spec.name, "fields": ", ".join(changed)})
    organisation_name = f"Gemeente {spec.name}"
    organisation = Organisation.objects.filter(municipality=municipality).first()
    if organisation is None:
        Organisation.objects.create(region=region, kind=OrganisationKind.MUNICIPALITY, name=organisation_name,
                                    municipality=municipality)
        changes.append(f"organisatie {organisation_name} toegevoegd")
    elif _update(organisation, {"name": organisation_name}):
        changes.append(f"organisatie {organisation_name} hernoemd")
    return municipality


def _purchasing_office_ensure(region: Region, changes: list[str]) -> Organisation:
    office = region.organisations.filter(kind=OrganisationKind.PURCHASING_OFFICE).order_by("pk").first()
    if office is None:
        office = Organisation.objects.create(region=region, kind=OrganisationKind.PURCHASING_OFFICE,
                                             name=f"Inkoopbureau {region.name}")
        changes.append(f"organisatie {office.name} toegevoegd")
    return office


# -- providers -------------------------------------------------------------------------------


def _eight_digits(value: str, *, code: str, label: str, field: str) -> str:
    value = value.strip()
    if len(value) != 8 or not (value.isascii() and value.isdigit()):
        raise DomainError(code, _("'%(value)s' is not a valid %(label)s (eight digits).") % {"value": value, "label": label}, field=field)
    return value


def provider_ensure(*, region: Region, agb: str, name: str, kvk: str) -> tuple[Organisation, bool]:
    """The provider with this AGB code, created or brought up to date; True when something changed."""
    agb = _eight_digits(agb, code="agb-invalid", label=_("AGB code"), field="agb")
    kvk = _eight_digits(kvk, code="kvk-invalid", label=_("Chamber of Commerce number"), field="kvk")
    if not name.strip():
        raise DomainError("name-missing", _("The name of the provider is missing."), field="name")
    existing = Organisation.objects.filter(region=region, agb_code=agb).first()
    if existing is None:
        return Organisation.objects.create(region=region, kind=OrganisationKind.PROVIDER, name=name.strip(),
                                           agb_code=agb, kvk_number=kvk), True
    if not existing.is_provider:
        raise DomainError("agb-taken", _("AGB code %(agb)s belongs to %(organisation)s, which is not a provider.") % {"agb": agb, "organisation": existing}, field="agb")
    return existing, bool(_update(existing, {"name": name.strip(), "kvk_number": kvk}))


def provider_set_cooperative(*, provider: Organisation, cooperative: Organisation | None) -> bool:
    """Make `provider` a member (sub-contractor) of `cooperative`, or of none; True when changed.

    A cooperative is a provider of the same region; cooperatives do not nest.
    """
    if cooperative is not None:
        if not cooperative.is_provider or cooperative.region_id != provider.region_id:
            raise DomainError("cooperative-not-provider", _("%(organisation)s is not a provider in this region.") % {"organisation": cooperative},
                              field="cooperative_agb")
        if cooperative.pk == provider.pk:
            raise DomainError("cooperative-self", _("A provider cannot be a member of itself."),
                              field="cooperative_agb")
        if cooperative.cooperative_id is not None:
            raise DomainError("cooperative-nested", _("%(organisation)s is itself a member of a cooperative; cooperatives cannot nest.") % {"organisation": cooperative}, field="cooperative_agb")
        if Organisation.objects.filter(cooperative=provider).exists():
            raise DomainError("cooperative-nested", _("%(organisation)s is itself a cooperative with members and cannot become a member of another cooperative.") % {"organisation": provider}, field="cooperative_agb")
    return bool(_update(provider, {"cooperative": cooperative}))


MAX_INHABITANTS = 10_000_000  # more than any Dutch municipality, or the Netherlands, has


def population_set(*, municipality: Municipality, year: int, inhabitants: int) -> bool:
    """Record the municipality's inhabitants in `year` (within the region's window of care); True when
    that changed what was recorded."""
    check_year(year, window=care_window(municipality.region), code="population-year-out-of-window")
    if not 0 < inhabitants <= MAX_INHABITANTS:
        raise DomainError("population-invalid", _("A number of inhabitants lies between 1 and %(max)s.") % {
            "max": number(MAX_INHABITANTS)}, field="inhabitants")
    return row_store(Population, keys={"municipality": municipality, "year": year}, values={"inhabitants": inhabitants})
