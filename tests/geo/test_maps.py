"""What a choropleth shows (``services/maps.map_data``) and ``bildungsplaner map export`` on the real files: the
401 BKG Kreise and the GENESIS population table 12411-04-02-4 (31.12.2015, Kreise as of then)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from geo_files import AACHEN, kreise_with_a_gap
from realdata import real_file

from bildungsplaner import UserInputError, cli
from bildungsplaner.cli.maps import parse_breaks, parse_where
from bildungsplaner.geo.palettes import palette
from bildungsplaner.services import maps
from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import open_workspace

POPULATION = "BEVOELKERUNGSSTAND"


@pytest.fixture(scope="module")
def kreise(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return kreise_with_a_gap(tmp_path_factory.mktemp("maps") / "kreise.bpws")


def _population(ws, keys: list[str]) -> dict[str, float]:
    """The population total per Kreis read independently: Altersgruppe and Geschlecht „Insgesamt“."""
    from bildungsplaner.services.aggregate import load_pivot

    pivot = load_pivot(ws, POPULATION, "05", children=False, where={"Altersgruppe": "Insgesamt",
                                                                    "Geschlecht": "Insgesamt"})
    assert pivot.table.values.shape[1] == 1
    result = {}
    for key in keys:
        p = load_pivot(ws, POPULATION, key, where={"Altersgruppe": "Insgesamt", "Geschlecht": "Insgesamt"})
        result[key] = float(p.table.values[0, 0]) if p.table.values.size else np.nan
    return result


def test_nrw_population_per_kreis_with_classes_colours_and_sources(kreise: Path) -> None:
    with open_workspace(kreise, create=False) as ws:
        data = maps.map_data(ws, POPULATION, within="05", level="kreis")
        keys = [data.geometry.keys[p] for p in data.positions]
        expected = _population(ws, ["05111", "05315", "05754"])
    assert len(keys) == 53 and all(k.startswith("05") for k in keys)  # NRW's 53 Kreise and kreisfreie Städte
    assert data.period == "2015-12-31" and data.subtitle.startswith("31.12.2015")
    values = dict(zip(keys, data.values.tolist(), strict=True))
    for key, value in expected.items():
        assert values[key] == value
    assert values["05315"] == 1_060_582  # Köln, as published
    assert data.no_data() == [(AACHEN, "Städteregion Aachen (einschl. Stadt Aachen)")]
    classes = data.classes
    assert classes.count == 5 and sum(classes.counts) == 53 and classes.counts[-1] == 1
    assert data.colours == palette("Blues", 5)
    # every region's class follows the legend's half-open rule
    for value, cls in zip(data.values, data.class_index, strict=True):
        if np.isfinite(value):
            low, high = classes.bounds()[cls]
            assert (low is None or value >= low) and (high is None or value < high)
        else:
            assert cls == -1
    legend = [text for text, _, _ in data.legend()]
    assert legend[0].startswith("unter ") and legend[-1] == "keine Daten (1)"
    assert [int(t.rsplit("(", 1)[1].rstrip(")")) for t in legend] == list(classes.counts)
    assert any("12411-04-02-4" in line for line in data.sources)
    assert any("Datenlizenz Deutschland" in line for line in data.sources)
    assert "© GeoBasis-DE / BKG (2021), Stand der Grenzen 01.01.2021" in data.sources


def test_all_of_germany_and_the_index_and_manual_methods(kreise: Path) -> None:
    with open_workspace(kreise, create=False) as ws:
        data = maps.map_data(ws, "ANTEIL_U6", method="jenks", palette="YlGnBu", classes=6)
        manual = maps.map_data(ws, "ANTEIL_U6", method="manual", breaks=[4.5, 5, 5.5])
        with pytest.raises(UserInputError, match="kein Index"):
            maps.map_data(ws, "ANTEIL_U6", method="index")
    assert len(data.positions) == 401
    # Göttingen (03159, formed 2016) has no value in the 2015 table; Aachen's were deleted
    assert ("03159", "Göttingen, Landkreis") in data.no_data() and AACHEN in {k for k, _ in data.no_data()}
    assert data.classes.count == 6 and data.colours == palette("YlGnBu", 6) and data.decimals == 1
    assert [text for text, _, _ in manual.legend()][:4] == [
        f"unter 4,5 ({manual.classes.counts[0]})", f"4,5 bis unter 5,0 ({manual.classes.counts[1]})",
        f"5,0 bis unter 5,5 ({manual.classes.counts[2]})", f"5,5 und mehr ({manual.classes.counts[3]})"]


def test_a_diverging_palette_around_the_chosen_class(kreise: Path) -> None:
    with open_workspace(kreise, create=False) as ws:
        data = maps.map_data(ws, "ANTEIL_U6", palette="RdBu", classes=5, midpoint_class=1)
        with pytest.raises(UserInputError, match="einseitig"):
            maps.map_data(ws, "ANTEIL_U6", palette="Blues", midpoint_class=1)
    assert data.colours == palette("RdBu", 5, diverging_midpoint_class=1) and data.colours[1] == "#f7f7f7"
    assert data.for_period(data.period).colours == data.colours


def test_fixed_classes_keep_the_bounds(kreise: Path) -> None:
    with open_workspace(kreise, create=False) as ws:
        germany = maps.map_data(ws, "ANTEIL_U6")
        nrw = maps.map_data(ws, "ANTEIL_U6", within="05", fixed=germany.classes)
    assert nrw.classes.breaks == germany.classes.breaks and nrw.classes.labels == germany.classes.labels
    assert sum(nrw.classes.counts) == 53


def test_geometry_is_decoded_once_per_layer(kreise: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    maps.clear_cache()
    calls = []
    original = maps.decode_geometry
    monkeypatch.setattr(maps, "decode_geometry", lambda *a: calls.append(1) or original(*a))
    with open_workspace(kreise, create=False) as ws:
        first = maps.map_data(ws, POPULATION, within="05")
        second = maps.map_data(ws, POPULATION, within="05", where={"Geschlecht": "weiblich"})
        other = maps.map_data(ws, "ANTEIL_U6")
    assert len(calls) == 1 and first.geometry is second.geometry is other.geometry
    assert (second.values[np.isfinite(second.values)] < first.values[np.isfinite(first.values)]).all()
    assert second.how["Geschlecht"] == "weiblich"


def test_hover_finds_the_region_under_a_point(kreise: Path) -> None:
    with open_workspace(kreise, create=False) as ws:
        data = maps.map_data(ws, POPULATION, within="05")
    # Kölner Dom in EPSG:25832
    found = data.region_at(356_590, 5_645_340)
    assert found is not None and data.geometry.keys[found] == "05315"
    assert data.region_at(500_000, 5_300_000) is None  # in Bavaria: not drawn on the NRW map
    assert data.format_value(1_060_582.0) == "1.060.582"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"indicator": "NOPE"}, "Indikator „NOPE“ gibt es"),
    ({"indicator": POPULATION, "layer": "Gemeinden"}, "Grenzebene „Gemeinden“ gibt es"),
    ({"indicator": POPULATION, "level": "gemeinde"}, "Für die Ebene „gemeinde“"),
    ({"indicator": POPULATION, "within": "99"}, "Das Gebiet „99“"),
    ({"indicator": POPULATION, "period": "2030"}, "Zeitraum „2030“"),
    ({"indicator": POPULATION, "where": {"Farbe": "rot"}}, "kein Merkmal „Farbe“"),
    ({"indicator": POPULATION, "classes": 9}, "3 bis 7 Klassen"),
    ({"indicator": POPULATION, "palette": "Rainbow"}, "Unbekannte Farbpalette"),
])
def test_bad_requests_get_a_german_message(kreise: Path, kwargs: dict, message: str) -> None:
    with open_workspace(kreise, create=False) as ws, pytest.raises(UserInputError, match=message):
        maps.map_data(ws, **kwargs)


def test_period_given_as_shown(kreise: Path) -> None:
    with open_workspace(kreise, create=False) as ws:
        assert maps.map_data(ws, POPULATION, within="05", period="31.12.2015").period == "2015-12-31"


def test_the_command_line_offers_every_method() -> None:
    from bildungsplaner.cli import maps as map_cli
    from bildungsplaner.geo.classify import METHODS

    assert map_cli.METHODS == METHODS


def test_breaks_and_where_as_written() -> None:
    assert parse_breaks("2,4.4,10") == [2.0, 4.4, 10.0]
    assert parse_breaks("2;4,4;10") == [2.0, 4.4, 10.0]
    assert parse_where(["Geschlecht=weiblich", "Altersgruppe = unter 3 Jahre"]) == {
        "Geschlecht": "weiblich", "Altersgruppe": "unter 3 Jahre"}
    with pytest.raises(UserInputError):
        parse_breaks("a,b")
    with pytest.raises(UserInputError):
        parse_where(["Geschlecht"])


def test_cli_hands_the_map_to_the_renderer_and_prints_json(kreise: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    drawn: list[tuple[maps.MapData, Path, bool]] = []

    def fake_renderer(data: maps.MapData, out: Path, *, labels: bool = False) -> dict:
        drawn.append((data, out, labels))
        Path(out).write_bytes(b"PNG")
        return {"legend": [t for t, _, _ in data.legend()]}

    out = tmp_path / "nrw.png"
    args = cli.parse(["map", "export", "--indicator", POPULATION, "--within", "05", "--method", "equal",
                      "--where", "Geschlecht=Insgesamt", "--out", str(out), "--json", "--labels", "--workspace",
                      str(kreise)])
    assert cli.run_command(args, map_renderer=fake_renderer) == cli.EXIT_OK
    report = json.loads(capsys.readouterr().out)
    data = drawn[0][0]
    assert drawn[0][1:] == (out, True) and out.read_bytes() == b"PNG"
    assert report["output"] == str(out) and report["regions_drawn"] == 53
    assert report["regions_without_data"] == [{"key": AACHEN, "name": "Städteregion Aachen (einschl. Stadt Aachen)"}]
    assert report["classes"]["method"] == "equal"
    assert [c["count"] for c in report["classes"]["classes"]] == list(data.classes.counts[:-1])
    assert report["classes"]["no_data"] == 1
    bounds = [(c["lower"], c["upper"]) for c in report["classes"]["classes"]]
    assert bounds == data.classes.bounds()
    assert report["legend"] == report["drawn"]["legend"]


def test_cli_without_renderer_or_with_unknown_format_refuses(kreise: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("karte.png", "karte.gif"):
        args = cli.parse(["map", "export", "--indicator", POPULATION, "--out", str(tmp_path / name),
                          "--workspace", str(kreise)])
        assert cli.run_command(args) == cli.EXIT_REJECTED
    err = capsys.readouterr().err
    assert "Karten zeichnet nur das Programm" in err and "Kartenformat „.gif“ unbekannt" in err
    assert not list(tmp_path.iterdir())


def test_koeln_population_by_stadtteil(tmp_path: Path) -> None:
    """Köln's 86 Stadtteile (their odd .prj) created below 05315000, the city's population table (tab 005,
    Stadtteile 101 … 909, 2005–2012) imported through a template that assigns its 3-digit numbers to them."""
    import csv

    from bildungsplaner.importing.template import ImportTemplate
    from bildungsplaner.services.workspace import create_workspace

    source = real_file("geo/koeln/bevoelkerung.csv")
    with open(source, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["tab_id"] == "005" and len(r["raum_id"]) == 3
                and r["raum_id"] >= "100"]
    table = tmp_path / "stadtteile.csv"
    with open(table, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["jahr", "raum_id", "raum", "zahl"])
        writer.writerows([r["jahr"], r["raum_id"], r["raum"], r["zahl"]] for r in rows)
    numbers = sorted({r["raum_id"] for r in rows})
    assign = "\n".join(f'"{n}" = "05315000-{n}"' for n in numbers)
    template = tmp_path / "stadtteile.toml"
    template.write_text(f'format = 1\nname = "Einwohner der Kölner Stadtteile"\ntarget = "observations"\n'
                        f'[regions]\nkey = "raum_id"\n[regions.assign]\n{assign}\n[observations]\nperiod = "jahr"\n'
                        f'[[observations.measures]]\ncolumn = "zahl"\nindicator = "EINWOHNER_STT"\n'
                        f'name = "Einwohner"\nunit = "Anzahl"\n', encoding="utf-8")
    path = create_workspace(tmp_path / "koeln.bpws", region="05315000")
    with open_workspace(path, create=False) as ws:
        import_boundaries(ws, real_file("geo/koeln/Stadtteil.shp"), create_under="05315000", level="stadtteil")
        import_file(ws, table, template=ImportTemplate.load(template), all_regions=True)
        latest = maps.map_data(ws, "EINWOHNER_STT", within="05315000", level="stadtteil")
        first = maps.map_data(ws, "EINWOHNER_STT", within="05315000", level="stadtteil", period="2005")
    assert len(numbers) == 86 and len(latest.positions) == 86 and not latest.no_data()
    assert latest.periods == [str(y) for y in range(2005, 2013)] and latest.period == "2012"
    published = {(r["jahr"], r["raum_id"]): float(r["zahl"]) for r in rows}
    for data in (latest, first):
        values = dict(zip((data.geometry.keys[p] for p in data.positions), data.values.tolist(), strict=True))
        assert values == {f"05315000-{n}": published[(data.period, n)] for n in numbers}
    assert sum(latest.classes.counts) == 86 and max(latest.classes.counts) - min(latest.classes.counts[:-1]) <= 1
    assert first.geometry is latest.geometry  # another year: no new decoding
    # the window's period change: the same map for another year from the values already read
    again = latest.for_period("2005")
    assert again.period == "2005" and (again.values == first.values).all()
    assert again.classes == first.classes and again.colours == first.colours
    with pytest.raises(UserInputError, match="Zeitraum „1999“"):
        latest.for_period("1999")
    assert "Gebietsgrenzen: Stadtteil" in latest.sources


INDEX = """
format = 1
kind = "index"
code = "TESTINDEX"
name = "Altersindex der Kreise in NRW"
regions = { level = "kreis", within = "05" }
year = 2015
standardize = "z"
aggregate = "sum"
restandardize = true
classes = { method = "sigma", breaks = [-1.0, 0.0, 1.0], labels = ["jung", "eher jung", "eher alt", "alt"] }

[[input]]
indicator = "ALTENQUOTIENT"
weight = 1.0
direction = 1

[[input]]
indicator = "JUGENDQUOTIENT"
weight = 1.0
direction = -1
"""


def test_an_index_with_its_own_classes(kreise: Path, tmp_path: Path) -> None:
    from bildungsplaner.services import indicators

    copy = tmp_path / "index.bpws"
    copy.write_bytes(kreise.read_bytes())
    with open_workspace(copy, create=False) as ws:
        indicators.define(ws, INDEX)
        result = indicators.compute(ws, "TESTINDEX")
        data = maps.map_data(ws, "TESTINDEX", method="index", within="05", palette="PuBu")
    assert data.classes.method == "index" and data.classes.count == 4
    # one value lies a hair above 1: shown with two decimals it would fall in „bis 1,00“, so the map shows three
    assert data.classes.decimals == 3 and not data.classes.note
    assert data.classes.labels == ("jung (bis -1,000)", "eher jung (über -1,000 bis 0,000)",
                                   "eher alt (über 0,000 bis 1,000)", "alt (über 1,000)", "keine Daten")
    classes = {r.region_key: r.class_no for r in result.rows if r.class_no is not None}
    drawn = {data.geometry.keys[p]: int(c) + 1 for p, c in zip(data.positions, data.class_index, strict=True)
             if c >= 0}
    assert len(drawn) >= 50 and drawn == {k: classes[k] for k in drawn}  # the index table's classes
    assert data.colours == palette("PuBu", 4)
