"""Boundary import on the real files: BKG Kreise (Shapefile in Gauss-Krüger, GeoJSON in lon/lat), Köln's 86
Stadtteile with their odd .prj, key matching against regions a real GENESIS table created, coverage, dry run,
replacing a layer, Cancel."""

from __future__ import annotations

from pathlib import Path

import pyproj
import pytest
import shapely
from geo_files import koeln_in_utm32, write_geojson
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner.progress import Cancelled, RecordingProgress
from bildungsplaner.services.geo import import_boundaries, list_layers
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import create_workspace, open_workspace
from bildungsplaner.store.geo import GeoLayer, RegionGeometry
from bildungsplaner.store.models import AuditEntry, Region

KREISE_SHP = "geo/kreise/VG5000_KRS.shp"
KREISE_JSON = "geo/kreise/Ebene_Kreise.geojson"
KOELN_SHP = "geo/koeln/Stadtteil.shp"
#: Köln's extent (lon/lat) with a little margin: 6.77–7.17°E, 50.83–51.09°N
KOELN_LONLAT = (6.7, 50.8, 7.2, 51.1)


def _geometries(ws, layer: str) -> dict[str, shapely.Geometry]:
    with ws.session() as s:
        rows = s.execute(select(Region.key, RegionGeometry.geometry).join(RegionGeometry.__table__,
                                                                          Region.id == RegionGeometry.region_id)
                         .join(GeoLayer, GeoLayer.id == RegionGeometry.layer_id).where(GeoLayer.name == layer)).all()
    return {key: shapely.from_wkb(blob) for key, blob in rows}


def _counts(ws) -> tuple[int, int, int, int]:
    with ws.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(table))  # type: ignore[return-value]
                     for table in (Region, GeoLayer, RegionGeometry, AuditEntry))


@pytest.fixture(scope="module")
def kreise_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace whose Kreise come from a real GENESIS table (territorial state 2015 and older)."""
    path = tmp_path_factory.mktemp("kreise") / "kreise.bpws"
    with open_workspace(path) as ws:
        import_file(ws, real_file("genesis_12411-04-02-4_00.csv"))
    return path


def test_kreise_from_shapefile_and_geojson_match_genesis_regions_and_have_the_same_areas(
        kreise_workspace: Path, tmp_path: Path) -> None:
    target = tmp_path / "k.bpws"
    target.write_bytes(kreise_workspace.read_bytes())
    with open_workspace(target) as ws:
        shp = import_boundaries(ws, real_file(KREISE_SHP))
        geojson = import_boundaries(ws, real_file(KREISE_JSON))
        for report in (shp, geojson):
            assert report.features == 401 and report.level == "kreis" and report.key_field == "ARS"
            # all 401 BKG Kreise (2021) find a region: 399 by key, Berlin 11000 and Hamburg 02000 as their Land
            # (GENESIS keys the city states 11 and 02)
            assert report.matched == 401 and report.unmatched == [] and report.created == 0
            assert report.matched_by == {"key": 399, "land": 2}
            missing = dict(report.regions_without_geometry)
            # territorial state: Göttingen 03152 and Osterode am Harz 03156 merged into 03159 in 2016, Kreis Aachen
            # 05354 into the Städteregion 05334 in 2009; the GENESIS table still lists them, the BKG 2021 does not
            assert {"03152", "03156", "05354"} <= set(missing)
            assert "Göttingen" in missing["03152"] and "Osterode" in missing["03156"]
            assert "03159" not in missing and "05334" not in missing
            assert report.stand == "01.01.2021" and report.source == "© GeoBasis-DE / BKG (2021)"
        assert "Gauss-Kruger zone 3" in shp.crs and "prj" in shp.crs_how
        assert "CRS84" in geojson.crs and not geojson.crs_inferred
        by_shp, by_json = _geometries(ws, "VG5000_KRS"), _geometries(ws, "Ebene_Kreise")
    assert set(by_shp) == set(by_json) and len(by_shp) == 401
    for key, a in by_shp.items():
        b = by_json[key]
        # same boundaries within a few metres (DHDN → ETRS89 without the BETA2007 grid: ~1-3 m)
        assert shapely.hausdorff_distance(a, b) < 5, key
        assert abs(a.area - b.area) < 5 * a.length, key
    assert 3.5e11 < sum(g.area for g in by_shp.values()) < 3.62e11  # Germany: 357,000 km²
    köln = by_shp["05315"]
    assert 4.0e8 < köln.area < 4.1e8  # 405 km²
    assert shp.shared_borders and shapely.coverage_is_valid(list(by_shp.values()))


def test_the_drawing_version_keeps_shared_borders_shared(kreise_workspace: Path, tmp_path: Path) -> None:
    target = tmp_path / "k.bpws"
    target.write_bytes(kreise_workspace.read_bytes())
    with open_workspace(target) as ws:
        report = import_boundaries(ws, real_file(KREISE_SHP))
        with ws.session() as s:
            full, drawn = zip(*s.execute(select(RegionGeometry.geometry, RegionGeometry.simplified)).all(),
                              strict=True)
    full_g, drawn_g = shapely.from_wkb(list(full)), shapely.from_wkb(list(drawn))
    assert report.shared_borders
    assert shapely.get_num_coordinates(drawn_g).sum() < shapely.get_num_coordinates(full_g).sum()
    assert shapely.is_valid(drawn_g).all()
    # simplified together: no gaps or overlaps between neighbours, and the same 357,000 km² as the full version
    assert shapely.coverage_is_valid(drawn_g)
    assert abs(shapely.area(drawn_g).sum() - shapely.area(full_g).sum()) < 1e-3 * shapely.area(full_g).sum()


def test_koeln_stadtteile_land_in_koeln_and_are_created_below_it(tmp_path: Path) -> None:
    path = create_workspace(tmp_path / "koeln.bpws", region="05315000")
    with open_workspace(path) as ws:
        report = import_boundaries(ws, real_file(KOELN_SHP), create_under="05315000", level="stadtteil")
        assert report.features == 86 and report.created == 86 and report.matched == 0 and report.unmatched == []
        assert report.key_field == "STT_NR" and report.name_field == "STT_NAME"
        # the .prj says UTM 32N with a false easting of 2,500,000: parsed from the WKT, not as EPSG:32632
        assert report.crs == "WGS 84 / UTM zone 32N" and "prj" in report.crs_how
        # the invalid ring of Marienburg is repaired and reported
        assert [(r["key"], r["name"]) for r in report.repaired] == [("202", "Marienburg")]
        assert "Self-intersection" in report.repaired[0]["reason"]
        with ws.session() as s:
            köln = s.scalar(select(Region).where(Region.key == "05315000"))
            children = s.scalars(select(Region).where(Region.parent_id == köln.id)).all()
            box = s.execute(select(func.min(RegionGeometry.min_x), func.min(RegionGeometry.min_y),
                                   func.max(RegionGeometry.max_x), func.max(RegionGeometry.max_y))).one()
        assert len(children) == 86 and {c.level for c in children} == {"stadtteil"}
        names = {c.key: c.name for c in children}
        assert names["05315000-202"] == "Marienburg" and names["05315000-905"] == "Dellbrück"  # cp1252 .dbf
        geoms = _geometries(ws, "Stadtteil")
        assert all(g.is_valid for g in geoms.values())
    to_lonlat = pyproj.Transformer.from_crs(25832, 4326, always_xy=True)
    (west, east), (south, north) = to_lonlat.transform([box[0], box[2]], [box[1], box[3]])
    assert KOELN_LONLAT[0] < west < east < KOELN_LONLAT[2]  # not at 33.9°E
    assert KOELN_LONLAT[1] < south < north < KOELN_LONLAT[3]
    assert 4.0e8 < sum(g.area for g in geoms.values()) < 4.1e8  # 405 km²


def test_coverage_of_the_parent_is_checked(kreise_workspace: Path, tmp_path: Path) -> None:
    """Stadtteile below Köln are compared with Köln's boundary from the Kreise layer (kreisfreie Stadt 05315000 has
    the area of Kreis 05315); a missing Stadtteil is reported as a gap."""
    target = tmp_path / "k.bpws"
    target.write_bytes(kreise_workspace.read_bytes())
    features = koeln_in_utm32(real_file(KOELN_SHP))
    with open_workspace(target) as ws:
        import_boundaries(ws, real_file(KREISE_SHP))
        with ws.transaction() as s:
            kreis = s.scalar(select(Region).where(Region.key == "05315"))
            s.add(Region(key="05315000", name="Köln, Stadt", level="gemeinde", parent_id=kreis.id))
        full = import_boundaries(ws, write_geojson(tmp_path / "alle.geojson", features), create_under="05315000",
                                 level="stadtteil", dry_run=True)
        assert full.coverage == []  # the generalised VG5000 boundary and the city's exact one agree within 2 %
        assert full.crs == "ETRS89 / UTM zone 32N" and "GeoJSON" in full.crs_how  # the legacy crs member
        largest = max(range(len(features)), key=lambda i: features[i][1].area)
        partial = import_boundaries(ws, write_geojson(tmp_path / "teil.geojson", features[:largest] +
                                                      features[largest + 1:]),
                                    create_under="05315000", level="stadtteil", dry_run=True)
    (problem,) = partial.coverage
    assert problem["parent"] == "05315000" and "gap" in problem["kinds"]
    assert problem["covered"] < 0.95
    assert "abgedeckt" in partial.summary()


def test_dry_run_changes_nothing_and_a_second_import_replaces_the_layer(tmp_path: Path) -> None:
    path = create_workspace(tmp_path / "koeln.bpws", region="05315000")
    with open_workspace(path) as ws:
        before = _counts(ws)
        preview = import_boundaries(ws, real_file(KOELN_SHP), create_under="05315000", level="stadtteil",
                                    dry_run=True)
        assert preview.created == 86 and preview.dry_run and "Probelauf" in preview.summary()
        assert _counts(ws) == before
        import_boundaries(ws, real_file(KOELN_SHP), create_under="05315000", level="stadtteil")
        again = import_boundaries(ws, real_file(KOELN_SHP), create_under="05315000", level="stadtteil")
        assert again.created == 0 and again.matched == 86 and again.matched_by == {"local": 86}
        assert again.replaced
        regions, layers, geometries, _audit = _counts(ws)
        assert (regions, layers, geometries) == (before[0] + 86, 1, 86)
        (layer,) = list_layers(ws)
        assert layer.name == "Stadtteil" and layer.features == 86 and layer.level == "stadtteil"


def test_cancel_leaves_nothing_behind(tmp_path: Path) -> None:
    path = create_workspace(tmp_path / "koeln.bpws", region="05315000")
    with open_workspace(path) as ws:
        before = _counts(ws)
        progress = RecordingProgress(cancel_after=5)  # cancelled while saving, after the regions were created
        with pytest.raises(Cancelled):
            import_boundaries(ws, real_file(KOELN_SHP), create_under="05315000", level="stadtteil",
                              progress=progress)
        assert any("Speichern" in message for _, message in progress.reports)
        assert _counts(ws) == before
