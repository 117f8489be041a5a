"""The settings panel of the report window: one page per kind of outline item (the report, a chapter, an
indicator module, a scenario or backtest module, a text block).

Each page shows an item with :meth:`show_item` (signals blocked: showing never edits) and announces each change
the user makes as ``edited(changes, field)`` — ``changes`` the (name, value) pairs for
:class:`~bildungsplaner.reporting.outline.EditModule` / ``EditChapter`` / ``EditReport``, ``field`` the name that
merges consecutive edits of one field into one undo step. Every field has a label bound with ``setBuddy`` (its
Alt key) and a German accessible name; text boxes give Tab back to the focus chain.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QWidget,
)

from bildungsplaner.reporting.spec import (
    AUTO,
    CHART_KINDS,
    BacktestModule,
    Chapter,
    IndicatorModule,
    ReportSpec,
    ScenarioModule,
    TextModule,
)
from bildungsplaner.ui.common.labels import level_label
from bildungsplaner.ui.report.models import chart_label

__all__ = ["ChapterPage", "Choices", "IndicatorPage", "ReportPage", "ScenarioPage", "SettingsPanel", "TextPage"]

#: the sub-region levels offered for bars, maps and the highest/lowest sentence
LEVELS = ("gemeinde", "sozialraum", "stadtteil", "schulbezirk", "kreis")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr("…") under the empty context


class Choices:
    """What the pages offer: indicators (code, name), saved scenarios (name, kind), regions (key, name)."""

    def __init__(self, indicators: Sequence[tuple[str, str]] = (), scenarios: Sequence[tuple[str, str]] = (),
                 regions: Sequence[tuple[str, str]] = ()) -> None:
        self.indicators, self.scenarios, self.regions = list(indicators), list(scenarios), list(regions)


def _text_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setAccessibleName(name)
    box.setMinimumHeight(60)
    return box


def _select_data(combo: QComboBox, value: Any, missing_text: str | None = None) -> None:
    """Select the item holding ``value``; a value the list does not offer is added (marked) so it shows."""
    row = combo.findData(value)
    if row < 0 and value is not None:
        combo.addItem(missing_text or str(value), value)
        row = combo.count() - 1
    combo.setCurrentIndex(max(row, 0))


class _Page(QWidget):
    edited = Signal(object, str)

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = QLabel(f"<b>{heading}</b>")
        self.form.addRow(self.heading)

    def row(self, label: str, widget: QWidget, accessible: str) -> QWidget:
        """A labelled row: the label's mnemonic focuses ``widget`` (setBuddy); ``accessible`` names it."""
        widget.setAccessibleName(accessible)
        if isinstance(widget, QComboBox):  # long Kennzahl names must not widen the panel
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            widget.setMinimumContentsLength(16)
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, widget)
        return widget

    def line(self, label: str, accessible: str, field: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(f"{field}Edit")
        self.row(label, edit, accessible)
        return edit

    def check(self, text: str, accessible: str, field: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(f"{field}Check")
        box.setAccessibleName(accessible)
        box.clicked.connect(lambda checked: self.edited.emit(((field, bool(checked)),), field))
        self.form.addRow("", box)
        return box

    def blockers(self) -> list[QSignalBlocker]:
        return [QSignalBlocker(w) for w in self.findChildren(QWidget)]


class ReportPage(_Page):
    """Title, subtitle, publisher, home region, comparison regions, years, „Wichtigste Ergebnisse“."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Bericht"), parent)
        self.title = self.line(tr("&Titel:"), tr("Titel des Berichts"), "title")
        self.title.textEdited.connect(lambda text: self.edited.emit((("title", text.strip()),), "title"))
        self.subtitle = self.line(tr("Untert&itel:"), tr("Untertitel des Berichts"), "subtitle")
        self.subtitle.textEdited.connect(lambda text: self.edited.emit((("subtitle", text.strip()),), "subtitle"))
        self.publisher = self.line(tr("Her&ausgeber:"), tr("Herausgeber auf dem Titelblatt"), "publisher")
        self.publisher.textEdited.connect(lambda text: self.edited.emit((("publisher", text.strip()),), "publisher"))
        self.region = QComboBox()
        self.region.setObjectName("regionCombo")
        self.row(tr("&Heimatregion:"), self.region, tr("Region des Berichts"))
        self.region.activated.connect(lambda _row: self.edited.emit((("region", self.region.currentData()),),
                                                                      "region"))
        self.compare = self.line(tr("Verglei&ch:"), tr("Vergleichsregionen, Schlüssel durch Komma getrennt"),
                                 "compare")
        self.compare.setPlaceholderText(tr("z. B. 05, DG (Land, Deutschland)"))
        self.compare.setToolTip(tr("Die Schlüssel der Vergleichsregionen in der gezeigten Reihenfolge, durch Komma "
                                   "getrennt: das Land (z. B. 05), Deutschland (DG), Vergleichskreise"))
        self.compare.textEdited.connect(lambda text: self.edited.emit((("compare", split_keys(text)),), "compare"))
        self.fixed_years = QCheckBox(tr("&Jahre festlegen"))
        self.fixed_years.setObjectName("yearsCheck")
        self.fixed_years.setAccessibleName(tr("Jahre festlegen (sonst die letzten fünf Jahre mit Daten)"))
        self.first_year, self.last_year = QSpinBox(), QSpinBox()
        this_year = date.today().year
        for spin, name, start in ((self.first_year, tr("Erstes Jahr"), this_year - 6),
                                  (self.last_year, tr("Letztes Jahr"), this_year - 2)):
            spin.setRange(1950, 2100)
            spin.setValue(start)  # ticking „Jahre festlegen“ starts with five recent years
            spin.setAccessibleName(name)
            spin.valueChanged.connect(lambda _value: self._years_edited())
        years = QWidget()
        years_row = QHBoxLayout(years)
        years_row.setContentsMargins(0, 0, 0, 0)
        years_row.addWidget(self.fixed_years)
        years_row.addWidget(self.first_year)
        dash = QLabel(tr("bis"))
        dash.setBuddy(self.last_year)
        years_row.addWidget(dash)
        years_row.addWidget(self.last_year)
        years_row.addStretch(1)
        years_label = QLabel(tr("Jahre:"))
        years_label.setBuddy(self.fixed_years)
        self.form.addRow(years_label, years)
        self.fixed_years.clicked.connect(lambda _checked: self._years_edited())
        self.highlights = self.check(tr("&Zusammenfassung „Wichtigste Ergebnisse“ voranstellen"),
                                     tr("Wichtigste Ergebnisse voranstellen"), "highlights")

    def set_regions(self, regions: Sequence[tuple[str, str]]) -> None:
        with QSignalBlocker(self.region):
            current = self.region.currentData()
            self.region.clear()
            for key, name in regions:
                self.region.addItem(f"{name} ({key})", key)
            if current is not None:
                _select_data(self.region, current)

    def _years_edited(self) -> None:
        fixed = self.fixed_years.isChecked()
        for spin in (self.first_year, self.last_year):
            spin.setEnabled(fixed)
        years = (self.first_year.value(), self.last_year.value()) if fixed else None
        self.edited.emit((("years", years),), "years")

    def show_item(self, spec: ReportSpec) -> None:
        blockers = self.blockers()
        self.title.setText(spec.title)
        self.subtitle.setText(spec.subtitle)
        self.publisher.setText(spec.publisher)
        _select_data(self.region, spec.region, tr("{key} (nicht im Arbeitsbereich)").format(key=spec.region))
        if split_keys(self.compare.text()) != spec.compare:  # keeps the user's spacing while typing
            self.compare.setText(", ".join(spec.compare))
        self.fixed_years.setChecked(spec.years is not None)
        if spec.years is not None:
            self.first_year.setValue(spec.years[0])
            self.last_year.setValue(spec.years[1])
        for spin in (self.first_year, self.last_year):
            spin.setEnabled(spec.years is not None)
        self.highlights.setChecked(spec.highlights)
        del blockers


def split_keys(text: str) -> tuple[str, ...]:
    """„05, DG“ → ("05", "DG") (commas, semicolons or spaces between the keys)."""
    return tuple(part for part in text.replace(";", ",").replace(" ", ",").split(",") if part)


class ChapterPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Kapitel"), parent)
        self.title = self.line(tr("&Titel:"), tr("Titel des Kapitels"), "chapterTitle")
        self.title.textEdited.connect(lambda text: self.edited.emit((("title", text.strip()),), "title"))
        self.intro = self.row(tr("E&inleitung:"), _text_box(tr("Einleitung des Kapitels")),
                              tr("Einleitung des Kapitels"))
        assert isinstance(self.intro, QPlainTextEdit)
        self.intro.textChanged.connect(lambda: self.edited.emit((("intro", self.intro.toPlainText()),), "intro"))

    def show_item(self, chapter: Chapter) -> None:
        blockers = self.blockers()
        if self.title.text().strip() != chapter.title:
            self.title.setText(chapter.title)
        if self.intro.toPlainText() != chapter.intro:
            self.intro.setPlainText(chapter.intro)
        del blockers


class _TextChoice:
    """„Text automatisch erzeugen“ or the author's own text, with the note after the generated sentences."""

    def __init__(self, page: _Page, with_note: bool = True) -> None:
        self.page = page
        self.mode = QComboBox()
        self.mode.setObjectName("textModeCombo")
        self.mode.addItem(tr("automatisch erzeugen"), AUTO)
        self.mode.addItem(tr("eigener Text"), "own")
        page.row(tr("&Text:"), self.mode, tr("Text des Bausteins: automatisch oder eigener Text"))
        self.own = _text_box(tr("Eigener Text"))
        self.own.setObjectName("ownTextEdit")
        self.own.setPlaceholderText(tr("Ihr Text; er wird so gedruckt, wie er hier steht."))
        page.row(tr("E&igener Text:"), self.own, tr("Eigener Text"))
        self.note = None
        if with_note:
            self.note = _text_box(tr("Anmerkung nach dem erzeugten Text"))
            self.note.setObjectName("noteEdit")
            self.note.setPlaceholderText(tr("Eigene Sätze nach dem erzeugten Text (bleiben beim Neuerzeugen "
                                            "erhalten)"))
            page.row(tr("A&nmerkung:"), self.note, tr("Anmerkung nach dem erzeugten Text"))
            self.note.textChanged.connect(lambda: page.edited.emit((("note", self.note.toPlainText()),), "note"))
        #: the text put into „eigener Text“ when the author switches from the generated one (the preview's)
        self.generated = ""
        self.mode.activated.connect(lambda _row: self._mode_chosen())
        self.own.textChanged.connect(self._own_edited)

    def _mode_chosen(self) -> None:
        if self.mode.currentData() == AUTO:
            self.own.setEnabled(False)
            self.page.edited.emit((("text", AUTO),), "text")
            return
        self.own.setEnabled(True)
        text = self.own.toPlainText().strip() or self.generated.strip() or tr("Eigener Text.")
        with QSignalBlocker(self.own):
            self.own.setPlainText(text)
        self.page.edited.emit((("text", text),), "text")

    def _own_edited(self) -> None:
        if self.mode.currentData() != AUTO:
            self.page.edited.emit((("text", self.own.toPlainText()),), "text")

    def show(self, text: str, note: str) -> None:
        auto = text == AUTO
        self.mode.setCurrentIndex(0 if auto else 1)
        self.own.setEnabled(not auto)
        if not auto and self.own.toPlainText() != text:
            self.own.setPlainText(text)
        elif auto:
            self.own.setPlainText("")
        if self.note is not None and self.note.toPlainText() != note:
            self.note.setPlainText(note)


class IndicatorPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Kennzahl-Baustein"), parent)
        self.indicator = QComboBox()
        self.indicator.setObjectName("indicatorCombo")
        self.row(tr("Kenn&zahl:"), self.indicator, tr("Kennzahl des Bausteins"))
        self.indicator.activated.connect(
            lambda _row: self.edited.emit((("indicator", self.indicator.currentData()),), "indicator"))
        self.title = self.line(tr("Übersc&hrift:"), tr("Überschrift des Bausteins"), "moduleTitle")
        self.title.setPlaceholderText(tr("der Name der Kennzahl"))
        self.title.textEdited.connect(lambda text: self.edited.emit((("title", text.strip() or None),), "title"))
        self.chart = QComboBox()
        self.chart.setObjectName("chartCombo")
        for kind in CHART_KINDS:
            self.chart.addItem(chart_label(kind), kind)
        self.row(tr("&Diagramm:"), self.chart, tr("Art des Diagramms"))
        self.chart.activated.connect(lambda _row: self.edited.emit((("chart", self.chart.currentData()),), "chart"))
        self.level = QComboBox()
        self.level.setObjectName("levelCombo")
        self.level.addItem(tr("automatisch (die Ebene unter der Region)"), None)
        for level in LEVELS:
            self.level.addItem(level_label(level), level)
        self.row(tr("&Ebene der Teilgebiete:"), self.level, tr("Ebene der Teilgebiete"))
        self.level.activated.connect(lambda _row: self.edited.emit((("level", self.level.currentData()),), "level"))
        self.table = self.check(tr("T&abelle"), tr("Tabelle zeigen"), "table")
        self.method = self.check(tr("Methodenkasten (Definition und &Quelle)"), tr("Methodenkasten zeigen"),
                                 "method")
        self.text = _TextChoice(self)

    def set_indicators(self, indicators: Sequence[tuple[str, str]]) -> None:
        with QSignalBlocker(self.indicator):
            self.indicator.clear()
            for code, name in indicators:
                self.indicator.addItem(f"{name} ({code})", code)

    def show_item(self, module: IndicatorModule) -> None:
        blockers = self.blockers()
        _select_data(self.indicator, module.indicator,
                     tr("{code} (nicht im Arbeitsbereich)").format(code=module.indicator))
        if (self.title.text().strip() or None) != module.title:
            self.title.setText(module.title or "")
        _select_data(self.chart, module.chart)
        _select_data(self.level, module.level)
        self.table.setChecked(module.table)
        self.method.setChecked(module.method)
        self.text.show(module.text, module.note)
        del blockers


class ScenarioPage(_Page):
    """A saved scenario's table and chart, or its Prognose-Ist-Vergleich (``backtest``)."""

    def __init__(self, backtest: bool, parent: QWidget | None = None) -> None:
        super().__init__(tr("Prognose-Ist-Vergleich") if backtest else tr("Szenario-Baustein"), parent)
        self.field = "backtest" if backtest else "scenario"
        self.scenario = QComboBox()
        self.scenario.setObjectName(f"{self.field}Combo")
        self.row(tr("Sz&enario:"), self.scenario, tr("Bedarfsszenario des Vergleichs") if backtest
                 else tr("Szenario des Bausteins"))
        self.scenario.activated.connect(
            lambda _row: self.edited.emit(((self.field, self.scenario.currentData()),), self.field))
        self.title = self.line(tr("Übersc&hrift:"), tr("Überschrift des Bausteins"), f"{self.field}Title")
        self.title.setPlaceholderText(tr("der Name des Szenarios"))
        self.title.textEdited.connect(lambda text: self.edited.emit((("title", text.strip() or None),), "title"))
        self.chart = self.check(tr("&Diagramm"), tr("Diagramm zeigen"), "chart")
        self.table = self.check(tr("T&abelle"), tr("Tabelle zeigen"), "table")
        self.text = _TextChoice(self)

    def set_scenarios(self, scenarios: Sequence[tuple[str, str]]) -> None:
        with QSignalBlocker(self.scenario):
            self.scenario.clear()
            for name, kind in scenarios:
                if self.field == "backtest" and kind != "demand":
                    continue
                self.scenario.addItem(name, name)

    def show_item(self, module: ScenarioModule | BacktestModule) -> None:
        blockers = self.blockers()
        name = module.backtest if isinstance(module, BacktestModule) else module.scenario
        _select_data(self.scenario, name, tr("{name} (nicht gespeichert)").format(name=name))
        if (self.title.text().strip() or None) != module.title:
            self.title.setText(module.title or "")
        self.chart.setChecked(module.chart)
        self.table.setChecked(module.table)
        self.text.show(module.text, module.note)
        del blockers


class TextPage(_Page):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("Textbaustein"), parent)
        self.title = self.line(tr("Übersc&hrift:"), tr("Überschrift des Textbausteins"), "textTitle")
        self.title.setPlaceholderText(tr("keine Überschrift"))
        self.title.textEdited.connect(lambda text: self.edited.emit((("title", text.strip() or None),), "title"))
        self.text = _text_box(tr("Text des Textbausteins"))
        self.text.setObjectName("blockTextEdit")
        self.row(tr("&Text:"), self.text, tr("Text des Textbausteins"))
        self.text.textChanged.connect(lambda: self.edited.emit((("text", self.text.toPlainText()),), "text"))

    def show_item(self, module: TextModule) -> None:
        blockers = self.blockers()
        if (self.title.text().strip() or None) != module.title:
            self.title.setText(module.title or "")
        if self.text.toPlainText() != module.text:
            self.text.setPlainText(module.text)
        del blockers


class SettingsPanel(QStackedWidget):
    """The page of the selected item; ``edited(changes, field)`` from whichever page is shown."""

    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportSettings")
        self.setAccessibleName(tr("Einstellungen des gewählten Eintrags"))
        self.empty = QLabel(tr("Wählen Sie links einen Bericht oder legen Sie mit „Neu“ einen an."))
        self.empty.setWordWrap(True)
        self.report, self.chapter = ReportPage(), ChapterPage()
        self.indicator, self.scenario, self.backtest = IndicatorPage(), ScenarioPage(False), ScenarioPage(True)
        self.text = TextPage()
        self.addWidget(self.empty)
        for page in (self.report, self.chapter, self.indicator, self.scenario, self.backtest, self.text):
            self.addWidget(page)
            page.edited.connect(self.edited)

    def set_choices(self, choices: Choices) -> None:
        self.indicator.set_indicators(choices.indicators)
        self.scenario.set_scenarios(choices.scenarios)
        self.backtest.set_scenarios(choices.scenarios)
        self.report.set_regions(choices.regions)

    def show_item(self, item: ReportSpec | Chapter | IndicatorModule | ScenarioModule | BacktestModule | TextModule
                  | None) -> QWidget:
        """Show ``item`` on its page (``None``: the hint); returns the page."""
        page: QWidget
        if item is None:
            page = self.empty
        elif isinstance(item, ReportSpec):
            self.report.show_item(item)
            page = self.report
        elif isinstance(item, Chapter):
            self.chapter.show_item(item)
            page = self.chapter
        elif isinstance(item, IndicatorModule):
            self.indicator.show_item(item)
            page = self.indicator
        elif isinstance(item, BacktestModule):
            self.backtest.show_item(item)
            page = self.backtest
        elif isinstance(item, ScenarioModule):
            self.scenario.show_item(item)
            page = self.scenario
        else:
            self.text.show_item(item)
            page = self.text
        self.setCurrentWidget(page)
        return page
