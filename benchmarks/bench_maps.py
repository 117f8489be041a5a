#!/usr/bin/env python3
"""Choropleth drawing: 11,000 generated polygons, and the 401 BKG Kreise redrawn on a period change.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_maps.py [--polygons 11000] [--runs 5]

Timed (median of ``--runs``), with :func:`bildungsplaner.ui.maps.render.render_map` into a window-sized image
(1600 × 1000 pixels at 96 dpi, as the map view draws):

* **11,000 polygons**: a Voronoi tessellation over most of Germany in EPSG:25832, borders segmentized to ~100
  vertices per polygon (more than the simplified drawing geometry of real Gemeinden has), five quantile classes
  — the whole sheet: one path per class, legend, scale bar, sources. Target ≤ 0.5 s. Baseline in the same run:
  the same picture with one ``QPainterPath`` per polygon (what one item per polygon costs in QPainter alone).
* **401 Kreise, period change**: ``../shared/real-data/geo/kreise/VG5000_KRS.shp`` (transformed and simplified for
  drawing as the import does), 15 periods of values; a period change is ``MapData.for_period`` (classes and
  colours anew from the values already read, the geometry decoded once) and the drawing. Target ≤ 50 ms.
  Baseline in the same run: the same redraw decoding the layer's WKB again each time (no cache).
* Also printed: the 300 dpi export sheet of the 11,000 polygons (``render_image``, not written).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, generated_cells, git_revision, machine

sys.path.insert(0, str(REPO))

KREISE = REPO.parent / "shared" / "real-data" / "geo" / "kreise" / "VG5000_KRS.shp"
GENESIS = REPO.parent / "shared" / "real-data" / "genesis_12411-04-02-4_00.csv"
WIDTH, HEIGHT = 1600, 1000


def kreise_cells() -> np.ndarray:
    from bildungsplaner.geo import crs as geo_crs
    from bildungsplaner.geo import geometry as geo_geometry
    from bildungsplaner.geo.readers import read_boundaries

    data = read_boundaries(KREISE)
    source = geo_crs.resolve_crs(data.crs_text, data.crs_origin, KREISE.name,
                                 tuple(shapely.total_bounds(data.geometries)))
    geometries, _ = geo_geometry.repair(geo_crs.to_target(data.geometries, source))
    simplified, _ = geo_geometry.simplify_for_drawing(geometries, geo_geometry.drawing_tolerance(geometries))
    return simplified


def rows_of(cells: np.ndarray) -> list[tuple[int, str, str, bytes]]:
    wkb = shapely.to_wkb(cells)
    return [(i + 1, f"{i:08d}", f"Gebiet {i}", wkb[i]) for i in range(len(cells))]


def map_of(geometry, values: np.ndarray, period: str, by_period: dict[str, np.ndarray] | None = None):
    from bildungsplaner.services.maps import ClassOptions, MapData

    options = ClassOptions("quantile", 5, None, "Blues", 1)
    classes, colours = options.classify(values)
    return MapData(title="Benchmark", indicator="BENCH", unit="%", period=period, how={}, geometry=geometry,
                   positions=np.arange(len(values)), values=values, class_index=classes.class_of(values),
                   classes=classes, colours=colours, sources=["© GeoBasis-DE / BKG (2021)"],
                   periods=sorted(by_period or {}), by_period=by_period or {}, options=options)


def draw(data, *, per_polygon: bool = False) -> float:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen

    from bildungsplaner.ui.maps.render import region_path, render_map

    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    start = time.perf_counter()
    layout = render_map(painter, data, QRectF(0, 0, WIDTH, HEIGHT))
    if per_polygon:  # the baseline: the same map once more, one path per polygon
        painter.setPen(QPen(QColor("#ffffff"), 1.0))
        for position, cls in zip(data.positions, data.class_index, strict=True):
            painter.setBrush(QBrush(QColor(data.colour_of(int(cls)))))
            painter.drawPath(region_path(data, layout, int(position)))
    elapsed = time.perf_counter() - start
    painter.end()
    return elapsed


def median(fn, runs: int) -> float:
    return statistics.median(fn() for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polygons", type=int, default=11_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from bildungsplaner.services.maps import decode_geometry
    from bildungsplaner.ui.maps.render import render_image

    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive)
    print(f"# bench_maps — {machine()} — {git_revision()}")
    rng = np.random.default_rng(1)

    cells = generated_cells(args.polygons)
    rows = rows_of(cells)
    vertices = int(shapely.get_num_coordinates(cells).sum())
    start = time.perf_counter()
    geometry = decode_geometry(1, "generated", "gemeinde", None, None, rows)
    decode = time.perf_counter() - start
    data = map_of(geometry, rng.gamma(4.0, 1.5, len(cells)), "2024")
    ours = median(lambda: draw(data), args.runs)
    both = median(lambda: draw(data, per_polygon=True), max(1, args.runs // 2))
    baseline = both - ours  # the extra pass with one path per polygon
    print(f"{len(cells):,} generated polygons ({vertices:,} vertices), decoded once in {decode * 1000:.0f} ms")
    print(f"  draw, one path per class:   {ours * 1000:7.1f} ms   (target ≤ 500 ms)")
    print(f"  baseline, one path per polygon: {baseline * 1000:7.1f} ms   ratio {baseline / ours:.1f}×")
    start = time.perf_counter()
    image, _ = render_image(data, dpi=300)
    print(f"  300 dpi export sheet ({image.width()} × {image.height()}): {(time.perf_counter() - start) * 1000:.0f} ms")

    if not KREISE.exists():
        print(f"(no real Kreise at {KREISE}: skipped)")
        return 0
    kreise = kreise_cells()
    krows = rows_of(kreise)
    kgeometry = decode_geometry(2, "VG5000_KRS", "kreis", None, None, krows)
    by_period = {str(2010 + i): rng.gamma(4.0, 1.5, len(kreise)) for i in range(15)}
    shown = map_of(kgeometry, by_period["2010"], "2010", by_period)

    def period_change(cached: bool) -> float:
        period = str(2010 + int(rng.integers(15)))
        start = time.perf_counter()
        if cached:  # what the window does: MapData.for_period, geometry and values already read
            data = shown.for_period(period)
        else:
            geo = decode_geometry(2, "VG5000_KRS", "kreis", None, None, krows)
            data = map_of(geo, by_period[period], period, by_period)
        setup = time.perf_counter() - start
        return setup + draw(data)

    cached = median(lambda: period_change(True), args.runs * 2)
    uncached = median(lambda: period_change(False), args.runs * 2)
    kvertices = int(shapely.get_num_coordinates(kreise).sum())
    print(f"401 Kreise ({kvertices:,} vertices in the drawing geometry), period change = classify + colours + draw:")
    print(f"  MapData.for_period + draw:  {cached * 1000:7.1f} ms   (target ≤ 50 ms)")
    print(f"  baseline, geometry decoded each time: {uncached * 1000:7.1f} ms   ratio {uncached / cached:.2f}×")
    if GENESIS.exists():
        print(f"  baseline, map_data re-reading the workspace (population 12411-04-02-4, all dimensions) + draw: "
              f"{from_workspace(args.runs) * 1000:7.1f} ms")
    return 0


def from_workspace(runs: int) -> float:
    """``map_data`` of the real population per Kreis read from a workspace each time, and the drawing."""
    import tempfile

    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.services.maps import map_data
    from bildungsplaner.services.workspace import open_workspace

    with tempfile.TemporaryDirectory() as folder, open_workspace(Path(folder) / "k.bpws") as ws:
        import_file(ws, GENESIS)
        import_boundaries(ws, KREISE)
        map_data(ws, "BEVOELKERUNGSSTAND")  # geometry decoded and cached

        def once() -> float:
            start = time.perf_counter()
            data = map_data(ws, "BEVOELKERUNGSSTAND")
            return time.perf_counter() - start + draw(data)

        return median(once, runs)


if __name__ == "__main__":
    sys.exit(main())
