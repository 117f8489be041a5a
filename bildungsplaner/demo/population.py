"""Children and young people by single year of age and sex, births, and social indicators per Sozialraum.

The population is generated per Sozialraum only; Gemeinde and Kreis values are exact sums of it (see
:func:`aggregate`). Cohorts age from one year to the next with a little net migration, and each new age-0
cohort follows a stylised births trend, so a forecast built on these numbers behaves like one built on real
Einwohnermeldedaten.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable
from dataclasses import dataclass

from bildungsplaner.demo.geography import Area

YEARS: tuple[int, ...] = (2020, 2021, 2022, 2023, 2024)
AGES: tuple[int, ...] = tuple(range(19))
MALE, FEMALE, TOTAL = "männlich", "weiblich", "Insgesamt"
SEXES: tuple[str, str] = (MALE, FEMALE)

#: Relative size of a birth cohort by year of birth (a stylised shape, not real figures): the low of the
#: early 2010s, the rise up to 2021 and the fall afterwards.
BIRTH_TREND: dict[int, float] = {
    2002: 0.95, 2003: 0.93, 2004: 0.92, 2005: 0.90, 2006: 0.89, 2007: 0.89, 2008: 0.89, 2009: 0.87,
    2010: 0.88, 2011: 0.86, 2012: 0.87, 2013: 0.88, 2014: 0.92, 2015: 0.95, 2016: 1.01, 2017: 1.01,
    2018: 1.02, 2019: 1.01, 2020: 1.00, 2021: 1.03, 2022: 0.96, 2023: 0.90, 2024: 0.88,
}
MALE_SHARE = 0.513

#: counts[year_index][age][sex_index] -> persons (sex_index 0 = männlich, 1 = weiblich)
Counts = list[list[list[int]]]


@dataclass(frozen=True)
class AreaPopulation:
    key: str
    counts: Counts
    #: Live births per year (a little above the age-0 count at year end).
    births: tuple[int, ...]

    def total(self, year: int, ages: Iterable[int]) -> int:
        """Persons (both sexes) of the given ages at the end of ``year``."""
        row = self.counts[YEARS.index(year)]
        return sum(row[a][0] + row[a][1] for a in ages)


def _split_sex(rng: random.Random, total: int) -> list[int]:
    male = round(total * MALE_SHARE + rng.gauss(0.0, 0.25 * math.sqrt(total)))
    male = min(total, max(0, male))
    return [male, total - male]


def generate_area(rng: random.Random, area: Area) -> AreaPopulation:
    """One Sozialraum's children by age and sex for :data:`YEARS`, drawn from ``rng``."""
    # Children per age year as a share of the population: ~1 %, more in disadvantaged areas.
    rate = 0.0100 * (1.0 + 0.25 * (area.deprivation - 0.3)) * rng.uniform(0.93, 1.07)
    net_migration = rng.uniform(-0.006, 0.012)  # per year, relative to the cohort
    counts: Counts = []

    first = []
    for age in AGES:
        # Older cohorts have grown a little through migration since birth.
        expected = area.population * rate * BIRTH_TREND[YEARS[0] - age] * (1.0 + 0.004 * age)
        first.append(_split_sex(rng, max(0, round(expected * rng.gauss(1.0, 0.05)))))
    counts.append(first)

    for year in YEARS[1:]:
        previous = counts[-1]
        newborn = area.population * rate * BIRTH_TREND[year] * 0.985
        row = [_split_sex(rng, max(0, round(newborn * rng.gauss(1.0, 0.05))))]
        for age in AGES[1:]:
            cohort = []
            for sex in range(2):
                before = previous[age - 1][sex]
                change = rng.gauss(before * net_migration, 0.015 * before + 0.6)
                cohort.append(max(0, round(before + change)))
            row.append(cohort)
        counts.append(row)

    births = tuple(
        round((row[0][0] + row[0][1]) * rng.uniform(1.0, 1.03)) + (1 if rng.random() < 0.3 else 0)
        for row in counts
    )
    return AreaPopulation(area.key, counts, births)


def aggregate(key: str, parts: list[AreaPopulation]) -> AreaPopulation:
    """Exact sum of ``parts`` for every year, age and sex (and of their births)."""
    counts: Counts = [
        [[sum(p.counts[y][a][s] for p in parts) for s in range(2)] for a in AGES] for y in range(len(YEARS))
    ]
    births = tuple(sum(p.births[y] for p in parts) for y in range(len(YEARS)))
    return AreaPopulation(key, counts, births)


# --- Social indicators ---------------------------------------------------------------------------------

SOCIAL_CODES: tuple[str, ...] = ("SGB2_U15", "ALLEINERZ", "MIGR_U18")

#: Year effects: SGB II share dips in 2021 and rises after 2022 (refugees from Ukraine entering SGB II).
_SGB2_YEAR = {2020: 1.00, 2021: 0.97, 2022: 1.04, 2023: 1.07, 2024: 1.06}


def _pct(value: float, low: float, high: float) -> float:
    return round(min(high, max(low, value)), 1)


def social_indicators(rng: random.Random, area: Area) -> dict[str, dict[int, float]]:
    """Shares in percent (one decimal) per indicator code and year for one Sozialraum."""
    d = area.deprivation
    sgb2 = 3.0 + 36.0 * d**1.3 + rng.gauss(0.0, 1.2)
    single = 13.0 + 13.0 * d + rng.gauss(0.0, 1.5)
    migr = 16.0 + 50.0 * d + rng.gauss(0.0, 4.0)
    result: dict[str, dict[int, float]] = {code: {} for code in SOCIAL_CODES}
    for i, year in enumerate(YEARS):
        result["SGB2_U15"][year] = _pct(sgb2 * _SGB2_YEAR[year] + rng.gauss(0.0, 0.5), 0.5, 60.0)
        result["ALLEINERZ"][year] = _pct(single + 0.15 * i + rng.gauss(0.0, 0.6), 3.0, 45.0)
        result["MIGR_U18"][year] = _pct(migr + 0.9 * i + rng.gauss(0.0, 0.8), 2.0, 85.0)
    return result
