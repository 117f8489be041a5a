"""Totals and notes below a table: recognised, kept out of the data and listed with their row numbers.

A colleague's list rarely ends with its last data row: a „Summe“ row follows, then an empty row, a source line
(„Quelle: Schulamt, Stand 1.8.2025“) and footnotes („* vorläufige Zahlen“). :func:`find_footer` decides where
the data ends; the rows below it are not imported, and each non-empty one is listed (:class:`SkippedRow`:
row number, reason, the row's text) so that no data row is dropped silently.

Automatic recognition looks at the last :data:`TAIL` rows only (cheap for a million rows) and takes the
longest run of rows at the bottom that are each

* **empty**,
* a **totals row**: its first filled cell is a total label (:func:`~bildungsplaner.store.dimensions.is_total_label`:
  Summe, Insgesamt, Gesamt, Zusammen, „Kreis Unna insgesamt“) and the key columns (when the template names
  them) are empty or hold that label themselves,
* a **note**: the first filled cell starts like a note (Quelle, Stand, Anmerkung, Hinweis, Fußnote,
  Erläuterung, Legende, ``*``, ``¹``, ``1)``, ``©`` …) and at most two cells are filled, or
* **text in few cells**: text in one cell, or in at most a third of the columns without any number — but only
  below an empty row or a totals row; directly under the data such a row counts as data.

At least one data row always stays. A template may say it explicitly instead (``[read]``):
``stop_at = "first empty row"`` ends the data at the first empty row below it, and ``footer_rows = N`` drops
the last N non-empty rows (after ``stop_at``, when both are given; ``footer_rows = 0``: no footer at all).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import marked, tr, translated
from bildungsplaner.store.dimensions import is_total_label

__all__ = ["STOP_AT_FIRST_EMPTY", "STOP_AT_VALUES", "TAIL", "SkippedRow", "find_footer", "is_filled"]

STOP_AT_FIRST_EMPTY = "first empty row"
STOP_AT_VALUES = (STOP_AT_FIRST_EMPTY,)
#: Rows at the bottom looked at by the automatic recognition.
TAIL = 60
#: Reasons (marked for the catalogue, looked up when a row is skipped).
REASON_TOTAL = marked("Summenzeile")
REASON_NOTE = marked("Anmerkung unter der Tabelle")
_NOTE = re.compile(
    r"^(?:(?:daten)?quellen?|stand|anmerkung(?:en)?|hinweise?|fu(?:ß|ss)note(?:n)?|erl(?:ä|ae)uterung(?:en)?"
    r"|legende|zeichenerkl(?:ä|ae)rung|copyright|bemerkung(?:en)?|nachrichtlich)\b"
    r"|^[©*¹²³⁴⁵⁶⁷⁸⁹⁰†]|^\(?\d{1,2}\)\s", re.IGNORECASE)


@dataclass(frozen=True)
class SkippedRow:
    """A non-empty row below the data that is not imported."""

    row: int  #: 1-based row number in the file
    reason: str  #: in the interface's language, e.g. „Summenzeile“
    text: str  #: the row's filled cells, shortened

    def describe(self) -> str:
        return tr("Zeile {row} nicht importiert ({reason}): „{text}“", row=self.row, reason=self.reason,
                  text=self.text)

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "reason": self.reason, "text": self.text}


def is_filled(cell: Any) -> bool:
    """A cell that holds something: not None, NaN, NaT, NA or blank text."""
    if cell is None or cell is pd.NaT or cell is pd.NA:
        return False
    if isinstance(cell, float | np.floating):
        return not np.isnan(cell)
    if isinstance(cell, str):
        return bool(cell.strip())
    return True


def _is_number(cell: Any) -> bool:
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float | np.integer | np.floating):
        return True
    if isinstance(cell, str):
        text = cell.strip().replace(".", "").replace(",", "").replace(" ", "").lstrip("-+−")
        return text.isdigit()
    return False


def _show(cell: Any) -> str:
    if isinstance(cell, float | np.floating) and float(cell).is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def row_text(cells: Sequence[Any], limit: int = 80) -> str:
    """The filled cells of a row, joined with „ | “ and shortened to ``limit`` characters."""
    text = " | ".join(_show(c) for c in cells if is_filled(c))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _kind(cells: list[Any], keys: Sequence[int], width: int) -> str | None:
    """``empty``, ``total``, ``note``, ``text`` (text in few cells) or ``None`` (looks like data)."""
    filled = [j for j, c in enumerate(cells) if is_filled(c)]
    if not filled:
        return "empty"
    first = cells[filled[0]]
    if not isinstance(first, str) or _is_number(first):
        return None
    if is_total_label(first) and all(k == filled[0] or k >= len(cells) or not is_filled(cells[k]) for k in keys):
        return "total"
    if _NOTE.match(first.strip()) and len(filled) <= 2:
        return "note"
    if len(filled) == 1 or (len(filled) <= width / 3 and not any(_is_number(cells[j]) for j in filled)):
        return "text"
    return None


def _row_filled(frame: pd.DataFrame) -> np.ndarray:
    result = np.zeros(len(frame), dtype=bool)
    for name in frame.columns:
        column = frame[name]
        if column.dtype == np.float64:
            result |= column.notna().to_numpy()
        else:
            result |= column.map(is_filled).to_numpy(dtype=bool)
    return result


def _automatic(frame: pd.DataFrame, keys: Sequence[int]) -> tuple[int, list[str]]:
    n = len(frame)
    offset = max(0, n - TAIL)
    width = frame.shape[1]
    tail = frame.iloc[offset:].astype(object).to_numpy().tolist()
    kinds = [_kind(cells, keys, width) for cells in tail]
    start = len(kinds)
    while start > 0 and kinds[start - 1] is not None:
        start -= 1
    separated = False
    for i in range(start, len(kinds)):
        if kinds[i] in ("empty", "total"):
            separated = True
        elif kinds[i] == "text" and not separated:  # text right below the data: data
            start, separated = i + 1, False
    if offset + start == 0 or start >= len(kinds):
        return n, []
    reasons = {"empty": "", "total": translated(REASON_TOTAL), "note": translated(REASON_NOTE),
               "text": translated(REASON_NOTE)}
    return offset + start, [reasons[str(k)] for k in kinds[start:]]


def find_footer(frame: pd.DataFrame, *, footer_rows: int | None = None, stop_at: str | None = None,
                key_columns: Sequence[int] = ()) -> tuple[int, list[str]]:
    """``(end, reasons)``: ``frame``'s rows from ``end`` on are no data; ``reasons`` has one entry per such row
    (``""`` for an empty row). ``frame`` holds the rows below the header, without trailing empty rows;
    ``key_columns`` are positions of the template's key columns. See the module docstring."""
    n = len(frame)
    if n == 0:
        return 0, []
    if footer_rows is None and stop_at is None:
        return _automatic(frame, key_columns)
    filled = _row_filled(frame)
    end = n
    reasons: list[str] = []
    if stop_at == STOP_AT_FIRST_EMPTY:
        data = np.flatnonzero(filled)
        gaps = np.flatnonzero(~filled[data[0]:]) if len(data) else np.zeros(0, dtype=np.int64)
        if len(gaps):
            end = int(data[0] + gaps[0])
            why = tr("nach der ersten leeren Zeile, Vorlage: stop_at = „{value}“", value=STOP_AT_FIRST_EMPTY)
            reasons = [why if f else "" for f in filled[end:]]
    elif stop_at is not None:
        raise ValueError(f"stop_at must be one of {STOP_AT_VALUES}, not {stop_at!r}")
    if footer_rows:
        rows = np.flatnonzero(filled[:end])
        if len(rows) <= footer_rows:
            raise UserInputError(tr("Die Vorlage sagt footer_rows = {footer_rows}, aber unter der Kopfzeile stehen "
                                    "nur {count} Zeilen; es bliebe keine Datenzeile übrig.", footer_rows=footer_rows,
                                    count=format_number(len(rows))))
        cut = int(rows[-footer_rows])
        why = tr("Fußzeile, Vorlage: footer_rows = {footer_rows}", footer_rows=footer_rows)

        reasons = [why if f else "" for f in filled[cut:end]] + reasons
        end = cut
    return end, reasons
