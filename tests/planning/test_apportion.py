"""Apportionment methods: textbook results, a real seat allocation, and their defining properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bildungsplaner.planning.apportion import apportion, dhondt, hare_niemeyer, sainte_lague


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
