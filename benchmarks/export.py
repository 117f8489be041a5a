#!/usr/bin/env python3
"""Exporting council workbooks: a 500-recipient allocation and a 1,000-region × 10-year demand table.

    .venv/bin/python benchmarks/export.py [--runs 3]

Results are computed from generated data (the planning functions, no database); the workbook is built by
:func:`bildungsplaner.services.scenario_export.build_report` against an empty workspace (no datasets to cite)
and written by :func:`bildungsplaner.exporting.workbook.write_report` — every sheet, formula, format, chart and
the method text — with and without disclosure control, plus the CSV. Baseline in the same run:
``DataFrame.to_excel(engine="openpyxl")`` of the same result rows (one plain sheet). Median of ``--runs``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import git_revision, machine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bildungsplaner.exporting.workbook import write_report
from bildungsplaner.planning.allocation import AllocationSpec, allocate
from bildungsplaner.planning.demand import DemandSpec, forecast
from bildungsplaner.services.scenario_export import _write_csv, build_report
from bildungsplaner.store.database import open_workspace


def allocation_case(n: int = 500):
    rng = np.random.default_rng(3)
    frame = pd.DataFrame({"key": [f"{190000 + i}" for i in range(n)], "name": [f"Grundschule {i}" for i in range(n)],
                          "attribute:schueler": rng.integers(2, 900, n).astype(float),
                          "attribute:sozialindex": rng.integers(1, 10, n).astype(float)})
    spec = AllocationSpec.from_dict({
        "name": "Schulsozialarbeit", "recipients": {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": [{"source": "attribute:schueler", "weight": 0.6},
                 {"source": "attribute:schueler", "times": "attribute:sozialindex", "weight": 0.4}],
        "amount": {"total": 400.0, "unit": "VZÄ", "step": 0.5, "minimum": 0.0}})
    return spec, allocate(spec, frame)


def demand_case(regions: int = 1000):
    rng = np.random.default_rng(5)
    keys = [f"05{i:06d}" for i in range(regions)]
    years, ages = range(2020, 2025), range(0, 12)
    rows = [(k, f"Gebiet {i}", y, a, float(rng.integers(5, 120))) for i, k in enumerate(keys) for y in years
            for a in ages]
    population = pd.DataFrame(rows, columns=["region_key", "region_name", "year", "age", "value"])
    capacity = pd.DataFrame({"region_key": keys, "line": "U3", "capacity": rng.integers(10, 200, regions)
                             .astype(float)})
    spec = DemandSpec.from_dict({
        "format": 1, "kind": "demand", "name": "Kita-Bedarf", "regions": {"level": "gemeinde"},
        "population": {"indicator": "BEV_ALTER", "horizon": 2033},
        "demand": [{"name": "U3", "ages": [1, 2], "rate": 0.5,
                    "capacity": {"facility_kinds": ["Kita"], "attribute": "plaetze_u3"}}]})
    return spec, forecast(spec, population, capacity)


def median_s(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"# export — {machine()} — revision {git_revision()}\n")
    print("| case | rows | xlsx | xlsx, suppress below 3 | csv | baseline to_excel | ratio xlsx / baseline |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with open_workspace(folder / "leer.bpws") as ws:
            for label, (spec, result) in (("allocation, 500 recipients", allocation_case()),
                                          ("demand, 1,000 regions × 10 years", demand_case())):
                report = build_report(ws, spec, result)
                xlsx = median_s(lambda report=report: write_report(report, folder / "a.xlsx"), args.runs)
                hidden = median_s(lambda report=report: write_report(report, folder / "b.xlsx", suppress_below=3),
                                  args.runs)
                csv = median_s(lambda report=report: _write_csv(report, folder / "c.csv"), args.runs)
                base = median_s(lambda result=result: result.rows.to_excel(folder / "d.xlsx", engine="openpyxl"),
                                args.runs)
                print(f"| {label} | {len(result.rows):,} | {xlsx:.2f} s | {hidden:.2f} s | {csv:.3f} s | "
                      f"{base:.2f} s | {xlsx / base:.2f}× |")


if __name__ == "__main__":
    main()
