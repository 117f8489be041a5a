"""Everything SQLite-specific lives here: pragmas, transaction control, checks, backup.

Why the transaction handling: Python's ``sqlite3`` module (pysqlite) does not start a transaction before DDL
and silently commits on its own; then a migration is not atomic. Following SQLAlchemy's documented recipe
we switch the driver to autocommit (``isolation_level = None``) and emit ``BEGIN`` ourselves in the
``begin`` event, so every SQLAlchemy transaction - DDL included - is one real SQLite transaction.

Pragmas are set in the ``connect`` event, i.e. outside any transaction, where SQLite honours them
(``PRAGMA foreign_keys`` is ignored inside an open transaction).

Journal mode is the rollback journal (``DELETE``), never WAL: workspaces often live on network shares,
where WAL's shared memory does not work, and a plain file copy of a WAL database is not a backup.

The three references of ``observation`` (dataset, indicator, region) are no foreign keys (migration 0013): a
foreign key is checked row by row, which cost a fifth of a million-row import. They are checked here instead,
once per statement against the distinct keys (:func:`_check_observation_insert`, an engine event, so every
insert through SQLAlchemy is covered: the bulk import's ``executemany``, ORM and Core inserts), and by triggers
where the per-row cost does not matter (an update of the keys, a deletion of a parent: ``RESTRICT``).
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL

from bildungsplaner.i18n import tr

SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_KIB = 65536
BUSY_TIMEOUT_MS = 10_000


def is_sqlite_file(path: Path) -> bool:
    """True for an SQLite database file; an empty file counts (SQLite treats it as an empty database)."""
    with open(path, "rb") as f:
        head = f.read(16)
    return head == SQLITE_HEADER or head == b""


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # 64 MiB page cache instead of 2 MiB: a million-row import updates two indexes per row, and with the
        # default cache their pages are evicted and re-read constantly (measured: benchmarks/import_1m.py)
        cursor.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        if not _is_readonly(dbapi_connection):
            cursor.execute("PRAGMA journal_mode = DELETE")
            cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _is_readonly(dbapi_connection: sqlite3.Connection) -> bool:
    row = dbapi_connection.execute("PRAGMA query_only").fetchone()
    return bool(row and row[0])


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path, *, readonly: bool = False, echo: bool = False) -> Engine:
    """An engine for the workspace file ``path`` with pragmas and real transactions (see module doc)."""
    if readonly:
        uri = Path(path).resolve().as_uri() + "?mode=ro"
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            echo=echo,
        )
    else:
        engine = create_engine(URL.create("sqlite", database=str(path)), echo=echo)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    event.listen(engine, "before_cursor_execute", _check_observation_insert)
    event.listen(engine, "after_cursor_execute", _check_inserted_observations)
    return engine


#: (column, parent table) of the references of ``observation`` that are checked per statement (migration 0013)
OBSERVATION_REFERENCES = (("dataset_id", "dataset"), ("indicator_id", "indicator"), ("region_id", "region"))
#: The message of SQLite's own foreign-key violation, so a refusal reads (and is caught) as before.
FOREIGN_KEY_FAILED = "FOREIGN KEY constraint failed"
_INSERT_OBSERVATION = re.compile(
    r'\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+"?observation"?(?![\w"])\s*(?:\(([^)]*)\))?(.*)\Z',
    re.IGNORECASE | re.DOTALL)
#: ``VALUES (?, …)`` once or several times (:mod:`.bulk` sends 100 rows per statement, values flattened)
_ROWS_OF_MARKERS = re.compile(r"\s*VALUES\s*(\(\s*\?(?:\s*,\s*\?)*\s*\))(?:\s*,\s*\1)*\s*\Z", re.IGNORECASE)
#: ``conn.info`` key: the highest observation id before a statement whose new rows are checked afterwards
_CHECK_FROM = "bildungsplaner.observations_from"
_IN_CHUNK = 500


def _check_observation_insert(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                              executemany: bool) -> None:
    """Before an ``INSERT INTO observation``: refuse it when a row names a dataset, indicator or region that does
    not exist (``sqlite3.IntegrityError`` „FOREIGN KEY constraint failed“, wrapped by SQLAlchemy as a foreign
    key's was); nothing of the statement is written then.

    Why it is fast: the import's ``executemany`` of 50,000 rows (500 statements of 100 rows each, see
    :mod:`.bulk`) costs three passes over the parameters in C and three ``IN`` queries on the primary keys of the
    parents, instead of three B-tree lookups per row inside SQLite. A statement of another shape (``INSERT …
    SELECT``, literal values) is
    checked after it ran, on the rows with ids above the highest before (:func:`_check_inserted_observations`).
    SQLite transactions are serialisable (one writer; a deletion of a parent waits for ours), so a check in the
    inserting transaction is as good as the foreign key was."""
    match = _INSERT_OBSERVATION.match(statement)
    if match is None:
        return
    raw = cursor.connection
    if not raw.execute("PRAGMA foreign_keys").fetchone()[0]:  # off, as in a migration: not checked, as before
        return
    names = [name.strip().strip('"') for name in match[1].split(",")] if match[1] else []
    rows = parameters if executemany else [parameters]
    markers = _ROWS_OF_MARKERS.match(match[2]) if names else None
    if markers and markers[1].count("?") == len(names) and all(isinstance(row, (tuple, list)) for row in rows[:1]):
        width, per_row = len(names), match[2].count("?")  # (a statement's rows all bind per_row values)
        keys = {column: _distinct(rows, names.index(column), width, per_row)
                for column, _parent in OBSERVATION_REFERENCES if column in names}
        if all(type(key) is int for ids in keys.values() for key in ids):
            for column, parent in OBSERVATION_REFERENCES:
                missing = _missing_ids(raw, parent, keys.get(column, ()))
                if missing is not None:
                    raise sqlite3.IntegrityError(f"{FOREIGN_KEY_FAILED} (observation.{column} = {missing} "
                                                 f"names no row of {parent})")
            return
    conn.info[_CHECK_FROM] = (context, raw.execute("SELECT coalesce(max(id), 0) FROM observation").fetchone()[0])


def _check_inserted_observations(conn: Any, cursor: Any, _statement: str, _parameters: Any, context: Any,
                                 _executemany: bool) -> None:
    """After an insert :func:`_check_observation_insert` could not check beforehand: its new rows are those
    above the highest id before (SQLite gives a new row the highest id plus one); when one names a missing
    parent they are removed again - as SQLite aborts a statement - and the statement is refused."""
    pending = conn.info.pop(_CHECK_FROM, None)
    if pending is None or pending[0] is not context:  # (left by a statement that failed: nothing to check)
        return
    start = pending[1]
    raw = cursor.connection
    for column, parent in OBSERVATION_REFERENCES:
        row = raw.execute(f"SELECT o.{column} FROM observation o WHERE o.id > ? AND NOT EXISTS "
                          f"(SELECT 1 FROM {parent} p WHERE p.id = o.{column}) LIMIT 1", (start,)).fetchone()
        if row is not None:
            raw.execute("DELETE FROM observation WHERE id > ?", (start,))
            raise sqlite3.IntegrityError(f"{FOREIGN_KEY_FAILED} (observation.{column} = {row[0]} names no row of "
                                         f"{parent})")


def _distinct(rows: Sequence[Sequence[Any]], position: int, width: int, per_row: int) -> set[Any]:
    """The distinct values at ``position`` of every row, where each parameter list of ``per_row`` values holds
    rows of ``width``."""
    if per_row == width:
        return set(map(itemgetter(position), rows))
    found: set[Any] = set()
    for row in rows:
        found.update(row[position::width])
    return found


def _missing_ids(raw: sqlite3.Connection, parent: str, ids: Iterable[int]) -> int | None:
    """One of ``ids`` that is no row of ``parent``, or ``None`` when all are."""
    wanted = sorted(ids)
    for i in range(0, len(wanted), _IN_CHUNK):
        chunk: Sequence[int] = wanted[i:i + _IN_CHUNK]
        found = {row[0] for row in raw.execute(
            f"SELECT id FROM {parent} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
        if len(found) < len(chunk):
            return next(key for key in chunk if key not in found)
    return None


def observation_triggers() -> list[str]:
    """The triggers that keep the references of ``observation`` sound where a row at a time is cheap (migration
    0013): an update of an observation's keys must name existing rows, and a dataset, indicator or region still
    named by an observation can neither be deleted nor change its id (``RESTRICT``)."""
    raise_failed = f"SELECT RAISE(ABORT, '{FOREIGN_KEY_FAILED}')"
    # like foreign keys, only while ``PRAGMA foreign_keys`` is on (the store's connections; not in migrations)
    enforced = "(SELECT foreign_keys FROM pragma_foreign_keys)"
    missing = " OR ".join(f"NOT EXISTS (SELECT 1 FROM {parent} WHERE id = NEW.{column})"
                          for column, parent in OBSERVATION_REFERENCES)
    columns = ", ".join(column for column, _parent in OBSERVATION_REFERENCES)
    triggers = [f"CREATE TRIGGER IF NOT EXISTS observation_references_on_update BEFORE UPDATE OF {columns} ON "
                f"observation FOR EACH ROW WHEN {enforced} AND ({missing}) BEGIN {raise_failed}; END"]
    for column, parent in OBSERVATION_REFERENCES:
        used = f"EXISTS (SELECT 1 FROM observation WHERE {column} = OLD.id)"
        if parent == "region":
            # through the index (indicator_id, region_id, period): one seek per indicator instead of reading
            # every observation per deleted region, as the foreign key did (every observation's indicator
            # exists: checked on insert, and an indicator with observations cannot be deleted)
            used = ("EXISTS (SELECT 1 FROM observation WHERE indicator_id IN (SELECT id FROM indicator) "
                    "AND region_id = OLD.id)")
        triggers.append(f"CREATE TRIGGER IF NOT EXISTS {parent}_observations_on_delete BEFORE DELETE ON {parent} "
                        f"FOR EACH ROW WHEN {enforced} AND {used} BEGIN {raise_failed}; END")
        triggers.append(f"CREATE TRIGGER IF NOT EXISTS {parent}_observations_on_update BEFORE UPDATE OF id ON "
                        f"{parent} FOR EACH ROW WHEN {enforced} AND NEW.id IS NOT OLD.id AND {used} "
                        f"BEGIN {raise_failed}; END")
    return triggers


OBSERVATION_TRIGGER_NAMES = ("observation_references_on_update",
                             *(f"{parent}_observations_on_{event}" for _column, parent in OBSERVATION_REFERENCES
                               for event in ("delete", "update")))


def drop_observation_triggers(dbapi_connection: sqlite3.Connection) -> None:
    """Before migrating: a migration may rebuild ``observation`` or one of its parents (create a copy, drop,
    rename), and SQLite refuses to rename a table while a trigger names a table that is missing at that moment;
    :func:`create_observation_triggers` puts them back afterwards (``store/database.py``, ``_migrate``)."""
    for name in OBSERVATION_TRIGGER_NAMES:
        dbapi_connection.execute(f"DROP TRIGGER IF EXISTS {name}")


def create_observation_triggers(dbapi_connection: sqlite3.Connection) -> None:
    """Create the triggers of :func:`observation_triggers` that are missing, where ``observation`` has no foreign
    keys (from migration 0013 on; before it they are not needed)."""
    tables = {name for (name,) in dbapi_connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"observation", *(parent for _column, parent in OBSERVATION_REFERENCES)} <= tables:
        return
    if dbapi_connection.execute("PRAGMA foreign_key_list(observation)").fetchall():
        return
    for sql in observation_triggers():
        dbapi_connection.execute(sql)


def read_schema_state(path: Path) -> tuple[str | None, bool]:
    """(Alembic revision or ``None``, has tables) of a workspace file, through one plain read-only ``sqlite3``
    connection: every opening of a workspace reads this first (the window's start too), and an engine with its
    inspector costs about 15 ms more. The tables are those SQLAlchemy's inspector lists (no ``sqlite_`` ones)."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        tables = {name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return revision, bool(tables)
    finally:
        conn.close()


def raw_connection(connection: Any) -> sqlite3.Connection:
    """The driver-level sqlite3 connection behind a SQLAlchemy ``Connection``."""
    return connection.connection.driver_connection


def set_foreign_keys(dbapi_connection: sqlite3.Connection, enabled: bool) -> None:
    """Switch foreign keys; only effective outside a transaction (as in a migration's preamble)."""
    if dbapi_connection.in_transaction:
        raise RuntimeError(tr("PRAGMA foreign_keys wirkt nicht innerhalb einer offenen Transaktion"))
    dbapi_connection.execute(f"PRAGMA foreign_keys = {'ON' if enabled else 'OFF'}")


def foreign_key_problems(dbapi_connection: sqlite3.Connection) -> list[str]:
    """Every row naming a missing row of another table: SQLite's own check of the foreign keys, and for the
    references of ``observation`` that are no foreign keys (migration 0013) the same by query."""
    rows = dbapi_connection.execute("PRAGMA foreign_key_check").fetchall()
    tables = {name for (name,) in dbapi_connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "observation" in tables:
        declared = {row[3] for row in dbapi_connection.execute("PRAGMA foreign_key_list(observation)")}
        for column, parent in OBSERVATION_REFERENCES:
            if column in declared or parent not in tables:
                continue
            rows += [("observation", rowid, parent, None) for (rowid,) in dbapi_connection.execute(
                f"SELECT o.id FROM observation o WHERE NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = o.{column}) "
                "ORDER BY o.id")]
    return [tr("Tabelle {table}, Zeile {row}: Verweis auf fehlenden Eintrag in {parent}", table=table, row=rowid,
               parent=parent) for table, rowid, parent, _fk in rows]


def integrity_problems(dbapi_connection: sqlite3.Connection, *, quick: bool = False) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in dbapi_connection.execute(f"PRAGMA {pragma}").fetchall()]
    return [] if rows == ["ok"] else rows


def has_hot_journal(path: Path) -> bool:
    journal = Path(f"{path}-journal")
    return journal.exists() and journal.stat().st_size > 0


def backup_to(source: sqlite3.Connection, target: Path) -> None:
    """Copy a consistent snapshot of ``source`` to ``target`` with SQLite's online backup API.

    Written to a temporary file beside the target and moved into place, so the target is either the whole
    new backup or left as it was.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    if tmp.exists():
        tmp.unlink()
    dest = sqlite3.connect(tmp)
    try:
        source.backup(dest)
        problems = integrity_problems(dest, quick=True)
    finally:
        dest.close()
    if problems:
        tmp.unlink(missing_ok=True)
        raise OSError(tr("Die Sicherung ist beschädigt: {problem}", problem=problems[0]))

    os.replace(tmp, target)
