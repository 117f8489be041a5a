"""Generated sentences in the style of the statistics offices' releases (German), each with the numbers it prints.

Every number a sentence prints is a cell of the module's table (``reporting/content.py`` builds both from the
same values): the sentence formats it exactly as the table does (:func:`number`: German, half up, the
indicator's decimals) and records it as a fact ``(column, row, value)``. Signs are said in words („gestiegen“,
„über“), so the printed number is the table's value without its sign. The report's text is German whatever the
window's language: it is a document for the council and the public, like the exported workbooks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from bildungsplaner.formatting import format_number, round_half_up
from bildungsplaner.reporting.document import Sentence

__all__ = ["PERCENT_UNITS", "Fact", "change_sentence", "gap_sentence", "is_percent", "latest_sentence", "located",
           "number", "of_region", "range_sentence", "rank_sentence", "region_label", "subject_case",
           "with_unit"]

PERCENT_UNITS = ("%", "Prozent", "in %")

#: (column, row, value) — a cell of the module's table
Fact = tuple[str, str, float]

_SUFFIXES = {"kreis": "Kreis {name}", "landkreis": "Landkreis {name}", "kreisfreie stadt": "{name}",
             "stadtkreis": "{name}", "stadt": "{name}", "städteregion": "Städteregion {name}",
             "regionalverband": "Regionalverband {name}", "wissenschaftsstadt": "{name}"}


def region_label(name: str) -> str:
    """A region's name as a report writes it: „Unna, Kreis“ (GENESIS) → „Kreis Unna“, „Köln, kreisfreie Stadt“ →
    „Köln“; anything else as given."""
    head, sep, tail = name.rpartition(", ")
    if sep and tail.strip().lower() in _SUFFIXES:
        return _SUFFIXES[tail.strip().lower()].format(name=head)
    return name


def subject_case(name: str) -> str:
    """„der Kreis Unna“, „die Städteregion Aachen“, „Dortmund“ (as the subject of a sentence)."""
    if name.startswith(("Kreis ", "Landkreis ")) or name.split(" ")[0].lower().endswith("kreis"):
        return f"der {name}"
    if name.startswith(("Städteregion ", "Region ")):
        return f"die {name}"
    return name


def located(name: str) -> str:
    """„im Kreis Unna“, „im Rhein-Sieg-Kreis“, „in der Städteregion Aachen“, „in Nordrhein-Westfalen“."""
    if name.startswith(("Kreis ", "Landkreis ")) or name.split(" ")[0].lower().endswith("kreis"):
        return f"im {name}"
    if name.startswith(("Städteregion ", "Region ")):
        return f"in der {name}"
    return f"in {name}"


def of_region(name: str) -> str:
    """„des Kreises Unna“, „des Rhein-Sieg-Kreises“, „von Dortmund“."""
    first, _, rest = name.partition(" ")
    if first in ("Kreis", "Landkreis") and rest:
        return f"des {first}es {rest}"
    if first.lower().endswith("kreis") and not rest:
        return f"des {first}es"
    return f"von {name}"


def is_percent(unit: str) -> bool:
    return unit.strip() in PERCENT_UNITS


def number(value: float, decimals: int) -> str:
    """``value`` as the table prints it (German, half up, ``decimals``)."""
    return format_number(value, decimals)


def with_unit(value: float, decimals: int, unit: str) -> str:
    text = number(value, decimals)
    if is_percent(unit):
        return f"{text} %"
    return f"{text} {unit}".strip()


def _points(value: float, decimals: int, unit: str) -> str:
    """An absolute difference: „3,1 Prozentpunkte“ for shares, else with the unit."""
    text = number(abs(value), decimals)
    if is_percent(unit):
        return f"{text} Prozentpunkte" if text != number(1, decimals) else f"{text} Prozentpunkt"
    return f"{text} {unit}".strip()


def _zero(value: float, decimals: int) -> bool:
    rounded = round_half_up(value, decimals)
    return rounded is None or rounded == 0


@dataclass(frozen=True)
class Subject:
    """What the sentences talk about: the indicator's name, unit, decimals, and the home region's label."""

    name: str
    unit: str
    decimals: int
    home: str


def latest_sentence(subject: Subject, year: str, value: float) -> Sentence:
    """„Im Jahr 2016 lag der Wert „Betreuungsquote …“ im Kreis Unna bei 25,3 %.“"""
    text = (f"{year} lag die Kennzahl „{subject.name}“ {located(subject.home)} bei "
            f"{with_unit(value, subject.decimals, subject.unit)}.")
    return Sentence(text, ((year, subject.home, value),))


def change_sentence(subject: Subject, first: str, first_value: float, change: float, column: str) -> Sentence:
    """„Gegenüber 2011 (18,0 %) ist sie um 7,3 Prozentpunkte gestiegen.“ (``change`` in Prozentpunkten for
    shares, else in the indicator's unit, as the table's change column holds it)."""
    before = with_unit(first_value, subject.decimals, subject.unit)
    facts: list[Fact] = [(first, subject.home, first_value)]
    if _zero(change, subject.decimals):
        return Sentence(f"Gegenüber {first} ({before}) ist sie nahezu unverändert geblieben.", tuple(facts))
    direction = "gestiegen" if change > 0 else "gesunken"
    amount = _points(change, subject.decimals, subject.unit)
    facts.append((column, subject.home, change))
    return Sentence(f"Gegenüber {first} ({before}) ist sie um {amount} {direction}.", tuple(facts))


def gap_sentence(subject: Subject, year: str, gaps: Sequence[tuple[str, float, float, str]]) -> Sentence | None:
    """„Damit lag der Wert 1,2 Prozentpunkte unter dem Wert für Nordrhein-Westfalen (26,5 %) und 7,4 Prozentpunkte
    unter dem für Deutschland (32,7 %).“ — ``gaps``: (region label, its value, home − it, the gap's column)."""
    parts: list[str] = []
    facts: list[Fact] = []
    for i, (name, value, gap, column) in enumerate(gaps):
        where = f"dem Wert für {name}" if i == 0 else f"dem für {name}"
        shown = with_unit(value, subject.decimals, subject.unit)
        facts.append((year, name, value))
        if _zero(gap, subject.decimals):
            parts.append(f"nahezu gleichauf mit {where} ({shown})")
        else:
            side = "über" if gap > 0 else "unter"
            parts.append(f"{_points(gap, subject.decimals, subject.unit)} {side} {where} ({shown})")
            facts.append((column, subject.home, gap))
    if not parts:
        return None
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " und " + parts[-1]
    return Sentence(f"Damit lag sie {joined}.", tuple(facts))


def rank_sentence(subject: Subject, rank: int, count: int, peers: str, land: str, rank_column: str,
                  count_label: str) -> Sentence:
    """„Unter den 53 Kreisen und kreisfreien Städten in Nordrhein-Westfalen nimmt der Kreis Unna damit Rang 12 ein
    (Rang 1: höchster Wert).“"""
    text = (f"Unter den {count} {peers} {located(land)} belegte {subject_case(subject.home)} damit Rang {rank} "
            f"(Rang 1: höchster Wert).")
    return Sentence(text, ((count_label, land, float(count)), (rank_column, subject.home, float(rank))))


def range_sentence(subject: Subject, year: str, scope: str, lowest: Sequence[str], low: float,
                   highest: Sequence[str], high: float) -> Sentence:
    """„Innerhalb des Kreises reichte die Kennzahl 2016 von 12,0 % in Holzwickede bis 31,4 % in Selm.“"""
    def names(items: Sequence[str]) -> str:
        shown = list(items[:3]) + (["weiteren Gebieten"] if len(items) > 3 else [])
        text = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " und " + shown[-1]
        return located(text)  # „im Kreis Coesfeld“, „in Bönen und Selm“

    facts: tuple[Fact, ...] = tuple((year, n, low) for n in lowest[:1]) + tuple((year, n, high) for n in highest[:1])
    if math.isclose(low, high) or number(low, subject.decimals) == number(high, subject.decimals):
        return Sentence(f"{scope} lag die Kennzahl {year} überall bei "
                        f"{with_unit(high, subject.decimals, subject.unit)}.", facts)
    return Sentence(f"{scope} reichte die Kennzahl {year} von {with_unit(low, subject.decimals, subject.unit)} "
                    f"{names(lowest)} bis {with_unit(high, subject.decimals, subject.unit)} {names(highest)}.",
                    facts)
