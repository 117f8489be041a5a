"""Demand scenarios: population by single year of age carried forward, times a rate, held against capacity.

The scenario format (version 1) and its exact semantics are documented in ``docs/PLANNING_DEMAND.md``;
:meth:`DemandSpec.from_dict` validates an already parsed TOML document, :meth:`DemandSpec.to_dict` gives it back.

Input contract of :func:`forecast` (a service collects these from the workspace; nothing here touches a DB):

``population``
    Long DataFrame, one row per region, year and single year of age, columns ``region_key`` (str),
    ``region_name`` (str), ``year`` (int, calendar year of the period), ``age`` (int), ``value`` (float, NaN:
    missing), already restricted to the scenario's indicator, regions and fixed dimensions. Instead of ``age``
    the frame may carry ``age_label`` (text such as ``"unter 1 Jahr"``); it is then parsed with
    :func:`~bildungsplaner.planning.ages.single_year_population`, which refuses band-only tables. Rows for
    other ages or years are allowed and ignored. The regions of the forecast are exactly the regions of this
    frame. Two rows for the same region, year and age are refused.
``capacity``
    ``None`` or a DataFrame ``region_key`` (str), ``line`` (str, a demand line's ``name``), ``capacity``
    (float): places per region, e.g. a facility attribute summed per region. A line with rows here has a
    capacity (regions without a row have 0); a line without rows has none (capacity, gap and coverage NaN).
    Capacity is today's and held constant over the years.

Missing data: a region lacking (or NaN) a value the forecast needs in the start year is refused with an error
naming the regions and ages - a silent zero would understate demand. Where a value is replaced (age 0 of a
year under ``births = "mean-N"`` by the mean of the other years, a NaN capacity by 0 places) a warning names
every region.

Ganztag (GaFöG): a line with ``ganztag_entitlement`` counts all its ages every year, like the places it is held
against; demand = entitled children × ``rate`` + the others × ``rate_before_entitlement`` (default ``rate``),
and the entitled part is kept beside the whole (``entitled_*`` columns).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.planning.ages import format_ages, single_year_population
from bildungsplaner.planning.demand_spec import (
    GANZTAG_AGES,
    Capacity,
    DemandLine,
    DemandSpec,
    PopulationSpec,
    Regions,
    YearTable,
    entitled_grades,
)

# the spec classes live in demand_spec; re-exported here for the callers of this module
__all__ = ["GANZTAG_AGES", "Capacity", "DemandLine", "DemandResult", "DemandSpec", "PopulationSpec", "Regions",
           "YearTable", "entitled_grades", "forecast"]


def _values_at(value: float | YearTable, years: np.ndarray) -> np.ndarray:
    return value.at(years) if isinstance(value, YearTable) else np.full(len(years), float(value))


# --- the forecast --------------------------------------------------------------------------------------

_ROW_COLUMNS = ["region_key", "region_name", "year", "line", "ages", "observed", "population", "demand",
                "capacity", "gap", "coverage", "entitled_ages", "entitled_population", "entitled_demand"]
_TOTAL_COLUMNS = [c for c in _ROW_COLUMNS if c not in ("region_key", "region_name", "observed")]


@dataclass
class DemandResult:
    """Forecast per region, year and demand line (``rows``) and summed over the regions (``totals``).

    ``rows``: ``region_key, region_name, year, line, ages, observed, population, demand, capacity, gap,
    coverage, entitled_ages, entitled_population, entitled_demand`` ordered by line (as in the spec), region
    key, year; ``ages`` is the line's ages as text (``"6–9"``), ``observed`` tells whether the population is
    observed rather than carried forward. The ``entitled_*`` columns are the part with a Ganztag entitlement
    (``"6–7"``, its children and their demand; NaN for lines without ``ganztag_entitlement``).
    ``totals``: ``year, line, ages, population, demand, capacity, gap, coverage, entitled_ages,
    entitled_population, entitled_demand``. gap = capacity − demand, coverage = capacity / demand (NaN without
    capacity or demand).
    """

    kind: ClassVar[str] = DemandSpec.kind

    name: str
    base_year: int
    horizon: int
    observed_until: int  # the start year: the latest observed year not after base_year
    rows: pd.DataFrame
    totals: pd.DataFrame
    warnings: list[str]

    def to_json_dict(self) -> dict[str, Any]:
        def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
            out = []
            for row in frame.to_dict("records"):
                out.append({k: (None if isinstance(v, float) and math.isnan(v) else
                                v.item() if isinstance(v, np.generic) else v) for k, v in row.items()})
            return out

        return {"name": self.name, "kind": self.kind, "base_year": self.base_year, "horizon": self.horizon,
                "observed_until": self.observed_until, "rows": records(self.rows),
                "totals": records(self.totals), "warnings": list(self.warnings)}


def _prepare(spec: DemandSpec, population: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray, np.ndarray, np.ndarray]:
    """The population as plain columns, with region codes (into the sorted region keys), keys and names."""
    if "age" not in population.columns and "age_label" in population.columns:
        population = single_year_population(population, spec.ages_needed(),
                                            what=tr("Die Bevölkerung („{indicator}“)",
                                                    indicator=spec.population.indicator))
    missing = [c for c in ("region_key", "region_name", "year", "age", "value") if c not in population.columns]
    if missing:
        raise ValueError(f"population lacks the columns {missing}")
    frame = pd.DataFrame({"region_key": population["region_key"].astype(str).to_numpy(dtype=object),
                          "region_name": population["region_name"].to_numpy(dtype=object),
                          "year": population["year"].to_numpy(dtype=np.int64),
                          "age": population["age"].to_numpy(dtype=np.int64),
                          "value": population["value"].to_numpy(dtype=np.float64)})
    if frame.empty:
        raise UserInputError(tr("Für „{indicator}“ gibt es keine Bevölkerungswerte.",
                                indicator=spec.population.indicator))
    codes, keys = pd.factorize(frame["region_key"], sort=True)
    ages = frame["age"].to_numpy()
    years = frame["year"].to_numpy()
    cell = (codes.astype(np.int64) * (years.max() - years.min() + 1) + (years - years.min())) \
        * (ages.max() - ages.min() + 1) + (ages - ages.min())
    doubled = pd.Series(cell).duplicated().to_numpy()
    if doubled.any():
        first = frame[doubled].iloc[0]
        raise UserInputError(tr("Die Bevölkerung hat mehrere Werte für Gebiet {region}, Jahr {year}, Alter {age} "
                                "({count} doppelte Zeilen); bitte die Merkmale („population.dimensions“) genauer "
                                "festlegen.", region=first.region_key, year=str(first.year), age=str(first.age),
                                count=format_number(int(doubled.sum()))))
    names = np.empty(len(keys), dtype=object)
    names[codes[::-1]] = frame["region_name"].to_numpy()[::-1]  # the first name given for each region
    return frame, codes, np.asarray(keys, dtype=object), names


def _grid(frame: pd.DataFrame, codes: np.ndarray, n_regions: int, year: int, n_ages: int) -> np.ndarray:
    """``[region, age]`` values of ``year`` (NaN where absent)."""
    grid = np.full((n_regions, n_ages), np.nan)
    ages = frame["age"].to_numpy()
    pick = (frame["year"].to_numpy() == year) & (ages >= 0) & (ages < n_ages)
    grid[codes[pick], ages[pick]] = frame["value"].to_numpy()[pick]
    return grid


def _describe(keys: np.ndarray, regions: np.ndarray, ages: np.ndarray) -> str:
    parts = [tr("{region} (Alter {ages})", region=keys[r], ages=format_ages(ages[regions == r].tolist()))
             for r in np.unique(regions)[:5]]
    more = len(np.unique(regions)) - 5
    return "; ".join(parts) + (tr(" und {count} weitere Gebiete", count=format_number(more)) if more > 0 else "")


def forecast(spec: DemandSpec, population: pd.DataFrame, capacity: pd.DataFrame | None = None) -> DemandResult:
    """Carry the population forward from the start year and compute demand per line (see the module doc)."""
    p = spec.population
    frame, codes, keys, names = _prepare(spec, population)
    warnings: list[str] = []
    years_seen = np.unique(frame["year"].to_numpy())
    base_year = p.base_year if p.base_year is not None else int(years_seen.max())
    if p.horizon < base_year:
        raise UserInputError(tr("Der Prognosehorizont {horizon} liegt vor dem Basisjahr {base_year}.",
                                horizon=str(p.horizon), base_year=str(base_year)))
    earlier = years_seen[years_seen <= base_year]
    if earlier.size == 0:
        raise UserInputError(tr("Für das Basisjahr {base_year} oder davor gibt es keine Bevölkerungswerte "
                                "(beobachtet sind {first}–{last}).", base_year=str(base_year),
                                first=str(years_seen.min()), last=str(years_seen.max())))
    start = int(earlier.max())
    if start < base_year:
        warnings.append(tr("Für das Basisjahr {base_year} gibt es keine Bevölkerungswerte; fortgeschrieben wird ab "
                           "{start}, dem letzten beobachteten Jahr.", base_year=str(base_year), start=str(start)))
    if (later := years_seen[years_seen > base_year]).size:
        warnings.append(tr("Beobachtete Werte nach dem Basisjahr ({years}) werden nicht verwendet; die Jahre ab dem "
                           "Basisjahr sind fortgeschrieben.", years=format_ages(later.tolist())))
    if p.horizon - start > 100:
        raise UserInputError(tr("Der Prognosehorizont {horizon} liegt mehr als 100 Jahre nach {start}.",
                                horizon=str(p.horizon), start=str(start)))

    n_regions, n_ages = len(keys), spec.ages_needed()[-1] + 1
    years = np.arange(base_year, p.horizon + 1)
    steps = years - start
    # counted[line, year, age]: whether the line counts that age in that output year (all its ages, every year);
    # entitled[line, year, age]: whether that age has a Ganztag entitlement in that year
    counted = np.zeros((len(spec.demand), len(years), n_ages), dtype=bool)
    entitled = np.zeros_like(counted)
    for i, line in enumerate(spec.demand):
        counted[i, :, list(line.ages)] = True
        for t, year in enumerate(years):
            entitled[i, t, list(line.entitled_ages(int(year)))] = True
    # which start-year ages are needed: age a in output step k comes from age a - k at the start (a - k < 0: births)
    used = counted.any(axis=0)  # [year, age]
    source = np.arange(n_ages)[None, :] - steps[:, None]
    needed_ages = np.unique(source[used & (source >= 0)])
    need_births = bool((used & (source < 0)).any())
    if need_births:
        needed_ages = np.union1d(needed_ages, [0])
    base = _grid(frame, codes, n_regions, start, n_ages)
    gaps = np.isnan(base[:, needed_ages])
    if gaps.any():
        rows, cols = np.nonzero(gaps)
        raise UserInputError(tr("Im Jahr {year} fehlen Bevölkerungswerte, die die Prognose braucht: {missing}.",
                                year=str(start), missing=_describe(keys, rows, needed_ages[cols])))

    horizon_steps = int(steps.max())
    births = np.zeros((n_regions, horizon_steps + 1))
    if need_births and isinstance(p.births, str):
        births[:] = _births(p.births, frame, codes, base, earlier, keys, names, warnings)[:, None]
    elif need_births and not isinstance(p.births, str):  # a number (or a table) for the whole area, shared by
        # today's ratio of age 0
        total_zero = base[:, 0].sum()
        if total_zero <= 0:
            raise UserInputError(tr("Die Geburtenzahl kann nicht auf die Gebiete verteilt werden: im Jahr {year} "
                                    "gibt es in keinem Gebiet Kinder im Alter 0.", year=str(start)))
        share = base[:, 0] / total_zero
        births = share[:, None] * _values_at(p.births, np.arange(start, start + horizon_steps + 1))[None, :]

    # projected[region, step, age]
    projected = np.empty((n_regions, horizon_steps + 1, n_ages))
    projected[:, 0] = base
    for k in range(1, horizon_steps + 1):
        projected[:, k, 1:] = projected[:, k - 1, :-1] * p.survival
        projected[:, k, 0] = births[:, k]
    at_years = projected[:, steps]  # [region, year, age]

    capacities = _capacities(spec, capacity, keys, names, warnings)
    n_years = len(years)
    parts, sums = [], []
    for i, line in enumerate(spec.demand):
        pop = np.where(counted[i][None], at_years, 0.0).sum(axis=2)  # [region, year]
        rate = _values_at(line.rate, years)[None, :]
        if line.ganztag_entitlement:
            with_right = np.where(entitled[i][None], at_years, 0.0).sum(axis=2)
            without_right = np.where(counted[i][None] & ~entitled[i][None], at_years, 0.0).sum(axis=2)
            entitled_demand = with_right * rate
            demand = entitled_demand + without_right * _values_at(line.rate_before, years)[None, :]
            if line.rate_before_entitlement is None and (counted[i] & ~entitled[i]).any():
                warnings.append(tr("„{line}“: für die Klassen noch ohne Rechtsanspruch gilt dieselbe Teilnahmequote "
                                   "wie mit Rechtsanspruch (rate_before_entitlement nicht angegeben).",
                                   line=line.name))
        else:
            demand = pop * rate
            with_right = entitled_demand = np.full_like(pop, np.nan)
        labels = format_ages(line.ages)
        entitled_labels = np.array([format_ages(line.entitled_ages(int(y))) for y in years], dtype=object)
        parts.append(pd.DataFrame({
            "region_key": np.repeat(keys, n_years), "region_name": np.repeat(names, n_years),
            "year": np.tile(years, n_regions), "line": line.name, "ages": labels,
            "observed": np.tile(years <= start, n_regions), "population": pop.ravel(), "demand": demand.ravel(),
            "capacity": np.repeat(capacities[i], n_years), "entitled_ages": np.tile(entitled_labels, n_regions),
            "entitled_population": with_right.ravel(), "entitled_demand": entitled_demand.ravel()}))
        total_capacity = np.nan if np.isnan(capacities[i]).all() else float(np.nansum(capacities[i]))
        sums.append(pd.DataFrame({"year": years, "line": line.name, "ages": labels, "population": pop.sum(axis=0),
                                  "demand": demand.sum(axis=0), "capacity": total_capacity,
                                  "entitled_ages": entitled_labels, "entitled_population": with_right.sum(axis=0),
                                  "entitled_demand": entitled_demand.sum(axis=0)}))
    rows = pd.concat(parts, ignore_index=True)
    totals = pd.concat(sums, ignore_index=True)
    _gap_and_coverage(rows)
    _gap_and_coverage(totals)
    return DemandResult(spec.name, base_year, p.horizon, start, rows[_ROW_COLUMNS], totals[_TOTAL_COLUMNS], warnings)


def _births(rule: str, frame: pd.DataFrame, codes: np.ndarray, base: np.ndarray, earlier: np.ndarray,
            keys: np.ndarray, names: np.ndarray, warnings: list[str]) -> np.ndarray:
    """Age 0 per region for every future year under ``"last"`` or ``"mean-N"``; a region lacking age 0 in
    some of the N years gets the mean of the others, and a warning names it with the years."""
    if rule == "last":
        return base[:, 0].copy()
    n = int(str(rule).split("-")[1])
    window = earlier[-n:]
    if len(window) < n:
        years = format_ages(window.tolist())
        if len(window) == 1:
            warnings.append(tr("Für „births = {rule}“ gibt es nur ein beobachtetes Jahr ({years}); dessen Zahl wird "
                               "übernommen.", rule=rule, years=years))
        else:
            warnings.append(tr("Für „births = {rule}“ gibt es nur {count} beobachtete Jahre ({years}); gemittelt "
                               "wird über diese.", rule=rule, count=format_number(len(window)), years=years))
    grids = np.stack([_grid(frame, codes, len(base), int(y), 1)[:, 0] for y in window])
    gaps = np.isnan(grids)  # [year, region]; the start year is never missing (checked before)
    if gaps.any():
        named = [f"{keys[r]} ({names[r]}): {', '.join(str(y) for y in window[gaps[:, r]])}"
                 for r in np.flatnonzero(gaps.any(axis=0))]
        warnings.append(tr("Fehlende Werte ersetzt: Alter 0 fehlt für {regions}; die Geburten („births = {rule}“) "
                           "dieser Gebiete sind das Mittel der übrigen Jahre.", regions="; ".join(named), rule=rule))
    return np.nanmean(grids, axis=0)


def _capacities(spec: DemandSpec, capacity: pd.DataFrame | None, keys: np.ndarray, names: np.ndarray,
                warnings: list[str]) -> list[np.ndarray]:
    """Capacity per line and region (NaN: the line has no capacity). A missing (NaN) number of places counts
    as 0 places, and a warning names the regions."""
    result = [np.full(len(keys), np.nan) for _ in spec.demand]
    given: set[str] = set()
    if capacity is not None and not capacity.empty:
        cap = capacity.groupby(["line", "region_key"], sort=False)["capacity"].sum(min_count=0)
        unknown = capacity[capacity["capacity"].isna()]
        name_of = dict(zip(keys, names, strict=True))
        for i, line in enumerate(spec.demand):
            lacking = sorted(k for k in set(unknown.loc[unknown["line"] == line.name, "region_key"]) if k in name_of)
            if lacking:
                warnings.append(tr("Fehlende Werte ersetzt: „{line}“: die Zahl der Plätze fehlt für {regions}; als 0 "
                                   "Plätze gezählt.", line=line.name,
                                   regions=", ".join(f"{k} ({name_of[k]})" for k in lacking)))
            if line.name in cap.index.get_level_values(0):
                series = cap.loc[line.name]
                result[i] = series.reindex(keys).fillna(0.0).to_numpy(dtype=np.float64)
                given.add(line.name)
                outside = sorted(set(series.index) - set(keys))
                if outside and series.loc[outside].sum() != 0:
                    warnings.append(tr("„{line}“: Plätze in Gebieten ohne Bevölkerungswerte ({regions}) sind nicht "
                                       "berücksichtigt.", line=line.name,
                                       regions=", ".join(outside[:5]) + (" …" if len(outside) > 5 else "")))
    for line in spec.demand:
        if line.capacity is not None and line.name not in given:
            warnings.append(tr("„{line}“: keine Kapazität geliefert; Lücke und Deckung bleiben leer.",
                               line=line.name))
    return result


def _gap_and_coverage(frame: pd.DataFrame) -> None:
    frame["gap"] = frame["capacity"] - frame["demand"]
    demand = frame["demand"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        frame["coverage"] = np.where(demand > 0, frame["capacity"].to_numpy() / demand, np.nan)
