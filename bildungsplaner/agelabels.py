"""Age labels of population, day-care and school statistics, read once for planning and the Kennzahlen; no Qt.

Statistics label ages in many ways; :func:`age_bounds` reads

* single years: ``"5"``, ``"05"``, ``"5 Jahre"``, ``"1 Jahr"``, ``"5-Jährige"``, ``"5 Jahre alt"``;
* GENESIS bands, half-open: ``"unter 3 Jahre"`` → (0, 3), ``"3 bis unter 6 Jahre"`` → (3, 6);
* bands with both ends included: ``"6 bis 9 Jahre"``, ``"6-9 Jahre"`` → (6, 10);
* open-ended bands: ``"65 Jahre und mehr"``, ``"75 Jahre und älter"``, ``"ab 65 Jahren"``, ``"65+"`` → (65, None);
* totals and anything else (``"Insgesamt"``, ``"Zusammen"``) → ``None``, as does any age above :data:`MAX_AGE`.

The result is ``(lower, upper)`` with ``lower`` ≤ age < ``upper`` (``upper`` ``None``: open-ended);
``planning/ages.py`` wraps it as ``AgeRange``, ``indicators/ages.py`` as ``AgeBand``.
"""

from __future__ import annotations

import re

__all__ = ["MAX_AGE", "age_bounds"]

#: Largest age accepted anywhere (labels beyond it are not ages).
MAX_AGE = 120

_YEARS = r"(?:\s*(?:Jahren?|Jahr|J\.))?"
_SINGLE = re.compile(rf"(\d{{1,3}}){_YEARS}(?:\s*alt)?|(\d{{1,3}})\s*-?\s*[Jj]ährige?n?")
_UNDER = re.compile(rf"unter\s+(\d{{1,3}}){_YEARS}")
_FROM_UNDER = re.compile(rf"(\d{{1,3}}){_YEARS}\s+bis\s+unter\s+(\d{{1,3}}){_YEARS}")
_FROM_TO = re.compile(rf"(\d{{1,3}}){_YEARS}\s*(?:bis|-|–)\s*(\d{{1,3}}){_YEARS}(?:\s*alt)?")
_OPEN = re.compile(rf"(?:(\d{{1,3}}){_YEARS}\s+(?:und|oder)\s+(?:mehr|älter|darüber)|ab\s+(\d{{1,3}})"
                   rf"{_YEARS}(?:\s+und\s+älter)?|(\d{{1,3}})\s*\+)")


def _age(text: str) -> int:
    value = int(text)
    if value > MAX_AGE:
        raise ValueError(text)
    return value


def age_bounds(label: str) -> tuple[int, int | None] | None:
    """``(lower, upper)`` of the ages ``label`` stands for, or ``None`` (a total, no age; see the module doc)."""
    text = " ".join(label.split()).strip()
    try:
        if match := _FROM_UNDER.fullmatch(text):
            lower, upper = _age(match.group(1)), _age(match.group(2))
            return (lower, upper) if upper > lower else None
        if match := _UNDER.fullmatch(text):
            upper = _age(match.group(1))
            return (0, upper) if upper > 0 else None
        if match := _OPEN.fullmatch(text):
            return _age(next(g for g in match.groups() if g is not None)), None
        if match := _FROM_TO.fullmatch(text):
            lower, last = _age(match.group(1)), _age(match.group(2))
            return (lower, last + 1) if last >= lower else None
        if match := _SINGLE.fullmatch(text):
            value = _age(match.group(1) or match.group(2))
            return value, value + 1
    except ValueError:  # an age above MAX_AGE
        return None
    return None
