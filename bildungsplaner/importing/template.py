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
from bildungsplaner.importing.batch import Target
from bildungsplaner.importing.footers import STOP_AT_VALUES
from bildungsplaner.store.models import Offering, Phase, RegionLevel

__all__ = ["FORMAT_VERSION", "FacilityMapping", "ImportTemplate", "Measure", "ObservationMapping", "ReadHints",
           "RegionListMapping", "RegionMapping", "TemplateError"]

FORMAT_VERSION = 1
MAX_TEMPLATE_BYTES = 1_000_000
TARGETS: tuple[Target, ...] = ("observations", "facilities", "regions")


class TemplateError(UserInputError):
    """A template file that is not valid (message: one German sentence naming the key)."""


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


@dataclass
class RegionListMapping:
    key: str
    name: str
    level: str | None = None
    level_column: str | None = None
    parent: str | None = None


class _Section:
    """Typed access to one TOML table; remembers which keys were read so unknown keys can be reported."""

    def __init__(self, data: Any, where: str) -> None:
        if not isinstance(data, dict):
            raise TemplateError(f"Importvorlage: „{where}“ muss ein Abschnitt sein.")
        self.data, self.where, self.used = data, where, set[str]()

    def _path(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def get(self, key: str, kind: type, required: bool = False, what: str = "ein Text") -> Any:
        self.used.add(key)
        value = self.data.get(key)
        if value is None:
            if required:
                raise TemplateError(f"Importvorlage: „{self._path(key)}“ fehlt.")
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise TemplateError(f"Importvorlage: „{self._path(key)}“ muss {what} sein.")
        if isinstance(value, str) and not value.strip():
            raise TemplateError(f"Importvorlage: „{self._path(key)}“ ist leer.")
        return value

    def text(self, key: str, required: bool = False) -> str | None:
        return self.get(key, str, required)

    def texts(self, key: str) -> list[str]:
        values = self.get(key, list, what="eine Liste von Texten") or []
        if not all(isinstance(v, str) and v.strip() for v in values):
            raise TemplateError(f"Importvorlage: „{self._path(key)}“ muss eine Liste von Texten sein.")
        return list(values)

    def mapping(self, key: str) -> dict[str, str]:
        values = self.get(key, dict, what="eine Zuordnung von Texten") or {}
        if not all(isinstance(v, str) and v.strip() for v in values.values()):
            raise TemplateError(f"Importvorlage: „{self._path(key)}“ muss eine Zuordnung von Texten sein.")
        return dict(values)

    def section(self, key: str) -> _Section | None:
        self.used.add(key)
        return None if self.data.get(key) is None else _Section(self.data[key], self._path(key))

    def finish(self) -> None:
        unknown = [k for k in self.data if k not in self.used]
        if unknown:
            raise TemplateError(f"Importvorlage: unbekannter Schlüssel „{self._path(unknown[0])}“.")


def _one_of(section: _Section, column_key: str, fixed_key: str, what: str, required: bool = True) -> None:
    both = section.data.get(column_key) is not None and section.data.get(fixed_key) is not None
    neither = section.data.get(column_key) is None and section.data.get(fixed_key) is None
    if both or (neither and required):
        raise TemplateError(f"Importvorlage: „{section.where}“ braucht entweder „{column_key}“ (Spalte) oder "
                            f"„{fixed_key}“ ({what}){', nicht beides' if both else ''}.")


def normalize_phase(value: str, where: str) -> str:
    for phase in Phase:
        if value.strip().casefold() in (phase.value.casefold(), phase.name.casefold()):
            return phase.value
    raise TemplateError(f"{where}: Bildungsphase „{value}“ ist unbekannt (erlaubt: "
                        f"{', '.join(p.value for p in Phase)}).")


def normalize_level(value: str, where: str) -> str:
    for level in RegionLevel:
        if value.strip().casefold() in (level.value, level.name.casefold()):
            return level.value
    raise TemplateError(f"{where}: Ebene „{value}“ ist unbekannt (erlaubt: "
                        f"{', '.join(v.value for v in RegionLevel)}).")


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
        """Parse and validate TOML text; raises :class:`TemplateError` with a German message."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            where = re.search(r"line (\d+), column (\d+)", str(error))
            at = f" (Zeile {where[1]}, Spalte {where[2]})" if where else ""
            raise TemplateError(f"Die Importvorlage ist keine gültige TOML-Datei{at}.") from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> ImportTemplate:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise TemplateError(f"Die Importvorlage {path.name} lässt sich nicht lesen ({error.strerror}).") from None
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateError(f"Die Importvorlage {path.name} ist zu groß für eine Importvorlage.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise TemplateError(f"Die Importvorlage {path.name} ist nicht in UTF-8 gespeichert.") from None
        return cls.loads(text)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportTemplate:
        top = _Section(data, "")
        version = top.get("format", int, required=True, what="eine ganze Zahl")
        if version != FORMAT_VERSION:
            raise TemplateError(f"Die Importvorlage hat das Format {version}; diese Version von Bildungsplaner "
                                f"kennt nur Format {FORMAT_VERSION}.")
        known = {"format", "name", "target", "description", "read", "regions", "observations", "facilities",
                 "regionlist"}
        unknown = [k for k in data if k not in known]
        if unknown:
            raise TemplateError(f"Importvorlage: unbekannter Schlüssel „{unknown[0]}“.")
        name = top.text("name", required=True)
        target = top.text("target", required=True)
        if target not in TARGETS:
            raise TemplateError(f"Importvorlage: „target“ muss „observations“, „facilities“ oder „regions“ sein, "
                                f"nicht „{target}“.")
        template = cls(name=name, target=target, description=top.text("description"))  # type: ignore[arg-type]
        if (read := top.section("read")) is not None:
            header_rows = read.get("header_rows", int, what="eine ganze Zahl")
            skip_rows = read.get("skip_rows", int, what="eine ganze Zahl")
            footer_rows = read.get("footer_rows", int, what="eine ganze Zahl")
            hints = ReadHints(read.text("sheet"), header_rows, skip_rows, read.text("decimal"), footer_rows,
                              read.text("stop_at"))
            if hints.decimal not in (None, ",", "."):
                raise TemplateError("Importvorlage: „read.decimal“ muss „,“ oder „.“ sein.")
            if (header_rows or 0) < 0 or (skip_rows or 0) < 0 or (footer_rows or 0) < 0:
                raise TemplateError("Importvorlage: „read.header_rows“, „read.skip_rows“ und „read.footer_rows“ "
                                    "dürfen nicht negativ sein.")
            if hints.stop_at is not None and hints.stop_at not in STOP_AT_VALUES:
                raise TemplateError(f"Importvorlage: „read.stop_at“ kennt nur „{STOP_AT_VALUES[0]}“ (bei der ersten "
                                    f"leeren Zeile aufhören), nicht „{hints.stop_at}“.")
            read.finish()
            template.read = hints
        if (regions := top.section("regions")) is not None:
            template.regions = RegionMapping(
                regions.text("key"), regions.text("name"), regions.mapping("assign"),
                bool(regions.get("create_unmatched", bool, what="true oder false")))
            regions.finish()
        sections = {t: top.section(t if t != "regions" else "regionlist") for t in TARGETS}
        for other, section in sections.items():
            if other != target and section is not None:
                raise TemplateError(f"Importvorlage: Abschnitt [{section.where}] passt nicht zu target = "
                                    f"„{target}“.")
        section = sections[target]  # type: ignore[index]
        if section is None:
            raise TemplateError(f"Importvorlage: Abschnitt [{'regionlist' if target == 'regions' else target}] "
                                "fehlt.")
        if target == "observations":
            template.observations = _observations(section)
            if template.regions.key is None and template.regions.name is None:
                raise TemplateError("Importvorlage: „regions.key“ oder „regions.name“ fehlt; ohne sie lässt sich "
                                    "kein Wert einem Gebiet zuordnen.")
        elif target == "facilities":
            template.facilities = _facilities(section)
        else:
            template.regionlist = _regionlist(section)
        top.finish()
        return template

    def validate(self) -> ImportTemplate:
        """Check a template built in code (e.g. by
        :func:`~bildungsplaner.importing.template_suggest.suggest_template` and edited in the assistant) by the
        same rules as a loaded one; returns the normalised template or raises :class:`TemplateError`."""
        return type(self).from_dict(self.to_dict())

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"format": FORMAT_VERSION, "name": self.name, "target": self.target}
        if self.description:
            data["description"] = self.description
        read = _drop_defaults(self.read, ReadHints())
        if read:
            data["read"] = read
        regions = _drop_defaults(self.regions, RegionMapping())
        if regions and self.target != "regions":
            data["regions"] = regions
        if self.observations is not None:
            obs = _drop_defaults(self.observations, ObservationMapping(), keep=("measures",))
            obs["measures"] = [_drop_defaults(m, Measure(m.column), keep=("column",))
                               for m in self.observations.measures]
            data["observations"] = obs
        if self.facilities is not None:
            data["facilities"] = _drop_defaults(self.facilities, FacilityMapping("", ""), keep=("key", "name"))
        if self.regionlist is not None:
            data["regionlist"] = _drop_defaults(self.regionlist, RegionListMapping("", ""), keep=("key", "name"))
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
            names += list(fac.attributes.values())
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


def _drop_defaults(obj: Any, default: Any, keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in vars(obj).items()
            if k in keep or (v != getattr(default, k) and v is not None)}


def _observations(section: _Section) -> ObservationMapping:
    _one_of(section, "period", "fixed_period", "fester Zeitraum")
    measures = []
    raw = section.get("measures", list, required=True, what="eine Liste von Abschnitten [[observations.measures]]")
    for number, item in enumerate(raw, start=1):
        sub = _Section(item, f"observations.measures[{number}]")
        phase = sub.text("phase")
        measures.append(Measure(sub.text("column", required=True), sub.text("indicator"), sub.text("name"),
                                sub.text("unit"), normalize_phase(phase, f"Importvorlage: „{sub.where}.phase“")
                                if phase else None))
        sub.finish()
    if not measures:
        raise TemplateError("Importvorlage: „observations.measures“ nennt keine Wertspalte.")
    mapping = ObservationMapping(measures, section.text("period"), section.text("fixed_period"),
                                 section.texts("dimensions"), section.mapping("fixed_dimensions"))
    section.finish()
    return mapping


def _facilities(section: _Section) -> FacilityMapping:
    section.text("key", required=True), section.text("name", required=True)
    _one_of(section, "kind", "fixed_kind", "feste Art")
    _one_of(section, "phase_column", "phase", "feste Bildungsphase")
    phase = section.text("phase")
    offering = section.text("offering") or Offering.ANALOG.value
    if offering not in {o.value for o in Offering}:
        raise TemplateError(f"Importvorlage: „facilities.offering“ muss analog, digital oder both sein, nicht "
                            f"„{offering}“.")
    mapping = FacilityMapping(
        section.text("key", required=True), section.text("name", required=True), section.text("kind"),
        section.text("fixed_kind"), normalize_phase(phase, "Importvorlage: „facilities.phase“") if phase else None,
        section.text("phase_column"), section.texts("address"), offering, section.mapping("attributes"))
    section.finish()
    return mapping


def _regionlist(section: _Section) -> RegionListMapping:
    section.text("key", required=True), section.text("name", required=True)
    _one_of(section, "level_column", "level", "feste Ebene")
    level = section.text("level")
    mapping = RegionListMapping(section.text("key", required=True), section.text("name", required=True),
                                normalize_level(level, "Importvorlage: „regionlist.level“") if level else None,
                                section.text("level_column"), section.text("parent"))
    section.finish()
    return mapping
