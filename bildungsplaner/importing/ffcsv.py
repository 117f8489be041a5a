"""GENESIS flat files ("ffcsv", "Flat-File-CSV") → observations.

A flat file has one header line and one line per data point (or per combination of characteristics), ``;``
separated, optionally with ``"`` quotes. Two layouts are read; both start with the statistic and the time
and then name each characteristic ("Merkmal", "variable") in a block of four columns numbered 1, 2, …

**New layout** (GENESIS-Online since 2023/2024, UTF-8), one value per line::

    statistics_code;statistics_label;time_code;time_label;time;
    1_variable_code;1_variable_label;1_variable_attribute_code;1_variable_attribute_label;
    2_variable_code;2_variable_label;2_variable_attribute_code;2_variable_attribute_label;   (… n_…)
    value;value_unit;value_variable_code;value_variable_label;value_q

    12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;2015-12-31;KREISE;Kreise und krfr. Städte;
    05978;Unna, Kreis;GES;Geschlecht;GESM;männlich;193438;Anzahl;BEVSTD;Bevölkerungsstand;e

**Old layout** ("Flat-File" of the older GENESIS and the Regionaldatenbank, UTF-8 or Windows-1252), one
value column per measure, each optionally followed by its quality column::

    Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;
    1_Merkmal_Code;1_Merkmal_Label;1_Auspraegung_Code;1_Auspraegung_Label;   (… n_…, also "Ausprägung")
    BEVSTD__Bevoelkerungsstand__Anzahl;BEVSTD__Bevoelkerungsstand__q          (CODE__Label__Unit[;CODE__Label__q])

Column names are matched case-insensitively; ``statistics_label``, ``time_code``, ``time_label``,
``value_unit``, ``value_variable_code``, ``value_variable_label`` and ``value_q`` (old: the labels, the time
code and the ``__q`` columns) may be missing. Columns the reader does not know are ignored with a warning.

Meaning of the columns:

* **Region**: the characteristic whose code is a GENESIS region variable (:data:`REGION_VARIABLES`:
  ``DINSG`` Deutschland, ``DLAND`` Länder, ``REGBEZ`` Regierungsbezirke/statistische Regionen, ``KREISE``
  Kreise und kreisfreie Städte, ``GEMEIN`` Gemeinden, ``GEMVB``/``GVB`` Gemeindeverbände), or else whose
  attribute codes all look like official region keys (perhaps without the leading zero Excel drops) with at
  least one of 4 or more digits or ``DG``, or under a label that names a kind of region. Its attribute code
  is ``region_key`` (``DG`` for ``DINSG``), its attribute label ``region_name``. The position may hold
  different region variables on different lines (``DINSG`` for Germany, ``KREISE`` for the Kreise).
* **Dimensions**: every other characteristic; name = variable label (code if there is no label), value =
  attribute label (else attribute code). An empty attribute (code and label) is the total over that
  characteristic and becomes ``Insgesamt``, as in GENESIS tables; a characteristic left entirely empty on a
  line is no dimension of that line.
* **Measure**: label → ``indicator``, code → ``indicator_code``, unit → ``unit``.
* **Time**: ``period`` is the time as written (``31.12.2015``, ``2015-12-31``, ``2015``), ``period_iso`` turns
  ``dd.mm.yyyy`` into ``yyyy-mm-dd`` and keeps everything else.
* **Values** are parsed by :func:`bildungsplaner.importing.columns.parse_value_column` (symbols ``-``,
  ``.``, ``...``, ``/``, ``x``, suffixes ``p``/``r``/``s``). GENESIS writes no thousands separators in its
  exports (``82175684``), so in a flat file a value column with a comma between digits is German and one
  with only points between digits is English: ``1.5`` is one and a half here (unlike in a GENESIS table).
* **Quality** (``value_q`` / ``…__q``): ``e`` (final) or empty adds nothing; ``p``, ``r``, ``s`` become the
  flag (a symbol in the value itself wins); a symbol ``-``, ``.``, ``...``, ``/``, ``x`` makes the value that
  symbol (0 for ``-``, missing otherwise). Other codes are ignored with a warning.

``table_code`` is taken from the file name when it contains a GENESIS table code (``12411-01-01-4``,
``12411-0001``), since the file itself only names the statistic (kept in ``meta["statistic_code"]``).
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr, translated
from bildungsplaner.importing.batch import OBSERVATION_COLUMNS, Batch
from bildungsplaner.importing.codes import guess_phase
from bildungsplaner.importing.columns import ValueColumnError, combine_codes, first_occurrences, parse_value_column
from bildungsplaner.importing.encoding import decode_text
from bildungsplaner.importing.ffcsv_header import FIRST_COLUMNS, normalize_name
from bildungsplaner.importing.numbers import MISSING_SYMBOLS
from bildungsplaner.importing.periods import period_iso
from bildungsplaner.importing.regionkeys import is_region_key, repair_leading_zero
from bildungsplaner.store import dimensions as dims

__all__ = ["MAX_BYTES", "REGION_VARIABLES", "FlatFileError", "parse_ffcsv"]

MAX_BYTES = 500 * 1024 * 1024
#: GENESIS codes of region variables (characteristics whose attributes are regions).
REGION_VARIABLES = frozenset({"DINSG", "DLAND", "REGBEZ", "KREISE", "GEMEIN", "GEMVB", "GVB"})
TOTAL = "Insgesamt"

_NEW_VARIABLE = re.compile(r"(\d+)_variable_(code|label|attribute_code|attribute_label)")
_OLD_VARIABLE = re.compile(r"(\d+)_(merkmal|auspraegung)_(code|label)")
_OLD_VALUE = re.compile(r"(.+?)__(.*)__(.*)", re.DOTALL)
_TABLE_CODE = re.compile(r"(?<!\d)(\d{5}-(?:\d{4}|\d{2}-\d{2}-\d[a-zA-Z]?))(?![\d-])")
_REGION_WORDS = re.compile(r"kreis|gemeinde|land|länder|bezirk|region|deutschland|stadt", re.IGNORECASE)
_QUOTED = re.compile(r'"[^"]*"')
_NEEDS_STRIP = re.compile(r'[ \t\u00a0\u202f][;"\r\n]|[;"\n][ \t\u00a0\u202f]|\A[ \t]|[ \t]\Z')
_QUALITY_SUFFIXES = frozenset({"p", "r", "s"})
_QUALITY_NEUTRAL = frozenset({"", "e"})


class FlatFileError(UserInputError):
    """The file is not a flat file this reader understands (message: one sentence in the interface's language)."""


@dataclass
class _Variable:
    number: int
    code: int
    label: int
    attribute_code: int
    attribute_label: int


@dataclass
class _Measure:
    """One value column: the new layout's ``value`` (code/label/unit per line) or an old ``CODE__Label__Unit``."""

    value: int
    header: str
    code: str | int | None = None  # text = the same for all lines, int = column with it per line
    label: str | int | None = None
    unit: str | int | None = None
    quality: int | None = None


@dataclass
class _Layout:
    kind: str  # "new" or "old"
    time: int
    statistic_code: int | None
    statistic_label: int | None
    variables: list[_Variable]
    measures: list[_Measure]
    ignored: list[str] = field(default_factory=list)


def _layout(header: list[str]) -> _Layout:
    names = [normalize_name(h) for h in header]
    index = {n: i for i, n in reversed(list(enumerate(names))) if n}
    new = names[0] == "statistics_code"
    time_name = "time" if new else "zeit"
    if time_name not in index:
        raise FlatFileError(tr("Der Flatfile-Datei fehlt die Spalte „{column}“.", column="time" if new else "Zeit"))
    used = {index[time_name]}
    for name in (("statistics_code", "statistics_label", "time_code", "time_label") if new
                 else ("statistik_code", "statistik_label", "zeit_code", "zeit_label")):
        if name in index:
            used.add(index[name])
    blocks: dict[int, dict[str, int]] = {}
    for i, name in enumerate(names):
        if new and (m := _NEW_VARIABLE.fullmatch(name)):
            blocks.setdefault(int(m[1]), {})[m[2]] = i
        elif not new and (m := _OLD_VARIABLE.fullmatch(name)):
            part = {"merkmal": "", "auspraegung": "attribute_"}[m[2]] + m[3]
            blocks.setdefault(int(m[1]), {})[part] = i
    variables = []
    for number in sorted(blocks):
        block = blocks[number]
        for part in ("code", "label", "attribute_code", "attribute_label"):
            if part not in block:
                wanted = (f"{number}_variable_{part}" if new else
                          f"{number}_{'Auspraegung' if part.startswith('attribute') else 'Merkmal'}_"
                          f"{part.removeprefix('attribute_').capitalize()}")
                raise FlatFileError(tr("Der Flatfile-Datei fehlt die Spalte „{column}“.", column=wanted))
        variables.append(_Variable(number, block["code"], block["label"], block["attribute_code"],
                                   block["attribute_label"]))
        used.update(block.values())
    if not variables:
        raise FlatFileError(tr("Die Flatfile-Datei enthält keine Merkmalsspalten (z. B. „1_variable_code“)."))
    measures: list[_Measure] = []
    if new:
        if "value" not in index:
            raise FlatFileError(tr("Der Flatfile-Datei fehlt die Spalte „{column}“.", column="value"))
        if "value_variable_label" not in index and "value_variable_code" not in index:
            raise FlatFileError(tr("Der Flatfile-Datei fehlt die Spalte „{column}“.", column="value_variable_label"))
        measures.append(_Measure(index["value"], header[index["value"]].strip().strip('"'),
                                 code=index.get("value_variable_code"),
                                 label=index.get("value_variable_label", index.get("value_variable_code")),
                                 unit=index.get("value_unit"), quality=index.get("value_q")))
        used.update(index[n] for n in ("value", "value_unit", "value_variable_code", "value_variable_label",
                                       "value_q") if n in index)
    else:
        for i, raw in enumerate(header):
            text = raw.strip().strip('"').strip()
            match = _OLD_VALUE.fullmatch(text)
            if i in used or match is None:
                continue
            code, label, unit = match[1].strip(), match[2].strip(), match[3].strip()
            if unit.lower() == "q":
                owner = next((m for m in reversed(measures) if m.code == code), None)
                if owner is not None and owner.quality is None:
                    owner.quality = i
                    used.add(i)
                continue
            measures.append(_Measure(i, text, code=code or None, label=label or code, unit=unit or None))
            used.add(i)
        if not measures:
            raise FlatFileError(tr("Die Flatfile-Datei enthält keine Wertspalte (CODE__Bezeichnung__Einheit)."))
    ignored = [header[i].strip() for i in range(len(header)) if i not in used and header[i].strip()]
    return _Layout("new" if new else "old", index[time_name],
                   index.get("statistics_code" if new else "statistik_code"),
                   index.get("statistics_label" if new else "statistik_label"), variables, measures, ignored)


def _read_rows(text: str) -> tuple[list[str], list[np.ndarray], np.ndarray]:
    """The reference reader (csv module, any file): header, stripped columns and each row's first line."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    width = 0
    line = 1
    try:
        for row in reader:
            if not "".join(row).strip():
                line = reader.line_num + 1
                continue
            if header is None:
                header = row
                while header and not header[-1].strip():
                    header.pop()
                width = len(header)
            else:
                if len(row) != width:
                    if len(row) > width and not "".join(row[width:]).strip():
                        row = row[:width]  # trailing ";" after the last column
                    else:
                        raise FlatFileError(tr("Zeile {line} hat {count} Felder, die Kopfzeile aber {width}.",
                                               line=line, count=format_number(len(row)),
                                               width=format_number(width)))
                rows.append(row)
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error:  # e.g. a field beyond csv.field_size_limit() in a hostile file
        raise FlatFileError(tr("Die Datei ist ab Zeile {line} keine lesbare CSV-Datei.", line=line)) from None
    if header is None:
        raise FlatFileError(tr("Die Datei ist leer."))
    columns = [np.asarray([cell.strip() for cell in col], dtype=object) for col in zip(*rows, strict=True)] \
        if rows else [np.empty(0, dtype=object) for _ in header]
    return header, columns, np.asarray(lines, dtype=np.int64)


def _read_fast(text: str) -> tuple[list[str], list[np.ndarray], np.ndarray] | None:
    """The same as :func:`_read_rows` with pandas' C parser, for regular files: every line one record (no
    line break inside quotes) with as many fields as the header. ``None`` for anything else, which
    :func:`_read_rows` then reads (or rejects with the exact line)."""
    unquoted = _QUOTED.sub('""', text) if '"' in text else text
    if unquoted.count("\n") != text.count("\n"):
        return None
    physical = unquoted.split("\n")
    filled = [i for i, line in enumerate(physical) if line.strip()]
    if len(filled) < 2:
        return None
    width = physical[filled[0]].count(";") + 1
    if any(physical[i].count(";") + 1 != width for i in filled):
        return None
    try:
        frame = pd.read_csv(io.StringIO(text), sep=";", header=None, dtype=object, na_filter=False,
                            skip_blank_lines=True, engine="c", quotechar='"', doublequote=True)
    except (pd.errors.ParserError, ValueError):
        return None
    if frame.shape != (len(filled), width):
        return None
    header = [str(c) for c in frame.iloc[0].tolist()]
    while header and not header[-1].strip():
        header.pop()
    columns = [frame[c].to_numpy(dtype=object)[1:] for c in range(width)]
    if any((extra != "").any() for extra in columns[len(header):]):
        return None  # a value beyond the header's last column: the reference reader names the line
    columns = columns[: len(header)]
    if _NEEDS_STRIP.search(text):
        columns = [np.asarray([cell.strip() for cell in col.tolist()], dtype=object) for col in columns]
    return header, columns, np.asarray(filled[1:], dtype=np.int64) + 1


def _region_position(layout: _Layout, columns: list[np.ndarray]) -> _Variable:
    def codes(var: _Variable) -> set[str]:
        return set(pd.unique(columns[var.code]).tolist()) - {""}

    for var in layout.variables:
        if codes(var) and codes(var) <= REGION_VARIABLES:
            return var
    for var in layout.variables:
        keys = set(pd.unique(columns[var.attribute_code]).tolist()) - {""}
        labels = " ".join(sorted(set(pd.unique(columns[var.label]).tolist())))
        if keys and all(is_region_key(repair_leading_zero(k)[0]) for k in keys) and (
                any(k == "DG" or len(k) >= 4 for k in keys) or _REGION_WORDS.search(labels)):
            return var
    raise FlatFileError(tr("Die Flatfile-Datei enthält kein regionales Merkmal (z. B. KREISE oder GEMEIN), "
                           "dessen Ausprägungen Regionalschlüssel sind."))


def _region_keys(region: _Variable, columns: list[np.ndarray], lines: np.ndarray,
                 warnings: list[str]) -> np.ndarray:
    keys = columns[region.attribute_code].copy()
    keys[(keys == "") & (columns[region.code] == "DINSG")] = "DG"
    inverse, uniques = pd.factorize(keys)
    uniques = np.asarray(uniques, dtype=object)
    fixed = uniques.copy()
    repaired: list[str] = []
    for j, key in enumerate(uniques.tolist()):
        if is_region_key(key):
            continue
        candidate, changed = repair_leading_zero(key)
        if changed and is_region_key(candidate):
            fixed[j] = candidate
            repaired.append(f"{key} → {candidate}")
            continue
        line = int(lines[int(np.argmax(inverse == j))])
        if not key:
            raise FlatFileError(tr("Zeile {line}: Die Zeile nennt keinen Regionalschlüssel.", line=line))
        raise FlatFileError(tr("Zeile {line}: „{key}“ ist kein amtlicher Regionalschlüssel.", line=line, key=key))
    if repaired:
        warnings.append(tr("Bei {count} Regionalschlüsseln fehlte die führende Null; sie wurde ergänzt "
                           "(z. B. {example}).", count=format_number(len(repaired)), example=repaired[0]))
    return fixed[inverse].astype(object)


def _dimensions(layout: _Layout, region: _Variable, columns: list[np.ndarray]) -> tuple[np.ndarray, list[str]]:
    """Canonical dimension text per line and all dimension names."""
    others = [v for v in layout.variables if v is not region]
    n = len(columns[0])
    if not others:
        return np.full(n, "", dtype=object), []
    parts: list[tuple[np.ndarray, np.ndarray]] = []  # (codes, uniques) of name and value per variable
    for var in others:
        name = np.where(columns[var.label] != "", columns[var.label], columns[var.code])
        value = np.where(columns[var.attribute_label] != "", columns[var.attribute_label],
                         columns[var.attribute_code])
        value = np.where(value == "", TOTAL, value)
        for part in (name, value):
            codes, uniques = pd.factorize(part)
            parts.append((codes, np.asarray(uniques, dtype=object)))
    codes = combine_codes([(c, len(uniques)) for c, uniques in parts], n)  # one per combination, in file order
    names: dict[str, None] = {}
    texts = []
    for row in first_occurrences(codes).tolist():
        combo = [str(uniques[c[row]]) for c, uniques in parts]
        mapping = {combo[k]: combo[k + 1] for k in range(0, len(combo), 2) if combo[k]}
        names.update(dict.fromkeys(mapping))
        texts.append(dims.encode(mapping))
    return np.asarray(texts, dtype=object)[codes], list(names)


def _flat_decimal(texts: np.ndarray) -> str:
    joined = "\n".join(pd.unique(texts).tolist())
    if re.search(r"\d,\d", joined):
        return ","
    return "." if re.search(r"\d\.\d", joined) else ","


def _values(measure: _Measure, columns: list[np.ndarray], lines: np.ndarray,
            warnings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    texts = columns[measure.value]
    try:
        values, flags = parse_value_column(pd.Series(texts, dtype=object), decimal=_flat_decimal(texts))
    except ValueColumnError as error:
        raise FlatFileError(tr("Zeile {line}, Spalte „{column}“: „{shown}“ ist keine Zahl{hint}.",
                               line=int(lines[error.position]), column=measure.header, shown=error.shown,
                               hint=translated(error.hint))) from None
    if measure.quality is None:
        return values, flags
    codes, uniques = pd.factorize(columns[measure.quality])
    unknown: list[str] = []
    for j, q in enumerate(uniques.tolist()):
        if q in _QUALITY_NEUTRAL:
            continue
        rows = codes == j
        if q in _QUALITY_SUFFIXES:
            plain = rows & np.array([f is None or f in _QUALITY_SUFFIXES for f in flags.tolist()], dtype=bool)
            flags[plain] = q
        elif q == "-":
            values[rows], flags[rows] = 0.0, "-"
        elif q in MISSING_SYMBOLS or q == "…":
            q = "..." if q == "…" else q
            numbers = rows & ~np.isnan(values)
            if numbers.any():
                warnings.append(tr("Zeile {line}: Der Wert steht neben dem Qualitätskennzeichen „{flag}“ und wird "
                                   "als fehlend übernommen.", line=int(lines[int(np.argmax(numbers))]), flag=q))
            values[rows], flags[rows] = math.nan, q
        else:
            unknown.append(tr("„{flag}“ (Zeile {line})", flag=q, line=int(lines[int(np.argmax(rows))])))
    if unknown:
        warnings.append(tr("Unbekannte Qualitätskennzeichen in „{column}“ wurden nicht übernommen: {flags}.",
                           column=measure.header, flags=", ".join(unknown[:10])))
    return values, flags


def _column_or_text(spec: str | int | None, columns: list[np.ndarray], n: int) -> np.ndarray:
    if isinstance(spec, int):
        out = columns[spec].copy()
        out[out == ""] = None
        return out
    return np.full(n, spec, dtype=object)


def _obj(values: np.ndarray) -> pd.Series:
    """An object column that keeps ``None`` (pandas would infer its str dtype and turn ``None`` into NaN)."""
    return pd.Series(values, dtype=object)


def parse_ffcsv(data: bytes, file_name: str = "") -> Batch:
    """Read a GENESIS flat file (either layout, see the module docstring) into an observation batch.

    Raises :class:`FlatFileError` (a :class:`~bildungsplaner.UserInputError`) with one sentence in the interface's
    language — and the line where one applies — for empty or oversized files, missing columns, lines with another
    number of fields than the header, missing or invalid region keys, times and values.

    """
    if not data.strip():
        raise FlatFileError(tr("Die Datei ist leer."))
    if len(data) > MAX_BYTES:
        raise FlatFileError(tr("Die Datei ist mit {size} MB zu groß für eine Flatfile-Datei.",
                               size=format_number(len(data) // 1_000_000)))
    decoded = decode_text(data)
    warnings: list[str] = []
    if decoded.lossy:
        warnings.append(tr("Einige Zeichen der Datei waren nicht lesbar und wurden durch Ersatzzeichen ersetzt."))
    header, columns, lines = _read_fast(decoded.text) or _read_rows(decoded.text)
    if not header or normalize_name(header[0].lstrip("\ufeff")) not in FIRST_COLUMNS:
        raise FlatFileError(tr("Die Datei ist keine GENESIS-Flatfile-Datei, denn ihre erste Zeile beginnt nicht "
                               "mit „statistics_code“ oder „Statistik_Code“."))
    layout = _layout(header)
    if not len(lines):
        raise FlatFileError(tr("Die Flatfile-Datei enthält keine Datenzeilen."))
    if layout.ignored:
        warnings.append(tr("Nicht verwendete Spalten: {columns}.", columns=", ".join(layout.ignored[:20])))
    n = len(lines)
    period = columns[layout.time]
    if (period == "").any():
        raise FlatFileError(tr("Zeile {line}: Die Zeile nennt keine Zeit.",
                               line=int(lines[int(np.argmax(period == ""))])))

    period_codes, period_uniques = pd.factorize(period)
    iso_periods = np.asarray([period_iso(p) for p in period_uniques.tolist()], dtype=object)[period_codes]
    region = _region_position(layout, columns)
    region_key = _region_keys(region, columns, lines, warnings)
    region_name = columns[region.attribute_label].copy()
    region_name[region_name == ""] = None
    dimension_text, dimension_names = _dimensions(layout, region, columns)

    frames = []
    for measure in layout.measures:
        values, flags = _values(measure, columns, lines, warnings)
        label = _column_or_text(measure.label, columns, n)
        code = _column_or_text(measure.code, columns, n)
        label = np.where(pd.isna(label), code, label).astype(object)
        if pd.isna(label).any():
            line = int(lines[int(np.argmax(pd.isna(label)))])
            raise FlatFileError(tr("Zeile {line}: Die Zeile nennt kein Merkmal des Werts (value_variable_label).",
                                   line=line))

        frames.append(pd.DataFrame({
            "region_key": _obj(region_key), "region_name": _obj(region_name), "indicator": _obj(label),
            "indicator_code": _obj(code), "unit": _obj(_column_or_text(measure.unit, columns, n)),
            "period": _obj(period), "period_iso": _obj(iso_periods), "dimensions": _obj(dimension_text),
            "value": values, "flag": _obj(flags), "source_row": lines,
        }, columns=list(OBSERVATION_COLUMNS)))
    frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    statistic_code = columns[layout.statistic_code][0] if layout.statistic_code is not None else ""
    statistic = columns[layout.statistic_label][0] if layout.statistic_label is not None else ""
    table_code = _TABLE_CODE.search(file_name)
    return Batch(
        target="observations", format="genesis-ffcsv", rows=frame, rows_read=n,
        table_code=table_code[1] if table_code else None, title=statistic or None,
        meta={"layout": layout.kind, "encoding": decoded.encoding, "statistic_code": statistic_code,
              "statistic": statistic, "dimensions": dimension_names,
              "region_variables": sorted(set(pd.unique(columns[region.code]).tolist()) - {""}),
              "phase": guess_phase(table_code[1] if table_code else statistic_code).value},
        warnings=warnings,
    )
