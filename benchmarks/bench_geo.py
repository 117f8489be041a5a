#!/usr/bin/env python3
"""Boundary import: the 401 BKG Kreise and a generated layer of 11,000 Gemeinde-like polygons, against a bare read.

    .venv/bin/python benchmarks/bench_geo.py [--polygons 11000] [--runs 3]

Timed: :func:`bildungsplaner.services.geo.import_boundaries` end to end (read, key detection, CRS transformation
and the Germany check, repair check, coverage simplification for drawing, key matching, coverage check, writing
layer and WKB in one transaction) into a workspace whose regions already exist, so that every feature is matched
and stored. Each run replaces the layer of the run before.

* Kreise: ``../shared/real-data/geo/kreise/VG5000_KRS.shp`` (Gauss-Krüger, transformed to EPSG:25832).
* Generated: a Voronoi tessellation of ``--polygons`` random points over most of Germany in EPSG:25832, its
  borders segmentized to ~100 vertices per polygon and polygonized again (a clean coverage, as the BKG's files
  are: neighbours share their vertices), written as a Shapefile with an EPSG:25832 ``.prj`` and 8-digit text keys
  (``AGS``).

Baseline in the same run: the bare read of the same file into shapely geometries (pyshp records and shapes,
``shapely.geometry.shape``) — the least any import must do. Median of ``--runs``; the issue's target for 11,000
polygons is ≤ 3 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, generated_cells, git_revision, machine

sys.path.insert(0, str(REPO))
from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.database import open_workspace
from bildungsplaner.store.models import Region

KREISE = REPO.parent / "shared" / "real-data" / "geo" / "kreise" / "VG5000_KRS.shp"
#: most of Germany in EPSG:25832 (metres): the corners of the full extent would lie outside the lon/lat box


def bare_read(path: Path) -> float:
    import shapefile
    from shapely.geometry import shape

    start = time.perf_counter()
    with shapefile.Reader(str(path)) as reader:
        records = list(reader.iterRecords())
        geometries = [shape(s.__geo_interface__) for s in reader.shapes()]
    assert len(records) == len(geometries)
    return time.perf_counter() - start


def generated_layer(folder: Path, polygons: int) -> tuple[Path, list[str]]:
    import pyproj
    import shapefile

    cells = generated_cells(polygons)
    keys = [f"{5_000_000 + i * 7:08d}" for i in range(len(cells))]
    path = folder / "gemeinden.shp"
    with shapefile.Writer(str(path), shapeType=shapefile.POLYGON, encoding="utf-8") as writer:
        writer.field("AGS", "C", size=8)
        writer.field("GEN", "C", size=60)
        for key, cell in zip(keys, cells, strict=True):
            writer.record(key, f"Gemeinde {key}")
            writer.shape(cell.__geo_interface__)
    path.with_suffix(".prj").write_text(pyproj.CRS.from_epsg(25832).to_wkt("WKT1_ESRI"), encoding="ascii")
    path.with_suffix(".cpg").write_text("UTF-8", encoding="ascii")
    return path, keys


def workspace_with(folder: Path, keys: list[str], level: str) -> Path:
    path = folder / f"{level}.bpws"
    with open_workspace(path) as ws, ws.transaction() as session:
        insert_rows(session, Region.__table__, ["key", "name", "level", "parent_id"],
                    [(key, f"Gebiet {key}", level, None) for key in keys])
    return path


def measure(label: str, file: Path, workspace: Path, runs: int) -> tuple[float, float]:
    imports, reads = [], []
    with open_workspace(workspace) as ws:
        for _ in range(runs):
            reads.append(bare_read(file))
            start = time.perf_counter()
            report = import_boundaries(ws, file)
            imports.append(time.perf_counter() - start)
            assert report.matched == report.features, (report.matched, report.features)
    took, base = statistics.median(imports), statistics.median(reads)
    print(f"{label:<34} {report.features:>7,} Flächen   Import {took:6.3f} s   bloßes Lesen {base:6.3f} s   "
          f"Verhältnis {took / base:5.1f}×   (Zeichenfassung gemeinsam vereinfacht: {report.shared_borders})")
    return took, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polygons", type=int, default=11_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"{machine()}; git {git_revision()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if KREISE.exists():
            import shapefile

            with shapefile.Reader(str(KREISE)) as reader:
                kreis_keys = [rec["ARS"] for rec in reader.iterRecords()]
            measure("401 Kreise (VG5000, Gauss-Krüger)", KREISE, workspace_with(folder, kreis_keys, "kreis"),
                    args.runs)
        else:
            print(f"(real data not available: {KREISE})")
        start = time.perf_counter()
        layer, keys = generated_layer(folder, args.polygons)
        vertices = sum(len(s.points) for s in __import__("shapefile").Reader(str(layer)).shapes())
        print(f"(generated {len(keys):,} polygons with {vertices:,} vertices in {time.perf_counter() - start:.1f} s)")
        took, _ = measure(f"{len(keys):,} generierte Gemeinden", layer, workspace_with(folder, keys, "gemeinde"),
                          args.runs)
        print(f"Ziel ≤ 3 s: {'erreicht' if took <= 3 else 'VERFEHLT'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
