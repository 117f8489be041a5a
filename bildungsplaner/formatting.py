"""German number text, for every layer (the window, the command line, exports, messages); no Qt.

``1234.5`` → ``1.234,5``: a dot groups thousands, a comma separates decimals, as German Excel and council
papers write them. Rounding is half up on the number as written (:func:`round_half_up`: 2.675 → 2,68, 0.125 →
0,13, 2.5 → 3), as the statistical offices publish — not Python's rounding of the binary value, which would
show 2,67 and 0,12 and let a table disagree with the published figure.

numpy is not imported here (every start path imports this module, the window's too): :func:`format_number`
recognises numpy's scalars only once something else has imported numpy — before that there are none.
"""

from __future__ import annotations

import math
import re
import sys
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["decimals_for", "format_amount", "format_number", "format_period", "round_half_up"]

_DE = str.maketrans({",": ".", ".": ","})


def _half_up(value: float, decimals: int) -> Decimal:
    """``value`` rounded half up (away from zero at a tie) to ``decimals``, from its shortest representation."""
    return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def round_half_up(value: float | None, decimals: int = 1) -> float | None:
    """Half-up rounding as the statistics offices publish (32.65 → 32.7, 2.5 → 3); ``None``/NaN stay ``None``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return float(_half_up(value, decimals))


def format_number(value: float, decimals: int = 0, *, grouping: bool = True) -> str:
    """German number text: ``1.234,5`` (``1234,5`` without grouping, as for pasting into Excel), rounded half up."""
    number: float | Decimal = value
    if _is_number(value) and math.isfinite(value):
        number = _half_up(float(value), decimals)
    text = f"{number:,.{decimals}f}" if grouping else f"{number:.{decimals}f}"
    return text.translate(_DE)


def _is_number(value: object) -> bool:
    """A Python or numpy int or float (numpy looked up in ``sys.modules``: see the module's docstring)."""
    if isinstance(value, int | float):
        return True
    numpy = sys.modules.get("numpy")
    return numpy is not None and isinstance(value, numpy.integer | numpy.floating)


def format_amount(value: float) -> str:
    """Up to two decimals, trailing zeros dropped (for messages): ``95890`` → ``95.890``, ``0.5`` → ``0,5``."""
    return f"{value:,.2f}".rstrip("0").rstrip(".").translate(_DE)


def decimals_for(values: np.ndarray, maximum: int = 4) -> int:
    """The fewest decimals (up to ``maximum``) that show every value exactly."""
    import numpy as np  # already imported: ``values`` is an array

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
