"""Import templates: which column of a colleague's table means what, kept as a small TOML file.

A template maps a generic table (the DataFrame of :func:`bildungsplaner.importing.tables.read_table`, columns
named as in the file) to one of the three targets of :mod:`bildungsplaner.importing.batch`. Users keep
templates next to their files and share them; the import assistant pre-fills one with
:func:`~bildungsplaner.importing.template_suggest.suggest_template`, and
:func:`~bildungsplaner.importing.template_apply.apply_template` turns a table into a batch with it (both
modules build on this one, never the other way round). Format version 1 (``format = 1``); unknown keys are
errors, so typos do not pass silently. Columns are named exactly as in the table (a name that differs only in
case or surrounding blanks is accepted when it is unique).

Observations (one value per row and measure column)::

    format = 1
    name = "Einwohner nach Geschlecht, Stadt Bergkamen"
    target = "observations"
    [read]                          # optional hints for reading the file (the service passes them on)
    sheet = "Tabelle1"              # worksheet (spreadsheets)
    header_rows = 1                 # header rows above the data (default: detected)
    skip_rows = 0                   # rows above the header (default: detected)
    decimal = ","                   # "," or "."; without it each column decides (columns.parse_value_column)
    footer_rows = 3                 # the last 3 non-empty rows are no data (0: none; default: recognised)
    stop_at = "first empty row"     # the data end at the first empty row below them (default: recognised)
    [regions]                       # how to find a row's region: key and/or name column
    key = "AGS"
    name = "Gemeinde"
    create_unmatched = false        # create regions for keys the workspace does not know
    [regions.assign]                # key or name in the file -> region key in the workspace
    "Bergkamen, Stadt" = "05978004"
    [observations]
    period = "Jahr"                 # column with the period, or
    # fixed_period = "31.12.2024"   # one period for the whole file
    dimensions = ["Geschlecht"]     # columns that become dimensions (name = column name)
    fixed_dimensions = { Quelle = "Einwohnermeldeamt" }
    [[observations.measures]]
    column = "Einwohner"            # numeric column
    indicator = "BEV"               # indicator code (optional: derived from the name)
    name = "Bevölkerung"            # indicator name (optional: the column name)
    unit = "Anzahl"
    phase = "Bevölkerung/Kontext"   # Bildungsphase of the indicator (optional)

Facilities (one facility per row)::

    format = 1
    name = "NRW Schulliste mit Sozialindex"
    target = "facilities"
    [regions]
    key = "Amtlicher Gemeindeschlüssel"
    [facilities]
    key = "Schulnummer"
    name = "Amtliche Bezeichnung 1"
    kind = "Schulform"              # column, or fixed_kind = "Grundschule"
    phase = "Schule"                # fixed Bildungsphase, or phase_column = "..."
    address = ["Straße und Hausnummer", "Postleitzahl", "Ort"]   # joined with ", "
    offering = "analog"             # analog | digital | both
    attributes = { schueler = "Anzahl", sozialindex = "Sozialindex" }   # attribute -> column (number or text)
    # x = "Rechtswert"              # optional: coordinate columns (numbers), both or neither
    # y = "Hochwert"
    # crs = "EPSG:25832"            # their CRS (default EPSG:25832); "EPSG:4326": x = longitude, y = latitude

With coordinates the region columns are optional: a facility without a region is placed in the smallest region
whose boundary (an imported boundary layer) contains it; ``[regions] fixed = "05978004"`` places every row in
that one region instead (facilities only; not together with ``key``/``name``). Coordinates are stored in
EPSG:25832; a ``crs`` pyproj does not know is an error when the template is read.

Regions (one region per row; ``[regions]`` is not used)::

    format = 1
    name = "Sozialräume Bergkamen"
    target = "regions"
    [regionlist]
    key = "Sozialraum-Nr"
    name = "Sozialraum"
    level = "sozialraum"            # fixed level (RegionLevel value), or level_column = "Ebene"
    parent = "Gemeinde-AGS"         # optional column with the parent's key

Totals and notes below the table (a „Summe“ row, „Quelle: …“, footnotes) are recognised and not imported
(:mod:`bildungsplaner.importing.footers`); ``footer_rows``/``stop_at`` say it explicitly and switch the
recognition off. Attributes keep a number column as numbers and any other column as text.

Phases accept the :class:`~bildungsplaner.store.models.Phase` value or name (``Schule``, ``SCHULE``), levels
the :class:`~bildungsplaner.store.models.RegionLevel` value (``sozialraum``, ``Sozialraum``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from bildungsplaner import UserInputError
from bildungsplaner.formats import Field, Format, Table, write
from bildungsplaner.i18n import marked, tr, translated
from bildungsplaner.importing.batch import Target
from bildungsplaner.importing.footers import STOP_AT_VALUES
from bildungsplaner.store.models import Offering, Phase, RegionLevel

__all__ = ["DEFAULT_CRS", "FORMAT_VERSION", "FacilityMapping", "ImportTemplate", "Measure", "ObservationMapping",
           "ReadHints", "RegionListMapping", "RegionMapping", "TemplateError"]

FORMAT_VERSION = 1
MAX_TEMPLATE_BYTES = 1_000_000
TARGETS: tuple[Target, ...] = ("observations", "facilities", "regions")
#: The CRS of facility coordinates when the template names none (and the one they are stored in).
DEFAULT_CRS = "EPSG:25832"


class TemplateError(UserInputError):
    """A template file that is not valid (message: one sentence naming the key, in the interface's language)."""


# --- schema ------------------------------------------------------------------------------------------------

@dataclass
class ReadHints:
    sheet: str | None = None
    #: Header rows above the data and rows above the header; ``None``: detected by the reader.
    header_rows: int | None = None
    skip_rows: int | None = None
    decimal: str | None = None
    #: The last N non-empty rows are no data (0: no footer); ``None``: totals and notes are recognised.
    footer_rows: int | None = None
    #: ``"first empty row"``: the data end at the first empty row below them; ``None``: recognised.
    stop_at: str | None = None


@dataclass
class RegionMapping:
    key: str | None = None
    name: str | None = None
    assign: dict[str, str] = field(default_factory=dict)
    create_unmatched: bool = False
    #: One region key for every row (facilities): instead of ``key``/``name``.
    fixed: str | None = None


@dataclass
class Measure:
    column: str
    indicator: str | None = None
    name: str | None = None
    unit: str | None = None
    phase: str | None = None


@dataclass
class ObservationMapping:
    measures: list[Measure] = field(default_factory=list)
    period: str | None = None
    fixed_period: str | None = None
    dimensions: list[str] = field(default_factory=list)
    fixed_dimensions: dict[str, str] = field(default_factory=dict)


@dataclass
class FacilityMapping:
    key: str
    name: str
    kind: str | None = None
    fixed_kind: str | None = None
    phase: str | None = None
    phase_column: str | None = None
    address: list[str] = field(default_factory=list)
    offering: str = Offering.ANALOG.value
    attributes: dict[str, str] = field(default_factory=dict)
    #: Coordinate columns (both or neither) and their CRS (``EPSG:4326``: x = longitude, y = latitude).
    x: str | None = None
    y: str | None = None
    crs: str = DEFAULT_CRS


@dataclass
class RegionListMapping:
    key: str
    name: str
    level: str | None = None
    level_column: str | None = None
    parent: str | None = None


TEMPLATE = Format(marked("Importvorlage"), TemplateError, strip=False)


def _one_of(section: Table, column_key: str, fixed_key: str, what: str, required: bool = True) -> None:
    """``what`` is a :func:`marked` text."""
    both = section.data.get(column_key) is not None and section.data.get(fixed_key) is not None
    neither = section.data.get(column_key) is None and section.data.get(fixed_key) is None
    if both or (neither and required):
        TEMPLATE.fail(tr("„{section}“ braucht entweder „{column_key}“ (Spalte) oder „{fixed_key}“ ({what}){both}.",
                         section=section.where, column_key=column_key, fixed_key=fixed_key, what=translated(what),
                         both=tr(", nicht beides") if both else ""))


def normalize_phase(value: str, where: str) -> str:
    for phase in Phase:
        if value.strip().casefold() in (phase.value.casefold(), phase.name.casefold()):
            return phase.value
    raise TemplateError(tr("{where}: Bildungsphase „{value}“ ist unbekannt (erlaubt: {allowed}).", where=where,
                           value=value, allowed=", ".join(p.value for p in Phase)))


def normalize_level(value: str, where: str) -> str:
    for level in RegionLevel:
        if value.strip().casefold() in (level.value, level.name.casefold()):
            return level.value
    raise TemplateError(tr("{where}: Ebene „{value}“ ist unbekannt (erlaubt: {allowed}).", where=where, value=value,
                           allowed=", ".join(v.value for v in RegionLevel)))


@dataclass
class ImportTemplate:
    """A reusable mapping of a generic table to observations, facilities or regions (see module docstring)."""

    name: str
    target: Target
    read: ReadHints = field(default_factory=ReadHints)
    regions: RegionMapping = field(default_factory=RegionMapping)
    observations: ObservationMapping | None = None
    facilities: FacilityMapping | None = None
    regionlist: RegionListMapping | None = None
    description: str | None = None

    # the import service reads these two
    @property
    def assignments(self) -> dict[str, str]:
        return self.regions.assign

    @property
    def create_unmatched(self) -> bool:
        return self.regions.create_unmatched

    # --- reading and writing ---

    @classmethod
    def loads(cls, text: str) -> ImportTemplate:
        """Parse and validate TOML text; raises :class:`TemplateError` with a message in the interface's language."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            where = re.search(r"line (\d+), column (\d+)", str(error))
            at = tr(" (Zeile {line}, Spalte {column})", line=where[1], column=where[2]) if where else ""
            raise TemplateError(tr("Die Importvorlage ist keine gültige TOML-Datei{at}.", at=at)) from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> ImportTemplate:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise TemplateError(tr("Die Importvorlage {name} lässt sich nicht lesen ({error}).", name=path.name,
                                   error=error.strerror)) from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateError(tr("Die Importvorlage {name} ist zu groß für eine Importvorlage.", name=path.name))
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TemplateError(tr("Die Importvorlage {name} ist nicht in UTF-8 gespeichert.",
                                   name=path.name)) from None

        return cls.loads(text)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportTemplate:
        top = TEMPLATE.table(data, "", _TOP)
        target = top["target"]
        template = cls(name=top["name"], target=target, description=top["description"])
        if top["read"] is not None:
            read = TEMPLATE.table(top["read"], "read", _READ)
            hints = ReadHints(**read.values)
            if (hints.header_rows or 0) < 0 or (hints.skip_rows or 0) < 0 or (hints.footer_rows or 0) < 0:
                TEMPLATE.fail(tr("„read.header_rows“, „read.skip_rows“ und „read.footer_rows“ dürfen nicht negativ "
                                 "sein."))
            template.read = hints
        if top["regions"] is not None:
            template.regions = RegionMapping(**TEMPLATE.table(top["regions"], "regions", _REGIONS).values)
            if template.regions.fixed is not None:
                if target != "facilities":
                    TEMPLATE.fail(tr("„regions.fixed“ (ein Gebiet für alle Zeilen) gilt nur für Einrichtungen "
                                     "(target = „facilities“)."))
                if template.regions.key is not None or template.regions.name is not None:
                    TEMPLATE.fail(tr("„regions.fixed“ (ein Gebiet für alle Zeilen) schließt „regions.key“ und "
                                     "„regions.name“ aus."))
        sections = {t: t if t != "regions" else "regionlist" for t in TARGETS}
        for other, key in sections.items():
            if other != target and top[key] is not None:
                TEMPLATE.fail(tr("Abschnitt [{section}] passt nicht zu target = „{target}“.", section=key,
                                 target=target))
        section = top[sections[target]]
        if section is None:
            TEMPLATE.fail(tr("Abschnitt [{section}] fehlt.", section=sections[target]))
        if target == "observations":
            template.observations = _observations(TEMPLATE.table(section, "observations", _OBSERVATIONS))
            if template.regions.key is None and template.regions.name is None:
                TEMPLATE.fail(tr("„regions.key“ oder „regions.name“ fehlt; ohne sie lässt sich kein Wert einem "
                                 "Gebiet zuordnen."))
        elif target == "facilities":
            table = TEMPLATE.table(section, "facilities", _FACILITIES)
            _one_of(table, "kind", "fixed_kind", marked("feste Art"))
            _one_of(table, "phase_column", "phase", marked("feste Bildungsphase"))
            if (table["x"] is None) != (table["y"] is None):
                TEMPLATE.fail(tr("„facilities.x“ und „facilities.y“ (die Koordinatenspalten) gehören zusammen: "
                                 "bitte beide angeben oder keine."))
            template.facilities = FacilityMapping(**table.values)
        else:
            table = TEMPLATE.table(section, "regionlist", _REGIONLIST)
            _one_of(table, "level_column", "level", marked("feste Ebene"))
            template.regionlist = RegionListMapping(**table.values)
        return template

    def validate(self) -> ImportTemplate:
        """Check a template built in code (e.g. by
        :func:`~bildungsplaner.importing.template_suggest.suggest_template` and edited in the assistant) by the
        same rules as a loaded one; returns the normalised template or raises :class:`TemplateError`."""
        return type(self).from_dict(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        data = write(self, _TOP[1:4], head={"format": FORMAT_VERSION}, skip_empty=False)
        if read := write(self.read, _READ, skip_empty=False):
            data["read"] = read
        if (regions := write(self.regions, _REGIONS, skip_empty=False)) and self.target != "regions":
            data["regions"] = regions
        if self.observations is not None:
            data["observations"] = write(self.observations, _OBSERVATIONS, skip_empty=False)
            data["observations"]["measures"] = [write(m, _MEASURE, skip_empty=False)
                                                for m in self.observations.measures]
        if self.facilities is not None:
            data["facilities"] = write(self.facilities, _FACILITIES, skip_empty=False)
        if self.regionlist is not None:
            data["regionlist"] = write(self.regionlist, _REGIONLIST, skip_empty=False)
        return data

    def dumps(self) -> str:
        return tomli_w.dumps(self.to_dict())

    def save(self, path: str | Path) -> None:
        Path(path).write_text(self.dumps(), encoding="utf-8")

    def columns(self) -> list[str]:
        """Every column the template names, in a stable order."""
        names: list[str] = [c for c in (self.regions.key, self.regions.name) if c and self.target != "regions"]
        if (obs := self.observations) is not None:
            names += [c for c in (obs.period,) if c] + obs.dimensions + [m.column for m in obs.measures]
        if (fac := self.facilities) is not None:
            names += [c for c in (fac.key, fac.name, fac.kind, fac.phase_column) if c] + fac.address
            names += list(fac.attributes.values()) + [c for c in (fac.x, fac.y) if c]
        if (reg := self.regionlist) is not None:
            names += [c for c in (reg.key, reg.name, reg.level_column, reg.parent) if c]
        return list(dict.fromkeys(names))

    def key_columns(self) -> list[str]:
        """The columns that identify a row (region key, facility or region list key): a totals row below the
        table leaves them empty."""
        keys = [self.regions.key if self.target != "regions" else None,
                self.facilities.key if self.facilities is not None else None,
                self.regionlist.key if self.regionlist is not None else None]
        return [k for k in keys if k]


def _observations(section: Table) -> ObservationMapping:
    _one_of(section, "period", "fixed_period", marked("fester Zeitraum"))
    measures = [Measure(**TEMPLATE.table(item, f"observations.measures[{number}]", _MEASURE).values)
                for number, item in enumerate(section["measures"], start=1)]
    if not measures:
        TEMPLATE.fail(tr("„observations.measures“ nennt keine Wertspalte."))
    return ObservationMapping(**{**section.values, "measures": measures})


def _phase(table: Table, value: str) -> str:
    return normalize_phase(value, tr("Importvorlage: „{key}“", key=table.path("phase")))


def _crs(table: Table, value: str) -> str:
    """A CRS pyproj knows (``EPSG:25832``, ``EPSG:4326``, ``EPSG:31467`` …), kept as written."""
    import pyproj  # on first use: the window's first screen does not need it

    try:
        crs = pyproj.CRS.from_user_input(value.strip())
    except pyproj.exceptions.CRSError:
        table.fail("crs", tr("ist kein bekanntes Koordinatensystem: „{value}“ (z. B. „EPSG:25832“ für UTM 32N oder "
                             "„EPSG:4326“ für Längen- und Breitengrade).", value=value))
    if not crs.is_geographic and not crs.is_projected:
        table.fail("crs", tr("„{value}“ ist kein Koordinatensystem für Lagekoordinaten (x/y).", value=value))
    return value.strip()


def _target(table: Table, value: str) -> str:
    if value not in TARGETS:
        table.fail("target", tr("muss „observations“, „facilities“ oder „regions“ sein, nicht „{value}“.",
                                value=value))
    return value


def _version(table: Table, version: int) -> int:
    if version != FORMAT_VERSION:
        raise TemplateError(tr("Die Importvorlage hat das Format {version}; diese Version von Bildungsplaner kennt "
                               "nur Format {supported}.", version=version, supported=FORMAT_VERSION))
    return version


def _choice(key: str, allowed: tuple[str, ...], text: str) -> Any:
    """``text`` is a :func:`marked` message with the field ``{value}`` (and optionally ``{allowed}``)."""
    return lambda table, value: value if value in allowed else table.fail(
        key, translated(text).format(value=value, allowed=", ".join(allowed)))


# --- the fields of each table, in the order they are written ------------------------------------------------

_TOP = (Field("format", "integer", required=True, check=_version), Field("name", required=True, always=True),
        Field("target", required=True, check=_target, always=True), Field("description"),
        Field("read", "section"), Field("regions", "section"), Field("observations", "section"),
        Field("facilities", "section"), Field("regionlist", "section"))
_READ = (Field("sheet"), Field("header_rows", "integer"), Field("skip_rows", "integer"),
         Field("decimal", check=_choice("decimal", (",", "."), marked("muss „,“ oder „.“ sein."))),
         Field("footer_rows", "integer"),
         Field("stop_at", check=_choice("stop_at", STOP_AT_VALUES, marked("kennt nur „{allowed}“ (bei der ersten "
                                        "leeren Zeile aufhören), nicht „{value}“."))))
_REGIONS = (Field("key"), Field("name"), Field("assign", "texttable", default={}),
            Field("create_unmatched", "bool", default=False), Field("fixed"))
_MEASURE = (Field("column", required=True, always=True), Field("indicator"), Field("name"), Field("unit"),
            Field("phase", check=_phase))
_OBSERVATIONS = (Field("measures", "list", required=True, always=True,
                       what=marked("eine Liste von Abschnitten [[observations.measures]]")),
                 Field("period"), Field("fixed_period"), Field("dimensions", "texts", default=[]),
                 Field("fixed_dimensions", "texttable", default={}))
_FACILITIES = (Field("key", required=True, always=True), Field("name", required=True, always=True),
               Field("kind"), Field("fixed_kind"), Field("phase", check=_phase), Field("phase_column"),
               Field("address", "texts", default=[]),
               Field("offering", default=Offering.ANALOG.value,
                     check=_choice("offering", tuple(o.value for o in Offering),
                                   marked("muss analog, digital oder both sein, nicht „{value}“."))),
               Field("attributes", "texttable", default={}), Field("x"), Field("y"),
               Field("crs", default=DEFAULT_CRS, check=_crs))
_REGIONLIST = (Field("key", required=True, always=True), Field("name", required=True, always=True),
               Field("level", check=lambda table, value: normalize_level(
                   value, tr("Importvorlage: „{key}“", key="regionlist.level"))),

               Field("level_column"), Field("parent"))
