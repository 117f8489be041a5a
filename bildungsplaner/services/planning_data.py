"""What a scenario needs from the workspace, as plain DataFrames for the pure planning functions.

* :func:`recipients_frame` — the recipients of an allocation (facilities of given kinds, or regions of a
  level), optionally only those within a region at any depth, with one column per need source:
  ``attribute:NAME`` (a facility's numeric attribute) or ``indicator:CODE`` (the value of the recipient
  region — for a facility, the region it lies in — from current datasets).
* :func:`population_frame` — observations of a population indicator for the regions of a level, long form
  (``region_key, region_name, year, age_label, value``); the demand forecast parses the age labels.
* :func:`capacity_frame` — a facility attribute summed per region of a level (facilities in sub-regions
  count for the region above them).

Observation choice, the same everywhere: current datasets only (superseded values are history); the given
``period`` or else the latest period of the indicator among the selected regions; the given ``dimensions``
must all match, and a dimension not given is taken as a whole — its total category („Insgesamt“, „Insgesamt
(ohne Doppelzählungen)“; the totals rule of ``services.aggregate``), or the observation that lacks the
dimension (older imports). Parts are never added up for a planning input; where no total exists the choice is
ambiguous and refused with the dimensions that exist. A period's year is its calendar year (``2015-12-31`` →
2015, ``2024/25`` → 2024).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr
from bildungsplaner.services.browse import RegionIndex, list_regions, natural_key
from bildungsplaner.store import dimensions as dims
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import Dataset, Facility, Indicator, Observation

__all__ = ["NeedSource", "capacity_frame", "period_year", "population_frame", "recipients_frame", "scope"]

_YEAR = re.compile(r"(\d{4})")


@dataclass(frozen=True)
class NeedSource:
    """One value per recipient: ``source`` is ``attribute:NAME`` or ``indicator:CODE``."""

    source: str
    period: str | None = None
    dimensions: Mapping[str, str] | None = None
    #: the frame's column name (default: ``source``)
    name: str | None = None

    @property
    def column(self) -> str:
        return self.name or self.source


def period_year(period: str) -> int | None:
    match = _YEAR.search(period or "")
    return int(match.group(1)) if match else None


@dataclass
class Scope:
    index: RegionIndex
    regions: list[Any]  # RegionRow of the level, in natural key order
    within: Any | None


def scope(ws: Workspace, level: str | None, within: str | None) -> Scope:
    """Regions of ``level`` (all levels if ``None``) below the region with key ``within`` (if given)."""
    index = RegionIndex(list_regions(ws))
    inside: set[int] | None = None
    anchor = None
    if within:
        anchor = next((r for r in index.rows if r.key == within), None)
        if anchor is None:
            raise UserInputError(tr("Das Gebiet „{within}“ (within) gibt es im Arbeitsbereich nicht.",
                                    within=within))
        inside = {anchor.id, *index.descendants(anchor.id)}
    regions = [r for r in index.rows if (level is None or r.level == level) and (inside is None or r.id in inside)]
    regions.sort(key=lambda r: natural_key(r.key))
    return Scope(index, regions, anchor)


def _ancestor_map(index: RegionIndex, targets: Sequence[Any]) -> dict[int, Any]:
    """Every region id at or below a target → that target."""
    result: dict[int, Any] = {}
    for target in targets:
        result[target.id] = target
        for rid in index.descendants(target.id):
            result.setdefault(rid, target)
    return result


def _current_observations(ws: Workspace, code: str, region_ids: Sequence[int]) -> list[Any]:
    """``(region_id, period, dimensions, value)`` of indicator ``code`` in current datasets for the regions."""
    with ws.session() as s:
        indicator = s.scalar(select(Indicator.id).where(Indicator.code == code))
        if indicator is None:
            raise UserInputError(tr("Den Indikator „{code}“ gibt es im Arbeitsbereich nicht.", code=code))
        return list(s.execute(
            select(Observation.region_id, Observation.period, Observation.dimensions, Observation.value)
            .join(Dataset, Dataset.id == Observation.dataset_id)
            .where(Observation.indicator_id == indicator, Observation.region_id.in_(list(region_ids)),
                   Dataset.superseded_by_id.is_(None))).all())


def _indicator_values(ws: Workspace, code: str, region_ids: Sequence[int], period: str | None,
                      wanted: Mapping[str, str] | None) -> tuple[dict[int, float | None], str]:
    """``{region_id: value}`` and the period used (see the module docstring)."""
    rows = _current_observations(ws, code, region_ids)
    if not rows:
        return {}, period or ""
    frame = pd.DataFrame(rows, columns=["region_id", "period", "dimensions", "value"])
    if period is None:
        period = max(frame["period"], key=lambda p: (period_year(p) or 0, p))
    frame = frame[frame["period"] == period]
    fixed = dict(wanted or {})
    decoded = frame["dimensions"].map(dims.decode)
    matching = decoded.map(lambda d: all(d.get(k) == v for k, v in fixed.items()))
    frame, decoded = frame[matching], decoded[matching]
    # every dimension not given: its total („alle“), never a sum of its parts
    whole = decoded.map(lambda d: all(k in fixed or dims.is_total_label(v) for k, v in d.items()))
    if not whole.any() and not frame.empty:
        examples = sorted(set(frame["dimensions"]))[:3]
        raise UserInputError(tr("Der Indikator „{code}“ hat für {period} keine Gesamtzahl über alle Merkmale "
                                "({examples} …); bitte „dimensions“ angeben.", code=code, period=period,
                                examples="; ".join(e.replace("|", ", ") for e in examples)))
    frame = frame[whole]
    duplicated = frame["region_id"].duplicated(keep=False)
    if duplicated.any():
        examples = sorted(set(frame.loc[duplicated, "dimensions"]))[:3]
        raise UserInputError(tr("Der Indikator „{code}“ hat für {period} mehrere Werte je Gebiet ({examples}); "
                                "bitte „dimensions“ genauer angeben.", code=code, period=period,
                                examples="; ".join(e.replace("|", ", ") for e in examples)))
    values = {int(r): (None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v))
              for r, v in zip(frame["region_id"], frame["value"], strict=True)}
    return values, period


def recipients_frame(ws: Workspace, *, type: str, facility_kinds: Sequence[str] = (), region_level: str | None = None,
                     within: str | None = None, sources: Sequence[NeedSource] = ()) -> pd.DataFrame:
    """One row per recipient: ``key``, ``name``, ``region_key``, and one float column per source (NaN: missing).

    ``frame.attrs["periods"]`` maps each indicator source to the period used.
    """
    rows: list[dict[str, Any]]
    if type == "facility":
        area = scope(ws, None, within)
        allowed = {r.id for r in area.regions} if within else None
        with ws.session() as s:
            stmt = select(Facility).order_by(Facility.kind, Facility.key)
            if facility_kinds:
                stmt = stmt.where(Facility.kind.in_(list(facility_kinds)))
            facilities = [f for f in s.scalars(stmt) if allowed is None or f.region_id in allowed]
            facilities.sort(key=lambda f: (f.kind, f.key))  # code point order, as SQLite: not the server's collation
            rows = [{"key": f.key, "name": f.name, "region_id": f.region_id,
                     "region_key": area.index.by_id[f.region_id].key if f.region_id in area.index.by_id else None,
                     "attributes": dict(f.attributes or {})} for f in facilities]
    elif type == "region":
        area = scope(ws, region_level, within)
        rows = [{"key": r.key, "name": r.name, "region_id": r.id, "region_key": r.key, "attributes": {}}
                for r in area.regions]
    else:
        raise UserInputError(tr("recipients.type muss „facility“ oder „region“ sein, nicht „{type}“.", type=type))
    frame = pd.DataFrame({"key": [r["key"] for r in rows], "name": [r["name"] for r in rows],
                          "region_key": [r["region_key"] for r in rows]})
    periods: dict[str, str] = {}
    for source in sources:
        kind, _, name = source.source.partition(":")
        if kind == "attribute":
            if type != "facility":
                raise UserInputError(tr("„{source}“: Attribute gibt es nur bei Einrichtungen.", source=source.source))
            values = [_number(r["attributes"].get(name)) for r in rows]
        elif kind == "indicator":
            found, used = _indicator_values(ws, name, sorted({r["region_id"] for r in rows if r["region_id"]}),
                                            source.period, source.dimensions)
            periods[source.source] = used
            values = [found.get(r["region_id"]) for r in rows]
        else:
            raise UserInputError(tr("Die Quelle „{source}“ muss mit „attribute:“ oder „indicator:“ beginnen.",
                                    source=source.source))
        frame[source.column] = pd.array([math.nan if v is None else v for v in values], dtype="float64")
    frame.attrs["periods"] = periods
    return frame


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    return None


def population_frame(ws: Workspace, *, indicator: str, level: str, within: str | None = None,
                     dimensions: Mapping[str, str] | None = None, age_dimension: str | None = None) -> pd.DataFrame:
    """Long form ``region_key, region_name, year, age_label, value`` for the regions of ``level``.

    ``age_dimension`` is the dimension holding the age (default: the first whose name starts with ``Alter``);
    the other dimensions must be fixed by ``dimensions`` or absent.
    """
    area = scope(ws, level, within)
    if not area.regions:
        if within:
            raise UserInputError(tr("Im Arbeitsbereich gibt es keine Gebiete der Ebene „{level}“ in {within}.",
                                    level=level, within=within))
        raise UserInputError(tr("Im Arbeitsbereich gibt es keine Gebiete der Ebene „{level}“.", level=level))
    by_id = {r.id: r for r in area.regions}
    rows = _current_observations(ws, indicator, list(by_id))
    if not rows:
        raise UserInputError(tr("Für „{indicator}“ gibt es keine Werte der Gebiete der Ebene „{level}“.",
                                indicator=indicator, level=level))
    wanted = dict(dimensions or {})
    out: dict[str, list[Any]] = {"region_key": [], "region_name": [], "year": [], "age_label": [], "value": []}
    cache: dict[str, tuple[bool, str | None]] = {}
    for region_id, period, text, value in rows:
        if text not in cache:
            decoded = dims.decode(text)
            age_name = age_dimension or next((k for k in decoded if k.lower().startswith("alter")), None)
            others = {k: v for k, v in decoded.items() if k != age_name}
            ok = age_name in decoded and all(others.get(k) == v for k, v in wanted.items()) \
                and set(others) <= set(wanted)
            cache[text] = (ok, decoded.get(age_name) if age_name else None)
        ok, age = cache[text]
        year = period_year(period)
        if not ok or year is None:
            continue
        region = by_id[region_id]
        out["region_key"].append(region.key)
        out["region_name"].append(region.name)
        out["year"].append(year)
        out["age_label"].append(age)
        out["value"].append(math.nan if value is None else float(value))
    frame = pd.DataFrame(out)
    if frame.empty:
        names = sorted({k for t in {r[2] for r in rows} for k in dims.decode(t)})
        if not names:
            raise UserInputError(tr("Für „{indicator}“ passen keine Werte zu den Merkmalen {wanted}; vorhanden sind "
                                    "die Merkmale keine (ein Merkmal „Alter…“ ist nötig, die übrigen müssen in "
                                    "„dimensions“ festgelegt werden).", indicator=indicator, wanted=wanted or "{}"))
        raise UserInputError(tr("Für „{indicator}“ passen keine Werte zu den Merkmalen {wanted}; vorhanden sind die "
                                "Merkmale {present} (ein Merkmal „Alter…“ ist nötig, die übrigen müssen in "
                                "„dimensions“ festgelegt werden).", indicator=indicator, wanted=wanted or "{}",
                                present=", ".join(names)))
    return frame


def capacity_frame(ws: Workspace, *, level: str, within: str | None = None, facility_kinds: Sequence[str] = (),
                   attribute: str) -> pd.DataFrame:
    """``region_key, capacity``: ``attribute`` summed over facilities of ``facility_kinds`` per region of
    ``level`` (facilities in sub-regions count for the region above them); regions without any get 0.

    A facility lacking the attribute (or with a value that is not a number) adds nothing;
    ``frame.attrs["missing"]`` lists those facilities as ``"key (name)"`` so the caller can say so.
    """
    area = scope(ws, level, within)
    owner = _ancestor_map(area.index, area.regions)
    totals = {r.key: 0.0 for r in area.regions}
    missing: list[str] = []
    with ws.session() as s:
        stmt = select(Facility.region_id, Facility.attributes, Facility.key, Facility.name)
        if facility_kinds:
            stmt = stmt.where(Facility.kind.in_(list(facility_kinds)))
        for region_id, attributes, key, name in s.execute(stmt.order_by(Facility.key)):
            target = owner.get(region_id)
            if target is None:
                continue
            value = _number((attributes or {}).get(attribute))
            if value is None or math.isnan(value):
                missing.append(f"{key} ({name})")
            else:
                totals[target.key] += value
    frame = pd.DataFrame({"region_key": list(totals), "capacity": list(totals.values())})
    frame.attrs["missing"] = missing
    return frame
