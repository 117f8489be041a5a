"""Canonical text form of an observation's dimensions: ``name=value`` pairs sorted by name, joined by ``|``.

``\\``, ``|`` and ``=`` inside names or values are escaped with a backslash, so every mapping of strings
round-trips exactly and equal mappings always give equal text (usable as an index and in exports).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bildungsplaner.i18n import tr


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("=", "\\=")


def encode(dimensions: Mapping[str, str]) -> str:
    return "|".join(f"{_escape(k)}={_escape(str(v))}" for k, v in sorted(dimensions.items()))


def decode(text: str) -> dict[str, str]:
    result: dict[str, str] = {}
    if not text:
        return result
    parts: list[str] = [""]
    key: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            parts[-1] += text[i + 1]
            i += 2
            continue
        if ch == "=" and key is None:
            key = parts[-1]
            parts[-1] = ""
        elif ch == "|":
            if key is None:
                raise ValueError(tr("Dimension ohne '=': {text}", text=repr(text)))
            result[key] = parts[-1]
            key, parts[-1] = None, ""
        else:
            parts[-1] += ch
        i += 1
    if key is None:
        raise ValueError(tr("Dimension ohne '=': {text}", text=repr(text)))

    result[key] = parts[-1]
    return result


#: The label stored for a total category whose source label is empty (a GENESIS total column).
TOTAL = "Insgesamt"

_TOTAL_LABEL = re.compile(
    r"^(?:(?:insgesamt|zusammen|gesamt|summe|alle)(?:\s.*)?"      # "Insgesamt", "Insgesamt (ohne Doppelzählungen)"
    r"|.*\s(?:insgesamt|zusammen))$",                             # "Tätige Personen insgesamt"
    re.IGNORECASE | re.DOTALL)


def is_total_label(label: object) -> bool:
    """True when a dimension value names the total of its dimension's other values.

    GENESIS and the statistics offices label totals „Insgesamt“, „Zusammen“, „Summe“ (also with an addition:
    „Insgesamt (ohne Doppelzählungen)“, or at the end: „Tätige Personen insgesamt“). Words that merely
    contain such a word do not count („Gesamtschule“, „Kinder aller Altersgruppen“).
    """
    if not isinstance(label, str):
        return False
    text = label.strip()
    return bool(text) and _TOTAL_LABEL.match(text) is not None
