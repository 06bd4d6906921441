"""The dashboard's pages, downloads and notes for every role over the worked-example region, and the
start page's figures."""

import csv
import datetime as dt
import io

import openpyxl
import pytest
from django.urls import reverse

from regie.billing.selectors import settlement_for
from regie.audit.models import AuditRecord
from regie.facts.services import facts_rebuild
from regie.monitoring.disclosure import Reason, mark
from regie.monitoring.figures import available, figure
from regie.monitoring.filters import Filters
from regie.monitoring.indicators import REGISTRY, Period, Theme
from regie.monitoring.models import FigureNote
from regie.monitoring.selectors import home_figures
from regie.regions.actors import actor_for

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 6, 15)


@pytest.fixture
def facts(world, people, march):
    facts_rebuild(region=world.region, today=TODAY)
    return world


QUARTERS = "?period=quarter&from=2025-01&to=2025-06"
ROLES = ["purchaser", "finance", "access_a", "policy_a", "staff_p1", "member"]


@pytest.mark.parametrize("role", ROLES)
def test_every_theme_and_indicator_page_opens_without_a_name(as_user, facts, people, role):
    client = as_user(getattr(people, role))
    actor = actor_for(getattr(people, role))
    pages = [reverse("monitoring:theme", args=[t]) for t in Theme.values]
    pages += [reverse("monitoring:indicator", args=[c]) for c, i in REGISTRY.items() if available(actor, i)]
    pages.append(reverse("monitoring:indicators"))
    for page in pages:
        answer = client.get(page + QUARTERS)
        assert answer.status_code == 200, page
        text = answer.content.decode()
        for person in facts.clients:
            assert person.family_name not in text and person.bsn not in text, page
    if actor.is_provider:  # a provider sees no other provider and no goals of the access teams
        assert facts.p2.name not in client.get(reverse("monitoring:dashboard")).content.decode()
        assert client.get(reverse("monitoring:indicator", args=["goals_achieved"])).status_code == 404


def test_the_council_reads_marks_where_a_number_is_small(as_user, facts, people):
    page = as_user(people.member).get(reverse("monitoring:dashboard") + QUARTERS).content.decode()
    assert "&lt;10" in page and 'id="chart-clients_in_care"' in page


def test_a_filter_that_is_not_valid_is_named_and_the_defaults_shown(as_user, facts, people):
    answer = as_user(people.finance).get(reverse("monitoring:dashboard") + "?period=week&from=2025-13")
    assert answer.status_code == 200 and "period-unknown" in answer.content.decode()
    download = as_user(people.finance).get(reverse("monitoring:download", args=["cost", "csv"]) + "?from=x")
    assert download.status_code == 400
    assert as_user(people.finance).get(reverse("monitoring:indicator", args=["nothing"])).status_code == 404
    assert as_user(people.finance).get(reverse("monitoring:theme", args=["nothing"])).status_code == 404


@pytest.mark.parametrize("role", ["finance", "policy_a", "member"])
def test_the_downloads_hold_what_the_screen_shows(as_user, facts, people, role):
    actor = actor_for(getattr(people, role))
    shown = figure(actor=actor, code="clients_in_care", filters=Filters(
        period=Period.QUARTER, first=dt.date(2025, 1, 1), last=dt.date(2025, 6, 1)))
    expected = [[r["period"], r["series"], r["label"], "" if r["value"] is None else str(r["value"]),
                 mark(Reason(r["hidden"])) if r["hidden"] else ""] for r in shown.records()]
    url = reverse("monitoring:download", args=["clients_in_care", "csv"]) + QUARTERS
    answer = as_user(getattr(people, role)).get(url)
    assert answer["Content-Type"].startswith("text/csv") and "attachment" in answer["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig")), delimiter=";"))
    assert [row[1:] for row in rows[1:]] == expected
    if role == "member":
        assert {row[5] for row in rows[1:]} <= {"<10", "–", ""} and all(row[4] in ("", "0") for row in rows[1:])
    book = openpyxl.load_workbook(io.BytesIO(as_user(getattr(people, role)).get(
        url.replace(".csv", ".xlsx")).content))
    cells = [[("" if v is None else str(v)) for v in row[1:]] for row in book.active.iter_rows(min_row=5, values_only=True)]
    assert [[p, s, n, v.removesuffix(".0"), h] for p, s, n, v, h in cells] == expected


def test_a_municipality_notes_a_figure_for_everyone_who_sees_it(as_user, facts, people):
    add = reverse("monitoring:note-add", args=["inflow"])
    as_user(people.policy_a).post(add, {"text": "Nieuw toegangsteam sinds maart", "period": "2025-03"})
    (note,) = FigureNote.objects.all()
    assert note.municipality == facts.a and note.period == "2025-03"
    assert AuditRecord.objects.filter(subject="figure_note", action="create", object_id=str(note.pk)).exists()
    page = as_user(people.member).get(reverse("monitoring:indicator", args=["inflow"])).content.decode()
    assert "Nieuw toegangsteam sinds maart" in page and "Aadorp" in page
    remove = reverse("monitoring:note-remove", args=["inflow", note.pk])
    assert as_user(people.policy_b).post(remove).status_code == 403
    assert as_user(people.staff_p1).post(add, {"text": "Van een aanbieder"}).status_code == 403
    as_user(people.policy_a).post(add, {"text": "   "})
    as_user(people.policy_a).post(add, {"text": "Wanneer?", "period": "maart"})
    assert FigureNote.objects.count() == 1
    as_user(people.policy_a).post(remove)
    assert not FigureNote.objects.exists()
    assert AuditRecord.objects.filter(subject="figure_note", action="delete").exists()


def test_home_figures_cost_a_fixed_number_of_queries(people, march, django_assert_num_queries):
    actor = actor_for(people.finance)
    with django_assert_num_queries(5):
        figures = home_figures(actor=actor)
    assert figures["providers"] == 2 and figures["unsettled"]["approved"] == 0
    assert figures["paid"] == sum(p.amount for p in march.run.payments.all()) > 0
    assert figures["last_run"].month == dt.date(2025, 3, 1)


@pytest.mark.parametrize("who", ["staff_p1", "staff_p2", "cooperative", "policy_a", "policy_b", "finance"])
def test_the_start_page_shows_the_money_of_the_settlement(world, people, march, who):
    """One scope for both screens: a cooperative sees its members' payment on both, not its own only."""
    if who == "cooperative":
        world.p2.cooperative = world.p1
        world.p2.save()
    actor = actor_for(people.staff_p1 if who == "cooperative" else getattr(people, who))
    home = home_figures(actor=actor)
    settlement = settlement_for(actor=actor, month=march.run.month)
    if actor.is_municipality:
        assert home["charge"].total == settlement.totals["total"] > 0
        assert [c.municipality_id for c in settlement.charges] == [actor.municipality_id]
    else:
        assert home["paid"] == settlement.totals["paid"] > 0
    if who == "cooperative":
        assert {p.provider_id for p in settlement.payments} == {world.p1.pk, world.p2.pk}
    if who == "staff_p1":
        assert {p.provider_id for p in settlement.payments} == {world.p1.pk}
