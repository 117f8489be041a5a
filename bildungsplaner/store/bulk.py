"""Fast multi-row INSERT: the driver's ``executemany`` (SQLite), ``COPY … FROM STDIN`` (PostgreSQL).

The ORM and even ``session.execute(insert(Model), list_of_dicts)`` spend most of their time building
dictionaries and parameter sets; an import of a million observations needs the plain DB-API path. On SQLite the
statement is compiled by SQLAlchemy for the connection's dialect (no hand-written SQL), and rows are passed
as tuples where the driver's paramstyle is positional (SQLite's ``?``) or as dictionaries otherwise.

On SQLite one statement carries :data:`ROWS_PER_STATEMENT` rows (``VALUES (?, …), (?, …), …``, the rows'
values flattened into one parameter list): ``executemany`` of one row per statement spent 2 of its 3.3 s for
1.5 million observations binding, stepping and resetting the statement per row in Python's sqlite3 module -
SQLite's own work, the table and its index, is 0.8 s of it (``INSERT … SELECT`` from a temporary table). With
100 rows per statement the insert takes 1.9 s (``benchmarks/sqlite_floor_genesis.py``, case f); beyond 100 it
gains nothing. A statement stays under the 999 parameters older SQLite builds allow.

On PostgreSQL, ``executemany`` sends one statement per row (24–30 s for a million observations); COPY streams
the rows (psycopg's ``Copy.write_row``, in C) over the same connection, so it is part of the session's
transaction: all or nothing, and a cancelled import (``after_chunk`` raising) aborts the COPY and rolls back
with the rest. Texts longer than their column are refused before they are sent (:mod:`.limits`).
"""

from __future__ import annotations

import ctypes
import functools
import gc
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Connection, FromClause, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from bildungsplaner.store import limits

if TYPE_CHECKING:  # numpy only where an array is passed: the window's first screen imports none (store/transfer)
    import numpy as np

CHUNK_ROWS = 50_000
#: Rows per ``INSERT`` statement on SQLite (at most, see the module doc; fewer for wide tables).
ROWS_PER_STATEMENT = 100
_MAX_PARAMETERS = 999


def insert_rows(session: Session, table: FromClause, columns: Sequence[str],
                rows: Iterable[Sequence[Any]] | np.ndarray | ColumnRows, *, chunk_rows: int = CHUNK_ROWS,
                after_chunk: Callable[[int], None] | None = None) -> int:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table`` in the session's transaction.

    ``rows`` may also be a two-dimensional numpy array of Python objects (one column per name; ``None`` for
    NULL) or the columns :func:`object_rows` keeps, made into such an array chunk by chunk: its statements'
    parameters are cut from the array in C, half the time of making a tuple per row and flattening them (0.39
    against 0.87 s for 1.5 million observations).
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
        per_statement = max(1, min(ROWS_PER_STATEMENT, _MAX_PARAMETERS // max(len(names), 1)))
        many_sql = _many_rows(sql, per_statement) if per_statement > 1 else None
    total = 0
    for chunk in _chunks(rows, chunk_rows):
        if not positional:
            conn.exec_driver_sql(sql, [dict(zip(columns, row, strict=True)) for row in _tuples(chunk)])
        else:
            if not identity:
                chunk = ([tuple(row[i] for i in order) for row in chunk] if isinstance(chunk, list)
                         else chunk[:, order])
            # whole groups of per_statement rows through many_sql, the rest one row per statement
            whole = len(chunk) - len(chunk) % per_statement if many_sql is not None else 0
            if many_sql is not None and whole:
                conn.exec_driver_sql(many_sql, _grouped(chunk[:whole], per_statement, len(names)))
            if whole < len(chunk):
                conn.exec_driver_sql(sql, _tuples(chunk[whole:]))
        total += len(chunk)
        if after_chunk is not None:
            after_chunk(total)
    return total


_job_lock = threading.Lock()
_jobs = 0
_collector_was_enabled = False


@contextmanager
def bulk_job() -> Iterator[None]:
    """The process set up for a bulk job while one runs (re-entrant, from any thread; what was before comes back
    after the last job ends): Python's cyclic garbage collector off and, with the GNU C library, freed memory
    kept for the next array (:func:`_keep_freed_memory`).

    An import makes millions of short-lived tuples and arrays of objects, none of them cycles; each pass of the
    collector walks every container alive, and the passes cost 0.3–0.45 s of the 6.5 s a GENESIS table of 1.5
    million cells took to import (``benchmarks/bench_genesis_import.py``, measured with the collector off). Memory
    is freed by reference counting as before; only cycles wait for the collector to run again."""
    global _jobs, _collector_was_enabled
    with _job_lock:
        if _jobs == 0:
            _collector_was_enabled = gc.isenabled()
            gc.disable()
            _keep_freed_memory(True)
        _jobs += 1
    try:
        yield
    finally:
        with _job_lock:
            _jobs -= 1
            if _jobs == 0:
                _keep_freed_memory(False)
                if _collector_was_enabled:
                    gc.enable()


#: glibc's ``mallopt`` parameters (malloc.h) and the thresholds: kept during a bulk job, afterwards the largest
#: ones glibc's own sliding rule reaches (32 MiB for mapping a block of its own, twice that for trimming).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_KEPT, _MMAP_AFTER, _TRIM_AFTER = 256 << 20, 32 << 20, 64 << 20


def _keep_freed_memory(keep: bool) -> None:
    """With the GNU C library (Linux): while ``keep``, blocks up to 256 MiB come from the heap and freed ones
    stay there for the next, then unused memory goes back to the system (``malloc_trim``). Elsewhere nothing.

    glibc gives every large block (at first from 128 KiB on) a mapping of its own and returns it on ``free``; the
    next array of the same size is mapped again and every 4 KiB page of it faults in, zeroed by the kernel,
    anew. An import makes dozens of arrays of 1.5 million entries one after the other: 0.5 s of the 5.6 s a
    GENESIS table of 1.5 million cells took as a process went to that (``bench_genesis_import.py``)."""
    libc = _glibc()
    if libc is None:
        return
    mmap_threshold, trim_threshold = (_KEPT, _KEPT) if keep else (_MMAP_AFTER, _TRIM_AFTER)
    libc.mallopt(_M_MMAP_THRESHOLD, mmap_threshold)
    libc.mallopt(_M_TRIM_THRESHOLD, trim_threshold)
    if not keep:
        libc.malloc_trim(0)


@functools.cache
def _glibc() -> Any:
    """The process's C library if it is glibc, else ``None``."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)
    except OSError:  # pragma: no cover - a Linux without a loadable C library
        return None
    return libc if all(hasattr(libc, name) for name in ("gnu_get_libc_version", "mallopt", "malloc_trim")) else None


def null_value(session: Session) -> Any:
    """What stands for NULL in the rows of :func:`insert_rows` at the least cost on the session's database: NaN
    on SQLite, elsewhere ``None``.

    SQLite binds a NaN as NULL (``sqlite3_bind_double`` makes a NaN a NULL value; asked of the connection here,
    not assumed). Python's sqlite3 module binds ``int``, ``float`` and ``str`` directly but ``None`` through its
    adapter protocol - a tuple built, a dictionary and two attributes looked up per value: 0.14 s of the insert
    of 1.5 million observations whose flags are mostly empty (``benchmarks/sqlite_floor_genesis.py``)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        nan = float("nan")
        raw: Any = conn.connection.driver_connection
        if raw.execute("SELECT ? IS NULL", (nan,)).fetchone()[0] == 1:
            return nan
    return None


def object_rows(length: int, columns: Sequence[Any]) -> ColumnRows:
    """``length`` rows for :func:`insert_rows` given column by column: each column a scalar (the same value in
    every row) or a sequence of ``length`` values. Numbers become Python ``int``/``float`` as they are put into
    the chunks' object arrays (what the drivers bind); NaN is *not* turned into ``None`` here."""
    import numpy as np

    for column in columns:
        if np.ndim(column) and len(column) != length:
            raise ValueError(f"insert_rows: a column of {len(column)} values for {length} rows")
    return ColumnRows(length, tuple(columns), tuple(bool(np.ndim(column)) for column in columns))


@dataclass(frozen=True)
class ColumnRows:
    """Rows kept as their columns (:func:`object_rows`); :func:`insert_rows` makes one object array per chunk.

    One array of all rows was 84 MB for the 1.5 million observations of a GENESIS table, every page of it fresh
    from the kernel (0.07 s of the import); a chunk's array of 50,000 rows reuses the same heap pages."""

    length: int
    columns: tuple[Any, ...]
    sequences: tuple[bool, ...]  # per column: a sequence of values (else one value for every row)

    def __len__(self) -> int:
        return self.length

    def chunk(self, start: int, stop: int) -> np.ndarray:
        """Rows ``start`` to ``stop`` as a two-dimensional object array."""
        import numpy as np

        out = np.empty((stop - start, len(self.columns)), dtype=object)
        for j, (column, sequence) in enumerate(zip(self.columns, self.sequences, strict=True)):
            out[:, j] = column[start:stop] if sequence else column
        return out


def shared_objects(values: np.ndarray, null: Any = None) -> np.ndarray:
    """``values`` (numbers) as an object array for :func:`object_rows` in which equal numbers are one Python
    object and NaN is ``null`` (``None``, or what :func:`null_value` gives). ``values.astype(object)`` makes an
    object per entry: for the region and indicator ids and the values of 1.5 million observations 120 MiB of new
    ints and floats, each page of them fresh from the kernel; hashed first, an import has a few thousand."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values)  # NaN: -1
    return np.asarray([*np.asarray(uniques).tolist(), null], dtype=object)[codes]


def _chunks(rows: Iterable[Sequence[Any]] | np.ndarray | ColumnRows,
            size: int) -> Iterator[list[Any] | np.ndarray]:
    """``rows`` in chunks of ``size``: lists of tuples, or arrays (slices of an array, anything with ``ndim``,
    or made from the columns of :class:`ColumnRows`)."""
    if isinstance(rows, ColumnRows):
        yield from (rows.chunk(i, min(i + size, len(rows))) for i in range(0, len(rows), size))
        return
    if hasattr(rows, "ndim"):
        array = cast("np.ndarray", rows)
        if array.ndim != 2:
            raise ValueError("insert_rows: a two-dimensional array of rows expected")
        yield from (array[i:i + size] for i in range(0, len(array), size))
        return
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _tuples(chunk: list[Any] | np.ndarray) -> list[Any]:
    """The rows of ``chunk`` as tuples, made column-wise: ``chunk.tolist()`` would make a list per row, and a
    million lists kept the garbage collector busy for 2 s of a PostgreSQL import (a tuple of numbers and texts
    is untracked at the first collection, a list never)."""
    return chunk if isinstance(chunk, list) else list(zip(*chunk.T.tolist(), strict=True))


def _many_rows(sql: str, rows: int) -> str | None:
    """``sql`` (``INSERT … VALUES (?, …)``) with ``rows`` groups of markers, or ``None`` for another shape."""
    head, separator, group = sql.rpartition(" VALUES ")
    if not separator or not group.startswith("(") or not group.endswith(")") or "(" in group[1:]:
        return None
    return f"{head} VALUES {', '.join([group] * rows)}"


def _grouped(rows: list[Any] | np.ndarray, per_statement: int, width: int) -> list[tuple[Any, ...]]:
    """``rows`` (a multiple of ``per_statement``) as one flat parameter tuple per statement: an array reshaped, a
    list of tuples flattened into one tuple and sliced, both in C."""
    if not isinstance(rows, list):
        return list(map(tuple, rows.reshape(len(rows) // per_statement, -1).tolist()))
    flat = tuple(chain.from_iterable(rows))  # (SQLAlchemy takes parameter sets as tuples)
    if len(flat) != len(rows) * width:
        raise ValueError(f"insert_rows: rows of {width} values expected")
    step = per_statement * width
    return [flat[i:i + step] for i in range(0, len(flat), step)]


def _copy_rows(conn: Connection, table: Table, columns: Sequence[str],
               rows: Iterable[Sequence[Any]] | np.ndarray | ColumnRows, *,
               chunk_rows: int, after_chunk: Callable[[int], None] | None) -> int:
    """``COPY table (columns) FROM STDIN`` on the session's own psycopg connection (see the module doc)."""
    preparer = conn.dialect.identifier_preparer
    statement = (f"COPY {preparer.format_table(table)} ({', '.join(preparer.quote(n) for n in columns)}) "
                 "FROM STDIN")
    raw: Any = conn.connection.driver_connection
    dbapi_error = conn.dialect.loaded_dbapi.Error
    total = 0
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for rows_chunk in _chunks(rows, chunk_rows):
                chunk = _tuples(rows_chunk)
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
