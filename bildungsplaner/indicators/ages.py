"""Age bands of an input: which labels of a table make up a requested range of ages.

Rules:

* A request is written ``"0-5"`` (ages 0 to 5, both included, i.e. the half-open range [0, 6)), ``"3-5"``,
  ``"65-"`` (65 and older), ``"-19"`` (under 20), ``"5"`` (one year of age) or ``"all"`` (the total).
* Labels are read like GENESIS writes them: ``"unter 1 Jahr"`` [0, 1), ``"1 bis unter 2 Jahre"`` [1, 2),
  ``"3 bis unter 6 Jahre"`` [3, 6), ``"unter 3 Jahre"`` [0, 3), ``"65 Jahre und mehr"`` [65, ∞), single years
  ``"5 Jahre"``, ``"5"``; totals („Insgesamt“) by the totals rule (``store/dimensions.is_total_label``).
* Only whole bands are summed: the range is tiled by bands that lie fully inside it. A band that straddles a
  boundary of the range (``"3 bis unter 6 Jahre"`` for ``"0-4"``) is refused with a message naming it — the
  program never interpolates. ``"all"`` is the total category; only where a table has none are the bands
  covering every age summed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bildungsplaner import UserInputError
from bildungsplaner.agelabels import MAX_AGE, age_bounds
from bildungsplaner.i18n import tr
from bildungsplaner.store.dimensions import is_total_label

__all__ = ["AgeBand", "AgeError", "age_request", "band_of", "bands_for", "is_age_dimension"]

_REQUEST = re.compile(r"(\d{1,3})?\s*-\s*(\d{1,3})?|(\d{1,3})")
_AGE_NAME = re.compile(r"alter", re.IGNORECASE)


class AgeError(UserInputError):
    """The ages asked for cannot be taken from the table's bands (a German message says why)."""


@dataclass(frozen=True, order=True)
class AgeBand:
    """Ages ``lower`` ≤ age < ``upper``; ``upper`` ``None``: open-ended."""

    lower: int
    upper: int | None

    def __str__(self) -> str:
        if self.upper is None:
            return tr("{lower} Jahre und älter", lower=str(self.lower)) if self.lower else tr("alle Altersjahre")
        last = self.upper - 1
        return tr("{lower} Jahre", lower=str(self.lower)) if last == self.lower else \
            tr("{lower} bis {last} Jahre", lower=str(self.lower), last=str(last))

    @property
    def is_all(self) -> bool:
        return self.lower == 0 and self.upper is None

    def contains(self, other: AgeBand) -> bool:
        return self.lower <= other.lower and (self.upper is None or (other.upper is not None
                                                                    and other.upper <= self.upper))

    def straddles(self, band: AgeBand) -> bool:
        """``band`` overlaps this range without lying inside it."""
        overlaps = (band.upper is None or band.upper > self.lower) and \
            (self.upper is None or band.lower < self.upper)
        return overlaps and not self.contains(band)


def band_of(label: object) -> AgeBand | None:
    """The ages a label stands for; ``None`` for totals and labels that are no age."""
    text = " ".join(str(label).split()).strip() if label is not None else ""
    if not text or is_total_label(text):
        return None
    bounds = age_bounds(text)
    return AgeBand(*bounds) if bounds is not None else None


def age_request(text: str) -> AgeBand:
    """``"0-5"`` → [0, 6), ``"65-"`` → [65, ∞), ``"-19"`` → [0, 20), ``"5"`` → [5, 6), ``"all"`` → all ages."""
    value = " ".join(str(text).split()).strip().lower()
    if value in ("all", "alle", "insgesamt"):
        return AgeBand(0, None)
    match = _REQUEST.fullmatch(value)
    if not match or not any(match.groups()):
        raise AgeError(tr("„ages“ muss wie \"0-5\", \"65-\", \"-19\", \"5\" oder \"all\" geschrieben sein, "
                          "nicht „{text}“.", text=str(text)))
    if match.group(3) is not None:
        age = int(match.group(3))
        return AgeBand(age, age + 1)
    lower = int(match.group(1)) if match.group(1) else 0
    upper = int(match.group(2)) + 1 if match.group(2) else None
    if upper is not None and upper <= lower:
        raise AgeError(tr("„ages“: „{text}“ ist leer (das Ende liegt vor dem Anfang).", text=str(text)))
    return AgeBand(lower, upper)


def is_age_dimension(name: str, labels: Iterable[str]) -> bool:
    """A dimension of ages: its name says so („Altersgruppe“, „Alter“, „Altersjahre“) or all its labels that are
    not totals read as ages."""
    values = [v for v in labels if not is_total_label(v)]
    if _AGE_NAME.search(name):
        return True
    return bool(values) and all(band_of(v) is not None for v in values)


def bands_for(request: AgeBand, labels: Sequence[str], *, dimension: str = "Altersgruppe") -> list[str]:
    """The labels whose bands tile ``request`` exactly (disjoint, each fully inside), in age order.

    ``"all"`` is the total label where one exists. A band straddling a boundary of the request, with no way
    around it, is refused with :class:`AgeError` naming the band; a gap likewise.
    """
    if request.is_all:
        totals = [label for label in labels if is_total_label(label)]
        if totals:
            return [totals[0]]
    parsed = {label: band_of(label) for label in labels}
    inside = sorted(((band, label) for label, band in parsed.items()
                     if band is not None and request.contains(band)), key=lambda x: (x[0].lower,
                                                                                    -(x[0].upper or 10 ** 6)))
    tiling = _tile(request, inside)
    if tiling is not None:
        return tiling
    straddling = sorted((band, label) for label, band in parsed.items()
                        if band is not None and request.straddles(band))
    if straddling:
        label = straddling[0][1]
        raise AgeError(tr("Die Altersgruppe „{label}“ ({dimension}) reicht über die Grenze von „{request}“ hinaus; "
                          "Altersgruppen werden nur ganz addiert, nie aufgeteilt. Bitte die Altersangabe an die "
                          "Gruppen der Tabelle anpassen.", label=label, dimension=dimension, request=str(request)))
    present = ", ".join(label for label, band in parsed.items() if band is not None) or tr("keine")
    raise AgeError(tr("Die Altersgruppen der Tabelle ({dimension}: {present}) decken „{request}“ nicht ab.",
                      dimension=dimension, present=present, request=str(request)))


def _tile(request: AgeBand, inside: list[tuple[AgeBand, str]]) -> list[str] | None:
    """Bands from ``inside`` covering ``request`` without gaps or overlaps (largest first), else ``None``."""
    by_start: dict[int, list[tuple[AgeBand, str]]] = {}
    for band, label in inside:
        by_start.setdefault(band.lower, []).append((band, label))

    dead: set[int] = set()  # positions from which no tiling exists (each is tried once)

    def walk(position: int, depth: int) -> list[str] | None:
        if depth > MAX_AGE + 2 or position in dead:
            return None
        for band, label in by_start.get(position, []):
            if band.upper == request.upper:
                return [label]
            if band.upper is None:
                continue
            rest = walk(band.upper, depth + 1)
            if rest is not None:
                return [label, *rest]
        dead.add(position)
        return None

    return walk(request.lower, 0)
