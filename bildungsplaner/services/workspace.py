"""Workspace use cases: open, create the demo, describe, check, back up, restore.

Shared by the window and the command line. Functions take paths or an open
:class:`~bildungsplaner.store.database.Workspace` and return plain data; long work takes a ``progress``.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select
from sqlalchemy import text as sql_text

from bildungsplaner import WORKSPACE_SUFFIX, UserInputError, paths
from bildungsplaner.i18n import tr
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store import postgres, sqlite, transfer
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import (
    Workspace,
    WorkspaceError,
    backup_file,
    check_server_workspace,
    drop_server_workspace,
    known_revisions,
    open_workspace,
    server_workspace_exists,
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

if TYPE_CHECKING:  # the demo's builder only when a demo is made, not on the window's start path
    from bildungsplaner.demo import DemoSummary

log = logging.getLogger(__name__)
T = TypeVar("T")

__all__ = [
    "AUTOMATIC_BACKUPS_KEPT",
    "Workspace",
    "WorkspaceError",
    "automatic_backups",
    "backup_before_import",
    "backup_workspace",
    "build_demo_workspace",
    "change_marker",
    "check_workspace",
    "create_demo_workspace",
    "create_workspace",
    "open_or_create_default",
    "open_workspace",
    "prune_automatic_backups",
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
            "workspace": ws.location,
            "name": name,
            "home_region": home,
            "schema_version": ws.schema_version,
            "regions": count(Region),
            "datasets": count(Dataset),
            "indicators": count(Indicator),
            "observations": count(Observation),
            "facilities": count(Facility),
            "scenarios": count(Scenario),
            "size_bytes": _size_bytes(ws),
        }


def _size_bytes(ws: Workspace) -> int:
    """The file's size, or on a server the size of the workspace schema's tables with their indexes."""
    if ws.address is None:
        return ws.path.stat().st_size
    with ws.engine.connect() as conn:
        return int(conn.execute(sql_text(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :schema AND c.relkind = 'r'"),
            {"schema": ws.address.schema}).scalar() or 0)


def change_marker(ws: Workspace) -> int:
    """A number that grows with every change of the workspace's data, by any process: the latest audit entry.

    Every writing use case (import, deletion, scenario, restore, migration) records one, so the window can
    notice a change made by the command line or a colleague with one cheap query.
    """
    with ws.engine.connect() as conn:
        return int(conn.scalar(select(func.max(AuditEntry.id))) or 0)


def check_workspace(path: Path | str) -> list[str]:
    """Integrity check, foreign-key check and schema check of a workspace file; empty list when sound.

    Works on a file that may be damaged, so it only opens it read-only and never migrates. A server address
    (``postgresql://…``) is checked on the server (:func:`~bildungsplaner.store.database.check_server_workspace`).
    """
    if postgres.is_server_address(path):
        return check_server_workspace(str(path))
    path = Path(path)
    if not path.is_file():
        return [tr("Der Arbeitsbereich {path} existiert nicht.", path=path)]
    if not sqlite.is_sqlite_file(path):
        return [tr("{path} ist keine SQLite-Datenbank.", path=path)]
    problems: list[str] = []
    try:
        if sqlite.has_hot_journal(path):
            # A journal left by a crash: opening the file read-write lets SQLite roll it back first.
            sqlite.make_engine(path).dispose()
            probe = sqlite3.connect(path)
            try:
                probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                probe.close()
        engine = sqlite.make_engine(path, readonly=True)
        try:
            with engine.connect() as conn:
                raw = sqlite.raw_connection(conn)
                problems += [tr("Integritätsprüfung: {problem}", problem=p) for p in sqlite.integrity_problems(raw)]
                problems += [tr("Fremdschlüssel: {problem}", problem=p) for p in sqlite.foreign_key_problems(raw)]
        finally:
            engine.dispose()
        revision, _ = stored_revision(path)
    except (sqlite3.DatabaseError, sa_exc.DBAPIError) as exc:
        return [tr("Die Datei ist beschädigt: {problem}", problem=getattr(exc, "orig", exc))]
    if revision is None:
        problems.append(tr("Kein Schemastand gefunden: keine Bildungsplaner-Arbeitsbereichsdatei."))
    elif revision not in known_revisions():
        problems.append(tr("Schemastand {revision} stammt aus einer neueren Programmversion.", revision=revision))
    return problems


def backup_workspace(ws: Workspace, target: Path, *, audit: bool = True, progress: Progress | None = None) -> Path:
    """A consistent copy of the open workspace via SQLite's backup API (never a plain file copy); of a server
    workspace a new workspace file holding one REPEATABLE READ snapshot of it (:func:`_backup_server`).

    ``audit=False``: no audit entry of its own (the automatic backup before an import is named in the import's).
    """
    if ws.is_server:
        return _backup_server(ws, Path(target), audit=audit, progress=progress)
    target = Path(target)
    if target.resolve() == ws.path.resolve():
        raise UserInputError(tr("Die Sicherung kann nicht die Arbeitsbereichsdatei selbst überschreiben."))
    if not target.parent.is_dir():
        raise UserInputError(tr("Der Ordner {folder} existiert nicht.", folder=target.parent))
    with ws.engine.connect() as conn:
        sqlite.backup_to(sqlite.raw_connection(conn), target)
    if not audit:
        return target
    try:
        with ws.transaction() as s:
            record(s, AuditAction.BACKUP, {"target": str(target)})
    except sa_exc.OperationalError:
        # The copy is complete and consistent; only the log line waits for a writer that holds the file.
        log.warning("Sicherung %s erstellt; Protokolleintrag nicht möglich (Arbeitsbereich gesperrt)", target)
    return target


#: Automatic backups kept per workspace (older ones are removed after each import that writes one).
AUTOMATIC_BACKUPS_KEPT = 10
_AUTOMATIC = "_vor-Import_"
_STAMP = "%Y-%m-%d_%H-%M-%S"


def backup_before_import(ws: Workspace) -> Path:
    """The automatic backup before an import of facilities or regions, in the data folder's backup folder:
    ``NAME_vor-Import_YYYY-MM-DD_HH-MM-SS.bpws`` (``_2``, ``_3`` … within the same second)."""
    folder = paths.backups_dir()
    stamp = datetime.now().strftime(_STAMP)
    base = f"{ws.path.stem}{_AUTOMATIC}{stamp}"
    # numbered after the highest of this second still there, so that the names keep the order of writing
    same_second = [number for when, number, _ in _automatic_backups(ws) if when == stamp]
    number = max(same_second, default=0) + 1
    target = folder / (f"{base}_{number}{WORKSPACE_SUFFIX}" if number > 1 else f"{base}{WORKSPACE_SUFFIX}")
    return backup_workspace(ws, target, audit=False)


def automatic_backups(ws: Workspace) -> list[Path]:
    """The automatic backups of ``ws`` (by its file name) in the backup folder, oldest first."""
    return [path for *_, path in _automatic_backups(ws)]


def _automatic_backups(ws: Workspace) -> list[tuple[str, int, Path]]:
    pattern = re.compile(re.escape(ws.path.stem + _AUTOMATIC) + r"(\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d)(?:_(\d+))?"
                         + re.escape(WORKSPACE_SUFFIX))
    return sorted((m[1], int(m[2] or 1), p) for p in paths.backups_dir().iterdir() if (m := pattern.fullmatch(p.name)))


def prune_automatic_backups(ws: Workspace, keep: int = AUTOMATIC_BACKUPS_KEPT) -> list[Path]:
    """Remove all but the newest ``keep`` automatic backups of ``ws`` (backups made by hand stay); returns the
    removed ones."""
    old = automatic_backups(ws)[:-keep] if keep > 0 else automatic_backups(ws)
    for path in old:
        try:
            path.unlink()
        except OSError as exc:  # a backup someone has open on a share: try again next time
            log.warning("Alte Sicherung %s nicht entfernt: %s", path, exc)
    return old


def _backup_server(ws: Workspace, target: Path, *, audit: bool, progress: Progress | None) -> Path:
    """„Als Datei sichern“: a new workspace file, created through the migrations (the same schema head), holding
    every row of the server workspace as of one moment (one REPEATABLE READ, read-only transaction: an import
    running meanwhile is either wholly in it or not at all), copied table by table; written beside ``target``
    and moved into place when complete. Recorded in the server's audit trail."""
    progress = progress or NullProgress()
    if not target.suffix:
        target = target.with_name(target.name + WORKSPACE_SUFFIX)
    if not target.parent.is_dir():
        raise UserInputError(tr("Der Ordner {folder} existiert nicht.", folder=target.parent))
    tables = len(transfer.copied_tables())

    def build(copy: Workspace) -> None:
        done = [0]

        def after_table(name: str, _rows: int) -> None:
            done[0] += 1
            progress.report(done[0] / tables, tr("Tabelle {name} gesichert", name=name))
            progress.check()

        snapshot = ws.engine.connect().execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with snapshot, snapshot.begin(), copy.transaction() as s:
            transfer.copy_rows(snapshot, s, after_table=after_table, after_rows=lambda _name, _rows: progress.check())

    try:
        _build_in_place(target, build)
    except sa_exc.DBAPIError as exc:
        raise UserInputError(tr("Die Sicherung des Arbeitsbereichs {name} ist fehlgeschlagen: {error}",
                                name=ws.location, error=str(getattr(exc, "orig", exc)).strip().splitlines()[0]
                                )) from exc
    if audit:
        with ws.transaction() as s:
            record(s, AuditAction.BACKUP, {"target": str(target)})
    return target


def restore_workspace(backup: Path, target: Path | str, progress: Progress | None = None) -> None:
    """Replace the (closed) workspace ``target`` with the backup ``backup``, whole or not at all; with a server
    address, transfer it into a NEW workspace on the server (:func:`_restore_to_server`)."""
    backup = Path(backup)
    problems = check_workspace(backup)
    if problems:
        raise UserInputError(tr("Die Sicherung {name} ist nicht verwendbar: {problem}", name=backup.name,
                                problem=problems[0]))
    if postgres.is_server_address(target):
        _restore_to_server(backup, str(target), progress or NullProgress())
        return
    target = Path(target)
    if target.exists() and sqlite.has_hot_journal(target):
        raise UserInputError(tr("{name} wird gerade benutzt oder wurde nicht sauber geschlossen.", name=target.name))
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


def _restore_to_server(backup: Path, url: str, progress: Progress) -> None:
    """„Auf den Server übertragen“: a new workspace schema created through the migrations, every row of the file
    copied in one transaction (under the workspace's write lock), then the id sequences set past the copied ids.
    An existing workspace is refused (nothing there is replaced); if the copy fails, the new schema is removed."""
    import tempfile

    address = postgres.parse_address(url)
    if server_workspace_exists(url):
        raise UserInputError(tr("Den Arbeitsbereich {name} gibt es auf dem Server schon; übertragen wird nur in einen "
                                "neuen Arbeitsbereich. Bitte einen anderen Namen wählen (…?workspace=NAME).",
                                name=address.display()))
    tables = len(transfer.copied_tables())
    with tempfile.TemporaryDirectory(prefix="bildungsplaner-") as folder:
        source_copy = Path(folder) / f"quelle{WORKSPACE_SUFFIX}"
        backup_file(backup, source_copy)  # the backup itself stays untouched, also when it needs a migration
        with open_workspace(source_copy) as source, open_workspace(url) as ws:
            if ws.migrated_from is not None:  # a colleague created it in the meantime
                raise UserInputError(tr("Den Arbeitsbereich {name} gibt es auf dem Server schon; übertragen wird "
                                        "nur in einen neuen Arbeitsbereich. Bitte einen anderen Namen wählen "
                                        "(…?workspace=NAME).", name=address.display()))
            done = [0]

            def after_table(name: str, _rows: int) -> None:
                done[0] += 1
                progress.report(done[0] / tables, tr("Tabelle {name} übertragen", name=name))
                progress.check()

            try:
                with source.engine.connect() as rows, ws.transaction() as s:
                    ws.lock_for_writing(s)
                    transfer.copy_rows(rows, s, after_table=after_table,
                                       after_rows=lambda _name, _rows: progress.check())
                    transfer.set_sequences_past_ids(s.connection())
                    record(s, AuditAction.RESTORE, {"source": str(backup)})
            except BaseException:
                ws.close()
                drop_server_workspace(address)
                raise


def _new_file(target: Path, *, overwrite: bool, exists: str) -> Path:
    """``target`` with the ``.bpws`` suffix added where it has none, checked to be writable as a new file."""
    target = Path(target)
    if not target.suffix:
        target = target.with_name(target.name + WORKSPACE_SUFFIX)
    if target.exists() and not overwrite:
        raise UserInputError(tr("{path} existiert bereits; {what}", path=target, what=exists))
    if not target.parent.is_dir():
        raise UserInputError(tr("Der Ordner {folder} existiert nicht.", folder=target.parent))
    return target


def _build_in_place(target: Path, build: Callable[[Workspace], T]) -> T:
    """Build a workspace in a temporary file beside ``target`` and move it into place only when done."""
    tmp = target.with_name(f".{target.name}.entsteht")
    for leftover in (tmp, Path(f"{tmp}-journal")):
        leftover.unlink(missing_ok=True)
    try:
        with open_workspace(tmp) as ws:
            result = build(ws)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return result


def create_demo_workspace(target: Path, progress: Progress | None = None, *, overwrite: bool = False) -> DemoSummary:
    """Write a new demo workspace to ``target`` (built in a temporary file, then moved into place)."""
    progress = progress or NullProgress()
    target = _new_file(target, overwrite=overwrite, exists=tr("bitte einen anderen Namen wählen."))
    return _build_in_place(target, lambda ws: build_demo_workspace(ws, progress))


def build_demo_workspace(ws: Workspace, progress: Progress | None = None) -> DemoSummary:
    """Fill the open, empty workspace ``ws`` with the demo (a file, or a new server workspace opened by URL)."""
    from bildungsplaner.demo import build_demo

    progress = progress or NullProgress()
    with ws.transaction() as s:
        summary = build_demo(s, progress)
    _save_demo_scenarios(ws)
    _save_demo_reports(ws)
    _import_demo_boundaries(ws)
    return summary


#: where the invented Kreis Lindental lies (EPSG:25832, metres): in the Sauerland, so it passes the Germany check
_DEMO_CENTRE, _DEMO_RADIUS = (440_000.0, 5_680_000.0), 18_000.0


def _import_demo_boundaries(ws: Workspace) -> None:
    """Invented boundaries for the demo's Gemeinden and Sozialräume (Voronoi cells in a circle around
    :data:`_DEMO_CENTRE`), imported through :func:`~bildungsplaner.services.geo.import_boundaries` like real ones, so
    the Daten tab's map works in the demo."""
    import json
    import tempfile

    import numpy as np
    import shapely
    from sqlalchemy import select

    from bildungsplaner.services.geo import import_boundaries
    from bildungsplaner.store.models import Region

    with ws.session() as s:
        rows = list(s.execute(select(Region.id, Region.key, Region.name, Region.level, Region.parent_id)))
    gemeinden = sorted((r for r in rows if r.level == "gemeinde"), key=lambda r: r.key)
    if not gemeinden:
        return
    rng = np.random.default_rng(5999)
    kreis = shapely.Point(*_DEMO_CENTRE).buffer(_DEMO_RADIUS, quad_segs=32)

    def cells(outline: shapely.Geometry, count: int) -> list[shapely.Geometry]:
        x0, y0, x1, y1 = outline.bounds
        seeds: list[shapely.Point] = []
        while len(seeds) < count:  # seeds inside the outline, so every cell keeps its seed's region
            point = shapely.Point(rng.uniform(x0, x1), rng.uniform(y0, y1))
            if outline.contains(point):
                seeds.append(point)
        pieces = shapely.get_parts(shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=outline))
        return [next(shapely.intersection(piece, outline) for piece in pieces if piece.contains(seed))
                for seed in seeds]

    def write(path: Path, features: list[tuple[str, str, shapely.Geometry]]) -> Path:
        path.write_text(json.dumps({
            "type": "FeatureCollection",
            "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
            "features": [{"type": "Feature", "properties": {"SCHLUESSEL": key, "NAME": name},
                          "geometry": json.loads(shapely.to_geojson(geometry))}
                         for key, name, geometry in features]}), encoding="utf-8")
        return path

    gemeinde_cells = dict(zip((g.id for g in gemeinden), cells(kreis, len(gemeinden)), strict=True))
    areas: list[tuple[str, str, shapely.Geometry]] = []
    for gemeinde in gemeinden:
        below = sorted((r for r in rows if r.parent_id == gemeinde.id), key=lambda r: r.key)
        if below:
            areas += [(r.key, r.name, cell) for r, cell in zip(below, cells(gemeinde_cells[gemeinde.id], len(below)),
                                                               strict=True)]
    source = "Erfundene Grenzen des Demo-Arbeitsbereichs (kein amtliches Gebiet)"
    with tempfile.TemporaryDirectory() as folder:
        layers = [("Demo-Gemeinden", "gemeinde",
                   [(g.key, g.name, gemeinde_cells[g.id]) for g in gemeinden])]
        if areas:
            layers.append(("Demo-Sozialräume", "sozialraum", areas))
        for name, level, features in layers:
            path = write(Path(folder) / f"{level}.geojson", features)
            import_boundaries(ws, path, key_field="SCHLUESSEL", name_field="NAME", level=level, name=name,
                              stand="01.01.2025", source=source)


def _save_demo_scenarios(ws: Workspace) -> None:
    from bildungsplaner.demo.scenarios import SCENARIOS
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.planning import run_scenario
    from bildungsplaner.services.scenarios import save_scenario

    for text in SCENARIOS:
        spec = scenario_files.parse(text, "Demo-Szenario")
        save_scenario(ws, spec, result=run_scenario(ws, spec).to_json_dict(),
                      notes="Beispielszenario des Demo-Arbeitsbereichs")


def _save_demo_reports(ws: Workspace) -> None:
    from bildungsplaner.demo.reports import REPORTS
    from bildungsplaner.services.reports import save_report

    for name, text in REPORTS:
        save_report(ws, name, text)


def create_workspace(target: Path | str, *, region: str | None = None, name: str | None = None) -> Path | str:
    """A new, empty workspace at ``target`` (suffix ``.bpws`` added when missing), optionally with its home
    region (created with the chain above it) and a name. Refuses an existing file; returns the path.

    A server address creates the workspace's schema on the server (refused when it exists); returns the address
    as given."""

    if postgres.is_server_address(target):
        url = str(target)
        address = postgres.parse_address(url)
        if server_workspace_exists(url):
            raise UserInputError(tr("Den Arbeitsbereich {name} gibt es auf dem Server schon; ein neuer Arbeitsbereich "
                                    "überschreibt nichts.", name=address.display()))
        with open_workspace(url) as ws:
            try:
                _describe(region, name)(ws)
            except BaseException:
                ws.close()
                drop_server_workspace(address)
                raise
        return url
    path = _new_file(Path(target), overwrite=False, exists=tr("ein neuer Arbeitsbereich überschreibt nichts."))
    _build_in_place(path, _describe(region, name))
    return path


def _describe(region: str | None, name: str | None) -> Callable[[Workspace], None]:
    """What ``new`` writes into a new workspace: the home region, the name, an audit entry."""
    from bildungsplaner.services.home import set_home_region, set_workspace_name

    def build(ws: Workspace) -> None:
        if region:
            set_home_region(ws, region)
        if name:
            set_workspace_name(ws, name)
        with ws.transaction() as s:
            record(s, AuditAction.CREATE, {"region": region or "", "name": name or ""})

    return build


def open_or_create_default(path: Path, progress: Progress | None = None) -> Workspace:
    """Open ``path``; on first start (no file yet) create it as the demo workspace."""
    path = Path(path)
    if not path.exists():
        create_demo_workspace(path, progress)
    return open_workspace(path)
