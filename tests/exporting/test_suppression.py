"""Disclosure control: no suppressed count can be recovered from the totals that are published."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from bildungsplaner.exporting.suppression import disclosed_cells, suppress


def test_a_naive_primary_suppression_leaks_through_the_column_total_and_ours_does_not() -> None:
    pupils = np.array([[120.0], [2.0], [87.0], [45.0]])  # one column with a total row below it
    naive = pupils < 3
    assert disclosed_cells(naive, row_totals=False, column_totals=True).any()  # 254 - 120 - 87 - 45 = 2
    result = suppress(pupils, 3, column_totals=True)
    assert result.primary.ravel().tolist() == [False, True, False, False]
    assert result.secondary.ravel().tolist() == [False, False, False, True]  # the smallest other count
    assert not disclosed_cells(result.suppressed, row_totals=False, column_totals=True).any()


def test_two_dimensional_table_gets_a_rectangle() -> None:
    table = np.array([[1.0, 40.0, 50.0], [30.0, 20.0, 60.0], [25.0, 35.0, 45.0]])
    result = suppress(table, 3, row_totals=True, column_totals=True)
    assert result.count[0] == 1
    assert result.suppressed.sum() >= 4
    assert (result.suppressed.sum(axis=0) != 1).all() and (result.suppressed.sum(axis=1) != 1).all()
    assert not disclosed_cells(result.suppressed, row_totals=True, column_totals=True).any()


def test_zeros_and_non_counts_are_left_alone() -> None:
    table = np.array([[0.0, 5.0], [np.nan, 1.0], [7.0, 9.0]])
    result = suppress(table, 3, column_totals=True)
    assert not result.suppressed[0, 0] and not result.suppressed[1, 0]
    assert result.primary[1, 1] and result.secondary[:, 1].sum() == 1


def test_nothing_below_the_threshold_changes_nothing() -> None:
    table = np.array([[10.0, 20.0], [30.0, 40.0]])
    assert suppress(table, 3, row_totals=True, column_totals=True).suppressed.sum() == 0


@settings(max_examples=150, deadline=None)
@given(arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(1, 5)), elements=st.integers(0, 30).map(float)),
       st.integers(2, 6), st.booleans(), st.booleans())
def test_no_suppressed_cell_is_determined_by_the_published_totals(table, threshold, rows, cols) -> None:
    result = suppress(table, threshold, row_totals=rows, column_totals=cols)
    assert (result.primary == ((table > 0) & (table < threshold))).all()
    shown_rows = rows & ~result.hidden_row_totals
    shown_cols = cols & ~result.hidden_column_totals
    assert not disclosed_cells(result.suppressed, row_totals=shown_rows, column_totals=shown_cols).any()
    # every hidden cell is a positive count: then non-negativity cannot pin one down either (module docstring)
    assert (table[result.suppressed] > 0).all()
    # a total is only hidden when its line had nothing else to hide
    for i in np.flatnonzero(result.hidden_column_totals):
        assert ((table[:, i] > 0) & ~result.suppressed[:, i]).sum() == 0


def test_a_column_with_a_single_count_hides_its_total() -> None:
    result = suppress(np.array([[1.0, 2.0]]), 2, column_totals=True)
    assert result.primary.tolist() == [[True, False]]
    assert result.hidden_column_totals.tolist() == [True, False]
