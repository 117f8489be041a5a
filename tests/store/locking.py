"""Helpers of the write-lock tests on a server (tests/store/test_import_lock.py, test_write_locks.py)."""

from __future__ import annotations

import threading

from backends import Backend
from sqlalchemy import select

from bildungsplaner.store import postgres
from bildungsplaner.store.models import WorkspaceActivity


def activity(ws) -> list[tuple[str, str]]:
    """(kind, who) of every announced writer of the workspace."""
    with ws.session() as s:
        return [(r.kind, r.who) for r in s.scalars(select(WorkspaceActivity))]


def write_lock_holders(backend: Backend) -> list[int]:
    """Server processes holding the workspace's write lock (``pg_locks`` is readable by every role)."""
    key = postgres.lock_key(f"bp_{backend.workspace_name}:write") & 0xFFFFFFFF
    rows = backend.sql("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = %(c)s "
                       "AND objid = %(k)s AND objsubid = 2", c=postgres.LOCK_CLASS, k=key)
    return [pid for (pid,) in rows or []]


def colleague_holding_the_lock(backend: Backend, kind: str = "import"):
    """A raw connection that announced itself as anna@PC-0815 since 14:02 UTC and holds the write lock."""
    import psycopg

    conn = psycopg.connect(**postgres.parse_address(str(backend.location)).conninfo_params())
    schema = f"bp_{backend.workspace_name}"
    conn.execute(f"INSERT INTO {schema}.workspace_activity (kind, who, host, since, pid) "
                 "VALUES (%s, 'anna', 'PC-0815', '2026-12-04 14:02:00+00', pg_backend_pid())", (kind,))
    conn.commit()
    conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (postgres.LOCK_CLASS, postgres.lock_key(f"{schema}:write")))
    return conn


class HoldWhileLocked:
    """A progress that, once its writer holds the write lock, waits inside the writer's transaction until released
    (the first colleague, stopped mid-write)."""

    cancelled = False

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.holding = threading.Event()
        self.release = threading.Event()

    def report(self, fraction: float, message: str = "") -> None:
        self.check()

    def check(self) -> None:
        if not self.holding.is_set() and write_lock_holders(self.backend):
            self.holding.set()
            self.release.wait(60)
