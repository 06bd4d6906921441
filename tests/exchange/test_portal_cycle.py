"""The whole cycle as a provider does it in the web portal, with XML files only: download the 301 from the
message screen, answer it with a 302, start with a 305, declare with a 323, read the 306 and 325 in the list,
download the 325; the region's settlement pays the approved line, once, even when the 323 comes twice."""

import datetime as dt
import re
from decimal import Decimal

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import iwmo
from regie.billing.models import DeclarationLine, LineStatus
from regie.billing.services import settlement_run
from regie.care.models import AllocationStatus
from regie.exchange.decisions import allocation_create
from regie.exchange.models import Direction, Message, MessageStatus
from tests import factories as f
from tests.exchange.provider import declaration_323, start_305

APRIL = dt.date(2025, 4, 1)
ROW = re.compile(r'href="/berichten/(\d+)/">WMO(\d{3})</a>')


def at(day: dt.date, hour: int = 10):
    return time_machine.travel(dt.datetime(day.year, day.month, day.day, hour, 0), tick=False)


def listed(client) -> list[tuple[int, str]]:
    """The message list as the provider sees it, newest first: (id, message code)."""
    page = client.get(reverse("exchange:message-list"))
    assert page.status_code == 200
    return [(int(pk), code) for pk, code in ROW.findall(page.content.decode())]


def upload(client, name: str, data: bytes) -> str:
    response = client.post(reverse("exchange:message-upload"),
                           {"files": [SimpleUploadedFile(name, data, content_type="application/xml")]})
    assert response.status_code == 200
    return response.content.decode()


def download(client, pk: int) -> bytes:
    response = client.get(reverse("exchange:message-download", args=[pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return response.content


@pytest.fixture
def allocations(world, officer_a, schemas):
    """Aadorp allocates begeleiding (€ 400) and dagbesteding (€ 650) to client 1 at Zorg Twee from 1 April."""
    with at(dt.date(2025, 3, 28)):
        return [allocation_create(actor=officer_a, client=world.clients[0], product=product, category=category,
                                  provider=world.p2, start=APRIL)
                for product, category in ((world.begeleiding, world.b1), (world.dagbesteding, world.d1))]


@pytest.fixture
def portal(client, world):
    client.force_login(f.actor(world.p2, "provider_staff").user)
    return client


def test_a_provider_runs_the_whole_cycle_in_the_portal_with_xml_files_only(world, allocations, portal, schemas):
    begeleiding, dagbesteding = allocations
    # 1. the newest 301 holds both allocations (OP087); the provider downloads it on Monday 31 March
    with at(dt.date(2025, 3, 31)):
        rows = listed(portal)
        assert [code for _, code in rows] == ["301", "301"]
        newest = rows[0][0]
        xml_301 = download(portal, newest)
    assert iwmo.validate_schema(xml_301, schemas) == []
    toewijzing = iwmo.read(xml_301)
    assert [p.product.code for p in toewijzing.client.toegewezen_producten] == ["02A01", "07A01"]
    assert Message.objects.get(pk=newest).status == MessageStatus.SENT

    # 2. the 302 (nothing wrong) and the 305 (care started 2 April), uploaded on 2 and 3 April
    with at(dt.date(2025, 4, 1)):
        xml_302 = iwmo.write(iwmo.maak_retourbericht(toewijzing, [], identificatie_retour="AGB-R1",
                                                     dagtekening_retour=dt.date(2025, 4, 1)))
        page = upload(portal, "retour302.xml", xml_302)
    assert "retour302.xml" in page and "goedgekeurd" in page
    with at(dt.date(2025, 4, 3)):
        page = upload(portal, "start305.xml", start_305(toewijzing, identification="S1", dated=dt.date(2025, 4, 3),
                                                           begindatum=dt.date(2025, 4, 2)))
    assert "start305.xml" in page and "goedgekeurd" in page
    for allocation in allocations:
        allocation.refresh_from_db()
        assert (allocation.status, allocation.started_on) == (AllocationStatus.STARTED, dt.date(2025, 4, 2))
    retour_302 = Message.objects.get(direction=Direction.IN, code="302")
    assert (retour_302.reply_to_id, retour_302.status, retour_302.answer) == (newest, MessageStatus.ACCEPTED, None)

    rows = listed(portal)
    codes = [code for _, code in rows]
    assert codes == ["306", "305", "302", "301", "301"]  # the 302 is not answered
    answer_306 = rows[0][0]
    retour = iwmo.read(download(portal, answer_306))
    assert retour.NAAM == "wmo306" and retour.header.retour_codes == [] and retour.client is None

    # 3. the 323 for April at € 400 a product: begeleiding is right, dagbesteding is not (its tariff is € 650)
    xml_323 = declaration_323(toewijzing, identification="D-APR", dated=dt.date(2025, 5, 5), month=APRIL,
                              tariff_cents=40000)
    with at(dt.date(2025, 5, 5)):
        page = upload(portal, "declaratie323.xml", xml_323)
    assert "declaratie323.xml" in page and "deels afgekeurd" in page
    rows = listed(portal)
    assert [code for _, code in rows][:2] == ["325", "323"]
    xml_325 = download(portal, rows[0][0])
    assert iwmo.validate_schema(xml_325, schemas) == []
    antwoord = iwmo.read(xml_325).declaratie_antwoord
    assert antwoord.retour_codes == ["0200"]
    assert antwoord.totaal_toegekend_bedrag.totaal_bedrag == 40000
    (client,) = antwoord.clienten
    assert client.retour_codes == ["0200"]
    assert [(p.toewijzingnummer, p.product_code, p.retour_codes) for p in client.prestaties] == [
        (toewijzing.client.toegewezen_producten[1].toewijzingnummer, "07A01", ["0611"])]
    # dagbesteding's ProductTarief is not the contract's: TR418 refuses it in the message, so it never
    # becomes a declaration line; begeleiding is declared and approved.
    assert [(p["regel"], p["retourcode"]) for p in Message.objects.get(code="323").problems] == [("TR418", "0611")]
    lines = {line.allocation_id: line for line in DeclarationLine.objects.all()}
    assert set(lines) == {begeleiding.pk} and dagbesteding.pk not in lines
    assert lines[begeleiding.pk].status == LineStatus.APPROVED

    # 4. the same 323 again: nothing changes, the portal says so, and the region pays once
    with at(dt.date(2025, 5, 6)):
        page = upload(portal, "declaratie323-nogmaals.xml", xml_323)
    assert "al eerder ontvangen" in page
    assert [code for _, code in listed(portal)] == [code for _, code in rows]
    assert DeclarationLine.objects.count() == 1
    run = settlement_run(actor=None, region=world.region, month=APRIL)
    assert run.paid_to_providers == Decimal("400.00")
