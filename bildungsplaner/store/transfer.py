"""Copying a workspace's rows between a file and a server (both at the same schema head).

``backup --out FILE.bpws`` of a server workspace and ``restore --from FILE.bpws --workspace URL`` move every row
of every table of the models, table by table in dependency order (:data:`Base.metadata.sorted_tables`), through
SQLAlchemy's types (times, JSON and flags arrive as on the source). Rules:

* The target was created through the migrations (same schema head as the source) and is emptied first in the
  copying transaction (its own „angelegt“ audit entry goes; the source's trail is copied instead).
* Self-references (``region.parent_id``, ``dataset.superseded_by_id``) are written after all rows of their table,
  so a parent or a newer dataset with a higher id is no problem.
* Observations go through :func:`~bildungsplaner.store.bulk.insert_rows` (COPY on PostgreSQL).
* ``workspace_activity`` (who writes right now) and ``alembic_version`` are not copied.
* On PostgreSQL the sequences are set past the copied ids afterwards (:func:`set_sequences_past_ids`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, select, text, update
from sqlalchemy.orm import Session

import bildungsplaner.store.geo  # noqa: F401  # its tables belong to the workspace too
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.models import Base

#: tables that are not part of what a workspace holds
NOT_COPIED = frozenset({"workspace_activity", "alembic_version"})
CHUNK_ROWS = 20_000


def copied_tables() -> list[Table]:
    """The tables a copy writes, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in NOT_COPIED]


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def copy_rows(source: Connection, target: Session, *, after_table: Callable[[str, int], None] | None = None,
              after_rows: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """Copy every row of :func:`copied_tables` from ``source`` into ``target``'s transaction, after deleting
    what the target held; returns the rows per table.

    ``after_table(name, rows)`` runs after each table, ``after_rows(name, rows so far)`` after each chunk of
    a table's rows (progress and Cancel within a large table: raising there aborts the copy, and the caller's
    transaction rolls it back)."""
    conn = target.connection()
    tables = copied_tables()
    for table in reversed(tables):
        conn.execute(delete(table))
    counts: dict[str, int] = {}
    for table in tables:
        columns = [c.name for c in table.columns]
        later = _self_references(table)
        pk = list(table.primary_key.columns)
        rows = source.execution_options(yield_per=CHUNK_ROWS).execute(select(table).order_by(*pk))
        total = 0
        if table.name == "observation":
            chunk_hook = functools.partial(after_rows, table.name) if after_rows is not None else None
            total = insert_rows(target, table, columns, (tuple(r) for r in rows), chunk_rows=CHUNK_ROWS,
                                after_chunk=chunk_hook)
        else:
            deferred: list[dict[str, Any]] = []
            while chunk := list(islice(rows, CHUNK_ROWS)):
                values = [dict(r._mapping) for r in chunk]
                for name in later:
                    deferred += [{"_id": v["id"], "_ref": v[name], "_col": name} for v in values
                                 if v[name] is not None]
                    for v in values:
                        v[name] = None
                conn.execute(table.insert(), values)
                total += len(values)
                if after_rows is not None:
                    after_rows(table.name, total)
            for name in later:
                pending = [{"_id": d["_id"], "_ref": d["_ref"]} for d in deferred if d["_col"] == name]
                if pending:
                    conn.execute(update(table).where(table.c.id == bindparam("_id"))
                                 .values({name: bindparam("_ref")}), pending)
        rows.close()
        counts[table.name] = total
        if after_table is not None:
            after_table(table.name, total)
    return counts


def set_sequences_past_ids(conn: Connection) -> None:
    """PostgreSQL: every table's id sequence continues after the highest copied id (``setval``), so a new row
    gets a fresh id; an empty table starts at 1 again."""
    for table in copied_tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name}).scalar()
        if sequence is None:
            continue
        conn.execute(text(f"SELECT setval(:seq, coalesce((SELECT max(id) FROM {table.name}), 1), "
                          f"(SELECT max(id) IS NOT NULL FROM {table.name}))"), {"seq": sequence})
