#!/usr/bin/env python3
"""The same import on both back ends: a SQLite workspace file and a workspace on PostgreSQL (issue 15).

    source scripts/pg_test_cluster.sh start          # or set BILDUNGSPLANER_TEST_PG_URL to a server of your own
    .venv/bin/python benchmarks/import_backends.py [--rows 1000000]
    source scripts/pg_test_cluster.sh stop

The population table of ``import_1m.py`` (csv, ``--rows`` observations, generated once into ``benchmarks/out/``)
is imported with its template into a new workspace on each back end, each in a fresh Python process; timed is
the ``import_file`` call alone (the read, region matching and the insert, committed), then browsing: all those
observations read by ``load_observations`` (the Daten tab's query and DataFrame; best of 3). Printed: seconds and
observations per second on each back end and the ratios PostgreSQL / SQLite (target of issue 15: import ≤ 2).

Note: the test cluster runs with ``fsync=off``; on a real server with fsync on, commit costs a little more.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, POPULATION_TEMPLATE, REPO, git_revision, machine
from import_1m import write_csv

#: The checkout whose ``bildungsplaner`` runs the stages (``--code``: an older revision, for before/after).
CODE = REPO

STAGE = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from bildungsplaner.importing.template import ImportTemplate
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace
    location, path, template = sys.argv[1:4]
    from bildungsplaner.services.browse import list_indicators, list_regions, load_observations
    with open_workspace(location) as ws:
        started = time.perf_counter()
        rows = import_file(ws, Path(path), template=ImportTemplate.load(Path(template))).observations
        seconds = time.perf_counter() - started
        indicator = next(i.id for i in list_indicators(ws) if i.code == "BEV_ALTER")
        regions = [r.id for r in list_regions(ws)]
        browse = []
        for _ in range(3):
            started = time.perf_counter()
            shown = len(load_observations(ws, indicator, regions))
            browse.append(time.perf_counter() - started)
    print(json.dumps({"seconds": seconds, "rows": rows, "browse": min(browse), "shown": shown}))
""")


def stage(location: str, path: Path, template: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", STAGE, location, str(path), str(template)], cwd=CODE,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def drop_schema(url: str, schema: str) -> None:
    import psycopg

    from bildungsplaner.store.postgres import parse_address

    with psycopg.connect(**parse_address(url).conninfo_params(), autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--code", type=Path, default=REPO,
                        help="run the bildungsplaner of this checkout (an older revision, for before/after)")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve()
    base = os.environ.get("BILDUNGSPLANER_TEST_PG_URL")
    if not base:
        sys.exit("BILDUNGSPLANER_TEST_PG_URL fehlt: source scripts/pg_test_cluster.sh start")
    OUT.mkdir(exist_ok=True)
    csv = OUT / f"population_{args.rows}.csv"
    if not csv.exists():
        write_csv(csv, args.rows)
    template = OUT / "population_template.toml"
    template.write_text(POPULATION_TEMPLATE, encoding="utf-8")

    print(f"{machine()} · {git_revision() if CODE == REPO else CODE} · {args.rows:,} observations (csv)")
    with tempfile.TemporaryDirectory() as folder:
        sqlite = stage(str(Path(folder) / "bench.bpws"), csv, template)
    name = f"bench_{uuid.uuid4().hex[:8]}"
    url = f"{base}{'&' if '?' in base else '?'}workspace={name}"
    try:
        server = stage(url, csv, template)
    finally:
        drop_schema(url, f"bp_{name}")
    for label, result in (("SQLite", sqlite), ("PostgreSQL", server)):
        print(f"{label:<11} {result['seconds']:7.2f} s  {result['rows'] / result['seconds']:>10,.0f} obs/s")
    ratio = server["seconds"] / sqlite["seconds"]
    print(f"ratio PostgreSQL / SQLite: {ratio:.2f} (target ≤ 2)")
    for label, result in (("SQLite", sqlite), ("PostgreSQL", server)):
        print(f"browse {label:<11} {result['browse']:7.2f} s  ({result['shown']:,} observations)")
    print(f"browse ratio PostgreSQL / SQLite: {server['browse'] / sqlite['browse']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
