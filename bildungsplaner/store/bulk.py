"""Fast multi-row INSERT through the driver's ``executemany``, portable across dialects.

The ORM and even ``session.execute(insert(Model), list_of_dicts)`` spend most of their time building
dictionaries and parameter sets; an import of a million observations needs the plain DB-API path. The
statement is compiled by SQLAlchemy for the connection's dialect (no hand-written SQL), and rows are passed
as tuples where the driver's paramstyle is positional (SQLite's ``?``) or as dictionaries otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from sqlalchemy import FromClause, Table
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
    compiled = table.insert().compile(dialect=conn.dialect, column_keys=list(columns))
    sql = str(compiled)
    positional = bool(compiled.positional)
    check_lengths = conn.dialect.name in limits.ENFORCING
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
        if check_lengths:
            limits.check_rows(table, columns, chunk)
        if positional:
            params: list[Any] = chunk if identity else [tuple(row[i] for i in order) for row in chunk]
        else:
            params = [dict(zip(columns, row, strict=True)) for row in chunk]
        conn.exec_driver_sql(sql, params)
        total += len(chunk)
        if after_chunk is not None:
            after_chunk(total)
    return total
