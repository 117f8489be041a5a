"""The built report: what every output (DOCX, PDF, xlsx, the window's preview) draws — nothing is computed later.

A :class:`ReportDocument` holds chapters, each chapter its :class:`ModuleResult` s, each module an ordered list
of blocks: :class:`Paragraph`, :class:`ChartFigure`, :class:`MapFigure`, :class:`ReportTable`,
:class:`MethodBox`. Captions carry no number: the writers number „Abbildung n“ and „Tabelle n“ in the order the
blocks appear, the same in every output. Figures are drawn once per build by a renderer passed in from above
(Qt lives in ``ui/``); the writers receive the PNG bytes by :attr:`Figure.id`.

Every number in a generated sentence comes from the module's own table: :class:`Sentence` keeps the numbers it
printed (``facts``: the values as in the table, unrounded) so that a test can look each one up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

__all__ = ["Block", "ChapterResult", "ChartFigure", "ChartSeries", "Figure", "FigureRenderer", "MapFigure",
           "MethodBox", "ModuleResult", "Paragraph", "ReportDocument", "ReportTable", "Sentence"]


@dataclass(frozen=True)
class Sentence:
    text: str
    #: the numbers the sentence prints, as they stand in the module's table (unrounded), with where:
    #: (table column or label, row label, value)
    facts: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True)
class Paragraph:
    #: generated sentences (``generated``) or the author's text (one paragraph per blank-line block)
    sentences: tuple[Sentence, ...]
    generated: bool = True

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class ReportTable:
    #: without „Tabelle n:“ (the writers number it)
    caption: str
    #: leading ``text_columns`` columns are labels (region, year …), the rest numbers (unrounded floats, NaN =
    #: missing); column names are the header row
    frame: pd.DataFrame
    source: str
    unit: str = ""
    #: decimals shown for the number columns (None: as the value needs, up to 2)
    decimals: int | None = 1
    text_columns: int = 1
    #: GENESIS-like symbols per cell where a value is missing or qualified (same shape as ``frame``; None: none)
    flags: pd.DataFrame | None = None
    #: the numbers are counts of persons: disclosure control applies (small counts suppressed in every output)
    counts: bool = False
    #: row labels to emphasise (the home region)
    emphasis: tuple[str, ...] = ()
    #: sheet name in the xlsx annex (≤ 31 characters, unique per document; the builder sets it)
    sheet: str = ""


@dataclass(frozen=True)
class ChartSeries:
    name: str
    #: one value per category; None: missing (a gap in the line, no bar)
    values: tuple[float | None, ...]
    #: the home region (drawn strongest)
    home: bool = False


@dataclass(frozen=True)
class ChartFigure:
    #: unique within the document ("f1", "f2", …)
    id: str
    #: line: time series (categories = years); bar: sub-regions or years (horizontal bars for many categories)
    kind: Literal["line", "bar"]
    caption: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    source: str
    unit: str = ""
    decimals: int | None = 1
    #: the value axis starts at zero (counts, shares); False for indices that may be negative
    zero: bool = True
    #: a horizontal reference line (e.g. the Land's value in a bar chart of sub-regions) with its label
    reference: tuple[str, float] | None = None


@dataclass(frozen=True)
class MapFigure:
    id: str
    caption: str
    #: what the map renderer draws (``services.maps.MapData``); opaque to this package
    data: Any
    source: str
    labels: bool = False


Figure = ChartFigure | MapFigure


@dataclass(frozen=True)
class MethodBox:
    title: str
    text: str


Block = Paragraph | ChartFigure | MapFigure | ReportTable | MethodBox


@dataclass
class ModuleResult:
    title: str
    #: "indicator" | "scenario" | "backtest" | "text"
    kind: str
    blocks: list[Block] = field(default_factory=list)
    #: „Quelle fehlt: …“, „keine Werte für 2016“ … (shown in the window and in ``--json``, not printed)
    warnings: list[str] = field(default_factory=list)
    #: what „Wichtigste Ergebnisse“ may draw on: sentences with their facts and a weight (largest change,
    #: largest gap to the Land), e.g. {"kind": "change", "weight": 4.2, "sentence": Sentence(...)}
    findings: list[dict[str, Any]] = field(default_factory=list)
    #: the indicator code or scenario name, for the window and ``--json``
    key: str = ""

    def tables(self) -> list[ReportTable]:
        return [b for b in self.blocks if isinstance(b, ReportTable)]

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks if isinstance(b, ChartFigure | MapFigure)]


@dataclass
class ChapterResult:
    title: str
    intro: str = ""
    modules: list[ModuleResult] = field(default_factory=list)


@dataclass
class ReportDocument:
    title: str
    subtitle: str
    region_key: str
    region_name: str
    #: (key, name) of the comparison regions
    compare: list[tuple[str, str]]
    #: first and last year shown
    years: tuple[int, int] | None
    publisher: str = ""
    #: date of the build, German (e.g. "3. Dezember 2026")
    date: str = ""
    #: „Wichtigste Ergebnisse“ (empty: none printed)
    highlights: list[Sentence] = field(default_factory=list)
    chapters: list[ChapterResult] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def modules(self) -> Iterator[ModuleResult]:
        for chapter in self.chapters:
            yield from chapter.modules

    def blocks(self) -> Iterator[Block]:
        for module in self.modules():
            yield from module.blocks

    def figures(self) -> list[Figure]:
        return [b for b in self.blocks() if isinstance(b, ChartFigure | MapFigure)]

    def tables(self) -> list[ReportTable]:
        return [b for b in self.blocks() if isinstance(b, ReportTable)]


#: draws one figure as a PNG at ``dpi`` (the window's Qt drawing, passed in by the entry point); returns the bytes
FigureRenderer = Callable[[Figure, int], bytes]
