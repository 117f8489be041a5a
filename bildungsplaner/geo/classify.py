"""Classes and legend of a choropleth map (issue 13 points 2 and 5; ``DESIGN.md`` „Boundaries“); no Qt.

:func:`classify` turns the values of one indicator (one per region, NaN = keine Daten) into 3 to 7 classes
and a legend in German statistical style. Rules:

1. **Rounding first.** Values are classified as they are displayed: rounded half-up (half away from zero,
   „kaufmännisch“, as the statistical offices round) to the indicator's ``decimals`` (:func:`round_half_up`);
   breaks lie on that grid too. So the legend labels exactly the rule applied: 4.38 shown as „4,4“ is in
   „4,4 bis unter …“, never in „unter 4,4“. A value that is not finite (NaN, ±inf) is „keine Daten“: its own
   legend entry, never in a computed class, class number −1. Hover texts and labels on the map should show
   ``format_number(round_half_up(v, decimals), decimals)``: :func:`~bildungsplaner.formatting.format_number`
   alone rounds the binary value half to even (0.125 → „0,12“, 4.25 → „4,2“), which differs from the offices'
   rule exactly at a written 5.
2. **Class rule** (as the statistical offices write it): with inner bounds b₁ < … < bₙ₋₁, class k (0-based)
   holds b₍ₖ₎ ≤ v < b₍ₖ₊₁₎ — half-open, a value on a bound belongs to the upper class. Legend: „unter b₁“,
   „b₁ bis unter b₂“, …, „bₙ₋₁ und mehr“, „keine Daten“, numbers with a decimal comma at ``decimals``
   (:func:`~bildungsplaner.formatting.format_number`).
3. **Methods.** ``quantile`` (default): each break is the distinct value whose count of smaller values lies
   nearest to k·N/n, so ties are never split across classes; colliding breaks are moved to the next distinct
   values. ``equal``: width w = ⌊(max − min)/n⌋ on the display grid, bₖ = min + k·w (all bounded classes
   exactly w wide; the last takes the remainder). ``jenks``: natural breaks (Fisher-Jenks: the classes with
   the least sum of squared deviations from their means; exact and deterministic) by :func:`_fisher_jenks`
   (the optimum in O(n log n) per class; the tests check it against the jenkspy library, which is quadratic —
   0.1–0.25 s for 11,000 values — and therefore only a dev dependency); each class
   starts at its smallest value. With no more distinct values than classes, every distinct value gets its own
   class (fewer classes, said in ``note``). ``manual``: the given inner bounds (sorted, rounded to the grid —
   both said in ``note`` — refused when two coincide). ``index``: a social index's own classes
   (:mod:`bildungsplaner.indicators.index`, rule 5: upper bounds, class k holds b₍ₖ₋₁₎ < v ≤ b₍ₖ₎, so a value
   on a bound belongs to the *lower* class); pass ``breaks=result.breaks`` and ``names=result.labels``. The
   legend then reads „Klasse 1 (bis b₁)“, „Klasse 2 (über b₁ bis b₂)“, …, „Klasse n (über bₙ₋₁)“. Its bounds
   and values are rounded to ``decimals`` like the others; regions that thereby land in another class than in
   the index table are counted in ``note`` (show more decimals to avoid it).
4. **3 to 7 classes** are asked for (a German :class:`UserInputError` otherwise); an index brings its own
   count (2 and more, as its definition allows).
5. **Fixed classes.** ``fixed=`` a :class:`Classes` from another period applies its bounds, rule, decimals and
   labels to these values (only the counts are new), so maps of several years compare.

The geo room may not import ``indicators`` (independent siblings in the import-linter layers), so the index's
rule is restated here in one line; ``tests/geo/test_classify.py`` checks it against ``indicators.index``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

import numpy as np

from bildungsplaner import UserInputError
from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.i18n import tr

__all__ = ["METHODS", "Classes", "classify", "round_half_up"]

Method = Literal["quantile", "equal", "jenks", "manual", "index"]
METHODS: tuple[str, ...] = ("quantile", "equal", "jenks", "manual", "index")
MIN_CLASSES, MAX_CLASSES = 3, 7


def round_half_up(values: np.ndarray | Sequence[float] | float, decimals: int) -> np.ndarray:
    """``values`` rounded half away from zero to ``decimals`` places, as the statistical offices round.

    A decimal written with a 5 in the place after (4.35, 2.675) rounds up although its binary value lies a
    hair below (a tolerance of a few units in the last place); −0 becomes 0; non-finite values stay as they
    are. The results are the floats nearest to the decimals, so ``format_number(r, decimals)`` shows them
    exactly.
    """
    array = np.asarray(values, dtype=float)
    return _units(array, decimals) / 10.0 ** decimals + 0.0


def _units(values: np.ndarray, decimals: int) -> np.ndarray:
    """Values in units of the last displayed decimal, rounded half away from zero (integral floats)."""
    scaled = np.abs(values) * 10.0 ** decimals
    with np.errstate(invalid="ignore"):
        rounded = np.floor(scaled + 0.5 + 8 * np.spacing(scaled))
    return np.copysign(rounded, values) + 0.0


@dataclass(frozen=True)
class Classes:
    """The classes of one map and their legend (see the module's rules).

    ``breaks``: the inner bounds (n − 1 for n classes, on the display grid). ``count``: the number of
    classes. ``counts``: regions per class, then the regions without data (n + 1 entries). ``labels``: the
    legend texts in the same order, „keine Daten“ last. ``closed``: ``"left"`` for lower ≤ v < upper (the
    computed and manual classes), ``"right"`` for lower < v ≤ upper (an index's own classes). ``note``:
    German sentences on what had to be adjusted, empty when nothing was.
    """

    breaks: tuple[float, ...]
    method: str
    count: int
    decimals: int
    counts: tuple[int, ...]
    labels: tuple[str, ...]
    note: str = ""
    closed: Literal["left", "right"] = "left"
    names: tuple[str, ...] = field(default=())

    def class_of(self, values: np.ndarray | Sequence[float]) -> np.ndarray:
        """The class (0 = lowest) of every value by this map's rule; −1 for a value without data."""
        array = np.asarray(values, dtype=float)
        units = _units(array, self.decimals)
        bounds = _units(np.asarray(self.breaks, dtype=float), self.decimals)
        side: Literal["left", "right"] = "right" if self.closed == "left" else "left"
        classes = np.searchsorted(bounds, units, side=side).astype(np.int64)
        classes[~np.isfinite(array)] = -1
        return classes

    @property
    def no_data_count(self) -> int:
        return self.counts[-1]

    def bounds(self) -> list[tuple[float | None, float | None]]:
        """(lower, upper) of every class; ``None`` for the open ends."""
        edges: list[float | None] = [None, *self.breaks, None]
        return [(edges[k], edges[k + 1]) for k in range(self.count)]

    def to_dict(self) -> dict[str, Any]:
        """For JSON output (``map export --json``): the classes with bounds, labels and counts."""
        return {"method": self.method, "decimals": self.decimals, "closed": self.closed,
                "breaks": list(self.breaks), "note": self.note, "no_data": self.no_data_count,
                "classes": [{"label": label, "lower": low, "upper": high, "count": count}
                            for (low, high), label, count in zip(self.bounds(), self.labels, self.counts,
                                                                 strict=False)]}


def classify(values: np.ndarray | Sequence[float], method: Method | str = "quantile", count: int = 5,
             breaks: Sequence[float] | None = None, *, decimals: int = 1, fixed: Classes | None = None,
             names: Sequence[str] | None = None) -> Classes:
    """The classes of ``values`` (one per region, NaN = keine Daten) by ``method``; see the module's rules.

    ``breaks``: the inner bounds for ``manual``, the index's upper bounds for ``index`` (ignored otherwise).
    ``names``: the index's class names for ``index``. ``fixed``: classes of another period to apply as they
    are (``method``, ``count``, ``breaks`` and ``decimals`` are then ignored). Raises
    :class:`UserInputError` (German) for an unknown method, a class count outside 3–7 or unusable breaks.
    """
    array = np.asarray(values, dtype=float).ravel()
    if fixed is not None:
        return _with_counts(fixed.breaks, fixed.method, fixed.decimals, array, fixed.closed, fixed.names, [])
    if decimals < 0:
        raise ValueError("decimals must not be negative")
    if method not in METHODS:
        raise UserInputError(tr("Unbekanntes Klassifizierungsverfahren „{method}“; möglich sind: {methods}.",
                                method=str(method), methods=", ".join(METHODS)))
    if method == "index":
        return _index_classes(array, breaks, names, decimals)
    if method == "manual":
        return _manual_classes(array, breaks, decimals)
    _check_count(count)
    finite = array[np.isfinite(array)]
    units = np.sort(_units(finite, decimals))
    distinct = np.unique(units)
    notes: list[str] = []
    if len(distinct) <= count:
        inner = distinct[1:]
        if finite.size:
            notes.append(tr("Nur {distinct} verschiedene Werte: {classes} statt {wanted} Klassen, eine je Wert.",
                            distinct=format_number(len(distinct)), classes=format_number(len(distinct)),
                            wanted=format_number(count)))
        else:
            notes.append(tr("Keine Werte: alle Gebiete ohne Daten."))
    elif method == "quantile":
        inner = _quantile_breaks(units, distinct, count)
    elif method == "equal":
        low, high = distinct[0], distinct[-1]
        width = np.floor((high - low) / count)
        inner = low + width * np.arange(1, count)
    else:
        inner = _jenks_breaks(units, distinct, count)
        if len(inner) < count - 1:
            notes.append(tr("Natürliche Unterbrechungen: nur {classes} statt {wanted} Klassen (viele gleiche "
                            "Werte).", classes=format_number(len(inner) + 1), wanted=format_number(count)))
    grid = tuple(float(b) for b in np.asarray(inner, dtype=float) / 10.0 ** decimals + 0.0)
    return _with_counts(grid, str(method), decimals, array, "left", (), notes)


def _check_count(count: int) -> None:
    if not MIN_CLASSES <= count <= MAX_CLASSES:
        raise UserInputError(tr("Eine Karte hat 3 bis 7 Klassen, nicht {count}.", count=format_number(count)))


def _quantile_breaks(units: np.ndarray, distinct: np.ndarray, count: int) -> np.ndarray:
    """Inner bounds (units) for quantile classes: the distinct values whose number of smaller values lies
    nearest to k·N/n, moved apart where two would coincide (``len(distinct) > count``)."""
    size = len(units)
    below = np.searchsorted(units, distinct, side="left")  # values smaller than each distinct value
    candidates = below[1:]  # a bound at the smallest value would leave the first class empty
    targets = np.arange(1, count) * size / count
    position = np.clip(np.searchsorted(candidates, targets), 1, len(candidates) - 1)
    nearer_left = np.abs(candidates[position - 1] - targets) <= np.abs(candidates[position] - targets)
    chosen = np.where(nearer_left, position - 1, position)
    chosen = np.where(targets <= candidates[0], 0, np.where(targets >= candidates[-1], len(candidates) - 1,
                                                            chosen))
    for k in range(1, len(chosen)):  # distinct and ascending, and room left for the ones after
        chosen[k] = max(chosen[k], chosen[k - 1] + 1)
    last = len(candidates) - 1
    for k in range(len(chosen) - 1, -1, -1):
        chosen[k] = min(chosen[k], last - (len(chosen) - 1 - k))
    return distinct[1:][chosen]


def _jenks_breaks(units: np.ndarray, distinct: np.ndarray, count: int) -> np.ndarray:
    """Inner bounds (units) of the natural breaks; each class starts at its smallest value."""
    starts = units[_fisher_jenks(units, count)]
    return np.unique(starts[starts > distinct[0]])


def _fisher_jenks(ordered: np.ndarray, count: int) -> np.ndarray:
    """Where classes 2 … ``count`` start in ``ordered`` (sorted) so that the sum of squared deviations from
    the class means is least — Fisher's exact optimum, as jenkspy computes it.

    Dynamic programming over the classes; each layer D_c(i) = min_j D_c−1(j − 1) + SSD(j … i) is solved by
    divide and conquer, which is exact because the leftmost best j never decreases with i (the SSD cost of 1-D
    k-means satisfies the quadrangle inequality; Grønlund et al. 2017, as in Ckmeans.1d.dp). All middles of
    one recursion level are computed at once with numpy: O(count · n · log n) instead of jenkspy's
    O(count · n²).
    """
    size = len(ordered)
    centred = ordered - ordered.mean()  # smaller sums of squares, less cancellation
    s1 = np.concatenate(([0.0], np.cumsum(centred)))
    s2 = np.concatenate(([0.0], np.cumsum(centred * centred)))

    def ssd(first: np.ndarray, last: np.ndarray) -> np.ndarray:
        total = s1[last + 1] - s1[first]
        return np.maximum(s2[last + 1] - s2[first] - total * total / (last - first + 1), 0.0)

    previous = ssd(np.zeros(size, dtype=np.int64), np.arange(size))
    layers = []
    for c in range(1, count):
        best_cost = np.full(size, np.inf)
        best_start = np.zeros(size, dtype=np.int64)
        # segments of i still to solve, with the range their best start must lie in
        low, high = np.array([c]), np.array([size - 1])
        start_low, start_high = np.array([c]), np.array([size - 1])
        while low.size:
            middle = (low + high) // 2
            first = np.minimum(start_low, middle)
            lengths = np.minimum(middle, start_high) - first + 1
            begin = np.concatenate(([0], np.cumsum(lengths)[:-1]))
            j = np.arange(int(lengths.sum())) - np.repeat(begin - first, lengths)
            value = previous[j - 1] + ssd(j, np.repeat(middle, lengths))
            least = np.minimum.reduceat(value, begin)
            hits = np.flatnonzero(value <= np.repeat(least, lengths))
            chosen = j[hits[np.searchsorted(hits, begin)]]  # the leftmost best start
            best_cost[middle], best_start[middle] = least, chosen
            left, right = low < middle, middle < high
            low, high, start_low, start_high = (
                np.concatenate((low[left], middle[right] + 1)), np.concatenate((middle[left] - 1, high[right])),
                np.concatenate((start_low[left], chosen[right])), np.concatenate((chosen[left], start_high[right])))
        layers.append(best_start)
        previous = best_cost
    starts, end = [], size - 1
    for best_start in reversed(layers):
        start = int(best_start[end])
        starts.append(start)
        end = start - 1
    return np.array(starts[::-1], dtype=np.int64)


def _manual_classes(values: np.ndarray, breaks: Sequence[float] | None, decimals: int) -> Classes:
    given = [float(b) for b in breaks or ()]
    if not given:
        raise UserInputError(tr("Für eigene Klassengrenzen bitte die Grenzen angeben (z. B. 2,0; 4,4; 10,0)."))
    if not all(np.isfinite(given)):
        raise UserInputError(tr("Die Klassengrenzen müssen Zahlen sein."))
    _check_count(len(given) + 1)
    notes: list[str] = []
    if given != sorted(given):
        notes.append(tr("Die Grenzen wurden aufsteigend sortiert."))
        given.sort()
    grid = round_half_up(np.asarray(given), decimals)
    changed = [(g, r) for g, r in zip(given, grid.tolist(), strict=True) if abs(g - r) > 1e-12 * max(1, abs(g))]
    if changed:
        notes.append(tr("Grenzen auf die angezeigte Genauigkeit ({step}) gerundet: {changes}.",
                        step=_step(decimals),
                        changes=", ".join(f"{_exact(g)} → {format_number(r, decimals)}" for g, r in changed)))
    same = np.flatnonzero(np.diff(grid) == 0)
    if same.size:
        raise UserInputError(tr("Die Klassengrenze {value} kommt zweimal vor (auf {step} genau gerundet); jede "
                                "Grenze muss größer sein als die vorige.",
                                value=format_number(float(grid[same[0]]), decimals), step=_step(decimals)))
    return _with_counts(tuple(float(b) for b in grid), "manual", decimals, values, "left", (), notes)


def _step(decimals: int) -> str:
    """The display grid as a German number: ``0,1`` for one decimal, ``1`` for none."""
    return format_number(10.0 ** -decimals, decimals)


def _exact(value: float) -> str:
    """``value`` with as many decimals as it has (up to six), German style."""
    return format_number(value, decimals_for(np.array([value]), maximum=6))


def _index_classes(values: np.ndarray, breaks: Sequence[float] | None, names: Sequence[str] | None,
                   decimals: int) -> Classes:
    raw = np.asarray(list(breaks or ()), dtype=float)
    if raw.size == 0 or not np.all(np.isfinite(raw)) or np.any(np.diff(raw) <= 0):
        raise UserInputError(tr("Die Klassen des Index fehlen oder sind nicht aufsteigend; bitte den Index neu "
                                "berechnen."))
    grid = round_half_up(raw, decimals)
    if np.any(np.diff(grid) <= 0):
        raise UserInputError(tr("Zwei Klassengrenzen des Index fallen auf {step} genau gerundet zusammen; bitte "
                                "mit mehr Nachkommastellen anzeigen.", step=_step(decimals)))
    notes: list[str] = []
    finite = np.isfinite(values)
    unrounded = np.searchsorted(raw, values[finite], side="left")  # indicators.index.classify − 1
    shown = np.searchsorted(grid, round_half_up(values[finite], decimals), side="left")
    moved = int(np.count_nonzero(unrounded != shown))
    if moved:
        notes.append(tr("{count} Gebiete liegen, auf {step} genau gerundet, in einer anderen Klasse als in der "
                        "Indextabelle; mit mehr Nachkommastellen stimmen sie überein.",
                        count=format_number(moved), step=_step(decimals)))
    labels = tuple(names or ())
    if labels and len(labels) != raw.size + 1:
        raise ValueError(f"{len(labels)} names for {raw.size + 1} index classes")
    return _with_counts(tuple(float(b) for b in grid), "index", decimals, values, "right", labels, notes)


def _with_counts(breaks: tuple[float, ...], method: str, decimals: int, values: np.ndarray,
                 closed: Literal["left", "right"], names: tuple[str, ...], notes: list[str]) -> Classes:
    """The finished :class:`Classes`: labels, and counts of ``values`` by the rule."""
    count = len(breaks) + 1 if breaks or np.isfinite(values).any() else 0
    shell = Classes(breaks=breaks, method=method, count=count, decimals=decimals, counts=(), labels=(),
                    closed=closed, names=names)
    numbers = shell.class_of(values)
    counts = np.bincount(numbers[numbers >= 0], minlength=count)
    labels = _labels(breaks, decimals, closed, names) if count else ()
    return Classes(breaks=breaks, method=method, count=count, decimals=decimals,
                   counts=(*(int(c) for c in counts[:count]), int(np.count_nonzero(numbers < 0))),
                   labels=(*labels, tr("keine Daten")), note=" ".join(notes), closed=closed, names=names)


def _labels(breaks: tuple[float, ...], decimals: int, closed: str, names: tuple[str, ...]) -> tuple[str, ...]:
    text = [format_number(b, decimals) for b in breaks]
    if not text:
        return (tr("alle Werte"),)
    if closed == "left":
        return (tr("unter {value}", value=text[0]),
                *(tr("{low} bis unter {high}", low=low, high=high) for low, high in pairwise(text)),
                tr("{value} und mehr", value=text[-1]))
    rules = (tr("bis {value}", value=text[0]),
             *(tr("über {low} bis {high}", low=low, high=high) for low, high in pairwise(text)),
             tr("über {value}", value=text[-1]))
    if not names:
        return rules
    return tuple(tr("{name} ({rule})", name=name, rule=rule) for name, rule in zip(names, rules, strict=True))
