#!/usr/bin/env python3
"""The planning editor's round trip for one weight-slider step over 5,000 recipients (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/planning_ui.py [--runs 15] [--n 5000]

The recipients frame is generated as in ``benchmarks/allocation.py`` and handed to the editor as already
collected inputs (what the editor caches after the first collection). Timed per step: the whole path of a
slider move — validate the edit, push it on the undo stack (merging with the previous step), refresh the form,
``allocate`` on the cached frame, reset the result model, redraw the bar chart — and, separately, the
``allocate`` part alone (``PlanningEditor.compute_ms``). Median of ``--runs`` steps.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import git_revision, machine

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def scenario(n: int) -> tuple[Any, pd.DataFrame]:
    """The allocation over ``n`` generated schools of ``benchmarks/allocation.py`` (Hare-Niemeyer)."""
    import allocation

    return allocation.scenario(n, "hare-niemeyer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--n", type=int, default=5000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from bildungsplaner.services.planning_inputs import ScenarioInputs, inputs_key
    from bildungsplaner.ui.common import tasks
    from bildungsplaner.ui.planning.editor import PlanningEditor

    spec, frame = scenario(args.n)
    editor = PlanningEditor(tasks.TaskRunner())
    editor.resize(1200, 800)
    editor.show()
    editor.workspace = object()  # type: ignore[assignment]  # never read: the inputs are given
    editor._inputs = ScenarioInputs("allocation", inputs_key(spec), {"recipients": frame})
    editor._load(spec, None)
    app.processEvents()
    assert editor.result is not None, editor.error
    slider = editor.allocation.terms[0].slider
    total, compute = [], []
    for i in range(args.runs):
        start = time.perf_counter()
        slider.setValue(30 + i % 40)
        app.processEvents()
        total.append((time.perf_counter() - start) * 1000)
        compute.append(editor.compute_ms)
        assert editor.result is not None, editor.error
    print(f"# Planning editor, one slider step, {args.n:,} recipients ({machine()}, rev {git_revision()})")
    print(f"allocate() on the cached frame: median {statistics.median(compute):.1f} ms")
    print(f"whole round trip (edit, undo stack, form, model, chart): median {statistics.median(total):.1f} ms")
    print(f"undo steps after {args.runs} slider moves: {editor.undo_stack.count()} (merged)")


if __name__ == "__main__":
    main()
