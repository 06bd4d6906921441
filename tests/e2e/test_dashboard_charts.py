"""The dashboard's charts in a real browser: every figure is drawn, from exactly the cells its table
shows, a hidden cell is a gap in the chart, never a number, and axe-core finds nothing against
WCAG 2.1 AA on the pages."""

import datetime as dt

import pytest
from django.db import connections
from django.urls import reverse

from regie.facts.services import facts_rebuild
from regie.regions.models import OrganisationKind
from tests import factories as f

from .test_allocation_to_settlement import log_in

pytestmark = [pytest.mark.browser]
QUARTERS = "?period=quarter&from=2025-01&to=2025-06"
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def accessibility_violations(page) -> list[str]:
    """What axe-core finds against WCAG 2.1 AA on the open page, one line per rule."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, options=WCAG_21_AA).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]

# per canvas: the chart's datasets as Chart.js holds them, and whether anything was painted
CHARTS = """() => [...document.querySelectorAll("canvas[data-chart]")].map(canvas => {
  const chart = Chart.getChart(canvas);
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { painted++; } }
  return {id: canvas.dataset.chart, painted,
          datasets: chart ? chart.data.datasets.map(d => ({label: d.label, data: d.data})) : null};
})"""


def test_every_figure_is_drawn_from_its_table(page, live_server, transactional_db, world):
    try:
        scenario(page, live_server, world)
    finally:
        connections.close_all()  # see test_allocation_to_settlement


def scenario(page, live_server, world):
    from regie.billing.services import declaration_submit

    office = f.OrganisationFactory(region=world.region, kind=OrganisationKind.PURCHASING_OFFICE, name="Inkoopbureau")
    f.actor(office, "finance", username="financien")
    council = f.OrganisationFactory(region=world.region, kind=OrganisationKind.ADVISORY_COUNCIL, name="Adviesraad")
    f.actor(council, "council_member", username="adviesraad")
    declaration_submit(actor=None, provider=world.p1, source="csv", lines=[f.debit("A1", "2025-03")])
    facts_rebuild(region=world.region, today=dt.date(2025, 7, 1))

    log_in(page, live_server, "financien")
    page.goto(live_server.url + reverse("monitoring:dashboard") + QUARTERS)
    charts = page.evaluate(CHARTS)
    assert len(charts) == 5 and all(c["datasets"] and c["painted"] > 1000 for c in charts), charts
    clients = next(c for c in charts if c["id"] == "chart-clients_in_care")
    assert [d["label"] for d in clients["datasets"]] == ["Regio Voorbeeld", "Aadorp", "Bedorp"]
    # Q1: 4 clients, 3 in Aadorp and 2 in Bedorp (client 2 moved in February: counted in each); Q2: 3
    assert [d["data"] for d in clients["datasets"]] == [[4, 3], [3, 1], [2, 2]]
    assert accessibility_violations(page) == []
    page.get_by_text("Tabel").first.click()
    assert page.locator("#clients_in_care table tbody tr").first.inner_text().split() == ["K2", "2025", "3", "1", "2"]

    page.context.clear_cookies()
    log_in(page, live_server, "adviesraad")
    page.goto(live_server.url + reverse("monitoring:dashboard") + QUARTERS)
    charts = page.evaluate(CHARTS)
    clients = next(c for c in charts if c["id"] == "chart-clients_in_care")
    # every count is below 10: the council's chart has gaps where its table reads "<10" or "–"
    assert all(value is None for d in clients["datasets"] for value in d["data"])
    cells = page.locator("#clients_in_care table tbody tr").first.locator("td").all_text_contents()
    assert len(cells) == 3 and set(cells) <= {"<10", "–"}
    assert accessibility_violations(page) == []
    page.goto(live_server.url + reverse("monitoring:indicator", args=["inflow"]) + QUARTERS)
    assert accessibility_violations(page) == []
