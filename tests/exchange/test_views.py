"""The message screens: who sees which message, the detail with retourcodes explained, the XML download
(a provider fetching its 301 marks it sent), and the upload of XML files by a provider's staff."""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from regie.care.models import AllocationStatus
from regie.exchange.models import Direction, Message, MessageStatus
from tests.exchange.portal import APRIL, TODAY, XXE, start_file, upload


# --- who sees what ------------------------------------------------------------------------------------

@pytest.mark.parametrize("who, sees", [("staff_p2", True), ("staff_p1", False), ("finance", True),
                                       ("access_b", False)])
def test_the_list_shows_exactly_the_messages_of_ones_own_organisation(as_user, people, outgoing, who, sees):
    response = as_user(getattr(people, who)).get(reverse("exchange:message-list"))
    assert response.status_code == 200
    link = reverse("exchange:message-detail", args=[outgoing.pk])
    assert (link in response.content.decode()) is sees


def test_the_municipality_sees_its_own_messages(client, people, outgoing):
    client.force_login(people.officer_a.user)
    response = client.get(reverse("exchange:message-list"))
    assert reverse("exchange:message-detail", args=[outgoing.pk]) in response.content.decode()


@pytest.mark.parametrize("who", ["member", "norole_p2"])
def test_without_a_role_that_reads_messages_the_screens_are_forbidden(as_user, people, outgoing, who):
    client = as_user(getattr(people, who))
    for url in (reverse("exchange:message-list"), reverse("exchange:message-detail", args=[outgoing.pk]),
                reverse("exchange:message-download", args=[outgoing.pk]), reverse("exchange:message-upload")):
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("who", ["staff_p1", "access_b"])
def test_another_organisations_message_is_not_found(as_user, people, outgoing, who):
    client = as_user(getattr(people, who))
    assert client.get(reverse("exchange:message-detail", args=[outgoing.pk])).status_code == 404
    assert client.get(reverse("exchange:message-download", args=[outgoing.pk])).status_code == 404
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.QUEUED


def test_the_anonymous_visitor_goes_to_the_log_in_page(client, outgoing):
    for url in (reverse("exchange:message-list"), reverse("exchange:message-detail", args=[outgoing.pk]),
                reverse("exchange:message-upload")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("login")), url


def test_the_upload_is_for_provider_staff_only(as_user, people, outgoing):
    for who in ("finance", "access_b"):
        response = upload(as_user(getattr(people, who)), ("s.xml", start_file(outgoing)))
        assert response.status_code == 403
    assert not Message.objects.filter(direction=Direction.IN).exists()


def test_the_navigation_links_to_the_messages_exactly_when_the_page_opens(as_user, people, outgoing):
    link = f'href="{reverse("exchange:message-list")}"'
    assert link in as_user(people.staff_p2).get(reverse("home")).content.decode()
    assert link not in as_user(people.member).get(reverse("home")).content.decode()


# --- the list -------------------------------------------------------------------------------------------

def test_the_list_filters_on_direction_code_status_and_month(as_user, people, outgoing):
    client = as_user(people.staff_p2)
    with time_machine.travel(TODAY, tick=False):
        upload(client, ("s.xml", start_file(outgoing)))
    incoming = Message.objects.get(direction=Direction.IN)
    link_in = reverse("exchange:message-detail", args=[incoming.pk])
    link_out = reverse("exchange:message-detail", args=[outgoing.pk])

    def shown(**query):
        page = client.get(reverse("exchange:message-list"), query).content.decode()
        return {name for name, link in (("in", link_in), ("out", link_out)) if f'href="{link}"' in page}

    assert shown() == {"in", "out"}
    assert shown(richting="in") == {"in"}
    assert shown(code="301") == {"out"}
    assert shown(status="accepted") == {"in"}
    assert shown(maand="2025-04") == {"in"}
    assert shown(maand="2025-03") == {"out"}
    assert shown(maand="2025-13") == {"in", "out"}  # a wrong month is shown as an error, not an empty list
    assert "2025-13" in client.get(reverse("exchange:message-list"), {"maand": "2025-13"}).content.decode()


def test_the_list_costs_the_same_queries_for_many_messages(as_user, people, world, allocated,
                                                           django_assert_max_num_queries):
    for n in range(30):
        Message.objects.create(region=world.region, direction=Direction.OUT, code="301", sender="0001",
                               receiver=world.p2.agb_code, identification=f"X{n}", dated=APRIL,
                               status=MessageStatus.QUEUED, provider=world.p2, municipality=world.a)
    client = as_user(people.finance)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("exchange:message-list"))
    assert response.status_code == 200
    assert len(re.findall(r'href="/berichten/\d+/"', response.content.decode())) == 31


# --- detail and download ----------------------------------------------------------------------------

def test_the_detail_explains_every_retourcode_in_dutch(as_user, people, outgoing):
    client = as_user(people.staff_p2)
    with time_machine.travel(TODAY, tick=False):
        upload(client, ("onbekend.xml", start_file(outgoing, number=999)))
    incoming = Message.objects.get(direction=Direction.IN)
    assert incoming.status == MessageStatus.REJECTED and incoming.problems[0]["retourcode"] == "9019"
    page = client.get(reverse("exchange:message-detail", args=[incoming.pk])).content.decode()
    assert "9019" in page
    assert "Het regie bericht kan niet gekoppeld worden aan een toewijzing." in page
    answer = incoming.answer
    assert answer.code == "306"
    assert reverse("exchange:message-detail", args=[answer.pk]) in page
    answer_page = client.get(reverse("exchange:message-detail", args=[answer.pk])).content.decode()
    assert reverse("exchange:message-detail", args=[incoming.pk]) in answer_page  # links back to the original
    assert "9019" in answer_page  # and shows what it reports back


def test_a_provider_downloading_its_301_fetches_it(as_user, people, outgoing):
    response = as_user(people.staff_p2).get(reverse("exchange:message-download", args=[outgoing.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    assert response["Content-Disposition"] == f'attachment; filename="WMO301_{outgoing.pk}.xml"'
    assert response.content == bytes(outgoing.xml)
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.SENT and outgoing.sent_at is not None


def test_the_purchasing_office_downloading_a_301_does_not_send_it(as_user, people, outgoing):
    response = as_user(people.finance).get(reverse("exchange:message-download", args=[outgoing.pk]))
    assert response.status_code == 200 and response.content == bytes(outgoing.xml)
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.QUEUED


def test_a_held_message_shows_why_and_has_nothing_to_download(as_user, people, world):
    held = Message.objects.create(region=world.region, direction=Direction.OUT, code="301", sender="0001",
                                  receiver="", status=MessageStatus.HELD, provider=world.p2, municipality=world.a,
                                  problems=[{"regel": "provider-without-agb", "retourcode": "", "pad": "",
                                             "melding": "Zorg Twee heeft geen AGB-code."}])
    client = as_user(people.staff_p2)
    page = client.get(reverse("exchange:message-detail", args=[held.pk])).content.decode()
    assert "Zorg Twee heeft geen AGB-code." in page
    assert reverse("exchange:message-download", args=[held.pk]) not in page
    assert client.get(reverse("exchange:message-download", args=[held.pk])).status_code == 404


# --- upload -----------------------------------------------------------------------------------------------

def test_a_305_uploaded_in_the_portal_starts_the_allocation_and_is_answered(as_user, people, outgoing, allocated):
    client = as_user(people.staff_p2)
    with time_machine.travel(TODAY, tick=False):
        response = upload(client, ("start.xml", start_file(outgoing)))
    assert response.status_code == 200
    incoming = Message.objects.get(direction=Direction.IN)
    assert (incoming.code, incoming.status, incoming.filename) == ("305", MessageStatus.ACCEPTED, "start.xml")
    assert incoming.received_by == people.staff_p2
    allocated.refresh_from_db()
    assert (allocated.status, allocated.started_on) == (AllocationStatus.STARTED, dt.date(2025, 4, 2))
    page = response.content.decode()
    assert "goedgekeurd" in page and "start.xml" in page
    assert reverse("exchange:message-detail", args=[incoming.answer.pk]) in page


def test_the_same_file_twice_changes_nothing_and_says_so(as_user, people, outgoing):
    client = as_user(people.staff_p2)
    data = start_file(outgoing)
    with time_machine.travel(TODAY, tick=False):
        upload(client, ("start.xml", data))
        response = upload(client, ("start.xml", data))
    assert Message.objects.filter(direction=Direction.IN).count() == 1
    assert Message.objects.filter(direction=Direction.OUT, code="306").count() == 1
    assert "al eerder ontvangen" in response.content.decode()


def test_a_hostile_file_is_refused_with_the_reason_and_nothing_is_stored(as_user, people, outgoing):
    before = Message.objects.count()
    client = as_user(people.staff_p2)
    with time_machine.travel(TODAY, tick=False):
        response = upload(client, ("xxe.xml", XXE), ("start.xml", start_file(outgoing)))
    assert response.status_code == 200
    page = response.content.decode()
    refused = page[page.index("xxe.xml"):page.index("start.xml")]
    assert "geweigerd" in refused and "iwmo-doctype" in refused
    assert "DOCTYPE" in refused  # the library's reason, in Dutch
    assert "passwd" not in page.replace("file:///etc/passwd", "")  # the entity was never resolved
    # the good file next to it went through; the refused one left no row
    assert Message.objects.count() == before + 2  # the 305 and its 306
    assert Message.objects.filter(direction=Direction.IN).get().filename == "start.xml"


def test_a_file_from_another_provider_is_refused(as_user, people, world, outgoing):
    client = as_user(people.staff_p1)
    with time_machine.travel(TODAY, tick=False):
        response = upload(client, ("start.xml", start_file(outgoing)))
    assert "sender-mismatch" in response.content.decode()
    assert not Message.objects.filter(direction=Direction.IN).exists()


def test_an_upload_without_files_asks_for_one(as_user, people, world):
    response = as_user(people.staff_p2).post(reverse("exchange:message-upload"), {})
    assert response.status_code == 200
    assert "Kies ten minste één XML-bestand." in response.content.decode()


def test_an_oversize_file_is_refused_unread(as_user, people, world, settings):
    import iwmo

    data = b"<a>" + b" " * iwmo.MAX_GROOTTE + b"</a>"
    response = upload(as_user(people.staff_p2), ("groot.xml", data))
    page = response.content.decode()
    assert "geweigerd" in page and re.search(r"iwmo-te-groot", page)
    assert not Message.objects.filter(direction=Direction.IN).exists()


def test_the_screens_say_when_schema_validation_is_off(as_user, people, world, settings):
    settings.IWMO_SCHEMA_DIR = ""
    client = as_user(people.staff_p2)
    for url in (reverse("exchange:message-list"), reverse("exchange:message-upload")):
        assert "schema (XSD) staat uit" in client.get(url).content.decode(), url
    settings.IWMO_SCHEMA_DIR = "/ergens"
    assert "staat uit" not in client.get(reverse("exchange:message-list")).content.decode()


def test_the_list_pages_by_fifty_and_keeps_the_filter(as_user, people, world):
    for n in range(55):
        Message.objects.create(region=world.region, direction=Direction.OUT, code="301", sender="0001",
                               receiver=world.p2.agb_code, identification=f"X{n}", dated=APRIL,
                               status=MessageStatus.QUEUED, provider=world.p2, municipality=world.a)
    client = as_user(people.staff_p2)
    first = client.get(reverse("exchange:message-list"), {"code": "301"}).content.decode()
    assert "pagina 1 van 2 (55 berichten)" in first and "?code=301&pagina=2" in first
    second = client.get(reverse("exchange:message-list"), {"pagina": "2"}).content.decode()
    assert "pagina 2 van 2" in second and "met dit filter" not in second and ">wissen<" not in second
    assert len(re.findall(r'href="/berichten/\d+/"', second)) == 5
