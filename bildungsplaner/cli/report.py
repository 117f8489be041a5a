"""``bildungsplaner report …``: the Bildungsbericht — build a report definition into DOCX, PDF or xlsx, and keep the
workspace's definitions.

``build DATEI.toml|NAME --out DATEI.docx|DATEI.pdf|DATEI.xlsx [--json]``, ``list [--json]``, ``show NAME``,
``import DATEI.toml [--name NAME] [--replace]``, ``export NAME --out DATEI.toml``, ``rename ALT NEU``,
``delete NAME``; over ``services/reports.py``. Errors are one line and exit code 2 like every other command
(``cli/__init__.run_guarded``). Figures and the PDF are drawn by the renderers the entry point passes in (Qt; the
command line has none of its own).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bildungsplaner.formatting import format_number

if TYPE_CHECKING:
    from bildungsplaner.reporting.document import FigureRenderer

__all__ = ["add_parser", "cmd_report"]


def add_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    p = sub.add_parser("report", parents=[common],
                       help="Bildungsbericht: aus einer Berichtsdefinition Word, PDF oder Excel erzeugen")
    rep = p.add_subparsers(dest="action", metavar="AKTION", parser_class=parser_class, required=True)
    q = rep.add_parser("build", parents=[common],
                       help="Bericht berechnen und schreiben (.docx: Word, .pdf, .xlsx: alle Tabellen)")
    q.add_argument("report", metavar="DATEI.toml|NAME",
                   help="eine Berichtsdefinition (TOML-Datei) oder der Name eines gespeicherten Berichts")
    q.add_argument("--out", type=Path, required=True, metavar="DATEI.docx|DATEI.pdf|DATEI.xlsx")
    q.add_argument("--json", action="store_true",
                   help="Zusammenfassung als JSON (Bausteine, Abbildungen, Tabellen, Warnungen)")
    q = rep.add_parser("list", parents=[common], help="gespeicherte Berichte auflisten")
    q.add_argument("--json", action="store_true", help="als JSON ausgeben")
    q = rep.add_parser("show", parents=[common], help="die Definition eines gespeicherten Berichts zeigen")
    q.add_argument("name", metavar="NAME")
    q = rep.add_parser("import", parents=[common], help="Berichtsdefinition aus einer TOML-Datei speichern")
    q.add_argument("file", type=Path, metavar="DATEI.toml")
    q.add_argument("--name", metavar="NAME", help="Name im Arbeitsbereich (Standard: Dateiname ohne Endung)")
    q.add_argument("--replace", action="store_true", help="einen Bericht gleichen Namens ersetzen")
    q = rep.add_parser("export", parents=[common], help="Definition eines gespeicherten Berichts als TOML schreiben")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--out", type=Path, required=True, metavar="DATEI.toml")
    q = rep.add_parser("rename", parents=[common], help="gespeicherten Bericht umbenennen")
    q.add_argument("old", metavar="ALT")
    q.add_argument("new", metavar="NEU")
    q = rep.add_parser("delete", parents=[common], help="gespeicherten Bericht löschen")
    q.add_argument("name", metavar="NAME")


def _definition(text: str) -> Path | str:
    """A ``.toml`` argument (or an existing file) is a file, anything else a saved report's name."""
    path = Path(text)
    return path if text.lower().endswith(".toml") or path.is_file() else text


def cmd_report(args: argparse.Namespace, open_workspace: Any, open_changing: Any, progress: Any, *,
               figure_renderer: FigureRenderer | None = None, pdf_renderer: Any = None) -> int:
    from bildungsplaner.services import reports

    action = args.action
    if action == "build":
        with open_workspace(args) as ws:
            try:
                summary = reports.build(ws, _definition(args.report), args.out, figure_renderer=figure_renderer,
                                        pdf_renderer=pdf_renderer, progress=progress)
            finally:
                getattr(progress, "done", lambda: None)()
        if args.json:
            print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
            return 0
        print(f"Bericht geschrieben: {summary.out} ({format_number(len(summary.modules))} Bausteine, "
              f"{format_number(summary.figures)} Abbildungen, {format_number(summary.tables)} Tabellen).")
        for warning in summary.warnings:
            print(f"Hinweis: {warning}")
        return 0
    if action == "list":
        with open_workspace(args) as ws:
            saved = reports.list_reports(ws)
        if args.json:
            print(json.dumps([{"name": r.name, "title": _title(r), "created_at": r.created_at.isoformat(),
                               "changed_at": r.changed_at.isoformat()} for r in saved], ensure_ascii=False, indent=2))
            return 0
        from bildungsplaner.cli.plan import text_table

        print(text_table(["Name", "Titel", "geändert"], [
            [r.name, _title(r), r.changed_at.astimezone().strftime("%d.%m.%Y %H:%M")] for r in saved], right=set()))
        return 0
    if action == "show":
        with open_workspace(args) as ws:
            print(reports.get_report(ws, args.name).text, end="")
        return 0
    if action == "export":
        with open_workspace(args) as ws:
            out = reports.export_definition(ws, args.name, args.out)
        print(f"Berichtsdefinition geschrieben: {out}")
        return 0
    with open_changing(args) as ws:
        if action == "import":
            stored = reports.import_definition(ws, args.file, args.name, replace=args.replace)
            print(f"Bericht „{stored.name}“ gespeichert.")
        elif action == "rename":
            stored = reports.rename_report(ws, args.old, args.new)
            print(f"Bericht „{args.old}“ heißt jetzt „{stored.name}“.")
        else:
            reports.delete_report(ws, args.name)
            print(f"Bericht „{args.name}“ gelöscht.")
    return 0


def _title(saved: Any) -> str:
    try:
        return str(saved.spec.title)
    except Exception:  # a definition stored by a newer version: the list still shows it
        return "(nicht lesbar)"
