"""Everything SQLite-specific lives here: pragmas, transaction control, checks, backup.

Why the transaction handling: Python's ``sqlite3`` module (pysqlite) does not start a transaction before DDL
and silently commits on its own; then a migration is not atomic. Following SQLAlchemy's documented recipe
we switch the driver to autocommit (``isolation_level = None``) and emit ``BEGIN`` ourselves in the
``begin`` event, so every SQLAlchemy transaction - DDL included - is one real SQLite transaction.

Pragmas are set in the ``connect`` event, i.e. outside any transaction, where SQLite honours them
(``PRAGMA foreign_keys`` is ignored inside an open transaction).

Journal mode is the rollback journal (``DELETE``), never WAL: workspaces often live on network shares,
where WAL's shared memory does not work, and a plain file copy of a WAL database is not a backup.
"""

from __future__ import annotations

import os
import sqlite3
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
    return engine


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
    rows = dbapi_connection.execute("PRAGMA foreign_key_check").fetchall()
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
