"""Which region of the workspace each row of an imported file means: by key, by assignment, by name.

Part of :func:`bildungsplaner.services.importing.import_file` (step 4 of its docstring):

1. the user's assignments (``[regions.assign]`` of a template, the import assistant's choices) win;
2. a key the workspace knows is taken — one Excel stripped of its leading zero is repaired when that is
   unambiguous and reported; an official key the workspace does not know yet is created (level and parent from
   the key), shallowest first;
3. a name without a key is matched as people write it (:mod:`bildungsplaner.importing.regionnames`: „Boenen“,
   „Stadt Unna“, „Schwerte (Ruhr)“, „Werne a.d. Lippe“). A unique match is taken — and listed in the report
   when the file writes the name differently from the workspace. Among several candidates the one inside the
   Kreise of the file's other rows (matched by key or by a unique name) is taken, then the one inside the
   ``home`` region; otherwise the name is ambiguous and its candidates are offered, each with the Kreis it lies
   in;
4. whatever stays unmatched is listed with suggestions (regions of the file's Kreise and the home region first)
   and the import is refused unless the caller creates such regions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.i18n import marked, tr, translated
from bildungsplaner.importing.batch import Batch
from bildungsplaner.importing.columns import combine_codes
from bildungsplaner.importing.regionkeys import (
    ancestor_keys,
    is_region_key,
    key_level,
    parent_key,
    repair_leading_zero,
)
from bildungsplaner.importing.regionnames import NameMatch, Place, RegionNameIndex
from bildungsplaner.store.bulk import insert_rows
from bildungsplaner.store.models import Region, RegionLevel

if TYPE_CHECKING:
    from bildungsplaner.services.importing import ImportReport

__all__ = ["RegionMatchedByName", "Regions", "UnmatchedRegion", "nearest_parent", "resolve_regions"]

MAX_LISTED = 50
#: How many candidates an ambiguous name offers, how many close names an unknown one.
MAX_CANDIDATES = 25
MAX_SUGGESTIONS = 5

_WHY = {"kreis": marked("im Kreis der übrigen Zeilen"), "home": marked("im Heimatgebiet")}


def _label(key: str, name: str, kreis: str | None) -> str:
    return f"{name} ({key}, {kreis})" if kreis else f"{name} ({key})"


@dataclass
class UnmatchedRegion:
    """A region the file names that the workspace does not know (or not unambiguously).

    ``suggestions`` are (key, name) pairs, nearest first; ``kreise`` gives the Kreis each suggested key lies in;
    ``ambiguous``: the name fits every suggestion equally well (it was not taken, the user chooses).
    """

    key: str | None
    name: str | None
    rows: list[int]
    suggestions: list[tuple[str, str]] = field(default_factory=list)
    ambiguous: bool = False
    kreise: dict[str, str] = field(default_factory=dict)

    def describe(self, limit: int = 3) -> str:
        label = " ".join(p for p in (self.key, tr("„{name}“", name=self.name) if self.name else None) if p)
        shown = [_label(k, n, self.kreise.get(k)) for k, n in self.suggestions[:limit]]
        more = len(self.suggestions) - len(shown)
        if self.ambiguous:
            hint = tr(" – mehrdeutig, bitte wählen: {choices}{more}", choices="; ".join(shown),
                      more=tr("; … ({count} weitere)", count=more) if more > 0 else "")
        elif shown:
            hint = tr(" – meinten Sie {choices}?", choices=reduce(
                lambda first, second: tr("{first} oder {second}", first=first, second=second), shown))
        else:
            hint = ""
        return tr("{label} (Zeile {row}){hint}", label=label, row=self.rows[0], hint=hint) if self.rows \
            else label + hint

    def as_dict(self) -> dict[str, object]:
        """The JSON form: suggestions as ``{"key", "name", "kreis"}``."""
        return {"key": self.key, "name": self.name, "rows": self.rows, "ambiguous": self.ambiguous,
                "suggestions": [{"key": k, "name": n, "kreis": self.kreise.get(k)} for k, n in self.suggestions]}


@dataclass
class RegionMatchedByName:
    """A name in the file taken for a region whose name the workspace writes differently („Boenen“ → Bönen).

    ``how``: ``spelling`` (the one region of that normal form), ``kreis`` (the one candidate in the Kreise of the
    file's other rows) or ``home`` (the one in the home region).
    """

    name: str
    key: str
    region: str
    rows: list[int]
    how: str = "spelling"
    kreis: str | None = None

    def describe(self) -> str:
        why = f", {translated(_WHY[self.how])}" if self.how in _WHY else ""
        return tr("„{name}“ → {region} ({key}){why}", name=self.name, region=self.region, key=self.key, why=why)



class Regions:
    """The workspace's regions by key, loaded once per import; the name index is built only when needed."""

    def __init__(self, rows: list[tuple[int, str, str, int | None]]) -> None:
        self.by_key: dict[str, int] = {}
        self.names: dict[int, str] = {}
        self.keys: dict[int, str] = {}
        self.parents: dict[int, int | None] = {}
        self._index: RegionNameIndex | None = None
        for rid, key, name, parent in rows:
            self.put(rid, key, name, parent)

    @classmethod
    def load(cls, session: Session) -> Regions:
        return cls([(rid, key, name, parent) for rid, key, name, parent in
                    session.execute(select(Region.id, Region.key, Region.name, Region.parent_id))])

    def put(self, rid: int, key: str, name: str, parent: int | None) -> None:
        self.by_key[key], self.names[rid], self.keys[rid], self.parents[rid] = rid, name, key, parent
        if self._index is not None:
            self._index.add(self._place(rid, {}))

    def add(self, region: Region) -> None:
        self.put(region.id, region.key, region.name, region.parent_id)

    @property
    def index(self) -> RegionNameIndex:
        """The regions by the normal forms of their names (built on first use: ~14,000 names cost a moment)."""
        if self._index is None:
            memo: dict[int, frozenset[str]] = {}
            self._index = RegionNameIndex.of(self._place(rid, memo) for rid in self.keys)
        return self._index

    def _within(self, rid: int, memo: dict[int, frozenset[str]]) -> frozenset[str]:
        """Keys of the region and all that contain it (parents, and for official keys their key prefixes)."""
        chain: list[int] = []
        current: int | None = rid
        while current is not None and current not in memo and len(chain) < 32:
            chain.append(current)
            current = self.parents.get(current)
        known = memo.get(current, frozenset()) if current is not None else frozenset()
        for region in reversed(chain):
            key = self.keys[region]
            extra = set(ancestor_keys(key)) if is_region_key(key) else set()
            known = memo[region] = known | extra | {key}
        return known

    def _place(self, rid: int, memo: dict[int, frozenset[str]]) -> Place:
        within = self._within(rid, memo)
        kreise = [k for k in within if len(k) == 5 and is_region_key(k)]
        return Place(rid, self.keys[rid], self.names[rid], kreise[0] if kreise else None, within)

    def kreis_of(self, rid: int) -> str | None:
        return self.index.places[rid].kreis


def nearest_parent(key: str, known: dict[str, int]) -> int | None:
    parent = parent_key(key)
    while parent is not None:
        if parent in known:
            return known[parent]
        parent = parent_key(parent)
    return None


def create_region(session: Session, regions: Regions, key: str, name: str, level: str, parent_id: int | None,
                  report: ImportReport) -> int:
    region = Region(key=key, name=name[:200] or key, level=level, parent_id=parent_id)
    session.add(region)
    session.flush()
    regions.add(region)
    report.regions_created += 1
    if len(report.created_regions) < MAX_LISTED:
        report.created_regions.append(key)
    return region.id


def _create_official_regions(session: Session, regions: Regions, official: list[tuple[tuple[str, str], str, str]],
                             resolved: dict[tuple[str, str], int], report: ImportReport) -> None:
    """Create regions for official keys, shallowest first, each under its nearest known ancestor.

    Bulk inserts per depth (a Gemeinde file brings ~14,000 new regions; the ORM would take seconds).
    """
    by_depth: dict[int, dict[str, str]] = {}
    for _pair, key, name in official:
        if key not in regions.by_key:
            by_depth.setdefault(len(ancestor_keys(key)), {}).setdefault(key, name)
    for depth in sorted(by_depth):
        items = by_depth[depth]
        rows = [(key, (name or key)[:200], key_level(key), nearest_parent(key, regions.by_key))
                for key, name in items.items()]
        insert_rows(session, Region.__table__, ("key", "name", "level", "parent_id"), rows)
        keys = list(items)
        for start in range(0, len(keys), 5000):
            chunk = keys[start:start + 5000]
            for rid, key, name, parent in session.execute(select(Region.id, Region.key, Region.name, Region.parent_id)
                                                          .where(Region.key.in_(chunk))):
                regions.put(rid, key, name, parent)
        report.regions_created += len(keys)
        report.created_regions += keys[: max(0, MAX_LISTED - len(report.created_regions))]
    for pair, key, _name in official:
        resolved[pair] = regions.by_key[key]


def _pairs(batch: Batch) -> tuple[dict[tuple[str, str], list[int]], list[tuple[str, str]], np.ndarray]:
    """Each distinct (key, name) pair once with up to three rows of the file where it occurs (``\\x00``: none)."""
    key_codes, key_texts = batch.codes("region_key")
    name_codes, name_texts = batch.codes("region_name")
    pair_codes = combine_codes([(key_codes, len(key_texts)), (name_codes, len(name_texts))], len(batch.rows))
    order = np.argsort(pair_codes, kind="stable")
    starts = np.flatnonzero(np.r_[True, pair_codes[order][1:] != pair_codes[order][:-1]]) if len(order) else order
    source_rows = batch.rows["source_row"].to_numpy()
    first_rows: dict[tuple[str, str], list[int]] = {}
    pair_of_code: list[tuple[str, str]] = []
    for start in starts.tolist():
        row = int(order[start])
        k = "\x00" if key_codes[row] < 0 else key_texts[key_codes[row]]
        n = "\x00" if name_codes[row] < 0 else name_texts[name_codes[row]]
        code = int(pair_codes[row])
        where = order[start:start + 3]
        where = where[pair_codes[where] == code]
        first_rows[(k, n)] = [int(r) for r in source_rows[where].tolist()]
        pair_of_code.append((k, n))
    return first_rows, pair_of_code, pair_codes


def resolve_regions(session: Session, batch: Batch, report: ImportReport, assign: dict[str, str],
                    create_unmatched: bool, *, region_optional: bool = False, home: str | None = None) -> np.ndarray:
    """Region id per row (``-1`` where unmatched, listed in ``report.regions_unmatched``); see the module doc.

    ``region_optional`` (facilities): a row that names no region at all stays without one (``-1``).
    ``home``: key of the workspace's home region, preferred among regions of the same name.
    """
    regions = Regions.load(session)
    first_rows, pair_of_code, pair_codes = _pairs(batch)
    resolved: dict[tuple[str, str], int] = {}
    official: list[tuple[tuple[str, str], str, str]] = []
    by_name: list[tuple[tuple[str, str], str, list[int]]] = []
    unknown_keys: list[tuple[str, str | None, list[int]]] = []
    unmatched: list[UnmatchedRegion] = []
    for (k, n), where in first_rows.items():
        key = None if k == "\x00" else str(k).strip()
        name = None if n == "\x00" else str(n).strip()
        target = assign.get(key or "\x00") or assign.get(name or "\x00")
        if target is not None:
            if target not in regions.by_key:
                raise UserInputError(tr("Zuordnung „{source}“ → {target}: Gebiet {target} gibt es im Arbeitsbereich "
                                        "nicht.", source=key or name, target=target))

            resolved[(k, n)] = regions.by_key[target]
            continue
        if key:
            if key not in regions.by_key:
                repaired, changed = repair_leading_zero(key)
                if changed and (repaired in regions.by_key or is_region_key(repaired)):
                    report.repaired_keys[key] = repaired
                    key = repaired
            if key in regions.by_key:
                resolved[(k, n)] = regions.by_key[key]
            elif is_region_key(key):
                official.append(((k, n), key, name or key))
            elif create_unmatched:
                resolved[(k, n)] = create_region(session, regions, key, name or key, RegionLevel.OTHER.value,
                                                 None, report)
            else:
                unknown_keys.append((key, name, where))
        elif name:
            by_name.append(((k, n), name, where))
        elif not region_optional:
            unmatched.append(UnmatchedRegion(None, None, where))
    _create_official_regions(session, regions, official, resolved, report)
    created = {pair for pair, _, _ in official}
    if by_name or unknown_keys:
        _match_names(regions, by_name, unknown_keys, resolved, unmatched, report, home)
    report.regions_unmatched += sorted(unmatched, key=lambda u: u.rows[:1])
    report.regions_matched = len({rid for pair, rid in resolved.items() if pair not in created})
    ids = np.asarray([resolved.get(pair, -1) for pair in pair_of_code], dtype=np.int64)
    return ids[pair_codes]


def _match_names(regions: Regions, by_name: list[tuple[tuple[str, str], str, list[int]]],
                 unknown_keys: list[tuple[str, str | None, list[int]]], resolved: dict[tuple[str, str], int],
                 unmatched: list[UnmatchedRegion], report: ImportReport, home: str | None) -> None:
    """Names without keys: unique ones first; then the rest with the Kreise of all rows matched so far."""
    index = regions.index
    first = [(pair, name, where, index.match(name)) for pair, name, where in by_name]
    kreise = {kreis for rid in resolved.values() if (kreis := regions.kreis_of(rid)) is not None}
    kreise |= {m.place.kreis for _, _, _, m in first if m.place is not None and m.place.kreis is not None}
    for pair, name, where, found in first:
        if found.place is None and found.how == "ambiguous" and (kreise or home):
            found = index.match(name, kreise=kreise, home=home)
        if found.place is not None:
            resolved[pair] = found.place.id
            if found.how != "exact":
                report.regions_matched_by_name.append(RegionMatchedByName(
                    name, found.place.key, found.place.name, where, found.how, index.kreis_name(found.place)))
        else:
            unmatched.append(_offer(index, None, name, where, found, kreise, home))
    for key, key_name, where in unknown_keys:
        unmatched.append(_offer(index, key, key_name, where, NameMatch(None, "none"), kreise, home))


def _offer(index: RegionNameIndex, key: str | None, name: str | None, where: list[int], found: NameMatch,
           kreise: set[str], home: str | None) -> UnmatchedRegion:
    """An unmatched region with what to offer: the candidates of an ambiguous name, else close names."""
    ambiguous = found.how == "ambiguous"
    if ambiguous:
        places = list(found.candidates[:MAX_CANDIDATES])
    else:
        places = index.suggest(name or key or "", kreise=kreise, home=home, limit=MAX_SUGGESTIONS)
    kreis_names = {p.key: kreis for p in places if (kreis := index.kreis_name(p))}
    return UnmatchedRegion(key, name, where, [(p.key, p.name) for p in places], ambiguous, kreis_names)
