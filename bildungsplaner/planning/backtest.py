"""Prognose-Ist-Vergleich: a demand forecast made in the past held against the population observed since.

Pure arithmetic on DataFrames (a service collects them, :mod:`bildungsplaner.services.backtest`).

Definitions (per region, demand line and year after the base year):

* ``forecast``: the population of the line's ages the scenario carried forward from its base year.
* ``actual``: the observed population of the same ages in that year (NaN if any of the ages is missing).
* ``error`` = forecast − actual (persons); ``pct_error`` = error / actual × 100. **Sign convention:** positive
  means the forecast was too high (it over-estimated), negative too low.
* MAPE (mean absolute percentage error) = mean of ``|pct_error|``; bias (mean signed percentage error) = mean of
  ``pct_error`` — positive bias: the forecast was too high on average. ``within_5``/``within_10``: the share (in
  percent, 0–100) of the compared rows (regions × years) with ``|pct_error|`` ≤ 5 / ≤ 10.
* A row is compared only if both forecast and actual are numbers and the actual is above 0 (a percentage of 0 is
  not defined); every other row is listed in :attr:`BacktestResult.skipped` with its reason and counted nowhere.

The **naive forecast** (:func:`naive_forecast`), the yardstick a forecast should beat: start from the population
observed in the base year (or, without values for it, the latest observed year before it — the same start as the
scenario); every cohort already born ages one year per year unchanged (no deaths, no migration: survival 1);
every cohort born after the start year (age < years since the start) is the mean of the age-0 counts of the
last three observed years up to the start year (fewer where fewer are observed; a missing age 0 is left out of
the mean). That is the demand scenario's own default (``births = "mean-3"``, ``survival = 1``) — a scenario
with other assumptions is measured against it.

Demand itself is not observed (no count of children wanting a place exists beside the places); a line's demand
is its population times its rate, so its percentage error equals the population's for lines without Ganztag
entitlement. The comparison is therefore made on the population of each line's ages.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["KEYS", "Accuracy", "BacktestResult", "accuracy", "compare", "naive_forecast", "observed_totals"]

#: the key columns of every frame here
KEYS = ["region_key", "region_name", "line", "year"]
#: reasons a row is not compared (the ``reason`` column of :attr:`BacktestResult.skipped`)
NO_ACTUAL, ZERO_ACTUAL, NO_FORECAST = "no_actual", "zero_actual", "no_forecast"


@dataclass(frozen=True)
class Accuracy:
    """How close a forecast came, over ``count`` compared rows (all figures in percent)."""

    count: int
    #: mean absolute percentage error
    mape: float
    #: mean signed percentage error (positive: too high)
    bias: float
    #: share of rows with |percentage error| ≤ 5 (in percent)
    within_5: float
    #: share of rows with |percentage error| ≤ 10 (in percent)
    within_10: float

    def to_json_dict(self) -> dict[str, Any]:
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in self.__dict__.items()}


def accuracy(forecast: Iterable[float], actual: Iterable[float]) -> Accuracy:
    """MAPE, bias and the shares within ±5 %/±10 % of ``forecast`` against ``actual`` (pairs with a missing
    value or an actual ≤ 0 are left out; none left: count 0 and NaN figures)."""
    f = np.asarray(list(forecast), dtype=np.float64)
    a = np.asarray(list(actual), dtype=np.float64)
    ok = np.isfinite(f) & np.isfinite(a) & (a > 0)
    if not ok.any():
        return Accuracy(0, math.nan, math.nan, math.nan, math.nan)
    pct = (f[ok] - a[ok]) / a[ok] * 100.0
    size = np.abs(pct)
    return Accuracy(int(ok.sum()), float(size.mean()), float(pct.mean()), float((size <= 5.0).mean() * 100.0),
                    float((size <= 10.0).mean() * 100.0))


def observed_totals(population: pd.DataFrame, lines: Mapping[str, Sequence[int]],
                    years: Iterable[int]) -> pd.DataFrame:
    """``region_key, region_name, line, year, actual``: the observed population of each line's ages.

    ``population``: long frame ``region_key, region_name, year, age, value`` (as for the demand forecast, ages as
    integers). Every region of the frame gets a row for every line and year of ``years``; ``actual`` is NaN
    where the year or one of the line's ages is missing (or NaN).
    """
    years = sorted({int(y) for y in years})
    regions = _regions(population)
    wide = population.pivot_table(index=["region_key", "year"], columns="age", values="value", aggfunc="first",
                                  dropna=False)
    parts = []
    for line, ages in lines.items():
        ages = list(ages)
        cells = wide.reindex(columns=ages)
        total = cells.sum(axis=1, min_count=len(ages)).where(cells.notna().all(axis=1))
        grid = pd.MultiIndex.from_product([regions["region_key"], years], names=["region_key", "year"])
        values = total.reindex(grid).to_numpy(dtype=np.float64)
        parts.append(pd.DataFrame({"region_key": np.repeat(regions["region_key"].to_numpy(), len(years)),
                                   "region_name": np.repeat(regions["region_name"].to_numpy(), len(years)),
                                   "line": line, "year": np.tile(np.asarray(years, dtype=np.int64),
                                                                 len(regions)),
                                   "actual": values}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*KEYS, "actual"])


def _regions(population: pd.DataFrame) -> pd.DataFrame:
    """Region keys with their first name, sorted by key."""
    return (population[["region_key", "region_name"]].drop_duplicates("region_key")
            .sort_values("region_key").reset_index(drop=True))


def naive_forecast(population: pd.DataFrame, base_year: int, lines: Mapping[str, Sequence[int]],
                   years: Iterable[int], window: int = 3) -> pd.DataFrame:
    """``region_key, region_name, line, year, naive``: the naive forecast (module docstring) of each line's
    population for ``years`` (each after the start year; the start year itself is the observation).

    ``population``: long frame ``region_key, region_name, year, age, value`` (integer ages); only years up to
    ``base_year`` are used. NaN where a value it needs is missing.
    """
    known = population[population["year"] <= base_year]
    years = sorted({int(y) for y in years})
    regions = _regions(population)
    if known.empty:
        start = base_year
        wide = pd.DataFrame(index=regions["region_key"])
        zero = pd.Series(np.nan, index=regions["region_key"])
    else:
        start = int(known["year"].max())
        table = known.pivot_table(index="region_key", columns=["year", "age"], values="value", aggfunc="first",
                                  dropna=False)
        wide = table[start] if start in table.columns.get_level_values(0) else pd.DataFrame(index=table.index)
        wide = wide.reindex(regions["region_key"])
        recent = sorted(set(known["year"]))[-window:]
        zeros = pd.concat([(table[y][0] if (y, 0) in table.columns else pd.Series(np.nan, index=table.index))
                           .rename(y) for y in recent], axis=1)
        zero = zeros.mean(axis=1, skipna=True).reindex(regions["region_key"])
    parts = []
    for line, ages in lines.items():
        for year in years:
            step = year - start
            total = np.zeros(len(regions))
            for age in ages:
                born = age - step
                if born < 0:
                    values = zero.to_numpy(dtype=np.float64)
                elif born in wide.columns:
                    values = wide[born].to_numpy(dtype=np.float64)
                else:
                    values = np.full(len(regions), np.nan)
                total = total + values
            parts.append(pd.DataFrame({"region_key": regions["region_key"].to_numpy(),
                                       "region_name": regions["region_name"].to_numpy(), "line": line,
                                       "year": year, "naive": total}))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*KEYS, "naive"])


@dataclass
class BacktestResult:
    """A forecast against the observations since its base year.

    ``rows``: ``region_key, region_name, line, year, forecast, actual, error, pct_error, naive, naive_error,
    naive_pct_error`` (one row per region, line and year after the base year with an observation year; NaN
    where not compared). ``summary``: one row per line and one for all lines (``line`` = None) with ``count``
    and ``mape, bias, within_5, within_10`` of the scenario, the same prefixed ``naive_`` for the naive forecast,
    and ``improvement`` = naive MAPE − scenario MAPE (positive: the scenario was closer). ``by_year``: the same
    per line and year. ``skipped``: ``region_key, region_name, line, year, reason`` of the rows not compared
    (reasons :data:`NO_ACTUAL`, :data:`ZERO_ACTUAL`, :data:`NO_FORECAST`).
    """

    name: str
    base_year: int
    #: the years compared (observed years after the base year)
    years: tuple[int, ...]
    rows: pd.DataFrame
    summary: pd.DataFrame
    by_year: pd.DataFrame
    skipped: pd.DataFrame
    warnings: list[str] = field(default_factory=list)

    def overall(self, line: str | None = None) -> dict[str, Any]:
        """The summary row of ``line`` (None: all lines) as a dict."""
        pick = self.summary["line"].isna() if line is None else self.summary["line"] == line
        row = self.summary[pick]
        if row.empty:
            raise KeyError(line)
        return dict(row.iloc[0])

    def to_json_dict(self) -> dict[str, Any]:
        return {"name": self.name, "base_year": self.base_year, "years": list(self.years),
                "rows": _records(self.rows), "summary": _records(self.summary), "by_year": _records(self.by_year),
                "skipped": _records(self.skipped), "warnings": list(self.warnings)}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict("records"):
        out.append({k: (None if v is None or (isinstance(v, float) and math.isnan(v)) else
                        v.item() if isinstance(v, np.generic) else v) for k, v in row.items()})
    return out


_METRICS = ("mape", "bias", "within_5", "within_10")


def _summary_row(group: pd.DataFrame) -> dict[str, Any]:
    scenario = accuracy(group["forecast"], group["actual"])
    naive = accuracy(group["naive"], group["actual"])
    row: dict[str, Any] = {"count": scenario.count}
    row.update({m: getattr(scenario, m) for m in _METRICS})
    row["naive_count"] = naive.count
    row.update({f"naive_{m}": getattr(naive, m) for m in _METRICS})
    row["improvement"] = naive.mape - scenario.mape
    return row


def compare(name: str, base_year: int, forecast: pd.DataFrame, actual: pd.DataFrame,
            naive: pd.DataFrame | None = None, line_order: Sequence[str] | None = None) -> BacktestResult:
    """Line up ``forecast`` (``region_key, region_name, line, year, forecast``), ``actual`` (the same keys,
    ``actual``) and ``naive`` (the same keys, ``naive``; None: no naive forecast, its columns NaN) for the years
    after ``base_year`` that ``actual`` has, and compute errors and the summaries (:class:`BacktestResult`).
    ``line_order``: the order of the lines (default: as they first appear in ``forecast``)."""
    def keyed(frame: pd.DataFrame, value: str) -> pd.DataFrame:
        out = frame[[*KEYS, value]].copy()
        out["region_key"] = out["region_key"].astype(str)
        out["year"] = out["year"].astype(np.int64)
        return out

    fc = keyed(forecast, "forecast")
    ac = keyed(actual, "actual")
    ac = ac[ac["year"] > base_year]
    fc = fc[fc["year"] > base_year]
    rows = fc.merge(ac.drop(columns="region_name"), on=["region_key", "line", "year"], how="outer")
    names = dict(zip(ac["region_key"], ac["region_name"], strict=False))
    names.update(dict(zip(fc["region_key"], fc["region_name"], strict=False)))
    rows["region_name"] = rows["region_key"].map(names)
    # only years with at least one observation are compared
    observed_years = sorted(int(y) for y in ac.loc[ac["actual"].notna(), "year"].unique())
    rows = rows[rows["year"].isin(observed_years)]
    if naive is not None:
        rows = rows.merge(keyed(naive, "naive").drop(columns="region_name"), on=["region_key", "line", "year"],
                          how="left")
    else:
        rows["naive"] = np.nan
    order = list(line_order or pd.unique(forecast["line"]))
    order += [line for line in pd.unique(rows["line"]) if line not in order]
    rows["_line"] = rows["line"].map({line: i for i, line in enumerate(order)})
    rows = rows.sort_values(["_line", "region_key", "year"]).drop(columns="_line").reset_index(drop=True)
    actual_values = rows["actual"].to_numpy(dtype=np.float64)
    usable = np.isfinite(actual_values) & (actual_values > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        for prefix, column in (("", "forecast"), ("naive_", "naive")):
            error = rows[column].to_numpy(dtype=np.float64) - actual_values
            rows[f"{prefix}error"] = error
            rows[f"{prefix}pct_error"] = np.where(usable, error / actual_values * 100.0, np.nan)
    rows = rows[[*KEYS, "forecast", "actual", "error", "pct_error", "naive", "naive_error", "naive_pct_error"]]

    reason = np.where(rows["actual"].isna(), NO_ACTUAL,
                      np.where(~usable, ZERO_ACTUAL, np.where(rows["forecast"].isna(), NO_FORECAST, "")))
    skipped = rows.loc[reason != "", KEYS].assign(reason=reason[reason != ""]).reset_index(drop=True)

    summary = [{"line": line, **_summary_row(rows[rows["line"] == line])} for line in order
               if (rows["line"] == line).any()]
    summary.append({"line": None, **_summary_row(rows)})
    by_year = [{"line": line, "year": year, **_summary_row(group)}
               for line in order for year, group in rows[rows["line"] == line].groupby("year", sort=True)]
    columns = ["count", *_METRICS, "naive_count", *(f"naive_{m}" for m in _METRICS), "improvement"]
    summary_frame = pd.DataFrame(summary, columns=["line", *columns])
    by_year_frame = pd.DataFrame(by_year, columns=["line", "year", *columns])
    return BacktestResult(name, int(base_year), tuple(observed_years), rows, summary_frame, by_year_frame, skipped)
