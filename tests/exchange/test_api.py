"""The REST API of the message store: POST an iWmo file (raw XML or multipart), read the list and one
message; session or HTTP Basic authentication; the same scoping and permissions as the screens."""

import base64

import pytest
import time_machine
from django.urls import reverse

from regie.care.models import AllocationStatus
from regie.exchange.models import Direction, Message, MessageStatus
from tests.exchange.portal import TODAY, XXE, start_file

URL = "/api/berichten/"
PASSWORD = "geheim-wachtwoord"  # tests.factories.UserFactory


def basic(user) -> dict:
    token = base64.b64encode(f"{user.username}:{PASSWORD}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


def post_xml(client, data, **headers):
    return client.generic("POST", URL, data, content_type="application/xml", **headers)


def test_the_url_is_the_documented_one():
    assert reverse("exchange-api:message-list") == URL
    assert reverse("exchange-api:message-detail", args=[7]) == URL + "7/"


def test_a_machine_client_posts_a_305_as_raw_xml_with_basic_auth(client, people, outgoing, allocated):
    with time_machine.travel(TODAY, tick=False):
        response = post_xml(client, start_file(outgoing), HTTP_X_FILENAME="start.xml", **basic(people.staff_p2))
    assert response.status_code == 201, response.content
    body = response.json()
    incoming = Message.objects.get(direction=Direction.IN)
    assert (body["id"], body["code"], body["status"], body["problems"]) == (incoming.pk, "305", "accepted", [])
    assert body["answer_id"] == incoming.answer.pk and incoming.answer.code == "306"
    assert body["duplicate"] is False and incoming.filename == "start.xml"
    allocated.refresh_from_db()
    assert allocated.status == AllocationStatus.STARTED


def test_the_same_message_posted_twice_changes_nothing_and_gets_the_same_answer(client, people, outgoing):
    data = start_file(outgoing)
    with time_machine.travel(TODAY, tick=False):
        first = post_xml(client, data, **basic(people.staff_p2))
        second = post_xml(client, data, **basic(people.staff_p2))
    assert (first.status_code, second.status_code) == (201, 200)
    assert second.json()["duplicate"] is True
    assert (second.json()["id"], second.json()["answer_id"]) == (first.json()["id"], first.json()["answer_id"])
    assert Message.objects.filter(direction=Direction.IN).count() == 1


def test_a_multipart_upload_in_a_session_works_too(as_user, people, outgoing):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = as_user(people.staff_p2)
    with time_machine.travel(TODAY, tick=False):
        response = client.post(URL, {"file": SimpleUploadedFile("start.xml", start_file(outgoing))})
    assert response.status_code == 201, response.content
    assert Message.objects.get(direction=Direction.IN).filename == "start.xml"


def test_rejected_parts_come_back_with_their_retourcode_explained(client, people, outgoing):
    with time_machine.travel(TODAY, tick=False):
        response = post_xml(client, start_file(outgoing, number=999), **basic(people.staff_p2))
    assert response.status_code == 201
    body = response.json()
    assert body["status"] == MessageStatus.REJECTED
    (problem,) = body["problems"]
    assert problem["retourcode"] == "9019"
    assert problem["retourcode_text"] == "Het regie bericht kan niet gekoppeld worden aan een toewijzing."


def test_a_hostile_file_is_refused_as_a_problem_document_and_nothing_is_stored(client, people, world):
    before = Message.objects.count()
    response = post_xml(client, XXE, **basic(people.staff_p2))
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert body["code"] == "iwmo-doctype" and body["status"] == 422
    assert body["problems"] and "DOCTYPE" in body["problems"][0]
    assert Message.objects.count() == before


def test_an_empty_body_is_refused(client, people, world):
    response = post_xml(client, b"", **basic(people.staff_p2))
    assert response.status_code == 422 and response.json()["code"] == "iwmo-leeg"


def test_multipart_without_a_file_is_a_bad_request(as_user, people, world):
    response = as_user(people.staff_p2).post(URL, {"other": "x"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")


def test_the_anonymous_client_is_asked_to_authenticate(client, outgoing):
    for response in (client.get(URL), post_xml(client, b"<a/>"), client.get(f"{URL}{outgoing.pk}/")):
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Basic")
    assert client.get(URL, HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"x:y").decode()).status_code == 401


def test_only_provider_staff_may_post(client, people, outgoing):
    for user in (people.finance, people.access_b, people.norole_p2, people.member):
        response = post_xml(client, start_file(outgoing), **basic(user))
        assert response.status_code == 403, user
        assert response.json()["status"] == 403
    assert not Message.objects.filter(direction=Direction.IN).exists()


def test_reading_needs_a_role_that_reads_messages(client, people, outgoing):
    for user in (people.member, people.norole_p2):
        assert client.get(URL, **basic(user)).status_code == 403


@pytest.mark.parametrize("who, sees", [("staff_p2", True), ("staff_p1", False), ("finance", True),
                                       ("access_b", False)])
def test_the_list_and_detail_are_scoped_like_the_screens(client, people, outgoing, who, sees):
    user = getattr(people, who)
    ids = [m["id"] for m in client.get(URL, **basic(user)).json()["results"]]
    assert (outgoing.pk in ids) is sees
    detail = client.get(f"{URL}{outgoing.pk}/", **basic(user))
    assert detail.status_code == (200 if sees else 404)
    if not sees:
        assert detail.json()["code"] == "message-not-found"


def test_the_list_filters_like_the_screen(client, people, outgoing):
    with time_machine.travel(TODAY, tick=False):
        post_xml(client, start_file(outgoing), **basic(people.staff_p2))
    auth = basic(people.staff_p2)
    assert {m["code"] for m in client.get(URL, {"richting": "in"}, **auth).json()["results"]} == {"305"}
    assert {m["code"] for m in client.get(URL, {"code": "301"}, **auth).json()["results"]} == {"301"}
    bad = client.get(URL, {"maand": "2025-13"}, **auth)
    assert bad.status_code == 400 and bad.json()["code"] == "filter-invalid"


def test_the_detail_gives_the_xml_and_a_provider_fetching_it_marks_it_sent(client, people, outgoing):
    body = client.get(f"{URL}{outgoing.pk}/", **basic(people.staff_p2)).json()
    assert (body["code"], body["direction"], body["status"]) == ("301", "out", "queued")
    response = client.get(body["xml_url"], **basic(people.staff_p2))
    assert response.status_code == 200 and response.content == bytes(outgoing.xml)
    assert response["Content-Disposition"] == f'attachment; filename="WMO301_{outgoing.pk}.xml"'
    outgoing.refresh_from_db()
    assert outgoing.status == MessageStatus.SENT


def test_a_post_in_a_session_needs_the_csrf_token(people, outgoing):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people.staff_p2)
    response = post_xml(client, start_file(outgoing))
    assert response.status_code == 403
    assert not Message.objects.filter(direction=Direction.IN).exists()



def test_another_content_type_is_unsupported(client, people, world):
    response = client.post(URL, {"a": 1}, content_type="application/json", **basic(people.staff_p2))
    assert response.status_code == 415
    assert not Message.objects.filter(direction=Direction.IN).exists()


def test_a_large_body_is_read_past_djangos_form_limit_and_refused_at_the_standards_limit(client, people, world):
    import iwmo

    big = post_xml(client, b"<a>" + b" " * (3 * 1024 * 1024) + b"</b>", **basic(people.staff_p2))
    assert big.status_code == 422 and big.json()["code"] == "iwmo-niet-welgevormd"  # not Django's 2.5 MB limit
    oversize = post_xml(client, b"<a>" + b" " * iwmo.MAX_GROOTTE + b"</a>", **basic(people.staff_p2))
    assert oversize.status_code == 422 and oversize.json()["code"] == "iwmo-te-groot"
    assert not Message.objects.filter(direction=Direction.IN).exists()


def test_the_answers_have_the_fields_the_openapi_description_names(client, people, outgoing):
    """The serializers of exchange.serializers describe `message_json` for docs/openapi.yaml: they
    must name exactly the fields the API writes, for the list, a page of it, one message and a post."""
    from regie.exchange.serializers import (MessageDetailSerializer, MessagePageSerializer, MessageReceivedSerializer,
                                            MessageSerializer, ProblemLineSerializer)

    with time_machine.travel(TODAY, tick=False):  # a start of an allocation that is not there: one problem
        posted = post_xml(client, start_file(outgoing, number=999), **basic(people.staff_p2)).json()
    page = client.get(URL, **basic(people.staff_p2)).json()
    detail = client.get(f"{URL}{outgoing.pk}/", **basic(people.staff_p2)).json()
    assert set(posted) == set(MessageReceivedSerializer().fields)
    assert set(page) == set(MessagePageSerializer().fields) and page["results"]
    assert all(set(row) == set(MessageSerializer().fields) for row in page["results"])
    assert set(detail) == set(MessageDetailSerializer().fields)
    (problem,) = posted["problems"]
    assert set(problem) == set(ProblemLineSerializer().fields)
