"""Edits of a report definition's outline: plain reversible operations on a (frozen) :class:`ReportSpec`.

Every operation is a small frozen dataclass whose :meth:`apply` returns the new spec *and* the operation that
undoes it — undo is applying the inverse, redo applying the operation again (the window's ``QUndoCommand`` only
wraps this, as the planning editor does with its :class:`~bildungsplaner.ui.planning.commands.Edit`). Nothing here
validates the content (an empty title, a year range the wrong way round): :func:`checked` reads a spec back
through the strict reader, and the window calls it before it puts an edit on its stack.

Positions are indexes: a chapter by its number in ``spec.chapters`` (from 0), a module by (chapter, number in
that chapter's ``modules``). :class:`MoveModule` removes a module at its source and inserts it at the target
position of the list *after* the removal, so its inverse is the move back, within a chapter or across chapters.
:func:`focus` tells which item an operation leaves selected (the window selects it after do, undo and redo).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from bildungsplaner.reporting.spec import Chapter, Module, ReportSpec, spec_from_dict, spec_to_dict

__all__ = ["AddChapter", "AddModule", "EditChapter", "EditModule", "EditReport", "Location", "MoveChapter",
           "MoveModule", "Operation", "RemoveChapter", "RemoveModule", "apply_all", "checked", "focus",
           "module_at", "module_spec", "move_chapter_by", "move_module_by"]

#: where an item of the outline is: ``None`` the report itself, ``(chapter, None)`` a chapter,
#: ``(chapter, module)`` a module
Location = tuple[int, int | None] | None
#: field values set by an edit, as (name, value) pairs (a tuple, so operations stay hashable and comparable)
Changes = tuple[tuple[str, Any], ...]


def _with_chapters(spec: ReportSpec, chapters: list[Chapter]) -> ReportSpec:
    return dataclasses.replace(spec, chapters=tuple(chapters))


def _with_modules(spec: ReportSpec, chapter: int, modules: list[Module]) -> ReportSpec:
    chapters = list(spec.chapters)
    chapters[chapter] = dataclasses.replace(chapters[chapter], modules=tuple(modules))
    return _with_chapters(spec, chapters)


def _check_index(index: int, size: int, what: str) -> None:
    if not 0 <= index < size:
        raise IndexError(f"{what} {index} outside 0..{size - 1}")


def _check_insert(index: int, size: int, what: str) -> None:
    if not 0 <= index <= size:
        raise IndexError(f"{what} {index} outside 0..{size}")


def module_at(spec: ReportSpec, chapter: int, index: int) -> Module:
    return spec.chapters[chapter].modules[index]


def _old_values(item: Any, changes: Changes) -> Changes:
    return tuple((name, getattr(item, name)) for name, _ in changes)


def _replace(item: Any, changes: Changes, forbidden: tuple[str, ...] = ()) -> Any:
    names = {f.name for f in dataclasses.fields(item)}
    for name, _ in changes:
        if name not in names or name in forbidden:
            raise ValueError(f"{type(item).__name__} has no editable field {name!r}")
    return dataclasses.replace(item, **dict(changes))


# --- chapters -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AddChapter:
    """Insert ``chapter`` at ``index`` (``len(chapters)``: at the end)."""

    index: int
    chapter: Chapter

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, RemoveChapter]:
        chapters = list(spec.chapters)
        _check_insert(self.index, len(chapters), "chapter")
        chapters.insert(self.index, self.chapter)
        return _with_chapters(spec, chapters), RemoveChapter(self.index)


@dataclass(frozen=True)
class RemoveChapter:
    """Remove the chapter at ``index`` with its modules."""

    index: int

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, AddChapter]:
        chapters = list(spec.chapters)
        _check_index(self.index, len(chapters), "chapter")
        removed = chapters.pop(self.index)
        return _with_chapters(spec, chapters), AddChapter(self.index, removed)


@dataclass(frozen=True)
class MoveChapter:
    """Move the chapter at ``source`` so that it stands at ``target``."""

    source: int
    target: int

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, MoveChapter]:
        chapters = list(spec.chapters)
        _check_index(self.source, len(chapters), "chapter")
        _check_index(self.target, len(chapters), "chapter")
        chapters.insert(self.target, chapters.pop(self.source))
        return _with_chapters(spec, chapters), MoveChapter(self.target, self.source)


@dataclass(frozen=True)
class EditChapter:
    """Set fields of the chapter at ``index`` (``title``, ``intro``; its modules are edited by the module
    operations)."""

    index: int
    changes: Changes

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, EditChapter]:
        chapters = list(spec.chapters)
        _check_index(self.index, len(chapters), "chapter")
        old = chapters[self.index]
        chapters[self.index] = _replace(old, self.changes, forbidden=("modules",))
        return _with_chapters(spec, chapters), EditChapter(self.index, _old_values(old, self.changes))


# --- modules ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AddModule:
    """Insert ``module`` into chapter ``chapter`` at ``index``."""

    chapter: int
    index: int
    module: Module

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, RemoveModule]:
        _check_index(self.chapter, len(spec.chapters), "chapter")
        modules = list(spec.chapters[self.chapter].modules)
        _check_insert(self.index, len(modules), "module")
        modules.insert(self.index, self.module)
        return _with_modules(spec, self.chapter, modules), RemoveModule(self.chapter, self.index)


@dataclass(frozen=True)
class RemoveModule:
    chapter: int
    index: int

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, AddModule]:
        _check_index(self.chapter, len(spec.chapters), "chapter")
        modules = list(spec.chapters[self.chapter].modules)
        _check_index(self.index, len(modules), "module")
        removed = modules.pop(self.index)
        return _with_modules(spec, self.chapter, modules), AddModule(self.chapter, self.index, removed)


@dataclass(frozen=True)
class MoveModule:
    """Take the module at (``chapter``, ``index``) out and insert it at (``to_chapter``, ``to_index``) — an index
    of the target chapter's modules after the removal (within one chapter: the module's new position)."""

    chapter: int
    index: int
    to_chapter: int
    to_index: int

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, MoveModule]:
        _check_index(self.chapter, len(spec.chapters), "chapter")
        _check_index(self.to_chapter, len(spec.chapters), "chapter")
        modules = list(spec.chapters[self.chapter].modules)
        _check_index(self.index, len(modules), "module")
        module = modules.pop(self.index)
        new = _with_modules(spec, self.chapter, modules)
        target = list(new.chapters[self.to_chapter].modules)
        _check_insert(self.to_index, len(target), "module")
        target.insert(self.to_index, module)
        new = _with_modules(new, self.to_chapter, target)
        return new, MoveModule(self.to_chapter, self.to_index, self.chapter, self.index)


@dataclass(frozen=True)
class EditModule:
    """Set fields of the module at (``chapter``, ``index``) — ``dataclasses.replace`` with ``changes``; a field
    the module's kind does not have is an error. ``replace``: the whole module instead (another kind)."""

    chapter: int
    index: int
    changes: Changes = ()
    replace: Module | None = None

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, EditModule]:
        _check_index(self.chapter, len(spec.chapters), "chapter")
        modules = list(spec.chapters[self.chapter].modules)
        _check_index(self.index, len(modules), "module")
        old = modules[self.index]
        if self.replace is not None:
            modules[self.index] = self.replace
            inverse = EditModule(self.chapter, self.index, replace=old)
        else:
            modules[self.index] = _replace(old, self.changes)
            inverse = EditModule(self.chapter, self.index, _old_values(old, self.changes))
        return _with_modules(spec, self.chapter, modules), inverse


# --- the report ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EditReport:
    """Set fields of the report itself (``title``, ``subtitle``, ``region``, ``compare``, ``years``,
    ``publisher``, ``highlights``); chapters are edited by the other operations."""

    changes: Changes

    def apply(self, spec: ReportSpec) -> tuple[ReportSpec, EditReport]:
        new = _replace(spec, self.changes, forbidden=("chapters",))
        return new, EditReport(_old_values(spec, self.changes))


Operation = (AddChapter | RemoveChapter | MoveChapter | EditChapter | AddModule | RemoveModule | MoveModule
             | EditModule | EditReport)


def apply_all(spec: ReportSpec, operations: list[Operation]) -> tuple[ReportSpec, list[Operation]]:
    """Apply ``operations`` in order; returns the new spec and the inverses in the order that undoes them
    (the last operation's inverse first)."""
    inverses: list[Operation] = []
    for operation in operations:
        spec, inverse = operation.apply(spec)
        inverses.append(inverse)
    return spec, inverses[::-1]


def checked(spec: ReportSpec) -> ReportSpec:
    """``spec`` read back through the strict reader: raises :class:`~bildungsplaner.UserInputError` with the
    German message when the definition would not be valid (an empty title, the years the wrong way round)."""
    return spec_from_dict(spec_to_dict(spec))


def focus(operation: Operation, spec: ReportSpec) -> Location:
    """The item to select after ``operation`` was applied, giving ``spec``: the added, moved or edited item; after
    a removal its neighbour (the one that took its place, else the one before, else its chapter)."""
    if isinstance(operation, AddChapter | EditChapter):
        return operation.index, None
    if isinstance(operation, MoveChapter):
        return operation.target, None
    if isinstance(operation, RemoveChapter):
        if not spec.chapters:
            return None
        return min(operation.index, len(spec.chapters) - 1), None
    if isinstance(operation, AddModule | EditModule):
        return operation.chapter, operation.index
    if isinstance(operation, MoveModule):
        return operation.to_chapter, operation.to_index
    if isinstance(operation, RemoveModule):
        count = len(spec.chapters[operation.chapter].modules)
        if count == 0:
            return operation.chapter, None
        return operation.chapter, min(operation.index, count - 1)
    return None


def move_chapter_by(spec: ReportSpec, index: int, step: int) -> MoveChapter | None:
    """Moving chapter ``index`` up (``step`` −1) or down (+1); ``None`` at the edge."""
    target = index + step
    if not 0 <= index < len(spec.chapters) or not 0 <= target < len(spec.chapters):
        return None
    return MoveChapter(index, target)


def move_module_by(spec: ReportSpec, chapter: int, index: int, step: int) -> MoveModule | None:
    """Moving a module up (``step`` −1) or down (+1): within its chapter, and past the chapter's edge to the end
    of the previous or the start of the next chapter; ``None`` at the outline's edge."""
    count = len(spec.chapters[chapter].modules)
    target = index + step
    if 0 <= target < count:
        return MoveModule(chapter, index, chapter, target)
    if step < 0 and chapter > 0:
        return MoveModule(chapter, index, chapter - 1, len(spec.chapters[chapter - 1].modules))
    if step > 0 and chapter < len(spec.chapters) - 1:
        return MoveModule(chapter, index, chapter + 1, 0)
    return None


def module_spec(spec: ReportSpec, chapter: int, index: int) -> ReportSpec:
    """The report reduced to one module (its chapter's title, no intro, no „Wichtigste Ergebnisse“): what the
    window builds for the preview of that module, with the report's region, comparison and years."""
    source = spec.chapters[chapter]
    only = Chapter(source.title, (source.modules[index],))
    return dataclasses.replace(spec, chapters=(only,), highlights=False)
