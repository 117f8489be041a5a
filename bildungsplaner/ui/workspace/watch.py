"""Notice when another process (the command line, a colleague) changed the open workspace.

A timer asks the workspace for its change marker (``services.workspace.change_marker``: the latest audit
entry, one indexed query) every few seconds on the GUI thread; when it moved and the window did not cause it,
:attr:`WorkspaceWatcher.changed` fires; the window turns it into the same ``data_changed`` signal its own
imports and deletions emit (:mod:`bildungsplaner.ui.common.events`, reason ``outside``), so every area
refreshes itself the same way. On every ``data_changed`` the window calls :meth:`sync`, so it never reacts to
its own changes.

On a server workspace (team mode) the marker is ``services.team.change_marker`` (latest audit entry and count),
asked every 5 s under a 2 s ``statement_timeout``; :class:`ColleaguesWatcher` asks every 15 s who else has it
open, for the status bar („Auch geöffnet von: anna@PC-0815, …“).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from bildungsplaner.services import team
from bildungsplaner.services.workspace import Workspace, change_marker

log = logging.getLogger(__name__)

#: How often the workspace is asked (milliseconds).
INTERVAL_MS = 3000
#: How often a server workspace is asked (milliseconds): one query to the server each time.
SERVER_INTERVAL_MS = 5000
#: How often the server is asked who else has the workspace open (milliseconds).
COLLEAGUES_INTERVAL_MS = 15_000


class WorkspaceWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS,
                 server_interval_ms: int = SERVER_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.marker: object = 0
        self.interval_ms, self.server_interval_ms = interval_ms, server_interval_ms
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)

    def watch(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.sync()
        if workspace is None:
            self.timer.stop()
        else:
            self.timer.start(self.server_interval_ms if workspace.is_server else self.interval_ms)

    def sync(self) -> None:
        """Take the current state as seen (after the window's own change or refresh)."""
        self.marker = self._read()

    def _read(self) -> object:
        if self.workspace is None:
            return 0
        try:
            if self.workspace.is_server:  # a slow server: given up after team.STATEMENT_TIMEOUT_MS
                return team.change_marker(self.workspace)
            return change_marker(self.workspace)
        except Exception:  # a locked or vanished file: try again at the next tick, never disturb the user
            log.debug("change marker not readable", exc_info=True)
            return self.marker

    def poll(self) -> bool:
        """Check once; emits :attr:`changed` and returns True when someone else changed the workspace."""
        marker = self._read()
        if marker == self.marker:
            return False
        self.marker = marker
        self.changed.emit()
        return True


class ColleaguesWatcher(QObject):
    """Who else has the open server workspace open, every 15 s; :attr:`changed` carries the status-bar text
    („Auch geöffnet von: anna@PC-0815, …“, empty when nobody else or for a file)."""

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None, interval_ms: int = COLLEAGUES_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.text = ""
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)

    def watch(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        if workspace is not None and workspace.is_server:
            self.timer.start()
        else:
            self.timer.stop()
        self.poll()

    def poll(self) -> str:
        """Ask once (under a 2 s statement timeout); emits :attr:`changed` when the text changed."""
        names: list[str] | None = None
        if self.workspace is not None and self.workspace.is_server:
            try:
                names = team.colleagues(self.workspace)
            except Exception:  # the server is slow or gone: keep the last answer, ask again at the next tick
                log.debug("colleagues not readable", exc_info=True)
                return self.text
        text = QCoreApplication.translate("WorkspaceWatcher", "Auch geöffnet von: {names}").format(
            names=", ".join(names)) if names else ""
        if text != self.text:
            self.text = text
            self.changed.emit(text)
        return text


__all__ = ["COLLEAGUES_INTERVAL_MS", "INTERVAL_MS", "SERVER_INTERVAL_MS", "ColleaguesWatcher", "WorkspaceWatcher"]
