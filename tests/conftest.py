"""Shared fixtures: Qt offscreen, an isolated data folder per test, real workspace files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from realdata import REAL_DATA, real_file  # noqa: F401 - shared with the test modules

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]


#: Set by ``.ci/run``: a test that would skip (LibreOffice missing, ../shared/real-data absent) fails instead,
#: so CI can never pass by leaving out the tests that need the real files or the office suite.
STRICT_ENV = "BILDUNGSPLANER_STRICT"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()
    if os.environ.get(STRICT_ENV) and report.skipped and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under {STRICT_ENV} (CI), which counts as a failure: {report.longrepr}"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder, so no test reads or writes the real user folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BILDUNGSPLANER_HOME", str(home))
    return home


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator:
    """A new, empty workspace in a real SQLite file."""
    from bildungsplaner.store.database import open_workspace

    ws = open_workspace(tmp_path / "test.bpws")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_file_pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workspace, built once per test session; copy it (``demo_file``) before writing."""
    from bildungsplaner.services.workspace import create_demo_workspace

    path = tmp_path_factory.mktemp("demo") / "demo.bpws"
    create_demo_workspace(path)
    return path


@pytest.fixture
def demo_file(demo_file_pristine: Path, tmp_path: Path) -> Path:
    """A private copy of the demo workspace file (closed, so a file copy is a faithful copy)."""
    target = tmp_path / "demo.bpws"
    shutil.copyfile(demo_file_pristine, target)
    return target


@pytest.fixture
def demo_workspace(demo_file: Path) -> Iterator:
    from bildungsplaner.store.database import open_workspace

    ws = open_workspace(demo_file)
    yield ws
    ws.close()


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


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """A fresh workspace location on each back end (SQLite file, PostgreSQL schema); see :class:`Backend`."""
    where = Backend(request.param, tmp_path)
    yield where
    where.cleanup()


@pytest.fixture
def backend_workspace(backend: Backend) -> Iterator:
    """A new, empty workspace, opened, on each back end."""
    yield backend.open()
