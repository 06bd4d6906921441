"""Care decides, exchange announces: the care services queue no 301, the decision flows queue one each,
and the answer to a request is written once, from what that request changed, touching no other message.

On PostgreSQL, with two real connections: another officer's decision on the same client commits its 301
while a 317 is being granted. Message ids are handed out at insert, not at commit, so that 301 has a
higher id than anything the grant saw when it began; an answer that replaced "the 301s made after a
watermark" would delete it. The grant deletes nothing: both 301s stay, and the answer carries the
request's reference on exactly the request's products.
"""

import datetime as dt
import threading
import time

import pytest
import time_machine
from django.db import connection, transaction

import iwmo
from regie.care import services
from regie.care.models import Allocation, Client
from regie.exchange import decisions
from regie.exchange.inbox import message_receive
from regie.exchange.models import ChangeRequest, Direction, Message
from regie.exchange.requests import change_request_grant
from tests import factories as f
from tests.exchange.test_requests import APRIL, number, vow

WAIT = 2  # seconds the other officer keeps its transaction open once the grant is under way


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        yield


def outgoing_301s():
    return Message.objects.filter(direction=Direction.OUT, code="301")


def products(message) -> dict[int, object]:
    return {p.toewijzingnummer: p for p in iwmo.read(bytes(message.xml)).client.toegewezen_producten}


def test_a_care_service_announces_nothing_and_its_flow_announces_once(world, officer_a):
    values = {"client": world.clients[0], "product": world.begeleiding, "category": world.b1, "provider": world.p2}
    decided = services.allocation_create(actor=officer_a, start=APRIL, end=dt.date(2025, 12, 31), **values)
    assert not outgoing_301s().exists()
    announced = decisions.allocation_create(actor=officer_a, start=dt.date(2026, 1, 1), **values)
    assert list(outgoing_301s().values_list("allocations", flat=True).order_by("allocations")) == [
        decided.pk, announced.pk]  # one 301: the new allocation and the client's other current one there
    ended = decisions.allocation_end(actor=officer_a, allocation=announced, end=dt.date(2026, 6, 30), reason="36")
    assert outgoing_301s().count() == 2 and products(outgoing_301s().latest("pk"))[number(ended)].einddatum == (
        dt.date(2026, 6, 30))


def test_granting_a_request_keeps_every_earlier_301(world, officer_a):
    allocation = decisions.allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding,
                                             category=world.b1, provider=world.p2, start=APRIL)
    message_receive(actor=None, filename="verzoek.xml",
                    data=vow(world, change=[(number(allocation), APRIL, dt.date(2025, 9, 30))]))
    before = set(outgoing_301s().values_list("pk", flat=True))

    answer = change_request_grant(actor=officer_a, request=ChangeRequest.objects.get())

    assert set(outgoing_301s().values_list("pk", flat=True)) == before | {answer.pk}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_301_another_officer_commits_during_a_grant_is_kept(world, officer_a):
    client = world.clients[0]
    allocation = decisions.allocation_create(actor=officer_a, client=client, product=world.begeleiding,
                                             category=world.b1, provider=world.p2, start=APRIL)
    other = decisions.allocation_create(actor=officer_a, client=client, product=world.dagbesteding,
                                        category=world.d1, provider=world.p2, start=APRIL)
    message_receive(actor=None, filename="verzoek.xml", data=vow(
        world, unchanged=[number(other)], change=[(number(allocation), APRIL, dt.date(2025, 9, 30))],
        new=[("02A01", dt.date(2025, 10, 1), None)]))
    request = ChangeRequest.objects.get()
    colleague = f.actor(officer_a.organisation, "access_officer", username="tweede-consulent")
    before = set(outgoing_301s().values_list("pk", flat=True))
    queued, theirs, errors = threading.Event(), [], []

    def colleague_decides():
        """Ends the dagbesteding: its 301 holds all the client's allocations at the provider. The client stays
        locked (as `allocation_create` locks it) until the grant has begun and waits for it."""
        try:
            with transaction.atomic():
                Client.objects.select_for_update().filter(pk=client.pk).first()
                decisions.allocation_change(actor=colleague, allocation=other, end=dt.date(2025, 12, 31))
                theirs.append(outgoing_301s().latest("pk").pk)
                queued.set()
                time.sleep(WAIT)
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            queued.set()
            connection.close()

    thread = threading.Thread(target=colleague_decides)
    thread.start()
    assert queued.wait(10)
    answer = change_request_grant(actor=officer_a, request=request)  # waits for the client lock, then answers
    thread.join()

    assert errors == [] and len(theirs) == 1
    assert theirs[0] > max(before)  # made after all the grant could see when it began
    assert set(outgoing_301s().values_list("pk", flat=True)) == before | {theirs[0], answer.pk}
    new = Allocation.objects.get(client=client, provider=world.p2, start=dt.date(2025, 10, 1))
    referenced = {n for n, p in products(answer).items() if p.referentie_aanbieder == "VOW1"}
    assert referenced == {number(allocation), number(other), number(new)}
    assert products(Message.objects.get(pk=theirs[0]))[number(other)].einddatum == dt.date(2025, 12, 31)
