"""A new workspace file is created from the committed schema snapshot (``store/schema/sqlite_head.sql``) instead
of replaying every migration through Alembic: the snapshot is at the migrations' head, gives exactly the schema
the migrations give, works like it, and spares the import of Alembic. Real SQLite files, no server."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from realdata import POPULATION_TEMPLATE
from sqlalchemy import insert, select, text
from sqlalchemy.exc import IntegrityError

from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import check_workspace
from bildungsplaner.store import schema
from bildungsplaner.store.database import head_revision, open_workspace
from bildungsplaner.store.models import AuditEntry, Dataset, Indicator, Observation, Region

REPO = Path(__file__).resolve().parents[2]

POPULATION = ImportTemplate.loads(POPULATION_TEMPLATE)


@pytest.fixture
def snapshot_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The revisions the real :func:`schema.create_from_snapshot` wrote, one per workspace made from it."""
    calls: list[str] = []
    real: Callable[..., str] = schema.create_from_snapshot

    def counted(*args: object, **kwargs: object) -> str:
        calls.append(real(*args, **kwargs))
        return calls[-1]

    monkeypatch.setattr(schema, "create_from_snapshot", counted)
    return calls


def state(path: Path) -> dict[str, object]:
    """What a new workspace file is made of: its schema objects in creation order (each table's constraints
    sorted: Alembic's batch mode writes them in varying order, ``schema.comparable``), the pragmas an application
    may set, the revision row and the audit trail's kinds and details."""
    with closing(sqlite3.connect(path)) as raw:
        return {
            "objects": schema.comparable(schema.schema_objects(raw)),
            "user_version": raw.execute("PRAGMA user_version").fetchone()[0],
            "application_id": raw.execute("PRAGMA application_id").fetchone()[0],
            "alembic_version": raw.execute("SELECT version_num FROM alembic_version").fetchall(),
            "audit": [(action, json.loads(details)) for action, details in raw.execute(
                "SELECT action, details FROM audit_entry ORDER BY id")],
        }


def test_the_committed_snapshot_is_at_the_head_of_the_migrations() -> None:
    assert schema.snapshot_revision() == head_revision(), (
        f"{schema.SNAPSHOT_FILE.name} was made at revision {schema.snapshot_revision()}, the migrations' head is "
        f"{head_revision()}: regenerate it with `{schema.REGENERATE}` and commit it")


def test_the_generator_gives_the_committed_snapshot_and_keeps_it_when_nothing_changed(tmp_path: Path) -> None:
    fresh = tmp_path / "neu.sql"
    assert schema.generate(fresh) == (head_revision(), True)
    assert schema.snapshot_revision(fresh) == head_revision()
    assert comparable_statements(fresh) == comparable_statements(schema.SNAPSHOT_FILE), (
        f"the migrations (or sqlite.observation_triggers) give another schema than {schema.SNAPSHOT_FILE.name}: "
        f"regenerate it with `{schema.REGENERATE}` and commit it")
    kept = tmp_path / "sqlite_head.sql"
    kept.write_bytes(schema.SNAPSHOT_FILE.read_bytes())
    assert schema.generate(kept) == (head_revision(), False)
    assert kept.read_bytes() == schema.SNAPSHOT_FILE.read_bytes()


def comparable_statements(snapshot: Path) -> list[object]:
    """The schema a snapshot's statements make, with each table's constraints in sorted order (see
    :func:`schema.comparable`: Alembic's batch mode writes them in varying order)."""
    with closing(sqlite3.connect(":memory:")) as raw:
        for sql in schema.snapshot_statements(snapshot):
            raw.execute(sql)
        return schema.comparable(schema.schema_objects(raw))


def test_a_workspace_from_the_snapshot_equals_one_made_by_the_migrations(tmp_path: Path, snapshot_calls: list[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    open_workspace(tmp_path / "schnappschuss.bpws").close()
    assert snapshot_calls == [head_revision()]
    monkeypatch.setattr(schema, "snapshot_revision", lambda *_args: None)  # as if there were no snapshot
    open_workspace(tmp_path / "migriert.bpws").close()
    assert snapshot_calls == [head_revision()], "the second one is made by Alembic"

    made, migrated = state(tmp_path / "schnappschuss.bpws"), state(tmp_path / "migriert.bpws")
    assert made == migrated
    assert made["alembic_version"] == [(head_revision(),)]
    assert made["audit"] == [("create", {"schema": head_revision()})]
    kinds = {kind for kind, _name, _table, _sql in made["objects"]}
    assert kinds == {"table", "index", "trigger"}


def test_a_snapshot_behind_the_migrations_is_ignored(tmp_path: Path, snapshot_calls: list[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "snapshot_revision", lambda *_args: "0001")  # a migration added since
    with open_workspace(tmp_path / "neu.bpws") as ws:
        assert ws.schema_version == head_revision()
    assert snapshot_calls == []
    assert state(tmp_path / "neu.bpws")["alembic_version"] == [(head_revision(),)]


def test_a_workspace_from_the_snapshot_imports_and_still_refuses_missing_references(
        tmp_path: Path, snapshot_calls: list[str]) -> None:
    path = tmp_path / "neu.bpws"
    table = tmp_path / "einwohner.csv"
    table.write_text("AGS;Gemeinde;Stichtag;Geschlecht;Einwohner\r\n05978004;Bergkamen;31.12.2024;Insgesamt;48018\r\n"
                     "05978008;Bönen;31.12.2024;Insgesamt;18170\r\n", encoding="utf-8")
    with open_workspace(path) as ws:
        assert snapshot_calls == [head_revision()]
        report = import_file(ws, table, template=POPULATION, create_unmatched=True)
        assert report.committed and report.observations == 2
        with ws.session() as s:
            region = s.scalars(select(Region).where(Region.key == "05978004")).one()
            indicator = s.scalars(select(Indicator).where(Indicator.code == "BEV")).one()
            dataset_id = s.scalars(select(Dataset.id)).one()
        row = {"dataset_id": dataset_id, "indicator_id": indicator.id, "period": "2025", "dimensions": "",
               "value": 1.0, "flag": None}
        with pytest.raises(IntegrityError), ws.transaction() as s:  # the store's check of every insert
            s.execute(insert(Observation), [{**row, "region_id": region.id}, {**row, "region_id": region.id + 99}])
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), ws.transaction() as s:  # the snapshot's triggers
            s.execute(text("DELETE FROM region WHERE key = '05978004'"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"), ws.transaction() as s:
            s.execute(text("UPDATE observation SET region_id = region_id + 99"))
        with ws.session() as s:
            assert sorted(s.scalars(select(Observation.value))) == [18170.0, 48018.0]
            assert s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all() == ["create", "import"]
    assert check_workspace(path) == []


PROBE = """
import sys
from bildungsplaner.store.database import open_workspace
ws = open_workspace(sys.argv[1])
ws.close()
print(ws.schema_version, 'alembic' in sys.modules)
"""


def test_creating_from_the_snapshot_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "neu.bpws"
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, check=True,
                         cwd=REPO).stdout.split()
    assert out == [head_revision(), "False"], "a new file is made from the snapshot, without Alembic"
    assert state(path)["alembic_version"] == [(head_revision(),)]
