"""Schema migrations: empty → head, models = migrations, older schemas backed up and migrated atomically,
newer schemas refused untouched."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from bildungsplaner.paths import migrations_dir
from bildungsplaner.store import sqlite as sq
from bildungsplaner.store.database import (
    WorkspaceError,
    WorkspaceTooNew,
    head_revision,
    open_workspace,
    schema_differences,
)
from bildungsplaner.store.models import AuditEntry, Dataset, Indicator, Observation, Region


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(ws, n_obs: int = 500) -> None:
    with ws.transaction() as s:
        kreis = Region(key="05999", name="Kreis Lindental", level="kreis")
        s.add(kreis)
        s.flush()
        gem = Region(key="05999001", name="Lindental", level="gemeinde", parent_id=kreis.id)
        ind = Indicator(code="BEV", name="Bevölkerung", unit="Personen")
        ds = Dataset(file_name="x.csv", sha256="0" * 64, format="csv", imported_by="test")
        s.add_all([gem, ind, ds])
        s.flush()
        s.execute(insert(Observation), [
            {"dataset_id": ds.id, "indicator_id": ind.id, "region_id": gem.id, "period": str(2000 + i % 20),
             "dimensions": f"Alter={i}", "value": float(i), "flag": None} for i in range(n_obs)
        ])


def test_new_workspace_is_created_at_head_and_matches_the_models(tmp_path: Path) -> None:
    path = tmp_path / "neu.bpws"
    with open_workspace(path) as ws:
        assert ws.schema_version == head_revision()
        assert ws.migrated_from is None and ws.backup_path is None
        with ws.engine.connect() as conn:
            diff = schema_differences(conn)  # (the references of observation are checked per statement: 0013)
        assert diff == [], f"models and migrations differ: {diff}"
        with ws.session() as s:
            actions = s.scalars(select(AuditEntry.action)).all()
        assert actions == ["create"]


def test_missing_workspace_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="existiert nicht"):
        open_workspace(tmp_path / "fehlt.bpws", create=False)
    assert not (tmp_path / "fehlt.bpws").exists()


@pytest.mark.parametrize("content", [b"Hallo, ich bin keine Datenbank", b"PK\x03\x04" + b"\0" * 100])
def test_a_file_that_is_not_a_workspace_is_refused_and_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fremd.bpws"
    path.write_bytes(content)
    with pytest.raises(WorkspaceError, match="keine Bildungsplaner-Arbeitsbereichsdatei"):
        open_workspace(path)
    assert path.read_bytes() == content


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fremd.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE kunden (id INTEGER)")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(WorkspaceError, match="kein Bildungsplaner-Arbeitsbereich"):
        open_workspace(path)
    assert sha256(path) == before


def test_workspace_from_a_newer_version_is_refused_and_left_byte_for_byte_untouched(tmp_path: Path) -> None:
    path = tmp_path / "neuer.bpws"
    with open_workspace(path) as ws:
        fill(ws, 10)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    before = sha256(path)
    with pytest.raises(WorkspaceTooNew, match="neueren Version"):
        open_workspace(path)
    assert sha256(path) == before
    assert list(tmp_path.iterdir()) == [path], "no backup or journal may be written"


def _scripts_with(tmp_path: Path, body: str) -> Path:
    """A copy of the real migrations plus one more revision 0099 with the given upgrade body."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = head_revision()
    (scripts / "versions" / "0099_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = {head!r}\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n",
        encoding="utf-8",
    )
    return scripts


# Rebuilding the parent table "region" (batch mode = create new table, copy, drop old, rename) is exactly
# the operation that cascades deletes into child rows when foreign keys are on.
REBUILD_REGION = """
    with op.batch_alter_table('region', recreate='always') as batch:
        batch.add_column(sa.Column('note', sa.Text(), nullable=True))
"""


def test_older_workspace_is_backed_up_then_migrated_without_losing_child_rows(tmp_path: Path) -> None:
    path = tmp_path / "alt.bpws"
    with open_workspace(path) as ws:
        fill(ws, 500)
        old_revision = ws.schema_version
    scripts = _scripts_with(tmp_path, REBUILD_REGION)

    with open_workspace(path, script_location=scripts) as ws:
        assert ws.schema_version == "0099"
        assert ws.migrated_from == old_revision
        assert ws.backup_path is not None and ws.backup_path.exists()
        with ws.session() as s:
            assert s.scalar(select(func.count()).select_from(Observation)) == 500
            assert s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()[-1] == "migration"
        with ws.engine.connect() as conn:
            raw = sq.raw_connection(conn)
            assert sq.foreign_key_problems(raw) == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert "note" in [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(region)")]

    # The backup is a complete workspace at the old schema.
    with open_workspace(ws.backup_path) as backup:
        assert backup.migrated_from is None or backup.schema_version == old_revision
        with backup.session() as s:
            assert s.scalar(select(func.count()).select_from(Observation)) == 500


FAILING = REBUILD_REGION + """
    op.create_table('halb', sa.Column('id', sa.Integer, primary_key=True))
    op.execute("DELETE FROM observation")
    raise RuntimeError('Absicht: Migration bricht mittendrin ab')
"""


def test_a_failing_migration_leaves_the_workspace_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "alt.bpws"
    with open_workspace(path) as ws:
        fill(ws, 300)
    before = sha256(path)
    scripts = _scripts_with(tmp_path, FAILING)

    with pytest.raises(WorkspaceError, match=r"fehlgeschlagen.*unverändert"):
        open_workspace(path, script_location=scripts)

    assert sha256(path) == before
    assert not Path(f"{path}-journal").exists()
    with open_workspace(path) as ws, ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == 300
    backups = list(tmp_path.glob("alt.bpws.vor-migration-*.bak"))
    assert len(backups) == 1, "the backup is written before migrating and kept after a failure"


def test_a_migration_that_breaks_references_is_rolled_back(tmp_path: Path) -> None:
    path = tmp_path / "alt.bpws"
    with open_workspace(path) as ws:
        fill(ws, 50)
    before = sha256(path)
    scripts = _scripts_with(tmp_path, "    op.execute(\"DELETE FROM region WHERE level = 'gemeinde'\")")
    with pytest.raises(WorkspaceError, match="Verweise fehlen"):
        open_workspace(path, script_location=scripts)
    assert sha256(path) == before


def test_the_fast_revision_reader_agrees_with_alembic() -> None:
    from alembic.script import ScriptDirectory

    from bildungsplaner.store.database import alembic_config, known_revisions

    script = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {rev.revision for rev in script.walk_revisions()}
