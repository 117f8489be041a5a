"""The import assistant in a workspace with a home region: a nationwide table keeps the home chain, unless
„alles behalten“ is ticked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from realdata import real_file

from bildungsplaner.services import browse
from bildungsplaner.services.workspace import create_workspace
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.importing.wizard import ImportWizard
from bildungsplaner.ui.main_window import MainWindow


@pytest.fixture
def unna(tmp_path: Path) -> Any:
    ws = open_workspace(create_workspace(tmp_path / "unna.bpws", region="05978"), create=False)
    yield ws
    ws.close()


def test_wizard_keeps_the_home_chain_and_alles_behalten_keeps_all(qtbot: Any, unna: Any) -> None:
    window = MainWindow(unna, owns_workspace=False, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    wizard = window.import_dialog(real_file("genesis_12411-01-01-5_00.csv"))
    assert isinstance(wizard, ImportWizard)
    wizard.next()  # preview
    wizard.next()  # GENESIS skips the mapping: check
    check = wizard.check_page
    assert check.all_regions_box.isVisible() and not check.all_regions_box.isChecked()
    dry = wizard.dry_report
    assert dry is not None and dry.regions_outside_home == 14480 and dry.observations == 13 * 24
    assert "Außerhalb der Heimatregion 05978" in check.report_view.toPlainText()
    check.all_regions_box.setChecked(True)
    check.start_check()
    assert wizard.dry_report is not None and wizard.dry_report.rows_outside_home == 0
    assert wizard.dry_report.regions_created > 14000
    check.all_regions_box.setChecked(False)
    check.start_check()
    wizard.next()  # import
    assert wizard.report is not None and wizard.report.committed
    keys = {r.key for r in browse.list_regions(unna)}
    assert len(keys) == 13 and {"DG", "05", "05978"} <= keys
