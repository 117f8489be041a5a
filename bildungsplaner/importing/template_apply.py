"""Apply an :class:`~bildungsplaner.importing.template.ImportTemplate` to a table: DataFrame in, Batch out.

Column-wise and vectorised (1,000,000 rows × 3 measures in a few seconds): keys through
:func:`~bildungsplaner.importing.columns.parse_key_column`, numbers through
:func:`~bildungsplaner.importing.columns.parse_value_column`, dimensions encoded once per distinct
combination, measure columns melted row by row into observations.

Rules beyond the template's schema:

* Rows in which every column the template uses is empty are skipped (blank lines and separator rows of a
  spreadsheet); the batch says how many.
* An empty measure cell (no number, no symbol) gives no observation; the batch says how many.
* A row that names no region (observations), or whose key, name, kind, period or dimension cell is empty,
  is an error naming the row and the column.
* Facility attributes: a column of numbers (and symbols) gives numbers, any other column text, cell by cell
  as the file shows it (``None`` where empty), never NaN.
* Facility coordinates (``[facilities] x``/``y``): two extra float columns ``x`` and ``y`` of the batch (NaN where
  a cell is empty or a statistical symbol), as written in the template's ``crs`` (``meta["crs"]``); the import
  service transforms them to EPSG:25832 and checks they lie in Germany. Text that is no number is an error
  naming row and column. In a lon/lat column (a geographic ``crs``) without ``read.decimal`` a dot is the
  decimal separator unless the column has commas (``6.958`` is 6.958° and not 6958).
* ``[regions] fixed``: every facility row gets that region key.
* Period cells: numbers become text (``2024.0`` → ``2024``), dates ``yyyy-mm-dd``; ``period_iso`` as in
  GENESIS tables (``31.12.2024`` → ``2024-12-31``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.batch import COLUMNS, Batch
from bildungsplaner.importing.codes import indicator_code
from bildungsplaner.importing.columns import (
    combine_codes,
    first_occurrences,
    key_codes,
    merge_equal,
    parse_value_column,
)
from bildungsplaner.importing.periods import period_iso
from bildungsplaner.importing.template import ImportTemplate, normalize_level, normalize_phase
from bildungsplaner.store import dimensions as dims

__all__ = ["apply_template", "resolve_columns"]


def resolve_columns(frame: pd.DataFrame, wanted: list[str]) -> dict[str, str]:
    """Template column name → frame column; exact, else unique match ignoring case and surrounding blanks.

    Raises :class:`UserInputError` listing the missing columns and the available ones.
    """
    available = [str(c) for c in frame.columns]
    loose: dict[str, list[str]] = {}
    for column in available:
        loose.setdefault(column.strip().casefold(), []).append(column)
    found: dict[str, str] = {}
    missing: list[str] = []
    for name in wanted:
        if name in available:
            found[name] = name
        elif len(candidates := loose.get(name.strip().casefold(), [])) == 1:
            found[name] = candidates[0]
        else:
            missing.append(name)
    if missing:
        listed = ", ".join(tr("„{name}“", name=c) for c in available[:40]) + (" …" if len(available) > 40 else "")
        which = tr("keine Spalte „{column}“", column=missing[0]) if len(missing) == 1 else \
            tr("keine Spalten {columns}", columns=", ".join(tr("„{name}“", name=c) for c in missing))

        raise UserInputError(tr("Die Tabelle hat {which} (vorhanden: {listed}).", which=which, listed=listed)
                             if listed else tr("Die Tabelle hat {which} (vorhanden: keine).", which=which))

    return found


def _obj(values: np.ndarray | list) -> pd.Series:
    """An object column that keeps ``None`` (pandas would infer str dtype and turn ``None`` into NaN)."""
    return pd.Series(np.asarray(values, dtype=object), dtype=object, copy=False)


class _Frame:
    """The table with the template's column names resolved and the row numbers of the file."""

    def __init__(self, template: ImportTemplate, frame: pd.DataFrame, first_data_row: int) -> None:
        self.frame = frame
        self.names = resolve_columns(frame, template.columns())
        self.decimal = template.read.decimal
        self.first_row = first_data_row
        self.rows = first_data_row + np.arange(len(frame), dtype=np.int64)
        self._coded: dict[str, tuple[np.ndarray, np.ndarray]] = {}

    def coded(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        """``(codes, texts)`` of a text column (see :func:`~bildungsplaner.importing.columns.key_codes`)."""
        if column not in self._coded:
            series = self.frame[self.names[column]]
            if pd.api.types.is_datetime64_any_dtype(series.dtype):
                out = series.dt.strftime("%Y-%m-%d").to_numpy(dtype=object)
                out[series.isna().to_numpy()] = None
                series = pd.Series(out, dtype=object)
            self._coded[column] = key_codes(series)  # date cells become yyyy-mm-dd there
        return self._coded[column]

    def texts(self, column: str | None) -> np.ndarray:
        """Text or ``None`` per row (all ``None`` when ``column`` is ``None``)."""
        if column is None:
            return np.full(len(self.frame), None, dtype=object)
        codes, texts = self.coded(column)
        return np.append(texts, np.asarray([None], dtype=object))[codes]

    def missing(self, column: str | None) -> np.ndarray:
        """True where the column's cell is empty (everywhere when ``column`` is ``None``)."""
        if column is None:
            return np.ones(len(self.frame), dtype=bool)
        return self.coded(column)[0] < 0

    def numbers(self, column: str) -> tuple[np.ndarray, np.ndarray]:
        return parse_value_column(self.frame[self.names[column]], decimal=self.decimal, first_row=self.first_row,
                                  column=self.names[column])

    def attribute(self, column: str) -> np.ndarray:
        """A facility attribute per row (object array): numbers as float when every filled cell is a number or a
        statistical symbol, else every cell as text (a Träger, an address, a column mixing „12“ and „k. A.“);
        ``None`` where empty or missing."""
        try:
            values, _flags = self.numbers(column)
        except UserInputError:
            return self.texts(column)
        out = values.astype(object)
        out[np.isnan(values)] = None
        return out

    def require(self, column: str, keep: np.ndarray) -> None:
        empty = keep & self.missing(column)
        if empty.any():
            raise UserInputError(tr("Zeile {row}: Spalte „{column}“ ist leer.",
                                    row=int(self.rows[int(np.argmax(empty))]), column=self.names[column]))


def _dimension_codes(names: list[str], coded: list[tuple[np.ndarray, np.ndarray]], fixed: dict[str, str],
                     rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Canonical dimension texts as ``(codes, texts)`` from the columns' codes, encoded once per combination."""
    if not coded:
        return np.zeros(rows, dtype=np.int64), np.asarray([dims.encode(fixed)], dtype=object)
    combined = combine_codes([(codes, len(texts)) for codes, texts in coded], rows)
    encoded = [dims.encode({**fixed, **{name: str(texts[codes[i]])
                                        for name, (codes, texts) in zip(names, coded, strict=True)}})
               for i in first_occurrences(combined).tolist()]
    return merge_equal(combined, np.asarray(encoded, dtype=object))


def _skipped(blank: np.ndarray, rows: np.ndarray, warnings: list[str]) -> np.ndarray:
    """Keep-mask; a warning for skipped blank rows."""
    if blank.any():
        count = int(blank.sum())
        first = int(rows[int(np.argmax(blank))])
        warnings.append(tr("{count} leere Zeilen wurden übersprungen (z. B. Zeile {row}).", count=format_number(count),
                           row=first) if count > 1 else
                        tr("{count} leere Zeile wurde übersprungen (z. B. Zeile {row}).", count=format_number(count),
                           row=first))
    return ~blank


def _observations(template: ImportTemplate, table: _Frame,
                  warnings: list[str]) -> tuple[pd.DataFrame, dict[str, tuple[np.ndarray, np.ndarray]]]:
    mapping = template.observations
    assert mapping is not None
    region = template.regions
    n = len(table.rows)
    parsed = [table.numbers(m.column) for m in mapping.measures]
    empty_cells = [np.isnan(v) & pd.isna(f) for v, f in parsed]
    no_region = table.missing(region.key) & table.missing(region.name)
    blank = no_region & np.logical_and.reduce(empty_cells)
    for column in [mapping.period, *mapping.dimensions]:
        if column:
            blank &= table.missing(column)
    keep = _skipped(blank, table.rows, warnings)
    no_region &= keep
    if no_region.any():
        row = int(table.rows[int(np.argmax(no_region))])
        columns = [table.names[c] for c in (region.key, region.name) if c] or [""]
        raise UserInputError(tr("Zeile {row}: In „{key}“ oder „{name}“ steht kein Gebiet.", row=row, key=columns[0],
                                name=columns[1]) if len(columns) == 2 else
                             tr("Zeile {row}: In „{column}“ steht kein Gebiet.", row=row, column=columns[0]))

    for column in [mapping.period, *mapping.dimensions]:
        if column:
            table.require(column, keep)

    # all rows kept (the usual case): whole arrays instead of copies through an index
    idx: slice | np.ndarray = slice(None) if keep.all() else np.flatnonzero(keep)
    kept = n if isinstance(idx, slice) else len(idx)
    measures = len(parsed)

    def per_row(codes: np.ndarray) -> np.ndarray:
        return codes if measures == 1 else np.repeat(codes, measures)

    def per_measure(values: list) -> tuple[np.ndarray, np.ndarray]:
        return merge_equal(np.tile(np.arange(measures), kept), np.asarray(values, dtype=object))

    def per_row_coded(column: str | None) -> tuple[np.ndarray, np.ndarray]:
        if column is None:
            return np.full(kept * measures, -1, dtype=np.int64), np.asarray([], dtype=object)
        codes, texts = table.coded(column)
        return per_row(codes[idx]), texts

    if mapping.period:
        period = per_row_coded(mapping.period)
    else:
        period = np.zeros(kept * measures, dtype=np.int64), np.asarray([mapping.fixed_period], dtype=object)
    dimension_codes, dimension_texts = _dimension_codes(
        mapping.dimensions, [(codes[idx], texts) for codes, texts in (table.coded(c) for c in mapping.dimensions)],
        mapping.fixed_dimensions, kept)
    coded = {
        "region_key": per_row_coded(region.key), "region_name": per_row_coded(region.name),
        "indicator": per_measure([m.name or table.names[m.column] for m in mapping.measures]),
        "indicator_code": per_measure([m.indicator for m in mapping.measures]),
        "unit": per_measure([m.unit for m in mapping.measures]), "period": period,
        "period_iso": merge_equal(period[0], np.asarray([period_iso(p) for p in period[1].tolist()], dtype=object)),
        "dimensions": (per_row(dimension_codes), dimension_texts),
    }
    if measures == 1:
        value, flag, present = parsed[0][0][idx], parsed[0][1][idx], ~empty_cells[0][idx]
    else:
        value = np.column_stack([v[idx] for v, _ in parsed]).ravel()
        flag = np.column_stack([f[idx] for _, f in parsed]).ravel()
        present = ~np.column_stack([e[idx] for e in empty_cells]).ravel()
    source_row = per_row(table.rows[idx])
    if not present.all():
        count = int((~present).sum())
        warnings.append(tr("{count} leere Wertzellen wurden nicht übernommen.", count=format_number(count))
                        if count > 1 else
                        tr("{count} leere Wertzelle wurde nicht übernommen.", count=format_number(count)))
        coded = {name: (codes[present], texts) for name, (codes, texts) in coded.items()}
        value, flag, source_row = value[present], flag[present], source_row[present]
    out = pd.DataFrame(index=pd.RangeIndex(len(value)))
    for name in COLUMNS["observations"]:  # column by column: no copy into one consolidated object block
        if name in coded:
            codes, texts = coded[name]
            out[name] = _obj(np.append(texts, np.asarray([None], dtype=object))[codes])
        else:
            out[name] = {"value": value.astype(np.float64, copy=False), "flag": _obj(flag),
                         "source_row": source_row}[name]
    return out, coded


def _facilities(template: ImportTemplate, table: _Frame, warnings: list[str]) -> pd.DataFrame:
    mapping = template.facilities
    assert mapping is not None
    keys, names = table.texts(mapping.key), table.texts(mapping.name)
    kinds = table.texts(mapping.kind)
    phases = table.texts(mapping.phase_column)
    region_keys, region_names = table.texts(template.regions.key), table.texts(template.regions.name)
    parts = [table.texts(c) for c in mapping.address]
    attributes = {name: table.attribute(column) for name, column in mapping.attributes.items()}
    xs, ys = _coordinates(template, table)
    blank = pd.isna(keys) & pd.isna(names) & pd.isna(kinds) & pd.isna(phases)
    blank &= pd.isna(region_keys) & pd.isna(region_names) & np.isnan(xs) & np.isnan(ys)
    for values in [*parts, *attributes.values()]:
        blank &= pd.isna(values)
    keep = _skipped(blank, table.rows, warnings)
    table.require(mapping.key, keep)
    table.require(mapping.name, keep)
    if mapping.kind:
        table.require(mapping.kind, keep)
    else:
        kinds = np.full(len(keep), mapping.fixed_kind, dtype=object)
    if mapping.phase_column:
        table.require(mapping.phase_column, keep)
        for value in pd.unique(phases[keep]).tolist():
            row = int(table.rows[int(np.argmax(keep & (phases == value)))])
            phases[phases == value] = normalize_phase(value, tr("Zeile {row}", row=row))
    else:
        phases = np.full(len(keep), mapping.phase, dtype=object)
    idx = np.flatnonzero(keep)
    if parts:
        address = [", ".join(p for p in row if p) or None
                   for row in zip(*(part[idx].tolist() for part in parts), strict=True)]
    else:
        address = [None] * len(idx)
    names_ = list(attributes)
    columns = [v[idx].tolist() for v in attributes.values()]
    attrs = [dict(zip(names_, row, strict=True)) for row in zip(*columns, strict=True)] if names_ \
        else [{} for _ in range(len(idx))]
    if template.regions.fixed is not None:
        region_keys = np.full(len(keep), template.regions.fixed, dtype=object)
    out = pd.DataFrame({
        "key": _obj(keys[idx]), "name": _obj(names[idx]), "kind": _obj(kinds[idx]), "phase": _obj(phases[idx]),
        "region_key": _obj(region_keys[idx]), "region_name": _obj(region_names[idx]), "address": _obj(address),
        "offering": _obj([mapping.offering] * len(idx)), "attributes": _obj(attrs),
        "source_row": table.rows[idx],
    }, columns=list(COLUMNS["facilities"]))
    if mapping.x is not None:
        out["x"], out["y"] = xs[idx], ys[idx]
    return out


def _coordinates(template: ImportTemplate, table: _Frame) -> tuple[np.ndarray, np.ndarray]:
    """The facilities' x and y as the file writes them (NaN where empty or a symbol; all NaN without columns)."""
    mapping = template.facilities
    assert mapping is not None
    n = len(table.frame)
    if mapping.x is None or mapping.y is None:
        return np.full(n, np.nan), np.full(n, np.nan)
    import pyproj  # on first use

    geographic = pyproj.CRS.from_user_input(mapping.crs).is_geographic
    out = []
    for column in (mapping.x, mapping.y):
        series = table.frame[table.names[column]]
        decimal = table.decimal
        if decimal is None and geographic and not pd.api.types.is_numeric_dtype(series.dtype):
            decimal = "," if series.astype(str).str.contains(",", regex=False).any() else "."
        values, _flags = parse_value_column(series, decimal=decimal, first_row=table.first_row,
                                            column=table.names[column])
        out.append(values)
    return out[0], out[1]


def _regions(template: ImportTemplate, table: _Frame, warnings: list[str]) -> pd.DataFrame:
    mapping = template.regionlist
    assert mapping is not None
    keys, names = table.texts(mapping.key), table.texts(mapping.name)
    levels, parents = table.texts(mapping.level_column), table.texts(mapping.parent)
    keep = _skipped(pd.isna(keys) & pd.isna(names) & pd.isna(levels) & pd.isna(parents), table.rows, warnings)
    table.require(mapping.key, keep)
    table.require(mapping.name, keep)
    if mapping.level_column:
        table.require(mapping.level_column, keep)
        for value in pd.unique(levels[keep]).tolist():
            row = int(table.rows[int(np.argmax(keep & (levels == value)))])
            levels[levels == value] = normalize_level(value, tr("Zeile {row}", row=row))

    else:
        levels = np.full(len(keep), mapping.level, dtype=object)
    idx = np.flatnonzero(keep)
    return pd.DataFrame({"key": _obj(keys[idx]), "name": _obj(names[idx]), "level": _obj(levels[idx]),
                         "parent_key": _obj(parents[idx]), "source_row": table.rows[idx]},
                        columns=list(COLUMNS["regions"]))


def apply_template(template: ImportTemplate, frame: pd.DataFrame, *, format: str, first_data_row: int = 2) -> Batch:
    """Map ``frame`` (one row per table row, columns named as in the file) to a batch as ``template`` says.

    ``first_data_row`` is the file's row number of ``frame``'s first row; ``source_row`` and error
    messages count from it. Rows in which every column the template uses is empty are skipped (with a
    warning). Raises :class:`~bildungsplaner.UserInputError` for missing columns and bad values.
    """
    table = _Frame(template, frame, first_data_row)
    warnings: list[str] = []
    meta: dict[str, object] = {"template": template.name}
    if template.target == "observations":
        rows, coded = _observations(template, table, warnings)
        assert template.observations is not None
        phases = {m.indicator or indicator_code(m.name or table.names[m.column]): m.phase
                  for m in template.observations.measures if m.phase}
        if phases:
            meta["indicator_phases"] = phases
        all_phases = {m.phase for m in template.observations.measures}
        if len(all_phases) == 1 and None not in all_phases:
            meta["phase"] = all_phases.pop()
        meta["dimensions"] = [*template.observations.dimensions, *template.observations.fixed_dimensions]
    elif template.target == "facilities":
        rows, coded = _facilities(template, table, warnings), {}
        assert template.facilities is not None
        # attribute -> the file's own column header: exports label their columns with it
        meta["attribute_columns"] = dict(template.facilities.attributes)
        if template.facilities.x is not None:
            meta["crs"] = template.facilities.crs
    else:
        rows, coded = _regions(template, table, warnings), {}
    return Batch(target=template.target, format=format, rows=rows.reset_index(drop=True), rows_read=len(frame),
                 title=template.name, meta=meta, warnings=warnings, coded=coded)
