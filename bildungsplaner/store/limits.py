"""Text lengths on PostgreSQL: ``String(n)`` columns are enforced there (SQLite ignores the length).

A value longer than its column would make the server refuse the whole transaction with a driver error; checked
here before it is sent, it becomes a German message that names the field, the limit and the value's beginning.
Checked only where the limit is enforced (PostgreSQL), so SQLite workspaces behave exactly as before.

Two ways in, one rule: ORM objects (``before_insert``/``before_update`` of every mapped class, registered when
this module is imported, which ``store/__init__`` does) and the bulk path (:func:`check_rows`, called by
:func:`bildungsplaner.store.bulk.insert_rows`).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import FromClause, String, event
from sqlalchemy.orm import Mapper

from bildungsplaner import BildungsplanerError
from bildungsplaner.i18n import tr
from bildungsplaner.store.models import Base

#: dialects that enforce ``VARCHAR(n)``
ENFORCING = frozenset({"postgresql"})


class ValueTooLong(BildungsplanerError):
    """A text longer than its column allows."""


def string_limits(table: FromClause) -> dict[str, int]:
    """``{column: maximum length}`` of the table's ``String(n)`` columns."""
    return {c.name: c.type.length for c in table.columns
            if isinstance(c.type, String) and c.type.length is not None}


def too_long(table: str, column: str, limit: int, value: str) -> ValueTooLong:
    shown = value if len(value) <= 60 else value[:57] + "…"
    return ValueTooLong(tr("„{value}“ ist zu lang für das Feld {field} (höchstens {limit} Zeichen, hier {length}).",
                           value=shown, field=f"{table}.{column}", limit=limit, length=len(value)))


def check_rows(table: FromClause, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Raise :class:`ValueTooLong` for the first text in ``rows`` (tuples in the order of ``columns``) that is
    longer than its column allows."""
    limits = string_limits(table)
    for index, name in enumerate(columns):
        limit = limits.get(name)
        if limit is None:
            continue
        # over the distinct values (a set made in C): an import's periods and dimensions repeat on every row
        longest = max((v for v in set(map(itemgetter(index), rows)) if isinstance(v, str)), key=len, default="")
        if len(longest) > limit:
            raise too_long(getattr(table, "name", ""), name, limit, longest)


def _check_object(mapper: Mapper[Any], connection: Any, target: Any) -> None:
    if connection.dialect.name not in ENFORCING:
        return
    for table in mapper.tables:
        for name, limit in string_limits(table).items():
            prop = mapper.get_property_by_column(table.c[name])
            value = getattr(target, prop.key, None)
            if isinstance(value, str) and len(value) > limit:
                raise too_long(getattr(table, "name", ""), name, limit, value)


event.listen(Base, "before_insert", _check_object, propagate=True)
event.listen(Base, "before_update", _check_object, propagate=True)
