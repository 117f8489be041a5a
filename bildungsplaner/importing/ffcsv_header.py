"""How to recognise the header line of a GENESIS flat file ("ffcsv").

Below both :mod:`~bildungsplaner.importing.sniff` (which decides a file's format by its first line) and
:mod:`~bildungsplaner.importing.ffcsv` (which reads the file), so the sniffer never imports the reader.
"""

from __future__ import annotations

__all__ = ["FIRST_COLUMNS", "is_ffcsv_header", "normalize_name"]

#: The first column of a flat file: new layout, old layout (after :func:`normalize_name`).
FIRST_COLUMNS = ("statistics_code", "statistik_code")


def normalize_name(name: str) -> str:
    """A header cell as the flat-file reader compares it: unquoted, stripped, lower case, ``ä`` → ``ae``."""
    return name.strip().strip('"').strip().lower().replace("ä", "ae")


def is_ffcsv_header(line: str) -> bool:
    """True for the header line of a flat file in either layout (first field ``statistics_code`` or
    ``Statistik_Code`` and a ``time``/``Zeit`` column)."""
    fields = [normalize_name(f) for f in line.lstrip("\ufeff").rstrip("\r\n").split(";")]
    return len(fields) > 5 and fields[0] in FIRST_COLUMNS and bool({"time", "zeit"} & set(fields))
