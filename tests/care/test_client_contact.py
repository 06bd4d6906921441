"""The client's gender (iWmo COD046) and address: validated by `client_create`, read by import-clients,
entered and shown on the client screens."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from iwmo.codelists import Geslacht
from regie.care.imports import clients_import
from regie.care.models import Client, Gender
from regie.care.services import ResidencePeriod, client_create
from regie.core.errors import DomainError
from regie.core.imports import InputError
from tests import factories as f

ADDRESS = {"street": "Kerkstraat", "house_number": 12, "house_number_addition": "A", "postcode": "5211AB",
           "town": "'s-Hertogenbosch"}


def create(world, officer, n=900, **contact):
    return client_create(actor=officer, region=world.region, bsn=f.valid_bsn(n), family_name="Smit", initials="A.",
                         birth_date=dt.date(1950, 1, 1),
                         residences=[ResidencePeriod(municipality=world.a, valid_from=dt.date(2020, 1, 1))], **contact)


def refused(world, officer, **contact) -> DomainError:
    with pytest.raises(DomainError) as error:
        create(world, officer, **contact)
    assert not Client.objects.filter(family_name="Smit").exists()
    return error.value


def test_the_genders_are_the_iwmo_codes():
    assert Gender.values == [g.value for g in Geslacht] == ["0", "1", "2"]


def test_without_gender_and_address_a_client_is_created_as_before(world, officer_a):
    client = Client.objects.get(pk=create(world, officer_a).pk)
    assert client.gender == Gender.UNKNOWN
    assert (client.street, client.house_number, client.house_number_addition, client.postcode, client.town) == (
        "", None, "", "", "")


def test_gender_and_address_are_stored_normalised(world, officer_a):
    client = create(world, officer_a, gender="2", street=" Kerkstraat ", house_number=12, house_number_addition="a ",
                    postcode=" 5211 ab", town="'s-Hertogenbosch")
    client = Client.objects.get(pk=client.pk)
    assert client.gender == Gender.FEMALE and client.get_gender_display() == "Vrouw"
    assert (client.street, client.house_number, client.house_number_addition, client.postcode, client.town) == (
        "Kerkstraat", 12, "a", "5211AB", "'s-Hertogenbosch")


@pytest.mark.parametrize("postcode", ["0211AB", "5211A", "52111AB", "5211-AB", "AB5211", "5211ÄB", "5211 A B 1"])
def test_a_postcode_that_is_not_dutch_is_refused(world, officer_a, postcode):
    error = refused(world, officer_a, **{**ADDRESS, "postcode": postcode})
    assert (error.code, error.field) == ("postcode-invalid", "postcode")
    assert "5211AB" in error.message


@pytest.mark.parametrize("gender", ["3", "M", "man", "01"])
def test_a_gender_outside_cod046_is_refused(world, officer_a, gender):
    error = refused(world, officer_a, gender=gender)
    assert (error.code, error.field) == ("gender-invalid", "gender")


@pytest.mark.parametrize("number", [0, -1, 100000, "12", True])
def test_a_house_number_outside_1_to_99999_is_refused(world, officer_a, number):
    error = refused(world, officer_a, **{**ADDRESS, "house_number": number})
    assert (error.code, error.field) == ("house-number-invalid", "house_number")


@pytest.mark.parametrize(("field", "value", "code"), [
    ("street", "S" * 25, "street-too-long"),
    ("house_number_addition", "ABCDE", "house-number-addition-too-long"),
    ("town", "T" * 81, "town-too-long"),
])
def test_the_iwmo_lengths_are_enforced(world, officer_a, field, value, code):
    error = refused(world, officer_a, **{**ADDRESS, field: value})
    assert (error.code, error.field) == (code, field)


@pytest.mark.parametrize(("given", "missing"), [
    ({"postcode": "5211AB"}, "house_number"),
    ({"house_number": 12}, "postcode"),
    ({"street": "Kerkstraat", "town": "Vught"}, "postcode"),
    ({"postcode": "5211AB", "house_number_addition": "A"}, "house_number"),
])
def test_an_address_needs_postcode_and_house_number(world, officer_a, given, missing):
    error = refused(world, officer_a, **given)
    assert (error.code, error.field) == ("address-incomplete", missing)


def test_the_database_refuses_a_gender_or_house_number_outside_the_codes(world):
    client = world.clients[0]
    for field, value in (("gender", "7"), ("house_number", 0)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Client.objects.filter(pk=client.pk).update(**{field: value})


# -- import-clients --------------------------------------------------------------------------

HEADER = "bsn,birth_date,family_name,initials,municipality_code,resident_from,resident_to"
CONTACT = "gender,street,house_number,house_number_addition,postcode,town"


def write(tmp_path, *lines) -> str:
    path = tmp_path / "clients.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_file_without_the_contact_columns_still_imports(world, tmp_path):
    bsn = f.valid_bsn(901)
    clients_import(region=world.region, path=write(tmp_path, HEADER, f"{bsn},1950-01-01,Smit,A.,0001,2000-01-01,"))
    client = Client.objects.get(bsn=bsn)
    assert (client.gender, client.postcode, client.house_number) == ("0", "", None)


def test_the_contact_columns_are_imported_from_any_line_of_the_client(world, tmp_path):
    bsn, other = f.valid_bsn(902), f.valid_bsn(903)
    clients_import(region=world.region, path=write(
        tmp_path, f"{HEADER},{CONTACT}",
        f"{bsn},1950-01-01,Smit,A.,0001,2000-01-01,2019-12-31,2,,,,,",
        f"{bsn},1950-01-01,Smit,A.,0002,2020-01-01,,2,Kerkstraat,12,bis,5211 ab,Bedorp",
        f"{other},1960-01-01,Bos,B.,0001,2000-01-01,,1,,7,,5261CD,",
    ))
    smit, bos = Client.objects.get(bsn=bsn), Client.objects.get(bsn=other)
    assert (smit.gender, smit.street, smit.house_number, smit.house_number_addition, smit.postcode, smit.town) == (
        "2", "Kerkstraat", 12, "bis", "5211AB", "Bedorp")
    assert (bos.gender, bos.street, bos.house_number, bos.postcode, bos.town) == ("1", "", 7, "5261CD", "")


@pytest.mark.parametrize(("contact", "line", "field", "code"), [
    ("2,Kerkstraat,12,,1234A,Aadorp", 2, "postcode", "postcode-invalid"),
    ("5,Kerkstraat,12,,5211AB,Aadorp", 2, "gender", "gender-invalid"),
    ("2,Kerkstraat,twaalf,,5211AB,Aadorp", 2, "house_number", "integer-invalid"),
    ("2,Kerkstraat,,,5211AB,Aadorp", 2, "house_number", "address-incomplete"),
    ("2,Kerkstraat,12,,5211AB,Aadorp", 3, "house_number", "client-rows-disagree"),
])
def test_a_wrong_contact_column_is_named_and_nothing_is_imported(world, tmp_path, contact, line, field, code):
    bsn = f.valid_bsn(904)
    path = write(tmp_path, f"{HEADER},{CONTACT}",
                 f"{bsn},1950-01-01,Smit,A.,0001,2000-01-01,2019-12-31,{contact}",
                 f"{bsn},1950-01-01,Smit,A.,0002,2020-01-01,," + (",,13,,," if code == "client-rows-disagree" else ",,,,,"))
    with pytest.raises(InputError) as error:
        clients_import(region=world.region, path=path)
    assert (error.value.line, error.value.field, error.value.code) == (line, field, code)
    assert not Client.objects.filter(bsn=bsn).exists()


def test_an_address_error_on_a_later_line_names_that_line(world, tmp_path):
    bsn = f.valid_bsn(905)
    path = write(tmp_path, f"{HEADER},{CONTACT}",
                 f"{bsn},1950-01-01,Smit,A.,0001,2000-01-01,2019-12-31,,,,,,",
                 f"{bsn},1950-01-01,Smit,A.,0002,2020-01-01,,,,12,,0123AB,")
    with pytest.raises(InputError) as error:
        clients_import(region=world.region, path=path)
    assert (error.value.line, error.value.field, error.value.code) == (3, "postcode", "postcode-invalid")


# -- the screens -----------------------------------------------------------------------------

FORM = {"bsn": f.valid_bsn(906), "initials": "K.", "family_name": "Klaassen", "birth_date": "1970-02-03",
        "resident_from": "2019-05-01"}


def test_register_a_client_with_gender_and_address_and_see_them(client, officer_a, world):
    client.force_login(officer_a.user)
    form = client.get(reverse("care:client-create")).content.decode()
    assert 'name="postcode"' in form and 'name="gender"' in form and "Adres (BRP)" in form
    response = client.post(reverse("care:client-create"), {
        **FORM, "gender": "1", "street": "Molenstraat", "house_number": "7", "house_number_addition": "B",
        "postcode": "5261 cd", "town": "Vught"})
    created = Client.objects.get(family_name="Klaassen")
    assert response.status_code == 302
    assert (created.gender, created.street, created.house_number, created.postcode) == ("1", "Molenstraat", 7, "5261CD")
    page = client.get(reverse("care:client-detail", args=[created.pk])).content.decode()
    assert "Man" in page and "Molenstraat 7B" in page and "5261 CD Vught" in page


def test_a_wrong_postcode_shows_on_the_postcode_field(client, officer_a, world):
    client.force_login(officer_a.user)
    response = client.post(reverse("care:client-create"), {**FORM, "house_number": "7", "postcode": "12AB"})
    assert response.status_code == 200
    assert "geen Nederlandse postcode" in " ".join(response.context["form"].errors["postcode"])
    assert not Client.objects.filter(family_name="Klaassen").exists()


def test_the_detail_says_when_the_address_is_missing(client, officer_a, world):
    client.force_login(officer_a.user)
    page = client.get(reverse("care:client-detail", args=[world.clients[0].pk])).content.decode()
    assert "TR006 en CD034" in page and "Onbekend" in page
