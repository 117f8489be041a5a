"""What every reader hands to the import service: plain rows in one of three shapes, plus provenance.

Readers (GENESIS table, GENESIS flat file, generic tables through a template) never touch the database;
the service (:mod:`bildungsplaner.services.importing`) matches regions, creates indicators and writes one
transaction. Keeping the shapes here, in one place, is what lets a new reader be added without touching
the service.

Frames (pandas, one row per item, columns exactly as listed):

* :data:`OBSERVATION_COLUMNS` — ``region_key`` (text or ``None`` when the source only names the region),
  ``region_name``, ``indicator`` (the measure's label as the source writes it, e.g. ``Bevölkerungsstand``),
  ``indicator_code`` (``None``: the service derives one from the label), ``unit``, ``period`` (as given:
  ``31.12.2015``, ``2015``, ``2024/25``), ``period_iso`` (``2015-12-31`` for dates, else the period),
  ``dimensions`` (canonical text of :func:`bildungsplaner.store.dimensions.encode`), ``value`` (float, NaN
  when missing), ``flag`` (symbol or quality suffix, ``None``), ``source_row`` (1-based line/row in the file).
* :data:`FACILITY_COLUMNS` — ``key``, ``name``, ``kind``, ``phase`` (a :class:`~bildungsplaner.store.models.Phase`
  value), ``region_key``/``region_name`` (either may be ``None``), ``address``, ``offering``
  (``analog``/``digital``/``both``), ``attributes`` (dict name → float), ``source_row``; optionally ``x`` and
  ``y`` (float, NaN where missing) in the CRS ``meta["crs"]`` names (:data:`FACILITY_COORDINATES`).
* :data:`REGION_COLUMNS` — ``key``, ``name``, ``level`` (a :class:`~bildungsplaner.store.models.RegionLevel`
  value), ``parent_key`` (``None`` = derive from the key or no parent), ``source_row``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = ["FACILITY_COLUMNS", "FACILITY_COORDINATES", "OBSERVATION_COLUMNS", "REGION_COLUMNS", "Batch", "Target",
           "column_codes", "empty_frame"]

OBSERVATION_COLUMNS = ("region_key", "region_name", "indicator", "indicator_code", "unit", "period",
                       "period_iso", "dimensions", "value", "flag", "source_row")
FACILITY_COLUMNS = ("key", "name", "kind", "phase", "region_key", "region_name", "address", "offering",
                    "attributes", "source_row")
REGION_COLUMNS = ("key", "name", "level", "parent_key", "source_row")
#: Optional last columns of a facility batch: coordinates as the file gives them.
FACILITY_COORDINATES = ("x", "y")

Target = Literal["observations", "facilities", "regions"]
COLUMNS: dict[str, tuple[str, ...]] = {
    "observations": OBSERVATION_COLUMNS, "facilities": FACILITY_COLUMNS, "regions": REGION_COLUMNS,
}


def column_codes(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, uniques)`` of a text column: ``uniques[codes[i]]`` is row ``i``'s value, ``-1`` where missing."""
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object), use_na_sentinel=True)
    return codes, np.asarray(uniques, dtype=object)


def empty_frame(target: Target) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="float64" if c == "value" else "object") for c in COLUMNS[target]})


@dataclass
class Batch:
    """The content of one file, read and mapped, ready for region matching and the database."""

    target: Target
    #: ``genesis``, ``genesis-ffcsv``, ``csv``, ``xlsx``, ``xlsm``, ``xls``, ``ods``.
    format: str
    rows: pd.DataFrame
    rows_read: int = 0
    table_code: str | None = None
    title: str | None = None
    stand: str | None = None
    #: Source and licence line, e.g. "© Statistische Ämter des Bundes und der Länder, Deutschland, 2017".
    source: str | None = None
    footnotes: list[str] = field(default_factory=list)
    #: Anything else worth keeping with the dataset (regional depth, sheet name, template name, ...).
    meta: dict[str, Any] = field(default_factory=dict)
    #: Reader warnings (in the interface's language, with row numbers where they apply).
    warnings: list[str] = field(default_factory=list)
    #: ``(codes, uniques)`` of text columns as the reader already knows them (see :meth:`codes`).
    coded: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        expected = COLUMNS[self.target]
        if self.target == "facilities" and tuple(self.rows.columns[-2:]) == FACILITY_COORDINATES:
            expected = (*expected, *FACILITY_COORDINATES)
        if tuple(self.rows.columns) != expected:
            raise ValueError(f"{self.target}: columns {list(self.rows.columns)} != {list(expected)}")
        for column, (codes, _uniques) in self.coded.items():
            if len(codes) != len(self.rows):
                raise ValueError(f"{column}: {len(codes)} codes for {len(self.rows)} rows")

    def keep(self, mask: np.ndarray) -> Batch:
        """A batch with only the rows where ``mask`` is true (codes already known are kept, subset)."""
        rows = self.rows[mask].reset_index(drop=True)
        coded = {column: (codes[mask], uniques) for column, (codes, uniques) in self.coded.items()}
        return Batch(self.target, self.format, rows, self.rows_read, self.table_code, self.title, self.stand,
                     self.source, list(self.footnotes), dict(self.meta), list(self.warnings), coded)

    def codes(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """``(codes, uniques)`` of a text column of :attr:`rows` (see :func:`column_codes`), computed once.

        Readers that built a column from distinct values pass them in :attr:`coded`, which saves hashing a
        million strings again per column; ``rows`` must not change after the batch is made.
        """
        if column not in self.coded:
            self.coded[column] = column_codes(self.rows, column)
        return self.coded[column]
