"""A server workspace is migrated only with consent, and an older program never writes to a newer schema.

Colleagues with an older program version cannot open a server workspace once a newer version has migrated it,
so ``open_workspace(…, confirm_migration=…)`` asks first (the window's dialog, the command line's ``--migrate``);
no means nothing written. A schema newer than the program knows is refused with a German message and left alone.
A newer program version is imitated by the real migrations plus one more revision ``0099``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from backends import Backend

from bildungsplaner.__main__ import main
from bildungsplaner.paths import migrations_dir
from bildungsplaner.store import database
from bildungsplaner.store.database import (
    MigrationDeclined,
    WorkspaceTooNew,
    head_revision,
    open_workspace,
)

NEW_TABLE = "neu_in_0099"


def scripts_with_one_more_revision(tmp_path: Path) -> Path:
    """The real migrations plus revision 0099 (creates the table ``neu_in_0099``): a newer program's scripts."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = {head_revision()!r}\nbranch_labels = None\ndepends_on = None\n\n"
        f"def upgrade():\n    op.create_table({NEW_TABLE!r}, sa.Column('id', sa.Integer, primary_key=True))\n\n"
        "def downgrade():\n    pass\n", encoding="utf-8")
    return scripts


@pytest.fixture
def server(server: Backend) -> Backend:
    """A workspace on the test server at this program's schema head."""
    server.open().close()
    return server


def state(backend: Backend) -> tuple[str, int, bool]:
    """(stored revision, audit entries, whether 0099's table exists) of the test schema."""
    schema = f"bp_{backend.workspace_name}"
    revision = backend.sql(f"SELECT version_num FROM {schema}.alembic_version")[0][0]
    audit = backend.sql(f"SELECT count(*) FROM {schema}.audit_entry")[0][0]
    table = bool(backend.sql("SELECT 1 FROM pg_tables WHERE schemaname = %(s)s AND tablename = %(t)s",
                             s=schema, t=NEW_TABLE))
    return revision, audit, table


def test_declining_the_migration_changes_nothing_and_opens_nothing(server: Backend, tmp_path: Path) -> None:
    scripts = scripts_with_one_more_revision(tmp_path)
    before = state(server)
    asked: list[tuple[str, str]] = []

    def decline(old: str, new: str) -> bool:
        asked.append((old, new))
        return False

    with pytest.raises(MigrationDeclined, match=r"nicht aktualisiert.*nichts geändert") as caught:
        open_workspace(server.location, script_location=scripts, confirm_migration=decline)
    assert asked == [(head_revision(), "0099")]
    assert (caught.value.revision, caught.value.head) == (head_revision(), "0099")
    assert state(server) == before, "still the old revision, no audit entry, no new table"


def test_agreeing_migrates_once_and_records_it(server: Backend, tmp_path: Path) -> None:
    scripts = scripts_with_one_more_revision(tmp_path)
    _, audit_before, _ = state(server)
    asked: list[tuple[str, str]] = []
    with open_workspace(server.location, script_location=scripts,
                        confirm_migration=lambda old, new: asked.append((old, new)) or True) as ws:
        assert ws.migrated_from == head_revision() and ws.schema_version == "0099"
    assert asked == [(head_revision(), "0099")], "asked once, before the lock"
    assert state(server) == ("0099", audit_before + 1, True)
    # at the head nothing is asked any more
    with open_workspace(server.location, script_location=scripts,
                        confirm_migration=lambda old, new: pytest.fail("asked without a migration")):
        pass


def test_creating_a_server_workspace_and_migrating_a_file_ask_nothing(tmp_path: Path) -> None:
    backend = Backend("postgresql", tmp_path)
    try:
        never = lambda old, new: pytest.fail("asked")  # noqa: E731
        with open_workspace(backend.location, confirm_migration=never) as ws:
            assert ws.migrated_from is None
        scripts = scripts_with_one_more_revision(tmp_path)
        path = tmp_path / "alt.bpws"
        open_workspace(path).close()
        with open_workspace(path, script_location=scripts, confirm_migration=never) as ws:
            assert ws.schema_version == "0099" and ws.backup_path is not None, "files as before: copy, migrate"
    finally:
        backend.cleanup()


def stamp_future_revision(backend: Backend) -> None:
    backend.sql(f"UPDATE bp_{backend.workspace_name}.alembic_version SET version_num = 'ffff_zukunft'")


def test_an_older_program_refuses_a_newer_server_schema_and_writes_nothing(server: Backend, capsys) -> None:
    stamp_future_revision(server)
    before = state(server)
    with pytest.raises(WorkspaceTooNew, match=r"neueren Version von Bildungsplaner.*ffff_zukunft.*unverändert"):
        open_workspace(server.location, confirm_migration=lambda old, new: True)
    assert main(["info", "-w", str(server.location), "--migrate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fehler: ") and "neueren Version" in err and "Traceback" not in err
    assert main(["backup", "-w", str(server.location), "--out", "x.bpws"]) == 2
    assert "neueren Version" in capsys.readouterr().err
    assert state(server) == before


def test_the_command_line_migrates_a_server_workspace_only_with_migrate(
        server: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    scripts = scripts_with_one_more_revision(tmp_path)
    monkeypatch.setattr(database, "migrations_dir", lambda: scripts)  # this program is now the newer version
    url = str(server.location)
    before = state(server)
    assert main(["info", "-w", url]) == 2
    err = capsys.readouterr().err
    assert "muss für diese Programmversion aktualisiert werden" in err and "--migrate" in err
    assert "älteren Programmversionen" in err and "nichts geändert" in err
    assert state(server) == before
    assert main(["info", "-w", url, "--migrate"]) == 0
    assert state(server)[0] == "0099" and state(server)[2]
    assert main(["info", "-w", url]) == 0, "at the head nothing needs --migrate"
