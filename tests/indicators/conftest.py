"""Shared fixtures of the Kennzahlen tests: the real GENESIS tables imported once per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kennzahl_files import CATALOGUE_FILES, import_real
from realdata import real_file


@pytest.fixture(scope="module")
def real_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """A workspace with the four catalogue tables, imported through the real import service (read only!)."""
    from bildungsplaner.store.database import open_workspace

    for name in CATALOGUE_FILES:
        real_file(name)  # skip early where the real data are absent
    ws = open_workspace(Path(tmp_path_factory.mktemp("kennzahlen")) / "real.bpws")
    import_real(ws, *CATALOGUE_FILES)
    yield ws
    ws.close()
