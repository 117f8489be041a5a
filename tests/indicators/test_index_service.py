"""A composite index defined in a workspace: inputs read from the (computed) indicators, materialised as an
indicator of its own with class and inputs per region, recomputed when an input goes."""

from __future__ import annotations

import numpy as np
import pytest
from kennzahl_files import import_real

from bildungsplaner import UserInputError
from bildungsplaner.services import indicators
from bildungsplaner.services.importing import delete_import

INDEX = """format = 1
kind = "index"
code = "SOZIALINDEX"
name = "Sozialindex der Kreise in NRW"
regions = { level = "kreis", within = "05" }
year = 2015
standardize = "z"
aggregate = "sum"
restandardize = true
classes = { method = "sigma", breaks = [-1.0, 1.0, 1.5], labels = ["niedrig", "mittel", "hoch", "sehr hoch"] }

[[input]]
indicator = "ABG_OHNE_HSA"
weight = 1.0
direction = 1

[[input]]
indicator = "AUSLAENDERANTEIL"
weight = 2.0
direction = -1
"""


def test_an_index_over_computed_indicators(workspace) -> None:
    abg, _ = import_real(workspace, "genesis_21111-02-06-4_00.csv", "genesis_12411-03-03-4_00.csv")
    preview = indicators.check_definition(workspace, INDEX)
    assert preview.ok and len(preview.rows) == preview.row_count == 54
    assert all(r.class_no in (1, 2, 3, 4) and r.inputs for r in preview.rows if r.value is not None)
    entry = indicators.define(workspace, INDEX)
    assert entry.kind == "index" and entry.available
    result = indicators.compute(workspace, "SOZIALINDEX")
    data = result.to_dict()
    assert set(data["rows"][0]) == {"region_key", "region_name", "period", "value", "flag", "class", "class_label",
                                    "inputs"}
    scored = [r for r in result.rows if r.value is not None]
    assert len(scored) == 53  # the Kreise and kreisfreie Städte of NRW; old keys without values are listed apart
    assert all(r.period == "2015" and r.region_key.startswith("05") for r in result.rows)
    # by hand: z-scores with the population SD, direction, weights, restandardized, sigma classes
    abg_raw = np.array([r.inputs["ABG_OHNE_HSA"]["raw"] for r in scored])
    aus_raw = np.array([r.inputs["AUSLAENDERANTEIL"]["raw"] for r in scored])
    z_abg = (abg_raw - abg_raw.mean()) / abg_raw.std()
    z_aus = -(aus_raw - aus_raw.mean()) / aus_raw.std()
    aggregate = z_abg + 2 * z_aus
    expected = (aggregate - aggregate.mean()) / aggregate.std()
    assert np.allclose([r.value for r in scored], expected)
    assert np.allclose([r.inputs["AUSLAENDERANTEIL"]["z"] for r in scored], z_aus)
    classes = np.searchsorted([-1.0, 1.0, 1.5], expected, side="left") + 1
    assert [r.class_no for r in scored] == classes.tolist()
    assert [(r.region_key, r.value, r.class_no, r.class_label) for r in preview.rows] == \
        [(r.region_key, r.value, r.class_no, r.class_label) for r in result.rows]
    assert {r.class_label for r in scored} <= {"niedrig", "mittel", "hoch", "sehr hoch"}
    koeln = next(r for r in scored if r.region_key == "05315")
    assert koeln.inputs["AUSLAENDERANTEIL"]["raw"] == pytest.approx(
        next(r.value for r in indicators.compute(workspace, "AUSLAENDERANTEIL").rows if r.region_key == "05315"))
    missing = [r for r in result.rows if r.value is None]
    assert all(r.flag == "." and r.class_no is None for r in missing)
    assert len(result.problems) == len(missing) and all(p.startswith("ausgeschlossen: ") for p in result.problems)

    # an input's source goes: the index goes with it (listed as missing, no stale values)
    delete_import(workspace, abg.dataset)
    entry = next(e for e in indicators.list_indicators(workspace) if e.code == "SOZIALINDEX")
    assert entry.available is False and entry.missing_sources == ["Indikator ABG_OHNE_HSA"]
    with pytest.raises(UserInputError, match="Quelle fehlt"):
        indicators.compute(workspace, "SOZIALINDEX")
