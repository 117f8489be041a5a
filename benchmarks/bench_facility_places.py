#!/usr/bin/env python3
"""Where each facility lies: 100,000 facilities placed in 11,000 generated Gemeinde-like polygons.

    .venv/bin/python benchmarks/bench_facility_places.py [--facilities 100000] [--polygons 11000] [--runs 5]
                                                         [--no-service]

The polygons are generated as in ``bench_geo.py`` (Voronoi cells over most of Germany in EPSG:25832, every border
segmentised to ~100 vertices per cell, neighbours sharing their vertices), the facilities are uniform random points
over the same extent plus 1 % outside every cell (the „nicht zugeordnet“ case).

Timed, median of ``--runs`` after one warm-up:

* ``baseline``: the bare ``STRtree.query(points, predicate="within")`` over a tree built before — the least any
  point-in-polygon assignment does;
* ``locate``: :func:`bildungsplaner.geo.points.locate` as the service calls it — the points built, the tree built,
  the query, the smallest area chosen where areas overlap (the issue's target: ≤ 0.5 s);
* ``service`` (unless ``--no-service``): :func:`bildungsplaner.services.facility_places.assign_facilities` end to
  end on a workspace holding the polygons as region geometries and the facilities with coordinates — reading both
  from SQLite, the assignment, the history of every moved facility, the update, the counts per region and kind
  (``EINR_<ART>``), the Kennzahlen refresh and the commit; once with every facility moving (the first assignment)
  and once with none moving (the assignment repeated).

Ratio = locate / baseline (what the service's placement costs beyond the bare query).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import GERMANY_EXTENT, generated_cells, git_revision, machine

from bildungsplaner.geo.points import locate
from bildungsplaner.store.bulk import insert_rows

#: most of Germany in EPSG:25832 (metres), as bench_geo.py
EXTENT = GERMANY_EXTENT


def generated_points(count: int, cells: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(11)
    min_x, min_y, max_x, max_y = EXTENT
    x = rng.uniform(min_x, max_x, count)
    y = rng.uniform(min_y, max_y, count)
    outside = rng.random(count) < 0.01  # 1 % a little beyond the extent: in no cell
    x[outside] = max_x + rng.uniform(100, 5_000, int(outside.sum()))
    return x, y


def timed(fn: Callable[[], object], runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def service(folder: Path, cells: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, float, dict]:
    from bildungsplaner.services.facility_places import assign_facilities
    from bildungsplaner.store.database import open_workspace
    from bildungsplaner.store.geo import GeoLayer, RegionGeometry
    from bildungsplaner.store.models import Facility, Region

    path = folder / "orte.bpws"
    kinds = ("Grundschule", "Kita", "Gymnasium", "Bibliothek")
    with open_workspace(path) as ws:
        with ws.transaction() as s:
            keys = [f"{5_000_000 + i * 7:08d}" for i in range(len(cells))]
            insert_rows(s, Region.__table__, ["key", "name", "level", "parent_id"],
                        [(k, f"Gemeinde {k}", "gemeinde", None) for k in keys])
            ids = {k: i for k, i in s.execute(Region.__table__.select().with_only_columns(Region.key, Region.id))}
            layer = GeoLayer(name="gemeinden", level="gemeinde", source_file="generiert", source_crs="EPSG:25832",
                             feature_count=len(cells), imported_by="bench")
            s.add(layer)
            s.flush()
            wkb = shapely.to_wkb(cells)
            boxes = shapely.bounds(cells)
            insert_rows(s, RegionGeometry.__table__,
                        ["layer_id", "region_id", "feature_key", "feature_name", "geometry", "simplified", "min_x",
                         "min_y", "max_x", "max_y"],
                        [(layer.id, ids[k], k, k, wkb[i], wkb[i], *map(float, boxes[i])) for i, k in enumerate(keys)])
            insert_rows(s, Facility.__table__, ["key", "name", "kind", "phase", "address", "attributes", "offering",
                                                "x", "y"],
                        [(str(i), f"Einrichtung {i}", kinds[i % 4], "Schule", "", "{}", "analog", float(x[i]),
                          float(y[i])) for i in range(len(x))])
        start = time.perf_counter()
        first = assign_facilities(ws, "gemeinde")
        moving = time.perf_counter() - start
        start = time.perf_counter()
        again = assign_facilities(ws, "gemeinde")
        still = time.perf_counter() - start
    assert again.moved == 0 and again.unchanged == first.moved
    return moving, still, first.to_dict()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=100_000)
    parser.add_argument("--polygons", type=int, default=11_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-service", action="store_true")
    args = parser.parse_args()
    print(f"{machine()}; git {git_revision()}")
    start = time.perf_counter()
    cells = generated_cells(args.polygons)
    vertices = int(shapely.get_num_coordinates(cells).sum())
    x, y = generated_points(args.facilities, cells)
    print(f"(generated {len(cells):,} polygons with {vertices:,} vertices and {len(x):,} points in "
          f"{time.perf_counter() - start:.1f} s)")

    tree = shapely.STRtree(cells)
    points = shapely.points(x, y)
    base = timed(lambda: tree.query(points, predicate="within"), args.runs)
    took = timed(lambda: locate(x, y, cells), args.runs)
    found = locate(x, y, cells)
    # the check: every point the bare query places gets the same cell (cells do not overlap)
    pi, ai = tree.query(points, predicate="within")
    reference = np.full(len(x), -1)
    reference[pi] = ai
    assert np.array_equal(found, reference)
    placed = int((found >= 0).sum())
    print(f"baseline  STRtree.query(within), Baum vorhanden   {base:6.3f} s")
    print(f"locate    Punkte + Baum + Abfrage + Auswahl        {took:6.3f} s   Verhältnis {took / base:4.2f}×   "
          f"({placed:,} zugeordnet, {len(x) - placed:,} in keinem Gebiet)")
    print(f"Ziel ≤ 0,5 s für {len(x):,} Einrichtungen in {len(cells):,} Flächen: "
          f"{'erreicht' if took <= 0.5 else 'VERFEHLT'}")
    if not args.no_service:
        with tempfile.TemporaryDirectory() as tmp:
            moving, still, report = service(Path(tmp), cells, x, y)
        print(f"service   assign_facilities, alle verschoben       {moving:6.3f} s   ({report['moved']:,} verschoben, "
              f"{len(report['not_assigned']):,} nicht zugeordnet, {len(report['indicators'])} Kennzahlen)")
        print(f"service   assign_facilities, wiederholt            {still:6.3f} s   (0 verschoben)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
