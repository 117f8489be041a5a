"""What a user sees is the same on a SQLite file and on a PostgreSQL server workspace, value for value (issue 15).

Each test runs once per back end (the ``backend`` fixture) and holds its results against a SQLite workspace built
the same way in this module (the reference): real files imported (a GENESIS table, a GENESIS flat file, the NRW
school list through an import template, as CSV and as an Excel workbook), browsed, taken back; the demo built
into the workspace, its scenarios planned, compared, grouped, saved and read back; the council workbooks written;
Kennzahlen computed. A server that sorts by its German collation, hands back integers where SQLite gives floats,
an empty text where SQLite has NULL, or a time in another zone fails here.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from backends import Backend
from pandas.testing import assert_frame_equal
from realdata import OWN_KENNZAHL, SCHOOLS_TEMPLATE, real_file
from sqlalchemy import func, select

from bildungsplaner.importing.genesis import parse_genesis_table
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.services import indicators
from bildungsplaner.services.browse import (
    list_datasets,
    list_facilities,
    list_indicators,
    list_regions,
    load_observations,
)
from bildungsplaner.services.data_export import export_observations_csv
from bildungsplaner.services.import_history import delete_import
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.planning import compare_results, group_result, run_scenario
from bildungsplaner.services.scenario_export import export_scenario
from bildungsplaner.services.scenarios import get_scenario, list_scenarios, save_scenario
from bildungsplaner.services.workspace import build_demo_workspace
from bildungsplaner.store.models import Facility, Observation, Region

PLANNING = Path(__file__).resolve().parent / "planning"

GENESIS = ("genesis_12411-01-01-4.csv",  # ISO-8859-1, Kreise, with "-"
           "genesis_21111-01-03-4_00.csv",  # symbols x . - : values that are NULL with a flag
           "genesis_21111-02-06-4_00.csv")  # school leavers: the input of the catalogue's ABG_* Kennzahlen
SCHOOL_LIST = "nrw_schulverzeichnis_2024_25_sozialindex.csv"

_FLAT_HEAD = ("statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
              "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;"
              "2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;"
              "value_variable_label;value_q")
_REGION_VARIABLES = {0: ("DINSG", "Deutschland insgesamt"), 2: ("DLAND", "Bundesländer"),
                     3: ("REGBEZ", "Regierungsbezirke"), 5: ("KREISE", "Kreise und krfr. Städte"),
                     8: ("GEMEINDE", "Gemeinden")}  # (Berlin and Hamburg: a Gemeinde that is a Land)
_SEXES = {"Insgesamt": "", "männlich": "GESM", "weiblich": "GESW"}


def flat_file(folder: Path) -> Path:
    """The real table genesis_12411-01-01-4 written as GENESIS-Online's flat file (ffcsv, new layout): every
    cell of the real file, one value per line, the "-" of Kreise that did not exist kept as "-"."""
    source = real_file("genesis_12411-01-01-4.csv")
    cells = parse_genesis_table(source.read_bytes(), source.name).cells
    lines = [_FLAT_HEAD]
    for c in cells.itertuples():
        variable, label = _REGION_VARIABLES[0 if c.region_key == "DG" else len(c.region_key)]
        sex = json.loads(c.dimensions)["Geschlecht"]
        value = "-" if c.flag == "-" else str(int(c.value))
        lines.append(f"12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;{c.period_iso};{variable};{label};"
                     f"{c.region_key};{c.region_name};GES;Geschlecht;{_SEXES[sex]};{sex};{value};Anzahl;BEVSTD;"
                     "Bevölkerungsstand;e")
    path = folder / "bevoelkerung_flat.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def school_workbook(folder: Path) -> Path:
    """The real NRW school list saved as an Excel workbook, as a user who opened it in Excel would pass it on."""
    frame = pd.read_csv(real_file(SCHOOL_LIST), dtype=str, keep_default_na=False)
    path = folder / "schulliste.xlsx"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name="Schulen", index=False)
    return path


def import_everything(ws, made: dict[str, Path]) -> list[dict[str, Any]]:
    """Import the real files as a user would; what each import reported (without the workspace's own ids)."""
    reports = [import_file(ws, real_file(name), all_regions=True) for name in GENESIS]
    reports.append(import_file(ws, made["flat"], all_regions=True))
    template = ImportTemplate.loads(SCHOOLS_TEMPLATE)
    reports.append(import_file(ws, real_file(SCHOOL_LIST), template=template))
    reports.append(import_file(ws, made["xlsx"], template=template, sheet="Schulen"))
    return [_report(r) for r in reports]


#: what an import report holds that is the workspace's own (ids of its rows, where its automatic backup went)
_OWN_IDS = ("dataset", "supersedes", "duplicate_of", "duplicate_replaced_by", "backup")


def _report(report: Any) -> dict[str, Any]:
    shown = {k: v for k, v in vars(report).items() if k not in _OWN_IDS}
    shown["supersedes_earlier"] = report.supersedes is not None
    assert report.committed, shown
    return shown


def observation_frames(ws) -> dict[str, pd.DataFrame]:
    """Every indicator's observations in every region, as the data browser loads them."""
    region_ids = [r.id for r in list_regions(ws)]
    return {row.code: load_observations(ws, row.id, region_ids) for row in list_indicators(ws)}


def catalogue(ws) -> list[tuple]:
    return [(r.code, r.name, r.unit, r.description, r.phase, r.observations) for r in list_indicators(ws)]


def regions(ws) -> list[tuple]:
    by_id = {r.id: r.key for r in list_regions(ws)}
    return [(r.key, r.name, r.level, by_id.get(r.parent_id)) for r in list_regions(ws)]


def history(ws) -> list[tuple]:
    rows = list_datasets(ws)
    ids = {r.id: r.file_name for r in rows}
    # (who imported is the login: the database role on the server, the Windows user on a file)
    return [(r.file_name, r.format, r.table_code, r.title, r.stand, r.source, r.footnotes, r.row_count,
             ids.get(r.superseded_by), r.observations, r.facilities, r.imported_at.tzinfo is not None) for r in rows]


def facilities(ws) -> list[tuple]:
    """The facility list as the window shows it (by kind and name)."""
    return [(f.kind, f.name, f.key, f.phase, f.offering, f.address, f.region_key, f.region_name,
             json.dumps(f.attributes, sort_keys=True)) for f in list_facilities(ws)]


def kennzahlen(ws) -> dict[str, dict]:
    """The catalogue's Kennzahl on the school leavers and the user's own, as computed."""
    return {code: indicators.compute(ws, code).to_dict() for code in ("ABG_AHR", "ABG_FRAUEN_AHR")}


def count(ws, model) -> int:
    with ws.session() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture(autouse=True)
def server_far_east(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server's sessions run in UTC+14 (libpq's PGTZ): an import time kept or shown in the session's zone
    instead of UTC would name another day than on the file (most hours of the day) and fail the comparisons."""
    monkeypatch.setenv("PGTZ", "Pacific/Kiritimati")


def _session_zone(ws) -> str | None:
    if not ws.is_server:
        return None
    with ws.engine.connect() as conn:
        return conn.exec_driver_sql("SHOW TimeZone").scalar()


# --- the SQLite references, built once ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The flat file and the workbook, written once: the same bytes (and checksum) for every back end."""
    folder = tmp_path_factory.mktemp("made_files")
    return {"flat": flat_file(folder), "xlsx": school_workbook(folder)}


@pytest.fixture(scope="module")
def imported_reference(tmp_path_factory: pytest.TempPathFactory, made) -> Iterator[dict[str, Any]]:
    where = Backend("sqlite", tmp_path_factory.mktemp("reference_imports"))
    try:
        ws = where.open()
        folder = tmp_path_factory.mktemp("reference_files")
        seen: dict[str, Any] = {"reports": import_everything(ws, made), "catalogue": catalogue(ws),
                                "regions": regions(ws), "history": history(ws), "frames": observation_frames(ws),
                                "facilities": facilities(ws)}
        indicators.define(ws, OWN_KENNZAHL)
        seen["kennzahlen"] = kennzahlen(ws)
        csv_out = folder / "alle.csv"
        export_observations_csv(ws, csv_out)
        seen["csv"] = csv_out.read_bytes()
        yield seen
    finally:
        where.cleanup()


@pytest.fixture(scope="module")
def demo_reference(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    where = Backend("sqlite", tmp_path_factory.mktemp("reference_demo"))
    try:
        ws = where.open()
        build_demo_workspace(ws)
        yield ws
    finally:
        where.cleanup()


# --- 1. import, browse, take back ---------------------------------------------------------------------------------

def test_real_imports_browse_alike_and_are_taken_back_alike(backend: Backend, imported_reference, made,
                                                            tmp_path) -> None:
    ws = backend.open()
    assert _session_zone(ws) == ("Pacific/Kiritimati" if backend.is_server else None)
    before = {model: count(ws, model) for model in (Observation, Region, Facility)}
    reports = import_everything(ws, made)
    assert reports == imported_reference["reports"]
    assert len(imported_reference["facilities"]) > 5000
    assert facilities(ws) == imported_reference["facilities"]  # by kind and name as on the file

    assert catalogue(ws) == imported_reference["catalogue"]  # names in the same order, the same counts
    assert regions(ws) == imported_reference["regions"]  # keys with leading zeros, the same tree, the same order
    frames = observation_frames(ws)
    assert list(frames) == list(imported_reference["frames"])
    for code, frame in frames.items():
        expected = imported_reference["frames"][code]
        assert len(frame) > 0
        # as the browser shows them: the same rows in the same order, floats, NaN where the file has a symbol
        assert_frame_equal(frame.reset_index(drop=True), expected.reset_index(drop=True), check_exact=True,
                           obj=f"{code} on {backend.name}")
    assert frames["ABSOLVENTEN_ABGAENGER"]["value"].dtype == "float64"

    indicators.define(ws, OWN_KENNZAHL)
    assert kennzahlen(ws) == imported_reference["kennzahlen"]
    assert all(len(result["rows"]) > 100 for result in imported_reference["kennzahlen"].values())

    out = tmp_path / "alle.csv"
    export_observations_csv(ws, out)
    assert out.read_bytes() == imported_reference["csv"]  # the data export, byte for byte

    assert history(ws) == imported_reference["history"]
    shown = list_datasets(ws)
    assert [r.imported_at for r in shown] == sorted((r.imported_at for r in shown), reverse=True)
    # take every import back, newest first: the workspace is as it was, on both
    for row in shown:
        delete_import(ws, row.id)
    assert list_datasets(ws) == []
    assert {model: count(ws, model) for model in (Observation, Region, Facility)} == before


# --- 2. planning on the demo --------------------------------------------------------------------------------------

def _rows(result: Any) -> pd.DataFrame:
    return result.rows.reset_index(drop=True)


def test_the_demo_scenarios_plan_compare_and_save_alike(backend: Backend, demo_reference) -> None:
    ws = backend.open()
    build_demo_workspace(ws)
    saved = list_scenarios(ws)
    expected_saved = list_scenarios(demo_reference)
    assert [(s.name, s.kind, s.text, s.notes) for s in saved] == \
        [(s.name, s.kind, s.text, s.notes) for s in expected_saved]
    assert len(saved) == 3 and {s.kind for s in saved} == {"allocation", "demand"}
    for entry in saved:
        # the result saved while the demo was built, read back
        assert get_scenario(ws, entry.name, with_result=True).result == \
            get_scenario(demo_reference, entry.name, with_result=True).result
        result, expected = run_scenario(ws, entry.spec), run_scenario(demo_reference, entry.spec)
        assert_frame_equal(_rows(result), _rows(expected), check_exact=True, obj=f"{entry.name} on {backend.name}")
        assert list(result.warnings) == list(expected.warnings)
        assert result.to_json_dict() == expected.to_json_dict()

    # the allocation against the variant in tests/planning, and grouped by Gemeinde
    allocation_text = next(s.text for s in saved if s.kind == "allocation")
    allocation = scenario_files.parse(allocation_text, "Verteilung")
    variant = scenario_files.load(PLANNING / "allocation_demo.toml")
    compared = compare_results(run_scenario(ws, allocation), "A", run_scenario(ws, variant), "B")
    compared_ref = compare_results(run_scenario(demo_reference, allocation), "A",
                                   run_scenario(demo_reference, variant), "B")
    assert_frame_equal(compared.rows.reset_index(drop=True), compared_ref.rows.reset_index(drop=True),
                       check_exact=True)
    assert compared.to_json_dict() == compared_ref.to_json_dict()
    grouped, grouped_ref = (group_result(w, run_scenario(w, allocation), "gemeinde") for w in (ws, demo_reference))
    assert_frame_equal(grouped.rows.reset_index(drop=True), grouped_ref.rows.reset_index(drop=True), check_exact=True)

    # a user saves a scenario of their own with its result and opens it again
    demand = scenario_files.load(PLANNING / "demand_demo.toml")
    result = run_scenario(ws, demand)
    stored = save_scenario(ws, demand, result=result.to_json_dict(), notes="Stand: Ausschuss März")
    again = get_scenario(ws, demand.name, with_result=True)
    assert again.spec == demand and again.notes == "Stand: Ausschuss März" and again.version == stored.version
    # what comes back is what the reference computes, through JSON (no integer turned float, no NaN lost)
    assert again.result == json.loads(json.dumps(run_scenario(demo_reference, demand).to_json_dict()))
    assert again.changed_at.tzinfo is not None and again.changed_at == stored.changed_at
    assert [s.name for s in list_scenarios(ws)] == [s.name for s in expected_saved]  # replaced, same order
    # a name in small letters: SQLite sorts it after the capitals, a German collation before „Kita…“; the list
    # must read as on a file (code point order) whatever the server's collation is
    save_scenario(ws, scenario_files.parse(allocation_text.replace(allocation.name, "abbau Schulsozialarbeit"), "x"))
    names = [s.name for s in list_scenarios(ws)]
    assert names == sorted(names) and names[-1] == "abbau Schulsozialarbeit"


# --- 3. the council workbooks -------------------------------------------------------------------------------------

def cells(path: Path) -> tuple[dict[str, list[tuple]], list[Any]]:
    """Every value of every sheet, as openpyxl reads it (formulas as their text), and the workspace the method
    names (a file name or a server workspace's schema: the one value that rightly differs, set aside)."""
    wb = openpyxl.load_workbook(path)
    sheets, named = {}, []
    for sheet in wb.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        named += [row[1] for row in rows if row[:1] == ("Arbeitsbereich",)]
        sheets[sheet.title] = [row for row in rows if row[:1] != ("Arbeitsbereich",)]
    return sheets, named


def test_the_council_workbooks_are_the_same_cell_for_cell(backend: Backend, demo_reference, tmp_path) -> None:
    ws = backend.open()
    build_demo_workspace(ws)
    allocation = scenario_files.load(PLANNING / "allocation_demo.toml")
    demand = scenario_files.load(PLANNING / "demand_demo.toml")
    variant = scenario_files.parse(
        (PLANNING / "demand_demo.toml").read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.9")
        .replace('name = "Kita', 'name = "Variante Kita'), "Variante")
    exports = {"bedarf": (demand, {"compare": variant}),
               "verteilung": (allocation, {"suppress_below": 250}),
               "gruppiert": (allocation, {"group_by": "gemeinde"})}
    for name, (spec, options) in exports.items():
        ours = export_scenario(ws, spec, tmp_path / f"{name}_{backend.name}.xlsx", **options)
        theirs = export_scenario(demo_reference, spec, tmp_path / f"{name}_referenz.xlsx", **options)
        (got, named), (expected, named_ref) = cells(ours), cells(theirs)
        assert named_ref == ["test.bpws"] and named == [ws.path.name]
        if backend.is_server:  # the schema, never the server's address or socket folder
            assert named == [f"bp_{backend.workspace_name}"]
        assert list(got) == list(expected)
        for sheet in expected:
            assert len(got[sheet]) == len(expected[sheet]) > 3, (name, sheet)
            for number, (row, expected_row) in enumerate(zip(got[sheet], expected[sheet], strict=True), start=1):
                assert row == expected_row, f"{name}.xlsx, sheet {sheet}, row {number} on {backend.name}"
