"""Undo for the planning editor: plain reversible edits of a scenario spec, wrapped by ``QUndoCommand``.

An :class:`Edit` sets values at paths inside a (frozen) spec — ``("amount", "total")``, ``("need", 1,
"weight")``, or ``()`` for the whole spec — and :meth:`Edit.apply` returns the new spec *and* the inverse edit
(the old values at the same paths). The result is validated by reading it back through the spec's
``from_dict``, so an edit can never leave an invalid scenario behind. Nothing here but :class:`SpecCommand`
knows Qt; the pure part is tested without a window.

:class:`SpecCommand` applies an edit to a :class:`SpecHolder` (the editor's document). Consecutive commands
with the same ``merge_key`` (the slider of one weight) merge into one undo step, as in Orange3's paint data
widget: the merged command keeps the first inverse and the last forward edit.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from bildungsplaner.planning.scenario import ScenarioSpec

PathPart = str | int
SpecPath = tuple[PathPart, ...]

__all__ = ["Edit", "SpecCommand", "SpecHolder", "get_at", "normalised", "set_at"]

MERGE_ID = 4711


def get_at(spec: Any, path: SpecPath) -> Any:
    value = spec
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def set_at(spec: Any, path: SpecPath, value: Any) -> Any:
    """A copy of ``spec`` with ``value`` at ``path`` (frozen dataclasses and tuples are rebuilt)."""
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(spec)
        items[head] = set_at(items[head], rest, value)
        return tuple(items)
    return dataclasses.replace(spec, **{head: set_at(getattr(spec, head), rest, value)})


def normalised(spec: ScenarioSpec) -> ScenarioSpec:
    """``spec`` read back through its ``from_dict``: raises ``UserInputError`` with the German message if
    the spec is not valid, and gives the canonical form (e.g. sorted dimensions)."""
    return type(spec).from_dict(spec.to_dict())


@dataclass(frozen=True)
class Edit:
    """Set ``changes`` (path → value); :meth:`apply` returns ``(new_spec, inverse)``."""

    changes: tuple[tuple[SpecPath, Any], ...]
    text: str = ""

    @classmethod
    def one(cls, path: SpecPath, value: Any, text: str = "") -> Edit:
        return cls(((tuple(path), value),), text)

    def apply(self, spec: ScenarioSpec) -> tuple[ScenarioSpec, Edit]:
        old = tuple((path, get_at(spec, path)) for path, _ in self.changes)
        new = spec
        for path, value in self.changes:
            new = set_at(new, path, value)
        return normalised(new), Edit(tuple(reversed(old)), self.text)

    def is_noop(self, spec: ScenarioSpec) -> bool:
        return all(get_at(spec, path) == value for path, value in self.changes)


class SpecHolder(Protocol):
    """The document an edit is applied to (the planning editor)."""

    spec: ScenarioSpec | None

    def set_spec(self, spec: ScenarioSpec) -> None: ...


class SpecCommand(QUndoCommand):
    """One undo step: ``edit`` applied to ``holder``; ``merge_key`` set: merges with the next one of the same key."""

    def __init__(self, holder: SpecHolder, edit: Edit, merge_key: Any = None) -> None:
        super().__init__(edit.text)
        self.holder, self.edit, self.merge_key = holder, edit, merge_key
        self.inverse: Edit | None = None

    def redo(self) -> None:
        spec, inverse = self.edit.apply(self.holder.spec)
        if self.inverse is None:  # the first run; after a merge the first inverse is kept
            self.inverse = inverse
        self.holder.set_spec(spec)

    def undo(self) -> None:
        assert self.inverse is not None
        spec, _ = self.inverse.apply(self.holder.spec)
        self.holder.set_spec(spec)

    def id(self) -> int:
        return MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SpecCommand) or other.merge_key != self.merge_key or self.merge_key is None:
            return False
        self.edit = other.edit
        return True
