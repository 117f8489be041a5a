"""``bildungsplaner plan …``: run, save, list, show, compare, rename, duplicate, delete and export scenarios,
and ``plan backtest``: the Prognose-Ist-Vergleich of a saved demand scenario whose base year lies in the past.

A scenario argument is the name of a saved scenario or the path of a scenario file (``*.toml``).
``--group-by LEVEL`` (run, show, compare of allocation scenarios) lists the recipients per region of that
level above them (``gemeinde``, ``kreis`` …) with a subtotal per group, in text and JSON.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr

if TYPE_CHECKING:
    from bildungsplaner.planning.allocation import AllocationResult
    from bildungsplaner.planning.backtest import BacktestResult
    from bildungsplaner.planning.demand import DemandResult
    from bildungsplaner.planning.groups import Grouping
    from bildungsplaner.planning.scenario import PlanningResult, ScenarioSpec
    from bildungsplaner.services.planning import Comparison
    from bildungsplaner.store.database import Workspace

__all__ = ["add_parser", "cmd_plan", "resolve_spec", "text_table"]


def add_parser(sub: Any, common: argparse.ArgumentParser, parser_class: type) -> None:
    p = sub.add_parser("plan", parents=[common], help="Szenarien rechnen, speichern, vergleichen")
    plan = p.add_subparsers(dest="action", metavar="AKTION", parser_class=parser_class, required=True)
    q = plan.add_parser("run", parents=[common], help="Szenariodatei rechnen (und mit --save speichern)")
    q.add_argument("file", type=Path, metavar="DATEI.toml")
    q.add_argument("--json", action="store_true", help="Ergebnis als JSON")
    q.add_argument("--save", action="store_true", help="Szenario mit Ergebnis im Arbeitsbereich speichern")
    q.add_argument("--replace", action="store_true",
                   help="mit --save: ein gespeichertes Szenario gleichen Namens ersetzen")
    _group_option(q)
    q = plan.add_parser("list", parents=[common], help="gespeicherte Szenarien auflisten")
    q.add_argument("--json", action="store_true")
    q = plan.add_parser("show", parents=[common], help="gespeichertes Szenario mit aktuellem Ergebnis zeigen")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true")
    _group_option(q)
    q = plan.add_parser("compare", parents=[common], help="zwei Szenarien vergleichen (Differenz B − A)")
    q.add_argument("a", metavar="A")
    q.add_argument("b", metavar="B")
    q.add_argument("--json", action="store_true")
    _group_option(q)
    q = plan.add_parser("export", parents=[common], help="gespeichertes Szenario als TOML-Datei schreiben")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--out", type=Path, required=True, metavar="DATEI.toml")
    q = plan.add_parser("rename", parents=[common], help="Szenario umbenennen")
    q.add_argument("name", metavar="NAME")
    q.add_argument("new", metavar="NEUER_NAME")
    q = plan.add_parser("duplicate", parents=[common], help="Szenario kopieren")
    q.add_argument("name", metavar="NAME")
    q.add_argument("new", metavar="NEUER_NAME", nargs="?")
    q = plan.add_parser("delete", parents=[common], help="Szenario löschen")
    q.add_argument("name", metavar="NAME")
    q = plan.add_parser("backtest", parents=[common],
                        help="Prognose-Ist-Vergleich: Bedarfsszenario mit Basisjahr in der Vergangenheit gegen die "
                             "seitdem beobachtete Bevölkerung (MAPE, Bias, naive Prognose)")
    q.add_argument("name", metavar="NAME")
    q.add_argument("--json", action="store_true", help="Zeilen je Gebiet und Jahr und die Zusammenfassung als JSON")


def _group_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--group-by", metavar="EBENE", default=None,
                        help="Verteilung: Empfänger nach dem übergeordneten Gebiet dieser Ebene gruppieren, mit "
                             "Zwischensummen (z. B. gemeinde, kreis)")


def _cell(value: Any, decimals: int) -> str:
    """German number text; missing → ``.`` (GENESIS: unknown; ``–`` would mean exactly zero)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "."
    return format_number(float(value), decimals)


def resolve_spec(ws: Workspace, ref: str) -> tuple[ScenarioSpec, str]:
    """``(spec, name)`` for a saved scenario's name or a scenario file's path."""
    from bildungsplaner.planning import scenario as scenario_files
    from bildungsplaner.services.scenarios import get_scenario

    path = Path(ref)
    if ref.lower().endswith(".toml") or (path.exists() and path.is_file()):
        spec = scenario_files.load(path)
        return spec, spec.name
    saved = get_scenario(ws, ref)
    return saved.spec, saved.name


def text_table(headers: list[str], rows: list[list[str]], right: set[int]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths,
                                                                                                strict=True)))
    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def _grouped_lines(grouping: Grouping, row: Callable[[Any], list[str]], subtotal: Callable[[Any], list[str]],
                   total: Callable[[Any], list[str]]) -> list[list[str]]:
    """Rows of a grouped listing: each group's rows, then its subtotal line, at the end the grand total."""
    lines: list[list[str]] = []
    for group, members in grouping.groups():
        lines += [row(r) for r in members.to_dict("records")]
        lines.append(subtotal(group))
    lines.append(total(grouping.grand))
    return lines


def _render_allocation(result: AllocationResult, grouping: Grouping | None) -> str:
    def row(r: Any) -> list[str]:
        return [str(r["key"]), str(r["name"])[:40], _cell(100 * r["need_share"], 2), _cell(r["exact"], 3),
                _cell(r["amount"], 2)]

    total = _cell(float(result.rows["amount"].sum()), 2)
    headers = ["Schlüssel", "Name", "Bedarfsanteil %", "exakt", f"Betrag ({result.unit})"]
    if grouping is None:
        rows = [row(r) for r in result.rows.to_dict("records")]
        text = text_table(headers, rows, {2, 3, 4})
    else:
        def subtotal(g: Any) -> list[str]:
            return ["", f"Summe {g['group_name']} ({g['count']})"[:40], _cell(100 * g["need_share"], 2),
                    _cell(g["exact"], 3), _cell(g["amount"], 2)]

        def grand(t: Any) -> list[str]:
            return ["", "Insgesamt", _cell(100 * t["need_share"], 2), _cell(t["exact"], 3), _cell(t["amount"], 2)]

        text = text_table(headers, _grouped_lines(grouping, row, subtotal, grand), {2, 3, 4})
        text = f"gruppiert nach {grouping.level}: {len(grouping.totals)} Gruppen\n\n{text}"
    return f"{result.name}: {total} {result.unit} auf {len(result.rows)} Empfänger\n\n{text}"


def _render_demand(result: DemandResult, grouping: Grouping | None) -> str:
    rows = [[str(r["region_key"]), str(r["region_name"])[:30], str(r["year"]), str(r["line"]),
             _cell(r["population"], 0), _cell(r["demand"], 1), _cell(r["capacity"], 0),
             _cell(r["gap"], 1)] for r in result.rows.to_dict("records")]
    text = text_table(["Gebiet", "Name", "Jahr", "Bedarfslinie", "Bevölkerung", "Bedarf", "Plätze", "Lücke"], rows,
                      {2, 4, 5, 6, 7})
    return f"{result.name}: {result.base_year}–{result.horizon}\n\n{text}"


#: the text form of a result, one function per kind of scenario (``services.kinds.KINDS``; a test checks the keys)
RENDERERS: dict[str, Callable[[Any, Grouping | None], str]] = {"allocation": _render_allocation,
                                                               "demand": _render_demand}


def render_result(result: PlanningResult, grouping: Grouping | None = None) -> str:
    """The result as a text table; with ``grouping`` (allocation) the recipients per group with subtotals."""
    from bildungsplaner.services.kinds import kind_of

    text = RENDERERS[kind_of(result).name](result, grouping)
    if result.warnings:
        text += "\n\nHinweise:\n" + "\n".join(f"- {w}" for w in result.warnings)
    return text


def result_json(result: PlanningResult, grouping: Grouping | None = None) -> dict[str, Any]:
    """The result's JSON form; with ``grouping`` every row names its ``group`` and ``groups`` lists the groups
    with their subtotals (``group_by``: the level)."""
    from bildungsplaner.services.kinds import kind_of

    return _with_groups(kind_of(result).to_json(result), grouping)


def _with_groups(data: dict[str, Any], grouping: Grouping | None) -> dict[str, Any]:
    """``data`` (a result's or comparison's JSON) with each row's ``group``, ``group_by`` and ``groups``."""
    if grouping is not None:
        group_of = dict(zip(grouping.rows["key"].astype(str), grouping.rows["group_key"], strict=True))
        for row in data["rows"]:
            row["group"] = group_of.get(str(row["key"])) or None
        data["group_by"] = grouping.level
        data["groups"] = grouping.to_json_dict()
    return data


def cmd_plan(args: argparse.Namespace, open_workspace: Any) -> int:
    from bildungsplaner.services import scenarios
    from bildungsplaner.services.planning import compare_results, group_comparison, group_result, run_scenario

    group_by = getattr(args, "group_by", None)

    def grouped(result: PlanningResult) -> Grouping | None:
        return group_result(ws, result, group_by) if group_by else None

    with open_workspace(args) as ws:
        if args.action == "run":
            from bildungsplaner.planning import scenario as scenario_files

            spec = scenario_files.load(args.file)
            if args.replace and not args.save:
                raise UserInputError(tr("--replace gilt nur zusammen mit --save."))
            if args.save and not args.replace and any(s.name == spec.name for s in scenarios.list_scenarios(ws)):
                raise UserInputError(tr("Ein Szenario „{name}“ ist schon gespeichert; es bleibt unverändert. Mit "
                                        "--replace wird es ersetzt, oder geben Sie dem Szenario in der Datei einen "
                                        "anderen Namen.", name=spec.name))
            result = run_scenario(ws, spec)
            grouping = grouped(result)  # (a wrong level is refused before anything is saved)
            if args.save:
                # --replace overwrites the scenario of that name on purpose (whatever version a colleague stored);
                # it is still a new version, so a colleague's editor holding the old one is refused afterwards
                scenarios.save_scenario(ws, spec, result=result.to_json_dict(), replace=args.replace)
            _print_result(result, args.json, saved=spec.name if args.save else None, grouping=grouping)
        elif args.action == "list":
            saved = scenarios.list_scenarios(ws)
            if args.json:
                print(json.dumps([{"name": s.name, "kind": s.kind, "changed_at": s.changed_at.isoformat(),
                                   "version": s.version, "changed_by": s.changed_by}
                                  for s in saved], ensure_ascii=False, indent=2))
            elif not saved:
                print("Keine Szenarien gespeichert.")
            else:
                print(text_table(["Name", "Art", "Version", "geändert", "von"], [
                    [s.name, _kind_de(s.kind), str(s.version), s.changed_at.astimezone().strftime("%d.%m.%Y %H:%M"),
                     s.changed_by] for s in saved], {2}))
        elif args.action == "show":
            shown = scenarios.get_scenario(ws, args.name)
            result = run_scenario(ws, shown.spec)
            grouping = grouped(result)
            if args.json:
                print(json.dumps({"scenario": shown.text, **result_json(result, grouping)}, ensure_ascii=False,
                                 indent=2))
            else:
                print(shown.text.rstrip() + "\n\n" + render_result(result, grouping))
        elif args.action == "compare":
            spec_a, name_a = resolve_spec(ws, args.a)
            spec_b, name_b = resolve_spec(ws, args.b)
            comparison = compare_results(run_scenario(ws, spec_a), name_a, run_scenario(ws, spec_b), name_b)
            _print_comparison(comparison, args.json, group_comparison(ws, comparison, group_by) if group_by else None)
        elif args.action == "export":
            out = scenarios.export_scenario_file(ws, args.name, args.out)
            print(f"Szenario „{args.name}“ geschrieben: {out}")
        elif args.action == "rename":
            scenarios.rename_scenario(ws, args.name, args.new)
            print(f"Szenario „{args.name}“ heißt jetzt „{args.new}“.")
        elif args.action == "duplicate":
            copy = scenarios.duplicate_scenario(ws, args.name, args.new)
            print(f"Kopie angelegt: „{copy.name}“.")
        elif args.action == "delete":
            scenarios.delete_scenario(ws, args.name)
            print(f"Szenario „{args.name}“ gelöscht.")
        elif args.action == "backtest":
            from bildungsplaner.services.backtest import backtest

            outcome = backtest(ws, args.name)
            if args.json:
                print(json.dumps(outcome.to_json_dict(), ensure_ascii=False, indent=2))
            else:
                print(render_backtest(outcome))
        else:  # pragma: no cover - argparse restricts the choices
            raise UserInputError(tr("Unbekannte Aktion {action}.", action=args.action))
    return 0


def render_backtest(outcome: BacktestResult) -> str:
    """The Prognose-Ist-Vergleich as text: one row per region, line and year, then the summary per line."""
    rows = [[str(r["region_key"]), str(r["region_name"])[:30], str(r["line"]), str(r["year"]),
             _cell(r["forecast"], 0), _cell(r["actual"], 0), _cell(r["error"], 0), _cell(r["pct_error"], 1),
             _cell(r["naive"], 0), _cell(r["naive_pct_error"], 1)] for r in outcome.rows.to_dict("records")]
    table = text_table(["Gebiet", "Name", "Bedarfslinie", "Jahr", "Prognose", "Ist", "Fehler", "Fehler %",
                        "naiv", "naiv Fehler %"], rows, {3, 4, 5, 6, 7, 8, 9})
    summary = [[str(r["line"]) if isinstance(r["line"], str) else "alle", format_number(int(r["count"])),
                _cell(r["mape"], 1), _cell(r["bias"], 1), _cell(r["within_5"], 0), _cell(r["within_10"], 0),
                _cell(r["naive_mape"], 1), _cell(r["naive_bias"], 1), _cell(r["naive_within_5"], 0),
                _cell(r["naive_within_10"], 0)] for r in outcome.summary.to_dict("records")]
    summary_table = text_table(["Bedarfslinie", "Vergleiche", "MAPE %", "Bias %", "±5 % (%)", "±10 % (%)",
                                "naiv MAPE %", "naiv Bias %", "naiv ±5 % (%)", "naiv ±10 % (%)"], summary,
                               set(range(1, 10)))
    years = f"{outcome.years[0]}–{outcome.years[-1]}" if len(outcome.years) > 1 else str(outcome.years[0])
    text = (f"Prognose-Ist-Vergleich „{outcome.name}“: Basisjahr {outcome.base_year}, beobachtet {years}\n"
            "Fehler = Prognose − Ist (positiv: Prognose zu hoch); MAPE = mittlerer absoluter Fehler in %, "
            "Bias = mittlerer Fehler in % mit Vorzeichen; naiv = jeder ungeborene Jahrgang wie das Mittel der "
            "letzten drei beobachteten Geburtsjahrgänge, sonst nur Altern\n\n"
            f"{table}\n\nZusammenfassung\n\n{summary_table}")
    if outcome.warnings:
        text += "\n\nHinweise:\n" + "\n".join(f"- {w}" for w in outcome.warnings)
    return text


def _kind_de(kind: str) -> str:
    from bildungsplaner.services.scenarios import kind_label

    return kind_label(kind)


def _print_result(result: PlanningResult, as_json: bool, saved: str | None, grouping: Grouping | None = None) -> None:
    if as_json:
        print(json.dumps(result_json(result, grouping), ensure_ascii=False, indent=2))
        return
    print(render_result(result, grouping))
    if saved:
        print(f"\nGespeichert als „{saved}“.")


def _print_comparison(comparison: Comparison, as_json: bool, grouping: Grouping | None = None) -> None:
    if as_json:
        data = _with_groups(comparison.to_json_dict(), grouping)
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    keys = [c for c in comparison.rows.columns if c not in ("a", "b", "difference", "region_key")]

    def row(r: Any) -> list[str]:
        return [str(r[k]) for k in keys] + [_cell(r["a"], 2), _cell(r["b"], 2), _cell(r["difference"], 2)]

    def sums(label: str, values: Any) -> list[str]:  # (grouped: only allocations, keys are key and name)
        return ["", label, _cell(values["a"], 2), _cell(values["b"], 2), _cell(values["difference"], 2)]

    if grouping is None:
        rows = [row(r) for r in comparison.rows.to_dict("records")]
    else:
        rows = _grouped_lines(grouping, row, lambda g: sums(f"Summe {g['group_name']} ({g['count']})", g),
                              lambda t: sums("Insgesamt", t))
    print(f"A = {comparison.name_a}, B = {comparison.name_b}\n")
    if grouping is not None:
        print(f"gruppiert nach {grouping.level}: {len(grouping.totals)} Gruppen\n")
    labels = {"key": "Schlüssel", "name": "Name", "region_key": "Gebiet", "region_name": "Name", "year": "Jahr",
              "line": "Bedarfslinie"}
    print(text_table([*(labels.get(k, k) for k in keys), "A", "B", "B − A"], rows,
                 {len(keys), len(keys) + 1, len(keys) + 2}))
    for warning in comparison.warnings:
        print(f"- {warning}")
