"""The command line with server addresses: ``new``, ``info``, ``check``, ``import``, and moving a workspace between
a file and the server (``restore --from FILE --workspace URL``, ``backup --out FILE`` of a server workspace).

Each test gets a fresh schema on the test server (``pg_backend``, dropped afterwards); under CI a missing server
fails (see ``tests/backends.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from backends import Backend
from realdata import real_file
from sqlalchemy import select

from bildungsplaner.__main__ import main
from bildungsplaner.cli import parse
from bildungsplaner.store import transfer
from bildungsplaner.store.database import head_revision, open_workspace
from bildungsplaner.store.models import AuditEntry, Region


@pytest.fixture
def pg_backend(tmp_path: Path) -> Iterator[Backend]:
    where = Backend("postgresql", tmp_path)
    yield where
    where.cleanup()


def _schema_exists(backend: Backend) -> bool:
    return bool(backend.sql("SELECT 1 FROM pg_namespace WHERE nspname = %(s)s", s=f"bp_{backend.workspace_name}"))


def test_a_server_address_survives_argument_parsing_whole() -> None:
    url = "postgresql://anna@pg.kreis.local/bildung?workspace=kita&sslmode=verify-full"
    assert parse(["-w", url, "info"]).workspace == url, "not a Path (that would collapse the //)"
    assert parse(["new", url]).path == url
    assert parse(["info", "-w", "kita.bpws"]).workspace == Path("kita.bpws")


def test_new_creates_the_workspace_on_the_server_with_its_home_region_and_refuses_it_twice(
        pg_backend, capsys) -> None:
    url = str(pg_backend.location)
    assert main(["new", url, "--region", "05978", "--name", "Kreis Unna"]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == url and "Heimatregion: 05978" in err
    with open_workspace(url, create=False) as ws:
        assert ws.schema_version == head_revision()
        with ws.session() as s:
            assert "05978" in s.scalars(select(Region.key)).all()
    assert main(["new", url]) == 2
    assert "gibt es auf dem Server schon" in capsys.readouterr().err


def test_info_check_and_import_take_the_address(pg_backend, capsys) -> None:
    url = str(pg_backend.location)
    assert main(["info", "-w", url]) == 2
    assert "gibt es auf dem Server nicht" in capsys.readouterr().err, "info creates nothing"
    assert not _schema_exists(pg_backend)
    assert main(["check", "-w", url]) == 1
    assert "gibt es auf dem Server nicht" in capsys.readouterr().err
    assert main(["new", url]) == 0
    capsys.readouterr()
    assert main(["-w", url, "import", str(real_file("genesis_12411-01-01-4.csv")), "--all-regions"]) == 0
    err = capsys.readouterr().err
    assert f"Arbeitsbereich: {url}" in err
    assert main(["info", "--json", "-w", url]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["workspace"] == url and info["observations"] > 0 and info["schema_version"] == head_revision()
    assert main(["check", "-w", url]) == 0
    assert capsys.readouterr().out.strip() == f"Prüfung bestanden: {url}"
    schema = f"bp_{pg_backend.workspace_name}"
    pg_backend.sql(f"ALTER TABLE {schema}.observation DISABLE TRIGGER USER")
    pg_backend.sql(f"UPDATE {schema}.observation SET region_id = 999999 WHERE id = (SELECT min(id) FROM "
                   f"{schema}.observation)")
    assert main(["check", "-w", url]) == 1
    assert "1 Werte verweisen auf fehlende Zeilen in region" in capsys.readouterr().err


def test_a_password_in_the_address_is_used_but_never_printed(pg_backend, capsys) -> None:
    base = urlsplit(str(pg_backend.location))
    port = dict(p.split("=", 1) for p in base.query.split("&"))["port"]
    url = f"postgresql://bp_test:bp_test@127.0.0.1:{port}/bildung_test?workspace={pg_backend.workspace_name}"
    assert main(["new", url]) == 0
    assert main(["info", "-w", url]) == 0
    assert main(["-w", url, "import", str(real_file("genesis_12411-01-01-4.csv")), "--all-regions"]) == 0
    out, err = capsys.readouterr()
    assert "bp_test:bp_test" not in out + err
    assert f"postgresql://bp_test@127.0.0.1:{port}/bildung_test?workspace={pg_backend.workspace_name}" in out


def _rows(path: Path) -> dict[str, list[tuple]]:
    with open_workspace(path, create=False) as ws, ws.engine.connect() as conn:
        return {t.name: [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
                for t in transfer.copied_tables()}


def test_the_demo_goes_to_the_server_and_back_as_a_file_with_the_same_rows(
        pg_backend, demo_file: Path, tmp_path: Path, capsys) -> None:
    url = str(pg_backend.location)
    assert main(["restore", "--from", str(demo_file), "--workspace", url]) == 0
    assert capsys.readouterr().out.startswith(f"Wiederhergestellt: {url} aus ")
    back = tmp_path / "zurück.bpws"
    assert main(["backup", "-w", url, "--out", str(back)]) == 0
    assert capsys.readouterr().out.strip() == f"Sicherung geschrieben: {back}"

    before, after = _rows(demo_file), _rows(back)
    assert sum(map(len, before.values())) > 10_000 and before["observation"] and before["region_geometry"]
    for table in before:
        if table == "audit_entry":  # the server's trail goes on: the restore and the backup are recorded there
            assert after[table][:len(before[table])] == before[table]
            assert [row[3] for row in after[table][len(before[table]):]] == ["restore"]
        else:
            assert after[table] == before[table], f"table {table} differs after file → server → file"
    with open_workspace(back, create=False) as ws:
        assert ws.schema_version == head_revision() and ws.migrated_from == head_revision()

    with open_workspace(url, create=False) as ws:
        with ws.transaction() as s:
            region = Region(key="05999999", name="Neu nach der Übertragung", level="other")
            s.add(region)
            s.flush()
            assert region.id == max(r[0] for r in before["region"]) + 1, "a new row gets a fresh id"
        with ws.session() as s:
            actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc()).limit(2)).all()
        assert actions == ["backup", "restore"]


def test_restore_refuses_an_existing_server_workspace_and_leaves_it_alone(
        pg_backend, demo_file: Path, capsys) -> None:
    url = str(pg_backend.location)
    assert main(["new", url, "--region", "05978"]) == 0
    capsys.readouterr()
    assert main(["restore", "--from", str(demo_file), "--workspace", url]) == 2
    err = capsys.readouterr().err
    assert "gibt es auf dem Server schon" in err and "neuen Arbeitsbereich" in err
    with open_workspace(url, create=False) as ws, ws.session() as s:
        names = s.scalars(select(Region.name)).all()
        assert "05978" in s.scalars(select(Region.key)).all()
        assert not any("Lindental" in name for name in names), "nothing of the demo was copied over it"


def test_a_restore_that_fails_halfway_leaves_no_schema_behind(pg_backend, demo_file: Path, monkeypatch) -> None:
    from bildungsplaner import UserInputError
    from bildungsplaner.services.workspace import restore_workspace

    real = transfer.set_sequences_past_ids

    def fail(conn) -> None:
        real(conn)
        raise UserInputError("Absicht: Abbruch nach dem Kopieren")

    monkeypatch.setattr(transfer, "set_sequences_past_ids", fail)
    with pytest.raises(UserInputError, match="Absicht"):
        restore_workspace(demo_file, str(pg_backend.location))
    assert not _schema_exists(pg_backend), "a half-filled workspace would look real; it is removed"


def test_a_backup_is_one_snapshot_even_when_a_colleague_commits_while_it_copies(pg_backend, tmp_path: Path) -> None:
    from bildungsplaner.services.workspace import backup_workspace
    from bildungsplaner.store.models import Indicator

    schema = f"bp_{pg_backend.workspace_name}"
    ws = pg_backend.open()
    with ws.transaction() as s:
        s.add(Indicator(code="VORHER", name="vor der Sicherung"))

    class ColleagueCommitsMeanwhile:
        cancelled = False

        def __init__(self) -> None:
            self.tables: list[str] = []

        def report(self, fraction: float, message: str = "") -> None:
            self.tables.append(message)
            if len(self.tables) == 1:  # after the first table: a colleague's commit, tables later in the copy
                pg_backend.sql(f"INSERT INTO {schema}.indicator (code, name, unit, description, phase) "
                               f"SELECT 'WAEHRENDDESSEN', name, unit, description, phase FROM {schema}.indicator")

        def check(self) -> None:
            pass

    progress = ColleagueCommitsMeanwhile()
    target = backup_workspace(ws, tmp_path / "stand", progress=progress)
    assert target == tmp_path / "stand.bpws" and len(progress.tables) == len(transfer.copied_tables())
    assert progress.tables[0] != "Tabelle indicator gesichert", "the colleague's commit lands before indicator"
    with open_workspace(target, create=False) as copy, copy.session() as s:
        assert s.scalars(select(Indicator.code)).all() == ["VORHER"], "the snapshot of the moment it began"
    with ws.session() as s:
        assert sorted(s.scalars(select(Indicator.code))) == ["VORHER", "WAEHRENDDESSEN"]
