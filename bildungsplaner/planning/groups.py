"""Results grouped by a region level above the recipients (Gemeinde, Kreis, …) with a subtotal per group.

A council asks "how much goes to each Gemeinde?" of an allocation over schools or Sozialräume. The caller
says which group every row belongs to (the service
:func:`bildungsplaner.services.planning.group_result` resolves it through the recipients' region parents);
:func:`group_rows` orders the rows by group — groups in natural key order, rows keep their order within a
group, rows without a group at that level last — and sums the given columns per group.

A subtotal is the plain sum of its rows; a missing value among them makes the subtotal missing (NaN), never
a sum that skips it. The grand total is the sum over the rows (never over rows and subtotals).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from bildungsplaner.planning.allocation import natural_rank

__all__ = ["ALLOCATION_SUMS", "COMPARISON_SUMS", "UNGROUPED", "Grouping", "group_rows"]

#: the label of the rows that lie in no region of the grouping level
UNGROUPED = "ohne Zuordnung"
#: the columns summed per group: an allocation result, a comparison
ALLOCATION_SUMS = ("need_share", "exact", "amount", "difference")
COMPARISON_SUMS = ("a", "b", "difference")


def _clean(value: Any) -> Any:
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


@dataclass
class Grouping:
    """``rows``: the rows ordered by group with ``group_key`` and ``group_name`` (``group_key`` ``""`` for
    rows without a group); ``totals``: one row per group in the same order with ``group_key``,
    ``group_name``, ``count`` and the sum of each of ``sum_columns``; ``grand``: the sums over all rows."""

    level: str
    rows: pd.DataFrame
    totals: pd.DataFrame
    sum_columns: list[str]
    grand: dict[str, float] = field(default_factory=dict)

    def groups(self) -> list[tuple[pd.Series, pd.DataFrame]]:
        """``(total row, member rows)`` per group, in order."""
        members = {key: part for key, part in self.rows.groupby("group_key", sort=False)}
        return [(total, members[total["group_key"]]) for _, total in self.totals.iterrows()]

    def table(self) -> pd.DataFrame:
        """The rows with a subtotal row after each group and a grand total at the end; column ``row_kind`` is
        ``recipient``, ``group`` or ``total`` (what a result table or a text listing shows)."""
        parts = []
        for total, part in self.groups():
            parts.append(part.assign(row_kind="recipient"))
            subtotal = {c: total[c] for c in self.sum_columns}
            parts.append(pd.DataFrame([{**subtotal, "group_key": total["group_key"], "group_name": total["group_name"],
                                        "count": total["count"], "row_kind": "group"}]))
        parts.append(pd.DataFrame([{**self.grand, "group_key": None, "group_name": None, "count": len(self.rows),
                                    "row_kind": "total"}]))
        return pd.concat(parts, ignore_index=True)

    def to_json_dict(self) -> list[dict[str, Any]]:
        """Per group: key, name, the number of rows, the subtotals and the keys of its rows."""
        out = []
        for total, part in self.groups():
            out.append({"key": total["group_key"] or None, "name": total["group_name"], "count": int(total["count"]),
                        **{c: _clean(total[c]) for c in self.sum_columns},
                        "members": [str(k) for k in part["key"]] if "key" in part else []})
        return out


def _sum(values: pd.Series) -> float:
    numbers = pd.to_numeric(values, errors="coerce")
    return math.nan if numbers.isna().any() else float(numbers.sum())


def group_rows(rows: pd.DataFrame, group_keys: Sequence[str | None], group_names: Sequence[str | None], level: str,
               sum_columns: Sequence[str]) -> Grouping:
    """Order ``rows`` by group and sum ``sum_columns`` per group (see the module docstring)."""
    if len(group_keys) != len(rows) or len(group_names) != len(rows):
        raise ValueError("one group key and name per row")
    frame = rows.reset_index(drop=True).copy()
    frame["group_key"] = ["" if k is None else str(k) for k in group_keys]
    frame["group_name"] = [UNGROUPED if k is None else str(n or k) for k, n in zip(group_keys, group_names,
                                                                                   strict=True)]
    columns = [c for c in sum_columns if c in frame]
    keys = frame["group_key"].to_numpy(dtype=str)
    unique = np.array(sorted(set(keys) - {""}), dtype=str)
    rank = dict(zip(unique.tolist(), natural_rank(unique).tolist(), strict=True)) if unique.size else {}
    position = np.array([rank.get(k, len(rank)) for k in keys], dtype=np.int64)
    frame = frame.iloc[np.argsort(position, kind="stable")].reset_index(drop=True)
    totals = []
    for key, part in frame.groupby("group_key", sort=False):
        totals.append({"group_key": key, "group_name": part["group_name"].iat[0], "count": len(part),
                       **{c: _sum(part[c]) for c in columns}})
    total_frame = pd.DataFrame(totals, columns=["group_key", "group_name", "count", *columns])
    return Grouping(level, frame, total_frame, columns, {c: _sum(frame[c]) for c in columns})
