"""Start-up (issue 14 point 2): the window's first screen imports neither pandas nor pyqtgraph nor openpyxl nor Alembic.

Each check runs in a fresh interpreter (the test process has long imported all of them) and reads
``sys.modules``. pandas and pyqtgraph come with the first loaded values and the areas built right after the
first screen (``MainWindow.build_areas``); Alembic only with a migration that is due.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("numpy", "pandas", "pyqtgraph", "openpyxl", "alembic")

PROBE = """
import json, sys
from pathlib import Path
heavy = {heavy!r}
loaded = {{}}
import bildungsplaner.ui.app
from bildungsplaner.ui.main_window import MainWindow
loaded["import"] = sorted(m for m in heavy if m in sys.modules)
from bildungsplaner.ui.app import create_application
app = create_application([sys.argv[0]])
window = MainWindow(lazy_areas=True)
window.show()
app.processEvents()
opened = window.open_path(Path(sys.argv[1]))
app.processEvents()
loaded["first screen"] = sorted(m for m in heavy if m in sys.modules)
first = {{"opened": opened, "tabs": [window.areas.tabText(i) for i in range(window.areas.count())],
          "regions": window.regions.model.rowCount(), "indicators": len(window.indicators.model.rows)}}
window.build_areas()
app.processEvents()
areas = {{"tabs": [window.areas.tabText(i) for i in range(window.areas.count())],
          "widgets": [window.areas.widget(2) is window.planning, window.areas.widget(3) is window.export_panel,
                      window.areas.widget(4) is window.kennzahlen],
          "edit": [a.text() for a in window.edit_menu.actions()][:4],
          "kennzahlen menu": len(window.indicator_menu.actions()),
          "export knows the workspace": window.export_panel.workspace is window.workspace}}
window.close()
print("RESULT " + json.dumps({{"loaded": loaded, "first": first, "areas": areas}}))
"""


def _run(workspace: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-c", PROBE.format(heavy=HEAVY), str(workspace)], capture_output=True,
                         text=True, env=env, timeout=180)
    lines = [line for line in out.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"{out.returncode}\n{out.stdout}\n{out.stderr}"
    return json.loads(lines[-1][len("RESULT "):])


def test_first_screen_without_pandas_pyqtgraph_openpyxl_alembic(demo_file: Path) -> None:
    result = _run(demo_file)
    assert result["loaded"]["import"] == []  # import bildungsplaner.ui.app / ui.main_window
    assert result["loaded"]["first screen"] == []  # window shown, demo workspace opened, panels filled
    first = result["first"]
    assert first["opened"] and first["regions"] > 0 and first["indicators"] > 0
    assert first["tabs"] == ["Daten", "Import", "Planung", "Export", "Kennzahlen", "Bericht"]
    # then the areas take their placeholders' places, with their menu entries and the open workspace
    areas = result["areas"]
    assert areas["tabs"] == first["tabs"]
    assert areas["widgets"] == [True, True, True]
    assert len(areas["edit"]) == 4 and areas["edit"][3] == ""  # Rückgängig, Wiederholen, Speichern, separator
    assert areas["kennzahlen menu"] == 6  # new, new index, edit, delete, import, export the Kennzahlen-Tabelle
    assert areas["export knows the workspace"]


def test_the_command_line_parser_imports_none_of_them() -> None:
    """``python -m bildungsplaner`` parses its command line before the window starts (every command's parser is
    built, so no command module may import them at module level for its choices)."""
    code = ("import sys; from bildungsplaner import cli; cli.parse(['--workspace', 'x.bpws']); "
            f"print('LOADED', sorted(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "LOADED []" in out.stdout, out.stdout + out.stderr
