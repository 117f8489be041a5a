"""Saved scenarios in the workspace: create, list, get, rename, duplicate, delete, export as TOML.

A scenario row keeps the normalised text of its scenario file (:func:`bildungsplaner.planning.scenario.dumps`)
and, when saved with a result, the result's JSON form. Every change is an audit entry (``scenario``).
Names are unique; they are how users (and the command line) refer to scenarios.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.exporting.safety import atomic_target
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr, translated
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.scenario import ScenarioSpec
from bildungsplaner.services.kinds import KINDS
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction, Scenario, ScenarioResult

__all__ = ["KIND_LABELS", "SavedScenario", "delete_scenario", "duplicate_scenario", "export_scenario_file",
           "get_scenario", "kind_label", "list_scenarios", "rename_scenario", "save_scenario"]

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

    @property
    def spec(self) -> ScenarioSpec:
        return scenario_files.parse(self.text, tr("Szenario „{name}“", name=self.name))


def _saved(row: Scenario, with_result: bool = False) -> SavedScenario:
    result = None
    if with_result and row.results:
        result = max(row.results, key=lambda r: (r.computed_at, r.id)).result
    return SavedScenario(row.id, row.name, row.kind, row.parameters, row.notes or "", row.created_at, row.changed_at,
                         result)


def _find(session: Session, name: str) -> Scenario:
    row = session.scalar(select(Scenario).where(Scenario.name == name))
    if row is None:
        known = session.scalars(select(Scenario.name).order_by(Scenario.name)).all()
        if known:
            raise UserInputError(tr("Ein Szenario „{name}“ gibt es im Arbeitsbereich nicht (vorhanden: {known}).",
                                    name=name, known=", ".join(known)))
        raise UserInputError(tr("Ein Szenario „{name}“ gibt es im Arbeitsbereich nicht.", name=name))
    return row


def list_scenarios(ws: Workspace) -> list[SavedScenario]:
    with ws.session() as s:
        return [_saved(r) for r in s.scalars(select(Scenario).order_by(Scenario.name))]


def get_scenario(ws: Workspace, name: str, *, with_result: bool = False) -> SavedScenario:
    with ws.session() as s:
        return _saved(_find(s, name), with_result)


def save_scenario(ws: Workspace, spec: ScenarioSpec, *, result: dict[str, Any] | None = None, notes: str | None = None,
                  replace: bool = True) -> SavedScenario:
    """Store ``spec`` under its name (replacing a scenario of that name unless ``replace`` is false)."""
    text = scenario_files.dumps(spec)
    kind = spec.kind
    with ws.session() as s, s.begin():
        row = s.scalar(select(Scenario).where(Scenario.name == spec.name))
        if row is not None and not replace:
            raise UserInputError(tr("Ein Szenario „{name}“ gibt es schon.", name=spec.name))
        if row is None:
            row = Scenario(name=spec.name, kind=kind, parameters=text, notes=notes or "")
            s.add(row)
            action = "angelegt"
        else:
            if row.kind != kind:
                raise UserInputError(tr("„{name}“ ist ein Szenario der Art „{old}“, nicht „{new}“.", name=spec.name,
                                        old=kind_label(row.kind), new=kind_label(kind)))
            row.parameters = text
            if notes is not None:
                row.notes = notes
            action = "geändert"
        s.flush()
        if result is not None:
            s.add(ScenarioResult(scenario_id=row.id, result=result))
        record(s, AuditAction.SCENARIO, {"scenario": spec.name, "action": action, "result": result is not None})
        s.flush()
        return _saved(row)


def rename_scenario(ws: Workspace, old: str, new: str) -> SavedScenario:
    new = new.strip()
    if not new:
        raise UserInputError(tr("Der neue Name ist leer."))
    with ws.session() as s, s.begin():
        row = _find(s, old)
        if s.scalar(select(Scenario.id).where(Scenario.name == new)) is not None:
            raise UserInputError(tr("Ein Szenario „{name}“ gibt es schon.", name=new))
        data = scenario_files.parse(row.parameters)
        row.name = new
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


def delete_scenario(ws: Workspace, name: str) -> None:
    with ws.session() as s, s.begin():
        row = _find(s, name)
        s.delete(row)
        record(s, AuditAction.SCENARIO, {"scenario": name, "action": "gelöscht"})


def export_scenario_file(ws: Workspace, name: str, out: Path) -> Path:
    """Write the saved scenario ``name`` as a TOML file (format 1) to ``out``."""
    saved = get_scenario(ws, name)
    with atomic_target(Path(out)) as tmp:
        tmp.write_text(saved.text, encoding="utf-8")
    return Path(out)
