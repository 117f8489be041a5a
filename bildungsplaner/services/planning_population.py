"""Which population a new demand scenario can start from: the workspace's indicators with an age dimension.

:func:`population_choices` lists, for every indicator whose current observations carry a dimension named
``Alter…`` (``Alter``, ``Altersjahre``, ``Altersgruppe`` …), the other dimensions with their values (the
scenario must fix each of them, e.g. ``Geschlecht = Insgesamt``), the region levels with values and the
periods. :func:`demand_template` turns a choice into a new demand scenario (U3 and Ü3 lines) — the window's
dialog and tests use it, so that a workspace without the demo's ``BEV_ALTER`` gets a scenario that computes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.planning.demand_spec import DemandSpec
from bildungsplaner.services.browse import natural_key
from bildungsplaner.services.planning_data import period_year
from bildungsplaner.store import dimensions as dims
from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import Dataset, Indicator, Observation, Region

__all__ = ["TOTAL", "PopulationChoice", "demand_template", "population_choices"]

#: the value a total category usually has; preselected where it exists
TOTAL = "Insgesamt"


@dataclass(frozen=True)
class PopulationChoice:
    """One indicator a demand forecast can start from."""

    code: str
    name: str
    age_dimension: str
    #: every other dimension → its values (``Insgesamt`` first, the rest in natural order)
    dimensions: dict[str, list[str]] = field(default_factory=dict)
    #: region levels with values → number of regions, most regions first
    levels: dict[str, int] = field(default_factory=dict)
    periods: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})" if self.name and self.name != self.code else self.code

    def default_dimensions(self) -> dict[str, str]:
        """``Insgesamt`` of each other dimension where it exists, else its first value."""
        return {name: values[0] for name, values in self.dimensions.items() if values}

    @property
    def last_year(self) -> int | None:
        years = [y for y in (period_year(p) for p in self.periods) if y is not None]
        return max(years) if years else None


def _age_dimension(names: set[str]) -> str | None:
    return next((n for n in sorted(names) if n.lower().startswith("alter")), None)


def population_choices(ws: Workspace) -> list[PopulationChoice]:
    """Every indicator with an age dimension in current datasets (see the module docstring), by name."""
    current = Dataset.superseded_by_id.is_(None)
    with ws.session() as s:
        combos = s.execute(select(Observation.indicator_id, Observation.dimensions).join(
            Dataset, Dataset.id == Observation.dataset_id).where(current).distinct()).all()
        names = {i: (code, name) for i, code, name in s.execute(select(Indicator.id, Indicator.code,
                                                                       Indicator.name))}
        levels = s.execute(select(Observation.indicator_id, Region.level,
                                  func.count(func.distinct(Observation.region_id)))
                           .join(Region, Region.id == Observation.region_id)
                           .join(Dataset, Dataset.id == Observation.dataset_id).where(current)
                           .group_by(Observation.indicator_id, Region.level)).all()
        periods = s.execute(select(Observation.indicator_id, Observation.period).join(
            Dataset, Dataset.id == Observation.dataset_id).where(current).distinct()).all()
    values: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for indicator, text in combos:
        for key, value in dims.decode(text).items():
            values[indicator][key].add(value)
    level_counts: dict[int, dict[str, int]] = defaultdict(dict)
    for indicator, level, count in levels:
        level_counts[indicator][level] = int(count)
    period_lists: dict[int, list[str]] = defaultdict(list)
    for indicator, period in periods:
        period_lists[indicator].append(period)
    choices = []
    for indicator, found in values.items():
        age = _age_dimension(set(found))
        if age is None:
            continue
        others = {name: sorted(found[name], key=lambda v: (v != TOTAL, natural_key(v)))
                  for name in sorted(found) if name != age}
        code, name = names[indicator]
        counts = level_counts.get(indicator, {})
        choices.append(PopulationChoice(code, name or code, age, others,
                                        dict(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
                                        sorted(period_lists.get(indicator, []), key=lambda p: (period_year(p) or 0,
                                                                                                 p))))
    return sorted(choices, key=lambda c: (c.name.casefold(), c.code))


def demand_template(name: str, choice: PopulationChoice, *, level: str | None = None,
                    dimensions: Mapping[str, str] | None = None, horizon: int | None = None,
                    within: str | None = None) -> DemandSpec:
    """A new demand scenario on ``choice``: the regions of ``level`` (default: the level with most regions),
    the other dimensions fixed to ``dimensions`` (default: :meth:`PopulationChoice.default_dimensions`),
    horizon five years after the last observed year (at least 2030), lines U3 (ages 1-2, 45 %) and Ü3 (3-5,
    95 %) without places (add them in the editor)."""
    fixed = {**choice.default_dimensions(), **dict(dimensions or {})}
    last = choice.last_year
    regions: dict[str, Any] = {"level": level or next(iter(choice.levels), "gemeinde")}
    if within:
        regions["within"] = within
    population: dict[str, Any] = {"indicator": choice.code, "horizon": horizon or max(2030, (last or 2025) + 5)}
    if fixed:
        population["dimensions"] = fixed
    population["age_dimension"] = choice.age_dimension
    spec = scenario_files.parse_dict({
        "format": 1, "kind": DemandSpec.kind, "name": name, "regions": regions, "population": population,
        "demand": [{"name": "U3", "ages": [1, 2], "rate": 0.45}, {"name": "Ü3", "ages": [3, 4, 5], "rate": 0.95}]})
    assert isinstance(spec, DemandSpec)  # (kind = "demand")
    return spec
