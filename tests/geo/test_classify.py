"""Classes and legend of choropleth maps (bildungsplaner/geo/classify.py): the statistical offices' half-open
rule on the displayed values, every method, „keine Daten“ apart, fixed classes, German labels."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.geo.classify import Classes, _fisher_jenks, classify, round_half_up
from bildungsplaner.i18n import set_language
from bildungsplaner.indicators import index

COMPUTED = ("quantile", "equal", "jenks")

values_strategy = st.lists(
    st.one_of(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), st.just(math.nan),
              st.sampled_from([0.0, 1.0, 2.5, 2.5, 7.0])),  # ties and NaN turn up often
    min_size=0, max_size=80)


def _displayed(values, decimals):
    return round_half_up(np.asarray(values, dtype=float), decimals)


@settings(max_examples=150, deadline=None)
@given(values=values_strategy, method=st.sampled_from(COMPUTED), count=st.integers(3, 7),
       decimals=st.integers(0, 2))
def test_every_value_gets_exactly_one_class_in_value_order_and_the_counts_add_up(values, method, count,
                                                                                   decimals):
    array = np.asarray(values, dtype=float)
    classes = classify(array, method, count, decimals=decimals)
    numbers = classes.class_of(array)
    finite = np.isfinite(array)
    assert np.all(numbers[~finite] == -1), "keine Daten is its own class"
    assert np.all((numbers[finite] >= 0) & (numbers[finite] < classes.count))
    assert sum(classes.counts) == len(array)
    assert classes.counts[-1] == int((~finite).sum())
    assert list(classes.counts[:-1]) == [int((numbers == k).sum()) for k in range(classes.count)]
    assert len(classes.labels) == classes.count + 1 and classes.labels[-1] == "keine Daten"
    # monotone: a larger displayed value never lands in a lower class
    shown = _displayed(array[finite], decimals)
    order = np.argsort(shown, kind="stable")
    assert np.all(np.diff(numbers[finite][order]) >= 0)
    # the half-open rule: lower ≤ v < upper on the displayed values
    for (low, high), k in zip(classes.bounds(), range(classes.count), strict=True):
        inside = shown[numbers[finite] == k]
        assert low is None or np.all(inside >= low)
        assert high is None or np.all(inside < high)
    distinct = len(np.unique(shown))
    if method == "jenks" and distinct > count:
        assert 2 <= classes.count <= count  # natural breaks may merge classes of equal values
    else:
        assert classes.count == min(count, distinct)


@settings(max_examples=150, deadline=None)
@given(values=values_strategy, count=st.integers(3, 7), decimals=st.integers(0, 2))
def test_quantile_classes_never_split_ties_and_are_about_equally_full(values, count, decimals):
    array = np.asarray(values, dtype=float)
    classes = classify(array, "quantile", count, decimals=decimals)
    finite = np.isfinite(array)
    shown = _displayed(array[finite], decimals)
    numbers = classes.class_of(array)[finite]
    for value in np.unique(shown):
        assert len(set(numbers[shown == value].tolist())) == 1, f"tie at {value} split across classes"
    if len(np.unique(shown)) == len(shown) and len(shown) >= count:  # no ties: within one of N/n
        assert max(classes.counts[:-1]) - min(classes.counts[:-1]) <= 2


def test_quantile_with_a_big_tie_keeps_it_whole_and_still_gives_the_classes_asked_for():
    values = np.array([1.0] * 50 + [2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    classes = classify(values, "quantile", 5, decimals=0)
    assert classes.count == 5
    assert classes.counts[0] == 50 and sum(classes.counts) == 56


@settings(max_examples=150, deadline=None)
@given(values=values_strategy, count=st.integers(3, 7), decimals=st.integers(0, 2))
def test_equal_interval_classes_have_equal_widths(values, count, decimals):
    array = np.asarray(values, dtype=float)
    classes = classify(array, "equal", count, decimals=decimals)
    shown = _displayed(array[np.isfinite(array)], decimals)
    if len(np.unique(shown)) <= count:
        return  # one class per distinct value
    unit = 10.0 ** -decimals
    edges = np.array([shown.min(), *classes.breaks])
    widths = np.diff(edges)
    assert np.allclose(widths, widths[0], rtol=0, atol=unit * 1e-6)
    assert widths[0] >= unit - 1e-12
    last = shown.max() - classes.breaks[-1]  # the last class takes the remainder, less than count steps more
    assert widths[0] - 1e-9 <= last + unit and last < widths[0] + count * unit + 1e-9


def test_jenks_matches_the_hand_checked_example_and_is_deterministic():
    values = np.array([1, 2, 3, 10, 11, 12, 20, 21, 22], dtype=float)
    classes = classify(values, "jenks", 3, decimals=0)
    assert classes.breaks == (10.0, 20.0)  # the gaps 3|10 and 12|20
    assert classes.labels[:3] == ("unter 10", "10 bis unter 20", "20 und mehr")
    assert classes.counts == (3, 3, 3, 0)
    shuffled = np.random.default_rng(3).permutation(values)
    assert classify(shuffled, "jenks", 3, decimals=0) == classes


def _ssd(ordered, starts):
    return sum(float(((part - part.mean()) ** 2).sum()) for part in np.split(ordered, starts) if part.size)


def _jenkspy_starts(ordered, count):
    import jenkspy

    uppers = jenkspy.jenks_breaks(ordered, n_classes=count)[1:-1]
    return np.searchsorted(ordered, np.asarray(uppers, dtype=float), side="right")


@settings(max_examples=200, deadline=None)
@given(values=st.lists(st.one_of(st.floats(-1e4, 1e4), st.integers(0, 20).map(float)), min_size=8, max_size=150),
       count=st.integers(3, 7))
def test_the_fast_fisher_jenks_finds_the_same_optimum_as_jenkspy(values, count):
    ordered = np.sort(np.asarray(values))
    if len(np.unique(ordered)) <= count:
        return
    starts = _fisher_jenks(ordered, count)
    assert len(starts) == count - 1 and np.all(np.diff(starts) > 0) and starts[0] > 0 and starts[-1] < len(ordered)
    ours = _ssd(ordered, starts)
    reference = _ssd(ordered, _jenkspy_starts(ordered, count))
    assert ours <= reference * (1 + 1e-9) + 1e-6


def test_jenks_on_the_11000_gemeinden_is_the_exact_optimum_and_deterministic():
    values = np.random.default_rng(11).lognormal(3, 1, 11_000)
    first = classify(values, "jenks", 5)
    assert first.note == "" and first.count == 5
    assert classify(values[::-1].copy(), "jenks", 5) == first
    ordered = np.sort(round_half_up(values, 1))
    ours = np.searchsorted(ordered, np.asarray(first.breaks), side="left")
    assert _ssd(ordered, ours) <= _ssd(ordered, _jenkspy_starts(ordered, 5)) * (1 + 1e-9)


def test_the_german_legend_of_a_known_example():
    values = [0.5, 1.96, 2.0, 4.38, 4.4, 6.0, 9.1, 14.4, 20.0, math.nan]
    classes = classify(values, "manual", breaks=[2.0, 4.4, 6.8, 9.2, 14.4], decimals=1)
    assert classes.labels == ("unter 2,0", "2,0 bis unter 4,4", "4,4 bis unter 6,8", "6,8 bis unter 9,2",
                              "9,2 bis unter 14,4", "14,4 und mehr", "keine Daten")
    # 1,96 is shown as 2,0 and 4,38 as 4,4: they belong to the class whose label shows them
    assert classes.counts == (1, 2, 3, 1, 0, 2, 1)
    assert classes.class_of([1.94, 1.96, 4.349, 4.35, 14.34, 14.39]).tolist() == [0, 1, 1, 2, 4, 5]
    assert classes.note == ""


def test_thousands_are_grouped_and_negative_bounds_keep_their_sign():
    classes = classify([-2500.0, 0.0, 1234.5, 25000.0], "manual", breaks=[-1000, 1000, 10000], decimals=0)
    assert classes.labels[:4] == ("unter -1.000", "-1.000 bis unter 1.000", "1.000 bis unter 10.000",
                                  "10.000 und mehr")


def test_a_value_exactly_on_a_break_belongs_to_the_upper_class():
    classes = classify([1.0, 5.0, 9.0], "manual", breaks=[2.0, 5.0, 8.0], decimals=1)
    assert classes.class_of([4.94, 5.0, 5.04, 2.0, 8.0]).tolist() == [1, 2, 2, 1, 3]
    assert classes.counts == (1, 0, 1, 1, 0)


def test_rounding_is_half_up_as_the_offices_round():
    assert round_half_up(4.35, 1).tolist() == 4.4  # binary 4.3499999…, written 4,35
    assert round_half_up(2.675, 2).tolist() == 2.68
    assert round_half_up(0.125, 2).tolist() == 0.13
    assert round_half_up(-4.35, 1).tolist() == -4.4
    assert str(round_half_up(-0.04, 1).tolist()) == "0.0"  # no „-0,0“ in a legend
    assert round_half_up(4.34999, 1).tolist() == 4.3
    assert np.isnan(round_half_up(math.nan, 1))


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.floats(min_value=-1e4, max_value=1e4), min_size=1, max_size=40),
       breaks=st.lists(st.integers(-10_000, 10_000), min_size=2, max_size=6, unique=True))
def test_manual_breaks_are_applied_half_open(values, breaks):
    bounds = sorted(b / 10 for b in breaks)
    classes = classify(values, "manual", breaks=bounds, decimals=1)
    shown = _displayed(values, 1)
    expected = [sum(v >= b for b in bounds) for v in shown]
    assert classes.class_of(values).tolist() == expected
    assert classes.breaks == tuple(bounds)


def test_manual_breaks_are_sorted_rounded_and_checked():
    classes = classify([1, 2, 3], "manual", breaks=[10, 4.35, 2], decimals=1)
    assert classes.breaks == (2.0, 4.4, 10.0)
    assert "sortiert" in classes.note and "4,35 → 4,4" in classes.note
    with pytest.raises(UserInputError, match="4,4 kommt zweimal vor"):
        classify([1, 2, 3], "manual", breaks=[2, 4.36, 4.4], decimals=1)
    with pytest.raises(UserInputError, match="Grenzen angeben"):
        classify([1, 2, 3], "manual")
    with pytest.raises(UserInputError, match="Zahlen"):
        classify([1, 2, 3], "manual", breaks=[1, math.nan, 3])


@pytest.mark.parametrize("count", [2, 8])
@pytest.mark.parametrize("method", COMPUTED)
def test_two_and_eight_classes_are_refused(method, count):
    with pytest.raises(UserInputError, match="3 bis 7 Klassen, nicht " + str(count)):
        classify(np.arange(100.0), method, count)


@pytest.mark.parametrize("breaks", [[5.0], [1, 2, 3, 4, 5, 6, 7]])
def test_manual_breaks_for_two_or_eight_classes_are_refused(breaks):
    with pytest.raises(UserInputError, match="3 bis 7 Klassen"):
        classify(np.arange(10.0), "manual", breaks=breaks)


def test_an_unknown_method_is_refused_in_german():
    with pytest.raises(UserInputError, match="Unbekanntes Klassifizierungsverfahren „kmeans“"):
        classify([1.0, 2.0], "kmeans")


@pytest.mark.parametrize("method", COMPUTED)
def test_nan_is_only_keine_daten_never_in_a_computed_class(method):
    values = np.array([math.nan, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, math.nan, math.inf, 8.0])
    classes = classify(values, method, 4, decimals=0)
    assert classes.counts[-1] == 3
    assert classes.class_of(values)[[0, 8, 9]].tolist() == [-1, -1, -1]
    assert sum(classes.counts[:-1]) == 8
    # NaN does not move the breaks
    assert classes.breaks == classify(values[np.isfinite(values)], method, 4, decimals=0).breaks


def test_fewer_distinct_values_than_classes_give_one_class_per_value_and_a_note():
    classes = classify([1.0, 1.0, 2.0, 2.0, 3.0, math.nan], "quantile", 5, decimals=0)
    assert classes.count == 3 and classes.breaks == (2.0, 3.0)
    assert classes.counts == (2, 2, 1, 1)
    assert "Nur 3 verschiedene Werte: 3 statt 5 Klassen" in classes.note


def test_no_values_at_all_is_a_map_of_keine_daten():
    classes = classify([math.nan, math.nan], "jenks", 5)
    assert classes.count == 0 and classes.counts == (2,) and classes.labels == ("keine Daten",)
    assert classes.note


def test_fixed_classes_are_reused_for_another_year():
    first_year = classify(np.arange(0.0, 100.0), "quantile", 4, decimals=0)
    next_year = np.arange(50.0, 250.0)
    fixed = classify(next_year, "jenks", 6, decimals=3, fixed=first_year)
    assert (fixed.breaks, fixed.labels, fixed.method, fixed.decimals) == (
        first_year.breaks, first_year.labels, first_year.method, first_year.decimals)
    assert fixed.counts == (0, 0, 25, 175, 0)
    assert fixed.class_of(next_year).tolist() == first_year.class_of(next_year).tolist()
    assert classify(next_year, "quantile", 4, decimals=0).breaks != first_year.breaks


def _index_spec(method, **kw):
    from bildungsplaner.indicators.index_spec import ClassSpec
    return ClassSpec(method=method, **kw)


def test_the_index_own_classes_follow_the_index_rule_and_names():
    raw = np.random.default_rng(5).normal(size=200)
    spec = _index_spec("quantile", count=4, labels=("niedrig", "mittel", "hoch", "sehr hoch"))
    breaks = index.class_breaks(spec, raw)
    classes = classify(raw, "index", breaks=breaks, names=index.class_labels(spec), decimals=6)
    assert classes.closed == "right" and classes.count == 4
    # the same classes as the index itself gives (indicators.index.classify, 1 = lowest)
    assert (classes.class_of(raw) + 1).tolist() == index.classify(raw, breaks).tolist()
    assert classes.counts[:-1] == (50, 50, 50, 50)
    assert classes.labels[0].startswith("niedrig (bis ") and classes.labels[3].startswith("sehr hoch (über ")
    assert classes.note == ""


def test_index_labels_and_the_upper_bound_rule():
    classes = classify([-2.0, -1.0, 0.0, 1.0, 1.04, 2.0, math.nan], "index", breaks=(-1.0, 1.0), decimals=1)
    assert classes.labels == ("bis -1,0", "über -1,0 bis 1,0", "über 1,0", "keine Daten")
    # on a bound: the lower class (index rule); 1,04 is shown as 1,0 and so belongs to „bis 1,0“ on the map
    assert classes.class_of([-1.0, 1.0, 1.04, 1.05]).tolist() == [0, 1, 1, 2]
    assert classes.counts == (2, 3, 1, 1)
    assert "1 Gebiete" in classes.note  # 1.04 is in class 3 in the index table


@pytest.mark.parametrize("bounds", [(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0), (-1.0, 1.0)])
def test_the_index_rule_restated_here_is_indicators_index_classify(bounds):
    values = np.arange(-1000, 1001) / 100  # on the display grid, so rounding changes nothing
    classes = classify(values, "index", breaks=bounds, decimals=2)
    assert (classes.class_of(values) + 1).tolist() == index.classify(values, bounds).tolist()


def test_legend_in_english_when_asked():
    set_language("en")
    try:
        classes = classify([1.0, 2.0, 3.0, math.nan], "manual", breaks=[1.5, 2.5], decimals=1)
        # the numbers keep the German decimal comma (format_number), the words are English
        assert classes.labels == ("under 1,5", "1,5 to under 2,5", "2,5 and more", "no data")
    finally:
        set_language("de")


def test_to_dict_lists_the_classes_with_bounds_and_counts():
    classes = classify([1.0, 3.0, 5.0, math.nan], "manual", breaks=[2.0, 4.0], decimals=0)
    data = classes.to_dict()
    assert data["classes"] == [{"label": "unter 2", "lower": None, "upper": 2.0, "count": 1},
                               {"label": "2 bis unter 4", "lower": 2.0, "upper": 4.0, "count": 1},
                               {"label": "4 und mehr", "lower": 4.0, "upper": None, "count": 1}]
    assert data["no_data"] == 1 and data["method"] == "manual"
    assert isinstance(classes, Classes)


def test_classifying_the_11000_gemeinden_is_fast_for_every_method():
    """Benchmark (``pytest -s`` prints the figures): jenks on 11,000 values must stay well under 0.1 s."""
    import time

    rng = np.random.default_rng(7)
    values = rng.lognormal(3, 1, 11_000)
    values[rng.choice(11_000, 200, replace=False)] = math.nan
    arguments = {"quantile": {}, "equal": {}, "jenks": {}, "manual": {"breaks": [10, 20, 40, 80]},
                 "index": {"breaks": [10, 20, 40, 80]}}
    best = {}
    for method, extra in arguments.items():
        times = []
        for _ in range(3):
            start = time.perf_counter()
            classify(values, method, 7 if method in COMPUTED else 5, decimals=1, **extra)
            times.append(time.perf_counter() - start)
        best[method] = min(times)
    print("classify, 11,000 values (best of 3): " + ", ".join(f"{m} {t * 1000:.1f} ms" for m, t in best.items()))
    assert best["jenks"] < 0.1
    assert max(best.values()) < 0.1
