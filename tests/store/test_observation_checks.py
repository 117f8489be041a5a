"""The references of ``observation`` (dataset, indicator, region) are checked once per statement, not per row.

On PostgreSQL by statement-level triggers (migration 0010), on SQLite by the store's engine event and per-row
triggers on the parents (migration 0013). What a user notices is the same as with the foreign keys before: an
import naming a missing row is refused whole, a dataset, indicator or region with values cannot be deleted, the
workspace check finds values whose region is gone, and an older workspace keeps every value when it is migrated.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError

from bildungsplaner.paths import migrations_dir
from bildungsplaner.store import sqlite as sq
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.database import head_revision, open_workspace
from bildungsplaner.store.models import Dataset, Indicator, Observation, Region

COLUMNS = ("dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag")


def parents(s) -> tuple[int, int, int]:
    """(dataset, indicator, region) ids of new rows in the session's transaction."""
    region = Region(key="05999001", name="Lindental", level="gemeinde")
    ind = Indicator(code="BEV", name="Bevölkerung")
    ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
    s.add_all([region, ind, ds])
    s.flush()
    return ds.id, ind.id, region.id


def count(ws, model) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


@pytest.mark.parametrize("wrong", [0, 1, 2], ids=["dataset", "indicator", "region"])
@pytest.mark.parametrize("where", [120_000, 100_050], ids=["last row alone", "amid a statement of 100 rows"])
def test_an_import_naming_a_missing_row_is_refused_and_nothing_of_it_remains(backend_workspace, wrong,
                                                                             where) -> None:
    ws = backend_workspace
    with pytest.raises(IntegrityError), ws.transaction() as s:
        keys = list(parents(s))
        good = [(*keys, str(2000 + i % 20), f"Alter={i}", float(i), None) for i in range(120_000)]
        keys[wrong] += 1000
        # the bad row in the third chunk: two chunks of 50,000 rows are written before it is met; on SQLite the
        # 120,001st row goes alone after 200 statements of 100 rows, the 100,051st is the 51st of a statement's
        good.insert(where, (*keys, "2024", "", 1.0, None))
        insert_rows(s, Observation.__table__, COLUMNS, good)
    assert [count(ws, m) for m in (Observation, Dataset, Indicator, Region)] == [0, 0, 0, 0]


@pytest.mark.parametrize("how", ["one object", "several objects", "core insert", "insert from select"])
def test_observations_naming_a_missing_region_are_refused_whatever_the_insert(backend_workspace, how) -> None:
    ws = backend_workspace
    with ws.transaction() as s:
        dataset, indicator, region = parents(s)
        s.add(Observation(dataset_id=dataset, indicator_id=indicator, region_id=region, period="2023", value=1.0))
    row = {"dataset_id": dataset, "indicator_id": indicator, "region_id": region + 7, "period": "2024",
           "dimensions": "", "value": 2.0}
    with pytest.raises(IntegrityError), ws.transaction() as s:
        if how == "one object":
            s.add(Observation(**row))
        elif how == "several objects":
            s.add_all([Observation(**{**row, "region_id": region}), Observation(**row)])
        elif how == "core insert":
            s.execute(insert(Observation), [{**row, "region_id": region}, row])
        else:
            s.execute(text("INSERT INTO observation (dataset_id, indicator_id, region_id, period, dimensions, value) "
                           "SELECT dataset_id, indicator_id, region_id + 7, '2024', '', 2 FROM observation"))
        s.flush()
    with ws.session() as s:
        assert s.scalars(select(Observation.period)).all() == ["2023"]


def test_an_insert_that_is_caught_leaves_nothing_behind_in_the_transaction(backend_workspace) -> None:
    """Like a foreign key, a refused statement is undone on its own; the transaction goes on (on PostgreSQL, which
    aborts the whole transaction after an error, from a savepoint — as the program's own writers do)."""
    ws = backend_workspace
    with ws.transaction() as s:
        dataset, indicator, region = parents(s)
        for regions in ([region], [region, region + 1]):
            with contextlib.suppress(IntegrityError), s.begin_nested() if ws.is_server else contextlib.nullcontext():
                s.execute(insert(Observation), [{"dataset_id": dataset, "indicator_id": indicator, "region_id": r,
                                                 "period": "2024", "dimensions": str(r)} for r in regions])
    with ws.session() as s:
        assert s.scalars(select(Observation.dimensions)).all() == [str(region)]


@pytest.mark.parametrize("parent", ["dataset", "indicator", "region"])
def test_a_parent_with_observations_can_be_neither_deleted_nor_renumbered(backend_workspace, parent) -> None:
    ws = backend_workspace
    with ws.transaction() as s:
        ids = dict(zip(("dataset", "indicator", "region"), parents(s), strict=True))
        s.add(Observation(dataset_id=ids["dataset"], indicator_id=ids["indicator"], region_id=ids["region"],
                          period="2024", value=1.0))
    with pytest.raises(IntegrityError), ws.transaction() as s:
        s.execute(text(f"DELETE FROM {parent}"))
    if not ws.is_server:  # (on the server ids are never changed and there is no trigger for it)
        with pytest.raises(IntegrityError), ws.transaction() as s:
            s.execute(text(f"UPDATE {parent} SET id = id + 100"))
    with pytest.raises(IntegrityError), ws.transaction() as s:
        s.execute(text(f"UPDATE observation SET {parent}_id = {parent}_id + 100"))
    assert count(ws, Observation) == 1
    with ws.session() as s:
        assert s.scalar(text(f"SELECT id FROM {parent}")) == ids[parent]
    with ws.transaction() as s:  # without its values it goes
        s.execute(text("DELETE FROM observation"))
        s.execute(text(f"DELETE FROM {parent}"))
    with ws.session() as s:
        assert s.scalar(text(f"SELECT count(*) FROM {parent}")) == 0


def _workspace_at(path: Path, revision: str) -> None:
    from alembic import command

    from bildungsplaner.store.database import alembic_config

    engine = sq.make_engine(path)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def test_a_workspace_of_revision_0012_keeps_every_value_and_the_index_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "alt.bpws"
    _workspace_at(path, "0012")
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA foreign_keys = ON")
    raw.execute("INSERT INTO region (id, key, name, level) VALUES (3, '05999001', 'Lindental', 'gemeinde')")
    raw.execute("INSERT INTO indicator (id, code, name, unit, description, phase) "
                "VALUES (5, 'BEV', 'Bevölkerung', '', '', 'Bevölkerung/Kontext')")
    raw.execute("INSERT INTO dataset (id, file_name, sha256, format, imported_at, row_count, imported_by, meta) "
                "VALUES (9, 'a.csv', 'x', 'csv', '2026-12-04 00:00:00', 0, 't', '{}')")
    rows = [(10 + 3 * i, 9, 5, 3, str(2000 + i % 20), f"Alter={i}", None if i % 7 == 0 else i / 4,
             "." if i % 7 == 0 else None) for i in range(3000)]
    raw.executemany("INSERT INTO observation (id, dataset_id, indicator_id, region_id, period, dimensions, value, "
                    "flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    raw.commit()
    index_before = raw.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' "
                               "ORDER BY name").fetchall()
    assert raw.execute("PRAGMA foreign_key_list(observation)").fetchall(), "0012 still has the foreign keys"
    raw.close()

    with open_workspace(path) as ws:
        assert ws.migrated_from == "0012" and ws.schema_version == head_revision()
        assert ws.backup_path is not None and ws.backup_path.exists()
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("SELECT id, dataset_id, indicator_id, region_id, period, dimensions, value, flag "
                           "FROM observation ORDER BY id").fetchall() == rows
        assert raw.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'observation' "
                           "ORDER BY name").fetchall() == index_before
        assert raw.execute("PRAGMA foreign_key_list(observation)").fetchall() == []
        triggers = {name for (name,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert set(sq.OBSERVATION_TRIGGER_NAMES) <= triggers
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        plan = " ".join(str(r) for r in raw.execute(
            "EXPLAIN QUERY PLAN SELECT value FROM observation WHERE indicator_id = 5 AND region_id = 3"))
        assert "ix_observation_indicator_region_period" in plan
    finally:
        raw.close()
    with open_workspace(path) as ws, pytest.raises(IntegrityError), ws.transaction() as s:
        s.execute(text("DELETE FROM region"))


def test_a_later_migration_that_rebuilds_a_parent_keeps_the_refusals(tmp_path: Path) -> None:
    path = tmp_path / "ws.bpws"
    with open_workspace(path) as ws, ws.transaction() as s:
        dataset, indicator, region = parents(s)
        s.add(Observation(dataset_id=dataset, indicator_id=indicator, region_id=region, period="2024", value=1.0))
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = {head_revision()!r}\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n"
        "    for table in ('region', 'observation'):\n"
        "        with op.batch_alter_table(table, recreate='always') as batch:\n"
        "            batch.add_column(sa.Column('note', sa.Text(), nullable=True))\n"
        "\n\ndef downgrade():\n    pass\n", encoding="utf-8")
    with open_workspace(path, script_location=scripts) as ws:
        assert ws.schema_version == "0099"
        with pytest.raises(IntegrityError), ws.transaction() as s:
            s.execute(text("DELETE FROM region"))
        with pytest.raises(IntegrityError), ws.transaction() as s:
            s.execute(text("UPDATE observation SET region_id = region_id + 1"))
        assert count(ws, Observation) == 1 and count(ws, Region) == 1


def test_the_workspace_check_finds_a_value_whose_region_is_gone(tmp_path: Path) -> None:
    from bildungsplaner.services.workspace import check_workspace

    path = tmp_path / "ws.bpws"
    with open_workspace(path) as ws, ws.transaction() as s:
        dataset, indicator, region = parents(s)
        s.add(Observation(dataset_id=dataset, indicator_id=indicator, region_id=region, period="2024", value=1.0))
    assert check_workspace(path) == []
    raw = sqlite3.connect(path)  # another program: as with foreign keys, checked only when it turns them on
    raw.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        raw.execute("DELETE FROM region")
    raw.rollback()  # (the pragma has no effect inside the transaction the refused statement began)
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("DELETE FROM region")
    raw.commit()
    raw.close()
    problems = check_workspace(path)
    assert len(problems) == 1 and "observation" in problems[0] and "region" in problems[0], problems


def _migrate_server_to(ws, revision: str) -> None:
    from alembic import command

    from bildungsplaner.store.database import alembic_config

    with ws.engine.connect() as conn, conn.begin():
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        (command.upgrade if revision == "head" else command.downgrade)(cfg, revision)


def test_migration_0015_checks_from_one_pass_over_the_rows_and_back_to_0010s_checks(server) -> None:
    """PostgreSQL: 0015 replaces the check of inserted rows (one pass over them instead of six); at 0014 (0010's
    function) and at head a missing parent named anywhere in a statement is refused with its id, and the
    refusing function is the one of the revision."""
    ws = server.open()
    with ws.transaction() as s:
        keys = parents(s)
        s.add(Observation(dataset_id=keys[0], indicator_id=keys[1], region_id=keys[2], period="2023", value=1.0))

    def function_text() -> str:
        return server.sql("SELECT prosrc FROM pg_proc WHERE proname = 'observation_references_exist' "
                          "AND pronamespace = %(s)s::regnamespace", s=f"bp_{server.workspace_name}")[0][0]

    def refused(wrong: int) -> str:
        rows = [(*keys, str(2000 + i), "", float(i), None) for i in range(300)]
        named = list(keys)
        named[wrong] += 1000
        rows.insert(150, (*named, "2024", "x", 1.0, None))
        with pytest.raises(IntegrityError) as caught, ws.transaction() as s:
            insert_rows(s, Observation.__table__, COLUMNS, rows)
        assert count(ws, Observation) == 1
        return str(caught.value)

    assert "unnest" in function_text()
    for revision, one_pass in (("0014", False), ("head", True)):
        _migrate_server_to(ws, revision)
        assert ("unnest" in function_text()) is one_pass
        for wrong, parent in enumerate(("dataset", "indicator", "region")):
            assert f"= {keys[wrong] + 1000} names no row of {parent}" in refused(wrong)
