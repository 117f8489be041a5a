"""The handbook (Hilfe › Handbuch, F1): it opens at the current tab's topic, it can be searched, every link in
it leads somewhere, and its examples are the program's truth — each import template and scenario file shown
is read by the program's own parsers, the example tables import with their templates, the scenario examples
run on the demo workspace, and the worked examples' numbers are what the arithmetic gives."""

from __future__ import annotations

import math
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

import pandas as pd
import pytest
from PySide6.QtCore import Qt

from bildungsplaner import paths
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.planning import scenario
from bildungsplaner.planning.allocation import AllocationSpec, allocate
from bildungsplaner.planning.demand import DemandSpec, forecast
from bildungsplaner.services import aggregate
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.planning import run_scenario
from bildungsplaner.settings import Settings
from bildungsplaner.store.models import Facility, Region
from bildungsplaner.ui.common.help import TOPICS, HelpDialog
from bildungsplaner.ui.main_window import MainWindow


class Handbook(HTMLParser):
    """Ids, links and the ``<pre>`` blocks (with their classes and ids) of one HTML page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.names: list[str] = []
        self.links: list[str] = []
        self.pres: list[dict[str, Any]] = []
        self._pre: dict[str, Any] | None = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "name" in a:
            self.names.append(a["name"])
        for key in ("href", "src"):
            if key in a:
                self.links.append(a[key])
        if tag == "pre":
            self._pre = {"classes": a.get("class", "").split(), "id": a.get("id", ""), "text": ""}

    def handle_data(self, data: str) -> None:
        if self._pre is not None:
            self._pre["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._pre is not None:
            self.pres.append(self._pre)
            self._pre = None

    def blocks(self, *classes: str) -> list[dict[str, Any]]:
        return [p for p in self.pres if all(c in p["classes"] for c in classes)]


@pytest.fixture(scope="module")
def handbook() -> Handbook:
    return Handbook(paths.help_file())


def german(number: float, decimals: int) -> str:
    return f"{number:,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")


# --- links -----------------------------------------------------------------------------------------------------

def test_every_link_and_anchor_of_the_handbook_resolves(handbook: Handbook) -> None:
    assert len(handbook.ids) == len(set(handbook.ids)), "an id twice"
    assert handbook.links
    for link in handbook.links:
        url = urlparse(link)
        assert url.scheme in ("", "file") and not url.netloc, f"{link}: the handbook loads nothing from outside"
        if url.path:
            target = paths.help_file().parent / unquote(url.path)
            assert target.is_file(), f"{link}: {target} is missing"
            if url.fragment:
                assert url.fragment in Handbook(target).ids, link
        elif url.fragment:
            assert url.fragment in handbook.ids, f"{link}: no element with this id"
    # every topic the program opens the handbook at exists, and Qt can scroll to it (<a name>)
    for topic in (*TOPICS, "daten", "import", "planung", "export", "vorlagen", "szenarien", "kommandozeile",
                  "zeichen"):
        assert topic in handbook.ids and topic in handbook.names, topic


# --- examples --------------------------------------------------------------------------------------------------

def test_the_template_examples_are_complete_and_import_their_example_tables(
        handbook: Handbook, demo_workspace: Any, tmp_path: Path) -> None:
    templates = handbook.blocks("toml", "vorlage")
    tables = {p["id"].removeprefix("tabelle-"): p["text"] for p in handbook.blocks("csv", "tabelle")}
    names = [p["id"].removeprefix("vorlage-").removesuffix("-toml") for p in templates]
    assert {"schulliste", "kitaliste", "beobachtungen"} <= set(names) and set(names) == set(tables)
    reports = {}
    for name, block in zip(names, templates, strict=True):
        template = ImportTemplate.loads(block["text"])  # the program's reader; unknown keys are errors
        csv = tmp_path / f"{name}.csv"
        csv.write_text(tables[name].lstrip("\n"), encoding="utf-8")
        reports[name] = import_file(demo_workspace, csv, template=template)
        assert reports[name].committed and not reports[name].regions_unmatched, name
    assert reports["schulliste"].facilities == 3 and reports["kitaliste"].facilities == 3
    assert reports["beobachtungen"].observations == 12 and reports["beobachtungen"].symbol_counts.get(".") == 2
    with demo_workspace.session() as s:
        kita = s.query(Facility).filter_by(key="K-101").one()
        assert (kita.region.key, kita.attributes["plaetze_u3"]) == ("05999001", 24)  # „Stadt Lindental“
        school = s.query(Facility).filter_by(key="199101").one()
        assert school.kind == "Grundschule" and school.attributes["ogs_plaetze"] == 180
        assert s.query(Region).filter_by(key="05999012-S02").one().parent.key == "05999012"
    # what the handbook says about „alle“ for Bergheide: the source's total 47, not 41 + „.“ + 47
    table = aggregate.load_pivot(demo_workspace, "KTP_KINDER", "05999002").table
    assert table.values.tolist() == [[47.0]]
    assert "daher 47 Kinder" in paths.help_file().read_text(encoding="utf-8")


def test_the_scenario_examples_are_read_by_the_program_and_run_on_the_demo(
        handbook: Handbook, demo_workspace: Any) -> None:
    blocks = [b for b in handbook.blocks("toml", "szenario") if "rechenbeispiel" not in b["classes"]]
    specs = [scenario.parse(b["text"], b["id"]) for b in blocks]
    kinds = [type(spec).__name__ for spec in specs]
    assert "AllocationSpec" in kinds and "DemandSpec" in kinds
    for spec in specs:
        result = run_scenario(demo_workspace, spec)
        assert not result.rows.empty, spec.name
        assert not [w for w in result.warnings if "Fehlende Werte" in w], spec.name
    demand = next(spec for spec in specs if isinstance(spec, DemandSpec))
    ganztag = next(line for line in demand.demand if line.ganztag_entitlement)
    assert "rate_before_entitlement" in next(b["text"] for b in blocks if "kind = \"demand\"" in b["text"])
    assert ganztag.rate_before_entitlement is not None
    result = run_scenario(demo_workspace, demand)
    totals = result.totals[result.totals["line"] == ganztag.name].set_index("year")
    # 2026: the entitled grade at its rate, the others at rate_before_entitlement, all four grades counted
    row = totals.loc[2026]
    assert row["entitled_population"] < row["population"]
    assert row["demand"] == pytest.approx(row["entitled_population"] * 0.8
                                          + (row["population"] - row["entitled_population"]) * 0.6)


def test_the_worked_allocation_example_is_what_the_program_computes(handbook: Handbook) -> None:
    block = next(b for b in handbook.blocks("szenario", "rechenbeispiel") if "allocation" in b["text"])
    spec = scenario.parse(block["text"])
    assert isinstance(spec, AllocationSpec)
    schools = pd.DataFrame({"key": ["190501", "190502", "190503", "190504"],
                            "name": ["GS Nord", "GS Süd", "GS Mitte", "GS West"],
                            "attribute:schueler": [400.0, 250.0, 150.0, 200.0],
                            "attribute:sozialindex": [2.0, 7.0, 9.0, 4.0]})
    rows = allocate(spec, schools).rows
    assert rows["amount"].tolist() == [3.0, 3.0, 2.0, 2.0]
    html = paths.help_file().read_text(encoding="utf-8")
    for share, exact, amount in zip(rows["need_share"], rows["exact"], rows["amount"], strict=True):
        cells = (f'<td align="right">{german(share, 4)}</td><td align="right">{german(exact, 3)}</td>'
                 f'<td align="right">{german(amount, 1)}</td>')
        assert cells in html, cells


def test_the_worked_ganztag_example_is_what_the_program_computes(handbook: Handbook) -> None:
    block = next(b for b in handbook.blocks("szenario", "rechenbeispiel") if "demand" in b["text"])
    spec = scenario.parse(block["text"])
    assert isinstance(spec, DemandSpec)
    ages = {0: 98, 1: 98, 2: 96, 3: 95, 4: 97, 5: 99, 6: 101, 7: 100, 8: 98, 9: 102}  # Aheim, 31.12.2025
    population = pd.DataFrame({"region_key": "05978004", "region_name": "Aheim", "year": 2025,
                               "age": list(ages), "value": [float(v) for v in ages.values()]})
    capacity = pd.DataFrame({"region_key": ["05978004"], "line": ["Ganztag Grundschule"], "capacity": [150.0]})
    rows = forecast(spec, population, capacity).rows.set_index("year")
    text = paths.help_file().read_text(encoding="utf-8")
    assert rows.loc[2025, "demand"] == pytest.approx(240.6) and "= 240,6 Plätze" in text
    assert rows.loc[2026, "entitled_population"] == 99 and rows.loc[2026, "population"] == 398
    assert rows.loc[2026, "entitled_demand"] == pytest.approx(74.25) and "99 × 0,75 = 74,25" in text
    assert rows.loc[2026, "demand"] == pytest.approx(253.65) and "<b>253,65</b>" in text
    assert rows.loc[2026, "gap"] == pytest.approx(-103.65) and "−103,65" in text
    coverage = german(100 * rows.loc[2026, "coverage"], 1)
    assert f"= {coverage} %" in text
    assert math.floor(100 * 150 / 74.25) == 202 and "Deckung 202 %" in text


# --- the dialog ------------------------------------------------------------------------------------------------

def anchor_visible(dialog: HelpDialog, name: str) -> bool:
    """Is the block holding the anchor ``name`` inside the browser's viewport?"""
    document = dialog.browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if name in it.fragment().charFormat().anchorNames():
                rect = document.documentLayout().blockBoundingRect(block)
                top = rect.top() - dialog.browser.verticalScrollBar().value()
                return 0 <= top < dialog.browser.viewport().height()
            it += 1
        block = block.next()
    raise AssertionError(f"no anchor {name}")


def open_dialog(qtbot: Any, topic: str | None = None) -> HelpDialog:
    dialog = HelpDialog(None, topic=topic)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("topic", ["planung", "export", "kommandozeile"])
def test_the_handbook_opens_at_the_topic(qtbot: Any, topic: str) -> None:
    dialog = open_dialog(qtbot, topic)
    assert dialog.browser.verticalScrollBar().value() > 0
    assert anchor_visible(dialog, topic)
    assert not anchor_visible(dialog, "start")


def test_search_finds_the_text_moves_there_and_says_when_it_is_not_there(qtbot: Any) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.search.accessibleName() and dialog.browser.accessibleName()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    dialog.browser.setFocus()
    qtbot.keyClick(dialog.browser, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(dialog.search.hasFocus, timeout=2000)  # Strg+F
    qtbot.keyClicks(dialog.search, "rate_before_entitlement")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter searches, it does not close the dialog
    cursor = dialog.browser.textCursor()
    assert cursor.selectedText() == "rate_before_entitlement"
    first = cursor.selectionStart()
    assert dialog.browser.verticalScrollBar().value() > 0  # moved there
    rect = dialog.browser.cursorRect(cursor)
    assert 0 <= rect.top() < dialog.browser.viewport().height()
    qtbot.keyClick(dialog.search, Qt.Key.Key_F3)
    second = dialog.browser.textCursor().selectionStart()
    assert second > first and dialog.browser.textCursor().selectedText() == "rate_before_entitlement"
    qtbot.keyClick(dialog.search, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.browser.textCursor().selectionStart() == first
    assert dialog.status.text() == ""
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "Quantenverschraenkung")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.status.text() == "nicht gefunden"
    assert dialog.browser.textCursor().selectedText() == ""


def test_search_wraps_around_to_the_first_match(qtbot: Any) -> None:
    dialog = open_dialog(qtbot, "probleme")
    dialog.search.setText("Bildungsplaner – Handbuch")
    assert dialog.find_next()
    assert dialog.browser.textCursor().selectionStart() < 40 and dialog.status.text() == "vom Anfang an gesucht"


def test_f1_opens_the_handbook_at_the_current_tab(qtbot: Any, demo_workspace: Any) -> None:
    window = MainWindow(demo_workspace, settings=Settings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.areas.setCurrentWidget(window.planning)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert anchor_visible(dialog, "planung") and not anchor_visible(dialog, "export")
    for widget, topic in ((window.export_panel, "export"), (window.import_page, "import"),
                          (window.kennzahlen, "kennzahlen"), (window.browser, "daten")):
        window.areas.setCurrentWidget(widget)
        assert window.show_help() is dialog
        assert anchor_visible(dialog, topic), topic
