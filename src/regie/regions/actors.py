"""Who is acting: a user, the organisation they act for, and their roles there.

Every selector and service takes an `Actor`; scoping and role checks read it, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _

from regie.core.errors import Forbidden

from .models import Membership, Organisation, OrganisationKind


@dataclass(frozen=True)
class Actor:
    user: object
    organisation: Organisation
    roles: frozenset[str]

    @property
    def kind(self) -> str:
        return self.organisation.kind

    @property
    def region_id(self) -> int:
        return self.organisation.region_id

    @property
    def is_purchasing_office(self) -> bool:
        return self.kind == OrganisationKind.PURCHASING_OFFICE

    @property
    def is_municipality(self) -> bool:
        return self.kind == OrganisationKind.MUNICIPALITY

    @property
    def is_provider(self) -> bool:
        return self.kind == OrganisationKind.PROVIDER

    @property
    def is_council(self) -> bool:
        return self.kind == OrganisationKind.ADVISORY_COUNCIL

    @property
    def municipality_id(self) -> int | None:
        return self.organisation.municipality_id

    @cached_property
    def provider_ids(self) -> frozenset[int]:
        """The providers whose work this actor sees: its own, and a cooperative's members."""
        if not self.is_provider:
            return frozenset()
        members = Organisation.objects.filter(cooperative_id=self.organisation.pk).values_list("pk", flat=True)
        return frozenset([self.organisation.pk, *members])

    @property
    def has_members(self) -> bool:
        """A cooperative: a provider with members. Read from `provider_ids`, so a list that asks for
        every row costs no query (the template used to ask the database once per line)."""
        return len(self.provider_ids) > 1

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def require(self, *roles: str) -> None:
        if not self.has_role(*roles):
            raise Forbidden("role-missing", _("You do not have the role this action needs."))

    def __hash__(self) -> int:
        return hash((self.user.pk, self.organisation.pk))


def actor_for(user) -> Actor:
    """The actor for a logged-in user; a user without a membership may do nothing."""
    memberships = list(Membership.objects.filter(user=user).select_related("organisation__region"))
    if not memberships:
        raise Forbidden("no-membership", _("Your account belongs to no organisation. Contact the administrator."))
    organisation = memberships[0].organisation
    roles = frozenset(m.role for m in memberships if m.organisation_id == organisation.pk)
    return Actor(user=user, organisation=organisation, roles=roles)
