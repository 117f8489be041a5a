"""Item models (every one checked with qtmodeltester), the browse queries they sit on, and the chart data."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from bildungsplaner.formatting import decimals_for, format_number, format_period
from bildungsplaner.progress import Cancelled, RecordingProgress
from bildungsplaner.services import browse
from bildungsplaner.services.aggregate import ALL, default_choices
from bildungsplaner.services.browse import IndicatorRow, RegionIndex, RegionRow
from bildungsplaner.ui.common.models import SORT_ROLE
from bildungsplaner.ui.data.chart import ChartData, ChartWidget, DrawnAhead, chart_data, draw_ahead
from bildungsplaner.ui.data.models import (
    AttributeTableModel,
    FacilityTableModel,
    IndicatorTableModel,
    ObservationProxyModel,
    ObservationTableModel,
    RegionTreeModel,
)

REGIONS = [
    RegionRow(1, "09999", "Kreis Test", "kreis", None),
    RegionRow(2, "09999001", "Astadt", "gemeinde", 1),
    RegionRow(3, "09999002", "Bedorf", "gemeinde", 1),
    RegionRow(4, "09999001-S01", "Astadt 1", "sozialraum", 2),
    RegionRow(5, "09999001-S02", "Astadt 2", "sozialraum", 2),
    RegionRow(6, "ZZ", "Verwaist", "other", 99),  # parent missing → shown at top level
]


def region_ids(ws: Any) -> dict[str, int]:
    return {r.key: r.id for r in browse.list_regions(ws)}


def indicator(ws: Any, code: str) -> IndicatorRow:
    return next(i for i in browse.list_indicators(ws) if i.code == code)


def observations(ws: Any, *keys: str, descendants: bool = False) -> pd.DataFrame:
    ids = region_ids(ws)
    index = RegionIndex(browse.list_regions(ws))
    chosen = index.expand([ids[k] for k in keys], include_descendants=descendants)
    return browse.load_observations(ws, indicator(ws, "QUOTE").id, chosen)


# --- formatting -------------------------------------------------------------------------------------------------

def test_german_number_formatting() -> None:
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(1234.5, 1, grouping=False) == "1234,5"
    assert format_number(-14.6, 1) == "-14,6"
    assert decimals_for(np.array([1.0, 2.0, np.nan])) == 0
    assert decimals_for(np.array([1.5, 2.25])) == 2
    assert decimals_for(np.array([1 / 3])) == 4
    assert format_period("2024-12-31") == "31.12.2024"
    assert format_period("2024/25") == "2024/25"


# --- region tree -------------------------------------------------------------------------------------------------

def test_region_tree_structure_and_modeltester(qtmodeltester: Any) -> None:
    model = RegionTreeModel(REGIONS)
    qtmodeltester.check(model)
    assert model.rowCount() == 2  # Kreis and the orphan
    kreis = model.index(0, 0)
    assert kreis.data() == "Kreis Test"
    assert model.index(0, 1).data() == "09999"
    assert [model.index(r, 0, kreis).data() for r in range(model.rowCount(kreis))] == ["Astadt", "Bedorf"]
    astadt = model.index_for_region(2)
    assert model.parent(astadt) == kreis
    assert model.rowCount(astadt) == 2
    assert model.region_id(model.index(1, 0, astadt)) == 5
    assert "Gemeinde" in astadt.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data() == "Verwaist"
    assert not model.index_for_region(12345).isValid()


def test_region_tree_empty_and_reset(qtmodeltester: Any) -> None:
    model = RegionTreeModel([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
    model.set_regions(REGIONS[:3])
    qtmodeltester.check(model)
    assert model.rowCount(model.index(0, 0)) == 2


def test_region_tree_survives_a_cycle(qtmodeltester: Any) -> None:
    rows = [RegionRow(1, "A", "A", "kreis", 2), RegionRow(2, "B", "B", "gemeinde", 1),
            RegionRow(3, "C", "C", "kreis", None)]
    model = RegionTreeModel(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 1  # the cycle is not reachable from a root, so it is not shown


def test_region_index_descendants() -> None:
    index = RegionIndex(REGIONS)
    assert index.descendants(1) == [2, 4, 5, 3]
    assert index.expand([2, 1], include_descendants=False) == [2, 1]
    assert index.expand([2], include_descendants=True) == [2, 4, 5]


# --- small tables ------------------------------------------------------------------------------------------------

def test_indicator_model(qtmodeltester: Any, small_workspace: Any) -> None:
    rows = browse.list_indicators(small_workspace)
    by_code = {r.code: r for r in rows}
    assert by_code["QUOTE"].observations == 7 * 2 * 2 * 3  # the superseded value is not counted
    assert by_code["LEER"].observations == 0
    model = IndicatorTableModel(rows)
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Indikator"
    row = [r.code for r in model.rows].index("QUOTE")
    assert model.index(row, 1).data() == "84"
    assert model.index(row, 1).data(SORT_ROLE) == 84
    assert "Nur für Tests" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    qtmodeltester.check(IndicatorTableModel([]))


def test_facility_and_attribute_models(qtmodeltester: Any, small_workspace: Any) -> None:
    facilities = browse.list_facilities(small_workspace)
    assert [f.kind for f in facilities] == ["Grundschule", "Kita"]
    school = facilities[0]
    assert school.region_key == "09999001-S01"
    assert school.attributes == {"schueler": 212, "sozialindex": 4, "plaetze.ogs": 120, "plaetze.u3": 0.5}
    assert [f.name for f in browse.list_facilities(small_workspace, kind="Kita")] == ["Kita Sonnenschein"]
    model = FacilityTableModel(facilities)
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Grundschule Astadt"
    qtmodeltester.check(FacilityTableModel([]))

    attributes = AttributeTableModel(school)
    qtmodeltester.check(attributes)
    pairs = {attributes.index(r, 0).data(): attributes.index(r, 1).data() for r in range(attributes.rowCount())}
    assert pairs["Art"] == "Grundschule"
    assert pairs["Gebiet"] == "Astadt 1 (09999001-S01)"
    assert pairs["plaetze.u3"] == "0,5"
    assert pairs["schueler"] == "212"
    empty = AttributeTableModel(None)
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0


def test_flatten_attributes() -> None:
    assert browse.flatten_attributes({"a": {"b": {"c": 1}}, "l": [1, 2], "n": None}) == {
        "a.b.c": 1, "l": "1, 2", "n": None}
    assert browse.flatten_attributes(None) == {}


# --- loading observations ------------------------------------------------------------------------------------------

def test_load_observations_columns_order_and_flags(small_workspace: Any) -> None:
    frame = observations(small_workspace, "09999", "09999002")
    assert tuple(frame.columns) == browse.OBSERVATION_COLUMNS
    assert len(frame) == 2 * 2 * 2 * 3
    assert list(frame["region_key"].unique()) == ["09999", "09999002"]
    first = frame[frame["region_key"] == "09999"]
    assert list(first["period"].unique()) == ["2022-12-31", "2023-12-31"]
    # natural order inside a period: Alter 2 before Alter 10
    assert list(first["dimensions"][:6]) == [
        "Alter=2|Geschlecht=Insgesamt", "Alter=2|Geschlecht=männlich", "Alter=2|Geschlecht=weiblich",
        "Alter=10|Geschlecht=Insgesamt", "Alter=10|Geschlecht=männlich", "Alter=10|Geschlecht=weiblich"]
    missing = frame[frame["flag"] == "."]
    assert len(missing) == 1 and np.isnan(missing["value"].iloc[0])
    assert 999.0 not in set(frame["value"])  # superseded dataset left out
    with_history = browse.load_observations(small_workspace, indicator(small_workspace, "QUOTE").id,
                                            [region_ids(small_workspace)["09999"]], include_superseded=True)
    assert 999.0 in set(with_history["value"])


def test_load_observations_in_chunks_with_progress(small_workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(browse, "IN_CHUNK", 2)
    monkeypatch.setattr(browse, "FETCH_CHUNK", 5)
    progress = RecordingProgress()
    frame = observations(small_workspace, "09999", descendants=True)
    assert frame["region_key"].nunique() == 7
    assert len(frame) == 84
    ids = list(region_ids(small_workspace).values())
    browse.load_observations(small_workspace, indicator(small_workspace, "QUOTE").id, ids, progress=progress)
    assert progress.reports[-1][0] == 1.0
    with pytest.raises(Cancelled):
        browse.load_observations(small_workspace, indicator(small_workspace, "QUOTE").id, ids,
                                 progress=RecordingProgress(cancel_after=2))


def test_load_observations_empty_cases(small_workspace: Any) -> None:
    assert browse.load_observations(small_workspace, indicator(small_workspace, "QUOTE").id, []).empty
    frame = browse.load_observations(small_workspace, indicator(small_workspace, "LEER").id,
                                     list(region_ids(small_workspace).values()))
    assert frame.empty and tuple(frame.columns) == browse.OBSERVATION_COLUMNS


def test_dimension_columns() -> None:
    dims = pd.Series(pd.Categorical(["Alter=10|Geschlecht=w", "Alter=2|Geschlecht=m", "", "Alter=2|Geschlecht=w"]))
    columns = browse.dimension_columns(dims)
    assert list(columns) == ["Alter", "Geschlecht"]
    assert list(columns["Alter"].categories) == ["2", "10"]
    assert list(columns["Alter"].astype(object)) == ["10", "2", np.nan, "2"]
    assert browse.dimension_columns(pd.Series(pd.Categorical(["", ""]))) == {}


# --- observation table ---------------------------------------------------------------------------------------------

@pytest.fixture
def observation_model(small_workspace: Any) -> ObservationTableModel:
    return ObservationTableModel(observations(small_workspace, "09999", "09999001"), unit="%")


def test_observation_model_modeltester(qtmodeltester: Any, observation_model: ObservationTableModel) -> None:
    qtmodeltester.check(observation_model)
    qtmodeltester.check(ObservationTableModel())
    proxy = ObservationProxyModel()
    proxy.setSourceModel(observation_model)
    qtmodeltester.check(proxy)


def test_observation_model_display(observation_model: ObservationTableModel) -> None:
    model = observation_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Schlüssel", "Gebiet", "Zeitraum", "Alter", "Geschlecht", "Wert (%)"]
    assert model.rowCount() == 24
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["09999", "Kreis Test", "31.12.2022", "2", "Insgesamt", "0,2"]
    assert model.index(0, 5).data(SORT_ROLE) == pytest.approx(0.2)
    assert model.index(0, 5).data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    texts = {model.index(r, 5).data(): model.index(r, 5).data(Qt.ItemDataRole.ToolTipRole)
             for r in range(model.rowCount())}
    assert texts["."] == "Zeichen „.“: Zahlenwert unbekannt oder geheim zu halten"
    assert texts["0,2 p"] == "Zeichen „p“: vorläufige Zahl"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "09999"
    assert model.index(0, 0, model.index(0, 0)).isValid() is False
    assert model.rowCount(model.index(0, 0)) == 0


def test_observation_model_sort(observation_model: ObservationTableModel) -> None:
    model = observation_model
    value_col = model.value_column
    model.sort(value_col, Qt.SortOrder.DescendingOrder)
    values = [model.index(r, value_col).data(SORT_ROLE) for r in range(model.rowCount())]
    assert values[0] == pytest.approx(2.0) and values[-1] is None  # missing values last
    model.sort(value_col, Qt.SortOrder.AscendingOrder)
    values = [model.index(r, value_col).data(SORT_ROLE) for r in range(model.rowCount())]
    assert values[0] == pytest.approx(0.2) and values[-1] is None
    model.sort(3, Qt.SortOrder.DescendingOrder)  # Alter, naturally: 10 before 2
    assert model.index(0, 3).data() == "10" and model.index(model.rowCount() - 1, 3).data() == "2"
    model.sort(-1)
    assert model.index(0, 0).data() == "09999" and model.index(0, 3).data() == "2"


def test_a_header_click_sorts_the_table_through_the_proxy(qtbot: Any,
                                                          observation_model: ObservationTableModel) -> None:
    """The view sorts through the identity proxy (no mapping of its own): the rows shown are the model's."""
    from PySide6.QtWidgets import QTableView

    proxy = ObservationProxyModel()
    proxy.setSourceModel(observation_model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    value_col = observation_model.value_column
    view.horizontalHeader().setSortIndicator(value_col, Qt.SortOrder.DescendingOrder)  # what a click does
    assert observation_model.sort_column == value_col
    shown = [proxy.index(r, value_col).data(SORT_ROLE) for r in range(proxy.rowCount())]
    assert shown[0] == pytest.approx(2.0) and shown[-1] is None
    assert proxy.mapToSource(proxy.index(5, 2)).row() == 5  # proxy row n is model row n
    proxy.set_filter_text("astadt")
    assert proxy.rowCount() == observation_model.rowCount() == 12
    assert {proxy.index(r, 1).data() for r in range(proxy.rowCount())} == {"Astadt"}


def test_observation_proxy_forwards_sort_and_filter(observation_model: ObservationTableModel) -> None:
    proxy = ObservationProxyModel()
    proxy.setSourceModel(observation_model)
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 1).data() == "Kreis Test"  # "Kreis Test" > "Astadt"
    proxy.set_filter_text("astadt WEIBLICH")
    assert proxy.rowCount() == observation_model.rowCount() == 4
    assert {proxy.index(r, 4).data() for r in range(proxy.rowCount())} == {"weiblich"}
    proxy.set_filter_text("31.12.2023 p")
    assert proxy.rowCount() == 1  # the date is matched as displayed, "p" matches the flag
    proxy.set_filter_text("")
    assert proxy.rowCount() == 24


def test_observation_copy_text(observation_model: ObservationTableModel) -> None:
    model = observation_model
    text = model.copy_text([0, 1], [1, 3, model.value_column])
    assert text == "Gebiet\tAlter\tWert (%)\nKreis Test\t2\t0,2\nKreis Test\t2\t0,2\n"
    model.set_filter_text("Kreis 2023")
    rows = model.copy_text(np.arange(model.rowCount()), [model.value_column]).splitlines()[1:]
    assert "." in rows and "0,2" in rows  # symbol instead of a number; "p" dropped so Excel gets a number


def test_observation_model_with_a_million_rows() -> None:
    n = 1_000_000
    rng = np.random.default_rng(1)
    regions = pd.Categorical.from_codes(rng.integers(0, 50, n), categories=[f"0599900{i:02d}" for i in range(50)])
    frame = pd.DataFrame({
        "region_id": np.asarray(regions.codes, dtype=np.int64),
        "region_key": regions,
        "region_name": pd.Categorical.from_codes(regions.codes, categories=[f"Ort {i}" for i in range(50)]),
        "period": pd.Categorical.from_codes(rng.integers(0, 5, n),
                                            categories=[f"{y}-12-31" for y in range(2020, 2025)]),
        "dimensions": pd.Categorical.from_codes(
            rng.integers(0, 57, n), categories=[f"Alter={a}|Geschlecht={g}" for a in range(19)
                                                for g in ("Insgesamt", "männlich", "weiblich")]),
        "value": rng.random(n) * 1000,
        "flag": pd.Categorical.from_codes(np.full(n, -1), categories=["."]),
    })
    model = ObservationTableModel(frame, unit="Personen")
    assert model.rowCount() == n
    assert model.columnCount() == 6
    assert model.index(n - 1, 0).data().startswith("0599900")
    model.sort(model.value_column, Qt.SortOrder.AscendingOrder)
    assert model.index(0, model.value_column).data(SORT_ROLE) <= model.index(1, model.value_column).data(SORT_ROLE)
    model.set_filter_text("Ort 7 weiblich")
    assert 0 < model.rowCount() < n
    assert model.index(0, 4).data() == "weiblich"


# --- chart -----------------------------------------------------------------------------------------------------------

def test_default_choices_take_the_total_or_the_sum_of_counts() -> None:
    def choices(values: list[str], unit: str) -> str | None:
        return default_choices({"d": pd.Categorical(values)}, unit)["d"]

    assert choices(["männlich", "weiblich", "Insgesamt"], "%") is ALL  # „alle“ = the total, also for shares
    assert choices(["0", "1", "2"], "Anzahl") is ALL  # sum over ages
    assert choices(["0", "1", "2"], "%") == "0"  # shares without a total cannot be summed


def test_chart_data_bars_and_lines(small_workspace: Any) -> None:
    frame = observations(small_workspace, "09999001", "09999002")
    dims = browse.dimension_columns(frame["dimensions"])
    bars = chart_data(frame, dims, {"Alter": "2", "Geschlecht": "Insgesamt"})
    assert bars.kind == "bars"
    assert bars.labels == ["Astadt", "Bedorf"]
    assert bars.values == pytest.approx([1.2, 2.2])
    assert bars.caption == "31.12.2023"
    summed = chart_data(frame, dims, {"Alter": None, "Geschlecht": "Insgesamt"}, period="2022-12-31")
    assert summed.values == pytest.approx([1.2 + 2.0, 2.2 + 3.0]) and summed.caption == "31.12.2022"
    one = frame[frame["region_key"] == "09999001"].reset_index(drop=True)
    line = chart_data(one, browse.dimension_columns(one["dimensions"]), {"Alter": "10", "Geschlecht": "männlich"})
    assert line.kind == "line" and line.labels == ["31.12.2022", "31.12.2023"]
    assert chart_data(frame.iloc[0:0], {}, {}).kind == "empty"


def test_chart_widget_draws_items(qtbot: Any, small_workspace: Any) -> None:
    widget = ChartWidget()
    qtbot.addWidget(widget)
    frame = observations(small_workspace, "09999001", "09999002")
    widget.set_data(frame, browse.dimension_columns(frame["dimensions"]), "%", "Testquote")
    assert set(widget.combos) == {"Alter", "Geschlecht"}
    assert widget.combos["Geschlecht"].currentData() is ALL
    assert widget.combos["Geschlecht"].currentText() == "alle (Insgesamt)"
    assert widget.combos["Alter"].findData(None) == -1  # shares cannot be summed
    assert widget.data.kind == "bars" and len(widget.items) == 1
    widget.combos["Alter"].setCurrentIndex(widget.combos["Alter"].findData("10"))
    assert widget.data.values == pytest.approx([2.0, 3.0])
    widget.clear()
    assert widget.items == [] and widget.data.kind == "empty"



@pytest.mark.parametrize(("keys", "unit"), [(("09999001", "09999002"), "%"), (("09999001",), "%"),
                                            (("09999001", "09999002"), "Anzahl")])
def test_the_chart_drawn_ahead_is_what_the_chart_starts_with(qtbot: Any, small_workspace: Any,
                                                             keys: tuple[str, ...], unit: str) -> None:
    """The loading thread's drawing (draw_ahead) is used as it is: its choices and period are those the chart's
    controls start with, and it holds what the chart would compute for them."""
    frame = observations(small_workspace, *keys)
    dims = browse.dimension_columns(frame["dimensions"])
    ahead = draw_ahead(frame, dims, unit)
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.set_data(frame, dims, unit, "Test", ahead=ahead)
    assert widget.data is ahead.data  # not computed again on the GUI thread
    assert ahead.choices == widget.choices() and ahead.period == widget.period_combo.currentData()
    fresh = chart_data(frame, dims, widget.choices(), widget.period_combo.currentData(), unit=unit)
    assert (fresh.kind, fresh.labels, fresh.caption, fresh.how, fresh.notes) == (
        ahead.data.kind, ahead.data.labels, ahead.data.caption, ahead.data.how, ahead.data.notes)
    np.testing.assert_array_equal(fresh.values, ahead.data.values)
    widget.combos["Geschlecht"].setCurrentIndex(widget.combos["Geschlecht"].findData("männlich"))
    assert widget.data is not ahead.data  # another choice: computed (the drawing ahead was for the start only)


def test_the_legend_shows_only_when_it_has_entries(qtbot: Any) -> None:
    """Bars of one kind need no legend (the axis says „Wert“): no empty framed box over the plot; negative bars
    (hatched) and a line have entries, and the legend shows them."""
    frame = pd.DataFrame({
        "region_id": np.array([1, 2]), "region_key": pd.Categorical(["1", "2"]),
        "region_name": pd.Categorical(["A", "B"]), "period": pd.Categorical(["2023", "2023"]),
        "dimensions": pd.Categorical(["", ""]), "value": [3.0, 4.0], "flag": pd.Categorical([None, None])})
    widget = ChartWidget()
    qtbot.addWidget(widget)
    widget.set_data(frame, {}, "Anzahl", "Kinder")
    assert widget.data.kind == "bars" and not widget.legend.items and not widget.legend.isVisible()
    widget.set_data(frame.assign(value=[3.0, -1.0]), {}, "Saldo", "Wanderung")
    assert len(widget.legend.items) == 2 and widget.legend.isVisible()
    widget.set_data(frame.iloc[0:0], {}, "Anzahl", "Kinder")
    assert not widget.legend.isVisible()
    one = frame.assign(region_key=pd.Categorical(["1", "1"]), region_name=pd.Categorical(["A", "A"]),
                       period=pd.Categorical(["2022", "2023"]))
    widget.set_data(one, {}, "Anzahl", "Kinder")
    assert widget.data.kind == "line" and widget.legend.isVisible()

def test_a_chart_drawn_ahead_for_other_choices_is_not_shown(qtbot: Any, small_workspace: Any) -> None:
    frame = observations(small_workspace, "09999001", "09999002")
    dims = browse.dimension_columns(frame["dimensions"])
    widget = ChartWidget()
    qtbot.addWidget(widget)
    stale = DrawnAhead({"Alter": "10", "Geschlecht": "männlich"}, "2023-12-31", ChartData("empty"))
    widget.set_data(frame, dims, "%", "Test", ahead=stale)
    assert widget.data is not stale.data and widget.data.kind == "bars"
    earlier = draw_ahead(frame, dims, "%")
    of_2022 = chart_data(frame, dims, earlier.choices, "2022-12-31", unit="%")
    widget.set_data(frame, dims, "%", "Test", ahead=DrawnAhead(earlier.choices, "2022-12-31", of_2022))
    assert widget.data.caption == "31.12.2023"  # the chart starts with the latest period, not the drawing's

def test_a_value_without_number_or_symbol_shows_the_unknown_sign() -> None:
    """A missing value without a symbol from the source is „.“ (unknown), never blank or „–“ (exactly zero)."""
    frame = pd.DataFrame({
        "region_id": np.array([1, 1]), "region_key": pd.Categorical(["1", "1"]),
        "region_name": pd.Categorical(["A", "A"]), "period": pd.Categorical(["2020", "2021"]),
        "dimensions": pd.Categorical(["", ""]), "value": [np.nan, 0.0], "flag": pd.Categorical([None, None])})
    model = ObservationTableModel(frame, unit="Anzahl")
    assert [model.index(r, model.value_column).data() for r in range(2)] == [".", "0"]


numbers = st.one_of(st.sampled_from([0.0, -0.0, 1.5, -2.0, math.inf, -math.inf, math.nan]),
                    st.floats(allow_nan=True, width=32), st.integers(-5, 5).map(float))


@settings(max_examples=200, deadline=None)
@given(values=st.lists(numbers, max_size=80), descending=st.booleans(), few_ranks=st.booleans())
def test_the_value_sort_is_stable_with_missing_values_last(values: list[float], descending: bool,
                                                           few_ranks: bool) -> None:
    """The order the window sorts by value in: by number (-0.0 and 0.0 one number), equal numbers in their
    order, missing values (NaN) last either way — through the ranks and through the plain sort (more distinct
    values than the ranks take: forced here by a limit of 3)."""
    from bildungsplaner.ui.data.models import RADIX_RANKS, value_order, value_ranks

    array = np.asarray(values, dtype=np.float64)
    limit = 3 if few_ranks else RADIX_RANKS
    ranks = value_ranks(array, limit)
    assert (ranks is False) == (len({v + 0.0 for v in values if not math.isnan(v)}) >= limit)
    order = value_order(array, ranks, descending).tolist()
    present = [i for i, v in enumerate(values) if not math.isnan(v)]
    expected = sorted(present, key=lambda i: -values[i] if descending else values[i])  # sorted() is stable
    assert order == expected + [i for i, v in enumerate(values) if math.isnan(v)]


@given(ranks=st.lists(st.integers(0, 70_000), max_size=60))
def test_rank_order_is_stable_below_and_above_16_bits(ranks: list[int]) -> None:
    from bildungsplaner.ui.data.models import rank_order

    count = max(ranks, default=0) + 1
    assert rank_order(np.asarray(ranks, dtype=np.int64), count).tolist() == sorted(range(len(ranks)),
                                                                                    key=ranks.__getitem__)


@given(ranks=st.lists(st.integers(0, 70_000), max_size=60), more=st.integers(0, 3))
def test_ranks_turned_round_sort_descending_with_the_missing_last(ranks: list[int], more: int) -> None:
    """A text column sorted descending (and the value ranks): ranks turned round, the missing rank (``count``)
    still last — in 16 bits and above them."""
    from bildungsplaner.ui.data.models import rank_order, turned_round

    count = max(ranks, default=0) + 1 + more  # the missing rank: ``count``, present or not
    with_missing = [*ranks, count, *ranks[:3]]
    order = rank_order(turned_round(np.asarray(with_missing, dtype=np.int64), count), count + 1).tolist()
    present = [i for i, r in enumerate(with_missing) if r != count]
    assert order == [*sorted(present, key=lambda i: -with_missing[i]), len(ranks)]
