"""Rows the inbox makes say who made them: the provider and its message, never a missing user (issue 6 point 2)."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from regie.audit.models import AuditRecord
from regie.billing.models import Declaration
from regie.exchange.decisions import allocation_create
from regie.exchange.inbox import message_receive
from regie.exchange.models import Direction, Message
from tests import factories as f
from tests.exchange.provider import declaration_323, read_301, start_305

APRIL = dt.date(2025, 4, 1)


def at(day: dt.date):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, 9, 0), tick=False)


@pytest.fixture
def received(world, officer_a):
    """Aadorp allocates to Zorg Twee; the folder import (no user) receives its 305 and its 323 for April."""
    with at(dt.date(2025, 3, 28)):
        allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=APRIL)
    toewijzing = read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))
    with at(dt.date(2025, 4, 3)):
        start = message_receive(actor=None, data=start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3),
                                                           begindatum=dt.date(2025, 4, 2)), filename="s.xml")
    with at(dt.date(2025, 5, 5)):
        declared = message_receive(actor=None, data=declaration_323(
            toewijzing, identification="D1", dated=dt.date(2025, 5, 5), month=APRIL, tariff_cents=40000),
            filename="d.xml")
    return allocation, start, declared


def test_a_start_through_the_inbox_is_the_providers_in_the_history(world, received):
    allocation, start, _ = received
    created, started = allocation.versions.order_by("version")
    assert created.changed_by is not None and created.origin == ""
    assert started.changed_by is None and started.origin == "Zorg Twee (iWmo 305)"
    assert started.author == "Zorg Twee (iWmo 305)"
    assert start.received_by is None and start.author == "Zorg Twee (iWmo 305)"


def test_a_declaration_through_the_inbox_is_the_providers(world, received):
    _, _, declared = received
    declaration = Declaration.objects.get(messages=declared)
    assert declaration.submitted_by is None and declaration.author == "Zorg Twee (iWmo 323)"


def test_the_audit_of_the_start_names_the_provider(world, received):
    allocation, _, _ = received
    record = AuditRecord.objects.filter(subject="allocation", object_id=allocation.reference, user_id=None).get()
    assert record.username == "system" and record.author == "Zorg Twee (iWmo 305)"


def test_the_allocation_and_declaration_pages_show_the_provider_as_author(client, world, received):
    allocation, _, declared = received
    client.force_login(f.actor(world.p2, "provider_staff").user)
    page = client.get(reverse("care:allocation-detail", args=[allocation.pk]))
    assert page.status_code == 200
    assert "Zorg Twee (iWmo 305)" in page.content.decode()
    declaration = Declaration.objects.get(messages=declared)
    page = client.get(reverse("billing:declaration-detail", args=[declaration.pk]))
    assert page.status_code == 200
    assert "Zorg Twee (iWmo 323)" in page.content.decode()


def test_a_start_uploaded_in_the_portal_is_the_uploaders_message_and_the_providers_start(client, world, officer_a):
    staff = f.actor(world.p2, "provider_staff")
    with at(dt.date(2025, 3, 28)):
        allocation = allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                       category=world.b1, provider=world.p2, start=APRIL)
    toewijzing = read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))
    with at(dt.date(2025, 4, 3)):
        message = message_receive(actor=staff, data=start_305(toewijzing, identification="S1",
                                                              dated=dt.date(2025, 4, 3),
                                                              begindatum=dt.date(2025, 4, 2)))
    assert message.received_by == staff.user and message.author == staff.user.username
    assert allocation.versions.get(version=2).author == "Zorg Twee (iWmo 305)"
