"""``plan run/show/compare --group-by LEVEL``: recipients per region of that level with subtotals, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bildungsplaner.__main__ import main

ALLOCATION = Path(__file__).resolve().parent / "planning" / "allocation_demo.toml"
DEMAND = Path(__file__).resolve().parent / "planning" / "demand_demo.toml"
SAVED = "Schulsozialarbeit Grundschulen 2027"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_run_group_by_gemeinde_json(demo_file, capsys) -> None:
    code, out, _ = run(capsys, "plan", "run", str(ALLOCATION), "--group-by", "gemeinde", "--json",
                       "--workspace", str(demo_file))
    assert code == 0
    data = json.loads(out)
    assert data["group_by"] == "gemeinde"
    groups = data["groups"]
    assert len(groups) == 12 and groups[0]["name"] == "Lindental" and groups[0]["key"] == "05999001"
    assert sum(g["count"] for g in groups) == len(data["rows"]) == 35
    assert sum(g["amount"] for g in groups) == pytest.approx(data["total"]) == pytest.approx(40.0)
    by_key = {r["key"]: r for r in data["rows"]}
    for group in groups:
        assert group["amount"] == pytest.approx(sum(by_key[k]["amount"] for k in group["members"]))
        assert all(by_key[k]["group"] == group["key"] for k in group["members"])


def test_plan_run_group_by_gemeinde_text(demo_file, capsys) -> None:
    code, out, _ = run(capsys, "plan", "run", str(ALLOCATION), "--group-by", "gemeinde", "--workspace",
                       str(demo_file))
    assert code == 0
    lines = out.splitlines()
    assert "gruppiert nach gemeinde: 12 Gruppen" in out
    lindental = next(i for i, line in enumerate(lines) if "Summe Lindental (7)" in line)
    assert lines[lindental].rstrip().endswith("13,50")  # 7 schools above it, their amounts summed
    assert all(lines[i].startswith("1990") for i in range(lindental - 7, lindental))
    assert sum("Summe " in line for line in lines) == 12
    total = next(line for line in lines if "Insgesamt" in line)
    assert total.rstrip().endswith("40,00")


def test_group_by_a_wrong_level_or_a_demand_scenario_is_refused(demo_file, capsys) -> None:
    code, _, err = run(capsys, "plan", "run", str(ALLOCATION), "--group-by", "sozialraum", "--save", "--replace",
                       "--workspace", str(demo_file))
    assert code == 2 and "Möglich sind: land, regierungsbezirk, kreis, gemeinde" in err
    _, out, _ = run(capsys, "plan", "show", SAVED, "--json", "--workspace", str(demo_file))
    assert json.loads(out)["total"] == 24.0  # the refused run did not replace the saved scenario (40)
    code, _, err = run(capsys, "plan", "run", str(DEMAND), "--group-by", "kreis", "--workspace", str(demo_file))
    assert code == 2 and "nur für Verteilungsszenarien" in err


def test_plan_show_and_compare_group_by(demo_file, capsys) -> None:
    ws = ["--workspace", str(demo_file)]
    code, out, _ = run(capsys, "plan", "show", SAVED, "--group-by", "kreis", "--json", *ws)
    assert code == 0 and [g["name"] for g in json.loads(out)["groups"]] == ["Kreis Lindental"]
    code, out, _ = run(capsys, "plan", "compare", SAVED, str(ALLOCATION), "--group-by", "gemeinde", "--json", *ws)
    data = json.loads(out)
    assert code == 0 and len(data["groups"]) == 12
    assert sum(g["difference"] for g in data["groups"]) == pytest.approx(16.0)
    code, out, _ = run(capsys, "plan", "compare", SAVED, str(ALLOCATION), "--group-by", "gemeinde", *ws)
    assert "Summe Lindental (7)" in out and "Insgesamt" in out
