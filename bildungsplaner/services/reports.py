"""Saved report definitions (the Bildungsbericht) and building them: list, show, save, rename, delete, export,
import; :func:`build_document` turns a definition and the workspace into a
:class:`~bildungsplaner.reporting.document.ReportDocument`, :func:`build` writes it as DOCX, PDF or xlsx.

A definition row keeps the TOML text as the author wrote it (comments kept), checked by
:func:`~bildungsplaner.reporting.spec.parse_report` before it is stored. Names are unique; they are how users
(and the command line) refer to reports. Every change is an audit entry (``report``).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bildungsplaner import UserInputError
from bildungsplaner.exporting.safety import atomic_target
from bildungsplaner.i18n import tr
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.reporting.disclosure import protect
from bildungsplaner.reporting.document import ChapterResult, FigureRenderer, ModuleResult, ReportDocument, ReportTable
from bildungsplaner.reporting.spec import (
    BacktestModule,
    IndicatorModule,
    ReportSpec,
    ScenarioModule,
    TextModule,
    dump_report,
    parse_report,
)
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import AuditAction, Region, ReportDefinition

if TYPE_CHECKING:
    import pandas as pd


__all__ = ["OUTPUTS", "BuildSummary", "ReportContext", "SavedReport", "build", "build_document", "delete_report",
           "export_definition", "get_report", "import_definition", "list_reports", "read_definition",
           "rename_report", "save_report", "summarise"]


@dataclass(frozen=True)
class SavedReport:
    id: int
    name: str
    text: str
    created_at: datetime
    changed_at: datetime

    @property
    def spec(self) -> ReportSpec:
        return parse_report(self.text)


def _saved(row: ReportDefinition) -> SavedReport:
    return SavedReport(row.id, row.name, row.toml, row.created_at, row.changed_at)


def _find(session: Session, name: str) -> ReportDefinition:
    row = session.scalar(select(ReportDefinition).where(ReportDefinition.name == name))
    if row is None:
        from bildungsplaner.services.browse import by_natural_name

        known = by_natural_name(session.scalars(select(ReportDefinition.name)).all(), lambda n: n)
        if known:
            raise UserInputError(tr("Einen Bericht „{name}“ gibt es im Arbeitsbereich nicht (vorhanden: {known}).",
                                    name=name, known=", ".join(known)))
        raise UserInputError(tr("Einen Bericht „{name}“ gibt es im Arbeitsbereich nicht.", name=name))
    return row


def list_reports(ws: Workspace) -> list[SavedReport]:
    from bildungsplaner.services.browse import by_natural_name

    with ws.session() as s:
        return by_natural_name([_saved(r) for r in s.scalars(select(ReportDefinition))], lambda r: r.name)


def get_report(ws: Workspace, name: str) -> SavedReport:
    with ws.session() as s:
        return _saved(_find(s, name))


def _changed_meanwhile(s: Session, row: ReportDefinition) -> str:
    """The refusal when a colleague saved the report after the author opened it, naming who and when (from the
    audit log, the report has no author column)."""
    import json

    from bildungsplaner.store.models import AuditEntry

    who = ""
    for user, details in s.execute(select(AuditEntry.user, AuditEntry.details)
                                   .where(AuditEntry.action == AuditAction.REPORT.value)
                                   .order_by(AuditEntry.id.desc()).limit(200)):
        try:
            if json.loads(details or "{}").get("report") == row.name:
                who = str(user)
                break
        except (ValueError, AttributeError):
            continue
    when = row.changed_at.astimezone().strftime("%d.%m.%Y %H:%M")
    return tr("Der Bericht „{name}“ wurde inzwischen von {who} gespeichert ({when}); Ihre Änderungen sind nicht "
              "gespeichert. Bitte den Bericht neu öffnen oder unter einem anderen Namen speichern.",
              name=row.name, who=who or tr("einem Kollegen"), when=when)


def save_report(ws: Workspace, name: str, definition: str | ReportSpec, *, replace: bool = True,
                based_on: datetime | None = None) -> SavedReport:
    """Store ``definition`` (TOML text, kept as written, or a spec, written by ``dump_report``) under ``name``;
    a report of that name is replaced unless ``replace`` is false. The text is checked first.

    ``based_on``: the ``changed_at`` of the saved version the author opened. When the report was saved since (a
    colleague on the same server workspace, another window), the save is refused with who and when — never
    last-save-wins. The row is read ``FOR UPDATE`` on a server, so of two saves at the same moment the second
    sees the first's version and is refused; two new reports of the same name at once: the second is refused."""
    name = name.strip()
    if not name:
        raise UserInputError(tr("Der Name des Berichts ist leer."))
    if isinstance(definition, ReportSpec):
        text = dump_report(definition)
    else:
        text = definition
        parse_report(text)
    from sqlalchemy.exc import IntegrityError

    with ws.session() as s, s.begin():
        row = s.scalar(select(ReportDefinition).where(ReportDefinition.name == name).with_for_update())
        if row is not None and not replace:
            raise UserInputError(tr("Einen Bericht „{name}“ gibt es schon.", name=name))
        if row is not None and based_on is not None and row.changed_at != based_on:
            raise UserInputError(_changed_meanwhile(s, row))
        if row is None:
            row = ReportDefinition(name=name, toml=text)
            s.add(row)
            action = "angelegt"
        else:
            row.toml = text
            action = "geändert"
        try:
            s.flush()
        except IntegrityError:  # a colleague created a report of this name at the same moment
            raise UserInputError(tr("Einen Bericht „{name}“ hat gerade ein Kollege angelegt; bitte neu laden oder "
                                    "einen anderen Namen wählen.", name=name)) from None
        record(s, AuditAction.REPORT, {"report": name, "action": action})
        s.flush()
        return _saved(row)


def rename_report(ws: Workspace, old: str, new: str) -> SavedReport:
    new = new.strip()
    if not new:
        raise UserInputError(tr("Der neue Name ist leer."))
    with ws.session() as s, s.begin():
        row = _find(s, old)
        if new != old and s.scalar(select(ReportDefinition.id).where(ReportDefinition.name == new)) is not None:
            raise UserInputError(tr("Einen Bericht „{name}“ gibt es schon.", name=new))
        row.name = new
        record(s, AuditAction.REPORT, {"report": new, "action": "umbenannt", "from": old})
        s.flush()
        return _saved(row)


def delete_report(ws: Workspace, name: str) -> None:
    with ws.session() as s, s.begin():
        s.delete(_find(s, name))
        record(s, AuditAction.REPORT, {"report": name, "action": "gelöscht"})


def export_definition(ws: Workspace, name: str, out: Path) -> Path:
    """Write the saved report ``name`` as its TOML file to ``out`` (as stored, comments kept)."""
    saved = get_report(ws, name)
    with atomic_target(Path(out)) as tmp:
        tmp.write_text(saved.text, encoding="utf-8")
    return Path(out)


def read_definition(path: Path) -> str:
    """The text of a report definition file, checked; German errors for a missing or unreadable file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UserInputError(tr("Die Datei {path} gibt es nicht.", path=str(path))) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UserInputError(tr("{name} kann nicht gelesen werden: {error}.", name=path.name, error=str(exc))) from None
    parse_report(text)
    return text


def import_definition(ws: Workspace, path: Path, name: str | None = None, *, replace: bool = False) -> SavedReport:
    """Store the report definition file ``path`` under ``name`` (default: the file name without suffix)."""
    text = read_definition(Path(path))
    return save_report(ws, name or Path(path).stem, text, replace=replace)


# --- building -----------------------------------------------------------------------------------------------

_LEVEL_ORDER = ("bund", "land", "regierungsbezirk", "kreis", "gemeindeverband", "gemeinde", "stadtteil",
                "sozialraum", "schulbezirk", "other")
#: how the peers of a home region are called in a sentence („unter den 53 …“), by level
_PEERS = {"kreis": "Kreisen und kreisfreien Städten", "gemeinde": "Gemeinden", "gemeindeverband": "Gemeindeverbänden",
          "regierungsbezirk": "Regierungsbezirken", "land": "Ländern"}
_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember")


@dataclass(frozen=True)
class _Region:
    id: int
    key: str
    name: str
    level: str
    parent: int | None


@dataclass
class ReportContext:
    """What every module of one build shares (handed to ``services/report_modules`` too)."""

    spec: ReportSpec
    regions: dict[str, _Region]
    #: first and last year of the report (``spec.years``; None: each module its last five years with data)
    years: tuple[int, int] | None
    figure_ids: Iterator[str]
    #: each indicator's values, sources, method and decimals, read once per build (modules may repeat a code)
    loaded: dict[str, Any] = field(default_factory=dict)

    def next_id(self) -> str:
        return next(self.figure_ids)

    def name(self, key: str) -> str:
        from bildungsplaner.reporting.text import region_label

        region = self.regions.get(key)
        return region_label(region.name) if region is not None else key


def german_date(day: date) -> str:
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


def _regions(ws: Workspace) -> dict[str, _Region]:
    with ws.session() as s:
        return {key: _Region(rid, key, name, level, parent) for rid, key, name, level, parent in s.execute(
            select(Region.id, Region.key, Region.name, Region.level, Region.parent_id))}


def _descendants(regions: dict[str, _Region], home: str) -> list[_Region]:
    by_parent: dict[int, list[_Region]] = {}
    for region in regions.values():
        if region.parent is not None:
            by_parent.setdefault(region.parent, []).append(region)
    found, todo = [], [regions[home].id]
    while todo:
        for child in by_parent.get(todo.pop(), []):
            found.append(child)
            todo.append(child.id)
    seen = {r.key for r in found}
    prefix = [r for r in regions.values() if home.isdigit() and r.key != home and r.key.startswith(home)
              and r.key not in seen]  # regions imported without a parent, below the home region by their key
    return found + prefix


def _level_rank(level: str) -> int:
    return _LEVEL_ORDER.index(level) if level in _LEVEL_ORDER else len(_LEVEL_ORDER)


def _sentence(text: str) -> str:
    """``text`` ending in one full stop (none added after „?“, „!“ or „.“)."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?" else text + "."


def _load_values(ws: Workspace, code: str, entry: Any) -> tuple[pd.DataFrame, list[str], str, int | None]:
    """Every region's values of ``code`` (region_key, region_name, period, value, flag), its source lines, the
    method text and the decimals; a Kennzahl as computed, an imported indicator by the totals rule."""
    import pandas as pd

    from bildungsplaner.services import indicators

    if entry.kind != "importiert":
        details = indicators.show(ws, code)
        result = indicators.compute(ws, code)
        frame = pd.DataFrame([(r.region_key, r.region_name, r.period, math.nan if r.value is None else r.value,
                               r.flag) for r in result.rows],
                             columns=["region_key", "region_name", "period", "value", "flag"])
        sources = list(dict.fromkeys(", ".join(p for p in ((s.title or "").splitlines()[0] if s.title else "",
                                                          f"Tabelle {s.table_code}" if s.table_code else "",
                                                          f"Stand {s.stand}" if s.stand else "") if p)
                                     for s in details.sources))
        if not sources and details.source_tables:
            sources = [f"Tabelle {t}" for t in details.source_tables]
        if sources:
            sources.append("eigene Berechnung")
        method = " ".join(p for p in (
            _sentence(details.purpose), _sentence(f"Berechnung: {details.formula_text or details.formula}")
            if (details.formula_text or details.formula) else "",
            _sentence(f"Stichtag: {details.stichtag}") if details.stichtag else "", _sentence(details.caveats)) if p)
        return frame, sources, method, result.decimals
    from bildungsplaner.services import browse
    from bildungsplaner.services.aggregate import collapse, fixed_choices, indicator_sources
    from bildungsplaner.store.models import Indicator

    with ws.session() as s:
        indicator_id = s.scalar(select(Indicator.id).where(Indicator.code == code))
        region_ids = list(s.scalars(select(Region.id)))
    raw = browse.load_observations(ws, int(indicator_id or 0), region_ids)
    dims = browse.dimension_columns(raw["dimensions"]) if not raw.empty else {}
    collapsed = collapse(raw, dims, fixed_choices(entry.name, entry.unit, dims, None), unit=entry.unit)
    frame = collapsed.frame[["region_key", "region_name", "period", "value", "flag"]].copy()
    for column in ("region_key", "region_name", "period", "flag"):
        frame[column] = frame[column].astype(object)
    frame["value"] = frame["value"].astype(float)
    how = "; ".join(f"{k}: {v}" for k, v in collapsed.how.items())
    method = f"Importierter Indikator „{entry.name}“ ({code})" + (f", {how}" if how else "") + "."
    return frame, indicator_sources(ws, int(indicator_id or 0), region_ids), method, entry.decimals


def _indicator_values(ws: Workspace, module: IndicatorModule, ctx: ReportContext, entry: Any,
                      warnings: list[str]) -> Any:
    from bildungsplaner.reporting.content import COUNT_UNITS, IndicatorValues

    if module.indicator not in ctx.loaded:
        ctx.loaded[module.indicator] = _load_values(ws, module.indicator, entry)
    frame, sources, method, decimals = ctx.loaded[module.indicator]
    spec, regions = ctx.spec, ctx.regions
    home = regions[spec.region]
    land = spec.region[:2] if spec.region[:2].isdigit() and len(spec.region) > 2 else None
    with_values = set(frame["region_key"][frame["value"].notna()])
    peers = tuple(sorted(r.key for r in regions.values() if land is not None and r.level == home.level
                         and r.key.startswith(land))) if land else ()
    level = module.level
    below = _descendants(regions, spec.region)
    if level is None:
        levels = sorted({r.level for r in below if r.key in with_values}, key=_level_rank)
        level = levels[0] if levels else None
    within = True
    subregions: tuple[str, ...] = ()
    if level is not None and level == home.level:
        within, subregions = False, peers
    elif level is not None:
        subregions = tuple(sorted(r.key for r in below if r.level == level))
    if module.chart in ("subregions", "map") and not subregions:
        warnings.append(tr("keine Gebiete der Ebene „{level}“ in {region}", level=level or "–",
                           region=ctx.name(spec.region)))
    if decimals is None:
        decimals = 0 if entry.unit.strip() in COUNT_UNITS else 1
    map_data = None
    if module.chart == "map" and level is not None:
        from bildungsplaner.reporting.content import year_columns

        years = year_columns(frame[frame["region_key"].isin(subregions) & frame["value"].notna()])
        if ctx.years is not None:
            years = years[(years["year"] >= ctx.years[0]) & (years["year"] <= ctx.years[1])]
        period = str(years.sort_values(["year", "period"])["period"].iloc[-1]) if len(years) else None
        if period is not None:
            from bildungsplaner.services.maps import map_data as collect_map

            try:
                map_data = collect_map(ws, module.indicator, period=period, level=level,
                                       within=spec.region if within else land)
            except UserInputError as exc:
                warnings.append(tr("keine Karte für {code}: {problem}", code=module.indicator, problem=str(exc)))
    names = {k: r.name for k, r in regions.items()}
    return IndicatorValues(module.indicator, entry.name, entry.unit, decimals, frame, spec.region,
                           tuple(spec.compare), land, peers, _PEERS.get(home.level, "Gebieten gleicher Ebene"),
                           subregions, within, tuple(sources), method, map_data, names)


def _indicator_module(ws: Workspace, module: IndicatorModule, ctx: ReportContext, entries: dict[str, Any]
                      ) -> ModuleResult:
    from bildungsplaner.reporting.content import indicator_module

    entry = entries.get(module.indicator)
    title = module.title or (entry.name if entry is not None else module.indicator)
    if entry is None:
        return ModuleResult(title, "indicator", warnings=[tr("Die Kennzahl {code} gibt es im Arbeitsbereich nicht.",
                                                             code=module.indicator)], key=module.indicator)
    if not entry.available:
        return ModuleResult(title, "indicator", key=module.indicator, warnings=[tr(
            "Quelle fehlt: {code} lässt sich nicht berechnen ({missing}).", code=module.indicator,
            missing=", ".join(entry.missing_sources))])
    warnings: list[str] = []
    try:
        data = _indicator_values(ws, module, ctx, entry, warnings)
    except UserInputError as exc:  # e.g. a Kennzahl whose definition fails: the rest of the report still builds
        return ModuleResult(title, "indicator", key=module.indicator, warnings=[str(exc)])
    result = indicator_module(module, data, ctx.years, ctx.next_id)
    result.warnings = warnings + result.warnings
    return result


def _planning_module(ws: Workspace, module: ScenarioModule | BacktestModule, ctx: ReportContext) -> ModuleResult:
    """A saved scenario's table and chart or its Prognose-Ist-Vergleich (``services/report_modules.py``)."""
    kind = "scenario" if isinstance(module, ScenarioModule) else "backtest"
    name = module.scenario if isinstance(module, ScenarioModule) else module.backtest
    from bildungsplaner.services import report_modules

    try:
        if isinstance(module, ScenarioModule):
            result: ModuleResult = report_modules.scenario_module(ws, module, ctx)
        else:
            result = report_modules.backtest_module(ws, module, ctx)
    except UserInputError as exc:
        return ModuleResult(module.title or name, kind, key=name, warnings=[str(exc)])
    return result


def _resolve(ws: Workspace, spec_or_name: ReportSpec | str | Path) -> ReportSpec:
    if isinstance(spec_or_name, ReportSpec):
        return spec_or_name
    if isinstance(spec_or_name, Path) or str(spec_or_name).lower().endswith(".toml"):
        return parse_report(read_definition(Path(spec_or_name)))
    return get_report(ws, str(spec_or_name)).spec


def _sheet_names(document: ReportDocument) -> None:
    """Unique xlsx sheet names (≤ 31 characters) for every table: the module's key, numbered on repeats."""
    import dataclasses
    import re

    used: set[str] = set()
    for module in document.modules():
        for i, block in enumerate(module.blocks):
            if not isinstance(block, ReportTable):
                continue
            base = re.sub(r"[\[\]:*?/\\']", "_", module.key or module.title or "Tabelle")[:27] or "Tabelle"
            name, n = base, 2
            while name.lower() in used:
                name, n = f"{base}_{n}", n + 1
            used.add(name.lower())
            module.blocks[i] = dataclasses.replace(block, sheet=name)


def build_document(ws: Workspace, spec_or_name: ReportSpec | str | Path, progress: Progress | None = None
                   ) -> ReportDocument:
    """The built report: every module computed from the workspace (see ``reporting/content.py``), „Wichtigste
    Ergebnisse“ from the modules' findings; cancellable between modules."""
    from bildungsplaner.reporting.content import text_module
    from bildungsplaner.reporting.highlights import highlights
    from bildungsplaner.services import indicators

    progress = progress or NullProgress()
    spec = _resolve(ws, spec_or_name)
    regions = _regions(ws)
    if spec.region not in regions:
        raise UserInputError(tr("Die Region {key} des Berichts gibt es im Arbeitsbereich nicht.", key=spec.region))
    ctx = ReportContext(spec, regions, spec.years, (f"f{i}" for i in itertools.count(1)))
    entries = {e.code: e for e in indicators.list_indicators(ws)}
    document = ReportDocument(spec.title, spec.subtitle, spec.region, ctx.name(spec.region),
                              [(k, ctx.name(k)) for k in spec.compare], spec.years, spec.publisher,
                              german_date(date.today()))
    for key in spec.compare:
        if key not in regions:
            document.warnings.append(tr("Die Vergleichsregion {key} gibt es im Arbeitsbereich nicht.", key=key))
    total = max(1, sum(len(c.modules) for c in spec.chapters))
    done = 0
    for chapter in spec.chapters:
        built = ChapterResult(chapter.title, chapter.intro)
        for module in chapter.modules:
            progress.check()
            progress.report(done / total, tr("Baustein {number} von {total}", number=str(done + 1), total=str(total)))
            if isinstance(module, TextModule):
                built.modules.append(text_module(module))
            elif isinstance(module, IndicatorModule):
                built.modules.append(_indicator_module(ws, module, ctx, entries))
            else:
                built.modules.append(_planning_module(ws, module, ctx))
            protect(built.modules[-1])  # a chart or sentence never shows a count its table suppresses
            done += 1
        document.chapters.append(built)
    progress.check()
    if spec.highlights:
        document.highlights = highlights(document.modules())
    if document.years is None:
        shown = [int(c) for t in document.tables() for c in t.frame.columns if str(c).isdigit() and len(str(c)) == 4]
        document.years = (min(shown), max(shown)) if shown else None
    _sheet_names(document)
    progress.report(1.0, tr("Bericht berechnet"))
    return document


# --- writing ------------------------------------------------------------------------------------------------

#: the suffixes ``build`` writes
OUTPUTS = (".docx", ".pdf", ".xlsx")
#: renders the report's HTML (``reporting.html.report_html``) with its figures as a PDF (the window's Qt, passed in)
ReportPdfRenderer = Callable[..., None]


@dataclass
class BuildSummary:
    """What a build wrote (``report build --json``)."""

    out: Path
    format: str
    title: str
    region: str
    years: tuple[int, int] | None
    modules: list[dict[str, Any]] = field(default_factory=list)
    figures: int = 0
    tables: int = 0
    highlights: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.out), "format": self.format, "title": self.title, "region": self.region,
                "years": list(self.years) if self.years else None, "modules_built": len(self.modules),
                "modules": self.modules, "figures": self.figures, "tables": self.tables,
                "highlights": self.highlights, "warnings": self.warnings}


class _Part:
    """Progress of one stage mapped into ``start`` … ``start + span`` of the whole."""

    def __init__(self, progress: Progress, start: float, span: float) -> None:
        self.progress, self.start, self.span = progress, start, span

    @property
    def cancelled(self) -> bool:
        return self.progress.cancelled

    def report(self, fraction: float, message: str = "") -> None:
        self.progress.report(self.start + self.span * fraction, message)

    def check(self) -> None:
        self.progress.check()


def summarise(document: ReportDocument, out: Path) -> BuildSummary:
    summary = BuildSummary(Path(out), Path(out).suffix.lower().lstrip("."), document.title,
                           f"{document.region_name} ({document.region_key})", document.years,
                           figures=len(document.figures()), tables=len(document.tables()),
                           highlights=len(document.highlights), warnings=list(document.warnings))
    for chapter in document.chapters:
        for module in chapter.modules:
            summary.modules.append({"chapter": chapter.title, "title": module.title, "kind": module.kind,
                                    "key": module.key, "figures": len(module.figures()),
                                    "tables": len(module.tables()), "warnings": list(module.warnings)})
            summary.warnings += [f"{module.title or module.kind}: {w}" for w in module.warnings]
    return summary


def build(ws: Workspace, name_or_path: ReportSpec | str | Path, out: Path, *,
          figure_renderer: FigureRenderer | None = None, pdf_renderer: ReportPdfRenderer | None = None,
          progress: Progress | None = None) -> BuildSummary:
    """Build the report ``name_or_path`` (a saved name, a ``.toml`` file or a spec) and write it to ``out`` by its
    suffix: ``.docx`` (Word), ``.pdf`` or ``.xlsx`` (every table, for the statistics annex). Every figure is drawn
    once by ``figure_renderer`` at 300 dpi; the PDF is drawn by ``pdf_renderer`` (both from the window's Qt,
    passed in). Cancellable between modules and figures; a cancelled build writes nothing."""
    progress = progress or NullProgress()
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in OUTPUTS:
        raise UserInputError(tr("Der Bericht wird als .docx, .pdf oder .xlsx geschrieben, nicht als „{suffix}“.",
                                suffix=out.suffix or out.name))
    if not out.parent.is_dir():
        raise UserInputError(tr("Der Ordner {folder} existiert nicht.", folder=out.parent))
    document = build_document(ws, name_or_path, _Part(progress, 0.0, 0.6))
    images: dict[str, bytes] = {}
    figures = document.figures() if suffix != ".xlsx" else []
    if figures and figure_renderer is None:
        raise UserInputError(tr("Abbildungen und Karten kann nur das Programm selbst zeichnen (kein Zeichner "
                                "übergeben)."))
    for i, figure in enumerate(figures):
        progress.check()
        progress.report(0.6 + 0.3 * i / len(figures), tr("Abbildung {number} von {total}", number=str(i + 1),
                                                         total=str(len(figures))))
        assert figure_renderer is not None
        images[figure.id] = figure_renderer(figure, 300)
    progress.check()
    progress.report(0.9, tr("Bericht wird geschrieben"))
    # the writers are imported where used (python-docx costs ~100 ms), by name so that PyInstaller finds them
    if suffix == ".docx":
        from bildungsplaner.reporting.docx import write_docx

        write_docx(document, images, out)
    elif suffix == ".pdf":
        if pdf_renderer is None:
            raise UserInputError(tr("Ein PDF kann nur das Programm selbst zeichnen (kein PDF-Zeichner übergeben)."))
        from bildungsplaner.reporting.html import report_html

        html = report_html(document, images)
        with atomic_target(out) as tmp:
            pdf_renderer(html, tmp, images=images)
    else:
        from bildungsplaner.reporting.xlsx import write_xlsx

        write_xlsx(document, out)
    with ws.session() as s, s.begin():
        record(s, AuditAction.EXPORT, {"report": document.title, "file": out.name})
    progress.report(1.0, tr("Bericht geschrieben"))
    return summarise(document, out)
