from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from regie.core.errors import DomainError
from regie.core.periods import VALIDITY, overlapping_q

from .models import Municipality, Organisation, OrganisationKind, Region


def region_only(name: str | None = None) -> Region:
    """The region a command works on: the named one, or the only one there is."""
    regions = Region.objects.all() if name is None else Region.objects.filter(name=name)
    found = list(regions[:2])
    if len(found) == 1:
        return found[0]
    if not found:
        raise DomainError("region-missing", _("No region has been set up yet; use setup-region first.")
                          if name is None else _("Region '%(name)s' does not exist.") % {"name": name})
    raise DomainError("region-ambiguous", _("There are several regions; name the region with --region."))


def municipalities_on(*, region: Region, first: dt.date, last: dt.date) -> QuerySet[Municipality]:
    """The municipalities that existed on at least one day of first..last."""
    return region.municipalities.filter(overlapping_q(first, last, **VALIDITY))


def providers(*, region: Region) -> QuerySet[Organisation]:
    return region.organisations.filter(kind=OrganisationKind.PROVIDER)


def provider_by_agb(*, region: Region, agb: str) -> Organisation:
    try:
        return providers(region=region).get(agb_code=agb.strip())
    except Organisation.DoesNotExist:
        raise DomainError("provider-unknown", _("There is no provider with AGB code '%(agb)s'.") % {"agb": agb}, field="agb") from None


def municipality_by_code(*, region: Region, code: str) -> Municipality:
    try:
        return region.municipalities.get(code=code.strip().zfill(4))
    except Municipality.DoesNotExist:
        raise DomainError("municipality-unknown", _("There is no municipality with code '%(code)s' in %(region)s.") % {"code": code, "region": region},
                          field="municipality_code") from None
