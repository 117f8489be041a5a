"""Scenario files: small TOML files (format version 1) that a planner keeps next to the council papers.

Every scenario file has ``format = 1``, ``kind`` (``"allocation"`` or ``"demand"``) and ``name``; the rest is
described in ``docs/PLANNING_ALLOCATION.md`` and ``docs/PLANNING_DEMAND.md`` and validated by
:meth:`AllocationSpec.from_dict <bildungsplaner.planning.allocation_spec.AllocationSpec.from_dict>` and
:meth:`DemandSpec.from_dict <bildungsplaner.planning.demand_spec.DemandSpec.from_dict>` (both read by the fields
they declare, :mod:`bildungsplaner.formats`).
:func:`parse` turns text into a spec, :func:`dumps` a spec back into text; the text stored in the workspace is
always the normalised :func:`dumps` output, so two equal scenarios have equal text.

The kinds are types: :data:`ScenarioSpec` is the union of the spec classes, :data:`PlanningResult` the union of
their results, and each class says its kind once in its ``kind`` class variable (the file's ``kind``). Nothing
compares class names; :data:`SPEC_TYPES` maps a file's ``kind`` to its spec class. What the services do with a
kind (collect, compute, compare, export) is one record per kind in :mod:`bildungsplaner.services.kinds`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import tomli_w

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr
from bildungsplaner.planning.allocation_spec import AllocationSpec
from bildungsplaner.planning.demand_spec import DemandSpec

if TYPE_CHECKING:
    from bildungsplaner.planning.allocation import AllocationResult
    from bildungsplaner.planning.demand import DemandResult

__all__ = ["FORMAT", "KINDS", "SPEC_TYPES", "PlanningResult", "ScenarioSpec", "dumps", "load", "parse", "parse_dict",
           "spec_kind"]

FORMAT = 1
#: a scenario of any kind (what a scenario file holds)
ScenarioSpec: TypeAlias = AllocationSpec | DemandSpec
#: the result of a scenario of any kind (not the database row :class:`bildungsplaner.store.models.ScenarioResult`)
PlanningResult: TypeAlias = "AllocationResult | DemandResult"
#: a file's ``kind`` → its spec class
SPEC_TYPES: dict[str, type[ScenarioSpec]] = {cls.kind: cls for cls in (AllocationSpec, DemandSpec)}
KINDS = tuple(SPEC_TYPES)


def parse_dict(data: dict[str, Any]) -> ScenarioSpec:
    """The spec for an already parsed TOML document (checks ``format``, ``kind`` and ``name`` first)."""
    if data.get("format") != FORMAT:
        raise UserInputError(tr("Szenariodatei: „format = {format}“ fehlt oder ist eine unbekannte Version "
                                "({found}).", format=FORMAT, found=repr(data.get("format"))))
    kind = data.get("kind")
    spec_type = SPEC_TYPES.get(kind) if isinstance(kind, str) else None
    if spec_type is None:
        raise UserInputError(tr("Szenariodatei: „kind“ muss {kinds} sein, nicht „{kind}“.",
                                kinds=tr(" oder ").join(tr("„{name}“", name=k) for k in KINDS), kind=kind))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UserInputError(tr("Szenariodatei: „name“ fehlt."))
    return spec_type.from_dict(data)


def parse(text: str, source: str = "Szenariodatei") -> ScenarioSpec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserInputError(tr("{source} ist kein gültiges TOML: {error}.", source=source, error=exc)) from exc
    return parse_dict(data)


def load(path: Path) -> ScenarioSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserInputError(tr("Die Szenariodatei {path} gibt es nicht.", path=path)) from exc
    except UnicodeDecodeError as exc:
        raise UserInputError(tr("{name} ist keine UTF-8-Textdatei.", name=path.name)) from exc
    except OSError as exc:
        raise UserInputError(tr("{name} kann nicht gelesen werden: {error}.", name=path.name,
                                error=exc.strerror or exc)) from exc
    return parse(text, path.name)


def dumps(spec: ScenarioSpec) -> str:
    """Normalised TOML text of ``spec`` (``format``, ``kind``, ``name`` first)."""
    data = spec.to_dict()
    head = {"format": FORMAT, "kind": data.pop("kind", spec.kind), "name": data.pop("name")}
    data.pop("format", None)
    return tomli_w.dumps({**head, **data})


def spec_kind(spec: ScenarioSpec) -> str:
    """The ``kind`` of ``spec`` (``"allocation"`` or ``"demand"``): its class's ``kind``, also for a subclass."""
    return spec.kind
