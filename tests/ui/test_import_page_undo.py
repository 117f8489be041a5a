"""„Import löschen…“ on the Import page takes a facility import back: a later list first, then the earlier one;
the earlier one while the later stands is refused with one clear message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from school_lists import school_list, schools_template
from sqlalchemy import select

from bildungsplaner.services.importing import import_file
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import Facility
from bildungsplaner.ui.main_window import MainWindow

TEMPLATE = schools_template()


@pytest.fixture
def window(qtbot: Any, workspace: Any) -> MainWindow:
    win = MainWindow(workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    return win


def sozialindex(ws: Any) -> dict[str, int]:
    with ws.session() as s:
        return {f.key: f.attributes["sozialindex"] for f in s.scalars(select(Facility))}


def select_import(page: Any, dataset: int) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() == str(dataset):
            page.view.setCurrentIndex(page.proxy.index(row, 0))
            return
    raise AssertionError(f"import {dataset} not listed")


def test_a_facility_import_is_taken_back_from_the_import_page(qtbot: Any, window: MainWindow, message_boxes: Any,
                                                              tmp_path: Path) -> None:
    ws = window.workspace
    a = import_file(ws, school_list(tmp_path / "liste_2024.csv", ["100001;GS Am Markt;05978004;3",
                                                                   "100002;GS Bönen;05978008;5"]), template=TEMPLATE)
    b = import_file(ws, school_list(tmp_path / "liste_2025.csv", ["100001;GS Am Markt;05978004;4",
                                                                   "100003;GS Unna;05978024;6"]), template=TEMPLATE)
    page = window.import_page
    window.areas.setCurrentWidget(page)
    window.set_workspace(ws, owns=False)
    assert page.model.rowCount() == 2

    select_import(page, a.dataset)  # the earlier list while the later one changed the same school: refused
    page.delete_action.trigger()
    kinds = message_boxes.kinds()
    assert kinds[-2:] == ["question", "warning"]
    asked = message_boxes.texts("question")[-1]
    assert "Die 2 Einrichtungen, die er geliefert hat, bekommen ihren Stand vor dem Import zurück" in asked
    refusal = message_boxes.texts("warning")[-1]
    assert f"zuerst Import Nr. {b.dataset} zurück" in refusal and "Traceback" not in refusal
    assert sozialindex(ws) == {"100001": 4, "100002": 5, "100003": 6} and page.model.rowCount() == 2

    select_import(page, b.dataset)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)  # Entf: asked (answered „Ja“ by the fixture), then done
    assert sozialindex(ws) == {"100001": 3, "100002": 5}  # A's Sozialindex again, B's new school gone
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [str(a.dataset)]
    status = window.statusBar().currentMessage()
    assert "gelöscht" in status and "Einrichtungen: 1 entfernt, 1 auf den Stand davor zurückgesetzt." in status
    assert window.facilities.model.rowCount() == 2  # the panels show the state after it

    select_import(page, a.dataset)
    page.delete_action.trigger()
    assert sozialindex(ws) == {} and page.model.rowCount() == 0
