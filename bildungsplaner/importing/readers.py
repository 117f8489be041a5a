"""From a file on disk to a :class:`~bildungsplaner.importing.batch.Batch`: format by bytes, then the reader.

* GENESIS table CSV and GENESIS flat files need no mapping: their structure says what every cell is.
* Generic tables (xlsx, xlsm, xls, ods, csv, txt) need an :class:`~bildungsplaner.importing.template.ImportTemplate`.

The small domain rules the readers share (indicator codes, the phase of life of a GENESIS table) live in
:mod:`~bildungsplaner.importing.codes`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr
from bildungsplaner.importing.batch import OBSERVATION_COLUMNS, Batch
from bildungsplaner.importing.codes import guess_phase
from bildungsplaner.importing.columns import merge_equal
from bildungsplaner.importing.genesis import GenesisTable, dimensions_of, parse_genesis_table
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store import dimensions as dims

if TYPE_CHECKING:
    from bildungsplaner.importing.sniff import Sniffed
    from bildungsplaner.importing.template import ImportTemplate

__all__ = ["TEXT_KINDS", "genesis_batch", "read_batch"]

TEXT_KINDS = frozenset({"genesis", "ffcsv", "csv"})


def genesis_batch(table: GenesisTable, *, format: str = "genesis") -> Batch:
    """Observation rows of a parsed GENESIS table, with its metadata as provenance.

    The text columns' codes the parser built (:attr:`GenesisTable.codes`) go into the batch, so that the
    checks and the import never hash the million strings again; each distinct dimension text is
    re-encoded once.
    """
    cells = table.cells
    n = len(cells)
    if "dimensions" in table.codes:
        dim_codes, dim_texts = table.codes["dimensions"]
    else:
        dim_codes, dim_texts = pd.factorize(cells["dimensions"].to_numpy(dtype=object))
    dim_codes, canonical = merge_equal(dim_codes, np.asarray([dims.encode(dimensions_of(t)) for t in dim_texts],
                                                             dtype=object))
    columns = {
        "region_key": cells["region_key"].astype(object),
        "region_name": cells["region_name"].astype(object),
        "indicator": cells["measure"].astype(object),
        "indicator_code": np.full(n, None, dtype=object),
        "unit": cells["unit"].astype(object),  # (the parser's texts are None where there is none, not NaN)
        "period": cells["period"].astype(object),
        "period_iso": cells["period_iso"].astype(object),
        "dimensions": canonical[dim_codes],
        "value": cells["value"].astype("float64"),
        "flag": cells["flag"].astype(object),
        "source_row": cells["source_row"].astype("int64"),
    }
    # concat keeps one block per column; pd.DataFrame(dict) would copy the object columns into one 2-D block
    # (~0.1 s per million rows for nothing)
    rows = pd.concat([pd.Series(columns[name], name=name, copy=False,
                                dtype=None if name in ("value", "source_row") else object).reset_index(drop=True)
                      for name in OBSERVATION_COLUMNS], axis=1)
    coded = {column: table.codes[name] for column, name in (
        ("region_key", "region_key"), ("region_name", "region_name"), ("indicator", "measure"),
        ("unit", "unit"), ("period", "period"), ("period_iso", "period_iso")) if name in table.codes}
    coded["dimensions"] = (dim_codes, canonical)
    coded["indicator_code"] = (np.full(n, -1, dtype=np.int64), np.empty(0, dtype=object))
    missing_period = coded["period_iso"][0] < 0 if "period_iso" in coded else rows["period_iso"].isna().to_numpy()
    if missing_period.any():
        first = int(rows["source_row"].to_numpy()[missing_period][0])
        raise UserInputError(tr("Zeile {row}: Die GENESIS-Tabelle nennt für diese Werte keinen Zeitpunkt.",
                                row=first))
    return Batch(
        target="observations", format=format, rows=rows, rows_read=int(cells["source_row"].nunique()),
        table_code=table.table_code, title=table.title, stand=table.stand or None,
        source=table.licence or None, footnotes=list(table.footnotes),
        meta={"regional_depth": table.regional_depth, "statistic": table.statistic, "encoding": table.encoding,
              "unit_line": table.unit_line, "phase": guess_phase(table.table_code).value,
              "dimensions": table.dimension_names},
        warnings=list(table.warnings), coded=coded,
    )


def read_batch(path: Path, sniffed: Sniffed, *, template: ImportTemplate | None = None,
               sheet: str | None = None, progress: Progress | None = None) -> Batch:
    """Read ``path`` (already sniffed) into a batch; generic tables need ``template``."""
    progress = progress or NullProgress()
    if sniffed.kind == "genesis":
        progress.report(0.05, tr("GENESIS-Tabelle wird gelesen …"))
        return genesis_batch(parse_genesis_table(path.read_bytes(), path.name))
    if sniffed.kind == "ffcsv":
        # these readers are imported on first use, not when the window starts (~25 ms)
        from bildungsplaner.importing.ffcsv import parse_ffcsv

        progress.report(0.05, tr("GENESIS-Flatfile wird gelesen …"))
        batch = parse_ffcsv(path.read_bytes(), path.name)
        batch.meta.setdefault("phase", guess_phase(batch.table_code).value)
        return batch
    if template is None:
        raise UserInputError(tr(
            "{name} ist eine allgemeine Tabelle ({kind}); dafür braucht der Import eine Importvorlage, die sagt, "
            "welche Spalte was enthält (--template VORLAGE.toml oder der Import-Assistent).",
            name=path.name, kind=sniffed.kind))
    from bildungsplaner.importing.tables import read_table
    from bildungsplaner.importing.template_apply import apply_template

    progress.report(0.05, tr("Tabelle wird gelesen ({kind}) …", kind=sniffed.kind))
    hints = template.read
    # the format is known already (sniffing an xlsx reads all its sheets' XML); progress lets Cancel stop the
    # reader in its child process
    table = read_table(path, sheet=sheet or hints.sheet, header_rows=hints.header_rows,
                       skip_rows=hints.skip_rows, kind=sniffed.kind, progress=progress,
                       footer_rows=hints.footer_rows, stop_at=hints.stop_at, key_columns=template.key_columns())
    progress.report(0.35, tr("Spalten werden zugeordnet …"))

    batch = apply_template(template, table.frame, format=table.format, first_data_row=table.first_data_row)
    batch.rows_read = len(table.frame)
    # totals and notes below the table: each one listed with its row number, never dropped silently
    batch.warnings = [*table.warnings, *(row.describe() for row in table.skipped), *batch.warnings]
    if table.skipped:
        batch.meta["skipped_rows"] = [row.as_dict() for row in table.skipped]
    if table.sheet:
        batch.meta["sheet"] = table.sheet
    return batch


def symbol_counts(rows: pd.DataFrame) -> dict[str, int]:
    """How often each symbol or quality flag occurs (``{"-": 12, ".": 3}``)."""
    flags = rows["flag"].dropna()
    if flags.empty:
        return {}
    counts = flags.value_counts()
    return {str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))}


def as_float_array(values: pd.Series) -> np.ndarray:
    return values.to_numpy(dtype="float64", na_value=np.nan)
