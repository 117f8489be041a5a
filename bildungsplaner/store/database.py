"""Opening a workspace: create, check the schema version, back up, migrate, hand out sessions.

Rules (each is tested in ``tests/test_store_migrations.py``):

* A workspace is a file (SQLite, the default) or a schema on a PostgreSQL server, addressed by a URL
  (``postgresql://…?workspace=NAME``, :mod:`bildungsplaner.store.postgres`); the rules below hold for both.
* A missing file (schema) becomes a new workspace at the newest schema. A new file is created from the committed
  schema snapshot (:mod:`bildungsplaner.store.schema`) when it is at the head revision, without Alembic.
* A workspace from a newer version of the application (unknown schema revision) is refused with
  :class:`WorkspaceTooNew`; it is only ever opened read-only, so it stays byte-for-byte unchanged.
* A workspace with an older schema is first copied with SQLite's backup API (next to the file, suffix
  ``.bak``), then migrated in one transaction with foreign keys off and checked afterwards; if anything
  fails the transaction is rolled back and the workspace is exactly as it was.
* On the server, creating the schema and migrating it happen in one transaction under a transaction-scoped
  advisory lock with a lock timeout, so two colleagues opening a new version at once never migrate twice, and
  the schema's tables belong to the group role (any member may migrate later). PostgreSQL's transactional DDL
  makes the rollback complete; a server workspace is not copied before migrating (server backups are IT's job).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session, sessionmaker

from bildungsplaner import BildungsplanerError
from bildungsplaner.i18n import tr
from bildungsplaner.paths import migrations_dir
from bildungsplaner.store import postgres, sqlite
from bildungsplaner.store.audit import record
from bildungsplaner.store.models import AuditAction, utcnow

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)


class WorkspaceError(BildungsplanerError):
    """The file cannot be used as a workspace."""


class WorkspaceTooNew(WorkspaceError):
    """The workspace was written by a newer version of the application."""


class WorkspaceBusy(WorkspaceError):
    """A colleague is writing to the (server) workspace right now."""


class MigrationDeclined(WorkspaceError):
    """The server workspace needs a migration to this program's schema and ``confirm_migration`` said no: nothing
    was written, the workspace is not open. ``revision`` → ``head`` is the migration that was due."""

    def __init__(self, message: str, revision: str, head: str) -> None:
        super().__init__(message)
        self.revision, self.head = revision, head


#: ``confirm_migration(stored revision, head)``: asked before a server workspace is migrated (see
#: :func:`open_workspace`); True lets the migration run.
ConfirmMigration = Callable[[str, str], bool]


def alembic_config(script_location: Path | None = None) -> Config:
    from alembic.config import Config  # Alembic costs ~80 ms of start-up; only migrations need it

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or migrations_dir()))
    return cfg


#: How long a writer waits for the write lock when its holder announced nothing (a short write, milliseconds)
UNANNOUNCED_WAIT_MS = 2000

_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:['"]([^'"]+)['"]|None)""", re.M)


def revision_graph(script_location: Path | None = None) -> dict[str, str | None]:
    """``{revision: down_revision}`` read from the migration scripts' assignments, without importing Alembic.

    ``tests/test_store_migrations.py`` checks it against Alembic's own ``ScriptDirectory``.
    """
    graph: dict[str, str | None] = {}
    for script in sorted(Path(script_location or migrations_dir()).joinpath("versions").glob("*.py")):
        found = {m[1]: m[2] for m in _REVISION_LINE.finditer(script.read_text(encoding="utf-8"))}
        if "revision" in found:
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision(script_location: Path | None = None) -> str:
    graph = revision_graph(script_location)
    heads = set(graph) - {down for down in graph.values() if down}
    assert len(heads) == 1, f"expected one head revision, found {sorted(heads)}"
    return heads.pop()


def known_revisions(script_location: Path | None = None) -> set[str]:
    return set(revision_graph(script_location))


def schema_differences(conn: Connection) -> list[object]:
    """How the workspace's schema differs from the models (Alembic's comparison; empty when they agree).

    The foreign keys of ``observation`` that are checked per statement instead
    (:data:`postgres.TRIGGER_CHECKED_FOREIGN_KEYS`: migration 0010 on PostgreSQL, 0013 on SQLite) are not
    reported missing."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from bildungsplaner.store.models import Base

    diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    diff = [d for d in diff if not (isinstance(d, tuple) and d[0] == "add_fk"
                                    and d[1].name in postgres.TRIGGER_CHECKED_FOREIGN_KEYS)]
    return list(diff)


@dataclass
class Workspace:
    """An open workspace (a file, or a schema on a server): its engine and a session factory. Close it with
    :meth:`close`.

    ``path`` is the file; for a server workspace it is only the schema's name (``bp_NAME``, used where a file
    name is, e.g. for backup names), and ``address`` holds the server address."""

    path: Path
    engine: Engine
    schema_version: str
    migrated_from: str | None = None
    backup_path: Path | None = None
    address: postgres.ServerAddress | None = None
    _sessionmaker: sessionmaker[Session] = field(init=False, repr=False)
    #: ids of this process's own rows in ``workspace_activity`` (not named as the colleague who holds the lock)
    _announced: set[int] = field(init=False, repr=False, default_factory=set)

    def __post_init__(self) -> None:
        self._sessionmaker = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_server(self) -> bool:
        return self.address is not None

    @property
    def location(self) -> str:
        """The file's path or the server address without password: what the user sees as the workspace."""
        return self.address.display() if self.address is not None else str(self.path)

    def session(self) -> Session:
        return self._sessionmaker()

    def lock_for_writing(self, session: Session) -> None:
        """Serialise the writers that must not overlap (imports, deletions of imports) for the rest of
        ``session``'s transaction; raises :class:`WorkspaceBusy` at once when a colleague announced a write
        (:meth:`announce`) and holds the lock, and after at most :data:`UNANNOUNCED_WAIT_MS` when the holder
        announced nothing (short writes, such as a Kennzahlen list bringing stored values up to date).

        On a server: a transaction-scoped advisory lock (``pg_try_advisory_xact_lock``), released at commit or
        rollback and at once when the holder's connection dies; browsing goes on meanwhile (MVCC). The refusal
        names who writes and since when (the holder's row in ``workspace_activity``, see :meth:`announce`). On
        SQLite nothing: the file's own write lock serialises writers."""
        if self.address is None:
            return
        from sqlalchemy.exc import DBAPIError

        conn, name = session.connection(), f"{self.address.schema}:write"
        if postgres.try_advisory_xact_lock(conn, name):
            return
        message = self._busy_message(session)
        if message is not None:
            raise WorkspaceBusy(message)
        # Nobody announced a write: the holder is a short one (a colleague's Kennzahlen list bringing stored
        # values up to date holds the lock for milliseconds). Wait a moment instead of refusing an import for
        # that; the wait is bounded, so a holder that does not let go is still reported.
        previous = conn.exec_driver_sql("SHOW lock_timeout").scalar()
        postgres.set_lock_timeout(conn, UNANNOUNCED_WAIT_MS)
        try:
            postgres.advisory_xact_lock(conn, name)
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) != "55P03":  # lock_not_available
                raise
            raise WorkspaceBusy(self._busy_message(session, generic=True) or "") from None
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{previous}'")

    def _busy_message(self, session: Session, generic: bool = False) -> str | None:
        """Who writes and since when, from their announcement; ``None`` when nobody announced a write (unless
        ``generic``: then the message without a name)."""
        from sqlalchemy import select, text

        from bildungsplaner.store.models import WorkspaceActivity

        assert self.address is not None
        name = self.address.display()
        # a row whose server process is gone is stale (a client killed before it could remove it)
        alive = text("(SELECT pid FROM pg_stat_activity)")
        query = (select(WorkspaceActivity).where(WorkspaceActivity.pid.in_(alive))
                 .order_by(WorkspaceActivity.since, WorkspaceActivity.id))
        if self._announced:
            query = query.where(WorkspaceActivity.id.not_in(self._announced))
        row = None if generic else session.scalars(query.limit(1)).first()
        if row is None:
            if not generic:
                return None
            return tr("In den Arbeitsbereich {name} schreibt gerade ein Kollege (z. B. ein Import); bitte versuchen "
                      "Sie es gleich noch einmal.", name=name)
        since = row.since.astimezone().strftime("%H:%M")
        if row.kind == "delete":
            return tr("Gerade löscht {who}@{host} seit {since} einen Import im Arbeitsbereich {name}; bitte "
                      "versuchen Sie es danach noch einmal.", who=row.who, host=row.host, since=since, name=name)
        if row.kind == "boundaries":
            return tr("Gerade importiert {who}@{host} seit {since} Gebietsgrenzen in den Arbeitsbereich {name}; "
                      "bitte versuchen Sie es danach noch einmal.", who=row.who, host=row.host, since=since,
                      name=name)
        if row.kind == "indicators":
            return tr("Gerade berechnet {who}@{host} seit {since} Kennzahlen im Arbeitsbereich {name}; bitte "
                      "versuchen Sie es danach noch einmal.", who=row.who, host=row.host, since=since, name=name)
        if row.kind == "assign":
            return tr("Gerade ordnet {who}@{host} seit {since} im Arbeitsbereich {name} Einrichtungen den Gebieten "
                      "zu; bitte versuchen Sie es danach noch einmal.", who=row.who, host=row.host, since=since,
                      name=name)
        return tr("Gerade importiert {who}@{host} seit {since} in den Arbeitsbereich {name}; bitte versuchen Sie "
                  "es danach noch einmal.", who=row.who, host=row.host, since=since, name=name)

    @contextlib.contextmanager
    def announce(self, kind: str) -> Iterator[None]:
        """On a server: note in ``workspace_activity`` that this person on this computer now writes (``kind``:
        "import", "delete", "boundaries", "indicators" or "assign"; named in :meth:`_busy_message`), in a short
        committed transaction of its own before the writer waits for :meth:`lock_for_writing`, and remove the
        note afterwards, also after an error or Cancel. Rows of server processes that are gone are removed on the
        way. On a file nothing."""
        if self.address is None:
            yield
            return
        import socket

        from sqlalchemy import delete, func, insert, text
        from sqlalchemy.exc import DBAPIError

        from bildungsplaner.store.models import WorkspaceActivity

        table = WorkspaceActivity
        try:
            with self.engine.begin() as conn:
                conn.execute(delete(table).where(table.pid.is_(None)
                                                 | table.pid.not_in(text("(SELECT pid FROM pg_stat_activity)"))))
                row_id = int(conn.execute(insert(table).values(
                    kind=kind, who=postgres.session_user(conn)[:100],
                    host=socket.gethostname().split(".")[0][:100] or "?", since=utcnow(),
                    pid=func.pg_backend_pid()).returning(table.id)).scalar_one())
        except DBAPIError as exc:
            raise WorkspaceError(_server_error(self.address, exc)) from exc
        self._announced.add(row_id)
        try:
            yield
        finally:
            self._announced.discard(row_id)
            try:
                with self.engine.begin() as conn:
                    conn.execute(delete(table).where(table.id == row_id))
            except DBAPIError:  # the server is gone: the row is stale with its session and ignored
                log.warning("Aktivitätseintrag %s nicht entfernt", row_id, exc_info=True)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any exception."""
        with self._sessionmaker.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def stored_revision(path: Path) -> tuple[str | None, bool]:
    """(schema revision, has tables) of a workspace file, read through a read-only connection.

    Compared with the head read from the migration scripts (:func:`head_revision`), this decides whether a
    migration is due; only then is Alembic imported (``_migrate``)."""
    return sqlite.read_schema_state(path)


def open_workspace(path: Path | str, *, create: bool = True, script_location: Path | None = None,
                   confirm_migration: ConfirmMigration | None = None) -> Workspace:
    """Open (and if needed create or migrate) the workspace at ``path``: a file, or a ``postgresql://`` URL.

    ``confirm_migration(revision, head)`` is asked only for a server workspace whose schema is older than this
    program's, before anything is written (colleagues on older versions are refused afterwards); False raises
    :class:`MigrationDeclined` and leaves the workspace as it was. A file is migrated without asking (it is
    copied first and has one writer)."""
    if postgres.is_server_address(path):
        return open_server_workspace(str(path), create=create, script_location=script_location,
                                     confirm_migration=confirm_migration)
    path = Path(path)
    if not path.exists():
        if not create:
            raise WorkspaceError(tr("Der Arbeitsbereich {path} existiert nicht.", path=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        revision, has_tables = None, False
    else:
        if path.is_dir():
            raise WorkspaceError(tr("{path} ist ein Ordner, kein Arbeitsbereich.", path=path))
        if not sqlite.is_sqlite_file(path):
            raise WorkspaceError(tr("{path} ist keine Bildungsplaner-Arbeitsbereichsdatei.", path=path))
        try:
            revision, has_tables = stored_revision(path)
        except Exception as exc:
            raise WorkspaceError(tr("{path} kann nicht gelesen werden: {error}", path=path, error=exc)) from exc
        if has_tables and revision is None:
            raise WorkspaceError(tr("{path} ist eine Datenbank, aber kein Bildungsplaner-Arbeitsbereich.",
                                    path=path))

    head = head_revision(script_location)
    if revision is not None and revision not in known_revisions(script_location):
        raise WorkspaceTooNew(
            tr("Der Arbeitsbereich {name} stammt aus einer neueren Version von Bildungsplaner (Schemastand "
               "{revision}). Bitte installieren Sie die aktuelle Version; die Datei bleibt unverändert.",
               name=path.name, revision=revision)
        )

    backup_path: Path | None = None
    if revision != head:
        if revision is not None:
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            backup_path = path.with_name(f"{path.name}.vor-migration-{revision}-{stamp}.bak")
            backup_file(path, backup_path)
        try:
            _migrate(path, head, script_location, revision, backup_path)
        except WorkspaceError:
            raise
        except Exception as exc:
            kept = tr(" Sicherung: {path}.", path=backup_path) if backup_path else ""
            raise WorkspaceError(
                tr("Die Aktualisierung des Arbeitsbereichs {name} auf Schemastand {head} ist fehlgeschlagen "
                   "({error_type}: {error}); die Datei ist unverändert.{kept}", name=path.name, head=head,
                   error_type=type(exc).__name__, error=exc, kept=kept)
            ) from exc

    engine = sqlite.make_engine(path)
    return Workspace(path=path, engine=engine, schema_version=head, migrated_from=revision,
                     backup_path=backup_path)


def _migrate(path: Path, head: str, script_location: Path | None, revision: str | None,
             backup_path: Path | None, *, from_snapshot: bool = True) -> None:
    """Upgrade to ``head`` in one transaction with foreign keys off; check them before committing.

    A new file (``revision`` None) is created from the schema snapshot instead when it is at ``head`` (see
    :func:`_snapshot_at_head`); ``from_snapshot=False`` forces the migrations (the snapshot's own generator)."""
    use_snapshot = from_snapshot and revision is None and _snapshot_at_head(head, script_location)
    engine = sqlite.make_engine(path)
    try:
        with engine.connect() as conn:
            raw = sqlite.raw_connection(conn)
            sqlite.set_foreign_keys(raw, False)
            with conn.begin():
                if use_snapshot:
                    from bildungsplaner.store import schema

                    schema.create_from_snapshot(raw)  # (the observation triggers are part of it)
                else:
                    from alembic import command

                    cfg = alembic_config(script_location)
                    cfg.attributes["connection"] = conn
                    sqlite.drop_observation_triggers(raw)  # (a migration may rebuild the tables they name)
                    command.upgrade(cfg, head)
                    sqlite.create_observation_triggers(raw)
                problems = sqlite.foreign_key_problems(raw)
                if problems:
                    raise WorkspaceError(tr("Die Migration des Arbeitsbereichs wurde abgebrochen, weil Verweise "
                                            "fehlen: {problem}", problem=problems[0]))
                with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
                    if revision is None:
                        record(session, AuditAction.CREATE, {"schema": head})
                    else:
                        record(session, AuditAction.MIGRATION, {
                            "from": revision, "to": head,
                            "backup": str(backup_path) if backup_path else None,
                        })
                    session.commit()
            sqlite.set_foreign_keys(raw, True)
    finally:
        engine.dispose()


def _snapshot_at_head(head: str, script_location: Path | None) -> bool:
    """Whether a new file may be created from the committed schema snapshot (``store/schema``): only for this
    package's own migration scripts, and only when the snapshot was made at their head. Creating from it skips
    importing Alembic and replaying every migration: ``bildungsplaner new`` 0.51–0.54 s → 0.31–0.37 s (see
    ``store/schema/__init__.py``). A snapshot left behind by a new migration is ignored (Alembic creates, as
    before), and ``tests/store/test_schema_snapshot.py`` fails until it is regenerated."""
    from bildungsplaner.store import schema

    if script_location is not None and Path(script_location).resolve() != migrations_dir().resolve():
        return False
    return schema.snapshot_revision() == head


def backup_file(source_path: Path, target: Path) -> None:
    """Back up a workspace file that is not open (read-only connection, SQLite backup API)."""
    source = sqlite.make_engine(source_path, readonly=True)
    try:
        with source.connect() as conn:
            sqlite.backup_to(sqlite.raw_connection(conn), target)
    finally:
        source.dispose()


def open_server_workspace(url: str | postgres.ServerAddress, *, create: bool = True,
                          script_location: Path | None = None,
                          confirm_migration: ConfirmMigration | None = None) -> Workspace:
    """Open (and if needed create or migrate) the workspace schema that ``url`` names on a PostgreSQL server
    (``confirm_migration``: see :func:`open_workspace`)."""
    from sqlalchemy.exc import DBAPIError

    address = url if isinstance(url, postgres.ServerAddress) else postgres.parse_address(url)
    head = head_revision(script_location)
    engine = postgres.make_engine(address)
    confirmed: set[str] = set()

    def ask(revision: str | None) -> None:
        """Before an existing schema is migrated (never for a new one): the caller's consent, else nothing."""
        if revision is None or revision == head or confirm_migration is None or revision in confirmed:
            return
        if not confirm_migration(revision, head):
            raise MigrationDeclined(
                tr("Der Arbeitsbereich {name} wurde nicht aktualisiert (Schemastand {revision}, diese Version "
                   "braucht {head}) und nicht geöffnet; auf dem Server ist nichts geändert.",
                   name=address.display(), revision=revision, head=head), revision, head)
        confirmed.add(revision)

    try:
        with engine.connect() as conn:
            with conn.begin():
                postgres.check_encoding(conn, address)
                revision, _ = _server_state(conn, address, create=create, head=head, script_location=script_location)
            migrated_from = revision
            if revision != head:
                ask(revision)  # outside any transaction: a dialog may wait here, holding no lock
                with conn.begin():
                    postgres.set_lock_timeout(conn, postgres.LOCK_TIMEOUT_MS)
                    postgres.advisory_xact_lock(conn, address.schema)
                    # a colleague may have created or migrated it while we waited for the lock
                    migrated_from, _ = _server_state(conn, address, create=create, head=head,
                                                     script_location=script_location)
                    if migrated_from != head:
                        ask(migrated_from)  # a colleague's version migrated it part of the way meanwhile
                        _migrate_server(conn, address, head, script_location, migrated_from)
    except (WorkspaceError, postgres.ServerAddressError):
        engine.dispose()
        raise
    except DBAPIError as exc:
        engine.dispose()
        raise WorkspaceError(_server_error(address, exc)) from exc
    except Exception as exc:
        engine.dispose()
        raise WorkspaceError(
            tr("Die Einrichtung des Arbeitsbereichs {name} auf Schemastand {head} ist fehlgeschlagen "
               "({error_type}: {error}); der Arbeitsbereich auf dem Server ist unverändert.",
               name=address.display(), head=head, error_type=type(exc).__name__, error=exc)
        ) from exc
    return Workspace(path=Path(address.schema), engine=engine, schema_version=head,
                     migrated_from=migrated_from, address=address)


def _server_state(conn: Connection, address: postgres.ServerAddress, *, create: bool, head: str,
                  script_location: Path | None) -> tuple[str | None, bool]:
    """(revision, schema exists) of the workspace schema, refusing what must not be opened."""
    if not postgres.schema_exists(conn, address.schema):
        if not create:
            raise WorkspaceError(tr("Den Arbeitsbereich {name} gibt es auf dem Server nicht.",
                                    name=address.display()))
        return None, False
    revision, has_tables = postgres.read_schema_state(conn, address.schema)
    if has_tables and revision is None:
        raise WorkspaceError(tr("Das Schema {schema} auf dem Server ist kein Bildungsplaner-Arbeitsbereich.",
                                schema=address.schema))
    if revision is not None and revision not in known_revisions(script_location):
        raise WorkspaceTooNew(
            tr("Der Arbeitsbereich {name} wurde von einer neueren Version von Bildungsplaner eingerichtet "
               "(Schemastand {revision}). Bitte installieren Sie die aktuelle Version; der Arbeitsbereich bleibt "
               "unverändert.", name=address.display(), revision=revision))
    return revision, True


def _migrate_server(conn: Connection, address: postgres.ServerAddress, head: str, script_location: Path | None,
                    revision: str | None) -> None:
    """Create the schema where needed and upgrade it to ``head`` in the caller's transaction (holding the lock)."""
    from alembic import command

    member = postgres.is_member_of(conn, address.role)
    if member is False or (member is None and address.role_given):
        raise WorkspaceError(tr("Sie ({user}) gehören nicht zur Rolle {role}, der die Arbeitsbereiche auf dem "
                                "Server gehören. Bitte wenden Sie sich an die IT.",
                                user=postgres.session_user(conn), role=address.role))
    owner = address.role if member else None
    if not postgres.schema_exists(conn, address.schema):
        postgres.create_schema(conn, address.schema, owner)
    postgres.act_as(conn, owner)
    cfg = alembic_config(script_location)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, head)
    with Session(bind=conn, join_transaction_mode="create_savepoint") as session:
        if revision is None:
            record(session, AuditAction.CREATE, {"schema": head})
        else:
            record(session, AuditAction.MIGRATION, {"from": revision, "to": head})
        session.commit()


def _server_error(address: postgres.ServerAddress, exc: Exception) -> str:
    """A German message for a failed connection or statement; never contains a password."""
    orig = getattr(exc, "orig", exc)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate == "55P03":  # lock_not_available: the lock timeout expired
        return tr("Der Arbeitsbereich {name} wird gerade von einem Kollegen eingerichtet oder aktualisiert; "
                  "bitte versuchen Sie es gleich noch einmal.", name=address.display())
    detail = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    password = dict(address.params).get("password")
    if password:
        detail = detail.replace(password, "***")
    return tr("Der Arbeitsbereich {name} auf dem Server ist nicht erreichbar: {error}", name=address.display(),
              error=detail)


def server_workspace_exists(url: str) -> bool:
    """Whether the workspace schema that ``url`` names exists on the server (nothing is created)."""
    from sqlalchemy.exc import DBAPIError

    address = postgres.parse_address(url)
    engine = postgres.make_engine(address)
    try:
        with engine.connect() as conn:
            return postgres.schema_exists(conn, address.schema)
    except DBAPIError as exc:
        raise WorkspaceError(_server_error(address, exc)) from exc
    finally:
        engine.dispose()


def drop_server_workspace(address: postgres.ServerAddress) -> None:
    """Remove a workspace schema with everything in it (only for one this program has just created and failed
    to fill; any member of the group role that owns it may)."""
    engine = postgres.make_engine(address)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{address.schema}" CASCADE')
    finally:
        engine.dispose()


def check_server_workspace(url: str) -> list[str]:
    """The server's counterpart of the file check: schema present and known, tables as the models say, every
    observation's references present (the triggers of migration 0010 check them); empty list when sound.
    Never creates or migrates anything."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    address = postgres.parse_address(url)
    engine = postgres.make_engine(address)
    problems: list[str] = []
    try:
        with engine.connect() as conn, conn.begin():
            postgres.check_encoding(conn, address)
            if not postgres.schema_exists(conn, address.schema):
                return [tr("Den Arbeitsbereich {name} gibt es auf dem Server nicht.", name=address.display())]
            revision, _ = postgres.read_schema_state(conn, address.schema)
            if revision is None:
                return [tr("Kein Schemastand gefunden: das Schema {schema} ist kein Bildungsplaner-Arbeitsbereich.",
                           schema=address.schema)]
            if revision not in known_revisions():
                return [tr("Schemastand {revision} stammt aus einer neueren Programmversion.", revision=revision)]
            if revision == head_revision():
                problems += [tr("Schema: {problem}", problem=d) for d in schema_differences(conn)]
            for parent in ("dataset", "indicator", "region"):
                missing = conn.execute(text(
                    f"SELECT count(*) FROM observation o WHERE NOT EXISTS "
                    f"(SELECT 1 FROM {parent} p WHERE p.id = o.{parent}_id)")).scalar()
                if missing:
                    problems.append(tr("Fremdschlüssel: {count} Werte verweisen auf fehlende Zeilen in {table}.",
                                       count=missing, table=parent))
    except DBAPIError as exc:
        return [_server_error(address, exc)]
    finally:
        engine.dispose()
    return problems
