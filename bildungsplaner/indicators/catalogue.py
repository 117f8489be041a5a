"""The built-in catalogue of Kennzahlen (``resources/indicators/catalogue.toml``), shipped with the program.

Every entry is an ordinary definition (``spec.py``) with the catalogue's texts: area A–I of the
Anwendungsleitfaden, tier (Kern, Überblick, Ergänzung), purpose, formula in words, caveats, Stichtag rule and
source tables. Its inputs name GENESIS tables and value columns as the import stores them, so an entry can be
computed as soon as its tables are in a workspace; otherwise it is listed as „Quelle fehlt: Tabelle …“.
The file is read once per process; a broken catalogue is a programming error (tested), not a user's.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path

from bildungsplaner.indicators.spec import IndicatorSpec
from bildungsplaner.paths import resources_dir

__all__ = ["catalogue", "catalogue_entry", "catalogue_file", "required_tables"]


def catalogue_file() -> Path:
    return resources_dir() / "indicators" / "catalogue.toml"


@functools.cache
def catalogue() -> tuple[IndicatorSpec, ...]:
    """The built-in entries in the file's order."""
    data = tomllib.loads(catalogue_file().read_text(encoding="utf-8"))
    if data.get("format") != 1:
        raise ValueError(f"{catalogue_file()}: format must be 1")
    entries = tuple(IndicatorSpec.from_dict(entry) for entry in data.get("indicator", []))
    codes = [e.code for e in entries]
    if len(set(codes)) != len(codes):
        raise ValueError(f"{catalogue_file()}: duplicate codes")
    return entries


def catalogue_entry(code: str) -> IndicatorSpec | None:
    return next((e for e in catalogue() if e.code == code), None)


def required_tables(spec: IndicatorSpec) -> list[str]:
    """The GENESIS tables an entry's inputs name, in order."""
    return list(dict.fromkeys(i.table for i in spec.inputs if i.table))
