"""The arithmetic of a computed indicator: inputs filtered, aligned by region and year, the formula applied.

Pure (pandas and numpy, no store): ``services/indicators.py`` reads the inputs and writes the result back.

Rules, in order, for every input (a frame of ``region_key``, ``period``, ``dimensions`` (canonical text),
``value`` (NaN where the source has a symbol), ``flag`` and optionally ``dataset_id``):

1. **where**: a row must carry every named dimension with exactly the named value.
2. **ages** (optional): the age dimension's bands inside the requested range are summed (``ages.py``; a band
   straddling the range is refused, never interpolated); ``"all"`` is the age total.
3. **Totals rule** for every other dimension: only its total category counts („Insgesamt“, „Insgesamt (ohne
   Doppelzählungen)“, … — ``store/dimensions.is_total_label``), never a sum of its parts. Two different
   values left for one region and period are refused (the filter is not specific enough).
4. **year_offset**: the input's year ``y`` serves result year ``y − year_offset`` (the Betreuungsquote divides
   children on 1 March of year t by the population on 31 December of t−1: ``year_offset = -1``).

Then the inputs are matched by region and result year; the result's period is the first input's period. A
region or year where an input is absent gives no row (listed in :attr:`Computed.problems`). A missing or
secret input value makes the result missing with that input's flag (``.``, ``x``, ``...``), never 0; a zero
denominator gives missing ``x``. Values are kept unrounded; :func:`round_half_up` is for display.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import round_half_up
from bildungsplaner.i18n import tr
from bildungsplaner.indicators.ages import age_request, bands_for, is_age_dimension
from bildungsplaner.indicators.formula import DIVISION_BY_ZERO, parse_formula
from bildungsplaner.indicators.spec import IndicatorSpec, InputSpec
from bildungsplaner.store.dimensions import decode, is_total_label

__all__ = ["Computed", "FilteredInput", "Selection", "compute_indicator", "filter_input", "kept_dimensions",
           "period_year", "rank_among", "round_half_up", "select_dimensions"]

#: The flag of a missing input value that came without a symbol.
MISSING = "."
_YEAR = re.compile(r"(\d{4})")
#: Problems listed per input (the rest is counted).
MAX_PROBLEMS = 12


def period_year(period: object) -> int | None:
    match = _YEAR.search(str(period or ""))
    return int(match.group(1)) if match else None


def rank_among(values: Mapping[str, float], decimals: int) -> dict[str, int]:
    """Competition ranks (1 = highest; ties share a rank, the next is skipped) of ``values`` rounded half-up to
    ``decimals`` — as printed, so that two regions shown with the same value share their rank (the
    Kennzahlen-Tabelle and the Bildungsbericht)."""
    rounded = {key: round_half_up(value, decimals) for key, value in values.items()}
    ordered = sorted((v for v in rounded.values() if v is not None), reverse=True)
    first: dict[float, int] = {}
    for i, value in enumerate(ordered, start=1):
        first.setdefault(value, i)
    return {key: first[value] for key, value in rounded.items() if value is not None}


@dataclass
class FilteredInput:
    """One value per region and period of an input: ``region_key``, ``period``, ``year``, ``value``,
    ``flag``; ``datasets``: the datasets its values came from."""

    frame: pd.DataFrame
    datasets: list[int] = field(default_factory=list)
    #: how each dimension was taken („Altersgruppe: 0 bis 2 Jahre (unter 1 Jahr + …)“)
    how: dict[str, str] = field(default_factory=dict)


@dataclass
class Computed:
    """The result: ``region_key``, ``period``, ``value`` (unrounded, NaN when missing), ``flag``, and one column
    per input (its value for that row); ``problems``: German „fehlt“ lines; ``inputs``: per input name what
    was used."""

    frame: pd.DataFrame
    problems: list[str] = field(default_factory=list)
    inputs: dict[str, FilteredInput] = field(default_factory=dict)


def _as_categorical(values: pd.Series) -> pd.Categorical:
    array = values.array
    if isinstance(array, pd.Categorical):
        return array
    return pd.Categorical(np.asarray(values, dtype=object))


@dataclass
class Selection:
    """Which dimension texts an input takes (``keep``, one bool per text), and how each dimension was taken."""

    keep: np.ndarray
    how: dict[str, str]
    age_dimension: str | None
    age_labels: list[str]


def select_dimensions(spec: InputSpec, texts: Sequence[str], *, rows: bool = True) -> Selection:
    """Steps 1–3 of the module doc on the distinct dimension texts of an input (``rows``: there are values at
    all — an empty input refuses nothing); raises :class:`UserInputError` with a German message."""
    where = spec.where_map
    decoded = [decode(str(text)) for text in texts]
    # which categories pass ``where``
    matching = [all(d.get(k) == v for k, v in where.items()) for d in decoded]
    if where and not any(matching) and rows:
        names = sorted({k for d in decoded for k in d})
        missing = [k for k in where if k not in names]
        if missing:
            raise UserInputError(tr("Eingabe „{name}“: das Merkmal „{dimension}“ gibt es nicht (vorhanden: "
                                    "{present}).", name=spec.name, dimension=missing[0],
                                    present=", ".join(names) or tr("keine")))
        key, value = next((k, v) for k, v in where.items()
                          if not any(d.get(k) == v for d in decoded))
        values = sorted({d[key] for d in decoded if key in d})
        raise UserInputError(tr("Eingabe „{name}“: „{dimension}“ hat keinen Wert „{value}“ (vorhanden: "
                                "{present}).", name=spec.name, dimension=key, value=value,
                                present=", ".join(values)))
    how: dict[str, str] = {k: v for k, v in where.items()}
    age_dim: str | None = None
    age_labels: list[str] = []
    if spec.ages is not None and decoded:
        request = age_request(spec.ages)
        candidates: dict[str, set[str]] = {}
        for d, ok in zip(decoded, matching, strict=True):
            if ok:
                for k, v in d.items():
                    if k not in where:
                        candidates.setdefault(k, set()).add(v)
        ages = [name for name, labels in candidates.items() if is_age_dimension(name, labels)]
        if not ages:
            raise UserInputError(tr("Eingabe „{name}“: „ages“ ist angegeben, aber die Werte haben kein Merkmal mit "
                                    "Altersangaben (vorhanden: {present}).", name=spec.name,
                                    present=", ".join(sorted(candidates)) or tr("keine")))
        age_dim = sorted(ages, key=lambda n: (0 if "alter" in n.lower() else 1, n))[0]
        labels = sorted(candidates[age_dim], key=lambda x: (x,))
        age_labels = bands_for(request, labels, dimension=age_dim)
        how[age_dim] = f"{request}" + (f" ({' + '.join(age_labels)})" if len(age_labels) > 1 or
                                        age_labels[0] != str(request) else "")
    wanted_ages = set(age_labels)
    keep = np.zeros(len(decoded), dtype=bool)
    for i, (d, ok) in enumerate(zip(decoded, matching, strict=True)):
        if not ok:
            continue
        good = True
        for k, v in d.items():
            if k in where:
                continue
            if k == age_dim:
                good = good and v in wanted_ages
            elif not is_total_label(v):
                good = False
        if age_dim is not None and age_dim not in d:
            good = False
        keep[i] = good
    return Selection(keep[:len(decoded)], how, age_dim, age_labels)


def kept_dimensions(spec: InputSpec, texts: Sequence[str]) -> list[str]:
    """The dimension texts an input takes (to read only those rows from the store)."""
    selection = select_dimensions(spec, texts)
    return [str(t) for t, k in zip(texts, selection.keep, strict=True) if k]


def filter_input(spec: InputSpec, frame: pd.DataFrame) -> FilteredInput:
    """Steps 1–3 of the module doc for one input; raises :class:`UserInputError` with a German message."""
    dims = _as_categorical(frame["dimensions"].fillna("") if frame["dimensions"].dtype == object
                           else frame["dimensions"])
    selection = select_dimensions(spec, [str(c) for c in dims.categories], rows=len(frame) > 0)
    how, age_dim, age_labels = selection.how, selection.age_dimension, selection.age_labels
    keep = np.append(selection.keep, False)  # the last slot: rows without a category (NaN code)
    codes = np.asarray(dims.codes, dtype=np.int64)
    mask = keep[codes]
    rows = frame.loc[mask, ["region_key", "period", "value", "flag"]
                     + (["dataset_id"] if "dataset_id" in frame.columns else [])]
    rows = rows.assign(dimensions=np.asarray(dims.codes)[mask])
    datasets = sorted({int(x) for x in pd.unique(rows["dataset_id"])}) if "dataset_id" in rows.columns else []
    region = np.asarray(rows["region_key"].astype(object))
    period = np.asarray(rows["period"].astype(object))
    value = rows["value"].to_numpy(dtype=np.float64)
    flag = np.asarray(rows["flag"].astype(object))
    if len(rows) == 0:
        out = pd.DataFrame({"region_key": pd.Series([], dtype=object), "period": pd.Series([], dtype=object),
                            "value": pd.Series([], dtype=float), "flag": pd.Series([], dtype=object)})
        out["year"] = pd.Series([], dtype=np.int64)
        return FilteredInput(out, datasets, how)
    grouped = pd.DataFrame({"region_key": region, "period": period, "value": value, "flag": flag,
                            "dim": rows["dimensions"].to_numpy()})
    if age_dim is not None and len(age_labels) > 1:
        # sum whole bands; a part without a number makes the sum missing with that part's flag
        missing = np.isnan(value)
        grouped["missing_flag"] = np.where(missing, pd.Series(flag).fillna(MISSING).to_numpy(dtype=object), None)
        g = grouped.groupby(["region_key", "period"], sort=False, observed=True)
        summed = g["value"].sum(min_count=1)
        parts = g["value"].size()
        any_missing = g["missing_flag"].first()
        count_missing = grouped.assign(m=missing).groupby(["region_key", "period"], sort=False,
                                                          observed=True)["m"].sum()
        total = summed.where(count_missing == 0, np.nan)
        result = pd.DataFrame({"value": total, "flag": any_missing.where(count_missing > 0, None),
                               "parts": parts}).reset_index()
        incomplete = result["parts"] < len(age_labels)
        if incomplete.any():  # a band absent for a region: the sum would be too small
            result.loc[incomplete, "value"] = np.nan
            result.loc[incomplete & result["flag"].isna(), "flag"] = MISSING
        out = result[["region_key", "period", "value", "flag"]]
    else:
        duplicated = grouped.duplicated(["region_key", "period"], keep=False)
        if duplicated.any():
            twice = grouped[duplicated]
            spread = twice.groupby(["region_key", "period"], sort=False)["value"].agg(["min", "max"])
            differ = spread[(spread["max"] - spread["min"]).abs() > 1e-9]
            if len(differ):
                dims_seen = sorted({str(dims.categories[c]) for c in twice["dim"]})[:3]
                raise UserInputError(tr("Eingabe „{name}“ hat mehrere verschiedene Werte je Gebiet und Zeitraum "
                                        "({examples}); bitte mit „where“ genauer angeben.", name=spec.name,
                                        examples="; ".join(e.replace("|", ", ") for e in dims_seen)))
            grouped = grouped.drop_duplicates(["region_key", "period"])
        out = grouped[["region_key", "period", "value", "flag"]].reset_index(drop=True)
    periods = pd.Series(out["period"].astype(object))
    years = periods.map({p: period_year(p) for p in pd.unique(periods)})
    out = out.assign(year=years)
    out = out[out["year"].notna()].astype({"year": np.int64})
    return FilteredInput(out.reset_index(drop=True), datasets, how)


def compute_indicator(spec: IndicatorSpec, inputs: Mapping[str, pd.DataFrame | FilteredInput]) -> Computed:
    """Apply ``spec`` to the observations of its inputs (``inputs[name]``: the raw frame or a
    :class:`FilteredInput`); see the module doc."""
    formula = parse_formula(spec.formula, [i.name for i in spec.inputs])
    filtered = {i.name: (inputs[i.name] if isinstance(inputs[i.name], FilteredInput)
                         else filter_input(i, inputs[i.name])) for i in spec.inputs}
    used = [i for i in spec.inputs if i.name in formula.names] or list(spec.inputs[:1])
    first = spec.inputs[0]
    base = filtered[first.name].frame
    merged = pd.DataFrame({"region_key": base["region_key"].to_numpy(dtype=object),
                           "period": base["period"].to_numpy(dtype=object),
                           "result_year": base["year"].to_numpy(dtype=np.int64) - first.year_offset})
    if merged.duplicated(["region_key", "result_year"]).any():
        merged = merged.drop_duplicates(["region_key", "result_year"], keep="last")
    problems: list[str] = []
    values: dict[str, np.ndarray] = {}
    flags: dict[str, np.ndarray] = {}
    for item in spec.inputs:
        frame = filtered[item.name].frame
        part = pd.DataFrame({"region_key": frame["region_key"].to_numpy(dtype=object),
                             "result_year": frame["year"].to_numpy(dtype=np.int64) - item.year_offset,
                             f"v:{item.name}": frame["value"].to_numpy(dtype=np.float64),
                             f"f:{item.name}": frame["flag"].to_numpy(dtype=object)})
        part = part.drop_duplicates(["region_key", "result_year"], keep="last")
        before = merged
        merged = merged.merge(part, on=["region_key", "result_year"], how="inner", sort=False)
        if len(merged) < len(before) and item is not first:
            lost = before.merge(part[["region_key", "result_year"]], on=["region_key", "result_year"],
                                how="left", indicator=True)
            lost = lost[lost["_merge"] == "left_only"]
            for year, count in sorted(lost.groupby("result_year").size().items())[:MAX_PROBLEMS]:
                problems.append(tr("fehlt: {year} für {count} Gebiete – Eingabe „{name}“ hat keinen Wert für "
                                   "{input_year}.", year=str(year), count=str(count), name=item.name,
                                   input_year=str(int(year) + item.year_offset)))
    for item in spec.inputs:
        values[item.name] = merged[f"v:{item.name}"].to_numpy(dtype=np.float64)
        flags[item.name] = merged[f"f:{item.name}"].to_numpy(dtype=object)
    result, by_zero = formula.evaluate({name: values[name] for name in formula.names}) if len(merged) else \
        (np.zeros(0), np.zeros(0, dtype=bool))
    flag = np.full(len(merged), None, dtype=object)
    unset = np.ones(len(merged), dtype=bool)
    for item in used:
        gone = np.isnan(values[item.name]) & unset
        if gone.any():
            given = flags[item.name][gone]
            flag[gone] = np.where(pd.isna(given) | (given == ""), MISSING, given)
            unset &= ~gone
    flag[by_zero & unset] = DIVISION_BY_ZERO
    result[~unset] = np.nan
    flag[np.isnan(result) & unset] = DIVISION_BY_ZERO  # overflow and the like: not meaningful either
    frame = pd.DataFrame({"region_key": merged["region_key"].to_numpy(dtype=object),
                          "period": merged["period"].to_numpy(dtype=object),
                          "value": result, "flag": pd.Series(flag, dtype=object)})
    for item in spec.inputs:
        frame[item.name] = values[item.name]
    missing_count = int(np.sum(~unset))
    if missing_count:
        problems.append(tr("{count} Werte fehlen, weil eine Eingabe geheim oder unbekannt ist (Zeichen der "
                           "Eingabe übernommen).", count=str(missing_count)))
    zero_count = int(np.sum(by_zero & unset)) if len(merged) else 0
    if zero_count:
        problems.append(tr("{count} Werte sind nicht sinnvoll (Nenner 0, Zeichen „x“).", count=str(zero_count)))
    return Computed(frame, problems, filtered)


def used_inputs(spec: IndicatorSpec) -> Sequence[InputSpec]:
    """The inputs the formula names (an input not in the formula only restricts the regions and years)."""
    names = parse_formula(spec.formula, [i.name for i in spec.inputs]).names
    return [i for i in spec.inputs if i.name in names]
