"""``bildungsplaner indicator …``: the JSON shapes, German one-line errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from realdata import OWN_KENNZAHL, real_file

from bildungsplaner.__main__ import main

OWN = OWN_KENNZAHL.lstrip()  # the canonical form: `indicator export` writes exactly this text


def test_indicator_commands(workspace, tmp_path: Path, capsys) -> None:
    workspace.close()
    ws = str(workspace.path)
    source = real_file("genesis_21111-02-06-4_00.csv")
    assert main(["import", str(source), "--all-regions", "--workspace", ws]) == 0
    capsys.readouterr()

    assert main(["indicator", "list", "--json", "--workspace", ws]) == 0
    entries = {e["code"]: e for e in json.loads(capsys.readouterr().out)}
    assert entries["ABG_AHR"]["kind"] == "katalog" and entries["ABG_AHR"]["available"] is True
    assert entries["BQ_U3"]["available"] is False
    assert entries["BQ_U3"]["missing_sources"] == ["Tabelle 22543-01-02-4", "Tabelle 12411-04-02-4"]
    assert entries["ABSOLVENTEN_ABGAENGER"]["kind"] == "importiert"
    assert set(entries["ABG_AHR"]) >= {"code", "name", "unit", "kind", "area", "tier", "available",
                                        "missing_sources", "decimals"}

    assert main(["--workspace", ws, "indicator", "compute", "ABG_AHR", "--level", "bund", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"code", "name", "unit", "rows"} and data["code"] == "ABG_AHR" and data["unit"] == "%"
    assert data["rows"][0].keys() == {"region_key", "region_name", "period", "value", "flag"}
    row = next(r for r in data["rows"] if r["period"] == "2015")
    assert row["region_key"] == "DG" and abs(row["value"] - 100 * 287862 / 846423) < 1e-9 and row["flag"] is None

    assert main(["indicator", "compute", "BQ_U3", "--workspace", ws]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Quelle fehlt: Tabelle 22543-01-02-4" in err and "Traceback" not in err

    definition = tmp_path / "frauen.toml"
    definition.write_text(OWN, encoding="utf-8")
    assert main(["indicator", "define", str(definition), "--workspace", ws]) == 0
    assert "ABG_FRAUEN_AHR gespeichert" in capsys.readouterr().out
    assert main(["indicator", "define", str(definition), "--workspace", ws]) == 2
    assert "--replace" in capsys.readouterr().err
    assert main(["indicator", "define", str(definition), "--replace", "--workspace", ws]) == 0
    capsys.readouterr()

    assert main(["indicator", "show", "ABG_FRAUEN_AHR", "--workspace", ws]) == 0
    out = capsys.readouterr().out
    assert "Version: 2" in out and "Datenlizenz Deutschland" in out and "formula = " in out

    exported = tmp_path / "export.toml"
    assert main(["indicator", "export", "ABG_FRAUEN_AHR", "--out", str(exported), "--workspace", ws]) == 0
    assert exported.read_text(encoding="utf-8") == OWN
    assert main(["indicator", "export", "ABG_AHR", "--out", str(tmp_path / "kat.toml"), "--workspace", ws]) == 0
    assert 'code = "ABG_AHR"' in (tmp_path / "kat.toml").read_text(encoding="utf-8")

    table = tmp_path / "kennzahlen.xlsx"
    assert main(["indicator", "export", "ABG_AHR", "ABG_OHNE_HSA", "--out", str(table), "--region", "05315",
                 "--workspace", ws]) == 0
    assert "Kennzahlen-Tabelle geschrieben" in capsys.readouterr().out
    from openpyxl import load_workbook

    assert len(load_workbook(table).sheetnames) >= 3
    assert main(["indicator", "export", "ABG_AHR", "--out", str(tmp_path / "x.toml"), "--years", "2014-2015",
                 "--workspace", ws]) == 2
    assert "nur für die Kennzahlen-Tabelle" in capsys.readouterr().err

    assert main(["indicator", "delete", "ABG_FRAUEN_AHR", "--workspace", ws]) == 0
    capsys.readouterr()
    assert main(["indicator", "delete", "ABG_AHR", "--workspace", ws]) == 2
    assert "Katalogs" in capsys.readouterr().err
    assert main(["indicator", "show", "GIBTESNICHT", "--workspace", ws]) == 2
    capsys.readouterr()

    bad = tmp_path / "bad.toml"
    bad.write_text(OWN.replace("100 * frauen / alle", "__import__('os').system('echo x')"), encoding="utf-8")
    assert main(["indicator", "define", str(bad), "--workspace", ws]) == 2
    assert "Funktionsaufruf" in capsys.readouterr().err
