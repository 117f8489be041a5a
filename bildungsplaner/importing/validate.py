"""Plausibility checks of observations before they are written: totals that do not add up.

Two checks, both warnings (the source is what it is; the planner decides):

* **Total ≠ sum of parts** within a dimension: where a dimension has a total value (``Insgesamt``,
  ``Zusammen``) and other values, the total must equal the sum of the others for the same region, measure,
  period and other dimensions — ``Insgesamt = männlich + weiblich``. Checked only where every part has a
  number.
* **Region ≠ sum of its sub-regions**: a region whose sub-regions (by key prefix, e.g. a Kreis and all its
  Gemeinden) are in the same file must hold their sum — only for counts (unit ``Anzahl`` or none) and only
  where every sub-region has a number.

Differences up to :data:`TOLERANCE` (plus a relative 1e-9 for floating point) are rounding, not errors.
Warnings carry the file's row numbers.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd

from bildungsplaner.formatting import format_amount as _fmt
from bildungsplaner.importing.batch import column_codes
from bildungsplaner.importing.regionkeys import is_region_key, parent_key
from bildungsplaner.store import dimensions as dims

__all__ = ["COUNT_UNITS", "TOTAL_LABELS", "check_totals"]

TOTAL_LABELS = frozenset({"Insgesamt", "insgesamt", "Zusammen", "zusammen", "Gesamt", "gesamt", "Summe"})
COUNT_UNITS = frozenset({"", "Anzahl", "Personen", "Kinder", "Schüler", "Plätze"})
TOLERANCE = 0.5
MAX_WARNINGS_PER_CHECK = 25


def _mismatch(total: np.ndarray, parts: np.ndarray) -> np.ndarray:
    return np.abs(total - parts) > TOLERANCE + 1e-9 * np.abs(total)


def _limited(warnings: list[str], kind: str) -> list[str]:
    if len(warnings) <= MAX_WARNINGS_PER_CHECK:
        return warnings
    rest = len(warnings) - MAX_WARNINGS_PER_CHECK
    return [*warnings[:MAX_WARNINGS_PER_CHECK], f"… und {rest} weitere Abweichungen ({kind})."]


Codes = Callable[[str], tuple[np.ndarray, np.ndarray]]


def _split_dimensions(rows: pd.DataFrame, codes_of: Codes) -> pd.DataFrame | None:
    """One column per dimension name (``None`` where a row lacks it); each distinct text decoded once.

    ``None`` when no dimension has a total value (``Insgesamt`` …): then there is nothing to check.
    """
    codes, uniques = codes_of("dimensions")
    decoded = [dims.decode(t) if isinstance(t, str) else {} for t in uniques.tolist()] + [{}]  # [-1]: missing
    if not any(value in TOTAL_LABELS for d in decoded for value in d.values()):
        return None
    names = sorted({name for d in decoded for name in d})
    return pd.DataFrame({name: np.asarray([d.get(name) for d in decoded], dtype=object)[codes] for name in names},
                        index=rows.index)


def _part_whole_warnings(rows: pd.DataFrame, codes_of: Codes) -> list[str]:
    warnings: list[str] = []
    split = _split_dimensions(rows, codes_of)
    if split is None:
        return []
    base = rows[["region_key", "region_name", "indicator", "period", "value", "source_row"]].assign(
        _missing=rows["value"].isna())
    for name in split.columns:
        column = split[name]
        is_total = column.isin(TOTAL_LABELS)
        if not is_total.any():
            continue
        others = [c for c in split.columns if c != name]
        frame = base.assign(_total=is_total, _present=column.notna())
        frame = frame[frame["_present"]]
        group_cols = ["region_key", "indicator", "period", *[f"_d{i}" for i in range(len(others))]]
        for i, other in enumerate(others):
            frame[f"_d{i}"] = split.loc[frame.index, other].fillna("\x00")
        frame["region_key"] = frame["region_key"].fillna(frame["region_name"])
        parts = frame[~frame["_total"]]
        totals = frame[frame["_total"]]
        if parts.empty or totals.empty:
            continue
        agg = parts.groupby(group_cols, sort=False, dropna=False).agg(
            parts_sum=("value", "sum"), parts_n=("value", "size"), parts_missing=("_missing", "sum"))
        joined = totals.join(agg, on=group_cols, how="inner")
        joined = joined[(joined["parts_missing"] == 0) & (joined["parts_n"] > 1) & joined["value"].notna()]
        bad = joined[_mismatch(joined["value"].to_numpy(float), joined["parts_sum"].to_numpy(float))]
        for index, row in zip(bad.index, bad.itertuples(index=False), strict=True):
            rest = ", ".join(f"{o}={split.at[index, o]}" for o in others if pd.notna(split.at[index, o]))
            warnings.append(
                f"Zeile {row.source_row}: {row.region_name or row.region_key}, {row.indicator}, {row.period}"
                f"{', ' + rest if rest else ''}: {name} „Insgesamt“ {_fmt(row.value)} ≠ Summe der Teile "
                f"{_fmt(row.parts_sum)}.")
    return _limited(warnings, "Insgesamt ≠ Summe der Teile")


def _region_sum_warnings(rows: pd.DataFrame, codes_of: Codes) -> list[str]:
    all_keys = [k for k in codes_of("region_key")[1].tolist() if isinstance(k, str)]
    present_keys = set(all_keys)
    if not any(_nearest_present_parent(k, present_keys) for k in all_keys):
        return []  # no region of the file lies below another of the file: nothing to add up (fast path)
    counts = rows[rows["unit"].fillna("").isin(COUNT_UNITS) & rows["region_key"].notna()]
    if counts.empty:
        return []
    keys = pd.unique(counts["region_key"])
    parents: dict[str, str] = {}
    present = set(keys)
    for key in keys:
        if parent := _nearest_present_parent(key, present):
            parents[key] = parent
    if not parents:
        return []
    frame = counts.assign(_parent=counts["region_key"].map(parents), _missing=counts["value"].isna())
    children = frame[frame["_parent"].notna()]
    group_cols = ["_parent", "indicator", "period", "dimensions"]
    agg = children.groupby(group_cols, sort=False).agg(
        children_sum=("value", "sum"), children_missing=("_missing", "sum"),
        children_n=("value", "size"))
    agg.index = agg.index.set_names(["region_key", "indicator", "period", "dimensions"])
    joined = frame.join(agg, on=["region_key", "indicator", "period", "dimensions"], how="inner")
    # a single sub-region is usually a city listed beside its Kreis (Hannover, Aachen), not a breakdown
    joined = joined[(joined["children_missing"] == 0) & (joined["children_n"] >= 2) & joined["value"].notna()]
    bad = joined[_mismatch(joined["value"].to_numpy(float), joined["children_sum"].to_numpy(float))]
    warnings = [
        f"Zeile {row.source_row}: {row.region_name or row.region_key} ({row.region_key}), {row.indicator}, "
        f"{row.period}{', ' + row.dimensions if row.dimensions else ''}: {_fmt(row.value)} ≠ Summe der "
        f"{int(row.children_n)} Teilgebiete {_fmt(row.children_sum)}."
        for row in bad.itertuples(index=False)
    ]
    return _limited(warnings, "Gebiet ≠ Summe der Teilgebiete")


def _nearest_present_parent(key: str, present: set[str]) -> str | None:
    """The nearest region above the official ``key`` that is in ``present``, skipping levels the file leaves
    out (e.g. a Gemeinde whose Regierungsbezirk row is absent); ``None`` for other keys."""
    if not is_region_key(key):
        return None
    parent = parent_key(key)
    while parent is not None and parent not in present:
        parent = parent_key(parent)
    return parent


def check_totals(rows: pd.DataFrame, *, codes: Codes | None = None) -> list[str]:
    """Warnings (German, with row numbers) for observation rows (``batch.OBSERVATION_COLUMNS``).

    ``codes(column)`` gives a text column's ``(codes, uniques)`` (:meth:`Batch.codes`, which knows them
    already); by default they are computed here.
    """
    if rows.empty:
        return []
    codes_of = codes or partial(column_codes, rows)
    return _part_whole_warnings(rows, codes_of) + _region_sum_warnings(rows, codes_of)
