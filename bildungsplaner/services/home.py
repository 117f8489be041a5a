"""The workspace's home region: the Kreis, kreisfreie Stadt or Gemeinde it belongs to.

A Bildungsbüro works for one region. Its workspace remembers it (``workspace_setting`` ``home_region``), so
that a nationwide import keeps only the home region, everything below it and the chain above it for
comparison (Land, Deutschland), and the window opens on it. The program ships the list of all Kreise and
kreisfreie Städte with the 16 Länder (``resources/regions/kreise.csv``) for choosing one on first start.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from bildungsplaner import UserInputError, paths
from bildungsplaner.i18n import tr
from bildungsplaner.importing.regionkeys import ags_from_ars, is_region_key, key_level
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import Region, RegionLevel, WorkspaceSetting

__all__ = [
    "GERMANY",
    "CatalogueRegion",
    "home_chain",
    "home_region",
    "keeps_region",
    "kreise",
    "set_home_region",
    "set_workspace_name",
    "workspace_name",
]

GERMANY = ("DG", "Deutschland")
HOME_REGION = "home_region"
NAME = "name"


@dataclass(frozen=True)
class CatalogueRegion:
    key: str
    name: str
    #: „Land“, „Kreis“, „Landkreis“, „Kreisfreie Stadt“, „Stadtkreis“
    kind: str


@lru_cache(maxsize=1)
def kreise() -> tuple[CatalogueRegion, ...]:
    """The 16 Länder and the 401 Kreise and kreisfreie Städte shipped with the program (key order)."""
    path = paths.resources_dir() / "regions" / "kreise.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    return tuple(CatalogueRegion(r["schluessel"], r["name"], r["art"]) for r in rows)


def _catalogue_name(key: str) -> str | None:
    if key == GERMANY[0]:
        return GERMANY[1]
    return next((r.name for r in kreise() if r.key == key), None)


def home_chain(home: str) -> list[str]:
    """The keys above a home region that are kept for comparison: Deutschland, the Land (and, for a
    Gemeinde, its Kreis), outermost first."""
    chain = [GERMANY[0]]
    if len(home) >= 2 and home != GERMANY[0]:
        chain.append(home[:2])
    if len(home) > 5:
        chain.append(home[:5])
    return [k for k in chain if k != home]


def keeps_region(key: str | None, home: str | None) -> bool:
    """Does an import into a workspace with this home region keep a row of ``key``?

    Kept: the home region, every official key below it (by prefix), the chain above it (:func:`home_chain`),
    and everything that is not an official key (own Sozialräume, school catchments, rows without a key).
    Without a home region everything is kept.
    """
    if home is None or key is None or not is_region_key(key):
        return True
    if key.startswith(home) or key in home_chain(home):
        return True
    return len(key) == 12 and len(home) == 8 and ags_from_ars(key) == home  # the Gemeinde as ARS


def _get(ws: Workspace, name: str) -> Any:
    with ws.session() as s:
        return s.scalar(select(WorkspaceSetting.value).where(WorkspaceSetting.key == name))


def _set(session: Any, name: str, value: Any) -> None:
    setting = session.get(WorkspaceSetting, name)
    if setting is None:
        session.add(WorkspaceSetting(key=name, value=value))
    else:
        setting.value = value


def home_region(ws: Workspace) -> str | None:
    """The home region's key, ``None`` when the workspace has none (the demo, older workspaces)."""
    value = _get(ws, HOME_REGION)
    return value if isinstance(value, str) and value else None


def workspace_name(ws: Workspace) -> str:
    value = _get(ws, NAME)
    return value if isinstance(value, str) else ""


def set_workspace_name(ws: Workspace, name: str) -> None:
    with ws.transaction() as s:
        _set(s, NAME, name.strip())


def set_home_region(ws: Workspace, key: str, name: str | None = None) -> str:
    """Make ``key`` the home region and create it and the chain above it where the workspace lacks them.

    The key must be an official key (Land, Kreis, Gemeinde) or a region of the workspace. Returns the name.
    """
    key = key.strip()
    with ws.transaction() as s:
        existing = {k: (rid, n) for rid, k, n in s.execute(select(Region.id, Region.key, Region.name))}
        known = key in existing
        if not known and not is_region_key(key):
            raise UserInputError(tr("„{key}“ ist kein amtlicher Gebietsschlüssel (AGS, z. B. 05978 für den Kreis "
                                    "Unna) und kein Gebiet des Arbeitsbereichs.", key=key))

        parent_id: int | None = None
        for chain_key in [*home_chain(key), key]:
            if chain_key in existing:
                parent_id = existing[chain_key][0]
                continue
            chain_name = (name if chain_key == key and name else None) or _catalogue_name(chain_key) or chain_key
            level = RegionLevel.BUND.value if chain_key == GERMANY[0] else key_level(chain_key)
            region = Region(key=chain_key, name=chain_name, level=level, parent_id=parent_id)
            s.add(region)
            s.flush()
            existing[chain_key] = (region.id, chain_name)
            parent_id = region.id
        _set(s, HOME_REGION, key)
    return existing[key][1]
