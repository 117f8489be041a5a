#!/usr/bin/env python3
"""A computed indicator (a Betreuungsquote) over 1,000,000 input observations, against a bare pandas baseline.

    .venv/bin/python benchmarks/bench_indicators.py [--regions 10000] [--runs 5] [--no-store] [--fresh]

Inputs generated like the real tables: ``kinder`` (day care: regions × 5 years × 4 age groups × 3 kinds of care,
„Insgesamt (ohne Doppelzählungen)“ among them, 600,000 rows at 10,000 regions) and ``bev`` (population: regions
× 5 years × 8 age labels — single years 0-5, „6 Jahre und mehr“, „Insgesamt“, 400,000 rows), 0.5 % of the values
secret („.“), some denominators 0. The definition is the catalogue's ``BQ_U3``: ``100 * kinder / bev`` with the
de-duplicated total, ages 0-2 summed from single years on one side, the year before for the population.

Stages (median of ``--runs``):

(a) baseline: a bare pandas computation of the same numbers — filter by dimension text, sum the three age rows,
    merge on region and year, divide — without checks, flags, messages or the totals rule;
(b) ``indicators.compute.compute_indicator`` on the same frames (the engine: where, ages with the straddling
    check, totals rule, year offset, alignment, flags, „fehlt“ lines) — the issue's target is ≤ 0.5 s;
(c) with ``--store`` (default): the same 1,000,000 rows in a workspace (``benchmarks/out/kennzahl_1m.bpws``,
    built once, ``--fresh`` rebuilds it); ``services.indicators.check_definition`` (the distinct dimension texts,
    then only the rows the inputs take — here 50,000 + 150,000 — read through the store, computed, nothing
    written) and ``define`` (the same, then the 50,000 result rows written, audit) of that definition.

Ratios are to (a), measured in the same run.
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
from _common import OUT, git_revision, machine, reusable

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bildungsplaner.indicators.compute import compute_indicator
from bildungsplaner.indicators.spec import IndicatorSpec

YEARS = (2012, 2013, 2014, 2015, 2016)
KITA_AGES = ("unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 14 Jahre", "Insgesamt")
KINDS = ("Insgesamt (ohne Doppelzählungen)", "Tageseinrichtung", "Tagespflege")
POP_AGES = ("unter 1 Jahr", "1 bis unter 2 Jahre", "2 bis unter 3 Jahre", "3 bis unter 4 Jahre", "4 bis unter 5 Jahre",
            "5 bis unter 6 Jahre", "6 Jahre und mehr", "Insgesamt")
DEFINITION = """format = 1
kind = "indicator"
code = "BENCH_BQ_U3"
name = "Benchmark: Betreuungsquote unter 3"
unit = "%"
formula = "100 * kinder / bev"
[inputs.kinder]
table = "99999-01-01-4"
measure = "Betreute Kinder"
where = { "Art der Kindertagesbetreuung" = "Insgesamt (ohne Doppelzählungen)" }
ages = "0-2"
[inputs.bev]
table = "99999-02-01-4"
measure = "Bevölkerungsstand"
where = { Geschlecht = "Insgesamt" }
ages = "0-2"
year_offset = -1
"""


def frames(regions: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(12)
    keys = np.array([f"{k:08d}" for k in range(regions)], dtype=object)

    def build(dims: list[str], periods: list[str], low: int, high: int) -> pd.DataFrame:
        n = regions * len(periods) * len(dims)
        region = np.repeat(keys, len(periods) * len(dims))
        period = np.tile(np.repeat(np.array(periods, dtype=object), len(dims)), regions)
        dimension = np.tile(np.array(dims, dtype=object), regions * len(periods))
        value = rng.integers(low, high, n).astype(np.float64)
        secret = rng.random(n) < 0.005
        value[secret] = np.nan
        flag = np.where(secret, ".", None)
        return pd.DataFrame({"region_key": region, "period": pd.Categorical(period),
                             "dimensions": pd.Categorical(dimension), "value": value, "flag": flag})

    kinder = build([f"Altersgruppe={a}|Art der Kindertagesbetreuung={k}" for a in KITA_AGES for k in KINDS],
                   [f"{y}-03-01" for y in YEARS], 0, 400)
    bev = build([f"Altersgruppe={a}|Geschlecht=Insgesamt" for a in POP_AGES], [f"{y - 1}-12-31" for y in YEARS],
                0, 300)
    return kinder, bev


def baseline(kinder: pd.DataFrame, bev: pd.DataFrame) -> pd.DataFrame:
    k = kinder[kinder["dimensions"] == "Altersgruppe=unter 3 Jahre|Art der Kindertagesbetreuung=Insgesamt "
                                      "(ohne Doppelzählungen)"]
    k = pd.DataFrame({"region_key": k["region_key"].to_numpy(), "year": k["period"].astype(str).str[:4].astype(int),
                      "kinder": k["value"].to_numpy()})
    wanted = [f"Altersgruppe={a}|Geschlecht=Insgesamt" for a in POP_AGES[:3]]
    b = bev[bev["dimensions"].isin(wanted)]
    b = b.assign(year=b["period"].astype(str).str[:4].astype(int) + 1).groupby(
        ["region_key", "year"], sort=False)["value"].sum(min_count=3).rename("bev").reset_index()
    merged = k.merge(b, on=["region_key", "year"])
    merged["value"] = 100 * merged["kinder"] / merged["bev"]
    return merged


def median_s(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def line(label: str, seconds: float, base: float) -> None:
    print(f"  {label:<58} {seconds * 1000:8.0f} ms {seconds / base:6.2f}x", flush=True)


def store_workspace(path: Path, kinder: pd.DataFrame, bev: pd.DataFrame, fresh: bool) -> Path:
    """A workspace holding both inputs as two imported datasets of their own tables (built once)."""
    import sqlite3

    from bildungsplaner.store.database import open_workspace

    if not fresh and reusable(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    open_workspace(path).close()
    conn = sqlite3.connect(path)
    keys = pd.unique(kinder["region_key"])
    with conn:
        conn.executemany("INSERT INTO region (key, name, level) VALUES (?, ?, 'gemeinde')",
                         [(k, f"Gemeinde {k}") for k in keys])
        ids = dict(conn.execute("SELECT key, id FROM region"))
        for table, measure, frame in (("99999-01-01-4", "Betreute Kinder", kinder),
                                      ("99999-02-01-4", "Bevölkerungsstand", bev)):
            conn.execute("INSERT INTO dataset (file_name, sha256, format, table_code, imported_at, imported_by, "
                         "row_count, meta) VALUES (?, ?, 'genesis', ?, '2026-12-03 00:00:00', 'bench', ?, '{}')",
                         (f"{table}.csv", table.ljust(64, "0"), table, len(frame)))
            dataset = conn.execute("SELECT max(id) FROM dataset").fetchone()[0]
            conn.execute("INSERT INTO indicator (code, name, unit, description, phase) VALUES (?, ?, 'Anzahl', '', "
                         "'Bevölkerung/Kontext')", (measure.upper().replace(" ", "_"), measure))
            indicator = conn.execute("SELECT max(id) FROM indicator").fetchone()[0]
            value = frame["value"].to_numpy()
            conn.executemany(
                "INSERT INTO observation (dataset_id, indicator_id, region_id, period, dimensions, value, flag) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                zip([dataset] * len(frame), [indicator] * len(frame), [ids[k] for k in frame["region_key"]],
                    frame["period"].astype(str), frame["dimensions"].astype(str),
                    [None if np.isnan(v) else float(v) for v in value], frame["flag"], strict=True))
    conn.close()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-store", action="store_true", help="only the pure engine, no workspace")
    parser.add_argument("--fresh", action="store_true", help="rebuild the workspace of stage (c)")
    args = parser.parse_args()
    print(f"machine: {machine()}; revision {git_revision()}")
    kinder, bev = frames(args.regions)
    print(f"{len(kinder) + len(bev):,} input observations ({len(kinder):,} + {len(bev):,}), "
          f"{args.regions:,} regions, median of {args.runs} runs")
    spec = IndicatorSpec.from_dict(__import__("tomllib").loads(DEFINITION))
    expected = baseline(kinder, bev)
    result = compute_indicator(spec, {"kinder": kinder, "bev": bev})
    check = result.frame.merge(expected, on="region_key", suffixes=("", "_base"))
    check = check[check["period"].astype(str).str[:4].astype(int) == check["year"]]
    same = np.allclose(check["value"], check["value_base"], equal_nan=True)
    print(f"  result: {len(result.frame):,} rows, equal to the baseline's numbers: {same}")
    base = median_s(lambda: baseline(kinder, bev), args.runs)
    line("(a) baseline: bare pandas filter, sum, merge, divide", base, base)
    engine = median_s(lambda: compute_indicator(spec, {"kinder": kinder, "bev": bev}), args.runs)
    line("(b) compute_indicator (target ≤ 500 ms)", engine, base)
    if args.no_store:
        return
    from bildungsplaner.services import indicators
    from bildungsplaner.store.database import open_workspace

    path = store_workspace(OUT / "kennzahl_1m.bpws", kinder, bev, args.fresh)
    with open_workspace(path) as ws:
        check_s = median_s(lambda: indicators.check_definition(ws, DEFINITION), max(1, args.runs // 2))
        line("(c) check_definition: store (rows the inputs take) + compute", check_s, base)

        def define() -> None:
            indicators.define(ws, DEFINITION, replace=True)

        define_s = median_s(define, max(1, args.runs // 2))
        line("(c) define: read, compute, write the result, audit", define_s, base)
        indicators.delete(ws, "BENCH_BQ_U3")


if __name__ == "__main__":
    main()
