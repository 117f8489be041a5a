"""From a file on disk to a :class:`~bildungsplaner.importing.batch.Batch`: format by bytes, then the reader.

* GENESIS table CSV and GENESIS flat files need no mapping: their structure says what every cell is.
* Generic tables (xlsx, xlsm, xls, ods, csv, txt) need an :class:`~bildungsplaner.importing.template.ImportTemplate`.

Also the small domain rules the readers share: indicator codes derived from measure labels and the phase of
life guessed from the GENESIS statistic number.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.importing.batch import OBSERVATION_COLUMNS, Batch
from bildungsplaner.importing.genesis import GenesisTable, dimensions_of, parse_genesis_table
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store import dimensions as dims
from bildungsplaner.store.models import Phase

if TYPE_CHECKING:
    from bildungsplaner.importing.sniff import Sniffed
    from bildungsplaner.importing.template import ImportTemplate

__all__ = ["TEXT_KINDS", "genesis_batch", "guess_phase", "indicator_code", "read_batch"]

TEXT_KINDS = frozenset({"genesis", "ffcsv", "csv"})
#: GENESIS statistic numbers (first 3-5 digits of the table code) → phase of life.
_PHASE_BY_STATISTIC: tuple[tuple[str, Phase], ...] = (
    ("2254", Phase.FRUEHKINDLICH), ("2255", Phase.FRUEHKINDLICH),  # Kindertagesbetreuung
    ("211", Phase.SCHULE), ("212", Phase.BERUFLICH), ("213", Phase.HOCHSCHULE), ("214", Phase.HOCHSCHULE),
    ("215", Phase.WEITERBILDUNG), ("216", Phase.WEITERBILDUNG),
    ("225", Phase.NONFORMAL), ("124", Phase.KONTEXT), ("126", Phase.KONTEXT), ("127", Phase.KONTEXT),
)


def guess_phase(table_code: str | None) -> Phase:
    """The phase of life of a GENESIS table by its statistic number (``21111-01-03-4`` → Schule)."""
    code = (table_code or "").strip()
    for prefix, phase in _PHASE_BY_STATISTIC:
        if code.startswith(prefix):
            return phase
    return Phase.KONTEXT


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS"})


def indicator_code(label: str, unit: str | None = None) -> str:
    """A stable, readable code from a measure label: ``"Schüler/-innen (Anzahl)"`` → ``SCHUELER_INNEN``.

    The same label gives the same code in every file, so the same measure from two tables is one indicator.
    ``unit`` is appended only when given (the service does so to keep two units of one label apart).
    """
    text = unicodedata.normalize("NFKD", label.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    code = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper()[:60] or "MERKMAL"
    if unit:
        code = f"{code}_{indicator_code(unit)}"[:80]
    return code


def genesis_batch(table: GenesisTable, *, format: str = "genesis") -> Batch:
    """Observation rows of a parsed GENESIS table, with its metadata as provenance."""
    cells = table.cells
    uniques = pd.unique(cells["dimensions"])
    canonical = {text: dims.encode(dimensions_of(text)) for text in uniques}
    flags = cells["flag"].astype(object)
    rows = pd.DataFrame({
        "region_key": cells["region_key"].astype(object),
        "region_name": cells["region_name"].astype(object),
        "indicator": cells["measure"].astype(object),
        "indicator_code": None,
        "unit": cells["unit"].astype(object).where(cells["unit"].notna(), None),
        "period": cells["period"].astype(object),
        "period_iso": cells["period_iso"].astype(object),
        "dimensions": cells["dimensions"].map(canonical).astype(object),
        "value": cells["value"].astype("float64"),
        "flag": flags.where(flags.notna(), None),
        "source_row": cells["source_row"].astype("int64"),
    }, columns=list(OBSERVATION_COLUMNS))
    missing_period = rows["period_iso"].isna()
    if missing_period.any():
        first = int(rows.loc[missing_period, "source_row"].iloc[0])
        raise UserInputError(f"Zeile {first}: Die GENESIS-Tabelle nennt für diese Werte keinen Zeitpunkt.")
    return Batch(
        target="observations", format=format, rows=rows, rows_read=int(cells["source_row"].nunique()),
        table_code=table.table_code, title=table.title, stand=table.stand or None,
        source=table.licence or None, footnotes=list(table.footnotes),
        meta={"regional_depth": table.regional_depth, "statistic": table.statistic, "encoding": table.encoding,
              "unit_line": table.unit_line, "phase": guess_phase(table.table_code).value,
              "dimensions": table.dimension_names},
        warnings=list(table.warnings),
    )


def read_batch(path: Path, sniffed: Sniffed, *, template: ImportTemplate | None = None,
               sheet: str | None = None, progress: Progress | None = None) -> Batch:
    """Read ``path`` (already sniffed) into a batch; generic tables need ``template``."""
    progress = progress or NullProgress()
    if sniffed.kind == "genesis":
        progress.report(0.05, "GENESIS-Tabelle wird gelesen …")
        return genesis_batch(parse_genesis_table(path.read_bytes(), path.name))
    if sniffed.kind == "ffcsv":
        from bildungsplaner.importing.ffcsv import parse_ffcsv

        progress.report(0.05, "GENESIS-Flatfile wird gelesen …")
        batch = parse_ffcsv(path.read_bytes(), path.name)
        batch.meta.setdefault("phase", guess_phase(batch.table_code).value)
        return batch
    if template is None:
        raise UserInputError(
            f"{path.name} ist eine allgemeine Tabelle ({sniffed.kind}); dafür braucht der Import eine "
            "Importvorlage, die sagt, welche Spalte was enthält (--template VORLAGE.toml oder der "
            "Import-Assistent).")
    from bildungsplaner.importing.tables import read_table

    progress.report(0.05, f"Tabelle wird gelesen ({sniffed.kind}) …")
    hints = template.read
    # the format is known already (sniffing an xlsx reads all its sheets' XML); progress lets Cancel stop the
    # reader in its child process
    table = read_table(path, sheet=sheet or hints.sheet, header_rows=hints.header_rows,
                       skip_rows=hints.skip_rows, kind=sniffed.kind, progress=progress,
                       footer_rows=hints.footer_rows, stop_at=hints.stop_at, key_columns=template.key_columns())
    progress.report(0.35, "Spalten werden zugeordnet …")
    batch = template.apply(table.frame, format=table.format, first_data_row=table.first_data_row)
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
