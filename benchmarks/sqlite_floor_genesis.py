#!/usr/bin/env python3
"""The SQLite floor under an import of 1.5 million observations: ``executemany`` alone, layout by layout.

    .venv/bin/python benchmarks/sqlite_floor_genesis.py [--rows 1500000]

Rows like those of the GENESIS benchmark (500 regions, one indicator, 10 periods, 300 dimension texts,
values and a few flags) are built as tuples first (not timed), then inserted in one transaction with the
workspace's pragmas (``foreign_keys = ON``, 64 MiB cache, ``journal_mode = DELETE``, ``synchronous =
FULL``) into the ``observation`` table of a new workspace (``bildungsplaner new``), chunks of 50,000 rows:

(a) as the store has it: the index ``(indicator_id, region_id, period)`` and three foreign keys per row;
(b) foreign keys off (what checking them once per import on the distinct keys would cost per row);
(c) the index dropped before and built after the insert (timed with it);
(d) (b) and (c) together;
(e) a bare table: the same columns, no key, no index.

Printed: seconds and observations per second for each, and the ratio to (a).
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, REPO, git_revision, machine

COLUMNS = "dataset_id, indicator_id, region_id, period, dimensions, value, flag"
INSERT = f"INSERT INTO observation ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
INDEX = "CREATE INDEX ix_observation_indicator_region_period ON observation (indicator_id, region_id, period)"


def rows(n: int, region_ids: list[int], dataset: int, indicator: int) -> list[tuple]:
    out = []
    per_region = max(1, n // len(region_ids))
    for i in range(n):
        region = region_ids[min(i // per_region, len(region_ids) - 1)]
        rest = i % per_region
        flag = "." if i % 997 == 1 else None
        out.append((dataset, indicator, region, f"{2015 + rest // 300}-12-31",
                    f"Altersgruppe={rest % 100}|Geschlecht={rest // 100 % 3}", None if flag else float(i % 900), flag))
    return out


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("foreign_keys = ON", "cache_size = -65536", "journal_mode = DELETE", "synchronous = FULL"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def measure(case: str, n: int) -> float:
    path = OUT / "sqlite_floor.bpws"
    for leftover in OUT.glob("sqlite_floor.bpws*"):
        leftover.unlink()
    subprocess.run([sys.executable, "-m", "bildungsplaner", "new", str(path)], cwd=REPO, check=True,
                   capture_output=True)
    conn = connect(path)
    conn.execute("BEGIN")
    region_ids = []
    for r in range(500):
        cur = conn.execute("INSERT INTO region (key, name, level) VALUES (?, ?, 'gemeinde')",
                           (f"05{r:06d}", f"Gemeinde {r}"))
        region_ids.append(cur.lastrowid)
    dataset = conn.execute("INSERT INTO dataset (file_name, sha256, format, imported_at, row_count, imported_by, meta) "
                           "VALUES ('x.csv', 'x', 'genesis', '2026-12-03 00:00:00', 0, 'bench', '{}')").lastrowid
    indicator = conn.execute("INSERT INTO indicator (code, name, unit, description, phase) VALUES "
                             "('BENCH', 'Bench', 'Anzahl', '', 'Bevölkerung/Kontext')").lastrowid
    conn.execute("COMMIT")
    data = rows(n, region_ids, dataset, indicator)
    if case == "e":
        conn.execute("CREATE TABLE bare (dataset_id INTEGER NOT NULL, indicator_id INTEGER NOT NULL, region_id "
                     "INTEGER NOT NULL, period VARCHAR(20) NOT NULL, dimensions VARCHAR(500) NOT NULL, value FLOAT, "
                     "flag VARCHAR(8))")
    if case in ("b", "d", "e"):
        conn.execute("PRAGMA foreign_keys = OFF")
    started = time.perf_counter()
    conn.execute("BEGIN")
    if case in ("c", "d"):
        conn.execute("DROP INDEX ix_observation_indicator_region_period")
    sql = INSERT.replace("observation", "bare") if case == "e" else INSERT
    for i in range(0, n, 50_000):
        conn.executemany(sql, data[i:i + 50_000])
    if case in ("c", "d"):
        conn.execute(INDEX)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    for leftover in OUT.glob("sqlite_floor.bpws*"):
        leftover.unlink()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_500_000)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"# SQLite floor, {args.rows:,} observations — {machine()} — revision {git_revision()}, "
          f"SQLite {sqlite3.sqlite_version}\n")
    print("| layout | seconds | observations/s | ratio to (a) |")
    print("|---|---:|---:|---:|")
    labels = {"a": "(a) index + 3 foreign keys per row (as stored)", "b": "(b) index, foreign keys off",
              "c": "(c) foreign keys, index built after", "d": "(d) no foreign keys, index built after",
              "e": "(e) bare table"}
    base = None
    for case, label in labels.items():
        seconds = measure(case, args.rows)
        base = base or seconds
        print(f"| {label} | {seconds:.2f} s | {args.rows / seconds:,.0f} | {seconds / base:.2f}× |", flush=True)


if __name__ == "__main__":
    main()
