"""Notice when another process (the command line, a colleague) changed the open workspace.

A timer asks the workspace for its change marker (``services.workspace.change_marker``: the latest audit
entry, one indexed query) every few seconds on the GUI thread; when it moved and the window did not cause it,
:attr:`WorkspaceWatcher.changed` fires; the window turns it into the same ``data_changed`` signal its own
imports and deletions emit (:mod:`bildungsplaner.ui.common.events`, reason ``outside``), so every area
refreshes itself the same way. On every ``data_changed`` the window calls :meth:`sync`, so it never reacts to
its own changes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from bildungsplaner.services.workspace import Workspace, change_marker

log = logging.getLogger(__name__)

#: How often the workspace is asked (milliseconds).
INTERVAL_MS = 3000


class WorkspaceWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.marker = 0
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)

    def watch(self, workspace: Workspace | None) -> None:
        self.workspace = workspace
        self.sync()
        if workspace is None:
            self.timer.stop()
        else:
            self.timer.start()

    def sync(self) -> None:
        """Take the current state as seen (after the window's own change or refresh)."""
        self.marker = self._read()

    def _read(self) -> int:
        if self.workspace is None:
            return 0
        try:
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


__all__ = ["INTERVAL_MS", "WorkspaceWatcher"]
