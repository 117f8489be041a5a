"""The Planung area offscreen in a real main window on the demo workspace: editing, live results, undo/redo,
saving, the unsaved-changes prompt, the scenario list, demand scenarios, the comparison and the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from bildungsplaner import UserInputError, drafts
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.services.planning import run_scenario
from bildungsplaner.services.planning_inputs import collect_inputs, compute
from bildungsplaner.services.scenarios import get_scenario, list_scenarios
from bildungsplaner.settings import Settings
from bildungsplaner.ui.main_window import MainWindow
from bildungsplaner.ui.planning.commands import Edit
from bildungsplaner.ui.planning.editor import PlanningEditor
from bildungsplaner.ui.planning.models import AllocationResultModel

ALLOCATION = "Schulsozialarbeit Grundschulen 2027"
DEMAND = "Kita- und Ganztagsbedarf 2025-2030"
BACKTEST = "Kita-Bedarf Prognose 2020"  # the demo's base-2020 forecast (Prognose-Ist-Vergleich)
Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot: Any, demo_workspace: Any) -> MainWindow:
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    win.areas.setCurrentWidget(win.planning)
    return win


@pytest.fixture
def editor(window: MainWindow) -> PlanningEditor:
    assert window.planning.open_scenario(ALLOCATION)
    return window.planning


def answer(monkeypatch: pytest.MonkeyPatch, button: Button) -> list[str]:
    """Let QMessageBox.question answer ``button``; returns the texts asked."""
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Button:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def amounts(editor: PlanningEditor) -> np.ndarray:
    """The amounts as the result table shows them (column "Zuteilung …", German numbers)."""
    model = editor.allocation.model
    column = next(c for c in range(model.columnCount())
                  if str(model.headerData(c, Qt.Orientation.Horizontal)).startswith("Zuteilung"))
    texts = [model.index(r, column).data() for r in range(model.rowCount())]
    return np.array([float(t.replace(".", "").replace(",", ".")) for t in texts])


def test_allocation_opens_with_live_result(editor: PlanningEditor) -> None:
    assert editor.stack.currentWidget() is editor.allocation
    assert editor.error is None and editor.result is not None
    model = editor.allocation.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # the amount next to the name (in view on a 1280 × 800 screen), the explanation after it
    assert headers == ["Schlüssel", "Name", "Zuteilung (VZÄ)", "Exakt (VZÄ)", "Differenz", "Grenze", "fest",
                       "Bedarfsanteil", "Bedarfsindex", "schueler", "sozialindex"]
    assert model.rowCount() == len(editor.result.rows) > 10
    assert amounts(editor).sum() == pytest.approx(24.0)
    share = model.index(0, headers.index("Bedarfsanteil")).data()
    assert share.endswith(" %") and "," in share  # German number formatting
    assert editor.allocation.total.value() == 24.0
    assert [t.weight.value() for t in editor.allocation.terms] == [0.6, 0.4]
    assert editor.allocation.terms[0].slider.value() == 60
    assert len(editor.allocation.chart.items) == 2  # exact and rounded bars
    assert not editor.is_dirty() and not editor.save_action.isEnabled()


def test_slider_and_total_update_live_and_undo_redo(window: MainWindow, editor: PlanningEditor) -> None:
    original = amounts(editor)
    slider = editor.allocation.terms[0].slider
    slider.setValue(30)
    slider.setValue(10)
    assert editor.spec.need[0].weight == pytest.approx(0.1)
    assert editor.allocation.terms[0].weight.value() == pytest.approx(0.1)  # spin box follows the slider
    after_weight = amounts(editor)
    assert not np.allclose(after_weight, original)
    editor.allocation.total.setValue(30.0)
    assert editor.spec.amount.total == 30.0
    assert amounts(editor).sum() == pytest.approx(30.0)
    assert editor.is_dirty() and editor.save_action.isEnabled()
    assert "ungespeicherte" in editor.title.text()
    assert editor.undo_stack.count() == 2  # the slider moves merged into one step
    window.undo_action.trigger()
    np.testing.assert_allclose(amounts(editor), after_weight)
    window.undo_action.trigger()
    np.testing.assert_allclose(amounts(editor), original)
    assert editor.allocation.total.value() == 24.0 and editor.allocation.terms[0].slider.value() == 60
    assert not editor.is_dirty()
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert amounts(editor).sum() == pytest.approx(30.0)
    assert editor.spec.need[0].weight == pytest.approx(0.1)
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert [s.toString() for s in window.redo_action.shortcuts()] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert window.undo_action in window.menuBar().actions()[1].menu().actions()


def test_merged_slider_moves_undo_in_one_step(editor: PlanningEditor) -> None:
    slider = editor.allocation.terms[1].slider
    for value in (45, 50, 55, 70):
        slider.setValue(value)
    assert editor.undo_stack.count() == 1
    assert editor.spec.need[1].weight == pytest.approx(0.7)
    editor.undo_action.trigger()
    assert editor.spec.need[1].weight == pytest.approx(0.4)
    assert editor.undo_stack.index() == 0
    # a spin box change of the same weight is its own step, and the other weight's slider does not merge
    editor.allocation.terms[1].weight.setValue(0.5)
    editor.allocation.terms[0].slider.setValue(20)
    assert editor.undo_stack.count() == 2


def test_save_stores_the_change(window: MainWindow, editor: PlanningEditor, demo_workspace: Any) -> None:
    editor.allocation.total.setValue(26.0)
    editor.allocation.method.setCurrentIndex(editor.allocation.method.findData("sainte-lague"))
    editor.allocation.method.activated.emit(editor.allocation.method.currentIndex())
    window.planning.save_action.trigger()
    saved = get_scenario(demo_workspace, ALLOCATION, with_result=True)
    assert saved.spec.amount.total == 26.0 and saved.spec.amount.method == "sainte-lague"
    assert saved.result is not None and sum(r["amount"] for r in saved.result["rows"]) == pytest.approx(26.0)
    assert not editor.is_dirty() and "ungespeicherte" not in editor.title.text()
    assert window.export_panel.scenario.count() == 3


def test_unsaved_changes_prompt_on_switching(editor: PlanningEditor, demo_workspace: Any,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    editor.allocation.total.setValue(20.0)
    demand_row = editor.model.row_of(DEMAND)
    asked = answer(monkeypatch, Button.Cancel)
    editor.list.selectRow(demand_row)
    assert asked and ALLOCATION in asked[0]
    assert editor.spec.name == ALLOCATION and editor.is_dirty()
    assert editor.selected_name() == ALLOCATION  # the list shows the open scenario again
    answer(monkeypatch, Button.Discard)
    editor.list.selectRow(demand_row)
    assert editor.spec.name == DEMAND
    assert get_scenario(demo_workspace, ALLOCATION).spec.amount.total == 24.0
    # Speichern: stored, then switched
    assert editor.open_scenario(ALLOCATION)
    editor.allocation.total.setValue(21.0)
    answer(monkeypatch, Button.Save)
    assert editor.open_scenario(DEMAND)
    assert get_scenario(demo_workspace, ALLOCATION).spec.amount.total == 21.0


def test_unsaved_changes_prompt_on_close_and_open(window: MainWindow, editor: PlanningEditor, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    editor.allocation.total.setValue(20.0)
    asked = answer(monkeypatch, Button.Cancel)
    assert not window.close()
    assert window.isVisible() and window.workspace is not None and len(asked) == 1
    assert window.open_path(tmp_path / "other.bpws", create=True) is False
    assert window.workspace is not None and window.workspace.path.name == "demo.bpws" and len(asked) == 2
    answer(monkeypatch, Button.Discard)
    assert window.open_path(tmp_path / "other.bpws", create=True)
    assert window.planning.spec is None and window.planning.model.rowCount() == 0


def test_duplicate_rename_delete(window: MainWindow, editor: PlanningEditor, demo_workspace: Any,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    editor.duplicate_action.trigger()
    copy = f"{ALLOCATION} (Kopie)"
    assert editor.spec.name == copy and editor.selected_name() == copy
    assert {s.name for s in list_scenarios(demo_workspace)} == {ALLOCATION, DEMAND, BACKTEST, copy}
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Variante B", True)))
    editor.rename_action.trigger()
    assert editor.spec.name == "Variante B" and not editor.is_dirty()
    assert get_scenario(demo_workspace, "Variante B").spec.amount.total == 24.0
    export = window.export_panel.scenario
    assert "Variante B" in [export.itemData(i) for i in range(export.count())]
    asked = answer(monkeypatch, Button.No)
    editor.delete_action.trigger()
    assert asked and "Variante B" in asked[0]
    assert editor.model.row_of("Variante B") >= 0
    answer(monkeypatch, Button.Yes)
    editor.delete_action.trigger()
    assert editor.model.row_of("Variante B") < 0 and editor.spec is None
    assert {s.name for s in list_scenarios(demo_workspace)} == {ALLOCATION, DEMAND, BACKTEST}


def test_new_scenarios_from_templates(window: MainWindow, demo_workspace: Any,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.ui.planning.new_demand import NewDemandDialog

    monkeypatch.setattr(NewDemandDialog, "exec", lambda dialog: NewDemandDialog.DialogCode.Accepted)
    editor = window.planning
    editor.new_allocation_action.trigger()
    assert editor.spec.name == "Neue Verteilung" and editor.stack.currentWidget() is editor.allocation
    assert editor.error is None and editor.result is not None
    editor.new_demand_action.trigger()
    assert editor.spec.name == "Neuer Bedarf" and editor.stack.currentWidget() is editor.demand
    assert editor.error is None and editor.demand.model.rowCount() > 0
    editor.new_allocation_action.trigger()
    assert editor.spec.name == "Neue Verteilung 2"
    assert len(list_scenarios(demo_workspace)) == 6


def test_lock_a_recipient_in_the_result_table(editor: PlanningEditor) -> None:
    model = editor.allocation.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    lock = headers.index("fest")
    key = model.index(3, 0).data()
    amount = float(editor.result.rows.loc[3, "amount"])
    assert model.setData(model.index(3, lock), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert dict(editor.spec.amount.locked) == {key: amount}
    assert model.index(3, lock).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(3, headers.index("Grenze")).data() == "fest"
    amount_column = headers.index("Zuteilung (VZÄ)")
    assert model.flags(model.index(3, amount_column)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(3, amount_column), "2,0", Qt.ItemDataRole.EditRole)
    assert dict(editor.spec.amount.locked) == {key: 2.0}
    assert amounts(editor)[3] == 2.0 and amounts(editor).sum() == pytest.approx(24.0)
    editor.undo_action.trigger()
    editor.undo_action.trigger()
    assert editor.spec.amount.locked == ()


def test_invalid_edits_are_refused_or_explained(editor: PlanningEditor) -> None:
    # not a valid scenario (maximum below minimum): refused with the message, nothing on the stack
    editor.allocation.maximum.setValue(0.25)
    assert editor.undo_stack.count() == 0 and editor.spec.amount.maximum == 2.0
    assert "amount.maximum" in editor.allocation.validation.text()
    assert editor.allocation.maximum.value() == 2.0
    # a valid scenario that cannot be allocated: the error instead of the table, undo brings the result back
    editor.allocation.minimum.setValue(1.5)
    assert editor.undo_stack.count() == 1
    assert editor.result is None and "Mindestbeträge" in editor.error
    assert editor.allocation.warnings.texts()[0].startswith("Fehler: ")
    assert editor.allocation.model.rowCount() == 0
    editor.undo_action.trigger()
    assert editor.result is not None and editor.allocation.model.rowCount() > 0


def test_need_terms_and_recipients(editor: PlanningEditor) -> None:
    allocation = editor.allocation
    allocation.add_term_button.click()
    assert len(editor.spec.need) == 3 and len(allocation.terms) == 3
    row = allocation.terms[2]
    row.source.setCurrentText("attribute:sozialindex")
    row.source.lineEdit().editingFinished.emit()
    assert editor.spec.need[2].source == "attribute:sozialindex"
    assert "attribute:sozialindex" in editor.result.value_columns
    row.missing.setCurrentIndex(1)
    row.missing.activated.emit(1)
    assert editor.spec.need[2].missing == "zero"
    row.remove.click()
    assert len(editor.spec.need) == 2 and len(allocation.terms) == 2
    allocation.within.setText("05999001")
    allocation.within.editingFinished.emit()
    assert editor.spec.recipients.within == "05999001"
    assert editor.error is not None or len(editor.result.rows) < 35
    for _ in range(5):
        editor.undo_action.trigger()
    assert len(editor.spec.need) == 2 and editor.spec.recipients.within is None
    assert get_scenario(editor.workspace, ALLOCATION).text == scenario_files.dumps(editor.spec)


def test_regions_and_kinds_are_offered_while_typing(editor: PlanningEditor, qtbot: Any) -> None:
    allocation = editor.allocation
    completer = allocation.within_completer
    completer.setCompletionPrefix("bergh")  # by name, case-insensitive, anywhere in the text
    offered = [completer.completionModel().index(i, 0).data() for i in range(completer.completionModel().rowCount())]
    assert offered[0] == "05999002 Bergheide (Gemeinde)" and len(offered) == 4  # and its three Sozialräume
    assert all("Bergheide" in text for text in offered)
    completer.setCompletionPrefix("05999")
    assert completer.completionModel().rowCount() >= 12  # the Kreis, its Gemeinden and Sozialräume
    # choosing an offer puts the key alone into the field, the label says what it is
    allocation.within.setFocus()
    qtbot.keyClicks(allocation.within, "bergh")
    assert completer.popup().isVisible()
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert allocation.within.text() == "05999002"
    assert allocation.within_name.text() == "Bergheide (Gemeinde)"
    allocation.within.editingFinished.emit()
    assert editor.spec.recipients.within == "05999002"
    allocation.within.setText("99999")
    assert allocation.within_name.text() == "kein Gebiet mit diesem Schlüssel – aus der Liste wählen"
    allocation.within.setText("")
    assert allocation.within_name.text() == "alle Gebiete"

    # facility kinds: the entry after the last comma is completed, the ones before stay
    kinds = allocation.kinds_completer
    allocation.facility_kinds.setFocus()  # (leaving the region field commits it: the form is shown again)
    allocation.facility_kinds.clear()
    qtbot.keyClicks(allocation.facility_kinds, "Grundschule, gym")
    assert kinds.popup().isVisible() and kinds.completionModel().rowCount() == 1
    qtbot.keyClick(kinds.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(kinds.popup(), Qt.Key.Key_Return)
    assert allocation.facility_kinds.text() == "Grundschule, Gymnasium"
    allocation.facility_kinds.editingFinished.emit()
    assert editor.spec.recipients.facility_kinds == ("Grundschule", "Gymnasium")
    # the demand editor's capacity kinds cells offer the same kinds
    delegate = editor.demand.kinds_delegate
    assert "Kita" in delegate.choices and "Grundschule" in delegate.choices


def test_demand_scenario_rows_chart_and_text(window: MainWindow) -> None:
    editor = window.planning
    assert editor.open_scenario(DEMAND)
    demand = editor.demand
    assert editor.stack.currentWidget() is demand and editor.error is None
    rows = demand.model.rowCount()
    assert rows == len(editor.result.rows) > 0
    headers = [demand.model.headerData(c, Qt.Orientation.Horizontal) for c in range(demand.model.columnCount())]
    assert headers[:4] == ["Schlüssel", "Gebiet", "Jahr", "Bedarf"] and "Lücke" in headers
    assert len(demand.chart.items) == 4  # demand and capacity for both lines
    assert demand.lines.rowCount() == 2 and demand.lines.item(0, 2).text() == "2026: 0,45; 2030: 0,55"
    demand.horizon.setValue(2032)
    assert demand.model.rowCount() > rows and editor.spec.population.horizon == 2032
    demand.lines.item(1, 2).setText("0,8")
    assert editor.spec.demand[1].rate == 0.8
    demand.lines.item(1, 2).setText("80")
    assert "demand[2].rate" in demand.validation.text() and editor.spec.demand[1].rate == 0.8
    demand.lines.item(1, 1).setText("abc")  # not even a list of ages: refused with a message that stays
    assert demand.validation.text() and editor.spec.demand[1].ages == (6, 7, 8, 9)
    assert demand.lines.item(1, 1).text() == "6, 7, 8, 9"
    # the TOML text: invalid text shows the message, valid text is one undoable edit
    demand.text.setPlainText(demand.text.toPlainText().replace("survival = 1.0", "survival = 3.0"))
    assert not demand.apply_text()
    assert "population.survival" in demand.validation.text()
    demand.text.setPlainText(demand.text.toPlainText().replace("survival = 3.0", "survival = 0.99"))
    assert demand.apply_text()
    assert editor.spec.population.survival == 0.99 and demand.survival.value() == 0.99
    assert editor.undo_stack.count() == 3
    for _ in range(3):
        editor.undo_action.trigger()
    assert editor.spec == get_scenario(editor.workspace, DEMAND).spec


def test_open_and_save_scenario_files(window: MainWindow, editor: PlanningEditor, demo_workspace: Any,
                                      tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    written = editor.write_file(tmp_path / "verteilung")
    assert written.suffix == ".toml" and scenario_files.load(written) == editor.spec
    written.write_text(written.read_text(encoding="utf-8").replace(ALLOCATION, "Aus Datei"), encoding="utf-8")
    assert editor.open_path(written)
    assert editor.spec.name == "Aus Datei" and editor.is_dirty() and editor.selected_name() is None
    editor.save_action.trigger()
    assert get_scenario(demo_workspace, "Aus Datei").spec.amount.total == 24.0
    assert editor.selected_name() == "Aus Datei"
    # the same name again asks before replacing
    asked = answer(monkeypatch, Button.No)
    assert editor.open_path(written)
    assert not editor.save() and asked


def test_comparison_view(window: MainWindow, editor: PlanningEditor, demo_workspace: Any) -> None:
    editor.duplicate_action.trigger()
    editor.allocation.total.setValue(30.0)
    editor.save_action.trigger()
    view = editor.comparison
    view.select(ALLOCATION, f"{ALLOCATION} (Kopie)")
    view.compare_button.click()
    rows = view.model.rowCount()
    assert rows == len(editor.result.rows)
    diff = [float(view.model.index(r, 4).data().replace(",", ".")) for r in range(rows)]
    assert sum(diff) == pytest.approx(6.0)
    view.select(ALLOCATION, DEMAND)  # a demand scenario is not offered beside an allocation scenario
    assert view.combo_b.findData(DEMAND) == -1 and view.combo_b.currentData() != DEMAND


def test_models_pass_the_model_tester(qtmodeltester: Any, window: MainWindow, editor: PlanningEditor) -> None:
    qtmodeltester.check(editor.model)
    qtmodeltester.check(editor.allocation.model)
    qtmodeltester.check(editor.allocation.proxy)
    assert editor.open_scenario(DEMAND)
    qtmodeltester.check(editor.demand.model)
    view = editor.comparison
    view.select(DEMAND, DEMAND)
    view.compare_button.click()
    assert view.model.rowCount() > 0
    qtmodeltester.check(view.model)
    qtmodeltester.check(AllocationResultModel())


def test_edits_are_reversible_pure_operations(demo_workspace: Any) -> None:
    spec = get_scenario(demo_workspace, ALLOCATION).spec
    edit = Edit(((("amount", "total"), 30.0), (("need", 1, "weight"), 0.9)), "zwei Werte")
    new, inverse = edit.apply(spec)
    assert new.amount.total == 30.0 and new.need[1].weight == 0.9 and spec.amount.total == 24.0
    back, again = inverse.apply(new)
    assert back == spec and again.apply(back)[0] == new
    assert Edit.one(("amount", "total"), 24.0).is_noop(spec)
    with pytest.raises(UserInputError, match=r"amount\.step"):
        Edit.one(("amount", "step"), 0.0).apply(spec)


def test_collected_inputs_give_the_service_result(demo_workspace: Any) -> None:
    for name in (ALLOCATION, DEMAND):
        spec = get_scenario(demo_workspace, name).spec
        mine = compute(spec, collect_inputs(demo_workspace, spec))
        theirs = run_scenario(demo_workspace, spec)
        assert mine.to_json_dict() == theirs.to_json_dict()
    changed = Edit.one(("need", 0, "weight"), 0.2).apply(get_scenario(demo_workspace, ALLOCATION).spec)[0]
    inputs = collect_inputs(demo_workspace, get_scenario(demo_workspace, ALLOCATION).spec)
    assert compute(changed, inputs).to_json_dict() == run_scenario(demo_workspace, changed).to_json_dict()
    with pytest.raises(ValueError):
        compute(Edit.one(("need", 0, "source"), "attribute:sozialindex").apply(changed)[0], inputs)


def test_no_workspace_and_index_errors(qtbot: Any) -> None:
    win = MainWindow(None, settings=Settings())
    qtbot.addWidget(win)
    editor = win.planning
    assert editor.model.rowCount() == 0 and not editor.new_allocation_action.isEnabled()
    assert not editor.open_scenario(ALLOCATION)
    assert editor.allocation.model.data(QModelIndex()) is None


# --- drafts: nothing lost on a crash ----------------------------------------------------------------------

def test_unsaved_edits_are_kept_as_a_draft_until_saved(qtbot: Any, editor: PlanningEditor,
                                                       demo_workspace: Any) -> None:
    path = drafts.draft_file(demo_workspace.path)
    editor.allocation.total.setValue(30.0)
    assert not path.exists()  # not at once: after the edits pause
    qtbot.waitUntil(path.exists, timeout=3000)
    draft = drafts.read_draft(demo_workspace.path)
    assert draft is not None and draft.stored_name == ALLOCATION
    assert scenario_files.parse(draft.text).amount.total == 30.0
    editor.undo_action.trigger()  # back to the saved state: nothing to keep
    assert not path.exists()
    editor.allocation.total.setValue(31.0)
    editor.write_draft()
    assert path.exists()
    assert editor.save()
    assert not path.exists()


def test_a_draft_left_by_a_crash_is_offered_when_the_workspace_opens(
        qtbot: Any, demo_workspace: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    text = get_scenario(demo_workspace, ALLOCATION).text.replace("total = 24.0", "total = 33.0")
    assert "total = 33.0" in text
    drafts.write_draft(demo_workspace.path, ALLOCATION, text)  # as a crashed session left it
    asked = answer(monkeypatch, Button.Yes)
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: asked != [], timeout=3000)
    assert "„Schulsozialarbeit Grundschulen 2027“" in asked[0] and "wiederhergestellt" in asked[0]
    editor = win.planning
    assert editor.spec is not None and editor.spec.amount.total == 33.0
    assert editor.is_dirty() and editor.current_name == ALLOCATION and editor.selected_name() == ALLOCATION
    assert get_scenario(demo_workspace, ALLOCATION).spec.amount.total == 24.0  # restored, not saved
    assert drafts.read_draft(demo_workspace.path) is not None  # kept until saved or discarded
    editor.undo_stack.clear()
    answer(monkeypatch, Button.Discard)
    assert editor.maybe_save()
    assert drafts.read_draft(demo_workspace.path) is None


def test_a_declined_or_damaged_draft_is_removed(qtbot: Any, demo_workspace: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    drafts.write_draft(demo_workspace.path, None, "format = 1\nkind = 'allocation'\nname = 'Neu'\n")
    asked = answer(monkeypatch, Button.No)
    win = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: asked != [], timeout=3000)
    assert "noch nicht gespeichert" in asked[0]
    assert win.planning.spec is None and drafts.read_draft(demo_workspace.path) is None
    drafts.draft_file(demo_workspace.path).write_text("{kaputt", encoding="utf-8")
    assert drafts.read_draft(demo_workspace.path) is None and not drafts.draft_file(demo_workspace.path).exists()
