"""Workspace use cases: open, create the demo, describe, check, back up, restore.

Shared by the window and the command line. Functions take paths or an open
:class:`~bildungsplaner.store.database.Workspace` and return plain data; long work takes a ``progress``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select

from bildungsplaner import WORKSPACE_SUFFIX, UserInputError
from bildungsplaner.demo import DemoSummary, build_demo
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store import sqlite
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import (
    Workspace,
    WorkspaceError,
    known_revisions,
    open_workspace,
    stored_revision,
)
from bildungsplaner.store.models import (
    AuditAction,
    AuditEntry,
    Dataset,
    Facility,
    Indicator,
    Observation,
    Region,
    Scenario,
)

log = logging.getLogger(__name__)

__all__ = [
    "Workspace",
    "WorkspaceError",
    "backup_workspace",
    "change_marker",
    "check_workspace",
    "create_demo_workspace",
    "create_workspace",
    "open_or_create_default",
    "open_workspace",
    "restore_workspace",
    "workspace_info",
]


def workspace_info(ws: Workspace) -> dict[str, Any]:
    """Path, name, home region, schema version and counts (the keys of ``bildungsplaner info --json``)."""
    from bildungsplaner.services.home import home_region, workspace_name

    home, name = home_region(ws), workspace_name(ws)
    with ws.session() as s:
        def count(model: type) -> int:
            return int(s.scalar(select(func.count()).select_from(model)) or 0)

        return {
            "workspace": str(ws.path),
            "name": name,
            "home_region": home,
            "schema_version": ws.schema_version,
            "regions": count(Region),
            "datasets": count(Dataset),
            "indicators": count(Indicator),
            "observations": count(Observation),
            "facilities": count(Facility),
            "scenarios": count(Scenario),
            "size_bytes": ws.path.stat().st_size,
        }


def change_marker(ws: Workspace) -> int:
    """A number that grows with every change of the workspace's data, by any process: the latest audit entry.

    Every writing use case (import, deletion, scenario, restore, migration) records one, so the window can
    notice a change made by the command line or a colleague with one cheap query.
    """
    with ws.engine.connect() as conn:
        return int(conn.scalar(select(func.max(AuditEntry.id))) or 0)


def check_workspace(path: Path) -> list[str]:
    """Integrity check, foreign-key check and schema check of a workspace file; empty list when sound.

    Works on a file that may be damaged, so it only opens it read-only and never migrates.
    """
    path = Path(path)
    if not path.is_file():
        return [f"Der Arbeitsbereich {path} existiert nicht."]
    if not sqlite.is_sqlite_file(path):
        return [f"{path} ist keine SQLite-Datenbank."]
    problems: list[str] = []
    try:
        if sqlite.has_hot_journal(path):
            # A journal left by a crash: opening the file read-write lets SQLite roll it back first.
            sqlite.make_engine(path).dispose()
            conn = sqlite3.connect(path)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
        engine = sqlite.make_engine(path, readonly=True)
        try:
            with engine.connect() as conn:
                raw = sqlite.raw_connection(conn)
                problems += [f"Integritätsprüfung: {p}" for p in sqlite.integrity_problems(raw)]
                problems += [f"Fremdschlüssel: {p}" for p in sqlite.foreign_key_problems(raw)]
        finally:
            engine.dispose()
        revision, _ = stored_revision(path)
    except (sqlite3.DatabaseError, sa_exc.DBAPIError) as exc:
        return [f"Die Datei ist beschädigt: {getattr(exc, 'orig', exc)}"]
    if revision is None:
        problems.append("Kein Schemastand gefunden: keine Bildungsplaner-Arbeitsbereichsdatei.")
    elif revision not in known_revisions():
        problems.append(f"Schemastand {revision} stammt aus einer neueren Programmversion.")
    return problems


def backup_workspace(ws: Workspace, target: Path) -> Path:
    """A consistent copy of the open workspace via SQLite's backup API (never a plain file copy)."""
    target = Path(target)
    if target.resolve() == ws.path.resolve():
        raise UserInputError("Die Sicherung kann nicht die Arbeitsbereichsdatei selbst überschreiben.")
    if not target.parent.is_dir():
        raise UserInputError(f"Der Ordner {target.parent} existiert nicht.")
    with ws.engine.connect() as conn:
        sqlite.backup_to(sqlite.raw_connection(conn), target)
    try:
        with ws.transaction() as s:
            record(s, AuditAction.BACKUP, {"target": str(target)})
    except sa_exc.OperationalError:
        # The copy is complete and consistent; only the log line waits for a writer that holds the file.
        log.warning("Sicherung %s erstellt; Protokolleintrag nicht möglich (Arbeitsbereich gesperrt)", target)
    return target


def restore_workspace(backup: Path, target: Path) -> None:
    """Replace the (closed) workspace ``target`` with the backup ``backup``, whole or not at all."""
    backup, target = Path(backup), Path(target)
    problems = check_workspace(backup)
    if problems:
        raise UserInputError(f"Die Sicherung {backup.name} ist nicht verwendbar: {problems[0]}")
    if target.exists() and sqlite.has_hot_journal(target):
        raise UserInputError(f"{target.name} wird gerade benutzt oder wurde nicht sauber geschlossen.")
    tmp_target = target.with_name(f".{target.name}.restore")
    source = sqlite.make_engine(backup, readonly=True)
    try:
        with source.connect() as conn:
            sqlite.backup_to(sqlite.raw_connection(conn), tmp_target)
    finally:
        source.dispose()
    os.replace(tmp_target, target)
    with open_workspace(target) as ws, ws.transaction() as s:
        record(s, AuditAction.RESTORE, {"source": str(backup)})


def create_demo_workspace(target: Path, progress: Progress | None = None, *, overwrite: bool = False) -> DemoSummary:
    """Write a new demo workspace to ``target`` (built in a temporary file, then moved into place)."""
    progress = progress or NullProgress()
    target = Path(target)
    if target.suffix.lower() != WORKSPACE_SUFFIX:
        target = target.with_name(target.name + WORKSPACE_SUFFIX) if not target.suffix else target
    if target.exists() and not overwrite:
        raise UserInputError(f"{target} existiert bereits; bitte einen anderen Namen wählen.")
    if not target.parent.is_dir():
        raise UserInputError(f"Der Ordner {target.parent} existiert nicht.")
    tmp = target.with_name(f".{target.name}.entsteht")
    for leftover in (tmp, Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        with open_workspace(tmp) as ws:
            with ws.transaction() as s:
                summary = build_demo(s, progress)
            _save_demo_scenarios(ws)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return summary


def _save_demo_scenarios(ws: Workspace) -> None:
    from bildungsplaner.demo.scenarios import SCENARIOS
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.planning import run_scenario
    from bildungsplaner.services.scenarios import save_scenario

    for text in SCENARIOS:
        spec = scenario_files.parse(text, "Demo-Szenario")
        save_scenario(ws, spec, result=run_scenario(ws, spec).to_json_dict(),
                      notes="Beispielszenario des Demo-Arbeitsbereichs")


def create_workspace(target: Path, *, region: str | None = None, name: str | None = None) -> Path:
    """A new, empty workspace at ``target`` (suffix ``.bpws`` added when missing), optionally with its home
    region (created with the chain above it) and a name. Refuses an existing file; returns the path."""
    from bildungsplaner.services.home import set_home_region, set_workspace_name

    target = Path(target)
    if not target.suffix:
        target = target.with_name(target.name + WORKSPACE_SUFFIX)
    if target.exists():
        raise UserInputError(f"{target} existiert bereits; ein neuer Arbeitsbereich überschreibt nichts.")
    if not target.parent.is_dir():
        raise UserInputError(f"Der Ordner {target.parent} existiert nicht.")
    tmp = target.with_name(f".{target.name}.entsteht")
    for leftover in (tmp, Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        with open_workspace(tmp) as ws:
            if region:
                set_home_region(ws, region)
            if name:
                set_workspace_name(ws, name)
            with ws.transaction() as s:
                record(s, AuditAction.CREATE, {"region": region or "", "name": name or ""})
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def open_or_create_default(path: Path, progress: Progress | None = None) -> Workspace:
    """Open ``path``; on first start (no file yet) create it as the demo workspace."""
    path = Path(path)
    if not path.exists():
        create_demo_workspace(path, progress)
    return open_workspace(path)
