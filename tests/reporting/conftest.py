"""A small hand-made built report (``sample_document``) and stand-in PNGs for the writers' tests, so that the
outputs are tested without a workspace (the demo report's test builds the real one)."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pandas as pd
import pytest

from bildungsplaner.reporting.document import (
    ChapterResult,
    ChartFigure,
    ChartSeries,
    MapFigure,
    MethodBox,
    ModuleResult,
    Paragraph,
    ReportDocument,
    ReportTable,
    Sentence,
)

YEARS = ("2012", "2013", "2014", "2015", "2016")


def png(width: int = 160, height: int = 80, colour: tuple[int, int, int] = (40, 90, 160)) -> bytes:
    """A valid PNG of one colour (no Qt, no Pillow), 300 dpi stored in its pHYs chunk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes(colour) * width
    raw = zlib.compress(row * height)
    per_metre = round(300 / 0.0254)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)) + chunk(b"IDAT", raw)
            + chunk(b"IEND", b""))


def timeseries_table() -> ReportTable:
    frame = pd.DataFrame({"Gebiet": ["Kreis Unna", "Nordrhein-Westfalen", "Deutschland"],
                          2012: [18.04, 18.1, 27.6], 2013: [20.25, 21.0, 29.3], 2014: [22.35, 23.5, 32.3],
                          2015: [24.0, 25.7, 32.9], 2016: [26.65, np.nan, 32.7]})
    flags = pd.DataFrame("", index=frame.index, columns=frame.columns)
    flags.iloc[0, 5] = "p"
    return ReportTable("Betreuungsquote der unter Dreijährigen 2012–2016", frame,
                       "IT.NRW, Kindertagesbetreuungsstatistik", unit="%", decimals=1, flags=flags,
                       emphasis=("Kreis Unna",), sheet="BQ_U3")


def counts_table() -> ReportTable:
    frame = pd.DataFrame({"Gemeinde": ["Bergkamen", "Bönen", "Fröndenberg", "=HYPERLINK(\"http://x\",\"y\")"],
                          "Kinder": [120.0, 2.0, 0.0, 45.0], "Plätze": [80.0, 30.0, 12.0, 1.0]})
    return ReportTable("Kinder in Tagespflege nach Gemeinden 2016", frame, "IT.NRW", unit="Anzahl",
                       decimals=0, counts=True, sheet="Tagespflege Gemeinden")


def line_chart() -> ChartFigure:
    return ChartFigure("f1", "line", "Betreuungsquote der unter Dreijährigen 2012–2016", YEARS,
                       (ChartSeries("Kreis Unna", (18.04, 20.25, 22.35, 24.0, 26.65), home=True),
                        ChartSeries("Nordrhein-Westfalen", (18.1, 21.0, 23.5, 25.7, None)),
                        ChartSeries("Deutschland", (27.6, 29.3, 32.3, 32.9, 32.7))),
                       "IT.NRW; Statistisches Bundesamt", unit="%")


def bar_chart() -> ChartFigure:
    names = ("Bergkamen", "Bönen", "Fröndenberg/Ruhr", "Holzwickede", "Kamen", "Lünen", "Schwerte")
    return ChartFigure("f2", "bar", "Jugendquotient nach Gemeinden 2016", names,
                       (ChartSeries("2016", (31.2, 33.0, 29.4, 30.1, 32.8, 34.5, 28.9)),),
                       "IT.NRW", unit="je 100", reference=("Kreis Unna", 31.5))


def map_figure() -> MapFigure:
    return MapFigure("m1", "Betreuungsquote U3 in den Gemeinden 2016", data=None, source="IT.NRW")


def sample_document() -> ReportDocument:
    module_a = ModuleResult("Betreuungsquote der unter Dreijährigen", "indicator", key="BQ_U3", blocks=[
        Paragraph((Sentence("Im Jahr 2016 lag die Betreuungsquote bei 26,7 %.",
                            (("2016", "Kreis Unna", 26.65),)),
                   Sentence("Das sind 8,6 Prozentpunkte mehr als 2012."))),
        line_chart(),
        timeseries_table(),
        map_figure(),
        MethodBox("Methodik", "Betreute Kinder unter 3 Jahren je 100 Kinder dieser Altersgruppe."),
    ])
    module_b = ModuleResult("Kinder in Tagespflege", "indicator", key="TP", blocks=[
        Paragraph((Sentence("Ein Text der Autorin."),), generated=False),
        bar_chart(),
        counts_table(),
    ])
    module_c = ModuleResult("Ausblick", "text", blocks=[Paragraph((Sentence("Freier Text am Ende."),),
                                                                  generated=False)])
    return ReportDocument(
        title="Bildungsbericht Kreis Unna", subtitle="Teilbericht Frühkindliche Bildung", region_key="05978",
        region_name="Kreis Unna", compare=[("05", "Nordrhein-Westfalen"), ("DG", "Deutschland")],
        years=(2012, 2016), publisher="Kreis Unna, Bildungsbüro", date="3. Dezember 2026",
        highlights=[Sentence("Die Betreuungsquote U3 stieg seit 2012 um 8,6 Prozentpunkte.")],
        chapters=[ChapterResult("C Frühkindliche Bildung", "Kinder vor der Schule.", [module_a, module_b]),
                  ChapterResult("H Non-formale Bildung", "", [module_c])])


@pytest.fixture
def document() -> ReportDocument:
    return sample_document()


@pytest.fixture
def images() -> dict[str, bytes]:
    return {"f1": png(1890, 945), "f2": png(1890, 945, (200, 80, 40)), "m1": png(1200, 1400, (60, 160, 60))}
