"""The store on both back ends: a SQLite file and a schema on a PostgreSQL server (team mode, issue 15).

Every test here runs once per back end (the ``backend`` fixture of ``tests/conftest.py``); under CI the
PostgreSQL half must run (``.ci/run`` starts a throwaway cluster and sets ``BILDUNGSPLANER_TEST_PG_URL``).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from bildungsplaner.store.database import head_revision, schema_differences
from bildungsplaner.store.models import AuditEntry, Dataset, Indicator, Observation, Region, Scenario


def test_a_new_workspace_is_at_head_matches_the_models_and_names_who_created_it(backend) -> None:
    ws = backend.open()
    assert ws.schema_version == head_revision() and ws.migrated_from is None
    with ws.engine.connect() as conn:
        diff = schema_differences(conn)
    assert diff == [], f"models and migrations differ on {backend.name}: {diff}"
    with ws.session() as s:
        entries = s.execute(select(AuditEntry.action, AuditEntry.user)).all()
    assert [action for action, _ in entries] == ["create"]
    if backend.is_server:
        assert entries[0].user == "bp_test", "the audit trail names the database login, the person"


def test_opening_again_neither_migrates_nor_records_anything(backend) -> None:
    backend.open().close()
    ws = backend.open(create=False)
    assert ws.migrated_from == head_revision()
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 1


def test_a_reference_to_a_missing_region_raises(backend_workspace) -> None:
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        s.add(Region(key="05999001", name="Lindental", level="gemeinde", parent_id=4711))


def test_an_observation_needs_existing_dataset_indicator_and_region(backend_workspace) -> None:
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        s.add(Observation(dataset_id=1, indicator_id=1, region_id=1, period="2024"))


def fill(ws) -> tuple[int, int, int]:
    with ws.transaction() as s:
        region = Region(key="05", name="Nordrhein-Westfalen", level="land")
        ind = Indicator(code="BEV", name="Bevölkerung")
        ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
        s.add_all([region, ind, ds])
        s.flush()
        s.add(Observation(dataset_id=ds.id, indicator_id=ind.id, region_id=region.id, period="2024", value=1.0))
        return region.id, ind.id, ds.id


def test_a_region_with_observations_cannot_be_deleted(backend_workspace) -> None:
    fill(backend_workspace)
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        s.execute(text("DELETE FROM region"))
    with backend_workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Region)) == 1


@pytest.mark.parametrize("parent", ["dataset", "indicator"])
def test_a_dataset_or_indicator_with_observations_cannot_be_deleted(backend_workspace, parent: str) -> None:
    fill(backend_workspace)
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        s.execute(text(f"DELETE FROM {parent}"))
    with backend_workspace.transaction() as s:
        s.execute(text("DELETE FROM observation"))
        s.execute(text(f"DELETE FROM {parent}"))


def test_observations_naming_a_missing_region_are_refused_also_in_bulk(backend_workspace) -> None:
    from bildungsplaner.store.bulk import insert_rows

    region_id, indicator_id, dataset_id = fill(backend_workspace)
    columns = ["dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"]
    rows = [(dataset_id, indicator_id, region_id, "2025", "", 1.0, None),
            (dataset_id, indicator_id, region_id + 99, "2025", "", 1.0, None)]
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        insert_rows(s, Observation.__table__, columns, rows)
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        s.execute(text("UPDATE observation SET indicator_id = indicator_id + 99"))
    with backend_workspace.session() as s:
        assert s.scalars(select(Observation.period)).all() == ["2024"]


def test_region_keys_keep_leading_zeros_and_unknown_levels_are_refused(backend_workspace) -> None:
    with backend_workspace.transaction() as s:
        s.add(Region(key="05978004", name="Bergkamen", level="gemeinde"))
    with backend_workspace.session() as s:
        assert s.execute(text("SELECT key FROM region")).scalar() == "05978004"
    with pytest.raises(IntegrityError), backend_workspace.transaction() as s:
        s.add(Region(key="1", name="x", level="planet"))


def test_times_come_back_as_the_same_moment_in_utc_whatever_zone_was_written(backend_workspace) -> None:
    summer = timezone(timedelta(hours=2))
    written = datetime(2026, 7, 1, 14, 2, tzinfo=summer)
    with backend_workspace.transaction() as s:
        s.add(Scenario(name="Grundschulen 2030", kind="allocation", parameters="", created_at=written))
    with backend_workspace.session() as s:
        created = s.scalar(select(Scenario.created_at))
        at = s.scalar(select(AuditEntry.at))
    assert created == written and created.tzinfo is not None and created.utcoffset() == timedelta(0)
    assert created.hour == 12
    assert at.tzinfo is not None and abs(datetime.now(UTC) - at) < timedelta(minutes=5)


def test_the_user_column_is_readable_by_plain_sql(backend_workspace) -> None:
    with backend_workspace.session() as s:
        users = s.execute(text('SELECT "user" FROM audit_entry')).scalars().all()
    assert len(users) == 1 and users[0]


def test_an_import_cancelled_while_writing_leaves_nothing_and_the_workspace_usable(backend_workspace) -> None:
    from realdata import real_file

    from bildungsplaner.progress import Cancelled, RecordingProgress
    from bildungsplaner.services.importing import import_file

    ws = backend_workspace
    progress = RecordingProgress(cancel_after=6)
    with pytest.raises(Cancelled):
        import_file(ws, real_file("genesis_12411-01-01-5_00.csv"), progress=progress)
    assert any("geschrieben" in message for _, message in progress.reports), "cancelled while writing"
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == 0
        assert s.scalar(select(func.count()).select_from(Dataset)) == 0
    report = import_file(ws, real_file("genesis_12411-01-01-5_00.csv"))
    assert report.committed
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) > 10_000


def test_bulk_rows_arrive_complete_and_in_order(backend_workspace) -> None:
    from bildungsplaner.store.bulk import insert_rows

    region_id, indicator_id, dataset_id = fill(backend_workspace)
    rows = [(dataset_id, indicator_id, region_id, str(2000 + i), f"Alter={i}", float(i) if i % 7 else None,
             None if i % 7 else "-") for i in range(120)]
    columns = ["dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"]
    with backend_workspace.transaction() as s:
        written = insert_rows(s, Observation.__table__, columns, rows, chunk_rows=50)
    assert written == 120
    with backend_workspace.session() as s:
        got = s.execute(select(*(Observation.__table__.c[c] for c in columns))
                        .where(Observation.dimensions != "").order_by(Observation.id)).all()
    assert [tuple(row) for row in got] == rows


def test_keys_codes_and_periods_sort_the_same_on_both_whatever_the_servers_collation(backend_workspace) -> None:
    """The test server runs a German collation (``scripts/pg_test_cluster.sh``), like a Kreis server."""
    from bildungsplaner.services.browse import list_regions

    keys = ["b1", "B2", "a3", "05-1", "051", "0510", "DG", "ä1"]
    with backend_workspace.transaction() as s:
        s.add_all(Region(key=key, name=f"Gebiet {key}", level="other") for key in keys)
    assert [r.key for r in list_regions(backend_workspace)] == sorted(keys)
    with backend_workspace.session() as s:
        assert s.scalars(select(Region.key).order_by(Region.key)).all() == sorted(keys)
        assert s.scalar(select(func.max(Region.key))) == max(keys)


def test_a_second_writer_is_refused_at_once_while_the_first_writes_and_a_dead_one_holds_nothing(backend) -> None:
    from bildungsplaner.store.database import WorkspaceBusy

    first, second = backend.open(), backend.open()
    with first.transaction() as s1:
        first.lock_for_writing(s1)
        s1.add(Region(key="05", name="Nordrhein-Westfalen", level="land"))
        s1.flush()
        if backend.is_server:
            with pytest.raises(WorkspaceBusy, match="schreibt gerade ein Kollege"), second.transaction() as s2:
                second.lock_for_writing(s2)
            with second.session() as reader:  # browsing goes on while a colleague imports
                assert reader.scalar(select(func.count()).select_from(Region)) == 0
    with second.transaction() as s2:
        second.lock_for_writing(s2)
        s2.add(Region(key="06", name="Hessen", level="land"))
    if backend.is_server:  # a client that dies while holding the lock releases it with its connection
        holder = first.engine.raw_connection()
        holder.cursor().execute("SELECT pg_advisory_xact_lock(%s, %s)", _write_lock_key(backend))
        holder.invalidate()  # the connection is closed, as when the PC drops off or the program is killed
        with second.transaction() as s2:
            second.lock_for_writing(s2)


def _write_lock_key(backend) -> tuple[int, int]:
    from bildungsplaner.store import postgres

    return postgres.LOCK_CLASS, postgres.lock_key(f"bp_{backend.workspace_name}:write")
