"""Needs-based allocation: the semantics of docs/PLANNING_ALLOCATION.md pinned by hand-computed cases."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.allocation import AllocationSpec, allocate, need_sources


def spec(*, total=10.0, step=1.0, method="hare-niemeyer", base=0.0, minimum=0.0, maximum=None, locked=None,
         need=None, recipients=None) -> AllocationSpec:
    amount = {"total": total, "unit": "VZÄ", "step": step, "method": method, "base": base, "minimum": minimum}
    if maximum is not None:
        amount["maximum"] = maximum
    if locked:
        amount["locked"] = locked
    return AllocationSpec.from_dict({
        "format": 1, "kind": "allocation", "name": "Test",
        "recipients": recipients or {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": need or [{"source": "attribute:schueler", "weight": 1.0}],
        "amount": amount,
    })


def frame(pupils: list[float], social: list[float] | None = None) -> pd.DataFrame:
    data = {"key": [f"S{i + 1}" for i in range(len(pupils))], "name": [f"Schule {i + 1}" for i in range(len(pupils))],
            "attribute:schueler": pupils}
    if social is not None:
        data["attribute:sozialindex"] = social
    return pd.DataFrame(data)


def amounts(result) -> list[float]:
    return result.rows["amount"].tolist()


def test_two_terms_weighted_and_a_product() -> None:
    s = spec(total=100, method="exact", need=[
        {"source": "attribute:schueler", "weight": 3},
        {"source": "attribute:schueler", "times": "attribute:sozialindex", "weight": 1},
    ])
    result = allocate(s, frame([100, 300], [4, 1]))
    # term 1: 0.25 / 0.75; term 2: 400 / 300 of 700 → 4/7, 3/7; weights 0.75 / 0.25
    expected = [0.75 * 0.25 + 0.25 * 4 / 7, 0.75 * 0.75 + 0.25 * 3 / 7]
    assert result.rows["need_share"].tolist() == pytest.approx(expected)
    assert amounts(result) == pytest.approx([100 * e for e in expected])


def test_base_then_need_and_rounding_to_half_steps() -> None:
    result = allocate(spec(total=10, step=0.5, base=1.0), frame([100, 200, 700]))
    # 3 × 1 base, 7 by need: 0.7, 1.4, 4.9 → exact 1.7, 2.4, 5.9 → 3.4, 4.8, 11.8 units → 3, 5, 12 (remainders .4 .8 .8)
    assert result.rows["exact"].tolist() == pytest.approx([1.7, 2.4, 5.9])
    assert amounts(result) == [1.5, 2.5, 6.0]
    assert sum(amounts(result)) == 10


def test_minimum_and_maximum_are_shared_again_until_stable() -> None:
    result = allocate(spec(total=10, minimum=1.0, maximum=5.0, method="exact"), frame([10, 80, 110]))
    # by need: 0.5, 4, 5.5 → S1 to the minimum 1, S3 to the maximum 5; S2 gets the rest 4
    assert amounts(result) == pytest.approx([1.0, 4.0, 5.0])
    assert result.rows["bound"].tolist() == ["Minimum", "", "Maximum"]


def test_locked_recipients_keep_their_amount_and_the_rest_is_shared() -> None:
    result = allocate(spec(total=10, locked={"S1": 4.0}), frame([100, 100, 200]))
    assert amounts(result) == [4.0, 2.0, 4.0]
    assert result.rows["bound"].tolist()[0] == "fest"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"total": 10, "minimum": 4}, "Mindestbeträge"),
    ({"total": 10, "maximum": 3}, "Höchstbetrag"),
    ({"total": 10.25, "step": 0.5}, "kein Vielfaches der Schrittweite"),
    ({"total": 10, "locked": {"X9": 1.0}}, "passt zu keinem Empfänger"),
    ({"total": 10, "locked": {"S1": 11.0}}, "übersteigen die Summe"),
    ({"total": 10, "base": 4}, "Sockelbeträge"),
])
def test_infeasible_input_is_refused(kwargs, message) -> None:
    with pytest.raises(UserInputError, match=message):
        allocate(spec(**kwargs), frame([1, 2, 3]))


def test_missing_and_negative_values() -> None:
    with pytest.raises(UserInputError, match="fehlt für S2 \\(Schule 2\\)"):
        allocate(spec(), frame([10, math.nan, 5]))
    zero = spec(need=[{"source": "attribute:schueler", "weight": 1, "missing": "zero"}], method="exact")
    assert amounts(allocate(zero, frame([10, math.nan, 10]))) == [5.0, 0.0, 5.0]
    with pytest.raises(UserInputError, match="negativ"):
        allocate(spec(), frame([10, -1, 5]))
    with pytest.raises(UserInputError, match="für alle Empfänger 0"):
        allocate(spec(), frame([0, 0]))
    with pytest.raises(UserInputError, match="keine Empfänger"):
        allocate(spec(), frame([]))


def test_alabama_warning_when_one_more_step_takes_a_unit_away() -> None:
    result = allocate(spec(total=10), frame([6, 6, 2]))
    assert amounts(result) == [4, 4, 2]
    assert any("Alabama" in w and "S3" in w for w in result.warnings)


def test_ties_are_broken_by_key_and_said() -> None:
    result = allocate(spec(total=1), frame([1, 1]))
    assert amounts(result) == [1, 0] and any("Gleichstand" in w for w in result.warnings)


def test_spec_validation_names_the_key() -> None:
    with pytest.raises(UserInputError, match=r"amount\.method"):
        spec(method="losverfahren")
    with pytest.raises(UserInputError, match=r"unbekannter Schlüssel „amount\.totl“"):
        AllocationSpec.from_dict({"name": "x", "recipients": {"type": "region", "region_level": "gemeinde"},
                                  "need": [{"source": "indicator:A", "weight": 1}], "amount": {"totl": 1}})
    with pytest.raises(UserInputError, match="nur bei Einrichtungen"):
        spec(recipients={"type": "region", "region_level": "gemeinde"})


def test_scenario_file_round_trip() -> None:
    s = spec(total=40, step=0.5, minimum=0.5, maximum=3, locked={"190500": 2.0}, need=[
        {"source": "attribute:schueler", "weight": 0.6},
        {"source": "indicator:SGB2", "weight": 0.4, "period": "2024", "dimensions": {"Geschlecht": "Insgesamt"}}])
    text = scenario_files.dumps(s)
    assert scenario_files.parse(text) == s
    assert [r.column for r in need_sources(s)] == ["attribute:schueler", "indicator:SGB2@2024[Geschlecht=Insgesamt]"]


pupils_lists = st.lists(st.integers(1, 2000), min_size=1, max_size=40)
methods = st.sampled_from(["hare-niemeyer", "sainte-lague", "dhondt"])


@settings(max_examples=200, deadline=None)
@given(pupils_lists, st.integers(1, 200), st.sampled_from([0.5, 1.0, 100.0]), methods)
def test_amounts_sum_to_the_total_in_whole_steps(pupils, units, step, method) -> None:
    total = units * step
    result = allocate(spec(total=total, step=step, method=method), frame(pupils))
    got = np.array(amounts(result))
    assert got.sum() == pytest.approx(total)
    assert np.allclose(got / step, np.round(got / step))


@settings(max_examples=300, deadline=None)
@given(pupils_lists, st.sampled_from(["hare-niemeyer", "sainte-lague", "dhondt", "exact"]), st.integers(0, 2),
       st.integers(3, 6))
def test_bounds_hold_after_rounding(pupils, method, minimum, maximum) -> None:
    n = len(pupils)
    total = float(min(n * maximum, max(n * minimum, 2 * n)))
    result = allocate(spec(total=total, method=method, minimum=minimum, maximum=maximum), frame(pupils))
    got = np.array(amounts(result))
    assert (got >= minimum - 1e-9).all() and (got <= maximum + 1e-9).all() and got.sum() == pytest.approx(total)
    exact = result.rows["exact"].to_numpy()
    assert exact.sum() == pytest.approx(total) and (exact >= minimum - 1e-9).all() and (exact <= maximum + 1e-9).all()


@settings(max_examples=150, deadline=None)
@given(pupils_lists, st.integers(1, 100), methods, st.integers(2, 50))
def test_scaling_all_needs_changes_nothing(pupils, total, method, factor) -> None:
    a = allocate(spec(total=total, method=method), frame(pupils))
    b = allocate(spec(total=total, method=method), frame([p * factor for p in pupils]))
    assert amounts(a) == amounts(b)


@settings(max_examples=150, deadline=None)
@given(pupils_lists, st.integers(1, 100), methods, st.randoms(use_true_random=False))
def test_permuting_recipients_changes_nothing(pupils, total, method, rnd) -> None:
    base = frame(pupils)
    shuffled = base.sample(frac=1.0, random_state=rnd.randint(0, 10_000))
    a = allocate(spec(total=total, method=method), base).rows.set_index("key")["amount"]
    b = allocate(spec(total=total, method=method), shuffled).rows.set_index("key")["amount"]
    assert a.sort_index().tolist() == b.sort_index().tolist()


def test_docs_worked_example() -> None:
    """The example of docs/PLANNING_ALLOCATION.md."""
    example = AllocationSpec.from_dict({
        "name": "Beispiel", "recipients": {"type": "facility", "facility_kinds": ["Grundschule"]},
        "need": [{"source": "attribute:schueler", "weight": 0.6},
                 {"source": "attribute:schueler", "times": "attribute:sozialindex", "weight": 0.4}],
        "amount": {"total": 10.0, "unit": "VZÄ", "step": 0.5, "base": 0.5, "minimum": 1.0, "maximum": 4.0}})
    schools = pd.DataFrame({"key": ["190501", "190502", "190503", "190504"],
                            "name": ["GS Nord", "GS Süd", "GS Mitte", "GS West"],
                            "attribute:schueler": [400.0, 250.0, 150.0, 200.0],
                            "attribute:sozialindex": [2.0, 7.0, 9.0, 4.0]})
    result = allocate(example, schools)
    assert result.rows["need_share"].round(4).tolist() == [0.3081, 0.2989, 0.2049, 0.1881]
    assert result.rows["exact"].round(3).tolist() == [2.965, 2.891, 2.139, 2.005]
    assert amounts(result) == [3.0, 3.0, 2.0, 2.0]
    capped = AllocationSpec.from_dict({**example.to_dict(), "amount": {**example.amount.to_dict(), "maximum": 2.75}})
    result = allocate(capped, schools)
    assert result.rows["exact"].round(3).tolist() == [2.75, 2.75, 2.325, 2.175]
    assert result.rows["bound"].tolist() == ["Maximum", "Maximum", "", ""]
    assert amounts(result) == [2.5, 2.5, 2.5, 2.5]
