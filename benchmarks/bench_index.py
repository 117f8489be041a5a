#!/usr/bin/env python3
"""Composite social index over 10,000 regions × 5 inputs, each class method, against a bare baseline.

    .venv/bin/python benchmarks/bench_index.py [--regions 10000] [--runs 25]

Raw values are generated (rates 0-100, 1 % of the cells missing; a population per region, 2 % of the regions
below the minimum of 300), region keys as text in shuffled order. Timed: :func:`compute_index` end to end
(sorting by key, exclusions with their reasons, z-scores, weights and directions, sum, restandardization,
classes, the result frame) — what the index editor recomputes on every edit. Baseline in the same run: a bare
numpy z-score of the same complete matrix, ``(X − X.mean(0)) / X.std(0)``, i.e. the least any index must do.
Median of ``--runs``; the issue's target is ≤ 0.1 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import git_revision, machine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bildungsplaner.indicators.index import compute_index
from bildungsplaner.indicators.index_spec import IndexSpec

CODES = ("ARBEITSLOS", "TRANSFER", "KINDERARMUT", "AUSLAENDER", "ABG_OHNE_HSA")
CLASSES = {
    "sigma": {"method": "sigma", "breaks": [-1.0, 1.0, 1.5], "labels": ["niedrig", "mittel", "hoch", "sehr hoch"]},
    "quantile": {"method": "quantile", "count": 5},
    "equal": {"method": "equal", "count": 5},
    "top-share": {"method": "top-share", "top": 0.05, "count": 9},
}


def scenario(regions: int, classes: dict) -> tuple[IndexSpec, pd.DataFrame, pd.Series]:
    rng = np.random.default_rng(12)
    values = rng.uniform(0, 100, (regions, len(CODES)))
    values[rng.random(values.shape) < 0.01] = np.nan
    keys = [f"{k:08d}" for k in rng.permutation(regions)]
    raw = pd.DataFrame(values, columns=list(CODES), index=pd.Index(keys, name="region_key"))
    population = pd.Series(np.where(rng.random(regions) < 0.02, 150.0, rng.uniform(300, 20000, regions)),
                           index=keys)
    spec = IndexSpec.from_dict({
        "format": 1, "kind": "index", "code": "BENCH", "name": "Benchmark", "regions": {"level": "sozialraum"},
        "year": 2024, "standardize": "z", "aggregate": "sum", "restandardize": True, "classes": classes,
        "minimum_population": {"indicator": "BEV", "value": 300},
        "input": [{"indicator": c, "weight": w, "direction": d}
                  for c, w, d in zip(CODES, (1.0, 1.0, 0.5, 1.0, 2.0), (1, 1, 1, 1, -1), strict=True)]})
    return spec, raw, population


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    print(f"machine: {machine()}; revision {git_revision()}")
    print(f"{args.regions:,} regions × {len(CODES)} inputs, median of {args.runs} runs")

    spec, raw, population = scenario(args.regions, CLASSES["sigma"])
    matrix = raw.to_numpy(dtype=float)
    complete = matrix[np.isfinite(matrix).all(axis=1)]

    def baseline() -> np.ndarray:
        return (complete - complete.mean(axis=0)) / complete.std(axis=0)

    base = median_ms(baseline, args.runs)
    print(f"{'(a) bare numpy z-score of the matrix (baseline)':<52} {base:8.2f} ms   1.00×")
    for name, classes in CLASSES.items():
        spec, raw, population = scenario(args.regions, classes)
        result = compute_index(spec, raw, population)
        ms = median_ms(lambda spec=spec, raw=raw, population=population: compute_index(spec, raw, population),
                       args.runs)
        label = f"compute_index, classes {name}"
        print(f"{label:<52} {ms:8.2f} ms {ms / base:6.1f}×   ({len(result.rows):,} in scope, "
              f"{len(result.excluded):,} excluded; target ≤ 100 ms: {'ok' if ms <= 100 else 'MISSED'})")


if __name__ == "__main__":
    main()
