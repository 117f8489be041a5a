"""The real statistics files in ``../shared/real-data`` (never copied into the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"


def real_file(name: str) -> Path:
    """A file from ``../shared/real-data``; the test is skipped where that folder is absent."""
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path


#: An import template for the real NRW school list (schools as facilities, pupils and the Sozialindex as attributes).
SCHOOLS_TEMPLATE = """
format = 1
name = "NRW Schulliste mit Sozialindex"
target = "facilities"
[regions]
key = "Amtlicher Gemeindeschlüssel"
create_unmatched = true
[facilities]
key = "Schulnummer"
name = "Amtliche Bezeichnung 1"
kind = "Schulform"
phase = "Schule"
attributes = { schueler = "Anzahl", sozialindex = "Sozialindex" }
"""

#: A Kennzahl of the user's own on the real school-leavers table ``genesis_21111-02-06-4_00.csv``.
OWN_KENNZAHL = """
format = 1
kind = "indicator"
code = "ABG_FRAUEN_AHR"
name = "Anteil der Frauen an den Absolventen mit allgemeiner Hochschulreife"
unit = "%"
decimals = 1
formula = "100 * frauen / alle"
[inputs.frauen]
indicator = "ABSOLVENTEN_ABGAENGER"
where = { Schulabschluss = "mit allgemeiner Hochschulreife", Geschlecht = "weiblich" }
[inputs.alle]
indicator = "ABSOLVENTEN_ABGAENGER"
where = { Schulabschluss = "mit allgemeiner Hochschulreife", Geschlecht = "Insgesamt" }
"""

#: A template for a flat csv of population by Gemeinde, Stichtag and Geschlecht (the tests' own small tables).
POPULATION_TEMPLATE = """
format = 1
name = "Einwohner nach Geschlecht"
target = "observations"
[regions]
key = "AGS"
name = "Gemeinde"
[observations]
period = "Stichtag"
dimensions = ["Geschlecht"]
[[observations.measures]]
column = "Einwohner"
indicator = "BEV"
name = "Bevölkerung"
unit = "Anzahl"
"""
