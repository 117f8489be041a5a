"""The Kennzahlen-Tabelle: one or several Kennzahlen as an xlsx workbook for the council or the Bildungsbericht.

The writer is pure: the service (``services/indicator_table.py``) collects plain data (:class:`IndicatorTable`),
this module lays it out with openpyxl in the house style of the planning workbook (title block, header, fonts,
column widths, print setup and method sheet of :mod:`~bildungsplaner.exporting.workbook`). Rules:

* **Sheets:** „Übersicht“ (the latest year of each Kennzahl: home region, Land, Deutschland, difference, rank),
  one sheet per Kennzahl, „Methodik“ (definition, Stichtag, caveats, sources with Stand and licence, definition
  version; comparison, rank, rounding; the symbol legend; who made the file — never a login name).
* **A Kennzahl's sheet:** regions × years — the home region, its sub-regions with results, then the comparison
  rows (for a Gemeinde its Kreis, the Land, Deutschland); below, the difference to the Land (Prozentpunkte for
  a unit „%“, else the Kennzahl's unit, said in the title) as live formulas ``=C6-C8``, and the rank among the
  Kreise of the Land (1 = highest, only Kreise with a value, ties share a rank; computed by the service).
* **Numbers** stay unrounded in the cell; the number format shows the Kennzahl's decimals. A missing value is
  its statistical symbol („.“, „x“, „...“ …) as a right-aligned text, never blank and never 0; the symbols a
  sheet uses are explained under its table, all of them on the method sheet.
* **Chart:** a native line chart (never smoothed, value axis from zero) of the home region (or its Kreis), the
  Land and Deutschland over the years, below the tables. A chart plots a text cell as 0, so where one of its
  rows has a symbol the chart reads a small block „Werte für das Diagramm“ above it, with an empty cell (a gap)
  instead. A Kennzahl's sheet prints on one page (tables, notes and chart).
* **Map:** where the service hands a :class:`MapImage` (a PNG drawn by the window's map renderer), a sheet
  „Karte CODE“ follows the Kennzahl's sheet: title, the PNG (embedded without Pillow, :mod:`.images`) at a
  printable width, and under it the source lines (values and boundaries). Without one, no map sheet.
* **Safety:** every text from data (region names, titles, licences) is written as a string cell
  (:func:`~bildungsplaner.exporting.safety.clean_text`): a name such as ``=HYPERLINK(…)`` stays text; the file
  is written through :func:`~bildungsplaner.exporting.safety.atomic_target`.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.chart import LineChart, Reference, Series
from openpyxl.chart.data_source import NumFmt, StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.worksheet import Worksheet

from bildungsplaner.exporting.images import MapImage, write_map_sheet
from bildungsplaner.exporting.safety import atomic_target, clean_text, sheet_title
from bildungsplaner.exporting.symbols import MISSING, SYMBOL_LEGEND, excel_number_format
from bildungsplaner.exporting.workbook import (
    HEADING_FONT,
    LINE_HEIGHT,
    MethodSection,
    PlanTable,
    Report,
    SheetColumn,
    _lines,
    _Placed,
    _write_method,
    _write_table,
)

__all__ = ["BUND", "HOME", "KREIS", "LAND", "PART", "IndicatorTable", "KennzahlSheet", "MapImage", "RegionLine",
           "Source", "Value", "difference_label", "write_indicator_table"]

#: roles of a region line
HOME, PART, KREIS, LAND, BUND = "home", "part", "kreis", "land", "bund"
#: what the symbols on a Kennzahl's sheet mean (short; the full legend is on the method sheet)
SYMBOL_MEANING = {
    MISSING: "Zahlenwert unbekannt oder geheim zu halten",
    "x": "Tabellenfach gesperrt, weil Aussage nicht sinnvoll (z. B. Nenner 0)",
    "...": "Angabe fällt später an",
    "/": "keine Angaben, da Zahlenwert nicht sicher genug",
    "–": "nichts vorhanden (genau null)",
    "-": "nichts vorhanden (genau null)",
}
BOLD = Font(bold=True)
#: the chart's height in cm and the rows it takes (15 pt each)
CHART_HEIGHT = 8.0
CHART_ROWS = 17
#: the least width (characters) over which the notes under a table wrap
NOTE_WIDTH = 100


@dataclass(frozen=True)
class Value:
    """One cell: the unrounded ``value``, or ``None`` with the statistical symbol ``flag`` (default „.“)."""

    value: float | None
    flag: str | None = None

    @property
    def missing(self) -> bool:
        return self.value is None or (isinstance(self.value, float) and math.isnan(self.value))

    @property
    def symbol(self) -> str:
        return (self.flag or MISSING) if self.missing else ""


@dataclass
class RegionLine:
    key: str
    name: str
    role: str  #: :data:`HOME`, :data:`PART`, :data:`KREIS`, :data:`LAND` or :data:`BUND`
    values: list[Value]  #: one per period column
    #: the rank among the Kreise of the Land per period (``None``: no value); only for Kreise
    ranks: list[int | None] | None = None


@dataclass(frozen=True)
class Source:
    table: str | None
    title: str | None
    stand: str | None
    licence: str | None


@dataclass
class KennzahlSheet:
    code: str
    name: str
    unit: str
    decimals: int
    periods: list[str]  #: column labels („2016“)
    lines: list[RegionLine]
    #: Kreise of the Land with a value, per period (the „von N“ of the rank)
    rank_counts: list[int] = field(default_factory=list)
    land_name: str = ""
    purpose: str = ""
    formula_text: str = ""
    formula: str = ""
    inputs: list[str] = field(default_factory=list)  #: one line per input, in words
    stichtag: str = ""
    caveats: str = ""
    sources: list[Source] = field(default_factory=list)
    definition: str = ""  #: version and date of the definition, or „mitgelieferter Katalog“
    kind: str = ""  #: „Katalog“, „eigene Definition“, „Index“
    map: MapImage | None = None  #: the map of the latest year (drawn by the window's renderer), if any

    def line(self, role: str) -> RegionLine | None:
        return next((line for line in self.lines if line.role == role), None)


@dataclass
class IndicatorTable:
    home_key: str
    home_name: str
    sheets: list[KennzahlSheet]
    created: list[tuple[str, str]] = field(default_factory=list)  #: (label, text) for „Erstellt“
    years: str = ""  #: „2011–2016“ where the user limited the years

    @property
    def title(self) -> str:
        return f"Kennzahlen-Tabelle {self.home_name}"


def difference_label(unit: str) -> str:
    """The unit of a difference: Prozentpunkte for a rate in %, else the Kennzahl's own unit."""
    if unit.strip() == "%":
        return "Prozentpunkten"
    return f"der Einheit der Kennzahl ({unit})" if unit.strip() else "der Einheit der Kennzahl"


def _difference(value: Value, land: Value | None) -> float | None:
    if land is None or value.missing or land.missing:
        return None
    assert value.value is not None and land.value is not None
    return value.value - land.value


def _cell(value: Value) -> float | str:
    return value.symbol if value.missing else float(value.value or 0.0)


def _period_columns(sheet: KennzahlSheet, number_format: str | None = None) -> list[SheetColumn]:
    return [SheetColumn(f"p{i}", label, decimals=sheet.decimals, number_format=number_format)
            for i, label in enumerate(sheet.periods)]


def _region_columns(name_header: str = "Gebiet") -> list[SheetColumn]:
    return [SheetColumn("key", "Schlüssel", text=True), SheetColumn("name", name_header, text=True)]


def _frame(records: list[dict[str, object]], columns: Sequence[SheetColumn]) -> pd.DataFrame:
    return pd.DataFrame(records, columns=[c.key for c in columns]).astype(object)


def _used_symbols(sheet: KennzahlSheet) -> list[str]:
    found = {v.symbol for line in sheet.lines for v in line.values if v.missing}
    if any(v.value == 0 for line in sheet.lines for v in line.values if not v.missing):
        found.add("–")  # the number format shows an exact zero as „–“
    for line in sheet.lines:
        for rank, value in zip(line.ranks or [], line.values, strict=False):
            if rank is None and not value.missing:
                found.add(MISSING)
    return sorted(found)


def _rounding_note(decimals: int) -> str:
    places = "einer Nachkommastelle" if decimals == 1 else (
        "ganzen Zahlen" if decimals == 0 else f"{decimals} Nachkommastellen")
    return (f"Die Zellen enthalten die ungerundeten Werte; angezeigt wird auf {places} gerundet, ab 5 aufwärts wie "
            "in den Veröffentlichungen der Statistischen Ämter (Excel und LibreOffice runden die Anzeige von null "
            "weg; für positive Werte ist das dasselbe).")


def _source_note(sheet: KennzahlSheet) -> list[str]:
    tables = [s.table for s in sheet.sources if s.table]
    lines = []
    if tables:
        lines.append("Quelle: Statistische Ämter des Bundes und der Länder, Tabelle" + ("n " if len(tables) > 1
                     else " ") + ", ".join(dict.fromkeys(tables)) + "; eigene Berechnung (Bildungsplaner).")
    lines += list(dict.fromkeys(s.licence for s in sheet.sources if s.licence))
    return lines


def _stand(sheet: KennzahlSheet) -> str:
    parts = [f"{s.stand} (Tabelle {s.table})" if s.table else s.stand for s in sheet.sources if s.stand]
    return "; ".join(dict.fromkeys(parts))


# --- a Kennzahl's sheet ------------------------------------------------------------------------------------------

def _value_table(table: IndicatorTable, sheet: KennzahlSheet, name: str) -> PlanTable:
    columns = [*_region_columns(), *_period_columns(sheet)]
    records: list[dict[str, object]] = [
        {"key": line.key, "name": line.name, **{f"p{i}": _cell(v) for i, v in enumerate(line.values)}}
        for line in sheet.lines]
    compared = [line.name for line in sheet.lines if line.role in (KREIS, LAND, BUND)]
    subtitle = f"{table.home_name}" + (f" im Vergleich mit {_and(compared)}" if compared else "")
    subtitle += f"; Werte in {sheet.unit}" if sheet.unit else ""
    notes = [*_source_note(sheet), _rounding_note(sheet.decimals)]
    symbols = _used_symbols(sheet)
    if symbols:
        notes.append("Zeichen: " + "; ".join(f"„{s}“ {SYMBOL_MEANING.get(s, 'siehe Methodik')}" for s in symbols)
                     + " (Zeichenerklärung im Blatt „Methodik“).")
    return PlanTable(name, f"{sheet.name} ({sheet.code})", columns, _frame(records, columns), subtitle=subtitle,
                     stand=_stand(sheet), totals_label=None, notes=notes, role="data")


def _and(names: Sequence[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " und " + names[-1]


def _difference_table(sheet: KennzahlSheet, name: str) -> PlanTable | None:
    land = sheet.line(LAND)
    rows = [line for line in sheet.lines if line.role in (HOME, PART, KREIS)]
    if land is None or not rows:
        return None
    columns = [*_region_columns(), *_period_columns(sheet)]
    records = []
    for line in rows:
        record: dict[str, object] = {"key": line.key, "name": line.name}
        for i, value in enumerate(line.values):
            diff = _difference(value, land.values[i])
            record[f"p{i}"] = diff if diff is not None else (value.symbol or land.values[i].symbol)
        records.append(record)
    unit = difference_label(sheet.unit)
    notes = [f"Differenz = Wert des Gebiets minus Wert von {land.name} im selben Jahr, in {unit}; berechnet aus "
             "den ungerundeten Werten (Formeln auf die Tabelle oben), daher kann sie von der Differenz der "
             "angezeigten, gerundeten Werte um eine Einheit der letzten Stelle abweichen."]
    return PlanTable(name, f"Differenz zum Land {land.name} in {unit}", columns, _frame(records, columns),
                     totals_label=None, notes=notes, role="comparison")


def _rank_table(sheet: KennzahlSheet, name: str) -> PlanTable | None:
    rows = [line for line in sheet.lines if line.ranks is not None]
    if not rows or not sheet.rank_counts:
        return None
    columns = [*_region_columns(), *_period_columns(sheet, number_format="0")]
    records: list[dict[str, object]] = []
    for line in rows:
        assert line.ranks is not None
        records.append({"key": line.key, "name": line.name,
                        **{f"p{i}": r if r is not None else (line.values[i].symbol or MISSING)
                           for i, r in enumerate(line.ranks)}})
    records.append({"key": "", "name": "Kreise mit Wert (Rang von …)",
                    **{f"p{i}": n for i, n in enumerate(sheet.rank_counts)}})
    land = f"des Landes {sheet.land_name}" if sheet.land_name else "des Landes"
    places = "eine Nachkommastelle" if sheet.decimals == 1 else f"{sheet.decimals} Nachkommastellen"
    notes = [f"Rang unter den Kreisen und kreisfreien Städten {land}: 1 = höchster Wert. Gezählt werden nur "
             "Kreise mit einem Wert im jeweiligen Jahr; verglichen werden die angezeigten, auf "
             f"{places} gerundeten Werte; gleiche Werte teilen sich einen Rang (der nächste Rang wird "
             "übersprungen, wie RANG.GLEICH in Excel). Rang 1 heißt nur „höchster Wert“, nicht „am besten“."]
    return PlanTable(name, f"Rang unter den Kreisen und kreisfreien Städten {land}", columns,
                     _frame(records, columns), totals_label=None, notes=notes, role="comparison")


def _difference_formulas(ws: Worksheet, sheet: KennzahlSheet, values_at: dict[str, int], placed_rows: list[int]
                         ) -> set[str]:
    """Replace the difference numbers by live formulas ``=<region cell>-<Land cell>`` (same column); returns
    their coordinates."""
    land = sheet.line(LAND)
    assert land is not None
    rows = [line for line in sheet.lines if line.role in (HOME, PART, KREIS)]
    land_row = values_at[land.key]
    number_format = excel_number_format(sheet.decimals)
    written: set[str] = set()
    for line, at in zip(rows, placed_rows, strict=True):
        for i, value in enumerate(line.values):
            if _difference(value, land.values[i]) is None:
                continue
            letter = get_column_letter(3 + i)
            cell = ws.cell(at, 3 + i)
            cell.value = f"={letter}{values_at[line.key]}-{letter}{land_row}"
            cell.data_type = "f"
            cell.number_format = number_format
            written.add(cell.coordinate)
    return written


def _texts_as_strings(ws: Worksheet, formulas: set[str] | None = None) -> None:
    """Every text cell is a string cell (a name such as ``=HYPERLINK(…)`` in a heading stays text), except the
    formulas this module wrote."""
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.coordinate not in (formulas or set()):
                cell.data_type = "s"


def _chart(ws: Worksheet, sheet: KennzahlSheet, header: int, values_at: dict[str, int], free_row: int) -> int:
    """The line chart of the home region, Land and Bund below the tables (after a gap-data block where a
    value is missing); returns the next free row."""
    lines = [line for line in sheet.lines if line.role in (HOME, KREIS, LAND, BUND)]
    if not lines or not sheet.periods:
        return free_row
    first_col, last_col = 3, 2 + len(sheet.periods)
    rows = {line.key: values_at[line.key] for line in lines}
    if any(v.missing for line in lines for v in line.values):  # a symbol would be plotted as 0: a gap instead
        title = ws.cell(free_row, 1, "Werte für das Diagramm (ohne Wert: leere Zelle, im Diagramm eine Lücke)")
        title.font = HEADING_FONT
        header = free_row + 1
        for i, label in enumerate(sheet.periods):
            ws.cell(header, first_col + i, clean_text(label)).data_type = "s"
        for n, line in enumerate(lines, start=header + 1):
            ws.cell(n, 1, clean_text(line.key)).data_type = "s"
            ws.cell(n, 2, clean_text(line.name)).data_type = "s"
            for i, value in enumerate(line.values):
                if not value.missing:
                    ws.cell(n, first_col + i, float(value.value or 0.0)).number_format = \
                        excel_number_format(sheet.decimals)
            rows[line.key] = n
        free_row = header + len(lines) + 2
    chart = LineChart()
    chart.title = sheet.name
    chart.y_axis.title = sheet.unit
    chart.y_axis.scaling.min = 0
    chart.y_axis.numFmt = NumFmt(formatCode="#,##0", sourceLinked=False)
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.display_blanks = "gap"
    chart.height, chart.width = CHART_HEIGHT, max(18, min(30, len(sheet.periods) * 2.5))
    for line in lines:
        series = Series(Reference(ws, min_col=first_col, max_col=last_col, min_row=rows[line.key],
                                  max_row=rows[line.key]))
        series.tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(ws.title)}!$B${rows[line.key]}"))
        series.smooth = False
        series.marker.symbol = "circle"
        chart.series.append(series)
    chart.set_categories(Reference(ws, min_col=first_col, max_col=last_col, min_row=header, max_row=header))
    chart.smooth = False
    ws.add_chart(chart, f"A{free_row}")
    return free_row + CHART_ROWS


def _wrap_notes(ws: Worksheet, table: PlanTable, next_row: int) -> None:
    """The notes under a table wrap within the table's width (at least :data:`NOTE_WIDTH` characters): merged
    over the columns, with an explicit row height (LibreOffice does not grow a row on its own)."""
    if not table.notes:
        return
    first = next_row - 2 - len(table.notes)
    width, last = 0.0, 0
    while last < len(table.columns) or width < NOTE_WIDTH:
        last += 1
        width += ws.column_dimensions[get_column_letter(last)].width or 8.43
    for row, text in enumerate(table.notes, start=first):
        cell = ws.cell(row, 1)
        if cell.value != clean_text(text):  # pragma: no cover - the layout of workbook._write_table changed
            continue
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = _lines(text, width * 1.2)
        if lines > 1:
            ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2


def _placed_table(ws: Worksheet, table: PlanTable, top: int) -> _Placed:
    placed = _write_table(ws, table, top=top, suppress_below=None, note=[])
    _wrap_notes(ws, table, placed.next_row)
    return placed


def _kennzahl_sheet(ws: Worksheet, table: IndicatorTable, sheet: KennzahlSheet) -> None:
    name = ws.title
    placed = _placed_table(ws, _value_table(table, sheet, name), 1)
    values_at = {line.key: at for line, at in zip(sheet.lines, placed.positions, strict=True)}
    for line in sheet.lines:
        if line.role == HOME:
            for j in range(1, 3 + len(sheet.periods)):
                ws.cell(values_at[line.key], j).font = BOLD
    row = placed.next_row
    formulas: set[str] = set()
    difference = _difference_table(sheet, name)
    if difference is not None:
        at = _placed_table(ws, difference, row)
        formulas = _difference_formulas(ws, sheet, values_at, at.positions)
        row = at.next_row
    rank = _rank_table(sheet, name)
    if rank is not None:
        at = _placed_table(ws, rank, row)
        count_row = at.positions[-1]
        for j in range(1, 3 + len(sheet.periods)):
            ws.cell(count_row, j).font = Font(italic=True)
        row = at.next_row
    _chart(ws, sheet, placed.header, values_at, row)
    _texts_as_strings(ws, formulas)
    ws.page_setup.fitToHeight = 1  # one printed page per Kennzahl: tables, notes and chart together
    ws.print_title_rows = None


# --- overview and method ---------------------------------------------------------------------------------------------

def _latest(sheet: KennzahlSheet) -> int | None:
    """The last period where the home region has a value (else the last period)."""
    home = sheet.line(HOME)
    if not sheet.periods:
        return None
    if home is not None:
        found = [i for i, v in enumerate(home.values) if not v.missing]
        if found:
            return found[-1]
    return len(sheet.periods) - 1


def _overview(table: IndicatorTable, name: str) -> tuple[PlanTable, list[int]]:
    land_names = list(dict.fromkeys(s.land_name for s in table.sheets if s.land_name))
    land_header = land_names[0] if len(land_names) == 1 else "Land"
    columns = [SheetColumn("name", "Kennzahl", text=True), SheetColumn("code", "Code", text=True),
               SheetColumn("unit", "Einheit", text=True), SheetColumn("year", "Jahr", text=True),
               SheetColumn("home", table.home_name, decimals=1), SheetColumn("land", land_header, decimals=1),
               SheetColumn("bund", "Deutschland", decimals=1),
               SheetColumn("diff", "Differenz zum Land¹", decimals=1),
               SheetColumn("rank", "Rang unter den Kreisen des Landes²", number_format="0"),
               SheetColumn("count", "Kreise mit Wert", number_format="0")]
    records: list[dict[str, object]] = []
    decimals: list[int] = []
    for sheet in table.sheets:
        i = _latest(sheet)
        record: dict[str, object] = {"name": sheet.name, "code": sheet.code, "unit": sheet.unit,
                                     "year": sheet.periods[i] if i is not None else ""}
        for role, key in ((HOME, "home"), (LAND, "land"), (BUND, "bund")):
            line = sheet.line(role)
            record[key] = _cell(line.values[i]) if line is not None and i is not None else "x"
        home, land = sheet.line(HOME), sheet.line(LAND)
        diff = _difference(home.values[i], land.values[i]) if home and land and i is not None else None
        record["diff"] = diff if diff is not None else ("x" if land is None or home is None else MISSING)
        ranked = next((line for line in sheet.lines if line.ranks is not None and line.role in (HOME, KREIS)), None)
        if ranked is not None and ranked.ranks is not None and i is not None:
            record["rank"] = ranked.ranks[i] if ranked.ranks[i] is not None else MISSING
            record["count"] = sheet.rank_counts[i]
        else:
            record["rank"] = record["count"] = "x"
        records.append(record)
        decimals.append(sheet.decimals)
    notes = ["¹ Wert minus Wert des Landes im selben Jahr: bei Kennzahlen in % in Prozentpunkten, sonst in der "
             "Einheit der Kennzahl.",
             "² 1 = höchster Wert unter den Kreisen und kreisfreien Städten des Landes mit einem Wert (für die "
             "Heimatregion oder, bei einer Gemeinde, ihren Kreis); gleiche Werte teilen sich einen Rang.",
             "Jahr: das letzte Jahr mit einem Wert der Heimatregion; alle Jahre im Blatt der Kennzahl.",
             "Werte ungerundet in den Zellen, angezeigt gerundet (ab 5 aufwärts). Zeichen und Quellen: Blatt "
             "„Methodik“."]
    subtitle = f"{table.home_name} ({table.home_key}) im Vergleich mit Land und Bund"
    if table.years:
        subtitle += f", Jahre {table.years}"
    frame = _frame(records, columns)
    stands = list(dict.fromkeys(s.stand.split(" / ")[0] for sheet in table.sheets for s in sheet.sources if s.stand))
    stand = (f"Quellen vom {', '.join(stands)} (im Einzelnen: Blätter der Kennzahlen); " if stands else "") + \
        f"erstellt am {_dt.date.today():%d.%m.%Y}"
    return PlanTable(name, table.title, columns, frame, subtitle=subtitle, stand=stand, totals_label=None,
                     notes=notes, role="overview"), decimals


def _method(table: IndicatorTable) -> list[MethodSection]:
    sections: list[MethodSection] = []
    for sheet in table.sheets:
        lines: list[tuple[str, str]] = [("Code", sheet.code), ("Einheit", sheet.unit or "–")]
        for label, text in (("Wozu", sheet.purpose), ("Definition", sheet.formula_text)):
            if text:
                lines.append((label, text))
        if sheet.formula:
            lines.append(("Formel", sheet.formula))
            lines += [("", text) for text in sheet.inputs]
        for label, text in (("Stichtag", sheet.stichtag), ("Hinweise", sheet.caveats)):
            if text:
                lines.append((label, text))
        for n, source in enumerate(sheet.sources):
            what = " – ".join(p for p in (f"Tabelle {source.table}" if source.table else "", source.title or "",
                                          f"Stand: {source.stand}" if source.stand else "Stand: nicht angegeben")
                              if p)
            lines.append(("Quellen" if n == 0 else "", what))
        for n, licence in enumerate(dict.fromkeys(s.licence for s in sheet.sources if s.licence)):
            lines.append(("Lizenz" if n == 0 else "", licence))
        if sheet.definition:
            lines.append(("Definition (Version)", sheet.definition))
        sections.append(MethodSection(f"{sheet.name} ({sheet.code})", lines))
    sections.append(MethodSection("Vergleich, Differenz und Rang", [
        ("Gebiete", f"{table.home_name} ({table.home_key}) und die Gebiete darunter, für die die Kennzahl "
                    "Ergebnisse hat; zum Vergleich (bei einer Gemeinde ihr Kreis,) das Land (die ersten beiden "
                    "Stellen des Schlüssels) und Deutschland."),
        ("Differenz", "Wert des Gebiets minus Wert des Landes im selben Jahr, als Formel auf die Werte; bei einer "
                      "Einheit „%“ in Prozentpunkten, sonst in der Einheit der Kennzahl."),
        ("Rang", "Unter den Kreisen und kreisfreien Städten des Landes mit einem Wert im jeweiligen Jahr; 1 = "
                 "höchster Wert; verglichen werden die angezeigten, gerundeten Werte; gleiche Werte teilen sich "
                 "einen Rang."),
        ("Rundung", "Die Zellen enthalten die ungerundeten Werte. Angezeigt wird mit den Nachkommastellen der "
                    "Kennzahl, gerundet ab 5 aufwärts wie in den Veröffentlichungen der Statistischen Ämter "
                    "(Excel und LibreOffice runden die Anzeige von null weg, für positive Werte dasselbe)."),
        ("Fehlende Werte", "Ein fehlender Wert ist nie 0 und nie leer: Er trägt das Zeichen seiner Ursache (eine "
                           "geheime oder unbekannte Eingabe: „.“ oder deren Zeichen; Nenner 0: „x“)."),
    ]))
    sections.append(MethodSection("Zeichenerklärung", list(SYMBOL_LEGEND)))
    if table.created:
        sections.append(MethodSection("Erstellt", list(table.created)))
    return sections


def _map_with_sources(sheet: KennzahlSheet, image: MapImage) -> MapImage:
    """The map's source lines for the reader: the Kennzahl's tables and licences (as under its table), then the
    map's own lines (the boundaries' licence and Stand) without repeats and without the bare Kennzahl name."""
    lines = _source_note(sheet)
    lines += [line for line in image.sources if line not in lines and line != sheet.name]
    return replace(image, sources=tuple(lines))


def write_indicator_table(table: IndicatorTable, path: Path) -> Path:
    """Write ``table`` to ``path`` (xlsx) through a temporary file; returns ``path``."""
    workbook = openpyxl.Workbook()
    taken: set[str] = set()
    first = workbook.active
    assert first is not None
    first.title = sheet_title("Übersicht", taken)
    taken.add(first.title)
    overview, decimals = _overview(table, first.title)
    placed = _placed_table(first, overview, 1)
    for at, places in zip(placed.positions, decimals, strict=True):
        for j in (5, 6, 7, 8):
            cell = first.cell(at, j)
            if not isinstance(cell.value, str):
                cell.number_format = excel_number_format(places)
    for sheet in table.sheets:
        ws = workbook.create_sheet(sheet_title(sheet.code, taken))
        taken.add(ws.title)
        _kennzahl_sheet(ws, table, sheet)
        if sheet.map is not None:
            map_ws = workbook.create_sheet(sheet_title(f"Karte {sheet.code}", taken))
            taken.add(map_ws.title)
            write_map_sheet(map_ws, _map_with_sources(sheet, sheet.map))
    method = workbook.create_sheet(sheet_title("Methodik", taken))
    taken.add(method.title)
    _write_method(method, Report(table.title, overview, method=_method(table)))
    _texts_as_strings(first)
    _texts_as_strings(method)
    props = workbook.properties
    props.title = clean_text(table.title)[:250]
    props.creator = "Bildungsplaner"  # never the login name
    props.lastModifiedBy = None
    props.created = props.modified = _dt.datetime.now(_dt.UTC).replace(tzinfo=None)
    with atomic_target(Path(path)) as tmp:
        workbook.save(tmp)
    return Path(path)
