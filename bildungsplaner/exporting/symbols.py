"""The statistical offices' symbols (Zeichenerklärung) as every export writes them, in one place.

A missing or unknown value is never a blank and never „–“: „–“ means *exactly zero* (GENESIS: „nichts
vorhanden (genau null)“). All exports (workbook, PDF, CSV) write

* ``.`` (:data:`MISSING`) for a value that is missing, unknown or hidden by disclosure control,
* ``–`` (:data:`ZERO`) for a number that is exactly zero (the workbook keeps the number 0 and shows „–“ through
  its number format, so sums stay live; the CSV keeps ``0`` so that Excel reads a number),
* every other number with German separators and the column's decimals.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from bildungsplaner.formatting import format_number

__all__ = ["MISSING", "SYMBOL_LEGEND", "ZERO", "excel_number_format", "is_missing", "number_text", "warning_text"]

MISSING = "."
ZERO = "–"

SYMBOL_LEGEND = [
    (ZERO, "nichts vorhanden (genau null)"),
    ("0", "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts"),
    (MISSING, "Zahlenwert unbekannt oder geheim zu halten (fehlende Werte und Werte, die die Geheimhaltung "
              "verbirgt)"),
    ("...", "Angabe fällt später an"),
    ("/", "keine Angaben, da Zahlenwert nicht sicher genug"),
    ("x", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"),
    ("p / r / s", "vorläufige / berichtigte / geschätzte Zahl"),
]


def is_missing(value: Any) -> bool:
    """``None``, NaN and ``pd.NA`` are missing; ``0`` is not."""
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return math.isnan(value)
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover
        return False


def excel_number_format(decimals: int) -> str:
    """``#,##0.0`` with a third section that shows an exact zero as „–“ (the cell keeps the number 0)."""
    body = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return f'{body};-{body};"{ZERO}"'


def number_text(value: Any, decimals: int, *, grouping: bool = True, zero: str = ZERO) -> str:
    """German text of a number for PDF and CSV: ``.`` when missing, ``zero`` when exactly zero."""
    if is_missing(value):
        return MISSING
    if isinstance(value, str):
        return value
    number = float(value)
    if number == 0:
        return zero
    return format_number(number, decimals, grouping=grouping)


def warning_text(warning: Any) -> str:
    """A warning as one line of text: plain strings, or objects with ``text``/``message`` (and a ``name``)."""
    if isinstance(warning, str):
        return warning
    for attribute in ("text", "message"):
        text = getattr(warning, attribute, None)
        if isinstance(text, str) and text:
            return text
    return str(warning)
