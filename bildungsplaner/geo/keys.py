"""Which property of a boundary layer is the region key, which the name, and which workspace region a key means.

Rules:

* Key field: the user's ``--key-field``, else the first field (case-insensitive) of :data:`KEY_FIELDS`
  (``ARS``, ``AGS``, ``RS``, ``SCHLUESSEL`` …, then local numbers such as ``STT_NR``, then ``ID``). A field that is
  empty for some feature is passed over; duplicates in the chosen field refuse the layer, listing them (a layer
  has one feature per region; multi-part regions are one multipolygon).
* Keys are text. A key the file stores as a number (a numeric .dbf field, a JSON number) has lost its leading
  zeros: it is turned into text and repaired with the importer's rule
  (:func:`~bildungsplaner.importing.regionkeys.repair_leading_zero`, passed in as ``repair`` by the service:
  the work rooms do not import each other), and the report says so.
* Matching keys to the workspace's regions is the service's (``services/geo.py``), with the importer's key rules.
* Name field: the user's ``--name-field``, else the first of :data:`NAME_FIELDS`, else any field whose name
  contains „NAME“; without one the key stands in for the name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr

__all__ = ["KEY_FIELDS", "NAME_FIELDS", "LayerKeys", "read_keys"]

KEY_FIELDS = ("ARS", "AGS", "RS", "SCHLUESSEL", "SCHLÜSSEL", "REGIONALSCHLUESSEL", "GKZ", "GEMEINDESCHLUESSEL",
              "KREISSCHLUESSEL", "STT_NR", "STB_NR", "SR_NR", "SOZIALRAUM_NR", "BEZIRK_NR", "NR", "NUMMER", "KEY",
              "CODE", "ID")
NAME_FIELDS = ("GEN", "NAME", "STT_NAME", "STB_NAME", "SR_NAME", "BEZEICHNUNG", "GEMEINDE", "KREIS", "STADTTEIL",
               "SOZIALRAUM")
MAX_LISTED = 20


@dataclass
class LayerKeys:
    """The key and name of every feature, as text, and what was done to them."""

    key_field: str
    name_field: str | None
    keys: list[str]
    names: list[str]
    #: keys the file stored as numbers (with the leading zero put back where the rule allows), as (stored, key)
    from_numbers: list[tuple[str, str]] = field(default_factory=list)


def _find(fields: list[str], wanted: Iterable[str]) -> list[str]:
    by_upper = {f.upper(): f for f in fields}
    return [by_upper[w] for w in wanted if w in by_upper]


def _as_text(value: Any) -> tuple[str, bool]:
    """(text, was a number) of a property value."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return str(value), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        return (str(int(value)), True) if value.is_integer() else (repr(value), True)
    return str(value).strip(), False


def read_keys(fields: list[str], properties: list[dict[str, Any]], file_name: str, *,
              key_field: str | None = None, name_field: str | None = None,
              repair: Callable[[str], str] | None = None) -> LayerKeys:
    """Detect (or check) the key and name fields and read every feature's key and name as text.

    ``repair`` puts back the leading zero of a key stored as a number (the service passes the importer's rule).
    """
    if key_field is not None:
        if key_field not in fields:
            raise UserInputError(tr("{name} hat kein Feld „{field}“; vorhanden: {fields}.", name=file_name,
                                    field=key_field, fields=", ".join(fields)))
        candidates = [key_field]
    else:
        candidates = [f for f in _find(fields, KEY_FIELDS)
                      if all(_as_text(p.get(f))[0] for p in properties)]
        if not candidates:
            raise UserInputError(tr("{name}: kein Schlüsselfeld erkannt (gesucht: {wanted}); bitte mit --key-field "
                                    "angeben. Felder: {fields}.", name=file_name, wanted=", ".join(KEY_FIELDS[:6]),
                                    fields=", ".join(fields)))
    chosen = candidates[0]
    if name_field is not None:
        if name_field not in fields:
            raise UserInputError(tr("{name} hat kein Feld „{field}“; vorhanden: {fields}.", name=file_name,
                                    field=name_field, fields=", ".join(fields)))
        name_at: str | None = name_field
    else:
        names_found = _find(fields, NAME_FIELDS) or [f for f in fields if "NAME" in f.upper()]
        name_at = names_found[0] if names_found else None
    keys: list[str] = []
    from_numbers: list[tuple[str, str]] = []
    for number, props in enumerate(properties, start=1):
        text, numeric = _as_text(props.get(chosen))
        if not text:
            raise UserInputError(tr("{name}: Objekt {number} hat im Schlüsselfeld „{field}“ keinen Wert.",
                                    name=file_name, number=format_number(number), field=chosen))
        if numeric:
            repaired = repair(text) if repair else text
            from_numbers.append((text, repaired))
            text = repaired
        keys.append(text)
    names = [(_as_text(p.get(name_at))[0] if name_at else "") or key for p, key in zip(properties, keys, strict=True)]
    twice = [key for key, count in Counter(keys).items() if count > 1]
    if twice:
        shown = [f"{key} ({', '.join(sorted({n for k, n in zip(keys, names, strict=True) if k == key}))})"
                 for key in twice[:MAX_LISTED]]
        more = tr(" und {count} weitere", count=format_number(len(twice) - MAX_LISTED)) if len(twice) > MAX_LISTED \
            else ""
        raise UserInputError(tr("{name}: {count} Schlüssel im Feld „{field}“ kommen mehrfach vor: {keys}{more}. Je "
                                "Gebiet ist ein Objekt erlaubt (mehrteilige Gebiete als ein Multipolygon); "
                                "anderes Schlüsselfeld mit --key-field wählen.", name=file_name,
                                count=format_number(len(twice)), field=chosen, keys="; ".join(shown), more=more))
    return LayerKeys(chosen, name_at, keys, names, from_numbers)
