"""The window's team-mode entries of the Datei menu, against the throwaway test server:

* „Neuer Server-Arbeitsbereich…“ creates and opens a new workspace, and refuses a name that exists;
* „Als Datei sichern…“ writes a file with the server workspace's rows; Abbrechen or an error leaves no file;
* „Auf den Server übertragen…“ copies the open file into a NEW server workspace and refuses an existing one;
* before a server workspace is migrated the warning asks; Abbrechen leaves it at its old revision, and a schema
  newer than this program is refused without writing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from backends import Backend, pg_test_url
from PySide6.QtWidgets import QDialog
from sqlalchemy import func, select

from bildungsplaner.services.home import home_region
from bildungsplaner.services.workspace import restore_workspace
from bildungsplaner.settings import Settings
from bildungsplaner.store import database, transfer
from bildungsplaner.store.database import head_revision, open_workspace
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.workspace import transfer as transfer_ui
from bildungsplaner.ui.workspace.server import NEW, TRANSFER, ServerDialog


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("BILDUNGSPLANER_HOME", str(tmp_path / "daten"))
    win = MainWindow(None, settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.set_workspace(None)


def answer_server_dialog(monkeypatch: pytest.MonkeyPatch, backend: Backend) -> list[ServerDialog]:
    """The dialog is answered with the test server's address and the backend's workspace name, typed in."""
    shown: list[ServerDialog] = []

    def exec_(self: ServerDialog) -> int:
        shown.append(self)
        self.url_edit.setText(pg_test_url())
        self.ssl_combo.setCurrentIndex(self.ssl_combo.findData("disable"))  # the test cluster's unix socket
        self.workspace_edit.setText(backend.workspace_name)
        self.accept()
        return self.result()

    monkeypatch.setattr(ServerDialog, "exec", exec_)
    return shown


def counts(location: Path | str) -> dict[str, int]:
    with open_workspace(location, create=False) as ws, ws.engine.connect() as conn:
        return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in transfer.copied_tables()}


def schema_exists(backend: Backend) -> bool:
    return bool(backend.sql("SELECT 1 FROM pg_namespace WHERE nspname = %(s)s", s=f"bp_{backend.workspace_name}"))


def test_the_menu_entries_fit_the_open_workspace(window: MainWindow, server: Backend, demo_file: Path) -> None:
    assert not window.save_as_file_action.isEnabled() and not window.transfer_action.isEnabled()
    assert window.new_server_action.isEnabled()
    assert window.open_path(demo_file)
    assert window.transfer_action.isEnabled() and not window.save_as_file_action.isEnabled()
    server.open().close()
    assert window.open_path(str(server.location))
    assert window.save_as_file_action.isEnabled() and not window.transfer_action.isEnabled()
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert {"Neuer Server-Arbeitsbereich…", "Als Datei sichern…", "Auf den Server übertragen…"} <= set(texts)


def test_a_new_server_workspace_is_created_opened_and_a_taken_name_refused(
        window: MainWindow, server: Backend, monkeypatch: pytest.MonkeyPatch, message_boxes: Any,
        home_region_choice: Any) -> None:
    shown = answer_server_dialog(monkeypatch, server)
    window.new_server_workspace()
    assert shown[0].purpose == NEW and shown[0].windowTitle() == "Neuer Server-Arbeitsbereich"
    ws = window.workspace
    assert ws is not None and ws.is_server and ws.address.workspace == server.workspace_name
    assert ws.schema_version == head_revision() and home_region(ws) == "05978"
    assert server.workspace_name in window.windowTitle()
    assert window.settings.get("recent_servers")[0].endswith(f"workspace={server.workspace_name}")
    assert message_boxes.calls == []

    window.new_server_workspace()
    assert message_boxes.kinds() == ["warning"]
    assert "gibt es auf dem Server schon" in message_boxes.texts()[0]
    assert window.workspace is ws, "the open workspace stays open"


def test_the_name_of_a_new_workspace_is_required_and_a_recent_address_gives_only_the_server(
        qtbot: Any, message_boxes: Any) -> None:
    dialog = ServerDialog(["postgresql:///?service=bildung&sslmode=verify-full&workspace=kita"], purpose=TRANSFER)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Auf den Server übertragen" and dialog.open_button.text() == "Übertragen"
    dialog.recent.setCurrentRow(0)
    assert "workspace=" not in dialog.url_edit.text() and "service=bildung" in dialog.url_edit.text()
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.url is None
    assert "Namen für den neuen Arbeitsbereich" in message_boxes.texts()[0]
    dialog.workspace_edit.setText("schulentwicklung")
    dialog.accept()
    assert dialog.url is not None and "workspace=schulentwicklung" in dialog.url


@pytest.fixture
def demo_on_server(server: Backend, demo_file: Path) -> Backend:
    restore_workspace(demo_file, str(server.location))
    return server


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    monkeypatch.setattr(transfer_ui.QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))


def test_save_as_file_writes_a_file_with_the_server_workspaces_rows(
        window: MainWindow, demo_on_server: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: Any) -> None:
    url = str(demo_on_server.location)
    assert window.open_path(url)
    on_server = counts(url)
    folder = tmp_path / "sicherungen"
    folder.mkdir()
    answer_save_dialog(monkeypatch, folder / "kopie")  # the suffix is added
    window.save_as_file()
    written = folder / "kopie.bpws"
    assert sorted(p.name for p in folder.iterdir()) == ["kopie.bpws"]
    in_file = counts(written)
    assert in_file["observation"] > 10_000
    assert in_file == {**on_server, "audit_entry": on_server["audit_entry"]}, "the same rows as the server had"
    assert counts(url)["audit_entry"] == on_server["audit_entry"] + 1, "the backup is recorded on the server"
    assert message_boxes.kinds() == ["information"] and str(written) in message_boxes.texts()[0]
    with open_workspace(written, create=False) as ws:
        assert not ws.is_server


def test_cancel_or_an_error_while_saving_leaves_no_file(
        window: MainWindow, demo_on_server: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: Any) -> None:
    assert window.open_path(str(demo_on_server.location))
    folder = tmp_path / "sicherungen"
    folder.mkdir()
    answer_save_dialog(monkeypatch, folder / "kopie.bpws")
    reports: list[str] = []
    real_report = tasks.TaskProgress.report

    def report_then_cancel(self: tasks.TaskProgress, fraction: float, message: str = "") -> None:
        real_report(self, fraction, message)
        reports.append(message)
        if "observation" in message:  # Abbrechen in the middle of the copy
            self.cancel()

    monkeypatch.setattr(tasks.TaskProgress, "report", report_then_cancel)
    window.save_as_file()
    assert any("observation" in m for m in reports) and not reports[-1].startswith("Tabelle region_geometry")
    assert list(folder.iterdir()) == [], "no file, no temporary file"
    assert "abgebrochen" in window.statusBar().currentMessage()
    assert message_boxes.calls == []
    monkeypatch.setattr(tasks.TaskProgress, "report", real_report)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("Datenträger voll (Test)")

    monkeypatch.setattr(transfer, "insert_rows", broken)
    window.save_as_file()
    assert list(folder.iterdir()) == []
    assert message_boxes.kinds() == ["critical"] and "Datenträger voll" in message_boxes.texts()[0]


def test_transfer_to_the_server_copies_the_file_and_opens_it(
        window: MainWindow, server: Backend, demo_file: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: Any) -> None:
    in_file = counts(demo_file)
    assert window.open_path(demo_file)
    shown = answer_server_dialog(monkeypatch, server)
    window.transfer_to_server()
    assert shown[0].purpose == TRANSFER
    assert message_boxes.kinds() == ["question"] and "jetzt öffnen" in message_boxes.texts()[0]
    ws = window.workspace
    assert ws is not None and ws.is_server and ws.address.workspace == server.workspace_name
    on_server = counts(str(server.location))
    assert on_server == {**in_file, "audit_entry": in_file["audit_entry"] + 1}, "every row, and the restore noted"
    assert counts(demo_file) == in_file, "the file is unchanged"


def test_transfer_refuses_an_existing_server_workspace_and_leaves_it_alone(
        window: MainWindow, server: Backend, demo_file: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: Any) -> None:
    server.open().close()
    before = counts(str(server.location))
    assert window.open_path(demo_file)
    answer_server_dialog(monkeypatch, server)
    window.transfer_to_server()
    assert message_boxes.kinds() == ["warning"]
    assert "gibt es auf dem Server schon" in message_boxes.texts()[0]
    assert counts(str(server.location)) == before
    assert window.workspace is not None and not window.workspace.is_server


def newer_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """This program now knows one more migration (0099, a new table) than the server workspace has."""
    scripts = tmp_path / "migrations"
    shutil.copytree(database.migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = {head_revision()!r}\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n    op.create_table('neu_in_0099', sa.Column('id', sa.Integer, primary_key=True))\n",
        encoding="utf-8")
    monkeypatch.setattr(database, "migrations_dir", lambda: scripts)


def stored_revision(backend: Backend) -> str:
    return backend.sql(f"SELECT version_num FROM bp_{backend.workspace_name}.alembic_version")[0][0]


@pytest.mark.parametrize("agree", [False, True])
def test_the_migration_warning_asks_first(window: MainWindow, server: Backend, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch, agree: bool) -> None:
    server.open().close()
    old = head_revision()
    newer_program(tmp_path, monkeypatch)
    asked: list[transfer_ui.MigrationDialog] = []
    monkeypatch.setattr(transfer_ui.MigrationDialog, "ask", lambda self: asked.append(self) or agree)
    assert window.open_path(str(server.location)) is agree
    assert len(asked) == 1
    assert "älteren Programmversionen diesen Arbeitsbereich nicht mehr öffnen" in asked[0].informativeText()
    assert [b.text() for b in asked[0].buttons()] == ["Aktualisieren", "Abbrechen"]
    assert asked[0].defaultButton() is asked[0].cancel_button
    if agree:
        assert stored_revision(server) == "0099" and window.workspace is not None
    else:
        assert stored_revision(server) == old, "Abbrechen: the old revision, nothing written"
        assert window.workspace is None, "and not opened"
        assert "nichts geändert" in window.statusBar().currentMessage()


def test_a_newer_server_schema_is_refused_and_left_alone(window: MainWindow, server: Backend, message_boxes: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    server.open().close()
    schema = f"bp_{server.workspace_name}"
    server.sql(f"UPDATE {schema}.alembic_version SET version_num = 'ffff_zukunft'")
    audit = server.sql(f"SELECT count(*) FROM {schema}.audit_entry")
    monkeypatch.setattr(transfer_ui.MigrationDialog, "ask", lambda self: pytest.fail("asked"))
    assert not window.open_path(str(server.location))
    assert message_boxes.kinds() == ["warning"]
    assert "neueren Version von Bildungsplaner" in message_boxes.texts()[0]
    assert "aktuelle Version" in message_boxes.texts()[0]
    assert stored_revision(server) == "ffff_zukunft"
    assert server.sql(f"SELECT count(*) FROM {schema}.audit_entry") == audit


def test_the_new_dialogs_work_by_keyboard_and_name_their_parts(qtbot: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from bildungsplaner.ui.common.accessibility import problems_everywhere

    dialog = ServerDialog(["postgresql:///?service=bildung&workspace=kita"], purpose=NEW)
    migration = transfer_ui.MigrationDialog("kita", "0014", "0099")
    for shown in (dialog, migration):
        qtbot.addWidget(shown)
        shown.show()
        QApplication.processEvents()
        assert problems_everywhere(shown) == []
    # Down takes the known server; Enter in the list does not create yet (the name is missing), typing it does
    qtbot.keyClick(dialog.recent, Qt.Key.Key_Down)
    assert dialog.url_edit.text() == "postgresql:///?service=bildung"
    qtbot.keyClicks(dialog.workspace_edit, "jugend")
    qtbot.keyClick(dialog.workspace_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and "workspace=jugend" in (dialog.url or "")
    assert migration.defaultButton() is migration.cancel_button and migration.escapeButton() is migration.cancel_button


def test_cancel_on_the_worker_thread_leaves_no_file(
        qtbot: Any, demo_on_server: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        message_boxes: Any) -> None:
    """As in the program: the copy runs on the worker thread while the window waits; Abbrechen arrives there."""
    monkeypatch.setenv("BILDUNGSPLANER_HOME", str(tmp_path / "daten"))
    win = MainWindow(None, settings=Settings(tmp_path / "settings.json"))
    qtbot.addWidget(win)
    win.runner = tasks.TaskRunner(win, executor=tasks.ThreadExecutor())
    try:
        assert win.open_path(str(demo_on_server.location))
        folder = tmp_path / "sicherungen"
        folder.mkdir()
        answer_save_dialog(monkeypatch, folder / "kopie.bpws")
        real_report = tasks.TaskProgress.report

        def report_then_cancel(self: tasks.TaskProgress, fraction: float, message: str = "") -> None:
            real_report(self, fraction, message)
            if "observation" in message:
                self.cancel()

        monkeypatch.setattr(tasks.TaskProgress, "report", report_then_cancel)
        win.save_as_file()
        assert list(folder.iterdir()) == []
        assert "abgebrochen" in win.statusBar().currentMessage() and message_boxes.calls == []
    finally:
        win.set_workspace(None)
