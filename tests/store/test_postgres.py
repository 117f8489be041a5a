"""Team mode on PostgreSQL: addresses, connection settings, group role, locks, encodings, text lengths.

The address tests need no server; the others use the throwaway cluster of ``scripts/pg_test_cluster.sh`` through
the ``pg_backend`` fixture (a fresh schema per test, dropped afterwards; fails under CI when there is none).
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import Backend
from sqlalchemy import insert, select

from bildungsplaner.paths import migrations_dir
from bildungsplaner.store import postgres
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.database import WorkspaceError, WorkspaceTooNew, head_revision, open_workspace
from bildungsplaner.store.limits import ValueTooLong
from bildungsplaner.store.models import Dataset, Indicator, Observation, Region
from bildungsplaner.store.postgres import ServerAddressError, parse_address

# --- addresses (no server needed) ----------------------------------------------------------------------------


def test_a_full_address_gives_libpq_its_parameters_and_the_workspace_its_schema() -> None:
    address = parse_address("postgresql://anna@pg.kreis.local:5433/bildung?workspace=schulentwicklung"
                            "&sslmode=verify-full&sslrootcert=C:/Kreis/kreis-ca.pem")
    params = address.conninfo_params()
    assert address.schema == "bp_schulentwicklung"
    assert {k: params[k] for k in ("user", "host", "port", "dbname", "sslmode", "sslrootcert")} == {
        "user": "anna", "host": "pg.kreis.local", "port": "5433", "dbname": "bildung", "sslmode": "verify-full",
        "sslrootcert": "C:/Kreis/kreis-ca.pem"}
    assert "workspace" not in params and "role" not in params
    assert params["keepalives"] == "1" and "idle_in_transaction_session_timeout" in params["options"]
    assert params["application_name"].startswith("Bildungsplaner ")
    assert parse_address(address.display()) == address, "the shown address opens the same workspace"


def test_a_service_address_leaves_host_and_database_to_pg_service_conf() -> None:
    address = parse_address("postgresql:///?service=bildung&workspace=jugendhilfe")
    params = address.conninfo_params()
    assert params["service"] == "bildung" and "host" not in params and "dbname" not in params
    assert address.display() == "postgresql:///?service=bildung&workspace=jugendhilfe"


def test_a_password_is_used_but_never_shown() -> None:
    address = parse_address("postgresql://anna:Geheim%2342@pg.kreis.local/bildung?workspace=kita")
    assert address.conninfo_params()["password"] == "Geheim#42"
    for shown in (address.display(), str(address), repr(address)):
        assert "Geheim" not in shown and "anna@pg.kreis.local" in shown
    with pytest.raises(ServerAddressError) as refused:
        parse_address("postgresql://anna:Geheim@pg.kreis.local:port/bildung?workspace=kita")
    assert "Geheim" not in str(refused.value)


@pytest.mark.parametrize("name", ["", "Schulentwicklung", "schul-entwicklung", "übergang", "a" * 61, "x;drop"])
def test_a_workspace_name_outside_lowercase_letters_digits_and_underscores_is_refused(name: str) -> None:
    query = f"workspace={name}" if name else "sslmode=require"
    with pytest.raises(ServerAddressError, match="Arbeitsbereich"):
        parse_address(f"postgresql://anna@pg/bildung?{query}")


def test_paths_are_not_server_addresses() -> None:
    assert postgres.is_server_address("postgresql://pg/bildung?workspace=a")
    assert postgres.is_server_address("postgres://pg/bildung?workspace=a")
    assert not postgres.is_server_address("/home/anna/postgresql.bpws")
    assert not postgres.is_server_address(Path("postgresql:/x"))


# --- on the server ------------------------------------------------------------------------------------------


@pytest.fixture
def pg_backend(tmp_path: Path) -> Iterator[Backend]:
    where = Backend("postgresql", tmp_path)
    yield where
    where.cleanup()


def test_every_connection_works_in_the_schema_and_tells_the_server_who_it_is(pg_backend) -> None:
    ws = pg_backend.open()
    with ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT current_schema()").scalar() == f"bp_{pg_backend.workspace_name}"
        shown = conn.exec_driver_sql("SHOW application_name").scalar()
        assert shown == postgres.application_name(pg_backend.workspace_name) and shown.startswith("Bildungsplaner ")
        assert conn.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar() == "10min"
        assert conn.exec_driver_sql("SHOW client_encoding").scalar() == "UTF8"
        assert conn.exec_driver_sql("SHOW TimeZone").scalar() == "UTC"
    assert "password" not in repr(ws.engine.url) and ws.engine.url.host is None
    others = pg_backend.sql("SELECT application_name FROM pg_stat_activity WHERE datname = current_database()")
    assert any(name.startswith("Bildungsplaner ") for (name,) in others), "colleagues can see who has it open"


def test_the_schema_and_its_tables_belong_to_the_group_role(pg_backend) -> None:
    pg_backend.open()
    schema = f"bp_{pg_backend.workspace_name}"
    assert pg_backend.sql("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = %(s)s",
                          s=schema) == [("bildungsplaner",)]
    owners = pg_backend.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = %(s)s", s=schema)
    assert owners == [("bildungsplaner",)]


def test_observation_ids_are_bigint_on_the_server(pg_backend) -> None:
    pg_backend.open()
    schema = f"bp_{pg_backend.workspace_name}"
    assert pg_backend.sql("SELECT data_type FROM information_schema.columns WHERE table_schema = %(s)s "
                          "AND table_name = 'observation' AND column_name = 'id'", s=schema) == [("bigint",)]
    assert pg_backend.sql("SELECT data_type FROM information_schema.sequences WHERE sequence_schema = %(s)s "
                          "AND sequence_name = 'observation_id_seq'", s=schema) == [("bigint",)]


def test_a_missing_workspace_is_not_created_when_asked_not_to(pg_backend) -> None:
    with pytest.raises(WorkspaceError, match="gibt es auf dem Server nicht"):
        pg_backend.open(create=False)
    assert pg_backend.sql("SELECT 1 FROM pg_namespace WHERE nspname = %(s)s",
                          s=f"bp_{pg_backend.workspace_name}") == []


def test_a_schema_of_a_newer_version_is_refused_and_left_alone(pg_backend) -> None:
    pg_backend.open().close()
    schema = f"bp_{pg_backend.workspace_name}"
    pg_backend.sql(f"UPDATE {schema}.alembic_version SET version_num = '9999_future'")
    with pytest.raises(WorkspaceTooNew, match="neueren Version"):
        pg_backend.open()
    assert pg_backend.sql(f"SELECT version_num FROM {schema}.alembic_version") == [("9999_future",)]


def test_a_foreign_schema_of_the_same_name_is_refused(pg_backend) -> None:
    schema = f"bp_{pg_backend.workspace_name}"
    pg_backend.sql(f"CREATE SCHEMA {schema}")
    pg_backend.sql(f"CREATE TABLE {schema}.kunden (id int)")
    with pytest.raises(WorkspaceError, match="kein Bildungsplaner-Arbeitsbereich"):
        pg_backend.open()


def test_a_login_outside_the_group_role_gets_a_message_naming_it(pg_backend) -> None:
    location = str(pg_backend.location)
    pg_backend.location = location + "&role=schulamt_gruppe"
    with pytest.raises(WorkspaceError, match="nicht zur Rolle schulamt_gruppe"):
        pg_backend.open()


def test_a_server_without_utf8_is_refused_with_a_message(pg_backend, monkeypatch) -> None:
    monkeypatch.setattr(postgres, "server_encoding", lambda conn: "LATIN1")
    with pytest.raises(ServerAddressError, match=r"Zeichenkodierung LATIN1.*UTF8"):
        pg_backend.open()


def _scripts_with(tmp_path: Path, body: str) -> Path:
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0099_test.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n"
        f"revision = '0099'\ndown_revision = {head_revision()!r}\nbranch_labels = None\ndepends_on = None\n\n"
        "def upgrade():\n" + body + "\n\ndef downgrade():\n    pass\n", encoding="utf-8")
    return scripts


def test_a_failing_migration_leaves_the_server_workspace_as_it_was(pg_backend, tmp_path: Path) -> None:
    with pg_backend.open() as ws, ws.transaction() as s:
        s.add(Region(key="05", name="Nordrhein-Westfalen", level="land"))
    scripts = _scripts_with(tmp_path, "    op.add_column('region', sa.Column('note', sa.Text()))\n"
                                      "    op.execute('DELETE FROM region')\n"
                                      "    raise RuntimeError('Absicht: Migration bricht mittendrin ab')")
    with pytest.raises(WorkspaceError, match=r"fehlgeschlagen.*unverändert"):
        pg_backend.open(script_location=scripts)
    ws = pg_backend.open(create=False)
    assert ws.schema_version == head_revision()
    with ws.session() as s:
        assert s.scalars(select(Region.key)).all() == ["05"]
    columns = pg_backend.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = %(s)s "
                             "AND table_name = 'region'", s=f"bp_{pg_backend.workspace_name}")
    assert ("note",) not in columns


def test_a_colleague_migrating_makes_the_second_wait_then_refuse_with_a_message(pg_backend, monkeypatch) -> None:
    monkeypatch.setattr(postgres, "LOCK_TIMEOUT_MS", 300)
    import psycopg

    address = parse_address(str(pg_backend.location))
    holder = psycopg.connect(**address.conninfo_params())
    try:
        holder.execute("SELECT pg_advisory_xact_lock(%s, %s)", (postgres.LOCK_CLASS, postgres.lock_key(address.schema)))
        start = time.monotonic()
        with pytest.raises(WorkspaceError, match="gerade von einem Kollegen"):
            pg_backend.open()
        assert time.monotonic() - start < 5
    finally:
        holder.close()  # like a killed client: the lock goes with its transaction
    ws = pg_backend.open()
    assert ws.schema_version == head_revision()


def test_two_colleagues_opening_a_new_workspace_at_once_create_it_once(pg_backend) -> None:
    results: list[object] = []

    def open_it() -> None:
        try:
            ws = open_workspace(str(pg_backend.location))
            results.append(ws.migrated_from)
            ws.close()
        except Exception as exc:  # pragma: no cover - shown in the assertion
            results.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(map(str, results)) == sorted(["None", head_revision(), head_revision()])
    schema = f"bp_{pg_backend.workspace_name}"
    assert pg_backend.sql(f"SELECT action FROM {schema}.audit_entry") == [("create",)]


def test_a_text_longer_than_its_field_gets_a_german_message_not_a_driver_error(pg_backend) -> None:
    ws = pg_backend.open()
    with pytest.raises(ValueTooLong, match=r"region\.name \(höchstens 200 Zeichen, hier 201\)"), \
            ws.transaction() as s:
        s.add(Region(key="05", name="N" * 201, level="land"))
    with ws.transaction() as s:
        s.add(Region(key="05", name="N" * 200, level="land"))
        ind = Indicator(code="BEV", name="Bevölkerung")
        ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
        s.add_all([ind, ds])
        s.flush()
        ids = (ds.id, ind.id, s.scalar(select(Region.id)))
    columns = ["dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"]
    rows = [(*ids, "2024", "Alter=5", 1.0, None), (*ids, "2024", "Schulform=" + "x" * 600, 2.0, None)]
    with pytest.raises(ValueTooLong, match=r"observation\.dimensions \(höchstens 500"), ws.transaction() as s:
        insert_rows(s, Observation.__table__, columns, rows)
    with ws.session() as s:
        assert s.scalar(select(Observation.id)) is None, "nothing of the refused import stays"
    with ws.transaction() as s:
        assert insert_rows(s, Observation.__table__, columns, rows[:1]) == 1
    with ws.transaction() as s:  # the executemany path of the tests' own fills still reaches the server
        s.execute(insert(Observation), [dict(zip(columns, rows[0], strict=True))])


def test_a_region_an_uncommitted_import_names_cannot_be_deleted_meanwhile(pg_backend) -> None:
    """The triggers that replace the observation's foreign keys lock the named regions like a foreign key."""
    import psycopg

    ws = pg_backend.open()
    with ws.transaction() as s:
        region = Region(key="05", name="Nordrhein-Westfalen", level="land")
        ind = Indicator(code="BEV", name="Bevölkerung")
        ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
        s.add_all([region, ind, ds])
        s.flush()
        ids = (ds.id, ind.id, region.id)
    columns = ["dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"]
    colleague = psycopg.connect(**parse_address(str(pg_backend.location)).conninfo_params())
    try:
        with ws.transaction() as s:
            insert_rows(s, Observation.__table__, columns, [(*ids, "2024", "", 1.0, None)])
            colleague.execute("SET lock_timeout = 300")
            with pytest.raises(psycopg.errors.LockNotAvailable):
                colleague.execute(f"DELETE FROM bp_{pg_backend.workspace_name}.region WHERE id = %s", (ids[2],))
            colleague.rollback()
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            colleague.execute(f"DELETE FROM bp_{pg_backend.workspace_name}.region WHERE id = %s", (ids[2],))
    finally:
        colleague.close()


def test_an_unreachable_server_gives_a_german_message_without_the_password(tmp_path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://anna:Geheim42@127.0.0.1:{port}/bildung?workspace=kita&connect_timeout=3"
    with pytest.raises(WorkspaceError, match="nicht erreichbar") as refused:
        open_workspace(url)
    assert "Geheim42" not in str(refused.value) and "anna@127.0.0.1" in str(refused.value)
