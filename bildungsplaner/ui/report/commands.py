"""Undo for the report window: :class:`OutlineCommand` wraps one reversible outline operation.

The operations and their inverses are pure (:mod:`bildungsplaner.reporting.outline`); a command only applies
the operation to its :class:`OutlineHolder` (the report area) on redo and the inverse on undo, and tells the
holder which item to select afterwards (:func:`~bildungsplaner.reporting.outline.focus`). Consecutive commands
with the same ``merge_key`` (typing in one field of one item) merge into one undo step: the merged command keeps
the first inverse and the last forward operation, which is right because both set the same fields.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from bildungsplaner.reporting.outline import Location, Operation, focus
from bildungsplaner.reporting.spec import ReportSpec

__all__ = ["MERGE_ID", "OutlineCommand", "OutlineHolder"]

MERGE_ID = 4716


class OutlineHolder(Protocol):
    """The document the commands change (the report area)."""

    spec: ReportSpec | None

    def set_spec(self, spec: ReportSpec, select: Location) -> None: ...


class OutlineCommand(QUndoCommand):
    """One undo step: ``operation`` applied to ``holder``; see the module docstring."""

    def __init__(self, holder: OutlineHolder, operation: Operation, text: str, merge_key: Any = None) -> None:
        super().__init__(text)
        self.holder, self.operation, self.merge_key = holder, operation, merge_key
        self.inverse: Operation | None = None

    def redo(self) -> None:
        assert self.holder.spec is not None
        spec, inverse = self.operation.apply(self.holder.spec)
        if self.inverse is None:  # the first run; after a merge the first inverse is kept
            self.inverse = inverse
        self.holder.set_spec(spec, focus(self.operation, spec))

    def undo(self) -> None:
        assert self.inverse is not None and self.holder.spec is not None
        spec, _ = self.inverse.apply(self.holder.spec)
        self.holder.set_spec(spec, focus(self.inverse, spec))

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, OutlineCommand) or self.merge_key is None or other.merge_key != self.merge_key:
            return False
        self.operation = other.operation
        return True
