"""``bildungsplaner geo …``: boundary layers — import a boundary file, list the layers.

``import DATEI [--layer NAME] [--key-field F] [--name-field F] [--level EBENE] [--create-under SCHLÜSSEL]
[--crs EPSG:N] [--name NAME] [--stand TEXT] [--source TEXT] [--dry-run] [--json]`` and ``list [--json]``, over
``services/geo.py``. Errors are one line and exit code 2 like every other command (``cli/__init__.run_guarded``);
a GeoPackage with several layers and none chosen lists them (exit code 2). ``--json`` prints
``{"features", "matched", "created", "unmatched", "regions_without_geometry", "crs", "layer", …}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bildungsplaner.formatting import format_number

__all__ = ["add_parser", "cmd_geo"]


def add_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    from bildungsplaner.store.models import RegionLevel

    p = sub.add_parser("geo", parents=[common], help="Gebietsgrenzen (Karten): Grenzdateien importieren, Ebenen "
                                                     "auflisten")
    geo = p.add_subparsers(dest="action", metavar="AKTION", parser_class=parser_class, required=True)
    q = geo.add_parser("import", parents=[common],
                       help="Grenzdatei importieren (GeoJSON, Shapefile mit .dbf/.prj, GeoPackage); Exit-Code 2 bei "
                            "abgelehnter Datei, dann wird nichts geändert")
    q.add_argument("file", type=Path, metavar="DATEI")
    q.add_argument("--layer", metavar="NAME", help="Ebene eines GeoPackage mit mehreren Ebenen")
    q.add_argument("--key-field", metavar="FELD",
                   help="Feld mit dem Gebietsschlüssel (Standard: erkannt, z. B. ARS, AGS, RS, SCHLUESSEL, STT_NR)")
    q.add_argument("--name-field", metavar="FELD", help="Feld mit dem Gebietsnamen (Standard: erkannt, z. B. GEN)")
    q.add_argument("--level", metavar="EBENE", choices=[lv.value for lv in RegionLevel],
                   help="Ebene der Gebiete: " + ", ".join(lv.value for lv in RegionLevel))
    q.add_argument("--create-under", metavar="SCHLÜSSEL",
                   help="Gebiete ohne Entsprechung im Arbeitsbereich unter diesem Gebiet neu anlegen (mit --level, "
                        "z. B. die Stadtteile unter 05315000 Köln)")
    q.add_argument("--crs", metavar="EPSG:N",
                   help="Koordinatensystem der Datei, wenn sie keines oder ein falsches nennt (z. B. EPSG:25833)")
    q.add_argument("--name", metavar="NAME",
                   help="Name der Ebene im Arbeitsbereich (Standard: Dateiname bzw. GeoPackage-Ebene); eine Ebene "
                        "gleichen Namens wird ersetzt")
    q.add_argument("--stand", metavar="TEXT", help="Stand der Grenzen (Standard: aus aktualitaet.txt, falls vorhanden)")
    q.add_argument("--source", metavar="TEXT",
                   help="Quellenvermerk (Standard: aus dem Quellenvermerk neben der Datei, falls vorhanden)")
    q.add_argument("--dry-run", action="store_true", help="nur prüfen und berichten, nichts speichern")
    q.add_argument("--json", action="store_true", help="Bericht als JSON ausgeben")
    q = geo.add_parser("list", parents=[common], help="die Grenzebenen des Arbeitsbereichs auflisten")
    q.add_argument("--json", action="store_true", help="als JSON ausgeben")


def cmd_geo(args: argparse.Namespace, open_workspace: Any, open_changing: Any, progress: Any = None) -> int:
    from bildungsplaner.services import geo

    if args.action == "list":
        with open_workspace(args) as ws:
            layers = geo.list_layers(ws)
        if args.json:
            print(json.dumps([layer.to_dict() for layer in layers], ensure_ascii=False, indent=2))
            return 0
        from bildungsplaner.cli.plan import text_table

        print(text_table(["Nr.", "Ebene", "Gebietsebene", "Gebiete", "Datei", "Stand", "Quelle", "Koordinatensystem",
                          "importiert"], [
            [str(r.id), r.name, r.level or "", format_number(r.features), r.source_file, r.stand or "",
             r.source or "", r.source_crs, r.imported_at.astimezone().strftime("%d.%m.%Y %H:%M")] for r in layers],
            right={0, 3}))
        return 0
    opener = open_workspace if args.dry_run else open_changing
    with opener(args) as ws:
        try:
            report = geo.import_boundaries(
                ws, args.file, layer=args.layer, key_field=args.key_field, name_field=args.name_field,
                level=args.level, create_under=args.create_under, crs=args.crs, dry_run=args.dry_run,
                progress=progress, name=args.name, stand=args.stand, source=args.source)
        finally:
            if progress is not None and hasattr(progress, "done"):
                progress.done()
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
    if report.unmatched and not args.json:
        print("Hinweis: Gebiete ohne Entsprechung lassen sich mit --create-under SCHLÜSSEL --level EBENE anlegen.",
              file=sys.stderr)
    return 0
