"""The demo accounts: one person per organisation kind and role, all with the password `demo`."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from regie.regions.models import Membership, Organisation, OrganisationKind, Region, Role

PASSWORD = "demo"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    first_name: str
    last_name: str
    kind: str
    organisation: str  # a municipality code, a provider name, or "" for the only one of its kind
    roles: tuple[str, ...]


ACCOUNTS = [
    DemoAccount("inkoop", "Ingrid", "van Oss", OrganisationKind.PURCHASING_OFFICE, "",
                (Role.PURCHASER, Role.CONTRACT_MANAGER)),
    DemoAccount("financien", "Frank", "Bekkers", OrganisationKind.PURCHASING_OFFICE, "", (Role.FINANCE,)),
    DemoAccount("toegang-denbosch", "Tamara", "de Groot", OrganisationKind.MUNICIPALITY, "0796",
                (Role.ACCESS_OFFICER,)),
    DemoAccount("beleid-denbosch", "Bart", "Verhoeven", OrganisationKind.MUNICIPALITY, "0796",
                (Role.POLICY_ADVISER,)),
    DemoAccount("toegang-boxtel", "Tessa", "van Gils", OrganisationKind.MUNICIPALITY, "0757",
                (Role.ACCESS_OFFICER,)),
    DemoAccount("beleid-boxtel", "Bas", "Swinkels", OrganisationKind.MUNICIPALITY, "0757", (Role.POLICY_ADVISER,)),
    DemoAccount("aanbieder", "Anouk", "Peters", OrganisationKind.PROVIDER, "Stichting Dommelborg Begeleiding",
                (Role.PROVIDER_STAFF,)),
    DemoAccount("cooperatie", "Cor", "Timmermans", OrganisationKind.PROVIDER,
                "Coöperatie Kleinschalige Zorg Meierij U.A.", (Role.PROVIDER_STAFF,)),
    DemoAccount("adviesraad", "Annie", "Roefs", OrganisationKind.ADVISORY_COUNCIL, "", (Role.COUNCIL_MEMBER,)),
]


def _organisation(region: Region, account: DemoAccount) -> Organisation:
    organisations = region.organisations.filter(kind=account.kind)
    if account.kind == OrganisationKind.MUNICIPALITY:
        return organisations.get(municipality__code=account.organisation)
    if account.organisation:
        return organisations.get(name=account.organisation)
    return organisations.get()


def demo_accounts_create(*, region: Region) -> list:
    """Create the demo users and their memberships (one hash for all: a demo, and fast)."""
    users = []
    password = make_password(PASSWORD)
    for account in ACCOUNTS:
        organisation = _organisation(region, account)
        user, _ = get_user_model().objects.update_or_create(
            username=account.username,
            defaults={"first_name": account.first_name, "last_name": account.last_name, "password": password},
        )
        for role in account.roles:
            Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
        users.append(user)
    return users


def demo_accounts_rows() -> list[dict]:
    """The demo accounts that exist, for printing: username, name, organisation, roles."""
    rows = []
    memberships = (
        Membership.objects.filter(user__username__in=[a.username for a in ACCOUNTS])
        .select_related("user", "organisation").order_by("pk")
    )
    by_user: dict[str, dict] = {}
    for membership in memberships:
        user = membership.user
        row = by_user.setdefault(user.username, {
            "username": user.username, "password": PASSWORD, "name": user.get_full_name(),
            "organisation": membership.organisation.name, "roles": [],
        })
        row["roles"].append(membership.get_role_display())
    for account in ACCOUNTS:
        if account.username in by_user:
            rows.append(by_user[account.username])
    return rows
