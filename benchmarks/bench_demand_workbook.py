#!/usr/bin/env python3
"""The council workbook of a demand scenario, 1,000 regions × 10 years, against bare openpyxl tables.

    .venv/bin/python benchmarks/bench_demand_workbook.py [--regions 1000] [--runs 5]

The result comes from :func:`bildungsplaner.planning.demand.forecast` on generated data (no database, the same
case as ``benchmarks/export.py``); the report from :func:`~bildungsplaner.services.scenario_export.build_report`
against an empty workspace; timed is :func:`~bildungsplaner.exporting.workbook.write_report` alone (every sheet,
totals, formats, charts, method, print setup, the file written), median of ``--runs`` after one warm-up. The
records of the tables are written as worksheet XML (:mod:`bildungsplaner.exporting.sheet_rows`) and spliced
into the file openpyxl writes for everything else.

Baselines in the same run, the same number of cells as the workbook's sheets hold (values only, no styles):

* ``write-only``: ``openpyxl.Workbook(write_only=True)``, one ``append`` per row — the floor of any openpyxl
  writer (openpyxl's XML serialisation of the cells);
* ``normal``: the same rows into an ordinary ``openpyxl.Workbook``;
* ``openpyxl cells``: the same council workbook with its records as openpyxl cells (the writer before
  ``sheet_rows``, still used by the Kennzahlen-Tabelle), so before and after are measured in one run.

Ratio = workbook / write-only baseline; the last column: workbook / the same with openpyxl cells.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import git_revision, machine
from export import demand_case

from bildungsplaner.exporting import workbook as workbook_module
from bildungsplaner.exporting.workbook import write_report
from bildungsplaner.services.scenario_export import build_report
from bildungsplaner.store.database import open_workspace


def median_s(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bare_rows(cells: int, columns: int = 9) -> list[list[object]]:
    """Rows like the planning sheet's (key, name, year, ages, five numbers) with ``cells`` cells in all."""
    rows = []
    for n in range(-(-cells // columns)):
        rows.append([f"05{n:06d}", f"Gebiet {n}", 2024 + n % 10, "1, 2", 100.0 + n, 55.5, 40.0, -15.5, 72.1])
    return rows


def write_bare(rows: list[list[object]], path: Path, *, write_only: bool) -> None:
    workbook = openpyxl.Workbook(write_only=write_only)
    sheet = workbook.create_sheet() if write_only else workbook.active
    for row in rows:
        sheet.append(row)
    workbook.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with open_workspace(folder / "leer.bpws") as ws:
            spec, result = demand_case(args.regions)
            report = build_report(ws, spec, result)
        written = write_report(report, folder / "a.xlsx")
        check = openpyxl.load_workbook(written)
        cells = sum(1 for sheet in check.worksheets for row in sheet.iter_rows() for cell in row
                    if cell.value is not None)
        sheets = ", ".join(f"{s.title} {s.max_row}×{s.max_column}" for s in check.worksheets)
        rows = bare_rows(cells)
        workbook = median_s(lambda: write_report(report, folder / "a.xlsx"), args.runs)
        write_only = median_s(lambda: write_bare(rows, folder / "b.xlsx", write_only=True), args.runs)
        normal = median_s(lambda: write_bare(rows, folder / "c.xlsx", write_only=False), args.runs)
        fast_rows = workbook_module._body_rows
        workbook_module._body_rows = lambda ws, table, rows, first, body: workbook_module._body_cells(
            ws, table, rows, first)
        try:
            cells_writer = median_s(lambda: write_report(report, folder / "d.xlsx"), args.runs)
        finally:
            workbook_module._body_rows = fast_rows
    print(f"# demand workbook — {machine()} — revision {git_revision()}; median of {args.runs}\n")
    print(f"{args.regions:,} regions × {len(result.rows) // max(args.regions, 1)} years: {len(result.rows):,} result "
          f"rows, {cells:,} cells written ({sheets})\n")
    print("| what | time | ratio to write-only | ratio to openpyxl cells |")
    print("|---|---:|---:|---:|")
    print(f"| baseline: openpyxl write-only, {len(rows):,} bare rows × 9 | {write_only * 1000:.0f} ms | 1.00× | |")
    print(f"| baseline: openpyxl normal, the same rows | {normal * 1000:.0f} ms | {normal / write_only:.2f}× | |")
    print(f"| baseline: the council workbook, records as openpyxl cells | {cells_writer * 1000:.0f} ms | "
          f"{cells_writer / write_only:.2f}× | 1.00× |")
    print(f"| `write_report` (the council workbook) | {workbook * 1000:.0f} ms | {workbook / write_only:.2f}× | "
          f"{workbook / cells_writer:.2f}× |")
    print(f"\n0.5 s target (issue 14): {'met' if workbook <= 0.5 else 'not met'}")


if __name__ == "__main__":
    main()
