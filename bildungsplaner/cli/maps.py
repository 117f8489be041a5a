"""``bildungsplaner map export``: a choropleth map of an indicator as PNG (300 dpi), SVG or PDF.

(The module is ``maps``, not ``map``: importing ``bildungsplaner.cli.map`` would bind the package attribute ``map``
and shadow the builtin ``map`` inside ``cli/__init__``.)

``map export --indicator CODE [--period P] [--where DIM=VALUE …] [--level L] [--within KEY] [--layer NAME]
[--method quantile|equal|jenks|manual|index] [--classes N] [--breaks a,b,…] [--palette NAME] [--midpoint-class K]
[--labels] [--facilities KIND …]
--out FILE.png|FILE.svg|FILE.pdf [--json]`` over :func:`bildungsplaner.services.maps.map_data`. The drawing is Qt
(``ui/maps/render.export_map``); the command line has no Qt of its own (layers), so the entry point passes it
in as ``map_renderer`` like the PDF renderer of ``export``. ``--json`` prints the classes with bounds, labels and
counts, the regions drawn, the regions without data, the facilities drawn per kind (``--facilities``: those
kinds as symbols on top, each with its count in the legend) and the output file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr

if TYPE_CHECKING:
    from bildungsplaner.services.maps import MapRenderer

__all__ = ["add_parser", "cmd_map", "parse_breaks", "parse_where"]


#: :data:`bildungsplaner.geo.classify.METHODS`, written out: the parser is built at every start and ``classify``
#: imports numpy (``tests/geo/test_maps.py`` checks that both agree)
METHODS = ("quantile", "equal", "jenks", "manual", "index")


def add_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    from bildungsplaner.geo.palettes import PALETTES  # no numpy

    p = sub.add_parser("map", parents=[common], help="Karten: ein Indikator je Gebiet als Flächenkarte (PNG, SVG, "
                                                     "PDF)")
    actions = p.add_subparsers(dest="action", metavar="AKTION", parser_class=parser_class, required=True)
    q = actions.add_parser("export", parents=[common],
                           help="Karte eines Indikators als Datei (PNG mit 300 dpi, SVG oder PDF)")
    q.add_argument("--indicator", required=True, metavar="CODE", help="Indikator oder Kennzahl (Code)")
    q.add_argument("--period", metavar="ZEITRAUM", help="Zeitraum (Standard: der neueste mit Werten)")
    q.add_argument("--where", action="append", default=[], metavar="MERKMAL=WERT",
                   help="ein Merkmal auf einen Wert festlegen (mehrfach möglich); sonst „alle“ (Insgesamt)")
    q.add_argument("--level", metavar="EBENE", help="Gebietsebene (wählt die Grenzebene dieser Ebene)")
    q.add_argument("--within", metavar="SCHLÜSSEL", help="nur die Gebiete in diesem Gebiet (z. B. 05 für NRW)")
    q.add_argument("--layer", metavar="NAME", help="Grenzebene (Name aus „geo list“)")
    q.add_argument("--method", choices=METHODS, default="quantile",
                   help="Klassenbildung: quantile (Standard), equal, jenks, manual (mit --breaks), index (die "
                        "Klassen eines Sozialindex)")
    q.add_argument("--classes", type=int, default=5, metavar="N", help="Anzahl der Klassen, 3 bis 7 (Standard 5)")
    q.add_argument("--breaks", metavar="a,b,…", help="eigene Klassengrenzen (mit --method manual), z. B. 2,4.4,10 "
                                                     "oder 2;4,4;10")
    q.add_argument("--palette", choices=PALETTES, default="Blues", help="Farbpalette (Standard Blues)")
    q.add_argument("--midpoint-class", type=int, metavar="K",
                   help="zweiseitige Palette (RdBu, PuOr, BrBG): die Klasse K (1 = unterste) bekommt die neutrale "
                        "Farbe")
    q.add_argument("--labels", action="store_true", help="Werte in die Gebiete schreiben")
    q.add_argument("--facilities", nargs="+", default=[], metavar="ART",
                   help="Einrichtungen dieser Arten (mit Koordinaten) als Symbole auf die Karte zeichnen")
    q.add_argument("--out", type=Path, required=True, metavar="DATEI", help="Ausgabedatei: .png, .svg oder .pdf")
    q.add_argument("--json", action="store_true", help="Klassen, Gebiete und Datei als JSON ausgeben")


def parse_where(items: list[str]) -> dict[str, str]:
    """``["Geschlecht=weiblich", …]`` → ``{"Geschlecht": "weiblich"}``."""
    result: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserInputError(tr("--where erwartet MERKMAL=WERT, nicht „{item}“.", item=item))
        result[name.strip()] = value.strip()
    return result


def parse_breaks(text: str | None) -> list[float] | None:
    """Class breaks as written: ``2,4.4,10`` (points as decimal marks) or ``2;4,4;10`` (German decimal commas)."""
    if text is None:
        return None
    parts = text.split(";") if ";" in text else text.split(",")
    try:
        return [float(p.strip().replace(",", ".")) for p in parts if p.strip()]
    except ValueError:
        raise UserInputError(tr("--breaks erwartet Zahlen, z. B. 2,4.4,10 oder 2;4,4;10, nicht „{text}“.",
                                text=text)) from None


def cmd_map(args: argparse.Namespace, open_workspace: Any, *, map_renderer: MapRenderer | None = None) -> int:
    """Write the map; without a ``map_renderer`` (no Qt available) a German message refuses it."""
    from bildungsplaner.services.maps import FORMATS, map_data

    suffix = args.out.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UserInputError(tr("Kartenformat „{suffix}“ unbekannt; möglich sind .png, .svg und .pdf.",
                                suffix=args.out.suffix or args.out.name))
    if map_renderer is None:
        raise UserInputError(tr("Karten zeichnet nur das Programm mit seiner Oberfläche (Qt); sie ist hier nicht "
                                "verfügbar."))
    with open_workspace(args) as ws:
        data = map_data(ws, args.indicator, period=args.period, where=parse_where(args.where), level=args.level,
                        within=args.within, layer=args.layer, method=args.method, classes=args.classes,
                        breaks=parse_breaks(args.breaks), palette=args.palette,
                        midpoint_class=None if args.midpoint_class is None else args.midpoint_class - 1,
                        facilities=args.facilities)
    drawn = map_renderer(data, args.out, labels=args.labels)
    if args.json:
        print(json.dumps({**data.to_dict(), "output": str(args.out), "drawn": drawn}, ensure_ascii=False,
                         indent=2))
        return 0
    print(tr("Karte geschrieben: {out} ({regions} Gebiete, davon {missing} ohne Daten)", out=str(args.out),
             regions=format_number(len(data.positions)), missing=format_number(data.classes.no_data_count)))
    for text, _colour, _count in data.legend():
        print(f"  {text}")
    for kind, count in data.facility_counts().items():
        print(tr("  Einrichtungen „{kind}“: {count}", kind=kind, count=format_number(count)))
    for note in data.notes:
        print(tr("Hinweis: {note}", note=note))
    return 0
