"""Moving a workspace between a file and the Kreis's server, and the warning before a server migration.

* Datei › „Als Datei sichern…“ (a server workspace): a new workspace file holding one consistent moment of the
  server workspace (``services.workspace.backup_workspace``), written on the worker with progress and Abbrechen;
  it is built beside the chosen name and moved into place only when complete, so Abbrechen or an error leaves
  no file behind.
* Datei › „Auf den Server übertragen…“ (a file workspace): the server address and a NEW workspace name
  (:class:`~bildungsplaner.ui.workspace.server.ServerDialog` with ``purpose=TRANSFER``), the copy on the worker
  (``services.workspace.restore_workspace`` into a new schema; an existing one is refused, a failed or cancelled
  copy removes the new schema again), then the offer to open it.
* :class:`MigrationDialog`: before this program version migrates a server workspace, the warning that
  colleagues with older versions cannot open it afterwards („Aktualisieren“ / „Abbrechen“).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from bildungsplaner import WORKSPACE_SUFFIX
from bildungsplaner.progress import Cancelled
from bildungsplaner.services import team
from bildungsplaner.store.postgres import parse_address


class MainWindow(Protocol):
    """What these functions use of the main window (a room never imports the window: import-linter)."""

    workspace: Any
    runner: Any
    browser: Any
    settings: Any

    def statusBar(self) -> Any: ...  # Qt's name

    def _start_dir(self) -> str: ...

    def _remember_dir(self, path: Path) -> None: ...

    def _maybe_save(self) -> bool: ...

    def open_path(self, path: Path | str) -> bool: ...


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


class MigrationDialog(QMessageBox):
    """„Arbeitsbereich aktualisieren?“ — ``ask()`` is True only for „Aktualisieren“ (Abbrechen is the default:
    Enter or Esc change nothing)."""

    def __init__(self, name: str, revision: str, head: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(tr("Arbeitsbereich aktualisieren?"))
        # a readable line length, not a narrow column (the object names of QMessageBox's two text labels)
        self.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel { min-width: 440px; }")
        self.setText(tr("Der Arbeitsbereich „{name}“ auf dem Server muss für diese Programmversion aktualisiert "
                        "werden (Schemastand {revision} → {head}).").format(name=name, revision=revision, head=head))
        self.setInformativeText(tr(
            "Nach der Aktualisierung können Kolleginnen und Kollegen mit älteren Programmversionen diesen "
            "Arbeitsbereich nicht mehr öffnen, bis sie Bildungsplaner aktualisiert haben. Sprechen Sie sich "
            "am besten vorher im Team ab.\n\nAbbrechen: Es wird nichts geändert und der Arbeitsbereich nicht "
            "geöffnet."))
        self.update_button = self.addButton(tr("Aktualisieren"), QMessageBox.ButtonRole.AcceptRole)
        self.cancel_button = self.addButton(tr("Abbrechen"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)

    def ask(self) -> bool:
        self.exec()
        return self.clickedButton() is self.update_button


def _with_password(window: MainWindow, url: str, run: Callable[[str], Any]) -> tuple[Any, str] | None:
    """``run(address)``, asking for the password while the server wants one; None when the user gave up.
    Returns the result and the address used (with the password, if one was typed: never stored or shown)."""
    from bildungsplaner.ui.workspace.server import PasswordDialog

    password = ""
    while True:
        used = team.build_url(url=url, workspace="", sslmode="", password=password) if password else url
        try:
            return run(used), used
        except Cancelled:
            raise
        except Exception as exc:
            if not team.needs_password(exc):
                raise
            prompt = PasswordDialog(parse_address(url).display(), window, failed=bool(password))
            if prompt.exec() != PasswordDialog.DialogCode.Accepted or not prompt.password:
                return None
            password = prompt.password


def save_as_file(window: MainWindow) -> Path | None:
    """Datei › „Als Datei sichern…“ of the open server workspace; returns the file written (None: nothing)."""
    from bildungsplaner.services.workspace import backup_workspace

    ws = window.workspace
    if ws is None or ws.address is None:
        return None
    stamp = datetime.now().strftime("%Y-%m-%d_%H-%M")
    suggestion = Path(window._start_dir()) / f"{ws.address.workspace}_{stamp}{WORKSPACE_SUFFIX}"
    name, _ = QFileDialog.getSaveFileName(
        window, tr("Als Datei sichern"), str(suggestion),
        tr("Bildungsplaner-Arbeitsbereich (*{suffix});;Alle Dateien (*)").format(suffix=WORKSPACE_SUFFIX))
    if not name:
        return None
    target = Path(name)
    if not target.suffix:
        target = target.with_name(target.name + WORKSPACE_SUFFIX)
    window._remember_dir(target)
    window.browser.cancel()
    try:
        written: Path = window.runner.run_blocking(
            lambda progress: backup_workspace(ws, target, progress=progress), title=tr("Als Datei sichern"),
            label=tr("{name} wird als Datei gesichert …").format(name=ws.address.workspace))
    except Cancelled:
        window.statusBar().showMessage(tr("Sichern abgebrochen; es wurde keine Datei geschrieben."), 10000)
        return None
    message = tr("Der Arbeitsbereich {name} ist als Datei gesichert: {path}\n\nDie Datei lässt sich mit "
                 "„Öffnen…“ öffnen, ohne Server.").format(name=ws.address.workspace, path=written)
    window.statusBar().showMessage(tr("Als Datei gesichert: {path}").format(path=written), 10000)
    QMessageBox.information(window, tr("Als Datei sichern"), message)
    return written


def transfer_to_server(window: MainWindow) -> str | None:
    """Datei › „Auf den Server übertragen…“ of the open file workspace into a NEW server workspace; returns its
    address (without password) when copied, None when nothing was done."""
    from bildungsplaner.services.workspace import restore_workspace
    from bildungsplaner.ui.workspace.server import TRANSFER, ServerDialog

    ws = window.workspace
    if ws is None or ws.is_server or not window._maybe_save():
        return None
    dialog = ServerDialog(window.settings.get("recent_servers"), window, purpose=TRANSFER)
    if dialog.exec() != ServerDialog.DialogCode.Accepted or not dialog.url:
        return None
    url = dialog.url
    shown = parse_address(url).display()
    source = ws.path
    window.browser.cancel()

    def run(address: str) -> None:
        window.runner.run_blocking(
            lambda progress: restore_workspace(source, address, progress), title=tr("Auf den Server übertragen"),
            label=tr("{name} wird auf den Server übertragen …").format(name=source.name))

    try:
        done = _with_password(window, url, run)
    except Cancelled:
        window.statusBar().showMessage(tr("Übertragen abgebrochen; auf dem Server wurde nichts angelegt."), 10000)
        return None
    if done is None:
        return None
    _, used = done
    with contextlib.suppress(OSError):
        window.settings.add_recent_server(shown)
    window.statusBar().showMessage(tr("Übertragen: {name}").format(name=shown), 10000)
    answer = QMessageBox.question(
        window, tr("Auf den Server übertragen"),
        tr("{file} ist jetzt als Arbeitsbereich {name} auf dem Server; die Datei ist unverändert. Ab jetzt "
           "sollte das Team mit dem Arbeitsbereich auf dem Server arbeiten, nicht mehr mit der Datei.\n\n"
           "Den Arbeitsbereich auf dem Server jetzt öffnen?").format(file=source.name, name=shown),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    if answer == QMessageBox.StandardButton.Yes:
        window.open_path(used)
    return shown


__all__ = ["MigrationDialog", "save_as_file", "transfer_to_server"]
