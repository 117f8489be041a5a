"""German numbers and the symbols of the official statistics (Zeichenerklärung).

Rules of :func:`parse_cell` (GENESIS / Regionaldatenbank cells):

* Numbers are German: ``.`` only ever separates thousands, ``,`` is the decimal separator. ``"1.234"`` is
  therefore one thousand two hundred thirty-four, never 1.234; a dot that is not followed by exactly three
  digits (``"1.23"``, ``"1234.5"``) is not a German number and raises :class:`ValueError`. Numbers with a
  decimal *point* from plain CSV files are not handled here.
* A leading ``-`` (or ``+``, or the typographic minus ``−``) is a sign: ``"-14,6"`` is the number -14.6.
* Symbols: ``-`` nothing (value exactly 0.0, flag ``"-"``), ``.`` unknown or secret, ``...`` not yet
  available, ``/`` not reliable enough, ``x`` not meaningful (value ``None``, flag the symbol).
* ``"0"`` is the number 0.0 without flag. GENESIS downloads write true zeros as ``0`` as well, so the
  Zeichenerklärung's "0 = less than half of the smallest unit" cannot be told apart from a zero here;
  callers that know a source marks it so may add the flag themselves.
* A trailing quality suffix ``p`` (provisional), ``r`` (corrected) or ``s`` (estimated), with or without a
  space before it, becomes the flag: ``"1.234,5r"`` -> (1234.5, ``"r"``). On a symbol the symbol wins:
  ``".p"`` -> (None, ``"."``), ``"-p"`` -> (0.0, ``"-"``).
* Empty text (after stripping blanks) -> (None, None). Anything else raises :class:`ValueError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bildungsplaner.i18n import tr

__all__ = [
    "MISSING_SYMBOLS",
    "QUALITY_SUFFIXES",
    "SYMBOLS",
    "ParsedValue",
    "parse_cell",
    "parse_german_number",
]

#: Symbols of the Zeichenerklärung and their meaning (German, for legends and reports).
SYMBOLS: dict[str, str] = {
    "-": "nichts vorhanden (genau null)",
    "0": "weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts",
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "...": "Angabe fällt später an",
    "/": "keine Angaben, da Zahlenwert nicht sicher genug",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll",
}
#: Quality suffixes written directly after a number.
QUALITY_SUFFIXES: dict[str, str] = {"p": "vorläufige Zahl", "r": "berichtigte Zahl", "s": "geschätzte Zahl"}
#: Symbols that stand for a missing value (value ``None``).
MISSING_SYMBOLS: frozenset[str] = frozenset({".", "...", "/", "x"})


@dataclass(frozen=True, slots=True)
class ParsedValue:
    """A cell's numeric value (``None`` if there is none) and its symbol or quality flag."""

    value: float | None
    flag: str | None = None


_EMPTY = ParsedValue(None, None)
_ZERO = ParsedValue(0.0, None)
_SYMBOL_VALUES: dict[str, ParsedValue] = {
    "-": ParsedValue(0.0, "-"),
    "–": ParsedValue(0.0, "-"),  # en dash from word processors and Excel exports
    ".": ParsedValue(None, "."),
    "...": ParsedValue(None, "..."),
    "…": ParsedValue(None, "..."),
    "/": ParsedValue(None, "/"),
    "x": ParsedValue(None, "x"),
    "X": ParsedValue(None, "x"),
}
_NUMBER = re.compile(r"([+\-−]?)(\d{1,3}(?:\.\d{3})+|\d*)(?:,(\d+))?", re.ASCII)
_SUFFIX = re.compile(r"^(.*?)\s*([prs])$", re.DOTALL)
_BLANKS = " \t\r\n\u00a0\u202f"


def parse_german_number(text: str) -> float:
    """Parse a German number (``"1.234.567"``, ``"-14,6"``); raise :class:`ValueError` if it is none."""
    match = _NUMBER.fullmatch(text)
    if match is None or not (match.group(2) or match.group(3)):
        raise ValueError(tr("{text} ist keine Zahl in deutscher Schreibweise.", text=repr(text)))
    sign, whole, fraction = match.groups()
    digits = whole.replace(".", "") or "0"
    if fraction:
        digits = f"{digits}.{fraction}"
    number = float(digits)
    # ``+ 0.0`` turns -0.0 into 0.0, so "-0" and "0" compare and print alike.
    return (-number if sign in ("-", "−") else number) + 0.0


def parse_cell(text: str) -> ParsedValue:
    """Parse one statistics cell into value and flag; see the module docstring for the rules."""
    if text.isascii() and text.isdigit():  # fast path: most cells are plain counts
        return _ZERO if text == "0" else ParsedValue(float(text), None)
    stripped = text.strip(_BLANKS)
    if not stripped:
        return _EMPTY
    symbol = _SYMBOL_VALUES.get(stripped)
    if symbol is not None:
        return symbol
    suffix: str | None = None
    body = stripped
    match = _SUFFIX.match(stripped)
    if match is not None and match.group(1):
        body, suffix = match.group(1), match.group(2)
        symbol = _SYMBOL_VALUES.get(body)
        if symbol is not None:
            return symbol
    try:
        number = parse_german_number(body)
    except ValueError:
        raise ValueError(tr("{text} ist weder eine Zahl in deutscher Schreibweise noch ein Zeichen der "
                            "Zeichenerklärung.", text=repr(text))) from None

    return ParsedValue(number, suffix)
