"""Scenario files: small TOML files (format version 1) that a planner keeps next to the council papers.

Every scenario file has ``format = 1``, ``kind`` (``"allocation"`` or ``"demand"``) and ``name``; the rest is
described in ``docs/PLANNING_ALLOCATION.md`` and ``docs/PLANNING_DEMAND.md`` and validated by
:meth:`AllocationSpec.from_dict <bildungsplaner.planning.allocation_spec.AllocationSpec.from_dict>` and
:meth:`DemandSpec.from_dict <bildungsplaner.planning.demand_spec.DemandSpec.from_dict>` (both read by the fields
they declare, :mod:`bildungsplaner.formats`).
:func:`parse` turns text into a spec, :func:`dumps` a spec back into text; the text stored in the workspace is
always the normalised :func:`dumps` output, so two equal scenarios have equal text.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli_w

from bildungsplaner import UserInputError

if TYPE_CHECKING:
    from bildungsplaner.planning.allocation_spec import AllocationSpec
    from bildungsplaner.planning.demand_spec import DemandSpec

__all__ = ["FORMAT", "KINDS", "dumps", "load", "parse", "parse_dict"]

FORMAT = 1
KINDS = ("allocation", "demand")


def parse_dict(data: dict[str, Any]) -> AllocationSpec | DemandSpec:
    """The spec for an already parsed TOML document (checks ``format``, ``kind`` and ``name`` first)."""
    if data.get("format") != FORMAT:
        raise UserInputError(f"Szenariodatei: „format = {FORMAT}“ fehlt oder ist eine unbekannte Version "
                             f"({data.get('format')!r}).")
    kind = data.get("kind")
    if kind not in KINDS:
        raise UserInputError(f"Szenariodatei: „kind“ muss „allocation“ oder „demand“ sein, nicht „{kind}“.")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UserInputError("Szenariodatei: „name“ fehlt.")
    if kind == "allocation":
        from bildungsplaner.planning.allocation_spec import AllocationSpec

        return AllocationSpec.from_dict(data)
    from bildungsplaner.planning.demand_spec import DemandSpec

    return DemandSpec.from_dict(data)


def parse(text: str, source: str = "Szenariodatei") -> AllocationSpec | DemandSpec:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UserInputError(f"{source} ist kein gültiges TOML: {exc}.") from exc
    return parse_dict(data)


def load(path: Path) -> AllocationSpec | DemandSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise UserInputError(f"Die Szenariodatei {path} gibt es nicht.") from exc
    except UnicodeDecodeError as exc:
        raise UserInputError(f"{path.name} ist keine UTF-8-Textdatei.") from exc
    except OSError as exc:
        raise UserInputError(f"{path.name} kann nicht gelesen werden: {exc.strerror or exc}.") from exc
    return parse(text, path.name)


def dumps(spec: AllocationSpec | DemandSpec) -> str:
    """Normalised TOML text of ``spec`` (``format``, ``kind``, ``name`` first)."""
    data = spec.to_dict()
    head = {"format": FORMAT, "kind": data.pop("kind", spec_kind(spec)), "name": data.pop("name")}
    data.pop("format", None)
    return tomli_w.dumps({**head, **data})


def spec_kind(spec: Any) -> str:
    return "allocation" if type(spec).__name__ == "AllocationSpec" else "demand"
