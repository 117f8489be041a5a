#!/usr/bin/env python3
"""Time the demand forecast for 1,000 regions × 10 projected years against baselines measured in the same run.

    .venv/bin/python benchmarks/demand.py [--regions 1000] [--runs 15]

Input: a generated population (``--regions`` regions, observed 2020-2024, single ages 0-17, 90,000 rows for
1,000 regions) and a scenario with three demand lines (U3 with a rate table, Ü3, Ganztag with the GaFöG
phase-in), base year 2024, horizon 2034 (11 output years), capacity for two lines.

Timed (median of ``--runs``, after one warm-up):

* ``forecast``: :func:`bildungsplaner.planning.demand.forecast` on the integer-age frame;
* ``forecast from labels``: the same with GENESIS age labels (``"unter 1 Jahr"``, ``"1 bis unter 2 Jahre"``)
  parsed by :func:`~bildungsplaner.planning.ages.single_year_population` first;
* baseline ``numpy shift``: the bare arithmetic - the already pivoted ``[region, age]`` array shifted one age
  per year ten times with survival, new age 0 inserted (the floor of any implementation);
* baseline ``pandas floor``: pivoting the long frame to ``[region, age]`` for the base year plus building a
  result DataFrame of the same shape as ``forecast``'s rows (what any pandas-based implementation pays).

Ratios are forecast / baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import git_revision, machine

from bildungsplaner.planning.demand import DemandSpec, forecast

SCENARIO = {
    "format": 1, "kind": "demand", "name": "Benchmark",
    "regions": {"level": "gemeinde"},
    "population": {"indicator": "BEV_ALTER", "base_year": 2024, "horizon": 2034, "births": "mean-3",
                   "survival": 0.995},
    "demand": [
        {"name": "U3", "ages": [1, 2], "rate": {"2026": 0.45, "2030": 0.55},
         "capacity": {"facility_kinds": ["Kita"], "attribute": "plaetze_u3"}},
        {"name": "Ü3", "ages": [3, 4, 5], "rate": 0.95},
        {"name": "Ganztag", "ganztag_entitlement": True, "rate": 0.75,
         "capacity": {"facility_kinds": ["Grundschule"], "attribute": "ogs_plaetze"}},
    ],
}
YEARS = range(2020, 2025)
AGES = range(18)


def label(age: int) -> str:
    return "unter 1 Jahr" if age == 0 else f"{age} bis unter {age + 1} Jahre"


def generate(regions: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(4)
    keys = np.array([f"05978{i:03d}{j:04d}" for i in range(regions // 100 + 1) for j in range(100)][:regions],
                    dtype=object)
    n = len(YEARS) * len(AGES)
    frame = pd.DataFrame({
        "region_key": np.repeat(keys, n),
        "region_name": np.repeat(np.array([f"Gebiet {k}" for k in keys], dtype=object), n),
        "year": np.tile(np.repeat(np.array(YEARS), len(AGES)), regions),
        "age": np.tile(np.array(AGES), regions * len(YEARS)),
        "value": rng.integers(5, 200, regions * n).astype(np.float64),
    })
    capacity = pd.DataFrame({"region_key": np.concatenate([keys, keys]),
                             "line": ["U3"] * regions + ["Ganztag"] * regions,
                             "capacity": rng.integers(0, 300, 2 * regions).astype(np.float64)})
    return frame, capacity


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def numpy_shift(grid: np.ndarray, births: np.ndarray, steps: int) -> np.ndarray:
    out = np.empty((grid.shape[0], steps + 1, grid.shape[1]))
    out[:, 0] = grid
    for k in range(1, steps + 1):
        out[:, k, 1:] = out[:, k - 1, :-1] * 0.995
        out[:, k, 0] = births
    return out


def pandas_floor(frame: pd.DataFrame, n_rows: int) -> pd.DataFrame:
    base = frame[frame["year"] == 2024].pivot(index="region_key", columns="age", values="value")
    keys = base.index.to_numpy()
    reps = n_rows // len(keys)
    return pd.DataFrame({"region_key": np.repeat(keys, reps), "year": np.tile(np.arange(reps), len(keys)),
                         "population": np.zeros(n_rows), "demand": np.zeros(n_rows)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    spec = DemandSpec.from_dict(SCENARIO)
    frame, capacity = generate(args.regions)
    labelled = frame.assign(age_label=frame["age"].map(label)).drop(columns=["age"])
    result = forecast(spec, frame, capacity)
    n_rows = len(result.rows)
    grid = frame[frame["year"] == 2024].pivot(index="region_key", columns="age", values="value").to_numpy()
    births = grid[:, 0].copy()

    t_forecast = timed(lambda: forecast(spec, frame, capacity), args.runs)
    t_labels = timed(lambda: forecast(spec, labelled, capacity), args.runs)
    t_shift = timed(lambda: numpy_shift(grid, births, 10), args.runs)
    t_pandas = timed(lambda: pandas_floor(frame, n_rows), args.runs)

    print(f"machine: {machine()}; revision {git_revision()}; pandas {pd.__version__}, numpy {np.__version__}")
    print(f"input: {args.regions} regions, {len(frame):,} population rows (years 2020-2024, ages 0-17); "
          f"{len(spec.demand)} demand lines, 2024-2034 → {n_rows:,} result rows; median of {args.runs} runs")
    print(f"forecast                     {t_forecast * 1000:8.2f} ms")
    print(f"forecast from age labels     {t_labels * 1000:8.2f} ms")
    print(f"baseline numpy shift         {t_shift * 1000:8.2f} ms   ratio forecast/baseline "
          f"{t_forecast / t_shift:8.0f}×")
    print(f"baseline pandas floor        {t_pandas * 1000:8.2f} ms   ratio forecast/baseline "
          f"{t_forecast / t_pandas:8.1f}×")


if __name__ == "__main__":
    main()
