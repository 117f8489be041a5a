"""The Kennzahlen-Tabelle for the council or the Bildungsbericht: collect, then write (``exporting/indicator_table``).

:func:`export_indicator_table` reads the values of each Kennzahl as :func:`services.indicators.compute` stores
them (never stale) and hands plain data to the writer. Rules:

* **Region:** ``region`` or else the workspace's home region (``services/home.py``); without either the export
  is refused. Rows: that region, every region below it with a result of the Kennzahl, then the comparison rows
  :func:`~bildungsplaner.services.home.home_chain` names (for a Gemeinde its Kreis), the Land (first two digits
  of the key) and Deutschland (``DG``) — each where the workspace has results for it.
* **Years:** every period with a result for one of these rows, limited to ``years`` (first, last; inclusive).
  A Kennzahl without any result for these rows and years is refused with its code, never written empty.
* **Rank** among the Kreise (five-digit keys) of the Land with a value in that period, on the values rounded
  half-up to the Kennzahl's decimals (what the reader sees), 1 = highest, ties share a rank („1, 2, 2, 4“).
* **Map** (issue 13, point 5): with a ``map_renderer`` (the window's Qt drawing, injected like ``map export``'s)
  and boundaries in the workspace, each Kennzahl gets a „Karte“ sheet: the Kreise of the home region's Land
  (a layer of level ``kreis``), else the Gemeinden of the home Kreis (level ``gemeinde``), for the latest year
  of the table, classes by quantile, with the source lines of values and boundaries under it. Without a
  renderer, without boundaries or without a value on the map: no map sheet and no error (the table is the
  export; the map an addition).
* **Method:** definition, formula with its inputs in words, Stichtag, caveats, the source tables with title,
  Stand and licence line (the datasets the values came from), the definition's version and date. No login
  name and no local path is written: the file goes to council members and the public.
"""

from __future__ import annotations

import re
import tempfile
import tomllib
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from bildungsplaner import UserInputError, __version__
from bildungsplaner.exporting.images import MapImage
from bildungsplaner.exporting.indicator_table import (
    BUND,
    HOME,
    KREIS,
    LAND,
    PART,
    IndicatorTable,
    KennzahlSheet,
    RegionLine,
    Source,
    Value,
    write_indicator_table,
)
from bildungsplaner.formatting import format_number, format_period
from bildungsplaner.i18n import tr
from bildungsplaner.indicators.compute import period_year, rank_among
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services import indicators
from bildungsplaner.services.home import GERMANY, home_chain, home_region
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction, Region

if TYPE_CHECKING:
    from bildungsplaner.services.maps import MapRenderer

__all__ = ["export_indicator_table", "kennzahl_map", "parse_years"]

_YEARS = re.compile(r"\s*(\d{4})\s*(?:[-–]\s*(\d{4})\s*)?")


def parse_years(text: str) -> tuple[int, int]:
    """``"2012-2016"`` (or ``2012–2016``) → ``(2012, 2016)``; ``"2016"`` → ``(2016, 2016)`` (for ``--years``)."""
    match = _YEARS.fullmatch(text or "")
    if match is None:
        raise UserInputError(tr("--years: ein Jahr oder ein Zeitraum wie 2012-2016, nicht „{text}“.", text=text))
    first = int(match.group(1))
    return first, int(match.group(2) or first)


def _period_labels(periods: list[str]) -> list[str]:
    """„2016“ per period; the full date where a year has more than one period."""
    years = [period_year(p) for p in periods]
    labels = []
    for period, year in zip(periods, years, strict=True):
        if year is not None and years.count(year) == 1:
            labels.append(str(year))
        else:
            parts = period.split("-")
            labels.append(f"{parts[2]}.{parts[1]}.{parts[0]}" if len(parts) == 3 else period)
    return labels


def _input_lines(definition: str) -> list[str]:
    """The inputs of a definition in words (one line each)."""
    try:
        data = tomllib.loads(definition)
    except tomllib.TOMLDecodeError:
        return []
    lines = []
    for name, item in (data.get("inputs") or {}).items():
        if not isinstance(item, dict):
            continue
        parts = []
        if item.get("table"):
            parts.append(f"Tabelle {item['table']}" + (f", „{item['measure']}“" if item.get("measure") else ""))
        elif item.get("indicator"):
            parts.append(f"Indikator {item['indicator']}")
        parts += [f"{dim} = {value}" for dim, value in (item.get("where") or {}).items()]
        ages = item.get("ages")
        if ages:
            parts.append("alle Altersgruppen" if ages == "all" else f"Alter {ages.replace('-', '–')} Jahre")
        offset = int(item.get("year_offset") or 0)
        if offset:
            parts.append(f"Stand des Jahres t{offset:+d}".replace("-", "−"))
        lines.append(f"{name}: " + ", ".join(parts))
    return lines


def _definition_line(details: indicators.IndicatorDetails) -> str:
    if details.entry.kind == "katalog":
        return f"mitgelieferter Katalog (Bildungsplaner {__version__}), im Arbeitsbereich nicht verändert"
    text = f"eigene Definition des Arbeitsbereichs, Version {details.version or 1}"
    if details.changed_at is not None:
        text += f" vom {details.changed_at:%d.%m.%Y}"
    return text + " (Versionen: bildungsplaner indicator show " + details.entry.code + ")"


def _sources(details: indicators.IndicatorDetails) -> list[Source]:
    seen: dict[Any, Source] = {}
    for info in details.sources:
        key = (info.table_code, info.stand, info.title)
        seen.setdefault(key, Source(info.table_code, info.title, info.stand, info.licence))
    if not seen:
        return [Source(table, None, None, None) for table in details.source_tables]
    return list(seen.values())


def _lines_for(home: str, home_name: str, rows: list[indicators.ResultRow], below: set[str],
               names: dict[str, str]) -> list[tuple[str, str, str]]:
    """(key, name, role) of the rows of the table, in order."""
    keys = {r.region_key for r in rows}
    result = [(home, home_name, HOME)]
    parts = sorted({r.region_key for r in rows if r.region_key in below and r.region_key != home})
    from bildungsplaner.services.browse import natural_key

    result += [(key, names.get(key, key), PART) for key in sorted(parts, key=natural_key)]
    chain = [k for k in reversed(home_chain(home)) if k in keys]  # innermost first: Kreis, Land, Bund
    for key in chain:
        role = BUND if key == GERMANY[0] else (LAND if len(key) == 2 else KREIS)
        result.append((key, names.get(key, key), role))
    return result


def _sheet(ws: Workspace, code: str, home: str, home_name: str, years: tuple[int, int] | None
           ) -> tuple[KennzahlSheet, str]:
    """The Kennzahl's sheet and its latest period."""
    details = indicators.show(ws, code)
    result = indicators.compute(ws, code)
    below = {r.region_key for r in indicators.compute(ws, code, within=home).rows}

    def wanted(row: indicators.ResultRow) -> bool:
        year = period_year(row.period)
        return years is None or (year is not None and years[0] <= year <= years[1])

    rows = [r for r in result.rows if wanted(r)]
    names = {r.region_key: r.region_name for r in rows}
    lines = _lines_for(home, names.get(home, home_name), rows, below, names)
    shown = {key for key, _, _ in lines}
    periods = sorted({r.period for r in rows if r.region_key in shown})
    if not periods:
        span = f" {years[0]}–{years[1]}" if years else ""
        raise UserInputError(tr("Die Kennzahl {code} hat für {region} und ihre Vergleichsgebiete keine Werte{span}.",
                                code=code, region=f"{home_name} ({home})", span=span))
    cells = {(r.region_key, r.period): Value(r.value, r.flag) for r in rows}
    decimals = result.decimals if result.decimals is not None else 1
    land = home[:2] if home != GERMANY[0] and home[:2].isdigit() else None
    region_lines = []
    for key, name, role in lines:
        values = [cells.get((key, p), Value(None, None)) for p in periods]
        region_lines.append(RegionLine(key, name, role, values))
    rank_counts: list[int] = []
    if land is not None:
        kreise = [r for r in rows if len(r.region_key) == 5 and r.region_key.isdigit()
                  and r.region_key.startswith(land)]
        ranks = []
        for period in periods:
            with_value = {r.region_key: r.value for r in kreise if r.period == period and r.value is not None}
            ranks.append(rank_among(with_value, decimals))
            rank_counts.append(len(with_value))
        for line in region_lines:
            if len(line.key) == 5 and line.key.isdigit() and line.key.startswith(land):
                line.ranks = [ranked.get(line.key) for ranked in ranks]
    return KennzahlSheet(
        code=code, name=result.name, unit=result.unit, decimals=decimals, periods=_period_labels(periods),
        lines=region_lines, rank_counts=rank_counts if any(line.ranks for line in region_lines) else [],
        land_name=names.get(land, "") if land else "", purpose=details.purpose, formula_text=details.formula_text,
        formula=details.formula, inputs=_input_lines(details.definition), stichtag=details.stichtag,
        caveats=details.caveats, sources=_sources(details), definition=_definition_line(details),
        kind=details.entry.kind), periods[-1]


def _map_scope(ws: Workspace, home: str) -> tuple[str, str] | None:
    """(level, within) of the map for ``home``: the Land's Kreise, else the home Kreis's Gemeinden; ``None`` when
    the workspace has no boundaries of either level."""
    from bildungsplaner.store.geo import GeoLayer

    with ws.session() as s:
        levels = set(s.scalars(select(GeoLayer.level)).all())
    if not home[:2].isdigit():
        return None
    if "kreis" in levels:
        return "kreis", home[:2]
    if "gemeinde" in levels and len(home) >= 5:
        return "gemeinde", home[:5]
    return None


def kennzahl_map(ws: Workspace, code: str, home: str, map_renderer: MapRenderer,
                 period: str | None = None) -> MapImage | None:
    """The map of ``code`` around ``home`` for ``period`` (default the latest) drawn by ``map_renderer`` as a PNG,
    or ``None`` where there is nothing to draw (see the module's rule „Map“)."""
    import numpy as np

    from bildungsplaner.services.maps import map_data

    scope = _map_scope(ws, home)
    if scope is None:
        return None
    level, within = scope
    try:
        data = map_data(ws, code, period=period, level=level, within=within)
    except UserInputError:
        return None
    if len(data.positions) == 0 or not np.isfinite(data.values).any():
        return None
    with tempfile.TemporaryDirectory(prefix="bildungsplaner-karte-") as tmp:
        target = Path(tmp) / "karte.png"
        map_renderer(data, target)
        png = target.read_bytes()
    with ws.session() as s:
        within_name = s.scalar(select(Region.name).where(Region.key == within)) or within
    what = (tr("Kreise in {land}", land=within_name) if level == "kreis"
            else tr("Gemeinden in {kreis}", kreis=within_name))
    when = format_period(data.period) if data.period else ""
    title = tr("Karte: {name}", name=data.title)
    subtitle = f"{what}, {when}" if when else what
    return MapImage(png, title, subtitle, tuple(data.sources))


def export_indicator_table(ws: Workspace, codes: Sequence[str], out: Path, *, region: str | None = None,
                           years: tuple[int, int] | None = None, progress: Progress | None = None,
                           map_renderer: MapRenderer | None = None) -> Path:
    """Write the Kennzahlen-Tabelle of ``codes`` for ``region`` (default: the home region) to ``out`` (.xlsx);
    with ``map_renderer`` a map sheet per Kennzahl where the workspace has boundaries."""
    progress = progress or NullProgress()
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise UserInputError(tr("Die Kennzahlen-Tabelle ist eine Excel-Arbeitsmappe (.xlsx), nicht „{suffix}“.",
                                suffix=out.suffix or out.name))
    wanted = list(dict.fromkeys(c.strip() for c in codes if c.strip()))
    if not wanted:
        raise UserInputError(tr("Für die Kennzahlen-Tabelle bitte mindestens eine Kennzahl angeben (Liste: "
                                "bildungsplaner indicator list)."))
    if years is not None and years[0] > years[1]:
        raise UserInputError(tr("Der Zeitraum {first}–{last} ist leer: das erste Jahr liegt nach dem letzten.",
                                first=str(years[0]), last=str(years[1])))
    home = (region or "").strip() or home_region(ws)
    if not home:
        raise UserInputError(tr("Der Arbeitsbereich hat keine Heimatregion; bitte das Gebiet angeben, für das die "
                                "Kennzahlen-Tabelle gelten soll (im Befehl: --region SCHLÜSSEL, z. B. 05315 für "
                                "Köln)."))
    with ws.session() as s:
        home_name = s.scalar(select(Region.name).where(Region.key == home))
    if home_name is None:
        raise UserInputError(tr("Das Gebiet „{key}“ (Region der Kennzahlen-Tabelle) gibt es im Arbeitsbereich nicht.",
                                key=home))
    sheets = []
    for n, code in enumerate(wanted):
        progress.check()
        progress.report(n / (len(wanted) + 1), tr("Kennzahl {code} wird zusammengestellt …", code=code))
        sheet, latest = _sheet(ws, code, home, home_name, years)
        if map_renderer is not None:
            sheet.map = kennzahl_map(ws, code, home, map_renderer, latest)
        sheets.append(sheet)
    progress.report(len(wanted) / (len(wanted) + 1), tr("Kennzahlen-Tabelle wird geschrieben …"))
    created = [("Anwendung", f"Bildungsplaner {__version__}"), ("Arbeitsbereich", ws.path.name),
               ("am", date.today().strftime("%d.%m.%Y"))]
    table = IndicatorTable(home, sheets[0].lines[0].name if sheets else home_name, sheets, created,
                           years=f"{years[0]}–{years[1]}" if years else "")
    write_indicator_table(table, out)
    with ws.session() as s, s.begin():
        record(s, AuditAction.EXPORT, {"indicator_table": wanted, "region": home, "file": out.name,
                                       "years": list(years) if years else None})
    progress.report(1.0, tr("Kennzahlen-Tabelle geschrieben: {count} Kennzahl(en).",
                            count=format_number(len(wanted), 0)))
    return out
