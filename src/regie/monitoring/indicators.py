"""The indicators, each defined once: its code, name, definition in words and as a formula, unit,
direction, the dimensions it can be cut by, its source, and how it is measured from the facts.

Every screen, export and API answer reads an indicator from here; `docs/indicators.md` is written
from this registry (`manage.py document-indicators`; a test fails when the file is stale).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy as _

from regie.core.errors import NotFound

from .models import SurveyQuestion


class Dimension(models.TextChoices):
    REGION = "region", _("region")
    MUNICIPALITY = "municipality", _("municipality")
    PROVIDER = "provider", _("provider")
    PRODUCT = "product", _("product")
    CATEGORY = "category", _("category")
    LIFE_DOMAIN = "life_domain", _("life domain")


class Period(models.TextChoices):
    MONTH = "month", _("month")
    QUARTER = "quarter", _("quarter")
    YEAR = "year", _("year")


CARE = (Dimension.REGION, Dimension.MUNICIPALITY, Dimension.PROVIDER, Dimension.PRODUCT, Dimension.CATEGORY)
GOALS = (Dimension.REGION, Dimension.MUNICIPALITY, Dimension.LIFE_DOMAIN)
PLACES = (Dimension.REGION, Dimension.MUNICIPALITY)


@dataclass(frozen=True)
class Indicator:
    code: str
    name: Promise
    definition: Promise
    formula: str
    unit: Promise
    higher_is_better: bool | None  # None: neither (a volume to steer on, not a score)
    dimensions: tuple[Dimension, ...]
    source: Promise
    measure: str  # the name of its measure in monitoring.values
    periods: tuple[Period, ...] = (Period.MONTH, Period.QUARTER, Period.YEAR)

    @property
    def money(self) -> bool:
        return self.unit is EURO


EURO = _("euro")  # the unit of amounts: shown with the euro sign, written with two decimals

_CARE_MONTHS = _("Regie's fact layer: months of care per allocation (regie.facts.CareMonth), built from allocations, "
                 "residence periods and approved declaration lines")
_EVENTS = _("Regie's fact layer: events per allocation (regie.facts.CareEvent), from the iWmo 301 made and the 305 "
            "received")
_POPULATION = _("Regie's fact layer (months of care), with the inhabitants per municipality per year entered or "
                "imported (manage.py import-population; CBS figures on 1 January)")
_EVENTS_ALL = _("Regie's fact layer: events per allocation (regie.facts.CareEvent): care started, stopped and "
                "ended")
_DEADLINES = _("Regie's fact layer: the clocks of the iWmo deadlines (regie.facts.DeadlineFact), from the messages "
               "and requests as the timeliness screen counts them (regie.exchange.timeliness)")
_GOALS = _("Regie's fact layer: goals of support plans (regie.facts.GoalFact), as the access team closes them")

INDICATORS = [
    Indicator(
        code="clients_in_care", name=_("Clients in care"),
        definition=_("The number of different clients who received care on at least one day of the period."),
        formula="COUNT(DISTINCT client) WHERE in_care, over the months of the period",
        unit=_("clients"), higher_is_better=None, dimensions=CARE, source=_CARE_MONTHS, measure="clients_in_care"),
    Indicator(
        code="clients_per_1000", name=_("Clients in care per 1,000 inhabitants"),
        definition=_("Clients in care in the period per 1,000 inhabitants of the municipalities it covers, by "
                     "the population of the period's year (the population the municipality was set up with where "
                     "no figure for that year was entered)."),
        formula="clients_in_care / SUM(inhabitants(municipality, year)) × 1000",
        unit=_("per 1,000 inhabitants"), higher_is_better=None, dimensions=PLACES, source=_POPULATION,
        measure="clients_per_1000"),
    Indicator(
        code="inflow", name=_("Inflow"),
        definition=_("The number of clients who came into care in the period: in care in a month and not in the "
                     "month before, over all their allocations in the region. Counted where their first month "
                     "falls (municipality, provider, product, category)."),
        formula="COUNT(DISTINCT client) WHERE in_care AND NOT in_care(client, month - 1)",
        unit=_("clients"), higher_is_better=None, dimensions=CARE, source=_CARE_MONTHS, measure="inflow"),
    Indicator(
        code="outflow", name=_("Outflow"),
        definition=_("The number of clients whose care ended in the period: in care in a month and not in the "
                     "month after, once that month has begun. Counted where their last month falls."),
        formula="COUNT(DISTINCT client) WHERE in_care AND NOT in_care(client, month + 1) AND month + 1 <= this month",
        unit=_("clients"), higher_is_better=None, dimensions=CARE, source=_CARE_MONTHS, measure="outflow"),
    Indicator(
        code="returned_within_12_months", name=_("Re-entry within 12 months"),
        definition=_("Of the inflow of the period, the share of clients who had left care in the twelve months "
                     "before they came back."),
        formula="COUNT(DISTINCT client WHERE entered AND in_care(client, month - 12 … month - 2)) / inflow × 100",
        unit=_("%"), higher_is_better=False, dimensions=CARE, source=_CARE_MONTHS,
        measure="returned_within_12_months"),
    Indicator(
        code="duration_mean", name=_("Duration of care (mean)"),
        definition=_("For the allocations whose care ended in the period (stopped, or past their end date, "
                     "whichever came first): the mean number of days from the start of care to its end."),
        formula="AVG(end of care - started_on) over the allocations whose care ended in the period",
        unit=_("days"), higher_is_better=None, dimensions=CARE, source=_EVENTS_ALL, measure="duration_mean"),
    Indicator(
        code="duration_median", name=_("Duration of care (median)"),
        definition=_("As the mean, the median number of days from the start of care to its end."),
        formula="MEDIAN(end of care - started_on) over the allocations whose care ended in the period",
        unit=_("days"), higher_is_better=None, dimensions=CARE, source=_EVENTS_ALL, measure="duration_median"),
    *[Indicator(
        code=f"in_care_after_{months}_months", name=name, definition=definition,
        formula=f"Kaplan–Meier S({months} months) over the allocations started in the period, censored today",
        unit=_("%"), higher_is_better=None, dimensions=CARE, source=_EVENTS_ALL, measure=f"in_care_after_{months}")
      for months, name, definition in (
          (6, _("Still in care after 6 months"), _(
              "Of the allocations whose care started in the period, the share still in care 6 months later: a "
              "Kaplan–Meier estimate, so allocations still running count for as long as they have run.")),
          (12, _("Still in care after 12 months"), _(
              "Of the allocations whose care started in the period, the share still in care 12 months later: a "
              "Kaplan–Meier estimate, so allocations still running count for as long as they have run.")),
          (24, _("Still in care after 24 months"), _(
              "Of the allocations whose care started in the period, the share still in care 24 months later: a "
              "Kaplan–Meier estimate, so allocations still running count for as long as they have run.")))],
    Indicator(
        code="cost", name=_("Cost"),
        definition=_("The amount approved for the months of care in the period (credits subtracted), whenever it "
                     "was declared."),
        formula="SUM(approved_amount) over the months of the period",
        unit=EURO, higher_is_better=None, dimensions=CARE, source=_CARE_MONTHS, measure="cost"),
    Indicator(
        code="cost_per_client_month", name=_("Cost per client per month"),
        definition=_("The cost of the period divided by the months of care in it, counting a client once a month."),
        formula="SUM(approved_amount) / SUM over months of COUNT(DISTINCT client) WHERE in_care",
        unit=EURO, higher_is_better=None, dimensions=CARE, source=_CARE_MONTHS,
        measure="cost_per_client_month"),
    Indicator(
        code="cost_per_inhabitant", name=_("Cost per inhabitant"),
        definition=_("The cost of the period divided by the inhabitants of the municipalities it covers, by the "
                     "population of the period's year."),
        formula="cost / SUM(inhabitants(municipality, year))",
        unit=EURO, higher_is_better=None, dimensions=PLACES, source=_POPULATION, measure="cost_per_inhabitant"),
    Indicator(
        code="days_to_start_median", name=_("Days from allocation to start (median)"),
        definition=_("For the allocations that started in the period (the start date the provider reported): the "
                     "median number of days from the allocation message (301) to the start message (305)."),
        formula="MEDIAN(date(305 received) - date(301 made)) over the allocations started in the period",
        unit=_("days"), higher_is_better=False, dimensions=CARE, source=_EVENTS, measure="days_to_start_median"),
    Indicator(
        code="days_to_start_p90", name=_("Days from allocation to start (90th percentile)"),
        definition=_("As the median, the number of days within which nine in ten of those allocations started."),
        formula="PERCENTILE_90(date(305 received) - date(301 made)), nearest rank, over the allocations started in "
                "the period",
        unit=_("days"), higher_is_better=False, dimensions=CARE, source=_EVENTS, measure="days_to_start_p90"),
    Indicator(
        code="messages_on_time_provider", name=_("Provider messages on time"),
        definition=_("Of the providers' deadlines of the iWmo standard whose clock started in the period (the start "
                     "message 305 and the stop message 307 within 5 working days of the care date, the return "
                     "message 302 within 3 working days of receiving an allocation) and that were met or missed: "
                     "the share met. A clock still open past its deadline counts as missed."),
        formula="100 × COUNT(done <= due) / COUNT(done IS NOT NULL OR today > due) over the provider's clocks "
                "started in the period",
        unit=_("%"), higher_is_better=True, dimensions=PLACES + (Dimension.PROVIDER,), source=_DEADLINES,
        measure="messages_on_time:provider"),
    Indicator(
        code="messages_on_time_region", name=_("Region messages on time"),
        definition=_("As for the providers, the region's own deadlines: the return message within 3 working days, "
                     "the answer to a declaration (325) within 10, to a request for allocation or change within "
                     "5. Per provider: the messages that provider is waiting for."),
        formula="100 × COUNT(done <= due) / COUNT(done IS NOT NULL OR today > due) over the region's clocks "
                "started in the period",
        unit=_("%"), higher_is_better=True, dimensions=PLACES + (Dimension.PROVIDER,), source=_DEADLINES,
        measure="messages_on_time:region"),
    Indicator(
        code="goals_achieved", name=_("Goals achieved"),
        definition=_("Of the goals closed in the period, the share whose result is achieved."),
        formula="COUNT(result = achieved) / COUNT(*) over the goals closed in the period × 100",
        unit=_("%"), higher_is_better=True, dimensions=GOALS, source=_GOALS, measure="goals_achieved"),
    Indicator(
        code="goals_partly", name=_("Goals partly achieved"),
        definition=_("Of the goals closed in the period, the share whose result is partly achieved."),
        formula="COUNT(result = partly) / COUNT(*) over the goals closed in the period × 100",
        unit=_("%"), higher_is_better=None, dimensions=GOALS, source=_GOALS, measure="goals_partly"),
    Indicator(
        code="goals_not_achieved", name=_("Goals not achieved"),
        definition=_("Of the goals closed in the period, the share whose result is not achieved."),
        formula="COUNT(result = not_achieved) / COUNT(*) over the goals closed in the period × 100",
        unit=_("%"), higher_is_better=False, dimensions=GOALS, source=_GOALS, measure="goals_not_achieved"),
    Indicator(
        code="self_reliance_change", name=_("Change in self-reliance"),
        definition=_("Of the goals closed in the period with a follow-up score, the mean change of the "
                     "self-reliance score (1 to 5) from the start of the plan to the follow-up."),
        formula="AVG(followup_score - baseline_score) over the goals closed in the period with a follow-up score",
        unit=_("points"), higher_is_better=True, dimensions=GOALS, source=_GOALS, measure="self_reliance_change"),
]

_SURVEY = _("The yearly client experience survey (cliëntervaringsonderzoek Wmo, Wmo 2015 art. 2.5.1), per "
            "municipality, imported (manage.py import-survey)")
_GENERAL = _("The users of general provisions per municipality per quarter, as each municipality counts them, "
             "imported (manage.py import-general-provisions)")

INDICATORS += [
    Indicator(
        code=f"experience_{question.value}", name=question.label,
        definition=_("The share of the respondents of the client experience survey who agreed or fully agreed with "
                     "the statement; for more municipalities together, weighted by their respondents."),
        formula="SUM(agree_percent × respondents) / SUM(respondents), per year",
        unit=_("%"), higher_is_better=True, dimensions=PLACES, source=_SURVEY, measure=f"experience:{question.value}",
        periods=(Period.YEAR,))
    for question in SurveyQuestion
] + [
    Indicator(
        code="general_provision_users", name=_("Users of general provisions"),
        definition=_("The users of general provisions (voorliggend veld) in the quarter, as the municipalities "
                     "count them: beside the clients of specialised support, the shift to basic support."),
        formula="SUM(users) per quarter", unit=_("users"), higher_is_better=None, dimensions=PLACES,
        source=_GENERAL, measure="general_provision_users", periods=(Period.QUARTER,)),
    Indicator(
        code="general_provision_users_per_1000", name=_("Users of general provisions per 1,000 inhabitants"),
        definition=_("The users of general provisions in the quarter per 1,000 inhabitants, to set beside the "
                     "clients in care per 1,000 inhabitants."),
        formula="general_provision_users / SUM(inhabitants(municipality, year)) × 1000",
        unit=_("per 1,000 inhabitants"), higher_is_better=None, dimensions=PLACES, source=_GENERAL,
        measure="general_provision_users_per_1000", periods=(Period.QUARTER,)),
]

REGISTRY: dict[str, Indicator] = {indicator.code: indicator for indicator in INDICATORS}


def indicator_markdown(translate: Callable[[Promise], str] = str) -> str:
    """docs/indicators.md: every indicator with its definition, formula, unit, direction and source."""
    direction = {True: "higher is better", False: "lower is better", None: "neither higher nor lower is better"}
    parts = ["# Indicators\n",
             "Generated from `src/regie/monitoring/indicators.py` by `manage.py document-indicators`; do not edit.\n",
             "| code | name | unit | direction | dimensions |", "| --- | --- | --- | --- | --- |"]
    for i in INDICATORS:
        parts.append(f"| `{i.code}` | {translate(i.name)} | {translate(i.unit)} | {direction[i.higher_is_better]} | "
                     f"{', '.join(d.value for d in i.dimensions)} |")
    for i in INDICATORS:
        parts += [f"\n## {translate(i.name)} (`{i.code}`)\n", translate(i.definition) + "\n",
                  f"- Formula: `{i.formula}`", f"- Unit: {translate(i.unit)}",
                  f"- {direction[i.higher_is_better].capitalize()}",
                  f"- Dimensions: {', '.join(d.value for d in i.dimensions)}; "
                  f"periods: {', '.join(p.value for p in i.periods)}",
                  f"- Source: {translate(i.source)}"]
    return "\n".join(parts) + "\n"


class Theme(models.TextChoices):
    """The dashboard's pages: the indicators that answer one question of the policy plan together."""

    VOLUME = "volume", _("Clients")
    DURATION = "duration", _("Duration")
    COST = "cost", _("Costs")
    ACCESS = "access", _("Time to start and timeliness")
    OUTCOMES = "outcomes", _("Outcomes")
    EXPERIENCE = "experience", _("Client experience")
    SHIFT = "shift", _("Basic support")


THEMES: dict[Theme, tuple[str, ...]] = {
    Theme.VOLUME: ("clients_in_care", "clients_per_1000", "inflow", "outflow", "returned_within_12_months"),
    Theme.DURATION: ("duration_mean", "duration_median", "in_care_after_6_months", "in_care_after_12_months",
                     "in_care_after_24_months"),
    Theme.COST: ("cost", "cost_per_client_month", "cost_per_inhabitant"),
    Theme.ACCESS: ("days_to_start_median", "days_to_start_p90", "messages_on_time_provider", "messages_on_time_region"),
    Theme.OUTCOMES: ("goals_achieved", "goals_partly", "goals_not_achieved", "self_reliance_change"),
    Theme.EXPERIENCE: tuple(f"experience_{question.value}" for question in SurveyQuestion),
    Theme.SHIFT: ("clients_per_1000", "general_provision_users", "general_provision_users_per_1000"),
}

# counts of people, where a missing cell is a 0 and the municipalities add up to the region (a client
# who moved within a period counts in each): disclosure control treats their table as additive
ADDITIVE = frozenset({"clients_in_care", "inflow", "outflow", "general_provision_users"})


def indicator_unknown(code: str) -> NotFound:
    return NotFound("indicator-unknown", gettext("There is no indicator '%(code)s'.") % {"code": str(code)[:40]},
                    field="code")


def indicator_get(code: str) -> Indicator:
    """The indicator with this code; another code is refused with `indicator-unknown` (a URL's, a form's)."""
    if code not in REGISTRY:
        raise indicator_unknown(code)
    return REGISTRY[code]


def theme_of(code: str) -> Theme:
    return next(theme for theme, codes in THEMES.items() if code in codes)
