"""Needs-based allocation: distribute a total (positions, money, places) across recipients by need.

The scenario format (version 1) and a worked example are in ``docs/PLANNING_ALLOCATION.md``. Semantics:

1. **Need share** of recipient r: ``Σ_t w_t · v_t,r / Σ_r' v_t,r'`` over the recipients, with the weights
   normalised to sum 1; a term's value is its ``source`` or, with ``times``, the product of both. A missing
   value is an error naming the recipients unless the term says ``missing = "zero"``: then it counts as 0 and
   a warning names the value and every recipient lacking it (``rows`` keeps it missing, NaN); negative values
   and a term whose values are all zero are errors.
2. **Exact shares**: locked recipients get their fixed amount; the rest ``R = total − Σ locked`` goes to the
   others: each gets ``base``, the remainder in proportion to need. A recipient whose share falls below
   ``minimum`` or exceeds ``maximum`` is set to that bound and the rest is shared again among the others,
   until stable: no free share crosses a bound and no share held at a bound would lie within it if shared
   again (``clip(base + λ·need, minimum, maximum)``, see :func:`exact_shares`).
3. **Rounding** to ``step``: ``R / step`` whole units are apportioned from the exact shares by the chosen
   method (:mod:`bildungsplaner.planning.apportion`), respecting minimum and maximum (in whole steps: the
   minimum rounded up, the maximum down); ``exact`` keeps the unrounded shares. The amounts sum exactly to
   the total. Ties (equal up to 1e-9 relative) for the last unit go to the larger exact share, then to the
   smaller key in natural order (:func:`natural_rank`); the result says when a tie decided.
4. Infeasible input is refused with a message: no recipients, minimums above what is to be shared,
   maximums below it, ``R / step`` not whole, a locked key that is not a recipient, negative amounts.
5. Every recipient's row explains its amount: the need values, need share, exact share, bound hit, rounded
   amount and the difference to exact. Warnings name paradoxes where they bite: whether one more step of
   total would take a unit away from someone (with Hare-Niemeyer the Alabama paradox; with a divisor method
   possible through ``base`` and the bounds, which make the shares non-proportional); with a divisor method
   whether a recipient ends a step or more away from its exact share (quota rule); ties.

The caller provides the recipients as a DataFrame (see :func:`allocate`); the service
:func:`bildungsplaner.services.planning.run_scenario` collects it from the workspace.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_amount as _fmt
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.planning.allocation_spec import AllocationSpec, Amount, NeedTerm, Recipients, SourceRef
from bildungsplaner.planning.apportion import apportion, rebound, would_lose_on_increase

# the spec classes live in allocation_spec; re-exported here for the callers of this module
__all__ = ["AllocationResult", "AllocationSpec", "Amount", "NeedTerm", "Recipients", "SourceRef", "allocate",
           "need_sources"]

_TOL = 1e-9


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", text))


def natural_rank(keys: np.ndarray) -> np.ndarray:
    """Each key's rank in natural order (``"9"`` before ``"10"``, ``"GS 2"`` before ``"GS 10"``), keys equal
    in natural order (``"05"`` and ``"5"``) by their text; vectorised for keys of digits only (AGS, ARS)."""
    text = np.asarray(keys, dtype=str)
    rank = np.empty(text.size, dtype=np.int64)
    if text.size and np.char.isdigit(text).all() and np.char.str_len(text).max() <= 18:
        order = np.lexsort((text, text.astype(np.int64)))
    else:
        order = np.array(sorted(range(text.size), key=lambda i: (_natural(str(text[i])), str(text[i]))), dtype=np.int64)
    rank[order] = np.arange(text.size)
    return rank


def need_sources(spec: AllocationSpec) -> list[SourceRef]:
    """Every value the recipients frame must carry (one column each, named by :attr:`SourceRef.column`)."""
    return list(dict.fromkeys(ref for term in spec.need for ref in term.refs))


# --- the result --------------------------------------------------------------------------------------------

@dataclass
class AllocationResult:
    """``rows``: key, name, one column per need value (``SourceRef.column``), ``need`` (the need index: need
    share × number of recipients, 1 = average), need_share, exact, amount, difference, bound, and
    ``region_key`` (the region the recipient lies in) when the recipients frame has it; in the order of the
    recipients frame."""

    kind: ClassVar[str] = AllocationSpec.kind

    name: str
    unit: str
    total: float
    method: str
    step: float
    rows: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    value_columns: list[str] = field(default_factory=list)
    periods: dict[str, str] = field(default_factory=dict)

    def to_json_dict(self) -> dict[str, Any]:
        def clean(value: Any) -> Any:
            if isinstance(value, np.generic):
                value = value.item()
            if isinstance(value, float) and math.isnan(value):
                return None
            return value

        rows = []
        for record in self.rows.to_dict("records"):
            row = {k: clean(record[k]) for k in ("key", "name", "need", "need_share", "exact", "amount", "difference",
                                                 "bound")}
            row["values"] = {c: clean(record[c]) for c in self.value_columns}
            rows.append(row)
        return {"name": self.name, "kind": self.kind, "total": self.total, "unit": self.unit,
                "method": self.method, "step": self.step, "rows": rows, "warnings": list(self.warnings),
                "periods": dict(self.periods)}


# --- the arithmetic ----------------------------------------------------------------------------------------

def _names(frame: pd.DataFrame, mask: np.ndarray, limit: int | None = 5) -> str:
    """``key (name)`` of the recipients in ``mask``; beyond ``limit`` (``None``: no limit) only counted."""
    picked = [f"{k} ({n})" for k, n in zip(frame["key"][mask], frame["name"][mask], strict=True)]
    if limit is None or len(picked) <= limit:
        return ", ".join(picked)
    return ", ".join(picked[:limit]) + tr(" und {count} weitere", count=format_number(len(picked) - limit))


def need_shares(spec: AllocationSpec, frame: pd.DataFrame, warnings: list[str] | None = None) -> np.ndarray:
    """Semantics 1: the need share of every recipient (sums to 1). Every missing value replaced by 0 (a term
    with ``missing = "zero"``) is appended to ``warnings``, naming the value and every recipient lacking it."""
    weights = np.array([t.weight for t in spec.need], dtype=float)
    weights = weights / weights.sum()
    share = np.zeros(len(frame))
    replaced: dict[str, np.ndarray] = {}
    for term, weight in zip(spec.need, weights, strict=True):
        values = np.ones(len(frame))
        for ref in term.refs:
            if ref.column not in frame:
                raise UserInputError(tr("Für „{source}“ fehlen die Werte der Empfänger.", source=ref.source))
            column = pd.to_numeric(frame[ref.column], errors="coerce").to_numpy(dtype=float)
            missing = np.isnan(column)
            if missing.any():
                if term.missing != "zero":
                    raise UserInputError(tr("„{source}“ fehlt für {recipients}; bitte Daten ergänzen oder im Term "
                                            "missing = \"zero\" setzen.", source=ref.source,
                                            recipients=_names(frame, missing)))
                column = np.where(missing, 0.0, column)
                replaced.setdefault(ref.column, missing)
            if (column < 0).any():
                raise UserInputError(tr("„{source}“ ist negativ für {recipients}.", source=ref.source,
                                        recipients=_names(frame, column < 0)))
            if np.isinf(column).any():
                raise UserInputError(tr("„{source}“ ist unendlich für {recipients}.", source=ref.source,
                                        recipients=_names(frame, np.isinf(column))))
            values = values * column
        total = values.sum()
        if weight == 0:
            continue
        if total <= 0:
            raise UserInputError(tr("Der Bedarfsterm „{term}“ ist für alle Empfänger 0; so lässt sich nichts nach "
                                    "Bedarf verteilen.", term=term.label))
        share += weight * values / total
    if warnings is not None:
        for column, missing in replaced.items():
            warnings.append(tr("Fehlende Werte ersetzt: „{column}“ fehlt für {recipients}; als 0 gerechnet "
                               "(missing = \"zero\").", column=column, recipients=_names(frame, missing, None)))
    return share


def exact_shares(amount: Amount, need: np.ndarray, free: np.ndarray, remaining: float,
                 upper: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Semantics 2 for the recipients in ``free``: base plus need share, bounded; returns (shares, bound).

    Setting a recipient that crosses a bound to it and sharing the rest again until stable ends in
    ``share_r = clip(base + λ · need_r, minimum, maximum)`` with the one ``λ`` at which the shares add up to
    ``remaining``; ``λ`` is found by bisection (the sum grows with ``λ``) and then computed exactly from the
    recipients that are not at a bound. Without any need among them the rest is shared equally.
    """
    n = need.size
    share = np.zeros(n)
    bound = np.zeros(n, dtype=np.int8)  # 0 none, -1 minimum, +1 maximum
    idx = np.flatnonzero(free)
    if idx.size == 0:
        return share, bound
    weight = need[idx] if need[idx].sum() > 0 else np.ones(idx.size)
    low_bound = np.full(idx.size, amount.minimum)
    high_bound = upper[idx]

    def shares(lam: float) -> np.ndarray:
        return np.clip(amount.base + lam * weight, low_bound, high_bound)

    lo, hi = 0.0, 1.0
    while shares(hi).sum() < remaining and hi < 1e300:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if shares(mid).sum() < remaining:
            lo = mid
        else:
            hi = mid
        if hi - lo <= 1e-15 * hi:
            break
    result = shares(hi)
    at_low = result <= low_bound + _TOL
    at_high = result >= high_bound - _TOL
    inside = ~at_low & ~at_high & (weight > 0)
    if inside.any():  # exact λ from the recipients not at a bound
        rest = remaining - result[~inside].sum()
        lam = (rest - amount.base * inside.sum()) / weight[inside].sum()
        result[inside] = amount.base + lam * weight[inside]
    unconstrained = amount.base + hi * weight
    share[idx] = result
    bound[idx] = np.where(at_low & (unconstrained < low_bound - _TOL), -1,
                          np.where(at_high & (unconstrained > high_bound + _TOL), 1, 0))
    return share, bound


def allocate(spec: AllocationSpec, recipients: pd.DataFrame) -> AllocationResult:
    """Allocate ``spec.amount.total`` among ``recipients``.

    ``recipients`` has one row per recipient with ``key`` (text, unique), ``name`` and one numeric column per
    :func:`need_sources` entry, named by its :attr:`SourceRef.column` (NaN = missing). Row order is kept.
    """
    amount = spec.amount
    frame = recipients.reset_index(drop=True)
    n = len(frame)
    if n == 0:
        raise UserInputError(tr("Szenario „{name}“: keine Empfänger.", name=spec.name))
    keys = frame["key"].astype(str).to_numpy()
    if len(set(keys)) != n:
        raise UserInputError(tr("Szenario „{name}“: Empfänger-Schlüssel doppelt: {keys}.", name=spec.name,
                                keys=", ".join(sorted({k for k in keys if (keys == k).sum() > 1})[:5])))
    warnings: list[str] = []
    need = need_shares(spec, frame, warnings)
    locked = np.zeros(n, dtype=bool)
    fixed = np.zeros(n)
    position = {k: i for i, k in enumerate(keys)}
    for key, value in amount.locked:
        if key not in position:
            raise UserInputError(tr("Der feste Betrag für „{key}“ (amount.locked) passt zu keinem Empfänger.",
                                    key=key))
        locked[position[key]], fixed[position[key]] = True, value
    free = ~locked
    remaining = amount.total - fixed.sum()
    upper = np.full(n, np.inf if amount.maximum is None else amount.maximum)
    count = int(free.sum())
    if remaining < -_TOL:
        raise UserInputError(tr("Die festen Beträge ({fixed}) übersteigen die Summe ({total}).",
                                fixed=_fmt(fixed.sum()), total=_fmt(amount.total)))
    if count and amount.minimum * count > remaining + _TOL:
        raise UserInputError(tr("Die Mindestbeträge ({count} × {each} = {product}) übersteigen die zu verteilende "
                                "Summe {remaining}.", count=format_number(count), each=_fmt(amount.minimum),
                                product=_fmt(amount.minimum * count), remaining=_fmt(remaining)))
    if count and amount.base * count > remaining + _TOL:
        raise UserInputError(tr("Die Sockelbeträge ({count} × {each} = {product}) übersteigen die zu verteilende "
                                "Summe {remaining}.", count=format_number(count), each=_fmt(amount.base),
                                product=_fmt(amount.base * count), remaining=_fmt(remaining)))
    if count and amount.maximum is not None and amount.maximum * count < remaining - _TOL:
        raise UserInputError(tr("Auch mit dem Höchstbetrag für alle ({count} × {each}) wird die Summe {remaining} "
                                "nicht erreicht.", count=format_number(count), each=_fmt(amount.maximum),
                                remaining=_fmt(remaining)))
    if not count and abs(remaining) > _TOL:
        raise UserInputError(tr("Alle Empfänger haben feste Beträge, deren Summe nicht der Gesamtsumme entspricht."))
    share, bound = exact_shares(amount, need, free, remaining, upper)
    if count and abs(share.sum() - remaining) > 1e-6 * max(1.0, remaining):
        raise UserInputError(tr("Die Summe lässt sich nicht nach Bedarf verteilen: alle Empfänger mit Bedarf "
                                "erreichen den Höchstbetrag {maximum}, {left} blieben übrig (Höchstbetrag erhöhen oder "
                                "Summe senken).", maximum=_fmt(amount.maximum or 0.0),
                                left=_fmt(remaining - share.sum())))
    exact = np.where(locked, fixed, share)
    if amount.method == "exact":
        rounded = exact.copy()
    else:
        def shares_for(budget: float) -> np.ndarray:
            return np.where(locked, fixed, exact_shares(amount, need, free, budget, upper)[0])

        rounded = _round(spec, exact, locked, remaining, keys, warnings, shares_for)
    bound_text = np.where(locked, "fest", np.where(bound < 0, "Minimum", np.where(bound > 0, "Maximum", "")))
    value_columns = [ref.column for ref in need_sources(spec)]
    rows = pd.DataFrame({"key": keys, "name": frame["name"].astype(str).to_numpy()})
    for column in value_columns:
        rows[column] = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=float)
    rows["need"] = need * n
    rows["need_share"] = need
    rows["exact"] = exact
    rows["amount"] = rounded
    rows["difference"] = rounded - exact
    rows["bound"] = bound_text
    if "region_key" in frame:  # where the recipient lies: for grouping by a region level above it
        rows["region_key"] = frame["region_key"].to_numpy(dtype=object)
    return AllocationResult(spec.name, amount.unit, amount.total, amount.method, amount.step, rows, warnings,
                            value_columns)


def _keys(keys: np.ndarray, limit: int = 5) -> str:
    shown = ", ".join(str(k) for k in keys[:limit])
    return shown + (tr(" und {count} weitere", count=format_number(keys.size - limit)) if keys.size > limit else "")


def _round(spec: AllocationSpec, exact: np.ndarray, locked: np.ndarray, remaining: float, keys: np.ndarray,
           warnings: list[str], shares_for: Any) -> np.ndarray:
    """Semantics 3 and the paradox warnings."""
    amount = spec.amount
    units_total = remaining / amount.step
    seats = round(units_total)
    if abs(units_total - seats) > 1e-6:
        raise UserInputError(tr("Die zu verteilende Summe {remaining} ist kein Vielfaches der Schrittweite {step}.",
                                remaining=_fmt(remaining), step=_fmt(amount.step)))
    free = np.flatnonzero(~locked)
    quotas = exact[free] / amount.step
    lower = np.full(free.size, math.ceil(amount.minimum / amount.step - 1e-9), dtype=np.int64)
    upper = (np.full(free.size, seats, dtype=np.int64) if amount.maximum is None else
             np.full(free.size, math.floor(amount.maximum / amount.step + 1e-9), dtype=np.int64))
    if lower.sum() > seats or upper.sum() < seats:
        raise UserInputError(tr("Mindest- und Höchstbeträge lassen sich in ganzen Schritten von {step} nicht mit "
                                "der Summe vereinbaren.", step=_fmt(amount.step)))
    order = natural_rank(keys[free])
    result = apportion(amount.method, quotas, seats, lower, upper, order)
    rounded = exact.copy()
    rounded[free] = np.round(result.units * amount.step, 10)
    free_keys = keys[free]
    if result.tied.size:
        warnings.append(tr("Gleichstand um die letzte Einheit zwischen {keys}: entschieden nach dem größeren "
                           "exakten Anteil, dann nach dem Schlüssel.", keys=_keys(free_keys[result.tied])))
    if upper.sum() > seats:  # would one more step of total take a unit away from someone?
        more_quotas = shares_for(remaining + amount.step)[free] / amount.step
        if abs(more_quotas.sum() - (seats + 1)) <= 1e-6 * (seats + 1):  # else one more step cannot be shared
            losers = would_lose_on_increase(amount.method, quotas, seats, lower, upper, order, more_quotas,
                                            now=result.units)
            if losers.size:
                why = (tr("Alabama-Paradoxon des Hare-Niemeyer-Verfahrens") if amount.method == "hare-niemeyer"
                       else tr("Sockelbetrag und Grenzen verschieben die Anteile"))
                warnings.append(tr("Mit {step} {unit} mehr Gesamtsumme bekäme {keys} eine Einheit weniger ({why}).",
                                   step=_fmt(amount.step), unit=amount.unit, keys=_keys(free_keys[losers]),
                                   why=why).replace("  ", " "))
    if amount.method in ("dhondt", "sainte-lague"):
        off = np.flatnonzero(np.abs(result.units - rebound(quotas, seats, lower, upper)) >= 1 - 1e-9)
        if off.size:
            why = tr("D’Hondt begünstigt große Empfänger") if amount.method == "dhondt" else "Sainte-Laguë"
            if off.size > 1:
                warnings.append(tr("Quotenbedingung verletzt: {keys} weichen um mindestens einen Schritt vom exakten "
                                   "Anteil ab ({why}).", keys=_keys(free_keys[off]), why=why))
            else:
                warnings.append(tr("Quotenbedingung verletzt: {keys} weicht um mindestens einen Schritt vom exakten "
                                   "Anteil ab ({why}).", keys=_keys(free_keys[off]), why=why))
    return rounded
