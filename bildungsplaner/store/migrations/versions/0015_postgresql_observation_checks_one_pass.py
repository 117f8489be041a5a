"""observations' references on PostgreSQL checked from one pass over the inserted rows

Migration 0010 checks an inserting statement's rows against dataset, indicator and region with three queries, each
reading the statement's rows (the transition table ``new_rows``) twice: for the distinct keys and for the parents
to lock. A million imported observations spent 0.68 s in them here (``benchmarks/import_backends.py``, 2026-12-04:
PostgreSQL 4.76 s, 2.14× SQLite). Now the rows are read once, into their distinct (dataset, indicator, region)
triples — a few hundred — and the three checks run on those keys: 0.14 s. The rules, the ``FOR KEY SHARE`` locks on
the named parents and the error (SQLSTATE 23503, the missing id named) are those of 0010.

Nothing changes on SQLite (migration 0013 checks there).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04 23:00:00
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

#: (column, parent table, array variable) of the references checked
REFERENCES = (("dataset_id", "dataset", "datasets"), ("indicator_id", "indicator", "indicators"),
              ("region_id", "region", "regions"))

CHECK_NEW = """
CREATE OR REPLACE FUNCTION observation_references_exist() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
DECLARE
    datasets bigint[];
    indicators bigint[];
    regions bigint[];
    missing bigint;
BEGIN
    -- one pass over the statement's rows: their distinct triples (hashed), then each column's distinct ids
    SELECT array_agg(DISTINCT k.dataset_id), array_agg(DISTINCT k.indicator_id), array_agg(DISTINCT k.region_id)
        INTO datasets, indicators, regions
        FROM (SELECT DISTINCT dataset_id, indicator_id, region_id FROM new_rows) k;
    {checks}
    RETURN NULL;
END $$
"""

ONE_CHECK = """
    SELECT n.id INTO missing FROM unnest({keys}) AS n(id)
        LEFT JOIN (SELECT id FROM {parent} WHERE id = ANY({keys}) FOR KEY SHARE) p ON p.id = n.id
        WHERE p.id IS NULL LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'observation.{column} = % names no row of {parent}', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    checks = "".join(ONE_CHECK.format(column=column, parent=parent, keys=keys)
                     for column, parent, keys in REFERENCES)
    op.execute(CHECK_NEW.format(checks=checks))


def _revision_0010() -> ModuleType:
    """Migration 0010 (its function's text), loaded from its file: the scripts are no importable package."""
    path = Path(__file__).with_name("0010_postgresql_observation_checks.py")
    spec = importlib.util.spec_from_file_location("_bildungsplaner_migration_0010", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    old = _revision_0010()
    checks = "".join(old.ONE_CHECK.format(column=column, parent=parent) for _, column, parent in old.REFERENCES)
    op.execute(old.CHECK_NEW.format(checks=checks).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1))
