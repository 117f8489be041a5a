#!/usr/bin/env python3
"""The SQLite floor under an import of 1.5 million observations: ``executemany`` alone, layout by layout.

    .venv/bin/python benchmarks/sqlite_floor_genesis.py [--rows 1500000]

Rows like those of the GENESIS benchmark (500 regions, one indicator, 10 periods, 300 dimension texts,
values and a few flags; in the order the GENESIS table gives them: year by year) are built as tuples first
(not timed), then inserted in one transaction with the workspace's pragmas (``foreign_keys = ON``, 64 MiB cache,
``journal_mode = DELETE``, ``synchronous = FULL``) into the ``observation`` table of a new workspace
(``bildungsplaner new``), chunks of 50,000 rows:

(a) as stored up to migration 0012: the index ``(indicator_id, region_id, period)`` and three foreign keys
    checked per row (the table rebuilt with them for this case);
(b) as stored from 0013 on: the index, the three references checked once per chunk on the distinct keys
    (``set(map(itemgetter))`` and three ``IN`` queries, what the store's engine event does);
(c) (b) with the rows sorted by the index key first (sorting not timed; measured 2026-12-04 on a quiet
    machine, also with a 4 MiB cache or a memory-hungry neighbour: no gain, so the import keeps the file's order);
(d) (b) with the index dropped before and built after the insert (timed with it);
(e) a bare table: the same columns, no key, no index, no check;
(f) (b) with 100 rows per statement (``VALUES (?, …), (?, …), …``, the rows' values flattened), as
    ``store/bulk.py`` inserts since 2026-12-04 (flattening timed with it);
(g) SQLite's own work alone: the rows in a temporary table first (not timed), then ``INSERT INTO observation
    SELECT … FROM`` it — what is left when no Python binds a value;
(h) (f) with NULL sent as NaN (``store/bulk.null_value``), as the import does since the fifth session of issue
    14: Python's sqlite3 module binds ``None`` through its adapter protocol, a NaN float directly (SQLite stores
    it as NULL).

Printed: seconds and observations per second for each, the ratio to (a), and what an import at 500,000
observations/s would leave for everything else.
"""

from __future__ import annotations

import argparse
import importlib
import sqlite3
import subprocess
import sys
import time
from itertools import chain
from operator import itemgetter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, REPO, git_revision, machine

sys.path.insert(0, str(REPO))
from bildungsplaner.store import sqlite as store_sqlite

COLUMNS = "dataset_id, indicator_id, region_id, period, dimensions, value, flag"
INSERT = f"INSERT INTO observation ({COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
MIGRATION = importlib.import_module("bildungsplaner.store.migrations.versions.0013_sqlite_observation_checks")
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
    if case == "c":
        data.sort(key=itemgetter(1, 2, 3))
    if case == "h":
        nan = float("nan")
        data = [(*row[:5], nan if row[5] is None else row[5], nan if row[6] is None else row[6]) for row in data]
    if case == "a":  # the table as 0012 left it (migration 0013 keeps its text)
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DROP TABLE observation")
        conn.execute(MIGRATION.TABLE.format(name="observation", references=MIGRATION.FOREIGN_KEYS))
        conn.execute(INDEX)
        conn.execute("PRAGMA foreign_keys = ON")
    if case == "g":
        conn.execute("CREATE TEMP TABLE staged (dataset_id, indicator_id, region_id, period, dimensions, value, flag)")
        conn.executemany("INSERT INTO staged VALUES (?, ?, ?, ?, ?, ?, ?)", data)
    if case == "e":
        conn.execute("CREATE TABLE bare (dataset_id INTEGER NOT NULL, indicator_id INTEGER NOT NULL, region_id "
                     "INTEGER NOT NULL, period VARCHAR(20) NOT NULL, dimensions VARCHAR(500) NOT NULL, value FLOAT, "
                     "flag VARCHAR(8))")
    started = time.perf_counter()
    conn.execute("BEGIN")
    if case == "d":
        conn.execute("DROP INDEX ix_observation_indicator_region_period")
    sql = INSERT.replace("observation", "bare") if case == "e" else INSERT
    if case in ("f", "h"):
        sql = INSERT.replace("VALUES (?, ?, ?, ?, ?, ?, ?)", "VALUES " + ", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * 100))
    if case == "g":
        conn.execute(f"INSERT INTO observation ({COLUMNS}) SELECT {COLUMNS} FROM staged")
    for i in range(0, n if case != "g" else 0, 50_000):
        chunk = data[i:i + 50_000]
        if case in ("b", "c", "d", "f", "h"):
            for position, (_column, parent) in enumerate(store_sqlite.OBSERVATION_REFERENCES):
                assert store_sqlite._missing_ids(conn, parent, set(map(itemgetter(position), chunk))) is None
        if case in ("f", "h"):
            flat = tuple(chain.from_iterable(chunk))
            conn.executemany(sql, [flat[j:j + 700] for j in range(0, len(flat), 700)])
            continue
        conn.executemany(sql, chunk)
    if case == "d":
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
    labels = {"a": "(a) index + 3 foreign keys per row (up to 0012)",
              "b": "(b) index, references checked per chunk (from 0013)", "c": "(c) (b), rows sorted by the index key",
              "d": "(d) (b), index built after", "e": "(e) bare table",
              "f": "(f) (b), 100 rows per statement (from 2026-12-04)",
              "g": "(g) INSERT … SELECT from a temporary table",
              "h": "(h) (f), NULL sent as NaN (from the fifth session)"}
    base = None
    seconds = {}
    for case, label in labels.items():
        seconds[case] = measure(case, args.rows)
        base = base or seconds[case]
        print(f"| {label} | {seconds[case]:.2f} s | {args.rows / seconds[case]:,.0f} | {seconds[case] / base:.2f}× |",
              flush=True)
    budget = args.rows / 500_000
    print(f"\n500,000 observations/s: {budget:.2f} s for the whole import of {args.rows:,} (process start, parse, "
          f"check, insert); the insert as the import does it from 0013 on (b) leaves {budget - seconds['b']:.2f} s, "
          f"the bare table {budget - seconds['e']:.2f} s; with 100 rows per statement (f) "
          f"{budget - seconds['f']:.2f} s, and NULL as NaN (h) {budget - seconds['h']:.2f} s.")


if __name__ == "__main__":
    main()
