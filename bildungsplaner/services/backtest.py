"""Prognose-Ist-Vergleich of a saved demand scenario: its forecast from its base year against what has been
observed since (:mod:`bildungsplaner.planning.backtest` holds the arithmetic and the definitions).

:func:`backtest` collects the scenario's population (the same choice of observations as running it), forecasts
from the base year with the observations up to the base year only, sums the observed population of each line's
ages for every later year, builds the naive forecast and lines them up.
"""

from __future__ import annotations

import pandas as pd

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.planning.ages import single_year_population
from bildungsplaner.planning.backtest import BacktestResult, compare, naive_forecast, observed_totals
from bildungsplaner.planning.demand import forecast
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.services.planning_inputs import collect_inputs
from bildungsplaner.services.scenarios import get_scenario
from bildungsplaner.store.database import Workspace

__all__ = ["BacktestResult", "backtest", "backtest_spec"]


def backtest(ws: Workspace, scenario_name: str, progress: Progress | None = None) -> BacktestResult:
    """The Prognose-Ist-Vergleich of the saved demand scenario ``scenario_name`` (German errors: no such
    scenario, not a demand scenario, base year not in the past, nothing observed since)."""
    spec = get_scenario(ws, scenario_name).spec
    if not isinstance(spec, DemandSpec):
        raise UserInputError(tr("„{name}“ ist kein Bedarfsszenario; einen Prognose-Ist-Vergleich gibt es nur für "
                                "Bedarfsszenarien.", name=scenario_name))
    return backtest_spec(ws, spec, progress)


def backtest_spec(ws: Workspace, spec: DemandSpec, progress: Progress | None = None) -> BacktestResult:
    """:func:`backtest` of a demand scenario not (necessarily) saved."""
    progress = progress or NullProgress()
    inputs = collect_inputs(ws, spec, progress)
    progress.check()
    raw = inputs.frames["population"]
    assert raw is not None
    population = single_year_population(raw, spec.ages_needed(), what=tr("Die Bevölkerung („{indicator}“)",
                                                                          indicator=spec.population.indicator))
    years = sorted({int(y) for y in population["year"]})
    last = years[-1]
    base_year = spec.population.base_year
    if base_year is None:
        raise UserInputError(tr("„{name}“ schreibt vom letzten beobachteten Jahr ({last}) aus fort; für einen "
                                "Prognose-Ist-Vergleich braucht das Szenario ein Basisjahr in der Vergangenheit "
                                "(„base_year“ im Abschnitt [population], z. B. base_year = {example}).",
                                name=spec.name, last=str(last), example=str(last - 4)))
    if base_year >= last:
        raise UserInputError(tr("Das Basisjahr {base_year} von „{name}“ liegt nicht in der Vergangenheit: beobachtet "
                                "ist die Bevölkerung bis {last}, danach gibt es nichts zu vergleichen.",
                                base_year=str(base_year), name=spec.name, last=str(last)))
    until_base = population[population["year"] <= base_year]
    if until_base.empty:
        raise UserInputError(tr("Für das Basisjahr {base_year} von „{name}“ oder davor gibt es keine "
                                "Bevölkerungswerte (beobachtet sind {first}–{last}).", base_year=str(base_year),
                                name=spec.name, first=str(years[0]), last=str(last)))
    progress.report(0.5, tr("Prognose und Beobachtung werden verglichen …"))
    result = forecast(spec, until_base, inputs.frames.get("capacity"))
    later = [y for y in years if base_year < y <= spec.population.horizon]  # (observed beyond the horizon: no forecast)
    lines = {line.name: line.ages for line in spec.demand}
    rows = result.rows.rename(columns={"population": "forecast"})
    actual = observed_totals(population, lines, later)
    naive = naive_forecast(population, base_year, lines, later)
    outcome = compare(spec.name, base_year, rows, actual, naive, [line.name for line in spec.demand])
    if outcome.rows["actual"].notna().sum() == 0:
        raise UserInputError(tr("Für „{name}“ gibt es seit dem Basisjahr {base_year} keine beobachteten Werte der "
                                "Altersjahre seiner Bedarfslinien.", name=spec.name, base_year=str(base_year)))
    outcome.warnings = list(result.warnings)
    earlier = [y for y in years if y <= base_year][-3:]
    if len(earlier) < 3:
        outcome.warnings.append(tr("Die naive Prognose nimmt für jeden ungeborenen Jahrgang das Mittel der Kinder im "
                                   "Alter 0 der letzten drei beobachteten Jahre bis zum Basisjahr; beobachtet ist "
                                   "davon nur {years}.", years=", ".join(str(y) for y in earlier)))
    if not outcome.skipped.empty:
        outcome.warnings.append(tr("Nicht verglichen, weil die Beobachtung fehlt oder 0 ist ({count}): {examples}.",
                                   count=format_number(len(outcome.skipped)), examples=_examples(outcome.skipped)))
    progress.report(1.0, "")
    return outcome


def _examples(skipped: pd.DataFrame) -> str:
    items = [f"{r.region_key} {r.region_name} {r.line} {r.year}" for r in skipped.head(5).itertuples()]
    return "; ".join(items) + (" …" if len(skipped) > 5 else "")
