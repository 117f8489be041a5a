"""The check every generated sentence must pass: each number it prints stands in the module's printed tables
(formatted the same way, German, half up), and each fact it records is the table's cell (column, row)."""

from __future__ import annotations

import math
import re

from bildungsplaner.formatting import format_number
from bildungsplaner.reporting.document import ModuleResult, Paragraph, ReportTable, Sentence

NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def printed_numbers(tables: list[ReportTable]) -> set[str]:
    """Every number text the tables print: cells (without sign), headers, text cells and captions."""
    found: set[str] = set()
    for table in tables:
        decimals = 1 if table.decimals is None else table.decimals
        for column in table.frame.columns:
            found.update(NUMBER.findall(str(column)))
        found.update(NUMBER.findall(table.caption))
        for i, column in enumerate(table.frame.columns):
            for value in table.frame[column]:
                if i < table.text_columns:
                    found.update(NUMBER.findall(str(value)))
                elif value is not None and math.isfinite(float(value)):
                    found.add(format_number(abs(float(value)), decimals))
    return found


def cell(tables: list[ReportTable], column: str, row: str) -> float | None:
    for table in tables:
        if column == table.caption:  # the count of rows a sentence names („unter den 53 Kreisen“)
            return float(len(table.frame))
        if column not in table.frame.columns:
            continue
        labels = table.frame.iloc[:, :table.text_columns].astype(str)
        hits = [i for i in range(len(labels)) if row in set(labels.iloc[i])]
        if hits:
            value = table.frame[column].iloc[hits[0]]
            return float(value)
    return None


def check_sentence(sentence: Sentence, tables: list[ReportTable]) -> int:
    """Assert the sentence's numbers and facts; the count of numbers checked."""
    printed = printed_numbers(tables)
    numbers = NUMBER.findall(sentence.text)
    for number in numbers:
        assert number in printed, f"{number!r} of „{sentence.text}“ is in no table of the module"
    for column, row, value in sentence.facts:
        found = cell(tables, column, row)
        assert found is not None, f"fact {(column, row)} of „{sentence.text}“ is no table cell"
        assert math.isclose(found, value, rel_tol=1e-12, abs_tol=1e-12), (column, row, found, value)
    return len(numbers)


def check_module(module: ModuleResult) -> int:
    """Check every generated sentence of ``module`` against its tables; the count of numbers checked."""
    tables = module.tables()
    checked = 0
    for block in module.blocks:
        if isinstance(block, Paragraph) and block.generated:
            for sentence in block.sentences:
                checked += check_sentence(sentence, tables)
    for finding in module.findings:
        checked += check_sentence(finding["sentence"], tables)
    return checked
