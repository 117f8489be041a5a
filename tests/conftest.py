"""Shared fixtures: Qt offscreen, an isolated data folder per test, real workspace files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import Backend, pg_test_url
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


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """A fresh workspace location on each back end (SQLite file, PostgreSQL schema); see :class:`Backend`."""
    where = Backend(request.param, tmp_path)
    yield where
    where.cleanup()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Backend]:
    """A workspace location on the PostgreSQL test server, not created yet (a module that needs it created
    overrides this fixture and opens it), dropped afterwards; without a server it skips, and under CI fails."""
    pg_test_url()
    backend = Backend("postgresql", tmp_path)
    try:
        yield backend
    finally:
        backend.cleanup()


@pytest.fixture
def backend_workspace(backend: Backend) -> Iterator:
    """A new, empty workspace, opened, on each back end."""
    yield backend.open()
