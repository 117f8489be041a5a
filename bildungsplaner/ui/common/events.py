"""One „data changed“ signal for the whole window (Anki's ``operation_did_execute``).

Whoever changed the open workspace — an import, the deletion of an import, a saved, renamed or deleted
scenario, or another process noticed by :class:`~bildungsplaner.ui.workspace.watch.WorkspaceWatcher` — calls
:meth:`WorkspaceEvents.notify` once; every area listens to :attr:`WorkspaceEvents.data_changed` and refreshes
itself from the :class:`DataChange` it receives, keeping what the user had selected. No area needs to know who
changed what, or in which order the others refresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from bildungsplaner.services.browse import Overview
from bildungsplaner.services.workspace import Workspace

#: Reasons carried by :class:`DataChange`.
IMPORT, DELETE, OUTSIDE, SCENARIOS = "import", "delete", "outside", "scenarios"


@dataclass(frozen=True)
class DataChange:
    """What changed: ``overview`` holds the lists as read after the change (``None``: only the scenarios
    changed, the data lists are as they were)."""

    reason: str
    workspace: Workspace
    overview: Overview | None = None


class WorkspaceEvents(QObject):
    """The window's event hub; lives in the GUI thread, emitted only there."""

    #: a :class:`DataChange`
    data_changed = Signal(object)

    def notify(self, change: DataChange) -> None:
        self.data_changed.emit(change)


__all__ = ["DELETE", "IMPORT", "OUTSIDE", "SCENARIOS", "DataChange", "WorkspaceEvents"]
