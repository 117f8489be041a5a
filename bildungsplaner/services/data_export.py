"""Export the workspace's data as tidy CSV (one row per observation or facility) for other tools.

UTF-8 with BOM and ``;`` so that German Excel opens the file by double-click, ``\\r\\n`` line ends, values
with a decimal point (machine-readable; empty when missing), periods as stored (ISO date where the source
gives a date), dimensions in their canonical ``name=value|name=value`` text. Computed Kennzahlen are included
(indicator = their code) with the dataset column empty: they are no import. Written to a temporary file
and moved into place, so an existing file is replaced whole or not at all.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.exporting.safety import atomic_target, csv_text
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import KENNZAHL_FORMAT, Dataset, Facility, Indicator, Observation, Region

__all__ = ["OBSERVATION_HEADER", "export_facilities_csv", "export_observations_csv", "format_value", "write_csv"]

OBSERVATION_HEADER = ("dataset", "region_key", "region_name", "indicator", "unit", "period", "dimensions",
                      "value", "flag")
FACILITY_HEADER = ("key", "name", "kind", "phase", "region_key", "region_name", "address", "offering")


def format_value(value: float | None) -> str:
    """``47803.0`` → ``47803``, ``-14.6`` → ``-14.6``, ``None``/NaN → empty (decimal point, no grouping)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def write_csv(out: Path, header: Iterable[str], rows: Iterable[Iterable[Any]], text_columns: set[int]) -> int:
    """A CSV German Excel opens by double-click (UTF-8 with BOM, ``;``), written through a temporary file.

    The header and the cells of ``text_columns`` never become formulas in Excel (headers may carry names from
    imported files, e.g. facility attributes). Returns the number of rows.
    """
    count = 0
    with atomic_target(Path(out)) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow([csv_text(label) for label in header])
        for row in rows:
            writer.writerow([csv_text(cell) if i in text_columns and cell else cell for i, cell in enumerate(row)])
            count += 1
    return count


def export_observations_csv(ws: Workspace, out: Path, *, dataset: int | None = None, indicator: str | None = None,
                            include_superseded: bool = False, progress: Progress | None = None) -> int:
    """Write observations (current datasets; one dataset or indicator if given) to ``out``; returns the count."""
    progress = progress or NullProgress()
    with ws.session() as s:
        if dataset is not None and s.get(Dataset, dataset) is None:
            raise UserInputError(tr("Datensatz {dataset} gibt es im Arbeitsbereich nicht.", dataset=dataset))
        if indicator is not None and s.scalar(select(Indicator.id).where(Indicator.code == indicator)) is None:
            raise UserInputError(tr("Indikator {indicator} gibt es im Arbeitsbereich nicht.", indicator=indicator))
    stmt = (select(Observation.dataset_id, Region.key, Region.name, Indicator.code, Indicator.unit,
                   Observation.period, Observation.dimensions, Observation.value, Observation.flag)
            .join(Region, Region.id == Observation.region_id)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .join(Dataset, Dataset.id == Observation.dataset_id)
            .order_by(Observation.dataset_id, Indicator.code, Region.key, Observation.period,
                      Observation.dimensions))
    if dataset is not None:
        stmt = stmt.where(Observation.dataset_id == dataset)
    elif not include_superseded:
        stmt = stmt.where(Dataset.superseded_by_id.is_(None))
    if indicator is not None:
        stmt = stmt.where(Indicator.code == indicator)

    def rows() -> Iterator[tuple[Any, ...]]:
        with ws.engine.connect() as conn:
            # computed Kennzahlen (services/indicators.py): their values, with the dataset column empty
            computed = set(conn.scalars(select(Dataset.id).where(Dataset.format == KENNZAHL_FORMAT)))
            result = conn.execution_options(yield_per=20_000).execute(stmt)
            for i, (ds, key, name, code, unit, period, dimensions, value, flag) in enumerate(result):
                if i % 20_000 == 0:
                    progress.report(0.0, tr("{count} Werte geschrieben …", count=format_number(i)))
                    progress.check()
                yield ("" if ds in computed else ds), key, name, code, unit, period, dimensions, \
                    format_value(value), flag or ""

    # every text column, the indicator code too: a code is stored as the source file gives it
    return write_csv(out, OBSERVATION_HEADER, rows(), text_columns={1, 2, 3, 4, 5, 6})


def export_facilities_csv(ws: Workspace, out: Path, *, progress: Progress | None = None) -> int:
    """Write all facilities to ``out``: fixed columns, then one column per numeric attribute (sorted)."""
    progress = progress or NullProgress()
    with ws.session() as s:
        # sorted here by code point, as SQLite compares: a server's collation (de-DE) would order the kinds
        # otherwise, and the file must be the same from a file and from a server workspace
        facilities = sorted(s.execute(select(Facility, Region.key, Region.name)
                                      .outerjoin(Region, Region.id == Facility.region_id)).all(),
                            key=lambda row: (row[0].kind, row[0].key))
    names = sorted({name for f, _, _ in facilities for name in (f.attributes or {})})
    rows = [
        (f.key, f.name, f.kind, f.phase, key or "", region_name or "", f.address, f.offering,
         *(format_value(v) if isinstance(v, int | float) else (v or "")
           for v in ((f.attributes or {}).get(n) for n in names)))
        for f, key, region_name in facilities
    ]
    progress.report(0.5, tr("{count} Einrichtungen werden geschrieben …", count=format_number(len(rows))))
    return write_csv(out, (*FACILITY_HEADER, *names), rows, text_columns={0, 1, 2, 4, 5, 6})
