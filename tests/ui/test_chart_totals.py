"""The Daten tab's chart on the real Kita tables: „alle“ is the published total, and value axes are honest."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pytest
from realdata import real_file

from bildungsplaner.services import browse
from bildungsplaner.services.aggregate import ALL
from bildungsplaner.services.importing import import_file
from bildungsplaner.ui.data.chart import ChartWidget


@pytest.fixture
def unna_kita(workspace: Any) -> tuple[pd.DataFrame, dict[str, pd.Categorical]]:
    import_file(workspace, real_file("genesis_22543-01-01-4_00.csv"))
    indicator = next(i for i in browse.list_indicators(workspace) if i.code == "BETREUTE_KINDER")
    region = next(r for r in browse.list_regions(workspace) if r.key == "05978")
    frame = browse.load_observations(workspace, indicator.id, [region.id])
    return frame, browse.dimension_columns(frame["dimensions"])


def test_chart_all_age_groups_shows_the_total_not_twice_it(qtbot: Any, unna_kita: Any) -> None:
    frame, dims = unna_kita
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_data(frame, dims, "Anzahl", "Betreute Kinder")
    age = chart.combos["Altersgruppe"]
    assert age.currentData() is ALL and age.currentText() == "alle (Insgesamt)"
    assert chart.data.kind == "line" and chart.data.labels[0] == "15.03.2007"
    assert chart.data.values.tolist() == [12805, 13122, 12878, 12689]  # the table's total, not 25.610
    # a line of counts starts at 0
    (low, high), = [chart.plot.getPlotItem().viewRange()[1]]
    assert low == 0 and high > 13122
    age.setCurrentIndex(age.findData("unter 3 Jahre"))
    assert chart.data.values.tolist() == [564, 845, 1000, 1290]


def test_a_rate_line_that_does_not_start_at_zero_says_so(qtbot: Any) -> None:
    frame = pd.DataFrame({
        "region_key": pd.Categorical(["1"] * 3), "region_name": pd.Categorical(["A"] * 3),
        "period": pd.Categorical(["2021", "2022", "2023"]),
        "dimensions": pd.Categorical(["", "", ""]), "value": [31.5, 32.7, 33.1],
        "flag": pd.Categorical([None] * 3)})
    chart = ChartWidget()
    qtbot.addWidget(chart)
    chart.set_data(frame, {}, "%", "Betreuungsquote")
    item = chart.plot.getPlotItem()
    low, _ = item.viewRange()[1]
    assert low > 30
    assert "Achse beginnt nicht bei 0" in item.getAxis("left").labelText
    chart.set_data(frame.assign(value=[3.0, np.nan, 5.0]), {}, "Anzahl", "Kinder")
    assert item.viewRange()[1][0] == 0
    assert "nicht bei 0" not in item.getAxis("left").labelText
    assert "2022: ." in chart.plot.toolTip()  # a missing value is „.“, never the zero sign „–“
