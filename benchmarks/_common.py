"""Shared helpers for the benchmark scripts (run them from the repository root with the project's venv)."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return f"{system}, {cpu}, {os.cpu_count()} cores{mem}, Python {platform.python_version()}"


def git_revision() -> str:
    try:
        return subprocess.check_output(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, text=True).strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def compile_bytecode(code: Path = REPO) -> None:
    """Write the bytecode of ``code``'s ``bildungsplaner`` package before processes are timed.

    A user's program runs from bytecode: the frozen build carries it, and ``python -m bildungsplaner`` writes
    it on its first start. Where ``PYTHONDONTWRITEBYTECODE`` is set (the test command sets it; so did the shells
    these benchmarks ran in until 2026-12-04) every timed process would compile the package's 60 modules
    first: +80 ms on the start-up, +0.2 s on ``new`` plus ``import``, measured by nothing a user pays."""
    import compileall

    compileall.compile_dir(code / "bildungsplaner", quiet=1)


def reusable(path: Path) -> bool:
    """Whether the workspace ``path`` built by an earlier run can be used again: it exists and has the schema of
    this checkout's migrations. A file of an older schema is removed (with its journal), so it is built anew — a
    benchmark window would otherwise fail on a missing column (``no such column: scenario.version``)."""
    if not path.exists():
        return False
    from bildungsplaner.store.database import head_revision, stored_revision

    if stored_revision(path)[0] == head_revision():
        return True
    for stale in path.parent.glob(f"{path.name}*"):
        stale.unlink()
    return False


def big_workspace(path: Path, observations: int = 1_000_000) -> Path:
    """The demo workspace plus one indicator with ``observations`` synthetic rows (reused if it is
    :func:`reusable`)."""
    from bildungsplaner.services.workspace import create_demo_workspace

    if reusable(path):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    create_demo_workspace(path)
    conn = sqlite3.connect(path)
    small_levels = "SELECT id FROM region WHERE level IN ('gemeinde', 'sozialraum', 'stadtteil')"
    region_ids = [r[0] for r in conn.execute(small_levels)]
    dataset = conn.execute("SELECT min(id) FROM dataset").fetchone()[0]
    conn.execute("INSERT INTO indicator (code, name, unit, description, phase) VALUES "
                 "('BENCH_1M', 'Benchmark: 1.000.000 Beobachtungen', 'Personen', '', 'Bevölkerung/Kontext')")
    indicator = conn.execute("SELECT id FROM indicator WHERE code = 'BENCH_1M'").fetchone()[0]
    per_region = -(-observations // len(region_ids))

    def rows():
        n = 0
        for rid in region_ids:
            for i in range(per_region):
                if n == observations:
                    return
                year, rest = 2000 + i % 25, i // 25
                yield (dataset, indicator, rid, f"{year}-12-31", f"Alter={rest % 100}|Merkmal={rest // 100}",
                       float((i * 7919) % 5000), None)
                n += 1

    with conn:
        conn.executemany("INSERT INTO observation (dataset_id, indicator_id, region_id, period, dimensions, "
                         "value, flag) VALUES (?, ?, ?, ?, ?, ?, ?)", rows())
    conn.close()
    return path


def timed(fn, repeat: int = 3) -> float:
    """Best of ``repeat`` wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


#: most of Germany in EPSG:25832 (metres): where the generated Gemeinden of the geo benchmarks lie
GERMANY_EXTENT = (300_000.0, 5_250_000.0, 900_000.0, 6_050_000.0)


def generated_cells(polygons: int, extent: tuple[float, float, float, float] = GERMANY_EXTENT):
    """About ``polygons`` Voronoi cells covering ``extent`` like Gemeinden (~100 vertices each; neighbours share
    their border vertices exactly, as in a real layer), as a numpy array of shapely polygons."""
    import numpy as np
    import shapely

    rng = np.random.default_rng(7)
    min_x, min_y, max_x, max_y = extent
    points = shapely.multipoints(np.column_stack([rng.uniform(min_x, max_x, polygons),
                                                  rng.uniform(min_y, max_y, polygons)]))
    cells = shapely.get_parts(shapely.voronoi_polygons(points, extend_to=shapely.box(*extent)))
    cells = shapely.intersection(cells, shapely.box(*extent))
    perimeter = float(np.median(shapely.length(cells)))
    # every border once (noded), ~100 vertices per cell, polygons again: neighbours share their vertices exactly
    borders = shapely.segmentize(shapely.union_all(shapely.boundary(cells)), perimeter / 100)
    return np.asarray(shapely.get_parts(shapely.polygonize(shapely.get_parts(borders))))


#: The import template of the population csv the import benchmarks write (``AGS;Gemeinde;Jahr;Alter;Geschlecht;
#: Einwohner``): the flat path that ``import_1m.py`` measures and ``bench_genesis_import.py`` compares against.
POPULATION_TEMPLATE = """\
format = 1
name = "Bevölkerung nach Alter und Geschlecht"
target = "observations"
[regions]
key = "AGS"
name = "Gemeinde"
create_unmatched = true
[observations]
period = "Jahr"
dimensions = ["Alter", "Geschlecht"]
[[observations.measures]]
column = "Einwohner"
indicator = "BEV_ALTER"
name = "Bevölkerung nach Altersjahren"
unit = "Personen"
"""
