"""Disclosure control: the one place that decides what a table may show the council or the public.

Every figure that leaves the purchasing office (the advisory council's dashboard, a public
report, a chart, a CSV or XLSX export) is first built as a `Table` of counts and passed through
`table_suppress`. Pages, charts and exports then read the *same* `SuppressedTable`: a chart plots
`cell.value` (None where hidden, so a gap), an export writes the same cells, a template renders
`cell.reason` ("<10" for a primary count, "–" for the others). None of them sees a hidden value,
because a hidden cell does not carry it. This module is pure Python: selectors aggregate in the
database and hand it plain integers.

The rules:

- **Primary**: a count of 1 to `SMALL_CELL - 1` is hidden (reason `primary`); totals too. A true
  0 is shown by default: "no client of this municipality in this month" tells nothing about a
  person, and hiding every 0 would blank most of a sparse table. Where a 0 does disclose (a share
  of a known small group: "none of the 12 clients in this village ended care for a complaint"),
  pass `zeros_hidden=True` and a 0 is hidden like the other small counts.
- **Base**: a mean, share or amount (a measure aligned with the counts) is hidden when the count
  it is based on is below the threshold (reason `base`) or is itself hidden (reason `secondary`:
  an amount beside its mean would give the hidden count back).
- **Secondary**: no hidden cell or total may be derivable from what is shown. The attacker knows
  every shown cell and total, that rows add up to their totals, columns to theirs and both sets of
  totals to the grand total (shown or not), and what the reasons tell: a primary count lies in
  1..9 (0..9 with hidden zeros), any other hidden count is at least the threshold (a shown 0 is
  never hidden as secondary: "–" would then mean 0). First the classic rule, until stable: a
  line with exactly one hidden value gets its smallest shown cell hidden, else its total. Then an
  audit runs two attacks: exact linear algebra over all row, column and margin equations (every
  "subtract the shown cells from the total", iterated, and combinations of lines), and interval
  propagation with those bounds (a row total minus shown cells leaving 18 for two "<10" cells
  means both are 9). While a protected value is exposed, one more value is hidden: the smallest
  shown cell beside it that ends the exposure, else the smallest beside it, else a total. The
  loop only ever hides more, so it ends; the order is fixed, so the same input gives the same
  table.

Known limit: the interval attack is propagation, not linear programming; it finds exact values,
not narrow ranges (no protection interval as in tau-argus). That is what the property test in
tests/monitoring/test_disclosure.py attacks, and the bar the issue sets (never recover a value).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

SMALL_CELL = 10

# Elimination is modulo a prime: every column of the equations holds at most two entries of ±1,
# so every minor is 0 or ±2^k and ranks modulo an odd prime equal the ranks over the rationals.
_PRIME = 2**61 - 1
_SWEEPS = 200


class Reason(enum.StrEnum):
    PRIMARY = "primary"  # a count below the threshold: render "<10"
    SECONDARY = "secondary"  # hidden so that another hidden value cannot be derived: render "–"
    BASE = "base"  # a measure whose base count is below the threshold: render "–"
    PEERS = "peers"  # an average over fewer than three other providers, who could be told apart: render "–"


def mark(reason: Reason | None) -> str:
    """What a hidden cell reads, on screens and in files: '<10' for a small count, '–' otherwise."""
    if reason is None:
        return ""
    return f"<{SMALL_CELL}" if reason is Reason.PRIMARY else "–"


@dataclass(frozen=True)
class Cell:
    value: int | Decimal | None  # None when hidden: nothing downstream can leak it
    reason: Reason | None = None

    @property
    def shown(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Table:
    """Counts in rows × columns, and which totals the page shows (the sums are computed here)."""

    counts: Sequence[Sequence[int]]
    rows: Sequence[str] = ()
    columns: Sequence[str] = ()
    row_totals: bool = False
    column_totals: bool = False
    grand_total: bool = False
    # name -> values aligned with counts (a mean, share or amount per cell; None where undefined)
    measures: Mapping[str, Sequence[Sequence[Decimal | int | None]]] = field(default_factory=dict)


@dataclass(frozen=True)
class SuppressedTable:
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_totals: tuple[Cell, ...] | None
    column_totals: tuple[Cell, ...] | None
    grand_total: Cell | None
    measures: dict[str, tuple[tuple[Cell, ...], ...]]
    threshold: int
    zeros_hidden: bool = False  # True: "<threshold" may also stand for 0 (asked for, or needed; see table_suppress)

    @property
    def suppressed(self) -> bool:
        everything = [cell for row in self.cells for cell in row]
        everything += [*(self.row_totals or ()), *(self.column_totals or ())]
        everything += [self.grand_total] if self.grand_total else []
        return any(not cell.shown for cell in everything)


def statistic_cell(value: Decimal | int | None, *, base: int, threshold: int = SMALL_CELL) -> Cell:
    """A single mean, share or amount outside a table: hidden when fewer than `threshold` clients."""
    if base < threshold or value is None:
        return Cell(None, Reason.BASE)
    return Cell(value)


class _Layout:
    """Variables (cells row by row, row totals, column totals, grand total) and their equations."""

    def __init__(self, counts: list[list[int]]):
        self.r, self.c = len(counts), len(counts[0]) if counts else 0
        r, c = self.r, self.c
        self.cell = lambda i, j: i * c + j
        self.row_total = lambda i: r * c + i
        self.column_total = lambda j: r * c + r + j
        self.grand = r * c + r + c
        self.values = [v for row in counts for v in row] + [sum(row) for row in counts]
        self.values += [sum(counts[i][j] for i in range(r)) for j in range(c)] + [sum(self.values[: r * c])]
        eqs = [{**{self.cell(i, j): 1 for j in range(c)}, self.row_total(i): -1} for i in range(r)]
        eqs += [{**{self.cell(i, j): 1 for i in range(r)}, self.column_total(j): -1} for j in range(c)]
        eqs.append({**{self.row_total(i): 1 for i in range(r)}, self.grand: -1})
        eqs.append({**{self.column_total(j): 1 for j in range(c)}, self.grand: -1})
        self.equations = eqs
        self.neighbours = {v: sorted({u for eq in eqs if v in eq for u in eq} - {v}) for v in range(self.grand + 1)}


def _linearly_determined(unknown: set[int], equations: list[dict[int, int]]) -> set[int]:
    """Unknowns fixed by the equations alone: those whose unit vector is a row of the reduced echelon form."""
    rows = [row for row in ({v: k % _PRIME for v, k in eq.items() if v in unknown} for eq in equations) if row]
    reduced: list[dict[int, int]] = []
    for v in sorted(unknown):
        pick = next((n for n, row in enumerate(rows) if v in row), None)
        if pick is None:
            continue
        pivot = rows.pop(pick)
        inverse = pow(pivot[v], -1, _PRIME)
        pivot = {u: k * inverse % _PRIME for u, k in pivot.items()}
        for group in (rows, reduced):
            for n, other in enumerate(group):
                factor = other.get(v)
                if factor:
                    merged = dict(other)
                    for u, k in pivot.items():
                        value = (merged.get(u, 0) - factor * k) % _PRIME
                        if value:
                            merged[u] = value
                        else:
                            merged.pop(u, None)
                    group[n] = merged
        reduced.append(pivot)
    return {next(iter(row)) for row in reduced if len(row) == 1}


def _interval_determined(layout: _Layout, unknown: set[int], bounds: dict[int, tuple[int, float]]) -> set[int]:
    """Unknowns whose interval closes to one value when the equations propagate the known bounds."""
    low = {v: bounds[v][0] for v in unknown}
    high: dict[int, float] = {v: bounds[v][1] for v in unknown}
    for _sweep in range(_SWEEPS):
        changed = False
        for eq in layout.equations:
            # sum(k * v) == 0; the range of k * v for each term, then each unknown against the rest
            terms = []
            for v, k in eq.items():
                if v in unknown:
                    a, b = k * low[v], k * high[v]
                    terms.append((v, k, min(a, b), max(a, b)))
                else:
                    terms.append((v, k, k * layout.values[v], k * layout.values[v]))
            # the range of all terms but one: the finite sums less that term, open while another is open
            finite_low = sum(t[2] for t in terms if t[2] != -math.inf)
            finite_high = sum(t[3] for t in terms if t[3] != math.inf)
            open_low = sum(1 for t in terms if t[2] == -math.inf)
            open_high = sum(1 for t in terms if t[3] == math.inf)
            for v, k, term_low, term_high in terms:
                if v not in unknown:
                    continue
                own_open_low, own_open_high = term_low == -math.inf, term_high == math.inf
                rest_low = -math.inf if open_low - own_open_low else finite_low - (0 if own_open_low else term_low)
                rest_high = math.inf if open_high - own_open_high else finite_high - (0 if own_open_high else term_high)
                # k * v == -rest, k is ±1
                new_low, new_high = (-rest_high, -rest_low) if k == 1 else (rest_low, rest_high)
                if new_low > low[v]:
                    low[v], changed = int(new_low), True
                if new_high < high[v]:
                    high[v], changed = int(new_high), True
        if not changed:
            break
    return {v for v in unknown if low[v] == high[v]}


class _Exhausted(Exception):
    """Every value is hidden and the bounds still give one away."""


def table_suppress(*, table: Table, threshold: int = SMALL_CELL, zeros_hidden: bool = False) -> SuppressedTable:
    """The table as it may be published. Where showing zeros would give a value away even with every
    other value hidden (a hidden value is then known to be at least 1: two hidden 1s beside a hidden
    total of 2), the table is suppressed as if zeros were hidden, and says so (`zeros_hidden`)."""
    try:
        return _suppress(table, threshold, zeros_hidden)
    except _Exhausted:
        if zeros_hidden:
            raise RuntimeError("no value left to hide") from None
        return _suppress(table, threshold, True)


def _suppress(table: Table, threshold: int, zeros_hidden: bool) -> SuppressedTable:
    counts = [list(row) for row in table.counts]
    if not counts or not counts[0] or any(len(row) != len(counts[0]) for row in counts):
        raise ValueError("counts must be a non-empty rectangle")
    if any(v < 0 for row in counts for v in row) or threshold < 3:
        # below 3, "<threshold" with 0 shown would read as exactly 1
        raise ValueError("counts must be non-negative and the threshold at least 3")
    layout = _Layout(counts)
    r, c = layout.r, layout.c
    published = set(range(r * c))
    published |= {layout.row_total(i) for i in range(r)} if table.row_totals else set()
    published |= {layout.column_total(j) for j in range(c)} if table.column_totals else set()
    published |= {layout.grand} if table.grand_total else set()
    smallest = 0 if zeros_hidden else 1
    reasons: dict[int, Reason] = {
        v: Reason.PRIMARY for v in sorted(published) if smallest <= layout.values[v] < threshold
    }

    def exposed(hidden: dict[int, Reason]) -> list[int]:
        unknown = set(range(layout.grand + 1)) - (published - set(hidden))
        bounds = {v: (0, math.inf) for v in unknown}
        for v, reason in hidden.items():
            bounds[v] = (smallest, threshold - 1) if reason is Reason.PRIMARY else (threshold, math.inf)
        found = _linearly_determined(unknown, layout.equations) | _interval_determined(layout, unknown, bounds)
        return sorted(found & set(hidden))

    def candidates(around: list[int]) -> list[int]:
        # shown cells first, smallest first; totals after; a shown 0 is never hidden (see above)
        shown = [v for v in around if v in published and v not in reasons and layout.values[v] >= threshold]
        return sorted(shown, key=lambda v: (v >= r * c, layout.values[v], v))

    # the classic rule first, cheap and usually enough: a line with one hidden value gets a second
    settled = False
    while not settled:
        settled = True
        for eq in layout.equations:
            unknown = [v for v in eq if v not in published or v in reasons]
            if len(unknown) == 1 and unknown[0] in reasons and (partner := candidates(list(eq))):
                reasons[partner[0]] = Reason.SECONDARY
                settled = False
    # then the audit, for what combining lines and the bounds still give away
    while at_risk := exposed(reasons):
        target = at_risk[0]
        nearby = candidates(layout.neighbours[target]) or candidates(list(range(layout.grand + 1)))
        if not nearby:  # everything is hidden already; the bounds themselves would tell
            raise _Exhausted
        choice = next((v for v in nearby if target not in exposed({**reasons, v: Reason.SECONDARY})), nearby[0])
        reasons[choice] = Reason.SECONDARY

    def cell(v: int) -> Cell:
        return Cell(None, reasons[v]) if v in reasons else Cell(layout.values[v])

    cells = tuple(tuple(cell(layout.cell(i, j)) for j in range(c)) for i in range(r))
    measures = {}
    for name, grid in table.measures.items():
        measures[name] = tuple(
            tuple(_measure_cell(grid[i][j], counts[i][j], cells[i][j], threshold) for j in range(c)) for i in range(r)
        )
    return SuppressedTable(
        rows=tuple(table.rows), columns=tuple(table.columns), cells=cells,
        row_totals=tuple(cell(layout.row_total(i)) for i in range(r)) if table.row_totals else None,
        column_totals=tuple(cell(layout.column_total(j)) for j in range(c)) if table.column_totals else None,
        grand_total=cell(layout.grand) if table.grand_total else None,
        measures=measures, threshold=threshold, zeros_hidden=zeros_hidden,
    )


def _measure_cell(value, base: int, count: Cell, threshold: int) -> Cell:
    if base < threshold or value is None:
        return Cell(None, Reason.BASE)
    if not count.shown:
        return Cell(None, Reason.SECONDARY)
    return Cell(value)
