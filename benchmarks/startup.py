#!/usr/bin/env python3
"""Time from process start to the first shown main window (offscreen), against a bare Qt window.

    .venv/bin/python benchmarks/startup.py [--runs 7]

Both are fresh processes started the same way; the child prints the wall-clock time at which its window
was shown (``--startup-probe``: ``shown`` — the window with the workspace opened, side panels and Daten tab)
and, for Bildungsplaner, when the other areas (Planung, Export, Kennzahlen, built right after the first
screen) were ready as well (``ready``). Baseline: a process that imports PySide6, shows an empty QMainWindow
and quits — the floor any Qt application pays. Ratio = Bildungsplaner / baseline. The package's bytecode is
written first, as a user's program has it (``_common.compile_bytecode``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, compile_bytecode, git_revision, machine

BARE_QT = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 800); w.show()
def shown():
    print(f"shown {time.time():.6f}", flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""


def launch(cmd: list[str], env: dict[str, str], mark: str = "shown") -> float:
    return launch_marks(cmd, env)[mark]


def launch_marks(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from the start to each mark the child printed (``shown``; ``ready`` where the child has it)."""
    t0 = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    marks = {line.split()[0]: float(line.split()[1]) - t0 for line in out.stdout.splitlines()
             if line.startswith(("shown ", "ready "))}
    if "shown" not in marks:
        raise RuntimeError(f"no window shown: {out.returncode}\n{out.stdout}\n{out.stderr}")
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    compile_bytecode()  # as a user's program runs (see _common.compile_bytecode)
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BILDUNGSPLANER_HOME": home}
        workspace = Path(home) / "demo.bpws"
        subprocess.run([sys.executable, "-m", "bildungsplaner", "demo", "--out", str(workspace)], env=env,
                       cwd=REPO, check=True, capture_output=True)
        app_cmd = [sys.executable, "-m", "bildungsplaner", "--workspace", str(workspace), "--startup-probe"]
        launch(app_cmd, env)  # warm the OS file cache once for both
        launch([sys.executable, "-c", BARE_QT], env)
        bare = [launch([sys.executable, "-c", BARE_QT], env) for _ in range(args.runs)]
        app_marks = [launch_marks(app_cmd, env) for _ in range(args.runs)]
    app = [m["shown"] for m in app_marks]
    ready = [m.get("ready", m["shown"]) for m in app_marks]
    b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
    print(f"machine: {machine()}; revision {git_revision()}; {args.runs} runs each, median (min-max)")
    print(f"bare Qt window (baseline):     {b * 1000:7.0f} ms ({min(bare) * 1000:.0f}-{max(bare) * 1000:.0f})")
    print(f"Bildungsplaner, demo workspace: {a * 1000:7.0f} ms ({min(app) * 1000:.0f}-{max(app) * 1000:.0f})")
    print(f"ratio to baseline:              {a / b:7.2f}x")
    print(f"all areas built (ready):        {r * 1000:7.0f} ms ({min(ready) * 1000:.0f}-{max(ready) * 1000:.0f}), "
          f"{r / b:.2f}x")


if __name__ == "__main__":
    main()
