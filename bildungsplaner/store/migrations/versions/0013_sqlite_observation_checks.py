"""observations' references checked once per statement on SQLite (imports at the speed of the bare insert)

SQLite checks a foreign key row by row: of the 3.65 s that 1.5 million observations took to insert as stored,
the three references of ``observation`` (dataset, indicator, region) cost about 0.65 s
(``benchmarks/sqlite_floor_genesis.py``), a sixth of the whole import. As on PostgreSQL (migration 0010) they
are no foreign keys any more; the same rules are kept:

* inserting observations: every dataset, indicator and region they name must exist - checked once per
  statement against the distinct keys by an engine event of the store (``store/sqlite.py``,
  ``_check_observation_insert``), inside the inserting transaction; refused with SQLite's own
  „FOREIGN KEY constraint failed“ (an ``IntegrityError``), nothing of the statement written;
* updating an observation's keys: per-row trigger (updates of the keys are rare);
* deleting (or renumbering) a dataset, indicator or region an observation still names: refused by per-row
  triggers (``RESTRICT``); parents are deleted rarely, and the lookup costs what the foreign key's did;
* the workspace check (``bildungsplaner check``, and the check after every migration) finds orphans by query
  (``sqlite.foreign_key_problems``).

SQLite cannot drop a constraint, so the table is rebuilt: created without the three foreign keys (otherwise
exactly as 0001 made it), the rows copied with their ids, the old table dropped, the new one renamed, and its
indexes created again from their stored definitions. Migrations run with foreign keys off in one transaction
(``store/database.py``), so nothing else notices. The triggers are dropped before every later migration and
created again after it (``_migrate``), so a later migration may rebuild ``dataset``, ``indicator``, ``region`` or
``observation`` as it likes. On PostgreSQL nothing happens here (0010 did it there).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 14:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

COLUMNS = "id, dataset_id, indicator_id, region_id, period, dimensions, value, flag"

TABLE = """CREATE TABLE {name} (
	id INTEGER NOT NULL, 
	dataset_id INTEGER NOT NULL, 
	indicator_id INTEGER NOT NULL, 
	region_id INTEGER NOT NULL, 
	period VARCHAR(20) NOT NULL, 
	dimensions VARCHAR(500) NOT NULL, 
	value FLOAT, 
	flag VARCHAR(8), 
	CONSTRAINT pk_observation PRIMARY KEY (id){references}
)"""  # noqa: W291 - the layout of SQLAlchemy's DDL, as 0001 stored it

FOREIGN_KEYS = """, 
	CONSTRAINT fk_observation_dataset_id_dataset FOREIGN KEY(dataset_id) REFERENCES dataset (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_observation_indicator_id_indicator FOREIGN KEY(indicator_id) REFERENCES indicator (id) ON DELETE RESTRICT, 
	CONSTRAINT fk_observation_region_id_region FOREIGN KEY(region_id) REFERENCES region (id) ON DELETE RESTRICT"""  # noqa: W291,E501

def _rebuild(references: str) -> None:
    """Create-copy-drop-rename ``observation`` with ``references`` after the primary key; indexes kept as stored."""
    bind = op.get_bind()
    indexes = [sql for (sql,) in bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' AND sql IS NOT NULL "
        "ORDER BY name")]
    op.execute(TABLE.format(name="_observation_0013", references=references))
    op.execute(f"INSERT INTO _observation_0013 ({COLUMNS}) SELECT {COLUMNS} FROM observation ORDER BY id")
    op.execute("DROP TABLE observation")
    op.execute("ALTER TABLE _observation_0013 RENAME TO observation")
    for sql in indexes:  # built once over the copied rows, faster than kept up while copying
        op.execute(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    from bildungsplaner.store.sqlite import observation_triggers

    _rebuild("")
    for sql in observation_triggers():  # (CREATE TRIGGER IF NOT EXISTS)
        op.execute(sql)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    from bildungsplaner.store.sqlite import OBSERVATION_TRIGGER_NAMES

    for name in OBSERVATION_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    _rebuild(FOREIGN_KEYS)
