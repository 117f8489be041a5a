"""„Server-Arbeitsbereich öffnen…“: the address dialog, the password prompt, the recent list and the password file.

Opening runs against the throwaway test server (``scripts/pg_test_cluster.sh``); its login needs no password, so
the server's request for one is imitated with libpq's own message at the first attempt.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from backends import Backend
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from bildungsplaner.services import team
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import WorkspaceError
from bildungsplaner.store.postgres import parse_address
from bildungsplaner.ui import main_window as main_window_module
from bildungsplaner.ui.common.accessibility import problems_everywhere
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.workspace import server as server_module
from bildungsplaner.ui.workspace.server import PasswordDialog, ServerDialog

SECRET = "Geheim:42"


@pytest.fixture
def server(server: Backend) -> Backend:
    server.open().close()  # the workspace exists on the server
    return server


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(workspace, settings=Settings(), owns_workspace=False)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary home folder: the password file goes there, never into the real one."""
    folder = tmp_path / "benutzer"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("APPDATA", str(folder / "AppData"))
    monkeypatch.delenv("PGPASSFILE", raising=False)
    return folder


def test_the_fields_make_an_address_with_verify_full_by_default(qtbot: Any) -> None:
    dialog = ServerDialog([])
    qtbot.addWidget(dialog)
    assert dialog.ssl_combo.currentData() == "verify-full"
    qtbot.keyClicks(dialog.host_edit, "pg.kreis.local")
    qtbot.keyClicks(dialog.database_edit, "bildung")
    qtbot.keyClicks(dialog.user_edit, "anna")
    qtbot.keyClicks(dialog.workspace_edit, "schulentwicklung")
    qtbot.keyClicks(dialog.ca_edit, "C:/Kreis/kreis-ca.pem")
    address = parse_address(dialog.address())
    assert dict(address.params) == {"host": "pg.kreis.local", "dbname": "bildung", "user": "anna",
                                    "sslmode": "verify-full", "sslrootcert": "C:/Kreis/kreis-ca.pem"}
    assert address.workspace == "schulentwicklung"


def test_a_service_name_replaces_server_and_database(qtbot: Any) -> None:
    dialog = ServerDialog([])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.host_edit, "vergessen.local")
    qtbot.keyClicks(dialog.service_edit, "bildung")
    assert not dialog.host_edit.isEnabled() and not dialog.database_edit.isEnabled()
    qtbot.keyClicks(dialog.workspace_edit, "jugendhilfe")
    params = dict(parse_address(dialog.address()).params)
    assert params == {"service": "bildung", "sslmode": "verify-full"}


def test_a_full_address_keeps_its_own_tls_settings(qtbot: Any) -> None:
    dialog = ServerDialog([])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.url_edit, "postgresql://anna@pg.kreis.local/bildung?workspace=kita&sslmode=require")
    assert not dialog.user_edit.isEnabled()
    params = dict(parse_address(dialog.address()).params)
    assert params["sslmode"] == "require" and "sslrootcert" not in params


def test_a_wrong_workspace_name_is_refused_with_a_message_and_the_dialog_stays(qtbot: Any,
                                                                               message_boxes: Any) -> None:
    dialog = ServerDialog([])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.service_edit, "bildung")
    qtbot.keyClicks(dialog.workspace_edit, "Schulentwicklung!")
    qtbot.keyClick(dialog.workspace_edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.url is None
    assert "ungültig" in message_boxes.texts("warning")[0]


def test_every_field_has_a_name_and_the_dialog_works_by_keyboard(qtbot: Any) -> None:
    recent = ["postgresql:///?service=bildung&workspace=kita"]
    dialog = ServerDialog(recent)
    qtbot.addWidget(dialog)
    prompt = PasswordDialog("postgresql:///?service=bildung&workspace=kita")
    qtbot.addWidget(prompt)
    for shown in (dialog, prompt):
        shown.show()
        QApplication.processEvents()
        assert problems_everywhere(shown) == []
    # the recent list has the focus: Down chooses the address, Enter opens it
    assert dialog.focusWidget() is dialog.recent
    qtbot.keyClick(dialog.recent, Qt.Key.Key_Down)
    assert dialog.url_edit.text() == recent[0]
    qtbot.keyClick(dialog.recent, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert parse_address(dialog.url or "").workspace == "kita"


def test_the_window_opens_a_server_workspace_and_remembers_it_without_password(
        window: MainWindow, server: Backend, home: Path, message_boxes: Any) -> None:
    url = f"{server.location}".replace("postgresql://bp_test@", f"postgresql://bp_test:{SECRET}@")
    assert window.open_path(url)
    ws = window.workspace
    assert ws is not None and ws.is_server and ws.address.workspace == server.workspace_name
    assert server.workspace_name in window.windowTitle()
    assert SECRET not in window.path_label.text()
    assert window.settings.get("recent_servers") == [parse_address(url).display()]
    assert SECRET not in window.settings.path.read_text(encoding="utf-8")
    assert window.settings.get("last_workspace") == "", "a server workspace is not opened at start"
    assert not (home / ".pgpass").exists()
    from bildungsplaner import paths

    assert window._start_dir() == str(paths.data_dir()), "file dialogs start in the data folder, not in „bp_…“"
    assert window._selection_key() == ws.location, "the remembered regions belong to the server address"
    ws.close()


def imitate_password_request(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The first attempt fails as libpq fails without a password; every attempt's address is recorded."""
    import psycopg

    real = main_window_module.open_workspace
    attempts: list[str] = []

    def open_workspace(location: Any, **kwargs: Any) -> Any:
        attempts.append(str(location))
        if "password" not in parse_address(str(location)).conninfo_params():
            try:
                raise psycopg.OperationalError("connection failed: fe_sendauth: no password supplied")
            except psycopg.OperationalError as exc:
                raise WorkspaceError("Der Arbeitsbereich ist nicht erreichbar: fe_sendauth: no password "
                                     "supplied") from exc
        return real(location, **kwargs)

    monkeypatch.setattr(main_window_module, "open_workspace", open_workspace)
    return attempts


def answer_password(monkeypatch: pytest.MonkeyPatch, *, store: bool) -> list[PasswordDialog]:
    asked: list[PasswordDialog] = []

    def exec_(self: PasswordDialog) -> int:
        asked.append(self)
        self.password_edit.setText(SECRET)
        self.store_box.setChecked(store)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(server_module.PasswordDialog, "exec", exec_)
    return asked


def test_the_password_prompt_and_the_password_file_after_asking(
        window: MainWindow, server: Backend, home: Path, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts = imitate_password_request(monkeypatch)
    asked = answer_password(monkeypatch, store=True)
    assert window.open_path(str(server.location))
    assert len(asked) == 1 and len(attempts) == 2
    assert window.workspace is not None and window.workspace.is_server
    assert message_boxes.kinds() == ["question"], "asked before the password file is written"
    pgpass = home / ".pgpass"
    assert team.pgpass_path() == pgpass
    assert stat.S_IMODE(os.stat(pgpass).st_mode) == 0o600
    _host, port, database, user = team.connection_target(window.workspace)
    assert pgpass.read_text(encoding="utf-8") == f"localhost:{port}:{database}:{user}:Geheim\\:42\n"
    assert SECRET not in window.settings.path.read_text(encoding="utf-8")
    assert SECRET not in window.path_label.text()
    window.workspace.close()


def test_no_password_file_when_the_user_says_no(window: MainWindow, server: Backend, home: Path, message_boxes: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    imitate_password_request(monkeypatch)
    answer_password(monkeypatch, store=True)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert window.open_path(str(server.location))
    assert not (home / ".pgpass").exists()
    window.workspace.close()


def test_without_the_box_ticked_nothing_is_asked_or_written(window: MainWindow, server: Backend, home: Path,
                                                             message_boxes: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    imitate_password_request(monkeypatch)
    answer_password(monkeypatch, store=False)
    assert window.open_path(str(server.location))
    assert message_boxes.calls == [] and not (home / ".pgpass").exists()
    window.workspace.close()


def test_an_earlier_entry_is_replaced_and_others_kept(home: Path) -> None:
    pgpass = home / ".pgpass"
    pgpass.write_text("pg.kreis.local:5432:bildung:bernd:alt\npg.kreis.local:5432:bildung:anna:alt\n")
    pgpass.chmod(0o644)
    team.store_password(("pg.kreis.local", "5432", "bildung", "anna"), "neu")
    assert pgpass.read_text().splitlines() == ["pg.kreis.local:5432:bildung:bernd:alt",
                                               "pg.kreis.local:5432:bildung:anna:neu"]
    assert stat.S_IMODE(os.stat(pgpass).st_mode) == 0o600


def test_the_menu_entry_opens_the_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[ServerDialog] = []
    monkeypatch.setattr(ServerDialog, "exec", lambda self: shown.append(self) or QDialog.DialogCode.Rejected)
    window.settings.set("recent_servers", ["postgresql:///?service=bildung&workspace=kita"])
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Server-Arbeitsbereich öffnen…" in texts
    window.server_action.trigger()
    assert len(shown) == 1 and shown[0].recent.count() == 1


# --- who else has it open, and changes by colleagues ----------------------------------------------------------

def colleague(backend: Backend, name: str) -> Any:
    """A second real client of the workspace, named as the program on anna's PC names its connections."""
    import psycopg

    params = parse_address(str(backend.location)).conninfo_params()
    params["application_name"] = f"Bildungsplaner 9.9 {name} {backend.workspace_name}"
    conn = psycopg.connect(**params, autocommit=True)
    conn.execute(f'SET search_path TO "bp_{backend.workspace_name}"')
    return conn


def test_the_status_bar_names_who_else_has_the_server_workspace_open(window: MainWindow, server: Backend,
                                                                     qtbot: Any) -> None:
    assert not window.colleagues.timer.isActive(), "a file: nobody to ask"
    assert window.open_path(str(server.location))
    assert window.colleagues.timer.isActive() and window.colleagues.timer.interval() == 15_000
    assert not window.colleagues_label.isVisible()
    anna = colleague(server, "anna@PC-0815")
    try:
        window.colleagues.poll()
        assert window.colleagues_label.isVisible()
        assert window.colleagues_label.text() == "Auch geöffnet von: anna@PC-0815"
        assert window.colleagues_label.accessibleName()
    finally:
        anna.close()
    window.colleagues.poll()
    assert not window.colleagues_label.isVisible()
    window.workspace.close()


def test_the_window_refreshes_when_a_colleague_changes_the_server_workspace(window: MainWindow, server: Backend,
                                                                            qtbot: Any) -> None:
    assert window.open_path(str(server.location))
    assert window.watcher.timer.isActive() and window.watcher.timer.interval() == 5000
    assert not window.watcher.poll(), "nothing changed yet"
    anna = colleague(server, "anna@PC-0815")
    try:
        anna.execute("""INSERT INTO region (key, name, level) VALUES ('05958', 'Hochsauerlandkreis', 'kreis')""")
        anna.execute("""INSERT INTO audit_entry (at, "user", action, details) VALUES (now(), 'anna', 'import', '{}')""")
        with qtbot.waitSignal(window.events.data_changed, timeout=8000):
            pass  # the watcher's own 5-second timer notices it
        assert "von außen geändert" in window.statusBar().currentMessage()
        assert "05958" in [r.key for r in window.browser.region_index.rows], "the new region is shown"
        assert not window.watcher.poll(), "taken in once"
    finally:
        anna.close()
    window.workspace.close()


def test_the_real_server_asks_for_a_password_over_tcp_and_the_stored_one_is_used_next_time(
        window: MainWindow, server: Backend, home: Path, message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test cluster wants the password `bp_test` over TCP (scram-sha-256): a wrong one is asked again,
    the right one opens, and the password file written after asking lets the next opening go without prompt."""
    tcp = re.sub(r"host=[^&]*", "host=127.0.0.1", str(server.location))
    answers = iter(["falsch", "bp_test"])
    asked: list[bool] = []

    def exec_(self: PasswordDialog) -> int:
        asked.append("nicht angenommen" in self.findChild(QLabel).text())
        self.password_edit.setText(next(answers))
        self.store_box.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(server_module.PasswordDialog, "exec", exec_)
    assert window.open_path(tcp)
    assert asked == [False, True], "asked, and asked again after the wrong password"
    port = dict(parse_address(tcp).params)["port"]
    assert (home / ".pgpass").read_text(encoding="utf-8") == f"127.0.0.1:{port}:bildung_test:bp_test:bp_test\n"
    assert "bp_test:bp_test" not in window.settings.path.read_text(encoding="utf-8")
    window.workspace.close()
    window.set_workspace(None)
    asked.clear()
    assert window.open_path(tcp) and asked == [], "libpq took the password from the file"
    window.workspace.close()
