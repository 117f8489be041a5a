"""Read-only queries for browsing a workspace: regions, indicators, facilities, observations.

Qt-free and shared by the window, the command line and tests. Everything returns plain data (dataclasses,
pandas DataFrames). Observations are read with SQLAlchemy Core selects and the driver's cursor, column by
column, never as ORM objects: one million rows load in about two seconds.

numpy and pandas are imported inside the functions that build DataFrames, not at module level: the window imports this
module for its lists before it is shown, and they (~80 and ~200 ms) would otherwise be on the start path
(``tests/test_startup_imports.py``); the first load of observations imports them on the worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import func, literal, select

from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.dimensions import decode
from bildungsplaner.store.models import KENNZAHL_FORMAT, Dataset, Facility, Indicator, Observation, Region

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "OBSERVATION_COLUMNS",
    "FacilityRow",
    "IndicatorRow",
    "Overview",
    "RegionIndex",
    "RegionRow",
    "by_natural_name",
    "dimension_columns",
    "empty_observations",
    "flatten_attributes",
    "list_facilities",
    "list_indicators",
    "list_regions",
    "load_observations",
    "load_overview",
    "natural_key",
    "release_free_memory",
]

#: Columns of the DataFrame returned by :func:`load_observations`, in order.
OBSERVATION_COLUMNS = ("region_id", "region_key", "region_name", "period", "dimensions", "value", "flag")

#: Rows fetched per round trip; progress is reported and cancellation checked between chunks.
FETCH_CHUNK = 100_000
#: Bound parameters per ``IN (…)`` list (SQLite's historic limit is 999).
IN_CHUNK = 500


@dataclass(frozen=True)
class RegionRow:
    id: int
    key: str
    name: str
    level: str
    parent_id: int | None


@dataclass(frozen=True)
class IndicatorRow:
    id: int
    code: str
    name: str
    unit: str
    description: str
    phase: str
    #: Observations of current (not superseded) datasets.
    observations: int


@dataclass(frozen=True)
class FacilityRow:
    id: int
    key: str
    name: str
    kind: str
    phase: str
    offering: str
    address: str
    region_id: int | None
    region_key: str
    region_name: str
    #: The JSON attributes, nested objects flattened to dotted names (``{"plaetze.u3": 10}``).
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Overview:
    """What the window shows in its side panels after opening a workspace."""

    regions: list[RegionRow]
    indicators: list[IndicatorRow]
    facilities: list[FacilityRow]


class RegionIndex:
    """Parent/child lookups over region rows (no database access)."""

    def __init__(self, rows: Sequence[RegionRow]) -> None:
        self.rows = list(rows)
        self.by_id = {r.id: r for r in self.rows}
        self.children: dict[int | None, list[RegionRow]] = {}
        for row in self.rows:
            parent = row.parent_id if row.parent_id in self.by_id else None
            self.children.setdefault(parent, []).append(row)
        for kids in self.children.values():
            kids.sort(key=lambda r: natural_key(r.key))

    @property
    def roots(self) -> list[RegionRow]:
        return self.children.get(None, [])

    def descendants(self, region_id: int) -> list[int]:
        """All ids below ``region_id`` (not including it), depth first."""
        result: list[int] = []
        seen = {region_id}
        stack = list(reversed(self.children.get(region_id, [])))
        while stack:
            row = stack.pop()
            if row.id in seen:  # guards against cycles in damaged data
                continue
            seen.add(row.id)
            result.append(row.id)
            stack.extend(reversed(self.children.get(row.id, [])))
        return result

    def expand(self, region_ids: Iterable[int], *, include_descendants: bool) -> list[int]:
        """The given ids (order kept, duplicates dropped), optionally with all their descendants."""
        result: dict[int, None] = {}
        for rid in region_ids:
            result[rid] = None
            if include_descendants:
                result.update(dict.fromkeys(self.descendants(rid)))
        return list(result)


_NATURAL = re.compile(r"(\d+)")
T = TypeVar("T")


def natural_key(text: str) -> tuple[Any, ...]:
    """Sort key that orders embedded numbers numerically ("Alter=2" before "Alter=10")."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in _NATURAL.split(text) if part != "")


def by_natural_name(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` in the natural order of their names (ties by code point), sorted here, so that a file and a
    server workspace list them alike (a server's collation, e.g. de-DE, orders „bericht a“ and „Bericht B“ or
    „bezirke“ and „Gemeinden“ otherwise than SQLite)."""
    return sorted(items, key=lambda item: (natural_key(name(item)), name(item)))


def list_regions(ws: Workspace) -> list[RegionRow]:
    stmt = select(Region.id, Region.key, Region.name, Region.level, Region.parent_id).order_by(Region.key)
    with ws.engine.connect() as conn:
        return [RegionRow(*row) for row in conn.execute(stmt)]


def _superseded_dataset_ids(conn: Any) -> list[int]:
    return list(conn.scalars(select(Dataset.id).where(Dataset.superseded_by_id.is_not(None))))


def list_indicators(ws: Workspace) -> list[IndicatorRow]:
    """All indicators (ordered by name) with the number of current observations."""
    with ws.engine.connect() as conn:
        superseded = _superseded_dataset_ids(conn)
        count_stmt = select(Observation.indicator_id, func.count()).group_by(Observation.indicator_id)
        if superseded:
            count_stmt = count_stmt.where(Observation.dataset_id.not_in(superseded))
        counts = dict(conn.execute(count_stmt).all())
        stmt = select(Indicator.id, Indicator.code, Indicator.name, Indicator.unit, Indicator.description,
                      Indicator.phase)
        # sorted here by code point, as SQLite compares: a server's collation (de-DE) puts „allgemeiner“ before
        # „Mittlerem“, SQLite after it; the list must read the same on a file and on the server
        rows = sorted(conn.execute(stmt), key=lambda row: (row[2], row[1]))
        return [IndicatorRow(*row, observations=int(counts.get(row[0], 0))) for row in rows]


def flatten_attributes(attributes: Mapping[str, Any] | None, prefix: str = "") -> dict[str, Any]:
    """Nested JSON objects to dotted names; lists become comma-separated text."""
    result: dict[str, Any] = {}
    for key, value in (attributes or {}).items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            result.update(flatten_attributes(value, f"{name}."))
        elif isinstance(value, list | tuple):
            result[name] = ", ".join(str(v) for v in value)
        else:
            result[name] = value
    return result


def list_facilities(ws: Workspace, kind: str | None = None) -> list[FacilityRow]:
    """Facilities ordered by kind and name, optionally of one kind only."""
    stmt = (
        select(Facility.id, Facility.key, Facility.name, Facility.kind, Facility.phase, Facility.offering,
               Facility.address, Facility.region_id, Region.key, Region.name, Facility.attributes)
        .outerjoin(Region, Facility.region_id == Region.id)
    )
    if kind is not None:
        stmt = stmt.where(Facility.kind == kind)
    with ws.engine.connect() as conn:
        # sorted here by code point, as SQLite compares, not by a server's collation (de-DE ignores case and
        # punctuation first): the same list on a file and on the server
        rows = sorted(conn.execute(stmt), key=lambda r: (r[3], r[2], r[1]))
        return [
            FacilityRow(id=fid, key=key, name=name, kind=fkind, phase=phase, offering=offering,
                        address=address or "", region_id=region_id, region_key=region_key or "",
                        region_name=region_name or "", attributes=flatten_attributes(attributes))
            for (fid, key, name, fkind, phase, offering, address, region_id, region_key, region_name,
                 attributes) in rows
        ]


@dataclass(frozen=True)
class DatasetRow:
    """One import with its provenance and what it brought (the import history of the workspace).

    ``observations`` and ``facilities`` count what the import wrote (a superseded import keeps its values
    as history, so its count stays).
    """

    id: int
    file_name: str
    format: str
    table_code: str | None
    title: str | None
    stand: str | None
    source: str | None
    footnotes: str | None
    #: In UTC.
    imported_at: datetime
    imported_by: str
    #: Rows (lines) read from the file.
    row_count: int
    #: The newer import of the same table that replaced this one's values (they are kept as history).
    superseded_by: int | None
    observations: int
    facilities: int
    #: What the check before the import said (totals that do not add up, repaired keys, …), as stored.
    warnings: tuple[str, ...] = ()


def list_datasets(ws: Workspace) -> list[DatasetRow]:
    """Every import, newest first, with the number of observations and facilities it brought.

    The datasets of computed Kennzahlen are not imports and are left out (they follow their inputs and are
    managed with ``indicator …``).

    Imports store those numbers with the dataset; only for datasets without them (workspaces from before)
    are the observations counted, which reads the observation table once (about 0.2 s per million).
    """
    with ws.engine.connect() as conn:
        stmt = select(Dataset.id, Dataset.file_name, Dataset.format, Dataset.table_code, Dataset.title,
                      Dataset.stand, Dataset.source, Dataset.footnotes, Dataset.imported_at, Dataset.imported_by,
                      Dataset.row_count, Dataset.superseded_by_id, Dataset.meta
                      ).where(Dataset.format != KENNZAHL_FORMAT).order_by(Dataset.id.desc())
        found = conn.execute(stmt).all()
        counted = [row for row in found if not isinstance((row.meta or {}).get("observations"), int)]
        observations: dict[int, int] = {}
        facilities: dict[int, int] = {}
        if counted:
            observations = {dataset: count for dataset, count in conn.execute(
                select(Observation.dataset_id, func.count()).group_by(Observation.dataset_id)) if dataset is not None}
            facilities = {dataset: count for dataset, count in conn.execute(
                select(Facility.dataset_id, func.count()).group_by(Facility.dataset_id)) if dataset is not None}
    rows = []
    for row in found:
        meta = row.meta or {}
        stored = isinstance(meta.get("observations"), int)
        imported_at = row.imported_at
        if imported_at.tzinfo is None:
            imported_at = imported_at.replace(tzinfo=UTC)  # stored in UTC; SQLite hands it back without zone
        checked = meta.get("warnings")
        rows.append(DatasetRow(
            row.id, row.file_name, row.format, row.table_code, row.title, row.stand, row.source, row.footnotes,
            imported_at, row.imported_by, row.row_count, row.superseded_by_id,
            observations=int(meta["observations"]) if stored else int(observations.get(row.id, 0)),
            facilities=int(meta.get("facilities") or 0) if stored else int(facilities.get(row.id, 0)),
            warnings=tuple(str(w) for w in checked) if isinstance(checked, list) else ()))
    return rows


def load_overview(ws: Workspace) -> Overview:
    return Overview(list_regions(ws), list_indicators(ws), list_facilities(ws))


def empty_observations() -> pd.DataFrame:
    import numpy as np
    import pandas as pd  # lazily: see the module's docstring

    return pd.DataFrame({
        "region_id": np.array([], dtype=np.int64),
        "region_key": pd.Categorical([]),
        "region_name": pd.Categorical([]),
        "period": pd.Categorical([]),
        "dimensions": pd.Categorical([]),
        "value": np.array([], dtype=np.float64),
        "flag": pd.Categorical([]),
    })


class _TextCodes:
    """Incremental ``pd.factorize`` of one text column, chunk by chunk, into codes shared by all chunks.

    Each fetched chunk's texts (tuples of str/None straight from the cursor) become an int32 code array at
    once, so the driver's per-row strings live only as long as their chunk; the million-row object array of
    the former version kept ~450 MiB of freed heap resident after the load. ``None`` is code -1.
    """

    def __init__(self) -> None:
        self.index: dict[Any, int] = {}  # text → code in order of first appearance
        self.parts: list[np.ndarray] = []

    def add(self, texts: Sequence[Any]) -> None:
        import numpy as np
        import pandas as pd

        codes, uniques = pd.factorize(np.array(texts, dtype=object), use_na_sentinel=True)
        index = self.index
        # chunk code → shared code; the extra last slot maps the NA sentinel (-1) to -1
        remap = np.array([index.setdefault(u, len(index)) for u in uniques.tolist()] + [-1], dtype=np.int32)
        self.parts.append(remap[codes])

    def codes(self) -> np.ndarray:
        """The codes of all chunks (int32, -1 for ``None``), in the order fetched."""
        import numpy as np

        codes = np.concatenate(self.parts) if len(self.parts) != 1 else self.parts[0]
        self.parts = []
        return codes

    def categorical(self) -> pd.Categorical:
        """All chunks as one categorical with naturally sorted categories (codes int8/int16 as pandas picks)."""
        return _natural_categorical(self.codes(), [str(u) for u in self.index])


def _natural_categorical(codes: np.ndarray, labels: list[str]) -> pd.Categorical:
    """Codes into ``labels`` (-1: missing) as a categorical whose categories are in natural order."""
    import numpy as np
    import pandas as pd

    if not labels:
        return pd.Categorical.from_codes(codes, categories=pd.Index([], dtype=object))
    order = sorted(range(len(labels)), key=lambda i: natural_key(labels[i]))
    remap = np.empty(len(labels) + 1, dtype=np.int32)
    remap[np.asarray(order, dtype=np.int64)] = np.arange(len(labels), dtype=np.int32)
    remap[-1] = -1  # NA (-1) indexes the last slot
    return pd.Categorical.from_codes(remap[codes], categories=[labels[i] for i in order])


class _Ambiguous(Exception):
    """A combined text of period, dimensions and flag that does not split unambiguously (see _split_keys)."""


#: Separators of the combined text ``period SEP dimensions SEP [FLAG_MARK flag]`` (ASCII unit separator and
#: record separator; the flag part is empty for NULL).
SEP, FLAG_MARK = "\x1f", "\x1e"


def _split_keys(keys: _TextCodes) -> tuple[pd.Categorical, pd.Categorical, pd.Categorical]:
    """The period, dimensions and flag categoricals from the codes of the combined texts.

    Only the distinct combined texts (periods × dimensions × flags that occur: thousands, not a million) are
    split in Python; the rows get their three codes by indexing small arrays. A text with other than exactly
    two separators (a period, dimension or flag that contains one) or a NULL raises :class:`_Ambiguous`.
    """
    import numpy as np

    codes = keys.codes()
    if len(codes) and int(codes.min()) < 0:
        raise _Ambiguous()
    indexes: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
    of = np.empty((3, len(keys.index)), dtype=np.int32)
    for i, text in enumerate(keys.index):
        parts = text.split(SEP)
        if len(parts) != 3 or (parts[2] and parts[2][0] != FLAG_MARK):
            raise _Ambiguous()
        period, dimensions, flag = parts
        of[0, i] = indexes[0].setdefault(period, len(indexes[0]))
        of[1, i] = indexes[1].setdefault(dimensions, len(indexes[1]))
        of[2, i] = indexes[2].setdefault(flag[1:], len(indexes[2])) if flag else -1
    return (_natural_categorical(of[0][codes], list(indexes[0])),
            _natural_categorical(of[1][codes], list(indexes[1])),
            _natural_categorical(of[2][codes], list(indexes[2])))


def _natural_order(region: np.ndarray, period: np.ndarray, dimensions: np.ndarray) -> np.ndarray:
    """Row order by region, period and dimensions codes (each already in natural order; stable, -1 first).

    The same as ``np.lexsort((dimensions, period, region))``, but where the codes fit into 16 bits as two
    stable argsorts of 16-bit keys, which numpy does by radix sort in linear time: ~40 instead of ~110 ms
    for a million rows.
    """
    import numpy as np

    n_periods = int(period.max()) + 2 if len(period) else 1  # codes from -1
    groups = (int(region.max()) + 1) * n_periods if len(region) else 0
    small = len(dimensions) == 0 or (int(dimensions.min()) >= -(2 ** 15) and int(dimensions.max()) < 2 ** 15)
    if groups >= 2 ** 16 or not small:
        return np.lexsort((dimensions, period, region))
    by_dimensions = np.argsort(dimensions.astype(np.int16), kind="stable")
    group = (region.astype(np.int64) * n_periods + (period.astype(np.int64) + 1))[by_dimensions]
    return by_dimensions[np.argsort(group.astype(np.uint16), kind="stable")]


def release_free_memory() -> bool:
    """Hand memory that was freed back to the system (glibc's ``malloc_trim``); ``True`` when it could.

    After a large load the C heap keeps what the fetch's temporary rows and arrays used: freed, but resident
    until reused (about 70 MiB after a million rows). Only on Linux with glibc; elsewhere (macOS, Windows,
    musl) nothing happens. Costs a few milliseconds, so it is called once per load, not per chunk.
    """
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        trim = ctypes.CDLL(None).malloc_trim  # the process's own C library
    except (OSError, AttributeError):  # not glibc
        return False
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    trim(0)
    return True


def load_observations(
    ws: Workspace,
    indicator_id: int,
    region_ids: Sequence[int],
    *,
    periods: Sequence[str] | None = None,
    include_superseded: bool = False,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Observations of one indicator in the given regions as a DataFrame (see :data:`OBSERVATION_COLUMNS`).

    ``region_key``, ``region_name``, ``period``, ``dimensions`` and ``flag`` are categoricals (few distinct
    values, fast to filter and sort); ``value`` is float64 with NaN where the source has a symbol. Rows are
    ordered by region key, period and dimensions (numbers inside texts compare numerically). Observations
    of superseded datasets are left out unless ``include_superseded``. Cancellable between chunks.
    """
    progress = progress or NullProgress()
    region_ids = list(dict.fromkeys(int(r) for r in region_ids))
    if not region_ids:
        return empty_observations()
    try:
        return _load(ws, indicator_id, region_ids, periods, include_superseded, progress, combined=True)
    except _Ambiguous:  # a separator inside a period or flag (never seen in real data): three columns then
        return _load(ws, indicator_id, region_ids, periods, include_superseded, progress, combined=False)


def _load(ws: Workspace, indicator_id: int, region_ids: list[int], periods: Sequence[str] | None,
          include_superseded: bool, progress: Progress, *, combined: bool) -> pd.DataFrame:
    """:func:`load_observations`; ``combined``: period, dimensions and flag fetched as one text per row.

    One text instead of three saves the driver two string objects per row and this function two column
    extractions and two factorizations per chunk (~10 % of a million-row load); the distinct texts are split
    afterwards (:func:`_split_keys`).
    """
    import numpy as np
    import pandas as pd  # lazily: see the module's docstring

    progress.report(0.0, tr("Werte werden gezählt …"))
    progress.check()
    region_parts: list[np.ndarray] = []
    value_parts: list[np.ndarray] = []
    period, dimensions, flag = _TextCodes(), _TextCodes(), _TextCodes()
    keys = _TextCodes()  # the combined texts
    key_text = (Observation.period + literal(SEP) + Observation.dimensions + literal(SEP)
                + func.coalesce(literal(FLAG_MARK) + Observation.flag, literal("")))
    with ws.engine.connect() as conn:
        superseded = [] if include_superseded else _superseded_dataset_ids(conn)
        region_stmt = select(Region.id, Region.key, Region.name, Region.level, Region.parent_id)
        if len(region_ids) <= IN_CHUNK:
            region_stmt = region_stmt.where(Region.id.in_(region_ids))
        wanted = set(region_ids)
        regions = [RegionRow(*r) for r in conn.execute(region_stmt) if r[0] in wanted]

        def where(stmt: Any, ids: list[int]) -> Any:
            stmt = stmt.where(Observation.indicator_id == indicator_id, Observation.region_id.in_(ids))
            if superseded:
                stmt = stmt.where(Observation.dataset_id.not_in(superseded))
            if periods is not None:
                stmt = stmt.where(Observation.period.in_(list(periods)))
            return stmt

        id_chunks = [region_ids[i:i + IN_CHUNK] for i in range(0, len(region_ids), IN_CHUNK)]
        total = sum(int(conn.scalar(where(select(func.count()).select_from(Observation), ids)) or 0)
                    for ids in id_chunks)
        done = 0
        for ids in id_chunks:
            # Only ids and the row's own short texts are fetched: region keys and names come from the small
            # region list above (no join, no name string per row).
            stmt = where(select(Observation.region_id, key_text, Observation.value) if combined else
                         select(Observation.region_id, Observation.period, Observation.dimensions,
                                Observation.value, Observation.flag), ids)
            result = conn.execute(stmt)
            try:
                # The DBAPI cursor's plain tuples: no per-row Row objects, types are already right here.
                cursor = result.cursor
                while True:
                    progress.check()
                    rows = cursor.fetchmany(FETCH_CHUNK)
                    if not rows:
                        break
                    # Columns of this chunk straight into numbers and codes (see _TextCodes); the chunk's
                    # tuples are dropped before the next fetch, so the heap stays at one chunk's size.
                    # ``map(itemgetter)`` per column is a C loop (zip(*rows) or an object array cost 2-3×).
                    n = len(rows)
                    region_parts.append(np.fromiter(map(itemgetter(0), rows), dtype=np.int64, count=n))
                    if combined:
                        keys.add(list(map(itemgetter(1), rows)))
                        value_parts.append(np.array(list(map(itemgetter(2), rows)), dtype=np.float64))
                    else:
                        period.add(list(map(itemgetter(1), rows)))
                        dimensions.add(list(map(itemgetter(2), rows)))
                        value_parts.append(np.array(list(map(itemgetter(3), rows)), dtype=np.float64))  # None→NaN
                        flag.add(list(map(itemgetter(4), rows)))
                    done += n
                    del rows
                    progress.report(0.05 + 0.85 * done / max(total, 1),
                                    tr("{done} von {total} Werten gelesen …", done=format_number(done),
                                       total=format_number(total)))
            finally:
                result.close()
        if conn.dialect.name == "sqlite":
            # The store gives each connection a 64 MiB page cache (fast imports); a million rows read fill
            # it, and the pooled connection would keep those pages resident for the rest of the session.
            # The file stays in the system's cache, so the next load reads it about as fast.
            conn.exec_driver_sql("PRAGMA shrink_memory")
    progress.check()
    if not region_parts:
        return empty_observations()
    progress.report(0.92, tr("Tabelle wird aufgebaut …"))
    region_id = np.concatenate(region_parts) if len(region_parts) > 1 else region_parts[0]
    value = np.concatenate(value_parts) if len(value_parts) > 1 else value_parts[0]
    del region_parts, value_parts
    ordered = sorted(regions, key=lambda r: natural_key(r.key))
    id_order = np.array([r.id for r in ordered], dtype=np.int64)
    sorter = np.argsort(id_order)
    region_pos = sorter[np.searchsorted(id_order, region_id, sorter=sorter)]
    region_key = pd.Categorical.from_codes(region_pos, categories=[r.key for r in ordered])
    name_codes, name_uniques = pd.factorize(np.array([r.name for r in ordered], dtype=object))
    region_name = pd.Categorical.from_codes(name_codes[region_pos], categories=list(name_uniques))
    if combined:
        period_cat, dimensions_cat, flag_cat = _split_keys(keys)
    else:
        period_cat, dimensions_cat, flag_cat = period.categorical(), dimensions.categorical(), flag.categorical()
    order = _natural_order(region_pos, np.asarray(period_cat.codes), np.asarray(dimensions_cat.codes))
    frame = pd.DataFrame({
        "region_id": region_id[order],
        "region_key": region_key[order],
        "region_name": region_name[order],
        "period": period_cat[order],
        "dimensions": dimensions_cat[order],
        "value": value[order],
        "flag": flag_cat[order],
    })
    progress.report(1.0, tr("{count} Werte geladen.", count=format_number(len(frame))))
    return frame


def dimension_columns(dimensions: pd.Series | pd.Categorical) -> dict[str, pd.Categorical]:
    """Split the canonical dimension text into one categorical per dimension name.

    Each distinct text is decoded once (a few hundred at most), then mapped to the rows through the
    categorical codes, so this is cheap for a million rows. Rows without a dimension get NaN.
    """
    import numpy as np
    import pandas as pd

    cat = dimensions.array if isinstance(dimensions, pd.Series) else dimensions
    if not isinstance(cat, pd.Categorical):
        cat = pd.Categorical(np.asarray(cat, dtype=object))
    decoded = [decode(str(text)) for text in cat.categories]
    names = sorted({name for d in decoded for name in d}, key=natural_key)
    codes = np.asarray(cat.codes)
    result: dict[str, pd.Categorical] = {}
    for name in names:
        labels = sorted({d[name] for d in decoded if name in d}, key=natural_key)
        position = {label: i for i, label in enumerate(labels)}
        # Map category index → value index; the extra last slot catches code -1 (missing).
        mapping = np.array([position[d[name]] if name in d else -1 for d in decoded] + [-1],
                           dtype=np.int32)  # int32: a quarter of the million-row temporary of int64
        result[name] = pd.Categorical.from_codes(mapping[codes], categories=labels)
    return result
