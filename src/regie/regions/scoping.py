"""The one rule for who sees which rows of the chain.

Rows that belong to a municipality or a provider carry those keys (and their region's).
Municipality staff see their municipality's rows; provider staff their own (a cooperative also
its members'); the purchasing office, with a role its task needs, the whole region's; the
advisory council, where a screen shows it aggregates only, the whole region's too. Everyone else
is refused, loudly: an unscoped list never leaks out by accident. Every selector scopes through
here; tests/test_architecture.py keeps views from querying around it.
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from regie.core.errors import Forbidden

OFFICE_ROLES = ("contract_manager", "finance", "purchaser")
NO_OFFICE: tuple[str, ...] = ()
EVERY = "*"  # as a key: that kind of organisation sees every row of the region (the provider list)

Keys = str | tuple[str, ...] | None


def scoped(rows: QuerySet, *, actor, what: str, label: str, region: str = "region", municipality: Keys = "municipality",
           provider: Keys = "provider", office_roles: tuple[str, ...] | None = OFFICE_ROLES, council: bool = False,
           others_see_none: bool = False, distinct: bool = False) -> QuerySet:
    """The actor's share of `rows`.

    `region`, `municipality` and `provider` name the rows' keys as lookup paths (a tuple: a row is
    the actor's when any of them is; `pk` the row itself, `members__pk` a to-many path; None: that
    kind sees none of them; EVERY: that kind sees them all); `office_roles` the roles
    the purchasing office needs (None: any role; NO_OFFICE: it sees none); `council`: the advisory
    council sees the region (the caller shows aggregates only); `others_see_none`: an actor with
    no share gets an empty list instead of a refusal (a settlement shows a municipality no
    payments); `distinct` for keys through a to-many relation."""
    rows = rows.filter(**{f"{region}_id": actor.region_id})
    if actor.is_municipality and municipality:
        found = rows if municipality == EVERY else rows.filter(_any(municipality, "", actor.municipality_id))
    elif actor.is_provider and provider:
        found = rows if provider == EVERY else rows.filter(_any(provider, "__in", actor.provider_ids))
    elif actor.is_purchasing_office and (office_roles is None or actor.has_role(*office_roles)):
        found = rows
    elif actor.is_council and council:
        found = rows
    elif others_see_none:
        return rows.none()
    else:
        raise Forbidden(f"{what}-not-allowed", _("Your organisation has no access to %(what)s.") % {"what": label})
    return found.distinct() if distinct else found


def _any(keys: str | tuple[str, ...], lookup: str, value) -> Q:
    keys = (keys,) if isinstance(keys, str) else keys
    # A key that already ends at a primary key is used as it is; a foreign key compares its column.
    paths = (key if key == "pk" or key.endswith("__pk") else f"{key}_id" for key in keys)
    return reduce(or_, (Q(**{f"{path}{lookup}": value}) for path in paths))
