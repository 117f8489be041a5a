"""Plausibility checks of observations before they are written: totals that do not add up.

Two checks, both warnings (the source is what it is; the planner decides):

* **Total ≠ sum of parts** within a dimension: where a dimension has a total value (``Insgesamt``,
  ``Zusammen``, ``Tätige Personen insgesamt`` — :func:`~bildungsplaner.store.dimensions.is_total_label`) and
  other values, the total must equal the sum of the others for the same region, measure, period and other
  dimensions — ``Insgesamt = männlich + weiblich``. Checked only where every part has a number. Not checked:
  „darunter“ values (``dar. …``: a subset of another part), totals „ohne Doppelzählungen“ (their parts overlap,
  Kita + Tagespflege), and parts that are no breakdown at all — where the total matches its parts in fewer
  than half of at least :data:`MIN_COMPARISONS` places (a selection of categories, „Tätige Personen
  insgesamt“ beside „pädagogisches Personal“), a difference says nothing about the data.
* **Region ≠ sum of its sub-regions**: a region whose sub-regions (by key prefix, e.g. a Kreis and all its
  Gemeinden) are in the same file must hold their sum — only for additive measures and only where every
  sub-region has a number. Territorial reforms put *parallel subdivisions* into one file: Sachsen lists its
  old Regierungsbezirke (141-143) beside today's (145-147), Sachsen-Anhalt its old Stat. Regionen beside
  today's Kreise. So a region is compared with *today's* subdivision (the sub-regions that exist in the file's
  latest period) and with the sub-regions that exist in the compared period, each on its own, never with the
  union of both structures; one that adds up is enough. A region that shows nothing but „-“ or „.“ in a
  period did not exist then (it is neither checked nor counted); where one of today's sub-regions did not
  exist yet, the file cannot show whether the parent adds up and nothing is reported.

Counts must match exactly (:data:`TOLERANCE`). Rounded values — full-time equivalents („Vollzeitstellen“,
„Rechn. Zahl“), amounts in thousands, anything with decimals — may differ by half a rounding step per
summand (the parts and the total), because each was rounded on its own.

Warnings carry the file's row numbers and come in order of interest: the user's own region (``home``) and
the regions inside it first, then the regions above it, then the rest from the most specific key (Gemeinde)
to the least (Deutschland); at most :data:`MAX_WARNINGS_PER_CHECK` per check.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import partial

import numpy as np
import pandas as pd

from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.formatting import format_amount as _fmt
from bildungsplaner.i18n import marked, tr, translated
from bildungsplaner.importing.batch import column_codes
from bildungsplaner.importing.columns import combine_codes, first_occurrences
from bildungsplaner.importing.regionkeys import GERMANY, is_region_key, parent_key
from bildungsplaner.store import dimensions as dims

__all__ = ["COUNT_UNITS", "check_totals"]

COUNT_UNITS = frozenset({"", "Anzahl", "Personen", "Kinder", "Schüler", "Plätze"})
TOLERANCE = 0.5
MAX_WARNINGS_PER_CHECK = 25
MIN_COMPARISONS = 10

#: Measures whose published values are rounded (full-time equivalents, thousands, money).
_ROUNDED = re.compile(r"vollzeit|rechn\.?\s*zahl|vzä|äquivalent|\btsd\b|tausend|\bmio\b|\bmill|\beur\b|€",
                      re.IGNORECASE)
#: Units and measures that do not add up (rates, shares, averages, ages).
_NOT_ADDITIVE = re.compile(r"%|prozent|\bje\b|\bpro\b|quote|anteil|durchschnitt|mittelwert|index|\bjahre\b|rate\b",
                           re.IGNORECASE)
#: Parts that are a subset of another part („darunter“, „nachrichtlich“), not a part of the breakdown.
_SUBSET = re.compile(r"^\s*(?:dar\.|darunter\b|nachr\.|nachrichtlich\b)", re.IGNORECASE)
#: Totals whose parts overlap by definition.
_DEDUPLICATED = re.compile(r"doppelz", re.IGNORECASE)

Codes = Callable[[str], tuple[np.ndarray, np.ndarray]]


def _measure_frame(rows: pd.DataFrame, codes_of: Codes) -> pd.DataFrame:
    """Per row: ``_step`` (the rounding step of a rounded measure, 0 for exact counts) and ``_additive``.

    Decided once per measure (indicator × unit) and dimension text, through their codes: a million rows cost
    a few group sums, not a million strings.
    """
    indicator_codes, indicators = codes_of("indicator")
    unit_codes, units = codes_of("unit")
    n_units = len(units) + 1
    measure = (indicator_codes + 1) * n_units + (unit_codes + 1)  # -1 (missing) becomes 0
    ids, measure = _sorted_codes(measure)
    values = rows["value"].to_numpy(float)
    step = np.zeros(len(ids))
    additive = np.ones(len(ids), dtype=bool)
    countlike = np.zeros(len(ids), dtype=bool)
    order = np.argsort(measure, kind="stable")
    bounds = np.searchsorted(measure[order], np.arange(len(ids) + 1))
    for i, combined in enumerate(ids.tolist()):
        ind_code, unit_code = divmod(combined, n_units)
        indicator = str(indicators[ind_code - 1]) if ind_code > 0 and isinstance(indicators[ind_code - 1], str) else ""
        unit = str(units[unit_code - 1]) if unit_code > 0 and isinstance(units[unit_code - 1], str) else ""
        decimals = decimals_for(values[order[bounds[i]:bounds[i + 1]]])
        rounded = decimals > 0 or _ROUNDED.search(f"{indicator} {unit}") is not None
        step[i] = 10.0 ** -decimals if rounded else 0.0
        additive[i] = _NOT_ADDITIVE.search(f"{indicator} {unit}") is None
        countlike[i] = unit in COUNT_UNITS
    steps = step[measure]
    # a rounded measure can also hide in a dimension („pädagogisches Personal Vollzeitstellen“)
    codes, uniques = codes_of("dimensions")
    in_dimension = np.append([isinstance(t, str) and _ROUNDED.search(t) is not None for t in uniques], False)[codes]
    steps = np.where(in_dimension & (steps == 0), 1.0, steps)
    return pd.DataFrame({"_step": steps, "_additive": additive[measure],
                         "_countlike": countlike[measure] | (steps > 0)}, index=rows.index)


def _sorted_codes(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)``: hashed, then only the distinct values sorted (a third of the
    time for a million rows)."""
    codes, uniques = pd.factorize(values)
    order = np.argsort(uniques)
    rank = np.empty(len(uniques), dtype=np.intp)
    rank[order] = np.arange(len(uniques))
    return uniques[order], rank[codes]


def _mismatch(total: np.ndarray, parts: np.ndarray, n: np.ndarray, step: np.ndarray) -> np.ndarray:
    """Differences beyond rounding: exact for counts, ``step/2`` per summand (``n`` parts and the total)."""
    tolerance = np.where(step > 0, 0.5 * step * (n + 1), TOLERANCE) + 1e-9 * np.abs(total)
    return np.abs(total - parts) > tolerance


def _specificity(key: object) -> int:
    return len(key) if isinstance(key, str) and key != GERMANY and is_region_key(key) else 0


def _rank(key: object, home: str | None) -> tuple[int, int]:
    """Sort key of a warning about region ``key``: home and inside it, above it, then the rest; specific first."""
    group = 2
    if home and isinstance(key, str):
        if key.startswith(home):
            group = 0
        elif home.startswith(key) or key == GERMANY:
            group = 1
    return group, -_specificity(key)


Ranked = list[tuple[tuple[int, int, int], str]]


def _limited(ranked: Ranked, kind: str) -> tuple[Ranked, list[str]]:
    """``kind`` is a :func:`marked` text."""
    ranked = sorted(ranked, key=lambda item: item[0])
    if len(ranked) <= MAX_WARNINGS_PER_CHECK:
        return ranked, []
    rest = len(ranked) - MAX_WARNINGS_PER_CHECK
    return ranked[:MAX_WARNINGS_PER_CHECK], [tr("… und {count} weitere Abweichungen ({kind}).",
                                                count=format_number(rest), kind=translated(kind))]


def _split_dimensions(codes_of: Codes) -> dict[str, tuple[np.ndarray, list[str]]] | None:
    """Per dimension name: each row's code into that dimension's labels (``-1`` where a row lacks it) and the
    labels; each distinct dimension text decoded once.

    ``None`` when no dimension has a total value (``Insgesamt`` …): then there is nothing to check.
    """
    codes, uniques = codes_of("dimensions")
    decoded = [dims.decode(t) if isinstance(t, str) else {} for t in uniques.tolist()]
    if not any(dims.is_total_label(value) for d in decoded for value in d.values()):
        return None
    split = {}
    for name in sorted({name for d in decoded for name in d}):
        label_codes, labels = pd.factorize(np.asarray([d.get(name) for d in decoded], dtype=object))
        split[name] = (np.append(label_codes, -1)[codes], labels.tolist())  # code -1 of ``codes``: missing
    return split


def _group_codes(codes_of: Codes, rows: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Integer codes of the region (its key, else its name, as one text), the indicator and the period."""
    key_codes, keys = codes_of("region_key")
    name_codes, names = codes_of("region_name")
    texts = np.asarray([*keys.tolist(), *names.tolist(), None], dtype=object)
    merged = pd.factorize(texts, use_na_sentinel=False)[0]  # a key and a name of the same text are one region
    region = merged[np.where(key_codes >= 0, key_codes, np.where(name_codes >= 0, len(keys) + name_codes, -1))]
    return region, codes_of("indicator")[0], codes_of("period")[0]


def _part_whole_warnings(rows: pd.DataFrame, codes_of: Codes, measures: pd.DataFrame, home: str | None) -> Ranked:
    """Total ≠ sum of parts, per dimension with a total. Vectorised: every row is a few integer codes (region,
    indicator, period, each dimension's label); per distinct label the rules (total? subset? without double
    counting?) run once; the parts are summed per group with ``np.bincount``; texts are built only for the
    rows that are reported."""
    warnings: Ranked = []
    split = _split_dimensions(codes_of)
    if split is None:
        return []
    additive = measures["_additive"].to_numpy(dtype=bool)
    steps = measures["_step"].to_numpy(dtype=float)
    values = rows["value"].to_numpy(dtype=float)
    missing = np.isnan(values)
    region, indicator, period = _group_codes(codes_of, rows)
    names = list(split)
    for name in names:
        label_codes, labels = split[name]
        is_total_label = np.append([dims.is_total_label(label) for label in labels], False)  # [-1]: missing
        if not is_total_label[label_codes][additive].any():
            continue
        subset_label = np.append([_SUBSET.match(label) is not None for label in labels], False)
        deduplicated = np.append([_DEDUPLICATED.search(label) is not None for label in labels], False)
        is_total = is_total_label[label_codes]
        used = np.flatnonzero(additive & (label_codes >= 0) & ~(subset_label[label_codes] & ~is_total))
        others = [split[o][0][used] for o in names if o != name]
        group = _combine([region[used], indicator[used], period[used], *others])
        total = is_total[used]
        parts = ~total
        n_groups = int(group.max()) + 1 if len(group) else 0
        parts_n = np.bincount(group[parts], minlength=n_groups)
        parts_sum = np.bincount(group[parts], weights=np.where(missing[used], 0.0, values[used])[parts],
                                minlength=n_groups)
        parts_missing = np.bincount(group[parts], weights=missing[used][parts], minlength=n_groups)
        # the totals compared: not „ohne Doppelzählungen“, with a number and at least two parts, all numbers
        at = used[total & ~deduplicated[label_codes[used]]]
        g = group[total & ~deduplicated[label_codes[used]]]
        keep = (parts_n[g] > 1) & (parts_missing[g] == 0) & ~missing[at]
        at, g = at[keep], g[keep]
        if not len(at):
            continue
        bad = _mismatch(values[at], parts_sum[g], parts_n[g].astype(float), steps[at])
        # parts that are no breakdown of the total: the total rarely matches them, so a difference means nothing
        size = np.bincount(indicator[at] + 1)
        matching = np.bincount(indicator[at] + 1, weights=~bad)
        breakdown = (size < MIN_COMPARISONS) | (matching >= 0.5 * size)
        breakdown[0] = False  # rows without indicator: never reported
        bad &= breakdown[indicator[at] + 1]
        if not bad.any():
            continue
        for index, parts_total in zip(at[bad].tolist(), parts_sum[g[bad]].tolist(), strict=True):
            row = rows.iloc[index]
            key = row["region_key"] if pd.notna(row["region_key"]) else row["region_name"]
            rest = ", ".join(f"{o}={split[o][1][split[o][0][index]]}" for o in names
                             if o != name and split[o][0][index] >= 0)
            text = tr("Zeile {row}: {region}, {indicator}, {period}{rest}: {dimension} „{total}“ {value} ≠ Summe der "
                      "Teile {parts}.", row=row["source_row"], region=row["region_name"] or key,
                      indicator=row["indicator"], period=row["period"], rest=", " + rest if rest else "",
                      dimension=name, total=labels[label_codes[index]], value=_fmt(row["value"]),
                      parts=_fmt(parts_total))
            warnings.append(((*_rank(key, home), int(row["source_row"] or 0)), text))
    return warnings


def _combine(columns: list[np.ndarray]) -> np.ndarray:
    """One group number per distinct combination of integer code columns (``-1`` allowed), for ``np.bincount``:
    the combination as a mixed-radix number where that stays below four numbers per row (no hashing: 1.5
    million rows in 10 instead of 70 ms), else dense codes."""
    n = len(columns[0])
    sizes = [int(c.max()) + 2 if n else 1 for c in columns]  # codes -1 … max
    if math.prod(sizes) <= max(4 * n, 1 << 16):
        combined = np.zeros(n, dtype=np.int64)
        for codes, size in zip(columns, sizes, strict=True):
            combined = combined * size + (codes + 1)
        return combined
    return combine_codes([(c, size - 1) for c, size in zip(columns, sizes, strict=True)], n)


def _region_sum_warnings(rows: pd.DataFrame, codes_of: Codes, measures: pd.DataFrame, home: str | None) -> Ranked:
    """Region ≠ sum of its sub-regions. Vectorised like :func:`_part_whole_warnings`: keys, periods and
    dimensions are integer codes, „exists in a period“ is a set of (key, period) code pairs, parents are
    found once per distinct key, and the sub-regions are summed per (parent, indicator, period, dimensions)
    with ``np.bincount``."""
    key_codes, keys = codes_of("region_key")
    all_keys = [k for k in keys.tolist() if isinstance(k, str)]
    present_keys = set(all_keys)
    if not any(_nearest_present_parent(k, present_keys) for k in all_keys):
        return []  # no region of the file lies below another of the file: nothing to add up (fast path)
    wanted = (measures["_additive"] & measures["_countlike"]).to_numpy(dtype=bool) & (key_codes >= 0)
    if not wanted.any():
        return []
    present = {keys[c] for c in np.unique(key_codes[wanted]).tolist()}
    index_of = {key: i for i, key in enumerate(keys.tolist())}
    parent_of = np.full(len(keys) + 1, -1, dtype=np.int64)  # [-1]: no key
    for key in present:
        if (above := _nearest_present_parent(key, present)) is not None:
            parent_of[index_of[key]] = index_of[above]
    if not (parent_of >= 0).any():
        return []
    indicator_codes = codes_of("indicator")[0]
    period_codes, periods = codes_of("period")
    dimension_codes = codes_of("dimensions")[0]
    values = rows["value"].to_numpy(dtype=float)
    # a region exists in a period where it shows at least one number other than 0 („-“)
    n_periods = len(periods) + 1
    pairs = key_codes.astype(np.int64) * n_periods + (period_codes + 1)
    existing = np.unique(pairs[(np.nan_to_num(values) != 0) & (key_codes >= 0)])
    latest = _latest_period(rows, codes_of)
    if latest is None:
        today_of_key = np.zeros(len(keys) + 1, dtype=bool)
    else:
        latest_code = periods.tolist().index(latest)
        today_of_key = np.append(np.isin(np.arange(len(keys)) * n_periods + latest_code + 1, existing), False)

    w = np.flatnonzero(wanted)
    kc, ic, pc, dc = key_codes[w], indicator_codes[w], period_codes[w], dimension_codes[w]
    v = values[w]
    exists = np.isin(pairs[w], existing)
    today = today_of_key[kc]
    missing = np.isnan(v) & exists
    v0 = np.nan_to_num(v)
    parent = parent_of[kc]
    grouped = (ic >= 0) & (pc >= 0) & (dc >= 0)  # groups with a missing key part are not compared
    children = np.flatnonzero((parent >= 0) & grouped)
    compared = np.flatnonzero(exists & ~np.isnan(v) & grouped)
    group = _combine([np.concatenate([parent[children], kc[compared]]), np.concatenate([ic[children], ic[compared]]),
                      np.concatenate([pc[children], pc[compared]]), np.concatenate([dc[children], dc[compared]])])
    of_child, of_compared = group[:len(children)], group[len(children):]
    size = int(group.max()) + 1 if len(group) else 0

    def total(weights: np.ndarray) -> np.ndarray:
        return np.bincount(of_child, weights=weights[children].astype(float), minlength=size)

    former = ~today & exists
    has_children = np.bincount(of_child, minlength=size) > 0
    today_sum, today_n = total(v0 * today), total(today)
    today_missing, today_gaps = total(missing & today), total(today & ~exists)
    g = of_compared
    # a single sub-region is usually a city listed beside its Kreis (Hannover, Aachen), not a breakdown
    keep = has_children[g] & (today_n[g] >= 2) & (today_missing[g] == 0) & (today_gaps[g] == 0)
    at, g = compared[keep], g[keep]
    if not len(at):
        return []
    value, step = v[at], measures["_step"].to_numpy(dtype=float)[w[at]]
    bad = _mismatch(value, today_sum[g], today_n[g], step)
    for kind_sum, kind_n, kind_missing in ((total(v0), total(exists), total(missing)),
                                           (total(v0 * former), total(former), total(missing & former))):
        n = kind_n[g]  # the other subdivision of the period, on its own
        usable = (n >= 2) & (kind_missing[g] == 0)
        bad &= ~(usable & ~_mismatch(value, kind_sum[g], n, step))
    warnings: Ranked = []
    for index, parts, count in zip(w[at[bad]].tolist(), today_sum[g[bad]].tolist(), today_n[g[bad]].tolist(),
                                   strict=True):
        row = rows.iloc[index]
        warnings.append((
            (*_rank(row["region_key"], home), int(row["source_row"] or 0)),
            tr("Zeile {row}: {region} ({key}), {indicator}, {period}{dimensions}: {value} ≠ Summe der {count} "
               "Teilgebiete {parts}.", row=row["source_row"], region=row["region_name"] or row["region_key"],
               key=row["region_key"], indicator=row["indicator"], period=row["period"],
               dimensions=", " + row["dimensions"] if row["dimensions"] else "", value=_fmt(row["value"]),
               count=format_number(int(count)), parts=_fmt(parts))))
    return warnings


def _latest_period(rows: pd.DataFrame, codes_of: Codes) -> object:
    """The ``period`` of the latest ``period_iso`` (None without any), as sorting the distinct (period,
    period_iso) pairs in order of first appearance gives it; the pairs are found through their codes."""
    period_codes = codes_of("period")[0]
    iso_codes = codes_of("period_iso")[0]
    pair_codes = pd.factorize(period_codes.astype(np.int64) * (int(iso_codes.max(initial=-1)) + 2) + iso_codes + 1)[0]
    firsts = rows.iloc[first_occurrences(pair_codes)][["period", "period_iso"]].dropna()
    return firsts.sort_values("period_iso")["period"].iloc[-1] if not firsts.empty else None


def _nearest_present_parent(key: str, present: set[str]) -> str | None:
    """The nearest region above the official ``key`` that is in ``present``, skipping levels the file leaves
    out (e.g. a Gemeinde whose Regierungsbezirk row is absent); ``None`` for other keys."""
    if not is_region_key(key):
        return None
    parent = parent_key(key)
    while parent is not None and parent not in present:
        parent = parent_key(parent)
    return parent


def check_totals(rows: pd.DataFrame, *, codes: Codes | None = None, home: str | None = None) -> list[str]:
    """Warnings (in the interface's language, with row numbers) for observation rows (``batch.OBSERVATION_COLUMNS``).

    ``codes(column)`` gives a text column's ``(codes, uniques)`` (:meth:`Batch.codes`, which knows them
    already); by default they are computed here. ``home`` is the key of the user's own region (``"05978"``):
    warnings about it and the regions inside it come first, then those about the regions above it; without
    it the most specific regions come first.
    """
    if rows.empty:
        return []
    codes_of = codes or partial(column_codes, rows)
    measures = _measure_frame(rows, codes_of)
    kept: Ranked = []
    notes: list[str] = []
    for ranked, kind in ((_part_whole_warnings(rows, codes_of, measures, home), marked("Insgesamt ≠ Summe der Teile")),
                         (_region_sum_warnings(rows, codes_of, measures, home),
                          marked("Gebiet ≠ Summe der Teilgebiete"))):

        shown, note = _limited(ranked, kind)
        kept += shown
        notes += note
    return [text for _, text in sorted(kept, key=lambda item: item[0])] + notes
