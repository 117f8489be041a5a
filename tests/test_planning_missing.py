"""Issue 10, points 4 and 5 through the services and the command line: a school without a Sozialindex under
``missing = "zero"`` is named in ``plan run --json`` (real NRW school list, Kreis Unna), places a facility lacks
are named, and the Ganztag coverage of the demo compares the same grades on both sides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from realdata import real_file
from sqlalchemy import select
from test_import_generic import SCHOOLS  # the NRW school-list template

from bildungsplaner.__main__ import main
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.planning import run_scenario
from bildungsplaner.store.database import open_workspace
from bildungsplaner.store.models import Facility, Region

UNNA = """\
format = 1
kind = "allocation"
name = "Schulsozialarbeit Grundschulen Kreis Unna"

[recipients]
type = "facility"
facility_kinds = ["Grundschule"]
within = "05978"

[[need]]
source = "attribute:schueler"
weight = 0.5

[[need]]
source = "attribute:schueler"
times = "attribute:sozialindex"
weight = 0.5
missing = "zero"

[amount]
total = 29.0
unit = "VZÄ"
step = 0.5
"""


@pytest.fixture
def unna(tmp_path: Path) -> Path:
    """A workspace with the real NRW school list 2024/25; the Gemeinden 05978… below a Kreis Unna."""
    path = tmp_path / "unna.bpws"
    with open_workspace(path) as ws:
        import_file(ws, real_file("nrw_schulverzeichnis_2024_25_sozialindex.csv"), template=SCHOOLS)
        with ws.transaction() as s:
            kreis = Region(key="05978", name="Kreis Unna", level="kreis")
            s.add(kreis)
            for region in s.scalars(select(Region).where(Region.key.like("05978___"))):
                region.parent = kreis
    return path


def test_plan_run_json_names_the_school_whose_missing_sozialindex_counted_as_zero(unna: Path, tmp_path: Path,
                                                                                   capsys) -> None:
    scenario = tmp_path / "unna.toml"
    scenario.write_text(UNNA, encoding="utf-8")
    assert main(["plan", "run", str(scenario), "--json", "--workspace", str(unna)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert len(result["rows"]) == 58  # the Grundschulen of the Kreis Unna
    # the private Felix-Manz-Schule in Bergkamen has no Sozialindex in the ministry's list
    assert result["warnings"] == ["Fehlende Werte ersetzt: „attribute:sozialindex“ fehlt für 100083 "
                                  "(Felix-Manz-Schule); als 0 gerechnet (missing = \"zero\")."]
    school = next(r for r in result["rows"] if r["key"] == "100083")
    assert school["values"] == {"attribute:schueler": 130, "attribute:sozialindex": None}  # missing, not 0
    # the text output lists the same sentence under „Hinweise“
    assert main(["plan", "run", str(scenario), "--workspace", str(unna)]) == 0
    assert "Hinweise:\n- Fehlende Werte ersetzt: „attribute:sozialindex“ fehlt für 100083 (Felix-Manz-Schule)" \
        in capsys.readouterr().out


def test_a_facility_without_places_is_named_and_counted_as_zero(demo_file: Path) -> None:
    spec = scenario_files.load(Path(__file__).parent / "planning" / "demand_demo.toml")
    with open_workspace(demo_file) as ws:
        with ws.transaction() as s:
            school = s.scalars(select(Facility).where(Facility.kind == "Grundschule").order_by(Facility.key)).first()
            key, name = school.key, school.name
            school.attributes = {k: v for k, v in school.attributes.items() if k != "ogs_plaetze"}
        result = run_scenario(ws, spec)
    assert result.warnings[0] == (f"Fehlende Werte ersetzt: „Ganztag Grundschule“: das Merkmal „ogs_plaetze“ "
                                  f"(Plätze) fehlt für {key} ({name}); als 0 Plätze gezählt.")


def test_demo_ganztag_coverage_counts_demand_for_the_same_grades_as_the_places(demo_file: Path) -> None:
    """The demo's OGS places serve grades 1-4; in 2026 only grade 1 is entitled. The demand now counts all four
    grades, so the coverage stays a plausible share instead of several hundred per cent."""
    spec = scenario_files.load(Path(__file__).parent / "planning" / "demand_demo.toml")
    with open_workspace(demo_file) as ws:
        result = run_scenario(ws, spec)
    totals = result.totals[result.totals["line"] == "Ganztag Grundschule"].set_index("year")
    row = totals.loc[2026]
    assert row["ages"] == "6–9" and row["entitled_ages"] == "6"
    assert row["demand"] == pytest.approx(row["entitled_population"] * 0.75
                                          + (row["population"] - row["entitled_population"]) * 0.6)
    assert row["entitled_demand"] == pytest.approx(row["entitled_population"] * 0.75)
    assert 0.5 < row["coverage"] < 1.5  # grade 1 alone: places / (grade 1 × 0.75) would be several times this
    assert row["capacity"] / row["entitled_demand"] > 2.5


def test_plan_run_text_shows_a_missing_number_as_dot_not_dash(demo_file: Path, tmp_path: Path, capsys) -> None:
    text = (Path(__file__).parent / "planning" / "demand_demo.toml").read_text(encoding="utf-8")
    scenario = tmp_path / "ohne_plaetze.toml"
    scenario.write_text(text + '\n[[demand]]\nname = "Ü3"\nages = [3, 4, 5]\nrate = 0.95\n', encoding="utf-8")
    assert main(["plan", "run", str(scenario), "--workspace", str(demo_file)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "  Ü3  " in line]
    assert lines and all(line.split()[-2:] == [".", "."] for line in lines)  # no places given: unknown, not 0
