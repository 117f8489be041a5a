"""Guess an import template from a table's column names and values (the import assistant's first draft).

Rules, by column name (case, umlauts and punctuation ignored) and a sample of the values:

* **Region key**: ``AGS``, ``ARS``, ``GKZ``, names with ``Gemeindeschlüssel``, ``Regionalschlüssel``,
  ``Kreisschlüssel``; or with ``Schlüssel``/``Kennziffer`` when most sampled values are official region keys.
  **Region name**: ``Gemeinde``, ``Gemeindename``, ``Gebiet``, ``Region``, ``Kreis``, ``Stadtteil``,
  ``Sozialraum``, ``Ortsteil``, ``Bezirk`` (not ``Verwaltungsbezirk``, which names the Kreis of a Gemeinde).
* **Period**: ``Jahr``, ``Stichtag``, ``Schuljahr``, ``Berichtsjahr``, ``Zeitraum``, ``Datum``.
* **Numbers**: a column whose sampled cells all parse as numbers or symbols (at least one number) and whose
  name does not mark an identifier (``Nr``, ``Nummer``, ``PLZ``, ``Postleitzahl``, ``Telefon``, ``Fax``,
  ``Vorwahl``, ``Durchwahl``, ``ID``, ``Kennung``, ``Schlüssel``). They become measures (observations) or
  attributes named after the column (facilities).
* **Facilities**: key ``Schulnummer``/``Einrichtungsnummer``/``Kitanummer``/``Nummer``/``Nr``/``ID``; name
  ``Schulname``/``Einrichtungsname``/``Name``/``Bezeichnung`` (the first, e.g. ``Amtliche Bezeichnung 1``);
  kind ``Schulform``/``Schulart``/``Einrichtungsart``/``Art``/``Typ``; address street, postcode, town; the
  text columns ``Träger``/``Trägerschaft``/``Rechtsform`` as attributes (kept as text);
  phase ``Schule`` unless the columns speak of Kitas (frühkindliche Bildung).
* **Regions**: the key is a column named ``…Nr``/``…Nummer``/``ID``/``Code`` (the list's own numbering), with
  an official key column (as above) beside it as the parent; without such a column the official key is the
  key. Name as above or ``Name``/``Bezeichnung``. The level comes from the keys (all official: the most common
  level) or the column names (Sozialraum, Stadtteil/Ortsteil, Schulbezirk), else ``other``.
* **Dimensions** (observations): other text columns with 2 to 50 distinct values.

The suggestion may be incomplete (no measure found, no key): :meth:`ImportTemplate.validate` says what is
missing, and the user completes it in the assistant.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.importing.batch import Target
from bildungsplaner.importing.codes import indicator_code
from bildungsplaner.importing.columns import parse_key_column, parse_value_column
from bildungsplaner.importing.regionkeys import is_region_key, key_level, repair_leading_zero
from bildungsplaner.importing.template import (
    FacilityMapping,
    ImportTemplate,
    Measure,
    ObservationMapping,
    RegionListMapping,
    RegionMapping,
)
from bildungsplaner.store.models import Phase, RegionLevel

__all__ = ["suggest_template"]

SAMPLE = 500
_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_KEY_EXACT = {"ags", "ars", "gkz", "rs", "agsnr", "regionalschluessel", "gemeindeschluessel"}
_KEY_WORDS = {"ags", "ars", "gkz"}
_KEY_PARTS = ("gemeindeschluessel", "regionalschluessel", "kreisschluessel", "gemeindekennziffer")
_NAME_EXACT = {"gemeinde", "gemeindename", "namedergemeinde", "gebiet", "gebietsname", "region", "regionsname",
               "kreis", "kreisname", "stadtteil", "sozialraum", "ortsteil", "bezirk", "stadtbezirk", "gemeindeverband"}
_PERIOD_EXACT = {"jahr", "stichtag", "schuljahr", "berichtsjahr", "zeitraum", "datum", "periode", "zeit",
                 "kalenderjahr", "jahrstichtag"}
_ID_WORDS = {"nr", "id", "plz", "nummer"}
#: Text columns of a facility list kept as attributes (Träger „Stadt Unna“).
_TEXT_ATTRIBUTES = ("traeger", "rechtsform", "schultraeger")
_ID_PARTS = ("nummer", "postleitzahl", "telefon", "fax", "vorwahl", "durchwahl", "schluessel", "kennziffer",
             "kennung", "email", "mail")


def _norm(name: object) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).casefold().translate(_TRANSLIT))


def _words(name: object) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", str(name).casefold().translate(_TRANSLIT)) if w]


def _is_identifier(name: object) -> bool:
    norm = _norm(name)
    return bool(set(_words(name)) & _ID_WORDS) or any(p in norm for p in _ID_PARTS) or norm.endswith("nr")


class _Columns:
    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.names = [str(c) for c in frame.columns]
        self.used: set[str] = set()
        self._samples: dict[str, pd.Series] = {}

    def sample(self, column: str) -> pd.Series:
        if column not in self._samples:
            series = self.frame[column]
            self._samples[column] = series[series.notna()].head(SAMPLE)
        return self._samples[column]

    def key_share(self, column: str) -> float:
        keys = [k for k in parse_key_column(self.sample(column)).tolist() if k]
        return sum(is_region_key(repair_leading_zero(k)[0]) for k in keys) / len(keys) if keys else 0.0

    def numeric(self, column: str) -> bool:
        try:
            values, _ = parse_value_column(self.sample(column))
        except UserInputError:
            return False
        return bool((values == values).any())  # at least one number (NaN != NaN)

    def pick(self, test, *, exclude_used: bool = True) -> str | None:
        for name in self.names:
            if (not exclude_used or name not in self.used) and test(name):
                self.used.add(name)
                return name
        return None


def _strong_key(name: str) -> bool:
    norm = _norm(name)
    return norm in _KEY_EXACT or any(p in norm for p in _KEY_PARTS) or bool(set(_words(name)) & _KEY_WORDS)


def _region_key(cols: _Columns) -> str | None:
    def weak(name: str) -> bool:
        return any(w in _norm(name) for w in ("schluessel", "kennziffer")) and cols.key_share(name) >= 0.8

    return cols.pick(_strong_key) or cols.pick(weak)


def _region_name(cols: _Columns) -> str | None:
    return cols.pick(lambda n: _norm(n) in _NAME_EXACT and not cols.numeric(n))


def _numbers(cols: _Columns) -> list[str]:
    found = [n for n in cols.names if n not in cols.used and not _is_identifier(n) and cols.numeric(n)]
    cols.used.update(found)
    return found


def _observations(cols: _Columns, name: str) -> ImportTemplate:
    regions = RegionMapping(_region_key(cols), _region_name(cols))
    period = cols.pick(lambda n: _norm(n) in _PERIOD_EXACT or _norm(n).startswith(("jahr", "stichtag")))
    measures = [Measure(c) for c in _numbers(cols)]
    dimensions = []
    for column in cols.names:
        if column in cols.used or _is_identifier(column):
            continue
        distinct = cols.frame[column].dropna().nunique()
        if 2 <= distinct <= 50:
            dimensions.append(column)
            cols.used.add(column)
    mapping = ObservationMapping(measures, period, None, dimensions)
    return ImportTemplate(name, "observations", regions=regions, observations=mapping)


def _facilities(cols: _Columns, name: str) -> ImportTemplate:
    key = cols.pick(lambda n: any(p in _norm(n) for p in ("schulnummer", "einrichtungsnummer", "kitanummer",
                                                          "schulnr", "einrichtungsnr"))) \
        or cols.pick(lambda n: _norm(n) in {"nummer", "nr", "id", "kennung", "schluessel"})
    regions = RegionMapping(_region_key(cols), _region_name(cols))
    title = cols.pick(lambda n: any(p in _norm(n) for p in ("schulname", "einrichtungsname", "kitaname"))) \
        or cols.pick(lambda n: _norm(n) in {"name", "bezeichnung"}
                     or _norm(n).startswith(("name", "bezeichnung", "amtlichebezeichnung")))
    kind = cols.pick(lambda n: any(p in _norm(n) for p in ("schulform", "schulart", "einrichtungsart", "kitaart"))
                     or _norm(n) in {"art", "typ", "form"})
    street = cols.pick(lambda n: "strasse" in _norm(n) or _norm(n) in {"adresse", "anschrift"})
    postcode = cols.pick(lambda n: _norm(n) in {"plz", "postleitzahl"})
    town = cols.pick(lambda n: _norm(n) in {"ort", "stadt", "wohnort", "ortsname"})
    attributes = {indicator_code(c).lower(): c for c in _numbers(cols)}
    for column in [n for n in cols.names if n not in cols.used and any(w in _norm(n) for w in _TEXT_ATTRIBUTES)]:
        attributes.setdefault(indicator_code(column).lower(), column)
        cols.used.add(column)
    everything = " ".join(_norm(n) for n in cols.names)
    kita = any(w in everything for w in ("kita", "kindertage", "tageseinrichtung", "krippe"))
    phase = Phase.FRUEHKINDLICH if kita and "schul" not in everything else Phase.SCHULE
    facilities = FacilityMapping(
        key or "", title or "", kind, None, phase.value, None, [c for c in (street, postcode, town) if c],
        attributes=attributes)
    return ImportTemplate(name, "facilities", regions=regions, facilities=facilities)


def _regionlist(cols: _Columns, name: str) -> ImportTemplate:
    ident_words = ("nr", "nummer", "id", "key", "code", "schluessel", "kennziffer")
    # a list of local regions has its own number and perhaps the official key of the parent beside it
    own = cols.pick(lambda n: not _strong_key(n) and (_norm(n).endswith(ident_words)
                                                      or bool(set(_words(n)) & {"nr", "id"})))
    official = _region_key(cols)
    key, parent = (own, official) if own else (official, None)
    title = _region_name(cols) or cols.pick(lambda n: _norm(n) in {"name", "bezeichnung", "gebietsname"})
    level = RegionLevel.OTHER.value
    keys = [k for k in parse_key_column(cols.sample(key)).tolist() if k] if key else []
    if keys and all(is_region_key(k) for k in keys):
        level = Counter(key_level(k) for k in keys).most_common(1)[0][0]
    else:
        words = " ".join(_norm(n) for n in (key, title) if n)
        for word, value in (("sozialraum", RegionLevel.SOZIALRAUM), ("stadtteil", RegionLevel.STADTTEIL),
                            ("ortsteil", RegionLevel.STADTTEIL), ("schulbezirk", RegionLevel.SCHULBEZIRK)):
            if word in words:
                level = value.value
                break
    mapping = RegionListMapping(key or "", title or "", level, None, parent)
    return ImportTemplate(name, "regions", regionlist=mapping)


def suggest_template(frame: pd.DataFrame, target: Target, *, name: str = "Neue Importvorlage") -> ImportTemplate:
    """A best guess from column names and values that the import assistant pre-fills (rules: module docstring)."""
    cols = _Columns(frame)
    if target == "observations":
        return _observations(cols, name)
    if target == "facilities":
        return _facilities(cols, name)
    if target == "regions":
        return _regionlist(cols, name)
    raise ValueError(f"unknown target {target!r}")
