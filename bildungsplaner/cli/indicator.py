"""``bildungsplaner indicator …``: Kennzahlen — the catalogue, the workspace's own definitions, their values.

``list [--json]``, ``define DATEI.toml [--replace]``, ``show CODE``, ``compute CODE [--level] [--within]
[--json]``, ``export CODE --out DATEI.toml|DATEI.xlsx``, ``delete CODE``; over ``services/indicators.py``.
Errors are one line and exit code 2 like every other command (``cli/__init__.run_guarded``). ``export`` to
``.xlsx`` writes the Kennzahlen-Tabelle of one or several Kennzahlen (``services/indicator_table.py``), with a
map sheet per Kennzahl drawn by the ``map_renderer`` the entry point passes in (Qt; the command line has none).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number

if TYPE_CHECKING:
    from bildungsplaner.services.maps import MapRenderer

__all__ = ["add_parser", "cmd_indicator"]


def add_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    p = sub.add_parser("indicator", parents=[common],
                       help="Kennzahlen: Katalog, eigene Definitionen, berechnete Werte")
    ind = p.add_subparsers(dest="action", metavar="AKTION", parser_class=parser_class, required=True)
    q = ind.add_parser("list", parents=[common],
                       help="importierte und berechnete Indikatoren und den Katalog mit Verfügbarkeit auflisten")
    q.add_argument("--json", action="store_true", help="als JSON ausgeben")
    q = ind.add_parser("define", parents=[common], help="Kennzahl aus einer TOML-Datei anlegen und berechnen")
    q.add_argument("file", type=Path, metavar="DATEI.toml")
    q.add_argument("--replace", action="store_true",
                   help="eine vorhandene Kennzahl gleichen Codes ersetzen (neue Version)")
    q = ind.add_parser("show", parents=[common],
                       help="Definition, Erläuterungen, Quellen mit Lizenz und Versionen einer Kennzahl zeigen")
    q.add_argument("code", metavar="CODE")
    q = ind.add_parser("compute", parents=[common], help="Werte einer Kennzahl ausgeben (ungerundet)")
    q.add_argument("code", metavar="CODE")
    q.add_argument("--level", metavar="EBENE", help="nur Gebiete dieser Ebene (bund, land, kreis, gemeinde …)")
    q.add_argument("--within", metavar="SCHLÜSSEL", help="nur Gebiete in diesem Gebiet (z. B. 05 für NRW)")
    q.add_argument("--json", action="store_true", help="als JSON ausgeben")
    q = ind.add_parser("export", parents=[common],
                       help="Definition als TOML-Datei schreiben (.xlsx: Kennzahlen-Tabelle)")
    q.add_argument("code", metavar="CODE", nargs="+")
    q.add_argument("--out", type=Path, required=True, metavar="DATEI")
    q.add_argument("--region", metavar="SCHLÜSSEL",
                   help="nur .xlsx: das Gebiet der Tabelle (Standard: die Heimatregion des Arbeitsbereichs)")
    q.add_argument("--years", metavar="VON-BIS", help="nur .xlsx: Jahre, z. B. 2012-2016 (Standard: alle)")
    q = ind.add_parser("delete", parents=[common], help="eigene Kennzahl mit ihren Werten löschen")
    q.add_argument("code", metavar="CODE")


def cmd_indicator(args: argparse.Namespace, open_workspace: Any, open_changing: Any, *,
                  map_renderer: MapRenderer | None = None) -> int:
    from bildungsplaner.services import indicators

    action = args.action
    if action == "list":
        with open_workspace(args) as ws:
            entries = indicators.list_indicators(ws)
        if args.json:
            print(json.dumps([{"code": e.code, "name": e.name, "unit": e.unit, "kind": e.kind, "area": e.area,
                               "tier": e.tier, "available": e.available, "missing_sources": e.missing_sources,
                               "decimals": e.decimals, "problem": e.problem, "observations": e.observations}
                              for e in entries], ensure_ascii=False, indent=2))
            return 0
        from bildungsplaner.cli.plan import text_table

        def status(e: Any) -> str:
            if not e.available:
                return "Quelle fehlt: " + ", ".join(e.missing_sources)
            return f"Fehler: {e.problem}" if e.problem else "verfügbar"

        print(text_table(["Code", "Art", "Bereich", "Stufe", "Einheit", "Werte", "Name", "Status"], [
            [e.code, e.kind, e.area or "", e.tier or "", e.unit, format_number(e.observations), e.name, status(e)]
            for e in entries], right={5}))
        return 0
    if action == "define":
        path = Path(args.file)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise UserInputError(f"{path} lässt sich nicht lesen ({exc.strerror or exc}).") from None
        except UnicodeDecodeError:
            raise UserInputError(f"{path} ist keine UTF-8-Textdatei.") from None
        with open_changing(args) as ws:
            entry = indicators.define(ws, text, replace=args.replace)
        print(f"Kennzahl {entry.code} gespeichert und berechnet: {format_number(entry.observations)} Werte.")
        return 0
    if action == "show":
        with open_workspace(args) as ws:
            d = indicators.show(ws, args.code)
        _print_details(d)
        return 0
    if action == "compute":
        with open_workspace(args) as ws:
            result = indicators.compute(ws, args.code, level=args.level, within=args.within)
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return 0
        _print_result(result)
        return 0
    if action == "export":
        out = Path(args.out)
        if out.suffix.lower() == ".xlsx":
            from bildungsplaner.services.indicator_table import export_indicator_table

            with open_workspace(args) as ws:
                written = export_indicator_table(ws, list(args.code), out, region=args.region,
                                                 years=_years(args.years), map_renderer=map_renderer)
            print(f"Kennzahlen-Tabelle geschrieben: {written}")
            return 0
        if args.region or args.years:
            raise UserInputError("--region und --years gelten nur für die Kennzahlen-Tabelle (--out DATEI.xlsx).")
        if len(args.code) != 1:
            raise UserInputError("Als TOML-Datei lässt sich genau eine Kennzahl schreiben.")
        with open_workspace(args) as ws:
            written = indicators.export_definition(ws, args.code[0], out)
        print(f"Definition geschrieben: {written}")
        return 0
    with open_changing(args) as ws:
        indicators.delete(ws, args.code)
    print(f"Kennzahl {args.code} gelöscht (ihre Versionen bleiben im Arbeitsbereich verzeichnet).")
    return 0


def _years(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    first, sep, last = text.replace("–", "-").partition("-")
    if not sep or not first.strip().isdigit() or not last.strip().isdigit():
        raise UserInputError(f"--years erwartet VON-BIS, z. B. 2012-2016, nicht „{text}“.")
    return int(first), int(last)


def _print_details(d: Any) -> None:
    e = d.entry
    print(f"{e.code} – {e.name}" + (f" ({e.unit})" if e.unit else ""))
    lines = [("Art", e.kind), ("Bereich", f"{e.area} {e.area_name}" if e.area else ""), ("Stufe", e.tier or ""),
             ("Verfügbar", "ja" if e.available else "nein – Quelle fehlt: " + ", ".join(e.missing_sources)),
             ("Zweck", d.purpose), ("Formel", d.formula), ("In Worten", d.formula_text), ("Stichtag", d.stichtag),
             ("Hinweise", d.caveats), ("Quelltabellen", ", ".join(d.source_tables)),
             ("Version", f"{d.version} ({d.changed_by}, {d.changed_at:%d.%m.%Y %H:%M})" if d.version and d.changed_at
              else "")]
    for label, text in lines:
        if text:
            print(f"{label}: {text}")
    if d.sources:
        print("Werte aus:")
        for src in d.sources:
            where = f"{src.input}: " if src.input else ""
            print(f"  {where}Datensatz {src.dataset} ({src.table_code or '–'}, Stand {src.stand or '–'})")
        for licence in dict.fromkeys(s.licence for s in d.sources if s.licence):
            print(f"  {licence}")
    for problem in d.problems:
        print(f"Hinweis: {problem}")
    if d.definition:
        print("\nDefinition:")
        sys.stdout.write(d.definition if d.definition.endswith("\n") else d.definition + "\n")


def _print_result(result: Any) -> None:
    from bildungsplaner.cli.plan import text_table
    from bildungsplaner.formatting import round_half_up

    decimals = result.decimals if result.decimals is not None else 1

    def cell(value: float | None, flag: str | None) -> str:
        rounded = round_half_up(value, decimals)
        if rounded is None:
            return flag or "."
        return format_number(rounded, decimals)

    index = result.kind == "index"
    head = ["Schlüssel", "Gebiet", "Zeitraum", "Wert"] + (["Klasse"] if index else [])
    print(f"{result.name}" + (f" ({result.unit})" if result.unit else ""))
    print(text_table(head, [[r.region_key, r.region_name, r.period, cell(r.value, r.flag)]
                            + ([f"{r.class_no or ''} {r.class_label or ''}".strip()] if index else [])
                            for r in result.rows], right={3}))
    for problem in result.problems:
        print(f"Hinweis: {problem}")
