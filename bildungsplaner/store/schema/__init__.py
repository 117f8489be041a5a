"""The schema of a new SQLite workspace at the newest revision, as a committed snapshot (``sqlite_head.sql``).

Why: a new workspace file was made by running every migration, which imports Alembic (with Mako and Pygments:
0.12 s by ``-X importtime``) and replays all revisions, rebuilds of ``observation`` and ``scenario`` included.
Executing the snapshot instead (``store/database.py``, ``_migrate``: only for a new file, and only when the
snapshot's revision is the head of the migration scripts) takes ``bildungsplaner new`` from 0.51–0.54 s to
0.31–0.37 s (``rm -f /tmp/n.bpws; time python -m bildungsplaner new /tmp/n.bpws``, 15 alternating runs each,
min–max; the frozen ``bildungsplaner-cli new``: 0.53 s → 0.38–0.42 s). Existing workspaces, and every server
workspace, are still migrated by Alembic; so is a new file when the snapshot is missing or older than the scripts
(a migration was added and the snapshot not regenerated: ``tests/store/test_schema_snapshot.py`` fails then and
names the command).

The snapshot is never written by hand: :func:`generate` migrates a temporary file with Alembic exactly as
``_migrate`` does (observation triggers included) and writes the ``sql`` of every object of ``sqlite_master`` in
creation order (``rowid``), the order that recreates them; it refuses a snapshot that does not recreate the same
``sqlite_master``. After adding a migration (or changing ``sqlite.observation_triggers``)::

    .venv/bin/python -m bildungsplaner.store.schema

The statements keep SQLAlchemy's DDL byte for byte, trailing spaces included (``sqlite_master`` stores the text
as executed); line ends are read as ``\\n`` whatever the checkout made of them.

One thing the migrations do not repeat exactly: Alembic's batch mode copies a rebuilt table's constraints out of
the reflected table's *set* of them (``Table.constraints``, ordered by the objects' identity), so two runs of the
same migrations may write ``scenario``'s (migration 0014) ``CHECK`` and ``UNIQUE`` in either order - the same
table to SQLite. :func:`comparable` ignores that order; the generator keeps the committed file when only the
order changed, so a diff of it shows real changes only.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing  # (a connection's own ``with`` only ends a transaction)
from pathlib import Path

#: The snapshot: a first line ``-- revision: <head>``, then one statement per object, each ending with ``;``.
SNAPSHOT_FILE = Path(__file__).resolve().with_name("sqlite_head.sql")
REVISION_PREFIX = "-- revision: "
#: The command that regenerates the snapshot (named by the tests when the snapshot is behind the migrations).
REGENERATE = ".venv/bin/python -m bildungsplaner.store.schema"

#: (type, name, tbl_name, sql) of one object of ``sqlite_master``
SchemaObject = tuple[str, str, str, str | None]
_CONSTRAINT_STARTS = ("CONSTRAINT ", "PRIMARY KEY", "UNIQUE", "CHECK", "FOREIGN KEY")


def snapshot_revision(path: Path = SNAPSHOT_FILE) -> str | None:
    """The revision the snapshot was made at; ``None`` when there is no snapshot (then Alembic creates)."""
    try:
        with open(path, encoding="utf-8") as f:
            first = f.readline().strip()
    except FileNotFoundError:
        return None
    if not first.startswith(REVISION_PREFIX):
        return None
    return first.removeprefix(REVISION_PREFIX).strip() or None


def snapshot_statements(path: Path = SNAPSHOT_FILE) -> list[str]:
    """The snapshot's statements in order, without their closing ``;`` (as ``sqlite_master`` stores them)."""
    statements: list[str] = []
    pending = ""
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if not pending and (not line.strip() or line.startswith("--")):
            continue  # the revision line and the blank lines between statements
        pending += line
        if sqlite3.complete_statement(pending):  # (a trigger's body holds a ``;`` of its own)
            statements.append(pending.rstrip().removesuffix(";"))
            pending = ""
    if pending.strip():
        raise ValueError(f"{path}: the last statement is incomplete")
    return statements


def create_from_snapshot(raw: sqlite3.Connection, path: Path = SNAPSHOT_FILE) -> str:
    """Create the snapshot's schema in the empty database ``raw`` and record its revision in ``alembic_version``
    (a table of the snapshot like any other); returns the revision.

    Runs in the caller's transaction: statement by statement, never ``executescript`` (it commits first)."""
    revision = snapshot_revision(path)
    if revision is None:
        raise ValueError(f"{path}: no line {REVISION_PREFIX.strip()!r}")
    for sql in snapshot_statements(path):
        raw.execute(sql)
    raw.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (revision,))
    return revision


def schema_objects(raw: sqlite3.Connection) -> list[SchemaObject]:
    """Every object of ``sqlite_master`` in creation order (the automatic indexes too, their ``sql`` is NULL)."""
    return [(kind, name, table, sql) for kind, name, table, sql in raw.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid")]


def comparable(objects: list[SchemaObject]) -> list[tuple[str, str, str, object]]:
    """``objects`` with each table's constraints sorted (see the module docstring: Alembic's batch mode writes
    them in varying order); the columns, everything else and every byte of each definition stay as they are."""
    result: list[tuple[str, str, str, object]] = []
    for kind, name, table, sql in objects:
        head, opening, rest = (sql or "").partition(" (\n\t")
        if kind != "table" or not opening or not rest.endswith("\n)"):
            result.append((kind, name, table, sql))
            continue
        parts = rest.removesuffix("\n)").split(", \n\t")  # SQLAlchemy's layout: one definition a line
        constraints = sorted(part for part in parts if part.startswith(_CONSTRAINT_STARTS))
        columns = [part for part in parts if not part.startswith(_CONSTRAINT_STARTS)]
        result.append((kind, name, table, (head, tuple(columns), tuple(constraints))))
    return result


def render(revision: str, objects: list[SchemaObject]) -> str:
    """The snapshot's text: the revision line, then every object SQLite does not make on its own."""
    if not any(kind == "table" and name == "alembic_version" for kind, name, _table, _sql in objects):
        raise ValueError("the migrated schema has no table alembic_version")
    statements = [sql for _kind, name, _table, sql in objects if sql is not None and not name.startswith("sqlite_")]
    return f"{REVISION_PREFIX}{revision}\n\n" + "".join(f"{sql};\n\n" for sql in statements)


def generate(target: Path = SNAPSHOT_FILE) -> tuple[str, bool]:
    """Migrate a temporary workspace file with Alembic to the head revision (as ``_migrate`` does for a new file,
    the snapshot bypassed) and write its schema to ``target``; returns (revision, whether ``target`` was written).

    Checked before writing: a file created from the new snapshot has exactly the migrated file's
    ``sqlite_master``. ``target`` is kept when it is at the same revision and differs only in the order of a
    table's constraints (:func:`comparable`)."""
    import tempfile

    from bildungsplaner.store import database

    head = database.head_revision()
    with tempfile.TemporaryDirectory() as tmp:
        migrated, candidate = Path(tmp, "migriert.bpws"), Path(tmp, "schema.sql")
        database._migrate(migrated, head, None, None, None, from_snapshot=False)
        with closing(sqlite3.connect(migrated)) as raw:
            objects = schema_objects(raw)
        text = render(head, objects)
        candidate.write_text(text, encoding="utf-8", newline="\n")
        recreated = _objects_from(candidate, Path(tmp, "neu.bpws"))
        if recreated != objects:
            raise RuntimeError("the snapshot does not recreate the migrated schema: "
                               f"{sorted(set(recreated) ^ set(objects), key=str)[:3]}")
        if (snapshot_revision(target) == head
                and comparable(_objects_from(target, Path(tmp, "alt.bpws"))) == comparable(objects)):
            return head, False
    target.write_text(text, encoding="utf-8", newline="\n")
    return head, True


def _objects_from(snapshot: Path, database_file: Path) -> list[SchemaObject]:
    """The ``sqlite_master`` of a new database file created from ``snapshot``."""
    with closing(sqlite3.connect(database_file, isolation_level=None)) as raw:
        raw.execute("BEGIN")
        create_from_snapshot(raw, snapshot)
        raw.execute("COMMIT")
        return schema_objects(raw)


def main() -> int:
    revision, written = generate()
    print(f"{SNAPSHOT_FILE}: revision {revision}" + (" written" if written else ", schema unchanged"))
    return 0
