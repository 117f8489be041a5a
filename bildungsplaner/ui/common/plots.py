"""pyqtgraph pieces the data and planning charts share."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

from bildungsplaner.formatting import format_number

__all__ = ["GermanAxis"]


class GermanAxis(pg.AxisItem):
    """Tick labels with decimal comma and thousands dots."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        decimals = max(0, int(np.ceil(-np.log10(spacing * scale)))) if spacing * scale < 1 else 0
        return [format_number(v * scale, decimals) for v in values]
