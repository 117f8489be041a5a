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


# --- added: more hand-computed cases, every refusal, the JSON form -----------------------------------------

def test_a_bound_is_released_when_the_others_free_enough() -> None:
    """Stable means: nobody free crosses a bound, and nobody held at a bound would lie within it if released.

    Needs 2.2 / 40 / 7.8, 10 to share, minimum 1, maximum 5. By need alone: 0.44 / 8 / 1.56, so S1 is below the
    minimum and S2 above the maximum. S2 held at 5 leaves 5 for S1 and S3 (need 10): 1.1 and 3.9 — S1 is then
    above the minimum and is not held there. (Holding S1 at 1 because it once was below would give 1 / 5 / 4.)
    """
    result = allocate(spec(total=10, minimum=1, maximum=5, method="exact"), frame([2.2, 40, 7.8]))
    assert result.rows["exact"].tolist() == pytest.approx([1.1, 5.0, 3.9])
    assert result.rows["bound"].tolist() == ["", "Maximum", ""]
    # rounded by Hare-Niemeyer: floors 1, 5, 3 and the last unit to the remainder .9
    assert amounts(allocate(spec(total=10, minimum=1, maximum=5), frame([2.2, 40, 7.8]))) == [1, 5, 4]


def test_minimum_and_maximum_with_half_steps() -> None:
    # needs 1 / 3 / 4 / 12, 10 to share, 1 ≤ amount ≤ 4: by need .5 / 1.5 / 2 / 6 → S1 to 1, S4 to 4; the 5 left
    # go to S2 and S3 by need 3 : 4 → 15/7 and 20/7 (S1 would get 5/7 < 1 and stays at the minimum).
    # In half steps: quotas 2, 4.29, 5.71, 8 of 20 units → floors 2 4 5 8, the last unit to the remainder .71
    result = allocate(spec(total=10, step=0.5, minimum=1, maximum=4), frame([1, 3, 4, 12]))
    assert result.rows["exact"].tolist() == pytest.approx([1, 15 / 7, 20 / 7, 4])
    assert amounts(result) == [1.0, 2.0, 3.0, 4.0]
    assert result.rows["bound"].tolist() == ["Minimum", "", "", "Maximum"]
    assert result.rows["difference"].tolist() == pytest.approx([0, 2 - 15 / 7, 3 - 20 / 7, 0])


def test_a_minimum_between_steps_is_rounded_up_to_a_step() -> None:
    # needs 1 / 2 / 37, 10 to share, minimum 0.3: exact 0.3 / 9.7·2/39 / 9.7·37/39; in half steps nobody may get
    # less than 0.5 (one step), so S2 (0.497) is raised to 0.5 as well and S3 gets 9
    result = allocate(spec(total=10, step=0.5, minimum=0.3), frame([1, 2, 37]))
    assert result.rows["exact"].tolist() == pytest.approx([0.3, 9.7 * 2 / 39, 9.7 * 37 / 39])
    assert amounts(result) == [0.5, 0.5, 9.0]


@pytest.mark.parametrize(("method", "expected"), [
    ("hare-niemeyer", [1.5, 1.5, 0.5, 0.5]),
    ("sainte-lague", [1.5, 1.5, 0.5, 0.5]),
    ("dhondt", [2.0, 1.5, 0.5, 0.0]),
])
def test_methods_on_the_textbook_example_in_half_steps(method, expected) -> None:
    # 4 in steps of 0.5 = 8 units on needs 100,000 / 80,000 / 30,000 / 20,000: the textbook seat allocation
    assert amounts(allocate(spec(total=4, step=0.5, method=method), frame([100_000, 80_000, 30_000, 20_000]))) \
        == expected


def test_base_can_make_a_divisor_method_lose_a_unit_with_more_total_and_it_is_said() -> None:
    # needs 16 / 9 / 3, base 1, 7 to share: exact 1 + 4·16/28 … = 3.29 / 2.29 / 1.43 → Sainte-Laguë 3 / 2 / 2;
    # with 8: exact 3.86 / 2.61 / 1.54 → 4 / 3 / 1: S3 loses a unit although its exact share grew
    s = spec(total=7, base=1, method="sainte-lague")
    result = allocate(s, frame([16, 9, 3]))
    assert amounts(result) == [3, 2, 2]
    assert amounts(allocate(spec(total=8, base=1, method="sainte-lague"), frame([16, 9, 3]))) == [4, 3, 1]
    assert any("1 VZÄ mehr" in w and "S3 eine Einheit weniger" in w for w in result.warnings)


def test_no_paradox_warning_when_none_bites() -> None:
    result = allocate(spec(total=8, method="sainte-lague"), frame([100_000, 80_000, 30_000, 20_000]))
    assert result.warnings == []


def test_dhondt_quota_rule_warning() -> None:
    # D'Hondt on 95 / 1 / 1 / 1 / 1 / 1 of 20: quota 19 for S1, D'Hondt gives it 20
    result = allocate(spec(total=20, method="dhondt"), frame([95, 1, 1, 1, 1, 1]))
    assert amounts(result)[0] == 20 and any("Quotenbedingung" in w and "S1" in w for w in result.warnings)


@pytest.mark.parametrize(("kwargs", "pupils", "message"), [
    ({"total": 8, "maximum": 5}, [1, 0, 0], "nicht nach Bedarf verteilen"),
    ({"total": 1, "step": 0.5, "minimum": 0.3, "maximum": 0.4}, [1, 1, 1], "ganzen Schritten"),
    ({"total": 10, "locked": {"S1": 4.0, "S2": 3.0, "S3": 2.0}}, [1, 2, 3], "feste Beträge"),
    ({"total": 10}, [1, math.inf, 3], "unendlich"),
])
def test_more_infeasible_input_is_refused(kwargs, pupils, message) -> None:
    with pytest.raises(UserInputError, match=message):
        allocate(spec(**kwargs), frame(pupils))


def test_missing_values_are_named_and_counted() -> None:
    with pytest.raises(UserInputError, match=r"S1 \(Schule 1\), S2 \(Schule 2\).* und 2 weitere"):
        allocate(spec(), frame([math.nan] * 7 + [1.0]))


def test_missing_column_is_refused() -> None:
    s = spec(need=[{"source": "indicator:SGB2", "weight": 1}])
    with pytest.raises(UserInputError, match="indicator:SGB2"):
        allocate(s, frame([1, 2]))


def test_duplicate_keys_are_refused() -> None:
    f = frame([1, 2, 3])
    f.loc[2, "key"] = "S1"
    with pytest.raises(UserInputError, match="doppelt: S1"):
        allocate(spec(), f)


@pytest.mark.parametrize(("change", "message"), [
    ({"amount": {"total": -1}}, r"amount\.total“ darf nicht negativ"),
    ({"amount": {"total": "viel"}}, r"amount\.total“ muss eine Zahl"),
    ({"amount": {"total": 1, "step": 0}}, r"amount\.step“ muss größer als 0"),
    ({"amount": {"total": 1, "minimum": 2, "maximum": 1}}, r"amount\.maximum“ ist kleiner"),
    ({"amount": {"total": 1, "base": 2, "maximum": 1}}, r"amount\.base“ ist größer"),
    ({"amount": {"total": 1, "locked": {"S1": -1}}}, r"amount\.locked\.S1“"),
    ({"amount": {"total": 1, "unit": 3}}, r"amount\.unit“"),
    ({"amount": {}}, r"amount\.total“ fehlt"),
    ({"need": []}, r"\[\[need\]\]"),
    ({"need": [{"source": "attribute:schueler", "weight": 0}]}, "Gewichte"),
    ({"need": [{"source": "attribute:schueler", "weight": -1}]}, r"need\[1\]\.weight“ darf nicht negativ"),
    ({"need": [{"source": "schueler", "weight": 1}]}, r"need\[1\]\.source“ muss „attribute:NAME“"),
    ({"need": [{"source": "attribute:schueler", "weight": 1, "missing": "skip"}]}, r"need\[1\]\.missing"),
    ({"need": [{"source": "attribute:schueler", "wieght": 1}]}, r"unbekannter Schlüssel „need\[1\]\.wieght“"),
    ({"recipients": {"type": "kita"}}, r"recipients\.type“"),
    ({"recipients": {"type": "region"}}, r"recipients\.region_level“ fehlt"),
    ({"recipients": {"type": "facility", "within": 5978}}, r"recipients\.within“"),
    ({"colour": "blue"}, "unbekannter Schlüssel „colour“"),
    ({"format": 2}, "„format“ muss 1 sein"),
    ({"kind": "demand"}, "„kind“ muss „allocation“ sein"),
    ({"name": ""}, "„name“"),
])
def test_every_key_is_checked_with_a_message_naming_it(change, message) -> None:
    data = {"format": 1, "kind": "allocation", "name": "Test", "recipients": {"type": "facility"},
            "need": [{"source": "attribute:schueler", "weight": 1}], "amount": {"total": 10}}
    data.update(change)
    with pytest.raises(UserInputError, match=message):
        AllocationSpec.from_dict(data)


def test_spec_to_dict_round_trips_without_the_file_layer() -> None:
    data = {"format": 1, "kind": "allocation", "name": "Schulsozialarbeit Grundschulen 2027",
            "recipients": {"type": "region", "region_level": "gemeinde", "within": "05978"},
            "need": [{"source": "indicator:SGB2", "weight": 0.6, "missing": "zero"},
                     {"source": "indicator:U18", "times": "indicator:SOZ", "weight": 0.4, "period": "2024"}],
            "amount": {"total": 40.0, "unit": "", "step": 0.5, "method": "sainte-lague", "base": 0.5,
                       "minimum": 0.5, "maximum": 3.0, "locked": {"05978004": 2.0}}}
    s = AllocationSpec.from_dict(data)
    assert s.to_dict() == data
    assert AllocationSpec.from_dict(s.to_dict()) == s
    assert AllocationSpec.from_dict({**data, "amount": {"total": 40.0}}).amount.unit == ""  # unit is optional


def test_json_form_and_explanation_columns() -> None:
    import json

    s = spec(total=10, step=0.5, need=[{"source": "attribute:schueler", "weight": 1},
                                        {"source": "attribute:schueler", "times": "attribute:sozialindex",
                                         "weight": 1}])
    result = allocate(s, frame([100, 300], [3, 1]))
    data = json.loads(json.dumps(result.to_json_dict()))
    assert {k: data[k] for k in ("name", "kind", "total", "unit")} == \
        {"name": "Test", "kind": "allocation", "total": 10.0, "unit": "VZÄ"}
    first = data["rows"][0]
    assert set(first) >= {"key", "name", "need", "need_share", "exact", "amount", "difference", "bound", "values"}
    assert first["values"] == {"attribute:schueler": 100.0, "attribute:sozialindex": 3.0}
    # need share: (100/400 + 300/600) / 2 = 0.375; need index = share × 2 recipients
    assert first["need_share"] == pytest.approx(0.375) and first["need"] == pytest.approx(0.75)
    # exact 3.75 / 6.25 = 7.5 / 12.5 half steps: equal remainders, the larger exact share (S2) gets the unit
    assert first["exact"] == pytest.approx(3.75) and first["amount"] == 3.5 and first["difference"] == -0.25
    assert data["rows"][1]["amount"] == 6.5
    assert data["warnings"] == result.warnings and "Gleichstand" in data["warnings"][0]


locked_frames = st.lists(st.tuples(st.integers(0, 500), st.booleans()), min_size=2, max_size=30)


@settings(max_examples=200, deadline=None)
@given(locked_frames, st.integers(0, 3), st.integers(0, 2), st.sampled_from(["hare-niemeyer", "sainte-lague",
                                                                             "dhondt", "exact"]),
       st.sampled_from([0.5, 1.0]))
def test_locked_base_and_bounds_together(rows, base_steps, minimum, method, step) -> None:
    pupils = [r[0] + 1 for r in rows]
    locked = {f"S{i + 1}": 1.5 for i, r in enumerate(rows) if r[1] and i % 2}
    free = len(rows) - len(locked)
    maximum = 6.0
    base = min(base_steps * step, maximum)
    total = 1.5 * len(locked) + step * round((free * max(minimum, base) + free * 2) / step)
    s = spec(total=total, step=step, method=method, base=base, minimum=minimum, maximum=maximum,
             locked=locked or None)
    result = allocate(s, frame(pupils))
    got = result.rows.set_index("key")["amount"]
    assert got.sum() == pytest.approx(total)
    for key in locked:
        assert got[key] == 1.5
    rest = got.drop(list(locked))
    assert (rest >= minimum - 1e-9).all() and (rest <= maximum + 1e-9).all()
    if method != "exact":
        assert np.allclose(rest / step, np.round(rest / step))
    exact = result.rows.set_index("key")["exact"].drop(list(locked))
    assert (exact >= max(minimum, 0) - 1e-9).all() and exact.sum() == pytest.approx(total - 1.5 * len(locked))


@pytest.mark.parametrize("keys", [["S10", "S9"], ["10", "9"], ["190510", "19059"]])
def test_ties_go_to_the_smaller_key_in_natural_order(keys) -> None:
    # equal need, one unit: plain text order would put "S10" before "S9"; natural order puts 9 first
    f = pd.DataFrame({"key": keys, "name": ["a", "b"], "attribute:schueler": [5.0, 5.0]})
    result = allocate(spec(total=1), f)
    assert amounts(result) == [0.0, 1.0]


def test_natural_rank_of_digit_and_mixed_keys() -> None:
    from bildungsplaner.planning.allocation import natural_rank

    assert natural_rank(np.array(["10", "9", "05", "5", "100"])).tolist() == [3, 2, 0, 1, 4]
    assert natural_rank(np.array(["GS 10", "GS 2", "gs 1", "A"])).tolist() == [3, 2, 1, 0]
