#!/usr/bin/env python3
"""Needs-based allocation over 5,000 and 50,000 recipients, each rounding method, against a bare baseline.

    .venv/bin/python benchmarks/allocation.py [--runs 15]

Recipients are generated (pupils 50-900, Sozialindex 1-9); the scenario is the demo's: two need terms
(pupils 60 %, pupils × Sozialindex 40 %), a total of one position per 300 pupils in steps of 0.5, minimum 0.5,
maximum 3. Timed: :func:`bildungsplaner.planning.allocation.allocate` end to end (need shares, bounded exact
shares, rounding, paradox check, explanation frame) — what the planning editor recomputes on every edit.
Baseline in the same run: a bare numpy largest-remainder apportionment of the same exact quotas (floor,
argsort of the remainders), i.e. the least any allocation must do. Median of ``--runs``.
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
from bildungsplaner.planning.allocation import AllocationSpec, allocate


def scenario(n: int, method: str) -> tuple[AllocationSpec, pd.DataFrame]:
    rng = np.random.default_rng(7)
    pupils = rng.integers(50, 900, n).astype(float)
    frame = pd.DataFrame({"key": [f"{100000 + i}" for i in range(n)], "name": [f"Schule {i}" for i in range(n)],
                          "attribute:schueler": pupils,
                          "attribute:sozialindex": rng.integers(1, 10, n).astype(float)})
    total = round(pupils.sum() / 300 * 2) / 2
    spec = AllocationSpec.from_dict({
        "name": "Benchmark", "recipients": {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": [{"source": "attribute:schueler", "weight": 0.6},
                 {"source": "attribute:schueler", "times": "attribute:sozialindex", "weight": 0.4}],
        "amount": {"total": total, "unit": "VZÄ", "step": 0.5, "method": method, "minimum": 0.5, "maximum": 3.0},
    })
    return spec, frame


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def baseline(quotas: np.ndarray, seats: int) -> np.ndarray:
    floors = np.floor(quotas)
    left = seats - int(floors.sum())
    floors[np.argsort(floors - quotas)[:left]] += 1
    return floors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    print(f"# allocation — {machine()} — revision {git_revision()}\n")
    print("| recipients | method | allocate() | baseline (numpy largest remainder) | ratio |")
    print("|---:|---|---:|---:|---:|")
    for n in (5_000, 50_000):
        for method in ("hare-niemeyer", "sainte-lague", "dhondt", "exact"):
            spec, frame = scenario(n, method)
            result = allocate(spec, frame)
            assert abs(result.rows["amount"].sum() - spec.amount.total) < 1e-6
            quotas = result.rows["exact"].to_numpy() / spec.amount.step
            seats = round(spec.amount.total / spec.amount.step)
            full = median_ms(lambda spec=spec, frame=frame: allocate(spec, frame), args.runs)
            bare = median_ms(lambda q=quotas, s=seats: baseline(q, s), args.runs)
            print(f"| {n:,} | {method} | {full:.1f} ms | {bare:.2f} ms | {full / bare:.0f}× |")


if __name__ == "__main__":
    main()
