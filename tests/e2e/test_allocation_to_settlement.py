"""End to end in a real browser: an access officer allocates care through the form, and after
the provider has started, declared and the month is settled, the purchasing office's finance
officer sees that month's settlement with the figures."""

import datetime as dt
import re

import pytest
from django.db import connections
from django.urls import reverse

from regie.audit.models import AuditRecord
from regie.billing.services import declaration_submit, settlement_run
from regie.care.models import Allocation
from regie.care.services import allocation_start
from regie.regions.models import OrganisationKind
from tests import factories as f

pytestmark = [pytest.mark.browser]
PASSWORD = "geheim-wachtwoord"  # tests.factories.UserFactory


def log_in(page, live_server, username):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(live_server.url + reverse("home"))


def text(page) -> str:
    return page.inner_text("main").replace("\u00a0", " ")


def test_an_allocation_made_in_the_browser_is_settled_and_shown(page, live_server, transactional_db, world):
    try:
        scenario(page, live_server, world)
    finally:
        # Under playwright's sync API the test body runs in its own context, so its ORM calls had a
        # database connection of their own: close it, or PostgreSQL cannot drop the test database.
        connections.close_all()


def scenario(page, live_server, world):
    org_a = f.OrganisationFactory(region=world.region, kind=OrganisationKind.MUNICIPALITY, municipality=world.a,
                                  name="Gemeente Aadorp")
    f.actor(org_a, "access_officer", username="toegang")
    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE,
                                   name="Inkoopbureau")
    f.actor(office, "finance", username="financien")

    # 1. The access officer finds the client and allocates begeleiding category 2 from Zorg Een.
    log_in(page, live_server, "toegang")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Cliënten").click()
    page.get_by_role("link", name="Cliënt1, J.").click()
    page.get_by_role("link", name="Zorg toewijzen").click()
    page.select_option("#id_product", label="02A01 — Begeleiding individueel")
    page.select_option("#id_category", value="2")
    page.select_option("#id_provider", label="Zorg Een (AGB 11110001)")
    page.fill("#id_start", "2025-03-01")
    page.get_by_role("button", name="Toewijzen").click()
    # Cliënt1 has A1 (begeleiding at Zorg Een) already: a second one asks for a confirmation and a reason.
    page.locator("#id_confirm_duplicate").check()
    page.fill("#id_duplicate_reason", "Tijdelijk extra begeleiding naast A1")
    page.get_by_role("button", name="Toewijzen").click()
    page.get_by_role("heading", name=re.compile(r"^Toewijzing \d+$")).wait_for()
    allocation = Allocation.objects.get(client=world.clients[0], start=dt.date(2025, 3, 1))
    assert page.url == live_server.url + reverse("care:allocation-detail", args=[allocation.pk])
    shown = text(page)
    assert f"Toewijzing {allocation.reference}" in shown
    assert "De toewijzing is vastgelegd." in shown and "Toegewezen" in shown
    assert (allocation.category, allocation.provider, allocation.municipality) == (world.b2, world.p1, world.a)
    record = AuditRecord.objects.get(subject="allocation", action="create", object_id=allocation.reference)
    assert (record.username, record.detail) == ("toegang", {"duplicate_of": ["A1"],
                                                            "duplicate_reason": "Tijdelijk extra begeleiding naast A1"})
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link", name="J. Cliënt1").click()
    assert allocation.reference in text(page)

    # 2. Through the services: the provider starts, declares March for it and for A1; March is settled.
    allocation_start(actor=None, allocation=allocation, started_on=dt.date(2025, 3, 1))
    declaration_submit(actor=None, provider=world.p1, source="csv",
                       lines=[f.debit(allocation.reference, "2025-03"), f.debit("A1", "2025-03")])
    settlement_run(actor=None, region=world.region, month=dt.date(2025, 3, 1))

    # 3. The finance officer of the purchasing office sees the month: 800 + 400 paid to Zorg Een, all charged
    #    to Aadorp, and the regional costs of 120 000 / 12 shared 30 000 : 10 000 by population.
    page.context.clear_cookies()
    log_in(page, live_server, "financien")
    page.goto(live_server.url + reverse("billing:settlement-detail", kwargs={"month": "2025-03"}))
    page.get_by_role("heading", name="Verrekening maart 2025").wait_for()
    shown = text(page)
    assert re.search(r"Zorg Een\s+11110001\s+2\s+€ 1\.200,00", shown)
    assert re.search(r"Aadorp\s+0001\s+1\s+€ 1\.200,00\s+€ 7\.500,00\s+€ 8\.700,00", shown)
    assert re.search(r"Bedorp\s+0002\s+0\s+€ 0,00\s+€ 2\.500,00\s+€ 2\.500,00", shown)
    assert "sluit tot op de cent" in shown
