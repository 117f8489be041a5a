"""What a choropleth map shows (issue 13 points 2 and 5): regions with their drawing geometry, one value each,
its class and colour, the legend, title and source lines — everything but the drawing; no Qt.

:func:`map_data` is the one use case behind the window's „Karte“ view and ``bildungsplaner map export``; the
drawing (``ui/maps/render.py``) only turns a :class:`MapData` into paint. Rules:

1. **Regions** are those with a geometry in the boundary layer (``layer``: its name; default the newest layer
   whose level is ``level``, else the newest layer), narrowed to the regions at or below ``within`` and — when
   the layer's own level is another — to ``level``. Each is drawn with the layer's simplified geometry
   (EPSG:25832, metres; north is up).
2. **Values** come from the indicator's current observations by the totals rule of
   :mod:`bildungsplaner.services.aggregate` (:func:`~bildungsplaner.services.aggregate.collapse`): ``where``
   fixes dimensions, the others are taken as „alle“. ``period``: default the latest period that has a value in
   one of the regions. A region without a finite value is „keine Daten“ (listed in ``no_data``).
3. **Classes** by :func:`bildungsplaner.geo.classify.classify` at the indicator's decimals (a Kennzahl's own,
   else the fewest that show every value exactly, at most 2); ``method="index"`` takes a social index's own
   classes (its class bounds from its definition, its class names) and is refused for other indicators; its
   decimals grow (up to 4) until no region lands in another class than in the index table by rounding.
   ``fixed`` applies the classes of another map (comparison across years).
4. **Colours** by :func:`bildungsplaner.geo.palettes.palette` for the number of classes actually found; a
   diverging palette around the class ``midpoint_class`` the user picks (else ColorBrewer's symmetric one).
5. **Source lines**: the imports the values come from (title, table, Stand), their licence lines, and the
   boundary layer's source line and Stand („© GeoBasis-DE / BKG (2021)“), without duplicates.
6. **Geometry is decoded once per layer** (:func:`layer_geometry`, cached by workspace file, layer and import
   time): a change of period, dimension or classes re-reads values only — the window redraws 401 Kreise within
   50 ms. The cache holds the coordinates as flat arrays (``coords``, ring ends, region offsets) that the
   drawing turns into one path per class, and an STRtree for hover and click.
7. **Facilities** (``facilities``: kinds; empty = none): the facilities of those kinds that have coordinates
   (``Facility.x/y``, EPSG:25832) and lie within the extent of the regions drawn, drawn as symbols by kind on top
   of the choropleth; a kind the workspace does not have is refused naming those it has
   (:func:`facility_kinds` lists the kinds with coordinates). They travel with :meth:`MapData.for_period`.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import shapely
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.formatting import decimals_for, format_number, format_period
from bildungsplaner.geo.classify import Classes, classify, round_half_up
from bildungsplaner.geo.palettes import NO_DATA
from bildungsplaner.geo.palettes import palette as make_palette
from bildungsplaner.i18n import tr
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.geo import GeoLayer, RegionGeometry
from bildungsplaner.store.models import Dataset, Facility, Indicator, Observation, Region

__all__ = ["LayerGeometry", "MapData", "MapFacility", "MapRegion", "MapRenderer", "clear_cache", "facility_kinds",
           "layer_geometry", "map_data"]



class MapRenderer(Protocol):
    """``map_renderer(data, out, labels=…)`` draws a map into a PNG, SVG or PDF file (the window's Qt drawing,
    passed in by the entry point like the PDF renderer) and returns what it drew (``{"legend": [...], …}``)."""

    def __call__(self, data: MapData, out: Path, *, labels: bool = False) -> dict[str, Any]: ...


FORMATS = ("png", "svg", "pdf")
MAX_DECIMALS = 2
#: an index map shows up to this many decimals so that no region lands in another class than in the index table
MAX_INDEX_DECIMALS = 4


@dataclass(frozen=True)
class LayerGeometry:
    """The drawing geometry of one layer, decoded once: per region (in ``region_ids`` order) its coordinates
    ``coords[offsets[i]:offsets[i + 1]]`` (rings one after another; ``ring_end`` is True at each ring's last
    point), its representative point and the shapely geometry (for hover via ``tree``)."""

    layer_id: int
    name: str
    level: str | None
    source: str | None
    stand: str | None
    region_ids: np.ndarray
    keys: tuple[str, ...]
    names: tuple[str, ...]
    geometries: np.ndarray
    coords: np.ndarray
    ring_end: np.ndarray
    offsets: np.ndarray
    label_points: np.ndarray
    bounds: tuple[float, float, float, float]
    tree: shapely.STRtree

    def position(self) -> dict[int, int]:
        return {int(r): i for i, r in enumerate(self.region_ids)}


def decode_geometry(layer_id: int, name: str, level: str | None, source: str | None, stand: str | None,
                    rows: Sequence[tuple[int, str, str, bytes]]) -> LayerGeometry:
    """:class:`LayerGeometry` from ``(region_id, key, name, simplified WKB)`` rows (also used by the benchmark)."""
    geometries = shapely.from_wkb([r[3] for r in rows]) if rows else np.array([], dtype=object)
    region_ids = np.array([r[0] for r in rows], dtype=np.int64)
    parts, part_owner = shapely.get_parts(geometries, return_index=True)
    rings, ring_owner = shapely.get_rings(parts, return_index=True)
    coords = shapely.get_coordinates(rings)
    per_ring = shapely.get_num_coordinates(rings)
    ring_end = np.zeros(len(coords), dtype=bool)
    if len(per_ring):
        ring_end[np.cumsum(per_ring) - 1] = True
    owner_of_ring = part_owner[ring_owner]
    per_region = np.bincount(owner_of_ring, weights=per_ring, minlength=len(rows)).astype(np.int64)
    offsets = np.concatenate(([0], np.cumsum(per_region))).astype(np.int64)
    points = shapely.get_coordinates(shapely.point_on_surface(geometries)) if rows else np.zeros((0, 2))
    bounds = tuple(float(b) for b in shapely.total_bounds(geometries)) if rows else (0.0, 0.0, 1.0, 1.0)
    return LayerGeometry(layer_id, name, level, source, stand, region_ids, tuple(r[1] for r in rows),
                         tuple(r[2] for r in rows), geometries, coords, ring_end, offsets, points,
                         bounds, shapely.STRtree(geometries))  # type: ignore[arg-type]


_CACHE: dict[tuple[str, int, str], LayerGeometry] = {}
_CACHE_LOCK = threading.Lock()
_CACHE_SIZE = 4


def clear_cache() -> None:
    with _CACHE_LOCK:
        _CACHE.clear()


def _pick_layer(ws: Workspace, layer: str | None, level: str | None) -> GeoLayer:
    with ws.session() as s:
        layers = s.scalars(select(GeoLayer).order_by(GeoLayer.imported_at.desc(), GeoLayer.id.desc())).all()
        s.expunge_all()
    if not layers:
        raise UserInputError(tr("Der Arbeitsbereich hat noch keine Gebietsgrenzen; bitte zuerst eine Grenzdatei "
                                "importieren (bildungsplaner geo import DATEI)."))
    if layer is not None:
        found = next((x for x in layers if x.name == layer), None)
        if found is None:
            raise UserInputError(tr("Die Grenzebene „{layer}“ gibt es im Arbeitsbereich nicht (vorhanden: "
                                    "{present}).", layer=layer, present=", ".join(x.name for x in layers)))
        return found
    if level is not None:
        found = next((x for x in layers if x.level == level), None)
        if found is None:
            raise UserInputError(tr("Für die Ebene „{level}“ gibt es keine Gebietsgrenzen (vorhanden: {present}).",
                                    level=level, present=", ".join(f"{x.name} ({x.level or '–'})"
                                                                   for x in layers)))
        return found
    return layers[0]


def layer_geometry(ws: Workspace, layer: str | None = None, level: str | None = None) -> LayerGeometry:
    """The decoded drawing geometry of a layer (see rule 6; cached)."""
    chosen = _pick_layer(ws, layer, level)
    key = (str(ws.path), chosen.id, chosen.imported_at.isoformat())
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    with ws.session() as s:
        rows = s.execute(select(RegionGeometry.region_id, Region.key, Region.name, RegionGeometry.simplified)
                         .join(Region, Region.id == RegionGeometry.region_id)
                         .where(RegionGeometry.layer_id == chosen.id).order_by(Region.key)).all()
    decoded = decode_geometry(chosen.id, chosen.name, chosen.level, chosen.source, chosen.stand,
                              [(int(r[0]), str(r[1]), str(r[2]), bytes(r[3])) for r in rows])
    with _CACHE_LOCK:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[key] = decoded
    return decoded


@dataclass(frozen=True)
class MapRegion:
    region_id: int
    key: str
    name: str
    value: float | None
    #: 0 = lowest class, −1 = keine Daten
    class_index: int


@dataclass(frozen=True)
class MapFacility:
    """A facility drawn on the map (coordinates in EPSG:25832)."""

    key: str
    name: str
    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class ClassOptions:
    """How a map forms its classes, kept for :meth:`MapData.for_period`."""

    method: str
    count: int
    breaks: tuple[float, ...] | None
    palette: str
    #: fixed decimals (a Kennzahl's, an index's start), else ``None``: the fewest that show the values exactly
    decimals: int | None
    #: a social index's upper bounds and class names (``method == "index"``)
    index_bounds: tuple[float, ...] = ()
    index_names: tuple[str, ...] = ()
    #: a diverging palette's neutral class (0-based), see :func:`bildungsplaner.geo.palettes.palette`
    midpoint_class: int | None = None

    def classify(self, values: np.ndarray, fixed: Classes | None = None) -> tuple[Classes, tuple[str, ...]]:
        if self.method == "index" and fixed is None:
            decimals = self.decimals if self.decimals is not None else 2
            result = classify(values, "index", breaks=self.index_bounds, names=self.index_names, decimals=decimals)
            while result.note and decimals < MAX_INDEX_DECIMALS:  # a region would leave its class by rounding
                decimals += 1
                result = classify(values, "index", breaks=self.index_bounds, names=self.index_names,
                                  decimals=decimals)
        else:
            finite = values[np.isfinite(values)]
            decimals = self.decimals if self.decimals is not None else (
                decimals_for(finite, maximum=MAX_DECIMALS) if finite.size else 0)
            result = classify(values, self.method, self.count, self.breaks, decimals=decimals, fixed=fixed)
        if not result.count:
            return result, ()
        return result, tuple(make_palette(self.palette, result.count,
                                          diverging_midpoint_class=self.midpoint_class))


@dataclass
class MapData:
    """Everything a map shows except the drawing itself (see the module's rules)."""

    title: str
    indicator: str
    unit: str
    period: str | None
    #: the dimension choices as shown („Altersgruppe: Insgesamt“)
    how: dict[str, str]
    geometry: LayerGeometry
    #: per region of ``geometry`` in the map (positions into its arrays), value and class
    positions: np.ndarray
    values: np.ndarray
    class_index: np.ndarray
    classes: Classes
    colours: tuple[str, ...]
    sources: list[str]
    notes: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    #: every period's values (aligned with ``positions``) and how they are classified: :meth:`for_period`
    by_period: dict[str, np.ndarray] = field(default_factory=dict, repr=False)
    options: ClassOptions | None = field(default=None, repr=False)
    #: notes of the totals rule (``notes`` adds the classification's)
    value_notes: list[str] = field(default_factory=list, repr=False)
    #: the facilities drawn as symbols (rule 7) and the kinds asked for, in the order of their symbols
    facilities: tuple[MapFacility, ...] = ()
    facility_kinds: tuple[str, ...] = ()

    def for_period(self, period: str, *, fixed: Classes | None = None) -> MapData:
        """The same map for another period (or with ``fixed`` classes) without reading the workspace again — the
        window's period change; the classes are formed anew by the same options unless ``fixed`` is given."""
        if period not in self.by_period or self.options is None:
            raise UserInputError(tr("Für „{indicator}“ gibt es den Zeitraum „{period}“ nicht (vorhanden: "
                                    "{present}).", indicator=self.title, period=period,
                                    present=", ".join(format_period(p) for p in self.periods) or "–"))
        values = self.by_period[period]
        result, colours = self.options.classify(values, fixed)
        return replace(self, period=period, values=values, class_index=result.class_of(values), classes=result,
                       colours=colours, notes=self.value_notes + ([result.note] if result.note else []))

    @property
    def decimals(self) -> int:
        return self.classes.decimals

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        if not len(self.positions):
            return self.geometry.bounds
        starts, ends = self.geometry.offsets[self.positions], self.geometry.offsets[self.positions + 1]
        pts = self.geometry.coords[np.concatenate([np.arange(a, b) for a, b in zip(starts, ends, strict=True)])] \
            if len(self.positions) < len(self.geometry.region_ids) else self.geometry.coords
        if not len(pts):
            return self.geometry.bounds
        return (float(pts[:, 0].min()), float(pts[:, 1].min()), float(pts[:, 0].max()), float(pts[:, 1].max()))

    @property
    def subtitle(self) -> str:
        parts = [format_period(self.period)] if self.period else []
        parts += [f"{name}: {value}" for name, value in self.how.items()]
        return " · ".join(parts)

    def colour_of(self, class_index: int) -> str:
        return NO_DATA if class_index < 0 else self.colours[class_index]

    def regions(self) -> list[MapRegion]:
        g = self.geometry
        return [MapRegion(int(g.region_ids[p]), g.keys[p], g.names[p], None if not np.isfinite(v) else float(v),
                          int(c)) for p, v, c in zip(self.positions, self.values, self.class_index, strict=True)]

    def no_data(self) -> list[tuple[str, str]]:
        g = self.geometry
        return [(g.keys[p], g.names[p]) for p, c in zip(self.positions, self.class_index, strict=True) if c < 0]

    def format_value(self, value: float | None) -> str:
        """A value as the map shows it (rounded half up at the map's decimals, decimal comma), with the unit."""
        if value is None or not np.isfinite(value):
            return tr("keine Daten")
        text = format_number(float(round_half_up(value, self.decimals)), self.decimals)
        return f"{text} {self.unit}" if self.unit and self.unit != "Anzahl" else text

    def legend(self) -> list[tuple[str, str, int]]:
        """(text, colour, count) per legend entry, „keine Daten“ last — only when some region has none."""
        entries = [(tr("{label} ({count})", label=label, count=format_number(count)), self.colours[k], count)
                   for k, (label, count) in enumerate(zip(self.classes.labels[:-1], self.classes.counts[:-1],
                                                          strict=True))]
        if self.classes.no_data_count:
            entries.append((tr("{label} ({count})", label=self.classes.labels[-1],
                               count=format_number(self.classes.no_data_count)), NO_DATA,
                            self.classes.no_data_count))
        return entries

    def facility_counts(self) -> dict[str, int]:
        """Facilities drawn per kind (every kind asked for, in symbol order; 0 where none lies in the map)."""
        counts = dict.fromkeys(self.facility_kinds, 0)
        for facility in self.facilities:
            counts[facility.kind] = counts.get(facility.kind, 0) + 1
        return counts

    def region_at(self, x: float, y: float) -> int | None:
        """The position (into ``geometry``) of the drawn region containing the point (EPSG:25832), or None."""
        hits = self.geometry.tree.query(shapely.Point(x, y), predicate="intersects")
        drawn = set(self.positions.tolist())
        found = [int(h) for h in hits if int(h) in drawn]
        return found[0] if found else None

    def to_dict(self) -> dict[str, Any]:
        """For ``map export --json``: the classes with bounds, labels and counts, regions drawn, without data."""
        return {"title": self.title, "indicator": self.indicator, "unit": self.unit, "period": self.period,
                "dimensions": self.how, "layer": self.geometry.name, "classes": self.classes.to_dict(),
                "colours": list(self.colours), "legend": [text for text, _, _ in self.legend()],
                "regions_drawn": len(self.positions),
                "regions": [{"key": r.key, "name": r.name, "value": r.value, "class": r.class_index}
                            for r in self.regions()],
                "regions_without_data": [{"key": k, "name": n} for k, n in self.no_data()],
                "facilities": self.facility_counts(), "sources": self.sources, "notes": self.notes}


def _indicator(ws: Workspace, code: str) -> Indicator:
    with ws.session() as s:
        rows = s.scalars(select(Indicator)).all()
        s.expunge_all()
    found = next((i for i in rows if i.code == code), None) or next(
        (i for i in rows if i.code.casefold() == code.casefold()), None)
    if found is None:
        raise UserInputError(tr("Indikator „{indicator}“ gibt es im Arbeitsbereich nicht (vorhanden: {present}).",
                                indicator=code, present=", ".join(sorted(i.code for i in rows)[:20]) or "–"))
    return found


def _scope(ws: Workspace, geometry: LayerGeometry, level: str | None, within: str | None) -> np.ndarray:
    """Positions of the layer's regions of ``level`` at or below ``within``."""
    from bildungsplaner.services.browse import RegionIndex, list_regions

    index = RegionIndex(list_regions(ws))
    inside: set[int] | None = None
    if within:
        anchor = next((r for r in index.rows if r.key == within), None)
        if anchor is None:
            raise UserInputError(tr("Das Gebiet „{within}“ (within) gibt es im Arbeitsbereich nicht.",
                                    within=within))
        inside = {anchor.id, *index.descendants(anchor.id)}
    keep = [i for i, rid in enumerate(geometry.region_ids.tolist())
            if (inside is None or rid in inside) and (level is None or (rid in index.by_id
                                                                        and index.by_id[rid].level == level))]
    if not keep:
        raise UserInputError(tr("Die Grenzebene „{layer}“ hat keine Gebiete{level}{within}.", layer=geometry.name,
                                level=tr(" der Ebene „{level}“", level=level) if level else "",
                                within=tr(" in {within}", within=within) if within else ""))
    return np.asarray(keep, dtype=np.int64)


def _index_classes(ws: Workspace, code: str) -> tuple[tuple[float, ...], tuple[str, ...], int]:
    """A social index's class bounds (upper bounds, over all its values), class names and decimals."""
    from bildungsplaner.indicators.index import class_breaks, class_labels
    from bildungsplaner.services import indicators as kennzahlen

    entries = {e.code: e for e in kennzahlen.list_indicators(ws)}
    entry = entries.get(code)
    if entry is None or entry.kind != "index":
        raise UserInputError(tr("„{code}“ ist kein Index; die Klassen des Index gibt es nur für einen Sozialindex. "
                                "Bitte ein anderes Verfahren wählen (quantile, equal, jenks, manual).", code=code))
    _kind, spec = kennzahlen._read_definition(kennzahlen.definition_text(ws, code))
    result = kennzahlen.compute(ws, code)
    values = np.array([r.value for r in result.rows if r.value is not None and r.class_no is not None], dtype=float)
    if not values.size:
        raise UserInputError(tr("Der Index {code} hat keine Werte.", code=code))
    decimals = entry.decimals if entry.decimals is not None else 2
    return class_breaks(spec.classes, values), class_labels(spec.classes), decimals


def _sources(ws: Workspace, indicator_id: int, region_ids: Sequence[int], geometry: LayerGeometry) -> list[str]:
    from bildungsplaner.services.aggregate import indicator_sources

    lines = list(indicator_sources(ws, indicator_id, region_ids))
    with ws.engine.connect() as conn:
        ids = conn.scalars(select(Observation.dataset_id).distinct().where(
            Observation.indicator_id == indicator_id, Observation.region_id.in_(list(region_ids)[:500]))).all()
        licences = conn.scalars(select(Dataset.source).where(Dataset.id.in_(ids), Dataset.superseded_by_id.is_(None))
                                .order_by(Dataset.id)).all()
    for text in licences:
        lines += [line.strip() for line in (text or "").splitlines() if line.strip()]
    boundary = geometry.source or tr("Gebietsgrenzen: {layer}", layer=geometry.name)
    if geometry.stand:
        boundary = tr("{source}, Stand der Grenzen {stand}", source=boundary, stand=geometry.stand)
    lines.append(boundary)
    return list(dict.fromkeys(lines))


def map_data(ws: Workspace, indicator: str, *, period: str | None = None, where: Mapping[str, str] | None = None,
             level: str | None = None, within: str | None = None, layer: str | None = None,
             method: str = "quantile", classes: int = 5, breaks: Sequence[float] | None = None,
             palette: str = "Blues", fixed: Classes | None = None, midpoint_class: int | None = None,
             facilities: Sequence[str] = ()) -> MapData:
    """The map of ``indicator`` (a code) — see the module's rules. ``midpoint_class``: with a diverging palette the
    class (0-based) that gets the neutral colour; ``facilities``: kinds of facilities drawn on top (rule 7).
    German :class:`UserInputError` for an unknown indicator, layer, region, dimension, value, period or facility
    kind, and for unusable classes or palette."""
    from bildungsplaner.services import browse
    from bildungsplaner.services.aggregate import collapse, fixed_choices

    found = _indicator(ws, indicator)
    geometry = layer_geometry(ws, layer, level)
    # a layer of that level is taken whole (Berlin's Kreis geometry may belong to the Land region 11)
    positions = _scope(ws, geometry, None if level == geometry.level else level, within)
    region_ids = [int(r) for r in geometry.region_ids[positions]]
    frame = browse.load_observations(ws, found.id, region_ids)
    dims = browse.dimension_columns(frame["dimensions"]) if not frame.empty else {}
    choices = fixed_choices(found.name, found.unit, dims, where)
    collapsed = collapse(frame, dims, choices, unit=found.unit)
    table = collapsed.frame
    periods = sorted({str(p) for p in table["period"]}, key=browse.natural_key)
    with_value = sorted({str(p) for p, v in zip(table["period"], table["value"], strict=True) if np.isfinite(v)},
                        key=browse.natural_key)
    if period is None:
        period = with_value[-1] if with_value else (periods[-1] if periods else None)
    elif period not in periods:
        shown = {format_period(p): p for p in periods}
        if period in shown:
            period = shown[period]
        else:
            raise UserInputError(tr("Für „{indicator}“ gibt es den Zeitraum „{period}“ nicht (vorhanden: "
                                    "{present}).", indicator=found.name, period=period,
                                    present=", ".join(format_period(p) for p in periods) or "–"))
    position_of = {geometry.keys[p]: i for i, p in enumerate(positions)}
    by_period = {p: np.full(len(positions), np.nan) for p in periods}
    for key, when, value in zip(table["region_key"].astype(str), table["period"].astype(str),
                                table["value"].to_numpy(dtype=float), strict=True):
        if key in position_of:
            by_period[when][position_of[key]] = value
    values = by_period[period] if period is not None else np.full(len(positions), np.nan)

    if method == "index":
        bounds, names, start = _index_classes(ws, found.code)
        options = ClassOptions("index", classes, None, palette, start, tuple(bounds), tuple(names),
                               midpoint_class)
    else:
        options = ClassOptions(method, classes, tuple(breaks) if breaks is not None else None, palette,
                               _kennzahl_decimals(ws, found.code), midpoint_class=midpoint_class)
    result, colours = options.classify(values, fixed)
    notes = list(collapsed.notes) + ([result.note] if result.note else [])
    kinds = tuple(dict.fromkeys(k.strip() for k in facilities if k.strip()))
    data = MapData(title=found.name, indicator=found.code, unit=found.unit or "", period=period,
                   how=dict(collapsed.how), geometry=geometry, positions=positions, values=values,
                   class_index=result.class_of(values), classes=result, colours=colours,
                   sources=_sources(ws, found.id, region_ids, geometry), notes=notes, periods=periods,
                   by_period=by_period, options=options, value_notes=list(collapsed.notes))
    if kinds:
        data = replace(data, facilities=_facilities(ws, kinds, data.bounds), facility_kinds=kinds)
    return data


def facility_kinds(ws: Workspace) -> list[tuple[str, int]]:
    """The kinds of facility that have coordinates, with how many facilities of each have them, by kind."""
    from sqlalchemy import func

    with ws.engine.connect() as conn:
        rows = conn.execute(select(Facility.kind, func.count()).where(Facility.x.is_not(None),
                                                                      Facility.y.is_not(None))
                            .group_by(Facility.kind)).all()
    # sorted here by code point, as SQLite compares, not by a server's collation: the same list on both
    return sorted((str(kind), int(count)) for kind, count in rows)


def _facilities(ws: Workspace, kinds: Sequence[str], bounds: tuple[float, float, float, float]
                ) -> tuple[MapFacility, ...]:
    """The facilities of ``kinds`` with coordinates inside ``bounds`` (rule 7), by kind and name."""
    with ws.engine.connect() as conn:
        present = set(conn.scalars(select(Facility.kind).distinct()).all())
        unknown = [k for k in kinds if k not in present]
        if unknown:
            raise UserInputError(tr("Einrichtungen der Art „{kind}“ gibt es im Arbeitsbereich nicht (vorhanden: "
                                    "{present}).", kind=unknown[0], present=", ".join(sorted(present)) or "–"))
        x0, y0, x1, y1 = bounds
        rows = conn.execute(select(Facility.key, Facility.name, Facility.kind, Facility.x, Facility.y)
                            .where(Facility.kind.in_(list(kinds)), Facility.x.is_not(None), Facility.y.is_not(None),
                                   Facility.x.between(x0, x1), Facility.y.between(y0, y1))
                            ).all()
    rows = sorted(rows, key=lambda r: (r.kind, r.name, r.key))  # code point order on both back ends (see above)
    order = {k: i for i, k in enumerate(kinds)}
    found = [MapFacility(str(k), str(n), str(kind), float(x), float(y)) for k, n, kind, x, y in rows
             if x is not None and y is not None]
    return tuple(sorted(found, key=lambda f: order[f.kind]))


def _kennzahl_decimals(ws: Workspace, code: str) -> int | None:
    """A Kennzahl's decimals (1 when its definition names none); ``None`` for an imported indicator."""
    with ws.session() as s:
        kennzahl = s.scalars(select(Dataset).where(Dataset.format == "kennzahl")).all()
        computed = any((d.meta or {}).get("code") == code for d in kennzahl)
    if not computed:
        return None
    from bildungsplaner.services import indicators as kennzahlen

    entry = next((e for e in kennzahlen.list_indicators(ws) if e.code == code), None)
    return entry.decimals if entry is not None and entry.decimals is not None else 1
