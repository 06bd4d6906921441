"""Absurd and hostile URLs, query strings, uploads, request bodies and API calls: each is refused with its
status and stable code (never 5xx, never a traceback) and stores nothing."""

import base64
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regie.billing.models import Declaration
from regie.core.errors import DomainError
from regie.core.parsers import BoundedJSONParser

from .conftest import stored

# -- URLs and query strings ---------------------------------------------------------------------------

# (who, URL, status)
PAGES = [
    ("finance", "/verrekening/0000-01/", 404),
    ("finance", "/verrekening/2025-13/", 404),
    ("finance", "/verrekening/2025-00/", 404),
    ("finance", "/verrekening/9999-12/", 404),
    ("finance", "/verrekening/2025-1-1x/", 404),
    ("finance", "/verrekening/%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95-03/", 404),  # fullwidth digits
    ("staff_p1", "/declaraties/?maand=0000-01", 404),
    ("staff_p1", "/declaraties/?maand=9999-12", 404),
    ("staff_p1", "/declaraties/?maand=2025-13", 404),
    ("staff_p1", "/declaraties/?maand=%00", 404),
    ("staff_p1", "/declaraties/?maand=2025-03&pagina=1000000000000000000000000000000", 200),
    ("staff_p1", "/declaraties/?maand=2025-03&status=%00", 200),
    ("access_a", "/clienten/?q=%00", 200),
    ("access_a", "/clienten/?q=%E2%80%AE", 200),
    ("access_a", "/toewijzingen/?q=%00", 200),
    ("access_a", "/toewijzingen/99999999999999999999999999/", 404),
    ("purchaser", "/tijdigheid/?van=0000-01", 404),
    ("purchaser", "/tijdigheid/?tot=9999-12", 404),
    ("purchaser", "/tijdigheid/?aanbieder=%C2%B2", 200),  # '²'
    ("purchaser", "/tijdigheid/?aanbieder=99999999999999999999999", 200),
    ("finance", "/berichten/?maand=0000-01", 200),  # the filter shows its error
]


@pytest.mark.parametrize(("who", "url", "status"), PAGES, ids=[u for _, u, _ in PAGES])
def test_a_hostile_url_is_refused_not_a_server_error(as_user, people, world, who, url, status):
    before = stored()
    response = as_user(getattr(people, who)).get(url)
    assert response.status_code == status
    assert b"Traceback" not in response.content
    assert stored() == before


def test_a_month_filter_shows_its_code(as_user, people, world):
    response = as_user(people.finance).get("/berichten/?maand=0000-01")
    assert [e.code for e in response.context["form"].errors.as_data()["maand"]] == ["month-invalid"]


# -- uploads -------------------------------------------------------------------------------------------

HEADER = "reference,month,debit_credit,volume,unit_price,amount,category"


def csv_upload(text: str | bytes, name="declaratie.csv"):
    data = text.encode() if isinstance(text, str) else text
    return SimpleUploadedFile(name, data, content_type="text/csv")


# (line 2 of the file, field the refusal names, code)
UPLOADS = [
    ("A1,2025-03,D,,,1E+30,", "amount", "amount-exponent"),
    ("A1,2025-03,D,,,NaN,", "amount", "amount-not-finite"),
    ("A1,2025-03,D,,,Infinity,", "amount", "amount-not-finite"),
    ("A1,2025-03,D,,,12345678901234567890.00,", "amount", "amount-too-large"),
    ("A1,2025-03,D,,,400.005,", "amount", "amount-too-precise"),
    ("A1,2025-03,D,²,,,", "volume", "number-not-ascii"),
    ("A1,2025-03,D,,٤٠٠,,", "unit_price", "number-not-ascii"),
    ("A1,2025-03,D,,,,٣", "category", "number-not-ascii"),
    ("A1,2025-03,D,,,,99999999999999999999", "category", "integer-out-of-range"),
    ("A1,0000-01,D,,,,", "month", "month-invalid"),
    ("A1,9999-12,D,,,,", "month", "month-out-of-window"),
    ("A1,2025-13,D,,,,", "month", "month-invalid"),
    ("A\x001,2025-03,D,,,,", "reference", "text-control-character"),
    ("\u202eA1,2025-03,D,,,,", "reference", "text-control-character"),
]


@pytest.mark.parametrize(("line", "field", "code"), UPLOADS, ids=[c for _, _, c in UPLOADS])
def test_a_hostile_line_refuses_the_upload_whole_naming_file_line_and_field(as_user, people, world, line, field,
                                                                              code):
    before = stored()
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"),
                                             {"file": csv_upload(f"{HEADER}\n{line}\n")})
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == code
    assert error.message.startswith(f"declaratie.csv:2: {field}: ")
    assert stored() == before and not Declaration.objects.exists()


def test_an_upload_of_300000_rows_is_refused_at_the_row_cap(as_user, people, world, settings):
    rows = "\n".join(f"A{n % 4 + 1},2025-03,D" for n in range(300_000))
    assert len(rows) < settings.REGIE_UPLOAD_MAX_BYTES  # the row cap refuses it, not the byte cap
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"),
                                             {"file": csv_upload("reference,month,debit_credit\n" + rows)})
    assert response.status_code == 200
    [error] = response.context["form"].errors.as_data()["file"]
    assert error.code == "file-too-many-rows"
    assert error.message.startswith(f"declaratie.csv:{settings.REGIE_UPLOAD_MAX_ROWS + 2}: ")
    assert not Declaration.objects.exists()


def test_an_upload_past_the_byte_cap_is_refused_unread(as_user, people, world, settings):
    settings.REGIE_UPLOAD_MAX_BYTES = 1000
    content = "reference,month,debit_credit\n" + "A1,2025-03,D\n" * 100
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"), {"file": csv_upload(content)})
    assert [e.code for e in response.context["form"].errors.as_data()["file"]] == ["file-too-large"]
    assert not Declaration.objects.exists()


@pytest.mark.parametrize(("content", "code"), [
    (b"reference,month,debit_credit\nA1,2025-03,\xff\xfe\n", "encoding-invalid"),
    (b"reference,month,debit_credit\n", "file-empty"),
    (b"\x00" * 1000, "column-unknown"),
    # a field past the csv module's own limit (131,072 characters): refused with its line, not a csv.Error
    ("reference,month,debit_credit\n" + "A" * 200_000 + ",2025-03,D\n", "csv-invalid"),
])
def test_a_file_that_is_no_csv_is_refused(as_user, people, world, content, code):
    content = content.encode() if isinstance(content, str) else content
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"), {"file": csv_upload(content)})
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["file"]] == [code]
    assert not Declaration.objects.exists()


# -- request bodies ------------------------------------------------------------------------------------

def test_a_body_past_the_request_cap_is_413_before_it_is_read(as_user, people, world, settings):
    settings.REGIE_REQUEST_MAX_BYTES = 10_000
    response = as_user(people.staff_p1).post(reverse("billing:declaration-create"),
                                             {"reference": "A1" * 10_000, "month": "2025-03", "debit_credit": "D"})
    assert response.status_code == 413
    assert b"Traceback" not in response.content
    assert not Declaration.objects.exists()


def test_a_form_body_past_djangos_memory_cap_is_400(as_user, people, world):
    response = as_user(people.staff_p1).post(reverse("billing:declaration-create"),
                                             {"reference": "A" * 3_000_000, "month": "2025-03", "debit_credit": "D"})
    assert response.status_code == 400
    assert not Declaration.objects.exists()


def test_a_form_with_too_many_fields_is_400(as_user, people, world):
    data = {f"f{n}": "x" for n in range(2000)}
    response = as_user(people.staff_p1).post(reverse("billing:declaration-create"), data)
    assert response.status_code == 400


# -- the API -------------------------------------------------------------------------------------------

URL = "/api/berichten/"


def basic(user) -> dict:
    token = base64.b64encode(f"{user.username}:geheim-wachtwoord".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {token}"}


# (query, status, code, field)
QUERIES = [
    ("offset=" + "1" + "0" * 30, 400, "integer-out-of-range", "offset"),
    ("offset=-1", 400, "integer-out-of-range", "offset"),
    ("offset=٣", 400, "number-not-ascii", "offset"),
    ("offset=1e3", 400, "integer-invalid", "offset"),
    ("offset=%00", 400, "integer-invalid", "offset"),
    ("limit=-5", 400, "integer-out-of-range", "limit"),
    ("limit=0", 400, "integer-out-of-range", "limit"),
    ("limit=101", 400, "integer-out-of-range", "limit"),
    ("limit=abc", 400, "integer-invalid", "limit"),
    ("maand=0000-01", 400, "filter-invalid", None),
    ("maand=9999-12", 400, "filter-invalid", None),
]


@pytest.mark.parametrize(("query", "status", "code", "field"), QUERIES, ids=[q[:30] for q, *_ in QUERIES])
def test_a_hostile_query_on_the_api_is_a_problem_document(client, people, world, query, status, code, field):
    response = client.get(f"{URL}?{query}", **basic(people.staff_p1))
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == code and body.get("field") == field


def test_offset_and_limit_within_bounds_are_answered(client, people, world):
    response = client.get(f"{URL}?offset=1000000000&limit=1", **basic(people.staff_p1))
    assert response.status_code == 200
    assert (response.json()["offset"], response.json()["limit"], response.json()["results"]) == (1_000_000_000, 1, [])


def test_a_huge_id_on_the_api_is_404(client, people, world):
    assert client.get(f"{URL}99999999999999999999999999/", **basic(people.staff_p1)).status_code == 404


def test_a_30_mb_body_on_the_api_is_413(client, people, world):
    data = b"<a>" + b"x" * (30 * 1024 * 1024) + b"</a>"
    before = stored()
    response = client.generic("POST", URL, data, content_type="application/xml", **basic(people.staff_p1))
    assert response.status_code == 413
    assert response.json()["code"] == "body-too-large"
    assert stored() == before


def test_a_100000_deep_json_body_on_the_api_is_refused(client, people, world):
    data = b"[" * 100_000 + b"]" * 100_000
    response = client.generic("POST", URL, data, content_type="application/json", **basic(people.staff_p1))
    assert response.status_code == 415  # the message store takes XML only
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("body", "exception", "code"), [
    (b"[" * 100_000 + b"]" * 100_000, DomainError, "json-too-deep"),
    (b'{"a": ' * 50 + b"1" + b"}" * 50, DomainError, "json-too-deep"),
    (b'{"a": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', None, None),  # brackets in a string
    (b'{"a": NaN}', Exception, "parse_error"),
    (b'{"a": Infinity}', Exception, "parse_error"),
    (b"\xff\xfe", Exception, "parse_error"),
])
def test_the_api_json_parser_is_bounded_in_depth_and_refuses_nan(body, exception, code):
    parser = BoundedJSONParser()
    if exception is None:
        assert parser.parse(io.BytesIO(body)) == json.loads(body)
        return
    with pytest.raises(exception) as error:
        parser.parse(io.BytesIO(body))
    assert getattr(error.value, "code", None) == code or error.value.get_codes() == code


def test_the_api_json_parser_refuses_a_body_past_its_cap(settings):
    settings.REGIE_API_MAX_BYTES = 100
    with pytest.raises(DomainError) as error:
        BoundedJSONParser().parse(io.BytesIO(b"[" + b"1," * 100 + b"1]"))
    assert (error.value.code, error.value.status) == ("body-too-large", 413)


def test_an_uploaded_declaration_named_with_control_characters_is_stored_cleaned(as_user, people, world):
    response = as_user(people.staff_p1).post(reverse("billing:declaration-upload"),
                                             {"file": csv_upload("reference,month,debit_credit\nA1,2025-03,D\n",
                                                                 name="de\x1bcl\u202earatie.csv")})
    assert response.status_code == 302
    assert Declaration.objects.get().filename.isprintable()
