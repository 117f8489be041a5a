"""Apportion whole units (positions, half positions, 100-€ steps) from exact quotas, as in seat allocation.

All functions take the exact quotas ``q`` (in units; they sum to the number of units ``seats``), per-recipient
bounds ``lower``/``upper`` (whole units) and a tie-break order, and return whole units that sum to ``seats``:

* :func:`hare_niemeyer` (largest remainder): everyone gets ``floor(q)``; the units left go to the largest
  remainders ``q − floor(q)``. Without bounds every result is ``floor(q)`` or ``ceil(q)`` (the quota rule).
* :func:`dhondt` and :func:`sainte_lague` (divisor methods, D'Hondt with divisors 1, 2, 3, …, Sainte-Laguë/
  Schepers with 0.5, 1.5, 2.5, …): the units go one by one to the highest quotient ``q / d(a)`` where ``a`` is
  what the recipient has so far — computed at once by searching the common divisor. Both are house-monotone
  (one more unit never takes a unit away from anyone); D'Hondt favours large recipients.

With bounds, everyone starts at ``lower`` (and a recipient's quota is at least its lower bound when the
quotas come from :mod:`bildungsplaner.planning.allocation`), nobody gets more than ``upper``.

**Ties** — two recipients with the same remainder (or quotient) competing for the last unit — are broken by
the larger exact quota, then by the order given (the recipients' keys in natural order); the functions report
which recipients were tied at the cut so that the result can say so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["METHODS", "Apportionment", "apportion", "dhondt", "hare_niemeyer", "sainte_lague"]

METHODS = ("hare-niemeyer", "sainte-lague", "dhondt")
_EPS = 1e-9


@dataclass(frozen=True)
class Apportionment:
    """Whole units per recipient and the positions that were tied for the last unit(s) handed out."""

    units: np.ndarray
    tied: np.ndarray  #: indices of recipients whose claim on the last unit equalled another's


def _rank(priority: np.ndarray, quotas: np.ndarray, order: np.ndarray) -> np.ndarray:
    """Indices sorted by priority desc, then quota desc, then ``order`` asc."""
    return np.lexsort((order, -quotas, -priority))


def _cut(priority: np.ndarray, quotas: np.ndarray, order: np.ndarray, eligible: np.ndarray,
         count: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``count`` best eligible indices, and the indices tied at the cut (equal priority across it)."""
    candidates = np.flatnonzero(eligible)
    if count <= 0 or candidates.size == 0:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    ranked = candidates[_rank(priority[candidates], quotas[candidates], order[candidates])]
    chosen = ranked[:count]
    tied = np.empty(0, dtype=np.int64)
    if count < ranked.size:
        last, first_out = priority[ranked[count - 1]], priority[ranked[count]]
        if abs(last - first_out) <= _EPS * max(1.0, abs(last)):
            tied = ranked[np.abs(priority[ranked] - last) <= _EPS * max(1.0, abs(last))]
    return chosen, tied


def _prepare(quotas: np.ndarray, seats: int, lower: np.ndarray | None, upper: np.ndarray | None,
             order: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    q = np.asarray(quotas, dtype=np.float64)
    n = q.size
    lo = np.zeros(n, dtype=np.int64) if lower is None else np.asarray(lower, dtype=np.int64)
    hi = np.full(n, seats, dtype=np.int64) if upper is None else np.minimum(np.asarray(upper, np.int64), seats)
    rank = np.arange(n) if order is None else np.asarray(order)
    if (lo > hi).any() or lo.sum() > seats or hi.sum() < seats:
        raise ValueError("infeasible bounds")
    return q, lo, hi, rank


def hare_niemeyer(quotas: np.ndarray, seats: int, lower: np.ndarray | None = None,
                  upper: np.ndarray | None = None, order: np.ndarray | None = None) -> Apportionment:
    q, lo, hi, rank = _prepare(quotas, seats, lower, upper, order)
    base = np.clip(np.floor(q + _EPS), lo, hi).astype(np.int64)
    left = seats - int(base.sum())
    if left < 0:  # floors above the total can only come from lower bounds above the quotas: take back
        remainder = q - base
        give_back, tied = _cut(remainder, -q, -rank, base > lo, -left)  # smallest remainders first
        base[give_back] -= 1
        return Apportionment(base, tied)
    remainder = q - base
    chosen, tied = _cut(remainder, q, rank, base < hi, left)
    base[chosen] += 1
    return Apportionment(base, tied)


def _divisor(quotas: np.ndarray, seats: int, lower: np.ndarray | None, upper: np.ndarray | None,
             order: np.ndarray | None, offset: float) -> Apportionment:
    """Divisor method with divisors ``k + offset`` (D'Hondt 1, Sainte-Laguë 0.5)."""
    q, lo, hi, rank = _prepare(quotas, seats, lower, upper, order)

    def units(divisor: float) -> np.ndarray:
        # number of k >= 0 with q / (k + offset) >= divisor, i.e. floor(q / divisor - offset) + 1 (for q > 0)
        raw = np.where(q > 0, np.floor(q / divisor - offset + _EPS) + 1, 0)
        return np.clip(raw, lo, hi).astype(np.int64)

    if seats == int(lo.sum()):
        return Apportionment(lo.copy(), np.empty(0, dtype=np.int64))
    low, high = 0.0, float(q.max()) / offset + 1.0  # at ``high`` everyone is at its lower bound
    if units(high).sum() > seats:  # pragma: no cover - guarded by _prepare
        raise ValueError("infeasible")
    for _ in range(200):
        middle = (low + high) / 2
        if units(middle).sum() > seats:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * high:
            break
    result = units(high)
    left = seats - int(result.sum())
    if left > 0:
        priority = np.where(q > 0, q / (result + offset), 0.0)
        chosen, tied = _cut(priority, q, rank, result < hi, left)
        result[chosen] += 1
        return Apportionment(result, tied)
    return Apportionment(result, np.empty(0, dtype=np.int64))


def dhondt(quotas: np.ndarray, seats: int, lower: np.ndarray | None = None, upper: np.ndarray | None = None,
           order: np.ndarray | None = None) -> Apportionment:
    return _divisor(quotas, seats, lower, upper, order, 1.0)


def sainte_lague(quotas: np.ndarray, seats: int, lower: np.ndarray | None = None,
                 upper: np.ndarray | None = None, order: np.ndarray | None = None) -> Apportionment:
    return _divisor(quotas, seats, lower, upper, order, 0.5)


def apportion(method: str, quotas: np.ndarray, seats: int, lower: np.ndarray | None = None,
              upper: np.ndarray | None = None, order: np.ndarray | None = None) -> Apportionment:
    """Dispatch by method name (``hare-niemeyer``, ``sainte-lague``, ``dhondt``)."""
    function = {"hare-niemeyer": hare_niemeyer, "sainte-lague": sainte_lague, "dhondt": dhondt}[method]
    return function(quotas, seats, lower, upper, order)
