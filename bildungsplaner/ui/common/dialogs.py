"""Message boxes: errors without tracebacks, the "Über" box, and a guard for action slots.

Only the static ``QMessageBox`` functions are used, so tests can replace them with non-blocking fakes.
"""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from bildungsplaner import APP_NAME, BildungsplanerError, __version__, paths
from bildungsplaner.progress import Cancelled

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])


def error_text(exc: BaseException) -> str:
    """The message shown for ``exc``: its own text for user errors, "Interner Fehler: …" otherwise."""
    if isinstance(exc, BildungsplanerError):
        return str(exc)
    return QCoreApplication.translate("Dialogs", "Interner Fehler: {error}").format(
        error=f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Show ``exc`` in a message box; unexpected errors are logged with their traceback first."""
    if isinstance(exc, Cancelled):
        return
    title = title or QCoreApplication.translate("Dialogs", "Fehler")
    if isinstance(exc, BildungsplanerError):
        QMessageBox.warning(parent, title, str(exc))
        return
    log.error("internal error", exc_info=(type(exc), exc, exc.__traceback__))
    details = QCoreApplication.translate(
        "Dialogs", "Die Einzelheiten stehen im Protokoll im Ordner {folder}.").format(folder=_log_folder())
    QMessageBox.critical(parent, title, f"{error_text(exc)}\n\n{details}")


def _log_folder() -> str:
    try:
        return str(paths.log_dir())
    except OSError:
        return "?"


def guarded(parent_of: Callable[[Any], QWidget | None] = lambda self: self) -> Callable[[F], F]:
    """Decorator for action slots of a widget: any exception becomes a message box, never a traceback."""

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return fn(self, *args, **kwargs)
            except Exception as exc:
                show_error(parent_of(self), exc)
                return None

        return wrapper  # type: ignore[return-value]

    return decorate


def about_html(workspace: Path | None) -> str:
    data_folder = html.escape(str(paths.data_dir()))
    ws_text = html.escape(str(workspace)) if workspace else QCoreApplication.translate(
        "Dialogs", "kein Arbeitsbereich geöffnet")
    return "".join([
        f"<h3>{APP_NAME} {__version__}</h3>",
        "<p>", QCoreApplication.translate(
            "Dialogs", "Planung für das kommunale Bildungsmanagement: Statistiken zusammenführen, "
                       "Bedarfe erkennen, Ressourcen begründet verteilen."), "</p>",
        "<p><b>", QCoreApplication.translate("Dialogs", "Version:"), f"</b> {__version__}<br>",
        "<b>", QCoreApplication.translate("Dialogs", "Datenordner:"), f"</b> {data_folder}<br>",
        "<b>", QCoreApplication.translate("Dialogs", "Arbeitsbereich:"), f"</b> {ws_text}</p>",
        "<p>", QCoreApplication.translate(
            "Dialogs", "Die Oberfläche verwendet Qt {qt} über PySide6 (Qt for Python) unter der GNU Lesser "
                       "General Public License (LGPL) Version 3 sowie pyqtgraph (MIT-Lizenz). Die Qt-"
                       "Bibliotheken liegen als eigene Dateien bei und können ausgetauscht werden.").format(
            qt=qVersion()), "</p>",
    ])


def show_about(parent: QWidget | None, workspace: Path | None) -> None:
    QMessageBox.about(parent, QCoreApplication.translate("Dialogs", "Über {app}").format(app=APP_NAME),
                      about_html(workspace))
