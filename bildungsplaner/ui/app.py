"""Application start: the QApplication (names, icon, translations), the window, the smoke check."""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from bildungsplaner import APP_NAME, __version__, i18n, paths
from bildungsplaner.services.workspace import Workspace
from bildungsplaner.settings import Settings
from bildungsplaner.ui.common.dialogs import error_text
from bildungsplaner.ui.main_window import MainWindow

log = logging.getLogger(__name__)

ICON_FILE = "icons/bildungsplaner.svg"
# Kept referenced for the application's lifetime (Qt does not own installed translators).
_translators: list[QTranslator] = []


def _language() -> str:
    try:
        language = Settings().get("language")
    except OSError:
        return "de"
    return language if language in ("de", "en") else "de"


def install_translators(app: QCoreApplication, language: str) -> list[str]:
    """German: Qt's own ``qtbase_de`` (standard dialogs and buttons); English: our ``bildungsplaner_en.qm``.

    Returns the files loaded. A missing file is not an error (the source strings are German).
    """
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    i18n.set_language(language)  # the core's messages (errors from import, store, …) in the same language
    candidates: list[tuple[str, str]] = []
    if language == "en":
        candidates.append(("bildungsplaner_en", str(paths.translations_dir())))
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    else:
        candidates.append(("qtbase_de", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    loaded = []
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
            loaded.append(str(Path(folder) / f"{name}.qm"))
        else:
            log.info("translation %s not found in %s", name, folder)
    return loaded


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (an existing instance is reused) with names, version, icon and translations."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = paths.resources_dir() / ICON_FILE
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translators(app, _language())
    follow_system_palette(app)
    return app


def apply_palette(app: QApplication) -> None:
    """The platform's palette with text below 4.5:1 fixed (:func:`~bildungsplaner.ui.common.theme.
    accessible_palette`); in high contrast the system's palette unchanged. Starts from the platform's palette each
    time, so a theme switch while the program runs is followed."""
    from PySide6.QtGui import QPalette

    from bildungsplaner.ui.common.theme import accessible_palette, high_contrast

    app.setPalette(QPalette())  # back to the platform's palette (resets what an earlier call fixed)
    if not high_contrast():  # the system's contrast preference or a high-contrast palette: left as it is
        app.setPalette(accessible_palette(app.palette()))


def follow_system_palette(app: QApplication) -> None:
    """:func:`apply_palette` now and whenever the system's colour scheme or contrast preference changes
    (a high-contrast theme switched on in Windows' settings reaches the open window)."""
    if app.property("bildungsplanerPalette"):
        return
    app.setProperty("bildungsplanerPalette", True)
    apply_palette(app)
    hints = app.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None:
        accessibility().contrastPreferenceChanged.connect(lambda _preference: apply_palette(app))


def _excepthook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Unexpected exceptions in slots: logged with traceback, shown as "Interner Fehler: …"."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unhandled exception", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is not None:
        QMessageBox.critical(None, APP_NAME, error_text(exc))


def run_gui(workspace: Path | None = None, *, demo: bool = False, probe: bool = False) -> int:
    """Start the window: ``workspace`` (created if missing), the demo, or the last/default workspace.

    ``probe`` (``--startup-probe``, used by ``benchmarks/startup.py``) prints ``shown <epoch seconds>`` once
    the window is shown with its workspace opened (the first screen: side panels and Daten tab), then
    ``ready <epoch seconds>`` once the other areas are built as well, and quits.

    The areas Planung, Export and Kennzahlen (and with them pandas and pyqtgraph) are built right after the
    first screen, at the event loop's next turn (:meth:`MainWindow.build_areas`).
    """
    app = create_application(sys.argv)
    sys.excepthook = _excepthook
    window = MainWindow(lazy_areas=True)
    window.restore_layout()
    window.show()
    app.processEvents()
    if workspace is not None:
        window.open_path(Path(workspace), create=True)
    elif demo:
        window.open_path(paths.demo_workspace(), build_demo=True)
    else:
        last = window.settings.get("last_workspace")
        if last and Path(last).is_file():
            window.open_path(Path(last))
        elif paths.default_workspace().is_file():
            window.open_path(paths.default_workspace())
        else:
            first_start(window)
    if probe:
        QTimer.singleShot(0, lambda: print(f"shown {time.time():.6f}", flush=True))
    QTimer.singleShot(0, window.build_areas)
    if probe:
        def ready() -> None:
            print(f"ready {time.time():.6f}", flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    return app.exec()


def first_start(window: MainWindow) -> None:
    """No workspace yet: ask for the user's Kreis and create the user's workspace for it in the data folder;
    „Demo öffnen“ opens the demo (its own file) instead. Cancel leaves the window empty."""
    from bildungsplaner.services.workspace import create_workspace
    from bildungsplaner.ui.workspace.home import HomeRegionDialog

    dialog = HomeRegionDialog(window, first_start=True)
    if dialog.exec() != HomeRegionDialog.DialogCode.Accepted:
        return
    if dialog.wants_demo:
        window.open_path(paths.demo_workspace(), build_demo=True)
        return
    try:
        path = create_workspace(paths.default_workspace(), region=dialog.region_key)
    except Exception as exc:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Arbeitsbereich anlegen"), error_text(exc))
        return
    window.open_path(path)


def smoke_window(ws: Workspace, timeout_s: float = 20.0) -> None:
    """Open the window on ``ws`` offscreen-capable, check the region tree and the first data load, close.

    Raises :class:`RuntimeError` when the tree stays empty or no values arrive. ``ws`` stays open.
    """
    app = create_application()
    window = MainWindow(ws, owns_workspace=False)
    try:
        window.show()
        app.processEvents()
        if window.regions.model.rowCount() == 0:
            raise RuntimeError("Der Gebietsbaum des Hauptfensters ist leer.")
        deadline = time.monotonic() + timeout_s
        while window.browser.model.total_rows == 0 and time.monotonic() < deadline:
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        if window.browser.model.total_rows == 0:
            raise RuntimeError("Die Datentabelle des Hauptfensters blieb leer.")
    finally:
        window.close()
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
