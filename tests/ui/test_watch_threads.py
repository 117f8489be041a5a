"""The window's questions to a server workspace (has a colleague changed data? who else has it open?) run on a
worker thread: a server that is slow, locked or gone never freezes the window, at most one question per watcher
is on the way, and the answer arrives by signal on the GUI thread. Real server, real windows offscreen."""

from __future__ import annotations

import threading
import time
from typing import Any

import psycopg
import pytest
from backends import Backend
from PySide6.QtCore import QTimer

from bildungsplaner.services import team
from bildungsplaner.settings import Settings
from bildungsplaner.store.postgres import parse_address
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.workspace.watch import ColleaguesWatcher, WorkspaceWatcher

#: a tick of the timer must come back at once: the query never runs on the GUI thread
AT_ONCE_S = 0.2


def colleague(backend: Backend, who: str = "anna@PC-0815", *, autocommit: bool = True) -> psycopg.Connection:
    params = parse_address(str(backend.location)).conninfo_params()
    params["application_name"] = f"Bildungsplaner 9.9 {who} {backend.workspace_name}"
    conn = psycopg.connect(**params, autocommit=autocommit)
    conn.execute(f'SET search_path TO "bp_{backend.workspace_name}"')
    return conn


class _Heartbeat:
    """Counts how often the GUI thread's event loop runs a 20 ms timer: it stops counting when the thread blocks."""

    def __init__(self) -> None:
        self.beats = 0
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self) -> None:
        self.beats += 1


def _settled(watcher: WorkspaceWatcher | ColleaguesWatcher) -> bool:
    return not watcher.asker.in_flight


def test_a_server_locked_by_a_colleague_never_blocks_the_window_and_one_question_at_a_time(
        server: Backend, qtbot: Any) -> None:
    ws = server.open()
    watcher = WorkspaceWatcher(server_interval_ms=600_000)  # the test ticks by hand
    changes: list[bool] = []
    watcher.changed.connect(lambda: changes.append(True))
    watcher.watch(ws)
    qtbot.waitUntil(lambda: _settled(watcher) and not watcher._baseline_wanted, timeout=5000)
    baseline = watcher.marker
    assert isinstance(baseline, tuple), "the baseline came from the server, through the worker"

    anna = colleague(server, autocommit=False)  # holds the audit table: the marker's query waits for her
    anna.execute("LOCK TABLE audit_entry IN ACCESS EXCLUSIVE MODE")
    try:
        heartbeat = _Heartbeat()
        started = watcher.asker.started
        for _ in range(5):
            before = time.monotonic()
            watcher.timer.timeout.emit()  # the 5-second tick
            assert time.monotonic() - before < AT_ONCE_S, "the tick returned at once"
        assert watcher.asker.started == started + 1, "one question on the way, the other ticks skipped"
        assert watcher.asker.in_flight
        qtbot.wait(1000)
        assert heartbeat.beats >= 10, f"the window went on working meanwhile ({heartbeat.beats} beats in 1 s)"
        # the server gives the question up after its statement timeout: the answer is skipped, nothing changes
        qtbot.waitUntil(lambda: _settled(watcher), timeout=team.STATEMENT_TIMEOUT_MS + 5000)
        assert changes == [] and watcher.marker == baseline
        anna.execute("""INSERT INTO audit_entry (at, "user", action, details) VALUES (now(), 'anna', 'import', '{}')""")
        anna.commit()
    finally:
        anna.close()
    with qtbot.waitSignal(watcher.changed, timeout=5000):
        watcher.timer.timeout.emit()
    assert watcher.marker != baseline
    watcher.watch(None)


def test_a_server_that_does_not_answer_keeps_the_status_bar_and_the_answer_comes_by_signal(
        server: Backend, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A question that hangs (a dead server: the worker sleeps) while the window keeps painting."""
    ws = server.open()
    asked_on: list[threading.Thread] = []
    real = team.colleagues

    def slow(workspace: Any, engine: Any = None) -> list[str] | None:
        asked_on.append(threading.current_thread())
        time.sleep(1.5)
        return real(workspace, engine)

    monkeypatch.setattr(team, "colleagues", slow)
    anna = colleague(server)
    try:
        watcher = ColleaguesWatcher()
        heartbeat = _Heartbeat()
        before = time.monotonic()
        watcher.watch(ws)
        assert time.monotonic() - before < AT_ONCE_S, "opening asks in the background"
        assert watcher.text == ""
        with qtbot.waitSignal(watcher.changed, timeout=6000) as shown:
            pass
        assert shown.args == ["Auch geöffnet von: anna@PC-0815"]
        assert heartbeat.beats >= 15, f"the window went on working meanwhile ({heartbeat.beats} beats)"
        assert asked_on and asked_on[0] is not threading.main_thread(), "asked on a worker"
        watcher.watch(None)
        assert watcher.text == "" and not watcher.timer.isActive()
    finally:
        anna.close()


def test_an_answer_asked_before_the_windows_own_change_is_dropped(server: Backend, qtbot: Any,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws = server.open()
    watcher = WorkspaceWatcher(server_interval_ms=600_000)
    watcher.watch(ws)
    qtbot.waitUntil(lambda: _settled(watcher) and not watcher._baseline_wanted, timeout=5000)
    release = threading.Event()
    real = team.change_marker

    def stale(workspace: Any, engine: Any = None) -> Any:
        release.wait(10)
        return (10**9, 10**9)  # what a colleague's change would look like

    monkeypatch.setattr(team, "change_marker", stale)
    changes: list[bool] = []
    watcher.changed.connect(lambda: changes.append(True))
    watcher.timer.timeout.emit()
    assert watcher.asker.in_flight
    monkeypatch.setattr(team, "change_marker", real)
    watcher.sync()  # the window's own change: the answer on the way predates it
    release.set()
    qtbot.waitUntil(lambda: _settled(watcher) and not watcher._baseline_wanted, timeout=5000)
    assert changes == [], "the old answer was dropped and the new baseline taken, no refresh"
    assert watcher.marker == real(ws)
    watcher.watch(None)


def test_a_server_that_refuses_at_once_is_asked_again_at_the_next_tick_not_in_a_loop(
        server: Backend, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's own change wants a new baseline; when the question fails at once (connection refused), the
    watcher waits for its next tick instead of asking again and again."""
    ws = server.open()
    watcher = WorkspaceWatcher(server_interval_ms=600_000)
    watcher.watch(ws)
    qtbot.waitUntil(lambda: _settled(watcher) and not watcher._baseline_wanted, timeout=5000)

    def refused(workspace: Any, engine: Any = None) -> Any:
        raise psycopg.OperationalError("connection refused")

    monkeypatch.setattr(team, "change_marker", refused)
    started = watcher.asker.started
    watcher.sync()
    qtbot.wait(500)
    assert watcher.asker.started - started == 1, "one question per tick, also while the server refuses"
    assert watcher._baseline_wanted, "the baseline is still wanted: the next tick asks"
    watcher.watch(None)


def test_the_window_shows_the_colleagues_without_asking_on_its_own_thread(
        qtbot: Any, workspace: Any, server: Backend, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real = team.colleagues

    def recorded(ws: Any, engine: Any = None) -> list[str] | None:
        threads.append(threading.current_thread())
        return real(ws, engine)

    monkeypatch.setattr(team, "colleagues", recorded)
    server.open().close()  # the schema exists
    anna = colleague(server)
    try:
        window = MainWindow(workspace, owns_workspace=False, settings=Settings())
        qtbot.addWidget(window)
        window.show()
        assert window.open_path(str(server.location))
        qtbot.waitUntil(lambda: window.colleagues_label.text() == "Auch geöffnet von: anna@PC-0815", timeout=5000)
        assert window.colleagues_label.isVisible()
        assert threads and all(t is not threading.main_thread() for t in threads)
    finally:
        anna.close()
    window.workspace.close()
