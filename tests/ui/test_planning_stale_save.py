"""A stale scenario save in the real window (offscreen): a colleague's program (a second workspace opened on the
same file) saves the scenario the editor has open; the editor's save is refused with the colleague's name, and
the dialog's three choices do what they say: „Neu laden“, „Als Kopie speichern“, „Abbrechen“."""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from bildungsplaner import drafts
from bildungsplaner.services import scenarios
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.planning.editor import PlanningEditor

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"


@pytest.fixture
def who(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """The OS user that saves (on a file the audit log and ``changed_by`` name the OS user)."""
    user = {"name": "ben"}
    monkeypatch.setattr(getpass, "getuser", lambda: user["name"])
    return user


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any, who: dict[str, str]) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    win.areas.setCurrentWidget(win.planning)
    return win


@pytest.fixture
def editor(window: MainWindow) -> PlanningEditor:
    assert window.planning.open_scenario(ALLOCATION)
    return window.planning


@pytest.fixture
def colleague(demo_file: Any) -> Iterator[Any]:
    """Anna's program: its own connection to the same workspace file."""
    ws = open_workspace(demo_file, create=False)
    yield ws
    ws.close()


def anna_saves(colleague: Any, who: dict[str, str], total: float) -> scenarios.SavedScenario:
    """Anna loads the scenario, changes the total and saves it (as her editor would: over what she loaded)."""
    loaded = scenarios.get_scenario(colleague, ALLOCATION)
    spec = type(loaded.spec).from_dict({**loaded.spec.to_dict(),
                                        "amount": {**loaded.spec.to_dict()["amount"], "total": total}})
    who["name"] = "anna"
    try:
        return scenarios.save_scenario(colleague, spec, expected=loaded.expected)
    finally:
        who["name"] = "ben"


@pytest.fixture
def stale_dialog(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The stale-save dialog, answered with ``choice["button"]`` (its text); records what it showed."""
    seen: dict[str, Any] = {"button": "Abbrechen", "texts": [], "buttons": []}

    def exec_(box: QMessageBox) -> int:
        seen["texts"].append(box.text())
        seen["buttons"].append(sorted(b.text() for b in box.buttons()))
        next(b for b in box.buttons() if b.text() == seen["button"]).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return seen


def stored_total(ws: Any, name: str = ALLOCATION) -> float:
    return scenarios.get_scenario(ws, name).spec.amount.total


def test_cancel_keeps_editing_and_the_draft(window: MainWindow, editor: PlanningEditor, colleague: Any,
                                             who: dict[str, str], stale_dialog: dict[str, Any]) -> None:
    assert editor.loaded is not None and editor.loaded.version == 1
    editor.allocation.total.setValue(26.0)
    anna_saves(colleague, who, 30.0)
    assert editor.save() is False
    [text] = stale_dialog["texts"]
    assert text.startswith(f"Das Szenario „{ALLOCATION}“ wurde inzwischen von anna gespeichert (heute ")
    assert text.endswith("Neu laden oder als Kopie speichern.")
    assert stale_dialog["buttons"] == [["Abbrechen", "Als Kopie speichern", "Neu laden"]]
    # nothing lost on either side: Anna's version stored, Ben's edits open, unsaved, and in the draft
    assert stored_total(colleague) == 30.0
    assert editor.is_dirty() and editor.spec.amount.total == 26.0
    assert "inzwischen von anna gespeichert" in editor.title.text()
    editor.write_draft()
    draft = drafts.read_draft(drafts.location_of(editor.workspace))
    assert draft is not None and "total = 26.0" in draft.text and draft.stored_version == 1
    # and the window's refresh on Anna's change does not overwrite the edits
    window.watcher.poll()
    assert editor.is_dirty() and editor.spec.amount.total == 26.0


def test_reload_takes_the_colleagues_version_after_confirming(
        editor: PlanningEditor, colleague: Any, who: dict[str, str], stale_dialog: dict[str, Any],
        message_boxes: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    editor.allocation.total.setValue(26.0)
    anna_saves(colleague, who, 30.0)
    stale_dialog["button"] = "Neu laden"
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert editor.save() is False
    assert editor.is_dirty() and editor.spec.amount.total == 26.0  # „Nein“ to discarding: the edits stay

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text, *a, **k: (asked.append(text), QMessageBox.StandardButton.Yes)[1]))
    editor.write_draft()
    assert editor.save() is False
    assert asked and "verwerfen" in asked[0] and "anna" in asked[0]
    assert not editor.is_dirty() and editor.spec.amount.total == 30.0 and editor.loaded.version == 2
    assert drafts.read_draft(drafts.location_of(editor.workspace)) is None
    # after reloading, Ben saves over Anna's version, and again over his own: the editor took the new version
    editor.allocation.total.setValue(27.0)
    assert editor.save() and editor.loaded.version == 3
    editor.allocation.total.setValue(28.0)
    assert editor.save() and editor.loaded.version == 4
    saved = scenarios.get_scenario(colleague, ALLOCATION)
    assert (saved.spec.amount.total, saved.changed_by) == (28.0, "ben")


def test_save_as_copy_keeps_both(editor: PlanningEditor, colleague: Any, who: dict[str, str],
                                 stale_dialog: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    editor.allocation.total.setValue(26.0)
    anna_saves(colleague, who, 30.0)
    stale_dialog["button"] = "Als Kopie speichern"
    offered: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda parent, title, label, mode, text, *a, **k: (offered.append(text), ("Bens Variante", True))[1]))
    assert editor.save() is True
    assert offered == [f"{ALLOCATION} (Kopie)"]
    assert stored_total(colleague) == 30.0  # Anna's untouched
    assert stored_total(colleague, "Bens Variante") == 26.0
    assert editor.spec.name == "Bens Variante" and not editor.is_dirty()
    assert editor.current_name == "Bens Variante" and editor.loaded.version == 1
    assert editor.selected_name() == "Bens Variante"


def test_a_scenario_deleted_meanwhile_offers_no_reload(editor: PlanningEditor, colleague: Any,
                                                       stale_dialog: dict[str, Any]) -> None:
    editor.allocation.total.setValue(26.0)
    scenarios.delete_scenario(colleague, ALLOCATION, expected=scenarios.get_scenario(colleague, ALLOCATION).expected)
    assert editor.save() is False
    assert "gelöscht" in stale_dialog["texts"][0]
    assert stale_dialog["buttons"] == [["Abbrechen", "Als Kopie speichern"]]
    assert editor.is_dirty() and editor.spec.amount.total == 26.0


def test_an_unedited_open_scenario_follows_the_colleague_silently(
        window: MainWindow, editor: PlanningEditor, colleague: Any, who: dict[str, str],
        stale_dialog: dict[str, Any]) -> None:
    anna_saves(colleague, who, 30.0)
    assert window.watcher.poll() is True
    assert editor.spec.amount.total == 30.0 and editor.loaded.version == 2 and not editor.is_dirty()
    assert stale_dialog["texts"] == []
    editor.allocation.total.setValue(31.0)
    assert editor.save() and stored_total(colleague) == 31.0  # over Anna's version, not refused


def test_a_restored_draft_does_not_overwrite_what_a_colleague_saved_since(
        qtbot: Any, demo_workspace: Any, colleague: Any, who: dict[str, str], stale_dialog: dict[str, Any]) -> None:
    """Ben's program crashed with unsaved edits of version 1; Anna saved version 2 meanwhile. The restored draft
    still expects version 1: saving it is refused, nothing of Anna's is lost."""
    loaded = scenarios.get_scenario(demo_workspace, ALLOCATION)
    text = loaded.text.replace("total = 24.0", "total = 33.0")
    drafts.write_draft(drafts.location_of(demo_workspace), ALLOCATION, text, stored_id=loaded.id,
                       stored_version=loaded.version)
    anna_saves(colleague, who, 30.0)
    win = MainWindow(demo_workspace, settings=Settings())  # (the draft question is answered Ja)
    qtbot.addWidget(win)
    win.show()
    editor = win.planning
    qtbot.waitUntil(lambda: editor.spec is not None, timeout=3000)
    assert editor.spec.amount.total == 33.0 and editor.is_dirty() and editor.loaded == loaded.expected
    assert editor.save() is False
    assert "von anna gespeichert" in stale_dialog["texts"][0]
    assert stored_total(colleague) == 30.0 and editor.spec.amount.total == 33.0


def test_deleting_from_a_stale_list_is_refused(editor: PlanningEditor, colleague: Any, who: dict[str, str],
                                               message_boxes: Any) -> None:
    """The list still shows version 1 (not refreshed yet) when Ben deletes; Anna has saved version 2: her
    version is not deleted unseen."""
    anna_saves(colleague, who, 30.0)
    editor.delete()
    assert any("von anna gespeichert" in t for t in message_boxes.texts("warning"))
    assert stored_total(colleague) == 30.0
    assert [r.version for r in editor.model.rows if r.name == ALLOCATION] == [2]  # the list is read again


def test_a_stale_save_on_a_server_workspace(qtbot: Any, tmp_path: Any, stale_dialog: dict[str, Any]) -> None:
    """The same on the team's PostgreSQL server: two connections to one workspace schema; the message names
    the colleague's login (``session_user``) and the draft stays in the user's data folder."""
    from backends import Backend

    from bildungsplaner.services.workspace import build_demo_workspace

    backend = Backend("postgresql", tmp_path)
    try:
        ws = backend.open()
        build_demo_workspace(ws)
        win = MainWindow(ws, settings=Settings(), owns_workspace=False)
        qtbot.addWidget(win)
        win.areas.setCurrentWidget(win.planning)
        editor = win.planning
        assert editor.open_scenario(ALLOCATION)
        editor.allocation.total.setValue(26.0)
        saved = anna_saves(backend.open(), {"name": "anna"}, 30.0)
        login = str(backend.sql("SELECT session_user")[0][0])
        assert saved.changed_by == login
        assert editor.save() is False
        assert stale_dialog["texts"][0].startswith(f"Das Szenario „{ALLOCATION}“ wurde inzwischen von {login} "
                                                   "gespeichert (heute ")
        assert stored_total(ws) == 30.0 and editor.is_dirty()
        editor.write_draft()
        where = drafts.location_of(ws)
        assert isinstance(where, str) and where.startswith("postgresql://")
        assert drafts.read_draft(where) is not None
        editor.undo_stack.setIndex(0)  # back to the loaded version: the window closes without asking
        assert not editor.is_dirty() and win.close()
    finally:
        backend.cleanup()
