"""Disclosure control beyond the tables: a chart or a sentence never shows a count its table suppresses.

:func:`~bildungsplaner.reporting.numbering.format_table` hides small counts (and the secondary cells that would
give them away) in every table with ``counts=True``. The same numbers also stand in the module's charts and in its
generated sentences („… am niedrigsten in Heidhof mit 2 Kindern“). :func:`protect` takes the values hidden in a
module's tables and

* leaves them out of the module's charts (a gap or no bar, like a missing value), and
* drops every generated sentence (and finding for „Wichtigste Ergebnisse“) that prints one of them.

Values are matched by value, not by position: a chart may show a table's row as a series or as a category, and
a value that equals a hidden one elsewhere in the module is hidden too — more is hidden, never less. Maps are not
touched (a map of counts classes the values; its classes do not show single counts). Run it before the highlights
are drawn from the findings.
"""

from __future__ import annotations

import dataclasses
import math

from bildungsplaner.reporting.document import ChartFigure, ChartSeries, ModuleResult, Paragraph, Sentence
from bildungsplaner.reporting.numbering import SUPPRESS_BELOW, format_table

__all__ = ["hidden_values", "protect"]


def hidden_values(module: ModuleResult, threshold: int = SUPPRESS_BELOW) -> set[float]:
    """The values that disclosure control hides in the module's tables of counts."""
    hidden: set[float] = set()
    for table in module.tables():
        if not table.counts:
            continue
        formatted = format_table(table, threshold=threshold)
        n_text = min(table.text_columns, table.frame.shape[1])
        for i, row in enumerate(formatted.rows):
            for j, cell in enumerate(row):
                if cell.suppressed:
                    value = float(table.frame.iat[i, j]) if j >= n_text else math.nan
                    if math.isfinite(value):
                        hidden.add(value)
    return hidden


def _is_hidden(value: float | None, hidden: set[float]) -> bool:
    return value is not None and any(math.isclose(value, h, rel_tol=1e-9, abs_tol=1e-9) for h in hidden)


def _sentence_shows(sentence: Sentence, hidden: set[float]) -> bool:
    return any(_is_hidden(value, hidden) for _, _, value in sentence.facts)


def protect(module: ModuleResult, threshold: int = SUPPRESS_BELOW) -> int:
    """Hide the module's suppressed counts in its charts and sentences; returns how many chart values and
    sentences were left out."""
    hidden = hidden_values(module, threshold)
    if not hidden:
        return 0
    removed = 0
    blocks = []
    for block in module.blocks:
        if isinstance(block, ChartFigure):
            series = []
            for s in block.series:
                values = tuple(None if _is_hidden(v, hidden) else v for v in s.values)
                removed += sum(a is not None and b is None for a, b in zip(s.values, values, strict=True))
                series.append(ChartSeries(s.name, values, s.home))
            reference = block.reference
            if reference is not None and _is_hidden(reference[1], hidden):
                reference, removed = None, removed + 1
            block = dataclasses.replace(block, series=tuple(series), reference=reference)
        elif isinstance(block, Paragraph) and block.generated:
            kept = tuple(s for s in block.sentences if not _sentence_shows(s, hidden))
            removed += len(block.sentences) - len(kept)
            if not kept:
                continue
            block = Paragraph(kept, generated=True)
        blocks.append(block)
    module.blocks = blocks
    before = len(module.findings)
    module.findings = [f for f in module.findings
                       if not (isinstance(f.get("sentence"), Sentence) and _sentence_shows(f["sentence"], hidden))]
    return removed + before - len(module.findings)
