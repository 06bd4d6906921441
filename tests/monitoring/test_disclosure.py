"""Disclosure control: an attacker that knows everything a page shows must recover no hidden value.

The attacker here is written apart from the module's own audit (fractions instead of modular
elimination, line by line instead of per equation), so a shared mistake is unlikely.
"""

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regie.monitoring.disclosure import SMALL_CELL, Cell, Reason, Table, statistic_cell, table_suppress

INF = float("inf")


def lines(r, c):
    """Each line as (parts, total): variables are ("x", i, j), ("R", i), ("C", j), ("G",)."""
    found = [([("x", i, j) for j in range(c)], ("R", i)) for i in range(r)]
    found += [([("x", i, j) for i in range(r)], ("C", j)) for j in range(c)]
    found += [([("R", i) for i in range(r)], ("G",)), ([("C", j) for j in range(c)], ("G",))]
    return found


def published(result):
    """What the page shows, and the hidden values with their reasons."""
    known, hidden = {}, {}
    entries = [(("x", i, j), cell) for i, row in enumerate(result.cells) for j, cell in enumerate(row)]
    entries += [(("R", i), cell) for i, cell in enumerate(result.row_totals or ())]
    entries += [(("C", j), cell) for j, cell in enumerate(result.column_totals or ())]
    entries += [(("G",), result.grand_total)] if result.grand_total else []
    for name, cell in entries:
        if cell.shown:
            known[name] = cell.value
        else:
            hidden[name] = cell.reason
    return known, hidden


def subtraction_attack(r, c, known):
    """Repeatedly: a line with one unknown among its parts and total gives that unknown."""
    known = dict(known)
    progress = True
    while progress:
        progress = False
        for parts, total in lines(r, c):
            missing = [v for v in [*parts, total] if v not in known]
            if len(missing) == 1:
                rest = sum(known[v] for v in parts if v in known)
                known[missing[0]] = known[total] - rest if missing[0] != total else rest
                progress = True
    return known


def linear_attack(r, c, known):
    """Every unknown that any combination of the line equations pins down (Gaussian elimination)."""
    unknown = sorted({v for parts, total in lines(r, c) for v in [*parts, total]} - set(known))
    index = {v: n for n, v in enumerate(unknown)}
    rows = []
    for parts, total in lines(r, c):
        coefficients = [Fraction(0)] * (len(unknown) + 1)
        for v, k in [*((p, 1) for p in parts), (total, -1)]:
            if v in index:
                coefficients[index[v]] += k
            else:
                coefficients[-1] -= k * known[v]
        rows.append(coefficients)
    pivot_row = 0
    pivots = []
    for col in range(len(unknown)):
        pick = next((n for n in range(pivot_row, len(rows)) if rows[n][col] != 0), None)
        if pick is None:
            continue
        rows[pivot_row], rows[pick] = rows[pick], rows[pivot_row]
        rows[pivot_row] = [x / rows[pivot_row][col] for x in rows[pivot_row]]
        for n in range(len(rows)):
            if n != pivot_row and rows[n][col] != 0:
                rows[n] = [a - rows[n][col] * b for a, b in zip(rows[n], rows[pivot_row])]
        pivots.append(col)
        pivot_row += 1
    recovered = {}
    for n, col in enumerate(pivots):
        if all(rows[n][k] == 0 for k in range(len(unknown)) if k != col):
            recovered[unknown[col]] = rows[n][-1]
    return recovered


def interval_attack(r, c, known, hidden, zeros_hidden, threshold=SMALL_CELL):
    """Bounds from the reasons ("<10" is 1..9, "–" at least 10), tightened along every line."""
    low = {}
    high = {}
    for parts, total in lines(r, c):
        for v in [*parts, total]:
            if v in known:
                low[v] = high[v] = known[v]
            elif hidden.get(v) is Reason.PRIMARY:
                low[v], high[v] = (0 if zeros_hidden else 1), threshold - 1
            elif v in hidden:
                low[v], high[v] = threshold, INF
            else:
                low[v], high[v] = 0, INF
    for _ in range(300):
        before = (dict(low), dict(high))
        for parts, total in lines(r, c):
            for v in parts:
                others = [p for p in parts if p != v]
                low[v] = max(low[v], low[total] - sum(high[p] for p in others))
                high[v] = min(high[v], high[total] - sum(low[p] for p in others))
            low[total] = max(low[total], sum(low[p] for p in parts))
            high[total] = min(high[total], sum(high[p] for p in parts))
        if (low, high) == before:
            break
    return {v: low[v] for v in hidden if low[v] == high[v]}


def assert_safe(table, result, zeros_hidden=False, threshold=SMALL_CELL):
    assert result.zeros_hidden >= zeros_hidden  # asked for zeros hidden: they are
    zeros_hidden = result.zeros_hidden  # what the published table tells its reader
    r, c = len(table.counts), len(table.counts[0])
    known, hidden = published(result)
    truth = {("x", i, j): v for i, row in enumerate(table.counts) for j, v in enumerate(row)}
    truth |= {("R", i): sum(row) for i, row in enumerate(table.counts)}
    truth |= {("C", j): sum(row[j] for row in table.counts) for j in range(c)}
    truth |= {("G",): sum(map(sum, table.counts))}
    for name, value in known.items():
        assert value == truth[name]
        assert value >= threshold or (value == 0 and not zeros_hidden)
    for name in hidden:
        assert truth[name] < threshold if hidden[name] is Reason.PRIMARY else truth[name] >= threshold
    by_subtraction = subtraction_attack(r, c, known)
    assert not set(hidden) & set(by_subtraction), "recovered by subtraction"
    by_algebra = linear_attack(r, c, known)
    assert not set(hidden) & set(by_algebra), "recovered by combining lines"
    assert interval_attack(r, c, known, hidden, zeros_hidden, threshold) == {}, "recovered from the bounds"
    # the attacks really read the tables: what they derive for unpublished totals is true
    for name, value in [*by_subtraction.items(), *by_algebra.items()]:
        assert value == truth[name]


small_or_not = st.one_of(st.integers(0, 12), st.integers(0, 12), st.integers(0, 80))


@st.composite
def tables(draw):
    r, c = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    counts = draw(st.lists(st.lists(small_or_not, min_size=c, max_size=c), min_size=r, max_size=r))
    return Table(counts=counts, row_totals=draw(st.booleans()), column_totals=draw(st.booleans()),
                 grand_total=draw(st.booleans()))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), zeros_hidden=st.booleans())
def test_no_hidden_value_can_be_recovered(table, zeros_hidden):
    result = table_suppress(table=table, zeros_hidden=zeros_hidden)
    assert_safe(table, result, zeros_hidden)
    assert table_suppress(table=table, zeros_hidden=zeros_hidden) == result


@settings(max_examples=100, deadline=None)
@given(table=tables(), threshold=st.integers(3, 30))
def test_any_threshold_is_safe(table, threshold):
    assert_safe(table, table_suppress(table=table, threshold=threshold), threshold=threshold)


def test_the_attacker_recovers_a_single_hidden_cell():
    # without secondary suppression the attack must succeed, or the property test proves nothing
    table = Table(counts=[[5, 20], [30, 40]], row_totals=True, column_totals=True)
    protected = table_suppress(table=table)
    assert protected.cells[0][0] == Cell(None, Reason.PRIMARY)
    assert_safe(table, protected)
    only_primary = replace(protected, cells=((Cell(None, Reason.PRIMARY), Cell(20)), (Cell(30), Cell(40))),
                           row_totals=(Cell(25), Cell(70)), column_totals=(Cell(35), Cell(60)))
    known, _hidden = published(only_primary)
    assert subtraction_attack(2, 2, known)[("x", 0, 0)] == 5
    assert linear_attack(2, 2, known)[("x", 0, 0)] == 5
    with pytest.raises(AssertionError, match="subtraction"):
        assert_safe(table, only_primary)


def test_combining_lines_finds_what_subtraction_misses():
    # two hidden 2×2 blocks joined by one hidden cell: every line has two unknowns, yet the sum of
    # the first block's row equations minus its column equations leaves the joining cell alone
    counts = [[11, 12, 13, 0], [14, 15, 0, 0], [0, 0, 16, 17], [0, 0, 18, 19]]
    hidden = {(0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (2, 2), (2, 3), (3, 2), (3, 3)}
    known = {("x", i, j): v for i, row in enumerate(counts) for j, v in enumerate(row) if (i, j) not in hidden}
    known |= {("R", i): sum(row) for i, row in enumerate(counts)}
    known |= {("C", j): sum(row[j] for row in counts) for j in range(4)}
    assert ("x", 0, 2) not in subtraction_attack(4, 4, known)
    assert linear_attack(4, 4, known)[("x", 0, 2)] == 13


def test_the_interval_attack_reads_two_nines_from_their_total():
    known = {("x", 0, 2): 50, ("R", 0): 68}
    hidden = {("x", 0, 0): Reason.PRIMARY, ("x", 0, 1): Reason.PRIMARY}
    assert interval_attack(1, 3, known, hidden, zeros_hidden=False) == {("x", 0, 0): 9, ("x", 0, 1): 9}


def test_a_small_cell_is_shown_as_hidden_with_the_smallest_shown_cell_of_its_row():
    result = table_suppress(table=Table(counts=[[4, 30, 12, 50]], row_totals=True))
    assert [cell.reason for cell in result.cells[0]] == [Reason.PRIMARY, None, Reason.SECONDARY, None]
    assert [cell.value for cell in result.cells[0]] == [None, 30, None, 50]
    assert result.row_totals == (Cell(96),)


def test_two_small_cells_whose_sum_pins_them_get_a_third():
    # 68 - 50 leaves 18 for two cells of at most 9: both are 9 unless the 50 goes too
    table = Table(counts=[[9, 9, 50]], row_totals=True)
    result = table_suppress(table=table)
    assert [cell.reason for cell in result.cells[0]] == [Reason.PRIMARY, Reason.PRIMARY, Reason.SECONDARY]
    assert_safe(table, result)


def test_a_partner_that_leaves_one_possibility_is_not_enough():
    # 1 and 10 hidden under 61 - 50 = 11: "<10" is at least 1 and "–" at least 10, so 1 and 10
    table = Table(counts=[[1, 10, 50]], row_totals=True)
    result = table_suppress(table=table)
    assert [cell.reason for cell in result.cells[0]] == [Reason.PRIMARY, Reason.SECONDARY, Reason.SECONDARY]
    known, hidden = published(replace(result, cells=((Cell(None, Reason.PRIMARY), Cell(None, Reason.SECONDARY), Cell(50)),)))
    assert interval_attack(1, 3, known, hidden, zeros_hidden=False) == {("x", 0, 0): 1, ("x", 0, 1): 10}
    assert_safe(table, result)


def test_a_hidden_total_that_the_grand_total_gives_back_is_protected():
    table = Table(counts=[[3, 4], [20, 30], [25, 40]], row_totals=True, grand_total=True)
    result = table_suppress(table=table)
    assert result.row_totals[0] == Cell(None, Reason.PRIMARY)  # 7 is a small count too
    assert not result.row_totals[1].shown or not result.row_totals[2].shown or not result.grand_total.shown
    assert_safe(table, result)


def test_where_every_value_is_hidden_and_the_bounds_tell_zeros_are_hidden_too():
    # two hidden 1s and their hidden total 2: with zeros shown, "hidden" means 1 or 2, so 1 + 1 = 2
    table = Table(counts=[[1, 1]], grand_total=True)
    result = table_suppress(table=table, threshold=3)
    assert result.zeros_hidden and not any(cell.shown for cell in (*result.cells[0], result.grand_total))
    assert_safe(table, result, threshold=3)
    assert not table_suppress(table=Table(counts=[[1, 12]], grand_total=True), threshold=3).zeros_hidden


def test_zeros_are_shown_unless_asked():
    table = Table(counts=[[0, 30], [20, 40]], row_totals=True, column_totals=True)
    assert table_suppress(table=table).cells[0][0] == Cell(0)
    assert not table_suppress(table=table).suppressed
    hidden = table_suppress(table=table, zeros_hidden=True)
    assert hidden.cells[0][0] == Cell(None, Reason.PRIMARY)
    assert hidden.suppressed
    assert_safe(table, hidden, zeros_hidden=True)


def test_a_shown_zero_is_never_hidden_as_a_partner():
    # hiding the 0 would tell "–" is 0 (a partner is otherwise at least 10): the total goes instead
    table = Table(counts=[[5, 0]], row_totals=True)
    result = table_suppress(table=table)
    assert result.cells[0] == (Cell(None, Reason.PRIMARY), Cell(0))
    assert result.row_totals == (Cell(None, Reason.PRIMARY),)


def test_measures_follow_their_base():
    table = Table(
        counts=[[5, 20, 30], [15, 25, 35]], row_totals=True,
        measures={"mean": [[Decimal("100.00"), Decimal("80.00"), Decimal("90.00")],
                           [Decimal("70.00"), None, Decimal("60.00")]]},
    )
    result = table_suppress(table=table)
    means = result.measures["mean"]
    assert means[0][0] == Cell(None, Reason.BASE)  # 5 clients
    assert means[0][1] == Cell(None, Reason.SECONDARY)  # its count is hidden: mean × count would give it back
    assert means[0][2] == Cell(Decimal("90.00"))
    assert means[1][1] == Cell(None, Reason.BASE)  # no value to show
    assert result.cells[0][1].reason is Reason.SECONDARY


def test_a_single_statistic_needs_its_base():
    assert statistic_cell(Decimal("12.50"), base=9) == Cell(None, Reason.BASE)
    assert statistic_cell(Decimal("12.50"), base=10) == Cell(Decimal("12.50"))
    assert statistic_cell(Decimal("12.50"), base=10).shown
    assert statistic_cell(None, base=40).reason is Reason.BASE


@pytest.mark.parametrize("counts", [[], [[]], [[1, 2], [3]], [[-1]]])
def test_malformed_tables_are_refused(counts):
    with pytest.raises(ValueError):
        table_suppress(table=Table(counts=counts))


def test_a_threshold_that_would_name_the_value_is_refused():
    with pytest.raises(ValueError):
        table_suppress(table=Table(counts=[[1]]), threshold=2)


def test_small_cells_that_only_combined_lines_give_away_get_a_partner():
    # the pattern of test_combining_lines_finds_what_subtraction_misses, all small: every line has
    # two or three "<10", so the classic rule hides nothing, yet the joining cell is determined
    small = {(0, 0), (0, 1), (1, 0), (1, 1), (0, 2), (2, 2), (2, 3), (3, 2), (3, 3)}
    counts = [[5 if (i, j) in small else 20 for j in range(4)] for i in range(4)]
    table = Table(counts=counts, row_totals=True, column_totals=True)
    result = table_suppress(table=table)
    hidden = {(i, j) for i, row in enumerate(result.cells) for j, cell in enumerate(row) if not cell.shown}
    assert hidden > small
    assert_safe(table, result)
