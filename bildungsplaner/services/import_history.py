"""What an import changed in facilities and regions, and taking an import back (``data delete``, „Import löschen…“).

An import of values only adds rows, so taking it back deletes them. An import of facilities or regions
*overwrites* what was there; to take it back, the state before it must be kept. The design:

* **A row per listed facility in ``facility_version``** (``store/models.py``): ``(dataset, facility, before)``,
  ``before`` a small JSON snapshot of what the import may change (name, phase, address, offering, attributes,
  the region's key, the import it came from) or ``NULL`` when the import created the facility. Unchanged
  facilities get a row too, holding only the import they came from (``{"dataset": 7}``): a later list that
  repeats a school unchanged relies on it, and taking back the earlier list underneath it would leave a mix.
  Cost, measured with the NRW school list (5,407 schools, two attributes): the workspace grows by 1.2 MB when
  every school changed, by 0.35 MB when none did; a re-import of the list takes 0.5 s in all.
* **A row per created or changed region in ``region_version``**, likewise (a region list's matched regions get
  their name, level and parent's key; regions any import creates get ``NULL``). The rows of regions created
  by an import of values are written with one ``INSERT … SELECT`` (a nationwide table creates 11,000).
* **Why tables and not ``Dataset.meta``**: the import history reads ``meta`` of every dataset whenever the
  Import page is shown, so snapshots there would slow it down with every list; the question "did a later
  import list the same facility again?" is one indexed query on the table; rows go with their dataset
  (``ON DELETE CASCADE``). Snapshots name regions by key, not by id, because SQLite hands a deleted row's id
  to the next new row.

Taking an import back (:func:`delete_import`, one transaction, an audit entry): its values go; facilities it
created go, facilities it changed get their snapshot back; regions it changed get their snapshot back,
regions it created go when nothing uses them any more (values, facilities, sub-regions, another import's
history, the home region). When a *later* import listed the same facilities again, or changed a region this
one changed, the later one must be taken back first: refused with its number, never a mix of two stands.
Facility and region imports from before this history existed (no ``history`` in their ``meta``) are refused
with a pointer to the backups.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import (
    AuditAction,
    Dataset,
    Facility,
    FacilityVersion,
    Indicator,
    Observation,
    Region,
    RegionVersion,
    WorkspaceSetting,
)

__all__ = ["HISTORY_VERSION", "DeletedImport", "delete_import", "facility_snapshot", "max_region_id",
           "record_created_regions", "record_versions", "region_snapshot"]

#: ``Dataset.meta["history"]``: the import kept the state before it (this module), so it can be taken back.
HISTORY_VERSION = 1
#: Bound parameters per ``IN (…)`` (SQLite allows 32,766 since 3.32, older builds 999).
_CHUNK = 500


def facility_snapshot(facility: Facility, region_keys: dict[int, str]) -> dict[str, Any]:
    """What an import may change of ``facility``, with its region by key."""
    return {"name": facility.name, "phase": facility.phase, "address": facility.address,
            "offering": facility.offering, "attributes": dict(facility.attributes or {}),
            "region": region_keys.get(facility.region_id) if facility.region_id is not None else None,
            "dataset": facility.dataset_id, "x": facility.x, "y": facility.y}


def region_snapshot(region: Region, region_keys: dict[int, str]) -> dict[str, Any]:
    return {"name": region.name, "level": region.level,
            "parent": region_keys.get(region.parent_id) if region.parent_id is not None else None}


def max_region_id(session: Session) -> int:
    return int(session.scalar(select(func.max(Region.id))) or 0)


def record_created_regions(session: Session, dataset_id: int, after_id: int) -> int:
    """History rows (``before`` NULL) for every region with an id above ``after_id``: those created since
    :func:`max_region_id` was read in the same transaction. Returns their number."""
    stmt = insert(RegionVersion).from_select(
        ["dataset_id", "region_id"], select(literal(dataset_id), Region.id).where(Region.id > after_id))
    # a DML statement's result is a CursorResult, which has rowcount; SQLAlchemy types Session.execute as Result
    return int(session.execute(stmt).rowcount or 0)  # type: ignore[attr-defined]


def record_versions(session: Session, model: type[FacilityVersion] | type[RegionVersion], dataset_id: int,
                    rows: Iterable[tuple[int, dict[str, Any] | None]]) -> None:
    column = "facility_id" if model is FacilityVersion else "region_id"
    values = [{"dataset_id": dataset_id, column: oid, "before": before} for oid, before in rows]
    if values:
        session.execute(insert(model), values)


# --- taking an import back ---------------------------------------------------------------------------------

@dataclass
class DeletedImport:
    """What :func:`delete_import` removed and what became current again."""

    dataset: int
    file_name: str
    observations: int
    #: Older imports of the same table that the deleted one had replaced: their values count again.
    current_again: list[int] = field(default_factory=list)
    #: Indicators left without any value, removed with the import.
    indicators_removed: list[str] = field(default_factory=list)
    #: Facilities the import had created (removed) and changed (back to their state before it).
    facilities_removed: int = 0
    facilities_restored: int = 0
    #: Regions the import had created and nothing uses any more (removed), and regions it had changed.
    regions_removed: int = 0
    regions_restored: int = 0


def delete_import(ws: Workspace, dataset_id: int) -> DeletedImport:
    """Take one import back (a wrong file, a mapping mistake) in one transaction; see the module docstring.

    Values: its observations go; an older import of the same table that it had replaced becomes current again
    (the store's ``ON DELETE SET NULL``) — unless the deleted one was itself replaced, then the older one stays
    replaced, by the newer; indicators left without any value go too. An unknown number, a later import of
    the same facilities or regions and an import from before the history are refused with a message. An
    audit entry (action ``import``, ``{"deleted": …}``) records it.
    """
    with ws.announce("delete"), ws.transaction() as s:
        ws.lock_for_writing(s)  # on a server: refused at once while a colleague imports or deletes
        dataset = s.get(Dataset, dataset_id)
        if dataset is None:
            raise UserInputError(tr("Einen Import Nr. {number} gibt es in diesem Arbeitsbereich nicht.",
                                    number=dataset_id))
        from bildungsplaner.services import indicators  # a computed dataset is no import; Kennzahlen follow below
        indicators.refuse_delete_import(dataset)
        meta = dataset.meta or {}
        target = meta.get("target", "observations")
        legacy = s.scalar(select(func.count()).select_from(Facility).where(Facility.dataset_id == dataset_id)) \
            if not meta.get("history") else 0
        if not meta.get("history") and (target != "observations" or legacy):
            raise UserInputError(tr(
                "Import Nr. {number} ({name}) hat Einrichtungen oder Gebiete angelegt oder geändert und stammt aus "
                "einer früheren Programmversion, die den Stand davor nicht aufbewahrt hat; solche Importe lassen "
                "sich nicht einzeln löschen. Stellen Sie dafür eine Sicherung von vorher wieder her (bildungsplaner "
                "restore --from SICHERUNG).", number=dataset_id, name=dataset.file_name))
        facilities = [(facility, before) for facility, before in s.execute(
            select(FacilityVersion.facility_id, FacilityVersion.before)
            .where(FacilityVersion.dataset_id == dataset_id))]
        regions = list(s.execute(select(RegionVersion.region_id, RegionVersion.before)
                                 .where(RegionVersion.dataset_id == dataset_id)))
        _refuse_when_listed_later(s, dataset, [f for f, _ in facilities], [r for r, b in regions if b is not None])
        result = DeletedImport(dataset_id, dataset.file_name, 0)
        result.facilities_removed, result.facilities_restored = _restore_facilities(s, dataset, facilities)
        result.regions_restored = _restore_regions(s, [(r, b) for r, b in regions if b is not None])

        indicator_ids = list(s.scalars(select(Observation.indicator_id).where(Observation.dataset_id == dataset_id)
                                       .distinct()))
        older = list(s.scalars(select(Dataset.id).where(Dataset.superseded_by_id == dataset_id).order_by(Dataset.id)))
        if dataset.superseded_by_id is not None:  # itself replaced: what it replaced stays replaced by the newer
            s.execute(update(Dataset).where(Dataset.superseded_by_id == dataset_id)
                      .values(superseded_by_id=dataset.superseded_by_id))
        result.current_again = older if dataset.superseded_by_id is None else []
        deleted = s.execute(delete(Observation).where(Observation.dataset_id == dataset_id))
        result.observations = int(deleted.rowcount or 0)  # type: ignore[attr-defined]  # (a CursorResult, see above)
        s.execute(delete(FacilityVersion).where(FacilityVersion.dataset_id == dataset_id))
        s.execute(delete(RegionVersion).where(RegionVersion.dataset_id == dataset_id))
        s.delete(dataset)
        s.flush()
        empty = [iid for iid in indicator_ids
                 if s.scalar(select(Observation.id).where(Observation.indicator_id == iid).limit(1)) is None]
        result.indicators_removed = list(s.scalars(select(Indicator.code).where(Indicator.id.in_(empty))
                                                   .order_by(Indicator.code)))
        if empty:
            s.execute(delete(Indicator).where(Indicator.id.in_(empty)))
        result.regions_removed = _remove_unused_regions(s, {r for r, b in regions if b is None})
        indicators.refresh(s)
        record(s, AuditAction.IMPORT, {
            "deleted": dataset_id, "file": dataset.file_name, "observations": result.observations,
            "current_again": result.current_again, "indicators_removed": result.indicators_removed,
            "facilities_removed": result.facilities_removed, "facilities_restored": result.facilities_restored,
            "regions_removed": result.regions_removed, "regions_restored": result.regions_restored})
    return result


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _refuse_when_listed_later(s: Session, dataset: Dataset, facility_ids: list[int], region_ids: list[int]) -> None:
    """A later import that listed the same facilities or changed the same regions must go first."""
    later: dict[int, str] = {}  # later import -> an example of what it listed again
    for chunk in _chunks(facility_ids):
        for other, key, name in s.execute(
                select(FacilityVersion.dataset_id, Facility.key, Facility.name)
                .join(Facility, Facility.id == FacilityVersion.facility_id)
                .where(FacilityVersion.facility_id.in_(chunk), FacilityVersion.dataset_id > dataset.id)):
            later.setdefault(other, tr("Einrichtung {key} {name}", key=key, name=name))
        # an import from before the history changed it without a row: its number is on the facility
        for owner, key, name in s.execute(
                select(Facility.dataset_id, Facility.key, Facility.name)
                .where(Facility.id.in_(chunk), Facility.dataset_id.is_not(None), Facility.dataset_id != dataset.id)):
            if owner is not None:  # (excluded by the query; the column may be NULL)
                later.setdefault(owner, tr("Einrichtung {key} {name}", key=key, name=name))
    for chunk in _chunks(region_ids):
        for other, key, name in s.execute(
                select(RegionVersion.dataset_id, Region.key, Region.name)
                .join(Region, Region.id == RegionVersion.region_id)
                .where(RegionVersion.region_id.in_(chunk), RegionVersion.dataset_id > dataset.id)):
            later.setdefault(other, tr("Gebiet {key} {name}", key=key, name=name))
    if later:
        numbers = sorted(later, reverse=True)
        listed = ", ".join(tr("Nr. {number} ({what})", number=n, what=later[n]) for n in numbers[:5])
        raise UserInputError(tr(
            "Import Nr. {number} ({name}) lässt sich nicht zurücknehmen, solange ein späterer Import dieselben "
            "Einrichtungen oder Gebiete erneut geliefert hat: {listed}. Nehmen Sie zuerst Import Nr. {latest} zurück "
            "(bildungsplaner data delete {latest} bzw. „Import löschen…“); es wurde nichts geändert.",
            number=dataset.id, name=dataset.file_name, listed=listed, latest=numbers[0]))


def _region_ids_by_key(s: Session, keys: Iterable[str | None]) -> dict[str, int]:
    wanted = sorted({k for k in keys if k})
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        found.update(s.execute(select(Region.key, Region.id).where(Region.key.in_(wanted[start:start + _CHUNK]))).all())
    return found


def _restore_facilities(s: Session, dataset: Dataset,
                        rows: list[tuple[int, dict[str, Any] | None]]) -> tuple[int, int]:
    """Facilities the import created go, those it listed get their snapshot back; (removed, restored)."""
    created = [fid for fid, before in rows if before is None]
    snapshots = {fid: before for fid, before in rows if before is not None}
    regions = _region_ids_by_key(s, (b.get("region") for b in snapshots.values()))
    datasets = set(s.scalars(select(Dataset.id).where(Dataset.id.in_(
        sorted({b["dataset"] for b in snapshots.values() if b.get("dataset") is not None})))))
    listed = [f for chunk in _chunks(sorted(snapshots))
              for f in s.scalars(select(Facility).where(Facility.id.in_(chunk)))]
    for facility in listed:
        before = snapshots[facility.id]
        if "name" not in before:  # listed unchanged: only where it came from goes back
            facility.dataset_id = before.get("dataset") if before.get("dataset") in datasets else None
            continue
        region_key = before.get("region")
        if region_key and region_key not in regions:
            raise UserInputError(tr(
                "Einrichtung {key} {name} lag vor Import Nr. {number} im Gebiet {region}, das es nicht mehr gibt; der "
                "Import lässt sich darum nicht zurücknehmen. Stellen Sie eine Sicherung von vorher wieder her "
                "(bildungsplaner restore --from SICHERUNG).", key=facility.key, name=facility.name, number=dataset.id,
                region=region_key))

        facility.name, facility.phase, facility.address = before["name"], before["phase"], before["address"]
        facility.offering, facility.attributes = before["offering"], dict(before.get("attributes") or {})
        facility.region_id = regions[region_key] if region_key else None
        if "x" in before:  # snapshots from before coordinates (migration 0007) leave them as they are
            facility.x, facility.y = before["x"], before["y"]
        facility.dataset_id = before.get("dataset") if before.get("dataset") in datasets else None
    s.flush()
    for chunk in _chunks(created):
        s.execute(delete(Facility).where(Facility.id.in_(chunk)))
    return len(created), len(snapshots)


def _restore_regions(s: Session, rows: list[tuple[int, dict[str, Any]]]) -> int:
    """Regions a region list changed get name, level and parent back (a parent gone since: none)."""
    if not rows:
        return 0
    parents = _region_ids_by_key(s, (before.get("parent") for _, before in rows))
    snapshots = dict(rows)
    listed = [r for chunk in _chunks(sorted(snapshots)) for r in s.scalars(select(Region).where(Region.id.in_(chunk)))]
    for region in listed:
        before = snapshots[region.id]
        region.name, region.level = before["name"], before["level"]
        region.parent_id = parents.get(before.get("parent") or "")
    s.flush()
    return len(rows)


def _remove_unused_regions(s: Session, created: set[int]) -> int:
    """Remove the regions of ``created`` that nothing uses (values, facilities, sub-regions, another import's
    history, the home region), sub-regions first; returns how many went."""
    if not created:
        return 0
    from bildungsplaner.services.home import HOME_REGION

    home = s.get(WorkspaceSetting, HOME_REGION)
    used = set(s.scalars(select(Observation.region_id).distinct()))
    used |= set(s.scalars(select(Facility.region_id).where(Facility.region_id.is_not(None)).distinct()))
    used |= set(s.scalars(select(RegionVersion.region_id).distinct()))
    if home is not None and home.value:
        used |= set(s.scalars(select(Region.id).where(Region.key == str(home.value))))
    remaining = created - used
    removed = 0
    while remaining:
        parents = set(s.scalars(select(Region.parent_id).where(Region.parent_id.is_not(None)).distinct()))
        leaves = sorted(remaining - parents)
        if not leaves:
            break
        for chunk in _chunks(leaves):
            s.execute(delete(Region).where(Region.id.in_(chunk)))
        removed += len(leaves)
        remaining -= set(leaves)
    s.expire_all()
    return removed
