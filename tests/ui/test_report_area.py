"""The Bericht area on the demo workspace (offscreen): outline edits and their undo, settings, saving, the
preview built as printed, the exports with their Cancel, keyboard and screen-reader reachability."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from bildungsplaner.reporting.document import Paragraph
from bildungsplaner.reporting.spec import Chapter, IndicatorModule, ReportSpec, TextModule
from bildungsplaner.services import reports
from bildungsplaner.ui.common.events import DataChange, WorkspaceEvents
from bildungsplaner.ui.common.tasks import TaskRunner
from bildungsplaner.ui.report import preview as preview_module
from bildungsplaner.ui.report.area import ReportArea
from bildungsplaner.ui.report.models import OutlineModel

#: a Kennzahl of the demo with values for the Kreis over several years (a time series with sentences)
CODE = "GEBURTEN"


@pytest.fixture
def area(qtbot: Any, demo_workspace: Any) -> Iterator[ReportArea]:
    events = WorkspaceEvents()
    widget = ReportArea(TaskRunner(), events=events)
    widget.events_hub = events  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.set_workspace(demo_workspace)
    yield widget
    widget.set_workspace(None)


def spec_with_module() -> ReportSpec:
    return ReportSpec("Bildungsbericht Lindental", "05999", ("05", "DG"), chapters=(
        Chapter("C Frühkindliche Bildung", (IndicatorModule(CODE), TextModule("Ein Absatz."))),
        Chapter("D Schulen")))


def open_spec(area: ReportArea, spec: ReportSpec, name: str = "Test") -> None:
    area._load(name, spec, None)


def test_the_outline_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = OutlineModel()
    model.set_names({CODE: "Lebendgeborene"})
    model.set_spec(spec_with_module())
    qtmodeltester.check(model)
    report = model.index(0, 0)
    assert model.rowCount(report) == 2
    module = model.index(0, 0, model.index(0, 0, report))
    assert module.data() == "Lebendgeborene"
    assert model.location(module) == (0, 0)
    assert model.index_of((0, 1)).data() == "Ein Absatz."


def test_new_report_starts_with_the_life_course_about_the_demo_kreis(area: ReportArea) -> None:
    area.new_report()
    spec = area.spec
    # the demo has no Deutschland: only the Land to compare with
    assert spec is not None and spec.region == "05999" and spec.compare == ("05",)
    assert [c.title[0] for c in spec.chapters] == list("ABCDEFGH")
    assert area.is_dirty() and "ungespeicherte" in area.title.text()
    assert area.save_action.isEnabled()


def test_a_new_indicator_module_takes_a_kennzahl_the_report_does_not_show_yet(area: ReportArea) -> None:
    open_spec(area, spec_with_module())
    area.select((1, None))
    assert area.add_module("indicator")
    added = area.spec.chapters[1].modules[0]
    assert isinstance(added, IndicatorModule) and added.indicator != CODE
    assert added.indicator in dict(area.loaded.indicators)
    assert area.settings.currentWidget() is area.settings.indicator
    assert area.settings.indicator.indicator.currentData() == added.indicator


def test_outline_edits_are_undone_step_by_step(area: ReportArea) -> None:
    original = spec_with_module()
    open_spec(area, original)
    area.select((0, 0))
    assert area.add_module("text", TextModule("Neu eingefügt."))
    assert area.spec.chapters[0].modules[1] == TextModule("Neu eingefügt.")
    assert area.move(+1)  # below the old text block
    assert area.move(+1)  # past the chapter's edge: first module of D
    assert area.spec.chapters[1].modules == (TextModule("Neu eingefügt."),)
    assert area._location() == (1, 0)
    area.select((0, None))
    assert area.add_chapter("Z Anhang")
    assert [c.title for c in area.spec.chapters] == ["C Frühkindliche Bildung", "Z Anhang", "D Schulen"]
    area.select((0, 0))
    page = area.settings.indicator
    page.chart.setCurrentIndex(page.chart.findData("subregions"))
    page.chart.activated.emit(page.chart.currentIndex())
    assert area.spec.chapters[0].modules[0].chart == "subregions"
    assert area.remove()
    edited = area.spec
    assert len(edited.chapters[0].modules) == 1
    while area.undo_stack.canUndo():
        area.undo_action.trigger()
    assert area.spec == original
    while area.undo_stack.canRedo():
        area.redo_action.trigger()
    assert area.spec == edited


def test_typing_is_one_undo_step_and_a_refused_edit_changes_nothing(area: ReportArea, qtbot: Any) -> None:
    open_spec(area, spec_with_module())
    area.select((1, None))
    title = area.settings.chapter.title
    assert area.settings.currentWidget() is area.settings.chapter
    title.selectAll()
    QTest.keyClicks(title, "D Allgemeinbildende Schulen")
    assert area.spec.chapters[1].title == "D Allgemeinbildende Schulen"
    assert area.model.index_of((1, None)).data() == "D Allgemeinbildende Schulen"
    area.undo_action.trigger()
    assert area.spec.chapters[1].title == "D Schulen"
    title.selectAll()
    QTest.keyClick(title, Qt.Key.Key_Delete)  # an empty title: the definition refuses it
    assert area.spec.chapters[1].title == "D Schulen"
    assert area.message.isVisibleTo(area) and area.message.text()


def focus_outline(area: ReportArea, qtbot: Any) -> None:
    area.show()
    area.activateWindow()
    qtbot.waitUntil(area.isActiveWindow, timeout=2000)
    area.view.setFocus()
    qtbot.waitUntil(area.view.hasFocus, timeout=2000)


def test_keyboard_moves_removes_and_undoes_in_the_outline(area: ReportArea, qtbot: Any) -> None:
    open_spec(area, spec_with_module())
    area.select((0, 0))
    focus_outline(area, qtbot)
    QTest.keyClick(area.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [type(m).__name__ for m in area.spec.chapters[0].modules] == ["TextModule", "IndicatorModule"]
    QTest.keyClick(area.view, Qt.Key.Key_Delete)
    assert [type(m).__name__ for m in area.spec.chapters[0].modules] == ["TextModule"]
    QTest.keyClick(area.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(area.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert area.spec == spec_with_module()
    QTest.keyClick(area.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [type(m).__name__ for m in area.spec.chapters[0].modules] == ["TextModule", "IndicatorModule"]


def test_ctrl_z_and_ctrl_s_act_on_the_report_though_the_window_has_the_same_keys(qtbot: Any,
                                                                                  demo_workspace: Any) -> None:
    """The window's menus hold the planning editor's Rückgängig and Speichern (Strg+Z, Strg+S, enabled while a
    scenario has changes); in the Bericht area the keys act on the report, not on the hidden scenario."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    triggered: list[str] = []
    menu = window.menuBar().addMenu("Bearbeiten")
    for key in ("Ctrl+Z", "Ctrl+S"):
        action = QAction(f"Planung {key}", window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _c=False, k=key: triggered.append(k))
        menu.addAction(action)
    area = ReportArea(TaskRunner())
    window.setCentralWidget(area)
    area.set_workspace(demo_workspace)
    open_spec(area, spec_with_module())
    area.select((0, 0))
    area.remove()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    area.view.setFocus()
    qtbot.waitUntil(area.view.hasFocus, timeout=2000)
    QTest.keyClick(area.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert area.spec == spec_with_module()
    QTest.keyClick(area.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not area.is_dirty()
    assert triggered == []


def test_no_key_of_the_area_is_taken_by_the_window(qtbot: Any, demo_workspace: Any) -> None:
    """Besides Strg+Z, Strg+Umschalt+Z, Strg+Y and Strg+S (which the area takes while it has the focus), no key of
    the area is also a key of the main window's menus (Qt would find it ambiguous and do neither)."""
    from PySide6.QtGui import QAction

    from bildungsplaner.settings import Settings
    from bildungsplaner.ui.main_window import MainWindow

    window = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(window)
    window.build_areas()
    area = ReportArea(window.runner, events=window.events)
    qtbot.addWidget(area)
    owned = {area.undo_action, area.redo_action, area.save_action}
    window_keys = {k.toString() for a in window.findChildren(QAction) if a.parent() is not area
                   and a.shortcutContext() == Qt.ShortcutContext.WindowShortcut for k in a.shortcuts()}
    area_keys = {k.toString(): a.text() for a in area.findChildren(QAction) if a not in owned for k in a.shortcuts()}
    assert area_keys and not {k: t for k, t in area_keys.items() if k in window_keys}


def test_saving_stores_the_definition_and_clears_the_dirty_flag(area: ReportArea, demo_workspace: Any,
                                                                qtbot: Any) -> None:
    area.new_report()
    area.select((2, None))
    assert area.add_module("indicator")
    focus_outline(area, qtbot)
    QTest.keyClick(area.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not area.is_dirty() and "ungespeicherte" not in area.title.text()
    stored = reports.get_report(demo_workspace, "Bildungsbericht")
    assert stored.spec == area.spec
    names = [r.name for r in area.list_model.rows]
    assert "Bildungsbericht" in names
    # another area (the next start) lists it and opens it from the list
    other = ReportArea(TaskRunner())
    qtbot.addWidget(other)
    other.set_workspace(demo_workspace)
    other.list.selectRow(names.index("Bildungsbericht"))
    assert other.spec == area.spec and other.name == "Bildungsbericht" and not other.is_dirty()
    # an edit makes it dirty again; undoing it makes it clean
    area.select((0, None))
    area.add_chapter("Vorwort")
    assert area.is_dirty()
    area.undo_action.trigger()
    assert not area.is_dirty()


def test_a_definition_file_opens_unsaved_and_is_written_back_the_same(area: ReportArea, tmp_path: Path,
                                                                      message_boxes: Any) -> None:
    from bildungsplaner.reporting.spec import dump_report, parse_report

    source = tmp_path / "Teilbericht Kita.toml"
    source.write_text(dump_report(spec_with_module()), encoding="utf-8")
    assert area.open_file(source)
    assert area.spec == spec_with_module() and area.name == "Teilbericht Kita" and area.is_dirty()
    written = area.save_file(tmp_path / "zurück")
    assert written == tmp_path / "zurück.toml"
    assert parse_report(written.read_text(encoding="utf-8")) == spec_with_module()
    broken = tmp_path / "kaputt.toml"
    broken.write_text('format = 1\nkind = "report"\ntitle = "X"\nregion = "05999"\nfarbe = "rot"\n',
                      encoding="utf-8")
    assert not area.open_file(broken)  # the German message names the unknown key; the open report stays
    assert area.spec == spec_with_module()
    assert any("farbe" in text for text in message_boxes.texts("warning"))


def test_the_preview_shows_the_module_as_built_with_its_sentences(area: ReportArea, demo_workspace: Any) -> None:
    spec = spec_with_module()
    open_spec(area, spec)
    area.select((0, 0))
    expected = reports.build_document(demo_workspace, ReportSpec(spec.title, spec.region, spec.compare, chapters=(
        Chapter("C", (IndicatorModule(CODE),)),), highlights=False))
    module = next(expected.modules())
    sentence = next(b for b in module.blocks if isinstance(b, Paragraph)).sentences[0].text
    text = area.preview_pane.text()
    assert module.title in text and sentence in text
    assert area.preview is not None and len(area.preview.images) == 1
    assert "Abbildung 1" in text and "Tabelle 1" in text
    # the figure is registered in the browser's document under the name the HTML uses
    figure_id = next(iter(area.preview.images))
    image = area.preview_pane.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(figure_id))
    assert isinstance(image, QImage) and 200 <= image.width() <= area.preview_pane.browser.viewport().width()


def test_the_preview_follows_the_settings_and_the_data(area: ReportArea, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[ReportSpec] = []
    real = preview_module.build_preview

    def counting(ws: Any, spec: ReportSpec, progress: Any = None) -> Any:
        calls.append(spec)
        return real(ws, spec, progress)

    monkeypatch.setattr("bildungsplaner.ui.report.area.build_preview", counting)
    open_spec(area, spec_with_module())
    area.select((0, 0))
    assert len(calls) == 1
    generated = area.preview is not None and area.preview.generated
    own = area.settings.indicator.text
    own.mode.setCurrentIndex(own.mode.findData("own"))
    own.mode.activated.emit(own.mode.currentIndex())
    # the author's text starts from the generated sentences, and the preview prints it
    assert generated and area.spec.chapters[0].modules[0].text == generated
    own.own.setPlainText("Die Geburten gehen zurück; die Kitas planen damit.")
    assert "Die Geburten gehen zurück; die Kitas planen damit." in area.preview_pane.text()
    count = len(calls)
    area.select((1, None))  # a chapter: a summary, nothing built
    assert "Kapitel hat noch keine Bausteine" in area.preview_pane.text() and len(calls) == count
    area.select((0, 0))  # the same module again: from the cache
    assert len(calls) == count
    area.events_hub.notify(DataChange("import", area.workspace))  # type: ignore[attr-defined]
    assert len(calls) == count + 1  # new data: built again


def test_fixing_the_years_starts_with_recent_years_and_refuses_them_the_wrong_way_round(area: ReportArea) -> None:
    from datetime import date

    open_spec(area, spec_with_module())
    area.select(None)
    page = area.settings.report
    assert not page.first_year.isEnabled()
    page.fixed_years.click()
    this_year = date.today().year
    assert area.spec.years == (this_year - 6, this_year - 2)
    page.first_year.setValue(this_year)  # after the last year: refused, said why
    assert area.spec.years == (this_year - 6, this_year - 2) and area.message.text()
    page.first_year.setValue(2015)
    page.last_year.setValue(2016)
    assert area.spec.years == (2015, 2016)
    area.undo_action.trigger()  # the year edits merge into one step
    assert area.spec.years is None


def test_a_report_that_cannot_be_built_says_why_in_german(area: ReportArea, tmp_path: Path,
                                                           message_boxes: Any) -> None:
    open_spec(area, spec_with_module())
    area.select(None)
    region = area.settings.report.region
    region.addItem("Nirgendwo (09999)", "09999")
    region.setCurrentIndex(region.count() - 1)
    region.activated.emit(region.currentIndex())
    assert area.spec.region == "09999"
    area.select((0, 0))
    assert "Die Region 09999 des Berichts gibt es im Arbeitsbereich nicht" in area.preview_pane.text()
    assert "Interner Fehler" not in area.preview_pane.text()
    handle = area.export("docx", tmp_path / "bericht.docx")
    assert handle is not None and handle.error is not None and not (tmp_path / "bericht.docx").exists()
    assert any("09999" in text for text in message_boxes.texts("warning"))


def test_export_to_word_through_the_button_writes_the_report(area: ReportArea, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    open_spec(area, spec_with_module(), "Geburtenbericht")
    target = tmp_path / "bericht.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened: list[Any] = []
    monkeypatch.setattr("bildungsplaner.ui.report.area.QDesktopServices.openUrl",
                        lambda url: opened.append(url) or True)
    assert not area.open_export_button.isVisibleTo(area)
    area.export_buttons["docx"].click()
    assert target.exists()
    assert str(target) in area.status.text()
    area.open_export_button.click()  # „Öffnen“: the file in Word
    assert [u.toLocalFile() for u in opened] == [str(target)]
    document = docx.Document(str(target))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "C Frühkindliche Bildung" in headings
    assert any(p.text.startswith("Abbildung") or "Abbildung" in p.text for p in document.paragraphs)


def test_export_of_the_tables_writes_a_workbook(area: ReportArea, tmp_path: Path) -> None:
    import openpyxl

    pytest.importorskip("bildungsplaner.reporting.xlsx", reason="the xlsx writer (H2) has not landed yet")
    open_spec(area, spec_with_module())
    handle = area.export("xlsx", tmp_path / "anhang")
    assert handle is not None and handle.done and handle.error is None
    book = openpyxl.load_workbook(tmp_path / "anhang.xlsx")
    assert book.sheetnames


def test_export_as_pdf_writes_the_report(area: ReportArea, tmp_path: Path) -> None:
    import inspect

    from bildungsplaner.ui.common.pdf import render_html_to_pdf

    if "images" not in inspect.signature(render_html_to_pdf).parameters:
        pytest.skip("the PDF renderer does not take the figures yet (H2)")
    open_spec(area, spec_with_module())
    handle = area.export("pdf", tmp_path / "bericht.pdf")
    assert handle is not None and handle.error is None
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")


def test_cancel_stops_the_export_and_writes_nothing(area: ReportArea, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real_build = reports.build

    class PressesCancel:
        """The task's progress as the dialog sees it: the user presses „Abbrechen“ once figures are drawn."""

        def __init__(self, progress: Any) -> None:
            self.progress = progress

        def report(self, fraction: float, message: str = "") -> None:
            self.progress.report(fraction, message)
            if fraction >= 0.6:
                self.progress.cancel()

        def check(self) -> None:
            self.progress.check()

        @property
        def cancelled(self) -> bool:
            return self.progress.cancelled

    def build(ws: Any, spec: Any, out: Path, *, progress: Any, **kwargs: Any) -> Any:
        return real_build(ws, spec, out, progress=PressesCancel(progress), **kwargs)

    monkeypatch.setattr(reports, "build", build)
    open_spec(area, spec_with_module())
    out = tmp_path / "out"
    out.mkdir()
    target = out / "bericht.docx"
    handle = area.export("docx", target)
    assert handle is not None and handle.was_cancelled
    assert not target.exists() and list(out.iterdir()) == []
    assert "abgebrochen" in area.status.text()


def test_every_control_is_named_and_reachable_by_tab(area: ReportArea) -> None:
    from bildungsplaner.ui.common.accessibility import problems_everywhere

    open_spec(area, spec_with_module())
    area.select((0, 0))
    area.show()
    problems = problems_everywhere(area)
    assert not problems, "\n".join(str(p) for p in problems)


def test_tab_walks_from_the_outline_through_the_settings_to_the_exports_and_the_preview(area: ReportArea,
                                                                                        qtbot: Any) -> None:
    open_spec(area, spec_with_module())
    area.select((0, 0))
    focus_outline(area, qtbot)
    page = area.settings.indicator
    seen = []
    for _ in range(40):
        QTest.keyClick(area.focusWidget(), Qt.Key.Key_Tab)
        seen.append(area.focusWidget())
        if seen[-1] is area.preview_pane.browser:
            break
    assert seen[0] is page.indicator  # right after the outline: the first setting of the selected module
    settings = [page.indicator, page.title, page.chart, page.level, page.table, page.method, page.text.mode,
                page.text.note]
    tail = [area.save_button, *area.export_buttons.values(), area.preview_pane.browser]
    visited = [w for w in seen if w in settings + tail]
    assert visited == [w for w in settings + tail if w.isEnabled()]


def test_the_preview_is_built_on_the_worker_once_the_edits_pause(qtbot: Any, demo_workspace: Any,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from bildungsplaner.ui.common.tasks import ThreadExecutor

    calls: list[ReportSpec] = []
    real = preview_module.build_preview

    def counting(ws: Any, spec: ReportSpec, progress: Any = None) -> Any:
        calls.append(spec)
        return real(ws, spec, progress)

    monkeypatch.setattr("bildungsplaner.ui.report.area.build_preview", counting)
    runner = TaskRunner(executor=ThreadExecutor())
    area = ReportArea(runner)
    qtbot.addWidget(area)
    area.set_workspace(demo_workspace)
    qtbot.waitUntil(lambda: bool(area.loaded.indicators), timeout=10_000)
    open_spec(area, spec_with_module())
    area.select((0, 0))
    note = area.settings.indicator.text.note
    for text in ("E", "Er", "Ers", "Erst"):  # typed quickly: one build after the pause
        note.setPlainText(text)
    qtbot.waitUntil(lambda: "Erst" in area.preview_pane.text(), timeout=15_000)
    assert [c.chapters[0].modules[0].note for c in calls] == ["Erst"]
    assert "Lebendgeborene" in area.preview_pane.text()
    runner.wait()


def test_the_shown_preview_fits_its_figure_to_the_width_once(area: ReportArea, qtbot: Any) -> None:
    """Shown, the pane rescales the figure to its width (after the resize, not inside it: re-entering setHtml
    printed the module twice) — the area as a user sees it was looked at while building it (/tmp/H4/area.png)."""
    open_spec(area, spec_with_module(), "Bildungsbericht Lindental")
    area.show()
    area.select((1, None))  # a short page: no scroll bar
    qtbot.wait(20)
    area.select((0, 0))  # a long one: the scroll bar appears while the page is laid out
    browser = area.preview_pane.browser
    resource = browser.document().resource

    def fitted() -> bool:
        image = resource(QTextDocument.ResourceType.ImageResource, QUrl(next(iter(area.preview.images))))
        return isinstance(image, QImage) and browser.viewport().width() - 40 <= image.width() <= \
            browser.viewport().width()

    qtbot.waitUntil(fitted, timeout=3000)
    assert area.preview_pane.text().count("Abbildung 1:") == 1
    # the demo's report, module after module in the shown window: each page printed once
    area.list.selectRow(0)
    assert area.name == "Bildungsbericht Demokreis"
    for c, chapter in enumerate(area.spec.chapters):
        for i in range(len(chapter.modules)):
            area.select((c, i))
            qtbot.wait(10)
            assert area.preview_pane.text().count("Quelle:") == area.preview.html.count("Quelle:"), (c, i)
    assert browser.horizontalScrollBar().maximum() == 0 or not browser.horizontalScrollBar().isVisible()
    image = area.grab()
    assert image.width() >= 1200
    folder = Path("/tmp/H4")
    if folder.is_dir():
        image.save(str(folder / "area.png"))
