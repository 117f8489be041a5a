"""Notice when another process (the command line, a colleague) changed the open workspace.

A timer asks the workspace for its change marker every few seconds; when it moved and the window did not cause
it, :attr:`WorkspaceWatcher.changed` fires; the window turns it into the same ``data_changed`` signal its own
imports and deletions emit (:mod:`bildungsplaner.ui.common.events`, reason ``outside``), so every area
refreshes itself the same way. On every ``data_changed`` the window calls :meth:`WorkspaceWatcher.sync`, so it
never reacts to its own changes.

A workspace file is asked on the GUI thread (``services.workspace.change_marker``: one indexed query on the local
file, well under a millisecond). A server workspace (team mode) is never asked on the GUI thread: the question
(``services.team.change_marker``, latest audit entry and count, every 5 s; :class:`ColleaguesWatcher`: who else
has it open, every 15 s, for the status bar „Auch geöffnet von: anna@PC-0815, …“) runs on a worker thread of its
own through a connection of its own (``services.team.poll_engine``: quick connect and TCP timeouts, a 2 s
``statement_timeout``), at most one question per watcher on the way; the answer comes back by a queued signal to
the GUI thread. A server that stops answering therefore never freezes the window: the ticks meanwhile are
skipped, and the last answer stays.

The worker is a daemon thread, not a ``QThreadPool``: a pool waits for its threads when it is destroyed, so
closing the window would wait for a question stuck on a dead server; a daemon thread is simply left behind.
Answers are numbered (``generation``): one that was asked before the workspace changed, before the window's own
change (:meth:`WorkspaceWatcher.sync`) or before an explicit :meth:`~WorkspaceWatcher.poll` is dropped.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from bildungsplaner.services import team
from bildungsplaner.services.workspace import Workspace, change_marker

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)

#: How often the workspace is asked (milliseconds).
INTERVAL_MS = 3000
#: How often a server workspace is asked (milliseconds): one query to the server each time.
SERVER_INTERVAL_MS = 5000
#: How often the server is asked who else has the workspace open (milliseconds).
COLLEAGUES_INTERVAL_MS = 15_000

#: the answer of a question that failed (a slow, locked or vanished server): the last answer stays
_FAILED = object()


class _Asker(QObject):
    """Asks one question at a time on a daemon thread and hands the answer to ``on_answer(result, current)`` on
    the GUI thread (``current``: asked in the present :attr:`generation`)."""

    _answered = Signal(int, object)

    def __init__(self, parent: QObject, on_answer: Callable[[object, bool], None]) -> None:
        super().__init__(parent)
        self.generation = 0
        self.in_flight = False
        self.started = 0  #: questions started so far (tests count them)
        self._on_answer = on_answer
        self._answered.connect(self._answer)  # emitted on the worker: queued to this object's (the GUI) thread

    def ask(self, question: Callable[[], object]) -> bool:
        """Start ``question`` on a worker unless one is on the way already (then False)."""
        if self.in_flight:
            return False
        self.in_flight = True
        self.started += 1
        generation = self.generation

        def run() -> None:
            try:
                result = question()
            except Exception:  # the server is slow or gone: keep the last answer, ask again at the next tick
                log.debug("server question failed", exc_info=True)
                result = _FAILED
            with contextlib.suppress(RuntimeError):  # the window is gone meanwhile
                self._answered.emit(generation, result)

        threading.Thread(target=run, name="bildungsplaner-watch", daemon=True).start()
        return True

    def _answer(self, generation: int, result: object) -> None:
        self.in_flight = False
        self._on_answer(result, generation == self.generation)


def _swap_engine(old: Engine | None, workspace: Workspace | None) -> Engine | None:
    if old is not None:
        old.dispose()  # a question still on the way keeps its connection until it returns
    return team.poll_engine(workspace) if workspace is not None and workspace.is_server else None


class WorkspaceWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS,
                 server_interval_ms: int = SERVER_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.marker: object = 0
        self.interval_ms, self.server_interval_ms = interval_ms, server_interval_ms
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._tick)
        self.asker = _Asker(self, self._answered)
        self._engine: Engine | None = None
        #: the next answer is the state the window has seen (after :meth:`sync`), not news
        self._baseline_wanted = False

    def watch(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self._engine = _swap_engine(self._engine, workspace)
        self.marker = 0
        self.sync()
        if workspace is None:
            self.timer.stop()
        else:
            self.timer.start(self.server_interval_ms if workspace.is_server else self.interval_ms)

    @property
    def _on_server(self) -> bool:
        return self.workspace is not None and self.workspace.is_server

    def sync(self) -> None:
        """Take the current state as seen (after the window's own change or refresh); on a server the state is
        asked on the worker and the answer becomes the baseline."""
        if not self._on_server:
            self.marker = self._read()
            return
        self.asker.generation += 1  # an answer on the way may predate the window's change: dropped
        self._baseline_wanted = True
        self._ask()

    def _read(self) -> object:
        if self.workspace is None:
            return 0
        try:
            if self.workspace.is_server:  # a slow server: given up after team.STATEMENT_TIMEOUT_MS
                return team.change_marker(self.workspace, self._engine)
            return change_marker(self.workspace)
        except Exception:  # a locked or vanished file: try again at the next tick, never disturb the user
            log.debug("change marker not readable", exc_info=True)
            return self.marker

    def _tick(self) -> None:
        if self._on_server:
            self._ask()
        else:
            self.poll()

    def _ask(self) -> None:
        workspace, engine = self.workspace, self._engine
        if workspace is not None:
            self.asker.ask(lambda: team.change_marker(workspace, engine))

    def _answered(self, marker: object, current: bool) -> None:
        if current and marker is not _FAILED:
            if self._baseline_wanted:
                self._baseline_wanted = False
                self.marker = marker
            elif marker != self.marker:
                self.marker = marker
                self.changed.emit()
        # an answer older than the window's change: ask anew at once; a failed one waits for the next tick (a
        # server refusing connections at once would otherwise be asked in a tight loop)
        if self._baseline_wanted and self._on_server and not current:
            self._ask()

    def poll(self) -> bool:
        """Check once, now, on the calling thread (a file's tick; tests); emits :attr:`changed` and returns True
        when someone else changed the workspace. An answer of the worker still on the way is dropped."""
        self.asker.generation += 1
        marker = self._read()
        if self._baseline_wanted:  # the window's own change is still being taken in: this is the baseline
            self._baseline_wanted = False
            self.marker = marker
            return False
        if marker == self.marker:
            return False
        self.marker = marker
        self.changed.emit()
        return True


class ColleaguesWatcher(QObject):
    """Who else has the open server workspace open, every 15 s, asked on a worker thread; :attr:`changed` carries
    the status-bar text („Auch geöffnet von: anna@PC-0815, …“, empty when nobody else or for a file)."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None, interval_ms: int = COLLEAGUES_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.text = ""
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self._ask)
        self.asker = _Asker(self, self._answered)
        self._engine: Engine | None = None

    def watch(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self._engine = _swap_engine(self._engine, workspace)
        self.asker.generation += 1
        self._show(None)
        if workspace is not None and workspace.is_server:
            self.timer.start()
            self._ask()
        else:
            self.timer.stop()

    def _ask(self) -> None:
        workspace, engine = self.workspace, self._engine
        if workspace is not None and workspace.is_server:
            self.asker.ask(lambda: team.colleagues(workspace, engine))

    def _answered(self, names: object, current: bool) -> None:
        if current and names is not _FAILED:
            self._show(names)  # type: ignore[arg-type]

    def poll(self) -> str:
        """Ask once, now, on the calling thread (tests; under a 2 s statement timeout); emits :attr:`changed` when
        the text changed. An answer of the worker still on the way is dropped."""
        self.asker.generation += 1
        names: list[str] | None = None
        if self.workspace is not None and self.workspace.is_server:
            try:
                names = team.colleagues(self.workspace, self._engine)
            except Exception:  # the server is slow or gone: keep the last answer, ask again at the next tick
                log.debug("colleagues not readable", exc_info=True)
                return self.text
        return self._show(names)

    def _show(self, names: list[str] | None) -> str:
        text = QCoreApplication.translate("WorkspaceWatcher", "Auch geöffnet von: {names}").format(
            names=", ".join(names)) if names else ""
        if text != self.text:
            self.text = text
            self.changed.emit(text)
        return text


__all__ = ["COLLEAGUES_INTERVAL_MS", "INTERVAL_MS", "SERVER_INTERVAL_MS", "ColleaguesWatcher", "WorkspaceWatcher"]
