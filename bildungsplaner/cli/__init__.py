"""Command line over the same services as the window.

``bildungsplaner`` without a command opens the window (see ``__main__``); everything else runs here,
without Qt. Errors are one line on stderr and a non-zero exit code, never a traceback:
2 for rejected input (a file, a parameter, a workspace that cannot be used), 3 for a file already imported
with the same template and options (nothing changed), 1 for internal errors (details in the log file), 130
when interrupted.
"""

from __future__ import annotations

import argparse
import json
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from bildungsplaner import APP_NAME, BildungsplanerError, UserInputError, __version__, paths
from bildungsplaner.formatting import format_number

if TYPE_CHECKING:
    from bildungsplaner.reporting.document import FigureRenderer
    from bildungsplaner.services.maps import MapRenderer
    from bildungsplaner.services.scenario_export import PdfRenderer

log = logging.getLogger(__name__)

EXIT_OK, EXIT_INTERNAL, EXIT_REJECTED, EXIT_INTERRUPTED = 0, 1, 2, 130
#: ``import``: the same file was imported before with the same template, sheet and options; nothing changed.
EXIT_DUPLICATE = 3
#: The reader of the output went away early (``… | head``): the status of a Unix tool ended by SIGPIPE.
EXIT_BROKEN_PIPE = 141


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit code 2 (argparse's own convention)
        self.exit(EXIT_REJECTED, f"{self.prog}: Fehler: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    # SUPPRESS: a subcommand that is not given --workspace must not overwrite the one given before it
    # ("bildungsplaner -w X import F" would otherwise import into the default workspace); the parsers share
    # this action (parents=), so the default None is filled in after parsing, see parse()
    common.add_argument("--workspace", "-w", type=workspace_location, metavar="PFAD", default=argparse.SUPPRESS,
                        help="Arbeitsbereichsdatei oder Server-Adresse postgresql://…?workspace=NAME (Standard: der "
                             "Arbeitsbereich im Datenordner)")
    common.add_argument("--migrate", action="store_true", default=argparse.SUPPRESS,
                        help="einen Arbeitsbereich auf dem Server auf den Schemastand dieser Programmversion "
                             "aktualisieren, wenn nötig (ohne: Abbruch mit Hinweis, nichts geändert); danach können "
                             "Kolleginnen und Kollegen mit älteren Versionen ihn nicht mehr öffnen")
    parser = _Parser(
        prog="bildungsplaner", parents=[common],
        description=f"{APP_NAME} {__version__} – Planung für das kommunale Bildungsmanagement. "
                    "Ohne Befehl öffnet sich das Programmfenster.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--smoke-test", action="store_true",
                        help="Selbsttest: Demo in temporärem Arbeitsbereich erzeugen, lesen, Fenster öffnen/schließen")
    parser.add_argument("--demo", action="store_true", help="Fenster mit dem Demo-Arbeitsbereich öffnen")
    # benchmarks/startup.py: print "shown <epoch seconds>" once the window is shown, then quit
    parser.add_argument("--startup-probe", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="BEFEHL", parser_class=_Parser)

    p = sub.add_parser("info", parents=[common], help="Arbeitsbereich beschreiben (Pfad, Schemastand, Anzahlen)")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    sub.add_parser("check", parents=[common],
                   help="Integritäts- und Fremdschlüsselprüfung; Exit-Code 1 bei jedem Problem")
    p = sub.add_parser("backup", parents=[common], help="Sicherung als Arbeitsbereichsdatei schreiben (auch von "
                       "einem Arbeitsbereich auf dem Server: ein in sich stimmiger Stand)")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI")
    p = sub.add_parser("restore", parents=[common], help="Arbeitsbereich aus einer Sicherung wiederherstellen "
                       "(mit --workspace postgresql://…: in einen NEUEN Arbeitsbereich auf dem Server übertragen)")
    p.add_argument("--from", dest="source", type=Path, required=True, metavar="DATEI")
    p = sub.add_parser("new", parents=[common], help="neuen, leeren Arbeitsbereich anlegen (eine vorhandene "
                       "Datei wird nicht überschrieben), als Datei oder auf dem Server (postgresql://…?workspace="
                       "NAME); gibt Pfad oder Adresse aus")
    p.add_argument("path", type=workspace_location, metavar="PFAD")
    p.add_argument("--region", metavar="SCHLÜSSEL",
                   help="Heimatregion: Kreis, kreisfreie Stadt oder Gemeinde (AGS, z. B. 05978 für den Kreis Unna)")
    p.add_argument("--name", metavar="TEXT", help="Name des Arbeitsbereichs")
    p = sub.add_parser("demo", parents=[common], help="Demo-Arbeitsbereich (fiktiver Kreis Lindental) erzeugen")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI")
    p.add_argument("--force", action="store_true", help="eine vorhandene Datei ersetzen")

    p = sub.add_parser("import", parents=[common], help="Datei importieren (GENESIS-Tabelle/-Flatfile, Excel, "
                       "ODS, CSV); Exit-Code 2 bei abgelehnter Datei, 3 bei derselben Datei mit derselben Vorlage "
                       "wie ein früherer Import; dann wird nichts geändert")
    p.add_argument("file", type=Path, metavar="DATEI")
    p.add_argument("--template", type=Path, metavar="VORLAGE.toml",
                   help="Importvorlage für allgemeine Tabellen (welche Spalte was enthält)")
    p.add_argument("--sheet", metavar="NAME", help="Tabellenblatt (Standard: aus der Vorlage, sonst das erste)")
    p.add_argument("--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern")
    p.add_argument("--json", action="store_true", help="Prüfbericht als JSON ausgeben")
    p.add_argument("--all-regions", action="store_true",
                   help="alle Gebiete der Datei behalten (Standard: nur die Heimatregion des Arbeitsbereichs, was "
                        "darunter liegt, Land und Bund)")
    p = sub.add_parser("data", parents=[common], help="Importe auflisten oder löschen, Beobachtungen exportieren")
    data_sub = p.add_subparsers(dest="action", metavar="AKTION", parser_class=_Parser, required=True)
    p = data_sub.add_parser("export", parents=[common], help="alle Beobachtungen als CSV (lang, eine Zeile je Wert)")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI.csv")
    p.add_argument("--dataset", type=int, metavar="ID", help="nur dieser Datensatz (auch ein ersetzter)")
    p.add_argument("--indicator", metavar="CODE", help="nur dieser Indikator")
    p.add_argument("--include-superseded", action="store_true", help="auch Werte ersetzter Datenstände")
    p = data_sub.add_parser("list", parents=[common], help="alle Importe mit Herkunft, Stand und Anzahl der Werte")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p = data_sub.add_parser("delete", parents=[common],
                            help="einen Import zurücknehmen (Nummer aus „data list“): seine Werte gehen, Einrichtungen "
                                 "und Gebiete bekommen ihren Stand davor zurück, ein älterer Stand derselben Tabelle "
                                 "gilt wieder")
    p.add_argument("dataset", type=int, metavar="NR")
    from bildungsplaner.cli import data, export, geo, indicator, plan
    from bildungsplaner.cli import maps as map_cli
    from bildungsplaner.cli import report as report_cli

    data.add_pivot_parser(data_sub, common)

    plan.add_parser(sub, common, _Parser)
    indicator.add_parser(sub, common, _Parser)
    geo.add_parser(sub, common, _Parser)
    map_cli.add_parser(sub, common, _Parser)
    report_cli.add_parser(sub, common, _Parser)
    export.add_parser(sub, common)
    p = sub.add_parser("facilities", parents=[common],
                       help="Einrichtungen exportieren oder dem Gebiet zuordnen, in dem sie liegen")
    fac_sub = p.add_subparsers(dest="action", metavar="AKTION", parser_class=_Parser, required=True)
    p = fac_sub.add_parser("export", parents=[common], help="alle Einrichtungen als CSV")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI.csv")
    p = fac_sub.add_parser("assign", parents=[common],
                           help="jede Einrichtung mit Koordinaten dem Gebiet der Ebene zuordnen, in dem sie liegt, "
                                "und die Einrichtungen je Gebiet und Art als Kennzahl EINR_<ART> zählen")
    p.add_argument("--level", required=True, metavar="EBENE",
                   help="Ebene der Gebiete (mit importierten Grenzen), z. B. kreis, gemeinde, sozialraum")
    p.add_argument("--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern")
    p.add_argument("--json", action="store_true", help="Bericht als JSON ausgeben")
    return parser


def workspace_location(text: str) -> Path | str:
    """argparse type of every workspace argument: a server address stays the URL string (a ``Path`` would collapse
    its ``//``), anything else is a path."""
    from bildungsplaner.store.postgres import is_server_address

    return text if is_server_address(text) else Path(text)


_LOG_HANDLER: logging.Handler | None = None


def setup_logging() -> Path | None:
    """Log to a rotating file in the data folder; returns its path (None if it cannot be written).

    Idempotent; when the data folder has changed (another ``BILDUNGSPLANER_HOME``) the handler moves with it.
    """
    global _LOG_HANDLER
    try:
        log_file = paths.log_dir() / "bildungsplaner.log"
        current = getattr(_LOG_HANDLER, "baseFilename", None)
        if current is not None and Path(current) == log_file.resolve():
            return log_file
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _LOG_HANDLER is not None:
        root.removeHandler(_LOG_HANDLER)
        _LOG_HANDLER.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _LOG_HANDLER = handler
    return log_file


def run_guarded(fn: Callable[[], int]) -> int:
    """Run ``fn`` and turn every error into one German line on stderr and an exit code."""
    try:
        code = fn()
        if sys.stdout is not None:
            sys.stdout.flush()  # a reader that left early shows up here, not as a message at interpreter exit
        return code
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_BROKEN_PIPE
    except BildungsplanerError as exc:
        print(f"Fehler: {exc}", file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        print("Abgebrochen.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        log_file = setup_logging()
        log.exception("internal error")
        where = f" (Details im Protokoll: {log_file})" if log_file else ""
        print(f"Interner Fehler: {type(exc).__name__}: {exc}{where}", file=sys.stderr)
        return EXIT_INTERNAL


def _discard_stdout() -> None:
    """After ``… | head`` closed the pipe: send what is still buffered nowhere, so the exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no real stdout (embedded, tests): nothing to silence
        pass


def _default_workspace() -> Path | str:
    """The workspace the window used last (a file or a server address); else the user's workspace in the data
    folder."""
    from bildungsplaner.settings import Settings
    from bildungsplaner.store.postgres import is_server_address

    try:
        last = Settings().get("last_workspace")
    except OSError:
        last = ""
    if last and is_server_address(last):
        return str(last)
    return Path(last) if last and Path(last).is_file() else paths.default_workspace()


def _workspace_path(args: argparse.Namespace) -> Path | str:
    """The workspace of ``args``: a path, or a server address (the URL string)."""
    if args.workspace:
        return args.workspace if isinstance(args.workspace, str) else Path(args.workspace)
    return _default_workspace()


def _shown(location: Path | str) -> str:
    """A workspace location as shown to the user: a server address without its password."""
    from bildungsplaner.store.postgres import is_server_address, parse_address

    if is_server_address(location):
        try:
            return parse_address(str(location)).display()
        except BildungsplanerError:
            return "postgresql://…"
    return str(location)


def _open(args: argparse.Namespace):  # -> Workspace (imports local: start-up speed of the GUI path)
    """Open the workspace of ``args`` (``--workspace`` or :func:`_default_workspace`)."""
    from bildungsplaner.services.workspace import open_workspace
    from bildungsplaner.store.database import MigrationDeclined

    path = _workspace_path(args)
    if isinstance(path, str):  # a server address: whether it exists, the server says
        # a due migration only with --migrate: afterwards colleagues on older versions are refused
        migrate = bool(getattr(args, "migrate", False))
        try:
            return open_workspace(path, create=False, confirm_migration=lambda _old, _new: migrate)
        except MigrationDeclined as exc:
            raise UserInputError(
                f"Der Arbeitsbereich {_shown(path)} auf dem Server muss für diese Programmversion aktualisiert "
                f"werden (Schemastand {exc.revision} → {exc.head}). Danach können Kolleginnen und Kollegen mit "
                "älteren Programmversionen ihn nicht mehr öffnen. Aktualisieren mit --migrate; es wurde nichts "
                "geändert.") from exc
    if not path.exists():
        hint = "" if args.workspace else " (oder starten Sie das Programmfenster und wählen Sie Ihren Kreis)"
        raise UserInputError(f"Der Arbeitsbereich {path} existiert nicht. Neu anlegen mit: bildungsplaner new "
                             f"{path} --region SCHLÜSSEL{hint}.")
    return open_workspace(path, create=False)


@contextmanager
def _open_changing(args: argparse.Namespace) -> Iterator[Any]:
    """:func:`_open` for a command that changes data: once it succeeded, the workspace is named on stderr, so
    nobody changes the demo (or a colleague's file) without noticing."""
    with _open(args) as ws:
        yield ws
    print(f"Arbeitsbereich: {ws.location}", file=sys.stderr)


def cmd_new(args: argparse.Namespace) -> int:
    from bildungsplaner.services.home import home_region
    from bildungsplaner.services.workspace import create_workspace, open_workspace

    target = create_workspace(args.path, region=args.region, name=args.name)
    with open_workspace(target, create=False) as ws:
        home = home_region(ws)
    print(_shown(target))
    if home:
        print(f"Heimatregion: {home}", file=sys.stderr)
    return EXIT_OK


def cmd_info(args: argparse.Namespace) -> int:
    from bildungsplaner.services.workspace import workspace_info

    with _open(args) as ws:
        info = workspace_info(ws)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        labels = {"workspace": "Arbeitsbereich", "name": "Name", "home_region": "Heimatregion",
                  "schema_version": "Schemastand", "regions": "Gebiete",
                  "datasets": "Datensätze (Importe)", "indicators": "Indikatoren",
                  "observations": "Beobachtungen", "facilities": "Einrichtungen", "scenarios": "Szenarien",
                  "size_bytes": "Dateigröße (Bytes)"}
        width = max(map(len, labels.values()))
        for key, label in labels.items():
            value = info[key]
            if value in ("", None):
                continue
            print(f"{label:<{width}}  {format_number(value) if isinstance(value, int) else value}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from bildungsplaner.services.workspace import check_workspace

    path = _workspace_path(args)
    problems = check_workspace(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"Prüfung fehlgeschlagen: {len(problems)} Problem(e) in {_shown(path)}", file=sys.stderr)
        return EXIT_INTERNAL
    print(f"Prüfung bestanden: {_shown(path)}")
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from bildungsplaner.services.workspace import backup_workspace

    with _open(args) as ws:
        target = backup_workspace(ws, args.out)
    print(f"Sicherung geschrieben: {target}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from bildungsplaner.services.workspace import restore_workspace

    target = _workspace_path(args)
    restore_workspace(args.source, target)
    print(f"Wiederhergestellt: {_shown(target)} aus {args.source}")
    print(f"Arbeitsbereich: {_shown(target)}", file=sys.stderr)
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from bildungsplaner.demo.reports import REPORTS
    from bildungsplaner.demo.scenarios import SCENARIOS
    from bildungsplaner.services.workspace import create_demo_workspace

    summary = create_demo_workspace(args.out, overwrite=args.force)
    observations = format_number(summary.observations)
    reports = "1 Bericht" if len(REPORTS) == 1 else f"{len(REPORTS)} Berichte"
    print(f"Demo-Arbeitsbereich geschrieben: {args.out} ({summary.regions} Gebiete, {observations} Beobachtungen, "
          f"{summary.facilities} Einrichtungen, {len(SCENARIOS)} Szenarien, {reports})")
    return EXIT_OK


class _TerminalProgress:
    """Progress on stderr, only when it is a terminal (scripts and tests get clean output)."""

    cancelled = False

    def __init__(self) -> None:
        self._active = sys.stderr.isatty()
        self._last = ""

    def report(self, fraction: float, message: str = "") -> None:
        if self._active:
            line = f"\r{min(max(fraction, 0.0), 1.0):4.0%} {message}"[:100]
            if line != self._last:
                print(line.ljust(len(self._last)), end="", file=sys.stderr, flush=True)
                self._last = line

    def check(self) -> None:
        pass

    def done(self) -> None:
        if self._active and self._last:
            print(file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    from bildungsplaner.importing.template import ImportTemplate
    from bildungsplaner.services.importing import UnmatchedRegionsError, import_file

    template = ImportTemplate.load(args.template) if args.template else None
    progress = _TerminalProgress()
    with (_open(args) if args.dry_run else _open_changing(args)) as ws:
        try:
            report = import_file(ws, args.file, template=template, sheet=args.sheet, dry_run=args.dry_run,
                                 progress=progress, all_regions=args.all_regions)
        except UnmatchedRegionsError as exc:
            progress.done()
            if args.json:
                print(json.dumps(exc.report.to_dict(), ensure_ascii=False, indent=2))
            raise
        finally:
            progress.done()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    if report.duplicate_of is not None:
        print(f"Fehler: {report.summary()}", file=sys.stderr)
        return EXIT_DUPLICATE
    if not args.json:
        print(report.summary())
    return EXIT_OK


def cmd_data(args: argparse.Namespace) -> int:
    from bildungsplaner.services.data_export import export_observations_csv

    if args.action == "list":
        return _data_list(args)
    if args.action == "delete":
        return _data_delete(args)
    if args.action == "pivot":
        from bildungsplaner.cli.data import cmd_pivot

        return cmd_pivot(args, _open)
    with _open(args) as ws:
        count = export_observations_csv(ws, args.out, dataset=args.dataset, indicator=args.indicator,
                                        include_superseded=args.include_superseded)
    print(f"{format_number(count)} Beobachtungen geschrieben: {args.out}")
    return EXIT_OK


def _data_delete(args: argparse.Namespace) -> int:
    from bildungsplaner.services.importing import delete_import

    with _open_changing(args) as ws:
        gone = delete_import(ws, args.dataset)
    what = [f"{format_number(gone.observations)} Werte entfernt"] + [
        text.format(format_number(n)) for n, text in (
            (gone.facilities_removed, "{} neu angelegte Einrichtungen entfernt"),
            (gone.facilities_restored, "{} Einrichtungen auf den Stand davor zurückgesetzt"),
            (gone.regions_removed, "{} neu angelegte, sonst nicht genutzte Gebiete entfernt"),
            (gone.regions_restored, "{} Gebiete auf den Stand davor zurückgesetzt")) if n]
    print(f"Import Nr. {gone.dataset} ({gone.file_name}) gelöscht: {'; '.join(what)}.")
    if gone.current_again:
        print("Wieder aktuell: Import Nr. " + ", ".join(str(i) for i in gone.current_again) + ".")
    if gone.indicators_removed:
        print("Indikatoren ohne Werte entfernt: " + ", ".join(gone.indicators_removed) + ".")
    return EXIT_OK


def _data_list(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from bildungsplaner.cli.plan import text_table
    from bildungsplaner.services.browse import DatasetRow, list_datasets

    with _open(args) as ws:
        rows = list_datasets(ws)
    if args.json:
        print(json.dumps([{**asdict(r), "imported_at": r.imported_at.isoformat()} for r in rows],
                         ensure_ascii=False, indent=2))
        return EXIT_OK

    def status(r: DatasetRow) -> str:
        return "aktuell" if r.superseded_by is None else f"ersetzt durch {r.superseded_by}"

    print(text_table(["Nr.", "Datei", "Tabelle", "Stand", "Werte", "Einr.", "importiert", "Status"], [
        [str(r.id), r.file_name, r.table_code or "", r.stand or "", format_number(r.observations),
         format_number(r.facilities), r.imported_at.astimezone().strftime("%d.%m.%Y %H:%M"), status(r)]
        for r in rows], right={0, 4, 5}))
    return EXIT_OK


def cmd_facilities(args: argparse.Namespace) -> int:
    from bildungsplaner.services.data_export import export_facilities_csv

    if args.action == "assign":
        from bildungsplaner.services.facility_places import assign_facilities

        with (_open if args.dry_run else _open_changing)(args) as ws:
            report = assign_facilities(ws, args.level, dry_run=args.dry_run, progress=_TerminalProgress())
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) if args.json else report.summary())
        return EXIT_OK

    with _open(args) as ws:
        count = export_facilities_csv(ws, args.out)
    print(f"{format_number(count)} Einrichtungen geschrieben: {args.out}")
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    from bildungsplaner.cli.plan import cmd_plan as run_plan

    changes = args.action in ("rename", "duplicate", "delete") or (args.action == "run" and args.save)
    return run_plan(args, _open_changing if changes else _open)


def cmd_export(args: argparse.Namespace, *, pdf_renderer: PdfRenderer | None = None,
               map_renderer: MapRenderer | None = None) -> int:
    from bildungsplaner.cli.export import cmd_export as run_export

    return run_export(args, _open, pdf_renderer=pdf_renderer, map_renderer=map_renderer)


def cmd_indicator(args: argparse.Namespace, *, map_renderer: MapRenderer | None = None) -> int:
    from bildungsplaner.cli.indicator import cmd_indicator as run_indicator

    return run_indicator(args, _open, _open_changing, map_renderer=map_renderer)


def cmd_geo(args: argparse.Namespace) -> int:
    from bildungsplaner.cli.geo import cmd_geo as run_geo

    return run_geo(args, _open, _open_changing, _TerminalProgress())


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "info": cmd_info, "new": cmd_new, "check": cmd_check, "backup": cmd_backup, "restore": cmd_restore,
    "demo": cmd_demo,
    "import": cmd_import, "data": cmd_data, "facilities": cmd_facilities, "plan": cmd_plan,
    "export": cmd_export, "indicator": cmd_indicator, "geo": cmd_geo,
}


def cmd_map(args: argparse.Namespace, *, map_renderer: MapRenderer | None = None) -> int:
    from bildungsplaner.cli.maps import cmd_map as run_map

    return run_map(args, _open, map_renderer=map_renderer)


def cmd_report(args: argparse.Namespace, *, figure_renderer: FigureRenderer | None = None,
               pdf_renderer: Any = None) -> int:
    from bildungsplaner.cli.report import cmd_report as run_report

    return run_report(args, _open, _open_changing, _TerminalProgress(), figure_renderer=figure_renderer,
                      pdf_renderer=pdf_renderer)


def run_command(args: argparse.Namespace, *, pdf_renderer: PdfRenderer | None = None,
                map_renderer: MapRenderer | None = None, figure_renderer: FigureRenderer | None = None) -> int:
    """Run the parsed command; ``pdf_renderer`` draws ``export --format pdf`` (and ``report build … .pdf``),
    ``map_renderer`` the files of ``map export`` and the map sheets of ``indicator export … .xlsx`` and
    ``export … .xlsx``, ``figure_renderer`` the charts and maps of ``report build`` (the entry point passes the
    window's Qt renderers, which the command line cannot import itself)."""
    setup_logging()
    if args.command == "report":
        return run_guarded(lambda: cmd_report(args, figure_renderer=figure_renderer, pdf_renderer=pdf_renderer))
    if args.command == "export":
        return run_guarded(lambda: cmd_export(args, pdf_renderer=pdf_renderer, map_renderer=map_renderer))
    if args.command == "map":
        return run_guarded(lambda: cmd_map(args, map_renderer=map_renderer))
    if args.command == "indicator":  # the Kennzahlen-Tabelle's map sheets
        return run_guarded(lambda: cmd_indicator(args, map_renderer=map_renderer))
    return run_guarded(lambda: COMMANDS[args.command](args))


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if not hasattr(args, "workspace"):
        args.workspace = None
    if not hasattr(args, "migrate"):
        args.migrate = False
    return args
