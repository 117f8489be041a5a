"""Saved scenarios in the workspace: create, list, get, rename, duplicate, delete, export as TOML.

A scenario row keeps the normalised text of its scenario file (:func:`bildungsplaner.planning.scenario.dumps`)
and, when saved with a result, the result's JSON form. Every change is an audit entry (``scenario``).
Names are unique; they are how users (and the command line) refer to scenarios.

**Versions (team mode, never last-save-wins).** Every row carries ``version`` (raised by one with every save,
rename) and ``changed_by``/``changed_at`` (who stored it, when: on a server the login, on a file the OS user, as
the audit log names them). An editor keeps the id and version it loaded (:class:`SavedScenario`) and hands
them back as ``expected`` to :func:`save_scenario`, :func:`rename_scenario` and :func:`delete_scenario`; the
write is one compare-and-set statement (``UPDATE … SET …, version = version + 1 WHERE id = :id AND version =
:expected``, or ``DELETE … WHERE …``), so two colleagues saving at the same moment cannot both win, whatever the
isolation level: the database row lock (PostgreSQL) or the file's write lock (SQLite) orders the two
statements, and the second finds the version moved and changes nothing. Then :class:`StaleScenarioError` says
who saved it meanwhile and when („Neu laden oder als Kopie speichern“). Without ``expected`` (the command line's
``plan run --save --replace``, the demo) a save replaces the scenario of that name on purpose, and still records
a new version and who saved it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.exporting.safety import atomic_target
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr, translated
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.scenario import ScenarioSpec
from bildungsplaner.services.kinds import KINDS
from bildungsplaner.store.audit import acting_user, record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction, Scenario, ScenarioResult, utcnow

__all__ = ["KIND_LABELS", "Expected", "SavedScenario", "StaleScenarioError", "delete_scenario", "describe_time",
           "duplicate_scenario", "export_scenario_file", "get_scenario", "kind_label", "list_scenarios",
           "rename_scenario", "save_scenario"]

#: The kinds of scenario as messages name them (German; the files and the database say allocation/demand).
KIND_LABELS = {kind.name: kind.label for kind in KINDS}


def kind_label(name: str) -> str:
    """The kind ``name`` (``"allocation"``) as messages name it, in the interface language."""
    return translated(KIND_LABELS[name]) if name in KIND_LABELS else name


@dataclass(frozen=True)
class SavedScenario:
    id: int
    name: str
    kind: str
    text: str
    notes: str
    created_at: datetime
    changed_at: datetime
    result: dict[str, Any] | None = None
    #: the stored version (see the module docstring): hand it back as ``expected`` when saving over it
    version: int = 1
    #: who stored this version (login on a server, OS user on a file)
    changed_by: str = ""

    @property
    def spec(self) -> ScenarioSpec:
        return scenario_files.parse(self.text, tr("Szenario „{name}“", name=self.name))

    @property
    def expected(self) -> Expected:
        """What a save over this version expects to find (id and version)."""
        return Expected(self.id, self.version)


@dataclass(frozen=True)
class Expected:
    """The stored scenario an editor loaded: its row id and version; a save, rename or delete succeeds only
    while the row still has this version."""

    id: int
    version: int


class StaleScenarioError(UserInputError):
    """A save, rename or delete over a version that a colleague changed (or deleted) meanwhile. Nothing was
    written; the message says who and when and what to do (reload, or save as a copy).

    ``changed_by``/``changed_at``/``version`` describe the stored version now (``None`` when it was deleted)."""

    def __init__(self, message: str, *, name: str, changed_by: str | None = None,
                 changed_at: datetime | None = None, version: int | None = None) -> None:
        super().__init__(message)
        self.name, self.changed_by, self.changed_at, self.version = name, changed_by, changed_at, version

    @property
    def deleted(self) -> bool:
        return self.version is None


def describe_time(when: datetime, now: datetime | None = None) -> str:
    """``when`` in local time as a message names it: „heute 14:02“, „gestern 09:15“, else „03.12.2026 14:02“."""
    local = when.astimezone()
    today = (now or datetime.now(local.tzinfo)).astimezone().date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return tr("heute {time}", time=clock)
    if (today - local.date()).days == 1:
        return tr("gestern {time}", time=clock)
    return local.strftime("%d.%m.%Y ") + clock


def _saved(row: Scenario, with_result: bool = False) -> SavedScenario:
    result = None
    if with_result and row.results:
        result = max(row.results, key=lambda r: (r.computed_at, r.id)).result
    return SavedScenario(row.id, row.name, row.kind, row.parameters, row.notes or "", row.created_at, row.changed_at,
                         result, row.version, row.changed_by or "")


def _stale(session: Session, expected: Expected, name: str) -> StaleScenarioError:
    """The refusal of a write that expected ``expected`` but found the row changed or gone (read now)."""
    row = session.get(Scenario, expected.id, populate_existing=True)
    if row is None:
        return StaleScenarioError(tr(
            "Das Szenario „{name}“ wurde inzwischen von einem Kollegen gelöscht. Als Kopie speichern, um Ihre "
            "Änderungen zu behalten.", name=name), name=name)
    who = row.changed_by or tr("einem Kollegen")
    when = describe_time(row.changed_at)
    if row.name != name:
        message = tr("Das Szenario „{name}“ wurde inzwischen von {who} in „{new}“ umbenannt ({when}). Neu laden "
                     "oder als Kopie speichern.", name=name, who=who, new=row.name, when=when)
    else:
        message = tr("Das Szenario „{name}“ wurde inzwischen von {who} gespeichert ({when}). Neu laden oder als "
                     "Kopie speichern.", name=name, who=who, when=when)
    return StaleScenarioError(message, name=row.name, changed_by=row.changed_by, changed_at=row.changed_at,
                              version=row.version)


def _rows(result: Any) -> int:
    """The rows an UPDATE/DELETE changed (a CursorResult's rowcount; typed as Result by Session.execute)."""
    return int(result.rowcount or 0)


def _exists(name: str) -> UserInputError:
    return UserInputError(tr("Ein Szenario „{name}“ gibt es schon.", name=name))


def _find(session: Session, name: str) -> Scenario:
    row = session.scalar(select(Scenario).where(Scenario.name == name))
    if row is None:
        raise _missing(session, name)
    return row


def _missing(session: Session, name: str) -> UserInputError:
    """The refusal for a scenario ``name`` that does not exist (naming those that do)."""
    known = sorted(session.scalars(select(Scenario.name)))  # code point order, as list_scenarios
    if known:
        return UserInputError(tr("Ein Szenario „{name}“ gibt es im Arbeitsbereich nicht (vorhanden: {known}).",
                                 name=name, known=", ".join(known)))
    return UserInputError(tr("Ein Szenario „{name}“ gibt es im Arbeitsbereich nicht.", name=name))


def list_scenarios(ws: Workspace) -> list[SavedScenario]:
    with ws.session() as s:
        # sorted here by code point, as SQLite compares: a server's collation (de-DE) would put „abbau …“
        # before „Kita …“, SQLite after it; the list must read the same on a file and on the server
        return [_saved(r) for r in sorted(s.scalars(select(Scenario)), key=lambda r: r.name)]


def get_scenario(ws: Workspace, name: str, *, with_result: bool = False) -> SavedScenario:
    with ws.session() as s:
        return _saved(_find(s, name), with_result)


def save_scenario(ws: Workspace, spec: ScenarioSpec, *, result: dict[str, Any] | None = None, notes: str | None = None,
                  replace: bool = True, expected: Expected | None = None) -> SavedScenario:
    """Store ``spec`` under its name and return it as stored (with its new version).

    With ``expected`` (the id and version an editor loaded) the stored row is overwritten only if it still has
    that version and name (compare-and-set, see the module docstring), else :class:`StaleScenarioError`
    (renaming is :func:`rename_scenario`). Without it a new scenario is created, or one of that name replaced
    unless ``replace`` is false (then :class:`UserInputError`).

    Every path writes before it reads: on a file, a transaction that read first and then wants to write while a
    colleague writes gets "database is locked" at once (SQLite cannot wait there without a deadlock); one that
    writes first waits its turn (busy timeout)."""
    text = scenario_files.dumps(spec)
    kind = spec.kind
    with ws.session() as s, s.begin():
        who, now = acting_user(s)[:100], utcnow()
        values: dict[str, Any] = {"parameters": text, "version": Scenario.version + 1, "changed_by": who,
                                  "changed_at": now}
        if notes is not None:
            values["notes"] = notes
        if expected is not None:
            # compare-and-set: one statement reads and writes the version, so no colleague's save can slip in
            # between a check and the write
            done = s.execute(update(Scenario).where(Scenario.id == expected.id, Scenario.version == expected.version,
                                                    Scenario.name == spec.name, Scenario.kind == kind)
                             .values(**values).execution_options(synchronize_session=False))
            if _rows(done) != 1:
                raise _stale(s, expected, spec.name)
            row_id, action = expected.id, "geändert"
        else:
            row = Scenario(name=spec.name, kind=kind, parameters=text, notes=notes or "", version=1,
                           changed_by=who, changed_at=now, created_at=now)
            try:
                with s.begin_nested():  # the name is unique: taken already (maybe by a colleague a moment ago)?
                    s.add(row)
                    s.flush()
                taken = False
            except IntegrityError:
                taken = True
            if not taken:
                row_id, action = row.id, "angelegt"
            elif not replace:
                raise _exists(spec.name)
            else:
                stored = _find(s, spec.name)
                if stored.kind != kind:
                    raise UserInputError(tr("„{name}“ ist ein Szenario der Art „{old}“, nicht „{new}“.",
                                            name=spec.name, old=kind_label(stored.kind), new=kind_label(kind)))
                # replaced on purpose (``replace``): still a new version, so an editor holding the old one is
                # refused instead of overwriting this
                s.execute(update(Scenario).where(Scenario.id == stored.id).values(**values)
                          .execution_options(synchronize_session=False))
                row_id, action = stored.id, "geändert"
        if result is not None:
            s.add(ScenarioResult(scenario_id=row_id, result=result))
        saved = s.get(Scenario, row_id, populate_existing=True)
        assert saved is not None
        record(s, AuditAction.SCENARIO, {"scenario": saved.name, "action": action, "result": result is not None})
        s.flush()
        return _saved(saved)


def rename_scenario(ws: Workspace, old: str, new: str, *, expected: Expected | None = None) -> SavedScenario:
    """Rename ``old`` to ``new`` (a new version); with ``expected`` only if ``old`` still has that version."""
    new = new.strip()
    if not new:
        raise UserInputError(tr("Der neue Name ist leer."))
    with ws.session() as s, s.begin():
        # the name and version first (compare-and-set, writing before reading: see save_scenario), then the
        # name inside the scenario's text
        condition = [Scenario.name == old]
        if expected is not None:
            condition += [Scenario.id == expected.id, Scenario.version == expected.version]
        try:
            with s.begin_nested():
                done = s.execute(update(Scenario).where(*condition).values(
                    name=new, version=Scenario.version + 1, changed_by=acting_user(s)[:100], changed_at=utcnow())
                    .execution_options(synchronize_session=False))
        except IntegrityError:  # the new name is taken (maybe by a colleague a moment ago)
            raise _exists(new) from None
        if _rows(done) != 1:
            raise _stale(s, expected, old) if expected is not None else _missing(s, old)
        row = s.scalars(select(Scenario).where(Scenario.name == new)
                        .execution_options(populate_existing=True)).one()
        data = scenario_files.parse(row.parameters)
        row.parameters = scenario_files.dumps(type(data).from_dict({**data.to_dict(), "name": new}))
        record(s, AuditAction.SCENARIO, {"scenario": new, "action": "umbenannt", "from": old})
        s.flush()
        return _saved(row)


def duplicate_scenario(ws: Workspace, name: str, new: str | None = None) -> SavedScenario:
    source = get_scenario(ws, name)
    names = {s.name for s in list_scenarios(ws)}
    if new is None:
        n = 2
        new = tr("{name} (Kopie)", name=name)
        while new in names:
            new, n = tr("{name} (Kopie {number})", name=name, number=format_number(n)), n + 1
    spec = source.spec
    copy = type(spec).from_dict({**spec.to_dict(), "name": new})
    return save_scenario(ws, copy, notes=source.notes, replace=False)


def delete_scenario(ws: Workspace, name: str, *, expected: Expected | None = None) -> None:
    """Delete ``name``; with ``expected`` only if it still has that version (a colleague's newer version is not
    deleted unseen: :class:`StaleScenarioError`)."""
    with ws.session() as s, s.begin():
        condition = [Scenario.name == name]
        if expected is not None:
            condition += [Scenario.id == expected.id, Scenario.version == expected.version]
        # (its results go with it: ON DELETE CASCADE)
        done = s.execute(delete(Scenario).where(*condition).execution_options(synchronize_session=False))
        if _rows(done) != 1:
            raise _stale(s, expected, name) if expected is not None else _missing(s, name)
        record(s, AuditAction.SCENARIO, {"scenario": name, "action": "gelöscht"})


def export_scenario_file(ws: Workspace, name: str, out: Path) -> Path:
    """Write the saved scenario ``name`` as a TOML file (format 1) to ``out``."""
    saved = get_scenario(ws, name)
    with atomic_target(Path(out)) as tmp:
        tmp.write_text(saved.text, encoding="utf-8")
    return Path(out)
