"""The one rule for who sees which rows of the chain.

Rows that belong to a municipality or a provider carry those keys (and their region's).
Municipality staff see their municipality's rows; provider staff their own (a cooperative also
its members'); the purchasing office, with a role its task needs, the whole region's. Everyone
else is refused, loudly: an unscoped list never leaks out by accident.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from regie.core.errors import Forbidden

OFFICE_ROLES = ("contract_manager", "finance", "purchaser")


def scoped(rows: QuerySet, *, actor, what: str, label: str, municipality: str | None = "municipality",
           provider: str | None = "provider", office_roles: tuple[str, ...] | None = OFFICE_ROLES) -> QuerySet:
    """`municipality` / `provider` name the rows' keys (None: that kind sees none of them);
    `office_roles` the roles the purchasing office needs (None: any role)."""
    rows = rows.filter(region_id=actor.region_id)
    if actor.is_municipality and municipality:
        return rows.filter(**{f"{municipality}_id": actor.municipality_id})
    if actor.is_provider and provider:
        return rows.filter(**{f"{provider}_id__in": actor.provider_ids})
    if actor.is_purchasing_office and (office_roles is None or actor.has_role(*office_roles)):
        return rows
    raise Forbidden(f"{what}-not-allowed", _("Your organisation has no access to %(what)s.") % {"what": label})
