"""The inbox: what is refused outright, what gets a retour message, and what is applied."""

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

import iwmo
from regie.audit.models import AuditRecord
from regie.care.models import AllocationStatus, AllocationVersion
from regie.exchange.decisions import allocation_create
from regie.core.errors import Forbidden
from regie.exchange.inbox import MessageRefused, message_receive
from regie.exchange.models import Direction, Message, MessageStatus
from regie.exchange.selectors import message_get, message_list, retourcode_text
from tests import factories as f
from tests.exchange.provider import read_301, start_305, stop_307

APRIL = dt.date(2025, 4, 1)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        yield


@pytest.fixture
def allocation(world, officer_a):
    return allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding, category=world.b1,
                             provider=world.p2, start=APRIL)


@pytest.fixture
def toewijzing(allocation):
    return read_301(Message.objects.get(direction=Direction.OUT, code="301", allocations=allocation))


def receive(data, **kw):
    return message_receive(**{"actor": None, "data": data, "filename": "x.xml", **kw})


def rows():
    return (Message.objects.count(), AllocationVersion.objects.count(), AuditRecord.objects.count())


def test_a_start_for_an_unknown_allocation_gets_9019_and_changes_no_allocation(world, allocation, toewijzing, schemas):
    before = AllocationVersion.objects.count()
    message = receive(start_305(toewijzing, identification="S9", dated=dt.date(2025, 4, 3),
                                begindatum=dt.date(2025, 4, 2), number=424242))
    assert message.status == MessageStatus.REJECTED
    assert [(p["regel"], p["retourcode"]) for p in message.problems] == [("TR019", "9019")]
    retour = iwmo.read(bytes(message.answer.xml))
    assert retour.NAAM == "wmo306" and [p.retour_codes for p in retour.client.start_producten] == [["9019"]]
    assert retour.client.retour_codes == ["0200"]
    assert iwmo.validate_schema(bytes(message.answer.xml), schemas) == []
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.ALLOCATED and AllocationVersion.objects.count() == before
    assert not message.allocations.exists()


HOSTILE = {
    "xxe": (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            b'<r>&x;</r>', "iwmo-doctype"),
    "billion-laughs": (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><l>&b;</l>',
                       "iwmo-doctype"),
    "bom": (b"\xef\xbb\xbf<?xml version=\"1.0\"?><x/>", "iwmo-bom"),
    "not-xml": (b"declaratie;april;400", "iwmo-niet-welgevormd"),
    "empty": (b"", "iwmo-leeg"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_or_broken_file_is_refused_and_nothing_is_stored(world, name, schemas):
    data, code = HOSTILE[name]
    before = rows()
    with pytest.raises(MessageRefused) as error:
        receive(data)
    assert error.value.code == code and error.value.problems
    assert rows() == before


def test_a_schema_error_is_refused_without_a_retour_message(world, allocation, toewijzing, schemas):
    data = start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2))
    broken = data.replace(b"<wmo305:Geslacht>0</wmo305:Geslacht>", b"<wmo305:Geslacht>7</wmo305:Geslacht>")
    before = rows()
    with pytest.raises(MessageRefused) as error:
        receive(broken)
    assert error.value.code == "iwmo-xsd" and "Geslacht" in error.value.problems[0]
    assert rows() == before


def test_without_schemas_the_message_is_read_and_marked_unchecked(world, allocation, toewijzing, settings):
    settings.IWMO_SCHEMA_DIR = ""
    message = receive(start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3),
                                begindatum=dt.date(2025, 4, 2)))
    assert message.status == MessageStatus.ACCEPTED and message.schema_checked is False


def test_a_content_error_rejects_the_whole_message_with_0001(world, allocation, toewijzing, schemas):
    data = start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2))
    wrong_bsn = data.replace(world.clients[0].bsn.encode(), b"123456789")  # fails the eleven test (CS002)
    message = receive(wrong_bsn)
    assert message.status == MessageStatus.REJECTED and {p["regel"] for p in message.problems} == {"CS002"}
    retour = iwmo.read(bytes(message.answer.xml))
    assert retour.header.retour_codes == ["0001"] and retour.client is None
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.ALLOCATED


def test_start_then_stop_then_the_same_start_again(world, allocation, toewijzing, schemas):
    start = start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2))
    first = receive(start)
    again = receive(start)
    assert again.duplicate and again.pk == first.pk and again.answer.pk == first.answer.pk
    with time_machine.travel(dt.datetime(2025, 6, 2, 9, 0), tick=False):
        stop = receive(stop_307(toewijzing, identification="E1", dated=dt.date(2025, 6, 2),
                                begindatum=dt.date(2025, 4, 2), einddatum=dt.date(2025, 5, 31)))
        assert stop.status == MessageStatus.ACCEPTED
        assert iwmo.read(bytes(stop.answer.xml)).NAAM == "wmo308"
        allocation.refresh_from_db()
        assert (allocation.status, allocation.stopped_on) == (AllocationStatus.STOPPED, dt.date(2025, 5, 31))
        # The same start under a new identification: the start is not current any more (TR326).
        late = receive(start_305(toewijzing, identification="S2", dated=dt.date(2025, 6, 2),
                                 begindatum=dt.date(2025, 6, 1)))
    assert [(p["regel"], p["retourcode"]) for p in late.problems] == [("TR326", "9326")]


def test_a_stop_without_a_start_gets_9069(world, allocation, toewijzing, schemas):
    message = receive(stop_307(toewijzing, identification="E1", dated=dt.date(2025, 4, 3),
                               begindatum=dt.date(2025, 4, 2), einddatum=dt.date(2025, 4, 3)))
    assert [(p["regel"], p["retourcode"]) for p in message.problems] == [("TR382", "9069")]
    assert message.status == MessageStatus.REJECTED


def test_the_portal_accepts_only_the_uploading_providers_own_messages(world, allocation, toewijzing, schemas):
    data = start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2))
    with pytest.raises(MessageRefused) as error:
        receive(data, actor=f.actor(world.p1, "provider_staff"))
    assert error.value.code == "sender-mismatch"
    with pytest.raises(Forbidden):
        receive(data, actor=f.actor(world.p2, "access_officer"))
    staff = f.actor(world.p2, "provider_staff")
    message = receive(data, actor=staff)
    assert message.status == MessageStatus.ACCEPTED and message.received_by == staff.user
    assert [m.pk for m in message_list(actor=staff)] == sorted(
        Message.objects.filter(provider=world.p2).values_list("pk", flat=True), reverse=True)
    assert message_get(actor=staff, pk=message.pk).pk == message.pk
    assert message_list(actor=f.actor(world.p1, "provider_staff")) == []


def test_retourcodes_are_explained_in_dutch():
    assert retourcode_text("9019") == "Het regie bericht kan niet gekoppeld worden aan een toewijzing."
    assert retourcode_text("XXXX") == "Onbekende retourcode."


def test_receive_command_processes_a_folder_file_by_file(world, allocation, toewijzing, schemas, tmp_path):
    (tmp_path / "a_start.xml").write_bytes(
        start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3), begindatum=dt.date(2025, 4, 2)))
    (tmp_path / "b_xxe.xml").write_bytes(HOSTILE["xxe"][0])
    with pytest.raises(CommandError, match="1 bestand"):
        call_command("receive", str(tmp_path))
    allocation.refresh_from_db()
    assert allocation.status == AllocationStatus.STARTED  # the good file is applied all the same
    assert Message.objects.filter(direction=Direction.IN).count() == 1
