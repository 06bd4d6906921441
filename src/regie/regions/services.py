"""Region rules: setting up a region with its municipalities and organisations; providers.

`region_setup` makes the database say what the region's description says, and nothing else:
running it twice changes nothing the second time (it reports what it changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from regie.core.errors import DomainError
from regie.core.money import to_money
from regie.core.periods import period_check

from .models import (
    Municipality, Organisation, OrganisationKind, PartialMonthRule, Region, RegionalCost, ResidenceRule,
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
    if not text.isdigit() or len(text) > 4:
        raise DomainError("municipality-code-invalid", f"'{code}' is geen CBS-gemeentecode (vier cijfers).",
                          field="code")
    return text.zfill(4)


def municipality_spec(*, code: str, name: str, population: int, valid_from: dt.date,
                      valid_to: dt.date | None = None) -> MunicipalitySpec:
    """A checked description of one municipality."""
    code = municipality_code_clean(code)
    if not name.strip():
        raise DomainError("name-missing", "De naam van de gemeente ontbreekt.", field="name")
    if population <= 0:
        raise DomainError("population-invalid", "Het aantal inwoners is groter dan nul.", field="population")
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
                 partial_month_rule: str | None = None) -> SetupResult:
    """Create or update a region: its municipalities (each with an organisation of kind
    municipality), its centre municipality, one purchasing office, and its yearly regional costs."""
    name = name.strip()
    if not name:
        raise DomainError("name-missing", "De naam van de regio ontbreekt.", field="name")
    if residence_rule not in ResidenceRule.values:
        raise DomainError("residence-rule-unknown", f"'{residence_rule}' is geen woonplaatsregel; kies uit "
                          f"{', '.join(ResidenceRule.values)}.", field="residence_rule")
    if partial_month_rule is not None and partial_month_rule not in PartialMonthRule.values:
        raise DomainError("partial-month-rule-unknown", f"'{partial_month_rule}' is geen regel voor gebroken "
                          f"maanden; kies uit {', '.join(PartialMonthRule.values)}.", field="partial_month_rule")
    if not municipalities:
        raise DomainError("municipalities-missing", "Een regio heeft minstens één gemeente.", field="municipalities")
    codes = [m.code for m in municipalities]
    if len(set(codes)) != len(codes):
        raise DomainError("municipality-duplicate", "Een gemeentecode staat twee keer in de regio.",
                          field="municipalities")
    centre_code = municipality_code_clean(centre_code)
    if centre_code not in codes:
        raise DomainError("centre-unknown", f"De centrumgemeente {centre_code} staat niet in de lijst van gemeenten.",
                          field="centre_municipality")
    for year, amount in regional_costs.items():
        if not 1900 <= year <= 2200 or to_money(amount) < 0:
            raise DomainError("regional-cost-invalid", f"Uitvoeringskosten {year}: een jaar en een bedrag van "
                              "nul of meer.", field="regional_costs")

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
            result.changes.append(f"uitvoeringskosten {year}: € {amount}")
        elif _update(cost, {"amount": amount}):
            result.changes.append(f"uitvoeringskosten {year} gewijzigd: € {amount}")
    return result


def _municipality_ensure(region: Region, spec: MunicipalitySpec, changes: list[str]) -> Municipality:
    values = {"name": spec.name, "population": spec.population, "valid_from": spec.valid_from,
              "valid_to": spec.valid_to}
    municipality = Municipality.objects.filter(region=region, code=spec.code).first()
    if municipality is None:
        municipality = Municipality.objects.create(region=region, code=spec.code, **values)
        changes.append(f"gemeente {spec.code} {spec.name} toegevoegd")
    else:
        changed = _update(municipality, values)
        if changed:
            changes.append(f"gemeente {spec.code} {spec.name}: {', '.join(changed)} gewijzigd")
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
    if len(value) != 8 or not value.isdigit():
        raise DomainError(code, f"'{value}' is geen geldig {label} (acht cijfers).", field=field)
    return value


def provider_ensure(*, region: Region, agb: str, name: str, kvk: str) -> tuple[Organisation, bool]:
    """The provider with this AGB code, created or brought up to date; True when something changed."""
    agb = _eight_digits(agb, code="agb-invalid", label="AGB-code", field="agb")
    kvk = _eight_digits(kvk, code="kvk-invalid", label="KvK-nummer", field="kvk")
    if not name.strip():
        raise DomainError("name-missing", "De naam van de aanbieder ontbreekt.", field="name")
    existing = Organisation.objects.filter(region=region, agb_code=agb).first()
    if existing is None:
        return Organisation.objects.create(region=region, kind=OrganisationKind.PROVIDER, name=name.strip(),
                                           agb_code=agb, kvk_number=kvk), True
    if not existing.is_provider:
        raise DomainError("agb-taken", f"AGB-code {agb} hoort bij {existing}, dat geen aanbieder is.", field="agb")
    return existing, bool(_update(existing, {"name": name.strip(), "kvk_number": kvk}))


def provider_set_cooperative(*, provider: Organisation, cooperative: Organisation | None) -> bool:
    """Make `provider` a member (sub-contractor) of `cooperative`, or of none; True when changed.

    A cooperative is a provider of the same region; cooperatives do not nest.
    """
    if cooperative is not None:
        if not cooperative.is_provider or cooperative.region_id != provider.region_id:
            raise DomainError("cooperative-not-provider", f"{cooperative} is geen aanbieder in deze regio.",
                              field="cooperative_agb")
        if cooperative.pk == provider.pk:
            raise DomainError("cooperative-self", "Een aanbieder kan geen lid van zichzelf zijn.",
                              field="cooperative_agb")
        if cooperative.cooperative_id is not None:
            raise DomainError("cooperative-nested", f"{cooperative} is zelf lid van een coöperatie; "
                              "coöperaties kunnen niet in elkaar zitten.", field="cooperative_agb")
        if Organisation.objects.filter(cooperative=provider).exists():
            raise DomainError("cooperative-nested", f"{provider} is zelf een coöperatie met leden en kan geen lid "
                              "worden van een andere coöperatie.", field="cooperative_agb")
    return bool(_update(provider, {"cooperative": cooperative}))
