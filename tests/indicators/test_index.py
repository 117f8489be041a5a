"""The composite social index (bildungsplaner.indicators.index): hand-computed z-scores and classes, every
class method, exclusions that are listed, and the invariances the method promises (Hypothesis)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.i18n import set_language
from bildungsplaner.indicators.index import class_breaks, classify, compute_index
from bildungsplaner.indicators.index_spec import ClassSpec, IndexSpec

KEYS = ["05111", "05112", "05113", "05114", "05116"]
# A: mean 10, deviations -3 -1 0 1 3, population variance 20/5 = 4, SD 2 → z -1.5 -0.5 0 0.5 1.5
A = [7.0, 9.0, 10.0, 11.0, 13.0]
# B: mean 50, deviations 2, -6, 6, 0, -2, variance 80/5 = 16, SD 4 → z 0.5 -1.5 1.5 0 -0.5; direction -1 mirrors
B = [52.0, 44.0, 56.0, 50.0, 48.0]
Z_A = [-1.5, -0.5, 0.0, 0.5, 1.5]
Z_B_DIRECTED = [-0.5, 1.5, -1.5, 0.0, 0.5]
# weights A 2, B 1: 2 z_A + (-z_B) = -3.5, 0.5, -1.5, 1.0, 3.5 (all exact in binary floating point)
SUM = [-3.5, 0.5, -1.5, 1.0, 3.5]
LABELS = ["niedrig", "mittel", "hoch", "sehr hoch"]


def spec(classes: dict[str, Any] | None = None, **changes: Any) -> IndexSpec:
    data: dict[str, Any] = {
        "format": 1, "kind": "index", "code": "SOZ", "name": "Sozialindex", "regions": {"level": "kreis"},
        "year": 2015, "restandardize": False,
        "classes": classes or {"method": "sigma", "breaks": [-1.5, 0.5, 1.0], "labels": LABELS},
        "input": [{"indicator": "A", "weight": 2.0}, {"indicator": "B", "weight": 1.0, "direction": -1}]}
    data.update(changes)
    return IndexSpec.from_dict(data)


def raw(a: list[float] = A, b: list[float] = B, keys: list[str] = KEYS) -> pd.DataFrame:
    return pd.DataFrame({"A": a, "B": b}, index=pd.Index(keys, name="region_key"))


def by_key(result: Any, column: str) -> dict[str, Any]:
    return dict(zip(result.rows["region_key"], result.rows[column], strict=True))


def test_hand_computed_z_scores_values_and_sigma_classes_with_values_on_the_breaks() -> None:
    # given in a shuffled order: the result comes back sorted by region key
    frame = raw().iloc[[3, 0, 4, 2, 1]]
    result = compute_index(spec(), frame)
    assert list(result.rows.columns) == ["region_key", "value", "class_no", "class_label", "A_raw", "A_z", "B_raw",
                                         "B_z"]
    assert result.rows["region_key"].tolist() == KEYS
    assert result.rows["A_raw"].tolist() == A and result.rows["B_raw"].tolist() == B
    assert result.rows["A_z"].tolist() == Z_A
    assert result.rows["B_z"].tolist() == Z_B_DIRECTED
    assert result.rows["value"].tolist() == SUM
    # breaks -1.5, 0.5, 1.0: class k holds breaks[k-1] < v <= breaks[k]; -1.5, 0.5 and 1.0 lie exactly on one
    assert result.rows["class_no"].tolist() == [1, 2, 1, 3, 4]
    assert result.rows["class_no"].dtype == np.int64
    assert result.rows["class_label"].tolist() == ["niedrig", "mittel", "niedrig", "hoch", "sehr hoch"]
    assert result.class_counts == {"niedrig": 2, "mittel": 1, "hoch": 1, "sehr hoch": 1}
    assert result.means == {"A": 10.0, "B": 50.0}
    assert result.sds == {"A": 2.0, "B": 4.0}
    assert result.breaks == (-1.5, 0.5, 1.0)
    assert result.excluded == []
    assert result.aggregate_mean is None


def test_restandardize_mean_aggregate_minmax_and_rank_by_hand() -> None:
    # restandardized: the sum has mean 0 and population variance (12.25 + 0.25 + 2.25 + 1 + 12.25) / 5 = 5.6
    result = compute_index(spec(restandardize=True), raw())
    assert result.rows["value"].to_numpy() == pytest.approx(np.array(SUM) / math.sqrt(5.6), abs=1e-12)
    assert result.aggregate_mean == pytest.approx(0.0, abs=1e-15)
    assert result.aggregate_sd == pytest.approx(math.sqrt(5.6))
    assert np.std(result.rows["value"]) == pytest.approx(1.0)
    # mean: the weighted mean Σ w·z / Σ w = SUM / 3
    mean = compute_index(spec(aggregate="mean"), raw())
    assert mean.rows["value"].to_numpy() == pytest.approx(np.array(SUM) / 3, abs=1e-12)
    # minmax: (x - min) / (max - min), times the direction
    minmax = compute_index(spec(standardize="minmax"), raw())
    assert minmax.rows["A_z"].to_numpy() == pytest.approx([0, 2 / 6, 3 / 6, 4 / 6, 1])
    assert minmax.rows["B_z"].to_numpy() == pytest.approx([-8 / 12, 0, -1, -6 / 12, -4 / 12])
    # rank: (average rank - 1) / (n - 1); the tied 5s share rank 3.5
    ranked = compute_index(spec(standardize="rank"), raw(b=[5.0, 5.0, 1.0, 3.0, 9.0]))
    assert ranked.rows["A_z"].to_numpy() == pytest.approx([0, 0.25, 0.5, 0.75, 1])
    assert ranked.rows["B_z"].to_numpy() == pytest.approx([-0.625, -0.625, 0, -0.25, -1])


def test_missing_input_is_excluded_and_listed_with_the_input_named() -> None:
    frame = pd.concat([raw(), pd.DataFrame({"A": [np.nan, 4.0], "B": [np.nan, np.nan]},
                                           index=pd.Index(["05120", "05117"]))])
    result = compute_index(spec(), frame)
    assert result.excluded == [("05117", "Wert fehlt: B"), ("05120", "Wert fehlt: A, B")]
    # the z-scores are taken over the complete regions only: the same as without the two
    assert result.rows["region_key"].tolist() == KEYS
    assert result.rows["value"].tolist() == SUM
    assert result.means == {"A": 10.0, "B": 50.0}


def test_regions_below_the_minimum_population_are_excluded_and_listed() -> None:
    small = pd.DataFrame({"A": [100.0, -50.0, 70.0], "B": [0.0, 900.0, np.nan]},
                         index=pd.Index(["05999", "05998", "05997"]))
    frame = pd.concat([raw(), small])
    # 05112 has exactly the minimum (kept); 05997 has no population value (counts as below; its missing B is
    # not reported twice)
    population = pd.Series([5000.0, 300.0, 8000.0, 7000.0, 9000.0, 299.5, 12.0], index=[*KEYS, "05998", "05999"])
    definition = spec(minimum_population={"indicator": "BEV", "value": 300})
    result = compute_index(definition, frame, population)
    assert result.excluded == [("05997", "BEV fehlt (nötig für die Mindestgröße 300)"),
                               ("05998", "BEV 299,5 liegt unter der Mindestgröße 300"),
                               ("05999", "BEV 12 liegt unter der Mindestgröße 300")]
    assert result.rows["region_key"].tolist() == KEYS
    # the outliers of the small regions do not move the others' z-scores
    assert result.means == {"A": 10.0, "B": 50.0}
    assert result.rows["value"].tolist() == SUM
    with pytest.raises(UserInputError, match="die Werte von BEV für die Mindestgröße fehlen"):
        compute_index(definition, raw())


def test_the_reasons_speak_english_when_asked() -> None:
    frame = pd.concat([raw(), pd.DataFrame({"A": [np.nan], "B": [1.0]}, index=pd.Index(["05120"]))])
    set_language("en")
    try:
        result = compute_index(spec(classes={"method": "equal", "count": 3}), frame)
    finally:
        set_language("de")
    assert result.excluded == [("05120", "Value missing: A")]
    assert list(result.class_counts) == ["Class 1", "Class 2", "Class 3"]


def test_a_constant_input_is_a_clear_error_not_nan() -> None:
    for method in ("z", "minmax", "rank"):
        with pytest.raises(UserInputError, match=r"^Index SOZ: B hat in allen 5 Regionen denselben Wert 3,5; "):
            compute_index(spec(standardize=method), raw(b=[3.5] * 5))


@pytest.mark.parametrize(("frame", "message"), [
    (raw().iloc[:1], "nur 1 Regionen haben alle Werte"),
    (raw(a=[np.nan] * 5), "nur 0 Regionen haben alle Werte"),
    (raw().drop(columns="B"), "Index SOZ: die Werte von B fehlen."),
    (raw(keys=["1", "2", "3", "1", "5"]), "die Region 1 steht mehrfach in den Werten"),
])
def test_refused_inputs(frame: pd.DataFrame, message: str) -> None:
    with pytest.raises(UserInputError, match=message):
        compute_index(spec(), frame)


def test_inputs_that_cancel_cannot_be_restandardized() -> None:
    definition = spec(restandardize=True, input=[{"indicator": "A"}, {"indicator": "B", "direction": -1}])
    with pytest.raises(UserInputError, match="der Index ist in allen Regionen gleich"):
        compute_index(definition, raw(b=A))


def test_labels_default_to_class_numbers() -> None:
    result = compute_index(spec(classes={"method": "sigma", "breaks": [0.0]}), raw())
    assert result.class_counts == {"Klasse 1": 2, "Klasse 2": 3}
    assert result.rows["class_label"].tolist() == ["Klasse 1", "Klasse 2", "Klasse 1", "Klasse 2", "Klasse 2"]


# --- every class method on known values ---

def classes(values: list[float] | np.ndarray, **spec_: Any) -> tuple[tuple[float, ...], list[int]]:
    cls = ClassSpec(**spec_)
    breaks = class_breaks(cls, np.asarray(values, dtype=float))
    return breaks, classify(np.asarray(values, dtype=float), breaks).tolist()


def test_quantile_classes_hold_equal_numbers_and_keep_ties_together() -> None:
    breaks, numbers = classes(list(range(10, 0, -1)), method="quantile", count=5)
    assert breaks == (2.0, 4.0, 6.0, 8.0)
    assert numbers == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]
    # the boundary falls inside a run of ties: the whole run stays in one class
    _, numbers = classes([1, 2, 2, 2, 2, 3], method="quantile", count=2)
    assert numbers == [1, 1, 1, 1, 1, 2]
    _, numbers = classes([1, 1, 1, 1, 2, 3], method="quantile", count=2)
    assert numbers == [1, 1, 1, 1, 2, 2]
    # 7 regions in 3 classes: ⌈7/3⌉ = 3 and ⌈14/3⌉ = 5 → 3, 2, 2
    _, numbers = classes([1, 2, 3, 4, 5, 6, 7], method="quantile", count=3)
    assert numbers == [1, 1, 1, 2, 2, 3, 3]


def test_equal_width_classes() -> None:
    breaks, numbers = classes([0, 2, 2.5, 4, 6, 8, 10], method="equal", count=5)
    assert breaks == (2.0, 4.0, 6.0, 8.0)
    assert numbers == [1, 1, 2, 2, 3, 4, 5]


def test_top_share_puts_the_top_regions_into_the_highest_class_and_cuts_the_rest_evenly() -> None:
    values = np.arange(1.0, 101.0)  # 100 regions, top 5 % = 5
    breaks, numbers = classes(values, method="top-share", top=0.05, count=9)
    assert breaks == pytest.approx((*(1 + 94 * k / 8 for k in range(1, 8)), 95.0))
    counts = np.bincount(numbers, minlength=10)[1:]
    assert counts[-1] == 5 and numbers[-5:] == [9] * 5 and numbers[-6] == 8
    assert numbers[0] == 1
    # bounds 12.75, 24.5, 36.25, 48, 59.75, 71.5, 83.25, 95: 1-12, 13-24, 25-36, 37-48, 49-59, 60-71, …
    assert counts[:8].tolist() == [12, 12, 12, 12, 11, 12, 12, 12]
    # 53 Kreise, top 5 %: at most the share, ⌊2.65⌋ = 2 regions
    _, numbers = classes(np.arange(53.0), method="top-share", top=0.05, count=4)
    assert numbers.count(4) == 2
    # ties at the threshold stay below it (at most the share)
    _, numbers = classes([1, 2, 3, 5, 5, 5, 5, 5, 5, 9], method="top-share", top=0.2, count=3)
    assert numbers == [1, 1, 1, 2, 2, 2, 2, 2, 2, 3]


@pytest.mark.parametrize("method", [{"method": "quantile", "count": 2}, {"method": "equal", "count": 2},
                                    {"method": "top-share", "top": 0.2, "count": 2},
                                    {"method": "sigma", "breaks": [0.0]}])
def test_every_method_through_compute_index(method: dict[str, Any]) -> None:
    result = compute_index(spec(classes=method), raw())
    # SUM = -3.5, 0.5, -1.5, 1.0, 3.5: each method puts 05111 and 05113 low and 05116 high
    by = by_key(result, "class_no")
    assert by["05111"] == by["05113"] == 1 and by["05116"] == 2
    assert sum(result.class_counts.values()) == 5


# --- invariances (Hypothesis) ---

METHODS = [{"method": "sigma", "breaks": [-1.0, 0.0, 1.0, 1.5]}, {"method": "quantile", "count": 4},
           {"method": "equal", "count": 5}, {"method": "top-share", "top": 0.1, "count": 4}]


def definition(method: dict[str, Any], directions: tuple[int, int, int] = (1, -1, 1), standardize: str = "z",
               aggregate: str = "sum", restandardize: bool = True) -> IndexSpec:
    return spec(classes=method, standardize=standardize, aggregate=aggregate, restandardize=restandardize,
                input=[{"indicator": c, "weight": w, "direction": d}
                       for c, w, d in zip("XYZ", (1.0, 0.5, 2.0), directions, strict=True)])


@st.composite
def frames(draw: Any, missing: bool = True) -> pd.DataFrame:
    size = draw(st.integers(4, 30))
    cell = st.integers(0, 1000).map(float)
    if missing:
        cell = st.one_of(cell, cell, cell, cell, st.just(float("nan")))
    columns = {c: draw(st.lists(cell, min_size=size, max_size=size)) for c in "XYZ"}
    frame = pd.DataFrame(columns, index=[f"{i:05d}" for i in draw(st.permutations(range(size)))])
    complete = frame.dropna()
    assume(len(complete) >= 2 and (complete.nunique() > 1).all())
    return frame


def _compute(spec_: IndexSpec, frame: pd.DataFrame) -> Any:
    try:
        return compute_index(spec_, frame)
    except UserInputError as error:
        assume("heben sich auf" not in str(error))  # an aggregate equal everywhere cannot be classed
        raise


@settings(max_examples=60, deadline=None)
@given(frames(), st.sampled_from(METHODS), st.sampled_from(["z", "minmax", "rank"]), st.randoms())
def test_shuffling_the_regions_changes_nothing(frame: pd.DataFrame, method: dict[str, Any], standardize: str,
                                               random: Any) -> None:
    spec_ = definition(method, standardize=standardize)
    order = list(range(len(frame)))
    random.shuffle(order)
    first, shuffled = _compute(spec_, frame), _compute(spec_, frame.iloc[order])
    pd.testing.assert_frame_equal(first.rows, shuffled.rows, check_exact=True)
    assert first.excluded == shuffled.excluded
    assert first.class_counts == shuffled.class_counts


@settings(max_examples=60, deadline=None)
@given(frames(), st.sampled_from(METHODS), st.sampled_from(["sum", "mean"]), st.booleans())
def test_classes_are_monotone_in_the_index(frame: pd.DataFrame, method: dict[str, Any], aggregate: str,
                                           restandardize: bool) -> None:
    result = _compute(definition(method, aggregate=aggregate, restandardize=restandardize), frame)
    rows = result.rows.sort_values("value", kind="stable")
    assert (np.diff(rows["class_no"].to_numpy()) >= 0).all()
    values, numbers = rows["value"].to_numpy(), rows["class_no"].to_numpy()
    for k in np.unique(numbers):  # equal values share a class
        assert not set(values[numbers == k]) & set(values[numbers != k])
    n = len(result.labels)
    assert numbers.min() >= 1 and numbers.max() <= n
    assert sum(result.class_counts.values()) == len(rows)
    assert len(rows) + len(result.excluded) == len(frame)


@settings(max_examples=60, deadline=None)
@given(frames(missing=False), st.sampled_from(["X", "Y", "Z"]), st.floats(0.01, 100.0),
       st.floats(-1e4, 1e4), st.booleans())
def test_z_is_unchanged_by_scaling_or_shifting_an_input(frame: pd.DataFrame, column: str, factor: float,
                                                         shift: float, restandardize: bool) -> None:
    spec_ = definition(METHODS[0], restandardize=restandardize)
    before = _compute(spec_, frame)
    changed = frame.copy()
    changed[column] = changed[column] * factor + shift
    after = _compute(spec_, changed)
    assert after.rows["value"].to_numpy() == pytest.approx(before.rows["value"].to_numpy(), abs=1e-9)
    assert after.rows[f"{column}_z"].to_numpy() == pytest.approx(before.rows[f"{column}_z"].to_numpy(), abs=1e-9)
    far = np.min(np.abs(before.rows["value"].to_numpy()[:, None] - np.array(before.breaks)[None, :]), axis=1) > 1e-6
    assert (after.rows["class_no"][far] == before.rows["class_no"][far]).all()


@settings(max_examples=60, deadline=None)
@given(frames(missing=False), st.sampled_from(["sum", "mean"]), st.booleans())
def test_direction_minus_one_mirrors(frame: pd.DataFrame, aggregate: str, restandardize: bool) -> None:
    forward = _compute(definition(METHODS[1], (1, 1, 1), aggregate=aggregate, restandardize=restandardize), frame)
    # one input turned round: the same as that input's values negated
    turned = _compute(definition(METHODS[1], (1, -1, 1), aggregate=aggregate, restandardize=restandardize), frame)
    negated = frame.assign(Y=-frame["Y"])
    same = _compute(definition(METHODS[1], (1, 1, 1), aggregate=aggregate, restandardize=restandardize), negated)
    assert turned.rows["Y_z"].to_numpy() == pytest.approx(-forward.rows["Y_z"].to_numpy(), abs=1e-12)
    assert turned.rows["value"].to_numpy() == pytest.approx(same.rows["value"].to_numpy(), abs=1e-9)
    # every input turned round: the index is mirrored
    backward = _compute(definition(METHODS[1], (-1, -1, -1), aggregate=aggregate, restandardize=restandardize),
                        frame)
    assert backward.rows["value"].to_numpy() == pytest.approx(-forward.rows["value"].to_numpy(), abs=1e-9)
