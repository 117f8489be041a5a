"""Fast multi-row INSERT: the driver's ``executemany`` (SQLite), ``COPY … FROM STDIN`` (PostgreSQL).

The ORM and even ``session.execute(insert(Model), list_of_dicts)`` spend most of their time building
dictionaries and parameter sets; an import of a million observations needs the plain DB-API path. On SQLite the
statement is compiled by SQLAlchemy for the connection's dialect (no hand-written SQL), and rows are passed
as tuples where the driver's paramstyle is positional (SQLite's ``?``) or as dictionaries otherwise.

On PostgreSQL, ``executemany`` sends one statement per row (24–30 s for a million observations); COPY streams
the rows (psycopg's ``Copy.write_row``, in C) over the same connection, so it is part of the session's
transaction: all or nothing, and a cancelled import (``after_chunk`` raising) aborts the COPY and rolls back
with the rest. Texts longer than their column are refused before they are sent (:mod:`.limits`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import Connection, FromClause, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bildungsplaner.store import limits

CHUNK_ROWS = 50_000


def insert_rows(session: Session, table: FromClause, columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
                chunk_rows: int = CHUNK_ROWS, after_chunk: Callable[[int], None] | None = None) -> int:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in the session's transaction.

    ``table``: a ``Table`` or a mapped class's ``__table__`` (which SQLAlchemy types as a ``FromClause``).
    ``after_chunk(rows_so_far)`` runs after each chunk (progress, cancellation). Returns the row count.
    """
    conn = session.connection()
    if not isinstance(table, Table):
        raise TypeError(f"insert_rows needs a table, not {table!r}")
    if conn.dialect.name == "postgresql":
        return _copy_rows(conn, table, columns, rows, chunk_rows=chunk_rows, after_chunk=after_chunk)
    compiled = table.insert().compile(dialect=conn.dialect, column_keys=list(columns))
    sql = str(compiled)
    positional = bool(compiled.positional)
    if positional:
        names = list(compiled.positiontup or [])
        order = [list(columns).index(name) for name in names]
        identity = order == list(range(len(columns)))
    total = 0
    iterator = iter(rows)
    while True:
        chunk = list(islice(iterator, chunk_rows))
        if not chunk:
            break
        if positional:
            params: list[Any] = chunk if identity else [tuple(row[i] for i in order) for row in chunk]
        else:
            params = [dict(zip(columns, row, strict=True)) for row in chunk]
        conn.exec_driver_sql(sql, params)
        total += len(chunk)
        if after_chunk is not None:
            after_chunk(total)
    return total


def _copy_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]], *,
               chunk_rows: int, after_chunk: Callable[[int], None] | None) -> int:
    """``COPY table (columns) FROM STDIN`` on the session's own psycopg connection (see the module doc)."""
    preparer = conn.dialect.identifier_preparer
    statement = (f"COPY {preparer.format_table(table)} ({', '.join(preparer.quote(n) for n in columns)}) "
                 "FROM STDIN")
    raw: Any = conn.connection.driver_connection
    dbapi_error = conn.dialect.loaded_dbapi.Error
    total = 0
    iterator = iter(rows)
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            while True:
                chunk = list(islice(iterator, chunk_rows))
                if not chunk:
                    break
                limits.check_rows(table, columns, chunk)
                write = copy.write_row
                for row in chunk:
                    write(row)
                total += len(chunk)
                if after_chunk is not None:
                    after_chunk(total)
    except dbapi_error as exc:  # the same exception classes as a statement through SQLAlchemy (IntegrityError …)
        raise DBAPIError.instance(statement, None, exc, dbapi_error) from exc
    return total
