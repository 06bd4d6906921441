"""Refusals found in review: a CSV line no reader can hold in a command, a region window that accepts
no date at all, a residence before birth, and an absurd demo scale. Each is a refusal with its code."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from regie.care.services import ResidencePeriod, client_create
from regie.core.errors import DomainError
from regie.regions.models import Region
from tests import factories as f
from tests.commands.conftest import REGION

from .test_hostile_commands import DECLARATIONS, refused_with


def test_a_declaration_file_with_a_field_past_the_csv_limit_is_refused_with_its_line(region, files):
    path = files.csv("big.csv", DECLARATIONS, "11110001," + "A" * 200_000 + ",2025-03,D,")
    message = refused_with("csv-invalid", "declare", path)
    assert "big.csv:2:" in message


@pytest.mark.parametrize(("change", "code"), [
    ({"care_from": "2199-01-01"}, "care-window-empty"),  # starts after the last day it would accept
    ({"future_years": 0}, "integer-out-of-range"),  # no allocation could end in the future
])
def test_a_region_window_that_accepts_no_care_date_is_refused(db, files, change, code):
    refused_with(code, "setup-region", files.json("region.json", {**REGION, **change}))
    assert not Region.objects.exists()


def test_a_region_may_start_next_year(db, files):
    start = dt.date.today().replace(month=1, day=1) + dt.timedelta(days=400)
    call_command("setup-region", files.json("region.json", {**REGION, "care_from": start.isoformat()}))
    assert Region.objects.get().care_from == start


def test_a_residence_before_birth_is_refused(world, officer_a):
    with pytest.raises(DomainError) as error:
        client_create(actor=officer_a, region=world.region, bsn=f.valid_bsn(801), initials="A.", family_name="Jong",
                      birth_date=dt.date(2020, 1, 1),
                      residences=[ResidencePeriod(municipality=world.a, valid_from=dt.date(1990, 1, 1))])
    assert (error.value.code, error.value.field) == ("residence-before-birth", "resident_from")


@pytest.mark.parametrize("scale", ["1E+30", "0", "-1", "11", "٣", "NaN", "0.0001"])
def test_an_absurd_demo_scale_is_refused_before_anything_is_made(db, scale):
    with pytest.raises(CommandError) as error:
        call_command("demo", "--scale", scale)
    assert "--scale" in str(error.value) and "Traceback" not in str(error.value)
    assert not Region.objects.exists()


@pytest.mark.parametrize("ask", [{"HTTP_ACCEPT": "text/html"}, {"data": {"format": "api"}}])
def test_the_api_has_no_browsable_html_page(client, people, world, ask):
    """The API answers JSON only: no second, half-translated interface beside the portal."""
    client.force_login(people.staff_p1)
    response = client.get("/api/berichten/", **ask)
    assert "text/html" not in response["Content-Type"]
    assert response.status_code in (200, 404, 406)
