"""What a figure shows, as the URL says it: period, range, the dimension it is cut by and the
filters. One parser for the screens, the downloads and the API, so a view shared as a link opens
the same figure everywhere."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from regie.catalogue.models import Category, Product
from regie.core.errors import DomainError
from regie.core.months import add_months, format_month, month_start
from regie.core.parse import care_window, parse_integer, parse_month
from regie.regions.models import Municipality, Organisation, OrganisationKind

from .indicators import Dimension, Period

DEFAULT_QUARTERS = 12
MAX_MONTHS = 120  # ten years: a longer range is never a screen, and would make every query large
FILTERS = ("municipality", "provider", "product", "category")


@dataclass(frozen=True)
class Filters:
    period: Period
    first: dt.date  # the first day of the first month
    last: dt.date   # the first day of the last month
    by: Dimension | None = None  # None: what the audience sees by default
    municipality: int | None = None
    provider: int | None = None
    product: int | None = None
    category: int | None = None

    def ids(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in FILTERS if getattr(self, name) is not None}

    def params(self, **changes) -> dict[str, str]:
        """The URL parameters that give this figure back (with `changes` applied)."""
        f = replace(self, **changes)
        params = {"period": f.period.value, "from": format_month(f.first), "to": format_month(f.last)}
        if f.by is not None:
            params["by"] = f.by.value
        params.update({name: str(value) for name, value in f.ids().items()})
        return params

    def query(self, **changes) -> str:
        return urlencode(self.params(**changes))


def default_filters(*, today: dt.date) -> Filters:
    """The last `DEFAULT_QUARTERS` complete quarters: a quarter still under way would read as a fall."""
    this_quarter = month_start(today).replace(month=(today.month - 1) // 3 * 3 + 1)
    return Filters(period=Period.QUARTER, first=add_months(this_quarter, -3 * DEFAULT_QUARTERS),
                   last=add_months(this_quarter, -1))


def filters_parse(params: Mapping[str, str], *, region, today: dt.date) -> Filters:
    """The filters in `params` (a GET query), each refused with a code and its field when it is not
    one the region knows; what is absent takes its default."""
    defaults = default_filters(today=today)
    window = care_window(region, today=today)
    period = _choice(params.get("period"), Period, "period", defaults.period)
    first = parse_month(params["from"], field="from", window=window) if params.get("from") else defaults.first
    last = parse_month(params["to"], field="to", window=window) if params.get("to") else defaults.last
    if first > last:
        raise DomainError("range-reversed", _("The first month lies after the last."), field="from")
    if (last.year - first.year) * 12 + last.month - first.month >= MAX_MONTHS:
        raise DomainError("range-too-long", _("A figure spans at most %(years)s years.") % {
            "years": MAX_MONTHS // 12}, field="from")
    by = _choice(params.get("by"), Dimension, "by", None)
    ids = {name: _member(name, params.get(name), region) for name in FILTERS}
    return Filters(period=period, first=first, last=last, by=by, **ids)


def _choice(raw, choices, field: str, default):
    if raw in (None, ""):
        return default
    if raw not in choices.values:
        raise DomainError(f"{field}-unknown", _("'%(value)s' is not one of: %(choices)s.") % {
            "value": str(raw)[:40], "choices": ", ".join(choices.values)}, field=field)
    return choices(raw)


_MEMBERS = {
    "municipality": lambda region: Municipality.objects.filter(region=region),
    "provider": lambda region: Organisation.objects.filter(region=region, kind=OrganisationKind.PROVIDER),
    "product": lambda region: Product.objects.all(),
    "category": lambda region: Category.objects.all(),
}


def _member(name: str, raw, region) -> int | None:
    if raw in (None, ""):
        return None
    pk = parse_integer(raw, field=name, minimum=1)
    if not _MEMBERS[name](region).filter(pk=pk).exists():
        raise DomainError(f"{name}-unknown", _("The region has no %(what)s with number %(pk)s.") % {
            "what": Dimension(name).label, "pk": pk}, field=name)
    return pk
