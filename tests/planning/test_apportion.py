"""Apportionment methods: textbook results, a real seat allocation, and their defining properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bildungsplaner.planning.apportion import (
    apportion,
    dhondt,
    hare_niemeyer,
    sainte_lague,
    would_lose_on_increase,
)


def quotas(votes: list[float], seats: int) -> np.ndarray:
    v = np.asarray(votes, dtype=float)
    return v / v.sum() * seats


# The textbook example of the German and English Wikipedia articles on the three methods:
# votes 100,000 / 80,000 / 30,000 / 20,000, 8 seats.
TEXTBOOK = [100_000, 80_000, 30_000, 20_000]


def test_textbook_dhondt() -> None:
    assert dhondt(quotas(TEXTBOOK, 8), 8).units.tolist() == [4, 3, 1, 0]


def test_textbook_sainte_lague() -> None:
    assert sainte_lague(quotas(TEXTBOOK, 8), 8).units.tolist() == [3, 3, 1, 1]


def test_textbook_hare_niemeyer() -> None:
    # quota 28,750 votes per seat: 3.478 / 2.783 / 1.043 / 0.696 → floors 3, 2, 1, 0; remainders .783 and .696
    assert hare_niemeyer(quotas(TEXTBOOK, 8), 8).units.tolist() == [3, 3, 1, 1]


def test_bundestag_2025_seat_allocation_sainte_lague() -> None:
    """21st Bundestag, 630 seats by Sainte-Laguë/Schepers on the Zweitstimmen of the parties taking part
    (Bundeswahlleiterin, result of 23 February 2025): CDU 164, AfD 152, SPD 120, GRÜNE 85, Die Linke 64,
    CSU 44, SSW 1 — seats as published; with D'Hondt the CSU would have lost a seat to the CDU."""
    votes = [11_196_374, 10_328_780, 8_149_124, 5_762_380, 4_356_532, 2_964_028, 76_138]
    assert sainte_lague(quotas(votes, 630), 630).units.tolist() == [164, 152, 120, 85, 64, 44, 1]
    assert dhondt(quotas(votes, 630), 630).units.tolist() == [165, 152, 120, 85, 64, 43, 1]


def test_alabama_paradox_of_hare_niemeyer() -> None:
    """The classic example: with 10 seats C gets 2, with 11 seats only 1."""
    votes = [6, 6, 2]
    assert hare_niemeyer(quotas(votes, 10), 10).units.tolist() == [4, 4, 2]
    assert hare_niemeyer(quotas(votes, 11), 11).units.tolist() == [5, 5, 1]


def test_ties_go_to_the_larger_quota_then_the_order_and_are_reported() -> None:
    result = hare_niemeyer(np.array([1.5, 1.5, 1.0]), 4, order=np.array([1, 0, 2]))
    assert result.units.tolist() == [1, 2, 1]  # equal remainders: the second comes first in the order
    assert sorted(result.tied.tolist()) == [0, 1]


def test_bounds_are_respected() -> None:
    q = quotas([90, 5, 5], 10)
    for method in ("hare-niemeyer", "sainte-lague", "dhondt"):
        units = apportion(method, q, 10, lower=np.array([0, 1, 1]), upper=np.array([7, 10, 10])).units
        assert units.sum() == 10 and units[0] <= 7 and (units[1:] >= 1).all()


def test_infeasible_bounds_raise() -> None:
    with pytest.raises(ValueError):
        hare_niemeyer(np.array([1.0, 1.0]), 2, upper=np.array([0, 1]))


votes_strategy = st.lists(st.integers(0, 10_000), min_size=1, max_size=25).filter(lambda v: sum(v) > 0)
methods = st.sampled_from(["hare-niemeyer", "sainte-lague", "dhondt"])


@settings(max_examples=300)
@given(votes_strategy, st.integers(0, 200), methods)
def test_units_sum_to_the_seats_and_are_never_negative(votes, seats, method) -> None:
    units = apportion(method, quotas(votes, seats), seats).units
    assert units.sum() == seats and (units >= 0).all()


@settings(max_examples=300)
@given(votes_strategy, st.integers(1, 200))
def test_hare_niemeyer_stays_within_one_unit_of_the_quota(votes, seats) -> None:
    q = quotas(votes, seats)
    units = hare_niemeyer(q, seats).units
    assert (units >= np.floor(q + 1e-9)).all() and (units <= np.ceil(q - 1e-9)).all()


@settings(max_examples=200)
@given(votes_strategy, st.integers(1, 150), st.sampled_from(["sainte-lague", "dhondt"]))
def test_divisor_methods_are_house_monotone(votes, seats, method) -> None:
    v = np.asarray(votes, dtype=float)
    now = apportion(method, v / v.sum() * seats, seats).units
    more = apportion(method, v / v.sum() * (seats + 1), seats + 1).units
    assert (more >= now).all()


@settings(max_examples=200)
@given(votes_strategy, st.integers(1, 100), methods, st.randoms(use_true_random=False))
def test_permuting_recipients_permutes_the_result(votes, seats, method, rnd) -> None:
    assume(len(set(votes)) == len(votes))  # with ties the order decides, by design
    q = quotas(votes, seats)
    perm = list(range(len(votes)))
    rnd.shuffle(perm)
    perm = np.array(perm)
    units = apportion(method, q, seats).units
    permuted = apportion(method, q[perm], seats).units
    assert (permuted == units[perm]).all()


# --- added: a second textbook example, bounds, ties under float noise, the paradox helper ------------------

# Wikipedia, "Largest remainder method", section Examples (10 seats): Yellows 47,000, Whites 16,000,
# Reds 15,800, Greens 12,000, Blues 6,100, Pinks 3,100. By hand: Hare quota 10,000, quotas 4.7 / 1.6 / 1.58 /
# 1.2 / 0.61 / 0.31, floors 4 1 1 1 0 0, the three seats left go to the remainders .70, .61 and .60.
# D'Hondt (divisor 7,900, rounded down: 5.95, 2.03, 2.00, 1.52, 0.77, 0.39) and Sainte-Laguë (divisor 10,500,
# rounded: 4.48, 1.52, 1.50, 1.14, 0.58, 0.30) computed by hand the same way.
PARTIES = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100]


@pytest.mark.parametrize(("method", "expected"), [
    ("hare-niemeyer", [5, 2, 1, 1, 1, 0]),
    ("dhondt", [5, 2, 2, 1, 0, 0]),
    ("sainte-lague", [4, 2, 2, 1, 1, 0]),
])
def test_largest_remainder_article_example(method, expected) -> None:
    assert apportion(method, quotas(PARTIES, 10), 10).units.tolist() == expected


def test_bounded_hare_niemeyer_reshares_the_quotas_first() -> None:
    # quotas .1 .1 .1 2.9 1.4 1.4 (6 units), the first three at least 1: the other quotas are scaled by λ with
    # 3 + 5.7 λ = 6 → 1.526, .737, .737; floors 1 0 0, remainders .526 .737 .737 → the last two get one each
    q = np.array([0.1, 0.1, 0.1, 2.9, 1.4, 1.4])
    lower = np.array([1, 1, 1, 0, 0, 0])
    assert hare_niemeyer(q, 6, lower=lower).units.tolist() == [1, 1, 1, 1, 1, 1]
    # the divisor methods clip round(q / D) to the bounds: D'Hondt with D = 1.4 gives 2, 1, 1 to the others,
    # the last two tie (1.4 / 2 = .7) for the sixth unit: the larger quota (equal), then the order decides
    result = dhondt(q, 6, lower=lower)
    assert result.units.tolist() == [1, 1, 1, 2, 1, 0] and result.tied.tolist() == [4, 5]
    assert sainte_lague(q, 6, lower=lower).units.tolist() == [1, 1, 1, 1, 1, 1]


def test_upper_bounds_move_the_surplus_to_the_others() -> None:
    # 90 / 5 / 5 of 10 units, at most 6 each: 6, then 4 shared equally → 2, 2
    for method in ("hare-niemeyer", "sainte-lague", "dhondt"):
        assert apportion(method, quotas([90, 5, 5], 10), 10, upper=np.array([6, 6, 6])).units.tolist() == [6, 2, 2]


def test_float_noise_does_not_break_a_tie() -> None:
    # 0.15 * 3 != 0.45 in floating point; the remainders are equal in exact arithmetic, so the tie-break decides
    q = np.array([0.45, 0.15 * 3, 0.1])
    assert q[0] != q[1]
    result = hare_niemeyer(q, 1, order=np.array([1, 0, 2]))
    assert result.units.tolist() == [0, 1, 0] and result.tied.tolist() == [0, 1]


def test_ties_prefer_the_larger_quota_before_the_order() -> None:
    # remainders .5 and .5, quotas 2.5 and 0.5: the unit goes to the larger quota although its order is later
    result = hare_niemeyer(np.array([0.5, 2.5]), 3, order=np.array([0, 1]))
    assert result.units.tolist() == [0, 3]


def test_would_lose_on_increase_finds_the_alabama_paradox() -> None:
    q = quotas([6, 6, 2], 10)
    assert would_lose_on_increase("hare-niemeyer", q, 10).tolist() == [2]
    assert would_lose_on_increase("sainte-lague", q, 10).tolist() == []
    assert would_lose_on_increase("hare-niemeyer", q, 10, upper=np.array([4, 4, 2])).tolist() == []  # no room


def test_invalid_quotas_raise() -> None:
    with pytest.raises(ValueError):
        hare_niemeyer(np.array([-1.0, 3.0]), 2)
    with pytest.raises(ValueError):
        dhondt(np.array([1.0, 1.0]), 3, lower=np.array([2, 2]))


bounds_strategy = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 3), st.integers(0, 8)), min_size=1,
                           max_size=25)


@settings(max_examples=300, deadline=None)
@given(bounds_strategy, st.floats(0, 1), methods)
def test_bounded_results_sum_to_the_seats_within_bounds(rows, fraction, method) -> None:
    votes = np.array([r[0] for r in rows], dtype=float)
    lower = np.array([r[1] for r in rows])
    upper = lower + np.array([r[2] for r in rows])
    assume(votes.sum() > 0)
    seats = int(lower.sum() + round(fraction * (upper.sum() - lower.sum())))
    units = apportion(method, votes / votes.sum() * seats, seats, lower, upper).units
    assert units.sum() == seats and (units >= lower).all() and (units <= upper).all()


@settings(max_examples=200, deadline=None)
@given(bounds_strategy, st.floats(0, 1), st.sampled_from(["sainte-lague", "dhondt"]))
def test_bounded_divisor_methods_are_house_monotone(rows, fraction, method) -> None:
    votes = np.array([r[0] for r in rows], dtype=float)
    lower = np.array([r[1] for r in rows])
    upper = lower + np.array([r[2] for r in rows])
    seats = int(lower.sum() + np.floor(fraction * max(0, upper.sum() - lower.sum() - 1)))
    assume(votes.sum() > 0 and seats >= 1 and seats + 1 <= upper.sum())
    q = votes / votes.sum() * seats
    assert would_lose_on_increase(method, q, seats, lower, upper).size == 0


@settings(max_examples=200, deadline=None)
@given(votes_strategy, st.integers(1, 150), methods, st.integers(2, 1000))
def test_scaling_the_votes_changes_nothing(votes, seats, method, factor) -> None:
    a = apportion(method, quotas(votes, seats), seats).units
    b = apportion(method, quotas([v * factor for v in votes], seats), seats).units
    assert a.tolist() == b.tolist()


@settings(max_examples=200, deadline=None)
@given(votes_strategy, st.integers(1, 100), methods, st.randoms(use_true_random=False))
def test_permuting_with_ties_permutes_the_result_when_the_order_moves_along(votes, seats, method, rnd) -> None:
    q = quotas(votes, seats)
    perm = np.array(rnd.sample(range(len(votes)), len(votes)))
    order = np.arange(len(votes))
    units = apportion(method, q, seats, order=order).units
    permuted = apportion(method, q[perm], seats, order=order[perm]).units
    assert (permuted == units[perm]).all()


def test_equal_quotients_cross_the_divisor_together() -> None:
    # D'Hondt on quotas .75 / .75 / 1.5 (3 units): after C's first unit, C (1.5 / 2), A and B (.75 / 1) tie at
    # .75 for the last two units: the larger quota (C) first, then A by the order; all three reported as tied
    result = dhondt(np.array([0.75, 0.75, 1.5]), 3)
    assert result.units.tolist() == [1, 0, 2] and result.tied.tolist() == [0, 1, 2]
