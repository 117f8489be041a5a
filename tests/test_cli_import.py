"""``bildungsplaner import``, ``data export`` and ``facilities export`` as a user or a script runs them."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bildungsplaner.__main__ import main

REPO = Path(__file__).resolve().parents[1]
REAL_DATA = REPO.parent / "shared" / "real-data"


def real_file(name: str) -> Path:
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_import_json_report_then_export_in_long_form(workspace, tmp_path, capsys) -> None:
    workspace.close()
    ws = str(workspace.path)
    assert main(["import", str(real_file("genesis_12411-01-01-5_00.csv")), "--workspace", ws, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report.keys() >= {"dataset", "observations", "facilities", "regions_created", "warnings"}
    assert report["observations"] == 347_832 and report["facilities"] == 0 and report["dataset"] == 1
    out = tmp_path / "daten.csv"
    assert main(["data", "export", "--out", str(out), "--workspace", ws, "--indicator", "BEVOELKERUNGSSTAND"]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert list(rows[0]) == ["dataset", "region_key", "region_name", "indicator", "unit", "period", "dimensions",
                             "value", "flag"]
    assert len(rows) == 347_832
    bergkamen = [r for r in rows if r["region_key"] == "05978004" and r["period"] == "2015-12-31"]
    assert {(r["dimensions"], r["value"]) for r in bergkamen} == {
        ("Geschlecht=Insgesamt", "47803"), ("Geschlecht=männlich", "23562"), ("Geschlecht=weiblich", "24241")}
    assert bergkamen[0]["region_name"] == "Bergkamen" and bergkamen[0]["unit"] == "Anzahl"
    dashes = [r for r in rows if r["flag"] == "-"]
    assert dashes and {r["value"] for r in dashes} == {"0"}
    dots = [r for r in rows if r["flag"] == "."]
    assert dots and {r["value"] for r in dots} == {""}  # unknown: empty, never 0


def test_import_dry_run_in_words_changes_nothing(workspace, capsys) -> None:
    workspace.close()
    before = digest(workspace.path)
    code = main(["import", str(real_file("genesis_22541-01-04-4_00.csv")), "--workspace", str(workspace.path),
                 "--dry-run"])
    out = capsys.readouterr().out
    assert code == 0
    assert "würden importiert" in out and "68380 Beobachtungen" in out and "Zeichen:" in out
    assert digest(workspace.path) == before


def test_a_rejected_file_is_one_line_exit_2_and_nothing_changes(workspace, tmp_path, capsys) -> None:
    workspace.close()
    before = digest(workspace.path)
    truncated = tmp_path / "abgeschnitten.csv"
    text = real_file("genesis_12411-01-01-4.csv").read_bytes()
    truncated.write_bytes(text[: len(text) // 2])
    assert main(["import", str(truncated), "--workspace", str(workspace.path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and err.count("\n") == 1 and "Traceback" not in err
    assert digest(workspace.path) == before


def test_importing_twice_says_so_with_exit_code_3(workspace, capsys) -> None:
    workspace.close()
    path = str(real_file("genesis_12612-01-01-4_00.csv"))
    assert main(["import", path, "--workspace", str(workspace.path)]) == 0
    capsys.readouterr()
    before = digest(workspace.path)
    assert main(["import", path, "--workspace", str(workspace.path)]) == 3
    assert "bereits importiert (Datensatz 1)" in capsys.readouterr().err
    assert digest(workspace.path) == before


def test_a_generic_table_without_template_is_refused_with_a_hint(workspace, tmp_path, capsys) -> None:
    workspace.close()
    table = tmp_path / "liste.csv"
    table.write_text("Schlüssel;Name;Einwohner\n05978004;Bergkamen;47803\n", encoding="utf-8")
    assert main(["import", str(table), "--workspace", str(workspace.path)]) == 2
    assert "Importvorlage" in capsys.readouterr().err


def test_export_of_an_unknown_dataset_is_refused(demo_file, tmp_path, capsys) -> None:
    out = tmp_path / "x.csv"
    assert main(["data", "export", "--out", str(out), "--dataset", "999", "--workspace", str(demo_file)]) == 2
    assert "Datensatz 999" in capsys.readouterr().err and not out.exists()


def test_facilities_export_has_one_column_per_attribute(demo_file, tmp_path, capsys) -> None:
    out = tmp_path / "einrichtungen.csv"
    assert main(["facilities", "export", "--out", str(out), "--workspace", str(demo_file)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert len(rows) >= 80
    assert {"key", "name", "kind", "region_key", "offering"} <= set(rows[0])
    schools = [r for r in rows if r["kind"] == "Grundschule"]
    assert schools and all(r["region_key"] for r in schools)
    numeric = [c for c in rows[0] if c not in {"key", "name", "kind", "phase", "region_key", "region_name",
                                                "address", "offering"}]
    assert numeric, "attributes become their own columns"


def test_import_in_a_real_process_exit_codes(workspace, tmp_path) -> None:
    workspace.close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    empty = tmp_path / "leer.csv"
    empty.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "bildungsplaner", "import", str(empty), "--workspace",
                             str(workspace.path)], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert result.returncode == 2 and "leer" in result.stderr and "Traceback" not in result.stderr


def test_written_counts_are_grouped_but_the_file_name_keeps_its_comma(demo_file, tmp_path, capsys) -> None:
    out = tmp_path / "Schulen, Kitas.csv"
    assert main(["data", "export", "--out", str(out), "--workspace", str(demo_file)]) == 0
    printed = capsys.readouterr().out.strip()
    assert printed.endswith(f"Beobachtungen geschrieben: {out}") and "." in printed.split(" ")[0]
    assert main(["facilities", "export", "--out", str(out), "--workspace", str(demo_file)]) == 0
    assert capsys.readouterr().out.strip().endswith(f"Einrichtungen geschrieben: {out}")
