"""The planning command line on the demo workspace: run, save, list, show, compare, rename, copy, delete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bildungsplaner.__main__ import main

DEMAND = Path(__file__).resolve().parent / "planning" / "demand_demo.toml"
#: the demo's saved scenarios besides the ones the test saves, in the list's order
DEMO_SCENARIOS = ["Kita-Bedarf Prognose 2020", "Schulsozialarbeit Grundschulen 2027"]
NAME = "Kita- und Ganztagsbedarf 2025-2030"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_demand_scenario_runs_saves_and_comes_back(demo_file, capsys) -> None:
    ws = ["--workspace", str(demo_file)]
    code, out, _ = run(capsys, "plan", "run", str(DEMAND), "--json", "--save", "--replace", *ws)
    assert code == 0
    result = json.loads(out)
    assert result["kind"] == "demand" and result["name"] == NAME
    rows = result["rows"]
    assert {r["line"] for r in rows} == {"U3", "Ganztag Grundschule"}
    assert {r["year"] for r in rows} == set(range(2024, 2031))
    assert len({r["region_key"] for r in rows}) == 12
    first = next(r for r in rows if r["line"] == "U3" and r["year"] == 2024)
    assert first["demand"] == pytest.approx(first["population"] * 0.45)  # rate held before its first year
    assert first["gap"] == pytest.approx(first["capacity"] - first["demand"])
    ganztag_2025 = [r for r in rows if r["line"] == "Ganztag Grundschule" and r["year"] == 2025]
    # no entitlement before school year 2026/27: all four grades count, at the rate before the entitlement
    assert all(r["entitled_demand"] == 0 < r["demand"] == pytest.approx(r["population"] * 0.6)
               for r in ganztag_2025)

    _, out, _ = run(capsys, "plan", "list", "--json", *ws)
    assert [s["name"] for s in json.loads(out)] == [NAME, *DEMO_SCENARIOS]
    _, out, _ = run(capsys, "plan", "show", NAME, "--json", *ws)
    assert json.loads(out)["rows"] == rows
    _, out, _ = run(capsys, "plan", "show", NAME, *ws)
    assert "Lindental" in out and 'kind = "demand"' in out


def test_copy_rename_compare_export_delete(demo_file, tmp_path, capsys) -> None:
    ws = ["--workspace", str(demo_file)]
    assert run(capsys, "plan", "run", str(DEMAND), "--save", "--replace", *ws)[0] == 0
    assert run(capsys, "plan", "duplicate", NAME, "Variante", *ws)[0] == 0
    changed = DEMAND.read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.85")
    variant = tmp_path / "variante.toml"
    variant.write_text(changed.replace(NAME, "Variante 85"), encoding="utf-8")
    _, out, _ = run(capsys, "plan", "compare", "Variante", str(variant), "--json", *ws)
    comparison = json.loads(out)
    ganztag = [r for r in comparison["rows"] if r["line"] == "Ganztag Grundschule" and r["year"] == 2030]
    assert all(r["difference"] == pytest.approx(r["a"] / 0.75 * 0.10) for r in ganztag)
    assert run(capsys, "plan", "rename", "Variante", "Variante alt", *ws)[0] == 0
    out_file = tmp_path / "export.toml"
    assert run(capsys, "plan", "export", "Variante alt", "--out", str(out_file), *ws)[0] == 0
    assert 'name = "Variante alt"' in out_file.read_text(encoding="utf-8")
    assert run(capsys, "plan", "delete", "Variante alt", *ws)[0] == 0
    _, out, _ = run(capsys, "plan", "list", "--json", *ws)
    assert [s["name"] for s in json.loads(out)] == [NAME, *DEMO_SCENARIOS]


@pytest.mark.parametrize(("content", "message"), [
    ("format = 1\nkind = 'demand'\n", "„name“ fehlt"),
    ("format = 2\nkind = 'demand'\nname = 'x'\n", "format = 1"),
    ("format = 1\nkind = 'zauber'\nname = 'x'\n", "„kind“ muss"),
    ("format = 1\nkind = [\n", "kein gültiges TOML"),
])
def test_invalid_scenario_files_exit_2_with_a_message(demo_file, tmp_path, capsys, content, message) -> None:
    path = tmp_path / "kaputt.toml"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "plan", "run", str(path), "--workspace", str(demo_file))
    assert code == 2 and message in err and err.count("\n") == 1


def test_unknown_scenario_names_exit_2(demo_file, capsys) -> None:
    code, _, err = run(capsys, "plan", "show", "Gibt es nicht", "--workspace", str(demo_file))
    assert code == 2 and "gibt es im Arbeitsbereich nicht" in err
