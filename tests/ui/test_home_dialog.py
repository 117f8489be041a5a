"""Choosing the home region: search by name or key, the demo one click away, „Neuer Arbeitsbereich…“."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from bildungsplaner.services.home import home_region
from bildungsplaner.settings import Settings
from bildungsplaner.ui import app as ui_app
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.workspace.home import KEY_ROLE, HomeRegionDialog


def test_search_by_name_or_key(qtbot: Any) -> None:
    dialog = HomeRegionDialog(first_start=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.proxy.rowCount() == 401 and not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.search, "05978")
    assert dialog.proxy.rowCount() == 1 and dialog.selected_key() == "05978"
    assert dialog.create_button.isEnabled()
    dialog.search.setText("dortmund")
    assert [dialog.proxy.index(r, 0).data(KEY_ROLE) for r in range(dialog.proxy.rowCount())] == ["05913"]
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # typed, Enter: the default button creates it
    assert dialog.result() == HomeRegionDialog.DialogCode.Accepted and dialog.region_key == "05913"


def test_demo_button_opens_the_demo_not_the_users_workspace(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner import paths

    def demo(dialog: HomeRegionDialog) -> int:
        assert dialog.demo_button is not None
        dialog.demo_button.click()
        return HomeRegionDialog.DialogCode.Accepted

    monkeypatch.setattr(HomeRegionDialog, "exec", demo)
    window = MainWindow(None, settings=Settings())
    try:
        ui_app.first_start(window)
        assert window.workspace is not None and window.workspace.path == paths.demo_workspace()
        assert not paths.default_workspace().exists()
    finally:
        window.close()
        window.deleteLater()


def test_new_workspace_asks_for_the_home_region(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = MainWindow(None, settings=Settings())
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "soest"), ""))

    def soest(dialog: HomeRegionDialog) -> int:
        assert dialog.demo_button is None
        assert dialog.select_key("05974")
        dialog.accept()
        return HomeRegionDialog.DialogCode.Accepted

    monkeypatch.setattr(HomeRegionDialog, "exec", soest)
    window.new_workspace()
    assert window.workspace is not None and window.workspace.path == tmp_path / "soest.bpws"
    assert home_region(window.workspace) == "05974"
    keys = {r.key for r in window.browser.region_index.rows}
    assert keys == {"DG", "05", "05974"}
