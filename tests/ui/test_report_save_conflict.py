"""The Bericht tab on a workspace a colleague also edits: saving over the colleague's later save is refused with
a message (never last-save-wins); after reopening, the save goes through. Real workspace file (a colleague on a
server behaves alike: services.reports reads the row FOR UPDATE, tests/store/test_write_locks.py)."""

from __future__ import annotations

import dataclasses
from typing import Any

from bildungsplaner.services import reports
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.common.tasks import TaskRunner
from bildungsplaner.ui.report.area import ReportArea


def test_saving_over_a_colleagues_later_save_is_refused_and_reopening_lets_it_through(
        qtbot: Any, demo_workspace: Any, message_boxes: Any) -> None:
    area = ReportArea(TaskRunner())
    qtbot.addWidget(area)
    area.set_workspace(demo_workspace)
    area.new_report()
    area.name = "Bericht Lindental"
    assert area.save()
    assert area.open_report("Bericht Lindental")
    spec = area.spec
    assert spec is not None
    area.set_spec(dataclasses.replace(spec, title="Meine Fassung"), None)

    colleague = open_workspace(demo_workspace.path, create=False)  # anna, meanwhile, in her own window
    try:
        theirs = reports.get_report(colleague, "Bericht Lindental")
        reports.save_report(colleague, "Bericht Lindental", dataclasses.replace(theirs.spec, title="Annas Fassung"),
                            based_on=theirs.changed_at)
    finally:
        colleague.close()

    assert not area.save(), "refused"
    assert any("wurde inzwischen von" in text for text in message_boxes.texts()), message_boxes.texts()
    assert reports.get_report(demo_workspace, "Bericht Lindental").spec.title == "Annas Fassung", "hers stays"
    assert area.is_dirty(), "my changes are still in the window"

    area.undo_stack.setClean()
    area.saved_spec = area.spec  # (as if the user chose to discard: reopening asks no question)
    assert area.open_report("Bericht Lindental")
    assert area.spec is not None and area.spec.title == "Annas Fassung"
    area.set_spec(dataclasses.replace(area.spec, title="Gemeinsame Fassung"), None)
    assert area.save()
    assert reports.get_report(demo_workspace, "Bericht Lindental").spec.title == "Gemeinsame Fassung"
    area.set_workspace(None)
