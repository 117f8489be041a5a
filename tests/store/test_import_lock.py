"""Imports and deletions of imports on a server workspace: one writer at a time, the others told who and since when.

The PostgreSQL tests use two real connections (two opened workspaces, or a workspace and a raw psycopg connection
of a "colleague"); the SQLite half checks that nothing changes for a file.
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from backends import Backend
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.import_history import delete_import
from bildungsplaner.services.importing import import_file
from bildungsplaner.store import postgres
from bildungsplaner.store.database import WorkspaceBusy, open_workspace
from bildungsplaner.store.models import Facility, Observation

from .locking import HoldWhileLocked, activity, colleague_holding_the_lock, write_lock_holders

GENESIS = "genesis_12411-01-01-4.csv"

SCHOOLS_TOML = """
format = 1
name = "Schulen"
target = "facilities"
[regions]
key = "AGS"
[facilities]
key = "Nr"
name = "Name"
fixed_kind = "Grundschule"
phase = "Schule"
"""


@pytest.fixture
def pg_backend(tmp_path: Path) -> Iterator[Backend]:
    where = Backend("postgresql", tmp_path)
    yield where
    where.cleanup()


def test_a_second_import_is_refused_at_once_naming_who_and_since_and_a_killed_client_frees_the_lock(
        pg_backend) -> None:
    first = pg_backend.open()
    second = open_workspace(str(pg_backend.location), create=False)  # a colleague: its own engine, own connections
    pg_backend._opened.append(second)
    progress = HoldWhileLocked(pg_backend)
    outcome: list[object] = []

    def colleague_imports() -> None:
        try:
            outcome.append(import_file(first, real_file(GENESIS), all_regions=True, progress=progress))
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=colleague_imports)
    thread.start()
    try:
        assert progress.holding.wait(60), "the first import never took the write lock"
        assert [kind for kind, _ in activity(second)] == ["import"], "the first import announced itself"
        start = time.monotonic()
        with pytest.raises(WorkspaceBusy) as refused:
            import_file(second, real_file(GENESIS), all_regions=True)
        assert time.monotonic() - start < 5, "refused at once, not after waiting"
        message = str(refused.value)
        host = socket.gethostname().split(".")[0]
        assert message.startswith(f"Gerade importiert bp_test@{host} seit ")
        assert re.search(r" seit \d\d:\d\d in den Arbeitsbereich postgresql://", message)
        assert pg_backend.workspace_name in message
        assert [kind for kind, _ in activity(second)] == ["import"], "the refused import left no row behind"

        (holder,) = write_lock_holders(pg_backend)
        pg_backend.sql("SELECT pg_terminate_backend(%(p)s)", p=holder)  # the first client dies mid-import
        deadline = time.monotonic() + 10
        while write_lock_holders(pg_backend) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert write_lock_holders(pg_backend) == [], "the lock went with the killed connection"
        report = import_file(second, real_file(GENESIS), all_regions=True)
        assert report.committed
    finally:
        progress.release.set()
        thread.join(60)
    assert outcome and isinstance(outcome[0], Exception), "the killed import did not commit"
    with second.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == report.observations > 0
        assert s.scalars(select(Observation.dataset_id).distinct()).all() == [report.dataset], \
            "only the second import's values are there"
    assert activity(second) == [], "both imports removed their rows, also the one that failed"


def test_deleting_an_import_while_a_colleague_imports_is_refused_with_who_and_since(pg_backend) -> None:
    ws = pg_backend.open()
    report = import_file(ws, real_file(GENESIS), all_regions=True)
    colleague = colleague_holding_the_lock(pg_backend)
    try:
        with pytest.raises(WorkspaceBusy) as refused:
            delete_import(ws, report.dataset)
        local = datetime(2026, 12, 4, 14, 2, tzinfo=UTC).astimezone().strftime("%H:%M")
        assert str(refused.value).startswith(f"Gerade importiert anna@PC-0815 seit {local} in den Arbeitsbereich")
    finally:
        colleague.close()
    assert delete_import(ws, report.dataset).observations == report.observations


def test_a_stale_row_of_a_session_that_is_gone_is_ignored_and_cleared(pg_backend) -> None:
    ws = pg_backend.open()
    schema = f"bp_{pg_backend.workspace_name}"
    pg_backend.sql(f"INSERT INTO {schema}.workspace_activity (kind, who, host, since, pid) "
                   "VALUES ('import', 'bernd', 'PC-4711', now() - interval '3 hours', 2147480000)")
    holder = colleague_holding_the_lock(pg_backend, kind="delete")
    try:
        with pytest.raises(WorkspaceBusy, match=r"^Gerade löscht anna@PC-0815 seit \d\d:\d\d einen Import"):
            import_file(ws, real_file(GENESIS), all_regions=True)
    finally:
        holder.close()
    pg_backend.sql(f"DELETE FROM {schema}.workspace_activity WHERE who = 'anna'")  # as if anna's client crashed
    with pytest.raises(WorkspaceBusy, match="schreibt gerade ein Kollege"):
        holder = colleague_holding_the_lock(pg_backend)
        pg_backend.sql(f"DELETE FROM {schema}.workspace_activity WHERE who = 'anna'")
        try:
            import_file(ws, real_file(GENESIS), all_regions=True)
        finally:
            holder.close()
    assert pg_backend.sql(f"SELECT who FROM {schema}.workspace_activity") == [], "the stale row was cleared"
    assert import_file(ws, real_file(GENESIS), all_regions=True).committed


def test_a_facility_import_backs_up_a_file_first_but_not_a_server_workspace(backend, tmp_path: Path) -> None:
    ws = backend.open()
    schools = tmp_path / "schulen.csv"
    schools.write_text("Nr;Name;AGS\n100001;GS Am Park;05978004\n", encoding="utf-8")
    report = import_file(ws, schools, template=ImportTemplate.loads(SCHOOLS_TOML), create_unmatched=True)
    assert report.committed
    assert (report.backup is None) == backend.is_server, "IT backs up the server; a file gets its own backup"
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Facility)) == 1
    assert activity(ws) == [], "nothing is left announced (and a file never announces)"
    assert delete_import(ws, report.dataset).facilities_removed == 1


def test_an_unannounced_short_write_is_waited_for_but_a_holder_that_does_not_let_go_is_reported(pg_backend) -> None:
    """A colleague's Kennzahlen list holds the lock for milliseconds without announcing itself: an import
    started in that moment waits for it instead of being refused; one held longer than the bounded wait is
    refused with the message without a name."""
    import psycopg

    from bildungsplaner.store.database import UNANNOUNCED_WAIT_MS

    ws = pg_backend.open()
    schema = f"bp_{pg_backend.workspace_name}"
    holder = psycopg.connect(**postgres.parse_address(str(pg_backend.location)).conninfo_params())
    holder.execute("SELECT pg_advisory_xact_lock(%s, %s)", (postgres.LOCK_CLASS, postgres.lock_key(f"{schema}:write")))
    release = threading.Timer(0.5, holder.commit)
    release.start()
    try:
        started = time.monotonic()
        assert import_file(ws, real_file(GENESIS), all_regions=True).committed
        assert time.monotonic() - started >= 0.4, "the import waited for the short write"
    finally:
        release.join()
        holder.close()

    holder = psycopg.connect(**postgres.parse_address(str(pg_backend.location)).conninfo_params())
    holder.execute("SELECT pg_advisory_xact_lock(%s, %s)", (postgres.LOCK_CLASS, postgres.lock_key(f"{schema}:write")))
    try:
        started = time.monotonic()
        with pytest.raises(WorkspaceBusy, match="schreibt gerade ein Kollege"), ws.transaction() as s:
            ws.lock_for_writing(s)
        assert time.monotonic() - started < UNANNOUNCED_WAIT_MS / 1000 + 2
    finally:
        holder.close()
    with ws.transaction() as s:  # the transaction's lock_timeout is its own: the next one waits as configured
        ws.lock_for_writing(s)
