"""One strict reader and one writer for every TOML file format (scenario files, import templates, and the
indicator, index and report formats to come); Qt-free, below every layer.

Modelled on frictionless' ``Metadata.from_descriptor``/``to_descriptor``: a spec class declares its keys once
as a tuple of :class:`Field` (name, type, required or default, check), :meth:`Format.table` reads one TOML
table by it and :func:`write` gives the table back. Reading is strict, with one message convention for every
format, ``<label>: „<path>“ <what is wrong>.``, for example ``Szenariodatei: „amount.step“ muss eine Zahl sein,
nicht 'x'.``; the messages go through :func:`~bildungsplaner.i18n.tr`, and a format's ``label`` and a field's
``what`` are looked up with :func:`~bildungsplaner.i18n.translated` (write them ``marked("…")``). Numbers in
messages are written as TOML writes them (``0.45``): they quote the file.

* a key the fields do not declare is an error naming it (typos do not pass silently);
* a required key that is missing: ``„need[1].weight“ fehlt.``;
* every value is type-checked; a number where a text (a key) belongs says that leading zeros get lost
  without quotes (Excel and TOML both turn ``05978`` into ``5978``);
* ``check`` validates and converts the typed value further (ranges, choices, tuples).

:func:`write` leaves out keys that are ``None`` or equal to their default (unless ``always``), turns tuples
into lists and calls ``to_dict`` of nested specs, so ``from_dict(write(spec)) == spec``.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

from bildungsplaner import UserInputError
from bildungsplaner.i18n import marked, tr, translated

__all__ = ["Field", "Fields", "Format", "Table", "write"]

MIN_YEAR, MAX_YEAR = 1900, 2200
_ZEROS = marked(" (in Anführungszeichen, sonst gehen führende Nullen verloren)")

#: the German phrase after „muss“ for every type (marked; looked up with ``translated``)
_WHAT = {"text": marked("ein Text"), "number": marked("eine Zahl"), "integer": marked("eine ganze Zahl"),
         "bool": marked("true oder false"), "texts": marked("eine Liste von Texten"),
         "texttable": marked("eine Zuordnung von Texten"), "table": marked("eine Tabelle"),
         "section": marked("ein Abschnitt"), "list": marked("eine Liste"), "year": marked("eine Jahreszahl"),
         "any": ""}


@dataclass(frozen=True)
class Field:
    """One key of a TOML table: its type (a key of ``_WHAT``), whether it is required, its default, and an
    optional ``check(table, value) -> value`` that validates and converts further (raise via
    :meth:`Table.fail`). ``always``: written even when equal to the default (a callable decides per spec).
    ``what`` replaces the type's German phrase in messages (write it ``marked("…")``); ``attr`` the spec
    attribute (default: ``name``)."""

    name: str
    type: str = "text"
    required: bool = False
    default: Any = None
    check: Callable[[Table, Any], Any] | None = None
    always: bool | Callable[[Any], bool] = False
    what: str = ""
    attr: str = ""
    #: texts: an empty text is allowed (else „ist leer“); a single text is taken as a list of one
    empty_ok: bool = False
    single_ok: bool = False
    #: numbers: ``False`` or a (low, high, low_open) range, or "nonnegative"
    low: float | None = None
    high: float | None = None
    low_open: bool = False


Fields = tuple[Field, ...]


class Format:
    """One file format: its German label (the message prefix, written ``marked("…")``), error class and whether
    texts are stripped."""

    def __init__(self, label: str, error: type[UserInputError] = UserInputError, strip: bool = True) -> None:
        self.label, self.error, self.strip = label, error, strip

    def fail(self, text: str) -> NoReturn:
        raise self.error(f"{translated(self.label)}: {text}")

    def table(self, data: Any, where: str, fields: Sequence[Field]) -> Table:
        return Table(self, data, where, fields)

    # --- typed values (usable on their own, e.g. for the keys of a year table) ---

    def number(self, value: Any, where: str, low: float | None = None, high: float | None = None,
               low_open: bool = False) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.fail(tr("{where} muss eine Zahl sein, nicht {value}.", where=where, value=repr(value)))
        if low is not None and high is not None and (value < low or (low_open and value == low) or value > high):
            bound = (tr("größer als {low}", low=f"{low:g}") if low_open else
                     tr("mindestens {low}", low=f"{low:g}"))
            hint = tr(" (Quoten als Anteil schreiben: 0.45 statt 45)") if high == 1 and value > 1 else ""
            self.fail(tr("{where} muss {bound} und höchstens {high} sein, nicht {value}{hint}.", where=where,
                         bound=bound, high=f"{high:g}", value=repr(value), hint=hint))
        if low is not None and high is None and value < low:
            self.fail(tr("{where} darf nicht negativ sein.", where=where) if low == 0 else
                      tr("{where} muss mindestens {low} sein.", where=where, low=f"{low:g}"))
        return float(value)

    def year(self, value: Any, where: str) -> int:
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int) or not MIN_YEAR <= value <= MAX_YEAR:
            self.fail(tr("{where} muss eine Jahreszahl sein (z. B. 2026), nicht {value}.", where=where,
                         value=repr(value)))
        return value


class Table:
    """One TOML table read strictly by ``fields``; ``values`` holds every field's typed value (or default)."""

    def __init__(self, fmt: Format, data: Any, where: str, fields: Sequence[Field]) -> None:
        self.format, self.where, self.data = fmt, where, data
        if not isinstance(data, Mapping):
            fmt.fail(tr("„{where}“ muss ein Abschnitt sein, nicht {value}.", where=where, value=repr(data)))
        names = [f.name for f in fields]
        unknown = [k for k in data if k not in names]
        if unknown:
            fmt.fail(tr("unbekannter Schlüssel „{key}“ (erlaubt: {allowed}).", key=self.path(unknown[0]),
                        allowed=", ".join(names)))
        self.values: dict[str, Any] = {}
        for f in fields:
            value = data.get(f.name)
            if value is None:
                if f.required:
                    fmt.fail(tr("„{key}“ fehlt.", key=self.path(f.name)))
                self.values[f.attr or f.name] = copy.copy(f.default)  # a fresh list or dict per spec
                continue
            value = self._typed(f, value)
            self.values[f.attr or f.name] = f.check(self, value) if f.check else value

    def path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def fail(self, key: str, text: str) -> NoReturn:
        """Raise ``<label>: „<where>.<key>“ <text>``."""
        self.format.fail(f"{tr('„{name}“', name=self.path(key))} {text}")

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def _typed(self, f: Field, value: Any) -> Any:
        where, fmt = tr("„{name}“", name=self.path(f.name)), self.format

        if f.type == "number":
            return fmt.number(value, where, f.low, f.high, f.low_open)
        if f.type == "year":
            return fmt.year(value, where)
        if f.type == "text":
            if not isinstance(value, str):
                self._wrong(f, value, _ZEROS if isinstance(value, int | float) and not isinstance(value, bool) else "")
            if not value.strip() and not f.empty_ok:
                self.fail(f.name, tr("ist leer."))
            return value.strip() if fmt.strip else value
        if f.type == "texts":
            if isinstance(value, str) and f.single_ok:
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                self._wrong(f, value)
            return [v.strip() for v in value] if fmt.strip else list(value)
        if f.type == "texttable":
            if not isinstance(value, Mapping) or not all(isinstance(v, str) and v.strip() for v in value.values()):
                self._wrong(f, value)
            return dict(value)
        ok = {"integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "bool": lambda v: isinstance(v, bool),
              "table": lambda v: isinstance(v, Mapping), "section": lambda v: isinstance(v, Mapping),
              "list": lambda v: isinstance(v, list), "any": lambda v: True}[f.type]
        if not ok(value):
            self._wrong(f, value)
        return dict(value) if f.type == "table" else value

    def _wrong(self, f: Field, value: Any, hint: str = "") -> NoReturn:
        self.fail(f.name, tr("muss {what} sein, nicht {value}{hint}.", what=translated(f.what or _WHAT[f.type]),
                             value=repr(value), hint=translated(hint)))



def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def write(spec: Any, fields: Sequence[Field], head: Mapping[str, Any] | None = None,
          skip_empty: bool = True) -> dict[str, Any]:
    """The TOML table of ``spec`` by ``fields`` (after ``head``): ``None``, default values and (with
    ``skip_empty``) empty texts are left out unless the field is
    ``always`` written; nested specs by their ``to_dict``, tuples as lists; a field whose type is ``table``
    or ``texttable`` and whose value is a tuple of pairs is written as a table."""
    data: dict[str, Any] = dict(head or {})
    for f in fields:
        value = getattr(spec, f.attr or f.name)
        always = f.always(spec) if callable(f.always) else f.always
        if value is None or (not always and (value == f.default or (skip_empty and value == ""))):
            continue
        if f.type in ("table", "texttable") and isinstance(value, tuple):
            value = dict(value)
        data[f.name] = _plain(value)
    return data
