"""What a Kennzahl's input can read: the real dimension values of an indicator, for the definition editor.

Rules:

* Only current observations count (datasets not superseded), so the editor offers exactly the values the
  computation will see (``where`` filters of :mod:`bildungsplaner.indicators.spec`).
* An input names an indicator by code, or a GENESIS table with the label of its value column (``measure``);
  both are resolved here the same way the computation resolves them (the measure is the indicator's name or
  code, the table the datasets of that table code).
* Values are listed in natural order with the dimension's totals („Insgesamt …“) first, since a total is the
  usual filter; a dimension whose values read as ages is marked, because it is filtered with ``ages`` rather
  than ``where``.
* Read only; no messages (an unknown indicator simply has no dimensions).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from bildungsplaner.indicators.ages import is_age_dimension
from bildungsplaner.services.browse import natural_key
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.dimensions import decode, is_total_label
from bildungsplaner.store.models import Dataset, Indicator, Observation

__all__ = ["InputDimension", "input_dimensions"]


@dataclass(frozen=True)
class InputDimension:
    """One dimension of an input's observations and its values (totals first)."""

    name: str
    values: tuple[str, ...]
    #: its values read as ages (filter it with ``ages``, not ``where``)
    ages: bool = False


def input_dimensions(ws: Workspace, *, indicator: str | None = None, table: str | None = None,
                     measure: str | None = None) -> list[InputDimension]:
    """The dimensions (sorted by name) of the current observations an input reads: ``indicator`` (a code), or
    ``table`` with ``measure``; empty when nothing matches."""
    with ws.session() as s:
        if indicator:
            ids = list(s.scalars(select(Indicator.id).where(Indicator.code == indicator)))
        elif table and measure:
            ids = list(s.scalars(select(Indicator.id).where(
                (Indicator.name == measure) | (Indicator.code == measure))))
        else:
            return []
        if not ids:
            return []
        stmt = (select(Observation.dimensions).distinct()
                .join(Dataset, Dataset.id == Observation.dataset_id)
                .where(Observation.indicator_id.in_(ids), Dataset.superseded_by_id.is_(None)))
        if table and not indicator:
            stmt = stmt.where(Dataset.table_code == table)
        texts = [t for t in s.scalars(stmt) if t]
    values: dict[str, set[str]] = {}
    for text in texts:
        for key, value in decode(text).items():
            values.setdefault(key, set()).add(value)
    result = []
    for name in sorted(values, key=natural_key):
        ordered = sorted(values[name], key=lambda v: (0 if is_total_label(v) else 1, natural_key(v)))
        result.append(InputDimension(name, tuple(ordered), is_age_dimension(name, ordered)))
    return result
