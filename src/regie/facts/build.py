"""The statements that build the facts, set-wise: each is one DELETE and one INSERT … SELECT over the
operational tables, joined with the calendar of months, for a region or a set of allocations.

Plain SQL that SQLite and PostgreSQL both run (`"end"` is quoted: a reserved word); table names come
from the models. The rules in words, tested by hand-computed examples in tests/facts/:

- An allocation (not withdrawn) covers every month from the month of its start to the month of its
  stop or, without a stop, its end, up to the current month; it has a CareMonth row for each.
- In care in a month: started on or before its last day and not stopped before its first.
- The municipality of a month is the one of residence on the region's payer day (first or last day
  of the month), or the allocating municipality where no residence covers that day.
- The age band is the client's age on the first day of the month (of the event, of the plan).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection

from regie.billing.models import Declaration, DeclarationLine
from regie.care.models import Allocation, AllocationVersion, Client, Goal, Residence, SupportPlan
from regie.exchange.models import Message
from regie.regions.models import Region, ResidenceRule

from .models import CalendarMonth, CareEvent, CareMonth, ClientKey, GoalFact

PURPOSE = "monitoring"

_TABLES = {
    "allocation": Allocation, "version": AllocationVersion, "client": Client, "residence": Residence,
    "region": Region, "line": DeclarationLine, "declaration": Declaration, "message": Message,
    "calendar": CalendarMonth, "keys": ClientKey, "care_month": CareMonth, "event": CareEvent,
    "goal": Goal, "plan": SupportPlan, "goal_fact": GoalFact,
}


class _Names(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"  # `{where}` is filled in per call


def _sql(statement: str) -> str:
    names = _Names({name: connection.ops.quote_name(model._meta.db_table) for name, model in _TABLES.items()})
    names["message_allocations"] = connection.ops.quote_name(Message.allocations.through._meta.db_table)
    return statement.format_map(names)


_AGE_BAND = """CASE WHEN c.birth_date > m.born_18 THEN '0-17' WHEN c.birth_date > m.born_65 THEN '18-64'
                    WHEN c.birth_date > m.born_75 THEN '65-74' ELSE '75+' END"""

_PAYER_DAY = f"CASE WHEN g.residence_rule = '{ResidenceRule.LAST_DAY_OF_MONTH.value}' THEN m.last_day ELSE m.month END"

# The last day an allocation covers: its stop, or its end, whichever comes first (NULL: open).
_COVERS_UNTIL = """CASE WHEN a.stopped_on IS NOT NULL AND (a."end" IS NULL OR a.stopped_on < a."end")
                        THEN a.stopped_on ELSE a."end" END"""

_CARE_MONTHS = f"""
INSERT INTO {{care_month}} (region_id, allocation_id, municipality_id, provider_id, product_id, category_id,
                          client_key, age_band, gender, month, in_care, started, stopped, ended,
                          approved_amount, approved_lines, rejected_lines, entered, exited, returned)
SELECT a.region_id, a.id,
       COALESCE((SELECT r.municipality_id FROM {{residence}} r
                 WHERE r.client_id = a.client_id AND r.valid_from <= {_PAYER_DAY}
                   AND (r.valid_to IS NULL OR r.valid_to >= {_PAYER_DAY})
                 ORDER BY r.valid_from DESC LIMIT 1), a.municipality_id),
       a.provider_id, a.product_id, a.category_id, k.key, {_AGE_BAND}, c.gender, m.month,
       CASE WHEN a.started_on IS NOT NULL AND a.started_on <= m.last_day
                 AND (a.stopped_on IS NULL OR a.stopped_on >= m.month) THEN TRUE ELSE FALSE END,
       CASE WHEN a.started_on >= m.month AND a.started_on <= m.last_day THEN TRUE ELSE FALSE END,
       CASE WHEN a.stopped_on >= m.month AND a.stopped_on <= m.last_day THEN TRUE ELSE FALSE END,
       CASE WHEN a."end" >= m.month AND a."end" <= m.last_day THEN TRUE ELSE FALSE END,
       COALESCE((SELECT SUM(l.amount) FROM {{line}} l
                 WHERE l.allocation_id = a.id AND l.month = m.month AND l.status = 'approved'), 0),
       (SELECT COUNT(*) FROM {{line}} l WHERE l.allocation_id = a.id AND l.month = m.month AND l.status = 'approved'),
       (SELECT COUNT(*) FROM {{line}} l WHERE l.allocation_id = a.id AND l.month = m.month AND l.status = 'rejected'),
       FALSE, FALSE, FALSE
FROM {{allocation}} a
JOIN {{region}} g ON g.id = a.region_id
JOIN {{client}} c ON c.id = a.client_id
JOIN {{keys}} k ON k.client_id = a.client_id AND k.purpose = %s
JOIN {{calendar}} m ON m.last_day >= a.start AND m.month <= %s
                   AND ({_COVERS_UNTIL} IS NULL OR m.month <= {_COVERS_UNTIL})
WHERE a.status <> 'withdrawn' AND m.month >= %s AND {{where}}
"""


def _first_message(code: str, direction: str) -> str:
    return f"""(SELECT MIN(x.created_at) FROM {{message}} x JOIN {{message_allocations}} xa ON xa.message_id = x.id
                WHERE xa.allocation_id = a.id AND x.code = '{code}' AND x.direction = '{direction}')"""


_EVENT_COLUMNS = """region_id, allocation_id, municipality_id, provider_id, product_id, category_id,
                    client_key, age_band, gender, kind, day, recorded_at, amount, line_id"""

# Every event joins the allocation (a), its client (c), the key (k) and the month of its day (m).
_EVENT_FROM = """FROM {{allocation}} a
JOIN {{client}} c ON c.id = a.client_id
JOIN {{keys}} k ON k.client_id = a.client_id AND k.purpose = %s
{join}
JOIN {{calendar}} m ON m.month <= {day} AND m.last_day >= {day}
WHERE a.status <> 'withdrawn' AND {{{{where}}}} {condition}"""


def _allocation_event(kind: str, day: str, recorded: str, condition: str) -> str:
    return f"""SELECT a.region_id, a.id, a.municipality_id, a.provider_id, a.product_id, a.category_id, k.key,
       {_AGE_BAND}, c.gender, '{kind}', {day}, {recorded}, CAST(NULL AS NUMERIC(12, 2)), CAST(NULL AS BIGINT)
{_EVENT_FROM.format(join="", day=day, condition=condition)}"""


def _line_event(kind: str, condition: str) -> str:
    return f"""SELECT a.region_id, a.id, COALESCE(l.municipality_id, a.municipality_id), a.provider_id, a.product_id,
       a.category_id, k.key, {_AGE_BAND}, c.gender, {kind}, l.month, d.submitted_at, l.amount, l.id
{_EVENT_FROM.format(join="JOIN {line} l ON l.allocation_id = a.id JOIN {declaration} d ON d.id = l.declaration_id",
                    day="l.month", condition=condition)}"""


_FIRST_VERSION = "(SELECT MIN(v.changed_at) FROM {version} v WHERE v.allocation_id = a.id)"

# (statement, whether it takes today: an end is an event once it has passed)
_EVENTS = [
    (_allocation_event("allocated", "a.start", f"COALESCE({_first_message('301', 'out')}, {_FIRST_VERSION})", ""),
     False),
    (_allocation_event("started", "a.started_on", _first_message("305", "in"), "AND a.started_on IS NOT NULL"), False),
    (_allocation_event("stopped", "a.stopped_on", _first_message("307", "in"), "AND a.stopped_on IS NOT NULL"), False),
    (_allocation_event("ended", 'a."end"', "NULL", 'AND a."end" IS NOT NULL AND a."end" <= %s'), True),
    (_line_event("'declared'", ""), False),
    (_line_event("l.status", "AND l.status IN ('approved', 'rejected')"), False),
]

_GOALS = f"""
INSERT INTO {{goal_fact}} (region_id, goal_id, municipality_id, client_key, age_band, gender, life_domain,
                         drawn_up_on, baseline_score, followup_score, result, closed_on)
SELECT c.region_id, o.id, p.municipality_id, k.key, {_AGE_BAND}, c.gender, o.life_domain, p.drawn_up_on,
       o.baseline_score, o.followup_score, o.result, o.closed_on
FROM {{goal}} o
JOIN {{plan}} p ON p.id = o.plan_id
JOIN {{client}} c ON c.id = p.client_id
JOIN {{keys}} k ON k.client_id = c.id AND k.purpose = %s
JOIN {{calendar}} m ON m.month <= p.drawn_up_on AND m.last_day >= p.drawn_up_on
WHERE {{where}}
"""


class Scope:
    """Which rows a build covers: a whole region, or some allocations (or clients) from a month on."""

    def __init__(self, *, region_id: int | None = None, ids: list[int] | None = None, since: dt.date | None = None):
        self.region_id, self.ids, self.since = region_id, ids, since

    def where(self, alias: str, column: str) -> tuple[str, list]:
        if self.ids is not None:
            marks = ", ".join(["%s"] * len(self.ids))
            return f"{alias}.{column} IN ({marks})", list(self.ids)
        return f"{alias}.region_id = %s", [self.region_id]


def care_months_build(scope: Scope, *, today: dt.date) -> int:
    """Replace the CareMonth rows in scope (from `scope.since` on); the number of rows written."""
    where, params = scope.where("a", "id")
    since = scope.since or dt.date.min
    with connection.cursor() as cursor:
        delete_where, delete_params = scope.where("f", "allocation_id")
        cursor.execute(_sql(f"DELETE FROM {{care_month}} WHERE id IN (SELECT f.id FROM {{care_month}} f "
                            f"WHERE {delete_where} AND f.month >= %s)"), [*delete_params, since])
        cursor.execute(_sql(_CARE_MONTHS).replace("{where}", where),
                       [PURPOSE, today.replace(day=1), since, *params])
        return cursor.rowcount


def _in_care_in(months: str) -> str:
    """EXISTS: the row's client was in care in the region in a month that `months` picks from the calendar row m."""
    return f"""EXISTS (SELECT 1 FROM {{care_month}} p JOIN {{calendar}} m ON {months}
                   WHERE m.month = {{care_month}}.month AND p.client_key = {{care_month}}.client_key
                     AND p.region_id = {{care_month}}.region_id AND p.in_care)"""


_FLAGS = f"""
UPDATE {{care_month}} SET
  entered = CASE WHEN in_care AND NOT {_in_care_in("p.month = m.previous")} THEN TRUE ELSE FALSE END,
  exited = CASE WHEN in_care AND month < %s AND NOT {_in_care_in("p.month = m.following")} THEN TRUE ELSE FALSE END,
  returned = CASE WHEN in_care AND NOT {_in_care_in("p.month = m.previous")}
                   AND {_in_care_in("p.month >= m.year_before AND p.month < m.previous")} THEN TRUE ELSE FALSE END
WHERE {{where}}
"""


def statistics_refresh() -> None:
    """Fresh planner statistics for the care months after a full build. Without them a planner that
    last saw the table small picks nested loops for the flags' self-joins: at 5,000 clients the
    flags took 254 s on SQLite instead of 0.4 s (bench/monitoring.py)."""
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(CareMonth._meta.db_table)}")


def client_flags_build(scope: Scope, *, today: dt.date) -> None:
    """Mark, for the clients in scope (`ids`: their pseudonyms) or the region, the months in which they
    entered, left or returned to care: over all their allocations, so after the rows are built."""
    where, params = scope.where(connection.ops.quote_name(CareMonth._meta.db_table), "client_key")
    with connection.cursor() as cursor:
        cursor.execute(_sql(_FLAGS).replace("{where}", where), [today.replace(day=1), *params])


def care_events_build(scope: Scope, *, today: dt.date) -> int:
    """Replace every CareEvent of the allocations in scope."""
    where, params = scope.where("a", "id")
    delete_where, delete_params = scope.where("f", "allocation_id")
    selects = "\nUNION ALL\n".join(text for text, _takes in _EVENTS)
    statement = "INSERT INTO {event} (" + _EVENT_COLUMNS + ")\n" + selects
    statement = _sql(statement).replace("{where}", where)
    values = []
    for _sql_text, takes_today in _EVENTS:
        values += [PURPOSE, *params] + ([today] if takes_today else [])
    with connection.cursor() as cursor:
        cursor.execute(_sql(f"DELETE FROM {{event}} WHERE id IN (SELECT f.id FROM {{event}} f WHERE {delete_where})"),
                       delete_params)
        cursor.execute(statement, values)
        return cursor.rowcount


def goal_facts_build(scope: Scope) -> int:
    """Replace the GoalFact rows of the clients (or the region) in scope."""
    where, params = scope.where("c", "id")
    with connection.cursor() as cursor:
        cursor.execute(_sql(f"DELETE FROM {{goal_fact}} WHERE id IN (SELECT f.id FROM {{goal_fact}} f "
                            f"JOIN {{goal}} o ON o.id = f.goal_id JOIN {{plan}} p ON p.id = o.plan_id "
                            f"JOIN {{client}} c ON c.id = p.client_id WHERE {where})"), params)
        cursor.execute(_sql(_GOALS).replace("{where}", where), [PURPOSE, *params])
        return cursor.rowcount
