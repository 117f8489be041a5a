"""``bildungsplaner geo import|list``: the JSON shape, German one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from realdata import real_file

from bildungsplaner.__main__ import main
from bildungsplaner.services.workspace import create_workspace


def test_geo_import_json_and_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(create_workspace(tmp_path / "koeln.bpws", region="05315000"))
    shp = str(real_file("geo/koeln/Stadtteil.shp"))
    assert main(["geo", "import", shp, "-w", ws, "--create-under", "05315000", "--level", "stadtteil",
                 "--dry-run", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert {"features", "matched", "created", "unmatched", "regions_without_geometry", "crs", "layer"} <= set(preview)
    assert (preview["features"], preview["matched"], preview["created"]) == (86, 0, 86)
    assert preview["unmatched"] == [] and preview["crs"] == "WGS 84 / UTM zone 32N" and preview["layer"] == "Stadtteil"
    assert preview["dry_run"] is True
    assert main(["geo", "list", "-w", ws, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # the dry run stored nothing

    assert main(["geo", "import", shp, "-w", ws, "--create-under", "05315000", "--level", "stadtteil"]) == 0
    out = capsys.readouterr()
    assert "86 Gebiete, 0 zugeordnet, 86 neu angelegt" in out.out
    assert "Ungültige Geometrie repariert: Marienburg (202)" in out.out
    assert f"Arbeitsbereich: {ws}" in out.err
    assert main(["geo", "list", "-w", ws, "--json"]) == 0
    (layer,) = json.loads(capsys.readouterr().out)
    assert layer["name"] == "Stadtteil" and layer["features"] == 86 and layer["level"] == "stadtteil"


def test_unmatched_features_are_listed_by_key_and_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(create_workspace(tmp_path / "koeln.bpws", region="05315"))
    assert main(["geo", "import", str(real_file("geo/kreise/Ebene_Kreise.geojson")), "-w", ws, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    # the workspace knows only Köln (and NRW, Germany above it): the other 400 Kreise are listed, not stored
    assert report["matched"] == 1 and len(report["unmatched"]) == 400
    assert {"key": "01001", "name": "Flensburg"} in report["unmatched"]
    assert report["regions_without_geometry"] == []


def test_bad_input_is_one_line_and_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(create_workspace(tmp_path / "ws.bpws", region="05315000"))
    not_gpkg = tmp_path / "x.gpkg"
    not_gpkg.write_text("kein GeoPackage", encoding="utf-8")
    assert main(["geo", "import", str(not_gpkg), "-w", ws]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "Fehler: x.gpkg ist keine GeoPackage-Datei."
    with pytest.raises(SystemExit) as exit_info:  # not a region level: argparse refuses it
        main(["geo", "import", str(not_gpkg), "-w", ws, "--level", "bezirk"])
    assert exit_info.value.code == 2
    assert "--level" in capsys.readouterr().err
