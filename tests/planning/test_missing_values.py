"""Issue 10.4, missing is not zero: every missing input that the arithmetic replaces is named in the warnings
(allocation with ``missing = "zero"``, demand births and places), and the result keeps the value missing."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner.planning.allocation import AllocationSpec, allocate


def social_spec(total: float = 10.0) -> AllocationSpec:
    return AllocationSpec.from_dict({
        "format": 1, "kind": "allocation", "name": "Schulsozialarbeit",
        "recipients": {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": [{"source": "attribute:schueler", "weight": 0.5},
                 {"source": "attribute:schueler", "times": "attribute:sozialindex", "weight": 0.5,
                  "missing": "zero"}],
        "amount": {"total": total, "unit": "VZÄ", "step": 0.5, "method": "exact"}})


def schools(pupils: list[float], social: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"key": [f"S{i + 1}" for i in range(len(pupils))],
                         "name": [f"Schule {i + 1}" for i in range(len(pupils))],
                         "attribute:schueler": pupils, "attribute:sozialindex": social})


def test_a_missing_sozialindex_replaced_by_zero_is_named_with_the_value_and_what_replaced_it() -> None:
    result = allocate(social_spec(), schools([100, 100, 200], [2, math.nan, 3]))
    assert result.warnings == ["Fehlende Werte ersetzt: „attribute:sozialindex“ fehlt für S2 (Schule 2); als 0 "
                               "gerechnet (missing = \"zero\")."]
    # hand-computed: pupils 100/100/200 of 400; pupils × SI 200/0/600 of 800 → need shares 0.25, 0.125, 0.625
    assert result.rows["need_share"].tolist() == pytest.approx([0.25, 0.125, 0.625])
    assert result.rows["exact"].tolist() == pytest.approx([2.5, 1.25, 6.25])
    # the result still says the value is missing (not 0): the window shows „.“, the JSON null
    assert math.isnan(result.rows.loc[1, "attribute:sozialindex"])
    assert result.to_json_dict()["rows"][1]["values"]["attribute:sozialindex"] is None


def test_every_recipient_with_a_replaced_value_is_named_not_only_the_first_five() -> None:
    social = [math.nan] * 7 + [4.0]
    result = allocate(social_spec(), schools([100] * 8, social))
    named = ", ".join(f"S{i} (Schule {i})" for i in range(1, 8))
    assert result.warnings == [f"Fehlende Werte ersetzt: „attribute:sozialindex“ fehlt für {named}; als 0 gerechnet "
                               "(missing = \"zero\")."]


def test_no_warning_when_nothing_is_missing() -> None:
    assert allocate(social_spec(), schools([100, 100], [2, 3])).warnings == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 2000), st.one_of(st.none(), st.integers(1, 9))), min_size=2, max_size=12)
       .filter(lambda rows: any(s is not None for _, s in rows)))
def test_replaced_values_are_exactly_the_missing_ones_and_count_as_zero(rows: list[tuple[int, int | None]]) -> None:
    pupils = [float(p) for p, _ in rows]
    social = [math.nan if s is None else float(s) for _, s in rows]
    result = allocate(social_spec(), schools(pupils, social))
    missing = [f"S{i + 1} (Schule {i + 1})" for i, (_, s) in enumerate(rows) if s is None]
    if missing:
        assert result.warnings == [f"Fehlende Werte ersetzt: „attribute:sozialindex“ fehlt für {', '.join(missing)}; "
                                   "als 0 gerechnet (missing = \"zero\")."]
    else:
        assert result.warnings == []
    product = [p * (0.0 if math.isnan(s) else s) for p, s in zip(pupils, social, strict=True)]
    expected = [0.5 * p / sum(pupils) + 0.5 * x / sum(product) for p, x in zip(pupils, product, strict=True)]
    assert result.rows["need_share"].tolist() == pytest.approx(expected)
