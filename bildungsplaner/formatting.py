"""German number text, for every layer (the window, the command line, exports, messages); no Qt.

``1234.5`` → ``1.234,5``: a dot groups thousands, a comma separates decimals, as German Excel and council
papers write them.
"""

from __future__ import annotations

import re

import numpy as np

__all__ = ["decimals_for", "format_amount", "format_number", "format_period"]

_DE = str.maketrans({",": ".", ".": ","})


def format_number(value: float, decimals: int = 0, *, grouping: bool = True) -> str:
    """German number text: ``1.234,5`` (``1234,5`` without grouping, as for pasting into Excel)."""
    text = f"{value:,.{decimals}f}" if grouping else f"{value:.{decimals}f}"
    return text.translate(_DE)


def format_amount(value: float) -> str:
    """Up to two decimals, trailing zeros dropped (for messages): ``95890`` → ``95.890``, ``0.5`` → ``0,5``."""
    return f"{value:,.2f}".rstrip("0").rstrip(".").translate(_DE)


def decimals_for(values: np.ndarray, maximum: int = 4) -> int:
    """The fewest decimals (up to ``maximum``) that show every value exactly."""
    finite = values[np.isfinite(values)]
    for decimals in range(maximum):
        if np.all(np.abs(np.round(finite, decimals) - finite) < 1e-9):
            return decimals
    return maximum


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def format_period(period: str) -> str:
    """ISO dates as German dates (``2024-12-31`` → ``31.12.2024``); other periods as given."""
    match = _ISO_DATE.match(period)
    return f"{match[3]}.{match[2]}.{match[1]}" if match else period
