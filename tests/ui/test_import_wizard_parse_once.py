"""The import assistant parses a GENESIS table once: the preview, the check (dry run) and the import use the
same parse (issue 14); a file changed on disk after the preview is read again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bildungsplaner.importing import readers
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import Observation
from bildungsplaner.ui.importing.wizard import ImportWizard
from bildungsplaner.ui.main_window import MainWindow

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every GENESIS parse the readers do, by file name."""
    calls: list[str] = []
    original = readers.parse_genesis_table

    def counting(data: bytes, file_name: str = "") -> Any:
        calls.append(file_name)
        return original(data, file_name)

    monkeypatch.setattr(readers, "parse_genesis_table", counting)
    return calls


def genesis_copy(tmp_path: Path) -> Path:
    source = REAL_DATA / "genesis_12411-01-01-4.csv"
    if not source.exists():
        pytest.skip(f"real data not available: {source}")
    return Path(shutil.copy(source, tmp_path / source.name))


def observations(ws: Any) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(Observation)))


def test_preview_check_and_import_parse_the_table_once(window: MainWindow, workspace: Any, tmp_path: Path,
                                                       parses: list[str]) -> None:
    path = genesis_copy(tmp_path)
    wizard = window.import_dialog(path)
    assert isinstance(wizard, ImportWizard)
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW and wizard.preview_page.model.rowCount() > 0
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK
    assert wizard.dry_report is not None and wizard.dry_report.observations == 1578
    wizard.next()
    assert wizard.currentId() == ImportWizard.IMPORT
    assert wizard.report is not None and wizard.report.committed and wizard.report.observations == 1578
    assert observations(workspace) == 1578
    assert parses == [path.name]  # once, not three times


def test_a_file_changed_after_the_preview_is_read_again(window: MainWindow, workspace: Any, tmp_path: Path,
                                                        parses: list[str]) -> None:
    path = genesis_copy(tmp_path)
    wizard = window.import_dialog(path)
    assert isinstance(wizard, ImportWizard)
    wizard.next()
    # the same table, one value changed (same size), saved a second later
    text = path.read_bytes()
    changed = text.replace(b";85942;", b";85943;", 1)
    assert changed != text and len(changed) == len(text)
    path.write_bytes(changed)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    wizard.next()
    assert wizard.currentId() == ImportWizard.CHECK and wizard.dry_report is not None
    assert len(parses) == 2
    wizard.next()
    assert wizard.report is not None and wizard.report.committed
    assert len(parses) == 3  # the preview's parse is stale: check and import read the file as it is now
    with workspace.session() as s:
        values = {v for (v,) in s.execute(select(Observation.value))}
    assert 85943.0 in values and 85942.0 not in values
