"""Maps for the council workbook of a scenario (issue 13, point 5): the scenario's regions coloured by what it
plans — no Qt; the drawing is the injected map renderer (``ui/maps/render.export_map``).

Rules:

* **Which values:** a demand scenario — per demand line, the gap (Plätze − Bedarf; negative: Plätze fehlen) of
  each region in the last year of the horizon; an allocation — the amount per recipient region where the
  recipients are regions (``region_key``; several recipients in one region are added up). Other results: none.
* **Which boundaries:** the boundary layer holding most of the scenario's regions (newest first on a tie); no
  layer with one of them: no map. A region without a value on that layer is not drawn (the map shows the
  scenario's area, not the whole layer).
* **Classes:** quantile, 5 classes (fewer where fewer values), palette Blues; the legend says the values with
  sign and unit. Source lines: the boundaries' licence and Stand (the scenario's own sources are on its method
  sheet).
* With disclosure control (``suppress_below``) the caller draws no map: colours could reveal hidden counts.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from sqlalchemy import select

from bildungsplaner.exporting.images import MapImage
from bildungsplaner.i18n import tr
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.geo import GeoLayer

if TYPE_CHECKING:
    from bildungsplaner.services.maps import LayerGeometry, MapData, MapRenderer

__all__ = ["region_values_map", "scenario_maps"]


def _best_layer(ws: Workspace, keys: set[str]) -> LayerGeometry | None:
    from bildungsplaner.services.maps import layer_geometry

    with ws.session() as s:
        names = list(s.scalars(select(GeoLayer.name).order_by(GeoLayer.imported_at.desc(), GeoLayer.id.desc())))
    best, count = None, 0
    for name in names:
        geometry = layer_geometry(ws, layer=name)
        found = sum(1 for key in geometry.keys if key in keys)
        if found > count:
            best, count = geometry, found
    return best


def region_values_map(ws: Workspace, values: Mapping[str, float], *, title: str, unit: str,
                      period: str | None = None, palette: str = "Blues") -> MapData | None:
    """A :class:`~bildungsplaner.services.maps.MapData` of ``values`` (region key → value) on the boundary layer
    holding most of the keys; ``None`` without such a layer."""
    from bildungsplaner.services.maps import ClassOptions, MapData

    geometry = _best_layer(ws, set(values))
    if geometry is None:
        return None
    positions = np.array([i for i, key in enumerate(geometry.keys) if key in values], dtype=np.int64)
    numbers = np.array([values[str(geometry.keys[p])] for p in positions], dtype=float)
    finite = int(np.isfinite(numbers).sum())
    if finite == 0:
        return None
    options = ClassOptions("quantile", max(1, min(5, finite)), None, palette, None)
    classes, colours = options.classify(numbers)
    boundary = geometry.source or tr("Gebietsgrenzen: {layer}", layer=geometry.name)
    if geometry.stand:
        boundary = tr("{source}, Stand der Grenzen {stand}", source=boundary, stand=geometry.stand)
    return MapData(title=title, indicator="", unit=unit, period=period, how={}, geometry=geometry,
                   positions=positions, values=numbers, class_index=classes.class_of(numbers), classes=classes,
                   colours=colours, sources=[boundary], notes=[classes.note] if classes.note else [],
                   periods=[period] if period else [], by_period={period: numbers} if period else {},
                   options=options)


def _draw(data: MapData, renderer: MapRenderer, subtitle: str) -> MapImage:
    with tempfile.TemporaryDirectory(prefix="bildungsplaner-karte-") as tmp:
        target = Path(tmp) / "karte.png"
        renderer(data, target)
        png = target.read_bytes()
    return MapImage(png, tr("Karte: {name}", name=data.title), subtitle, tuple(data.sources))


def _summed(rows: pd.DataFrame, column: str) -> dict[str, float]:
    frame = rows.dropna(subset=["region_key"])
    return {str(k): float(v) for k, v in frame.groupby(frame["region_key"].astype(str))[column].sum(min_count=1)
            .items()}


def scenario_maps(ws: Workspace, result: Any, renderer: MapRenderer) -> list[MapImage]:
    """The maps of ``result`` (see the module's rules), drawn by ``renderer``; an empty list where none fits."""
    rows = getattr(result, "rows", None)
    if not isinstance(rows, pd.DataFrame) or "region_key" not in rows or rows.empty:
        return []
    maps: list[MapImage] = []
    kind = getattr(result, "kind", "")
    if kind == "demand" and {"line", "year", "gap"} <= set(rows.columns):
        for line in dict.fromkeys(rows["line"]):
            of_line = rows[rows["line"] == line]
            year = int(of_line["year"].max())
            values = _summed(of_line[of_line["year"] == year], "gap")
            data = region_values_map(ws, values, title=tr("Platzbilanz {line}", line=str(line)), unit="Plätze",
                                     period=str(year))
            if data is not None:
                maps.append(_draw(data, renderer, tr("Plätze − Bedarf {year} (negativ: es fehlen Plätze)",
                                                     year=str(year))))
    elif kind == "allocation" and "amount" in rows:
        data = region_values_map(ws, _summed(rows, "amount"), title=str(getattr(result, "name", "")),
                                 unit=str(getattr(result, "unit", "")))
        if data is not None:
            maps.append(_draw(data, renderer, tr("Verteilter Betrag je Gebiet")))
    return maps
