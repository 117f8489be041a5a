"""One value per region and period from observations with dimensions — the totals rule in one place.

Observations of one indicator carry dimensions (Altersgruppe, Geschlecht, Art der Kindertagesbetreuung …).
To draw a chart or a pivot table each dimension is either *fixed* to one value or taken as a whole
(:data:`ALL`, „alle“). „Alle“ follows the rule statistics offices publish by:

* **A total is a category, not a sum to redo.** Where a dimension has a total category — a value
  :func:`~bildungsplaner.store.dimensions.is_total_label` recognises („Insgesamt“, „Insgesamt (ohne
  Doppelzählungen)“, „Tätige Personen insgesamt“), or, in workspaces imported before totals were labelled,
  the row of the same measure that lacks the dimension the others have (a GENESIS total column with an
  empty label) — „alle“ means that total.
* **Parts are summed only where no total exists**, only for additive units (counts, not rates), and a part
  without a number (a secret „.“) makes the sum missing, never smaller.
* **Where parts and total disagree, the total wins** and the difference is reported in :attr:`Collapsed.notes`
  (parts may overlap: Kita + Tagespflege count some children twice), never added.

Qt-free; the window's chart, ``bildungsplaner data pivot`` and tests use the same functions. numpy and
pandas are imported inside the functions that need them: the window's Daten tab imports this module before
it is shown, and only the first loaded data need them (``tests/test_startup_imports.py``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import decimals_for, format_number, format_period
from bildungsplaner.i18n import tr
from bildungsplaner.store.dimensions import is_total_label

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "ALL",
    "NON_ADDITIVE_UNITS",
    "Collapsed",
    "DimensionChoice",
    "IndicatorPivot",
    "Pivot",
    "collapse",
    "default_choices",
    "dimension_choices",
    "fixed_choices",
    "indicator_sources",
    "is_additive",
    "load_pivot",
    "pivot",
]

#: The choice „alle“ for a dimension: its total where the data have one, else the sum of its parts.
ALL = None
# Units for which summing over a dimension is meaningless (shares, rates, indices).
NON_ADDITIVE_UNITS = frozenset({"%", "‰", "Prozent", "Promille", "Quote", "Index", "Anteil", "Jahre"})
#: Differences up to this (per summed part) are rounding of the published figures, not disagreement.
ROUNDING = 0.5
#: Examples named per dimension in a note about totals that differ from their parts.
NOTE_EXAMPLES = 3
_MISSING_DIM = "\uffff"  # "row lacks this dimension" in a grouping key (a NUL would not survive pandas 3)


def is_additive(unit: str | None) -> bool:
    return (unit or "").strip() not in NON_ADDITIVE_UNITS


@dataclass(frozen=True)
class DimensionChoice:
    """What a dimension offers: its values, its total category and whether „alle“ is possible."""

    name: str
    values: list[str]
    #: The total category („Insgesamt“ …), or ``""`` when the total is the row lacking the dimension
    #: (older workspaces), or ``None`` when there is none.
    total: str | None
    #: „alle“ can be chosen: a total exists, or the parts may be summed (additive unit, several values).
    can_take_all: bool

    @property
    def all_label(self) -> str:
        """How „alle“ is shown: with the total's name, or as a sum."""
        if self.total is None:
            return tr("alle (Summe)")
        return tr("alle ({total})", total=self.total or "Insgesamt")


def _total_values(values: Sequence[str]) -> list[str]:
    return [v for v in values if is_total_label(v)]


def dimension_choices(dimensions: Mapping[str, pd.Categorical], unit: str | None) -> list[DimensionChoice]:
    """One :class:`DimensionChoice` per dimension (``browse.dimension_columns`` output)."""
    additive = is_additive(unit)
    result = []
    for name, cat in dimensions.items():
        import numpy as np  # only with dimensions: the window's empty chart asks without any

        values = [str(c) for c in cat.categories]
        totals = _total_values(values)
        if totals:
            total: str | None = totals[0]
        elif len(cat) and bool(np.any(np.asarray(cat.codes) < 0)) and values:
            total = ""  # rows lacking the dimension: the unlabelled total column of an older import
        else:
            total = None
        can_take_all = total is not None or (additive and len(values) > 1)
        result.append(DimensionChoice(name, values, total, can_take_all))
    return result


def default_choices(dimensions: Mapping[str, pd.Categorical], unit: str | None) -> dict[str, str | None]:
    """„alle“ where it is possible (the total, or the sum of counts), else the first value."""
    return {c.name: ALL if c.can_take_all else (c.values[0] if c.values else ALL)
            for c in dimension_choices(dimensions, unit)}


@dataclass
class Collapsed:
    """One row per region and period: ``region_key``, ``region_name``, ``period``, ``value``, ``flag``."""

    frame: pd.DataFrame
    #: Per dimension, what was shown: the fixed value, the total's label, or „Summe der Teile“.
    how: dict[str, str] = field(default_factory=dict)
    #: Totals that differ from the sum of their parts, parts that could not be summed (German sentences).
    notes: list[str] = field(default_factory=list)


def _empty() -> pd.DataFrame:
    import pandas as pd  # lazily: see the module's docstring

    return pd.DataFrame({"region_key": pd.Series([], dtype=object), "region_name": pd.Series([], dtype=object),
                         "period": pd.Series([], dtype=object), "value": pd.Series([], dtype=float),
                         "flag": pd.Series([], dtype=object)})


def _coded(values: pd.Series | pd.Categorical) -> tuple[np.ndarray, list[str]]:
    """Integer codes (``-1`` = missing) and category texts of a categorical (or anything pandas can code)."""
    import numpy as np
    import pandas as pd

    cat = values.array if isinstance(values, pd.Series) else values
    if not isinstance(cat, pd.Categorical):
        cat = pd.Categorical(np.asarray(cat, dtype=object))
    return np.asarray(cat.codes, dtype=np.int64), [str(c) for c in cat.categories]


def collapse(frame: pd.DataFrame, dimensions: Mapping[str, pd.Categorical], choices: Mapping[str, str | None],
             *, unit: str | None = "") -> Collapsed:
    """Fix or take as a whole every dimension (see the module doc); one row per region and period.

    ``frame`` has the columns of ``browse.load_observations``; ``dimensions`` is
    ``browse.dimension_columns(frame["dimensions"])``. A dimension missing from ``choices`` is taken as
    :data:`ALL`. A dimension without a total whose unit is not additive cannot be taken as a whole: its rows
    stay missing and a note says so. Works on the categoricals' integer codes (a million rows in well under a
    second); texts are looked up only for the result.
    """
    import numpy as np
    import pandas as pd

    if frame.empty:
        return Collapsed(_empty())
    additive = is_additive(unit)
    region, regions = _coded(frame["region_key"])
    period, periods = _coded(frame["period"])
    flag, flags = _coded(frame["flag"])
    name_codes, names = _coded(frame["region_name"])
    # the first row of each region code, without sorting a million codes (np.unique would): written in reverse,
    # the earliest row's index is stored last
    first_row_of = np.full(len(regions) + 1, -1, dtype=np.int64)
    first_row_of[region[::-1]] = np.arange(len(region) - 1, -1, -1)
    region_names = {r: names[name_codes[i]] if name_codes[i] >= 0 else ""
                    for r, i in enumerate(first_row_of[:-1].tolist()) if i >= 0}
    columns: dict[str, np.ndarray] = {"r": region, "p": period, "value": frame["value"].to_numpy(dtype=float),
                                      "f": flag}
    mask = np.ones(len(frame), dtype=bool)
    how: dict[str, str] = {}
    free: dict[str, list[str]] = {}
    for name, cat in dimensions.items():
        codes, categories = _coded(cat)
        choice = choices.get(name, ALL)
        if choice is ALL:
            columns[f"d:{name}"] = codes
            free[name] = categories
        else:
            mask &= codes == (categories.index(choice) if choice in categories else -2)
            how[name] = choice
    if not mask.all():  # every dimension „alle“ (the chart's default): no copy of a million rows
        columns = {key: column[mask] for key, column in columns.items()}
    # copy=False: no stacking of the code columns into one block (~45 ms for a million rows); ``work`` is only
    # ever filtered, never changed in place, so the arrays it shares stay untouched
    work = pd.DataFrame(columns, copy=False)
    context = _Context(regions, periods, region_names)
    notes: list[str] = []
    for name, categories in free.items():
        column = f"d:{name}"
        keys = ["r", "p", *(c for c in work.columns if c.startswith("d:") and c != column)]
        codes = work[column].to_numpy()
        present = set((np.flatnonzero(np.bincount(codes + 1)) - 1).tolist())  # O(n), unlike np.unique's sort
        labelled_codes = [c for c in present if c >= 0 and is_total_label(categories[c])]
        legacy_total = -1 in present and len(present) > 1
        is_total = np.isin(codes, labelled_codes) | ((codes == -1) if legacy_total else False)
        if not is_total.any() and present == {-1}:
            work = work.drop(columns=[column])  # no row has this dimension after the other choices
            continue
        label = " bzw. ".join(sorted(categories[c] for c in labelled_codes)) or "Insgesamt"
        group, n_groups = _group_ids(work, keys)
        any_total = bool(is_total.any())
        has_total = (np.bincount(group, weights=is_total, minlength=n_groups) > 0 if any_total
                     else np.zeros(n_groups, dtype=bool))
        pieces = []
        if any_total:
            # one total per group: a labelled one before the unlabelled column of older imports
            ranked = work[is_total].assign(_rank=(codes[is_total] == -1).astype(np.int64), _g=group[is_total])
            chosen = ranked.sort_values("_rank", kind="stable").drop_duplicates("_g")
            pieces.append(chosen.drop(columns=["_rank"]))
            how[name] = label
        parts = ~is_total
        if parts.any():
            # fast paths for the common case of a million rows of parts without a total and without gaps: no
            # boolean-indexed copies, no masking pass
            if any_total:
                g, v, f = group[parts], work["value"].to_numpy()[parts], work["f"].to_numpy()[parts]
            else:
                g, v, f = group, work["value"].to_numpy(), work["f"].to_numpy()
            missing = np.isnan(v)
            n_missing: np.ndarray
            if missing.any():
                sums = np.bincount(g, weights=np.where(missing, 0.0, v), minlength=n_groups)
                n_missing = np.bincount(g, weights=missing, minlength=n_groups)
            else:
                sums = np.bincount(g, weights=v, minlength=n_groups)
                n_missing = np.zeros(n_groups)
            n_parts = np.bincount(g, minlength=n_groups)
            missing_flag = np.full(n_groups, -1, dtype=np.int64)
            np.maximum.at(missing_flag, g[missing], f[missing])  # the symbol of a missing part („.“ …)
            part_sum = np.where(n_missing > 0, np.nan, sums)
            if any_total:
                notes += _difference_notes(name, pieces[0], part_sum, n_parts, label, context)
            summed_groups = np.flatnonzero((n_parts > 0) & ~has_total)
            if len(summed_groups) and additive:
                first_row = np.full(n_groups, -1, dtype=np.int64)
                first_row[group[::-1]] = np.arange(len(group) - 1, -1, -1)  # the first row of each group
                rows = work.iloc[first_row[summed_groups]].copy()
                rows["value"] = part_sum[summed_groups]
                rows["f"] = np.where(n_missing[summed_groups] > 0, missing_flag[summed_groups], -1)
                pieces.append(rows.assign(_g=summed_groups))
                how[name] = tr("{total}, sonst Summe der Teile", total=label) if is_total.any() else \
                    tr("Summe der Teile")
            elif len(summed_groups):
                notes.append(tr("{dimension}: ohne „Insgesamt“ und nicht summierbar ({unit}); wählen Sie einen Wert.",
                                dimension=name, unit=unit))
        work = (pd.concat(pieces, ignore_index=True) if pieces else work.iloc[0:0]).drop(
            columns=[column, "_g"], errors="ignore")
    work = work.drop_duplicates(["r", "p"])
    r, p, f = work["r"].to_numpy(), work["p"].to_numpy(), work["f"].to_numpy()
    result = pd.DataFrame({
        "region_key": np.asarray(regions, dtype=object)[r] if len(r) else np.array([], dtype=object),
        "region_name": np.asarray([region_names.get(int(x), "") for x in r], dtype=object),
        "period": np.asarray(periods, dtype=object)[p] if len(p) else np.array([], dtype=object),
        "value": work["value"].to_numpy(dtype=float),
        "flag": np.asarray([flags[x] if x >= 0 else None for x in f.tolist()], dtype=object),
    })
    return Collapsed(result if len(result) else _empty(), how, notes)


def _group_ids(work: pd.DataFrame, keys: list[str]) -> tuple[np.ndarray, int]:
    """A group number per row for the integer key columns, and how many numbers there can be.

    The codes are small (regions, periods, dimension values), so their mixed-radix number is used directly
    (no sort, no hash); only when that space would be huge are the numbers compacted with ``np.unique``.
    """
    import numpy as np

    group = np.zeros(len(work), dtype=np.int64)
    size = 1
    for key in keys:
        codes = work[key].to_numpy() + 1  # -1 (missing) becomes 0
        radix = int(codes.max()) + 1 if len(codes) else 1
        group = group * radix + codes
        size *= radix
        if size > 20_000_000:  # compact before the number space grows further
            uniques, group = np.unique(group, return_inverse=True)
            size = len(uniques)
    return group, size


@dataclass(frozen=True)
class _Context:
    """Texts for the codes, for notes and the result."""

    regions: list[str]
    periods: list[str]
    region_names: dict[int, str]


def _difference_notes(name: str, totals: pd.DataFrame, part_sum: np.ndarray, n_parts: np.ndarray, label: str,
                      context: _Context) -> list[str]:
    """A note when totals differ from the sum of their parts (beyond the rounding of the parts)."""
    import numpy as np

    g = totals["_g"].to_numpy()
    total = totals["value"].to_numpy(dtype=float)
    parts = part_sum[g]
    compared = (n_parts[g] > 0) & np.isfinite(total) & np.isfinite(parts)
    differ = compared & (np.abs(total - parts) > ROUNDING * n_parts[g] + 1e-9)
    if not differ.any():
        return []
    rows = np.flatnonzero(differ)
    decimals = decimals_for(np.concatenate([total[rows], parts[rows]]))
    r, p = totals["r"].to_numpy(), totals["p"].to_numpy()
    examples = "; ".join(
        tr("{region} {period}: {total} statt {parts}",
           region=context.region_names.get(int(r[i]), context.regions[r[i]]),
           period=format_period(context.periods[p[i]]), total=format_number(total[i], decimals),
           parts=format_number(parts[i], decimals))
        for i in rows[:NOTE_EXAMPLES])
    more = tr(" und {count} weitere", count=format_number(len(rows) - NOTE_EXAMPLES)) \
        if len(rows) > NOTE_EXAMPLES else ""
    return [tr("{dimension}: „{total}“ weicht bei {count} von {compared} Werten von der Summe der Teile ab (Teile "
               "können sich überschneiden); gezeigt wird die Gesamtzahl, nicht die Summe ({examples}{more}).",
               dimension=name, total=label, count=format_number(len(rows)),
               compared=format_number(int(compared.sum())), examples=examples, more=more)]


@dataclass
class Pivot:
    """A table of values: ``rows`` × ``columns`` labels, ``values`` (NaN = missing) and their ``flags``."""

    row_header: str
    rows: list[str]
    row_keys: list[str]
    columns: list[str]
    column_keys: list[str]
    values: np.ndarray
    flags: list[list[str | None]]
    how: dict[str, str]
    notes: list[str]

    def to_json(self) -> dict[str, Any]:
        import numpy as np

        return {
            "row_header": self.row_header,
            "rows": [{"key": k, "label": r} for k, r in zip(self.row_keys, self.rows, strict=True)],
            "columns": [{"key": k, "label": c} for k, c in zip(self.column_keys, self.columns, strict=True)],
            "cells": [[None if not np.isfinite(v) else float(v) for v in row] for row in self.values],
            "flags": self.flags,
            "dimensions": self.how,
            "notes": self.notes,
        }


def pivot(collapsed: Collapsed, *, rows: str = "region", region_order: Sequence[str] | None = None) -> Pivot:
    """Regions × periods (``rows="region"``) or periods × regions (``rows="period"``) of a collapse.

    Periods are ordered in time, regions in ``region_order`` (keys; default: by key).
    """
    import numpy as np

    from bildungsplaner.services.browse import natural_key

    if rows not in ("region", "period"):
        raise ValueError(f"rows must be 'region' or 'period', not {rows!r}")
    frame = collapsed.frame
    periods = sorted(frame["period"].unique().tolist(), key=natural_key)
    keys = list(dict.fromkeys(region_order or [])) if region_order else []
    present = set(frame["region_key"].tolist())
    keys = [k for k in keys if k in present] + sorted(present - set(keys), key=natural_key)
    names = dict(zip(frame["region_key"], frame["region_name"], strict=True))
    values = np.full((len(keys), len(periods)), np.nan)
    flags: list[list[str | None]] = [[None] * len(periods) for _ in keys]
    at_key = {k: i for i, k in enumerate(keys)}
    at_period = {p: j for j, p in enumerate(periods)}
    for row in frame.itertuples(index=False):
        i, j = at_key[row.region_key], at_period[row.period]
        values[i, j] = row.value
        flags[i][j] = row.flag if isinstance(row.flag, str) else None
    labels = [f"{names[k]} ({k})" for k in keys]
    shown = [format_period(p) for p in periods]
    if rows == "region":
        return Pivot("Gebiet", labels, keys, shown, periods, values, flags, collapsed.how, collapsed.notes)
    transposed = [list(col) for col in zip(*flags, strict=True)] if flags else []
    return Pivot("Zeitraum", shown, periods, labels, keys, values.T.copy(), transposed, collapsed.how,
                 collapsed.notes)


@dataclass
class IndicatorPivot:
    """A pivot read from a workspace, with what a table for others needs beside the numbers."""

    table: Pivot
    code: str
    name: str
    unit: str
    #: The imports the values come from: title, table code, Stand (no local paths).
    sources: list[str]


def indicator_sources(ws: Any, indicator_id: int, region_ids: Sequence[int]) -> list[str]:
    """The current imports holding values of the indicator in the regions: title, table code, Stand."""
    from sqlalchemy import select

    from bildungsplaner.store.models import Dataset, Observation

    with ws.engine.connect() as conn:
        ids = conn.scalars(select(Observation.dataset_id).distinct().where(
            Observation.indicator_id == indicator_id, Observation.region_id.in_(list(region_ids)[:500]))).all()
        rows = conn.execute(select(Dataset.file_name, Dataset.table_code, Dataset.title, Dataset.stand)
                            .where(Dataset.id.in_(ids), Dataset.superseded_by_id.is_(None))
                            .order_by(Dataset.id)).all()
    result = []
    for file_name, code, title, stand in rows:
        what = (title or "").splitlines()[0] if title else Path(file_name).name
        result.append(", ".join(p for p in (what, f"Tabelle {code}" if code else "", f"Stand {stand}" if stand
                                            else "") if p))
    return result


def fixed_choices(name: str, unit: str | None, dims: Mapping[str, pd.Categorical],
                  where: Mapping[str, str] | None) -> dict[str, str | None]:
    """Every dimension „alle“ except those ``where`` fixes, checked against the data (German
    :class:`UserInputError` for an unknown dimension or value, and for „alle“ where no total exists and the unit
    cannot be added); for the pivot (``data pivot``) and the map (``map export``)."""
    choices: dict[str, str | None] = {dimension: ALL for dimension in dims}
    for dimension, value in (where or {}).items():
        if dimension not in dims:
            if not dims:
                raise UserInputError(tr("„{indicator}“ hat kein Merkmal „{dimension}“ (vorhanden: keine).",
                                        indicator=name, dimension=dimension))
            raise UserInputError(tr("„{indicator}“ hat kein Merkmal „{dimension}“ (vorhanden: {present}).",
                                    indicator=name, dimension=dimension, present=", ".join(dims)))
        values = [str(v) for v in dims[dimension].categories]
        if value not in values:
            raise UserInputError(tr("Merkmal „{dimension}“ hat keinen Wert „{value}“ (vorhanden: {present}).",
                                    dimension=dimension, value=value, present=", ".join(values)))
        choices[dimension] = value
    for option in dimension_choices(dims, unit):
        if choices[option.name] is ALL and not option.can_take_all:
            raise UserInputError(tr(
                "Merkmal „{dimension}“ hat keine Gesamtzahl und „{unit}“ lässt sich nicht addieren: bitte mit "
                "--where „{dimension}=…“ einen Wert wählen ({values}).", dimension=option.name, unit=unit,
                values=", ".join(option.values)))
    return choices


def load_pivot(ws: Any, indicator: str, region: str, *, children: bool = False, rows: str = "region",
               where: Mapping[str, str] | None = None) -> IndicatorPivot:
    """What the window's chart and pivot show, read from a workspace.

    ``indicator`` is a code, ``region`` a key; ``children`` adds the regions directly below it; ``where``
    fixes dimensions to a value (the others are taken as „alle“). Unknown codes, keys, dimensions or values
    are refused with a German message that lists what exists.
    """
    from bildungsplaner import UserInputError
    from bildungsplaner.services import browse

    indicators = {i.code: i for i in browse.list_indicators(ws)}
    found = indicators.get(indicator) or next(
        (i for code, i in indicators.items() if code.casefold() == indicator.casefold()), None)
    if found is None:
        if not indicators:
            raise UserInputError(tr("Indikator „{indicator}“ gibt es im Arbeitsbereich nicht (vorhanden: keine).",
                                    indicator=indicator))
        raise UserInputError(tr("Indikator „{indicator}“ gibt es im Arbeitsbereich nicht (vorhanden: {present}).",
                                indicator=indicator, present=", ".join(sorted(indicators)[:20])))
    index = browse.RegionIndex(browse.list_regions(ws))
    by_key = {r.key: r for r in index.rows}
    if region not in by_key:
        raise UserInputError(tr("Gebiet „{region}“ gibt es im Arbeitsbereich nicht.", region=region))
    ids = [by_key[region].id] + ([r.id for r in index.children.get(by_key[region].id, [])] if children else [])
    frame = browse.load_observations(ws, found.id, ids)
    dims = browse.dimension_columns(frame["dimensions"]) if not frame.empty else {}
    choices = fixed_choices(found.name, found.unit, dims, where)
    collapsed = collapse(frame, dims, choices, unit=found.unit)
    order = sorted((r.key for r in index.rows if r.id in set(ids)), key=browse.natural_key)
    return IndicatorPivot(pivot(collapsed, rows=rows, region_order=[region, *order]), found.code, found.name,
                          found.unit, indicator_sources(ws, found.id, ids))
