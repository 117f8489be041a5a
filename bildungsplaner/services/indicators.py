"""Kennzahlen in a workspace: the catalogue, the workspace's own definitions, their computed values.

Rules:

* **Materialised.** Computed values are ordinary observations: one :class:`Indicator` per computed code and one
  :class:`Dataset` of format ``kennzahl`` per computed code (``meta``: code, definition version, fingerprint
  of its inputs, lineage — per input the datasets, table codes and Stand it used —, the „fehlt“ lines). So
  every place that shows imported indicators (Daten tab, pivot, charts, need terms ``indicator:CODE``, demand
  rates, ``data export``) shows computed ones unchanged. Missing values are stored as NULL with their flag.
* **Never stale.** :func:`refresh` recomputes, in the caller's transaction, every Kennzahl whose inputs or
  definition changed (a fingerprint of the current datasets it reads and its definition text); the import,
  the deletion of an import and every change of a definition call it before they commit.
* **Catalogue.** Built-in entries (``resources/indicators/catalogue.toml``) are computed as soon as all their
  tables are in the workspace and listed as „Quelle fehlt: Tabelle …“ otherwise. A workspace definition of
  the same code replaces the entry (``define(…, replace=True)``).
* **Definitions** (TOML, ``format = 1``) live in ``indicator_definition`` with every version in
  ``indicator_definition_version`` (who, when, text) and an audit entry (action ``indicator``).
* A computed dataset is not an import: ``delete_import`` refuses it (:func:`refuse_delete_import`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import delete as sql_delete
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr
from bildungsplaner.indicators.catalogue import catalogue, catalogue_entry, required_tables
from bildungsplaner.indicators.compute import Computed, compute_indicator, filter_input, kept_dimensions, period_year
from bildungsplaner.indicators.spec import AREAS, DEFINITION, IndicatorSpec, InputSpec, parse_definition
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.bulk import insert_rows, null_value, shared_objects
from bildungsplaner.store.database import Workspace, WorkspaceBusy
from bildungsplaner.store.models import (
    KENNZAHL_FORMAT,
    AuditAction,
    Dataset,
    Indicator,
    IndicatorDefinition,
    IndicatorDefinitionVersion,
    Observation,
    Phase,
    Region,
)

log = logging.getLogger(__name__)

__all__ = [
    "KENNZAHL_FORMAT",
    "CheckReport",
    "IndicatorDetails",
    "IndicatorEntry",
    "IndicatorResult",
    "RefreshReport",
    "check_definition",
    "compute",
    "define",
    "definition_text",
    "delete",
    "ensure_current",
    "export_definition",
    "list_indicators",
    "refresh",
    "refuse_delete_import",
    "show",
]

#: Rows in the preview of :func:`check_definition`.
PREVIEW_ROWS = 50
_PHASE_BY_AREA = {"C": Phase.FRUEHKINDLICH, "D": Phase.SCHULE, "E": Phase.BERUFLICH, "F": Phase.HOCHSCHULE,
                  "G": Phase.WEITERBILDUNG, "H": Phase.NONFORMAL}
_CODE = re.compile(r"[A-Z][A-Z0-9_]*")


# --- results -------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IndicatorEntry:
    """One line of :func:`list_indicators`."""

    code: str
    name: str
    unit: str
    #: "importiert", "berechnet" (a definition of the workspace), "index", "katalog" (a built-in entry)
    kind: str
    area: str | None = None
    tier: str | None = None
    available: bool = True
    #: „Tabelle 22543-01-02-4“ / „Indikator X“ for every source not in the workspace
    missing_sources: list[str] = field(default_factory=list)
    decimals: int | None = None
    #: why a Kennzahl whose sources are there has no values (a message of the last computation), else None
    problem: str | None = None
    observations: int = 0

    @property
    def area_name(self) -> str:
        return AREAS.get(self.area or "", "")


@dataclass(frozen=True)
class SourceInfo:
    """A dataset a Kennzahl's values came from."""

    input: str
    dataset: int
    table_code: str | None
    title: str | None
    stand: str | None
    licence: str | None


@dataclass
class IndicatorDetails:
    entry: IndicatorEntry
    #: the definition as TOML text (the workspace's own, or the catalogue entry's); "" for imported indicators
    definition: str = ""
    version: int | None = None
    changed_by: str | None = None
    changed_at: datetime | None = None
    purpose: str = ""
    formula: str = ""
    formula_text: str = ""
    caveats: str = ""
    stichtag: str = ""
    source_tables: list[str] = field(default_factory=list)
    #: the datasets the current values came from, with their licence line
    sources: list[SourceInfo] = field(default_factory=list)
    #: the „fehlt“ lines of the last computation
    problems: list[str] = field(default_factory=list)
    #: every version: (version, action, who, when)
    history: list[tuple[int, str, str, datetime]] = field(default_factory=list)


@dataclass(frozen=True)
class ResultRow:
    region_key: str
    region_name: str
    #: as stored (ISO date where the source gives one)
    period: str
    #: unrounded; None when missing
    value: float | None
    flag: str | None
    #: index only: class number (1 = lowest), its label, and per input raw and standardized value
    class_no: int | None = None
    class_label: str | None = None
    inputs: dict[str, Any] | None = None

    def to_dict(self, index: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {"region_key": self.region_key, "region_name": self.region_name,
                                "period": self.period, "value": self.value, "flag": self.flag}
        if index:
            data.update({"class": self.class_no, "class_label": self.class_label, "inputs": self.inputs or {}})
        return data


@dataclass
class IndicatorResult:
    code: str
    name: str
    unit: str
    kind: str
    decimals: int | None
    rows: list[ResultRow] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        index = self.kind == "index"
        return {"code": self.code, "name": self.name, "unit": self.unit,
                "rows": [r.to_dict(index) for r in self.rows]}


@dataclass
class CheckReport:
    """What :func:`check_definition` found: ``errors`` (German; empty when the definition can be saved), a
    preview of the result and the „fehlt“ lines."""

    code: str | None = None
    errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    rows: list[ResultRow] = field(default_factory=list)
    row_count: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


# --- definitions ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Definition:
    code: str
    kind: str  #: "indicator" or "index"
    spec: Any  #: IndicatorSpec or IndexSpec
    text: str
    version: int
    builtin: bool


def _index_module() -> Any:
    try:
        from bildungsplaner.indicators import index, index_spec
    except ImportError:  # pragma: no cover - the index arithmetic ships with this module
        return None
    return index, index_spec


def _read_definition(text: str) -> tuple[str, Any]:
    data = parse_definition(text)
    kind = data.get("kind", "indicator")
    if kind == "index":
        modules = _index_module()
        if modules is None:  # pragma: no cover
            raise UserInputError(tr("Indexdefinitionen kann diese Programmversion noch nicht berechnen."))
        return "index", modules[1].IndexSpec.from_dict(data)
    if kind != "indicator":
        DEFINITION.fail(tr("„kind“ muss \"indicator\" oder \"index\" sein, nicht {value}.", value=repr(kind)))
    return "indicator", IndicatorSpec.from_dict(data)


def _spec_text(spec: Any) -> str:
    import tomli_w

    return tomli_w.dumps(spec.to_dict())


def _definitions(s: Session) -> list[_Definition]:
    """The workspace's definitions, then the catalogue entries they do not replace."""
    own: list[_Definition] = []
    for row in s.scalars(select(IndicatorDefinition).order_by(IndicatorDefinition.code)):
        try:
            kind, spec = _read_definition(row.text)
        except UserInputError:  # stored by an older version and no longer readable: listed, not computed
            continue
        own.append(_Definition(row.code, kind, spec, row.text, row.version, False))
    codes = {d.code for d in own}
    builtin = [_Definition(e.code, "indicator", e, "", 0, True) for e in catalogue() if e.code not in codes]
    return own + builtin


def _dependencies(definition: _Definition) -> list[str]:
    if definition.kind == "index":
        spec = definition.spec
        codes = [i.indicator for i in spec.inputs]
        if getattr(spec, "minimum_population", None) is not None:
            codes.append(spec.minimum_population.indicator)
        return codes
    return [i.indicator for i in definition.spec.inputs if i.indicator]


def _ordered(definitions: Sequence[_Definition]) -> list[_Definition]:
    """Definitions after the computed ones they read; a cycle is refused."""
    by_code = {d.code: d for d in definitions}
    done: list[_Definition] = []
    state: dict[str, int] = {}

    def visit(d: _Definition, path: list[str]) -> None:
        if state.get(d.code) == 2:
            return
        if state.get(d.code) == 1:
            raise UserInputError(tr("Die Kennzahlen lesen sich im Kreis: {path}.",
                                    path=" → ".join([*path, d.code])))
        state[d.code] = 1
        for code in _dependencies(d):
            if code in by_code:
                visit(by_code[code], [*path, d.code])
        state[d.code] = 2
        done.append(d)

    for d in definitions:
        visit(d, [])
    return done


# --- reading inputs ------------------------------------------------------------------------------------------

@dataclass
class _State:
    """What one refresh or check knows about the workspace (read once)."""

    current: dict[int, Any]  #: current dataset id → (table_code, stand, source, title, format, meta)
    indicators: dict[str, tuple[int, str, str]]  #: code → (id, name, unit)
    computed_codes: set[str]
    cache: dict[tuple[Any, ...], pd.DataFrame] = field(default_factory=dict)
    regions: dict[int, tuple[str, str, str]] | None = None


def _state(s: Session) -> _State:
    current = {row[0]: row[1:] for row in s.execute(
        select(Dataset.id, Dataset.table_code, Dataset.stand, Dataset.source, Dataset.title, Dataset.format,
               Dataset.meta).where(Dataset.superseded_by_id.is_(None)))}
    indicators = {code: (iid, name, unit) for iid, code, name, unit in
                  s.execute(select(Indicator.id, Indicator.code, Indicator.name, Indicator.unit))}
    computed = {str((meta or {}).get("code")) for _, _, _, _, fmt, meta in current.values()
                if fmt == KENNZAHL_FORMAT}
    return _State(current, indicators, computed)


def _imported_ids(state: _State) -> list[int]:
    return sorted(i for i, row in state.current.items() if row[4] != KENNZAHL_FORMAT)


def _table_datasets(state: _State, table: str) -> list[int]:
    return sorted(i for i, row in state.current.items() if row[0] == table and row[4] != KENNZAHL_FORMAT)


def _empty_input() -> pd.DataFrame:
    return pd.DataFrame({"region_key": pd.Series([], dtype=np.int64), "period": pd.Series([], dtype=object),
                         "dimensions": pd.Series([], dtype=object), "value": pd.Series([], dtype=float),
                         "flag": pd.Series([], dtype=object), "dataset_id": pd.Series([], dtype=np.int64)})


def _load(s: Session, state: _State, item: InputSpec) -> pd.DataFrame:
    """The current observations an input reads (``region_key`` holds region ids). Only the rows whose
    dimensions the input takes are read (their distinct texts are read first, once per source): a rate over
    one age group of a large table reads a fraction of it."""
    if item.table:
        ids = _table_datasets(state, item.table)
        indicator_ids = [iid for code, (iid, name, _) in state.indicators.items()
                         if item.measure in (name, code)]
        source: tuple[Any, ...] = ("table", item.table, item.measure)
    else:
        found = state.indicators.get(item.indicator or "")
        indicator_ids = [found[0]] if found else []
        ids = sorted(state.current)
        source = ("indicator", item.indicator)
    if not ids or not indicator_ids:
        return _empty_input()
    conn = s.connection()

    def restricted(stmt: Any) -> Any:
        stmt = stmt.where(Observation.indicator_id.in_(indicator_ids))
        return stmt.where(Observation.dataset_id.in_(ids)) if len(ids) <= 500 else stmt

    texts = state.cache.get(("dimensions", *source))
    if texts is None:
        texts = pd.DataFrame({"text": [t or "" for t in conn.scalars(
            restricted(select(Observation.dimensions).distinct()))]})
        state.cache[("dimensions", *source)] = texts
    wanted = kept_dimensions(item, list(texts["text"]))
    key = (*source, tuple(sorted(wanted)))
    if key in state.cache:
        return state.cache[key]
    rows: list[Any] = []
    stmt = restricted(select(Observation.region_id, Observation.period, Observation.dimensions, Observation.value,
                             Observation.flag, Observation.dataset_id))
    for start in range(0, len(wanted), 400):
        part = wanted[start:start + 400]
        result = conn.execute(stmt.where(Observation.dimensions.in_(part)) if len(wanted) < len(texts) else stmt)
        rows.extend(result.cursor.fetchall() if result.cursor is not None else [])
        result.close()
        if len(wanted) >= len(texts):
            break
    current = np.fromiter(set(ids), dtype=np.int64)
    if not rows:
        frame = _empty_input()
    else:
        data = np.empty((len(rows), 6), dtype=object)
        data[:] = rows
        data = data[np.isin(data[:, 5].astype(np.int64), current)]
        frame = pd.DataFrame({
            "region_key": data[:, 0].astype(np.int64),
            "period": pd.Categorical(data[:, 1]),
            "dimensions": pd.Categorical(np.where(pd.isna(data[:, 2]), "", data[:, 2])),
            "value": np.asarray(data[:, 3], dtype=np.float64),
            "flag": data[:, 4],
            "dataset_id": data[:, 5].astype(np.int64)})
    state.cache[key] = frame
    return frame


def _missing_sources(state: _State, definition: _Definition, available: set[str],
                     computed: set[str] | None = None) -> list[str]:
    """The sources not in the workspace: tables without a current import, indicators neither imported nor
    available as a Kennzahl (``computed``: the codes of every Kennzahl; those count only when ``available``)."""
    computed = computed or set()

    def absent(code: str) -> bool:
        return code not in available if code in computed else code not in state.indicators

    missing: list[str] = []
    if definition.kind == "index":
        for code in _dependencies(definition):
            if absent(code):
                missing.append(tr("Indikator {code}", code=code))
        return missing
    for item in definition.spec.inputs:
        if item.table and not _table_datasets(state, item.table):
            label = tr("Tabelle {table}", table=item.table)
        elif item.indicator and absent(item.indicator):
            label = tr("Indikator {code}", code=item.indicator)
        else:
            continue
        if label not in missing:
            missing.append(label)
    return missing


def _fingerprint(state: _State, definition: _Definition, prints: Mapping[str, str]) -> str:
    parts: list[Any] = [definition.kind, definition.text or _spec_text(definition.spec), definition.version]
    if definition.kind == "index":
        parts.append([prints.get(code) or _imported_ids(state) for code in _dependencies(definition)])
    else:
        for item in definition.spec.inputs:
            if item.table:
                parts.append(["table", item.table, _table_datasets(state, item.table)])
            else:
                parts.append(["indicator", item.indicator, prints.get(item.indicator or "") or _imported_ids(state)])
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def _compute_spec(s: Session, state: _State, spec: IndicatorSpec) -> Computed:
    return compute_indicator(spec, {i.name: filter_input(i, _load(s, state, i)) for i in spec.inputs})


def _regions(s: Session, state: _State) -> dict[int, tuple[str, str, str]]:
    if state.regions is None:
        state.regions = {rid: (key, name, level) for rid, key, name, level in
                         s.execute(select(Region.id, Region.key, Region.name, Region.level))}
    return state.regions


# --- the index -----------------------------------------------------------------------------------------------

def _compute_index(s: Session, state: _State, spec: Any) -> tuple[pd.DataFrame, list[str], dict[str, list[int]]]:
    """The index's rows (``region_key`` = region id, ``period`` = the index's year, ``value``, ``flag``,
    ``class_no``, ``class_label``, ``inputs``: per input code its raw and standardized value), the problems
    (regions left out, with the reason) and per input the datasets used. The inputs are the indicators' values
    (imported or computed; ``where`` and the totals rule as for a Kennzahl input) in the input's year."""
    index_mod, _ = _index_module()
    regions = _regions(s, state)
    scope = spec.regions
    anchor = None
    if scope.within:
        anchor = next((rid for rid, (key, _, _) in regions.items() if key == scope.within), None)
        if anchor is None:
            raise UserInputError(tr("Das Gebiet „{key}“ (regions.within) gibt es im Arbeitsbereich nicht.",
                                    key=scope.within))
    parents = dict(s.execute(select(Region.id, Region.parent_id)).all())

    def inside(rid: int) -> bool:
        if anchor is None:
            return True
        current: int | None = rid
        seen = 0
        while current is not None and seen < 20:
            if current == anchor:
                return True
            current = parents.get(current)
            seen += 1
        return False

    in_scope = [rid for rid, (_, _, level) in regions.items() if level == scope.level and inside(rid)]
    if not in_scope:
        raise UserInputError(tr("Im Gebiet „{within}“ gibt es keine Gebiete der Ebene „{level}“.",
                                within=str(scope.within or "Deutschland"), level=str(scope.level)))
    keys = [regions[rid][0] for rid in in_scope]
    id_by_key = dict(zip(keys, in_scope, strict=True))
    lineage: dict[str, list[int]] = {}

    def series(code: str, where: Sequence[tuple[str, str]], year: int) -> pd.Series:
        item = InputSpec(name=code, indicator=code, where=tuple(where))
        filtered = filter_input(item, _load(s, state, item))
        lineage[code] = sorted(set(lineage.get(code, [])) | set(filtered.datasets))
        frame = filtered.frame[filtered.frame["year"] == year]
        frame = frame.drop_duplicates("region_key", keep="last")
        values = pd.Series(frame["value"].to_numpy(dtype=np.float64),
                           index=[regions[int(r)][0] for r in frame["region_key"]], dtype=np.float64)
        return values.reindex(keys)

    raw = pd.DataFrame(index=pd.Index(keys, name="region_key"))
    for item in spec.inputs:
        raw[item.indicator] = series(item.indicator, item.where, spec.input_year(item)).to_numpy()
    population = None
    if spec.minimum_population is not None:
        mp = spec.minimum_population
        population = series(mp.indicator, mp.where, spec.year)
    result = index_mod.compute_index(spec, raw, population)
    rows = result.rows
    codes = list(spec.input_codes)
    period = str(spec.year)
    records = rows.to_dict("records")
    out_keys = [str(r["region_key"]) for r in records]
    inputs = [{code: {"raw": _plain(r.get(f"{code}_raw")), "z": _plain(r.get(f"{code}_z"))} for code in codes}
              for r in records]
    excluded = [(str(key), str(reason)) for key, reason in result.excluded]
    out_keys += [key for key, _ in excluded]
    inputs += [{code: {"raw": _plain(raw.at[key, code]), "z": None} for code in codes} for key, _ in excluded]
    n, m = len(records), len(excluded)
    out = pd.DataFrame({
        "region_key": [id_by_key[k] for k in out_keys],
        "period": [period] * (n + m),
        "value": np.concatenate([rows["value"].to_numpy(dtype=np.float64), np.full(m, np.nan)]),
        "flag": [None] * n + ["."] * m,
        "class_no": [_int(r["class_no"]) for r in records] + [None] * m,
        "class_label": [str(r["class_label"]) for r in records] + [None] * m,
        "inputs": inputs})
    problems = [tr("ausgeschlossen: {region} – {reason}", region=key, reason=reason) for key, reason in excluded]
    return out, problems, lineage


def _plain(value: Any) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


# --- refresh -------------------------------------------------------------------------------------------------

@dataclass
class RefreshReport:
    computed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def refresh(session: Session) -> RefreshReport:
    """Bring every Kennzahl up to date inside ``session``'s transaction (see the module doc): computed anew
    where its definition or the datasets it reads changed, removed where a source is gone; a Kennzahl that
    cannot be computed keeps no values and its message (``Dataset.meta["error"]``)."""
    s = session
    s.flush()
    report = RefreshReport()
    state = _state(s)
    existing = {str((d.meta or {}).get("code")): d for d in s.scalars(
        select(Dataset).where(Dataset.format == KENNZAHL_FORMAT))}
    definitions = _ordered(_definitions(s))
    computed = {d.code for d in definitions}
    prints: dict[str, str] = {}
    available: set[str] = set()
    wanted: set[str] = set()
    for definition in definitions:
        code = definition.code
        if code in state.indicators and code not in existing and _has_imported_values(s, state, code):
            continue  # an imported indicator of the same code wins over a catalogue entry
        if _missing_sources(state, definition, available, computed):
            continue
        wanted.add(code)
        fingerprint = _fingerprint(state, definition, prints)
        prints[code] = fingerprint
        available.add(code)
        dataset = existing.get(code)
        if dataset is not None and (dataset.meta or {}).get("fingerprint") == fingerprint:
            report.unchanged.append(code)
            continue
        # one savepoint per Kennzahl: one that cannot be computed keeps its message and no values, and never
        # takes the import (or the other Kennzahlen) down with it
        try:
            with s.begin_nested():
                _materialise(s, state, definition, dataset, fingerprint)
            report.computed.append(code)
        except UserInputError as exc:
            report.failed[code] = str(exc)
        except Exception as exc:
            log.exception("Kennzahl %s", code)
            fingerprint = ""  # not the definition's fault: tried again at the next change
            report.failed[code] = tr("Interner Fehler beim Berechnen von {code}: {error_type}: {error}", code=code,
                                     error_type=type(exc).__name__, error=str(exc))
        if code in report.failed:  # the savepoint took back what the computation wrote; the message stays
            with s.begin_nested():
                _materialise_error(s, state, definition, existing.get(code), fingerprint, report.failed[code])
        # what depends on it reads it anew
        state.indicators = {c: (iid, name, unit) for iid, c, name, unit in
                            s.execute(select(Indicator.id, Indicator.code, Indicator.name, Indicator.unit))}
        for key in [k for k in state.cache if k[:2] == ("indicator", code) or k[:3] == ("dimensions", "indicator",
                                                                                      code)]:
            del state.cache[key]
    for code, dataset in existing.items():
        if code not in wanted:
            _remove(s, dataset, code)
            report.removed.append(code)
    s.flush()
    return report


def _has_imported_values(s: Session, state: _State, code: str) -> bool:
    """Whether the indicator ``code`` has values of an import (not of a computed dataset)."""
    computed = [i for i, row in state.current.items() if row[4] == KENNZAHL_FORMAT]
    return s.scalar(select(Observation.id).where(Observation.indicator_id == state.indicators[code][0],
                                                 Observation.dataset_id.not_in(computed)).limit(1)) is not None


def _indicator_row(s: Session, definition: _Definition) -> Indicator:
    spec = definition.spec
    row = s.scalar(select(Indicator).where(Indicator.code == definition.code))
    area = getattr(spec, "area", None)
    phase = _PHASE_BY_AREA.get(area or "", Phase.KONTEXT).value
    unit = getattr(spec, "unit", "") if definition.kind == "indicator" else "Index"
    description = (getattr(spec, "formula_text", "") or getattr(spec, "description", "") or "")
    if row is None:
        row = Indicator(code=definition.code, name=spec.name, unit=unit, description=description, phase=phase)
        s.add(row)
        s.flush()
    else:
        row.name, row.unit, row.description, row.phase = spec.name, unit, description, phase
    return row


def _dataset_row(s: Session, state: _State, definition: _Definition, dataset: Dataset | None) -> Dataset:
    text = definition.text or _spec_text(definition.spec)
    if dataset is None:
        dataset = Dataset(file_name=f"Kennzahl {definition.code} (berechnet)",
                          sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), format=KENNZAHL_FORMAT,
                          table_code=None, imported_by=current_user(), row_count=0, meta={})
        s.add(dataset)
    dataset.title = definition.spec.name
    dataset.sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    dataset.imported_at = datetime.now(UTC)
    dataset.imported_by = current_user()
    s.flush()
    return dataset


def _lineage(state: _State, datasets: Mapping[str, Sequence[int]]) -> list[dict[str, Any]]:
    result = []
    for name, ids in datasets.items():
        result.append({"input": name, "datasets": [
            {"id": i, "table_code": state.current[i][0] if i in state.current else None,
             "stand": state.current[i][1] if i in state.current else None} for i in ids]})
    return result


def _licence(state: _State, datasets: Mapping[str, Sequence[int]]) -> str | None:
    lines = list(dict.fromkeys(str(state.current[i][2]) for ids in datasets.values() for i in ids
                               if i in state.current and state.current[i][2]))
    return "\n".join(lines) or None


def _materialise(s: Session, state: _State, definition: _Definition, dataset: Dataset | None,
                 fingerprint: str) -> None:
    extra: dict[str, Any] = {}
    if definition.kind == "index":
        frame, problems, used = _compute_index(s, state, definition.spec)
        extra["index"] = {str(int(r)): {"class": _int(c), "class_label": _label(lbl), "inputs": inp}
                          for r, c, lbl, inp in zip(frame["region_key"], frame["class_no"], frame["class_label"],
                                                    frame["inputs"], strict=True)}
    else:
        computed = _compute_spec(s, state, definition.spec)
        frame, problems = computed.frame, computed.problems
        used = {name: f.datasets for name, f in computed.inputs.items()}
    indicator = _indicator_row(s, definition)
    dataset = _dataset_row(s, state, definition, dataset)
    s.execute(sql_delete(Observation).where(Observation.dataset_id == dataset.id))
    null = null_value(s)  # (NaN on SQLite: binds as NULL without the driver's adapter lookup)
    value_obj = shared_objects(frame["value"].to_numpy(dtype=np.float64), null)  # NaN: null
    flags = frame["flag"].to_numpy(dtype=object).copy()
    flags[pd.isna(flags)] = null
    n = len(frame)
    insert_rows(s, Observation.__table__,
                ("dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag"),
                zip([dataset.id] * n, [indicator.id] * n, [int(r) for r in frame["region_key"]],
                    [str(p) for p in frame["period"]], [""] * n, value_obj.tolist(), flags.tolist(), strict=True))
    dataset.source = _licence(state, used)
    dataset.row_count = n
    dataset.meta = {"target": KENNZAHL_FORMAT, "code": definition.code, "kind": definition.kind,
                    "version": definition.version, "builtin": definition.builtin, "fingerprint": fingerprint,
                    "lineage": _lineage(state, used), "problems": problems[:50], "observations": n,
                    "facilities": 0, **extra}
    record(s, AuditAction.INDICATOR, {"computed": definition.code, "version": definition.version,
                                      "dataset": dataset.id, "observations": n})


def _label(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    try:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else int(value)
    except (TypeError, ValueError):
        return None


def _materialise_error(s: Session, state: _State, definition: _Definition, dataset: Dataset | None,
                       fingerprint: str, message: str) -> None:
    dataset = _dataset_row(s, state, definition, dataset)
    s.execute(sql_delete(Observation).where(Observation.dataset_id == dataset.id))
    dataset.row_count = 0
    dataset.meta = {"target": KENNZAHL_FORMAT, "code": definition.code, "kind": definition.kind,
                    "version": definition.version, "builtin": definition.builtin, "fingerprint": fingerprint,
                    "lineage": [], "problems": [], "error": message, "observations": 0, "facilities": 0}


def _remove(s: Session, dataset: Dataset, code: str) -> None:
    s.execute(sql_delete(Observation).where(Observation.dataset_id == dataset.id))
    s.delete(dataset)
    s.flush()
    indicator = s.scalar(select(Indicator.id).where(Indicator.code == code))
    if indicator is not None and s.scalar(select(Observation.id).where(Observation.indicator_id == indicator)
                                          .limit(1)) is None:
        s.execute(sql_delete(Indicator).where(Indicator.id == indicator))


def refuse_delete_import(dataset: Dataset) -> None:
    """``data delete`` of a computed dataset: refused (its values follow their inputs on their own)."""
    if dataset.format == KENNZAHL_FORMAT:
        code = (dataset.meta or {}).get("code", "")
        raise UserInputError(tr("Datensatz {number} enthält die berechnete Kennzahl {code}; er ist kein Import und "
                                "folgt seinen Eingaben von selbst. Zum Entfernen: bildungsplaner indicator delete "
                                "{code}.", number=str(dataset.id), code=str(code)))


# --- the service API -----------------------------------------------------------------------------------------

def ensure_current(ws: Workspace) -> RefreshReport:
    """:func:`refresh` in a transaction of its own. The import and every change of a definition refresh by
    themselves; this catches up on what happened without them (a workspace from before Kennzahlen existed, a
    newer catalogue shipped with the program). Writes nothing when everything is current.

    On a server it catches up only under the workspace's write lock, so two colleagues opening the list at once
    never compute the same Kennzahl twice; while someone else holds the lock (an import, a definition being
    saved — each refreshes in its own transaction) it skips and shows what is committed."""
    with ws.transaction() as s:
        try:
            ws.lock_for_writing(s)
        except WorkspaceBusy:
            return RefreshReport()
        return refresh(s)


def list_indicators(ws: Workspace) -> list[IndicatorEntry]:
    """Imported indicators, the workspace's Kennzahlen and the catalogue (with availability), by kind and code."""
    ensure_current(ws)
    with ws.session() as s:
        state = _state(s)
        kennzahl = {str((d.meta or {}).get("code")): d for d in s.scalars(
            select(Dataset).where(Dataset.format == KENNZAHL_FORMAT))}
        counts = dict(s.execute(select(Observation.indicator_id, func.count())
                                .where(Observation.dataset_id.in_(list(state.current) or [-1]))
                                .group_by(Observation.indicator_id)).all())
        definitions = _definitions(s)
        entries: list[IndicatorEntry] = []
        defined = {d.code for d in definitions}
        for code, (iid, name, unit) in sorted(state.indicators.items()):
            if code in kennzahl or code in defined:
                continue
            entries.append(IndicatorEntry(code, name, unit or "", "importiert", observations=int(counts.get(iid, 0))))
        available: set[str] = set(kennzahl)
        for d in _ordered(definitions):
            spec = d.spec
            dataset = kennzahl.get(d.code)
            missing = [] if dataset is not None else _missing_sources(state, d, available,
                                                                      {x.code for x in definitions})
            kind = "index" if d.kind == "index" else ("katalog" if d.builtin else "berechnet")
            found = state.indicators.get(d.code)
            entries.append(IndicatorEntry(
                d.code, spec.name, getattr(spec, "unit", "") if d.kind == "indicator" else "Index", kind,
                area=getattr(spec, "area", None), tier=getattr(spec, "tier", None), available=not missing,
                missing_sources=missing, decimals=_decimals(d),
                problem=(dataset.meta or {}).get("error") if dataset is not None else None,
                observations=int(counts.get(found[0], 0)) if found else 0))
    order = {"berechnet": 0, "index": 1, "katalog": 2, "importiert": 3}
    return sorted(entries, key=lambda e: (order[e.kind], e.area or "", e.code))


def _decimals(definition: _Definition) -> int | None:
    decimals = getattr(definition.spec, "decimals", None)
    return decimals if decimals is not None else (2 if definition.kind == "index" else None)


def _find(s: Session, code: str) -> _Definition | None:
    return next((d for d in _definitions(s) if d.code == code), None)


def definition_text(ws: Workspace, code: str) -> str:
    """The TOML text of a definition (the workspace's own, else the catalogue entry written out)."""
    with ws.session() as s:
        row = s.scalar(select(IndicatorDefinition).where(IndicatorDefinition.code == code))
        if row is not None:
            return row.text
    entry = catalogue_entry(code)
    if entry is None:
        raise UserInputError(tr("Eine Kennzahl „{code}“ gibt es nicht (Liste: bildungsplaner indicator list).",
                                code=code))
    return _spec_text(entry)


def _check_new(s: Session, kind: str, spec: Any, replace: bool) -> IndicatorDefinition | None:
    code = spec.code
    row = s.scalar(select(IndicatorDefinition).where(IndicatorDefinition.code == code))
    if row is not None and not replace:
        raise UserInputError(tr("Die Kennzahl {code} gibt es schon (Version {version}); zum Ersetzen --replace "
                                "angeben.", code=code, version=str(row.version)))
    if row is None and catalogue_entry(code) is not None and not replace:
        raise UserInputError(tr("{code} ist eine Kennzahl des mitgelieferten Katalogs; eine eigene Definition "
                                "ersetzt sie nur mit --replace.", code=code))
    computed = {str((m or {}).get("code")) for (m,) in s.execute(
        select(Dataset.meta).where(Dataset.format == KENNZAHL_FORMAT))}
    if s.scalar(select(Indicator.id).where(Indicator.code == code)) is not None and code not in computed:
        raise UserInputError(tr("{code} ist ein importierter Indikator; eine Kennzahl braucht einen eigenen Code.",
                                code=code))
    return row


def _validate_sources(s: Session, state: _State, definition: _Definition) -> None:
    """Indicator codes the definition reads must exist (imported, defined or in the catalogue)."""
    known = set(state.indicators) | {d.code for d in _definitions(s)} | {definition.code}
    for code in _dependencies(definition):
        if code not in known:
            raise UserInputError(tr("Den Indikator „{code}“ gibt es im Arbeitsbereich nicht (Liste: "
                                    "bildungsplaner indicator list).", code=code))
        if code == definition.code:
            raise UserInputError(tr("Die Kennzahl {code} kann sich nicht selbst lesen.", code=code))


def define(ws: Workspace, toml_text: str, *, replace: bool = False) -> IndicatorEntry:
    """Store a definition (a new version when ``replace``), compute it, and return its list entry; one
    transaction: a definition that cannot be computed (a straddling age band, an unknown dimension value) is
    refused with the message and nothing changes."""
    kind, spec = _read_definition(toml_text)
    # on a server one writer at a time: saving recomputes Kennzahlen (their values in bulk), so a colleague's
    # import or definition waits for nobody and is refused at once, naming who computes since when
    with ws.announce("indicators"), ws.transaction() as s:
        ws.lock_for_writing(s)
        row = _check_new(s, kind, spec, replace)
        version = (row.version + 1) if row is not None else 1 + int(s.scalar(
            select(func.max(IndicatorDefinitionVersion.version)).where(
                IndicatorDefinitionVersion.code == spec.code)) or 0)
        definition = _Definition(spec.code, kind, spec, toml_text, version, False)
        state = _state(s)
        _validate_sources(s, state, definition)
        if row is None:
            row = IndicatorDefinition(code=spec.code, kind=kind, text=toml_text, version=version,
                                      changed_by=current_user(), changed_at=datetime.now(UTC))
            s.add(row)
        else:
            row.kind, row.text, row.version = kind, toml_text, version
            row.changed_by, row.changed_at = current_user(), datetime.now(UTC)
        action = "replace" if version > 1 and replace else "define"
        s.add(IndicatorDefinitionVersion(code=spec.code, version=version, kind=kind, action=action, text=toml_text,
                                         changed_by=current_user(), changed_at=datetime.now(UTC)))
        s.flush()
        _ordered(_definitions(s))  # a cycle is refused here
        report = refresh(s)
        if spec.code in report.failed:
            raise UserInputError(report.failed[spec.code])
        record(s, AuditAction.INDICATOR, {action: spec.code, "version": version, "kind": kind})
    entry = next((e for e in list_indicators(ws) if e.code == spec.code), None)
    assert entry is not None
    return entry


def delete(ws: Workspace, code: str) -> None:
    """Remove the workspace's definition ``code`` and its values (its versions are kept); a catalogue entry
    cannot be deleted (it is only computed while its tables are there)."""
    with ws.announce("indicators"), ws.transaction() as s:
        ws.lock_for_writing(s)  # as in define: the Kennzahlen reading it are recomputed
        row = s.scalar(select(IndicatorDefinition).where(IndicatorDefinition.code == code))
        if row is None:
            if catalogue_entry(code) is not None:
                raise UserInputError(tr("{code} ist eine Kennzahl des mitgelieferten Katalogs und lässt sich nicht "
                                        "löschen; sie wird berechnet, solange ihre Tabellen im Arbeitsbereich "
                                        "sind.", code=code))
            raise UserInputError(tr("Eine eigene Kennzahl „{code}“ gibt es in diesem Arbeitsbereich nicht.",
                                    code=code))
        readers = [d.code for d in _definitions(s) if d.code != code and code in _dependencies(d)
                   and not d.builtin]
        if readers:
            raise UserInputError(tr("Die Kennzahl {code} wird von {readers} gelesen; bitte zuerst diese ändern "
                                    "oder löschen.", code=code, readers=", ".join(readers)))
        s.add(IndicatorDefinitionVersion(code=code, version=row.version + 1, kind=row.kind, action="delete",
                                         text=row.text, changed_by=current_user(), changed_at=datetime.now(UTC)))
        s.delete(row)
        s.flush()
        refresh(s)
        record(s, AuditAction.INDICATOR, {"delete": code, "version": row.version})


def export_definition(ws: Workspace, code: str, out: Path) -> Path:
    """Write the definition of ``code`` as TOML (``.toml``); ``.xlsx`` is the Kennzahlen-Tabelle (exporting)."""
    out = Path(out)
    if out.suffix.lower() == ".xlsx":
        raise UserInputError(tr("Die Kennzahlen-Tabelle (.xlsx) schreibt „bildungsplaner indicator export … "
                                "--out DATEI.xlsx“ über das Export-Modul; hier nur .toml."))
    if out.suffix.lower() != ".toml":
        raise UserInputError(tr("--out: .toml oder .xlsx, nicht „{suffix}“.", suffix=out.suffix or out.name))
    text = definition_text(ws, code)
    from bildungsplaner.exporting.safety import atomic_target

    with atomic_target(out) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return out


def _entry(ws: Workspace, code: str) -> IndicatorEntry:
    entry = next((e for e in list_indicators(ws) if e.code == code), None)
    if entry is None:
        raise UserInputError(tr("Eine Kennzahl oder einen Indikator „{code}“ gibt es nicht (Liste: "
                                "bildungsplaner indicator list).", code=code))
    return entry


def show(ws: Workspace, code: str) -> IndicatorDetails:
    """Definition, catalogue texts, the datasets the values came from (with licence), versions."""
    entry = _entry(ws, code)
    details = IndicatorDetails(entry)
    if entry.kind == "importiert":
        with ws.session() as s:
            state = _state(s)
            iid = state.indicators[code][0]
            ids = list(s.scalars(select(Observation.dataset_id).where(Observation.indicator_id == iid).distinct()))
            details.sources = [SourceInfo("", i, state.current[i][0], state.current[i][3], state.current[i][1],
                                          state.current[i][2]) for i in sorted(ids) if i in state.current]
        return details
    details.definition = definition_text(ws, code)
    with ws.session() as s:
        definition = _find(s, code)
        assert definition is not None
        spec = definition.spec
        details.formula = getattr(spec, "formula", "")
        for name in ("purpose", "formula_text", "caveats", "stichtag"):
            setattr(details, name, getattr(spec, name, "") or "")
        if definition.kind == "indicator":
            details.source_tables = list(spec.sources) or required_tables(spec)
        row = s.scalar(select(IndicatorDefinition).where(IndicatorDefinition.code == code))
        if row is not None:
            details.version, details.changed_by, details.changed_at = row.version, row.changed_by, row.changed_at
        details.history = [(v.version, v.action, v.changed_by, v.changed_at) for v in s.scalars(
            select(IndicatorDefinitionVersion).where(IndicatorDefinitionVersion.code == code)
            .order_by(IndicatorDefinitionVersion.version))]
        dataset = _kennzahl_dataset(s, code)
        if dataset is not None:
            meta = dataset.meta or {}
            details.problems = list(meta.get("problems") or []) + ([meta["error"]] if meta.get("error") else [])
            licences = {i: (t, title, stand, src) for i, t, title, stand, src in s.execute(
                select(Dataset.id, Dataset.table_code, Dataset.title, Dataset.stand, Dataset.source))}
            for item in meta.get("lineage") or []:
                for ds in item.get("datasets") or []:
                    found = licences.get(int(ds["id"]))
                    if found:
                        details.sources.append(SourceInfo(str(item.get("input")), int(ds["id"]), *found))
    return details


def _kennzahl_dataset(s: Session, code: str) -> Dataset | None:
    return next((d for d in s.scalars(select(Dataset).where(Dataset.format == KENNZAHL_FORMAT))
                 if (d.meta or {}).get("code") == code), None)


def _scope_ids(ws: Workspace, level: str | None, within: str | None) -> set[int] | None:
    if level is None and within is None:
        return None
    from bildungsplaner.services.planning_data import scope

    return {r.id for r in scope(ws, level, within).regions}


def compute(ws: Workspace, code: str, *, level: str | None = None, within: str | None = None) -> IndicatorResult:
    """The values of a Kennzahl (as stored by :func:`refresh`: never stale) for the regions of ``level`` below
    ``within``, ordered by region key and period; ``problems``: the „fehlt“ lines."""
    entry = _entry(ws, code)
    if entry.kind == "importiert":
        raise UserInputError(tr("{code} ist ein importierter Indikator, keine Kennzahl; seine Werte zeigt "
                                "„bildungsplaner data pivot --indicator {code}“.", code=code))
    if not entry.available:
        raise UserInputError(tr("Die Kennzahl {code} lässt sich nicht berechnen: Quelle fehlt: {missing}.",
                                code=code, missing=", ".join(entry.missing_sources)))
    if entry.problem:
        raise UserInputError(entry.problem)
    wanted = _scope_ids(ws, level, within)
    result = IndicatorResult(code, entry.name, entry.unit, entry.kind, entry.decimals)
    with ws.session() as s:
        dataset = _kennzahl_dataset(s, code)
        if dataset is None:  # pragma: no cover - refresh keeps one for every available Kennzahl
            return result
        meta = dataset.meta or {}
        result.problems = list(meta.get("problems") or [])
        index = meta.get("index") or {}
        rows = s.execute(select(Region.id, Region.key, Region.name, Observation.period, Observation.value,
                                Observation.flag).join(Region, Region.id == Observation.region_id)
                         .where(Observation.dataset_id == dataset.id)).all()
    from bildungsplaner.services.browse import natural_key

    rows = sorted((r for r in rows if wanted is None or r[0] in wanted),
                  key=lambda r: (natural_key(r[1]), r[3]))
    for rid, key, name, period, value, flag in rows:
        extra = index.get(str(rid)) or {}
        result.rows.append(ResultRow(key, name, period, None if value is None else float(value), flag,
                                     extra.get("class"), extra.get("class_label"), extra.get("inputs")))
    return result


def check_definition(ws: Workspace, toml_text: str, *, keys: Collection[str] | None = None,
                     limit: int | None = None) -> CheckReport:
    """The editor's live check: read and compute the definition without storing anything. The preview holds the
    first ``limit`` rows by region key and period (default: :data:`PREVIEW_ROWS` for a Kennzahl, every region
    for an index, with class and inputs, for its class distribution), only the regions ``keys`` if given (e.g.
    the home region and its Land); ``row_count`` counts all."""
    report = CheckReport()
    try:
        kind, spec = _read_definition(toml_text)
    except UserInputError as exc:
        report.errors.append(str(exc))
        return report
    report.code = spec.code
    with ws.session() as s:
        state = _state(s)
        definition = _Definition(spec.code, kind, spec, toml_text, 0, False)
        try:
            _validate_sources(s, state, definition)
            missing = _missing_sources(state, definition, state.computed_codes,
                                       {d.code for d in _definitions(s)} | {definition.code})
            if missing:
                report.errors.append(tr("Quelle fehlt: {missing}.", missing=", ".join(missing)))
                return report
            if kind == "index":
                frame, problems, _ = _compute_index(s, state, spec)
            else:
                computed = _compute_spec(s, state, spec)
                frame, problems = computed.frame, computed.problems
        except UserInputError as exc:
            report.errors.append(str(exc))
            return report
        regions = _regions(s, state)
    report.problems = problems
    report.row_count = len(frame)
    from bildungsplaner.services.browse import natural_key

    rids = [int(r) for r in frame["region_key"]]
    periods = [str(p) for p in frame["period"]]
    values = frame["value"].to_numpy(dtype=np.float64)
    flags = frame["flag"].to_numpy(dtype=object)
    sort_keys = {rid: natural_key(regions[rid][0]) for rid in set(rids)}
    wanted = None if keys is None else set(keys)
    order = sorted((i for i in range(len(frame)) if wanted is None or regions[rids[i]][0] in wanted),
                   key=lambda i: (sort_keys[rids[i]], periods[i]))
    index = kind == "index"
    if limit is None:
        limit = len(order) if index else PREVIEW_ROWS
    for i in order[:limit]:
        rid, value, flag = rids[i], float(values[i]), flags[i]
        report.rows.append(ResultRow(
            regions[rid][0], regions[rid][1], periods[i], None if math.isnan(value) else value,
            None if flag is None or (isinstance(flag, float) and math.isnan(flag)) else str(flag),
            _int(frame["class_no"].iat[i]) if index else None,
            _label(frame["class_label"].iat[i]) if index else None, frame["inputs"].iat[i] if index else None))
    return report


def years(rows: Iterable[ResultRow]) -> list[int]:
    """The years of result rows (for tables regions × years)."""
    return sorted({y for y in (period_year(r.period) for r in rows) if y is not None})
