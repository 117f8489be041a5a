"""The composite social index (issue 12 point 3; ``DESIGN.md`` „Social indices“): the pipeline that Berlin's
Monitoring Soziale Stadtentwicklung, Hamburg's RISE and the NRW Schulsozialindex share; Qt-free, vectorised.

:func:`compute_index` takes the definition (:class:`~bildungsplaner.indicators.index_spec.IndexSpec`) and the
raw values already read from the workspace — one row per region (index: region key as text), one float column
per input indicator code, NaN where a value is missing — and returns an :class:`IndexResult`. Rules:

1. **Scope.** Regions below ``minimum_population`` (``population[key] < value``; a region without a
   population value counts as below) are left out first, then regions with any missing (NaN or infinite)
   input. Both are listed in ``excluded`` with a German reason naming the indicator, never silently dropped
   and never counted as 0. At least two regions must remain.
2. **Standardize** every input over the regions in scope: ``z`` = (x − mean) / SD with the *population* SD
   (ddof = 0); ``minmax`` = (x − min) / (max − min), 0..1; ``rank`` = (average rank − 1) / (n − 1), 0..1,
   ties sharing their average rank. An input with the same value in every region (SD 0) is an error with a
   German message naming it, whatever the method — it would divide by zero or carry no information.
3. **Direction and weight.** The standardized value is multiplied by the direction (−1 mirrors it; for
   minmax and rank it then runs from −1 to 0) — that is the ``<code>_z`` column — and then by the weight.
4. **Aggregate:** ``sum`` = Σ weight × value; ``mean`` = Σ weight × value / Σ weight (the weighted mean,
   which keeps the index on the inputs' scale). With ``restandardize`` the aggregate is z-standardized again
   (population SD; an aggregate that is the same everywhere, e.g. two inputs cancelling, is an error).
5. **Classes** (1 = lowest) are always described by upper bounds ``breaks`` b₁ < … (n − 1 of them for n
   classes): class k holds v with b₍k−1₎ < v ≤ b₍k₎, so a value exactly on a bound belongs to the lower class.
   ``sigma``: the given breaks. ``quantile``: bᵏ = the ⌈k·N/n⌉-th smallest value, so each class holds about
   N/n regions and tied values always share a class. ``equal``: n equal-width bands between min and max.
   ``top-share``: t = ⌊top · N⌋ regions (at most the share; fewer when values tie at the threshold) form class
   n; the rest are cut into n − 1 equal-width bands between their min and max.

The rows are sorted by region key, and all sums run in that order, so the result does not depend on the
order of ``raw`` (bit for bit). ``means``/``sds`` are the raw inputs' mean and population SD over the regions
in scope (the z-scores are explainable from them), whatever the standardization.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_amount, format_number
from bildungsplaner.i18n import tr
from bildungsplaner.indicators.index_spec import ClassSpec, IndexSpec

__all__ = ["IndexResult", "class_breaks", "class_labels", "classify", "compute_index"]


@dataclass
class IndexResult:
    """The index per region in scope and what was left out.

    ``rows``: region_key, value, class_no (int, 1 = lowest), class_label, and per input ``<code>_raw`` and
    ``<code>_z`` (standardized, after the direction), sorted by region key. ``excluded``: (region_key,
    reason). ``class_counts``: label → number of regions, every class in order (also empty ones).
    ``breaks``: the classes' upper bounds actually used (for a legend). ``aggregate_mean``/``aggregate_sd``:
    of the aggregate before restandardization (``None`` without it).
    """

    rows: pd.DataFrame
    excluded: list[tuple[str, str]]
    class_counts: dict[str, int]
    means: dict[str, float]
    sds: dict[str, float]
    breaks: tuple[float, ...]
    labels: tuple[str, ...]
    aggregate_mean: float | None = None
    aggregate_sd: float | None = None


def class_labels(classes: ClassSpec) -> tuple[str, ...]:
    """The given labels, else „Klasse 1“ … „Klasse n“."""
    if classes.labels:
        return classes.labels
    return tuple(tr("Klasse {number}", number=format_number(k)) for k in range(1, classes.number_of_classes + 1))


def class_breaks(classes: ClassSpec, values: np.ndarray) -> tuple[float, ...]:
    """The upper bounds of classes 1 … n − 1 for ``values`` (finite, at least one) by the module's rules."""
    n = classes.number_of_classes
    if classes.method == "sigma":
        return classes.breaks
    ordered = np.sort(np.asarray(values, dtype=float))
    size = len(ordered)
    low, high = float(ordered[0]), float(ordered[-1])
    if classes.method == "quantile":
        return tuple(float(ordered[-(-k * size // n) - 1]) for k in range(1, n))
    if classes.method == "equal":
        return tuple(low + (high - low) * k / n for k in range(1, n))
    # top-share: at most ⌊top · N⌋ regions above the threshold, the rest in n − 1 equal-width bands
    top = math.floor((classes.top or 0.0) * size + 1e-9)
    threshold = float(ordered[size - top - 1])
    return (*(low + (threshold - low) * k / (n - 1) for k in range(1, n - 1)), threshold)


def classify(values: np.ndarray, breaks: tuple[float, ...]) -> np.ndarray:
    """Class numbers (1 = lowest): class k holds v with breaks[k−2] < v ≤ breaks[k−1]."""
    return np.searchsorted(np.asarray(breaks, dtype=float), values, side="left").astype(np.int64) + 1


def _excluded_by_population(spec: IndexSpec, keys: np.ndarray,
                            population: pd.Series | None) -> tuple[np.ndarray, list[str]]:
    """Mask of the regions below the minimum population (or without a value) and their reasons."""
    minimum = spec.minimum_population
    if minimum is None:
        return np.zeros(len(keys), dtype=bool), []
    if population is None:
        raise UserInputError(tr("Index {code}: die Werte von {indicator} für die Mindestgröße fehlen.",
                                code=spec.code, indicator=minimum.indicator))
    series = pd.Series(np.asarray(population, dtype=float), index=population.index.astype(str))
    series = series[~series.index.duplicated(keep="first")]
    values = series.reindex(keys).to_numpy(dtype=float)
    absent = ~np.isfinite(values)
    small = ~absent & (values < minimum.value)
    bound = format_amount(minimum.value)
    reasons = [tr("{indicator} fehlt (nötig für die Mindestgröße {minimum})", indicator=minimum.indicator,
                  minimum=bound) if no else
               tr("{indicator} {value} liegt unter der Mindestgröße {minimum}", indicator=minimum.indicator,
                  value=format_amount(v), minimum=bound)
               for v, no in zip(values[absent | small], absent[absent | small], strict=True)]
    return absent | small, reasons


def _standardize(spec: IndexSpec, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The standardized inputs, and the raw means and population SDs."""
    size = matrix.shape[0]
    means, sds = matrix.mean(axis=0), matrix.std(axis=0)
    low, high = matrix.min(axis=0), matrix.max(axis=0)
    constant = np.flatnonzero(high == low)
    if constant.size:
        j = int(constant[0])
        raise UserInputError(tr(
            "Index {code}: {indicator} hat in allen {count} Regionen denselben Wert {value}; ein Merkmal ohne "
            "Streuung lässt sich nicht standardisieren. Bitte aus dem Index nehmen oder andere Regionen wählen.",
            code=spec.code, indicator=spec.inputs[j].indicator, count=format_number(size),
            value=format_amount(float(low[j]))))
    if spec.standardize == "z":
        return (matrix - means) / sds, means, sds
    if spec.standardize == "minmax":
        return (matrix - low) / (high - low), means, sds
    ranks = pd.DataFrame(matrix).rank(axis=0, method="average").to_numpy(dtype=float)
    return (ranks - 1.0) / (size - 1), means, sds


def compute_index(spec: IndexSpec, raw: pd.DataFrame, population: pd.Series | None = None) -> IndexResult:
    """The index of ``spec`` over the regions of ``raw`` (see the module's rules); ``population`` by region
    key is needed when the spec has a ``minimum_population``. Raises :class:`UserInputError` (German) for a
    missing column, a region key given twice, fewer than two regions in scope or an input without spread."""
    codes = spec.input_codes
    absent_columns = [c for c in codes if c not in raw.columns]
    if absent_columns:
        raise UserInputError(tr("Index {code}: die Werte von {inputs} fehlen.", code=spec.code,
                                inputs=", ".join(absent_columns)))
    all_keys = raw.index.astype(str)
    if all_keys.has_duplicates:
        raise UserInputError(tr("Index {code}: die Region {key} steht mehrfach in den Werten.", code=spec.code,
                                key=str(all_keys[all_keys.duplicated()][0])))
    order = np.argsort(all_keys.to_numpy(dtype=str), kind="stable")  # code-point order, as Python sorts
    keys = all_keys.to_numpy(dtype=object)[order]
    values = raw[list(codes)].to_numpy(dtype=float)[order]

    small, small_reasons = _excluded_by_population(spec, keys, population)
    incomplete = ~small & ~np.isfinite(values).all(axis=1)
    reason = np.empty(len(keys), dtype=object)
    reason[small] = small_reasons
    code_array = np.array(codes, dtype=object)
    reason[incomplete] = [tr("Wert fehlt: {inputs}", inputs=", ".join(code_array[~np.isfinite(row)]))
                          for row in values[incomplete]]
    out = small | incomplete
    excluded = list(zip(keys[out].tolist(), reason[out].tolist(), strict=True))
    keep = ~out
    size = int(keep.sum())
    if size < 2:
        raise UserInputError(tr("Index {code}: nur {count} Regionen haben alle Werte; ein Index vergleicht "
                                "mindestens zwei.", code=spec.code, count=format_number(size)))

    matrix = values[keep]
    standardized, means, sds = _standardize(spec, matrix)
    directed = standardized * np.array([i.direction for i in spec.inputs], dtype=float)
    weights = np.array([i.weight for i in spec.inputs], dtype=float)
    aggregate = directed @ weights
    if spec.aggregate == "mean":
        aggregate = aggregate / weights.sum()
    aggregate_mean = aggregate_sd = None
    if spec.restandardize:
        aggregate_mean, aggregate_sd = float(aggregate.mean()), float(aggregate.std())
        if not aggregate_sd > 1e-12 * max(1.0, float(np.abs(aggregate).max())):
            raise UserInputError(tr("Index {code}: der Index ist in allen Regionen gleich (die Merkmale heben "
                                    "sich auf); er lässt sich nicht erneut standardisieren.", code=spec.code))
        aggregate = (aggregate - aggregate_mean) / aggregate_sd

    breaks = class_breaks(spec.classes, aggregate)
    class_no = classify(aggregate, breaks)
    labels = class_labels(spec.classes)
    counts = np.bincount(class_no - 1, minlength=len(labels))
    columns: dict[str, object] = {"region_key": keys[keep], "value": aggregate, "class_no": class_no,
                                  "class_label": np.array(labels, dtype=object)[class_no - 1]}
    for j, code in enumerate(codes):
        columns[f"{code}_raw"] = matrix[:, j]
        columns[f"{code}_z"] = directed[:, j]
    return IndexResult(
        rows=pd.DataFrame(columns), excluded=excluded,
        class_counts={label: int(c) for label, c in zip(labels, counts, strict=True)},
        means={code: float(means[j]) for j, code in enumerate(codes)},
        sds={code: float(sds[j]) for j, code in enumerate(codes)},
        breaks=tuple(float(b) for b in breaks), labels=labels,
        aggregate_mean=aggregate_mean, aggregate_sd=aggregate_sd)
