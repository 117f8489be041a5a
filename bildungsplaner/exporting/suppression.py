"""Disclosure control for published count tables: primary and secondary suppression.

Published tables hide small counts of people (primary suppression) and then enough further cells that no
hidden value can be worked out from the totals that are shown (secondary suppression):

* **Primary**: every count ``0 < v < threshold`` is suppressed. Zeros are not: an empty cell says nothing
  about a person (the statistical offices publish them as ``-``).
* **Secondary**: the table's published totals are linear equations over its cells (a row total is the sum
  of its row, a column total the sum of its column). A suppressed cell is *disclosed* if those equations,
  with all published cells known, determine its value — e.g. the only suppressed cell of a row with a row
  total. :func:`suppress` adds cells until no suppressed cell is determined: first, every line (row or column
  with a published total) that holds exactly one suppressed cell gets a second one (the smallest positive
  count of that line, preferring cells whose other line already has a suppression, then the smaller value,
  then the first position); then an exact check by linear algebra (is the cell's unit vector in the row
  space of the equations restricted to the suppressed cells?) adds the smallest remaining candidate of a
  disclosed cell's line until nothing is determined.

Non-negativity: counts cannot be negative, which an attacker may use as well. It cannot make a hidden
value *exact*: every suppressed cell holds a positive count (zeros are neither primary nor secondary
candidates), so for a cell that the equations leave undetermined there is a direction in their null space
along which all hidden cells can move a little both ways and stay non-negative (for whole counts: by one).
It can narrow a hidden value to an *interval* (a hidden 2 beside a row total of 3), which is not checked
here; nor are tables published elsewhere with other totals. Say so where it matters.

Cells that are not counts (amounts, shares, rates) take no part: pass them as ``nan`` in ``values`` or mask
them out with ``counts``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Suppression", "disclosed_cells", "suppress"]


@dataclass(frozen=True)
class Suppression:
    """``primary``/``secondary`` are boolean masks of the table's shape; ``suppressed`` is their union.

    ``hidden_row_totals``/``hidden_column_totals`` mark totals that must be suppressed too: a line whose
    suppressed cell has no other positive count to hide beside it (its total would equal the hidden value).
    """

    primary: np.ndarray
    secondary: np.ndarray
    hidden_row_totals: np.ndarray
    hidden_column_totals: np.ndarray

    @property
    def suppressed(self) -> np.ndarray:
        return self.primary | self.secondary

    @property
    def count(self) -> tuple[int, int]:
        return int(self.primary.sum()), int(self.secondary.sum())


def _lines(shape: tuple[int, int], row_totals: bool | np.ndarray, column_totals: bool | np.ndarray
           ) -> list[tuple[str, int, np.ndarray]]:
    """Each published total as ``(axis, index, mask of the cells it sums)``; arrays say which are shown."""
    rows, cols = shape
    shown_rows = np.broadcast_to(np.asarray(row_totals, dtype=bool), (rows,))
    shown_cols = np.broadcast_to(np.asarray(column_totals, dtype=bool), (cols,))
    lines = []
    for i in np.flatnonzero(shown_rows):
        mask = np.zeros(shape, dtype=bool)
        mask[i, :] = True
        lines.append(("row", int(i), mask))
    for j in np.flatnonzero(shown_cols):
        mask = np.zeros(shape, dtype=bool)
        mask[:, j] = True
        lines.append(("column", int(j), mask))
    return lines


def disclosed_cells(suppressed: np.ndarray, *, row_totals: bool | np.ndarray, column_totals: bool | np.ndarray,
                    participating: np.ndarray | None = None) -> np.ndarray:
    """Mask of suppressed cells whose value follows from the published totals and the published cells."""
    participating = np.ones_like(suppressed, dtype=bool) if participating is None else participating
    hidden = np.flatnonzero(suppressed & participating)
    result = np.zeros(suppressed.shape, dtype=bool)
    if hidden.size == 0:
        return result
    lines = _lines(suppressed.shape, row_totals, column_totals)
    if not lines:
        return result
    matrix = np.array([line.ravel()[hidden] for _, _, line in lines], dtype=float)
    matrix = matrix[matrix.any(axis=1)]
    if matrix.size == 0:
        return result
    rank = np.linalg.matrix_rank(matrix)
    for k, flat in enumerate(hidden):
        unit = np.zeros((1, hidden.size))
        unit[0, k] = 1.0
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            result.flat[flat] = True
    return result


def suppress(values: np.ndarray, threshold: int, *, row_totals: bool = False, column_totals: bool = True,
             counts: np.ndarray | None = None) -> Suppression:
    """Primary and secondary suppression of the 2-D count table ``values`` (see the module docstring).

    ``counts`` masks the cells that are counts (default: every non-``nan`` cell); ``row_totals`` and
    ``column_totals`` say which totals the published table shows.
    """
    table = np.asarray(values, dtype=float)
    if table.ndim == 1:
        table = table[:, None]
    participating = ~np.isnan(table) if counts is None else (np.asarray(counts, dtype=bool) & ~np.isnan(table))
    primary = participating & (table > 0) & (table < threshold)
    suppressed = primary.copy()
    shown_rows = np.full(table.shape[0], bool(row_totals))
    shown_cols = np.full(table.shape[1], bool(column_totals))

    def candidates(line: np.ndarray) -> np.ndarray:
        return np.flatnonzero((line & participating & ~suppressed & (table > 0)).ravel())

    def pick(options: np.ndarray) -> int:
        rows, cols = np.unravel_index(options, table.shape)
        in_suppressed_row = suppressed[rows, :].any(axis=1)
        in_suppressed_col = suppressed[:, cols].any(axis=0)
        crossing = in_suppressed_row & in_suppressed_col
        order = np.lexsort((options, table.ravel()[options], ~crossing))
        return int(options[order[0]])

    def hide_total(axis: str, index: int) -> None:
        (shown_rows if axis == "row" else shown_cols)[index] = False

    for _ in range(2 * table.size + 2):
        changed = False
        for axis, index, line in _lines(table.shape, shown_rows, shown_cols):
            if (line & suppressed & participating).sum() == 1:
                options = candidates(line)
                if options.size:
                    suppressed.flat[pick(options)] = True
                else:
                    hide_total(axis, index)
                changed = True
        if changed:
            continue
        disclosed = disclosed_cells(suppressed, row_totals=shown_rows, column_totals=shown_cols,
                                    participating=participating)
        if not disclosed.any():
            break
        flat = int(np.flatnonzero(disclosed)[0])
        touching = [(axis, index, line) for axis, index, line in _lines(table.shape, shown_rows, shown_cols)
                    if line.flat[flat]]
        options = np.unique(np.concatenate([candidates(line) for _, _, line in touching]))
        if options.size:
            suppressed.flat[pick(options)] = True
        else:
            for axis, index, _ in touching:
                hide_total(axis, index)
    shape = np.asarray(values).shape
    return Suppression(primary.reshape(shape), (suppressed & ~primary).reshape(shape),
                       hidden_row_totals=bool(row_totals) & ~shown_rows,
                       hidden_column_totals=bool(column_totals) & ~shown_cols)
