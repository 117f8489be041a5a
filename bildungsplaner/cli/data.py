"""``bildungsplaner data pivot``: the numbers the window's chart and pivot show, for scripts and tests."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import decimals_for, format_number
from bildungsplaner.i18n import tr

__all__ = ["add_pivot_parser", "cmd_pivot"]


def add_pivot_parser(data_sub: Any, common: argparse.ArgumentParser) -> None:
    p = data_sub.add_parser(
        "pivot", parents=[common],
        help="Werte eines Indikators als Tabelle Gebiete × Zeiträume, wie Diagramm und Pivot im Fenster "
             "(„alle“ = die Gesamtzahl der Quelle, eine Summe nur, wo es keine gibt)")
    p.add_argument("--indicator", required=True, metavar="CODE")
    p.add_argument("--region", required=True, metavar="SCHLÜSSEL")
    p.add_argument("--children", action="store_true", help="auch die Gebiete direkt darunter")
    p.add_argument("--rows", choices=("region", "period"), default="region",
                   help="Zeilen: Gebiete (Standard) oder Zeiträume")
    p.add_argument("--where", action="append", default=[], metavar="MERKMAL=WERT",
                   help="ein Merkmal auf einen Wert festlegen (mehrfach möglich); sonst „alle“")
    p.add_argument("--json", action="store_true", help="als JSON ausgeben")
    p.add_argument("--out", type=Path, metavar="DATEI.xlsx",
                   help="als Excel-Arbeitsmappe speichern (mit Zeichenerklärung und Quellen)")


def _where(items: list[str]) -> dict[str, str]:
    result = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UserInputError(tr("--where erwartet MERKMAL=WERT, nicht „{item}“.", item=item))
        result[name.strip()] = value.strip()
    return result


def cmd_pivot(args: argparse.Namespace, open_workspace: Any) -> int:
    from bildungsplaner.cli.plan import text_table
    from bildungsplaner.services.aggregate import load_pivot

    with open_workspace(args) as ws:
        loaded = load_pivot(ws, args.indicator, args.region, children=args.children, rows=args.rows,
                            where=_where(args.where))
    table, name, unit = loaded.table, loaded.name, loaded.unit
    if args.out is not None:
        from bildungsplaner.exporting.pivot import write_pivot_xlsx

        if args.out.suffix.lower() != ".xlsx":
            raise UserInputError(tr("--out: nur .xlsx ist möglich, nicht „{suffix}“.",
                                    suffix=args.out.suffix or args.out.name))
        write_pivot_xlsx(table, args.out, title=name, unit=unit, sources=loaded.sources)
        print(f"Pivot-Tabelle geschrieben: {args.out}")
        return 0
    if args.json:
        print(json.dumps({"indicator": loaded.code, "name": name, "unit": unit, **table.to_json(),
                          "sources": loaded.sources}, ensure_ascii=False, indent=2))
        return 0
    import numpy as np  # not at module level: the parser (and so the window's start) imports this module

    decimals = decimals_for(table.values)

    def cell(value: float, flag: str | None) -> str:
        if not np.isfinite(value):
            return flag or "."
        return format_number(value, decimals) + (flag if flag and flag in "prs" else "")

    print(f"{name}{f' ({unit})' if unit else ''}")
    print(text_table([table.row_header, *table.columns],
                     [[label, *(cell(v, f) for v, f in zip(values, flags, strict=True))]
                      for label, values, flags in zip(table.rows, table.values, table.flags, strict=True)],
                     right=set(range(1, len(table.columns) + 1))))
    for dimension, how in table.how.items():
        print(f"{dimension}: {how}")
    for note in table.notes:
        print(f"Hinweis: {note}")
    return 0
