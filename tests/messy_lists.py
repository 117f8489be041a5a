"""A colleague's own school list as it arrives: a merged title, ~20 schools, a „Summe“ row, a source, a footnote.

Written as xlsx (openpyxl; the sum as a formula with a cached value or as a plain number), csv and ods (odfpy
through pandas), with the same rows, so the tests can check that every format reads alike.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd

TITLE = "Schulen im Kreis Unna, Schuljahr 2025/26"
HEADER = ["Schulnummer", "Name", "Gemeinde", "Schüler", "Träger"]
_TOWNS = ["Bergkamen", "Bönen", "Fröndenberg/Ruhr", "Holzwickede", "Kamen", "Lünen", "Schwerte", "Selm", "Unna",
          "Werne"]
#: Schulnummer, Name, Gemeinde, Schüler, Träger (text: „Stadt Unna“, one school of a church)
SCHOOLS: list[list[object]] = [
    [f"1{i + 90000:05d}", f"{'Grundschule' if i % 3 else 'Gesamtschule'} {_TOWNS[i % 10]} {i // 10 + 1}",
     _TOWNS[i % 10], 180 + 7 * i, "Ev. Kirchengemeinde Kamen" if i == 4 else f"Stadt {_TOWNS[i % 10]}"]
    for i in range(20)
]
TOTAL = sum(int(row[3]) for row in SCHOOLS)  # type: ignore[call-overload]
SOURCE = "Quelle: Schulamt, Stand 1.8.2025"
FOOTNOTE = "* vorläufige Zahlen"
#: 1-based rows in the file (xlsx and ods): title 1-2, header 3, schools 4-23, Summe 24, empty 25, notes 26-27
FIRST_SCHOOL_ROW, TOTAL_ROW, SOURCE_ROW, FOOTNOTE_ROW = 4, 24, 26, 27


def grid() -> list[list[object]]:
    """The cells row by row (``None`` empty) as a person sees them."""
    return [[TITLE, None, None, None, None], [None] * 5, list(HEADER), *[list(r) for r in SCHOOLS],
            [None, "Summe", None, TOTAL, None], [None] * 5, [SOURCE, None, None, None, None],
            [FOOTNOTE, None, None, None, None]]


def messy_xlsx(path: Path, *, formula: bool = True) -> Path:
    """The list as Excel writes it: title merged over A1:E2, the sum as ``=SUM(D4:D23)`` with its cached value
    (``formula=False``: a plain number)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Schulen"
    for row in grid():
        sheet.append(row)
    sheet.merge_cells("A1:E2")
    if formula:
        sheet.cell(TOTAL_ROW, 4).value = f"=SUM(D{FIRST_SCHOOL_ROW}:D{TOTAL_ROW - 1})"
    workbook.save(path)
    if formula:  # openpyxl writes no cached value; Excel would: put it in, as the reader needs it
        with zipfile.ZipFile(path) as source:
            parts = {name: source.read(name) for name in source.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
        # an empty value: <v /> from the standard library's writer, <v></v> from lxml's (openpyxl uses lxml when
        # it is installed — python-docx brings it)
        xml, count = re.subn(r"(<f>SUM\([^<]*\)</f>)(?:<v\s*/>|<v></v>)", rf"\g<1><v>{TOTAL}</v>", xml)
        assert count == 1, "openpyxl's formula cell changed its form"
        parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                target.writestr(name, data)
    return path


def messy_csv(path: Path) -> Path:
    """The list exported as CSV (``;``, Windows-1252, German thousands dots in the sum)."""
    lines = []
    for row in grid():
        cells = ["" if c is None else (f"{c:,}".replace(",", ".") if isinstance(c, int) else str(c)) for c in row]
        lines.append(";".join(cells).rstrip(";") if cells[0] in (SOURCE, FOOTNOTE, TITLE) else ";".join(cells))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def messy_ods(path: Path) -> Path:
    """The list saved by LibreOffice Calc (written here through pandas' odf writer)."""
    pd.DataFrame(grid()).to_excel(path, engine="odf", header=False, index=False, sheet_name="Schulen")
    return path
