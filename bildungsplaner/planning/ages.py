"""Age labels of population statistics: single years of age and age bands.

Statistics label ages in many ways. :func:`parse_age` understands

* numbers and single-year labels: ``5``, ``"5"``, ``"05"``, ``"5 Jahre"``, ``"1 Jahr"``, ``"5-Jährige"``,
  GENESIS ``"unter 1 Jahr"`` (age 0) and ``"5 bis unter 6 Jahre"`` (age 5);
* bands: ``"unter 3 Jahre"`` (0-2), ``"3 bis unter 6 Jahre"`` (3-5), ``"6 bis 9 Jahre"`` / ``"6-9 Jahre"``
  (6-9, both ends included);
* open-ended bands: ``"65 Jahre und mehr"``, ``"75 Jahre und älter"``, ``"ab 65 Jahren"``, ``"65+"``;
* totals (``"Insgesamt"``, ``"Zusammen"``, ``"Alle Altersgruppen"``) and anything else give ``None``.

An :class:`AgeRange` is half-open: ``lower`` ≤ age < ``upper`` (``upper`` ``None``: open-ended), so
``"3 bis unter 6 Jahre"`` is ``AgeRange(3, 6)`` and a single year ``a`` is ``AgeRange(a, a + 1)``.

:func:`single_year_population` turns a population table with age labels into one with integer ages and refuses
(German :class:`~bildungsplaner.UserInputError`) when the ages a scenario needs are only available as bands.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.agelabels import MAX_AGE, age_bounds
from bildungsplaner.i18n import tr

__all__ = ["MAX_AGE", "AgeRange", "format_ages", "parse_age", "single_year", "single_year_population"]

@dataclass(frozen=True, order=True)
class AgeRange:
    """Ages ``lower`` ≤ age < ``upper``; ``upper`` ``None`` means open-ended ("… und mehr")."""

    lower: int
    upper: int | None

    @property
    def single(self) -> int | None:
        """The age if this is exactly one year of age, else ``None``."""
        return self.lower if self.upper == self.lower + 1 else None

    def __str__(self) -> str:
        if self.upper is None:
            return tr("{lower} Jahre und mehr", lower=str(self.lower))
        if self.single is not None:
            return tr("1 Jahr") if self.lower == 1 else tr("{age} Jahre", age=str(self.lower))
        return tr("{lower} bis unter {upper} Jahre", lower=str(self.lower), upper=str(self.upper))


def parse_age(label: object) -> AgeRange | None:
    """The ages a label stands for, or ``None`` for totals and labels that are no age (see the module doc)."""
    if label is None or isinstance(label, bool):
        return None
    if isinstance(label, int | float):
        if isinstance(label, float) and (math.isnan(label) or not label.is_integer()):
            return None
        return AgeRange(int(label), int(label) + 1) if 0 <= label <= MAX_AGE else None
    bounds = age_bounds(str(label))
    return AgeRange(*bounds) if bounds is not None else None


def single_year(label: object) -> int | None:
    """The single year of age of ``label``, or ``None`` (a band, a total, or no age at all)."""
    parsed = parse_age(label)
    return parsed.single if parsed is not None else None


def format_ages(ages: Iterable[int]) -> str:
    """``[1, 2, 3, 6]`` → ``"1–3, 6"`` (for messages and result tables)."""
    values = sorted(set(ages))
    runs: list[list[int]] = []  # [first, last] of each run of consecutive ages
    for age in values:
        if runs and age == runs[-1][1] + 1:
            runs[-1][1] = age
        else:
            runs.append([age, age])
    return ", ".join(str(first) if first == last else f"{first}–{last}" for first, last in runs)


def single_year_population(frame: pd.DataFrame, ages: Iterable[int], *, label_column: str = "age_label",
                           what: str | None = None) -> pd.DataFrame:
    """``frame`` with an integer ``age`` column instead of ``label_column``, single years of age only.

    Rows whose label is a band, a total or no age are dropped. If any of ``ages`` (the ages the scenario needs)
    does not occur as a single year, the table is refused with a message naming the missing ages and, when the
    table has bands instead, saying that a table by single year of age ("nach Altersjahren") is needed;
    ``what`` names the table in that message (default „Die Bevölkerung“).
    """
    needed = sorted(set(ages))
    labels = frame[label_column]
    parsed = {label: parse_age(label) for label in pd.unique(labels)}
    singles = {label: p.single for label, p in parsed.items() if p is not None and p.single is not None}
    available = set(singles.values())
    missing = [a for a in needed if a not in available]
    if missing:
        bands = sorted({p for p in parsed.values() if p is not None and p.single is None})
        if bands and not available:
            have = tr("; vorhanden sind nur Altersgruppen ({bands})",
                      bands=", ".join(str(b) for b in bands[:4]) + (" …" if len(bands) > 4 else ""))
        else:
            have = tr("; vorhanden sind die Altersjahre {ages}", ages=format_ages(available)) if available else ""
        raise UserInputError(tr(
            "{what} wird nach einzelnen Altersjahren gebraucht (Alter {needed}), es fehlen die Altersjahre "
            "{missing}{have}. Bitte eine Tabelle „nach Altersjahren“ importieren (z. B. GENESIS 12411-04-02-4 "
            "„Bevölkerung nach Geschlecht und Altersjahren“).", what=what or tr("Die Bevölkerung"),
            needed=format_ages(needed), missing=format_ages(missing), have=have))
    codes, uniques = pd.factorize(labels, use_na_sentinel=True)
    age_of = np.array([singles.get(label, -1) for label in uniques] + [-1], dtype=np.int64)
    age = age_of[codes]  # code -1 (a missing label) picks the trailing -1
    keep = age >= 0
    out = frame.loc[keep].drop(columns=[label_column])
    out["age"] = age[keep]
    return out
