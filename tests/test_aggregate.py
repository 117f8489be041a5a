"""„alle“ over a dimension means the source's total, never the total plus its parts (issue: numbers a council
can trust). The real Kita tables 22541/22543 for Kreis Unna, the command line's ``data pivot``, the chart, and
properties of the rule on generated tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from realdata import real_file

from bildungsplaner import UserInputError
from bildungsplaner.__main__ import main
from bildungsplaner.importing.genesis import parse_genesis_table
from bildungsplaner.services import browse
from bildungsplaner.services.aggregate import ALL, collapse, default_choices, dimension_choices, load_pivot
from bildungsplaner.services.importing import import_file

UNNA = "05978"
KITA_FILES = ("genesis_22541-01-04-4_00.csv", "genesis_22543-01-01-4_00.csv", "genesis_22543-01-02-4_00.csv")
# Betreute Kinder, Unna, Kreis, „Insgesamt“ (2007-2010) and „Insgesamt (ohne Doppelzählungen)“ (2011-2016), as
# published in 22543-01-01-4 and 22543-01-02-4.
UNNA_TOTALS = [12805, 13122, 12878, 12689, 12341, 12119, 12072, 12450, 12417, 12687]


@pytest.fixture(scope="module")
def kita_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bildungsplaner.store.database import open_workspace

    path = tmp_path_factory.mktemp("kita") / "kita.bpws"
    ws = open_workspace(path)
    try:
        for name in KITA_FILES:
            import_file(ws, real_file(name))
    finally:
        ws.close()
    return path


@pytest.fixture
def kita(kita_file: Path) -> Any:
    from bildungsplaner.store.database import open_workspace

    ws = open_workspace(kita_file)
    yield ws
    ws.close()


def _unna(ws: Any, code: str) -> tuple[pd.DataFrame, dict[str, pd.Categorical], str]:
    indicator = next(i for i in browse.list_indicators(ws) if i.code == code)
    region = next(r for r in browse.list_regions(ws) if r.key == UNNA)
    frame = browse.load_observations(ws, indicator.id, [region.id])
    return frame, browse.dimension_columns(frame["dimensions"]), indicator.unit


def test_genesis_total_column_is_stored_as_the_total_category() -> None:
    table = parse_genesis_table(real_file("genesis_22543-01-01-4_00.csv").read_bytes())
    betreute = [c.dimensions for c in table.columns if c.measure == "Betreute Kinder"]
    assert betreute == [{"Altersgruppe": "Insgesamt"}, {"Altersgruppe": "unter 3 Jahre"},
                        {"Altersgruppe": "3 bis unter 6 Jahre"}, {"Altersgruppe": "6 bis unter 14 Jahre"}]
    other = [c.dimensions for c in table.columns if c.measure == "Kinder mit Mittagsverpflegung"]
    assert other == [{}]  # a measure without parts gets no made-up dimension


def test_all_means_the_published_total_for_unna(kita: Any) -> None:
    frame, dims, unit = _unna(kita, "BETREUTE_KINDER")
    choices = default_choices(dims, unit)
    assert choices == {"Altersgruppe": ALL, "Art der Kindertagesbetreuung": ALL}
    result = collapse(frame, dims, choices, unit=unit).frame
    assert result["period"].tolist()[0] == "2007-03-15"
    assert result["value"].tolist() == UNNA_TOTALS  # 15.03.2007: 12.805, not 25.610


def test_a_part_and_all_of_the_other_dimension(kita: Any) -> None:
    frame, dims, unit = _unna(kita, "BETREUTE_KINDER")
    tagespflege = collapse(frame, dims, {"Altersgruppe": ALL, "Art der Kindertagesbetreuung": "Tagespflege"},
                           unit=unit)
    assert tagespflege.frame["value"].tolist()[0] == 430  # the Tagespflege total column, not 2 × 430
    under3 = collapse(frame, dims, {"Altersgruppe": "unter 3 Jahre", "Art der Kindertagesbetreuung": ALL},
                      unit=unit)
    assert under3.frame["value"].tolist()[0] == 564


def test_overlapping_parts_are_shown_as_a_difference_never_added(kita: Any) -> None:
    frame, dims, unit = _unna(kita, "BETREUTE_KINDER")
    result = collapse(frame, dims, default_choices(dims, unit), unit=unit)
    # 2011-2016: Tageseinrichtung + Tagespflege count children in both twice; the de-duplicated total is shown
    assert result.frame["value"].iloc[4] == 12341
    (note,) = result.notes
    assert "Art der Kindertagesbetreuung" in note and "6 von 10" in note and "12.341 statt 12.571" in note
    assert result.how["Art der Kindertagesbetreuung"] == "Insgesamt bzw. Insgesamt (ohne Doppelzählungen)"


def test_older_workspaces_without_a_labelled_total_use_the_row_lacking_the_dimension() -> None:
    """Imports before totals were labelled stored the GENESIS total column without the dimension."""
    frame = pd.DataFrame({
        "region_key": ["1", "1", "1", "1"], "region_name": ["A"] * 4, "period": ["2020"] * 4,
        "dimensions": pd.Categorical(["", "Alter=0", "Alter=1", "Alter=2"]),
        "value": [10.0, 3.0, 3.0, 4.0], "flag": pd.Categorical([None] * 4)})
    dims = browse.dimension_columns(frame["dimensions"])
    (option,) = dimension_choices(dims, "Anzahl")
    assert option.total == "" and option.all_label == "alle (Insgesamt)"
    assert collapse(frame, dims, {"Alter": ALL}, unit="Anzahl").frame["value"].tolist() == [10.0]


def test_parts_are_summed_only_without_a_total_and_a_secret_part_makes_the_sum_missing() -> None:
    frame = pd.DataFrame({
        "region_key": ["1", "1", "2", "2"], "region_name": ["A", "A", "B", "B"], "period": ["2020"] * 4,
        "dimensions": pd.Categorical(["Alter=0", "Alter=1"] * 2),
        "value": [3.0, 4.0, 5.0, np.nan], "flag": pd.Categorical([None, None, None, "."])})
    dims = browse.dimension_columns(frame["dimensions"])
    result = collapse(frame, dims, {"Alter": ALL}, unit="Anzahl")
    assert result.frame["value"].iloc[0] == 7.0
    assert np.isnan(result.frame["value"].iloc[1]) and result.frame["flag"].iloc[1] == "."
    assert result.how == {"Alter": "Summe der Teile"}
    shares = collapse(frame, dims, {"Alter": ALL}, unit="%")
    assert shares.frame.empty and "nicht summierbar" in shares.notes[0]


@st.composite
def _table(draw: st.DrawFn) -> tuple[pd.DataFrame, dict[str, float]]:
    regions = draw(st.integers(1, 4))
    parts = draw(st.integers(1, 5))
    with_total = draw(st.booleans())
    rows, expected = [], {}
    for r in range(regions):
        values = draw(st.lists(st.integers(0, 10_000), min_size=parts, max_size=parts))
        # overlapping parts: the published total may be smaller than their sum
        total = sum(values) - draw(st.integers(0, sum(values)))
        labels = [f"Teil {i}" for i in range(parts)] + (["Insgesamt"] if with_total else [])
        for label, value in zip(labels, [*values, total], strict=False):
            rows.append((str(r), label, float(value)))
        expected[str(r)] = float(total if with_total else sum(values))
    order = draw(st.permutations(range(len(rows))))
    rows = [rows[i] for i in order]
    frame = pd.DataFrame({
        "region_key": [k for k, _, _ in rows], "region_name": [f"Gebiet {k}" for k, _, _ in rows],
        "period": ["2024"] * len(rows), "dimensions": pd.Categorical([f"Art={label}" for _, label, _ in rows]),
        "value": [v for _, _, v in rows], "flag": pd.Categorical([None] * len(rows))})
    return frame, expected


@given(_table())
@settings(max_examples=60, deadline=None)
def test_all_is_the_total_where_one_exists_else_the_sum_never_both(case: tuple[pd.DataFrame, dict]) -> None:
    frame, expected = case
    dims = browse.dimension_columns(frame["dimensions"])
    result = collapse(frame, dims, {"Art": ALL}, unit="Anzahl").frame
    assert dict(zip(result["region_key"], result["value"], strict=True)) == expected


def test_data_pivot_on_the_command_line(kita_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "pivot", "--indicator", "BETREUTE_KINDER", "--region", UNNA, "--json",
                 "-w", str(kita_file)]) == 0
    table = json.loads(capsys.readouterr().out)
    assert [r["key"] for r in table["rows"]] == [UNNA]
    assert table["columns"][0] == {"key": "2007-03-15", "label": "15.03.2007"}
    assert table["cells"] == [UNNA_TOTALS]
    assert table["dimensions"]["Altersgruppe"] == "Insgesamt"
    assert main(["data", "pivot", "--indicator", "BETREUTE_KINDER", "--region", UNNA, "--rows", "period",
                 "--where", "Art der Kindertagesbetreuung=Tagespflege", "-w", str(kita_file)]) == 0
    text = capsys.readouterr().out
    assert "15.03.2007" in text and "430" in text and "Art der Kindertagesbetreuung: Tagespflege" in text


def test_data_pivot_children_and_refusals(kita: Any) -> None:
    loaded = load_pivot(kita, "BETREUTE_KINDER", "05", children=True, where={"Altersgruppe": "unter 3 Jahre"})
    table = loaded.table
    assert loaded.name == "Betreute Kinder" and loaded.unit == "Anzahl"
    assert any("22543-01-01-4" in s and "Stand" in s for s in loaded.sources)
    assert table.row_keys == ["05", "051", "053", "055", "057", "059"]
    assert table.values[0, 0] == 31997  # NRW, unter 3 Jahre, Insgesamt, 15.03.2007
    with pytest.raises(UserInputError, match="kein Merkmal „Alter“"):
        load_pivot(kita, "BETREUTE_KINDER", UNNA, where={"Alter": "3"})
    with pytest.raises(UserInputError, match="keinen Wert „7 Jahre“"):
        load_pivot(kita, "BETREUTE_KINDER", UNNA, where={"Altersgruppe": "7 Jahre"})
    with pytest.raises(UserInputError, match="Gebiet „99999“"):
        load_pivot(kita, "BETREUTE_KINDER", "99999")
