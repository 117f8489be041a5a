"""The Qt binding itself: a working day of Qt calls must not wear the interpreter down.

PySide6 6.12.0 drops a reference to ``None`` on every call of a Qt method that returns nothing; on Python
before 3.12 (where ``None`` is not immortal) the process aborts with "none_dealloc" after some thousands of
such calls — a region list of a Gemeinde workspace, or an afternoon of slider moves. pyproject.toml excludes
that version; this test fails on it.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_leave_none_s_reference_count_alone(qapp: Any) -> None:
    label, model = QLabel(), QStandardItemModel()
    # a collection in the loop would free earlier tests' garbage and its references to None (-38,000 seen in CI)
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for i in range(2000):
            label.setText(str(i))
            item = QStandardItem("x")
            item.setData(i)
            model.appendRow(item)
        after = sys.getrefcount(None)
    finally:
        gc.enable()
    assert after - before > -100  # noise from the loop itself, not one per call


def test_a_gemeinde_workspace_s_regions_fit_in_the_region_completer(qapp: Any) -> None:
    from bildungsplaner.ui.common.completers import RegionCompleter

    completer = RegionCompleter()
    completer.set_regions([(f"05{i:06d}", f"Gemeinde {i}", "Gemeinde") for i in range(15_000)])
    assert completer.model().rowCount() == 15_000
