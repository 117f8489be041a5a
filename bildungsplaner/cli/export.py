"""``bildungsplaner export SCENARIO --out FILE``: the council workbook (or CSV, PDF) of a scenario.

SCENARIO is a saved scenario's name or a scenario file. The PDF is drawn with Qt; the command line has no Qt
of its own (layers), so the entry point passes the renderer in: ``cli.run_command(args, pdf_renderer=…)`` hands it
to :func:`cmd_export`; likewise the map renderer for the workbook's map sheets (``map_renderer=…``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bildungsplaner.services.maps import MapRenderer
    from bildungsplaner.services.scenario_export import PdfRenderer

__all__ = ["add_parser", "cmd_export", "output_format"]


def output_format(args: argparse.Namespace) -> str:
    """``--format``, else from the suffix of ``--out`` (``.csv``, ``.pdf``), else xlsx."""
    return args.format or {".csv": "csv", ".pdf": "pdf"}.get(args.out.suffix.lower(), "xlsx")


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[common], help="Planungstabelle eines Szenarios für den Ausschuss "
                                                        "(xlsx, csv oder pdf)")
    p.add_argument("scenario", metavar="SZENARIO", help="Name eines gespeicherten Szenarios oder Szenariodatei")
    p.add_argument("--out", type=Path, required=True, metavar="DATEI")
    p.add_argument("--compare", metavar="ANDERES", help="zweites Szenario: Vergleichsblatt mit Differenz")
    p.add_argument("--format", choices=["xlsx", "csv", "pdf"], default=None,
                   help="Dateiformat (Standard: nach der Endung von --out, sonst xlsx)")
    p.add_argument("--suppress-below", type=int, default=None, metavar="N",
                   help="Geheimhaltung: Fallzahlen unter N durch „.“ ersetzen (mit sekundärer Sperrung; nur xlsx)")
    p.add_argument("--group-by", default=None, metavar="EBENE",
                   help="Verteilung: Zwischensummen je übergeordnetem Gebiet dieser Ebene (z. B. gemeinde)")
    p.add_argument("--author", default=None, metavar="NAME",
                   help="Name der Verfasserin/des Verfassers für Methodik und Dokumenteigenschaften (Standard: "
                        "keiner; der Anmeldename wird nie geschrieben)")


def cmd_export(args: argparse.Namespace, open_workspace: Any, *, pdf_renderer: PdfRenderer | None = None,
               map_renderer: MapRenderer | None = None) -> int:
    """Write the export; ``pdf_renderer`` draws ``--format pdf`` (without one, a PDF is refused with a message)."""
    from bildungsplaner.cli.plan import resolve_spec
    from bildungsplaner.services.scenario_export import export_scenario

    format = output_format(args)
    with open_workspace(args) as ws:
        spec, _ = resolve_spec(ws, args.scenario)
        other = resolve_spec(ws, args.compare)[0] if args.compare else None
        out = export_scenario(ws, spec, args.out, compare=other, format=format, suppress_below=args.suppress_below,
                              pdf_renderer=pdf_renderer, author=args.author, group_by=args.group_by,
                              map_renderer=map_renderer)
    print(f"Export geschrieben: {out}")
    return 0
