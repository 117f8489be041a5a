#!/usr/bin/env python3
"""Render docs/screenshot.png: the main window on the demo workspace, offscreen.

    python3 tasks.py screenshot                       # sets up .venv and QT_QPA_PLATFORM=offscreen
    .venv/bin/python scripts/screenshot.py [--out FILE] [--region NAME] [--indicator CODE] [--no-descendants]

A fresh demo workspace (fictional Kreis Lindental) is written to a fixed temporary folder, the window opens
at 1400×860, the Gemeinde ``--region`` is selected in the region tree with "Untergeordnete Gebiete
einbeziehen" ticked (so its Sozialräume appear as bars) and the indicator ``--indicator`` in the list; once
table and chart show the values, the window is grabbed. The data folder (``BILDUNGSPLANER_HOME``) is a
temporary folder too, so the user's settings (language, recent files) never leak into the picture.

Fonts: the offscreen platform finds fonts through fontconfig like any Qt application on Linux (Qt ignores
``QT_QPA_FONTDIR`` then). Where fontconfig knows no font file (text would come out as empty boxes) the
script loads the TrueType/OpenType files itself, from ``QT_QPA_FONTDIR`` if set, else from the usual system
folders; on Debian/Ubuntu ``apt install fonts-dejavu-core`` provides them (and is already there wherever
``libfontconfig1`` is installed, through ``fontconfig-config``). DejaVu Sans at 10 pt is used when present,
so the picture does not depend on the machine's default font.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1400, 860
PREFERRED_FAMILY = "DejaVu Sans"
POINT_SIZE = 10
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian/Ubuntu fonts-dejavu-core
    "/usr/share/fonts/dejavu",  # Fedora, Arch
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/truetype",
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "C:/Windows/Fonts",
    "/System/Library/Fonts",
)


def _has_real_font() -> bool:
    """Whether the default font resolves to an actual font file (fontconfig without fonts still lists the
    aliases "Sans Serif", "Serif" and "Monospace", but they resolve to nothing and text comes out as boxes)."""
    from PySide6.QtGui import QFont, QFontInfo

    return bool(QFontInfo(QFont()).family())


def ensure_fonts() -> str:
    """Make sure Qt can draw text; returns the family to use for the application font ("" = Qt's default)."""
    from PySide6.QtGui import QFontDatabase

    if not _has_real_font():
        env_dir = os.environ.get("QT_QPA_FONTDIR", "")
        for folder in [*([env_dir] if env_dir else []), *FONT_DIRS]:
            if not Path(folder).is_dir():
                continue
            for file in sorted(p for p in Path(folder).rglob("*") if p.suffix.lower() in (".ttf", ".otf")):
                QFontDatabase.addApplicationFont(str(file))
            if QFontDatabase.applicationFontFamilies(0):
                print(f"Qt found no fonts; loaded the fonts in {folder}", file=sys.stderr)
                break
        else:
            sys.exit("Keine Schriften gefunden: bitte z. B. das Paket fonts-dejavu-core installieren oder "
                     "QT_QPA_FONTDIR auf einen Ordner mit .ttf-Dateien setzen.")
    families = QFontDatabase.families()
    if PREFERRED_FAMILY in families:
        return PREFERRED_FAMILY
    # Loaded files make the first family (alphabetically, e.g. a maths font) the default: prefer a sans font.
    sans = [f for f in families if "sans" in f.casefold() and "mono" not in f.casefold() and f != "Sans Serif"]
    return sans[0] if sans else ""


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``condition()`` holds or ``timeout_s`` passed."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    while not condition() and time.monotonic() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
    return condition()


def settle(ms: int) -> None:
    """Let queued events (layouts, repaints of the chart) run for ``ms`` milliseconds."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    parser.add_argument("--region", default="Lindental", help="name of the Gemeinde to select")
    parser.add_argument("--indicator", default="SGB2_U15", help="code of the indicator to select")
    parser.add_argument("--no-descendants", action="store_true", help="only the region itself, not its parts")
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A fixed folder (not a random one): the status bar shows the workspace path, and the picture should not
    # change from run to run.
    work = Path(tempfile.gettempdir()) / "bildungsplaner-screenshot"
    shutil.rmtree(work, ignore_errors=True)
    (work / "Daten").mkdir(parents=True)
    os.environ["BILDUNGSPLANER_HOME"] = str(work / "Daten")
    try:
        return render(args, work / "Demo-Landkreis.bpws")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def render(args: argparse.Namespace, path: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QFont

    from bildungsplaner.services.workspace import create_demo_workspace, open_workspace
    from bildungsplaner.ui.app import create_application
    from bildungsplaner.ui.main_window import MainWindow

    create_demo_workspace(path)
    app = create_application([sys.argv[0]])
    family = ensure_fonts()
    if family:
        app.setFont(QFont(family, POINT_SIZE))
    with open_workspace(path, create=False) as ws:
        window = MainWindow(ws, owns_workspace=False)
        try:
            window.resize(WIDTH, HEIGHT)
            window.show()
            app.processEvents()
            region = next((r for r in window.regions.model.nodes if r.name == args.region), None)
            if region is None:
                sys.exit(f"region {args.region!r} not in the demo workspace")
            indicator = next((i for i in window.indicators.model.rows if i.code == args.indicator), None)
            if indicator is None:
                sys.exit(f"indicator {args.indicator!r} not in the demo workspace")
            browser = window.browser
            browser.descendants.setChecked(not args.no_descendants)
            window.regions.select_regions([region.id])
            window.indicators.select_indicator(indicator.id)
            window.regions.view.setFocus()

            def shown() -> bool:
                # the load still running, if any (private, but this is our own tool)
                return (browser.indicator is not None and browser.indicator.id == indicator.id
                        and browser.model.total_rows > 0 and not browser._debounce.isActive()
                        and not browser._load.pending())

            if not wait_until(shown, timeout_s=30):
                sys.exit("the data table stayed empty")
            settle(300)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.out)):
                sys.exit(f"could not write {args.out}")
            print(f"{args.out}: {WIDTH}×{HEIGHT}, {browser.heading.text()}, {browser.count_label.text()}")
        finally:
            window.close()
            window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
