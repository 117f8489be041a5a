"""Bad boundary files get one clear German message and change nothing; what can be repaired is repaired and
reported; GeoPackages written here with sqlite3 import with a layer choice; keys stay text."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
import shapely
from geo_files import koeln_in_utm32, write_geojson, write_geopackage
from realdata import real_file

from bildungsplaner import UserInputError
from bildungsplaner.geo import readers
from bildungsplaner.geo.readers import LayerChoiceNeeded, geopackage_layers
from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.services.workspace import create_workspace, open_workspace

KOELN = "geo/koeln/Stadtteil"
#: Two squares in Köln (EPSG:25832), 1 km each, side by side.
WEST = shapely.box(356_000, 5_645_000, 357_000, 5_646_000)
EAST = shapely.box(357_000, 5_645_000, 358_000, 5_646_000)
#: A bow-tie: its ring crosses itself in the middle.
BOW_TIE = shapely.Polygon([(356_000, 5_645_000), (357_000, 5_646_000), (357_000, 5_645_000),
                          (356_000, 5_646_000), (356_000, 5_645_000)])


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return create_workspace(tmp_path / "ws.bpws", region="05315000")


def _refused(ws_path: Path, file: Path, match: str, **options: object) -> str:
    before = _sha(ws_path)
    with open_workspace(ws_path) as ws, pytest.raises(UserInputError, match=match) as info:
        import_boundaries(ws, file, **options)  # type: ignore[arg-type]
    assert _sha(ws_path) == before, "a refused file changed the workspace"
    return str(info.value)


def _copy_shapefile(tmp_path: Path, suffixes: tuple[str, ...] = (".shp", ".shx", ".dbf", ".prj")) -> Path:
    for suffix in suffixes:
        shutil.copyfile(real_file(KOELN + suffix), tmp_path / f"Stadtteil{suffix}")
    return tmp_path / "Stadtteil.shp"


def test_a_shapefile_without_dbf_is_refused(ws_path: Path, tmp_path: Path) -> None:
    shp = _copy_shapefile(tmp_path, (".shp", ".shx", ".prj"))
    message = _refused(ws_path, shp, r"\.dbf-Datei fehlt")
    assert message.startswith("Stadtteil.shp:")


def test_a_broken_prj_is_refused_naming_it(ws_path: Path, tmp_path: Path) -> None:
    shp = _copy_shapefile(tmp_path, (".shp", ".shx", ".dbf"))
    shp.with_suffix(".prj").write_text('PROJCS["kaputt",GEOGCS[', encoding="ascii")
    _refused(ws_path, shp, r"Koordinatensystem in der \.prj-Datei zu Stadtteil\.shp ist nicht lesbar",
             create_under="05315000", level="stadtteil")


def test_a_prj_read_as_its_epsg_code_would_land_outside_germany_and_is_refused(ws_path: Path, tmp_path: Path) -> None:
    """What a guessed EPSG:32632 would do to Köln's file (false easting 2,500,000 ignored): refused, CRS named."""
    shp = _copy_shapefile(tmp_path, (".shp", ".shx", ".dbf"))
    message = _refused(ws_path, shp, "nicht in Deutschland", crs="EPSG:32632", create_under="05315000",
                       level="stadtteil")
    assert "WGS 84 / UTM zone 32N" in message and re.search(r"bei 3[34],\d° O", message)  # ~34°E, not 7°E


def test_without_a_prj_the_crs_is_inferred_and_said(ws_path: Path, tmp_path: Path) -> None:
    geojson = write_geojson(tmp_path / "ohne.geojson", [({"SR_NR": "1", "NAME": "West"}, WEST),
                                                        ({"SR_NR": "2", "NAME": "Ost"}, EAST)], crs=None)
    with open_workspace(ws_path) as ws:
        report = import_boundaries(ws, geojson, create_under="05315000", level="sozialraum")
    assert report.crs == "ETRS89 / UTM zone 32N" and report.crs_inferred
    assert "aus den Koordinaten geschlossen" in report.crs_how and "EPSG:25833" in report.crs_how
    assert report.created == 2 and report.key_field == "SR_NR"


def test_a_file_that_is_not_a_geopackage_is_refused(ws_path: Path, tmp_path: Path) -> None:
    text = tmp_path / "text.gpkg"
    text.write_text("Gemeinde;Schlüssel\n", encoding="utf-8")
    _refused(ws_path, text, "keine GeoPackage-Datei")
    plain = tmp_path / "plain.gpkg"
    conn = sqlite3.connect(plain)
    conn.execute("CREATE TABLE kunden (id INTEGER)")
    conn.commit()
    conn.close()
    _refused(ws_path, plain, "SQLite-Datenbank, aber keine GeoPackage-Datei")


def test_a_geojson_over_the_size_limit_is_refused_before_reading(ws_path: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    geojson = write_geojson(tmp_path / "gross.geojson", [({"SR_NR": "1"}, WEST)])
    monkeypatch.setattr(readers, "MAX_GEOJSON_BYTES", 100)
    _refused(ws_path, geojson, r"größer als die erlaubten 0 MB für GeoJSON")


def test_self_intersecting_polygons_are_repaired_and_reported(ws_path: Path, tmp_path: Path) -> None:
    geojson = write_geojson(tmp_path / "schleife.geojson", [({"SR_NR": "1", "NAME": "Schleife"}, BOW_TIE),
                                                            ({"SR_NR": "2", "NAME": "Ost"}, EAST)])
    with open_workspace(ws_path) as ws:
        report = import_boundaries(ws, geojson, create_under="05315000", level="sozialraum")
    (repair,) = report.repaired
    assert repair["key"] == "1" and "Self-intersection" in repair["reason"]
    assert repair["area_after"] == pytest.approx(500_000)  # two triangles of 0.25 km² each
    assert "Ungültige Geometrie repariert: Schleife (1)" in report.summary()


def test_duplicate_keys_are_refused_and_listed(ws_path: Path, tmp_path: Path) -> None:
    geojson = write_geojson(tmp_path / "doppelt.geojson", [({"SR_NR": "7", "NAME": "West"}, WEST),
                                                           ({"SR_NR": "7", "NAME": "Ost"}, EAST),
                                                           ({"SR_NR": "8", "NAME": "Mitte"}, EAST)])
    message = _refused(ws_path, geojson, "kommen mehrfach vor", create_under="05315000", level="sozialraum")
    assert "1 Schlüssel im Feld „SR_NR“" in message and "7 (Ost, West)" in message


def test_points_are_not_boundaries(ws_path: Path, tmp_path: Path) -> None:
    geojson = write_geojson(tmp_path / "punkte.geojson", [({"SR_NR": "1"}, shapely.Point(356_500, 5_645_500))])
    _refused(ws_path, geojson, "keine Flächen, sondern Punkte oder Linien")


def test_create_under_needs_a_level_and_an_existing_region(ws_path: Path, tmp_path: Path) -> None:
    geojson = write_geojson(tmp_path / "sr.geojson", [({"SR_NR": "1"}, WEST)])
    _refused(ws_path, geojson, "--level", create_under="05315000")
    _refused(ws_path, geojson, "05999000 \\(--create-under\\) gibt es im Arbeitsbereich nicht",
             create_under="05999000", level="sozialraum")


def test_keys_stored_as_numbers_get_their_leading_zero_back(tmp_path: Path) -> None:
    path = create_workspace(tmp_path / "ws.bpws", region="05315")
    köln = koeln_in_utm32(real_file(KOELN + ".shp"))
    outline = shapely.union_all([g for _, g in köln])
    geojson = write_geojson(tmp_path / "zahl.geojson", [({"AGS": 5315, "GEN": "Köln"}, outline)])
    with open_workspace(path) as ws:
        report = import_boundaries(ws, geojson)
    assert report.keys_from_numbers == [("5315", "05315")] and report.matched == 1
    assert "als Zahlen gespeichert" in report.summary()


def test_a_geopackage_imports_with_a_layer_choice(ws_path: Path, tmp_path: Path) -> None:
    köln = koeln_in_utm32(real_file(KOELN + ".shp"))
    gpkg = write_geopackage(tmp_path / "koeln.gpkg", {
        "stadtteile": [({"STT_NR": p["STT_NR"], "STT_NAME": p["STT_NAME"]}, g) for p, g in köln],
        "bezirke": [({"STB_NR": "1", "STB_NAME": "Innenstadt"}, WEST), ({"STB_NR": "2", "STB_NAME": "Rodenkirchen"},
                                                                       EAST)],
    })
    assert geopackage_layers(gpkg) == ["stadtteile", "bezirke"]
    with open_workspace(ws_path) as ws:
        with pytest.raises(LayerChoiceNeeded) as info:
            import_boundaries(ws, gpkg, create_under="05315000", level="stadtteil")
        assert info.value.layers == ["stadtteile", "bezirke"] and "bitte eine wählen" in str(info.value)
        with pytest.raises(UserInputError, match="keine Ebene „gemeinden“; vorhanden: stadtteile, bezirke"):
            import_boundaries(ws, gpkg, layer="gemeinden", create_under="05315000", level="stadtteil")
        report = import_boundaries(ws, gpkg, layer="stadtteile", create_under="05315000", level="stadtteil")
    assert report.layer == "stadtteile" and report.format == "GeoPackage" and report.created == 86
    assert report.crs == "ETRS89 / UTM zone 32N" and "GeoPackage" in report.crs_how
    assert report.layers == ["stadtteile", "bezirke"]
    assert report.key_field == "STT_NR" and [r["key"] for r in report.repaired] == ["202"]  # Marienburg again


def test_a_geopackage_in_gauss_krueger_is_transformed(ws_path: Path, tmp_path: Path) -> None:
    """The GeoPackage's CRS is read from the WKT of gpkg_spatial_ref_sys (here DHDN / Gauss-Krüger zone 2)."""
    import pyproj

    to_gk = pyproj.Transformer.from_crs(25832, 31466, always_xy=True)
    moved = shapely.transform(WEST, lambda c: shapely.get_coordinates(
        shapely.points(*to_gk.transform(c[:, 0], c[:, 1]))))
    gpkg = write_geopackage(tmp_path / "gk.gpkg", {"sr": [({"SR_NR": "1"}, moved)]}, srs_id=31466)
    with open_workspace(ws_path) as ws:
        report = import_boundaries(ws, gpkg, create_under="05315000", level="sozialraum")
        from bildungsplaner.services.geo import list_layers

        assert list_layers(ws)[0].source_crs.startswith("DHDN / 3-degree Gauss-Kruger zone 2")
    assert report.created == 1 and "Gauss-Kruger zone 2" in report.crs


def test_a_broken_geojson_is_refused(ws_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.geojson"
    broken.write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    _refused(ws_path, broken, "keine lesbare GeoJSON-Datei")
    other = tmp_path / "liste.geojson"
    other.write_text("[1, 2, 3]", encoding="utf-8")
    _refused(ws_path, other, "keine GeoJSON-FeatureCollection")


def test_the_old_epsg_form_of_the_crs_member_is_honoured(ws_path: Path, tmp_path: Path) -> None:
    geojson = write_geojson(tmp_path / "alt.geojson", [({"SR_NR": "1"}, WEST)],
                            crs={"type": "EPSG", "properties": {"code": 25832}})
    with open_workspace(ws_path) as ws:
        report = import_boundaries(ws, geojson, create_under="05315000", level="sozialraum", dry_run=True)
    assert report.crs == "ETRS89 / UTM zone 32N" and not report.crs_inferred
