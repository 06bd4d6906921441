"""Verzoeken: 315 (verzoek om toewijzing) and 317 (verzoek om wijziging) through the inbox, answered by the
access team with a 301 (granted) or a 319 (refused), and the request screens' scoping."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

import iwmo
from iwmo.codelists import (
    Eenheid, Frequentie, Geslacht, ProductCategorie, RedenVerzoek, RedenWijziging, TypeVerwijzer,
)
from iwmo.modellen import Wmo315, Wmo317
from iwmo.modellen.basis import (
    Achternaam, BerichtIdentificatie, Geboortedatum, Omvang, Product, VerkorteNaam, Verwijzer,
)
from iwmo.modellen.header import Header
from iwmo.modellen.verzoek import (
    AangevraagdProduct, NieuwProduct, OngewijzigdProduct, TeWijzigenProduct, Verzoek, VerzoekToewijzingClient,
    VerzoekWijzigingClient,
)
from regie.care.models import Allocation, AllocationStatus
from regie.exchange.decisions import allocation_create
from regie.core.errors import DomainError, Forbidden
from regie.exchange.inbox import message_receive
from regie.exchange.models import AllocationRequest, ChangeRequest, Direction, Message, MessageStatus, RequestStatus
from regie.exchange.requests import (
    add_working_days, allocation_request_grant, allocation_request_refuse, change_request_grant,
    change_request_refuse, request_list,
)
from tests import factories as f

APRIL = dt.date(2025, 4, 1)
TODAY = dt.date(2025, 4, 3)  # a Thursday


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(dt.datetime(2025, 4, 3, 9, 0), tick=False):
        yield


@pytest.fixture
def staff_p2(world):
    return f.actor(world.p2, "provider_staff")


def header(world, identification: str) -> Header:
    return Header(afzender=world.p2.agb_code, ontvanger=world.a.code,
                  berichtidentificatie=BerichtIdentificatie(identificatie=identification, dagtekening=TODAY))


def vot(world, *, identification="V1", references=("R1",), client=None, start=dt.date(2025, 5, 1),
        end=dt.date(2025, 12, 31)) -> bytes:
    """One AangevraagdProduct per reference: begeleiding (02A01), then dagbesteding (07A01)."""
    client = client or world.clients[0]
    products = [AangevraagdProduct(
        referentie_aanbieder=reference, product=Product(categorie=ProductCategorie(code[:2]), code=code),
        toewijzing_ingangsdatum=start, toewijzing_einddatum=end,
        omvang=Omvang(volume=1, eenheid=Eenheid.STUKS_INSPANNING, frequentie=Frequentie.PER_MAAND),
        verwijzer=Verwijzer(type=TypeVerwijzer.ZELFVERWIJZER), commentaar="Meer begeleiding nodig",
    ) for reference, code in zip(references, ("02A01", "07A01"))]
    return iwmo.write(Wmo315(header=header(world, identification), client=VerzoekToewijzingClient(
        bsn=client.bsn, geboortedatum=Geboortedatum(datum=client.birth_date), geslacht=Geslacht.ONBEKEND,
        naam=VerkorteNaam(geslachtsnaam=Achternaam(achternaam=client.family_name)),
        aangevraagde_producten=products)))


def vow(world, *, unchanged=(), change=(), new=(), identification="W1", reference="VOW1") -> bytes:
    """`change`: (number, wanted start, end); `new`: (code, start, end)."""
    omvang = Omvang(volume=1, eenheid=Eenheid.STUKS_INSPANNING, frequentie=Frequentie.PER_MAAND)
    verzoek = Verzoek(
        referentie_aanbieder=reference, reden_verzoek=RedenVerzoek.VERANDERING_CLIENTSITUATIE,
        ongewijzigde_producten=[OngewijzigdProduct(toewijzingnummer=n) for n in unchanged],
        te_wijzigen_producten=[TeWijzigenProduct(toewijzingnummer=n, gewenste_ingangsdatum=s, einddatum=e, omvang=omvang)
                               for n, s, e in change],
        nieuwe_producten=[NieuwProduct(product=Product(categorie=ProductCategorie(code[:2]), code=code),
                                       gewenste_ingangsdatum=s, einddatum=e, omvang=omvang) for code, s, e in new],
    )
    return iwmo.write(Wmo317(header=header(world, identification),
                             client=VerzoekWijzigingClient(bsn=world.clients[0].bsn, verzoek=verzoek)))


def receive(data):
    return message_receive(actor=None, data=data, filename="verzoek.xml")


def read(message):
    return iwmo.read(bytes(message.xml))


@pytest.fixture
def allocation(world, officer_a):
    """Client 1 has begeleiding (category 1) at Zorg Twee from April."""
    return allocation_create(actor=officer_a, client=world.clients[0], product=world.begeleiding, category=world.b1,
                             provider=world.p2, start=APRIL)


def number(allocation) -> int:
    return int(allocation.reference)


# --- 315 ------------------------------------------------------------------------------------------------

def test_a_315_becomes_an_open_request_due_in_five_working_days_with_a_316(world, schemas):
    message = receive(vot(world, references=("R1", "R2")))
    assert message.status == MessageStatus.ACCEPTED and message.problems == []
    requests = list(AllocationRequest.objects.order_by("reference"))
    assert [(r.reference, r.status, r.municipality, r.provider, r.client) for r in requests] == [
        ("R1", RequestStatus.OPEN, world.a, world.p2, world.clients[0]),
        ("R2", RequestStatus.OPEN, world.a, world.p2, world.clients[0])]
    first = requests[0]
    assert (first.product, first.start, first.end, first.message) == (world.begeleiding, dt.date(2025, 5, 1),
                                                                      dt.date(2025, 12, 31), message)
    assert first.received_on == TODAY and first.due_on == dt.date(2025, 4, 10)  # Thu + 5 working days
    retour = read(message.answer)
    assert retour.NAAM == "wmo316" and retour.header.retour_codes == []
    assert iwmo.validate_schema(bytes(message.answer.xml), schemas) == []


def test_five_working_days_skip_the_weekend_and_dutch_holidays():
    assert add_working_days(dt.date(2025, 4, 4), 5) == dt.date(2025, 4, 11)  # Friday → Friday
    assert add_working_days(dt.date(2025, 4, 5), 1) == dt.date(2025, 4, 7)  # Saturday → Monday
    assert add_working_days(dt.date(2025, 4, 17), 5) == dt.date(2025, 4, 25)  # over Easter Monday 21 April


def test_a_granted_315_queues_one_301_with_the_reference_for_the_provider(world, officer_a, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    allocation = allocation_request_grant(actor=officer_a, request=request, category=world.b2,
                                          start=dt.date(2025, 5, 1), end=dt.date(2025, 12, 31))
    request.refresh_from_db()
    assert request.status == RequestStatus.GRANTED and request.allocation == allocation
    assert allocation.provider == world.p2 and allocation.category == world.b2
    outgoing = Message.objects.filter(direction=Direction.OUT, code="301", allocations=allocation)
    assert outgoing.count() == 1 and request.answer == outgoing.get()
    answer = outgoing.get()
    assert (answer.status, answer.receiver, answer.provider) == (MessageStatus.QUEUED, world.p2.agb_code, world.p2)
    assert iwmo.validate_schema(bytes(answer.xml), schemas) == []
    [product] = read(answer).client.toegewezen_producten
    assert product.referentie_aanbieder == "R1" and product.toewijzingnummer == number(allocation)
    assert product.ingangsdatum == dt.date(2025, 5, 1) and product.reden_wijziging is None
    with pytest.raises(DomainError) as error:
        allocation_request_refuse(actor=officer_a, request=request, reason="7")
    assert error.value.code == "request-answered"


def test_a_refused_315_is_answered_with_a_valid_319(world, officer_a, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    answer = allocation_request_refuse(actor=officer_a, request=request, reason="3")
    request.refresh_from_db()
    assert (request.status, request.refusal_reason, request.answer) == (RequestStatus.REFUSED, "3", answer)
    assert (answer.code, answer.status, answer.receiver, answer.reply_to) == (
        "319", MessageStatus.QUEUED, world.p2.agb_code, request.message)
    assert iwmo.validate_schema(bytes(answer.xml), schemas) == []
    antwoord = read(answer).antwoord
    assert (antwoord.referentie_aanbieder, antwoord.verzoek_antwoord, antwoord.reden_afwijzing_verzoek) == (
        "R1", "1", "3")
    assert not Allocation.objects.filter(client=world.clients[0], provider=world.p2).exists()


def test_a_refusal_needs_a_reason_from_wj759(world, officer_a, schemas):
    receive(vot(world))
    with pytest.raises(DomainError) as error:
        allocation_request_refuse(actor=officer_a, request=AllocationRequest.objects.get(), reason="0")
    assert error.value.code == "refusal-reason-unknown"
    assert AllocationRequest.objects.get().status == RequestStatus.OPEN


def test_a_second_request_while_one_is_open_gets_9374_and_no_row(world, schemas):
    receive(vot(world, identification="V1", references=("R1",)))
    message = receive(vot(world, identification="V2", references=("R2",)))
    assert message.status == MessageStatus.REJECTED
    assert [(p["regel"], p["retourcode"]) for p in message.problems] == [("TR374", "9374")]
    assert read(message.answer).client.retour_codes == ["9374"]
    assert AllocationRequest.objects.count() == 1


def test_a_reference_used_before_gets_9347(world, officer_a, schemas):
    receive(vot(world, identification="V1", references=("R1",)))
    allocation_request_refuse(actor=officer_a, request=AllocationRequest.objects.get(), reason="7")
    message = receive(vot(world, identification="V2", references=("R1",)))
    assert [(p["regel"], p["retourcode"]) for p in message.problems] == [("TR347", "9347")]
    assert AllocationRequest.objects.count() == 1


def test_the_same_315_twice_creates_one_request_and_gets_the_same_answer(world, schemas):
    first = receive(vot(world))
    again = receive(vot(world))
    assert again.pk == first.pk and again.duplicate is True
    assert AllocationRequest.objects.count() == 1 and again.answer == first.answer


def test_another_officer_cannot_answer_a_request_of_another_municipality(world, schemas):
    receive(vot(world))
    org_b = f.OrganisationFactory(region=world.region, kind="municipality", municipality=world.b)
    with pytest.raises(Forbidden):
        allocation_request_refuse(actor=f.actor(org_b, "access_officer"), request=AllocationRequest.objects.get(),
                                  reason="5")


# --- 317 ------------------------------------------------------------------------------------------------

def test_a_granted_317_changes_the_allocations_and_sends_one_301_with_the_reference(world, officer_a, allocation,
                                                                                      schemas):
    other = allocation_create(actor=officer_a, client=world.clients[0], product=world.dagbesteding,
                              category=world.d1, provider=world.p2, start=APRIL)
    message = receive(vow(world, unchanged=[number(other)],
                          change=[(number(allocation), APRIL, dt.date(2025, 9, 30))],
                          new=[("02A01", dt.date(2025, 10, 1), None)]))
    assert message.status == MessageStatus.ACCEPTED and read(message.answer).NAAM == "wmo318"
    request = ChangeRequest.objects.get()
    assert request.status == RequestStatus.OPEN and set(request.allocations.all()) == {allocation, other}
    before = Message.objects.filter(direction=Direction.OUT, code="301").count()

    answer = change_request_grant(actor=officer_a, request=request)

    assert Message.objects.filter(direction=Direction.OUT, code="301").count() == before + 1
    assert Message.objects.filter(direction=Direction.OUT, code="319").count() == 0  # a 319 never grants (WJ760)
    allocation.refresh_from_db()
    assert allocation.end == dt.date(2025, 9, 30)
    new = Allocation.objects.get(client=world.clients[0], provider=world.p2, start=dt.date(2025, 10, 1))
    assert new.category == world.b1 and new.end is None
    assert iwmo.validate_schema(bytes(answer.xml), schemas) == []
    products = {p.toewijzingnummer: p for p in read(answer).client.toegewezen_producten}
    assert set(products) == {number(allocation), number(other), number(new)}
    assert {p.referentie_aanbieder for p in products.values()} == {"VOW1"}
    assert products[number(allocation)].reden_wijziging == RedenWijziging.DOOR_AANBIEDER
    assert products[number(allocation)].einddatum == dt.date(2025, 9, 30)
    assert products[number(other)].reden_wijziging is None and products[number(new)].reden_wijziging is None
    request.refresh_from_db()
    assert (request.status, request.answer) == (RequestStatus.GRANTED, answer)


def test_a_317_from_a_later_date_ends_the_allocation_and_starts_a_new_one(world, officer_a, allocation, schemas):
    receive(vow(world, change=[(number(allocation), dt.date(2025, 6, 1), dt.date(2025, 12, 31))]))
    answer = change_request_grant(actor=officer_a, request=ChangeRequest.objects.get())
    allocation.refresh_from_db()
    assert (allocation.end, allocation.end_reason) == (dt.date(2025, 5, 31), "37")
    new = Allocation.objects.get(client=world.clients[0], provider=world.p2, start=dt.date(2025, 6, 1))
    assert new.end == dt.date(2025, 12, 31) and new.category == allocation.category
    products = {p.toewijzingnummer: p for p in read(answer).client.toegewezen_producten}
    assert products[number(allocation)].reden_wijziging == RedenWijziging.DOOR_AANBIEDER
    assert products[number(new)].reden_wijziging is None
    assert iwmo.validate_schema(bytes(answer.xml), schemas) == []


def test_a_refused_317_gets_a_319_and_changes_nothing(world, officer_a, allocation, schemas):
    receive(vow(world, change=[(number(allocation), APRIL, dt.date(2025, 9, 30))]))
    request = ChangeRequest.objects.get()
    answer = change_request_refuse(actor=officer_a, request=request, reason="2")
    assert iwmo.validate_schema(bytes(answer.xml), schemas) == []
    antwoord = read(answer).antwoord
    assert (antwoord.referentie_aanbieder, antwoord.verzoek_antwoord, antwoord.reden_afwijzing_verzoek) == (
        "VOW1", "1", "2")
    allocation.refresh_from_db()
    assert allocation.end is None and allocation.version == 1
    request.refresh_from_db()
    assert request.status == RequestStatus.REFUSED


def test_a_317_that_leaves_out_a_current_allocation_is_refused_with_9349(world, officer_a, allocation, schemas):
    other = allocation_create(actor=officer_a, client=world.clients[0], product=world.dagbesteding,
                              category=world.d1, provider=world.p2, start=APRIL)
    message = receive(vow(world, change=[(number(allocation), APRIL, dt.date(2025, 9, 30))]))
    assert message.status == MessageStatus.REJECTED
    assert [(p["regel"], p["retourcode"]) for p in message.problems] == [("TR349", "9349")]
    assert str(number(other)) in message.problems[0]["melding"]
    assert not ChangeRequest.objects.exists()
    assert iwmo.validate_schema(bytes(message.answer.xml), schemas) == []


def test_a_317_on_an_unknown_allocation_is_refused_with_9351(world, allocation, schemas):
    message = receive(vow(world, unchanged=[number(allocation)], change=[(424242, APRIL, None)]))
    assert ("TR351", "9351") in [(p["regel"], p["retourcode"]) for p in message.problems]
    assert not ChangeRequest.objects.exists()


def test_a_317_for_a_withdrawn_allocation_names_no_current_allocation(world, officer_a, allocation, schemas):
    from regie.exchange.decisions import allocation_withdraw

    allocation_withdraw(actor=officer_a, allocation=allocation, reason="36")
    assert Allocation.objects.get(pk=allocation.pk).status == AllocationStatus.WITHDRAWN
    message = receive(vow(world, unchanged=[number(allocation)], new=[("02A01", dt.date(2025, 6, 1), None)]))
    assert ("TR350", "9350") in [(p["regel"], p["retourcode"]) for p in message.problems]


# --- screens --------------------------------------------------------------------------------------------

def login(client, actor):
    client.force_login(actor.user)
    return client


def test_the_officer_sees_the_request_and_grants_it_in_the_portal(client, world, officer_a, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    login(client, officer_a)
    page = client.get(reverse("requests:request-list"))
    assert page.status_code == 200 and "R1" in page.content.decode()
    detail = client.get(reverse("requests:allocation-request", args=[request.pk]))
    assert detail.status_code == 200 and "Cliënt1" in detail.content.decode()
    response = client.post(reverse("requests:allocation-request-grant", args=[request.pk]),
                           {"category": world.b1.pk, "start": "2025-05-01", "end": "2025-12-31"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.GRANTED and request.allocation.category == world.b1


def test_the_officer_refuses_in_the_portal(client, world, officer_a, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    login(client, officer_a)
    response = client.post(reverse("requests:allocation-request-refuse", args=[request.pk]), {"reason": "7"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.refusal_reason) == (RequestStatus.REFUSED, "7")


def test_a_request_of_another_municipality_is_not_found(client, world, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    org_b = f.OrganisationFactory(region=world.region, kind="municipality", municipality=world.b)
    login(client, f.actor(org_b, "access_officer"))
    assert client.get(reverse("requests:allocation-request", args=[request.pk])).status_code == 404
    response = client.post(reverse("requests:allocation-request-refuse", args=[request.pk]), {"reason": "7"})
    assert response.status_code == 404
    assert AllocationRequest.objects.get().status == RequestStatus.OPEN


def test_a_municipality_member_without_the_access_role_is_forbidden(client, world, officer_a, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    adviser = f.actor(officer_a.organisation, "policy_adviser", username="adviseur")
    login(client, adviser)
    assert client.get(reverse("requests:request-list")).status_code == 403
    assert client.get(reverse("requests:allocation-request", args=[request.pk])).status_code == 403


def test_the_provider_sees_its_own_requests_but_cannot_answer(client, world, staff_p2, staff_p1, schemas):
    receive(vot(world))
    request = AllocationRequest.objects.get()
    login(client, staff_p2)
    assert client.get(reverse("requests:allocation-request", args=[request.pk])).status_code == 200
    response = client.post(reverse("requests:allocation-request-refuse", args=[request.pk]), {"reason": "7"})
    assert response.status_code == 403
    assert [r.pk for r in request_list(actor=staff_p2)["allocation"]] == [request.pk]
    assert request_list(actor=staff_p1)["allocation"] == []
    login(client, staff_p1)
    assert client.get(reverse("requests:allocation-request", args=[request.pk])).status_code == 404


def test_the_change_request_screen_grants_as_a_whole(client, world, officer_a, allocation, schemas):
    receive(vow(world, change=[(number(allocation), APRIL, dt.date(2025, 9, 30))]))
    request = ChangeRequest.objects.get()
    login(client, officer_a)
    page = client.get(reverse("requests:change-request", args=[request.pk]))
    assert page.status_code == 200 and allocation.reference in page.content.decode()
    assert client.post(reverse("requests:change-request-grant", args=[request.pk])).status_code == 302
    request.refresh_from_db()
    assert request.status == RequestStatus.GRANTED
