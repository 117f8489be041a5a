"""Boundary geometry: repair, the coverage check, and the simplified version for drawing.

Rules:

* Boundaries are areas: a layer with points or lines is refused. Invalid polygons (self-intersecting rings,
  bow-ties) are repaired with :func:`shapely.make_valid`, keeping only the areal parts, and every repair is
  reported with GEOS's reason („Ring Self-intersection[…]“); an area that a repair loses entirely refuses it.
* Coverage: the features inside one parent region (Stadtteile of a city, Gemeinden of a Kreis) are compared with
  the parent's own geometry. A gap or a part outside of more than :data:`COVERAGE_TOLERANCE` of the parent's area
  is reported, as are overlaps between the features (their areas add up to more than their union).
* Drawing version: :func:`shapely.coverage_simplify` (shapely ≥ 2.1 with GEOS ≥ 3.12) simplifies all features of
  a layer together, so a border two regions share is simplified once and stays shared — no slivers or gaps on
  the map. It is not preceded by ``coverage_is_valid`` (half a second for 11,000 Gemeinden): where two neighbours'
  vertices do not match, GEOS simplifies those edges on their own, as the fallback would. A feature whose result
  is invalid or empty, and every feature where ``coverage_simplify`` is not available, falls back to
  ``shapely.simplify(..., preserve_topology=True)`` on its own: its borders may part from its neighbours' by up to
  the tolerance (about a quarter of a pixel of a full-layer map, :func:`drawing_tolerance`), which is not
  visible; the report notes the fallback.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely

__all__ = ["COVERAGE_TOLERANCE", "CoverageProblem", "Repair", "check_coverage", "drawing_tolerance", "repair",
           "simplify_for_drawing"]

#: Share of the parent's area a gap, a part outside or an overlap may have before it is reported (generalised
#: files such as the BKG's VG5000 differ from exact city boundaries by about this much).
COVERAGE_TOLERANCE = 0.02

_AREAL = ("Polygon", "MultiPolygon")


@dataclass
class Repair:
    """One feature whose geometry was repaired: its index, GEOS's reason and the area before and after (m²)."""

    index: int
    reason: str
    area_before: float
    area_after: float


@dataclass
class CoverageProblem:
    """How the features below one parent region fail to cover it (areas in m²)."""

    parent_index: int
    children: list[int]
    gap: float
    outside: float
    overlap: float
    parent_area: float
    kinds: list[str] = field(default_factory=list)

    @property
    def covered(self) -> float:
        return 1.0 - self.gap / self.parent_area if self.parent_area else 0.0


def _areal_part(geometry: shapely.Geometry) -> shapely.Geometry:
    parts = shapely.get_parts(geometry)
    keep = [p for p in parts if p.geom_type in _AREAL and not p.is_empty]
    if not keep:
        return shapely.Polygon()
    return shapely.union_all(keep) if len(keep) > 1 else keep[0]


def non_areal(geometries: np.ndarray) -> list[int]:
    """Indices of features whose geometry is present but not an area (points, lines)."""
    present = ~shapely.is_missing(geometries)
    types = shapely.get_type_id(geometries)
    areal = np.isin(types, (3, 6))  # Polygon, MultiPolygon
    collection = types == 7
    bad = present & ~areal & ~collection
    for i in np.nonzero(collection)[0]:
        if _areal_part(geometries[i]).is_empty:
            bad[i] = True
    return [int(i) for i in np.nonzero(bad)[0]]


def repair(geometries: np.ndarray) -> tuple[np.ndarray, list[Repair]]:
    """Valid areal geometries (a new array) and the list of repairs made."""
    out = geometries.copy()
    present = ~shapely.is_missing(out)
    invalid = present & ~shapely.is_valid(out)
    collections = present & (shapely.get_type_id(out) == 7)
    repairs: list[Repair] = []
    for i in np.nonzero(invalid | collections)[0]:
        before = out[i]
        reason = shapely.is_valid_reason(before) if not shapely.is_valid(before) else "GeometryCollection"
        fixed = _areal_part(shapely.make_valid(before))
        if not invalid[i]:  # a valid collection: only its areal parts, no repair to report
            out[i] = fixed
            continue
        out[i] = fixed
        repairs.append(Repair(int(i), str(reason), float(shapely.area(before)), float(fixed.area)))
    return out, repairs


def check_coverage(parent: shapely.Geometry, children: np.ndarray, parent_index: int = -1,
                   child_indices: list[int] | None = None) -> CoverageProblem | None:
    """A problem when ``children`` do not cover ``parent`` (beyond the tolerance) or overlap; else ``None``."""
    union = shapely.union_all(children)
    parent_area = float(parent.area)
    if parent_area <= 0:
        return None
    gap = float(shapely.difference(parent, union).area)
    outside = float(shapely.difference(union, parent).area)
    overlap = max(0.0, float(shapely.area(children).sum()) - float(union.area))
    kinds = [kind for kind, value in (("gap", gap), ("outside", outside), ("overlap", overlap))
             if value > COVERAGE_TOLERANCE * parent_area]
    if not kinds:
        return None
    indices = child_indices if child_indices is not None else list(range(len(children)))
    return CoverageProblem(parent_index, indices, gap, outside, overlap, parent_area, kinds)


def drawing_tolerance(geometries: np.ndarray) -> float:
    """Simplification tolerance in metres: 1/4000 of the layer's larger extent (a quarter pixel at 1000 px)."""
    present = geometries[~shapely.is_missing(geometries)]
    if not len(present):
        return 0.0
    min_x, min_y, max_x, max_y = shapely.total_bounds(present)
    return max(max_x - min_x, max_y - min_y) / 4000


def simplify_for_drawing(geometries: np.ndarray, tolerance: float) -> tuple[np.ndarray, bool]:
    """(simplified geometries, every border simplified as a shared one); see the module docstring."""
    if tolerance <= 0:
        return geometries.copy(), True
    if hasattr(shapely, "coverage_simplify"):
        try:
            out = np.asarray(shapely.coverage_simplify(geometries, tolerance), dtype=object)
        except shapely.errors.GEOSException:
            out = None
        if out is not None:
            bad = ~shapely.is_valid(out) | shapely.is_empty(out)
            if bad.any():
                out[bad] = shapely.simplify(geometries[bad], tolerance, preserve_topology=True)
            return out, not bool(bad.any())
    return np.asarray(shapely.simplify(geometries, tolerance, preserve_topology=True), dtype=object), False
