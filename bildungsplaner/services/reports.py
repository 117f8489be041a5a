"""Saved report definitions (the Bildungsbericht) and building them: list, show, save, rename, delete, export,
import; :func:`build_document` turns a definition and the workspace into a
:class:`~bildungsplaner.reporting.document.ReportDocument`, :func:`build` writes it as DOCX, PDF or xlsx.

A definition row keeps the TOML text as the author wrote it (comments kept), checked by
:func:`~bildungsplaner.reporting.spec.parse_report` before it is stored. Names are unique; they are how users
(and the command line) refer to reports. Every change is an audit entry (``report``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.exporting.safety import atomic_target
from bildungsplaner.i18n import tr
from bildungsplaner.reporting.spec import ReportSpec, dump_report, parse_report
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction, ReportDefinition

__all__ = ["SavedReport", "delete_report", "export_definition", "get_report", "import_definition", "list_reports",
           "rename_report", "save_report"]


@dataclass(frozen=True)
class SavedReport:
    id: int
    name: str
    text: str
    created_at: datetime
    changed_at: datetime

    @property
    def spec(self) -> ReportSpec:
        return parse_report(self.text)


def _saved(row: ReportDefinition) -> SavedReport:
    return SavedReport(row.id, row.name, row.toml, row.created_at, row.changed_at)


def _find(session: Session, name: str) -> ReportDefinition:
    row = session.scalar(select(ReportDefinition).where(ReportDefinition.name == name))
    if row is None:
        known = session.scalars(select(ReportDefinition.name).order_by(ReportDefinition.name)).all()
        if known:
            raise UserInputError(tr("Einen Bericht „{name}“ gibt es im Arbeitsbereich nicht (vorhanden: {known}).",
                                    name=name, known=", ".join(known)))
        raise UserInputError(tr("Einen Bericht „{name}“ gibt es im Arbeitsbereich nicht.", name=name))
    return row


def list_reports(ws: Workspace) -> list[SavedReport]:
    with ws.session() as s:
        return [_saved(r) for r in s.scalars(select(ReportDefinition).order_by(ReportDefinition.name))]


def get_report(ws: Workspace, name: str) -> SavedReport:
    with ws.session() as s:
        return _saved(_find(s, name))


def save_report(ws: Workspace, name: str, definition: str | ReportSpec, *, replace: bool = True) -> SavedReport:
    """Store ``definition`` (TOML text, kept as written, or a spec, written by ``dump_report``) under ``name``;
    a report of that name is replaced unless ``replace`` is false. The text is checked first."""
    name = name.strip()
    if not name:
        raise UserInputError(tr("Der Name des Berichts ist leer."))
    if isinstance(definition, ReportSpec):
        text = dump_report(definition)
    else:
        text = definition
        parse_report(text)
    with ws.session() as s, s.begin():
        row = s.scalar(select(ReportDefinition).where(ReportDefinition.name == name))
        if row is not None and not replace:
            raise UserInputError(tr("Einen Bericht „{name}“ gibt es schon.", name=name))
        if row is None:
            row = ReportDefinition(name=name, toml=text)
            s.add(row)
            action = "angelegt"
        else:
            row.toml = text
            action = "geändert"
        s.flush()
        record(s, AuditAction.REPORT, {"report": name, "action": action})
        s.flush()
        return _saved(row)


def rename_report(ws: Workspace, old: str, new: str) -> SavedReport:
    new = new.strip()
    if not new:
        raise UserInputError(tr("Der neue Name ist leer."))
    with ws.session() as s, s.begin():
        row = _find(s, old)
        if new != old and s.scalar(select(ReportDefinition.id).where(ReportDefinition.name == new)) is not None:
            raise UserInputError(tr("Einen Bericht „{name}“ gibt es schon.", name=new))
        row.name = new
        record(s, AuditAction.REPORT, {"report": new, "action": "umbenannt", "from": old})
        s.flush()
        return _saved(row)


def delete_report(ws: Workspace, name: str) -> None:
    with ws.session() as s, s.begin():
        s.delete(_find(s, name))
        record(s, AuditAction.REPORT, {"report": name, "action": "gelöscht"})


def export_definition(ws: Workspace, name: str, out: Path) -> Path:
    """Write the saved report ``name`` as its TOML file to ``out`` (as stored, comments kept)."""
    saved = get_report(ws, name)
    with atomic_target(Path(out)) as tmp:
        tmp.write_text(saved.text, encoding="utf-8")
    return Path(out)


def read_definition(path: Path) -> str:
    """The text of a report definition file, checked; German errors for a missing or unreadable file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserInputError(tr("Die Datei {path} gibt es nicht.", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(tr("{name} kann nicht gelesen werden: {error}.", name=path.name, error=str(exc))) from None
    parse_report(text)
    return text


def import_definition(ws: Workspace, path: Path, name: str | None = None, *, replace: bool = False) -> SavedReport:
    """Store the report definition file ``path`` under ``name`` (default: the file name without suffix)."""
    text = read_definition(Path(path))
    return save_report(ws, name or Path(path).stem, text, replace=replace)
