"""The two back ends of the store for tests: a SQLite file or a fresh schema on the test PostgreSQL server.

Imported by ``tests/conftest.py`` (the ``backend`` fixtures) and by test modules that need :class:`Backend`
themselves — a module of its own, because several test folders have a ``conftest.py`` and ``from conftest import``
would find whichever was imported first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

#: as in tests/conftest.py: under CI a test that would skip fails instead
STRICT_ENV = "BILDUNGSPLANER_STRICT"

#: Set by ``.ci/run`` (``scripts/pg_test_cluster.sh``): the URL of a throwaway PostgreSQL database whose login
#: role may create schemas. Without it the PostgreSQL half of ``backend`` skips - and fails under STRICT (CI).
PG_URL_ENV = "BILDUNGSPLANER_TEST_PG_URL"


def pg_test_url() -> str:
    url = os.environ.get(PG_URL_ENV, "")
    if not url:
        message = (f"{PG_URL_ENV} is not set: start a test cluster with `source scripts/pg_test_cluster.sh start`")
        if os.environ.get(STRICT_ENV):
            pytest.fail(f"{message} (required under {STRICT_ENV})")
        pytest.skip(message)
    return url


class Backend:
    """Where a test's fresh workspace lives: a file (``sqlite``) or a new schema on the test server
    (``postgresql``, dropped after the test). ``location`` is what ``open_workspace`` takes."""

    def __init__(self, name: str, tmp_path: Path) -> None:
        import uuid

        self.name = name
        self.workspace_name = f"t_{uuid.uuid4().hex[:16]}"
        if name == "sqlite":
            self.location: str | Path = tmp_path / "test.bpws"
        else:
            base = pg_test_url()
            self.location = f"{base}{'&' if '?' in base else '?'}workspace={self.workspace_name}"
        self._opened: list = []

    @property
    def is_server(self) -> bool:
        return self.name == "postgresql"

    def open(self, **kwargs):
        from bildungsplaner.store.database import open_workspace

        ws = open_workspace(self.location, **kwargs)
        self._opened.append(ws)
        return ws

    def sql(self, statement: str, **params):
        """Run one statement as the test's login on the server, outside any workspace (PostgreSQL only)."""
        import psycopg

        from bildungsplaner.store.postgres import parse_address

        address = parse_address(str(self.location))
        with psycopg.connect(**address.conninfo_params(), autocommit=True) as conn:
            cursor = conn.execute(statement, params or None)
            return cursor.fetchall() if cursor.description else None

    def cleanup(self) -> None:
        for ws in self._opened:
            ws.close()
        if self.is_server:
            self.sql(f'DROP SCHEMA IF EXISTS "bp_{self.workspace_name}" CASCADE')
