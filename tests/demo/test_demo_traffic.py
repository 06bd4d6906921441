"""The demo region's iWmo traffic: the providers' messages were received through the real inbox at moments of
the history, answered by it, and show on the message, request and timeliness screens of the roles that may see
them."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

import iwmo
from regie.demo import data
from regie.exchange.models import AllocationRequest, ChangeRequest, Direction, Message, MessageStatus, RequestStatus
from regie.exchange.timeliness import timeliness_items
from regie.regions.actors import actor_for
from tests.demo.conftest import SCHEMAS

pytestmark = pytest.mark.django_db

HISTORY = {"van": "2026-08", "tot": "2026-11"}


def incoming(region, code):
    return Message.objects.filter(region=region, direction=Direction.IN, code=code)


def test_every_kind_of_provider_message_was_received(demo):
    summary, region = demo
    for code in ("305", "307", "323", "315", "317", "302"):
        assert incoming(region, code).exists(), code
    assert {code for code, _status in summary.messages} == {"302", "305", "307", "315", "317", "323"}
    # the inbox answered each of them except the retours (302)
    for code, answer in (("305", "306"), ("307", "308"), ("323", "325"), ("315", "316"), ("317", "318")):
        rows = incoming(region, code)
        assert all(m.answer is not None and m.answer.code == answer for m in rows), code
    assert not incoming(region, "302").filter(replies__isnull=False).exists()
    assert all(m.reply_to.code == "301" and m.reply_to.status == MessageStatus.SENT for m in incoming(region, "302"))
    assert {m.status for m in incoming(region, "302")} == {MessageStatus.ACCEPTED, MessageStatus.PARTLY}


@pytest.mark.skipif(not SCHEMAS, reason="the iWmo schemas are not beside this clone")
def test_with_the_schemas_every_message_was_checked_against_them(demo):
    _, region = demo
    received = Message.objects.filter(region=region, direction=Direction.IN)
    assert received.exists() and not received.filter(schema_checked=False).exists()


def test_messages_were_received_in_the_history_not_today(demo):
    _, region = demo
    days = {timezone.localdate(m.created_at) for m in Message.objects.filter(region=region, direction=Direction.IN)}
    assert min(days) >= data.INBOX_FROM and max(days) <= data.REFERENCE_DAY
    assert len(days) > 20
    for message in Message.objects.filter(region=region, direction=Direction.IN).exclude(code="302")[:50]:
        assert message.dated == timezone.localdate(message.created_at) == message.answer.dated


def test_declaration_answers_reject_some_lines_with_their_retourcodes(demo):
    _, region = demo
    declarations = incoming(region, "323")
    assert declarations.filter(status=MessageStatus.ACCEPTED).count() > 3 * declarations.exclude(
        status=MessageStatus.ACCEPTED).count() > 0
    codes = {p["retourcode"] for m in declarations.filter(status=MessageStatus.PARTLY) for p in m.problems}
    # paid before (a duplicate), not volume × tariff (a wrong amount), a month after care stopped
    assert {"9389", "9346", "9308"} <= codes, codes
    answer = iwmo.read(bytes(declarations.filter(status=MessageStatus.PARTLY).first().answer.xml))
    assert answer.NAAM == "wmo325"
    refused = [c for client in answer.declaratie_antwoord.clienten for p in client.prestaties for c in p.retour_codes]
    assert refused and all(str(c.value) != "0200" for c in refused)
    # the accepted lines became approved declaration lines of the month, settled like the rest
    message = declarations.filter(status=MessageStatus.ACCEPTED).first()
    assert message.declaration.source == "iwmo" and message.declaration.lines.filter(status="approved").exists()


def test_some_starts_and_stops_were_late_and_one_start_was_sent_twice(demo):
    _, region = demo
    office = actor_for(get_user_model().objects.get(username="inkoop"))
    items = [i for i in timeliness_items(actor=office, first_month=dt.date(2026, 8, 1), last_month=dt.date(2026, 11, 1))
             if i.deadline in ("305", "307")]
    late = [i for i in items if i.late_on(data.REFERENCE_DAY)]
    assert late and len(late) < len(items) / 3


def test_requests_wait_or_were_granted_or_refused_by_the_access_officer(demo):
    _, region = demo
    allocation = AllocationRequest.objects.filter(region=region)
    assert {r.status for r in allocation} == {RequestStatus.OPEN, RequestStatus.GRANTED, RequestStatus.REFUSED}
    change = ChangeRequest.objects.filter(region=region)
    assert {r.status for r in change} == {RequestStatus.OPEN, RequestStatus.GRANTED, RequestStatus.REFUSED}
    officers = {"toegang-denbosch", "toegang-boxtel"}
    for request in [*allocation, *change]:
        if request.status == RequestStatus.OPEN:
            assert request.answer is None and request.answered_at is None
            continue
        assert request.answered_by.username in officers
        assert request.answer.code == ("301" if request.status == RequestStatus.GRANTED else "319")
        assert request.received_on <= timezone.localdate(request.answered_at) <= data.REFERENCE_DAY
        assert request.answer.dated == timezone.localdate(request.answered_at)
    granted = allocation.filter(status=RequestStatus.GRANTED).first()
    assert granted.allocation.product.code == "07A01" and granted.allocation.client == granted.client
    # one was answered after its five working days
    assert any(timezone.localdate(r.answered_at) > r.due_on for r in allocation.exclude(status=RequestStatus.OPEN))


def _get(client, username, path, query=None):
    client.force_login(get_user_model().objects.get(username=username))
    return client.get(path, query or {})


@pytest.mark.parametrize("username", ["inkoop", "financien", "toegang-denbosch", "beleid-boxtel", "aanbieder",
                                      "cooperatie"])
def test_the_message_screen_lists_traffic_for_every_role_that_reads_it(demo, client, username):
    response = _get(client, username, "/berichten/")
    assert response.status_code == 200
    assert response.context["page"].paginator.count > 0
    codes = set(response.context["page"].paginator.object_list.values_list("code", flat=True))
    assert "301" in codes and codes & {"305", "307", "323"} and codes & {"306", "308", "325"}, codes


@pytest.mark.parametrize("username", ["toegang-denbosch", "toegang-boxtel"])
def test_the_request_screen_shows_waiting_and_answered_requests(demo, client, username):
    waiting = _get(client, username, "/verzoeken/")
    assert waiting.status_code == 200
    found = waiting.context["requests"]
    everything = _get(client, username, "/verzoeken/", {"status": ""}).context["requests"]
    assert len(found["allocation"]) + len(found["change"]) > 0 or username == "toegang-boxtel"
    assert len(everything["allocation"]) + len(everything["change"]) > len(found["allocation"]) + len(found["change"]) \
        or username == "toegang-boxtel"
    assert sum(len(rows) for rows in everything.values()) > 0


@pytest.mark.parametrize("username", ["inkoop", "toegang-denbosch", "aanbieder", "cooperatie"])
def test_the_timeliness_screen_shows_the_history(demo, client, username):
    response = _get(client, username, "/tijdigheid/", HISTORY)
    assert response.status_code == 200
    overview = response.context["overview"]
    assert overview.rows and sum(count.total for _deadline, count in overview.per_deadline) > 0


def test_the_timeliness_screen_of_the_office_shows_late_items(demo, client):
    overview = _get(client, "inkoop", "/tijdigheid/", HISTORY).context["overview"]
    assert overview.late_total > 0
    assert {i.deadline for i in overview.late} & {"305", "307"}


@pytest.mark.parametrize("username", ["adviesraad", "beleid-denbosch"])
def test_roles_without_the_task_do_not_see_requests(demo, client, username):
    assert _get(client, username, "/verzoeken/").status_code == 403
