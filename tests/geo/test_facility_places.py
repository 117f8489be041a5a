"""Where each facility lies, on the real BKG Kreise (VG5000, Gauss-Krüger) and regions from a real GENESIS table:
hand-placed points, a school list with coordinates and no region column, a point GeoJSON, ``facilities assign``
(JSON, counts as the indicator EINR_<ART>, undo like an import)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pyproj
import pytest
import shapely
from geo_files import write_geojson, write_geopackage
from realdata import real_file
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.__main__ import main
from bildungsplaner.geo import points as geo_points
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.facility_places import assign_facilities, load_areas
from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.services.import_history import delete_import
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import open_workspace
from bildungsplaner.store.models import Dataset, Facility, Indicator, Observation, Region

#: hand-placed (lon, lat) and the Kreis each lies in (None: in the North Sea, inside Germany's box)
PLACES = {
    "Kölner Dom": (6.9583, 50.9413, "05315"),
    "Köln Hbf": (6.9589, 50.9430, "05315"),
    "Dortmund Hbf": (7.4592, 51.5178, "05913"),
    "Marienplatz München": (11.5755, 48.1374, "09162"),
    "Nordsee": (6.5, 54.3, None),
}
TO_UTM = pyproj.Transformer.from_crs(4326, 25832, always_xy=True)


@pytest.fixture(scope="module")
def kreise_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Regions from a real GENESIS table, the BKG Kreise as boundaries."""
    path = tmp_path_factory.mktemp("orte") / "kreise.bpws"
    with open_workspace(path) as ws:
        import_file(ws, real_file("genesis_12411-04-02-4_00.csv"))
        import_boundaries(ws, real_file("geo/kreise/VG5000_KRS.shp"))
    return path


@pytest.fixture
def ws_path(kreise_workspace: Path, tmp_path: Path) -> Path:
    target = tmp_path / "ws.bpws"
    target.write_bytes(kreise_workspace.read_bytes())
    return target


def _kreis_of(areas, lon: float, lat: float, crs: str = "EPSG:4326") -> str | None:
    if crs == "EPSG:4326":
        x, y = np.array([lon]), np.array([lat])
    else:
        x, y = (np.array([v]) for v in pyproj.Transformer.from_crs(4326, crs, always_xy=True).transform(lon, lat))
    tx, ty = geo_points.to_target_xy(x, y, crs)
    (rid,) = areas.locate(tx, ty)
    return None if rid < 0 else areas.keys[list(areas.region_ids).index(rid)]


def test_hand_placed_points_land_in_their_kreis_in_any_crs(ws_path: Path) -> None:
    with open_workspace(ws_path) as ws, ws.session() as s:
        areas = load_areas(s, "kreis")
    assert len(areas) == 401
    for name, (lon, lat, kreis) in PLACES.items():
        # the same point in lon/lat, in UTM 32N and in Gauss-Krüger zone 3 lands in the same Kreis
        for crs in ("EPSG:4326", "EPSG:25832", "EPSG:31467"):
            assert _kreis_of(areas, lon, lat, crs) == kreis, (name, crs)
    x, y = geo_points.to_target_xy(np.array([6.9583]), np.array([50.9413]), "EPSG:4326")
    # Kölner Dom in UTM 32N (easting without zone number, metres), and back to where it was
    assert 356_000 < x[0] < 357_000 and 5_645_000 < y[0] < 5_646_000
    back = pyproj.Transformer.from_crs(25832, 4326, always_xy=True).transform(x[0], y[0])
    assert math.dist(back, (6.9583, 50.9413)) < 1e-8
    assert geo_points.in_germany(x, y).tolist() == [True]
    paris = geo_points.to_target_xy(np.array([2.3522]), np.array([48.8566]), "EPSG:4326")
    assert geo_points.in_germany(*paris).tolist() == [False]
    # swapped axes (lat given as x) land nowhere near Germany
    assert geo_points.in_germany(*geo_points.to_target_xy(np.array([50.94]), np.array([6.96]), "EPSG:4326")) \
        .tolist() == [False]


def _school_list(path: Path) -> Path:
    rows = [("100", "GGS Domplatz", "6,9583", "50,9413"), ("101", "KGS Hauptbahnhof", "6,9589", "50,9430"),
            ("200", "Grundschule am Hbf", "7,4592", "51,5178"), ("300", "Marienschule", "11,5755", "48,1374"),
            ("400", "Inselschule", "6,5", "54,3"), ("500", "École de Paris", "2,3522", "48,8566"),
            ("600", "ohne Lage", "", "")]
    lines = ["Schulnummer;Name;Länge;Breite", *(";".join(r) for r in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


TEMPLATE = """
format = 1
name = "Grundschulen mit Lage"
target = "facilities"
[facilities]
key = "Schulnummer"
name = "Name"
fixed_kind = "Grundschule"
phase = "Schule"
x = "Länge"
y = "Breite"
crs = "EPSG:4326"
"""


def _facilities(ws) -> dict[str, tuple[str | None, float | None, float | None]]:
    with ws.session() as s:
        rows = s.execute(select(Facility.key, Region.key, Facility.x, Facility.y)
                         .outerjoin(Region, Region.id == Facility.region_id)).all()
    return {key: (region, x, y) for key, region, x, y in rows}


def test_a_school_list_with_coordinates_and_no_region_column_is_placed(ws_path: Path, tmp_path: Path) -> None:
    template = ImportTemplate.loads(TEMPLATE)
    with open_workspace(ws_path) as ws:
        report = import_file(ws, _school_list(tmp_path / "schulen.csv"), template=template)
        assert report.facilities == 7 and report.facilities_new == 7
        assert report.facilities_placed == 4  # the North Sea, Paris and the school without coordinates: none
        assert [(o["row"], o["key"]) for o in report.coordinates_outside] == [(7, "500")]
        assert any("1 Einrichtungen haben Koordinaten außerhalb Deutschlands" in w and "École de Paris" in w
                   for w in report.warnings)
        assert any("in keinem Gebiet mit importierter Grenze" in w and "Inselschule" in w for w in report.warnings)
        assert "4 Einrichtungen nach ihren Koordinaten dem Gebiet zugeordnet" in report.summary()
        found = _facilities(ws)
    assert {k: v[0] for k, v in found.items()} == {"100": "05315", "101": "05315", "200": "05913", "300": "09162",
                                                   "400": None, "500": None, "600": None}
    x, y = found["100"][1], found["100"][2]
    assert x is not None and y is not None
    assert math.dist((x, y), TO_UTM.transform(6.9583, 50.9413)) < 0.01  # stored in EPSG:25832
    assert found["500"][1:] == (None, None) and found["600"][1:] == (None, None)
    assert found["400"][1] is not None  # in Germany's box, in no Kreis: kept with its coordinates


def test_a_fixed_region_wins_over_the_coordinates(ws_path: Path, tmp_path: Path) -> None:
    template = ImportTemplate.loads(TEMPLATE.replace("[facilities]", '[regions]\nfixed = "05"\n[facilities]'))
    with open_workspace(ws_path) as ws:
        report = import_file(ws, _school_list(tmp_path / "schulen.csv"), template=template)
        assert report.facilities_placed == 0
        assert {v[0] for v in _facilities(ws).values()} == {"05"}


def test_a_point_geojson_imports_as_facilities(ws_path: Path, tmp_path: Path) -> None:
    features = [({"SCHULNR": 100, "NAME": "GGS Domplatz", "SCHULFORM": "Grundschule", "SCHUELER": 212},
                 shapely.Point(TO_UTM.transform(6.9583, 50.9413))),
                ({"SCHULNR": 200, "NAME": "Grundschule am Hbf", "SCHULFORM": "Grundschule", "SCHUELER": 180},
                 shapely.Point(TO_UTM.transform(7.4592, 51.5178))),
                ({"SCHULNR": 900, "NAME": "Gymnasium ohne Lage", "SCHULFORM": "Gymnasium", "SCHUELER": None}, None)]
    layer = write_geojson(tmp_path / "schulen.geojson", features)  # with the crs member EPSG:25832
    template = ImportTemplate.loads("""
format = 1
name = "Schulen aus GeoJSON"
target = "facilities"
[facilities]
key = "SCHULNR"
name = "NAME"
kind = "SCHULFORM"
phase = "Schule"
attributes = { schueler = "SCHUELER" }
""")
    with open_workspace(ws_path) as ws:
        report = import_file(ws, layer, template=template)
        assert (report.facilities, report.facilities_placed, report.format) == (3, 2, "geojson")
        found = _facilities(ws)
        with ws.session() as s:
            pupils = {k: a for k, a in s.execute(select(Facility.key, Facility.attributes))}
    assert {k: v[0] for k, v in found.items()} == {"100": "05315", "200": "05913", "900": None}
    assert pupils["100"] == {"schueler": 212.0}
    assert math.dist(found["200"][1:], TO_UTM.transform(7.4592, 51.5178)) < 0.01  # type: ignore[arg-type]
    # the same points in lon/lat without a crs member (RFC 7946): the same Kreise
    lonlat = write_geojson(tmp_path / "lonlat.geojson", [
        ({"SCHULNR": "101", "NAME": "KGS", "SCHULFORM": "Grundschule", "SCHUELER": 90},
         shapely.Point(6.9589, 50.9430))], crs=None)
    with open_workspace(ws_path) as ws:
        import_file(ws, lonlat, template=template)
        assert _facilities(ws)["101"][0] == "05315"
    # areas are no facilities
    areas = write_geojson(tmp_path / "flaechen.geojson", [({"SCHULNR": "1", "NAME": "x", "SCHULFORM": "y"},
                                                           shapely.box(356000, 5645000, 357000, 5646000))])
    with open_workspace(ws_path) as ws, pytest.raises(UserInputError, match="keine Punkt-Ebene"):
        import_file(ws, areas, template=template)


GK3 = pyproj.Transformer.from_crs(4326, 31467, always_xy=True)
POINT_TEMPLATE = ImportTemplate.loads("""
format = 1
name = "Schulen aus Punkt-Ebene"
target = "facilities"
[facilities]
key = "SCHULNR"
name = "NAME"
fixed_kind = "Grundschule"
phase = "Schule"
""")


def test_a_point_shapefile_in_gauss_krueger_imports_as_facilities(ws_path: Path, tmp_path: Path) -> None:
    import shapefile

    path = tmp_path / "schulen.shp"
    with shapefile.Writer(str(path), shapeType=shapefile.POINT, encoding="utf-8") as writer:
        writer.field("SCHULNR", "C", size=10)
        writer.field("NAME", "C", size=60)
        for key, name, (lon, lat, _kreis) in (("100", "GGS Domplatz", PLACES["Kölner Dom"]),
                                              ("300", "Marienschule München", PLACES["Marienplatz München"])):
            writer.record(key, name)
            writer.point(*GK3.transform(lon, lat))
    path.with_suffix(".prj").write_text(pyproj.CRS.from_epsg(31467).to_wkt("WKT1_ESRI"), encoding="ascii")
    with open_workspace(ws_path) as ws:
        report = import_file(ws, path, template=POINT_TEMPLATE)
        assert (report.facilities, report.facilities_placed, report.format) == (2, 2, "shapefile")
        found = _facilities(ws)
    assert {k: v[0] for k, v in found.items()} == {"100": "05315", "300": "09162"}
    # Gauss-Krüger → ETRS89 without the BETA2007 grid: within a few metres of the lon/lat position
    assert math.dist(found["100"][1:], TO_UTM.transform(6.9583, 50.9413)) < 5  # type: ignore[arg-type]
    with open_workspace(ws_path) as ws:
        assert import_file(ws, path, template=POINT_TEMPLATE).duplicate_of == report.dataset
    # a name corrected in the .dbf alone: the same .shp, yet another list
    with shapefile.Reader(str(path)) as reader:
        shapes, records = reader.shapes(), reader.records()
    with shapefile.Writer(str(path), shapeType=shapefile.POINT, encoding="utf-8") as writer:
        writer.field("SCHULNR", "C", size=10)
        writer.field("NAME", "C", size=60)
        for shape, record in zip(shapes, records, strict=True):
            writer.record(record[0], record[1].replace("GGS", "Gemeinschaftsgrundschule"))
            writer.point(*shape.points[0])
    with open_workspace(ws_path) as ws:
        again = import_file(ws, path, template=POINT_TEMPLATE)
        assert again.duplicate_of is None and again.facilities_updated == 1


def test_a_point_geopackage_layer_is_chosen_like_a_sheet(ws_path: Path, tmp_path: Path) -> None:
    path = write_geopackage(tmp_path / "orte.gpkg", {
        "schulen": [({"SCHULNR": "200", "NAME": "Grundschule am Hbf"},
                     shapely.Point(TO_UTM.transform(7.4592, 51.5178)))],
        "kitas": [({"SCHULNR": "K1", "NAME": "Kita Dom"}, shapely.Point(TO_UTM.transform(6.9583, 50.9413)))]})
    with open_workspace(ws_path) as ws:
        with pytest.raises(UserInputError, match=r"mehrere Ebenen.*schulen, kitas"):
            import_file(ws, path, template=POINT_TEMPLATE)
        report = import_file(ws, path, template=POINT_TEMPLATE, sheet="schulen")
        assert report.facilities == 1 and report.format == "geopackage"
        assert {k: v[0] for k, v in _facilities(ws).items()} == {"200": "05913"}
        # a point layer needs a template, and only as facilities
        with pytest.raises(UserInputError, match="braucht es eine Importvorlage"):
            import_file(ws, path, sheet="kitas")


def _observations(ws, code: str) -> dict[str, float]:
    with ws.session() as s:
        rows = s.execute(select(Region.key, Observation.value).join(Region, Region.id == Observation.region_id)
                         .join(Indicator, Indicator.id == Observation.indicator_id)
                         .join(Dataset, Dataset.id == Observation.dataset_id)
                         .where(Indicator.code == code, Dataset.superseded_by_id.is_(None))).all()
    return {key: value for key, value in rows}


def test_facilities_assign_json_counts_and_undo(ws_path: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    template = ImportTemplate.loads(TEMPLATE.replace("[facilities]", '[regions]\nfixed = "05"\n[facilities]'))
    with open_workspace(ws_path) as ws:
        import_file(ws, _school_list(tmp_path / "schulen.csv"), template=template)
    ws_arg = ["-w", str(ws_path)]
    assert main(["facilities", "assign", "--level", "kreis", "--dry-run", "--json", *ws_arg]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert {"level", "facilities", "moved", "unchanged", "not_assigned", "without_coordinates", "indicators",
            "dataset", "dry_run"} <= set(preview)
    # Paris was imported without coordinates: 5 with, 2 without
    assert (preview["facilities"], preview["moved"], preview["unchanged"]) == (5, 4, 0)
    assert preview["not_assigned"] == [{"key": "400", "name": "Inselschule", "kind": "Grundschule"}]
    assert preview["without_coordinates"] == 2 and preview["dry_run"] is True and preview["regions"] == 401
    assert {"key": "100", "name": "GGS Domplatz", "kind": "Grundschule", "from": "05", "to": "05315"} \
        in preview["moved_facilities"]
    with open_workspace(ws_path) as ws:
        assert {v[0] for v in _facilities(ws).values()} == {"05"}  # the dry run changed nothing

    assert main(["facilities", "assign", "--level", "kreis", "--json", *ws_arg]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["moved"] == 4 and first["indicators"]["EINR_GRUNDSCHULE"]["total"] == 4
    with open_workspace(ws_path) as ws:
        placed = {k: v[0] for k, v in _facilities(ws).items()}
        counts = _observations(ws, "EINR_GRUNDSCHULE")
        with ws.session() as s:
            indicator = s.scalars(select(Indicator).where(Indicator.code == "EINR_GRUNDSCHULE")).one()
            assert (indicator.name, indicator.unit, indicator.phase) == ("Grundschule je Kreis", "Anzahl", "Schule")
    assert placed == {"100": "05315", "101": "05315", "200": "05913", "300": "09162", "400": "05", "500": "05",
                      "600": "05"}
    # one value per Kreis with a boundary: 2 in Köln, 1 in Dortmund and München, 0 elsewhere
    assert len(counts) == 401 and counts["05315"] == 2 and counts["05913"] == 1 and counts["09162"] == 1
    assert counts["05111"] == 0 and sum(counts.values()) == 4

    assert main(["facilities", "assign", "--level", "kreis", *ws_arg]) == 0
    text = capsys.readouterr().out
    assert "0 neu zugeordnet, 4 unverändert, 1 nicht zugeordnet" in text and "400 Inselschule" in text
    assert "EINR_GRUNDSCHULE" in text
    second = int(text.split("Gespeichert als Datensatz ")[1].split(";")[0])

    # taken back like imports, the newer first: the regions as imported, the counts gone
    with open_workspace(ws_path) as ws:
        assert _observations(ws, "EINR_GRUNDSCHULE")["05315"] == 2  # the second count replaced the first
        delete_import(ws, second)
        assert _observations(ws, "EINR_GRUNDSCHULE")["05315"] == 2  # the first is current again
        gone = delete_import(ws, first["dataset"])
        assert gone.facilities_restored == 4 and gone.indicators_removed == ["EINR_GRUNDSCHULE"]
        assert {v[0] for v in _facilities(ws).values()} == {"05"}


def test_assign_needs_boundaries_of_the_level(ws_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with open_workspace(ws_path) as ws, pytest.raises(UserInputError, match="keine Grenzen"):
        assign_facilities(ws, "sozialraum")
    assert main(["facilities", "assign", "--level", "ort", "-w", str(ws_path)]) == 2
    assert "Unbekannte Ebene „ort“" in capsys.readouterr().err


def test_taking_back_a_later_list_restores_the_coordinates(ws_path: Path, tmp_path: Path) -> None:
    template = ImportTemplate.loads(TEMPLATE)
    first = tmp_path / "alt.csv"
    first.write_text("Schulnummer;Name;Länge;Breite\n100;GGS Domplatz;6,9583;50,9413\n", encoding="utf-8")
    moved = tmp_path / "neu.csv"  # the school moved to Dortmund
    moved.write_text("Schulnummer;Name;Länge;Breite\n100;GGS Domplatz;7,4592;51,5178\n", encoding="utf-8")
    with open_workspace(ws_path) as ws:
        import_file(ws, first, template=template)
        before = _facilities(ws)["100"]
        copy = tmp_path / "alt2.csv"  # the same list saved again (other line ends): not a duplicate file
        copy.write_bytes(first.read_bytes().replace(b"\n", b"\r\n"))
        again = import_file(ws, copy, template=template)
        assert again.facilities_unchanged == 1  # the same coordinates read twice are the same
        later = import_file(ws, moved, template=template)
        assert later.facilities_updated == 1 and _facilities(ws)["100"][0] == "05913"
        delete_import(ws, later.dataset)  # type: ignore[arg-type]
        assert _facilities(ws)["100"] == before and before[0] == "05315"
